"""Tidy the pandoc Markdown that mkdocs-bibtex pastes into pages, which Python-Markdown does not
read: `[von Blomberg]{.nocase}` spans (pandoc's mark for braced, case-protected text), `\\_` and
other escapes in addresses (pybtex escapes them when mkdocs-bibtex writes the bibliography back
out for pandoc, which then shows them), and `--` for an en dash in page ranges."""

from __future__ import annotations

import re

NOCASE_SPAN = re.compile(r"\[([^\[\]]*)\]\{\.nocase\}")
# pandoc writes an escaped address as [text](address); the address is what the bibliography
# says once the escapes (a backslash before punctuation) are undone.
ADDRESS_LINK = re.compile(r"\[https?://[^\]]*\]\((https?://[^)\s]*)\)|<(https?://[^>\s]+)>")
ESCAPE = re.compile(r"\\+([^A-Za-z0-9\s])")
NUMBER_RANGE = re.compile(r"(?<=\d)--(?=\d)")


def clean_reference(text: str) -> str:
    """One formatted citation or reference, as Python-Markdown should read it."""
    text = NOCASE_SPAN.sub(r"\1", text)
    text = ADDRESS_LINK.sub(lambda m: "<" + ESCAPE.sub(r"\1", m.group(1) or m.group(2)) + ">", text)
    return NUMBER_RANGE.sub("\u2013", text)
