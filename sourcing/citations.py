"""The one reader of `[@key]` citations, used by the source check and by the build.

mkdocs-bibtex (4.4.0, pinned) turns citation blocks into citations; this module reads a page by
the same grammar, so that what the check counts is exactly what the build renders
(tests/test_citations.py runs every form through this reader, mkdocs-bibtex's own parser and a
real build):

- a block is the shortest `[...]` on one line;
- inside it, parts are separated by `;`; a part that starts with an e-mail address is skipped;
- a part is a citation when it reads `prefix @key` or `prefix @key, suffix` from its start, the
  key being letters, digits, `_` and `-` (so `[see @a, p. 5]`, `[-@a]` and `[@a; @b]` all cite);
- a block with at least one citation is a citation block.

Only blocks in prose are citations of the page. mkdocs-bibtex would rewrite the same text in code
too; the build leaves blocks that are not in the page's prose as they are written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .markdown import Citation, Lines, non_prose_spans

BLOCK = re.compile(r"\[(.*?)\]")
PART = re.compile(r"(?:(?P<prefix>[^@;]*?)\s*)?@(?P<key>[\w-]+)(?:,\s*(?P<suffix>[^;]+))?")
EMAIL = re.compile(r"[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}")
BARE_AT = re.compile(r"(?<![\w@.\[])@([A-Za-z][\w-]*)")
# `[...]` on one line that is not a link (`[text](url)`, `[text][ref]`), an image, a footnote or escaped
BRACKETED = re.compile(r"(?<![\]!\\])\[(?!\^)([^\[\]\n]+)\](?![(\[])")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:", re.MULTILINE)
WORD = re.compile(r"(?<![\w@.-])[\w-]+(?![\w-])")
# `[` ... `]` with no bracket between, over more than one line, holding what reads as `@key`
SPLIT_BLOCK = re.compile(r"\[(?=[^\[\]]*@[\w-])[^\[\]\n]*\n[^\[\]]*\](?![(\[])")
CITING_AT = re.compile(r"(?<![\w.])@[\w-]")  # an @ that starts a word, as in "see @key"
BRACED_KEY = re.compile(r"@\{[^{}\n]*\}?")


@dataclass(frozen=True)
class Cite:
    key: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class CitationBlock:
    text: str  # as written, brackets included: what the build replaces
    start: int  # offset in the text read
    line: int
    cites: tuple[Cite, ...]
    in_prose: bool = True  # False in code, comments or raw HTML; None-like "mixed" is reported by the check
    mixed: bool = False  # partly in prose, partly in code or HTML

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(cite.key for cite in self.cites)


def read_cites(inside: str) -> tuple[Cite, ...]:
    """The citations in the text between a block's brackets (none: not a citation block)."""
    cites = []
    for part in inside.split(";"):
        if EMAIL.match(part):
            continue
        match = PART.match(part)
        if match:
            cites.append(Cite(match.group("key"), match.group("prefix") or "", match.group("suffix") or ""))
    return tuple(cites)


def citation_blocks(text: str) -> list[CitationBlock]:
    """Every citation block of `text`, in order, each marked as in prose or not."""
    spans = non_prose_spans(text)  # sorted and disjoint
    starts = [a for a, _ in spans]
    lines = Lines(text)
    blocks = []
    for match in BLOCK.finditer(text):
        if "@" not in match.group(1):
            continue
        cites = read_cites(match.group(1))
        if not cites:
            continue
        start, end = match.span()
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        covered = 0
        for a, b in spans[first:]:
            if a >= end:
                break
            covered += max(0, min(end, b) - max(start, a))
        blocks.append(
            CitationBlock(
                text=match.group(0),
                start=start,
                line=lines.at(start),
                cites=cites,
                in_prose=covered == 0,
                mixed=0 < covered < end - start,
            )
        )
    return blocks


def unreadable_blocks(visible: str) -> list[tuple[int, str, str]]:
    """Citations the build would publish as typed: (line, text, why) for each `[...]` of the prose
    `visible` that spans lines while holding an `@key`, and each braced `@{key}` (pandoc's form,
    which mkdocs-bibtex does not read)."""
    found, lines = [], Lines(visible)
    for match in SPLIT_BLOCK.finditer(visible):
        parts = match.group(0)[1:-1].split(";")
        if any(PART.match(part) and CITING_AT.search(part) and not EMAIL.match(part.strip()) for part in parts):
            first = match.group(0).splitlines()[0]
            found.append((lines.at(match.start()), first + " ...", "is split over lines"))
    for match in BRACED_KEY.finditer(visible):
        found.append((lines.at(match.start()), match.group(0), "is a braced key"))
    return sorted(found)


def bare_mentions(text: str) -> list[Citation]:
    """`@word` outside any [...] block: often a citation missing its brackets."""
    outside = BLOCK.sub(lambda m: " " * len(m.group(0)), text)
    lines = Lines(text)
    return [Citation(key=m.group(1), line=lines.at(m.start())) for m in BARE_AT.finditer(outside)]


@dataclass(frozen=True)
class Bracketed:
    """`[...]` in prose with words that might be citation keys missing their @ (`[key]`, or the
    part `see key` of `[see key; @other]`)."""

    text: str
    line: int
    words: tuple[str, ...]  # the words of its parts that cite nothing
    cites: bool  # the block cites something too


def bracketed_words(visible: str) -> list[Bracketed]:
    """Every `[...]` of the prose `visible` whose parts (or some of them) cite nothing, with the
    words of those parts; `[label]` of a link defined on the page (`[label]: url`) is a link."""
    labels = {m.group(1).strip().lower() for m in REFERENCE_DEFINITION.finditer(visible)}
    found, lines = [], Lines(visible)
    for match in BRACKETED.finditer(visible):
        inside = match.group(1)
        if inside.strip().lower() in labels:
            continue
        words, cites = [], False
        for part in inside.split(";"):
            if "@" in part and EMAIL.match(part):
                continue
            if "@" in part and PART.match(part):
                cites = True
                continue
            if BRACED_KEY.search(part):  # named by unreadable_blocks
                continue
            words += WORD.findall(part)
        if words:
            found.append(Bracketed(match.group(0), lines.at(match.start()), tuple(words), cites))
    return found


def with_at_signs(text: str, keys: list[str]) -> str:
    """`text` with an @ before each of `keys` that stands there without one."""
    for key in keys:
        text = re.sub(rf"(?<![\w@.-]){re.escape(key)}(?![\w-])", "@" + key, text)
    return text
