"""The YAML data files contributors write (figures, glossary, corrections), read so that every
problem can name its line.

Mappings come back as `Record`s: dicts that also know the line of each of their keys; sequences
as `Items`, lists that know the line of each item. Dates stay
text (YAML would turn `2025-13-45` into an error and `2025-02-03` into a date object), so each
file checks its own dates and says where a bad one stands. A key given twice, which YAML would
silently keep the last of, is a problem too.
"""

from __future__ import annotations

import codecs
import datetime
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import yaml

from .problems import Problem

ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# The check's store (sourcing/memo.py) while it runs: a data file's parse is kept there under its
# text, since reading YAML with the line of every key takes longer than all the rest of a warm check
_store: ContextVar = ContextVar("data_file_store", default=None)


class Record(dict):
    """A YAML mapping with the line of the mapping (`line`) and of each key (`lines`)."""

    line: int = 1
    lines: dict

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class Items(list):
    """A YAML sequence with the line of the sequence (`line`) and of each item (`lines`)."""

    line: int = 1
    lines: list

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when PyYAML has it
    """SafeLoader that records lines, keeps dates as text and collects duplicate keys."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []  # (key, first line, repeated line)


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Record:
    record = Record()
    record.line = node.start_mark.line + 1
    record.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if isinstance(key, (list, dict)):
            key = str(key)
        if key in record.lines:
            loader.duplicates.append((str(key), record.lines[key], line))
        record.lines[key] = line
        record[key] = loader.construct_object(value_node, deep=True)
    return record


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> Items:
    items = Items(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.lines = [child.start_mark.line + 1 for child in node.value]
    return items


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def decode(data: bytes, shown: str) -> tuple[str | None, Problem | None]:
    """`data` as UTF-8 text, as MkDocs reads a file (encoding "utf-8-sig": a byte-order mark at the
    start is dropped), or a problem at the line and column (in characters) of the first byte that
    is not UTF-8."""
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as error:
        before = body[: error.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, Problem(
            shown,
            line,
            f"byte 0x{body[error.start]:02x} at column {column} is not UTF-8",
            "save the file as UTF-8 (retype the character there)",
        )


def read_text(path: Path, shown: str) -> tuple[str | None, Problem | None]:
    """A text file read exactly as MkDocs reads a page (`open(path, encoding="utf-8-sig")`: no
    byte-order mark, and every line ending, \\r\\n or \\r, read as \\n), or the problem that stops it."""
    text, problem = decode(path.read_bytes(), shown)
    if text is not None and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problem


def read_text_past_bad_bytes(path: Path, shown: str) -> tuple[str, Problem | None]:
    """As read_text, but a byte that is not UTF-8 reads as U+FFFD, so that the rest of the file
    can still be checked: the problem names the first such byte."""
    text, problem = read_text(path, shown)
    if problem is None:
        return text, None
    body = path.read_bytes().removeprefix(codecs.BOM_UTF8).decode("utf-8", "replace")
    return body.replace("\r\n", "\n").replace("\r", "\n"), problem


@contextmanager
def parses_kept_in(memo) -> Iterator[None]:
    """Within it, each data file read is parsed once per text and kept in `memo` (sourcing/memo.py).
    What is parsed is never changed by its readers: the same objects may be handed out again."""
    token = _store.set(memo)
    try:
        yield
    finally:
        _store.reset(token)


def load_yaml(path: Path, shown: str) -> tuple[object, list[Problem]]:
    """The YAML document in `path` (None when it cannot be read) and the problems found."""
    text, problem = decode(path.read_bytes(), shown)
    if problem:
        return None, [problem]
    memo = _store.get()
    if memo is None:
        return parse_yaml(text, shown)
    key = memo.key("data file", shown, text)
    found = memo.get(key)
    if found is None:
        found = parse_yaml(text, shown)
        memo.put(key, found)
    return found


def load_data_file(path: Path, shown: str, shape: type, wrong_shape: tuple[str, str]) -> tuple[object | None, list[Problem]]:
    """A data file of the site (figures, charts, glossary, corrections, the map): None and no
    problem when it is missing; None and the problems when it cannot be read or is not a `shape`
    (Record: a mapping, Items: a list), the latter named by `wrong_shape` (what is wrong, how to fix it)."""
    if not path.is_file():
        return None, []
    data, problems = load_yaml(path, shown)
    if data is None:
        return None, problems
    if not isinstance(data, shape):
        return None, problems + [Problem(shown, 1, *wrong_shape)]
    return data, problems


def yaml_error_line(error: yaml.YAMLError) -> int | None:
    """The 0-based line a YAML error is about: where an unclosed quote or bracket began, since that
    is where the fix goes, and otherwise where YAML gave up (a tab, a bad indent)."""
    context, problem = getattr(error, "context_mark", None), getattr(error, "problem_mark", None)
    opened = str(getattr(error, "context", "") or "")
    if context is not None and ("quoted scalar" in opened or "flow" in opened):
        return context.line
    mark = problem or context
    return mark.line if mark is not None else None


def parse_yaml(text: str, shown: str, first_line: int = 1, loader: type[_Loader] = _Loader) -> tuple[object, list[Problem]]:
    loader = loader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as error:
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        line = first_line + (yaml_error_line(error) or 0)
        return None, [Problem(shown, line, f"not valid YAML ({reason})", "fix the indentation or quoting on this line")]
    finally:
        loader.dispose()
    problems = [
        Problem(
            shown,
            first_line - 1 + repeated,
            f"'{key}' is given twice (first on line {first_line - 1 + first}); YAML would keep only the last",
            "remove one of them",
        )
        for key, first, repeated in loader.duplicates
    ]
    return data, problems


def parse_date(value: object) -> tuple[datetime.date | None, str | None]:
    """A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value as the first day it can mean, or why it is not one."""
    text = str(value).strip() if value is not None else ""
    match = ISO_DATE.fullmatch(text)
    if not match:
        return None, f"'{text}' is not a date in the form YYYY-MM-DD (or YYYY-MM, or YYYY)"
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return datetime.date(year, month, day), None
    except ValueError:
        return None, f"'{text}' is not a day of the calendar"


def kind_of(value: object) -> str:
    """What YAML made of a value that should have been text, in a writer's words."""
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping ('key: value')"
    if value is None:
        return "empty"
    return "text"
