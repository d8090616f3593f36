"""Hook: remove the pandoc Markdown that mkdocs-bibtex leaves in citations and references.

mkdocs-bibtex pastes pandoc's Markdown output into the page, and Python-Markdown does not read
all of it: `[von Blomberg]{.nocase}` spans (pandoc's mark for braced, case-protected text), `\\_`
in addresses (pybtex escapes `_` when mkdocs-bibtex writes the bibliography back out for
pandoc, which then shows the escapes), and `--` for an en dash in page ranges. Runs after mkdocs-bibtex.
"""

import re

from mkdocs.plugins import event_priority

NOCASE_SPAN = re.compile(r"\[([^\[\]]*)\]\{\.nocase\}")
# pandoc writes an address it received with pybtex's escapes as [text](address); the address is
# what the bibliography says once the escapes (a backslash before punctuation) are undone.
ADDRESS_LINK = re.compile(r"\[https?://[^\]]*\]\((https?://[^)\s]*)\)|<(https?://[^>\s]+)>")
ESCAPE = re.compile(r"\\+([^A-Za-z0-9\s])")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:.*$", re.MULTILINE)
NUMBER_RANGE = re.compile(r"(?<=\d)--(?=\d)")


@event_priority(-40)
def on_page_markdown(markdown, page, config, files):
    return clean(markdown)


def clean(markdown: str) -> str:
    markdown = NOCASE_SPAN.sub(r"\1", markdown)
    return FOOTNOTE_DEFINITION.sub(lambda m: _clean_reference(m.group(0)), markdown)


def _clean_reference(reference: str) -> str:
    reference = ADDRESS_LINK.sub(lambda m: "<" + ESCAPE.sub(r"\1", m.group(1) or m.group(2)) + ">", reference)
    return NUMBER_RANGE.sub("\u2013", reference)
