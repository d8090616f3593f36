"""The map of the system and the charts: drawn only from sourced data, checked like pages, and
readable without sight or colour."""

import html as html_module
import json
import re

from conftest import dedent, mkdocs_build, write_site

from publishing.charts import chart_html
from publishing.system_map import map_html
from sourcing.charts import load_charts, number_of
from sourcing.figures import load_figures
from sourcing.system_map import load_system_map

FIGURES = """
listed-2018:
  value: 10.59 million
  counts: listed since 2013
  as_of: 2018-05
  source: doe2020example
listed-2019:
  value: 14.5 million
  counts: listed since 2013
  as_of: 2019-07-09
  source: doe2020example
on-list-2023:
  value: 8.54 million
  counts: on the list at one time
  as_of: 2023-12
  source: council2014outline
outline:
  value: 14 June 2014
  counts: the day of the outline
  as_of: 2014-06-14
  source: council2014outline
  label: The outline
"""
CHARTS = """
size:
  title: How many are listed?
  kind: line
  axis: millions
  series:
    - name: Cumulative
      figures: [listed-2018, listed-2019]
    - name: At one time
      figures: [on-list-2023]
  note: They count different things.
"""


def loaded(tmp_path, bibliography, charts=CHARTS):
    (tmp_path / "figures.yml").write_text(dedent(FIGURES), encoding="utf-8")
    (tmp_path / "charts.yml").write_text(dedent(charts), encoding="utf-8")
    figures, problems = load_figures(tmp_path / "figures.yml", "data/figures.yml", bibliography)
    assert problems == []
    return figures, load_charts(tmp_path / "charts.yml", "data/charts.yml", figures)


def test_a_chart_is_drawn_from_its_figures_with_a_title_a_description_and_its_data(tmp_path, bibliography):
    figures, (charts, problems) = loaded(tmp_path, bibliography)
    assert problems == []
    assert number_of(figures["listed-2018"]) == 10_590_000
    html = chart_html(charts["size"], figures, lambda keys: f"[cited {','.join(keys)}]", tmp_path / "cache")
    svg = re.search(r"<svg.*?</svg>", html, re.DOTALL).group(0)
    assert 'role="img" aria-labelledby="chart-size-title chart-size-desc"' in svg
    assert '<title id="chart-size-title">How many are listed?</title>' in svg
    assert "Cumulative: May 2018 10.59 million, 9 July 2019 14.5 million; At one time: December 2023 8.54 million" in svg
    # black and white: the series differ in line and marker, and no colour but the text's and grey is used
    assert set(re.findall(r"#[0-9a-fA-F]{6}", svg)) <= {"#767676", "#ffffff"}
    assert "stroke-dasharray" in svg
    # matplotlib's ids ('figure_1', ...) would repeat with two charts on a page: each is the chart's own,
    # and so is every reference to one
    ids = re.findall(r'\sid="([^"]+)"', svg)
    assert "chart-size-figure_1" in ids and all(i.startswith("chart-size-") for i in ids)
    assert all(ref in ids for ref in re.findall(r'(?:url\(#|href="#)([^")]+)', svg))
    # the data, each point with its date, value, what it counts and its source
    assert "<td>Cumulative</td><td>9 July 2019</td><td>14.5 million</td><td>listed since 2013</td><td>[cited doe2020example]</td>" in html
    assert "They count different things. Sources: [cited doe2020example,council2014outline]" in html
    # drawn once: the second time comes from the cache
    assert len(list((tmp_path / "cache").glob("size-*.svg"))) == 1
    assert chart_html(charts["size"], figures, lambda keys: "", tmp_path / "cache").count("<svg") == 1


def test_bad_charts_are_named_with_their_lines(tmp_path, bibliography):
    bad = CHARTS + """
    broken:
      title: A timeline of numbers
      kind: timeline
      series:
        - name: Mixed
          figures: [outline, nosuch-figure]
    pie:
      title: A pie
      kind: pie
      series: []
    """
    _, (_, problems) = loaded(tmp_path, bibliography, dedent(CHARTS) + dedent(bad.split(CHARTS)[1]))
    assert [str(p) for p in problems] == [
        "data/charts.yml:16: chart 'broken': figure 'nosuch-figure' is not in data/figures.yml; use a figure id from data/figures.yml",
        "data/charts.yml:19: chart 'pie': kind 'pie' is not one we draw; use one of: line, bars, timeline",
    ]


MAP = """
nodes:
  court:
    label: The court list
    detail: run by the court
    page: index.md
    column: 1
    row: 1
    source: [doe2020example]
  firm:
    label: A company's score
    page: index.md
    column: 2
    row: 1
    outside: true
    source: [council2014outline]
edges:
  - from: firm
    to: court
    label: reports records
    source: [doe2020example]
"""


def test_the_map_links_every_box_and_says_everything_in_words(tmp_path, bibliography):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "map.yml").write_text(dedent(MAP), encoding="utf-8")
    system, problems = load_system_map(tmp_path / "map.yml", "data/system-map.yml", tmp_path / "docs", bibliography)
    assert problems == []
    html = map_html(system, lambda page: "../" + page.replace(".md", "/"), lambda keys: f"[{','.join(keys)}]")
    # each box's link is named by all of its visible text (WCAG 2.5.3, label in name)
    assert '<a href="../index/" aria-label="The court list run by the court">' in html
    assert "aria-label=\"A company&#x27;s score outside the state system\"" in html
    assert 'class="system-map__label">The court list</text> <text' in html  # lines do not run together
    assert "outside the state system" in html and 'stroke-dasharray="6 4"' in html
    assert "<title id=\"system-map-title\">" in html and 'marker-end="url(#system-map-arrow)"' in html
    assert "<li>A company&#x27;s score → The court list: reports records [doe2020example]</li>" in html


def test_bad_map_entries_are_named_with_their_lines(tmp_path, bibliography):
    (tmp_path / "docs").mkdir()
    bad = MAP.replace("page: index.md\n    column: 1", "page: gone.md\n    column: 9").replace("to: court", "to: nobody")
    (tmp_path / "map.yml").write_text(dedent(bad), encoding="utf-8")
    _, problems = load_system_map(tmp_path / "map.yml", "data/system-map.yml", tmp_path / "docs", bibliography)
    assert [str(p) for p in problems] == [
        "data/system-map.yml:5: box 'court': page 'gone.md' is not a page below docs/; name a page, e.g. court-blacklist.md",
        "data/system-map.yml:6: box 'court': column 9, row 1 is not on the grid; use column 1-3 and row 1-4",
        "data/system-map.yml:11: box 'firm': page 'index.md' is not a page below docs/; name a page, e.g. court-blacklist.md",
        "data/system-map.yml:17: arrow firm -> nobody does not join two boxes; name two box ids in from: and to:",
    ]


def test_the_real_charts_are_drawn_in_the_page_but_their_drawing_is_not_searched(real_site):
    html = real_site.html("court-blacklist/index.html")
    drawing = re.search(r'<figure class="chart" id="chart-court-list-size">\n<svg.*?<desc[^>]*>(.*?)</desc>', html, re.DOTALL)
    assert drawing, "the chart's drawing is missing"
    assert "<!--chart-drawing" not in html
    index = (real_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "The data in this chart" in index  # the caption and the data table are searched
    described = html_module.unescape(drawing.group(1))  # the whole description, which the data table does not repeat
    assert described and json.dumps(described)[1:-1] not in index


def test_a_chart_of_a_built_page_is_drawn_beside_the_build_and_cited_like_the_rest(tmp_path):
    page = "# Listed\n\nHow many are listed [@doe2020example].\n\n<!-- chart: size -->\n"
    root = write_site(tmp_path, {"index.md": page})
    (root / "data").mkdir()
    (root / "data" / "figures.yml").write_text(dedent(FIGURES), encoding="utf-8")
    (root / "data" / "charts.yml").write_text(dedent(CHARTS), encoding="utf-8")
    build = mkdocs_build(root, "--strict")
    assert build.returncode == 0, build.output
    html = build.html()
    assert re.search(r'<figure class="chart" id="chart-size">\n<svg.*?</svg>', html, re.DOTALL)
    assert "<!--cite" not in html and "<!--chart-drawing" not in html
    assert 'They count different things. Sources: <span class="citation"' in html
    assert len(list((root / ".cache" / "charts").glob("size-*.svg"))) == 1
