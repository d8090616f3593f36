"""Floors: what a page must have, by the kind of page it is, and its kind by where it stands.

The site reads as a course, so every page that explains something meets the same floors
(CONTRIBUTING.md, "Adding or changing a page"). A page's kind follows from its place in docs/,
never from a field a writer could forget:

| kind           | where                    | words | sources | summary             | reading ease |
| -------------- | ------------------------ | ----- | ------- | ------------------- | ------------ |
| home page      | `index.md`               | -     | -       | -                   | -            |
| myth page      | `myths/*.md`             | 500   | 3       | `## In one minute`  | 60 / 65      |
| lesson plan    | `teaching/*.md`          | 700   | 3       | `## At a glance`    | -            |
| handout        | `teaching/handouts/*.md` | -     | 3       | -                   | -            |
| explainer page | every other page         | 700   | 3       | `## In one minute`  | 60 / 65      |

Reading ease is the Flesch score of the page's running prose, then of its one-minute summary
(sourcing/readability.py says what counts). Pages for the general reader meet it; lesson plans
and teacher guides are written for teachers, and are measured (`make readability`) but not held
to it.

Every one of them but the home page also needs a `description`, and all but handouts a closing
`## Where to go next` that links to at least one page of the site. A page exempt from sourcing
(an index, a policy page) meets no floor. On every factual page, home included, each row of a
table cites its source in the row itself: a row is read, and copied, on its own. Handouts are
the exception: their tables are worksheets, cards and grids with cells for students to fill in.

Words are those of the page's prose: code, HTML, front matter, citations and Markdown's marks
('#', '-', '|') do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown import CITATION_BLOCK, Lines

HOME = "index.md"
H2 = re.compile(r"^##[ \t]+(.+?)[ \t]*(?:\{[^}\n]*\})?[ \t]*#*[ \t]*$", re.MULTILINE)
PAGE_LINK = re.compile(r"\]\((?![a-z]+:)[^)\s]*\.md(?:#[^)\s]*)?\)")
DELIMITER_ROW = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*|[ \t]*\|[ \t]*:?-+:?[ \t]*\|[ \t]*")
NEXT = "Where to go next"
WORDLIKE = re.compile(r"[^\W_]")  # a word has a letter or a digit: '#', '-' and '|' are not words


@dataclass(frozen=True)
class Kind:
    name: str
    words: int
    summary: str | None  # the h2 that holds the page's one-minute summary
    sources: int = 3
    next_section: bool = True  # ends with "Where to go next"
    tables_cited: bool = True  # every table row cites its source
    # Flesch reading ease of the page's prose and of its summary (sourcing/readability.py); None: no floor
    reading_ease: tuple[float, float] | None = None


READING_EASE = (60, 65)  # pages for the general reader: the page, and its one-minute summary


EXPLAINER = Kind("explainer page", 700, "In one minute", reading_ease=READING_EASE)
MYTH = Kind("myth page", 500, "In one minute", reading_ease=READING_EASE)
LESSON = Kind("lesson plan", 700, "At a glance")
HANDOUT = Kind("classroom handout", 0, None, next_section=False, tables_cited=False)
# folder below docs/ -> the kind of its pages (the first that matches)
PLACES = (("myths/", MYTH), ("teaching/handouts/", HANDOUT), ("teaching/", LESSON))


def page_kind(name: str) -> Kind | None:
    """The kind of the page at `name` (below docs/); None for the home page, which meets no floor."""
    if name == HOME:
        return None
    return next((kind for folder, kind in PLACES if name.startswith(folder)), EXPLAINER)


@dataclass(frozen=True)
class Shape:
    """What the floors look at in one page, whatever the bibliography (kept between runs)."""

    words: int
    sections: dict[str, int]  # h2 text -> its line (the first, when repeated)
    next_links: bool  # "Where to go next" links to a page
    title_line: int
    uncited_rows: tuple[int, ...]  # lines of table body rows without a citation in prose


def page_shape(visible: str, cited_lines: set[int]) -> Shape:
    """`visible`: the page with front matter, code and HTML blanked (lines kept);
    `cited_lines`: the lines with a citation block in prose."""
    words = sum(1 for token in CITATION_BLOCK.sub("", visible).split() if WORDLIKE.search(token))
    sections: dict[str, int] = {}
    lines = Lines(visible)
    for match in H2.finditer(visible):
        sections.setdefault(match.group(1).strip(), lines.at(match.start()))
    next_links = False
    if NEXT in sections:
        start = _offset_of_line(visible, sections[NEXT])
        following = re.compile(r"^#{1,2}[ \t]", re.MULTILINE).search(visible, visible.find("\n", start) + 1)
        next_links = bool(PAGE_LINK.search(visible, start, following.start() if following else len(visible)))
    title = re.search(r"^#[ \t]+\S", visible, re.MULTILINE)
    title_line = visible.count("\n", 0, title.start()) + 1 if title else 1
    return Shape(words, sections, next_links, title_line, tuple(_uncited_rows(visible.split("\n"), cited_lines)))


def floor_problems(kind: Kind | None, shape: Shape, meta: dict, known_sources: int) -> list[tuple[int, str, str]]:
    """(line, what, how to fix it) for each floor the page misses. `known_sources`: the number of
    different known sources it cites in prose (0: already reported as citing none)."""
    problems = [
        (line, "table row without a citation",
         "cite the source of the row's facts in the row itself, e.g. in its last cell: [@key] (a row is read on its own)")
        for line in shape.uncited_rows
        if kind is None or kind.tables_cited
    ]
    if kind is None:
        return problems
    name = kind.name
    description = meta.get("description")
    # (a description that is not text at all is reported by the front matter check)
    if description is None or (isinstance(description, str) and not description.strip()):
        problems.append((1, f"{name} without a description",
                         ("add description: <one sentence that says what the page explains> to its front matter "
                          "(search engines and link previews show it)")))
    if shape.words < kind.words:
        problems.append((1, f"{name} has {shape.words} words, fewer than {kind.words}",
                         (f"explain the subject more fully: {_a(name)} has at least {kind.words} words of prose "
                          "(code, HTML and citations do not count; see CONTRIBUTING.md)")))
    if 0 < known_sources < kind.sources:
        problems.append((1, (f"{name} cites {known_sources} different source{'s' if known_sources > 1 else ''}, "
                             f"fewer than {kind.sources}"),
                         f"cite at least {kind.sources} different sources, so that the page does not rest on one or two"))
    if kind.summary and kind.summary not in shape.sections:
        problems.append((shape.title_line, f"{name} without a '## {kind.summary}' section",
                         f"add '## {kind.summary}' after the title: a few short points that sum up the page"))
    if not kind.next_section:
        return problems
    if NEXT not in shape.sections:
        problems.append((shape.title_line, f"{name} without a '## {NEXT}' section",
                         f"end the page with '## {NEXT}' and links to the pages to read next"))
    elif not shape.next_links:
        problems.append((shape.sections[NEXT], f"'## {NEXT}' links to no page",
                         "link at least one page of the site, e.g. [The court blacklist](court-blacklist.md)"))
    return problems


def reading_problems(kind: Kind | None, page: float | None, summary: float | None, line: int, summary_line: int):
    """(line, what, how to fix it) for a page of `kind` whose prose reads less easily than its floor.
    `page` and `summary`: Flesch reading ease (None when there is no such text)."""
    if kind is None or kind.reading_ease is None:
        return []
    floor, summary_floor = kind.reading_ease
    how = ("use shorter sentences (about 15 words on average, rarely over 25) and everyday words; "
           "one idea per paragraph; `make readability` shows the figures (CONTRIBUTING.md, \"Plain language\")")
    problems = []
    if page is not None and page < floor:
        problems.append((line, f"{kind.name} reads at Flesch {page:.1f}, below {floor}", how))
    if summary is not None and summary < summary_floor:
        problems.append((summary_line, f"'## {kind.summary}' reads at Flesch {summary:.1f}, below {summary_floor}", how))
    return problems


def _a(name: str) -> str:
    return ("an " if name[0] in "aeiou" else "a ") + name


def _uncited_rows(lines: list[str], cited_lines: set[int]):
    """Lines of table body rows (below the header and its --- row) that cite nothing."""
    in_table = False
    for number, line in enumerate(lines, start=1):
        if DELIMITER_ROW.fullmatch(line) and number > 1 and "|" in lines[number - 2]:
            in_table = True
            continue
        if in_table and line.strip() and "|" in line:
            if number not in cited_lines:
                yield number
        else:
            in_table = False


def _offset_of_line(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset
