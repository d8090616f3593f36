"""Reading a Markdown page as MkDocs and mkdocs-bibtex will: front matter, prose and citations.

Only citations in prose count. Text in fenced or inline code, HTML comments and raw HTML is
"masked": replaced by spaces of the same length, so that line numbers stay true.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass

import yaml

from .datafile import yaml_error_line

# Front matter is read as MkDocs reads it (mkdocs.utils.meta): the same pattern, the same loader.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
UNQUOTED_DATE = re.compile(r"\s*([\w-]+)\s*:\s*([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})\b")
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})")
HTML_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.DOTALL)
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
BLOCK_TAGS = (
    "address|article|aside|blockquote|details|dialog|div|dl|fieldset|figcaption|figure|footer|form|"
    "h[1-6]|header|hr|iframe|main|nav|noscript|ol|p|pre|script|section|style|summary|table|ul|video"
)
HTML_BLOCK_OPEN = re.compile(rf"^ {{0,3}}<({BLOCK_TAGS})(?=[\s/>])[^>]*>", re.IGNORECASE | re.MULTILINE)
NOT_NEWLINE = re.compile(r"[^\n]")
NEWLINE = re.compile(r"\n")
# `[...]` on one line with an @: what may be a citation block (no nested brackets, so linear time)
CITATION_BLOCK = re.compile(r"\[[^\[\]\n@]*@[^\[\]\n]*\]")
DATE_FIX = "write a day of the calendar as YYYY-MM-DD, for example reviewed: 2026-11-22"
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


@dataclass(frozen=True)
class Citation:
    key: str
    line: int


@dataclass
class Page:
    """A page split the way MkDocs splits it; `meta` is None when the front matter is broken."""

    text: str
    meta: dict | None
    body_start: int  # offset of the first character after the front matter
    front_matter_error: tuple[int, str] | tuple[int, str, str] | None = None  # (line, what[, how to fix it])


def read_page(text: str) -> Page:
    text = text.replace("\r\n", "\n")
    if not re.match(r"-{3}[ \t]*\n", text):
        return Page(text=text, meta={}, body_start=0)
    match = FRONT_MATTER.match(text)
    if not match:
        return Page(
            text=text,
            meta=None,
            body_start=0,
            front_matter_error=(1, "front matter opened with '---' is never closed"),
        )
    try:
        meta = yaml.load(match.group(1), Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        at = yaml_error_line(error)
        line = 2 + at if at is not None else 1
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        error_at = (line, f"front matter is not valid YAML ({reason})")
        return Page(text=text, meta=None, body_start=match.end(), front_matter_error=error_at)
    except ValueError:
        # YAML reads an unquoted 2025-13-45 as a date, then cannot make one: name the line
        for number, line_text in enumerate(match.group(1).splitlines(), start=2):
            date = UNQUOTED_DATE.match(line_text)
            if date and not _is_day(date.group(2)):
                what = f"'{date.group(1)}: {date.group(2)}' is not a day of the calendar"
                return Page(text=text, meta=None, body_start=match.end(), front_matter_error=(number, what, DATE_FIX))
        for number, line_text in enumerate(match.group(1).splitlines(), start=2):
            try:
                yaml.load(line_text, Loader=YAML_LOADER)
            except ValueError:  # e.g. a time of day 25:00:00 after a date
                return Page(text=text, meta=None, body_start=match.end(),
                            front_matter_error=(number, "this value looks like a date or time that does not exist", DATE_FIX))
            except yaml.YAMLError:
                continue
        return Page(text=text, meta=None, body_start=match.end(), front_matter_error=(2, "front matter has a value YAML cannot read"))
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return Page(
            text=text,
            meta=None,
            body_start=match.end(),
            front_matter_error=(2, "front matter is not a list of 'key: value' lines"),
        )
    return Page(text=text, meta=meta, body_start=match.end())


def _is_day(text: str) -> bool:
    year, month, day = (int(part) for part in text.split("-"))
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def non_prose_spans(text: str) -> list[tuple[int, int]]:
    """Where code, HTML comments and raw HTML stand in `text`, as (start, end) offsets."""
    spans = _fenced_code(text)
    masked = _blank(text, spans)
    for pattern in (HTML_COMMENT, CODE_SPAN):
        found = [m.span() for m in pattern.finditer(masked)]
        spans += found
        masked = _blank(masked, found)
    found = _html_blocks(masked)
    spans += found
    masked = _blank(masked, found)
    spans += [m.span() for m in HTML_TAG.finditer(masked)]
    return sorted(spans)


def without_code(text: str) -> str:
    """`text` with code and HTML comments replaced by spaces (newlines kept), raw HTML kept."""
    masked = _blank(text, _fenced_code(text))
    for pattern in (HTML_COMMENT, CODE_SPAN):
        masked = _blank(masked, [m.span() for m in pattern.finditer(masked)])
    return masked


def prose(text: str) -> str:
    """`text` with everything that is not prose replaced by spaces (newlines kept)."""
    return _blank(text, non_prose_spans(text))


def _fenced_code(text: str) -> list[tuple[int, int]]:
    spans = []
    offset = 0
    fence = None
    start = 0
    for line in text.splitlines(keepends=True):
        match = FENCE_OPEN.match(line)
        if fence is None and match:
            fence, start = match.group(1), offset
        elif (fence is not None and match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)
              and line.strip() == match.group(1)):
            spans.append((start, offset + len(line)))
            fence = None
        offset += len(line)
    if fence is not None:
        spans.append((start, len(text)))
    return spans


def _html_blocks(text: str) -> list[tuple[int, int]]:
    """Raw HTML blocks: from a block-level tag at the start of a line to its closing tag.

    Blocks marked `markdown` (the md_in_html extension) hold Markdown: only their tags go.
    """
    spans = []
    position = 0
    while True:
        match = HTML_BLOCK_OPEN.search(text, position)
        if not match:
            return spans
        if re.search(r"\smarkdown(\s*=|[\s>])", match.group(0)):
            position = match.end()
            continue
        tag = match.group(1).lower()
        end = _closing_tag_end(text, tag, match.end())
        spans.append((match.start(), end))
        position = end


def _closing_tag_end(text: str, tag: str, position: int) -> int:
    depth = 1
    pattern = re.compile(rf"<(/?){tag}(?=[\s/>])[^>]*>", re.IGNORECASE)
    for match in pattern.finditer(text, position):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    blank_line = text.find("\n\n", position)
    return len(text) if blank_line < 0 else blank_line


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span replaced by spaces, its newlines kept (so lines stay where they were)."""
    if not spans:
        return text
    pieces, position = [], 0
    for start, end in sorted(spans):
        start = max(start, position)
        if start >= end:
            continue
        pieces.append(text[position:start])
        pieces.append(NOT_NEWLINE.sub(" ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


class Lines:
    """Line numbers of offsets in one text, found by bisection: counting the newlines before
    each match made a page with many citations take quadratic time (30 s for 500 KB)."""

    def __init__(self, text: str):
        self._newlines = [m.start() for m in NEWLINE.finditer(text)]

    def at(self, offset: int) -> int:
        return bisect.bisect_left(self._newlines, offset) + 1


def line_of_key(text: str, key: str) -> int:
    """The line of `key:` in the front matter, or 1 when it is missing."""
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1
