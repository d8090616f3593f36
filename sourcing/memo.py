"""What the check read from each file last time, kept on disk, so that `make check` and every
build re-read only the files that changed (a thousand pages and five thousand sources answer in
well under a second when one page changed).

Each result is stored under a hash of the file's text, what else it depends on (the figures),
and the source code of this package: edit the check and every result is computed afresh. The
store is one pickle file below the project's .cache/ folder, written by this program only;
delete it at any time.
"""

from __future__ import annotations

import gc
import hashlib
import pickle
import sys
from contextlib import contextmanager
from pathlib import Path

from .atomic import write_atomically

FORMAT = 1
LONG = 256  # a key's part longer than this (a page's text) is hashed once per run, however many keys it is in


def code_version(*sources: Path) -> str:
    """A hash of the source code in `sources` (files, or folders whose *.py files count) and of the
    Python running it: a result stored under it is computed afresh once any of that code changes."""
    digest = hashlib.sha256(sys.version.encode())
    for source in sources:
        for path in sorted(source.glob("*.py")) if source.is_dir() else [source]:
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


def load_store(path: Path, version: str) -> dict:
    """The items kept at `path` under `version`; none if the file is missing, damaged, or was
    written by other code (a store is a cache: what cannot be read is computed again)."""
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as stored, no_cyclic_gc():
            data = pickle.load(stored)
        if data.get("format") == FORMAT and data.get("version") == version:
            return data["items"]
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, TypeError, ImportError):
        pass
    return {}


def save_store(path: Path, version: str, items: dict) -> None:
    """Keep `items` at `path` under `version` (replacing the file whole, or not at all)."""
    data = {"format": FORMAT, "version": version, "items": items}
    with no_cyclic_gc():
        write_atomically(path, lambda out: pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Memo:
    def __init__(self, path: Path | None):
        self.path = path
        self.version = code_version(Path(__file__).parent) if path else ""
        self.old: dict = load_store(path, self.version) if path else {}  # a damaged store is rebuilt
        self.new: dict = {}
        self._digests: dict[str, str] = {}  # long part -> its hash (a str keeps its own hash: the lookup is cheap)

    @property
    def folder(self) -> Path | None:
        """The folder the store is kept in (None for a store kept nowhere)."""
        return self.path.parent if self.path else None

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256()
        for part in parts:
            if len(part) > LONG:
                part = self._digests.get(part) or self._digests.setdefault(part, "\1" + _sha256(part))
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, key: str):
        if key in self.new:
            return self.new[key]
        if key in self.old:
            self.new[key] = self.old[key]
            return self.new[key]
        return None

    def put(self, key: str, value) -> None:
        self.new[key] = value

    def save(self) -> None:
        """Keep what this run used, and nothing else."""
        if not self.path or self.new.keys() == self.old.keys():
            return
        save_store(self.path, self.version, self.new)
