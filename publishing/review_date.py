"""The line under a page's title that says when its facts were last checked against the sources."""

from __future__ import annotations

import datetime


def review_note(reviewed: datetime.date | str) -> str:
    day = reviewed if isinstance(reviewed, datetime.date) else datetime.date.fromisoformat(str(reviewed))
    shown = f"{day.day} {day:%B %Y}"
    return f'<p class="page-reviewed">Last reviewed on <time datetime="{day.isoformat()}">{shown}</time></p>\n'
