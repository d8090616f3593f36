"""The whole source check: the bibliography, then every page of the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .bibliography import Bibliography, load_bibliography, today
from .datafile import read_text
from .docsfiles import docs_files
from .config import CONFIG, excluded_by_config, load_config, nav_problems
from .corrections import CORRECTIONS, Correction, load_corrections
from .figures import FIGURES, Figure, load_figures
from .glossary import Term, load_glossary
from .memo import Memo
from .pages import PageReport, check_page
from .problems import Problem, display_path

GLOSSARY = Path("glossary") / "terms.yml"  # relative to the project folder
REVIEW_AGE_MONTHS = 12  # a page whose facts were checked longer ago than this is due for review
CACHE = Path(".cache")  # below the project folder: what the check and the build keep between runs


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
    corrections: list[Correction] = field(default_factory=list)

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
    docs_dir: Path, bib_dir: Path, root: Path, cache_dir: Path | None = None, config_file: Path | None = None
) -> SiteReport:
    """Check the site's configuration (`config_file`, by default mkdocs.yml in `root`), `bib_dir`,
    the glossary, the figures, the corrections and every page below `docs_dir`; paths are shown
    relative to `root`. With `cache_dir`, what was read from unchanged files is kept there."""
    memo = Memo(cache_dir / "check.pickle" if cache_dir else None)
    config_file = config_file or root / CONFIG
    config_shown = display_path(config_file, root)
    config = load_config(config_file, config_shown)
    bibliography = load_bibliography(bib_dir, root, memo)
    report = SiteReport(problems=config.problems + bibliography.problems, entries=len(bibliography.entries), bibliography=bibliography)
    terms, glossary_problems = load_glossary(root / GLOSSARY, docs_dir, bibliography, root)
    report.terms = terms
    report.problems += glossary_problems
    cited = {term.source for term in terms}
    figures, figure_problems = load_figures(root / FIGURES, display_path(root / FIGURES, root), bibliography)
    figures_key = repr(sorted(figures.items()))
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
    for file in files:
        if not file.name.endswith(".md"):
            continue
        shown = file.shown
        text, unreadable = read_text(file.path, shown)  # as MkDocs reads it
        if unreadable:
            report.problems.append(unreadable)
            continue
        page = check_page(text, shown, bibliography, figures, memo, figures_key, file.name)
        report.page_reports[file.name] = page
        report.pages += 1
        report.problems.extend(page.problems)
        cited.update(c.key for c in page.citations)
        if page.claim_appearance:
            cited.add(page.claim_appearance)
        if page.exempt_reason is not None:
            report.exempt.append((shown, page.exempt_reason))
        if page.reviewed and (months := months_between(page.reviewed, today())) >= REVIEW_AGE_MONTHS:
            report.due.append((shown, page.reviewed.isoformat(), months))
    report.uncited = sorted(set(bibliography.entries) - cited)
    report.problems.sort()
    memo.save()
    return report

