"""The full bibliography page: every source grouped by kind, with links back to citing pages."""

from conftest import FIXTURES, mkdocs_build, write_site

from publishing.bibliography import citing_pages, full_bibliography
from sourcing.bibliography import load_bibliography


def test_sources_are_grouped_by_kind_and_link_back_to_citing_pages(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Page A\n---\n# A\n\nFact [@doe2020example]. `[@viral2018video]`\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Page B\n\nFact [@doe2020example; @council2014outline].\n")
    bibliography = load_bibliography(FIXTURES, FIXTURES)
    text = full_bibliography(bibliography, lambda key: f"Reference {key}.", citing_pages(tmp_path), "sources.md")
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## Secondary sources (1) {#secondary}",
        "## Primary sources (1) {#primary}",
        "## Tertiary sources (1) {#tertiary}",
        "## Exhibits (1) {#exhibit}",
    ]
    assert '<span id="source-doe2020example"></span>Reference doe2020example.' in text
    assert "Cited on: [Page A](a.md), [Page B](sub/b.md)." in text
    # a citation shown as code is not a citation
    assert text.split("Reference viral2018video.")[1].startswith('  \n  <span class="cited-on">Not cited on any page yet.</span>')


def test_the_built_page_shows_formatted_references(tmp_path):
    pages = {
        "index.md": "# Home\n\nFact [@doe2020example].\n",
        "sources.md": "---\nexempt_from_sourcing: A list of sources.\n---\n# Sources\n\n<!-- full-bibliography -->\n",
    }
    build = mkdocs_build(write_site(tmp_path, pages), "--strict")
    assert build.returncode == 0, build.output
    html = build.html("sources/index.html")
    assert "Doe, Jane, and Richard Roe. 2020. <em>An Example Report on China</em>." in html
    assert 'Cited on: <a href="..">Home</a>' in html or 'Cited on: <a href="../">Home</a>' in html
    assert "(von Example 2018)" not in html and "von Example, Channel. 2018." in html
