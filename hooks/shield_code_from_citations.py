"""Hook: keep mkdocs-bibtex from turning `[@key]` inside code, comments or raw HTML into citations.

mkdocs-bibtex rewrites every `[... @key ...]` in a page, code included, so a page that shows the
citation syntax as an example would gain a bogus reference. The source check already ignores
those places (`sourcing.markdown`); this hook makes the rendering agree with it: before
mkdocs-bibtex runs, each '@' there becomes a placeholder, put back once the page is HTML.
"""

import _project
from mkdocs.plugins import event_priority

_project.on_path()
from sourcing.markdown import non_prose_spans

PLACEHOLDER = "SHIELDEDATSIGN7f3a"


@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    return shield(markdown)


def on_page_content(html, page, config, files):
    return html.replace(PLACEHOLDER, "@")


def shield(markdown: str) -> str:
    pieces = []
    position = 0
    for start, end in non_prose_spans(markdown):
        if start < position:
            continue
        pieces.append(markdown[position:start])
        pieces.append(markdown[start:end].replace("@", PLACEHOLDER))
        position = end
    pieces.append(markdown[position:])
    return "".join(pieces)
