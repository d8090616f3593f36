"""The glossary: checked like a page, rendered as a page, and shown on hover at first use."""

import html
import re

import pytest
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


@pytest.mark.parametrize("before", ["", "İstanbul: "])  # a letter that grows in lower case: the page is read with case ignored
def test_a_term_in_capitals_is_marked_as_written(before):
    marked = mark_first_uses(f"<p>{before}The BLACKLIST grew.</p>", TERMS)
    assert marked == f'<p>{before}The <abbr title="A list of entities to be punished." tabindex="0">BLACKLIST</abbr> grew.</p>'


def test_the_glossary_table_cites_each_source_and_links_its_page():
    table = glossary_table(TERMS[:1], "../")
    assert table.splitlines()[2] == (
        '| <span id="term-judgment-defaulter"></span>**judgment defaulter** | 失信被执行人<br><em lang="zh-Latn-pinyin">shīxìn bèi zhíxíng rén</em> '
        "| Someone a court has listed. [@doe2020example] [More on judgment defaulter](../index.md) |"
    )


def test_glossary_problems_name_the_line_of_the_entry_or_field(tmp_path, bibliography):
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
        "terms.yml:8: 'b': source 'nosuch2020key' is not a bibliography key; cite an entry of bibliography/*.bib",
        "terms.yml:9: 'b': page 'gone.md' is not a page below docs/; name a page below docs/, e.g. court-blacklist.md",
        "terms.yml:10: 'b': Chinese characters and pinyin go together; give both chinese and pinyin, or neither",
        "terms.yml:11: 'a' is matched by both 'a' and 'b'; keep it in one entry",
        "terms.yml:12: 'c': glossary entry without source, page, match; give every entry: term, definition, source, page, match",
    ]


GOOD_ENTRY = "- term: a\n  definition: d\n  source: doe2020example\n  page: index.md\n  match: [a]\n"


def glossary_problems(tmp_path, bibliography, text: str | bytes) -> list[str]:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    path = tmp_path / "terms.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    _, problems = load_glossary(path, tmp_path / "docs", bibliography, tmp_path)
    return [str(p) for p in problems]


TEXT_FIX = "in quotes if it starts with [, {, *, & or ! or contains ': '"


@pytest.mark.parametrize(
    "change, expected",
    [
        (("source: doe2020example", "source: [doe2020example, council2014outline]"),
         "terms.yml:3: 'a': source is a list, not one bibliography key; give the one source of the definition: source: doe2020example"),
        (("definition: d", "definition: 42"), f"terms.yml:2: 'a': definition is a number, not text; write definition: followed by text ({TEXT_FIX})"),
        (("definition: d", "definition: [a, b]"), f"terms.yml:2: 'a': definition is a list, not text; write definition: followed by text ({TEXT_FIX})"),
        (("definition: d", "definition: {a: b}"),
         f"terms.yml:2: 'a': definition is a mapping ('key: value'), not text; write definition: followed by text ({TEXT_FIX})"),
        (("term: a", "term: [a]"), f"terms.yml:1: term is a list, not text; write term: followed by text ({TEXT_FIX})"),
        (("term: a", "term: yes"), f"terms.yml:1: term is a yes/no value, not text; write term: followed by text ({TEXT_FIX})"),
        (("match: [a]", "match: [a, [b]]"),
         "terms.yml:5: 'a': match has ['b'] (a list), not text; list the forms as they appear in pages, as text: match: [form, other form]"),
        (("page: index.md", "page: index.md\n  page: index.md"),
         "terms.yml:5: 'page' is given twice (first on line 4); YAML would keep only the last; remove one of them"),
        (("match: [a]", "match: [a]\n  colour: red"), "terms.yml:6: 'a': unknown field 'colour'; use only: term, definition, source, page, match, chinese, pinyin"),
        (("- term: a\n", "- just a line\n- term: a\n"),
         "terms.yml:1: glossary entry is text, not a set of fields; give every entry: term, definition, source, page, match"),
    ],
    ids=["source list", "definition number", "definition list", "definition mapping", "term list", "term yes/no",
         "match item list", "duplicate field", "unknown field", "entry not a mapping"],
)
def test_a_value_of_the_wrong_kind_is_one_clear_problem(tmp_path, bibliography, change, expected):
    assert glossary_problems(tmp_path, bibliography, GOOD_ENTRY.replace(*change)) == [expected]


def test_a_glossary_that_is_not_utf8_is_named_at_the_byte(tmp_path, bibliography):
    assert glossary_problems(tmp_path, bibliography, GOOD_ENTRY.encode().replace(b"definition: d", b"definition: caf\xe9")) == [
        "terms.yml:2: byte 0xe9 at column 18 is not UTF-8; save the file as UTF-8 (retype the character there)"
    ]


def test_a_term_given_twice_is_named(tmp_path, bibliography):
    assert glossary_problems(tmp_path, bibliography, GOOD_ENTRY + GOOD_ENTRY.replace("[a]", "[b]")) == [
        "terms.yml:6: 'a' has two entries (the first at line 1); merge them into one"
    ]


def test_a_broken_glossary_stops_the_build_with_our_message(tmp_path):
    from conftest import mkdocs_build, write_site

    root = write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n"})
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yml").write_text(GOOD_ENTRY.replace("source: doe2020example", "source: [doe2020example, x]"))
    build = mkdocs_build(root, "--strict")
    assert build.returncode != 0
    assert "glossary/terms.yml:3: 'a': source is a list, not one bibliography key;" in build.output
    assert "Traceback" not in build.output


def test_definitions_are_published_as_text_never_as_html():
    term = Term("a <b>", 'It <script>alert("x")</script> & more.', "doe2020example", "index.md", ("a <b>",))
    assert "It &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; more." in glossary_table([term])
    assert "**a &lt;b&gt;**" in glossary_table([term])
    marked = mark_first_uses("<p>Say a &lt;b&gt; here.</p>", [term])
    assert 'title="It &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more."' in marked


@pytest.mark.parametrize("page", ["../mkdocs.yml", "/etc/hostname", "../docs/index.md", "index.html", "."])
def test_a_glossary_page_must_be_a_page_below_docs(tmp_path, bibliography, page):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "docs" / "index.html").write_text("<p>x</p>\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    path = tmp_path / "terms.yml"
    path.write_text(f"- term: a\n  definition: d\n  source: doe2020example\n  page: '{page}'\n  match: [a]\n")
    _, problems = load_glossary(path, tmp_path / "docs", bibliography, tmp_path)
    assert [str(p) for p in problems] == [
        f"terms.yml:4: 'a': page '{page}' is not a page below docs/; name a page below docs/, e.g. court-blacklist.md"
    ]


def test_definitions_are_published_as_text_never_as_markdown():
    import markdown

    term = Term("x", "A list [click](javascript:alert(1)) with *stars* | a pipe {onclick=alert(1)}", "doe2020example", "index.md", ("x",))
    table = markdown.markdown(glossary_table([term]), extensions=["tables", "attr_list"])
    assert "<a" not in table.replace('<a href="index.md">', "") and "<em>" not in table and "onclick=" not in table
    cells = re.findall(r"<td>(.*?)</td>", table)
    assert html.unescape(cells[-1]).startswith("A list [click](javascript:alert(1)) with *stars* | a pipe {onclick=alert(1)} [@doe2020example]")


def test_the_real_glossary_has_at_least_forty_sourced_terms():
    from sourcing.bibliography import load_bibliography

    bibliography = load_bibliography(PROJECT / "bibliography", PROJECT)
    terms, problems = load_glossary(PROJECT / "glossary" / "terms.yml", PROJECT / "docs", bibliography, PROJECT)
    assert problems == []
    assert len(terms) >= 40
