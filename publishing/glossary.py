"""The glossary, drawn from glossary/terms.yml: the glossary page, and each term's definition
shown on hover or tap at its first use on every other page (marked once the page is HTML)."""

from __future__ import annotations

import html
import re

from publishing.markdown_text import markdown_text
from sourcing.glossary import Term

from .html_text import replace_in_text


def anchor(term: Term) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.term.lower()).strip("-")


def hint(term: Term) -> str:
    """The text shown on hover: Chinese and pinyin, then the definition."""
    chinese = f"{term.chinese} ({term.pinyin}): " if term.chinese else ""
    return chinese + term.definition


def glossary_table(terms: list[Term], page_prefix: str = "") -> str:
    """Markdown table of every term, with its source cited and a link to the page that explains it.
    What contributors wrote is text: it is escaped, never read as HTML."""
    rows = ["| Term | Chinese | Meaning |", "| --- | --- | --- |"]
    for term in sorted(terms, key=lambda t: t.term.lower()):
        chinese = f'{_cell(term.chinese)}<br><em lang="zh-Latn-pinyin">{_cell(term.pinyin)}</em>' if term.chinese else ""
        more = f"[More on {_cell(term.term)}]({page_prefix}{term.page})"
        meaning = f"{_cell(term.definition)} [@{term.source}] {more}"
        rows.append(f'| <span id="{anchor(term)}"></span>**{_cell(term.term)}** | {chinese} | {meaning} |')
    return "\n".join(rows) + "\n"


def _cell(text: str | None) -> str:
    return markdown_text(text)


class GlossaryMarker:
    """Marks the first use of each term in a rendered page's prose, with all terms in one
    pattern, so a page is read once whatever the number of terms."""

    def __init__(self, terms: list[Term]):
        self.by_form = {}
        for term in terms:
            for form in term.match:
                self.by_form.setdefault(form.lower(), term)
        forms = [html.escape(form, quote=False) for form in self.by_form]  # as they read in HTML text
        self.by_written_form = {html.escape(form, quote=False): term.term for form, term in self.by_form.items()}
        # all that marking a page depends on, besides the page
        self.fingerprint = repr(sorted((form, term.term, hint(term)) for form, term in self.by_form.items()))
        self.source = r"(?<![\w-])" + _trie(forms) + r"(?![\w-])" if forms else None
        # run over a page in lower case: twice as fast as ignoring case while matching
        self.pattern = re.compile(self.source) if forms else None

    def mark_first_uses(self, page_html: str) -> str:
        """Wrap the first use of each term in prose with an <abbr> carrying its definition.

        Headings, links (citations included), code and other abbreviations are left alone.
        """
        if self.pattern is None:
            return page_html
        done: set[str] = set()

        def mark(match: re.Match) -> str | None:
            text = page_html[match.start() : match.end()]
            term = self.by_form.get(html.unescape(text).lower())
            if term is None or term.term in done:
                return None
            done.add(term.term)
            return f'<abbr title="{html.escape(hint(term), quote=True)}" tabindex="0">{text}</abbr>'

        lower = page_html.lower()
        if len(lower) == len(page_html):  # no letter changed length in lower case (as "İ" would): same places
            # a term already marked is passed over at once: most matches are later uses
            return replace_in_text(page_html, self.pattern, mark, search_in=lower, wanted=lambda m: self.by_written_form.get(m.group(0)) not in done)
        return replace_in_text(page_html, re.compile(self.source, re.IGNORECASE), mark)


def mark_first_uses(page_html: str, terms: list[Term]) -> str:
    return GlossaryMarker(terms).mark_first_uses(page_html)


def _trie(forms: list[str]) -> str:
    """One regular expression matching any of `forms` (lowercase), written as a tree of shared
    prefixes so that it tests one branch per character instead of every form at every position;
    where one form is a prefix of another, the longer one is tried first."""
    tree: dict = {}
    for form in forms:
        node = tree
        for char in form.lower():
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)
