"""Hook: label each reference under a page with the kind of source it is (secondary, primary,
tertiary, exhibit). Runs after mkdocs-bibtex has written the references as footnotes."""


import _project
from mkdocs.plugins import event_priority

_project.on_path()
from publishing.references import label_source_kinds

_kinds = {}  # key -> sourcetype; reloaded at every build


def on_config(config):
    bibliography = _project.bibliography(config)
    _kinds.clear()
    _kinds.update({key: entry.get("sourcetype") for key, entry in bibliography.entries.items()})
    return config


@event_priority(-45)
def on_page_markdown(markdown, page, config, files):
    return label_source_kinds(markdown, _kinds)
