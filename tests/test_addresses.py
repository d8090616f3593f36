"""Stable links: no published address disappears, moved pages redirect, new ones get recorded."""

from conftest import PROJECT, explainer, mkdocs_build, write_site

from publishing.addresses import built_addresses, page_address, read_published, redirect_page

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
    assert "redirects.yml: 'old.md' points to 'gone.md', which is not a page below docs/; fix the target" in build.output
