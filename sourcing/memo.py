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
from contextlib import contextmanager
from pathlib import Path

from .atomic import write_atomically

FORMAT = 1
LONG = 256  # a key's part longer than this (a page's text) is hashed once per run, however many keys it is in


def _code_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


@contextmanager
def _no_cyclic_gc():
    """Python's cycle collector paused: loading the store makes so many objects, none of them in a
    cycle, that the collector would run dozens of times for nothing (it halves the load time);
    writing it, inside a build, would set off a collection of the whole build's objects."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Memo:
    def __init__(self, path: Path | None):
        self.path = path
        self.version = _code_version() if path else ""
        self.old: dict = {}
        self.new: dict = {}
        self._digests: dict[str, str] = {}  # long part -> its hash (a str keeps its own hash: the lookup is cheap)
        if path and path.is_file():
            try:
                with path.open("rb") as stored, _no_cyclic_gc():
                    data = pickle.load(stored)
                if data.get("format") == FORMAT and data.get("version") == self.version:
                    self.old = data["items"]
            except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, TypeError):
                self.old = {}  # a damaged store is rebuilt

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
        data = {"format": FORMAT, "version": self.version, "items": self.new}
        with _no_cyclic_gc():
            write_atomically(self.path, lambda out: pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL))
