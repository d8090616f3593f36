"""Stable addresses: every page and heading anchor once published keeps working.

- `published-urls.txt` lists every address the site has published: one page address (from the
  site root, e.g. `/overview/`) or page#anchor per line. The check (sourcing/addresses.py) works
  out the site's addresses from the Markdown and compares; `make urls` records new ones.
- `redirects.yml` maps an old page (its Markdown path below docs/) to the page that replaced it;
  the build writes a small redirect page at the old address.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from sourcing.addresses import page_address  # noqa: F401  (one rule for a page's address: the check's)

HEADING_ID = re.compile(r'<h[23] id="([^"]+)"')


def built_addresses(site_dir: Path) -> set[str]:
    """Every page address in a built site, and every h2/h3 anchor on it as `page#anchor`."""
    found = set()
    for page in site_dir.rglob("index.html"):
        address = page.parent.relative_to(site_dir).as_posix()
        address = "/" if address == "." else f"/{address}/"
        if address.startswith(("/assets/", "/search/")) or address == "/404/":
            continue
        text = page.read_text(encoding="utf-8")
        found.add(address)
        # sections of redirect pages and of printable documents are not addresses of their own
        if 'http-equiv="refresh"' not in text and 'class="print-document"' not in text:
            found.update(f"{address}#{anchor}" for anchor in HEADING_ID.findall(text))
    return found


def redirect_page(from_address: str, to_address: str) -> str:
    """A page that sends readers (and search engines) from an old address to the new one."""
    depth = from_address.strip("/").count("/") + 1 if from_address.strip("/") else 0
    target = html.escape(posixpath.join("../" * depth, to_address.lstrip("/")) or "./", quote=True)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<title>Moved</title>\n<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<link rel="canonical" href="{target}">\n<meta name="robots" content="noindex">\n'
        f'</head>\n<body>\n<p>This page has moved to <a href="{target}">{target}</a>.</p>\n</body>\n</html>\n'
    )


def read_published(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
