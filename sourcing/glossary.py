"""The glossary (glossary/terms.yml): one entry per term, each with a definition and a source.

The glossary page and the definitions shown on hover are built from this file alone, so the
check holds it to the same standard as a page: every definition cites a known source. Every
problem names the line of the entry or of the field it is about.

    - term: judgment defaulter           # text
      chinese: 失信被执行人                 # optional, with pinyin
      pinyin: shīxìn bèi zhíxíng rén
      definition: Someone a court has listed ...   # text (published as text, never as HTML)
      source: cao2018naming              # one bibliography key
      page: court-blacklist.md           # the page below docs/ that explains it
      match: [judgment defaulter, judgment defaulters]   # the forms that appear in pages
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .bibliography import Bibliography
from .datafile import Items, Record, kind_of, load_data_file
from .problems import Problem, display_path

REQUIRED = ("term", "definition", "source", "page", "match")
KNOWN = REQUIRED + ("chinese", "pinyin")
TEXT_FIELDS = ("term", "definition", "page", "chinese", "pinyin")
QUOTE_HINT = "in quotes if it starts with [, {, *, & or ! or contains ': '"


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    source: str
    page: str
    match: tuple[str, ...]
    chinese: str | None = None
    pinyin: str | None = None


def load_glossary(path: Path, docs_dir: Path, bibliography: Bibliography, root: Path) -> tuple[list[Term], list[Problem]]:
    shown = display_path(path, root)
    data, problems = load_data_file(path, shown, list, ("the glossary is not a list of entries", "start each entry with '- term: ...'"))
    if data is None:
        return [], problems
    terms: list[Term] = []
    first_line: dict[str, int] = {}  # term -> line of its entry
    claimed: dict[str, tuple[str, int]] = {}  # form (lowercase) -> (term, line)
    for index, entry in enumerate(data):
        line = data.line_of(index) if isinstance(data, Items) else 1
        if not isinstance(entry, Record):
            problems.append(
                Problem(shown, line, f"glossary entry is {kind_of(entry)}, not a set of fields", f"give every entry: {', '.join(REQUIRED)}")
            )
            continue
        term = _entry(entry, shown, docs_dir, bibliography, problems)
        if term is None:
            continue
        if term.term in first_line:
            problems.append(
                Problem(shown, entry.line_of("term"), f"'{term.term}' has two entries (the first at line {first_line[term.term]})",
                        "merge them into one")
            )
            continue
        first_line[term.term] = entry.line
        terms.append(term)
        for form in term.match:
            other, _ = claimed.setdefault(form.lower(), (term.term, entry.line_of("match")))
            if other != term.term:
                problems.append(
                    Problem(shown, entry.line_of("match"), f"'{form}' is matched by both '{other}' and '{term.term}'", "keep it in one entry")
                )
    return terms, sorted(problems)


def _entry(entry: Record, shown: str, docs_dir: Path, bibliography: Bibliography, problems: list[Problem]) -> Term | None:
    """One entry as a Term, or None when it cannot be published; its problems go to `problems`."""
    name = entry.get("term")
    prefix = f"'{name}': " if isinstance(name, str) and name.strip() else ""
    publishable = True

    def report(field: str | None, what: str, fix: str) -> None:
        problems.append(Problem(shown, entry.line_of(field) if field else entry.line, prefix + what, fix))

    missing = [field for field in REQUIRED if entry.get(field) in (None, "", [])]
    if missing:
        report(None, f"glossary entry without {', '.join(missing)}", f"give every entry: {', '.join(REQUIRED)}")
        publishable = False
    for field in entry:
        if field not in KNOWN:
            report(field, f"unknown field '{field}'", f"use only: {', '.join(KNOWN)}")
    for field in TEXT_FIELDS:
        value = entry.get(field)
        if value not in (None, "") and not isinstance(value, str):
            report(field, f"{field} is {kind_of(value)}, not text", f"write {field}: followed by text ({QUOTE_HINT})")
            publishable = False
    source = entry.get("source")
    if isinstance(source, list):
        first = next((key for key in source if isinstance(key, str)), "key")
        report("source", f"source is {kind_of(source)}, not one bibliography key", f"give the one source of the definition: source: {first}")
        publishable = False
    elif source not in (None, "") and not isinstance(source, str):
        report("source", f"source is {kind_of(source)}, not a bibliography key", "give the key of an entry of bibliography/*.bib")
        publishable = False
    elif isinstance(source, str) and source and source not in bibliography.entries:
        report("source", f"source '{source}' is not a bibliography key", "cite an entry of bibliography/*.bib")
    page = entry.get("page")
    if isinstance(page, str) and page and not _page_below(docs_dir, page):
        report("page", f"page '{page}' is not a page below docs/", "name a page below docs/, e.g. court-blacklist.md")
    forms = entry.get("match")
    forms = forms if isinstance(forms, list) else [] if forms in (None, "") else [forms]
    for form in forms:
        if not isinstance(form, str) or not form.strip():
            empty = form is None or (isinstance(form, str) and not form.strip())
            shown_form = "an empty form" if empty else f"{form!r} ({kind_of(form)})"
            report("match", f"match has {shown_form}, not text",
                   "list the forms as they appear in pages, as text: match: [form, other form]")
            publishable = False
    chinese, pinyin = entry.get("chinese"), entry.get("pinyin")
    if bool(chinese) != bool(pinyin):
        report("chinese" if chinese else "pinyin", "Chinese characters and pinyin go together", "give both chinese and pinyin, or neither")
    if not publishable:
        return None
    return Term(
        term=name,
        definition=" ".join(entry["definition"].split()),
        source=source,
        page=page,
        match=tuple(forms),
        chinese=chinese or None,
        pinyin=pinyin or None,
    )


def _page_below(docs_dir: Path, page: str) -> bool:
    """True when `page` names a Markdown page that exists below `docs_dir`, as a relative path
    that stays there (no '/etc/...', no '../mkdocs.yml')."""
    if not page.endswith(".md") or page.startswith(("/", "\\")) or ".." in Path(page).parts:
        return False
    return (docs_dir / page).is_file()
