"""The bibliography policy: kinds of source, findability, dates, keys, and no duplicates."""

from pathlib import Path

from conftest import dedent

from sourcing.bibliography import load_bibliography

GOOD = """
@article{smith2020title,
  author = {Smith, Ann},
  title = {Title},
  journaltitle = {Journal},
  date = {2020-01-02},
  url = {https://example.org/a},
  urldate = {2026-11-22},
  checked = {2026-11-22},
  sourcetype = {secondary},
  venue = {scholarly},
}
"""


def problems_in(tmp_path: Path, **files: str) -> list[str]:
    for name, text in files.items():
        (tmp_path / f"{name}.bib").write_text(dedent(text), encoding="utf-8")
    return [str(p) for p in load_bibliography(tmp_path, tmp_path).problems]


def test_a_complete_entry_passes(tmp_path):
    assert problems_in(tmp_path, refs=GOOD) == []


def test_duplicate_keys_across_files_name_both_places(tmp_path):
    assert problems_in(tmp_path, a=GOOD, b="% another file\n" + GOOD) == [
        "b.bib:3: duplicate key 'smith2020title' (first defined at a.bib:1); "
        "merge the two entries or give one of them another key"
    ]


def test_missing_or_unknown_sourcetype(tmp_path):
    assert problems_in(tmp_path, refs=GOOD.replace("  sourcetype = {secondary},\n", "")) == [
        "refs.bib:1: entry 'smith2020title': no sourcetype; add sourcetype = {secondary} or another of: "
        "primary, secondary, tertiary, exhibit (see CONTRIBUTING.md)"
    ]
    assert problems_in(tmp_path, refs=GOOD.replace("{secondary}", "{scholarly}")) == [
        "refs.bib:9: entry 'smith2020title': sourcetype 'scholarly' is not a kind we know; "
        "use one of: primary, secondary, tertiary, exhibit (see CONTRIBUTING.md)"
    ]


def test_key_convention(tmp_path):
    [message] = problems_in(tmp_path, refs=GOOD.replace("smith2020title", "Smith_2020"))
    assert message.startswith("refs.bib:1: entry 'Smith_2020': key does not follow the convention authorYEARword;")


def test_undated_web_pages_use_nd_in_the_key(tmp_path):
    undated = GOOD.replace("@article{smith2020title", "@online{smithndtitle").replace("  date = {2020-01-02},\n", "")
    assert problems_in(tmp_path, refs=undated) == []


def test_findability_url_or_doi_and_urldate(tmp_path):
    no_link = GOOD.replace("  url = {https://example.org/a},\n  urldate = {2026-11-22},\n", "")
    assert problems_in(tmp_path, refs=no_link) == [
        "refs.bib:1: entry 'smith2020title': no url or doi; "
        "add url = {...} (with urldate) or doi = {...} so readers can find it"
    ]
    assert problems_in(tmp_path, refs=no_link.replace("  sourcetype", "  doi = {10.1000/xyz},\n  sourcetype")) == []
    assert problems_in(tmp_path, refs=GOOD.replace("  urldate = {2026-11-22},\n", "")) == [
        "refs.bib:6: entry 'smith2020title': url without urldate; add urldate = {YYYY-MM-DD}, the day you read it"
    ]


def test_dates_are_iso(tmp_path):
    assert problems_in(tmp_path, refs=GOOD.replace("2020-01-02", "2 January 2020")) == [
        "refs.bib:5: entry 'smith2020title': date '2 January 2020' is not YYYY, YYYY-MM or YYYY-MM-DD; "
        "write the publication date in ISO form, as published, for example date = {2019-07-29}"
    ]
    undated_article = GOOD.replace("  date = {2020-01-02},\n", "")
    assert problems_in(tmp_path, refs=undated_article) == [
        "refs.bib:1: entry 'smith2020title': no date; add date = {YYYY-MM-DD} (or YYYY-MM, or YYYY) "
        "as published; only @online pages may be undated"
    ]


def test_organisation_names_with_and_must_be_braced(tmp_path):
    split = GOOD.replace("@article", "@report").replace("  journaltitle = {Journal},\n", "  institution = {China Copyright and Media},\n")
    assert problems_in(tmp_path, refs=split) == [
        "refs.bib:4: entry 'smith2020title': institution 'China Copyright and Media' would be read as several "
        "names split at 'and'; wrap the whole name in a second pair of braces: "
        "institution = {{China Copyright and Media}}"
    ]
    assert problems_in(tmp_path, refs=split.replace("{China Copyright and Media}", "{{China Copyright and Media}}")) == []


def test_all_problems_of_all_files_in_one_run(tmp_path):
    found = problems_in(
        tmp_path,
        a=GOOD.replace("{secondary}", "{opinion}"),
        b="@article{broken2020entry,\n  title = {Unclosed,\n}\n",
    )
    assert [m.split(":")[0] + ":" + m.split(":")[1] for m in found] == ["a.bib:9", "b.bib:1"]


def test_no_bib_file_is_a_problem(tmp_path):
    assert problems_in(tmp_path) == [".:1: no .bib file found; add the bibliography as bibliography/*.bib"]


def test_one_source_one_key(tmp_path):
    other = GOOD.replace("smith2020title", "smith2020again").replace("https://example.org/a", "http://www.example.org/a/")
    assert problems_in(tmp_path, a=GOOD, b=other) == [
        "b.bib:6: entry 'smith2020again' has the same url as 'smith2020title' (a.bib:1); "
        "one source, one key: cite 'smith2020title' and delete this entry"
    ]


def test_each_entry_type_has_the_fields_its_reference_needs(tmp_path):
    assert problems_in(tmp_path, refs=GOOD.replace("  journaltitle = {Journal},\n", "")) == [
        "refs.bib:1: entry 'smith2020title': @article entry without journaltitle or journal; "
        "add journaltitle = {...} as published, so the reference names where it appeared"
    ]
    report = GOOD.replace("@article", "@report").replace("journaltitle = {Journal}", "institution = {{Institute}}")
    assert problems_in(tmp_path, refs=report) == []


def test_every_entry_says_where_it_was_published(tmp_path):
    assert problems_in(tmp_path, refs=GOOD.replace("  venue = {scholarly},\n", "")) == [
        "refs.bib:1: entry 'smith2020title': no venue; add venue = {press} or another of: scholarly, think-tank, press, "
        "ngo, wire-relay, law-firm, government, state-media, company, blog, reference (see CONTRIBUTING.md, How we source)"
    ]
    assert problems_in(tmp_path, refs=GOOD.replace("{scholarly}", "{newspaper}")) == [
        "refs.bib:10: entry 'smith2020title': venue 'newspaper' is not one we know; use one of: scholarly, think-tank, "
        "press, ngo, wire-relay, law-firm, government, state-media, company, blog, reference"
    ]


def test_every_entry_says_when_a_person_last_read_it(tmp_path):
    assert problems_in(tmp_path, refs=GOOD.replace("  checked = {2026-11-22},\n", "")) == [
        "refs.bib:1: entry 'smith2020title': no checked date; add checked = {YYYY-MM-DD}, the day a person last read "
        "the source and confirmed this entry"
    ]


def test_dates_must_be_days_of_the_calendar_and_not_in_the_future(tmp_path, monkeypatch):
    import datetime

    from sourcing import bibliography

    monkeypatch.setattr(bibliography, "today", lambda: datetime.date(2026, 11, 26))
    text = GOOD.replace("date = {2020-01-02}", "date = {2025-13-45}").replace(
        "urldate = {2026-11-22}", "urldate = {2026-02-30}").replace("checked = {2026-11-22}", "checked = {2026-12-01}")
    assert problems_in(tmp_path, refs=text) == [
        "refs.bib:5: entry 'smith2020title': date '2025-13-45' is not a day of the calendar; "
        "write the publication date in ISO form, as published, for example date = {2019-07-29}",
        "refs.bib:7: entry 'smith2020title': urldate '2026-02-30' is not a day of the calendar; "
        "write the day you read the page, for example urldate = {2026-11-22}",
        "refs.bib:8: entry 'smith2020title': checked '2026-12-01' is in the future; "
        "write the day the source was last read, for example checked = {2026-11-22}",
    ]
    # a publication date after today cannot be of a source someone has read (a month or a year
    # is its first day: "2026-11" on 26 November is fine)
    assert problems_in(tmp_path, refs=GOOD.replace("date = {2020-01-02}", "date = {2027}")) == [
        "refs.bib:5: entry 'smith2020title': date '2027' is in the future; "
        "write the publication date in ISO form, as published, for example date = {2019-07-29}",
    ]
    assert problems_in(tmp_path, refs=GOOD.replace("date = {2020-01-02}", "date = {2026-11}")) == []


def test_an_unknown_entry_type_is_refused(tmp_path):
    [message] = problems_in(tmp_path, refs=GOOD.replace("@article", "@foo").replace("  journaltitle = {Journal},\n", ""))
    assert message == (
        "refs.bib:1: entry 'smith2020title': @foo is not an entry type the site formats; "
        "use one of: @article, @book, @incollection, @online, @report"
    )


def test_an_address_that_is_not_a_plain_web_address_is_refused(tmp_path):
    for bad in ('https://example.org/"><script>alert(1)</script>', "javascript:alert(1)", "https://exa mple.org/",
                "https://localhost.invalid\\x", "ftp://example.org/file",
                # urlsplit would raise on these two (no traceback: a problem like the others)
                "https://[example.org/x", "https://example.org:99999999/", "https://.../x", "https://example..org/"):
        text = GOOD.replace("https://example.org/a", bad)
        [message] = problems_in(tmp_path, refs=text)
        assert message.startswith(f"refs.bib:6: entry 'smith2020title': url '{bad}' is not a well-formed web address;"), bad
    assert problems_in(tmp_path, refs=GOOD.replace("https://example.org/a", "https://example.org/a?b=1&c=2#d")) == []
    [message] = problems_in(tmp_path, refs=GOOD.replace("  checked", "  seen = {not an address},\n  checked"))
    assert message.startswith("refs.bib:8: entry 'smith2020title': seen 'not an address' is not a well-formed web address;")


def test_a_latex_link_in_any_field_is_refused(tmp_path):
    # pandoc turns \\href{...}{...} into a live link in every reference to the entry
    text = GOOD.replace("  title = {Title},", "  title = {An \\href{javascript:alert(1)}{Report}},")
    assert problems_in(tmp_path, refs=text) == [
        "refs.bib:3: entry 'smith2020title': title holds a link (\\href or \\url), which would be published as one; "
        "put the address in url = {...} (or seen, or archived), and write the field as plain text"
    ]


def test_a_link_that_is_not_a_web_address_never_reaches_a_reference():
    from publishing.citeproc import _clean

    assert _clean('An <a href="javascript:alert(1)">Report</a>, <a href="https://x.org/">x</a> <a href="#ref-a">A</a>') == (
        'An Report, <a href="https://x.org/">x</a> <a href="#ref-a">A</a>'
    )
