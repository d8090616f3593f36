"""Privacy: the built site makes no request to a third party (no web fonts, CDNs, analytics or
embeds). `make check` refuses a page or a setting that would load something from another host; the
built site is checked for what its pages and styles load; the browser tests watch the network."""

import re

LOADING_TAG = re.compile(r"<(script|img|iframe|audio|video|source|embed|object|link)\b[^>]*>", re.IGNORECASE)
ADDRESS = re.compile(r'\s(?:src|href|data)="((?:https?:)?//[^"]+)"', re.IGNORECASE)
NOT_A_REQUEST = re.compile(r'rel="(canonical|alternate|license)"')


def test_pages_load_nothing_from_other_hosts(real_site):
    assert real_site.returncode == 0, real_site.output
    found = []
    for page in real_site.site.rglob("*.html"):
        for tag in LOADING_TAG.finditer(page.read_text(encoding="utf-8")):
            if NOT_A_REQUEST.search(tag.group(0)):
                continue
            found += [f"{page.relative_to(real_site.site)}: {address}" for address in ADDRESS.findall(tag.group(0))]
    assert found == []


def test_styles_load_no_fonts_or_images_from_other_hosts(real_site):
    found = []
    for sheet in real_site.site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        found += [f"{sheet.name}: {m}" for m in re.findall(r"(?:url\(|@import\s+)['\"]?((?:https?:)?//[^'\")\s]+)", text)]
    assert found == []


def test_the_check_would_catch_a_web_font():
    page = '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
    tag = LOADING_TAG.search(page).group(0)
    assert ADDRESS.findall(tag) == ["https://fonts.googleapis.com/css?family=Roboto"]


# The same rule in the check, so that a contributor meets it before the site is built

FIX = (
    "the site makes no request to a third party (readers' browsers would tell it who reads what): save the file below "
    "docs/ and use it from there, or link to it instead"
)


def test_a_page_that_loads_something_from_another_host_is_refused(bibliography):
    from sourcing.pages import check_page

    page = (
        "---\nreviewed: 2026-11-22\n---\n# P\n\nA fact [@doe2020example].\n\n"
        '<iframe src="https://video.example/embed/1"></iframe>\n\n'
        "![A chart](https://images.example/chart.png)\n\n"
        '<img alt="local" src="images/chart.png"> and `<img src="https://in.code/x.png">`\n\n'
        '<link rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">\n'
    )
    assert [str(p) for p in check_page(page, "docs/p.md", bibliography).problems] == [
        f"docs/p.md:8: <iframe> loads 'https://video.example/embed/1' from another host; {FIX}",
        f"docs/p.md:10: an image loads 'https://images.example/chart.png' from another host; {FIX}",
    ]


def test_a_config_that_loads_styles_or_fonts_from_another_host_is_refused(tmp_path):
    from sourcing.config import load_config

    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\ntheme:\n  name: material\nextra_css:\n  - stylesheets/extra.css\n  - https://cdn.example/x.css\n"
    )
    assert [str(p) for p in load_config(tmp_path / "mkdocs.yml", "mkdocs.yml").problems] == [
        "mkdocs.yml:6: extra_css loads 'https://cdn.example/x.css' from another host; the site makes no request to a third "
        "party: save the file below docs/ and name it by its path there",
        "mkdocs.yml:2: the material theme would load its fonts from Google Fonts; write font: false under theme: (the site "
        "makes no request to a third party)",
    ]
