"""A citation that starts a line of prose stays in its paragraph or list item.

mkdocs-bibtex stands each citation in for an HTML comment, and the page pipeline puts the
formatted citation in its place once the page is finished (hooks/page_pipeline.py). Python-Markdown
reads a line that starts with a comment as a block of raw HTML: the list item or paragraph the
line belongs to would end there, and the rest of it would come out as a new paragraph with its
'- ' marks showing. A writer wrapping a long line cannot be expected to know that, so each line
of prose that starts with a citation is joined to the line before it (inside a paragraph a line
break is a space anyway). Only continuation lines move: a line after a blank line, a heading, a
table row or code is left as it is.
"""

from __future__ import annotations

import re

from sourcing.citations import citation_blocks

# a line that ends a block, or stands on its own: after it a line cannot simply continue
NOT_CONTINUED = re.compile(r"^\s*$|^\s*(?:#|\||```|~~~|<)|\s{2}$|\\$")
# a line that may start with a citation: most pages have none, and need not be read further
MAY_START_WITH_CITATION = re.compile(r"^[ \t]*\[[^\]\n]*@", re.MULTILINE)


def join_citation_lines(markdown: str) -> str:
    """`markdown` with every line of prose that starts with a citation joined to the line before."""
    if not MAY_START_WITH_CITATION.search(markdown):
        return markdown
    starts = set()
    for block in citation_blocks(markdown):
        if not block.in_prose:
            continue
        line_start = markdown.rfind("\n", 0, block.start) + 1
        if line_start == 0 or markdown[line_start : block.start].strip():
            continue  # the first line, or text before the citation on its line
        previous_start = markdown.rfind("\n", 0, line_start - 1) + 1
        if NOT_CONTINUED.search(markdown[previous_start : line_start - 1]):
            continue
        starts.add(line_start)
    if not starts:
        return markdown
    out, last = [], 0
    for line_start in sorted(starts):
        out.append(markdown[last : line_start - 1].rstrip(" \t") + " ")
        last = line_start
        while last < len(markdown) and markdown[last] in " \t":
            last += 1
    out.append(markdown[last:])
    return "".join(out)
