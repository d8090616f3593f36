"""A page's Markdown, rendered to HTML once and kept for the next build while it is unchanged.

MkDocs renders every page's Markdown at every build, and `mkdocs serve` rebuilds the whole site
after every saved edit: on this site that is about a second of each rebuild, spent on pages that
did not change. MkDocs's own answer (`mkdocs serve --dirty`) skips unchanged pages altogether,
and with them the navigation, the search index and every page's references, so it shows a stale
site. Here every page is still built; only the Markdown-to-HTML step is taken from the last build
(publishing/rebuild_memo.py) when nothing it depends on has changed:

- the page's Markdown as MkDocs renders it (after every page_markdown step, mkdocs-bibtex's too);
- the page's address, and the address of every file of the site (links between pages are
  rewritten relative to the page, and checked against the files that exist);
- the Markdown extensions and their settings, MkDocs's link checks (`validation`) and the engine
  (MkDocs or ProperDocs, whose renders are kept apart though they render alike);
- the locked library versions, as every result of the memo is (steps_version).

A render's result is only a function of these when every extension reads nothing but the page.
The extensions in PAGE_ONLY_EXTENSIONS do; pymdownx.snippets reads other files, so a page that
includes one (sourcing.addresses.uses_snippets) is rendered afresh every time. With an extension
not listed here, no render is kept: a new extension makes builds slower, never wrong. A render
that logs anything (a broken link, say) is not kept either, so that it is reported at every build.

What MkDocs keeps of a render is what the next steps read: the HTML, the table of contents, the
title found in the HTML, the anchors the page has and the anchors it links to (MkDocs checks them
once every page is rendered). tests/test_render_memo.py pins this down for the MkDocs of
requirements.lock: a site built from kept renders is byte for byte the site built without them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable

from publishing.rebuild_memo import RebuildMemo
from sourcing.addresses import uses_snippets

# Python-Markdown's and PyMdown's extensions that read nothing but the page they render
PAGE_ONLY_EXTENSIONS = frozenset(
    {
        "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "tables", "toc",
        "pymdownx.details", "pymdownx.superfences", "pymdownx.snippets",  # snippets: see uses_snippets
    }
)
NOT_KEPT = ""  # what a render that logged something leaves in the memo: render it again
ENGINES = ("mkdocs", "properdocs")  # whose loggers do not pass records on to the root logger


def site_settings(config, files) -> tuple[str, ...]:
    """What every page's render depends on besides its own Markdown and address, as one digest;
    nothing if an extension may read other files (then no render is kept)."""
    extensions = config["markdown_extensions"]
    if any(not isinstance(name, str) or name not in PAGE_ONLY_EXTENSIONS for name in extensions):
        return ()
    engine = type(config).__module__.partition(".")[0]  # MkDocs or ProperDocs (CONTRIBUTING.md), which render alike
    site = {
        "engine": engine,
        "extensions": extensions,
        "settings": config["mdx_configs"] or {},
        "validation": config["validation"],
        "files": sorted((f.src_uri, f.url, f.inclusion.name) for f in files),
        # MkDocs keeps a page's links to anchors only when its logger is above DEBUG
        "anchor links kept": logging.getLogger(f"{engine}.structure.pages").getEffectiveLevel() > logging.DEBUG,
    }
    return (hashlib.blake2b(json.dumps(site, sort_keys=True, default=repr).encode(), digest_size=16).hexdigest(),)


def keep_render(page, memo: RebuildMemo, settings: tuple[str, ...], get_toc: Callable) -> None:
    """Make MkDocs's `page.render(config, files)` take its result from `memo` when the page's
    Markdown and `settings` (site_settings) are those of a render kept there. `get_toc` is
    MkDocs's own, which makes a page's table of contents of the toc extension's tokens."""
    render = page.render  # MkDocs's own

    def kept_render(config, files) -> None:
        if uses_snippets(page.markdown):
            return render(config, files)
        rendered_here = []

        def step(markdown: str) -> str:
            rendered_here.append(True)
            logged = _records_while(lambda: render(config, files))
            return NOT_KEPT if logged else _dump(page)

        result = memo.run("render", step, page.markdown, page.file.src_uri, page.file.url, *settings)
        if rendered_here:
            return None
        if result == NOT_KEPT:
            return render(config, files)
        _load(page, result, files, get_toc)
        return None

    page.render = kept_render


def _records_while(action: Callable[[], None]) -> list[logging.LogRecord]:
    """What this thread logged while `action` ran."""
    records: list[logging.LogRecord] = []
    here = threading.get_ident()

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.thread == here:
                records.append(record)

    catch = Catch(logging.DEBUG)
    loggers = [logging.getLogger(), *map(logging.getLogger, ENGINES)]
    for logger in loggers:
        logger.addHandler(catch)
    try:
        action()
    finally:
        for logger in loggers:
            logger.removeHandler(catch)
    return records


def _dump(page) -> str:
    links = page.links_to_anchors
    return json.dumps(
        {
            "content": page.content,
            "toc": [_toc_token(item) for item in page.toc],
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
        }
    )


def _toc_token(item) -> dict:
    """An entry of the table of contents as the toc extension's token, which MkDocs made it of."""
    return {"level": item.level, "id": item.id, "name": item.title, "children": [_toc_token(c) for c in item.children]}


def _load(page, result: str, files, get_toc: Callable) -> None:
    kept = json.loads(result)
    page.content = kept["content"]
    page.toc = get_toc(kept["toc"])
    page._title_from_render = kept["title"]
    page.present_anchor_ids = set(kept["anchors"])
    if kept["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): anchors for uri, anchors in kept["links"].items()}

