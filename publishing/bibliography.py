"""The full bibliography page: every source, grouped by kind, each labelled with where it was
published and linking back to the pages that cite it.

The page's headings are Markdown (they belong in its table of contents); each list goes in as
HTML once the page is rendered, so that Markdown does not have to read several hundred formatted
references."""

from __future__ import annotations

import datetime
import html

from sourcing.bibliography import Bibliography
from sourcing.pages import PageReport

from .references import KIND_NAMES, VENUE_NAMES, archived_link, sort_key, source_label

SOURCE_TYPES_IN_ORDER = ("secondary", "primary", "tertiary", "exhibit")  # the evidence first
KIND_INTROS = {
    "secondary": "Scholarship, think-tank research and quality journalism: the analysis every factual page rests on.",
    "primary": "Laws, policy documents, court notices and official statistics, or translations of them.",
    "tertiary": "Summaries of other sources, such as encyclopedias.",
    "exhibit": "Coverage examined as an example of how the system is described, often of misreporting. Never evidence.",
}
LIST_PLACEHOLDER = "<!-- sources {kind} -->"
FILTER_PLACEHOLDER = "<!-- sources filter -->"


def citing_pages(page_reports: dict[str, PageReport]) -> dict[str, list[tuple[str, str]]]:
    """For each cited key, the pages citing it: (path below docs/, page title), in path order."""
    cited: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(page_reports):
        report = page_reports[name]
        for key in dict.fromkeys(c.key for c in report.citations):
            cited.setdefault(key, []).append((name, report.title or name))
    return cited


def bibliography_sections(bibliography: Bibliography) -> str:
    """Markdown for the page: a heading and an introduction for each kind of source, and where its
    list goes (`source_lists` fills it in)."""
    sections = [FILTER_PLACEHOLDER + "\n"]
    for kind in SOURCE_TYPES_IN_ORDER:
        count = sum(e.get("sourcetype") == kind for e in bibliography.entries.values())
        if count:
            title = KIND_NAMES[kind].replace(" source", " sources") if kind != "exhibit" else "Exhibits"
            # a fixed anchor: the count in the heading changes as sources are added
            sections.append(f"## {title} ({count}) {{#{kind}}}\n\n{KIND_INTROS[kind]}\n\n{LIST_PLACEHOLDER.format(kind=kind)}\n")
    return "\n".join(sections)


def provenance(entry) -> str:
    """When an editor last read the source, and the copy read when it was not at the address."""
    checked = entry.get("checked")
    try:
        day = datetime.date.fromisoformat(checked) if checked else None
    except ValueError:
        day = None
    text = f"Read by an editor on {day.day} {day:%B %Y}" if day else "Not yet read by an editor"
    seen = entry.get("seen")
    if seen:
        text += f' (via <a href="{html.escape(seen, quote=True)}">a copy</a>)'
    return text + "."


def venue_filter(bibliography: Bibliography) -> str:
    """Buttons that show only the sources of one venue (docs/javascripts/sources.js); without
    JavaScript every source stays listed."""
    counts: dict[str, int] = {}
    for entry in bibliography.entries.values():
        venue = entry.get("venue") or ""
        counts[venue] = counts.get(venue, 0) + 1
    buttons = [f'<button type="button" data-venue="" aria-pressed="true">All ({len(bibliography.entries)})</button>']
    for venue, label in VENUE_NAMES.items():
        if counts.get(venue):
            buttons.append(f'<button type="button" data-venue="{venue}" aria-pressed="false">{html.escape(label)} ({counts[venue]})</button>')
    return (
        '<div class="venue-filter" role="group" aria-label="Show sources by venue" hidden>\n'
        '<span class="venue-filter__label">Show:</span> ' + " ".join(buttons) + "\n</div>\n"
    )


def source_lists(page_html: str, bibliography: Bibliography, references: dict[str, str], cited_on: dict[str, list[tuple[str, str]]]) -> str:
    """The rendered page with each kind's list of sources in place, and the venue filter before the
    first. `cited_on` gives, for each key, the (address relative to this page, title) of each
    page citing it."""
    page_html = page_html.replace(FILTER_PLACEHOLDER, venue_filter(bibliography), 1)
    for kind in SOURCE_TYPES_IN_ORDER:
        keys = [k for k, e in bibliography.entries.items() if e.get("sourcetype") == kind]
        items = []
        for key in sorted(keys, key=lambda k: sort_key(references.get(k, k))):
            links = ", ".join(f'<a href="{html.escape(url, quote=True)}">{html.escape(title)}</a>' for url, title in cited_on.get(key, []))
            backlinks = f"Cited on: {links}." if links else "Not cited on any page yet."
            entry = bibliography.entries[key]
            venue = entry.get("venue") or ""
            items.append(
                f'<li id="source-{html.escape(key)}" data-venue="{html.escape(venue, quote=True)}">'
                f'{source_label(kind, venue)} {references.get(key, html.escape(key))}{archived_link(entry)}<br>\n'
                f'<span class="provenance">{provenance(entry)}</span> <span class="cited-on">{backlinks}</span></li>'
            )
        # a reference list: the pipeline puts it in after search has read the page, like the one under every page
        page_html = page_html.replace(LIST_PLACEHOLDER.format(kind=kind), '<ul class="sources">\n' + "\n".join(items) + "\n</ul>", 1)
    return page_html
