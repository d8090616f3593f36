"""Ready-made citations of a page of this site, in the styles teachers and students use:
APA 7, MLA 9, Chicago author-date, and BibTeX (BibLaTeX @online)."""

from __future__ import annotations

import datetime
import html
import re

ITALICS = re.compile(r"\*([^*]+)\*")  # the styles mark titles in italics as *...*


def _day(value: datetime.date | str) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))


def citations(site: str, title: str, reviewed: datetime.date | str, url: str, slug: str) -> dict[str, str]:
    """{style name: citation} for a page titled `title`, last reviewed on `reviewed`, at `url`."""
    day = _day(reviewed)
    month = f"{day:%B}"
    mla_month = month if len(month) <= 4 else ("Sept." if month == "September" else month[:3] + ".")
    closed = title if title[-1:] in "?!." else title + "."  # a title ending in ? or ! takes no period
    key = re.sub(r"[^a-z0-9]", "", site.lower()) + str(day.year) + re.sub(r"[^a-z0-9]", "", slug.lower())
    return {
        "APA": f"{site}. ({day.year}, {month} {day.day}). *{title}*{'' if closed == title else '.'} {url}",
        "MLA": f"\u201c{closed}\u201d *{site}*, {day.day} {mla_month} {day.year}, {url}.",
        "Chicago": f"{site}. {day.year}. \u201c{closed}\u201d {month} {day.day}, {day.year}. {url}.",
        "BibTeX": (
            f"@online{{{key},\n"
            f"  author = {{{{{site}}}}},\n"
            f"  title = {{{title}}},\n"
            f"  date = {{{day.isoformat()}}},\n"
            f"  url = {{{url}}},\n"
            f"  note = {{Last reviewed {day.isoformat()}}},\n"
            "}"
        ),
    }


def cite_block(site: str, title: str, reviewed: datetime.date | str, url: str, slug: str) -> str:
    """A collapsible "Cite this page" block for the finished page: each style as formatted text,
    to copy with its italics, and BibTeX as code (with the theme's copy button). The pipeline adds
    it after search has read the page: every page would otherwise match "cite", "APA", "BibTeX"."""
    styles = citations(site, title, reviewed, url, slug)
    bibtex = styles.pop("BibTeX")
    link = f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
    parts = ['<details class="quote cite-this-page">', "<summary>Cite this page</summary>"]
    for style, text in styles.items():
        shown = ITALICS.sub(r"<em>\1</em>", html.escape(text, quote=False)).replace(html.escape(url), link)
        parts.append(f"<p><strong>{style}:</strong> {shown}</p>")
    parts += ["<p><strong>BibTeX:</strong></p>", f'<pre><code class="language-bibtex">{html.escape(bibtex)}</code></pre>', "</details>"]
    return "\n".join(parts) + "\n"
