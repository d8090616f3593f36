"""The site's navigation as written in mkdocs.yml."""

from __future__ import annotations


def nav_files(nav) -> list[str]:
    """The Markdown files named in a `nav:` list, in reading order."""
    files = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        files += nav_files(value) if isinstance(value, list) else [value]
    return files
