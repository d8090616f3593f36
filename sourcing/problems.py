"""One problem found in a source file, phrased for the person who has to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """`path:line: what is wrong; how to fix it`, like a compiler message."""

    path: str
    line: int
    what: str
    fix: str
    # the key of the bibliography entry the problem makes unreadable, if any
    key: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}; {self.fix}"


def display_path(path: Path, root: Path) -> str:
    """`path` as the writer knows it: relative to the project folder when it is inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
