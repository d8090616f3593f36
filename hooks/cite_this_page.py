"""Hook: offer a ready citation (APA, MLA, Chicago, BibTeX) at the foot of every reviewed page,
with the page's stable address and its review date. Runs after mkdocs-bibtex and after the
References heading is added, and puts the block just before that heading."""

import _project
from mkdocs.plugins import event_priority

_project.on_path()
from publishing.cite_this_page import cite_block

REFERENCES_HEADING = "\n## References\n"


@event_priority(-60)
def on_page_markdown(markdown, page, config, files):
    reviewed = page.meta.get("reviewed")
    if not reviewed or not page.canonical_url:
        return markdown
    slug = page.file.src_uri.removesuffix(".md").replace("/index", "").replace("/", "-") or "home"
    block = cite_block(config.site_name, page.meta.get("title") or page.title, reviewed, page.canonical_url, slug)
    head, heading, tail = markdown.rpartition(REFERENCES_HEADING)
    if heading:
        return f"{head}\n\n{block}{heading}{tail}"
    return f"{markdown.rstrip()}\n\n{block}"
