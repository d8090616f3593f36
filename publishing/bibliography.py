"""The full bibliography page: every source, grouped by kind, each labelled with where it was
published and linking back to the pages that cite it."""

from __future__ import annotations

import posixpath

from sourcing.bibliography import Bibliography
from sourcing.pages import PageReport

from .citeproc import markdown_safe
from .references import KIND_NAMES, sort_key, source_label

SOURCE_TYPES_IN_ORDER = ("secondary", "primary", "tertiary", "exhibit")  # the evidence first
KIND_INTROS = {
    "secondary": "Scholarship, think-tank research and quality journalism: the analysis every factual page rests on.",
    "primary": "Laws, policy documents, court notices and official statistics, or translations of them.",
    "tertiary": "Summaries of other sources, such as encyclopedias.",
    "exhibit": "Coverage examined as an example of how the system is described, often of misreporting. Never evidence.",
}


def citing_pages(page_reports: dict[str, PageReport]) -> dict[str, list[tuple[str, str]]]:
    """For each cited key, the pages citing it: (path below docs/, page title), in path order."""
    cited: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(page_reports):
        report = page_reports[name]
        for key in dict.fromkeys(c.key for c in report.citations):
            cited.setdefault(key, []).append((name, report.title or name))
    return cited


def full_bibliography(
    bibliography: Bibliography,
    references: dict[str, str],
    cited_on: dict[str, list[tuple[str, str]]],
    this_page: str,
) -> str:
    """Markdown for every source, grouped by kind, sorted by its formatted reference."""
    here = posixpath.dirname(this_page)
    sections = []
    for kind in SOURCE_TYPES_IN_ORDER:
        keys = [k for k, e in bibliography.entries.items() if e.get("sourcetype") == kind]
        if not keys:
            continue
        items = []
        for key in sorted(keys, key=lambda k: sort_key(references.get(k, k))):
            entry = bibliography.entries[key]
            links = ", ".join(
                f"[{_link_text(title)}]({posixpath.relpath(name, here or '.')})" for name, title in cited_on.get(key, [])
            )
            backlinks = f"Cited on: {links}." if links else "Not cited on any page yet."
            items.append(
                f'- <span id="source-{key}"></span>{source_label(kind, entry.get("venue"))} {markdown_safe(references.get(key, key))}  \n'
                f'  <span class="cited-on">{backlinks}</span>'
            )
        title = KIND_NAMES[kind].replace(" source", " sources") if kind != "exhibit" else "Exhibits"
        # a fixed anchor: the count in the heading changes as sources are added
        sections.append(f"## {title} ({len(keys)}) {{#{kind}}}\n\n{KIND_INTROS[kind]}\n\n" + "\n".join(items) + "\n")
    return "\n".join(sections)


def _link_text(title: str) -> str:
    return title.replace("[", "\\[").replace("]", "\\]")
