"""'Cite this page': ready citations in APA, MLA, Chicago and BibTeX with the stable address."""

from conftest import explainer, mkdocs_build, write_site

from publishing.cite_this_page import citations

URL = "https://example.org/site/overview/"


def test_the_four_styles_for_a_title_ending_in_a_question_mark():
    styles = citations("Social Credit, Explained", "What is it?", "2026-11-22", URL, "overview")
    assert styles["APA"] == f"Social Credit, Explained. (2026, November 22). *What is it?* {URL}"
    assert styles["MLA"] == f"\u201cWhat is it?\u201d *Social Credit, Explained*, 22 Nov. 2026, {URL}."
    assert styles["Chicago"] == f"Social Credit, Explained. 2026. \u201cWhat is it?\u201d November 22, 2026. {URL}."
    assert styles["BibTeX"].splitlines() == [
        "@online{socialcreditexplained2026overview,",
        "  author = {{Social Credit, Explained}},",
        "  title = {What is it?},",
        "  date = {2026-11-22},",
        f"  url = {{{URL}}},",
        "  note = {Last reviewed 2026-11-22},",
        "}",
    ]


def test_titles_without_closing_punctuation_and_mla_months():
    styles = citations("Site", "History", "2026-09-02", URL, "history")
    assert styles["APA"] == f"Site. (2026, September 2). *History*. {URL}"
    assert styles["MLA"] == f"\u201cHistory.\u201d *Site*, 2 Sept. 2026, {URL}."
    assert citations("Site", "History", "2026-06-02", URL, "h")["MLA"].endswith(f"*Site*, 2 June 2026, {URL}.")


def test_every_reviewed_page_offers_its_citation_before_the_references(tmp_path):
    build = mkdocs_build(write_site(tmp_path, {"overview.md": explainer("---\ntitle: Overview\n---\n# Overview\n\nFact [@doe2020example].\n", "overview.md"), "index.md": "# Home\n\nFact [@doe2020example].\n"}), "--strict")
    assert build.returncode == 0, build.output
    html = build.html("overview/index.html")
    assert "Cite this page" in html
    assert f'Fixture. (2026, November 22). <em>Overview</em>. <a href="{URL}">{URL}</a>' in html
    assert html.index("Cite this page") < html.index('id="references"')
