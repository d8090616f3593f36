"""What a page step made of a page, kept from one build to the next: in memory for the next
`mkdocs serve` rebuild, and on disk for the next build.

Most builds change few pages or none: `mkdocs serve` rebuilds the whole site after every saved
edit, though one page changed, and a build after a pull changes a handful. The steps that decorate
each page's HTML (glossary terms, Chinese, links) would redo the same work on every other page. A
step kept here is a pure function of its input text (and of the settings named in its key), so a
page whose input is unchanged gets the result of the last build without running the step.

Only the results of the last build are kept (the memory of one build), under a hash of their
input rather than the input itself, and nothing more once LIMIT characters are held. On disk
(keep_in), they are one pickle file below .cache/, kept under a hash of the code that made them
(sourcing/stores.py) and the lock file: edit a step, or anything it calls, or upgrade a library,
and every result is made afresh.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path

import sourcing
from sourcing.stores import code_version, load_store, save_store

LIMIT = 64_000_000  # characters kept at most (about the pages of a 500-page site, twice)


@functools.cache
def steps_version(hook: Path, libraries: Path) -> str:
    """The version of the code that steps kept by `hook` (a hooks module, which says what each
    step does) depend on: this package, sourcing/, the hook, and the locked libraries
    (`libraries`, requirements.lock: a new Markdown renders afresh)."""
    return code_version(Path(__file__).parent, Path(sourcing.__file__).parent, hook, libraries)


class RebuildMemo:
    def __init__(self, limit: int = LIMIT):
        self.limit = limit
        self.previous: dict[tuple, str] = {}
        self.current: dict[tuple, str] = {}
        self.held = 0  # characters in self.current
        self.runs = 0  # steps actually run (for tests)
        self.store: Path | None = None  # where the last build's results are kept on disk
        self.version = ""  # of the code whose results are kept there
        self.stored: set[tuple] = set()  # the keys the store holds

    def keep_in(self, store: Path, version: str) -> None:
        """Keep the results on disk too, at `store`, made by code of `version` (see
        sourcing.stores.code_version): the results there become the last build's, once per process
        (the next rebuild in the same process has them in memory already)."""
        if (store, version) == (self.store, self.version):
            return
        self.store, self.version = store, version
        self.previous = load_store(store, version)
        self.stored = set(self.previous)

    def run(self, name: str, step: Callable[[str], str], text: str, *settings: str) -> str:
        """step(text), or what it returned in this build or the last for the same text, under the
        same step `name` and `settings` (all that the step's result depends on, besides the text)."""
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        key = (name, *settings, digest)
        found = self.current.get(key)
        if found is None:
            found = self.previous.get(key)
        if found is None:
            found = step(text)
            self.runs += 1
        if key not in self.current and self.held + len(found) <= self.limit:
            self.current[key] = found
            self.held += len(found)
        return found

    def end_build(self) -> None:
        """What this build made is what the next one may reuse; the rest is dropped. On disk, the
        store is written again only if this build's results differ from those it holds."""
        if self.store is not None and self.current.keys() != self.stored:
            try:
                save_store(self.store, self.version, self.current)  # read, never changed, from now on
                self.stored = set(self.current)
            except OSError:
                pass  # a cache that cannot be written is only a slower next build
        self.previous, self.current, self.held = self.current, {}, 0
