"""Caches kept on disk between runs, each one pickle file below .cache/ holding a dict of items
under the version of the code that made them (code_version): the check's store (sourcing/memo.py)
and the page steps' results (publishing/rebuild_memo.py).

A store is read from its file once per process: a process that builds again and again (`mkdocs
serve`) keeps what it last read or wrote, and reads the file again only if another process
(`make check` in a terminal) has replaced it since. Such a process may also write its stores a
moment after the build (write_stores_later), so that a rebuild shows without waiting for them.
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import os
import pickle
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from .atomic import write_atomically

FORMAT = 1


def code_version(*sources: Path) -> str:
    """A hash of the source code in `sources` (files, or folders whose *.py files count; a file
    that does not exist counts as absent) and of the Python running it: a result stored under it
    is computed afresh once any of that code changes."""
    digest = hashlib.sha256(sys.version.encode())
    for source in sources:
        for path in sorted(source.glob("*.py")) if source.is_dir() else [source] if source.is_file() else []:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@contextmanager
def no_cyclic_gc():
    """Python's cycle collector paused: loading a store makes so many objects, none of them in a
    cycle, that the collector would run dozens of times for nothing (it halves the load time);
    writing it, inside a build, would set off a collection of the whole build's objects."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# What this process last read from or wrote to each store: path -> (the file's stamp when read or
# written, None while a write is pending; version; items). Items handed out are never changed.
_held: dict[Path, tuple[tuple | None, str, dict]] = {}
_pending: set[Path] = set()  # stores to be written when the timer fires
_lock = threading.Lock()
_writing = threading.Lock()  # held while pending stores are written (the exit waits for a write under way)
_delay: float | None = None  # seconds between a save and its write; None: written at once
_timer: threading.Timer | None = None


def load_store(path: Path, version: str) -> dict:
    """The items kept at `path` under `version`; none if the file is missing, damaged, or was
    written by other code (a store is a cache: what cannot be read is computed again)."""
    with _lock:
        held = _held.get(path)
        if held is not None and held[1] == version and (held[0] is None or held[0] == _stamp(path)):
            return held[2]
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as stored, no_cyclic_gc():
            stamp = _stamp(path)
            data = pickle.load(stored)
        if data.get("format") == FORMAT and data.get("version") == version:
            with _lock:
                _held[path] = (stamp, version, data["items"])
            return data["items"]
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, TypeError, ImportError):
        pass
    return {}


def save_store(path: Path, version: str, items: dict) -> None:
    """Keep `items` at `path` under `version` (replacing the file whole, or not at all): at once,
    or after write_stores_later's delay. `items` must not change afterwards. OSError if the
    folder cannot be written (at once only: a later write that fails leaves the file as it was)."""
    global _timer
    with _lock:
        _held[path] = (None, version, items)
        if _delay is not None:
            _pending.add(path)
            if _timer is not None:
                _timer.cancel()
            _timer = threading.Timer(_delay, write_pending_stores)
            _timer.daemon = True  # the process does not wait for it to exit: it writes what is pending then
            _timer.start()
            return
    _write(path, version, items)


def write_stores_later(delay: float | None) -> None:
    """From now on, stores are written `delay` seconds after the last save, in a thread of their
    own, rather than in the middle of a build (for a process that builds again and again);
    None: at once, as before. Whatever is pending is written before the process exits."""
    global _delay
    with _lock:
        _delay = delay


def write_pending_stores() -> None:
    """Write every store saved and not yet written (a write that fails leaves the file as it was)."""
    with _writing:
        with _lock:
            pending = [(path, _held[path][1], _held[path][2]) for path in _pending]
            _pending.clear()
        for path, version, items in pending:
            try:
                _write(path, version, items)
            except OSError:
                continue


atexit.register(write_pending_stores)


def _write(path: Path, version: str, items: dict) -> None:
    data = {"format": FORMAT, "version": version, "items": items}
    with no_cyclic_gc():
        write_atomically(path, lambda out: pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL))
    with _lock:
        held = _held.get(path)
        if held is not None and held[2] is items and path not in _pending:
            _held[path] = (_stamp(path), version, items)


def _stamp(path: Path) -> tuple | None:
    """What tells one version of a file from the next without reading it."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


