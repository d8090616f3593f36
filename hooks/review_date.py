"""Hook: show under each page's title when it was last reviewed (front matter `reviewed`, which
the source check requires on every factual page). Runs after the myth badge is placed, so the
date sits directly under the title."""

import _project
from mkdocs.plugins import event_priority

_project.on_path()
from publishing.myths import insert_after_title
from publishing.review_date import review_note


@event_priority(-5)
def on_page_markdown(markdown, page, config, files):
    reviewed = page.meta.get("reviewed")
    return insert_after_title(markdown, review_note(reviewed)) if reviewed else markdown
