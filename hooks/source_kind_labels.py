"""Hook: label each reference under a page with the kind of source it is (secondary, primary,
tertiary, exhibit). Runs after mkdocs-bibtex has written the references as footnotes."""

from pathlib import Path

import _project
from mkdocs.plugins import event_priority

_project.on_path()
from publishing.references import label_source_kinds
from sourcing.bibliography import load_bibliography

_kinds = {}  # key -> sourcetype; reloaded at every build


def on_config(config):
    bibliography = load_bibliography(Path(config.plugins["bibtex"].config.bib_dir), Path(config.config_file_path).parent)
    _kinds.clear()
    _kinds.update({key: entry.get("sourcetype") for key, entry in bibliography.entries.items()})
    return config


@event_priority(-45)
def on_page_markdown(markdown, page, config, files):
    return label_source_kinds(markdown, _kinds)
