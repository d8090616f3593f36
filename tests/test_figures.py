"""One figure, one place: data/figures.yml checked, figures filled in, and a page that states a
registered fact in its own words (the same value or another) refused with its line."""

from conftest import dedent, mkdocs_build, write_site

from publishing.figures import fill_figures
from sourcing.figures import load_figures
from sourcing.pages import check_page

FIGURES = """
list-size-2019:
  value: 14.5 million
  unit: people
  counts: people put on the court list since 2013, cumulative
  as_of: 2019-07-09
  source: doe2020example
  mentions: [on the court list]
document-date:
  value: 30 May 2016
  counts: the day the State Council issued its opinions
  as_of: 2016-05-30
  source: [council2014outline]
  mentions: [the opinions]
"""


def figures(tmp_path, bibliography, text=FIGURES):
    path = tmp_path / "figures.yml"
    path.write_text(dedent(text), encoding="utf-8")
    return load_figures(path, "data/figures.yml", bibliography)


def page_problems(text, bibliography, registered):
    return [str(p) for p in check_page(dedent(text), "docs/p.md", bibliography, registered).problems]


PAGE = """
---
reviewed: 2026-11-22
---
# Page

By July 2019, {{ fig:list-size-2019 }} were on the court list [@doe2020example].
"""


def test_a_figure_with_its_source_cited_in_its_paragraph_passes_and_is_filled_in(tmp_path, bibliography):
    registered, problems = figures(tmp_path, bibliography)
    assert problems == []
    assert page_problems(PAGE, bibliography, registered) == []
    assert "By July 2019, 14.5 million people were on the court list" in fill_figures(dedent(PAGE), registered)


def test_an_unknown_figure_is_named_with_a_suggestion(tmp_path, bibliography):
    registered, _ = figures(tmp_path, bibliography)
    assert page_problems(PAGE.replace("fig:list-size-2019", "fig:list-size-2018"), bibliography, registered) == [
        "docs/p.md:6: unknown figure 'list-size-2018'; did you mean 'list-size-2019'? "
        "use an id from data/figures.yml, or add the figure there"
    ]


def test_a_figure_shown_without_its_source_is_refused(tmp_path, bibliography):
    registered, _ = figures(tmp_path, bibliography)
    text = PAGE.replace("[@doe2020example]", "") + "\nAnother paragraph cites it [@doe2020example].\n"
    assert page_problems(text, bibliography, registered) == [
        "docs/p.md:6: figure 'list-size-2019' is shown without its source; "
        "cite [@doe2020example] in the same paragraph, list item or table row"
    ]


def test_a_page_that_states_another_value_for_the_same_fact_is_refused(tmp_path, bibliography):
    registered, _ = figures(tmp_path, bibliography)
    text = PAGE + "\nAs of 2019, 14.6 million people were on the court list [@doe2020example].\n"
    assert page_problems(text, bibliography, registered) == [
        "docs/p.md:8: '14.6 million' contradicts figure 'list-size-2019' (14.5 million people, people put on the "
        "court list since 2013, cumulative, as of 2019-07-09); write {{ fig:list-size-2019 }}, or if this is "
        "another fact add it to data/figures.yml with its own as_of and source"
    ]


def test_the_same_value_typed_out_is_refused_too_and_dates_count(tmp_path, bibliography):
    registered, _ = figures(tmp_path, bibliography)
    text = PAGE + (
        "\n- In 2019, 14.5 million were on the court list [@doe2020example].\n"
        "- The opinions were issued on 31 May 2016 [@council2014outline].\n"
    )
    assert page_problems(text, bibliography, registered) == [
        "docs/p.md:8: '14.5 million' is figure 'list-size-2019' typed out; write {{ fig:list-size-2019 }} "
        "so the figure lives in one place (data/figures.yml)",
        "docs/p.md:9: '31 May 2016' contradicts figure 'document-date' (30 May 2016, the day the State Council "
        "issued its opinions, as of 2016-05-30); write {{ fig:document-date }}, or if this is another fact add it "
        "to data/figures.yml with its own as_of and source",
    ]


def test_numbers_in_sentences_about_other_things_are_left_alone(tmp_path, bibliography):
    registered, _ = figures(tmp_path, bibliography)
    text = PAGE + "\n14.6 million tickets were refused, and 60 agencies signed [@doe2020example].\n"
    assert page_problems(text, bibliography, registered) == []


def test_bad_figure_entries_are_named_with_their_lines(tmp_path, bibliography):
    text = """
    good-one:
      value: 1 million
      counts: things
      as_of: 2019-02-30
      source: nosuch2020key
      colour: red
    Bad_Id:
      value: 2
    no-source:
      value: 2 million
      counts: things
      as_of: 2019
    no-source:
      value: 3
    """
    _, problems = figures(tmp_path, bibliography, text)
    assert [str(p) for p in problems] == [
        "data/figures.yml:4: figure 'good-one': as_of '2019-02-30' is not a day of the calendar; "
        "write as_of: YYYY-MM-DD (or YYYY-MM, or YYYY), as the source dates it",
        "data/figures.yml:5: figure 'good-one': source 'nosuch2020key' is not a bibliography key; "
        "cite an entry of bibliography/*.bib",
        "data/figures.yml:6: figure 'good-one': unknown field 'colour'; "
        "use only: value, counts, as_of, source, unit, mentions, label",
        "data/figures.yml:7: figure 'Bad_Id': the id is not lowercase words joined by hyphens; name it like court-list-new-2024",
        "data/figures.yml:13: 'no-source' is given twice (first on line 9); YAML would keep only the last; remove one of them",
        "data/figures.yml:13: figure 'no-source': without counts, as_of, source; give every figure: value, counts, as_of, source",
    ]


def test_a_figure_file_that_is_not_utf8_or_not_yaml_is_named_at_its_line(tmp_path, bibliography):
    path = tmp_path / "figures.yml"
    path.write_bytes(b"a:\n  value: caf\xe9\n")
    assert [str(p) for p in load_figures(path, "data/figures.yml", bibliography)[1]] == [
        "data/figures.yml:2: byte 0xe9 at column 13 is not UTF-8; save the file as UTF-8 (retype the character there)"
    ]
    path.write_text("a:\n  value: [1\n  counts: x\n")
    [problem] = load_figures(path, "data/figures.yml", bibliography)[1]
    assert str(problem).startswith("data/figures.yml:2: not valid YAML")


def test_a_built_page_shows_the_figure_and_a_contradiction_stops_the_build(tmp_path):
    root = write_site(tmp_path / "ok", {"index.md": PAGE})
    (root / "data").mkdir()
    (root / "data" / "figures.yml").write_text(dedent(FIGURES), encoding="utf-8")
    build = mkdocs_build(root, "--strict")
    assert build.returncode == 0, build.output
    assert "By July 2019, 14.5 million people were on the court list" in build.html()

    root = write_site(tmp_path / "bad", {"index.md": PAGE + "\nIn 2019, 15 million were on the court list [@doe2020example].\n"})
    (root / "data").mkdir()
    (root / "data" / "figures.yml").write_text(dedent(FIGURES), encoding="utf-8")
    build = mkdocs_build(root, "--strict")
    assert build.returncode != 0
    assert "docs/index.md:8: '15 million' contradicts figure 'list-size-2019'" in build.output
