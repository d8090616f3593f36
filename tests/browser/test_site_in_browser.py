"""The built site as readers meet it, in Debian's Chromium: every page loads cleanly, citations
jump to their references and back, search finds what readers type, nothing is requested from
another host, axe-core finds no serious accessibility problem (nor, in dark colours, a contrast one), the
keyboard reaches search and content, and phones need no sideways scrolling."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from tests.browser.checks import (
    COLOUR_RULES,
    MISSING_ALTERNATIVES,
    Visit,
    axe_violations,
    horizontal_overflow,
    link_problems,
    page_addresses,
    visit,
)
from tests.browser.conftest import ARTIFACTS


@dataclass
class Seen:
    """What one visit of a page at desktop size found: the checks below each read their part."""

    visit: Visit
    missing_alternatives: list[str]
    accessibility: list[str]


@pytest.fixture(scope="module")
def every_page(browser, real_site, site_url, axe_source) -> dict[str, Seen]:
    """Each page of the real site loaded once (in the light scheme, 1280 by 900) and looked at
    for every check that needs a desktop page: a load costs more than the checks on it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    found = {}
    for address in page_addresses(real_site.site):
        seen = visit(tab, site_url + address, site_url)
        found[address] = Seen(seen, tab.evaluate(MISSING_ALTERNATIVES), axe_violations(tab, axe_source))
    context.close()
    assert len(found) >= 50  # the whole site is looked at
    return found


def test_every_page_loads_cleanly_with_one_title_and_nothing_from_other_hosts(every_page):
    problems = []
    for address, seen in every_page.items():
        problems += [f"{address}: console: {e}" for e in seen.visit.console_errors]
        problems += [f"{address}: request to another host: {r}" for r in seen.visit.outside_requests]
        if seen.visit.h1_count != 1:
            problems.append(f"{address}: {seen.visit.h1_count} h1 headings")
    assert problems == []


def test_citations_jump_to_their_reference_and_back(page, site_url):
    visit(page, site_url + "/overview/", site_url)
    first = page.locator("a[role='doc-biblioref']").first
    target = first.get_attribute("href")
    first.click()
    assert page.evaluate("location.hash") == target
    reference = page.locator(f"li[id='{target[1:]}']")
    assert reference.is_visible() and reference.inner_text().split(" source")[0] in ("Primary", "Secondary", "Tertiary")
    back = reference.locator(".backlinks a").first
    assert back.get_attribute("aria-label").startswith("Back to citation 1")
    back.click()
    assert page.evaluate("location.hash") == "#" + first.get_attribute("id")


def test_citations_and_back_links_work_from_the_keyboard(page, site_url):
    visit(page, site_url + "/overview/", site_url)
    first = page.locator("a[role='doc-biblioref']").first
    first.focus()
    page.keyboard.press("Enter")
    target = first.get_attribute("href")
    assert page.evaluate("location.hash") == target
    back = page.locator(f"li[id='{target[1:]}'] .backlinks a").first
    back.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#" + first.get_attribute("id")


def own_address(site):
    """The site's published address, as its home page states it."""
    return re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text()).group(1)


def test_every_citation_and_back_link_has_its_target(real_site):
    # the static half of the check above, for every link of every page
    problems = link_problems(real_site.site, own_address(real_site.site))
    assert [p for p in problems if "#ref-" in p or "#cite-" in p] == []


@pytest.mark.parametrize(
    "query, expected",
    [
        ("blacklist", ("/court-blacklist/",)),
        ("Sesame", ("/commercial-scores/", "/myths/sesame-is-state/")),
        ("score", ("/myths/", "/commercial-scores/", "/overview/")),
        ("失信被执行人", ("/court-blacklist/", "/glossary/", "/overview/")),
    ],
)
def test_search_finds_the_pages_readers_look_for(page, site_url, query, expected):
    visit(page, site_url + "/", site_url)
    page.keyboard.press("/")  # Material's shortcut puts the focus in the search box
    page.fill(".md-search__input", query)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(500)
    links = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
        "els => els.map(e => new URL(e.href).pathname)"
    )
    assert any(link.startswith(expected) for link in links[:5]), links[:5]


def test_no_serious_accessibility_violations(every_page):
    assert [f"{address}: {v}" for address, seen in every_page.items() for v in seen.accessibility] == []


def test_no_serious_colour_contrast_problems_in_the_dark_scheme(browser, real_site, site_url, axe_source):
    # the same pages in other colours: only the rules that depend on colour can find more
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems = []
    for address in page_addresses(real_site.site):
        visit(tab, site_url + address, site_url)
        problems += [f"{address}: {v}" for v in axe_violations(tab, axe_source, COLOUR_RULES)]
    context.close()
    assert problems == []


def test_the_keyboard_reaches_the_content_and_the_search(page, site_url):
    visit(page, site_url + "/overview/", site_url)
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.getAttribute('href')")
    assert skip == "#what-is-chinas-social-credit-system"  # Material's "Skip to content" link
    reached_search = False
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('label[for=__search], input[name=query], .md-search__input')"):
            reached_search = True
            break
    assert reached_search


UNMARKED_CHINESE = """() => {
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  const unmarked = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (/[\u3400-\u9fff]/.test(node.data) && !node.parentElement.closest('[lang^="zh"]')) unmarked.push(node.data.trim());
  }
  return unmarked;
}"""
GLYPHS = """(font) => {
  const draw = (text) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64; canvas.height = 64;
    const context = canvas.getContext('2d');
    context.font = font;
    context.fillText(text, 4, 48);
    return {pixels: Array.from(context.getImageData(0, 0, 64, 64).data).join(','), width: context.measureText(text).width};
  };
  return {a: draw('失'), b: draw('人'), missing: draw('\u0378')};
}"""


@pytest.mark.parametrize("address", ["/court-blacklist/", "/glossary/", "/political-uses/"])
def test_chinese_is_marked_as_chinese_and_drawn_with_real_glyphs(page, site_url, address):
    visit(page, site_url + address, site_url)
    assert page.evaluate(UNMARKED_CHINESE) == []
    chinese = page.locator('article span[lang="zh-Hans"]').first
    assert chinese.count() == 1
    font = chinese.evaluate("el => getComputedStyle(el).font")
    glyphs = page.evaluate(GLYPHS, font)
    # two different characters draw differently, and neither is the box drawn for a missing glyph
    assert glyphs["a"]["width"] > 0 and glyphs["a"]["pixels"] != glyphs["b"]["pixels"]
    assert glyphs["missing"]["pixels"] not in (glyphs["a"]["pixels"], glyphs["b"]["pixels"])
    if address == "/glossary/":
        assert page.locator('em[lang="zh-Latn-pinyin"]').count() > 50


@pytest.mark.parametrize("width, height, mobile", [(390, 844, True), (1280, 800, False)])
def test_the_home_page_shows_where_to_start_without_scrolling(browser, site_url, width, height, mobile):
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile)
    tab = context.new_page()
    visit(tab, site_url + "/", site_url)
    starts = tab.locator(".start-here a")
    assert starts.count() == 4
    bottoms = starts.evaluate_all("els => els.map(e => e.getBoundingClientRect().bottom)")
    context.close()
    assert max(bottoms) <= height, f"start links end at {max(bottoms)}px, below the fold at {height}px"


def test_figures_and_drawings_have_text_alternatives(every_page):
    assert [f"{address}: {m}" for address, seen in every_page.items() for m in seen.missing_alternatives] == []


def test_the_pruned_navigation_still_leads_everywhere(page, site_url):
    # navigation.prune: a page carries only the navigation it shows; every section stays one click away
    visit(page, site_url + "/overview/", site_url)
    nav = page.locator("nav.md-nav--primary")
    myths = nav.get_by_role("link", name="Myths and facts")
    assert myths.count() >= 1
    myths.first.click()
    page.wait_for_url("**/myths/")
    listed = nav.locator("a.md-nav__link").evaluate_all("els => els.map(e => new URL(e.href).pathname)")
    assert "/myths/one-national-score/" in listed and "/myths/only-lawbreakers/" in listed
    teaching = nav.get_by_role("link", name="Teaching")
    assert teaching.count() >= 1


def test_every_page_fits_a_phone_screen(browser, real_site, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    too_wide = []
    for address in page_addresses(real_site.site):
        visit(tab, site_url + address, site_url)
        if (overflow := horizontal_overflow(tab)) > 0:
            too_wide.append(f"{address}: {overflow}px too wide")
    context.close()
    assert too_wide == []


def test_screenshots_for_the_record(browser, site_url):
    ARTIFACTS.mkdir(exist_ok=True)
    for name, size in (("mobile", {"width": 390, "height": 844}), ("desktop", {"width": 1280, "height": 900})):
        context = browser.new_context(viewport=size)
        tab = context.new_page()
        for address, label in (("/", "home"), ("/myths/one-national-score/", "myth")):
            visit(tab, site_url + address, site_url)
            tab.screenshot(path=str(ARTIFACTS / f"{label}-{name}.png"), full_page=False)
        context.close()
    assert len(list(ARTIFACTS.glob("*.png"))) >= 4


def test_no_broken_internal_link_and_outside_links_open_safely(real_site):
    assert link_problems(real_site.site, own_address(real_site.site)) == []


# Each check above, shown to fail on a page built to break it.


def test_the_checks_catch_a_console_error_and_an_outside_font(page, broken_site):
    base, _ = broken_site
    seen = visit(page, base + "/", base)
    assert "broken on purpose" in " ".join(seen.console_errors)
    assert any(r.startswith("https://fonts.googleapis.com/") for r in seen.outside_requests)


def test_the_checks_catch_an_image_without_alt_text(page, broken_site, axe_source):
    base, _ = broken_site
    visit(page, base + "/", base)
    assert any(v.startswith("image-alt (critical)") for v in axe_violations(page, axe_source))
    assert [m for m in page.evaluate(MISSING_ALTERNATIVES) if m.startswith("img data:image/gif")]  # our own check too


def test_the_colour_rules_catch_text_hard_to_read_in_one_scheme_only(browser, broken_site, axe_source):
    base, _ = broken_site
    found = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        tab = context.new_page()
        visit(tab, base + "/", base)
        found[scheme] = [v for v in axe_violations(tab, axe_source, COLOUR_RULES) if ".dim-in-dark" in v]
        context.close()
    assert found["light"] == []
    assert [v for v in found["dark"] if v.startswith("color-contrast")]


def test_the_checks_catch_a_broken_anchor(broken_site):
    _, site = broken_site
    assert "index.html: link to a missing anchor: #nowhere" in link_problems(site)
