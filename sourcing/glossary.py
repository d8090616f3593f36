"""The glossary (glossary/terms.yml): one entry per term, each with a definition and a source.

The glossary page and the definitions shown on hover are built from this file alone, so the
check holds it to the same standard as a page: every definition cites a known source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .bibliography import Bibliography
from .problems import Problem, display_path

REQUIRED = ("term", "definition", "source", "page", "match")


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
    if not path.is_file():
        return [], []
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [Problem(shown, mark.line + 1 if mark else 1, "not valid YAML", "fix the entry's indentation or quoting")]
    if not isinstance(data, list):
        return [], [Problem(shown, 1, "the glossary is not a list of entries", "start each entry with '- term: ...'")]
    starts = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"^- ", text, re.MULTILINE)]
    terms, problems = [], []
    for number, entry in enumerate(data):
        line = starts[number] if number < len(starts) else 1

        def report(what: str, fix: str) -> None:
            problems.append(Problem(shown, line, what, fix))

        if not isinstance(entry, dict) or any(not entry.get(name) for name in REQUIRED):
            missing = [name for name in REQUIRED if not isinstance(entry, dict) or not entry.get(name)]
            report(f"glossary entry without {', '.join(missing)}", f"give every entry: {', '.join(REQUIRED)}")
            continue
        name = entry["term"]
        if entry["source"] not in bibliography.entries:
            report(f"'{name}': source '{entry['source']}' is not a bibliography key", "cite an entry of bibliography/*.bib")
        if not (docs_dir / entry["page"]).is_file():
            report(f"'{name}': page '{entry['page']}' does not exist", "name a page below docs/, e.g. court-blacklist.md")
        if bool(entry.get("chinese")) != bool(entry.get("pinyin")):
            report(f"'{name}': Chinese characters and pinyin go together", "give both chinese and pinyin, or neither")
        forms = entry["match"] if isinstance(entry["match"], list) else [entry["match"]]
        terms.append(
            Term(
                term=name,
                definition=" ".join(str(entry["definition"]).split()),
                source=entry["source"],
                page=entry["page"],
                match=tuple(str(form) for form in forms),
                chinese=entry.get("chinese"),
                pinyin=entry.get("pinyin"),
            )
        )
    seen: dict[str, str] = {}
    for term in terms:
        for form in term.match:
            other = seen.setdefault(form.lower(), term.term)
            if other != term.term:
                problems.append(
                    Problem(shown, 1, f"'{form}' is matched by both '{other}' and '{term.term}'", "keep it in one entry")
                )
    return terms, problems
