"""Stores kept on disk (sourcing/stores.py): read once per process unless another process
replaced the file, and, in a process that builds again and again, written after a delay."""

import pickle
import subprocess
import sys

import pytest
from conftest import PROJECT

from sourcing import stores
from sourcing.stores import load_store, save_store, write_pending_stores, write_stores_later


@pytest.fixture
def count_loads(monkeypatch):
    loads = []
    real = pickle.load
    monkeypatch.setattr(stores.pickle, "load", lambda *args, **kwargs: loads.append(1) or real(*args, **kwargs))
    return loads


def test_a_store_is_read_from_its_file_once_until_another_process_replaces_it(tmp_path, count_loads):
    store = tmp_path / "store.pickle"
    save_store(store, "v1", {"a": 1})
    assert load_store(store, "v1") == {"a": 1} and load_store(store, "v1") == {"a": 1}
    assert count_loads == []  # this process wrote it: nothing to read
    other = {"format": stores.FORMAT, "version": "v1", "items": {"a": 2}}
    store.with_suffix(".tmp").write_bytes(pickle.dumps(other))
    store.with_suffix(".tmp").replace(store)  # as another process writes it
    assert load_store(store, "v1") == {"a": 2} and load_store(store, "v1") == {"a": 2}
    assert len(count_loads) == 1
    assert load_store(store, "v2") == {}  # other code's items are not used


def test_written_later_a_store_reads_the_same_at_once_and_is_on_disk_after_the_delay(tmp_path):
    store = tmp_path / "store.pickle"
    write_stores_later(60)
    try:
        save_store(store, "v1", {"a": 1})
        assert not store.exists()  # not while a rebuild is waited for
        assert load_store(store, "v1") == {"a": 1}  # the next rebuild has it all the same
        save_store(store, "v1", {"a": 2})
        write_pending_stores()  # what the timer does
        assert pickle.loads(store.read_bytes())["items"] == {"a": 2}
    finally:
        write_stores_later(None)
        write_pending_stores()


def test_what_is_pending_is_written_before_the_process_exits(tmp_path):
    store = tmp_path / "store.pickle"
    script = (
        "import sys\nfrom pathlib import Path\nfrom sourcing.stores import save_store, write_stores_later\n"
        "write_stores_later(3600)\nsave_store(Path(sys.argv[1]), 'v1', {'a': 1})\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(store)], cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert pickle.loads(store.read_bytes())["items"] == {"a": 1}
