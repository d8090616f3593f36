"""The real site's content meets the floors set for explainer pages.

Every page in the navigation except the home page and exempt pages is an explainer: at least
700 words of explanation, at least 3 distinct sources, a one-minute summary, and a closing
"Where to go next" that links to other pages, so the site reads as a course.
"""

import re

import pytest
import yaml
from conftest import PROJECT

from publishing.navigation import nav_files
from sourcing.citations import citation_blocks
from sourcing.markdown import prose, read_page

DOCS = PROJECT / "docs"


def nav_pages(nav) -> list[str]:
    return nav_files(nav)


def explainer_pages() -> list[str]:
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    pages = []
    for name in nav_pages(config["nav"]):
        page = read_page((DOCS / name).read_text(encoding="utf-8"))
        # classroom handouts hold worksheets (tables with cells to fill in), not explanation
        if name != "index.md" and "exempt_from_sourcing" not in page.meta and not name.startswith("teaching/handouts/"):
            pages.append(name)
    return pages


def test_every_markdown_page_is_in_the_navigation():
    in_nav = set(nav_pages(yaml.load((PROJECT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]))
    assert {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")} == in_nav


@pytest.mark.parametrize("name", explainer_pages())
def test_explainer_pages_meet_the_floors(name):
    page = read_page((DOCS / name).read_text(encoding="utf-8"))
    body = prose(page.text[page.body_start :])
    words = len(re.sub(r"\[[^\]]*@[^\]]*\]", "", body).split())
    sources = {key for block in citation_blocks(body) for key in block.keys}
    floor = 500 if name.startswith("myths/") else 700  # myth pages answer one claim
    assert words >= floor, f"{name}: {words} words"
    assert len(sources) >= 3, f"{name}: {len(sources)} sources"
    assert page.meta.get("description"), f"{name}: no description in front matter"
    assert re.search(r"in one minute", body, re.IGNORECASE), f"{name}: no 'In one minute' summary"
    next_section = body.split("## Where to go next")[-1] if "## Where to go next" in body else ""
    assert re.search(r"\]\((\.\./)?[a-z0-9/-]+\.md", next_section), f"{name}: 'Where to go next' links to no page"


@pytest.mark.parametrize("name", explainer_pages())
def test_every_table_row_cites_a_source(name):
    # timelines, figures and document tables: each row is a claim of its own
    lines = prose((DOCS / name).read_text(encoding="utf-8")).splitlines()
    rows = [line for line in lines if line.lstrip().startswith("|")]
    body_rows = [row for i, row in enumerate(rows) if i > 0 and not re.fullmatch(r"[\s|:-]+", row)]
    headers = {rows[i - 1] for i, row in enumerate(rows) if re.fullmatch(r"[\s|:-]+", row)}
    uncited = [row for row in body_rows if row not in headers and not citation_blocks(row)]
    assert uncited == [], f"{name}: table rows without a citation: {uncited}"
