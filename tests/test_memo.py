"""The check's store of what it read (sourcing/memo.py): a second run answers from it, an edit is
read afresh, and a damaged store is rebuilt."""

import gc
import pickle

from conftest import write_site

from sourcing.check import check_site
from sourcing.memo import LONG, Memo
from sourcing.stores import code_version


def run(root, cache=True):
    return check_site(root / "docs", root / "bibliography", root, root / ".cache" if cache else None)


def lines(report):
    return [str(p) for p in report.problems]


def test_an_unchanged_site_is_answered_from_the_store_and_reads_the_same(tmp_path):
    write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n\n## Later\n\nMore [@doe2020example].\n"})
    fresh = run(tmp_path, cache=False)
    first = run(tmp_path)
    store = tmp_path / ".cache" / "check.pickle"
    stored = pickle.loads(store.read_bytes())["items"]
    second = run(tmp_path)
    assert pickle.loads(store.read_bytes())["items"].keys() == stored.keys()  # nothing new was read
    for report in (first, second):
        assert lines(report) == lines(fresh)
        assert report.addresses == fresh.addresses
        assert report.page_reports["index.md"].blocks == fresh.page_reports["index.md"].blocks


def test_an_edited_page_is_read_afresh(tmp_path):
    write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n"})
    assert lines(run(tmp_path)) == []
    page = tmp_path / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## New heading\n\nAnother [@nosuchkey2020].\n", encoding="utf-8")
    report = run(tmp_path)
    assert any("unknown source key 'nosuchkey2020'" in line for line in lines(report))
    assert any(address.endswith("#new-heading") for address in report.addresses)


def test_a_data_file_is_parsed_once_per_text_and_an_edit_is_read_afresh(tmp_path, monkeypatch):
    from sourcing import datafile

    write_site(tmp_path, {"index.md": "# Home\n\nA fact about credit [@doe2020example].\n"})
    glossary = tmp_path / "glossary" / "terms.yml"
    glossary.parent.mkdir()
    entry = "- term: credit\n  definition: Trust.\n  source: doe2020example\n  page: index.md\n  match: [credit]\n"
    glossary.write_text(entry, encoding="utf-8")
    parsed = []
    real = datafile.parse_yaml
    monkeypatch.setattr(datafile, "parse_yaml", lambda text, *args, **kwargs: parsed.append(text) or real(text, *args, **kwargs))
    first = run(tmp_path)
    assert [t.term for t in first.terms] == ["credit"] and parsed == [entry]
    assert [t.term for t in run(tmp_path).terms] == ["credit"] and parsed == [entry]  # from the store
    glossary.write_text(entry + entry, encoding="utf-8")
    assert "glossary/terms.yml:6: 'credit' has two entries (the first at line 1); merge them into one" in lines(run(tmp_path))
    assert len(parsed) == 2


def test_a_damaged_store_is_rebuilt(tmp_path):
    write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n"})
    store = tmp_path / ".cache" / "check.pickle"
    store.parent.mkdir()
    store.write_bytes(b"\x80\x05not a pickle")
    assert lines(run(tmp_path)) == []
    assert pickle.loads(store.read_bytes())["items"]


def test_loading_the_store_leaves_the_cycle_collector_as_it_was(tmp_path):
    write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n"})
    run(tmp_path)
    assert gc.isenabled()
    Memo(tmp_path / ".cache" / "check.pickle")
    assert gc.isenabled()


def test_long_parts_of_a_key_are_told_apart_and_kept_apart_from_their_hash(tmp_path):
    memo = Memo(None)
    long_a, long_b = "a" * (LONG + 1), "a" * LONG + "b"
    assert memo.key("page", long_a) == memo.key("page", "a" * (LONG + 1))  # equal text, equal key
    assert memo.key("page", long_a) != memo.key("page", long_b)
    assert memo.key("page", long_a) != memo.key("page", memo._digests[long_a][1:])  # a short part that reads like the hash
    assert memo.key("page", "x", long_a) != memo.key("page", long_a, "x")


HARD = "Notwithstanding considerable institutional heterogeneity, administrative authorities systematically operationalise comprehensive creditworthiness evaluations."


def test_many_pages_are_measured_for_reading_ease_apart_and_the_hard_one_is_named_all_the_same(tmp_path, monkeypatch):
    from conftest import explainer

    from sourcing import check

    easy = {f"page{n}.md": explainer(f"# Page {n}\n\nA fact [@doe2020example].\n", f"page{n}.md") for n in range(check.MEASURED_APART_FROM)}
    hard = explainer("# Hard\n\n" + (HARD + " ") * 40 + "[@doe2020example]\n", "hard.md")
    write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n", **easy, "hard.md": hard})
    pools = []

    class CountedApart(check.Apart):
        def __init__(self, function, *args):
            pools.append(function.__name__)
            super().__init__(function, *args)

    monkeypatch.setattr(check, "Apart", CountedApart)
    with monkeypatch.context() as one_by_one:
        one_by_one.setattr(check, "MEASURED_APART_FROM", 10**6)
        inline = run(tmp_path, cache=False)  # measured in this process, page by page
    assert pools == []
    apart = run(tmp_path)  # nine pages to measure: in a process of their own
    assert pools == ["measure_all"]
    stored = run(tmp_path)  # from the store: nothing to measure
    assert pools == ["measure_all"]
    flesch = [line for line in lines(inline) if "Flesch" in line]
    assert len(flesch) == 1 and flesch[0].startswith("docs/hard.md:")
    assert lines(apart) == lines(stored) == lines(inline)
    assert all(page.reading_due is None for page in apart.page_reports.values())


def test_the_code_version_changes_with_any_file_of_the_code(tmp_path):
    package = tmp_path / "package"
    package.mkdir()
    (package / "a.py").write_text("A = 1\n", encoding="utf-8")
    (package / "notes.txt").write_text("not code\n", encoding="utf-8")
    single = tmp_path / "hook.py"
    single.write_text("B = 1\n", encoding="utf-8")
    before = code_version(package, single)
    (package / "notes.txt").write_text("still not code\n", encoding="utf-8")
    assert code_version(package, single) == before
    (package / "a.py").write_text("A = 2\n", encoding="utf-8")
    assert code_version(package, single) != before
    changed = code_version(package, single)
    single.write_text("B = 2\n", encoding="utf-8")
    assert code_version(package, single) != changed
    changed = code_version(package, single)
    (package / "b.py").write_text("", encoding="utf-8")  # a new module, even empty
    assert code_version(package, single) != changed


def test_a_new_lock_of_the_libraries_reads_everything_afresh(tmp_path):
    write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n"})
    lock = tmp_path / "requirements.lock"
    lock.write_text("pyyaml==6.0.2\n", encoding="utf-8")
    run(tmp_path)
    store = tmp_path / ".cache" / "check.pickle"
    version = pickle.loads(store.read_bytes())["version"]
    run(tmp_path)
    assert pickle.loads(store.read_bytes())["version"] == version
    lock.write_text("pyyaml==6.0.3\n", encoding="utf-8")
    run(tmp_path)
    assert pickle.loads(store.read_bytes())["version"] != version
