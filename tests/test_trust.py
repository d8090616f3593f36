"""What lets a reader trust the site: a public corrections log with a note on every corrected page,
report-an-error and edit links, review dates that say how old they are, who read each source, and
a publishing build that refuses placeholder addresses."""

import datetime
import html
import os
import re
import subprocess
import sys

from conftest import PROJECT, dedent, explainer, mkdocs_build, write_site

from publishing.page_actions import report_error_url
from publishing.review_date import review_note
from publishing.settings import problems as publish_problems
from sourcing import bibliography as bibliography_module
from sourcing.corrections import load_corrections

LOG = """
- date: 2026-11-20
  page: myth.md
  was: The verdict was "False".
  now: The verdict is "Misleading".
  sources: [doe2020example]
  verdict: ["False", "Misleading"]
- date: 2026-11-21
  page: index.md
  was: It said 15 million.
  now: It says 14.5 million.
"""
MYTH = """
---
title: "Myth: one score"
claim: "Everyone has one score."
verdict: "Misleading"
verdict_summary: "No."
claim_appearance: viral2018video
direction: overstates
---
# Myth: one score

Evidence [@doe2020example].
"""
CORRECTIONS_PAGE = "---\nexempt_from_sourcing: The log.\n---\n# Corrections\n\n<!-- corrections-log -->\n"


def corrected_site(tmp_path, log=LOG):
    pages = {"index.md": "# Home\n\nA fact [@doe2020example].\n", "myth.md": explainer(MYTH, "myth.md"), "corrections.md": CORRECTIONS_PAGE}
    root = write_site(tmp_path, pages)
    (root / "data").mkdir()
    (root / "data" / "corrections.yml").write_text(dedent(log), encoding="utf-8")
    return root


def test_a_corrected_page_shows_its_correction_and_the_log_lists_it(tmp_path):
    build = mkdocs_build(corrected_site(tmp_path), "--strict")
    assert build.returncode == 0, build.output
    myth = build.html("myth/index.html")
    assert '<p class="correction-note__title">This page has been corrected</p>' in myth
    assert "Verdict history: False (until 20 November 2026) → Misleading (now)" in myth
    assert '<a href="../corrections/#correction-1">What it said before</a>' in myth
    home = build.html()
    assert '<a href="corrections/#correction-2">What it said before</a>' in home
    log = build.html("corrections/index.html")
    assert log.index('id="correction-2"') < log.index('id="correction-1"')  # newest first
    assert '<strong>What it said:</strong> The verdict was "False".' in log
    assert "<strong>Verdict:</strong> False → Misleading" in log
    assert 'href="#ref-doe2020example"' in log  # its source is cited and listed


def test_what_a_correction_says_is_text_never_html_or_markdown(tmp_path):
    log = LOG.replace("The verdict was", "A [click](javascript:alert(1)) <b>bold</b> {onclick=alert(1)} The verdict was")
    build = mkdocs_build(corrected_site(tmp_path, log), "--strict")
    assert build.returncode == 0, build.output
    page = build.html("corrections/index.html")
    assert 'href="javascript' not in page and "<b>" not in page and " onclick=" not in page
    said = [html.unescape(s) for s in re.findall(r"<strong>What it said:</strong> (.*?)</li>", page)]
    assert said[-1] == 'A [click](javascript:alert(1)) <b>bold</b> {onclick=alert(1)} The verdict was "False".'


def test_bad_log_entries_are_named_with_their_lines(tmp_path, bibliography, monkeypatch):
    monkeypatch.setattr(bibliography_module, "today", lambda: datetime.date(2026, 11, 26))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "docs" / "corrections.md").write_text("# Log\n")
    log = tmp_path / "corrections.yml"
    log.write_text(dedent("""
        - date: 2026-02-30
          page: gone.md
          was: x
          now: y
          sources: [nosuch2020key]
          verdict: [False, Misleading]
        - date: 2027-01-01
          page: index.md
          was: x
          now: y
        - page: index.md
        """))
    _, problems = load_corrections(log, "data/corrections.yml", tmp_path / "docs", bibliography)
    assert [str(p) for p in problems] == [
        "data/corrections.yml:1: correction 1: date '2026-02-30' is not a day of the calendar; write the day of the correction, date: YYYY-MM-DD",
        "data/corrections.yml:2: correction 1: page 'gone.md' is not a page below docs/; name the corrected page, e.g. court-blacklist.md",
        "data/corrections.yml:5: correction 1: source 'nosuch2020key' is not a bibliography key; cite an entry of bibliography/*.bib",
        "data/corrections.yml:6: correction 1: verdict [False, 'Misleading'] is not a pair of verdicts; "
        'write verdict: ["Old", "New"], each one of False, Misleading, Partly true, True (quoted)',
        "data/corrections.yml:7: correction 2: date '2027-01-01' is in the future; write the day the page was corrected",
        "data/corrections.yml:11: correction 3: without date, was, now (as text); give every correction: date, page, was, now",
    ]


def test_a_log_entry_for_a_missing_page_stops_the_build(tmp_path):
    build = mkdocs_build(corrected_site(tmp_path, LOG.replace("page: index.md", "page: nowhere.md")), "--strict")
    assert build.returncode != 0
    assert "data/corrections.yml:8: correction 2: page 'nowhere.md' is not a page below docs/" in build.output


def test_every_page_links_to_report_an_error_and_to_edit_it(tmp_path):
    root = write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n", "a/b.md": explainer("# B\n\nFact [@doe2020example].\n", "a/b.md")})
    config = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(config.replace("site_name: Fixture", "site_name: Fixture\nrepo_url: https://github.com/o/r\nedit_uri: edit/main/docs/"))
    build = mkdocs_build(root, "--strict")
    assert build.returncode == 0, build.output
    page = build.html("a/b/index.html")
    report = report_error_url("https://github.com/o/r", "https://example.org/site/a/b/", "B")
    assert report == (
        "https://github.com/o/r/issues/new?template=report-an-error.yml&title=Error+on%3A+B"
        "&page=https%3A%2F%2Fexample.org%2Fsite%2Fa%2Fb%2F"
    )
    assert f'href="{report.replace("&", "&amp;")}">Report an error on this page</a>' in page
    assert 'href="https://github.com/o/r/edit/main/docs/a/b.md">Edit this page</a>' in page
    # the About page names the repository and its issue tracker from the same one setting
    (root / "docs" / "about.md").write_text("---\nexempt_from_sourcing: About the project.\n---\n# About\n\n<!-- repository-links -->\n")
    build = mkdocs_build(root, "--strict")
    assert build.returncode == 0, build.output
    about = build.html("about/index.html")
    assert 'href="https://github.com/o/r/issues">https://github.com/o/r/issues</a>' in about
    assert 'href="https://github.com/o/r/commits/main">history</a>' in about


def test_review_dates_say_how_long_ago_and_old_ones_are_listed_as_due(tmp_path):
    note = review_note("2025-09-30", today=datetime.date(2026, 11, 26))
    assert note == (
        '<p class="page-reviewed">Facts last checked against the sources on '
        '<time datetime="2025-09-30">30 September 2025</time> (13 months ago)</p>\n'
    )
    assert "(less than a month ago)" in review_note("2026-11-20", today=datetime.date(2026, 11, 26))
    write_site(tmp_path, {"index.md": "---\nreviewed: 2024-01-15\n---\n# Home\n\nA fact [@doe2020example].\n"})
    done = subprocess.run([sys.executable, "-m", "sourcing", "--root", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0  # a note, not an error
    assert "note: docs/index.md: facts last checked on 2024-01-15," in done.stdout
    assert "months ago; due for review" in done.stdout


def test_a_publishing_build_refuses_placeholder_addresses():
    assert publish_problems({}) == [
        "SITE_URL is not set; set it to the real address, e.g. SITE_URL=https://socialcredit.example.org/ make publish",
        "REPO_URL is not set; set it to the real address, e.g. REPO_URL=https://github.com/owner/repository make publish",
    ]
    placeholders = {"SITE_URL": "https://social-credit-explained.example/", "REPO_URL": "http://github.com/x/y"}
    assert [p.split(";")[0] for p in publish_problems(placeholders)] == [
        "SITE_URL is the placeholder 'https://social-credit-explained.example/'",
        "REPO_URL 'http://github.com/x/y' is not an https:// address",
    ]
    assert publish_problems({"SITE_URL": "https://real.example.org/", "REPO_URL": "https://github.com/o/r"}) == []
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "REPO_URL")}
    done = subprocess.run(["make", "-s", "publish"], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "make publish: SITE_URL is not set" in done.stderr


def test_all_sources_says_who_read_each_source_when_and_lets_readers_filter_by_venue(real_site):
    assert real_site.returncode == 0, real_site.output
    page = (real_site.site / "bibliography" / "index.html").read_text(encoding="utf-8")
    assert '<div class="venue-filter" role="group" aria-label="Show sources by venue" hidden>' in page
    assert 'data-venue="scholarly" aria-pressed="false">scholarly (' in page
    assert page.count('<span class="provenance">Read by an editor on ') >= 300
    assert '(via <a rel="noopener" href="http' in page  # a source read through a copy names it


def test_a_teacher_guide_lists_when_each_page_it_relies_on_was_checked():
    from types import SimpleNamespace

    from publishing.review_date import review_dates

    reports = {"court-blacklist.md": SimpleNamespace(title="The court [list]", reviewed=datetime.date(2026, 11, 22))}
    text = "Before teaching, read [the list](../../court-blacklist.md#legal-basis) and [x](../../missing.md)."
    dates = review_dates(text, "teaching/handouts/01-teacher.md", reports)
    assert dates == (
        "\nThe pages this guide links to, with the day a person last checked each one's facts against its sources:\n\n"
        "- [The court (list)](../../court-blacklist.md): facts last checked on 22 November 2026\n"
    )
    # after a list of the guide's own, the dates stand in a list of their own, under their lead-in
    import markdown

    html = markdown.markdown("- **Laws.** New ones.\n- **Figures.** Updated yearly.\n\n" + dates)
    assert html.count("<ul>") == 2 and "<p>The pages this guide links to" in html
