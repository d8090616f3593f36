"""The line under a page's title that says when a person last checked its facts against its
sources, and how long ago that was when the site was built."""

from __future__ import annotations

import datetime

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
