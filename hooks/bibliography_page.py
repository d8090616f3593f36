"""Hook: fill the full bibliography page (the one holding the marker below) with every source,
grouped by kind, each linking back to the pages that cite it.

References are formatted by mkdocs-bibtex's own registry (pandoc with the site's CSL style), so
they read exactly as under each page. Runs after mkdocs-bibtex, whose registry
then holds the site's bibliography.
"""

from pathlib import Path

import _project
from mkdocs.plugins import event_priority
from mkdocs_bibtex.citation import Citation, CitationBlock

_project.on_path()
from publishing.bibliography import citing_pages, full_bibliography
from publishing.citation_markup import clean_reference

MARKER = "<!-- full-bibliography -->"


@event_priority(-30)  # after mkdocs-bibtex
def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    bibliography = _project.bibliography(config)
    registry = config.plugins["bibtex"].registry
    registry.validate_citation_blocks([CitationBlock(citations=[Citation(key)]) for key in bibliography.entries])
    text = full_bibliography(
        bibliography,
        lambda key: clean_reference(registry.reference_text(Citation(key))),
        citing_pages(Path(config.docs_dir)),
        page.file.src_uri,
    )
    return markdown.replace(MARKER, text)
