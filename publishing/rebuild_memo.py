"""What a page step made of a page, kept from one build to the next in the same process.

`mkdocs serve` rebuilds the whole site after every saved edit, though one page changed: the steps
that decorate each page's HTML (glossary terms, Chinese, links) would redo the same work on every
other page. A step kept here is a pure function of its input text (and of the settings named in
its key), so a page whose input is unchanged gets the result of the last build without running
the step. A one-off `mkdocs build` gains nothing and loses nothing: each step runs once.

Only the results of the last build are kept (the memory of one build), under a hash of their
input rather than the input itself, and nothing more once LIMIT characters are held.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

LIMIT = 64_000_000  # characters kept at most (about the pages of a 500-page site, twice)


class RebuildMemo:
    def __init__(self, limit: int = LIMIT):
        self.limit = limit
        self.previous: dict[tuple, str] = {}
        self.current: dict[tuple, str] = {}
        self.held = 0  # characters in self.current
        self.runs = 0  # steps actually run (for tests)

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
        """What this build made is what the next one may reuse; the rest is dropped."""
        self.previous, self.current, self.held = self.current, {}, 0
