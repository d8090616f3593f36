"""Hook: put a page's references under a "References" heading, listed in the table of contents.

mkdocs-bibtex writes each reference as a footnote; Python-Markdown puts footnotes at the very
end of the page with no heading, or where the footnotes extension's place marker stands. Runs
after mkdocs-bibtex, so it sees the footnote definitions that mkdocs-bibtex added.
"""

import re

from mkdocs.plugins import event_priority

FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:", re.MULTILINE)
PLACE_MARKER = "///Footnotes Go Here///"  # the footnotes extension's default PLACE_MARKER


@event_priority(-50)
def on_page_markdown(markdown, page, config, files):
    if FOOTNOTE_DEFINITION.search(markdown) and PLACE_MARKER not in markdown:
        markdown = f"{markdown.rstrip()}\n\n## References\n\n{PLACE_MARKER}\n"
    return markdown
