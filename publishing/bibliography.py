"""The full bibliography page: every source, grouped by kind, each linking back to the pages
that cite it."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from sourcing.bibliography import Bibliography
from sourcing.markdown import citations, prose, read_page

from .references import KIND_NAMES

SOURCE_TYPES_IN_ORDER = ("secondary", "primary", "tertiary", "exhibit")  # the evidence first
KIND_INTROS = {
    "secondary": "Scholarship, think-tank research and quality journalism: the analysis every factual page rests on.",
    "primary": "Laws, policy documents, court notices and official statistics, or translations of them.",
    "tertiary": "Summaries of other sources, such as encyclopedias.",
    "exhibit": "Coverage examined as an example of how the system is described, often of misreporting. Never evidence.",
}


def page_title(text: str, fallback: str) -> str:
    page = read_page(text)
    if page.meta and isinstance(page.meta.get("title"), str):
        return page.meta["title"]
    heading = re.search(r"^# (.+)$", page.text, re.MULTILINE)
    return heading.group(1).strip() if heading else fallback


def citing_pages(docs_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """For each cited key, the pages citing it: (path below docs_dir, page title), in path order."""
    cited: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        page = read_page(text)
        name = path.relative_to(docs_dir).as_posix()
        for key in dict.fromkeys(c.key for c in citations(prose(page.text[page.body_start :]))):
            cited.setdefault(key, []).append((name, page_title(text, name)))
    return cited


def full_bibliography(
    bibliography: Bibliography,
    reference_text: Callable[[str], str],
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
        for key, text in sorted(((k, reference_text(k)) for k in keys), key=lambda item: _sort_key(item[1])):
            pages = cited_on.get(key, [])
            links = ", ".join(f"[{title}]({posixpath.relpath(name, here or '.')})" for name, title in pages)
            backlinks = f"Cited on: {links}." if links else "Not cited on any page yet."
            items.append(f'- <span id="source-{key}"></span>{text}  \n  <span class="cited-on">{backlinks}</span>')
        title = KIND_NAMES[kind].replace(" source", " sources") if kind != "exhibit" else "Exhibits"
        # a fixed anchor: the count in the heading changes as sources are added
        sections.append(f"## {title} ({len(keys)}) {{#{kind}}}\n\n{KIND_INTROS[kind]}\n\n" + "\n".join(items) + "\n")
    return "\n".join(sections)


def _sort_key(reference: str) -> str:
    """Alphabetical by author, ignoring leading punctuation and a lowercase particle (von, de)."""
    text = re.sub(r"^[^A-Za-z0-9]+", "", reference)
    return re.sub(r"^(von|van|de|da|le) ", "", text).lower()
