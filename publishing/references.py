"""The reference list under each page, as mkdocs-bibtex writes it (one footnote per source):
each reference is labelled with the kind of source, so readers can weigh the evidence."""

from __future__ import annotations

import re

FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<key>[^\]]+)\]:[ \t]*", re.MULTILINE)
KIND_NAMES = {
    "primary": "Primary source",
    "secondary": "Secondary source",
    "tertiary": "Tertiary source",
    "exhibit": "Exhibit",
}


def kind_label(kind: str) -> str:
    return f'<span class="source-kind source-kind--{kind}">{KIND_NAMES[kind]}</span>'


def label_source_kinds(markdown: str, kinds: dict[str, str]) -> str:
    """Prefix each reference (footnote definition) whose key has a known kind with its label."""

    def label(match: re.Match) -> str:
        kind = kinds.get(match.group("key"))
        return match.group(0) + (kind_label(kind) + " " if kind in KIND_NAMES else "")

    return FOOTNOTE_DEFINITION.sub(label, markdown)
