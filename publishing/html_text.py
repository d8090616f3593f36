"""Walking the text of a rendered page: the steps that decorate running text (glossary terms,
the language of Chinese words) work on the page once it is HTML, so Markdown never has to parse
what they add, and they can tell prose from links, code and headings by the elements around it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.DOTALL)
TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose text is never plain prose.
NOT_PROSE = {"a", "abbr", "code", "pre", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6",
             "script", "style", "textarea", "title", "summary", "svg", "button", "select"}
# Elements whose text is not text at all.
NOT_TEXT = {"script", "style", "textarea", "title", "svg"}


def text_runs(html: str, skip: set[str] = NOT_PROSE) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of text in `html` that is not inside an element named in `skip`."""
    open_counts: dict[str, int] = {}
    inside = 0
    for match in TOKEN.finditer(html):
        token = match.group(0)
        if token[0] != "<":
            if not inside:
                yield match.span()
            continue
        if token.startswith("<!"):
            continue
        name_match = TAG_NAME.match(token)
        if not name_match:
            continue
        name = name_match.group(1).lower()
        if name not in skip or name in VOID or token.endswith("/>"):
            continue
        if token.startswith("</"):
            if open_counts.get(name):
                open_counts[name] -= 1
                inside -= 1
        else:
            open_counts[name] = open_counts.get(name, 0) + 1
            inside += 1


def replace_in_runs(html: str, runs, pattern: re.Pattern, replace) -> str:
    """`html` with each match of `pattern` lying inside one of the text `runs` replaced by
    `replace(match)` (which may return None to leave a match as it is). The pattern runs over
    the whole page once; a match is kept only if a run holds it."""
    matches = list(pattern.finditer(html))
    if not matches:  # most pages: no need to walk the page's elements at all
        return html
    runs = list(runs)
    starts = [start for start, _ in runs]
    pieces, position = [], 0
    for match in matches:
        i = bisect.bisect_right(starts, match.start()) - 1
        if i < 0 or match.end() > runs[i][1]:
            continue
        new = replace(match)
        if new is None:
            continue
        pieces += [html[position : match.start()], new]
        position = match.end()
    pieces.append(html[position:])
    return "".join(pieces)


def insert_after_title(html: str, block: str) -> str:
    """`block` right after the page's first <h1> (or at the top if it has none)."""
    end = html.find("</h1>")
    if end < 0:
        return block + html
    end += len("</h1>")
    return html[:end] + "\n" + block + html[end:]
