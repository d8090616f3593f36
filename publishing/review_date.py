"""The line under a page's title that says when a person last checked its facts against its
sources, and how long ago that was when the site was built."""

from __future__ import annotations

import datetime
import posixpath
import re

from sourcing.check import months_between


def review_note(reviewed: datetime.date | str, today: datetime.date | None = None) -> str:
    day = reviewed if isinstance(reviewed, datetime.date) else datetime.date.fromisoformat(str(reviewed))
    months = months_between(day, today or datetime.date.today())
    ago = "less than a month ago" if months < 1 else "1 month ago" if months == 1 else f"{months} months ago"
    shown = f"{day.day} {day:%B %Y}"
    return (
        f'<p class="page-reviewed">Facts last checked against the sources on '
        f'<time datetime="{day.isoformat()}">{shown}</time> ({ago})</p>\n'
    )


LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)\s]*)?\)")


def review_dates(markdown: str, here: str, reports: dict) -> str:
    """A list of the pages `markdown` (at `here`, below docs/) links to, each with the day its
    facts were last checked: what a teacher compares before teaching a lesson again."""
    base = posixpath.dirname(here)
    rows = []
    for link in dict.fromkeys(LINK.findall(markdown)):
        name = posixpath.normpath(posixpath.join(base, link))
        report = reports.get(name)
        if report is None or report.reviewed is None:
            continue
        day = report.reviewed
        rows.append(f"- [{(report.title or name).replace('[', '(').replace(']', ')')}]({link}): facts last checked on {day.day} {day:%B %Y}")
    if not rows:
        return "No linked page has a review date yet.\n"
    # a paragraph of its own first: straight after another list, the dates would join that list
    return "\nThe pages this guide links to, with the day a person last checked each one's facts against its sources:\n\n" + "\n".join(rows) + "\n"
