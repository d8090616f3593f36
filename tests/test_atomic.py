"""Caches are replaced whole or not at all (sourcing/atomic.py)."""

import pytest

from sourcing.atomic import write_atomically


def test_a_file_is_written_in_a_new_folder_and_replaced_whole(tmp_path):
    path = tmp_path / "cache" / "store.bin"
    write_atomically(path, lambda out: out.write(b"first"))
    write_atomically(path, lambda out: out.write(b"second"))
    assert path.read_bytes() == b"second"
    assert [p.name for p in path.parent.iterdir()] == ["store.bin"]


def test_a_write_that_fails_leaves_the_old_file_and_no_half_written_one(tmp_path):
    path = tmp_path / "store.bin"
    path.write_bytes(b"old")

    def fail(out):
        out.write(b"half")
        raise ValueError("stopped")

    with pytest.raises(ValueError, match="stopped"):
        write_atomically(path, fail)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["store.bin"]
