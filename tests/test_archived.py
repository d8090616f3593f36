"""The optional `archived` field: an archive copy's address, checked like any web address and shown
as "archived copy" beside the reference (under the page and in All sources)."""

from conftest import FIXTURES, dedent, mkdocs_build, write_site

from publishing.bibliography import bibliography_sections, source_lists
from publishing.references import reference_list
from sourcing.bibliography import load_bibliography

ARCHIVE = "https://web.archive.org/web/20240101000000/https://example.org/report_one"
ENTRY = """
@online{smith2020title,
  author = {Smith, Ann},
  title = {Title},
  date = {2020-01-02},
  url = {https://example.org/a},
  urldate = {2026-11-22},
  checked = {2026-11-22},
  archived = {ARCHIVED},
  sourcetype = {secondary},
  venue = {press},
}
"""


def with_archive(address: str) -> str:
    """The fixture bibliography, its think-tank report given an archive copy at `address`."""
    text = (FIXTURES / "sources.bib").read_text(encoding="utf-8")
    return text.replace("  urldate = {2026-11-22},\n", f"  urldate = {{2026-11-22}},\n  archived = {{{address}}},\n", 1)


def test_an_archived_address_that_is_not_a_web_address_is_a_problem(tmp_path):
    (tmp_path / "refs.bib").write_text(dedent(ENTRY.replace("ARCHIVED", "web.archive.org/some copy")), encoding="utf-8")
    assert [str(p) for p in load_bibliography(tmp_path, tmp_path).problems] == [
        "refs.bib:8: entry 'smith2020title': archived 'web.archive.org/some copy' is not a well-formed web address; "
        "give the full address as the browser shows it, https://..., with no spaces, quotes or angle brackets"
    ]
    (tmp_path / "refs.bib").write_text(dedent(ENTRY.replace("ARCHIVED", ARCHIVE)), encoding="utf-8")
    assert load_bibliography(tmp_path, tmp_path).problems == []


def test_the_reference_and_all_sources_link_the_archived_copy(tmp_path):
    (tmp_path / "sources.bib").write_text(with_archive(ARCHIVE), encoding="utf-8")
    bibliography = load_bibliography(tmp_path, tmp_path)
    assert bibliography.problems == []
    references = {key: f"Reference {key}." for key in bibliography.entries}
    listed = reference_list(["doe2020example", "council2014outline"], references, bibliography)
    copy = f'<span class="archived">(<a href="{ARCHIVE}">archived copy</a>)</span>'
    assert f"Reference doe2020example. {copy} <span" in listed
    assert listed.count("archived copy") == 1  # only the entry that has one
    page = source_lists(bibliography_sections(bibliography), bibliography, references, {})
    assert f"Reference doe2020example. {copy}<br>" in page
    assert page.count("archived copy") == 1


def test_a_built_page_shows_the_archived_copy_under_its_reference(tmp_path):
    site = write_site(tmp_path, {"index.md": "# Home\n\nFact [@doe2020example].\n"}, bib=with_archive(ARCHIVE))
    build = mkdocs_build(site, "--strict")
    assert build.returncode == 0, build.output
    assert f'<span class="archived">(<a rel="noopener" href="{ARCHIVE}">archived copy</a>)</span>' in build.html()
