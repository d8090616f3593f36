"""The whole source check: the bibliography, then every page of the site."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .addresses import (
    ALL_EXTENSIONS,
    BIBLIOGRAPHY_MARKER,
    CORRECTIONS_MARKER,
    DIRECTIONS,
    GLOSSARY_MARKER,
    MYTHS_TABLE_MARKER,
    PUBLISHED,
    REDIRECTS,
    Source,
    address_problems,
    page_address,
    page_anchors,
    print_addresses,
    read_published,
    uses_snippets,
)
from .apart import Apart
from .bibliography import SOURCE_TYPES, Bibliography, load_bibliography, today
from .charts import CHARTS, Chart, load_charts
from .charts import MARKER as CHART_MARKER
from .config import CONFIG, excluded_by_config, load_config, nav_problems
from .corrections import CORRECTIONS, Correction, load_corrections
from .datafile import Record, load_yaml, parses_kept_in, read_text_past_bad_bytes
from .docsfiles import docs_files
from .figures import FIGURES, Figure, load_figures
from .floors import page_kind
from .glossary import Term, load_glossary
from .markdown import read_page
from .memo import Memo
from .pages import PageReport, check_page, measured_reading_ease, reading_ease_key, reading_ease_problems
from .problems import Problem, display_path
from .readability import measure_all
from .system_map import SYSTEM_MAP, SystemMap, load_system_map

GLOSSARY = Path("glossary") / "terms.yml"  # relative to the project folder
REVIEW_AGE_MONTHS = 12  # a page whose facts were checked longer ago than this is due for review
CACHE = Path(".cache")  # below the project folder: what the check and the build keep between runs
LIBRARIES = Path("requirements.lock")  # the locked libraries: what the check and the build keep is made afresh when they change
MEASURED_APART_FROM = 8  # pages to measure for reading ease from which a process of its own is worth starting


@dataclass
class SiteReport:
    problems: list[Problem] = field(default_factory=list)
    exempt: list[tuple[str, str]] = field(default_factory=list)  # (page, reason)
    uncited: list[str] = field(default_factory=list)  # bibliography keys no page cites
    due: list[tuple[str, str, int]] = field(default_factory=list)  # (page, reviewed, months ago): due for review
    pages: int = 0
    entries: int = 0
    # What the check read, for the build to use without reading it again
    bibliography: Bibliography = field(default_factory=Bibliography)
    terms: list[Term] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)
    page_reports: dict[str, PageReport] = field(default_factory=dict)  # path below docs/ -> its report
    addresses: dict[str, Source] = field(default_factory=dict)  # every address the build will publish -> where it comes from
    corrections: list[Correction] = field(default_factory=list)
    charts: dict[str, Chart] = field(default_factory=dict)
    system_map: SystemMap | None = None

    def summary(self) -> str:
        return (
            f"{self.pages} pages, {self.entries} sources, {len(self.exempt)} exempt pages: "
            + (f"{len(self.problems)} problems" if self.problems else "every factual page cites a secondary source")
        )

    def exempt_lines(self) -> list[str]:
        return [f"exempt from the sourcing rule: {page} ({reason})" for page, reason in self.exempt]

    def uncited_lines(self) -> list[str]:
        return [f"note: source '{key}' is cited by no page or glossary entry" for key in self.uncited]

    def due_lines(self) -> list[str]:
        return [
            f"note: {page}: facts last checked on {day}, {months} months ago; due for review (check them against "
            "the sources, then set reviewed: to that day)"
            for page, day, months in self.due
        ]


def months_between(earlier, later) -> int:
    """Whole months from `earlier` to `later`."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def check_site(
    docs_dir: Path, bib_dir: Path, root: Path, cache_dir: Path | None = None, config_file: Path | None = None,
    when_pages_read=None,
) -> SiteReport:
    """Check the site's configuration (`config_file`, by default mkdocs.yml in `root`), `bib_dir`,
    the glossary, the figures, the corrections and every page below `docs_dir`; paths are shown
    relative to `root`. With `cache_dir`, what was read from unchanged files is kept there.
    `when_pages_read(report)` is called once every page is read, before the check waits for
    reading ease measured apart: the build starts its own slow work there (its citations)."""
    memo = Memo(cache_dir / "check.pickle" if cache_dir else None, root / LIBRARIES)
    with parses_kept_in(memo):  # the data files' too
        return _check_site(memo, docs_dir, bib_dir, root, config_file, when_pages_read)


def _check_site(memo: Memo, docs_dir: Path, bib_dir: Path, root: Path, config_file: Path | None, when_pages_read) -> SiteReport:
    config_file = config_file or root / CONFIG
    config_shown = display_path(config_file, root)
    config = load_config(config_file, config_shown)
    bibliography = load_bibliography(bib_dir, root, memo)
    report = SiteReport(
        problems=config.problems + bibliography.problems, entries=len(bibliography.entries), bibliography=bibliography
    )
    terms, glossary_problems = load_glossary(root / GLOSSARY, docs_dir, bibliography, root)
    report.terms = terms
    report.problems += glossary_problems
    cited = {term.source for term in terms}
    figures, figure_problems = load_figures(root / FIGURES, display_path(root / FIGURES, root), bibliography)
    figures_key = repr(sorted(figures.items()))
    charts, chart_problems = load_charts(root / CHARTS, display_path(root / CHARTS, root), figures)
    report.charts = charts
    report.problems += chart_problems
    system_map, map_problems = load_system_map(root / SYSTEM_MAP, display_path(root / SYSTEM_MAP, root), docs_dir, bibliography)
    report.system_map = system_map
    report.problems += map_problems
    if system_map:
        cited.update(k for n in system_map.nodes.values() for k in n.sources)
        cited.update(k for e in system_map.edges for k in e.sources)
    corrections, correction_problems = load_corrections(root / CORRECTIONS, display_path(root / CORRECTIONS, root), docs_dir, bibliography)
    report.corrections = corrections
    report.problems += correction_problems
    cited.update(key for c in corrections for key in c.sources)
    report.figures = figures
    report.problems += figure_problems
    cited.update(key for figure in figures.values() for key in figure.sources)
    files, file_problems = docs_files(docs_dir, display_path(docs_dir, root), root, excluded_by_config(config))
    report.problems += file_problems
    pages = {file.name: file.shown for file in files if file.name.endswith(".md")}
    report.problems += nav_problems(config, config_shown, pages, docs_dir)
    texts: dict[str, str] = {}
    read = {}
    for file in files:
        if file.name.endswith(".md"):
            read[file.name] = read_text_past_bad_bytes(file.path, file.shown)  # as MkDocs reads it
    reading_ease = ReadingEase(read, figures, memo, figures_key)
    for file in files:
        if not file.name.endswith(".md"):
            continue
        shown = file.shown
        text, unreadable = read[file.name]
        if unreadable:  # named at its byte; the rest of the page is checked all the same
            report.problems.append(unreadable)
        page = check_page(text, shown, bibliography, figures, memo, figures_key, file.name, reading_ease)
        for match in CHART_MARKER.finditer(text):
            if match.group(1) not in charts:
                page.problems.append(Problem(shown, text.count("\n", 0, match.start()) + 1, f"no chart '{match.group(1)}' in data/charts.yml", "use a chart id from data/charts.yml, or add the chart there"))
        report.page_reports[file.name] = page
        texts[file.name] = text
        report.pages += 1
        report.problems.extend(page.problems)
        cited.update(c.key for c in page.citations)
        if page.claim_appearance:
            cited.add(page.claim_appearance)
        if page.exempt_reason is not None:
            report.exempt.append((shown, page.exempt_reason))
        if page.reviewed and (months := months_between(page.reviewed, today())) >= REVIEW_AGE_MONTHS:
            report.due.append((shown, page.reviewed.isoformat(), months))
    if when_pages_read:
        when_pages_read(report)
    for name, ease in reading_ease.measured().items():  # the pages measured in a process of their own
        page = report.page_reports[name]
        if page.reading_due:
            found = reading_ease_problems(page.path, *page.reading_due, ease)
            page.problems += found
            report.problems += found
            page.reading_due = None
    report.uncited = sorted(set(bibliography.entries) - cited)
    report.problems += _addresses(report, texts, config, config_shown, root, memo, figures_key)
    report.problems.sort()
    memo.save()
    return report



class ReadingEase:
    """The reading ease of each page, for check_page: from the store, or measured.

    Measuring loads the formula's pronouncing dictionary, about a second: when many pages must be
    measured (a first run, a new figure), they are measured in a process of its own while this one
    checks everything else, and check_page is told to wait (None); measured() gives the results."""

    def __init__(self, read: dict[str, tuple[str, object]], figures: dict, memo, figures_key: str):
        self.figures, self.memo, self.figures_key = figures, memo, figures_key
        self.pending: dict[str, tuple[str, str]] = {}  # key -> (page, text) being measured elsewhere
        self.apart: Apart | None = None
        for name, (text, _) in read.items():
            kind = page_kind(name)
            key = reading_ease_key(memo, figures_key, text)
            if kind is not None and kind.reading_ease and memo.get(key) is None:
                self.pending[key] = (name, text)
        if len(self.pending) < MEASURED_APART_FROM:
            self.pending = {}
            return
        self.apart = Apart(measure_all, [text for _, text in self.pending.values()], figures, memo.folder)

    def __call__(self, text: str) -> tuple[float | None, float | None] | None:
        if reading_ease_key(self.memo, self.figures_key, text) in self.pending:
            return None
        return measured_reading_ease(text, self.figures, self.memo, self.figures_key)

    def measured(self) -> dict[str, tuple[float | None, float | None]]:
        """Page -> reading ease, of the pages measured in the other process (measured here if it failed)."""
        if self.apart is None:
            return {}
        try:
            results = self.apart.result()
        except Exception:  # noqa: BLE001 (measured again here, where an error reads as usual)
            results = measure_all([text for _, text in self.pending.values()], self.figures, self.memo.folder)
        found = {}
        for (key, (name, _)), ease in zip(self.pending.items(), results):
            self.memo.put(key, ease)
            found[name] = ease
        return found


def _addresses(
    report: SiteReport, texts: dict[str, str], config, config_shown: str, root: Path, memo, figures_key: str
) -> list[Problem]:
    """Every address the build will publish (report.addresses), and, when the site has published
    some (published-urls.txt), those that are gone and those not yet recorded."""
    problems: list[Problem] = []
    extensions = config.markdown_extensions() & ALL_EXTENSIONS
    kinds = tuple(kind for kind in SOURCE_TYPES if any(e.get("sourcetype") == kind for e in report.bibliography.entries.values()))
    for name, text in texts.items():
        page = report.page_reports[name]
        extra: tuple[tuple[int, str], ...] = ()  # the headings of generated lists: (level, fixed anchor)
        if MYTHS_TABLE_MARKER in text:  # publishing/myths.py: one h3 per direction with a myth in this folder
            folder = name.rpartition("/")[0]
            mine = {r.direction for n, r in report.page_reports.items() if n.rpartition("/")[0] == folder}
            extra += tuple((3, d) for d in DIRECTIONS if d in mine)
        if BIBLIOGRAPHY_MARKER in text:  # publishing/bibliography.py: one h2 per kind of source it lists
            extra += tuple((2, kind) for kind in kinds)
        references = bool(page.blocks) or (GLOSSARY_MARKER in text and bool(report.terms)) or (
            CORRECTIONS_MARKER in text and any(c.sources for c in report.corrections)
        )
        anchors = _page_anchors(text, report.figures, root, extra, references, extensions, memo, figures_key)
        problems += [Problem(page.path, line, what, fix) for line, what, fix in anchors.problems]
        address = page_address(name)
        report.addresses.setdefault(address, Source(page.path, 1, name))
        generated = {a for _, a in extra}
        marker_line = _marker_line(text) if generated else 1
        for anchor, line in anchors.anchors().items():
            if anchor == "references" and references and page.blocks:
                line = page.blocks[0].line  # the build adds the heading because the page cites a source
            elif anchor in generated:
                line = marker_line
            report.addresses.setdefault(f"{address}#{anchor}", Source(page.path, line, name))
    redirects = {}
    if any(str(hook).endswith("redirects.py") for hook in config.hooks):
        redirects = _redirects(root / REDIRECTS, display_path(root / REDIRECTS, root), texts, problems)
        for old, (new, line) in redirects.items():
            report.addresses.setdefault(old, Source(display_path(root / REDIRECTS, root), line))
    if any(str(hook).endswith("print_document.py") for hook in config.hooks):
        for address, page in print_addresses([name for name, _ in config.nav or []]).items():
            where = report.page_reports.get(page)
            report.addresses.setdefault(address, Source(where.path, 1, None) if where else Source(config_shown, 1))
    published = root / PUBLISHED
    if published.is_file():
        shown = display_path(published, root)
        unreadable: list[Problem] = []
        recorded = read_published(published, shown, unreadable)
        redirects_shown = display_path(root / REDIRECTS, root)
        problems += unreadable or address_problems(report.addresses, recorded, shown, redirects, redirects_shown)
    return problems


def _marker_line(text: str) -> int:
    """The line of the first marker of a generated list with headings (the myths table, All sources)."""
    return next((n for n, line in enumerate(text.split("\n"), start=1) if MYTHS_TABLE_MARKER in line or BIBLIOGRAPHY_MARKER in line), 1)


def _page_anchors(text: str, figures, root: Path, extra, references: bool, extensions, memo, figures_key: str):
    def read():
        page = read_page(text)
        body = re.sub(r"[^\n]", " ", page.text[: page.body_start]) + page.text[page.body_start :]
        return page_anchors(body, figures, root, extra, references, extensions)

    if uses_snippets(text) or not memo:  # a page with snippets depends on other files: read afresh
        return read()
    key = memo.key("anchors", figures_key, repr(extra), str(references), repr(sorted(extensions)), text)
    found = memo.get(key)
    if found is None:
        found = read()
        memo.put(key, found)
    return found


def _redirects(path: Path, shown: str, texts: dict[str, str], problems: list[Problem]) -> dict[str, tuple[str, int]]:
    """redirects.yml: old page (below docs/) -> the page that replaced it, as addresses, with the
    line of each; a problem for each redirect the build could not write."""
    if not path.is_file():
        return {}
    data, found = load_yaml(path, shown)
    problems += found
    if data is None:
        return {}
    if not isinstance(data, Record):
        problems.append(Problem(shown, 1, "is not a list of 'old.md: new.md' lines", "write each moved page as old.md: new.md"))
        return {}
    redirects = {}
    for old, new in data.items():
        line = data.line_of(old)
        if not isinstance(old, str) or not isinstance(new, str) or not old.endswith(".md") or not new.endswith(".md"):
            problems.append(
                Problem(shown, line, f"'{old}: {new}' is not a page moved to a page", "write old.md: new.md, paths below docs/")
            )
        elif new not in texts:
            problems.append(Problem(shown, line, f"'{old}' points to '{new}', which is not a page below docs/", "fix the target"))
        elif old in texts:
            problems.append(Problem(shown, line, f"'{old}' still exists as a page", "remove the redirect or the page"))
        else:
            redirects[page_address(old)] = (page_address(new), line)
    return redirects
