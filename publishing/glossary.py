"""The glossary, drawn from glossary/terms.yml: the glossary page, and each term's definition
shown on hover or tap at its first use on every other page."""

from __future__ import annotations

import html
import re

from sourcing.glossary import Term
from sourcing.markdown import non_prose_spans

HEADING = re.compile(r"^#{1,6} .*$", re.MULTILINE)
LINK_OR_CITATION = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|\[[^\]\n]*@[^\]\n]*\]|^\[\^[^\]]+\]:.*$", re.MULTILINE)


def anchor(term: Term) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.term.lower()).strip("-")


def hint(term: Term) -> str:
    """The text shown on hover: Chinese and pinyin, then the definition."""
    chinese = f"{term.chinese} ({term.pinyin}): " if term.chinese else ""
    return chinese + term.definition


def glossary_table(terms: list[Term], page_prefix: str = "") -> str:
    """Markdown table of every term, with its source cited and a link to the page that explains it."""
    rows = ["| Term | Chinese | Meaning |", "| --- | --- | --- |"]
    for term in sorted(terms, key=lambda t: t.term.lower()):
        chinese = f"{term.chinese}<br>*{term.pinyin}*" if term.chinese else ""
        meaning = f"{term.definition} [@{term.source}] [More]({page_prefix}{term.page})"
        rows.append(f'| <span id="{anchor(term)}"></span>**{term.term}** | {chinese} | {meaning} |')
    return "\n".join(rows) + "\n"


def mark_first_uses(markdown: str, terms: list[Term]) -> str:
    """Wrap the first use of each term in prose with an <abbr> carrying its definition.

    Headings, links, citations, code, comments and raw HTML are left alone, and a term already
    marked by a longer one is not marked again.
    """
    protected = non_prose_spans(markdown)
    protected += [m.span() for m in HEADING.finditer(markdown)]
    protected += [m.span() for m in LINK_OR_CITATION.finditer(markdown)]
    taken: list[tuple[int, int, str]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in protected) and all(end <= a or start >= b for a, b, _ in taken)

    forms = sorted(((form, term) for term in terms for form in term.match), key=lambda item: -len(item[0]))
    done: set[str] = set()
    for form, term in forms:
        if term.term in done:
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", re.IGNORECASE)
        for match in pattern.finditer(markdown):
            if free(*match.span()):
                title = html.escape(hint(term), quote=True)
                taken.append((*match.span(), f'<abbr title="{title}" tabindex="0">{match.group(0)}</abbr>'))
                done.add(term.term)
                break
    for start, end, replacement in sorted(taken, reverse=True):
        markdown = markdown[:start] + replacement + markdown[end:]
    return markdown
