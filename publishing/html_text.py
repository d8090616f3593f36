"""Walking the text of a rendered page: the steps that decorate running text (glossary terms,
the language of Chinese words) work on the page once it is HTML, so Markdown never has to parse
what they add, and they can tell prose from links, code and headings by the elements around it."""

from __future__ import annotations

import bisect
import functools
import re

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose text is never plain prose.
NOT_PROSE = {"a", "abbr", "code", "pre", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6",
             "script", "style", "textarea", "title", "summary", "svg", "button", "select"}
# Elements whose text is not text at all.
NOT_TEXT = {"script", "style", "textarea", "title", "svg"}


@functools.cache
def _skipped_tags(skip: frozenset[str]) -> re.Pattern:
    """A comment, or an opening or closing tag of an element named in `skip` (a void element, or
    one closed by "/>", holds no text and is left out below)."""
    names = "|".join(sorted(re.escape(name) for name in skip if name not in VOID))
    return re.compile(rf"<!--.*?-->|<(/?)({names})(?![A-Za-z0-9-])[^>]*>", re.DOTALL | re.IGNORECASE)


def skipped_spans(html: str, skip: set[str] = NOT_PROSE) -> tuple[list[int], list[int]]:
    """Where `html` holds no prose: comments, and elements named in `skip` (nested or not), as
    sorted starts and ends. Only those tags are looked at, not every tag of the page: on a page
    whose navigation holds hundreds of tags this is most of the cost of the steps that use it."""
    starts: list[int] = []
    ends: list[int] = []
    open_counts: dict[str, int] = {}
    inside = 0
    for match in _skipped_tags(frozenset(skip)).finditer(html):
        name = match.group(2)
        if name is None:  # a comment
            if not inside:
                starts.append(match.start())
                ends.append(match.end())
            continue
        if match.group(0).endswith("/>"):
            continue
        name = name.lower()
        if match.group(1):
            if open_counts.get(name):
                open_counts[name] -= 1
                inside -= 1
                if not inside:
                    ends.append(match.end())
        else:
            open_counts[name] = open_counts.get(name, 0) + 1
            inside += 1
            if inside == 1:
                starts.append(match.start())
    if inside:
        ends.append(len(html))  # an element left open runs to the end
    return starts, ends


def replace_in_text(
    html: str, pattern: re.Pattern, replace, skip: set[str] = NOT_PROSE, search_in: str | None = None, wanted=None
) -> str:
    """`html` with each match of `pattern` that lies in text (not in a tag, a comment or an
    element named in `skip`) replaced by `replace(match)` (which may return None to leave a match
    as it is). The pattern runs over the whole page once (or over `search_in`, a text of the same
    length, such as the page in lower case); the page's elements are looked at only if it matches
    somewhere. `wanted(match)`, if given, passes over a match before anything else is looked at."""
    matches = list(pattern.finditer(html if search_in is None else search_in))
    if not matches:  # most pages: no need to look at the page's elements at all
        return html
    starts, ends = skipped_spans(html, skip)
    pieces, position = [], 0
    for match in matches:
        if wanted is not None and not wanted(match):
            continue
        start, end = match.span()
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and start < ends[i]:
            continue  # in a comment or a skipped element
        tag_start = html.rfind("<", 0, start)
        if (tag_start >= 0 and html.find(">", tag_start, start) < 0) or "<" in html[start:end]:
            continue  # in a tag (an attribute's value), or across one
        new = replace(match)
        if new is None:
            continue
        pieces += [html[position:start], new]
        position = end
    pieces.append(html[position:])
    return "".join(pieces)


def insert_after_title(html: str, block: str) -> str:
    """`block` right after the page's first <h1> (or at the top if it has none)."""
    end = html.find("</h1>")
    if end < 0:
        return block + html
    end += len("</h1>")
    return html[:end] + "\n" + block + html[end:]
