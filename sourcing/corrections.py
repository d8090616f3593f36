"""The corrections log (data/corrections.yml): every substantive correction the site has made,
with its date, the page, what was wrong and what the page says now.

The build publishes the log as a page and puts a dated note on every corrected page; a change of
verdict also shows on the myth page as its verdict history. The check makes sure every entry can
be published: a real page, a real day (not in the future), the fields a reader needs, and known
source keys.

    - date: 2026-11-26
      page: myths/low-score-punished.md
      was: The page said no scheme uses a 60-point threshold.
      now: It says no scheme of the social credit system does, and reports Der Spiegel's 2018
        account of a Xinjiang family points scheme with a 60-point danger line.
      sources: [zand2018xinjiang]
      verdict: ["False", "Misleading"]   # only when a myth's verdict changed: from, to (quoted)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .bibliography import Bibliography, today
from .datafile import Record, load_data_file, parse_date
from .problems import Problem
from .verdicts import VERDICTS

CORRECTIONS = Path("data") / "corrections.yml"  # relative to the project folder
LOG_PAGE = "corrections.md"  # below docs/: the page that shows the log (it holds <!-- corrections-log -->)
REQUIRED = ("date", "page", "was", "now")
KNOWN = REQUIRED + ("sources", "verdict")


@dataclass(frozen=True)
class Correction:
    number: int  # its place in the log, from 1: its anchor is #correction-N
    date: str
    page: str  # below docs/
    was: str
    now: str
    sources: tuple[str, ...] = ()
    verdict: tuple[str, str] | None = None  # (from, to)

    @property
    def anchor(self) -> str:
        return f"correction-{self.number}"


def load_corrections(path: Path, shown: str, docs_dir: Path, bibliography: Bibliography) -> tuple[list[Correction], list[Problem]]:
    data, problems = load_data_file(path, shown, list, ("the log is not a list of corrections", "start each one with '- date: YYYY-MM-DD'"))
    if data is None:
        return [], problems
    corrections = []
    for number, entry in enumerate(data, start=1):
        line = entry.line if isinstance(entry, Record) else 1

        def report(at: int, what: str, fix: str, subject: str = f"correction {number}") -> None:
            problems.append(Problem(shown, at, f"{subject}: {what}", fix))

        if not isinstance(entry, Record):
            report(line, "is not a set of fields", f"give it: {', '.join(REQUIRED)}")
            continue
        missing = [name for name in REQUIRED if not isinstance(entry.get(name), str) or not entry[name].strip()]
        if missing:
            report(line, f"without {', '.join(missing)} (as text)", f"give every correction: {', '.join(REQUIRED)}")
            continue
        for name in entry:
            if name not in KNOWN:
                report(entry.line_of(name), f"unknown field '{name}'", f"use only: {', '.join(KNOWN)}")
        day, why = parse_date(entry["date"])
        if why or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", entry["date"]):
            report(entry.line_of("date"), f"date {why or repr(entry['date']) + ' is not YYYY-MM-DD'}", "write the day of the correction, date: YYYY-MM-DD")
        elif day > today():
            report(entry.line_of("date"), f"date '{entry['date']}' is in the future", "write the day the page was corrected")
        page = entry["page"].strip()
        if not page.endswith(".md") or not (docs_dir / page).is_file():
            report(entry.line_of("page"), f"page '{page}' is not a page below docs/", "name the corrected page, e.g. court-blacklist.md")
        sources = entry.get("sources", [])
        sources = sources if isinstance(sources, list) else [sources]
        for key in sources:
            if not isinstance(key, str) or key not in bibliography.entries:
                report(entry.line_of("sources"), f"source '{key}' is not a bibliography key", "cite an entry of bibliography/*.bib")
        verdict = entry.get("verdict")
        if verdict is not None and (not isinstance(verdict, list) or len(verdict) != 2 or any(v not in VERDICTS for v in verdict)):
            report(
                entry.line_of("verdict"),
                f"verdict {verdict!r} is not a pair of verdicts",
                f'write verdict: ["Old", "New"], each one of {", ".join(VERDICTS)} (quoted)',
            )
            verdict = None
        corrections.append(
            Correction(
                number, entry["date"], page, " ".join(entry["was"].split()), " ".join(entry["now"].split()),
                tuple(k for k in sources if isinstance(k, str)), tuple(verdict) if verdict else None,
            )
        )
    if corrections and not (docs_dir / LOG_PAGE).is_file():
        problems.append(Problem(shown, 1, f"there is no docs/{LOG_PAGE} to publish the log", f"add docs/{LOG_PAGE} with the line <!-- corrections-log -->"))
    return corrections, sorted(problems)
