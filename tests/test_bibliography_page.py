"""The full bibliography page: every source grouped by kind, with its venue and links back to
the pages citing it."""

from conftest import FIXTURES, mkdocs_build, write_site

from publishing.bibliography import citing_pages, full_bibliography
from sourcing.bibliography import load_bibliography
from sourcing.pages import check_page


def test_sources_are_grouped_by_kind_and_link_back_to_citing_pages():
    bibliography = load_bibliography(FIXTURES, FIXTURES)
    reports = {
        "a.md": check_page("---\ntitle: Page A\n---\n# A\n\nFact [@doe2020example]. `[@viral2018video]`\n", "docs/a.md", bibliography),
        "sub/b.md": check_page("# Page B\n\nFact [@doe2020example; @council2014outline].\n", "docs/sub/b.md", bibliography),
    }
    references = {key: f"Reference {key} with [brackets] *stars*." for key in bibliography.entries}
    text = full_bibliography(bibliography, references, citing_pages(reports), "sources.md")
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## Secondary sources (1) {#secondary}",
        "## Primary sources (1) {#primary}",
        "## Tertiary sources (1) {#tertiary}",
        "## Exhibits (1) {#exhibit}",
    ]
    # the formatted reference goes into Markdown with nothing Markdown would read as its own
    assert (
        '<span id="source-doe2020example"></span><span class="source-kind source-kind--secondary">Secondary source</span> '
        "Reference doe2020example with &#91;brackets&#93; &#42;stars&#42;."
    ) in text
    assert "Cited on: [Page A](a.md), [Page B](sub/b.md)." in text
    # a citation shown as code is not a citation
    assert text.split("Reference viral2018video")[1].split("\n")[1].strip() == '<span class="cited-on">Not cited on any page yet.</span>'


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
