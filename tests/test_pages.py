"""The sourcing rule on one page, and how the page is read (front matter, prose, citations)."""

import pytest
from conftest import reviewed

from sourcing.markdown import prose, read_page
from sourcing.pages import check_page

NO_SOURCE_FIX = (
    "cite a secondary source (scholarship, think-tank or NGO research, or quality journalism) with [@key] after the "
    "sentence it supports, or, if the page states no facts, add 'exempt_from_sourcing: <reason>' to its front matter"
)


def problems(text: str, bibliography) -> list[str]:
    return [str(p) for p in check_page(reviewed(text), "docs/page.md", bibliography).problems]


def test_a_page_citing_a_secondary_source_passes(bibliography):
    assert problems("# Title\n\nA fact [@doe2020example].\n", bibliography) == []
    assert problems("# T\n\nA fact [see @council2014outline, p. 2; @doe2020example].\n", bibliography) == []


def test_a_factual_paragraph_without_citation_fails_at_its_line(bibliography):
    text = """
    ---
    title: A page
    ---
    # A page

    Everyone in China has a score.
    """
    assert problems(text, bibliography) == [f"docs/page.md:7: factual page cites no source; {NO_SOURCE_FIX}"]


@pytest.mark.parametrize("key, kind", [("council2014outline", "primary, government"), ("viral2018video", "exhibit, press")])
def test_primary_sources_or_exhibits_alone_do_not_satisfy_the_rule(bibliography, key, kind):
    assert problems(f"# T\n\nText.\n\nA claim [@{key}].\n", bibliography) == [
        f"docs/page.md:8: page cites no secondary source, only: {key} ({kind}); cite a secondary source "
        "(scholarship, think-tank or NGO research, or quality journalism) with [@key] after the sentence it supports; "
        "primary sources, exhibits, relays, blogs and law-firm notes alone are not enough"
    ]


@pytest.mark.parametrize("venue", ["wire-relay", "blog", "law-firm"])
def test_a_secondary_source_of_a_weak_venue_does_not_carry_a_page_alone(tmp_path, venue):
    from conftest import FIXTURES

    from sourcing.bibliography import load_bibliography

    (tmp_path / "sources.bib").write_text(
        (FIXTURES / "sources.bib").read_text().replace("venue = {think-tank}", f"venue = {{{venue}}}"), encoding="utf-8"
    )
    weak = load_bibliography(tmp_path, tmp_path)
    assert problems("# T\n\nText.\n\nA claim [@doe2020example].\n", weak) == [
        "docs/page.md:8: page cites no secondary source from a scholarly, think-tank, press or NGO venue, only: "
        f"doe2020example (secondary, {venue}); cite a secondary source (scholarship, think-tank or NGO research, or "
        "quality journalism) with [@key] after the sentence it supports; primary sources, exhibits, relays, blogs "
        "and law-firm notes alone are not enough"
    ]


@pytest.mark.parametrize(
    "hiding",
    [
        "<!-- [@doe2020example] -->",
        "`[@doe2020example]`",
        "```\n[@doe2020example]\n```",
        "<div>\n[@doe2020example]\n</div>",
        '<span title="[@doe2020example]">x</span>',
    ],
    ids=["html comment", "inline code", "fenced code", "raw html block", "html attribute"],
)
def test_a_citation_hidden_where_it_does_not_render_does_not_count(bibliography, hiding):
    [message] = problems(f"# T\n\nA fact.\n\n{hiding}\n", bibliography)
    line = 8 + hiding.count("\n") // 2
    assert message.startswith(f"docs/page.md:6: factual page cites no source (the citation at line {line} is inside code")


def test_markdown_inside_md_in_html_blocks_counts(bibliography):
    assert problems('# T\n\n<div markdown>\nA fact [@doe2020example].\n</div>\n', bibliography) == []


def test_unknown_keys_are_named_with_a_suggestion(bibliography):
    assert problems("# T\n\nA fact [@doe2020example; @doe2020exampel].\n", bibliography) == [
        "docs/page.md:6: unknown source key 'doe2020exampel'; "
        "did you mean 'doe2020example'? Otherwise add an entry 'doe2020exampel' to bibliography/*.bib"
    ]
    assert problems("# T\n\nA fact [@doe2020example]. [@nothinglikeit]\n", bibliography) == [
        "docs/page.md:6: unknown source key 'nothinglikeit'; add an entry 'nothinglikeit' to bibliography/*.bib, "
        "or correct the key"
    ]


def test_a_known_key_without_brackets_is_flagged(bibliography):
    assert problems("# T\n\nA fact [@doe2020example], as @doe2020example say.\n", bibliography) == [
        "docs/page.md:6: '@doe2020example' without brackets is not a citation; write [@doe2020example]"
    ]
    assert problems("# T\n\nA fact [@doe2020example]. Mail editor@example.org.\n", bibliography) == []


def test_a_factual_page_needs_a_review_date(bibliography):
    page = "---\ntitle: T\n---\n# T\n\nA fact [@doe2020example].\n"
    assert [str(p) for p in check_page(page, "docs/page.md", bibliography).problems] == [
        "docs/page.md:1: factual page without a review date; add reviewed: YYYY-MM-DD to its front matter, "
        "the day its facts were last checked against the sources"
    ]
    assert [str(p) for p in check_page(page.replace("title: T", "reviewed: last week"), "docs/page.md", bibliography).problems] == [
        "docs/page.md:2: review date 'last week' is not YYYY-MM-DD; add reviewed: YYYY-MM-DD to its front matter, "
        "the day its facts were last checked against the sources"
    ]


def test_an_exemption_needs_a_reason(bibliography):
    exempt = "---\nexempt_from_sourcing: Describes how to contribute; states no facts.\n---\n# Contributing\n\nHi.\n"
    report = check_page(exempt, "docs/page.md", bibliography)
    assert report.problems == []
    assert report.exempt_reason == "Describes how to contribute; states no facts."
    assert problems("---\ntitle: X\nexempt_from_sourcing: true\n---\n# X\n", bibliography) == [
        "docs/page.md:3: 'exempt_from_sourcing' needs a reason, not 'True'; "
        "write exempt_from_sourcing: <why this page states no facts that need a source>"
    ]


def test_broken_front_matter_is_an_error_with_its_line(bibliography):
    broken = "---\ntitle: A page\ndescription: a: b: c\n---\n# A page\n\nA fact [@doe2020example].\n"
    [message] = problems(broken, bibliography)
    assert message.startswith("docs/page.md:4: front matter is not valid YAML (mapping values are not allowed in this context);")
    assert problems("---\ntitle: A page\n\n# A page\n", bibliography) == [
        "docs/page.md:1: front matter opened with '---' is never closed; "
        "fix the 'key: value' lines between the two '---' lines (quote values that contain ': ')"
    ]
    listed = "---\n- a list\n---\n# A page\n\nA fact [@doe2020example].\n"
    [message] = [str(p) for p in check_page(listed, "docs/page.md", bibliography).problems]
    assert message.startswith("docs/page.md:2: front matter is not a list of 'key: value' lines;")


def test_all_problems_of_a_page_in_one_run(bibliography):
    text = "# T\n\nOne [@unknownone2020x].\n\nTwo [@unknowntwo2020y].\n"
    assert [m.split(": ")[0] for m in problems(text, bibliography)] == [
        "docs/page.md:6",
        "docs/page.md:8",
        "docs/page.md:6",
    ]


def test_prose_masking_keeps_line_numbers():
    text = "a\n```\ncode [@x]\n```\nb `c` <!-- d\ne --> f\n"
    masked = prose(text)
    assert len(masked) == len(text)
    assert [line.rstrip() for line in masked.splitlines()] == ["a", "", "", "", "b", "      f"]


def test_front_matter_is_read_as_mkdocs_reads_it():
    page = read_page("---\ntitle: T\n...\n# Body\n")
    assert page.meta == {"title": "T"}
    assert page.text[page.body_start :] == "# Body\n"
    assert read_page("# No front matter\n").meta == {}


def test_citing_an_entry_with_a_syntax_error_points_at_the_entry(tmp_path):
    from sourcing.bibliography import load_bibliography

    (tmp_path / "refs.bib").write_text("@article{doe2020broken,\n  title = {Unclosed,\n  sourcetype = {secondary},\n}\n")
    bibliography = load_bibliography(tmp_path, tmp_path)
    assert problems("# T\n\nA fact [@doe2020broken].\n", bibliography) == [
        "docs/page.md:6: source 'doe2020broken' cannot be read: its entry has an error (refs.bib:2); fix that entry first"
    ]


REVIEW_FIX = "add reviewed: YYYY-MM-DD to its front matter, the day its facts were last checked against the sources"


def test_a_review_date_yaml_cannot_make_is_named_at_its_line(bibliography):
    page = "---\ntitle: T\nreviewed: 2025-13-45\n---\n# T\n\nA fact [@doe2020example].\n"
    assert [str(p) for p in check_page(page, "docs/page.md", bibliography).problems] == [
        "docs/page.md:3: 'reviewed: 2025-13-45' is not a day of the calendar; "
        "write a day of the calendar as YYYY-MM-DD, for example reviewed: 2026-11-22"
    ]


@pytest.mark.parametrize(
    "value, why",
    [('"2025-02-30"', "'2025-02-30' is not a day of the calendar"), ("2026-11-23", "'2026-11-23' is in the future"),
     ("[2026-11-20]", "is a list, not YYYY-MM-DD")],
    ids=["not a day", "in the future", "a list"],
)
def test_a_review_date_must_be_a_day_that_has_come(bibliography, monkeypatch, value, why):
    import datetime

    import sourcing.pages

    monkeypatch.setattr(sourcing.pages, "today", lambda: datetime.date(2026, 11, 22))
    page = f"---\ntitle: T\nreviewed: {value}\n---\n# T\n\nA fact [@doe2020example].\n"
    assert [str(p) for p in check_page(page, "docs/page.md", bibliography).problems] == [f"docs/page.md:3: review date {why}; {REVIEW_FIX}"]
    # an exempt page shows its review date too, so it must be a day as well
    exempt = page.replace("title: T", "exempt_from_sourcing: States no facts.")
    assert [str(p) for p in check_page(exempt, "docs/page.md", bibliography).problems] == [f"docs/page.md:3: review date {why}; {REVIEW_FIX}"]


def test_title_and_description_are_text(bibliography):
    page = "---\ntitle: [T]\ndescription: {a: b}\nreviewed: 2026-11-22\n---\n# T\n\nA fact [@doe2020example].\n"
    fix = "followed by text (in quotes if it starts with [, {, *, & or ! or contains ': ')"
    assert [str(p) for p in check_page(page, "docs/page.md", bibliography).problems] == [
        f"docs/page.md:2: 'title' is a list, not text; write title: {fix}",
        f"docs/page.md:3: 'description' is a mapping ('key: value'), not text; write description: {fix}",
    ]


def test_a_known_key_in_brackets_without_its_at_sign_is_named(bibliography):
    assert problems("# T\n\nA fact [@council2014outline; @doe2020example].\n\nAnother [doe2020example].\n", bibliography) == [
        "docs/page.md:8: '[doe2020example]' is not a citation; did you mean [@doe2020example]?"
    ]
    assert problems("# T\n\nA fact [see doe2020example, p. 5; @council2014outline].\n\nAnd [@doe2020example].\n", bibliography) == [
        "docs/page.md:6: '[see doe2020example, p. 5; @council2014outline]' does not cite doe2020example: the @ is missing; "
        "did you mean [see @doe2020example, p. 5; @council2014outline]?"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "`[doe2020example]`",
        "```\n[doe2020example]\n```",
        "<!-- [doe2020example] -->",
        "[doe2020example](https://example.org/report)",
        "[the report][doe2020example]\n\n[doe2020example]: https://example.org/report",
        "[doe2020example]\n\n[doe2020example]: https://example.org/report",
        "[see the report]",
        "A note.[^doe2020example]\n\n[^doe2020example]: The report.",
    ],
    ids=["inline code", "fenced code", "comment", "link text", "reference link", "shortcut reference link", "no key",
         "footnote"],
)
def test_brackets_that_are_code_links_or_no_key_are_left_alone(bibliography, text):
    assert problems(f"# T\n\nA fact [@doe2020example].\n\n{text}\n", bibliography) == []


HARD = "Notwithstanding considerable institutional heterogeneity, administrative authorities systematically operationalise comprehensive creditworthiness evaluations."


@pytest.mark.parametrize("name", ["overview.md", "myths/hard.md"])
def test_a_page_for_the_general_reader_that_reads_too_hard_is_named_with_the_lines(bibliography, name):
    from conftest import explainer

    body = "# Hard\n\n## In one minute\n\n- " + HARD + " [@doe2020example]\n\n## Detail\n\n" + (HARD + " ") * 40 + "[@doe2020example]\n"
    page = reviewed(explainer(body, name).replace("\n\n## In one minute\n\n- Summed up [@doe2020example].", "", 1))
    if name.startswith("myths/"):
        page = page.replace("---\n", "---\nclaim: A claim.\nverdict: \"False\"\nverdict_summary: No.\nclaim_appearance: doe2020example\ndirection: overstates\n", 1)
    problems = [str(p) for p in check_page(page, "docs/" + name, bibliography, name=name).problems]
    kind = "myth page" if name.startswith("myths/") else "explainer page"
    title = page.splitlines().index("# Hard") + 1
    summary = page.splitlines().index("## In one minute") + 1
    assert [p for p in problems if "Flesch" in p] == [
        f"docs/{name}:{title}: {kind} reads at Flesch -22.7, below 60; use shorter sentences (about 15 words on average, "
        "rarely over 25) and everyday words; one idea per paragraph; `make readability` shows the figures "
        '(CONTRIBUTING.md, "Plain language")',
        f"docs/{name}:{summary}: '## In one minute' reads at Flesch -211.9, below 65; use shorter sentences (about 15 words "
        "on average, rarely over 25) and everyday words; one idea per paragraph; `make readability` shows the figures "
        '(CONTRIBUTING.md, "Plain language")',
    ]


def test_lesson_plans_and_handouts_are_measured_but_not_held_to_the_reading_floor(bibliography):
    from conftest import explainer

    body = "# Hard\n\n## At a glance\n\n- " + HARD + " [@doe2020example]\n\n" + (HARD + " ") * 40 + "[@doe2020example]\n"
    page = reviewed(explainer(body, "teaching/01-hard.md").replace("## In one minute", "## Notes"))
    problems = [str(p) for p in check_page(page, "docs/teaching/01-hard.md", bibliography, name="teaching/01-hard.md").problems]
    assert problems == []


def test_a_title_or_description_the_theme_would_print_as_html_is_refused(bibliography):
    # Material prints both unescaped: in <title>, the header, the nav and <meta content="...">
    page = reviewed(
        "---\ntitle: '</title><script>alert(1)</script>'\n"
        "description: 'Is it \"Nosedive\" & more?'\n---\n# Page\n\nA fact [@doe2020example].\n"
    )
    problems = [str(p) for p in check_page(page, "docs/x.md", bibliography).problems]
    fix = ("write it as plain text: curly quotes “ ” or single quotes instead of \", the word 'and' instead of &, "
           "and no < or >")
    assert problems == [
        f"docs/x.md:3: 'title' contains '/' '<' '>', which the theme would print as HTML; {fix}".replace("'/' ", ""),
        f"docs/x.md:4: 'description' contains '\"' '&', which the theme would print as HTML; {fix}",
    ]
    assert check_page(page.replace("\"Nosedive\" &", "“Nosedive” and").replace("'</title><script>alert(1)</script>'", "Fine"),
                      "docs/x.md", bibliography).problems == []


def test_a_citation_the_build_would_publish_as_typed_is_named_at_its_line(bibliography):
    # mkdocs-bibtex reads a citation only within one line, and never a braced key (pandoc's form)
    page = "# T\n\nA fact [@doe2020example; see\n@council2014outline]. Another [@{doe2020example}].\n"
    assert problems(page, bibliography) == [
        "docs/page.md:6: citation '[@doe2020example; see ...' is split over lines, so it would be published as typed; "
        "keep the whole citation, from [ to ], on one line: the build reads it only there (a line may be as long as it needs)",
        "docs/page.md:7: citation '@{doe2020example}' is a braced key, so it would be published as typed; "
        "write the key without braces, [@key]: keys are letters, digits, _ and -",
        "docs/page.md:7: '@council2014outline' without brackets is not a citation; write [@council2014outline]",
        "docs/page.md:6: factual page cites no source; " + NO_SOURCE_FIX,
    ]
    # a link text over two lines, or an e-mail address, is not a citation
    assert problems("# T\n\nA [long link\ntext](https://example.org) to me@example.org [@doe2020example].\n", bibliography) == []


@pytest.mark.parametrize(
    "html, what",
    [("<script>alert(1)</script>", "a <script> tag"),
     ('<img src="x.png" alt="" onerror="alert(1)">', "an on...= attribute (a script run on an event)"),
     ("[click](javascript:alert(1))", "a link to a javascript:, vbscript: or data: address"),
     ("[click][x]\n\n[x]: javascript:alert(1)", "a link to a javascript:, vbscript: or data: address"),
     ('<a href="JavaScript:alert(1)">click</a>', "a link to a javascript:, vbscript: or data: address")],
    ids=["script", "event attribute", "link", "reference link", "html link"],
)
def test_script_in_a_page_is_refused(bibliography, html, what):
    page = f"# T\n\nA fact [@doe2020example].\n\n{html}\n"
    [found] = [p for p in check_page(reviewed(page), "docs/page.md", bibliography).problems if "script" in p.what]
    line = 10 if html.startswith("[click][x]") else 8
    assert (found.line, found.what) == (line, f"{what} would run script in readers' browsers")
    # the same text shown as code is an example, not a script
    assert problems(f"# T\n\nA fact [@doe2020example].\n\n```html\n{html}\n```\n", bibliography) == []


def test_a_front_matter_key_given_twice_is_refused(bibliography):
    # YAML, and so MkDocs, would keep the last value without a word
    page = "---\ntitle: T\nreviewed: 2026-11-01\ntitle: U\n---\n# T\n\nA fact [@doe2020example].\n"
    assert [str(p) for p in check_page(page, "docs/page.md", bibliography).problems] == [
        "docs/page.md:4: 'title' is given twice (first on line 2); YAML would keep only the last; remove one of them"
    ]
