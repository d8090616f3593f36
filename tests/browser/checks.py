"""What the browser tests look for, as functions that return the problems they find.

The same functions run on the real site and on fixture pages built to break each check, so
every check is shown to fail for the reason it exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

SERIOUS = ("serious", "critical")


@dataclass
class Visit:
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    h1_count: int = 0


def visit(page, url: str, local_prefix: str) -> Visit:
    """Load `url`, recording console errors, page errors and every request that leaves the site."""
    seen = Visit()
    page.on("console", lambda m: seen.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: seen.console_errors.append(str(error)))
    page.on("request", lambda r: None if r.url.startswith((local_prefix, "data:", "blob:")) else seen.outside_requests.append(r.url))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(150)
    seen.h1_count = page.locator("h1").count()
    return seen


COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # the axe-core rules that depend on the colours


def axe_violations(page, axe_source: str, only: list[str] | None = None) -> list[str]:
    """Serious or critical accessibility violations found by axe-core on the loaded page (with
    `only`, by those rules alone)."""
    page.add_script_tag(content=axe_source)
    # target-size (WCAG 2.2, 2.5.8) is off by default in axe-core: turned on here
    options = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
    if only:
        options = {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": only}}
    results = page.evaluate("async (options) => await axe.run(document, options)", options)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(n['target'][0] for n in v['nodes'][:3])}"
        for v in results["violations"]
        if v["impact"] in SERIOUS
    ]


MISSING_ALTERNATIVES = """() => {
  const out = [];
  document.querySelectorAll('article img:not([alt])').forEach(i => out.push('img ' + i.src));
  document.querySelectorAll('article svg').forEach(s => {
    const hidden = s.getAttribute('aria-hidden') === 'true' || s.closest('[aria-hidden="true"]');
    const named = s.querySelector(':scope > title') || s.getAttribute('aria-label') || s.getAttribute('aria-labelledby');
    if (!hidden && !named && !s.closest('a, button, .md-clipboard, .headerlink')) out.push('svg without a title');
  });
  return out;
}"""


def horizontal_overflow(page) -> int:
    """How many pixels the page is wider than the viewport (0 when it fits)."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def link_problems(site_dir: Path, own_url: str = "") -> list[str]:
    """Internal links to missing pages or anchors, and outside links without rel="noopener".
    Links to `own_url` (the site's published address) are the site's own."""
    parsed = {path: _parse(path) for path in site_dir.rglob("*.html")}
    problems = []
    for path, page in parsed.items():
        shown = path.relative_to(site_dir).as_posix()
        for attrs in page.links:
            href = attrs["href"]
            if own_url and href.startswith(own_url):
                continue  # the site's own published address (logo, canonical-style links)
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                if "noopener" not in (attrs.get("rel") or ""):
                    problems.append(f"{shown}: outside link without rel=\"noopener\": {href}")
                continue
            if parts.scheme or href.startswith("//"):
                continue
            if not parts.path:
                target = path
            elif parts.path.startswith("/"):  # from the site root (the 404 page links this way)
                target = (site_dir / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if target not in parsed and not target.is_file():
                problems.append(f"{shown}: link to a missing page: {href}")
            elif parts.fragment and target in parsed and unquote(parts.fragment) not in parsed[target].ids:
                problems.append(f"{shown}: link to a missing anchor: {href}")
    return problems


def page_addresses(site_dir: Path) -> list[str]:
    """Every page of a built site as an address from its root, printable documents left out."""
    found = []
    for path in sorted(site_dir.rglob("index.html")):
        address = "/" + path.parent.relative_to(site_dir).as_posix() + "/"
        address = "/" if address == "/./" else address
        if not re.match(r"/(assets|search|print)/", address) and 'http-equiv="refresh"' not in path.read_text(encoding="utf-8"):
            found.append(address)
    return found
