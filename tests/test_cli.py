"""`make check` (python -m sourcing): exit status and the exact lines the writer reads."""

import subprocess
import sys

from conftest import explainer, reviewed, write_site


def run_check(root, notes=False):
    """Exit status, printed lines (without the notes on uncited sources unless asked) and summary."""
    result = subprocess.run(
        [sys.executable, "-m", "sourcing", "--root", str(root)], capture_output=True, text=True, timeout=60
    )
    lines = [line for line in result.stdout.splitlines(keepends=True) if notes or not line.startswith("note:")]
    return result.returncode, "".join(lines), result.stderr


def test_a_sound_site_passes(tmp_path):
    write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n"})
    assert run_check(tmp_path) == (
        0,
        "",
        "1 pages, 4 sources, 0 exempt pages: every factual page cites a secondary source\n",
    )


def test_problems_are_printed_one_per_line_and_the_exit_status_fails(tmp_path):
    write_site(
        tmp_path,
        {
            "index.md": "# Home\n\nA fact [@doe2020example].\n",
            "new.md": "# New\n\nA fact with no source.\n",
            "about.md": "---\nexempt_from_sourcing: About the editors.\n---\n# About\n",
        },
    )
    code, out, err = run_check(tmp_path)
    assert code == 1
    assert out.splitlines() == [
        "exempt from the sourcing rule: docs/about.md (About the editors.)",
        "docs/new.md:1: explainer page has 6 words, fewer than 700; explain the subject more fully: an explainer page has "
        "at least 700 words of prose (code, HTML and citations do not count; see CONTRIBUTING.md)",
        "docs/new.md:1: explainer page without a description; add description: <one sentence that says what the page "
        "explains> to its front matter (search engines and link previews show it)",
        "docs/new.md:4: explainer page without a '## In one minute' section; add '## In one minute' after the title: "
        "a few short points that sum up the page",
        "docs/new.md:4: explainer page without a '## Where to go next' section; end the page with '## Where to go next' "
        "and links to the pages to read next",
        "docs/new.md:6: factual page cites no source; cite a secondary source (scholarship, think-tank or NGO research, "
        "or quality journalism) with [@key] after the sentence it supports, or, if the page states no facts, "
        "add 'exempt_from_sourcing: <reason>' to its front matter",
    ]
    assert err == "3 pages, 4 sources, 1 exempt pages: 5 problems\n"


def test_adding_a_secondary_citation_makes_the_page_pass(tmp_path):
    write_site(tmp_path, {"index.md": "# Home\n\nA fact [@council2014outline].\n"})
    assert run_check(tmp_path)[0] == 1
    (tmp_path / "docs" / "index.md").write_text(reviewed("# Home\n\nA fact [@council2014outline; @doe2020example].\n"))
    assert run_check(tmp_path)[0] == 0


def test_sources_no_page_cites_are_noted_without_failing(tmp_path):
    write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n"})
    code, out, _ = run_check(tmp_path, notes=True)
    assert code == 0
    assert "note: source 'council2014outline' is cited by no page or glossary entry" in out.splitlines()


def test_a_page_saved_with_a_byte_order_mark_keeps_its_front_matter(tmp_path):
    # MkDocs opens pages with encoding "utf-8-sig": the mark is not part of the text
    write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n"})
    about = "---\r\nexempt_from_sourcing: About the editors.\r\n---\r\n# About\r\n"
    (tmp_path / "docs" / "about.md").write_bytes(b"\xef\xbb\xbf" + about.encode("utf-8"))
    code, out, _ = run_check(tmp_path)
    assert (code, out) == (0, "exempt from the sourcing rule: docs/about.md (About the editors.)\n")


def test_a_byte_that_is_not_utf8_is_named_at_its_line_and_column_and_the_rest_is_checked(tmp_path):
    write_site(tmp_path, {"index.md": "# Home\n\nNo source.\n"})
    page = "---\nreviewed: 2026-11-22\n---\n# Bad\n\nCafé, naïve \xe9t\xe9 [@nosuch2020key].\n"
    (tmp_path / "docs" / "bad.md").write_bytes(explainer(page, "bad.md").encode().replace(b"\xc3\xa9t", b"\xe9t"))
    code, out, _ = run_check(tmp_path)
    assert code == 1
    assert out.splitlines() == [
        "docs/bad.md:7: byte 0xe9 at column 13 is not UTF-8; save the file as UTF-8 (retype the character there)",
        # and the rest of the page is still checked
        "docs/bad.md:7: unknown source key 'nosuch2020key'; add an entry 'nosuch2020key' to bibliography/*.bib, or correct the key",
        "docs/index.md:6: factual page cites no source; cite a secondary source (scholarship, think-tank or NGO research, "
        "or quality journalism) with [@key] after the sentence it supports, or, if the page states no facts, "
        "add 'exempt_from_sourcing: <reason>' to its front matter",
    ]


def test_a_page_linked_from_outside_the_project_is_refused(tmp_path):
    # MkDocs follows links: it would publish whatever they point at
    root = write_site(tmp_path / "project", {"index.md": "# Home\n\nA fact [@doe2020example].\n"})
    elsewhere = (tmp_path / "elsewhere").resolve()
    (elsewhere / "folder").mkdir(parents=True)
    (elsewhere / "x.md").write_text(reviewed("# X\n\nA fact [@doe2020example].\n"))
    (elsewhere / "folder" / "y.md").write_text(reviewed("# Y\n\nA fact [@doe2020example].\n"))
    (elsewhere / "secret.txt").write_text("not for publishing\n")
    docs = root / "docs"
    (docs / "x.md").symlink_to(elsewhere / "x.md")
    (docs / "ext").symlink_to(elsewhere / "folder")
    (docs / "secret.txt").symlink_to(elsewhere / "secret.txt")
    (docs / "gone.md").symlink_to(elsewhere / "gone.md")
    (docs / "loop").mkdir()
    (docs / "loop" / "again").symlink_to(docs / "loop")
    (root / "shared.md").write_text(reviewed(explainer("# Shared\n\nA fact [@doe2020example].\n", "shared.md")))
    (docs / "shared.md").symlink_to(root / "shared.md")  # inside the project: published and checked
    (docs / ".drafts").mkdir()
    (docs / ".drafts" / "draft.md").write_text("# Draft\n\nNo source.\n")  # MkDocs leaves it out
    code, out, err = run_check(root)
    assert code == 1
    assert out.splitlines() == [
        f"docs/ext/y.md:1: is a link to a file outside the project ({elsewhere}/folder/y.md, through the linked folder "
        "docs/ext); copy the page into docs/ instead",
        f"docs/gone.md:1: is a link to a file that does not exist ({elsewhere}/gone.md); remove the link, or copy the "
        "page into docs/",
        f"docs/loop/again:1: is a link to a folder that contains it ({root.resolve()}/docs/loop); remove the link",
        f"docs/secret.txt:1: is a link to a file outside the project ({elsewhere}/secret.txt); copy the file into docs/ instead",
        f"docs/x.md:1: is a link to a file outside the project ({elsewhere}/x.md); copy the page into docs/ instead",
    ]
    assert err.startswith("2 pages,")  # index.md and shared.md


def test_a_linked_page_stops_the_build(tmp_path):
    from conftest import mkdocs_build

    root = write_site(tmp_path / "project", {"index.md": "# Home\n\nA fact [@doe2020example].\n"})
    (tmp_path / "x.md").write_text(reviewed("# X\n\nA fact [@doe2020example].\n"))
    (root / "docs" / "x.md").symlink_to(tmp_path / "x.md")
    build = mkdocs_build(root, "--strict")
    assert build.returncode != 0
    assert f"docs/x.md:1: is a link to a file outside the project ({(tmp_path / 'x.md').resolve()});" in build.output
    assert not (root / "site" / "x").exists()
