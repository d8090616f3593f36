"""The sourcing rule for one page: a factual page cites at least one secondary source.

Pages are factual by default. A page that states no facts (say, "How to contribute") opts out
with a reason in its front matter: `exempt_from_sourcing: <why>`.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field

from .bibliography import STRONG_VENUES, Bibliography, today
from .citations import (
    Bracketed,
    CitationBlock,
    bare_mentions,
    bracketed_words,
    citation_blocks,
    unreadable_blocks,
    with_at_signs,
)
from .datafile import kind_of, parse_yaml
from .figures import Figure, check_figures
from .floors import Shape, floor_problems, page_kind, page_shape, reading_problems
from .markdown import FRONT_MATTER, Citation, Lines, line_of_key, prose, read_page, without_code
from .problems import Problem
from .verdicts import check_myth_fields, is_myth_page

EXEMPT_KEY = "exempt_from_sourcing"
REVIEW_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
REVIEW_FIX = "add reviewed: YYYY-MM-DD to its front matter, the day its facts were last checked against the sources"
# Front matter the theme and the build show as text (a myth page's own fields: sourcing/verdicts.py)
TEXT_FIELDS = ("title", "description")
# Material's templates print a page's title and description as they are, into the page and into
# attributes (<meta name="description" content="...">): these would become HTML, or end the attribute
MARKUP = re.compile(r'[<>"&]')
HOW_TO_CITE = (
    "cite a secondary source (scholarship, think-tank or NGO research, or quality journalism) with [@key] "
    "after the sentence it supports"
)


@dataclass
class PageReport:
    path: str
    problems: list[Problem] = field(default_factory=list)
    exempt_reason: str | None = None
    citations: list[Citation] = field(default_factory=list)
    blocks: list[CitationBlock] = field(default_factory=list)  # the citation blocks in prose, as the build renders them
    claim_appearance: str | None = None  # a myth page's source for where its claim appeared
    direction: str | None = None  # a myth page's direction (the myths table has a heading for each)
    title: str | None = None  # from front matter, else the first '# ' heading
    reviewed: datetime.date | None = None  # when a person last checked its facts
    reading_due: tuple | None = None  # (kind, shape) of a page whose reading ease is being measured elsewhere (check_site)


@dataclass
class PageFacts:
    """What one page's text says, whatever the bibliography: kept between runs (sourcing.memo)."""

    meta: dict | None  # front matter, None when broken
    front_matter_error: tuple | None  # (line, what[, how to fix it])
    title: str | None
    found: list[CitationBlock]  # every citation block, in prose or not
    citations: list[Citation]  # each key cited in prose, with its line
    text_problems: list[Problem]  # what the text alone shows: misread citations, figures, scripts, keys twice
    bare: list[Citation]  # @word outside brackets
    bracketed: list[Bracketed]  # [word ...] in prose: maybe a key without its @
    first_prose_line: int
    shape: Shape  # what the floors look at
    outside_loads: list[tuple[int, str, str]]  # (line, address, what) of each thing it loads from another host


def read_facts(text: str, path: str, figures: dict[str, Figure]) -> PageFacts:
    page = read_page(text)
    body = re.sub(r"[^\n]", " ", page.text[: page.body_start]) + page.text[page.body_start :]
    visible = prose(body)
    found = citation_blocks(body)
    cited_by_line: dict[int, set[str]] = {}
    for block in found:
        if block.in_prose:
            cited_by_line.setdefault(block.line, set()).update(block.keys)
    problems = _blocks_the_build_would_misread(found, path) + check_figures(visible, path, figures, cited_by_line)
    problems += _unreadable_citations(visible, path) + _active_content(body, path) + _keys_given_twice(page, path)
    return PageFacts(
        page.meta, page.front_matter_error, _title(page), found,
        [Citation(key=cite.key, line=block.line) for block in found if block.in_prose for cite in block.cites],
        problems, bare_mentions(visible), bracketed_words(visible), _first_prose_line(visible),
        page_shape(visible, set(cited_by_line)), outside_loads(body, visible),
    )


def check_page(
    text: str, path: str, bibliography: Bibliography, figures: dict[str, Figure] | None = None, memo=None, figures_key: str = "",
    name: str | None = None, reading_ease=None,
) -> PageReport:
    """The problems of one page shown as `path`. With `name` (its path below docs/), the page is
    also held to the floors of its kind (sourcing/floors.py), which depend on where it stands.
    `reading_ease(text)` may give the page's reading ease, or None when it is measured elsewhere:
    the report then says so (reading_due), and reading_ease_problems gives the problems later."""
    report = PageReport(path=path)

    def problem(line: int, what: str, fix: str) -> None:
        report.problems.append(Problem(path, line, what, fix))

    key = memo.key("page", path, figures_key, text) if memo else None
    facts = memo.get(key) if memo else None
    if facts is None:
        facts = read_facts(text, path, figures or {})
        if memo:
            memo.put(key, facts)
    report.title = facts.title
    meta = facts.meta
    if facts.front_matter_error:
        line, what, *fix = facts.front_matter_error
        problem(line, what, fix[0] if fix else "fix the 'key: value' lines between the two '---' lines (quote values that contain ': ')")
    found = facts.found
    report.blocks = [block for block in found if block.in_prose]
    report.citations = list(facts.citations)
    report.problems.extend(facts.text_problems)

    for citation in report.citations:
        broken = bibliography.unreadable.get(citation.key)
        if broken is not None:
            problem(
                citation.line,
                f"source '{citation.key}' cannot be read: its entry has an error ({broken.path}:{broken.line})",
                "fix that entry first",
            )
        elif citation.key not in bibliography.entries:
            problem(citation.line, f"unknown source key '{citation.key}'", _unknown_key_fix(citation.key, bibliography))
    for line, address, what in facts.outside_loads:
        problem(
            line,
            f"{what} loads '{address}' from another host",
            "the site makes no request to a third party (readers' browsers would tell it who reads what): save the file "
            "below docs/ and use it from there, or link to it instead",
        )
    for bracketed in facts.bracketed:
        keys = list(dict.fromkeys(word for word in bracketed.words if word in bibliography.entries))
        if keys:
            problem(
                bracketed.line,
                f"'{bracketed.text}' " + (f"does not cite {', '.join(keys)}: the @ is missing" if bracketed.cites else "is not a citation"),
                f"did you mean {with_at_signs(bracketed.text, keys)}?",
            )
    for mention in facts.bare:
        if mention.key in bibliography.entries:
            problem(
                mention.line,
                f"'@{mention.key}' without brackets is not a citation",
                f"write [@{mention.key}]",
            )

    if meta is None or any(c.key in bibliography.unreadable for c in report.citations):
        return report  # the rule waits until the page and its sources can be read
    myth = is_myth_page(meta)
    if myth:
        appearance = meta.get("claim_appearance")
        report.claim_appearance = appearance if isinstance(appearance, str) else None
        report.direction = meta.get("direction") if isinstance(meta.get("direction"), str) else None
        report.problems.extend(check_myth_fields(meta, text, path, bibliography))
    for key in TEXT_FIELDS:
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            problem(line_of_key(text, key), f"'{key}' is {kind_of(value)}, not text",
                    f"write {key}: followed by text (in quotes if it starts with [, {{, *, & or ! or contains ': ')")
        elif isinstance(value, str) and (found := sorted(set(MARKUP.findall(value)))):
            problem(line_of_key(text, key), f"'{key}' contains {' '.join(repr(c) for c in found)}, which the theme would print as HTML",
                    "write it as plain text: curly quotes “ ” or single quotes instead of \", the word 'and' instead of &, "
                    "and no < or >")
    # the build shows the review date on every page that has one, exempt or not: it must be a day
    reviewed = meta.get("reviewed")
    why = None if reviewed is None else _review_date_problem(reviewed)
    if why:
        problem(line_of_key(text, "reviewed"), f"review date {why}", REVIEW_FIX)
    if EXEMPT_KEY in meta:
        reason = meta[EXEMPT_KEY]
        if myth:
            problem(
                line_of_key(text, EXEMPT_KEY),
                "a myth page gives a verdict on the facts; it cannot be exempt from sourcing",
                f"remove '{EXEMPT_KEY}' and cite the evidence for the verdict",
            )
        elif isinstance(reason, str) and reason.strip():
            report.exempt_reason = reason.strip()
            return report
        else:
            problem(
                line_of_key(text, EXEMPT_KEY),
                f"'{EXEMPT_KEY}' needs a reason, not '{reason}'",
                f"write {EXEMPT_KEY}: <why this page states no facts that need a source>",
            )
            return report

    if reviewed is None:
        problem(line_of_key(text, "reviewed"), "factual page without a review date", REVIEW_FIX)
    elif not why:
        report.reviewed = datetime.date.fromisoformat(str(reviewed))
    if name is not None:
        known_sources = len({c.key for c in report.citations if c.key in bibliography.entries})
        kind = page_kind(name)
        for line, what, fix in floor_problems(kind, facts.shape, meta, known_sources):
            problem(line, what, fix)
        if kind is not None and kind.reading_ease and facts.shape.words >= kind.words:
            ease = reading_ease(text) if reading_ease else measured_reading_ease(text, figures or {}, memo, figures_key)
            if ease is None:
                report.reading_due = (kind, facts.shape)
            else:
                report.problems += reading_ease_problems(path, kind, facts.shape, ease)
    known = [c for c in report.citations if c.key in bibliography.entries]
    if any(_strong_secondary(bibliography.entries[c.key]) for c in known):
        return report
    if not known:
        hidden = [block for block in found if not block.in_prose]
        note = ""
        if hidden:
            note = (
                f" (the citation at line {hidden[0].line} is inside code, an HTML comment or raw HTML, "
                "where it does not count)"
            )
        problem(
            facts.first_prose_line,
            ("factual page cites no source" if not report.citations else "factual page cites no known source") + note,
            HOW_TO_CITE + f", or, if the page states no facts, add '{EXEMPT_KEY}: <reason>' to its front matter",
        )
    else:
        labels = {f"{c.key} ({_label(bibliography.entries[c.key])})" for c in known}
        weak = any(bibliography.source_type(c.key) == "secondary" for c in known)
        problem(
            known[0].line,
            ("page cites no secondary source from a scholarly, think-tank, press or NGO venue, only: " if weak
             else "page cites no secondary source, only: ") + ", ".join(sorted(labels)),
            HOW_TO_CITE + "; primary sources, exhibits, relays, blogs and law-firm notes alone are not enough",
        )
    return report


def _review_date_problem(value) -> str | None:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = value.isoformat()
    if isinstance(value, (list, dict)):
        return f"is {kind_of(value)}, not YYYY-MM-DD"
    text = str(value)
    if not REVIEW_DATE.fullmatch(text):
        return f"'{text}' is not YYYY-MM-DD"
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return f"'{text}' is not a day of the calendar"
    if day > today():
        return f"'{text}' is in the future"
    return None


def _strong_secondary(entry) -> bool:
    """A source that can carry a factual page: secondary, from a venue of real strength."""
    return entry.get("sourcetype") == "secondary" and entry.get("venue") in STRONG_VENUES


def _label(entry) -> str:
    return ", ".join(v for v in (entry.get("sourcetype") or "no sourcetype", entry.get("venue")) if v)


def _blocks_the_build_would_misread(blocks: list[CitationBlock], path: str) -> list[Problem]:
    """A citation block half in code, or the same citation text both in prose and in code (the build
    replaces a citation's text wherever it stands on the page, so the code would change too)."""
    problems = []
    in_prose: dict[str, CitationBlock] = {}
    for block in blocks:
        if block.in_prose:
            in_prose.setdefault(block.text, block)
    for block in blocks:
        if block.mixed:
            problems.append(
                Problem(path, block.line, f"citation {block.text} is partly inside code or HTML",
                        "keep a citation in plain text, or the whole example inside one code span")
            )
        elif not block.in_prose and block.text in in_prose:
            problems.append(
                Problem(
                    path, block.line,
                    f"the example {block.text} is also a real citation on this page (line {in_prose[block.text].line})",
                    "write the example with another key (for example [@key]); the build would render both as citations",
                )
            )
    return problems


def _unreadable_citations(visible: str, path: str) -> list[Problem]:
    fixes = {
        "is split over lines": "keep the whole citation, from [ to ], on one line: the build reads it only there "
                               "(a line may be as long as it needs)",
        "is a braced key": "write the key without braces, [@key]: keys are letters, digits, _ and -",
    }
    return [Problem(path, line, f"citation '{text}' {why}, so it would be published as typed", fixes[why])
            for line, text, why in unreadable_blocks(visible)]


SCRIPT_TAG = re.compile(r"<script\b", re.IGNORECASE)
EVENT_ATTRIBUTE = re.compile(r"<[A-Za-z][^<>]*?\son[a-z]+\s*=", re.IGNORECASE)
SCRIPT_LINK = re.compile(
    r"""(?:\]\(\s*<?|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?|\b(?:href|src|action|formaction)\s*=\s*["']?)\s*(?:javascript|vbscript|data):""",
    re.IGNORECASE | re.MULTILINE,
)


def _active_content(body: str, path: str) -> list[Problem]:
    """Script in a page: a <script> tag, an on...= attribute or a javascript: link, outside code.
    The site's own scripts live in overrides/; a page is text and links."""
    html = without_code(body)
    lines = Lines(html)
    found = [(m.start(), "a <script> tag") for m in SCRIPT_TAG.finditer(html)]
    found += [(m.start(), "an on...= attribute (a script run on an event)") for m in EVENT_ATTRIBUTE.finditer(html)]
    found += [(m.start(), "a link to a javascript:, vbscript: or data: address") for m in SCRIPT_LINK.finditer(html)]
    return [
        Problem(path, lines.at(start), f"{what} would run script in readers' browsers",
                "pages hold text and links only: link to a web address (https://...) or a page of the site; "
                "a script the site needs goes in overrides/, reviewed with the theme")
        for start, what in sorted(found)
    ]


def _keys_given_twice(page, path: str) -> list[Problem]:
    """A front matter key given twice: YAML (and MkDocs) keep the last without a word."""
    if page.meta is None:
        return []
    match = FRONT_MATTER.match(page.text)
    return parse_yaml(match.group(1), path, first_line=2)[1] if match else []


LOADING_TAG = re.compile(r"<(script|img|iframe|audio|video|source|track|embed|object|link)\b[^>]*>", re.IGNORECASE)
LOADED = re.compile(r"""\s(?:src|href|data|srcset|poster)\s*=\s*["']?((?:https?:)?//[^"'\s>]+)""", re.IGNORECASE)
NOT_LOADED = re.compile(r"""rel\s*=\s*["']?(?:canonical|alternate|license)""", re.IGNORECASE)
IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?((?:https?:)?//[^)\s>]+)")


def outside_loads(body: str, visible: str) -> list[tuple[int, str, str]]:
    """What a page would make a reader's browser fetch from another host: raw HTML that loads
    something (not in code), and Markdown images."""
    found = []
    html = without_code(body)
    lines = Lines(html)
    for tag in LOADING_TAG.finditer(html):
        if NOT_LOADED.search(tag.group(0)):
            continue
        for address in LOADED.findall(tag.group(0)):
            found.append((lines.at(tag.start()), address, f"<{tag.group(1).lower()}>"))
    for image in IMAGE.finditer(visible):
        found.append((Lines(visible).at(image.start()), image.group(1), "an image"))
    return sorted(found)


def _title(page) -> str | None:
    if page.meta and isinstance(page.meta.get("title"), str):
        return page.meta["title"]
    heading = re.search(r"^# (.+)$", page.text[page.body_start :], re.MULTILINE)
    return heading.group(1).strip() if heading else None


def _unknown_key_fix(key: str, bibliography: Bibliography) -> str:
    close = difflib.get_close_matches(key, list(bibliography.entries), n=1, cutoff=0.75)
    if close:
        return f"did you mean '{close[0]}'? Otherwise add an entry '{key}' to bibliography/*.bib"
    return f"add an entry '{key}' to bibliography/*.bib, or correct the key"


def _first_prose_line(visible: str) -> int:
    for number, line in enumerate(visible.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return number
    return 1


def reading_ease_problems(path: str, kind, shape: Shape, ease: tuple[float | None, float | None]) -> list[Problem]:
    return [Problem(path, line, what, fix) for line, what, fix in reading_problems(kind, *ease, shape.title_line, shape.sections.get(kind.summary, 1))]


def reading_ease_key(memo, figures_key: str, text: str) -> str:
    return memo.key("reading ease", figures_key, text)


def measured_reading_ease(text: str, figures: dict[str, Figure], memo, figures_key: str) -> tuple[float | None, float | None]:
    """Flesch reading ease of the page and of its summary, kept between runs: the formula's
    library takes about a second to load, so an unchanged site never loads it."""
    key = reading_ease_key(memo, figures_key, text) if memo else None
    found = memo.get(key) if memo else None
    if found is None:
        from .readability import measure  # loads textstat only when a page has changed

        result = measure(text, figures, memo.folder if memo else None)
        found = (result.page, result.summary)
        if memo:
            memo.put(key, found)
    return found
