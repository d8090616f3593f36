"""The full bibliography page: every source grouped by kind, with its venue and links back to
the pages citing it."""

from conftest import FIXTURES, mkdocs_build, write_site

from publishing.bibliography import bibliography_sections, citing_pages, source_lists
from sourcing.bibliography import load_bibliography
from sourcing.pages import check_page


def test_sources_are_grouped_by_kind_and_link_back_to_citing_pages():
    bibliography = load_bibliography(FIXTURES, FIXTURES)
    reports = {
        "a.md": check_page("---\ntitle: Page A\n---\n# A\n\nFact [@doe2020example]. `[@viral2018video]`\n", "docs/a.md", bibliography),
        "sub/b.md": check_page("# Page <B>\n\nFact [@doe2020example; @council2014outline].\n", "docs/sub/b.md", bibliography),
    }
    cited_on = citing_pages(reports)
    assert cited_on["doe2020example"] == [("a.md", "Page A"), ("sub/b.md", "Page <B>")]
    assert "viral2018video" not in cited_on  # a citation shown as code is not a citation
    sections = bibliography_sections(bibliography)
    assert [line for line in sections.splitlines() if line.startswith("## ")] == [
        "## Secondary sources (1) {#secondary}",
        "## Primary sources (1) {#primary}",
        "## Tertiary sources (1) {#tertiary}",
        "## Exhibits (1) {#exhibit}",
    ]
    references = {key: f"Reference {key}." for key in bibliography.entries}
    links = {key: [(f"../{name.removesuffix('.md')}/", title) for name, title in pages] for key, pages in cited_on.items()}
    page = source_lists(sections, bibliography, references, links)
    assert (
        '<li id="source-doe2020example" data-venue="think-tank"><span class="source-kind source-kind--secondary">'
        "Secondary source · think tank</span> Reference doe2020example.<br>\n"
        '<span class="provenance">Read by an editor on 22 November 2026.</span> '
        '<span class="cited-on">Cited on: <a href="../a/">Page A</a>, <a href="../sub/b/">Page &lt;B&gt;</a>.</span></li>'
    ) in page
    assert 'Reference viral2018video.<br>\n<span class="provenance">' in page
    assert page.split("Reference viral2018video.")[1].split("</li>")[0].endswith("Not cited on any page yet.</span>")
    assert '<button type="button" data-venue="think-tank" aria-pressed="false">think tank (1)</button>' in page


def test_the_built_page_shows_formatted_references(tmp_path):
    pages = {
        "index.md": "# Home\n\nFact [@doe2020example].\n",
        "sources.md": "---\nexempt_from_sourcing: A list of sources.\n---\n# Sources\n\n<!-- full-bibliography -->\n",
    }
    build = mkdocs_build(write_site(tmp_path, pages), "--strict")
    assert build.returncode == 0, build.output
    html = build.html("sources/index.html")
    assert "Doe, Jane, and Richard Roe. 2020. <em>An Example Report on China</em>." in html
    assert 'Cited on: <a href="../">Home</a>.' in html
    assert "von Example, Channel. 2018." in html
    assert 'Secondary sources (1)' in html and '<ul class="sources">' in html
    index = (build.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Sources" in index and "An Example Report on China" not in index  # the lists are not searched
