"""Myth pages as readers see them: the verdict badge at the top and the table of all myths."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from sourcing.markdown import read_page
from sourcing.verdicts import is_myth_page

# CSS class of each verdict's badge (docs/stylesheets/extra.css)
VERDICT_STYLE = {"False": "false", "Misleading": "misleading", "Partly true": "partly-true", "True": "true"}
# How each direction reads to readers (sourcing.verdicts.DIRECTIONS)
DIRECTION_TEXT = {"overstates": "Overstates the system", "understates": "Understates the system"}


@dataclass(frozen=True)
class Myth:
    page: str  # path below the myths folder, e.g. "one-national-score.md"
    claim: str
    verdict: str
    summary: str
    direction: str = ""


def verdict_badge(meta: dict) -> str:
    """An HTML block for the top of a myth page: the claim, the verdict and its one-line summary."""
    verdict = meta["verdict"]
    return (
        f'<div class="verdict verdict--{VERDICT_STYLE[verdict]}" role="note" aria-label="Verdict">\n'
        f'<p class="verdict__claim"><span class="verdict__label">Claim:</span> {html.escape(meta["claim"])}</p>\n'
        f'<p class="verdict__rating"><span class="verdict__label">Verdict:</span> '
        f'<strong class="verdict__badge">{html.escape(verdict)}</strong> '
        f'{html.escape(meta["verdict_summary"])}</p>\n'
        f'<p class="verdict__direction"><span class="verdict__label">Direction:</span> '
        f'{html.escape(DIRECTION_TEXT.get(meta.get("direction"), ""))}</p>\n'
        "</div>\n"
    )


def insert_after_title(markdown: str, block: str) -> str:
    """Put `block` right after the page's first `# ` heading (or at the top if it has none)."""
    lines = markdown.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.startswith("# "):
            return "".join(lines[: number + 1]) + "\n" + block + "\n" + "".join(lines[number + 1 :])
    return block + "\n" + markdown


def collect_myths(myths_dir: Path, order: list[str] = ()) -> list[Myth]:
    """Every myth page in `myths_dir`: those named in `order` (file names) first, in that order,
    then the rest by file name."""
    rank = {name: i for i, name in enumerate(order)}
    myths = []
    for path in sorted(myths_dir.glob("*.md"), key=lambda p: (rank.get(p.name, len(rank)), p.name)):
        meta = read_page(path.read_text(encoding="utf-8-sig")).meta  # as MkDocs reads a page
        if meta and is_myth_page(meta):
            myths.append(Myth(path.name, meta["claim"], meta["verdict"], meta["verdict_summary"], meta.get("direction", "")))
    return myths


def myths_table(myths: list[Myth]) -> str:
    """The myths in two tables, one for each direction (claims that make the system look worse
    than it is, and claims that make it look better), each claim linked to its page, with its
    verdict and the verdict in one sentence."""
    parts = []
    for direction, heading in (
        ("overstates", "Claims that make the system look worse than it is"),
        ("understates", "Claims that make the system look better than it is"),
    ):
        mine = [m for m in myths if m.direction == direction]
        if not mine:
            continue
        rows = [f"### {heading} ({len(mine)}) {{#{direction}}}", "", "| Claim | Verdict | In one sentence |", "| --- | --- | --- |"]
        for myth in mine:
            style = VERDICT_STYLE[myth.verdict]
            rows.append(
                f"| [{_cell(myth.claim)}]({myth.page}) "
                f'| <span class="verdict__badge verdict--{style}">{html.escape(myth.verdict)}</span> '
                f"| {_cell(myth.summary)} |"
            )
        parts.append("\n".join(rows) + "\n")
    return "\n".join(parts)


def _cell(text: str) -> str:
    return html.escape(text).replace("|", "\\|")
