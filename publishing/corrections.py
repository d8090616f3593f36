"""The corrections log as readers see it: the log page, newest first, and a dated note on each
corrected page linking to its entry (with the verdict's history on a myth page)."""

from __future__ import annotations

import datetime
import html
import posixpath

from publishing.markdown_text import markdown_text
from sourcing.corrections import Correction


def _day(value: str) -> str:
    day = datetime.date.fromisoformat(value)
    return f"{day.day} {day:%B %Y}"


def corrections_log(corrections: list[Correction], titles: dict[str, str], here: str) -> str:
    """Markdown for the log page (`here`, below docs/): one entry per correction, newest first,
    each with its anchor, a link to the corrected page, what it said, what it says now, and its
    sources. `titles` gives each page's title by its path below docs/."""
    if not corrections:
        return "No corrections so far.\n"
    parts = []
    for c in sorted(corrections, key=lambda c: (c.date, c.number), reverse=True):
        title = titles.get(c.page, c.page).replace("[", "\\[").replace("]", "\\]")
        cited = f" [{'; '.join('@' + key for key in c.sources)}]" if c.sources else ""
        verdict = f"\n- **Verdict:** {markdown_text(c.verdict[0])} → {markdown_text(c.verdict[1])}" if c.verdict else ""
        parts.append(
            f'<span id="{c.anchor}"></span>\n**{_day(c.date)}**, [{title}]({posixpath.relpath(c.page, posixpath.dirname(here) or ".")})\n\n'
            f"- **What it said:** {markdown_text(c.was)}\n- **What it says now:** {markdown_text(c.now)}{cited}{verdict}\n"
        )
    return "\n".join(parts)


def correction_notes(corrections: list[Correction], log_address: str) -> str:
    """HTML for the top of a corrected page: each correction, dated, linking to its log entry;
    a myth page also shows how its verdict changed."""
    if not corrections:
        return ""
    items = "".join(
        f'<li><time datetime="{c.date}">{_day(c.date)}</time>: {html.escape(c.now)} '
        f'<a href="{html.escape(log_address, quote=True)}#{c.anchor}">What it said before</a></li>'
        for c in sorted(corrections, key=lambda c: (c.date, c.number))
    )
    history = [c for c in corrections if c.verdict]
    verdicts = ""
    if history:
        steps = [history[0].verdict[0]] + [c.verdict[1] for c in history]
        dates = [c.date for c in history]
        verdicts = (
            '<p class="correction-note__verdict">Verdict history: '
            + " → ".join(
                html.escape(v) + (f" (until {_day(dates[i])})" if i < len(dates) else " (now)") for i, v in enumerate(steps)
            )
            + "</p>"
        )
    return (
        '<div class="correction-note" role="note" aria-label="Corrections">\n'
        f'<p class="correction-note__title">This page has been corrected</p>\n{verdicts}<ul>{items}</ul>\n</div>\n'
    )
