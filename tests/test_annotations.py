"""`make check` on GitHub Actions: each problem as a workflow annotation on its file and line."""

import os
import subprocess

from conftest import FIXTURES, PROJECT, write_site

from sourcing.__main__ import annotation, escape_data, escape_property
from sourcing.problems import Problem

HOME = "# Home\n\nA fact [@doe2020example].\n"


def make_check(root, **env):
    result = subprocess.run(
        ["make", "--no-print-directory", "-s", "-C", str(PROJECT), "check", f"CHECK_ARGS=--root {root}"],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, **env),
    )
    return result.returncode, result.stdout, result.stderr


def test_make_check_prints_github_annotations_for_a_broken_page(tmp_path):
    # the broken page stands as the home page, which meets no floor: only its two deliberate problems show
    broken = (FIXTURES / "broken-page.md").read_text(encoding="utf-8")
    write_site(tmp_path, {"index.md": broken})
    code, out, err = make_check(tmp_path, GITHUB_ACTIONS="true")
    assert code != 0
    assert [line for line in out.splitlines() if line.startswith("::")] == [
        "::error file=docs/index.md,line=8::unknown source key 'nobody2020missing'; "
        "add an entry 'nobody2020missing' to bibliography/*.bib, or correct the key",
        "::error file=docs/index.md,line=10::page cites no secondary source, only: council2014outline (primary, "
        "government); cite a secondary source (scholarship, think-tank or NGO research, or quality journalism) with "
        "[@key] after the sentence it supports; primary sources, exhibits, relays, blogs and law-firm notes alone are "
        "not enough",
    ]
    assert "2 problems" in err


def test_outside_github_the_same_problems_read_as_path_line_messages(tmp_path):
    write_site(tmp_path, {"index.md": HOME, "broken.md": (FIXTURES / "broken-page.md").read_text(encoding="utf-8")})
    code, out, _ = make_check(tmp_path, GITHUB_ACTIONS="")
    assert code != 0
    assert "::" not in out
    assert "docs/broken.md:8: unknown source key 'nobody2020missing'; add an entry" in out


def test_a_clean_site_prints_no_annotation(tmp_path):
    write_site(tmp_path, {"index.md": HOME})
    code, out, _ = make_check(tmp_path, GITHUB_ACTIONS="true")
    assert code == 0
    assert "::error" not in out


def test_annotation_text_is_escaped_as_github_requires():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("docs/a,b:c%.md") == "docs/a%2Cb%3Ac%25.md"
    problem = Problem("docs/odd, name: x.md", 3, "50% of it\nis wrong: here", "fix it, then: rerun")
    assert annotation(problem) == "::error file=docs/odd%2C name%3A x.md,line=3::50%25 of it%0Ais wrong: here; fix it, then: rerun"
    assert annotation(problem, "notice").startswith("::notice file=")
