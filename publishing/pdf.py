"""`python -m publishing.pdf SITE_DIR` (run by `make pdf` and `make publish`): each classroom
handout and teacher guide of the built site, printed to an A4 PDF beside its page, with Debian's
Chromium driven by Playwright (the browser the tests use; never a downloaded one).

A handout page (docs/teaching/handouts/NN-student.md) becomes site/teaching/handouts/NN-student.pdf;
its page links to it. The pages' print styles (docs/stylesheets/extra.css) leave out the site's
navigation, "Cite this page" and the page actions.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path

HANDOUTS = Path("teaching") / "handouts"  # below the site folder
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def handout_pages(site: Path) -> list[Path]:
    """The built handout pages: site/teaching/handouts/<name>/index.html."""
    folder = site / HANDOUTS
    return sorted(p for p in folder.glob("*/index.html")) if folder.is_dir() else []


def print_pdfs(site: Path) -> list[Path]:
    """Print every handout page of `site` to a PDF beside it; the PDFs written."""
    pages = handout_pages(site)
    if not pages:
        return []
    if not Path(CHROMIUM).is_file() and not shutil.which(CHROMIUM):
        raise SystemExit(f"publishing.pdf: {CHROMIUM} is not installed; run `make chromium` (Debian's Chromium)")
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            tab = browser.new_page()
            for page in pages:
                name = page.parent.name
                tab.goto(f"http://127.0.0.1:{server.server_port}/{HANDOUTS.as_posix()}/{name}/", wait_until="load")
                target = site / HANDOUTS / f"{name}.pdf"
                tab.pdf(path=str(target), format="A4", margin={"top": "12mm", "bottom": "12mm", "left": "12mm", "right": "12mm"})
                written.append(target)
            browser.close()
    finally:
        server.shutdown()
    return written


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    made = print_pdfs(folder)
    print(f"{len(made)} handout PDFs written below {folder / HANDOUTS}")
