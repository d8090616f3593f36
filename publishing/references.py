"""The references under a page, and the links between each citation and its reference.

A citation reads "(Creemers 2018; Liu 2019)", each name a link to its reference; the page's
references follow under a "References" heading, each labelled with what kind of source it is and
where it was published, each with links back to every place the page cites it.
"""

from __future__ import annotations

import html
import re

from sourcing.bibliography import Bibliography

KIND_NAMES = {
    "primary": "Primary source",
    "secondary": "Secondary source",
    "tertiary": "Tertiary source",
    "exhibit": "Exhibit",
}
VENUE_NAMES = {
    "scholarly": "scholarly",
    "think-tank": "think tank",
    "press": "press",
    "wire-relay": "relay of others' text",
    "law-firm": "law firm or consultancy",
    "ngo": "NGO",
    "government": "government",
    "state-media": "Chinese state media",
    "company": "company",
    "blog": "blog",
    "reference": "reference work",
}
CITATION_LINK = re.compile(r'<a href="#ref-([^"]+)" role="doc-biblioref"')
BACKLINKS = re.compile(r'<span class="backlinks" data-key="([^"]+)"></span>')
TAG = re.compile(r"<[^>]+>")


def source_label(kind: str | None, venue: str | None) -> str:
    """'Secondary source · scholarly', as a label readers see beside a reference."""
    if kind not in KIND_NAMES:
        return ""
    text = KIND_NAMES[kind] + (f" · {VENUE_NAMES[venue]}" if venue in VENUE_NAMES else "")
    return f'<span class="source-kind source-kind--{kind}">{html.escape(text)}</span>'


def archived_link(entry) -> str:
    """' (archived copy)', linking to the entry's `archived` address (an archive's copy of the
    source, for when the original moves or disappears), or nothing."""
    address = entry.get("archived") if entry else None
    if not address:
        return ""
    return f' <span class="archived">(<a href="{html.escape(address, quote=True)}">archived copy</a>)</span>'


def sort_key(reference_html: str) -> str:
    """Alphabetical by author, ignoring markup, leading punctuation and a particle (von, de)."""
    text = html.unescape(TAG.sub("", reference_html))
    text = re.sub(r"^[^\w]+", "", text)
    return re.sub(r"^(von|van|de|da|le) ", "", text).lower()


def reference_list(keys, references: dict[str, str], bibliography: Bibliography) -> str:
    """The references of a page citing `keys`: an HTML list, one item per source, alphabetical,
    each with a placeholder for its back-links (filled by `link_citations`)."""
    items = []
    for key in sorted(dict.fromkeys(keys), key=lambda k: sort_key(references.get(k, k))):
        entry = bibliography.entries.get(key)
        label = source_label(entry.get("sourcetype"), entry.get("venue")) if entry else ""
        items.append(
            f'<li id="ref-{html.escape(key)}">{label} {references.get(key, html.escape(key))}{archived_link(entry)} '
            f'<span class="backlinks" data-key="{html.escape(key)}"></span></li>'
        )
    if not items:
        return ""
    return '<ol class="references">\n' + "\n".join(items) + "\n</ol>\n"


def link_citations(page_html: str) -> str:
    """Give every citation link an id, and each reference links back to its citations."""
    seen: dict[str, int] = {}

    def number(match: re.Match) -> str:
        key = match.group(1)
        seen[key] = seen.get(key, 0) + 1
        return f'{match.group(0)} id="cite-{key}-{seen[key]}"'

    page_html = CITATION_LINK.sub(number, page_html)

    def backlinks(match: re.Match) -> str:
        key = match.group(1)
        count = seen.get(key, 0)
        if not count:
            return ""
        links = " ".join(
            f'<a href="#cite-{key}-{n}" aria-label="Back to citation {n}{"" if count == 1 else f" of {count}"}">'
            f"↩\ufe0e{'' if count == 1 else f'<sup>{n}</sup>'}</a>"
            for n in range(1, count + 1)
        )
        return f'<span class="backlinks">{links}</span>'

    return BACKLINKS.sub(backlinks, page_html)
