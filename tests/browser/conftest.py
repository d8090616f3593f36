"""Browser fixtures: the real site served on 127.0.0.1, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from tests.conftest import PROJECT, mkdocs_build

CHROMIUM = "/usr/bin/chromium"
# As this machine's Chromium must run: no sandbox as root, and no background calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = PROJECT / "test-artifacts"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    """Serve `folder` on a free port of 127.0.0.1; returns (base URL, server)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@pytest.fixture(scope="session")
def site_url(real_site):
    assert real_site.returncode == 0, real_site.output
    base, server = serve(real_site.site)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    assert AXE.is_file(), "axe-core is missing: run `make test` (it installs node_modules from package-lock.json)"
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def broken_site(tmp_path_factory):
    """A fixture site whose one page breaks every browser check: a console error, an image
    without alt text, a web font from another host, a link to a missing anchor and text that is
    hard to read in the dark scheme only."""
    from tests.conftest import write_site

    root = tmp_path_factory.mktemp("broken")
    write_site(root, {"index.md": "# Broken\n\nA fact [@doe2020example]. [A missing anchor](#nowhere).\n"})
    build = mkdocs_build(root)  # not strict: the broken anchor would stop a strict build
    assert build.returncode == 0, build.output
    # `make check` refuses an outside stylesheet in a page's Markdown, so the rest goes into the built
    # page, as a theme override or a plugin could put it there: the browser checks must still see it
    built = build.site / "index.html"
    extra = (
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">\n'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">\n'
        '<script>console.error("broken on purpose")</script>\n'
        "<style>@media (prefers-color-scheme: dark) { .dim-in-dark { color: #111; background: #000; } }</style>\n"
        '<p class="dim-in-dark">Hard to read in the dark scheme only.</p>\n'
    )
    text = built.read_text(encoding="utf-8")
    assert text.count("</article>") == 1
    built.write_text(text.replace("</article>", extra + "</article>"), encoding="utf-8")
    base, server = serve(build.site)
    yield base, build.site
    server.shutdown()
