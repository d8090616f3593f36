"""The floors every page meets, by the kind of page it is (sourcing/floors.py): tested through the
check, which `make check` and every build run, on small pages and on the real site."""

from conftest import PROJECT

from sourcing.check import check_site
from sourcing.floors import EXPLAINER, LESSON, MYTH, page_kind
from sourcing.pages import check_page

FILLER = "Words that explain the subject at length and in plain language. " * 80  # 880 words
BODY = """---
title: T
description: What the page explains.
reviewed: 2026-11-22
---
# T

## In one minute

- A point [@doe2020example; @council2014outline; @viral2018video].

## More

{filler}

## Where to go next

- [Home](index.md)
"""


def page(**changes) -> str:
    text = BODY.replace("{filler}", FILLER)
    for old, new in changes.values():
        text = text.replace(old, new)
    return text


def problems(text: str, bibliography, name="page.md") -> list[str]:
    return [str(p) for p in check_page(text, f"docs/{name}", bibliography, name=name).problems]


def test_a_page_that_meets_the_floors_passes(bibliography):
    for name in ("page.md", "myths/x.md", "teaching/x.md"):
        text = page() if name != "teaching/x.md" else page(summary=("## In one minute", "## At a glance"))
        assert problems(text, bibliography, name) == []


def test_the_kind_of_a_page_follows_from_where_it_stands():
    assert page_kind("index.md") is None  # the home page
    assert page_kind("overview.md") is page_kind("a/b.md") is EXPLAINER
    assert page_kind("myths/one-national-score.md") is MYTH and MYTH.words == 500
    assert page_kind("teaching/01-what-is-it.md") is LESSON and LESSON.summary == "At a glance"


def test_an_explainer_is_held_to_each_floor_at_its_line(bibliography):
    short = page(filler=(FILLER, "Too short."), description=("description: What the page explains.\n", ""),
                 summary=("## In one minute", "## Summary"), next=("## Where to go next", "## See also"),
                 sources=("@doe2020example; @council2014outline; @viral2018video", "@doe2020example; @council2014outline"))
    assert problems(short, bibliography) == [
        "docs/page.md:1: explainer page without a description; add description: <one sentence that says what the page "
        "explains> to its front matter (search engines and link previews show it)",
        "docs/page.md:1: explainer page has 10 words, fewer than 700; explain the subject more fully: an explainer page has "
        "at least 700 words of prose (code, HTML and citations do not count; see CONTRIBUTING.md)",
        "docs/page.md:1: explainer page cites 2 different sources, fewer than 3; cite at least 3 different sources, so that "
        "the page does not rest on one or two",
        "docs/page.md:5: explainer page without a '## In one minute' section; add '## In one minute' after the title: a few "
        "short points that sum up the page",
        "docs/page.md:5: explainer page without a '## Where to go next' section; end the page with '## Where to go next' "
        "and links to the pages to read next",
    ]


def test_where_to_go_next_must_link_a_page(bibliography):
    text = page(link=("- [Home](index.md)", "- The home page, or [a site](https://example.org/page.md)."))
    assert problems(text, bibliography) == [
        "docs/page.md:16: '## Where to go next' links to no page; link at least one page of the site, e.g. "
        "[The court blacklist](court-blacklist.md)"
    ]


def test_myth_pages_and_lesson_plans_have_floors_of_their_own(bibliography):
    words_660 = ("Words that explain the subject at length and in plain language. " * 60).strip()
    assert problems(page(filler=(FILLER, words_660)), bibliography, "myths/x.md") == []
    assert problems(page(filler=(FILLER, words_660)), bibliography, "teaching/x.md") == [
        "docs/teaching/x.md:1: lesson plan has 672 words, fewer than 700; explain the subject more fully: a lesson plan "
        "has at least 700 words of prose (code, HTML and citations do not count; see CONTRIBUTING.md)",
        "docs/teaching/x.md:6: lesson plan without a '## At a glance' section; add '## At a glance' after the title: a few "
        "short points that sum up the page",
    ]


def test_the_home_page_and_exempt_pages_meet_no_floor(bibliography):
    home = "---\nreviewed: 2026-11-22\n---\n# Home\n\nA fact [@doe2020example].\n"
    assert problems(home, bibliography, "index.md") == []
    exempt = "---\nexempt_from_sourcing: Describes the site.\n---\n# About\n\nShort.\n\n| a | b |\n| - | - |\n| c | d |\n"
    assert problems(exempt, bibliography, "about.md") == []


def test_every_table_row_of_a_factual_page_cites_a_source(bibliography):
    table = "| Year | Event |\n| --- | --- |\n| 2014 | Outline [@council2014outline] |\n| 2020 | Nothing cited |\n\n"
    home = f"---\nreviewed: 2026-11-22\n---\n# Home\n\nA fact [@doe2020example].\n\n{table}"
    fix = "cite the source of the row's facts in the row itself, e.g. in its last cell: [@key] (a row is read on its own)"
    assert problems(home, bibliography, "index.md") == [f"docs/index.md:11: table row without a citation; {fix}"]
    in_code = f"---\nreviewed: 2026-11-22\n---\n# Home\n\nA fact [@doe2020example].\n\n```\n{table}```\n"
    assert problems(in_code, bibliography, "index.md") == []


def test_every_page_of_the_real_site_meets_its_floors():
    report = check_site(PROJECT / "docs", PROJECT / "bibliography", PROJECT)
    assert [str(p) for p in report.problems] == []
    kinds = {name: page_kind(name) for name, page in report.page_reports.items() if page.exempt_reason is None}
    assert sum(kind is MYTH for kind in kinds.values()) >= 15
    assert sum(kind is LESSON for kind in kinds.values()) == 5
    assert sum(kind is EXPLAINER for kind in kinds.values()) >= 15
