"""Stable links: no published address disappears, moved pages redirect, new ones get recorded."""

import subprocess
import sys

from conftest import PROJECT, explainer, mkdocs_build, reviewed, write_site
from test_myths import MYTH

from publishing.addresses import built_addresses, page_address, read_published, redirect_page
from sourcing.check import check_site

PUBLISHED = PROJECT / "published-urls.txt"


def test_every_published_address_still_leads_somewhere(real_site):
    assert real_site.returncode == 0, real_site.output
    missing = sorted(set(read_published(PUBLISHED)) - built_addresses(real_site.site))
    assert missing == [], (
        "these published addresses no longer exist: add the moved page to redirects.yml, or give the "
        f"renamed heading its old anchor with {{#old-anchor}}: {missing}"
    )


def test_every_address_of_the_site_is_recorded_as_published(real_site):
    new = sorted(built_addresses(real_site.site) - set(read_published(PUBLISHED)))
    assert new == [], f"run `make urls` to record these new addresses in published-urls.txt: {new}"


def test_page_addresses_follow_mkdocs_directory_urls():
    assert [page_address(p) for p in ("index.md", "overview.md", "myths/index.md", "myths/x.md")] == [
        "/",
        "/overview/",
        "/myths/",
        "/myths/x/",
    ]
    assert 'content="0; url=../../new/"' in redirect_page("/a/old/", "/new/")


def test_a_moved_page_keeps_its_old_address_through_a_redirect(tmp_path):
    site = write_site(tmp_path, {"index.md": "# Home\n\nFact [@doe2020example].\n", "new.md": explainer("# New\n\nFact [@doe2020example].\n", "new.md")},
                      hooks=["page_pipeline", "redirects"])
    (site / "redirects.yml").write_text("old.md: new.md\n")
    build = mkdocs_build(site, "--strict")
    assert build.returncode == 0, build.output
    page = build.html("old/index.html")
    assert '<meta http-equiv="refresh" content="0; url=../new/">' in page
    assert "/old/" in built_addresses(build.site)


def test_a_redirect_to_a_missing_page_stops_the_build(tmp_path):
    site = write_site(tmp_path, {"index.md": "# Home\n\nFact [@doe2020example].\n"}, hooks=["page_pipeline", "redirects"])
    (site / "redirects.yml").write_text("old.md: gone.md\n")
    build = mkdocs_build(site)
    assert build.returncode != 0
    assert "redirects.yml:1: 'old.md' points to 'gone.md', which is not a page below docs/; fix the target" in build.output


# The check works out the addresses from the Markdown (sourcing/addresses.py); the build is the judge


def check_addresses(root) -> set[str]:
    return set(check_site(root / "docs", root / "bibliography", root).addresses)


def test_the_check_computes_the_addresses_the_build_publishes(real_site):
    assert real_site.returncode == 0, real_site.output
    assert check_addresses(PROJECT) == built_addresses(real_site.site)


TRICKY = """
# Tricky headings

## In one minute

- Summed up [@doe2020example].

## The `code`, *emphasis*, **strong** & a [link](https://example.org/)

## Repeated

## Repeated

### Repeated

## Reworded heading {#old-anchor}

## With a citation [@council2014outline]

## Café, naïve, ünïcode — and “quotes”

## 2024: numbers & symbols (50%)!

## References

Setext heading
--------------

!!! note "A note"
    ## Inside an admonition

> ### In a quote

```
## Not a heading: code
```

<!-- ## Not a heading: a comment -->

    ## Not a heading: indented code

<h2 id="raw-html">Raw HTML heading</h2>

## Where to go next

- [Home](index.md)

--8<-- "shared.md:part"
"""


def tricky_site(tmp_path):
    index = "---\nexempt_from_sourcing: Lists the myth pages.\n---\n# Myths\n\n<!-- myths-table -->\n"
    sources = "---\nexempt_from_sourcing: A list.\n---\n# Sources\n\n<!-- full-bibliography -->\n\n## Secondary\n"
    pages = {
        "index.md": "# Home\n\nFact [@doe2020example].\n\n## Home {#home}\n",
        "tricky.md": explainer(TRICKY, "tricky.md"),
        "myths/index.md": index,
        "myths/one.md": explainer(MYTH, "myths/one.md"),
        "sources.md": sources,
    }
    root = write_site(tmp_path, pages, hooks=["page_pipeline", "redirects", "print_document"])
    config = (root / "mkdocs.yml").read_text()
    extensions = (
        "markdown_extensions:\n  - footnotes\n  - toc:\n      permalink: true\n  - admonition\n  - attr_list\n  - md_in_html\n"
        "  - pymdownx.details\n  - pymdownx.superfences\n  - pymdownx.snippets:\n      base_path: [.]\n      check_paths: true\n"
    )
    start, end = config.index("markdown_extensions:"), config.index("hooks:")
    (root / "mkdocs.yml").write_text(config[:start] + extensions + config[end:])
    (root / "shared.md").write_text("Not included.\n<!-- --8<-- [start:part] -->\n## From a snippet\n<!-- --8<-- [end:part] -->\n")
    (root / "redirects.yml").write_text("old.md: tricky.md\n")
    return root


def test_tricky_headings_get_the_anchors_the_build_gives_them(tmp_path):
    root = tricky_site(tmp_path)
    build = mkdocs_build(root, "--strict")
    assert build.returncode == 0, build.output
    built = built_addresses(build.site)
    assert check_addresses(root) == built
    for anchor in ("the-code-emphasis-strong-a-link", "repeated_1", "repeated_2", "old-anchor", "with-a-citation",
                   "cafe-naive-unicode-and-quotes", "2024-numbers-symbols-50", "references", "references_1",
                   "setext-heading", "inside-an-admonition", "in-a-quote", "raw-html", "from-a-snippet"):
        assert f"/tricky/#{anchor}" in built, anchor
    assert {"/myths/#overstates", "/sources/#secondary", "/sources/#secondary_1", "/old/", "/print/"} <= built


PAGE = "# Page\n\nFact [@doe2020example].\n\n## First section\n\n## Second section\n"
RECORDED = "/\n/#references\n/page/\n/page/#first-section\n/page/#second-section\n/page/#references\n"


def published_site(tmp_path, page=PAGE, recorded=RECORDED):
    root = write_site(tmp_path, {"index.md": "# Home\n\nFact [@doe2020example].\n", "page.md": explainer(page, "page.md")},
                      hooks=["page_pipeline", "redirects"])
    (root / "published-urls.txt").write_text("# published\n" + recorded + "/page/#in-one-minute\n/page/#more\n/page/#where-to-go-next\n")
    config = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(config.replace("  - footnotes\n", "  - footnotes\n  - attr_list\n"))  # {#old-anchor}
    return root


def address_messages(root) -> list[str]:
    return [str(p) for p in check_site(root / "docs", root / "bibliography", root).problems]


def test_a_site_whose_addresses_are_all_recorded_passes(tmp_path):
    assert address_messages(published_site(tmp_path)) == []


def test_a_new_heading_or_page_must_be_recorded_with_make_urls(tmp_path):
    root = published_site(tmp_path, PAGE + "\n## Third section\n")
    (root / "docs" / "new.md").write_text(
        explainer("---\nreviewed: 2026-11-22\n---\n# New\n\nFact [@doe2020example].\n", "new.md")
    )
    assert address_messages(root) == [
        "docs/new.md:1: the new address '/new/' is not recorded in published-urls.txt, nor are its 4 section anchors; "
        "run `make urls` to record it; from then on it must keep working (a moved page gets a redirect)",
        "docs/page.md:13: the new anchor '/page/#third-section' is not recorded in published-urls.txt; run `make urls` to "
        "record it; from then on the heading keeps it (reworded: '## New text {#third-section}')",
    ]
    # asking for help records nothing
    helped = subprocess.run([sys.executable, "-m", "sourcing.addresses", "--help"], cwd=root, capture_output=True, text=True)
    assert helped.returncode == 0 and "make urls" in helped.stdout
    assert len(address_messages(root)) == 2
    # make urls records them, and the check passes
    done = subprocess.run([sys.executable, "-m", "sourcing.addresses"], cwd=root, capture_output=True, text=True)
    assert done.stdout == "6 new addresses recorded in published-urls.txt\n", done.stderr
    assert address_messages(root) == []


def test_a_reworded_heading_must_keep_its_published_anchor(tmp_path):
    root = published_site(tmp_path, PAGE.replace("## Second section", "## The second section"))
    assert address_messages(root) == [
        "docs/page.md:11: the published anchor '/page/#second-section' no longer exists (this heading is now "
        "'#the-second-section'); if this heading was reworded, keep its old anchor: write '{#second-section}' at the end "
        "of the heading"
    ]
    fixed = published_site(tmp_path / "fixed", PAGE.replace("## Second section", "## The second section {#second-section}"))
    assert address_messages(fixed) == []
    gone = published_site(tmp_path / "gone", PAGE.replace("## Second section\n", ""))
    assert address_messages(gone) == [
        "docs/page.md:1: the published anchor '/page/#second-section' no longer exists; keep the old anchor on the heading "
        "that replaced it: write '{#second-section}' at the end of that heading (published addresses must keep working; "
        "see docs/url-policy.md)"
    ]


def test_a_moved_page_needs_a_redirect_and_the_redirect_must_lead_somewhere(tmp_path):
    root = published_site(tmp_path, recorded=RECORDED + "/old/\n")
    assert address_messages(root) == [
        "published-urls.txt:8: the published page '/old/' no longer exists; if it moved, add 'old.md: <its new path below "
        "docs/>' to redirects.yml (a redirect keeps the old address working); otherwise restore the page"
    ]
    (root / "redirects.yml").write_text("# moved pages\nold.md: page.md\n")
    assert address_messages(root) == []
    (root / "redirects.yml").write_text("old.md: gone.md\npage.md: index.md\n")
    assert {
        "redirects.yml:1: 'old.md' points to 'gone.md', which is not a page below docs/; fix the target",
        "redirects.yml:2: 'page.md' still exists as a page; remove the redirect or the page",
    } <= set(address_messages(root))


def test_an_address_problem_stops_the_build(tmp_path):
    root = published_site(tmp_path, PAGE.replace("## Second section", "## The second section"))
    build = mkdocs_build(root, "--strict")
    assert build.returncode != 0
    assert "docs/page.md:11: the published anchor '/page/#second-section' no longer exists" in build.output


def test_a_published_list_or_a_snippet_that_is_not_utf8_is_named_not_a_traceback(tmp_path):
    root = published_site(tmp_path)
    (root / "published-urls.txt").write_bytes(b"/\n/caf\xe9/\n")
    assert address_messages(root) == [
        "published-urls.txt:2: byte 0xe9 at column 5 is not UTF-8; save the file as UTF-8 (retype the character there)"
    ]
    (root / "published-urls.txt").unlink()
    config = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(config.replace("  - footnotes\n", "  - footnotes\n  - pymdownx.snippets\n"))
    (root / "part.md").write_bytes(b"## caf\xe9\n")
    (root / "docs" / "index.md").write_text(reviewed("# Home\n\nFact [@doe2020example].\n\n--8<-- \"part.md\"\n\n--8<-- \"none.md\"\n"))
    assert address_messages(root) == [
        "docs/index.md:8: snippet file 'part.md': byte 0xe9 at column 7 is not UTF-8 (line 1); save the file as UTF-8 "
        "(retype the character there)",
        "docs/index.md:10: snippet file 'none.md' does not exist; give a path from the project folder, e.g. "
        "--8<-- \"CONTRIBUTING.md:policy\"",
    ]
