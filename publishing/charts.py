"""Charts drawn at build time: matplotlib writes each chart as SVG (no charting code runs in the
reader's browser, and nothing is fetched from elsewhere), the SVG goes into the page inline with
a title and a description for screen readers, and the data follows as a table, each row with its
date and its source. Where sources count differently, each count is its own series: a chart shows
both, never an average.

Drawing is slow (matplotlib takes seconds to start), so each SVG is kept in the cache folder under
a hash of everything it is drawn from; an unchanged chart is never drawn twice.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import html
import io
import re
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from sourcing.charts import Chart, number_of
from sourcing.datafile import parse_date
from sourcing.figures import Figure

STYLE_VERSION = "3"  # change when the drawing code changes, so that cached charts are drawn again
# Black-and-white friendly: each series differs in line, marker and shade, never in colour alone.
LINES = (("-", "o", "currentColor"), ("--", "s", "#767676"), (":", "^", "currentColor"), ("-.", "D", "#767676"))
SVG_START = re.compile(r"^.*?(<svg)", re.DOTALL)
SVG_ID = re.compile(r'\sid="([^"]+)"')


def chart_html(
    chart: Chart, figures: dict[str, Figure], cite: Callable[[tuple[str, ...]], str], cache_dir: Path | None, drawing: str | None = None
) -> str:
    """The chart as an HTML figure: the drawing, its caption with sources, and its data. With
    `drawing`, that stands where the drawing goes (the pipeline puts the drawing in once search
    has read the page: its axis labels are not text to search, and it is most of the page)."""
    svg = chart_drawing(chart, figures, cache_dir) if drawing is None else drawing
    points = [(s, figures[f]) for s in chart.series for f in s.figures]
    keys = tuple(dict.fromkeys(k for _, figure in points for k in figure.sources[:1]))
    rows = "\n".join(
        f"<tr><td>{html.escape(series.name)}</td><td>{html.escape(_when(figure))}</td>"
        f"<td>{html.escape(figure.text)}</td><td>{html.escape(figure.counts)}</td><td>{cite(figure.sources[:1])}</td></tr>"
        for series, figure in sorted(points, key=lambda p: (chart.series.index(p[0]), _date(p[1])))
    )
    note = f" {html.escape(chart.note)}" if chart.note else ""
    return (
        f'<figure class="chart" id="chart-{chart.id}">\n{svg}\n'
        f"<figcaption><strong>{html.escape(chart.title)}</strong>{note} Sources: {cite(keys)}</figcaption>\n"
        f'<table class="chart-data">\n<caption>The data in this chart</caption>\n'
        "<thead><tr><th>Series</th><th>As of</th><th>Value</th><th>What it counts</th><th>Source</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>\n</figure>\n"
    )


def _date(figure: Figure) -> datetime.date:
    return parse_date(figure.as_of)[0] or datetime.date.min


def _when(figure: Figure) -> str:
    day = _date(figure)
    parts = figure.as_of.count("-")
    return str(day.year) if parts == 0 else f"{day:%B %Y}" if parts == 1 else f"{day.day} {day:%B %Y}"


def chart_drawing(chart: Chart, figures: dict[str, Figure], cache_dir: Path | None) -> str:
    """The chart's SVG drawing, from `cache_dir` when it was drawn before from the same data."""
    cached = _cached_drawing(chart, figures, cache_dir) if cache_dir else None
    if cached and cached.is_file():
        return cached.read_text(encoding="utf-8")
    svg = _accessible(_draw(chart, figures), chart, figures)
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        for old in cached.parent.glob(f"{chart.id}-*.svg"):
            old.unlink()
        cached.write_text(svg, encoding="utf-8")
    return svg


def _cached_drawing(chart: Chart, figures: dict[str, Figure], cache_dir: Path) -> Path:
    # matplotlib takes half a second to import: its version comes from the installed package's
    # metadata, and the library itself is imported only when a chart must be drawn
    drawn_from = repr((STYLE_VERSION, _matplotlib_version(), chart, [figures[f] for s in chart.series for f in s.figures]))
    return cache_dir / f"{chart.id}-{hashlib.sha256(drawn_from.encode('utf-8')).hexdigest()[:24]}.svg"


@functools.cache
def _matplotlib_version() -> str:
    return version("matplotlib")  # importlib.metadata reads every installed package's record: once per process


def charts_to_draw(charts: dict[str, Chart], figures: dict[str, Figure], cache_dir: Path) -> list[Chart]:
    """The charts whose drawing is not in `cache_dir` yet."""
    return [chart for chart in charts.values() if not _cached_drawing(chart, figures, cache_dir).is_file()]


def draw_charts(charts: list[Chart], figures: dict[str, Figure], cache_dir: Path) -> None:
    """Draw `charts` into `cache_dir` (the build runs this in a process of its own, beside the
    rest of the build: matplotlib is slow to load and to draw)."""
    for chart in charts:
        chart_drawing(chart, figures, cache_dir)


def _draw(chart: Chart, figures: dict[str, Figure]) -> str:
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure as Drawing

    rc = {"svg.fonttype": "none", "font.size": 11, "font.family": "sans-serif", "svg.hashsalt": chart.id}
    import matplotlib

    with matplotlib.rc_context(rc):
        drawing = Drawing(figsize=(7.2, 4.2 if chart.kind != "timeline" else 6.4))
        FigureCanvasSVG(drawing)
        axes = drawing.add_subplot()
        if chart.kind == "line":
            _lines(axes, chart, figures)
        elif chart.kind == "bars":
            _bars(axes, chart, figures)
        else:
            _timeline(axes, chart, figures)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        drawing.tight_layout()
        out = io.StringIO()
        drawing.savefig(out, format="svg", transparent=True, metadata={"Date": None, "Creator": None})
    return out.getvalue()


def _lines(axes, chart: Chart, figures: dict[str, Figure]) -> None:
    for n, series in enumerate(chart.series):
        style, marker, colour = LINES[n % len(LINES)]
        points = sorted((_date(figures[f]), number_of(figures[f]) / 1e6) for f in series.figures)
        axes.plot([p[0] for p in points], [p[1] for p in points], linestyle=style, marker=marker,
                  color="black" if colour == "currentColor" else colour, label=series.name)
        for day, value in points:
            axes.annotate(f"{value:g}", (day, value), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=9)
    axes.set_ylabel(chart.axis)
    axes.set_ylim(bottom=0, top=axes.get_ylim()[1] * 1.1)
    axes.legend(frameon=False, fontsize=9, loc="upper left", bbox_to_anchor=(0, -0.1))


def _bars(axes, chart: Chart, figures: dict[str, Figure]) -> None:
    years = sorted({_date(figures[f]).year for s in chart.series for f in s.figures})
    width = 0.8 / len(chart.series)
    for n, series in enumerate(chart.series):
        values = {_date(figures[f]).year: number_of(figures[f]) / 1e6 for f in series.figures}
        xs = [years.index(y) + (n - (len(chart.series) - 1) / 2) * width for y in values]
        bars = axes.bar(xs, list(values.values()), width, label=series.name, color="white" if n % 2 else "black",
                        edgecolor="black", hatch="//" if n % 2 else None)
        axes.bar_label(bars, fmt="%g", fontsize=9, padding=2)
    axes.set_xticks(range(len(years)), [str(y) for y in years])
    axes.set_ylabel(chart.axis)
    axes.set_ylim(top=axes.get_ylim()[1] * 1.1)
    axes.legend(frameon=False, fontsize=9, loc="upper left", bbox_to_anchor=(0, -0.1), ncol=2)


def _timeline(axes, chart: Chart, figures: dict[str, Figure]) -> None:
    events = sorted(((_date(figures[f]), n, figures[f]) for n, s in enumerate(chart.series) for f in s.figures), key=lambda e: e[0])
    axes.plot([0, 0], [0, len(events) - 1], color="black", linewidth=1)
    for row, (day, n, figure) in enumerate(events):
        _, marker, _ = LINES[n % len(LINES)]
        axes.plot([0], [row], marker=marker, color="black", markersize=7)
        axes.text(0.06, row, f"{_when(figure)}: {figure.label or figure.counts}", va="center", fontsize=9)
    for n, series in enumerate(chart.series):
        _, marker, _ = LINES[n % len(LINES)]
        axes.plot([], [], marker=marker, color="black", linestyle="none", label=series.name)
    axes.set_xlim(-0.05, 1)
    axes.set_ylim(len(events) - 0.5, -0.8)
    axes.axis("off")
    axes.legend(frameon=False, fontsize=9, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2)


def _accessible(svg: str, chart: Chart, figures: dict[str, Figure]) -> str:
    """The SVG as a labelled image: a title and a description in words, colours that follow the
    page's text colour (light and dark schemes), and a size that follows the page."""
    svg = _scoped_ids(SVG_START.sub(r"\1", svg, count=1), f"chart-{chart.id}-")
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r"<svg \1", svg, count=1)
    svg = svg.replace("#000000", "currentColor").replace("fill: #ffffff", "fill: var(--md-default-bg-color)")
    described = "; ".join(
        f"{series.name}: " + ", ".join(f"{_when(figures[f])} {figures[f].text}" for f in series.figures) for series in chart.series
    )
    title, desc = f"chart-{chart.id}-title", f"chart-{chart.id}-desc"
    return svg.replace(
        "<svg ",
        f'<svg role="img" aria-labelledby="{title} {desc}" class="chart__drawing" ',
        1,
    ).replace(">", f'><title id="{title}">{html.escape(chart.title)}</title><desc id="{desc}">{html.escape(described)}</desc>', 1)


def _scoped_ids(svg: str, prefix: str) -> str:
    """matplotlib numbers its ids afresh in every drawing ('figure_1', 'axes_1', ...): with two charts
    on a page, or the whole site in one printable document, they would repeat. Each id, and every
    reference to it, gets the chart's own prefix."""
    ids = set(SVG_ID.findall(svg))
    if not ids:
        return svg
    names = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    return re.sub(
        rf'(\sid="|url\(#|href="#)({names})(?=[")])',
        lambda m: f"{m.group(1)}{prefix}{m.group(2)}",
        svg,
    )
