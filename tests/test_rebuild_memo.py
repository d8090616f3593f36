"""Page steps kept from one build to the next (publishing/rebuild_memo.py), as `mkdocs serve`
rebuilds the site in one process after each saved edit."""

import json
import subprocess
import sys

from conftest import PROJECT, explainer, write_site

from publishing.rebuild_memo import RebuildMemo


def upper(text):
    return text.upper()


def test_a_step_runs_once_for_the_same_text_in_this_build_and_the_next():
    memo = RebuildMemo()
    assert memo.run("upper", upper, "page") == "PAGE"
    assert memo.run("upper", upper, "page") == "PAGE"
    memo.end_build()
    assert memo.run("upper", upper, "page") == "PAGE"
    assert memo.runs == 1
    assert memo.run("upper", upper, "other page") == "OTHER PAGE"
    assert memo.runs == 2


def test_the_step_name_and_its_settings_are_part_of_the_key():
    memo = RebuildMemo()
    memo.run("upper", upper, "page", "setting 1")
    assert memo.run("upper", lambda t: "changed", "page", "setting 2") == "changed"
    assert memo.run("lower", str.lower, "page", "setting 1") == "page"
    assert memo.runs == 3


def test_only_the_last_build_is_kept():
    memo = RebuildMemo()
    memo.run("upper", upper, "page")
    memo.end_build()
    memo.end_build()  # a build that did not show this page
    memo.run("upper", upper, "page")
    assert memo.runs == 2


def test_nothing_is_kept_past_the_limit():
    memo = RebuildMemo(limit=10)
    memo.run("upper", upper, "a" * 11)
    memo.run("upper", upper, "a" * 11)
    assert memo.runs == 2
    memo.run("upper", upper, "short")
    memo.run("upper", upper, "short")
    assert memo.runs == 3


def kept(store, version="code 1"):
    """A memo keeping its results at `store`, as a new process's first build finds it."""
    memo = RebuildMemo()
    memo.keep_in(store, version)
    return memo


def one_build(store, text="page"):
    memo = kept(store)
    memo.run("upper", upper, text)
    memo.end_build()
    return memo


def test_kept_on_disk_the_next_process_runs_nothing_for_the_same_text(tmp_path):
    store = tmp_path / ".cache" / "page-steps.pickle"
    one_build(store)
    assert store.is_file()
    again = kept(store)
    assert again.run("upper", lambda text: "not run", "page") == "PAGE"
    assert again.runs == 0


def test_results_of_other_code_are_not_used(tmp_path):
    store = tmp_path / "page-steps.pickle"
    one_build(store)
    edited = kept(store, "code 2")  # a step, or what it calls, was edited
    assert edited.run("upper", str.lower, "page") == "page"
    assert edited.runs == 1


def test_a_damaged_store_is_made_again(tmp_path):
    store = tmp_path / "page-steps.pickle"
    store.write_bytes(b"not a pickle")
    assert one_build(store).runs == 1
    again = kept(store)
    again.run("upper", upper, "page")
    assert again.runs == 0


def test_the_store_is_written_only_when_the_results_changed(tmp_path):
    store = tmp_path / "page-steps.pickle"
    one_build(store)
    store.write_bytes(store.read_bytes())  # the same results, in a file of a later time
    written = store.stat().st_mtime_ns
    again = kept(store)
    again.run("upper", upper, "page")
    again.end_build()
    assert store.stat().st_mtime_ns == written  # an unchanged build writes nothing
    again.run("upper", upper, "other page")
    again.end_build()
    third = kept(store)
    third.run("upper", upper, "other page")
    assert third.run("upper", upper, "page") == "PAGE"
    assert third.runs == 1  # only the last build's results are kept: "page" was not in it


def test_a_store_written_later_holds_what_the_build_made_though_the_next_build_reuses_it(tmp_path):
    from sourcing.stores import write_pending_stores, write_stores_later

    store = tmp_path / "page-steps.pickle"
    write_stores_later(60)  # as in `mkdocs serve`
    try:
        memo = one_build(store)
        memo.run("upper", upper, "page")  # the next rebuild, before the store is written
        write_pending_stores()
    finally:
        write_stores_later(None)
    again = kept(store)
    again.run("upper", upper, "page")
    assert again.runs == 0


SERVE_LIKE = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

def rebuild():
    config = load_config(str(Path(sys.argv[1]) / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    steps = next(hook for name, hook in config.hooks.items() if name.endswith("page_pipeline.py"))._steps
    runs, steps.runs = steps.runs, 0
    site = Path(config.site_dir)
    return runs, {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}

first = rebuild()
second = rebuild()
page = Path(sys.argv[1]) / "docs" / "other.md"
page.write_text(page.read_text(encoding="utf-8") + "\\nA saved edit about credit.\\n", encoding="utf-8")
third = rebuild()
print(json.dumps([first, second, third]))
"""


def test_a_rebuild_in_the_same_process_reuses_what_did_not_change_and_builds_the_same_site(tmp_path):
    pages = {
        "index.md": "# Home\n\nA fact about credit [@doe2020example].\n",
        "other.md": explainer("# Other\n\nAnother fact about credit [@doe2020example].\n", "other.md"),
    }
    write_site(tmp_path, pages)
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "terms.yml").write_text(
        "- term: credit\n  definition: Trust that a debt will be paid.\n  source: doe2020example\n  page: index.md\n  match: [credit]\n",
        encoding="utf-8",
    )
    original = (tmp_path / "docs" / "other.md").read_text(encoding="utf-8")

    def serve_like():
        done = subprocess.run(
            [sys.executable, "-c", SERVE_LIKE, str(tmp_path)], capture_output=True, text=True, timeout=300,
            cwd=tmp_path, env={"PYTHONPATH": str(PROJECT), "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.splitlines()[-1])

    (first_runs, first), (second_runs, second), (third_runs, third) = serve_like()
    assert first_runs == 4 * 2  # four steps (the render of its Markdown too), two pages
    assert second_runs == 0 and second == first
    assert 0 < third_runs < first_runs  # only what the edit changed ran again
    assert third["index.html"] == first["index.html"]
    assert "A saved edit about credit." in third["other/index.html"]
    assert '<abbr title="Trust that a debt will be paid."' in third["other/index.html"]

    # A new process (the next `mkdocs build`) finds the last build's results in .cache/
    (tmp_path / "docs" / "other.md").write_text(original, encoding="utf-8")
    (next_runs, next_site), *_ = serve_like()
    assert next_runs == 4  # only the page edited back ran again
    assert next_site == first
