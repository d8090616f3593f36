"""One printable document made of several built pages (the whole site, or a lesson pack).

Each page's article is taken from the built site in reading order. Its ids get a per-page prefix
so they stay unique, and links between pages of the document become links within it; links to
pages outside it point at their published address.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass
from functools import cached_property

from .rebuild_memo import RebuildMemo

ARTICLE_START = '<article class="md-content__inner md-typeset">'
# links to other pages of the site (outside links and links within the page are handled apart)
HREF = re.compile(r' href="(?!https?://|mailto:|#)([^"]+)"')
FAVICON = re.compile(r'<link rel="icon" href="([^"]+)"')
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


@dataclass
class BuiltPage:
    address: str  # e.g. "/overview/"
    html: str  # the page as built

    @cached_property
    def article(self) -> str:
        return article(self.html)


def article(page_html: str) -> str:
    start = page_html.find(ARTICLE_START)
    end = page_html.find("</article>", start)
    return page_html[start + len(ARTICLE_START) : end] if start >= 0 and end >= 0 else ""


def print_document(
    title: str, pages: list[BuiltPage], document_address: str, site_url: str, description: str = "",
    steps: RebuildMemo | None = None,
) -> str:
    """The HTML of one document holding `pages`, to be served at `document_address`. With
    `steps`, each page's section is kept there for the next build (most pages do not change)."""
    prefixes = {page.address: f"p{number}" for number, page in enumerate(pages, start=1)}
    in_document = repr(sorted(prefixes.items()))  # all that a section depends on, besides its page and prefix
    sections = []
    for page in pages:
        make = functools.partial(_section, page.address, prefixes, site_url)
        sections.append(steps.run("print section", make, page.article, page.address, in_document, site_url) if steps else make(page.article))
    styles = STYLESHEET.findall(pages[0].html) if pages else []
    depth = pages[0].address.strip("/").count("/") + 1 if pages and pages[0].address.strip("/") else 0
    links = "\n".join(
        f'<link rel="stylesheet" href="{_rebase(href, depth, document_address)}">' for href in styles
    )
    icon = FAVICON.search(pages[0].html) if pages else None
    if icon:
        links += f'\n<link rel="icon" href="{_rebase(html.unescape(icon.group(1)), depth, document_address)}">'
    contents = "\n".join(
        f'<li><a href="#{prefixes[p.address]}">{html.escape(_title(p))}</a></li>' for p in pages
    )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f'<meta name="description" content="{html.escape(description, quote=True)}">\n'
        f"<title>{html.escape(title)}</title>\n{links}\n</head>\n"
        '<body class="print-document">\n<main class="md-typeset print-document__body">\n'
        f'<h1>{html.escape(title)}</h1>\n<nav aria-label="Contents"><h2>Contents</h2>\n<ol>\n{contents}\n</ol></nav>\n'
        + "\n".join(sections)
        + "\n</main>\n</body>\n</html>\n"
    )


def _section(address: str, prefixes: dict[str, str], site_url: str, article: str) -> str:
    """The article of the page at `address` as a section of the document."""
    prefix = prefixes[address]
    # ids and links within the page take the page's prefix; links to other pages are rewritten
    body = article.replace(' id="', f' id="{prefix}-').replace('href="#"', f'href="#{prefix}"')
    body = body.replace('href="#', f'href="#{prefix}-').replace(f'href="#{prefix}-{prefix}"', f'href="#{prefix}"')
    body = HREF.sub(
        lambda m: f' href="{html.escape(_link(html.unescape(m.group(1)), address, prefixes, site_url), quote=True)}"',
        body,
    )
    return f'<section class="print-page" id="{prefix}">\n{body}\n</section>'


def _title(page: BuiltPage) -> str:
    """The page's title as text: its h1 without the permalink sign after it."""
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page.article, re.DOTALL)
    if not match:
        return ""
    text = re.sub(r'<a class="headerlink".*?</a>', "", match.group(1), flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def _link(href: str, page_address: str, prefixes: dict[str, str], site_url: str) -> str:
    """Where a link of the page at `page_address` should point inside the document."""
    if href.startswith(("http://", "https://", "mailto:")):
        return href
    path, _, anchor = href.partition("#")
    path, has_query, query = path.partition("?")
    if not path:
        return f"#{prefixes[page_address]}-{anchor}" if anchor else f"#{prefixes[page_address]}"
    target = posixpath.normpath(posixpath.join(page_address, path))
    target = "/" if target in (".", "/") else target.rstrip("/") + "/"
    if target in prefixes and not has_query:
        return f"#{prefixes[target]}-{anchor}" if anchor else f"#{prefixes[target]}"
    return site_url.rstrip("/") + target + (f"?{query}" if has_query else "") + (f"#{anchor}" if anchor else "")


def _rebase(href: str, page_depth: int, document_address: str) -> str:
    """A stylesheet link written for a page `page_depth` folders deep, rewritten for the document."""
    from_root = posixpath.normpath(posixpath.join("/" + "x/" * page_depth, href))
    return posixpath.relpath(from_root, document_address.rstrip("/") or "/")
