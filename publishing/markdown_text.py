"""Text a contributor wrote in a data file (a glossary definition, a correction), put into
Markdown that the build renders, so that it reads exactly as written: never as HTML, and never as
Markdown either (a `[click](javascript:...)` in a definition stays those characters, not a link).
"""

from __future__ import annotations

import html

# What Markdown and the site's extensions would read as syntax inside a line, as character references
# Markdown leaves alone: escapes, code, emphasis, links, table cells, pymdownx's ~ ^ ==, and attr_list's
# {...} (which would put attributes such as onclick on the list item or paragraph). '<' and '>' are
# escaped as HTML first.
MARKDOWN_SYNTAX = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_[]|~^={}"})


def markdown_text(text: str | None) -> str:
    """`text` as Markdown that renders as that text, on one line of a paragraph or table cell."""
    return html.escape(text or "", quote=False).replace("&amp;", "\0").translate(MARKDOWN_SYNTAX).replace("\0", "&amp;").replace("\n", " ")
