"""Whole builds: fixture sites built with the real hooks, and the real site, strictly.

These pin down what we rely on in mkdocs-bibtex (archived upstream) and pandoc: mkdocs-bibtex
replaces each citation block with what our registry gives it, skips its own set-up when told
its registry is current, and bad input stops the build with our message, never a traceback.
"""

import json
import math
import re
from importlib.metadata import version
from types import SimpleNamespace

import pytest
from conftest import PROJECT, mkdocs_build, write_site

GOOD_PAGE = """
---
title: Home
---
# Home

A fact about the subject [@doe2020example]. The outline was adopted [@council2014outline].
Again [@doe2020example].

Cite with `[@key]` as shown here.
"""


def test_pinned_versions_we_rely_on():
    assert version("mkdocs-bibtex") == "4.4.0"
    assert version("mkdocs").startswith("1.6.")


def test_a_citation_reads_once_and_links_to_its_reference_and_back(tmp_path):
    build = mkdocs_build(write_site(tmp_path, {"index.md": GOOD_PAGE}), "--strict")
    assert build.returncode == 0, build.output
    html = build.html()
    # in the text: author-date only, the name a link to the reference, no footnote number
    assert (
        '(<a href="#ref-doe2020example" role="doc-biblioref" id="cite-doe2020example-1">Doe and Roe 2020</a>)'
    ) in html
    assert 'id="cite-doe2020example-2"' in html
    assert "footnote" not in html
    # in the reference list: author, year, title, publisher, link (Chicago author-date), its kind,
    # and a link back to each place it is cited
    item = re.search(r'<li id="ref-doe2020example">(.*?)</li>', html, re.DOTALL).group(1)
    assert item.startswith('<span class="source-kind source-kind--secondary">Secondary source · think tank</span> Doe, Jane')
    assert (
        "Doe, Jane, and Richard Roe. 2020. <em>An Example Report on China</em>. "
        "Example Institute for Research and Analysis. "
        '<a rel="noopener" href="https://example.org/report_one?id=1&amp;part=2">https://example.org/report_one?id=1&amp;part=2</a>'
    ) in item
    assert '<a href="#cite-doe2020example-1" aria-label="Back to citation 1 of 2">' in item
    assert '<a href="#cite-doe2020example-2" aria-label="Back to citation 2 of 2">' in item
    # an organisation as author stays whole
    assert '<span class="source-kind source-kind--primary">Primary source · government</span> Example State Council. 2014.' in html
    # the list stands under its own heading, after the text
    assert html.index("A fact about the subject") < html.index('<h2 id="references">') < html.index('<ol class="references">')
    # search and social metadata, and the review date under the title
    assert '<link rel="canonical" href="https://example.org/site/">' in html
    assert '<meta property="og:title" content="Home">' in html
    assert '<p class="page-reviewed">Facts last checked against the sources on <time datetime="2026-11-22">22 November 2026</time>' in html


WRAPPED_LIST = """
# Home

- **First point.** A sentence wrapped so that its citation
  [@doe2020example]. And more of the same point.
- **Second point.** Another fact
  [@council2014outline; @doe2020example].
- **Third point.** The end.

A paragraph whose citation starts a line
[@doe2020example], and goes on.
"""


def test_a_citation_that_starts_a_wrapped_line_stays_in_its_list_item(tmp_path):
    # the citation stands in as an HTML comment until the page is finished; at the start of a line
    # Python-Markdown took it for raw HTML and ended the list there, with the next items as text
    build = mkdocs_build(write_site(tmp_path, {"index.md": WRAPPED_LIST}), "--strict")
    assert build.returncode == 0, build.output
    html = build.html()
    items = re.findall(r"<li>(.*?)</li>", html.split('<h2 id="references">')[0], re.DOTALL)
    assert [re.sub(r"<[^>]+>|\s+", " ", i).split(".")[0].strip() for i in items] == [
        "First point",
        "Second point",
        "Third point",
    ]
    assert 'id="cite-doe2020example-1">Doe and Roe 2020</a>)</span>. And more of the same point.</li>' in html
    assert "<p>.\n" not in html and "- <strong>" not in html
    assert re.search(r"<p>A paragraph whose citation starts a line <span class=\"citation\"[^>]*>.*?</span>, and goes on.</p>", html)


def test_the_search_index_carries_the_text_not_the_references(tmp_path):
    build = mkdocs_build(write_site(tmp_path, {"index.md": GOOD_PAGE}), "--strict")
    index = (build.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "A fact about the subject" in index
    assert "Example Institute for Research and Analysis" not in index  # the reference list
    assert "BibTeX" not in index  # "Cite this page"
    assert [doc["location"] for doc in json.loads(index)["docs"] if doc["title"] == "References"] == []  # no empty result
    assert '<h2 id="references">' in build.html()  # the page itself is as it was


def test_the_pipeline_runs_before_mkdocs_bibtex_and_replaces_its_set_up(tmp_path):
    import page_pipeline  # hooks/ is on sys.path in the test run

    # mkdocs-bibtex's own events run at the default priority, 0
    assert page_pipeline.on_config.mkdocs_priority > 0
    assert page_pipeline.on_page_markdown.mkdocs_priority > 0
    build = mkdocs_build(write_site(tmp_path, {"index.md": GOOD_PAGE}), "--strict")
    assert build.returncode == 0, build.output
    assert "pages: 1 pages, 4 sources, 0 exempt pages: every factual page cites a secondary source" in build.output
    # mkdocs-bibtex skipped re-reading the bibliography with pybtex: it uses our registry
    assert "BibTexPlugin: No changes in bibfiles." in build.output


def test_mkdocs_bibtex_replaces_each_block_with_what_its_registry_says(tmp_path):
    # What FormattedRegistry relies on in mkdocs-bibtex 4.4.0's on_page_markdown and on_config.
    from mkdocs_bibtex.plugin import BibTexPlugin

    asked = []

    class Registry:
        footnote_format = "{key}"

        def validate_citation_blocks(self, blocks):
            asked.extend(str(b) for b in blocks)

        def inline_text(self, block):
            return f"<{block.citations[0].key}>"

        def reference_text(self, citation):
            return ""

    plugin = BibTexPlugin()
    plugin.load_config({"bib_dir": str(tmp_path), "bib_by_default": False, "enable_inline_citations": False})
    plugin.registry = Registry()
    plugin.last_configured = math.inf
    assert plugin.on_config(SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))) is not None  # returned early
    assert plugin.registry.__class__ is Registry
    out = plugin.on_page_markdown("A [@a] and [see @b, p. 2]; `[@a]` again.", None, None, None)
    assert out == "A <a> and <b>; `<a>` again."  # every copy of a block's text, code included
    assert asked == ["[@a]", "[see @b, p. 2]", "[@a]"]


def test_no_pandoc_markup_leaks_into_the_page(tmp_path):
    page = GOOD_PAGE + "\nA video [@viral2018video].\n"
    build = mkdocs_build(write_site(tmp_path, {"index.md": page}), "--strict")
    html = build.html()
    assert ">von Example 2018</a>" in html
    assert "von Example, Channel. 2018." in html
    for leak in ("{.nocase}", "\\_", "\\&amp;", "22--32", "[@"):
        assert leak not in re.sub(r"<code>.*?</code>", "", html, flags=re.DOTALL)


def test_citation_examples_in_code_stay_literal(tmp_path):
    build = mkdocs_build(write_site(tmp_path, {"index.md": GOOD_PAGE}), "--strict")
    assert "<code>[@key]</code>" in build.html()


def test_an_example_that_is_also_a_real_citation_on_the_page_is_refused(tmp_path):
    # mkdocs-bibtex replaces a citation's text wherever it stands, so the example would change too
    page = GOOD_PAGE.replace("`[@key]`", "`[@doe2020example]`")
    build = mkdocs_build(write_site(tmp_path, {"index.md": page}), "--strict")
    assert build.returncode != 0
    assert (
        "docs/index.md:10: the example [@doe2020example] is also a real citation on this page (line 7); "
        "write the example with another key"
    ) in build.output


@pytest.mark.parametrize(
    "page, expected",
    [
        ("# Page\n\nA factual paragraph.\n", "docs/page.md:6: factual page cites no source;"),
        ("# Page\n\nA claim [@council2014outline].\n", "docs/page.md:6: page cites no secondary source, only:"),
        ("# Page\n\nA claim. <!-- [@doe2020example] -->\n", "docs/page.md:6: factual page cites no source (the"),
        ("# Page\n\n```\n[@doe2020example]\n```\n", "docs/page.md:1: factual page cites no source (the"),
        ("# Page\n\nA claim [@doe2020exampel].\n", "docs/page.md:6: unknown source key 'doe2020exampel';"),
        ("---\ntitle: [oops\n---\n# Page\n", "docs/page.md:3: front matter is not valid YAML"),
        ("# Page\n\nA claim [doe2020example].\n", "docs/page.md:6: '[doe2020example]' is not a citation; did you mean [@doe2020example]?"),
    ],
    ids=["no citation", "only primary", "citation in comment", "citation in code", "unknown key", "broken yaml", "key without @"],
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
        for leak in ("{.nocase}", "\\_", "[@", "\ue000"):
            assert leak not in html, f"{page}: {leak}"


def test_a_second_build_of_the_real_site_runs_no_pandoc(real_site):
    assert real_site.returncode == 0, real_site.output
    # the first build (real_site) filled the cache; an unchanged site needs pandoc no more
    again = mkdocs_build(PROJECT, "--strict", "--site-dir", str(real_site.site.parent / "again"))
    assert again.returncode == 0, again.output
    assert "pandoc formatted citations" not in again.output


def test_a_page_with_a_byte_order_mark_builds_with_its_front_matter(tmp_path):
    root = write_site(tmp_path, {"index.md": GOOD_PAGE})
    page = (root / "docs" / "index.md").read_bytes()
    (root / "docs" / "index.md").write_bytes(b"\xef\xbb\xbf" + page.replace(b"\n", b"\r\n"))
    build = mkdocs_build(root, "--strict")
    assert build.returncode == 0, build.output
    assert '<time datetime="2026-11-22">22 November 2026</time>' in build.html()  # from its front matter


def test_a_page_that_is_not_utf8_stops_the_build_at_the_byte(tmp_path):
    root = write_site(tmp_path, {"index.md": GOOD_PAGE})
    (root / "docs" / "bad.md").write_bytes(b"---\nreviewed: 2026-11-22\n---\n# Bad\n\nA caf\xe9 [@doe2020example].\n")
    build = mkdocs_build(root, "--strict")
    assert build.returncode != 0
    assert "docs/bad.md:6: byte 0xe9 at column 6 is not UTF-8; save the file as UTF-8" in build.output
    assert "Traceback" not in build.output


def test_pandoc_failing_while_pages_render_stops_the_build_with_its_message(tmp_path):
    # pandoc formats the citations while Markdown renders the pages: its error must still stop the build
    root = write_site(tmp_path, {"index.md": GOOD_PAGE})
    (root / "broken.csl").write_text("<style>not a citation style", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("csl_file: chicago-author-date", "csl_file: broken.csl"), encoding="utf-8")
    build = mkdocs_build(root, "--strict")
    assert build.returncode != 0
    assert "citations could not be formatted: " in build.output
    assert "Traceback" not in build.output
    assert not (root / "site" / "index.html").exists()
