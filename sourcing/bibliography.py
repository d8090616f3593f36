"""The project's bibliography: every entry of `bibliography/*.bib`, checked against our policy.

Policy (CONTRIBUTING.md, "How we source"): each entry says what kind of source it is
(`sourcetype`) and where it was published (`venue`), can be found again (a well-formed `url`
with the date it was read, or a `doi`), says when a person last read it (`checked`, and `seen`
for the copy read when it is not the `url`), has a title and a date, and has a key of the form
authorYEARword, unique across all files. Dates must be days of the calendar, and no day read
may be in the future.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .bibtex import Entry, read_bib_file
from .problems import Problem, display_path

SOURCE_TYPES = ("primary", "secondary", "tertiary", "exhibit")
# The kind of publisher (CONTRIBUTING.md, "How we source"); only the first four can carry a page.
VENUES = ("scholarly", "think-tank", "press", "ngo", "wire-relay", "law-firm", "government", "state-media",
          "company", "blog", "reference")
STRONG_VENUES = ("scholarly", "think-tank", "press", "ngo")
# The entry types the citation style formats well, each with the field it needs (TYPE_FIELDS).
ENTRY_TYPES = ("article", "book", "incollection", "online", "report")
WEB_ADDRESS = re.compile(r"https?://[^\s\"'<>`\\]+")
HOST = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W_](?:[\w-]*[^\W_])?")  # labels joined by dots, none empty
LINK_COMMAND = re.compile(r"\\(?:href|url)\b")  # LaTeX that pandoc turns into a link
DOI = re.compile(r"10\.[0-9]{4,9}/\S+")
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
    key = memo.key("bib", shown, data.decode("utf-8", "replace"), today().isoformat()) if memo else None
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
    venue = entry.get("venue")
    if venue is None:
        report(
            entry.line,
            "no venue",
            f"add venue = {{press}} or another of: {', '.join(VENUES)} (see CONTRIBUTING.md, How we source)",
        )
    elif venue not in VENUES:
        report(entry.line_of("venue"), f"venue '{venue}' is not one we know", f"use one of: {', '.join(VENUES)}")
    if entry.type not in ENTRY_TYPES:
        report(
            entry.line,
            f"@{entry.type} is not an entry type the site formats",
            f"use one of: {', '.join('@' + t for t in ENTRY_TYPES)}",
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
    published = entry.get("date") or entry.get("year")
    if published is None and entry.type != "online":
        report(
            entry.line,
            "no date",
            "add date = {YYYY-MM-DD} (or YYYY-MM, or YYYY) as published; only @online pages may be undated",
        )
    elif published is not None:
        name = "date" if entry.get("date") else "year"
        why = _date_problem(published, DATE, "YYYY, YYYY-MM or YYYY-MM-DD", not_after=today())  # a source read is published
        if why:
            report(entry.line_of(name), f"{name} {why}", "write the publication date in ISO form, as published, for example date = {2019-07-29}")
    for name in NAME_LIST_FIELDS:
        value = entry.get(name)
        if value and re.search(r"\sand\s", _outside_braces(value)):
            report(
                entry.line_of(name),
                f"{name} '{value}' would be read as several names split at 'and'",
                f"wrap the whole name in a second pair of braces: {name} = {{{{{value}}}}}",
            )
    for name in entry.fields:
        if LINK_COMMAND.search(entry.get(name) or ""):
            report(entry.line_of(name), f"{name} holds a link (\\href or \\url), which would be published as one",
                   "put the address in url = {...} (or seen, or archived), and write the field as plain text")
    url, doi = entry.get("url"), entry.get("doi")
    if url is None and doi is None:
        report(entry.line, "no url or doi", "add url = {...} (with urldate) or doi = {...} so readers can find it")
    if doi is not None and not DOI.fullmatch(doi):
        report(entry.line_of("doi"), f"doi '{doi}' is not a DOI", "write the DOI itself, for example doi = {10.2139/ssrn.3175792}")
    for name in ("url", "seen", "archived"):  # archived: an archive copy's address (optional)
        value = entry.get(name)
        if value is not None and not web_address(value):
            report(
                entry.line_of(name),
                f"{name} '{value}' is not a well-formed web address",
                "give the full address as the browser shows it, https://..., with no spaces, quotes or angle brackets",
            )
    if url is not None:
        urldate = entry.get("urldate")
        if urldate is None:
            report(entry.line_of("url"), "url without urldate", "add urldate = {YYYY-MM-DD}, the day you read it")
        else:
            why = _date_problem(urldate, DAY, "YYYY-MM-DD", not_after=today())
            if why:
                report(entry.line_of("urldate"), f"urldate {why}", "write the day you read the page, for example urldate = {2026-11-22}")
    checked = entry.get("checked")
    if checked is None:
        report(
            entry.line,
            "no checked date",
            "add checked = {YYYY-MM-DD}, the day a person last read the source and confirmed this entry",
        )
    else:
        why = _date_problem(checked, DAY, "YYYY-MM-DD", not_after=today())
        if why:
            report(entry.line_of("checked"), f"checked {why}", "write the day the source was last read, for example checked = {2026-11-22}")
    return problems


def web_address(value: str) -> bool:
    """True for a well-formed http(s) address: a host, and no character that could end an HTML
    attribute or start a tag."""
    if not WEB_ADDRESS.fullmatch(value):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (raises ValueError for a port out of range)
    except ValueError:  # e.g. an unclosed '[' (an IPv6 host) or port 99999999
        return False
    host = parts.hostname or ""
    return bool(HOST.fullmatch(host)) or host == "localhost"


def today() -> datetime.date:
    """Today's date (a function, so that tests can fix it)."""
    return datetime.date.today()


def _date_problem(value: str, shape: re.Pattern, shape_text: str, not_after: datetime.date | None = None) -> str | None:
    """Why `value` is not a usable date, or None."""
    if not shape.fullmatch(value):
        return f"'{value}' is not {shape_text}"
    year, month, day = (int(part) for part in (value.split("-") + ["1", "1"])[:3])
    try:
        parsed = datetime.date(year, month, day)
    except ValueError:
        return f"'{value}' is not a day of the calendar"
    if not_after and parsed > not_after:
        return f"'{value}' is in the future"
    return None


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
