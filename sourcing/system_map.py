"""The map of the system (data/system-map.yml): boxes for who runs what, arrows for the flows of
data and penalties that sources document. The check makes sure every box and arrow names a known
source, every box a page and a free place on the grid, and every arrow two boxes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .bibliography import Bibliography
from .datafile import Record, load_data_file
from .problems import Problem

SYSTEM_MAP = Path("data") / "system-map.yml"  # relative to the project folder
MARKER = "<!-- system-map -->"  # where a page shows the map
COLUMNS, ROWS = 3, 4


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    detail: str
    page: str
    column: int
    row: int
    sources: tuple[str, ...]
    outside: bool = False  # not part of the state system


@dataclass(frozen=True)
class Edge:
    source: str  # node ids
    target: str
    label: str
    sources: tuple[str, ...]


@dataclass
class SystemMap:
    nodes: dict[str, Node]
    edges: list[Edge]


def load_system_map(path: Path, shown: str, docs_dir: Path, bibliography: Bibliography) -> tuple[SystemMap | None, list[Problem]]:
    needs = ("the map needs nodes: and edges:", "see the comment at the top of the file")
    data, problems = load_data_file(path, shown, Record, needs)
    if data is None:
        return None, problems
    if not isinstance(data.get("nodes"), Record):
        return None, problems + [Problem(shown, 1, *needs)]

    def keys_of(entry: Record, what: str) -> tuple[str, ...]:
        value = entry.get("source")
        keys = value if isinstance(value, list) else [value]
        if not value or not all(isinstance(k, str) and k in bibliography.entries for k in keys):
            problems.append(Problem(shown, entry.line_of("source"), f"{what}: source {value!r} is not a list of bibliography keys",
                                    "give source: [key, ...] with keys of bibliography/*.bib"))
            return ()
        return tuple(keys)

    nodes, places = {}, {}
    for node_id, entry in data["nodes"].items():
        what = f"box '{node_id}'"
        if not isinstance(entry, Record) or not all(isinstance(entry.get(n), str) for n in ("label", "page")):
            problems.append(Problem(shown, data["nodes"].line_of(node_id), f"{what} needs a label and a page", "give label:, detail:, page:, column:, row:, source:"))
            continue
        if not (docs_dir / entry["page"]).is_file():
            problems.append(Problem(shown, entry.line_of("page"), f"{what}: page '{entry['page']}' is not a page below docs/", "name a page, e.g. court-blacklist.md"))
        column, row = entry.get("column"), entry.get("row")
        if not (isinstance(column, int) and 1 <= column <= COLUMNS and isinstance(row, int) and 1 <= row <= ROWS):
            problems.append(Problem(shown, entry.line_of("column"), f"{what}: column {column!r}, row {row!r} is not on the grid", f"use column 1-{COLUMNS} and row 1-{ROWS}"))
            continue
        if (column, row) in places:
            problems.append(Problem(shown, entry.line_of("column"), f"{what} takes the place of '{places[(column, row)]}'", "give each box its own column and row"))
        places[(column, row)] = node_id
        nodes[node_id] = Node(node_id, entry["label"], str(entry.get("detail") or ""), entry["page"], column, row, keys_of(entry, what), bool(entry.get("outside")))
    edges = []
    for entry in data.get("edges") or []:
        if not isinstance(entry, Record):
            continue
        ends = (entry.get("from"), entry.get("to"))
        what = f"arrow {ends[0]} -> {ends[1]}"
        if not all(end in nodes for end in ends):
            problems.append(Problem(shown, entry.line, f"{what} does not join two boxes", "name two box ids in from: and to:"))
            continue
        edges.append(Edge(ends[0], ends[1], str(entry.get("label") or ""), keys_of(entry, what)))
    return SystemMap(nodes, edges), sorted(problems)
