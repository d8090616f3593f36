"""The project's bibliography: every entry of `bibliography/*.bib`, checked against our policy.

Policy (CONTRIBUTING.md, "How we source"): each entry says what kind of source it is in a
`sourcetype` field, can be found again (a `url` with the date it was read, or a `doi`), has a
title and a date, and has a key of the form authorYEARword, unique across all files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .bibtex import Entry, read_bib_file
from .problems import Problem, display_path

SOURCE_TYPES = ("primary", "secondary", "tertiary", "exhibit")
KEY_CONVENTION = re.compile(r"[a-z]+([0-9]{4}|nd)[a-z0-9]*")
DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# biblatex splits these at " and " (pandoc shows "China Copyright and Media" as "China Copyright; Media").
NAME_LIST_FIELDS = ("institution", "organization", "publisher", "location")
# What each entry type needs besides title, date and address, so that its reference reads whole:
# (field, or another field that may stand in for it).
TYPE_FIELDS = {
    "article": (("journaltitle", "journal"),),
    "report": (("institution", "organization"),),
    "book": (("publisher", "organization"),),
    "incollection": (("booktitle", "journaltitle"),),
    "online": (("author", "organization"),),
}


@dataclass
class Bibliography:
    entries: dict[str, Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # keys of entries a syntax error makes unreadable, with that error
    unreadable: dict[str, Problem] = field(default_factory=dict)

    def source_type(self, key: str) -> str | None:
        entry = self.entries.get(key)
        return entry.get("sourcetype") if entry else None


def load_bibliography(bib_dir: Path, root: Path, memo=None) -> Bibliography:
    """Read every .bib file below `bib_dir`; paths in problems are relative to `root`."""
    bibliography = Bibliography()
    files = sorted(bib_dir.rglob("*.bib")) if bib_dir.is_dir() else []
    if not files:
        bibliography.problems.append(
            Problem(display_path(bib_dir, root), 1, "no .bib file found", "add the bibliography as bibliography/*.bib")
        )
    for path in files:
        entries, problems, entry_problems = _read_and_check(path, display_path(path, root), memo)
        bibliography.problems.extend(problems)
        bibliography.unreadable.update((p.key, p) for p in problems if p.key)
        for entry in entries:
            first = bibliography.entries.get(entry.key)
            if first is not None:
                bibliography.problems.append(
                    Problem(
                        entry.path,
                        entry.line,
                        f"duplicate key '{entry.key}' (first defined at {first.path}:{first.line})",
                        "merge the two entries or give one of them another key",
                    )
                )
                continue
            bibliography.entries[entry.key] = entry
            bibliography.problems.extend(entry_problems.get(entry.key, ()))
    bibliography.problems.extend(_shared_addresses(bibliography.entries.values()))
    return bibliography


def _read_and_check(path: Path, shown: str, memo) -> tuple[list[Entry], list[Problem], dict[str, list[Problem]]]:
    """One file's entries, its syntax problems, and each entry's own problems; from `memo` (a
    sourcing.memo.Memo) when the file is unchanged."""
    data = path.read_bytes()
    key = memo.key("bib", shown, data.decode("utf-8", "replace"), date.today().isoformat()) if memo else None
    found = memo.get(key) if memo else None
    if found is None:
        entries, problems = read_bib_file(path, shown)
        found = (entries, problems, {entry.key: check_entry(entry) for entry in reversed(entries)})
        if memo:
            memo.put(key, found)
    return found


def _shared_addresses(entries) -> list[Problem]:
    """One source, one key: two entries with the same url or doi are the same publication."""
    problems = []
    seen: dict[str, Entry] = {}
    for entry in entries:
        for name in ("url", "doi"):
            value = entry.get(name)
            if not value:
                continue
            address = re.sub(r"^https?://(www\.)?", "", value.strip().lower()).rstrip("/")
            first = seen.setdefault(f"{name}:{address}", entry)
            if first is not entry:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line_of(name),
                        f"entry '{entry.key}' has the same {name} as '{first.key}' ({first.path}:{first.line})",
                        f"one source, one key: cite '{first.key}' and delete this entry",
                    )
                )
    return problems


def check_entry(entry: Entry) -> list[Problem]:
    """What in one entry breaks the sourcing policy."""
    problems = []

    def report(line: int, what: str, fix: str) -> None:
        problems.append(Problem(entry.path, line, f"entry '{entry.key}': {what}", fix))

    if not KEY_CONVENTION.fullmatch(entry.key):
        report(
            entry.line,
            "key does not follow the convention authorYEARword",
            "use lowercase letters and digits only: a name, the year (or nd for an undated page), "
            "then a word, for example creemers2018evolving; update its citations too",
        )
    source_type = entry.get("sourcetype")
    if source_type is None:
        report(
            entry.line,
            "no sourcetype",
            f"add sourcetype = {{secondary}} or another of: {', '.join(SOURCE_TYPES)} (see CONTRIBUTING.md)",
        )
    elif source_type not in SOURCE_TYPES:
        report(
            entry.line_of("sourcetype"),
            f"sourcetype '{source_type}' is not a kind we know",
            f"use one of: {', '.join(SOURCE_TYPES)} (see CONTRIBUTING.md)",
        )
    for needed in TYPE_FIELDS.get(entry.type, ()):
        if not any(entry.get(name) for name in needed):
            report(
                entry.line,
                f"@{entry.type} entry without {' or '.join(needed)}",
                f"add {needed[0]} = {{...}} as published, so the reference names where it appeared",
            )
    if not entry.get("title"):
        report(entry.line, "no title", "add title = {...} exactly as published")
    date = entry.get("date") or entry.get("year")
    if date is None and entry.type != "online":
        report(
            entry.line,
            "no date",
            "add date = {YYYY-MM-DD} (or YYYY-MM, or YYYY) as published; only @online pages may be undated",
        )
    elif date is not None and not DATE.fullmatch(date):
        report(
            entry.line_of("date" if entry.get("date") else "year"),
            f"date '{date}' is not YYYY, YYYY-MM or YYYY-MM-DD",
            "write the publication date in ISO form, for example date = {2019-07-29}",
        )
    for name in NAME_LIST_FIELDS:
        value = entry.get(name)
        if value and re.search(r"\sand\s", _outside_braces(value)):
            report(
                entry.line_of(name),
                f"{name} '{value}' would be read as several names split at 'and'",
                f"wrap the whole name in a second pair of braces: {name} = {{{{{value}}}}}",
            )
    url, doi = entry.get("url"), entry.get("doi")
    if url is None and doi is None:
        report(entry.line, "no url or doi", "add url = {...} (with urldate) or doi = {...} so readers can find it")
    if url is not None:
        if not url.startswith(("https://", "http://")):
            report(entry.line_of("url"), f"url '{url}' is not a web address", "give the full address, https://...")
        urldate = entry.get("urldate")
        if urldate is None:
            report(entry.line_of("url"), "url without urldate", "add urldate = {YYYY-MM-DD}, the day you read it")
        elif not DAY.fullmatch(urldate):
            report(
                entry.line_of("urldate"),
                f"urldate '{urldate}' is not YYYY-MM-DD",
                "write the day you read the page, for example urldate = {2026-11-22}",
            )
    return problems



def _outside_braces(value: str) -> str:
    """`value` without its braced groups: the part biblatex may still split."""
    out, depth = [], 0
    for char in value:
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            out.append(char)
    return "".join(out)
