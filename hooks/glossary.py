"""Hook: build the glossary page from glossary/terms.yml, and show each term's definition on
hover or tap at its first use on every other page. Runs before mkdocs-bibtex, so the glossary's
citations are formatted like any others."""

from pathlib import Path

import _project
from mkdocs.plugins import event_priority

_project.on_path()
from publishing.glossary import glossary_table, mark_first_uses
from sourcing.check import GLOSSARY
from sourcing.glossary import load_glossary

MARKER = "<!-- glossary -->"
_terms = []  # reloaded at every build


def on_config(config):
    root = Path(config.config_file_path).parent
    _terms[:] = load_glossary(root / GLOSSARY, Path(config.docs_dir), _project.bibliography(config), root)[0]
    return config


@event_priority(50)
def on_page_markdown(markdown, page, config, files):
    if MARKER in markdown:
        depth = page.file.src_uri.count("/")
        return markdown.replace(MARKER, glossary_table(_terms, "../" * depth))
    return mark_first_uses(markdown, _terms)
