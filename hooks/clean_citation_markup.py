"""Hook: remove the pandoc Markdown that mkdocs-bibtex leaves in citations and references
(see publishing/citation_markup.py). Runs after mkdocs-bibtex."""

import re

import _project
from mkdocs.plugins import event_priority

_project.on_path()
from publishing.citation_markup import NOCASE_SPAN, clean_reference

FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:.*$", re.MULTILINE)


@event_priority(-40)
def on_page_markdown(markdown, page, config, files):
    return clean(markdown)


def clean(markdown: str) -> str:
    # in-text citations may carry nocase spans; references also carry addresses and ranges
    markdown = NOCASE_SPAN.sub(r"\1", markdown)
    return FOOTNOTE_DEFINITION.sub(lambda m: clean_reference(m.group(0)), markdown)
