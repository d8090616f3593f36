"""The glossary: checked like a page, rendered as a page, and shown on hover at first use."""

from conftest import PROJECT

from publishing.glossary import glossary_table, mark_first_uses
from sourcing.glossary import Term, load_glossary

TERMS = [
    Term("judgment defaulter", "Someone a court has listed.", "doe2020example", "index.md",
         ("judgment defaulter", "judgment defaulters"), "失信被执行人", "shīxìn bèi zhíxíng rén"),
    Term("blacklist", "A list of entities to be punished.", "doe2020example", "index.md", ("blacklist",)),
    Term("court blacklist of judgment defaulters", "The court's list.", "doe2020example", "index.md",
         ("court blacklist of judgment defaulters",)),
]


def test_only_the_first_use_in_prose_is_marked():
    page = (
        '<h1 id="judgment-defaulters">Judgment defaulters</h1>\n'
        '<p>See <a href="x/">judgment defaulters</a> and <code>judgment defaulter</code>.</p>\n'
        '<p title="judgment defaulters">Judgment defaulters face limits <span class="citation">'
        '(<a href="#ref-doe" role="doc-biblioref">Doe judgment defaulters 2020</a>)</span>. More judgment defaulters.</p>\n'
    )
    marked = mark_first_uses(page, TERMS)
    assert marked.count("<abbr") == 1
    assert marked.startswith(page[: page.index('<p title="judgment defaulters">')])  # heading, link, code untouched
    assert (
        '<p title="judgment defaulters"><abbr title="失信被执行人 (shīxìn bèi zhíxíng rén): Someone a court has '
        'listed." tabindex="0">Judgment defaulters</abbr> face limits'
    ) in marked


def test_a_longer_term_wins_and_the_shorter_one_is_not_nested_in_it():
    marked = mark_first_uses("<p>The court blacklist of judgment defaulters grew. A blacklist too.</p>\n", TERMS)
    assert marked.count("<abbr") == 2
    assert ">court blacklist of judgment defaulters</abbr> grew" in marked
    assert 'A <abbr title="A list of entities to be punished." tabindex="0">blacklist</abbr> too.' in marked


def test_the_glossary_table_cites_each_source_and_links_its_page():
    table = glossary_table(TERMS[:1], "../")
    assert table.splitlines()[2] == (
        '| <span id="term-judgment-defaulter"></span>**judgment defaulter** | 失信被执行人<br><em lang="zh-Latn-pinyin">shīxìn bèi zhíxíng rén</em> '
        "| Someone a court has listed. [@doe2020example] [More on judgment defaulter](../index.md) |"
    )


def test_glossary_problems_name_the_entry_line(tmp_path, bibliography):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    path = tmp_path / "terms.yml"
    path.write_text(
        "- term: a\n  definition: d\n  source: doe2020example\n  page: index.md\n  match: [a]\n"
        "- term: b\n  definition: d\n  source: nosuch2020key\n  page: gone.md\n  chinese: 乙\n  match: [a]\n"
        "- term: c\n  definition: d\n"
    )
    _, problems = load_glossary(path, tmp_path / "docs", bibliography, tmp_path)
    assert [str(p) for p in problems] == [
        "terms.yml:6: 'b': source 'nosuch2020key' is not a bibliography key; cite an entry of bibliography/*.bib",
        "terms.yml:6: 'b': page 'gone.md' does not exist; name a page below docs/, e.g. court-blacklist.md",
        "terms.yml:6: 'b': Chinese characters and pinyin go together; give both chinese and pinyin, or neither",
        "terms.yml:12: glossary entry without source, page, match; give every entry: term, definition, source, page, match",
        "terms.yml:1: 'a' is matched by both 'a' and 'b'; keep it in one entry",
    ]


def test_the_real_glossary_has_at_least_forty_sourced_terms():
    from sourcing.bibliography import load_bibliography

    bibliography = load_bibliography(PROJECT / "bibliography", PROJECT)
    terms, problems = load_glossary(PROJECT / "glossary" / "terms.yml", PROJECT / "docs", bibliography, PROJECT)
    assert problems == []
    assert len(terms) >= 40
