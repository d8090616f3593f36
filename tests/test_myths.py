"""Myth pages: front matter checked, verdict badge shown, myths table generated, ClaimReview valid."""

import json
import re

import pytest
from conftest import PROJECT, dedent, explainer, mkdocs_build, write_site

from publishing.claimreview import RATING, claim_review, json_ld
from publishing.myths import Myth, collect_myths, insert_after_title, myths_table, verdict_badge
from sourcing.pages import check_page

MYTH = """
---
title: "Myth: everyone has one score"
description: Checks the claim.
claim: "Every citizen has one national score."
verdict: "False"
verdict_summary: "There is no national score for individuals."
claim_appearance: viral2018video
direction: overstates
reviewed: 2026-11-22
---
# Myth: everyone has one score

## The claim

It appeared in a viral video [@viral2018video]. Researchers disagree [@doe2020example].
"""

META = {
    "claim": "Every citizen has one national score.",
    "verdict": "False",
    "verdict_summary": "There is no national score for individuals.",
    "claim_appearance": "viral2018video",
    "direction": "overstates",
    "reviewed": "2026-11-22",
}


def problems(text, bibliography):
    return [str(p) for p in check_page(dedent(text), "docs/myths/x.md", bibliography).problems]


def test_a_complete_myth_page_passes(bibliography):
    assert problems(MYTH, bibliography) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        ('verdict: "False"', "docs/myths/x.md:5: verdict 'Wrong' is not one we use; write verdict: one of False, Misleading, Partly true, True"),
        ("claim_appearance: viral2018video", "docs/myths/x.md:7: claim_appearance 'nosuch2020key' is not a bibliography key;"),
        ("reviewed: 2026-11-22", "docs/myths/x.md:1: factual page without a review date; add reviewed: YYYY-MM-DD"),
        ('claim: "Every citizen has one national score."', "docs/myths/x.md:1: myth page without 'claim'; add claim:"),
        ("direction: overstates", "docs/myths/x.md:8: direction 'both' is not one we use; write direction: overstates"),
        ("direction: overstates\n", "docs/myths/x.md:1: myth page without 'direction'; write direction: overstates"),
    ],
    ids=["unknown verdict", "unknown appearance", "no review date", "no claim", "unknown direction", "no direction"],
)
def test_each_missing_or_wrong_field_is_named_with_its_line(bibliography, change, expected):
    replacement = {
        'verdict: "False"': "verdict: Wrong",
        "claim_appearance: viral2018video": "claim_appearance: nosuch2020key",
        "direction: overstates": "direction: both",
        "direction: overstates\n": "",
    }
    text = MYTH.replace(change, replacement.get(change, ""))
    [message] = problems(text, bibliography)
    assert message.startswith(expected)


def test_the_badge_states_claim_verdict_and_summary_and_escapes_them():
    badge = verdict_badge(dict(META, claim="A <b>bold</b> claim"))
    assert 'class="verdict verdict--false"' in badge
    assert "A &lt;b&gt;bold&lt;/b&gt; claim" in badge
    assert '<strong class="verdict__badge">False</strong> There is no national score for individuals.' in badge
    assert '<span class="verdict__label">Direction:</span> Overstates the system</p>' in badge
    assert insert_after_title("intro\n# Title\nbody\n", "BADGE\n") == "intro\n# Title\n\nBADGE\n\nbody\n"


def test_the_myths_table_shows_each_direction_with_its_claims_and_verdicts():
    table = myths_table(
        [Myth("a.md", "Claim | with bar", "Partly true", "Summary.", "understates"), Myth("b.md", "B", "False", "S.", "overstates")]
    )
    lines = table.splitlines()
    assert lines[0] == "### Claims that make the system look worse than it is (1) {#overstates}"
    assert lines[4] == '| [B](b.md) | <span class="verdict__badge verdict--false">False</span> | S. |'
    assert lines[6] == "### Claims that make the system look better than it is (1) {#understates}"
    assert lines[10] == (
        '| [Claim \\| with bar](a.md) | <span class="verdict__badge verdict--partly-true">Partly true</span> | Summary. |'
    )


def test_myths_are_listed_in_navigation_order(tmp_path):
    for name, claim in (("a.md", "First by name"), ("b.md", "Second by name"), ("c.md", "Third by name")):
        (tmp_path / name).write_text(dedent(MYTH).replace(META["claim"], claim))
    assert [m.page for m in collect_myths(tmp_path, ["c.md", "a.md"])] == ["c.md", "a.md", "b.md"]


def test_claim_review_has_what_fact_check_readers_need():
    review = claim_review(META, {"title": "A video", "url": "https://example.org/v", "date": "2018"}, "Site", "https://s/x/")
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == META["claim"]
    assert review["datePublished"] == "2026-11-22"
    assert review["url"] == "https://s/x/"
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["reviewRating"]["ratingValue"] == RATING["False"] == 1
    assert review["itemReviewed"]["appearance"] == [
        {"@type": "CreativeWork", "name": "A video", "url": "https://example.org/v", "datePublished": "2018"}
    ]
    assert "</script>" not in json_ld({"x": "</script>"})


def built_claim_reviews(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)]


def test_a_built_myth_page_shows_its_verdict_and_carries_claim_review(tmp_path):
    index = "---\nexempt_from_sourcing: Lists the myth pages.\n---\n# Myths\n\n<!-- myths-table -->\n"
    build = mkdocs_build(
        write_site(tmp_path, {"index.md": "# Home\n\nFact [@doe2020example].\n", "myths/index.md": index, "myths/one.md": explainer(MYTH, "myths/one.md")}),
        "--strict",
    )
    assert build.returncode == 0, build.output
    page = build.html("myths/one/index.html")
    assert '<strong class="verdict__badge">False</strong>' in page
    [review] = built_claim_reviews(page)
    assert review["claimReviewed"] == META["claim"]
    assert review["itemReviewed"]["appearance"][0]["url"] == "https://example.org/video"
    table = build.html("myths/index.html")
    assert '<a href="one/">Every citizen has one national score.</a>' in table
    assert 'verdict--false">False</span>' in table


def test_an_unquoted_true_or_false_verdict_is_explained(bibliography):
    [message] = problems(MYTH.replace('verdict: "False"', "verdict: False"), bibliography)
    assert message == (
        'docs/myths/x.md:5: verdict False is read as a yes/no value, not as a verdict; put it in quotes: verdict: "False"'
    )


def test_a_myth_page_with_a_bad_verdict_stops_the_build(tmp_path):
    build = mkdocs_build(write_site(tmp_path, {"index.md": MYTH.replace('verdict: "False"', "verdict: Mostly false")}))
    assert build.returncode != 0
    assert "docs/index.md:5: verdict 'Mostly false' is not one we use" in build.output


def test_every_real_myth_page_carries_a_valid_claim_review(real_site):
    assert real_site.returncode == 0, real_site.output
    myth_sources = [p for p in (PROJECT / "docs" / "myths").glob("*.md") if "\nverdict:" in p.read_text()]
    assert len(myth_sources) >= 12
    for source in myth_sources:
        html = (real_site.site / "myths" / source.stem / "index.html").read_text(encoding="utf-8")
        [review] = built_claim_reviews(html)
        assert review["@type"] == "ClaimReview" and review["@context"] == "https://schema.org"
        assert review["claimReviewed"] and review["reviewRating"]["alternateName"] in RATING
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
        assert review["itemReviewed"]["appearance"][0]["url"].startswith("http")


WRONG_KIND = [
    ("claim_appearance: viral2018video", "claim_appearance: [viral2018video, doe2020example]",
     "docs/myths/x.md:7: claim_appearance is a list, not one bibliography key; give the key of the one source "
     "(usually an exhibit) where the claim appeared: claim_appearance: viral2018video"),
    ('verdict: "False"', "verdict: [x]",
     "docs/myths/x.md:5: verdict is a list, not a verdict; write verdict: one of False, Misleading, Partly true, True"),
    ('claim: "Every citizen has one national score."', "claim: {a: b}",
     "docs/myths/x.md:4: 'claim' is a mapping ('key: value'), not text; "
     'write claim: "<the claim as commonly stated, in one sentence>", in quotes'),
    ("direction: overstates", "direction: [overstates]",
     "docs/myths/x.md:8: direction is a list, not a direction; write direction: overstates (the claim makes the system "
     "look worse than it is) or understates (better)"),
]


@pytest.mark.parametrize("old, new, expected", WRONG_KIND, ids=["appearance list", "verdict list", "claim mapping", "direction list"])
def test_a_list_or_mapping_where_text_or_a_key_is_expected_is_one_clear_problem(bibliography, old, new, expected):
    assert problems(MYTH.replace(old, new), bibliography) == [expected]


def test_a_myth_page_cannot_be_exempt_from_sourcing(bibliography):
    text = MYTH.replace("reviewed: 2026-11-22", "exempt_from_sourcing: Just a claim.")
    assert problems(text, bibliography) == [
        "docs/myths/x.md:9: a myth page gives a verdict on the facts; it cannot be exempt from sourcing; "
        "remove 'exempt_from_sourcing' and cite the evidence for the verdict",
        "docs/myths/x.md:1: factual page without a review date; add reviewed: YYYY-MM-DD to its front matter, "
        "the day its facts were last checked against the sources",
    ]


@pytest.mark.parametrize("old, new, expected", WRONG_KIND[:3], ids=["appearance list", "verdict list", "claim mapping"])
def test_a_myth_field_of_the_wrong_kind_stops_the_build_before_publishing_reads_it(tmp_path, old, new, expected):
    # publishing/claimreview.py and publishing/myths.py would fail on these: the check stops the build first
    index = "---\nexempt_from_sourcing: Lists the myth pages.\n---\n# Myths\n\n<!-- myths-table -->\n"
    pages = {"index.md": "# Home\n\nFact [@doe2020example].\n", "myths/index.md": index, "myths/x.md": MYTH.replace(old, new)}
    build = mkdocs_build(write_site(tmp_path, pages), "--strict")
    assert build.returncode != 0
    assert expected in build.output
    assert "Traceback" not in build.output and "the site was not built" in build.output


def test_an_impossible_review_date_stops_the_build_with_its_line(tmp_path):
    build = mkdocs_build(write_site(tmp_path, {"index.md": MYTH.replace("reviewed: 2026-11-22", "reviewed: 2025-13-45")}))
    assert build.returncode != 0
    assert "docs/index.md:9: 'reviewed: 2025-13-45' is not a day of the calendar; write a day of the calendar as YYYY-MM-DD" in build.output
    assert "Traceback" not in build.output
