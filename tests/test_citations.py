"""One citation reader: every citation form is read the same by the source check and by the
build (mkdocs-bibtex's own parser, and the rendered page)."""

import pytest
from conftest import mkdocs_build, write_site
from mkdocs_bibtex.citation import CitationBlock

from sourcing.citations import citation_blocks
from sourcing.pages import check_page

FORMS = [
    ("[@doe2020example]", ["doe2020example"]),
    ("[@doe2020example; @council2014outline]", ["doe2020example", "council2014outline"]),
    ("[see @doe2020example, p. 5]", ["doe2020example"]),
    ("[-@doe2020example]", ["doe2020example"]),
    ("[see @doe2020example, pp. 3-4; also @council2014outline, ch. 2]", ["doe2020example", "council2014outline"]),
    ("[me@example.org]", []),  # a part that starts with an e-mail address is skipped...
    ("[see the report]", []),
    ("[link](https://example.org/page)", []),
]
# ...but an address later in the part reads as a citation of "example" (mkdocs-bibtex's grammar):
# the check then reports the unknown key instead of letting the build render it.
QUIRK = ("[mail me@example.org]", ["example"])


@pytest.mark.parametrize("text, keys", FORMS + [QUIRK], ids=[text for text, _ in FORMS + [QUIRK]])
def test_the_check_and_mkdocs_bibtex_find_the_same_citations(text, keys):
    ours = [key for block in citation_blocks(f"A fact {text}.") for key in block.keys]
    theirs = [c.key for block in CitationBlock.from_markdown(f"A fact {text}.") for c in block.citations]
    assert ours == theirs == keys


def test_a_suppressed_author_citation_counts_as_the_pages_source(bibliography):
    # [-@key] renders as a citation ("(2020)"), so it satisfies the sourcing rule like [@key]
    report = check_page("---\nreviewed: 2026-11-22\n---\n# P\n\nDoe and Roe say so [-@doe2020example].\n", "docs/p.md", bibliography)
    assert report.problems == []
    assert [c.key for c in report.citations] == ["doe2020example"]


def test_every_form_renders_as_the_check_read_it(tmp_path):
    body = "\n\n".join(f"Fact {n} {text}." for n, (text, _) in enumerate(FORMS))
    build = mkdocs_build(write_site(tmp_path, {"index.md": f"# Home\n\n{body}\n"}), "--strict")
    assert build.returncode == 0, build.output
    html = build.html()
    assert '(<a href="#ref-doe2020example" role="doc-biblioref" id="cite-doe2020example-1">Doe and Roe 2020</a>)' in html
    assert "Doe and Roe 2020, 5</a>" in html  # [see @key, p. 5]
    assert '(<a href="#ref-doe2020example" role="doc-biblioref" id="cite-doe2020example-4">2020</a>)' in html  # [-@key]
    assert "[me@example.org]" in html and "[see the report]" in html
    cited = {key for _, keys in FORMS for key in keys}
    assert {f'<li id="ref-{key}">' in html for key in cited} == {True}


UNKNOWN_BESIDE_KNOWN = [
    "A fact [@doe2020example]. Roe says so [-@nosuchkey].",
    "A fact [@doe2020example; -@nosuchkey].",
    "A fact [@doe2020example]. Also [see @nosuchkey, p. 4].",
]


@pytest.mark.parametrize("line", UNKNOWN_BESIDE_KNOWN, ids=["suppressed author", "suppressed in a list", "with prefix and page"])
def test_an_unknown_key_in_any_citation_form_is_reported_beside_a_valid_one(bibliography, line):
    report = check_page(f"---\nreviewed: 2026-11-22\n---\n# P\n\n{line}\n", "docs/p.md", bibliography)
    assert [str(p) for p in report.problems] == [
        "docs/p.md:6: unknown source key 'nosuchkey'; add an entry 'nosuchkey' to bibliography/*.bib, or correct the key"
    ]


def test_an_unknown_suppressed_author_key_stops_the_build_with_our_message(tmp_path):
    # not mkdocs-bibtex's KeyError
    build = mkdocs_build(write_site(tmp_path, {"index.md": f"# Home\n\n{UNKNOWN_BESIDE_KNOWN[0]}\n"}), "--strict")
    assert build.returncode != 0
    assert "docs/index.md:6: unknown source key 'nosuchkey'; add an entry 'nosuchkey' to bibliography/*.bib" in build.output
    assert "KeyError" not in build.output and "Traceback" not in build.output


def test_only_continuation_lines_that_start_with_a_citation_are_joined():
    from publishing.citation_lines import join_citation_lines

    text = (
        "- A point\n  [@a]. More.\n\n"  # joined: it continues the list item
        "[@b] starts a paragraph.\n\n"  # after a blank line: left alone
        "A hard break  \n[@c] after it.\n\n"  # two spaces end the line on purpose: left alone
        "```\nA line\n[@d] in code\n```\n"  # code: left alone
        "Text\n\t [@e; @f], on.\n"  # joined, its indent dropped
    )
    assert join_citation_lines(text) == (
        "- A point [@a]. More.\n\n"
        "[@b] starts a paragraph.\n\n"
        "A hard break  \n[@c] after it.\n\n"
        "```\nA line\n[@d] in code\n```\n"
        "Text [@e; @f], on.\n"
    )
