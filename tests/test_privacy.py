"""Privacy: the built site makes no request to a third party (no web fonts, CDNs, analytics or
embeds). A static check of what the pages and styles load; the browser tests watch the network."""

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
