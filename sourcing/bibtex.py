"""A small BibTeX reader that remembers where every entry and field stands.

mkdocs-bibtex parses the bibliography with pybtex, which stops at the first syntax error
with a traceback and forgets line numbers. This reader accepts the plain subset we use
(`@type{key, field = {value}, field = "value", field = 123}`), reports every syntax error
with its line, and recovers at the next entry so one run shows all of them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from .datafile import read_text_past_bad_bytes
from .problems import Problem

SKIPPED_TYPES = {"comment", "preamble"}
ENTRY_START = re.compile(r"@[ \t]*([A-Za-z]+)[ \t]*")
NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
KEY = re.compile(r"[^\s,{}()\"#%'=~\\]+")
NUMBER = re.compile(r"[0-9]+")
FIELD_LINE = re.compile(r"[ \t]*[A-Za-z][A-Za-z0-9_-]*[ \t]*=[ \t]*[{\"0-9]")
ENTRY_LINE = re.compile(r"[ \t]*@[A-Za-z]+[ \t]*\{")
SPACE = re.compile(r"\s*")
STARTS_FIELD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\s*=")
_BRACED = r"(?:[^{}\\]|\\.|\{(?:[^{}\\]|\\.|\{(?:[^{}\\]|\\.|\{(?:[^{}\\]|\\.)*\})*\})*\})*"  # braces 3 deep
_FIELD = rf'\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(?:\{{({_BRACED})\}}|"((?:[^"{{}}\\]|\\.|\{{{_BRACED}\}})*)"|([0-9]+))\s*'
PLAIN_FIELD = re.compile(_FIELD)
PLAIN_ENTRY = re.compile(rf"@[ \t]*([A-Za-z]+)[ \t]*\{{\s*([^\s,{{}}()\"#%'=~\\]+)\s*,((?:{_FIELD},)*(?:{_FIELD})?)\s*\}}")
VALUE_SPECIAL_BRACE = re.compile(r"[\\{}\n]")
VALUE_SPECIAL_QUOTE = re.compile(r'[\\{}\n"]')


@dataclass(slots=True)
class Field:
    value: str
    line: int


@dataclass(slots=True)
class Entry:
    key: str
    type: str
    path: str
    line: int
    fields: dict[str, Field] = field(default_factory=dict)
    text: str = ""  # the entry as written, from '@' to its closing brace

    def get(self, name: str) -> str | None:
        found = self.fields.get(name)
        return found.value if found else None

    def line_of(self, name: str) -> int:
        found = self.fields.get(name)
        return found.line if found else self.line


class BibSyntaxError(Exception):
    def __init__(self, position: int, what: str, fix: str):
        super().__init__(what)
        self.position = position
        self.what = what
        self.fix = fix
        self.key: str | None = None  # the entry it breaks, once its key is known


class _Reader:
    def __init__(self, text: str, path: str):
        self.text = text
        self.path = path
        self.pos = 0
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def line(self, position: int) -> int:
        return bisect.bisect_left(self.newlines, position) + 1

    def skip_space(self) -> None:
        self.pos = SPACE.match(self.text, self.pos).end()

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def expect(self, char: str, what: str, fix: str) -> None:
        """Step over `char`; if it is missing, the error stands where it was expected."""
        expected_at = self.pos
        self.skip_space()
        if self.peek() != char:
            raise BibSyntaxError(expected_at, what, fix)
        self.pos += 1

    def value(self, closing: str, field: str = "a value") -> str:
        """Read a value in `{...}` (closing "}") or `"..."` (closing '"'), from its opening
        character; braces nest inside both. A value that runs into the next field or entry is
        reported as never closed, at the line where it opened."""
        start = self.pos
        opening = self.text[start]
        self.pos += 1
        depth = 0
        special = VALUE_SPECIAL_BRACE if closing == "}" else VALUE_SPECIAL_QUOTE
        while self.pos < len(self.text):
            jump = special.search(self.text, self.pos)  # straight to the next character that matters
            if jump is None:
                self.pos = len(self.text)
                break
            self.pos = jump.start()
            char = self.text[self.pos]
            if char == "\\":
                self.pos += 2
                continue
            if char == closing and depth == 0:
                self.pos += 1
                return self.text[start + 1 : self.pos - 1]
            if char == "{":
                depth += 1
            elif char == "}":
                if depth == 0:  # only in a quoted value: in braces, this '}' closed the value above
                    raise BibSyntaxError(
                        self.pos,
                        f"{field}: this '}}' has no '{{' before it",
                        "remove the stray '}', or pair it with a '{' before it",
                    )
                depth -= 1
            elif char == "\n" and (self.starts_entry(self.pos + 1) or (depth == 0 and self.starts_field(self.pos + 1))):
                break
            self.pos += 1
        raise BibSyntaxError(
            start,
            f"a '{opening}' opened here is never closed",
            f"add the missing '{closing}' at the end of the value",
        )

    def starts_field(self, position: int) -> bool:
        """True when the line at `position` starts a field (`name = {`): a value cannot go on there."""
        return bool(FIELD_LINE.match(self.text, position))

    def starts_entry(self, position: int) -> bool:
        """True when the line at `position` starts a new entry: an unclosed value ends there."""
        return bool(ENTRY_LINE.match(self.text, position))


def parse_bibtex(text: str, path: str) -> tuple[list[Entry], list[Problem]]:
    """Every entry of a BibTeX text, and a Problem for each syntax error."""
    reader = _Reader(text, path)
    entries: list[Entry] = []
    problems: list[Problem] = []
    while True:
        at = text.find("@", reader.pos)
        if at < 0:
            break
        reader.pos = at
        entry = _read_plain_entry(reader)  # most entries: one regular expression
        if entry is None:
            try:
                entry = _read_entry(reader)
            except BibSyntaxError as error:
                problems.append(Problem(path, reader.line(error.position), error.what, error.fix, key=error.key))
                reader.pos = _next_entry_start(text, at + 1)
                continue
        if entry is None:
            continue
        stray = FIELD_AFTER_ENTRY.match(text, reader.pos)
        if stray:  # '}' once too often in a value: the entry ended there, and its other fields with it
            problems.append(Problem(
                path, reader.line(reader.pos - 1),
                f"entry '{entry.key}' ends at this line's last '}}', but field '{stray.group(1)}' follows it",
                "remove the '}' too many from the value on this line (braces inside a value come in pairs)",
                key=entry.key,
            ))
            reader.pos = _next_entry_start(text, reader.pos)
            continue
        entries.append(entry)
    return entries, problems


def _read_plain_entry(reader: _Reader) -> Entry | None:
    """An entry written the plain way (`@type{key,` then `name = {value}` fields, braces nested at
    most three deep, no field twice), read in one go; None for anything else, which the careful
    reader below then reads and reports on."""
    match = PLAIN_ENTRY.match(reader.text, reader.pos)
    if not match or match.group(1).lower() in SKIPPED_TYPES | {"string"}:
        return None
    entry = Entry(key=match.group(2), type=match.group(1).lower(), path=reader.path, line=reader.line(match.start()))
    for field_match in PLAIN_FIELD.finditer(reader.text, match.start(3), match.end(3)):
        name = field_match.group(1).lower()
        if name in entry.fields:
            return None  # a field given twice: the careful reader says so
        value = next(v for v in field_match.group(2, 3, 4) if v is not None)
        entry.fields[name] = Field(value=" ".join(value.split()), line=reader.line(field_match.start(1)))
    reader.pos = match.end()
    entry.text = match.group(0)
    return entry


# after an entry's closing brace: what looks like one of its fields (BibTeX would ignore it)
FIELD_AFTER_ENTRY = re.compile(r"\s*,?\s*([A-Za-z][\w-]*)\s*=\s*[{\"0-9]")


def _next_entry_start(text: str, position: int) -> int:
    match = re.compile(r"^[ \t]*@", re.MULTILINE).search(text, position)
    return match.end() - 1 if match else len(text)


def _read_entry(reader: _Reader) -> Entry | None:
    start = reader.pos
    match = ENTRY_START.match(reader.text, reader.pos)
    if not match:
        raise BibSyntaxError(
            start,
            "'@' is not followed by an entry type",
            "start each entry as @type{key, (for example @article{smith2020title,); "
            "outside entries, do not use '@'",
        )
    entry_type = match.group(1).lower()
    reader.pos = match.end()
    if entry_type in SKIPPED_TYPES and reader.peek() == "{":
        reader.value("}")
        return None
    if entry_type == "string":
        raise BibSyntaxError(
            start,
            "@string abbreviations are not supported",
            "write the value in full in each entry",
        )
    if reader.peek() == "(":
        raise BibSyntaxError(
            reader.pos,
            f"entry @{entry_type}( uses parentheses",
            f"write it with braces: @{entry_type}{{key, ...}}",
        )
    reader.expect(
        "{", f"@{entry_type} is not followed by '{{'", f"write the entry as @{entry_type}{{key, field = {{value}}}}"
    )
    reader.skip_space()
    key_match = KEY.match(reader.text, reader.pos)
    if not key_match or STARTS_FIELD.match(reader.text, reader.pos):
        # `@online{, title = ...` or `@online{` followed by `author = {...}`: not an entry whose key is 'author'
        raise BibSyntaxError(
            start,
            f"@{entry_type} entry has no citation key",
            f"give it a key: @{entry_type}{{authorYEARword, ...",
        )
    entry = Entry(key=key_match.group(0), type=entry_type, path=reader.path, line=reader.line(start))
    reader.pos = key_match.end()
    try:
        return _read_fields(reader, entry, start)
    except BibSyntaxError as error:
        error.key = entry.key
        raise


def _read_fields(reader: _Reader, entry: Entry, start: int) -> Entry:
    entry_type = entry.type
    reader.expect(
        ",", f"entry '{entry.key}': no ',' after the key", f"write @{entry_type}{{{entry.key}, then the fields"
    )
    while True:
        reader.skip_space()
        if reader.peek() == "}":
            reader.pos += 1
            entry.text = reader.text[start : reader.pos]
            return entry
        if reader.peek() == "":
            raise _never_closed(entry, start)
        name, closed_at = _read_field(reader, entry)
        reader.skip_space()
        if reader.peek() == ",":
            reader.pos += 1
        elif reader.peek() == "":
            raise _never_closed(entry, start)
        elif reader.peek() != "}":
            if closed_at is not None and not STARTS_FIELD.match(reader.text, reader.pos) and not reader.starts_entry(
                reader.text.rfind("\n", 0, reader.pos) + 1
            ):
                # `title = {Foo } bar},`: text goes on after the value closed, so a '}' (or '"') inside
                # the value closed it early
                closing = reader.text[closed_at]
                line_end = reader.text.find("\n", reader.pos)
                rest = reader.text[reader.pos : line_end if line_end >= 0 else None].strip()
                raise BibSyntaxError(
                    closed_at,
                    f"entry '{entry.key}': this '{closing}' ends field '{name}' early, and '{_shorten(rest)}' is left "
                    "outside it",
                    "remove the stray '}', or pair it with a '{' before it" if closing == "}"
                    else "remove the stray '\"' inside the value, or write the value in braces",
                )
            raise BibSyntaxError(
                reader.pos,
                f"entry '{entry.key}': expected ',' or '}}' after a field",
                "separate fields with commas and close the entry with '}'",
            )


def _never_closed(entry: Entry, start: int) -> BibSyntaxError:
    return BibSyntaxError(start, f"entry '{entry.key}' is never closed", "add '}' after its last field")


def _shorten(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _read_field(reader: _Reader, entry: Entry) -> tuple[str, int | None]:
    """Read one `name = value`; its name, and where its closing '}' or '"' stands (None for a number)."""
    name_match = NAME.match(reader.text, reader.pos)
    if not name_match:
        raise BibSyntaxError(
            reader.pos,
            f"entry '{entry.key}': expected a field name",
            "write fields as name = {value}, separated by commas",
        )
    name = name_match.group(0).lower()
    field_line = reader.line(reader.pos)
    reader.pos = name_match.end()
    reader.expect(
        "=", f"entry '{entry.key}': field '{name}' has no '='", f"write it as {name} = {{value}}"
    )
    reader.skip_space()
    char = reader.peek()
    closed_at = None
    if char == "{":
        value = reader.value("}", f"entry '{entry.key}': field '{name}'")
        closed_at = reader.pos - 1
    elif char == '"':
        value = reader.value('"', f"entry '{entry.key}': field '{name}'")
        closed_at = reader.pos - 1
    elif NUMBER.match(reader.text, reader.pos):
        number = NUMBER.match(reader.text, reader.pos)
        value = number.group(0)
        reader.pos = number.end()
    else:
        raise BibSyntaxError(
            reader.pos,
            f"entry '{entry.key}': field '{name}' has no value in braces",
            f"write it as {name} = {{value}}",
        )
    reader.skip_space()
    if reader.peek() == "#":
        raise BibSyntaxError(
            reader.pos,
            f"entry '{entry.key}': field '{name}' joins strings with '#'",
            "write the whole value in one pair of braces",
        )
    if name in entry.fields:
        raise BibSyntaxError(
            _position_of_line(reader, field_line),
            f"entry '{entry.key}': field '{name}' is given twice (first at line {entry.fields[name].line})",
            "keep one of them",
        )
    entry.fields[name] = Field(value=" ".join(value.split()), line=field_line)
    return name, closed_at


def _position_of_line(reader: _Reader, line: int) -> int:
    return 0 if line == 1 else reader.newlines[line - 2] + 1


def read_bib_file(path: Path, shown_as: str) -> tuple[list[Entry], list[Problem]]:
    text, problem = read_text_past_bad_bytes(path, shown_as)  # one bad byte, and the rest is still read
    entries, problems = parse_bibtex(text, shown_as)
    return entries, ([problem] if problem else []) + problems
