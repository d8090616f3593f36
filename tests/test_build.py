"""Whole builds: fixture sites built with the real hooks, and the real site, strictly.

These pin down what we rely on in mkdocs-bibtex (archived upstream) and pandoc: a citation
renders as a formatted reference, our check runs before mkdocs-bibtex rewrites citations, and
bad input stops the build with our message, never a traceback.
"""

import re
from importlib.metadata import version

import pytest
from conftest import PROJECT, mkdocs_build, write_site

GOOD_PAGE = """
---
title: Home
---
# Home

A fact about the subject [@doe2020example]. The outline was adopted [@council2014outline].

Cite with `[@doe2020example]` as shown here.
"""


def test_pinned_versions_we_rely_on():
    assert version("mkdocs-bibtex") == "4.4.0"
    assert version("mkdocs").startswith("1.6.")


def test_a_citation_renders_as_a_formatted_reference(tmp_path):
    build = mkdocs_build(write_site(tmp_path, {"index.md": GOOD_PAGE}), "--strict")
    assert build.returncode == 0, build.output
    html = build.html()
    # in the text: author-date, linked to the reference
    assert '(Doe and Roe 2020)<sup id="fnref:doe2020example"><a class="footnote-ref" href="#fn:doe2020example">' in html
    # in the reference list: author, year, title, publisher, link (Chicago author-date)
    assert (
        "Doe, Jane, and Richard Roe. 2020. <em>An Example Report on China</em>. "
        "Example Institute for Research and Analysis. "
        '<a href="https://example.org/report_one?id=1&amp;part=2">https://example.org/report_one?id=1&amp;part=2</a>'
    ) in html
    # an organisation as author stays whole
    assert "Example State Council. 2014." in html
    # search and social metadata
    assert '<link rel="canonical" href="https://example.org/site/">' in html
    assert '<meta property="og:title" content="Home">' in html
    assert '<meta property="og:url" content="https://example.org/site/">' in html
    # the review date stands under the title
    assert '<p class="page-reviewed">Last reviewed on <time datetime="2026-11-22">22 November 2026</time></p>' in html
    # each reference says what kind of source it is
    assert '<span class="source-kind source-kind--secondary">Secondary source</span> Doe, Jane' in html
    assert '<span class="source-kind source-kind--primary">Primary source</span> Example State Council' in html
    # the list stands under its own heading, after the text
    assert html.index('<h2 id="references">References') < html.index('<div class="footnote">')


def test_the_check_sees_the_authors_markdown_not_mkdocs_bibtex_footnotes(tmp_path, monkeypatch):
    # If the check ran after mkdocs-bibtex, it would find footnotes instead of [@key] and refuse this page.
    build = mkdocs_build(write_site(tmp_path, {"index.md": GOOD_PAGE}), "--strict")
    assert build.returncode == 0, build.output
    assert "sourcing: 1 pages, 4 sources, 0 exempt pages: every factual page cites a secondary source" in build.output
    monkeypatch.syspath_prepend(str(PROJECT / "hooks"))
    import enforce_sourcing  # noqa: PLC0415

    assert enforce_sourcing.on_config.mkdocs_priority > 0  # mkdocs-bibtex runs at the default, 0


def test_no_pandoc_markup_leaks_into_the_page(tmp_path):
    # mkdocs-bibtex pastes pandoc Markdown; hooks/clean_citation_markup.py removes what Python-Markdown cannot read
    page = GOOD_PAGE + "\nA video [@viral2018video].\n"
    build = mkdocs_build(write_site(tmp_path, {"index.md": page}), "--strict")
    html = build.html()
    assert "(von Example 2018)" in html
    for leak in ("{.nocase}", "\\_", "\\&amp;", "22--32"):
        assert leak not in html


def test_without_our_cleaning_pandoc_markup_leaks(tmp_path):
    # The behaviour hooks/clean_citation_markup.py exists for; if an upgrade fixes it, drop the hook.
    page = GOOD_PAGE + "\nA video [@viral2018video].\n"
    hooks = ["citation_style", "enforce_sourcing", "shield_code_from_citations"]
    html = mkdocs_build(write_site(tmp_path, {"index.md": page}, hooks=hooks)).html()
    assert "[von Example]{.nocase}" in html
    assert "report\\_one" in html


def test_citation_examples_in_code_stay_literal(tmp_path):
    build = mkdocs_build(write_site(tmp_path, {"index.md": GOOD_PAGE}), "--strict")
    assert "<code>[@doe2020example]</code>" in build.html()


def test_without_our_shield_mkdocs_bibtex_rewrites_citations_inside_code(tmp_path):
    # The behaviour hooks/shield_code_from_citations.py exists for; if an upgrade fixes it, drop the hook.
    site = write_site(tmp_path, {"index.md": GOOD_PAGE}, hooks=["citation_style", "enforce_sourcing"])
    build = mkdocs_build(site)
    assert build.returncode == 0, build.output
    assert "<code>[@doe2020example]</code>" not in build.html()
    assert "<code>(Doe and Roe 2020)" in build.html()


@pytest.mark.parametrize(
    "page, expected",
    [
        ("# Page\n\nA factual paragraph.\n", "docs/page.md:6: factual page cites no source;"),
        ("# Page\n\nA claim [@council2014outline].\n", "docs/page.md:6: page cites no secondary source, only:"),
        ("# Page\n\nA claim. <!-- [@doe2020example] -->\n", "docs/page.md:6: factual page cites no source (the"),
        ("# Page\n\n```\n[@doe2020example]\n```\n", "docs/page.md:1: factual page cites no source (the"),
        ("# Page\n\nA claim [@doe2020exampel].\n", "docs/page.md:6: unknown source key 'doe2020exampel';"),
        ("---\ntitle: [oops\n---\n# Page\n", "docs/page.md:3: front matter is not valid YAML"),
    ],
    ids=["no citation", "only primary", "citation in comment", "citation in code", "unknown key", "broken yaml"],
)
def test_a_weak_page_stops_the_build_with_its_path_and_line(tmp_path, page, expected):
    build = mkdocs_build(write_site(tmp_path, {"index.md": GOOD_PAGE, "page.md": page}), "--strict")
    assert build.returncode != 0
    assert expected in build.output
    assert "Traceback" not in build.output
    assert "the site was not built" in build.output


def test_the_build_fails_without_strict_too(tmp_path):
    build = mkdocs_build(write_site(tmp_path, {"index.md": "# Home\n\nA fact.\n"}))
    assert build.returncode != 0
    assert "docs/index.md:6: factual page cites no source;" in build.output


def test_malformed_bibtex_gets_our_message_not_a_pybtex_traceback(tmp_path):
    bib = "@article{broken2020entry,\n  title = {Unclosed,\n  sourcetype = {secondary},\n}\n"
    build = mkdocs_build(write_site(tmp_path, {"index.md": GOOD_PAGE}, bib=bib), "--strict")
    assert build.returncode != 0
    assert "bibliography/sources.bib:2: a '{' opened here is never closed;" in build.output
    assert "Traceback" not in build.output


def test_every_problem_is_reported_in_one_run(tmp_path):
    pages = {"index.md": GOOD_PAGE, "a.md": "# A\n\nFact.\n", "b/c.md": "# C\n\nFact [@nope2020x].\n"}
    build = mkdocs_build(write_site(tmp_path, pages), "--strict")
    assert build.returncode != 0
    for expected in ("docs/a.md:6:", "docs/b/c.md:6: unknown source key", "docs/b/c.md:6: factual page cites"):
        assert expected in build.output


def test_exempt_pages_are_listed_in_every_build(tmp_path):
    pages = {"index.md": GOOD_PAGE, "contributing.md": "---\nexempt_from_sourcing: How to send changes.\n---\n# C\n"}
    build = mkdocs_build(write_site(tmp_path, pages), "--strict")
    assert build.returncode == 0, build.output
    assert "exempt from the sourcing rule: docs/contributing.md (How to send changes.)" in build.output


def test_the_real_site_builds_strictly(real_site):
    assert real_site.returncode == 0, real_site.output
    assert "WARNING" not in real_site.output
    for page in real_site.site.rglob("*.html"):
        html = re.sub(r"<code>.*?</code>", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
        for leak in ("{.nocase}", "\\_", "[@"):
            assert leak not in html, f"{page}: {leak}"
