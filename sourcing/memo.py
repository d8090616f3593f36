"""What the check read from each file last time, kept on disk, so that `make check` and every
build re-read only the files that changed (a thousand pages and five thousand sources answer in
well under a second when one page changed).

Each result is stored under a hash of the file's text, what else it depends on (the figures),
and the source code of this package: edit the check and every result is computed afresh. The
store is one pickle file below the project's .cache/ folder, written by this program only;
delete it at any time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .stores import code_version, load_store, save_store

LONG = 256  # a key's part longer than this (a page's text) is hashed once per run, however many keys it is in


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Memo:
    def __init__(self, path: Path | None, *dependencies: Path):
        """`dependencies`: files besides this package's code that results depend on (the lock of
        the libraries that parse YAML and measure reading ease); those missing are left out."""
        self.path = path
        self.version = code_version(Path(__file__).parent, *dependencies) if path else ""
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
