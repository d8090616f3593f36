"""Charts (data/charts.yml): each point of each chart is a figure of data/figures.yml, so a chart
states nothing the pages do not, and every point has its source and its date. The check makes
sure every chart can be drawn: known figures, a number in each figure of a line or bar chart, a
date in each figure of a timeline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .datafile import Record, load_data_file, parse_date
from .figures import Figure
from .problems import Problem

CHARTS = Path("data") / "charts.yml"  # relative to the project folder
KINDS = ("line", "bars", "timeline")
MARKER = re.compile(r"<!--\s*chart:\s*([a-z0-9-]+)\s*-->")
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)\s*(thousand|million|billion)?")


@dataclass(frozen=True)
class Series:
    name: str
    figures: tuple[str, ...]


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    kind: str
    axis: str
    series: tuple[Series, ...]
    note: str = ""


def number_of(figure: Figure) -> float | None:
    """The figure's value as a number ("10.59 million" -> 10590000), or None."""
    match = NUMBER.match(figure.value.replace(",", ""))
    if not match:
        return None
    return float(match.group(1)) * SCALE.get(match.group(2) or "", 1)


def load_charts(path: Path, shown: str, figures: dict[str, Figure]) -> tuple[dict[str, Chart], list[Problem]]:
    data, problems = load_data_file(path, shown, Record, ("not a set of charts", "write each chart as 'id:' followed by its fields"))
    if data is None:
        return {}, problems
    charts = {}
    for chart_id, entry in data.items():
        line = data.line_of(chart_id)

        def report(at: int, what: str, fix: str, subject: str = f"chart '{chart_id}'") -> None:
            problems.append(Problem(shown, at, f"{subject}: {what}", fix))

        if not isinstance(entry, Record) or not all(isinstance(entry.get(n), str) for n in ("title", "kind")):
            report(line, "needs a title and a kind", "give it title: ..., kind: line, bars or timeline, and series")
            continue
        if entry["kind"] not in KINDS:
            report(entry.line_of("kind"), f"kind '{entry['kind']}' is not one we draw", f"use one of: {', '.join(KINDS)}")
            continue
        series = []
        for item in entry.get("series") or []:
            if not isinstance(item, Record) or not isinstance(item.get("name"), str) or not isinstance(item.get("figures"), list):
                report(entry.line_of("series"), "a series needs a name and a list of figures", "write - name: ..., figures: [id, ...]")
                continue
            for figure_id in item["figures"]:
                figure = figures.get(str(figure_id))
                at = item.line_of("figures")
                if figure is None:
                    report(at, f"figure '{figure_id}' is not in data/figures.yml", "use a figure id from data/figures.yml")
                elif entry["kind"] == "timeline" and parse_date(figure.as_of)[1]:
                    report(at, f"figure '{figure_id}' has no date to place it", "give the figure an as_of date")
                elif entry["kind"] != "timeline" and number_of(figure) is None:
                    report(at, f"figure '{figure_id}' ('{figure.value}') is not a number to draw", "chart figures whose value is a number")
            series.append(Series(item["name"], tuple(str(f) for f in item["figures"])))
        if not series:
            report(line, "has no series", "give it at least one series of figures")
            continue
        charts[chart_id] = Chart(chart_id, entry["title"], entry["kind"], str(entry.get("axis") or ""), tuple(series), str(entry.get("note") or ""))
    return charts, sorted(problems)
