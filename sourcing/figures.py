"""One figure, one place: every figure or date the site states on more than one page lives once
in `data/figures.yml`, with what it counts, as of when, and its source.

Pages write `{{ fig:ID }}` and the build puts in the value. The check makes sure that
- every `{{ fig:ID }}` names a figure in the file, and the block it stands in (paragraph, list
  item or table row) cites the figure's source, so a figure is never shown unsourced;
- no page states a registered fact in its own words: a sentence that names the fact (one of the
  figure's `mentions`) and gives a number or date of the same kind must use the figure itself.
  A different value there is a contradiction between pages; the same value, typed out, is how
  the next contradiction starts.

An entry of data/figures.yml:

    court-list-new-2024:
      value: 2.457 million          # as it reads in a sentence
      unit: new listings            # shown after the value (optional)
      counts: people and organisations newly put on the court list during 2024
      as_of: 2024                   # YYYY, YYYY-MM or YYYY-MM-DD
      source: [xinhua2025court]     # one key or a list; the first is where the figure comes from
      mentions: [new listings]      # words that name this fact in a sentence (optional)
      label: ...                    # a short name for it in a chart (optional)
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .bibliography import Bibliography
from .datafile import Record, load_data_file, parse_date
from .markdown import CITATION_BLOCK
from .problems import Problem

FIGURES = Path("data") / "figures.yml"  # relative to the project folder
PLACEHOLDER = re.compile(r"\{\{\s*fig:([^\s{}]*)\s*\}\}")
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REQUIRED = ("value", "counts", "as_of", "source")
KNOWN = REQUIRED + ("unit", "mentions", "label")

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A quantity with its scale ("14.5 million", "23.4%", "23.4 per cent", "1,234,000") or a date
# ("30 May 2016", "May 2016"): the things a sentence can state about a registered fact.
QUANTITY = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)*(?:\s*(?:million|billion|thousand)\b|\s*%|\s*per\s?cent\b)"
    r"|(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w.,]*\d)"
)
DATE = re.compile(rf"\b(?:\d{{1,2}}\s+)?(?:{MONTHS})\s+\d{{4}}\b")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])|\n")


@dataclass(frozen=True)
class Figure:
    id: str
    value: str
    unit: str
    counts: str
    as_of: str
    sources: tuple[str, ...]
    mentions: tuple[str, ...]
    line: int
    label: str = ""  # a short name for the figure in a chart (a timeline's event)

    @property
    def text(self) -> str:
        """The figure as a page shows it."""
        return f"{self.value} {self.unit}".strip()


def load_figures(path: Path, shown: str, bibliography: Bibliography) -> tuple[dict[str, Figure], list[Problem]]:
    """The figures in `path` (missing file: none) and what is wrong with them."""
    data, problems = load_data_file(path, shown, Record, ("not a list of figures", "write each figure as 'id:' followed by its fields"))
    if data is None:
        return {}, problems
    figures = {}
    for figure_id, entry in data.items():
        line = data.line_of(figure_id)

        def report(at: int, what: str, fix: str, subject: str = f"figure '{figure_id}'") -> None:
            problems.append(Problem(shown, at, f"{subject}: {what}", fix))

        if not isinstance(figure_id, str) or not ID.fullmatch(figure_id):
            report(line, "the id is not lowercase words joined by hyphens", "name it like court-list-new-2024")
            continue
        if not isinstance(entry, Record):
            report(line, "has no fields", f"give it: {', '.join(REQUIRED)}")
            continue
        missing = [name for name in REQUIRED if entry.get(name) in (None, "", [])]
        if missing:
            report(line, f"without {', '.join(missing)}", f"give every figure: {', '.join(REQUIRED)}")
            continue
        for name in entry:
            if name not in KNOWN:
                report(entry.line_of(name), f"unknown field '{name}'", f"use only: {', '.join(KNOWN)}")
        texts = {}
        for name in ("value", "unit", "counts"):
            value = entry.get(name, "")
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            if not isinstance(value, str):
                report(entry.line_of(name), f"{name} must be text, not a list or mapping", f"write {name}: <text>")
                value = ""
            texts[name] = " ".join(value.split())
        _, why = parse_date(entry["as_of"])
        if why:
            report(entry.line_of("as_of"), f"as_of {why}", "write as_of: YYYY-MM-DD (or YYYY-MM, or YYYY), as the source dates it")
        sources = _text_list(entry["source"])
        mentions = _text_list(entry.get("mentions", []))
        if sources is None or mentions is None:
            name = "source" if sources is None else "mentions"
            report(entry.line_of(name), f"{name} must be text or a list of texts", f"write {name}: [a, b]")
            continue
        for key in sources:
            if key not in bibliography.entries:
                report(entry.line_of("source"), f"source '{key}' is not a bibliography key", "cite an entry of bibliography/*.bib")
        figures[figure_id] = Figure(
            figure_id, texts["value"], texts["unit"], texts["counts"], str(entry["as_of"]), tuple(sources),
            tuple(m.lower() for m in mentions), line, " ".join(str(entry.get("label") or "").split()),
        )
    return figures, sorted(problems)


def _text_list(value) -> list[str] | None:
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, (str, int)) and not isinstance(item, bool) for item in items):
        return None
    return [str(item).strip() for item in items]


def check_figures(visible: str, path: str, figures: dict[str, Figure], cited_by_line: dict[int, set[str]]) -> list[Problem]:
    """Problems with the figures of one page. `visible` is its prose (code and HTML blanked, lines
    kept); `cited_by_line` the keys cited on each line."""
    problems = []
    mentions = _mentions(figures)
    for block_start, block in _blocks(visible):
        lines = range(block_start, block_start + block.count("\n") + 1)
        cited = set().union(*(cited_by_line.get(n, set()) for n in lines))
        for match in PLACEHOLDER.finditer(block):
            line = block_start + block.count("\n", 0, match.start())
            figure = figures.get(match.group(1))
            if figure is None:
                close = difflib.get_close_matches(match.group(1), list(figures), n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'? " if close else ""
                problems.append(Problem(path, line, f"unknown figure '{match.group(1)}'", hint + "use an id from data/figures.yml, or add the figure there"))
            elif not cited.intersection(figure.sources):
                problems.append(
                    Problem(path, line, f"figure '{figure.id}' is shown without its source",
                            f"cite [@{figure.sources[0]}] in the same paragraph, list item or table row")
                )
        problems += _restated(block, block_start, path, mentions)
    return problems


class _Mentions:
    """Every figure's mentions in one pattern: a sentence is searched once, not once per figure."""

    def __init__(self, figures: dict[str, Figure]):
        self.figures: dict[str, list[Figure]] = {}
        for figure in figures.values():
            for mention in figure.mentions:
                self.figures.setdefault(mention, []).append(figure)
        words = sorted(self.figures, key=len, reverse=True)
        self.pattern = re.compile("|".join(re.escape(w) for w in words)) if words else None

    def named_in(self, lowered: str) -> list[Figure]:
        """The figures whose mentions `lowered` contains (a quick look for any mention first)."""
        if self.pattern is None or not self.pattern.search(lowered):
            return []
        found: dict[str, Figure] = {}
        for mention, figures in self.figures.items():
            if mention in lowered:
                for figure in figures:
                    found.setdefault(figure.id, figure)
        return list(found.values())


_mentions_cache: dict[int, tuple[dict, _Mentions]] = {}


def _mentions(figures: dict[str, Figure]) -> _Mentions:
    cached = _mentions_cache.get(id(figures))
    if cached is None or cached[0] is not figures:
        cached = (figures, _Mentions(figures))
        _mentions_cache.clear()
        _mentions_cache[id(figures)] = cached
    return cached[1]


def _restated(block: str, block_start: int, path: str, mentions: _Mentions) -> list[Problem]:
    """A registered fact stated in a page's own words, with the same or another value."""
    problems = []
    offset = 0
    for sentence in SENTENCE_END.split(block):
        start = block.find(sentence, offset)
        offset = start + len(sentence)
        bare = CITATION_BLOCK.sub(" ", PLACEHOLDER.sub(" ", sentence))  # a source's key is not a statement
        lowered = bare.lower()
        named = mentions.named_in(lowered)
        if not named:
            continue
        for pattern in (QUANTITY, DATE):
            same_kind = [f for f in named if pattern.search(f.value)]
            for match in pattern.finditer(bare):
                stated = _normal(match.group(0))
                line = block_start + block.count("\n", 0, start + match.start())
                equal = [f for f in same_kind if _normal(f.value) == stated]
                if equal:
                    problems.append(
                        Problem(path, line, f"'{match.group(0)}' is figure '{equal[0].id}' typed out",
                                f"write {{{{ fig:{equal[0].id} }}}} so the figure lives in one place (data/figures.yml)")
                    )
                elif same_kind:
                    figure = same_kind[0]
                    problems.append(
                        Problem(
                            path, line,
                            f"'{match.group(0)}' contradicts figure '{figure.id}' ({figure.text}, {figure.counts}, as of {figure.as_of})",
                            f"write {{{{ fig:{figure.id} }}}}, or if this is another fact add it to data/figures.yml with its own as_of and source",
                        )
                    )
    return problems


def _normal(text: str) -> str:
    text = re.sub(r"\s+", " ", text.lower()).replace("per cent", "%").replace("percent", "%")
    return text.replace(" %", "%").replace(",", "")


def _blocks(text: str):
    """(first line number, text) of each paragraph, list item and table row of `text`."""
    number = 1
    current: list[str] = []
    start = 1
    for line in text.split("\n"):
        new_block = not line.strip() or re.match(r"\s*(?:[-*+]|\d+\.)\s|\s*\|", line)
        if new_block and current:
            yield start, "\n".join(current)
            current = []
        if line.strip():
            if not current:
                start = number
            current.append(line)
            if line.lstrip().startswith("|"):  # a table row is a block of its own
                yield start, "\n".join(current)
                current = []
        number += 1
    if current:
        yield start, "\n".join(current)
