"""Links that leave the site open safely: rel="noopener" on every outside link."""

from __future__ import annotations

import re

ANCHOR_TAG = re.compile(r'<a\s[^>]*href="https?://[^>]*>', re.IGNORECASE)  # only links that may leave the site
HREF = re.compile(r'\shref="(https?://[^"]*)"', re.IGNORECASE)
REL = re.compile(r'\srel="([^"]*)"', re.IGNORECASE)


def add_noopener(html: str, own_url: str = "") -> str:
    """Add rel="noopener" to every <a> that leads to another site (not to `own_url`)."""

    def fix(match: re.Match) -> str:
        tag = match.group(0)
        href = HREF.search(tag)
        if not href or (own_url and href.group(1).startswith(own_url)):
            return tag
        rel = REL.search(tag)
        if rel is None:
            return tag[:2] + ' rel="noopener"' + tag[2:]
        if "noopener" in rel.group(1).split():
            return tag
        return tag[: rel.start(1)] + (rel.group(1) + " noopener").strip() + tag[rel.end(1) :]

    return ANCHOR_TAG.sub(fix, html)
