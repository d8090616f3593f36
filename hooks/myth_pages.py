"""Hook: myth pages show their verdict, the myths index lists them, and each carries ClaimReview.

A thin adapter over `publishing/`: the claim, verdict and summary come from each myth page's
front matter (checked by `sourcing.verdicts` before the build starts).
"""

from pathlib import Path

import _project

_project.on_path()
from publishing.navigation import nav_files
from publishing.claimreview import claim_review, json_ld
from publishing.myths import collect_myths, insert_after_title, myths_table, verdict_badge
from sourcing.verdicts import is_myth_page

MYTHS_TABLE_MARKER = "<!-- myths-table -->"  # where the myths index wants its table

_sources = {}  # key -> fields of the bibliography entry; reloaded at every build


def on_config(config):
    bibliography = _project.bibliography(config)
    _sources.clear()
    _sources.update({key: {n: f.value for n, f in e.fields.items()} for key, e in bibliography.entries.items()})
    return config


def on_page_markdown(markdown, page, config, files):
    if is_myth_page(page.meta):
        markdown = insert_after_title(markdown, verdict_badge(page.meta))
    if MYTHS_TABLE_MARKER in markdown:
        folder = Path(page.file.abs_src_path).parent
        in_nav_order = [Path(name).name for name in nav_files(config.nav)]
        table = myths_table(collect_myths(folder, in_nav_order))
        markdown = markdown.replace(MYTHS_TABLE_MARKER, table)
    return markdown


def on_page_context(context, page, config, nav):
    if is_myth_page(page.meta):
        review = claim_review(
            page.meta,
            _sources.get(page.meta["claim_appearance"], {}),
            publisher=config.site_name,
            page_url=page.canonical_url,
            publisher_url=config.site_url,
        )
        page.meta["claimreview_jsonld"] = json_ld(review)
    return context

