"""Hook: fill in `{{ fig:ID }}` with the figure from data/figures.yml (publishing/figures.py).
Runs before the glossary and mkdocs-bibtex, so a figure reads like any other text."""

from pathlib import Path

import _project
from mkdocs.plugins import event_priority

_project.on_path()
from publishing.figures import fill_figures
from sourcing.figures import FIGURES, load_figures

_figures = {}  # reloaded at every build


def on_config(config):
    root = Path(config.config_file_path).parent
    _figures.clear()
    _figures.update(load_figures(root / FIGURES, FIGURES.as_posix(), _project.bibliography(config))[0])
    return config


@event_priority(60)
def on_page_markdown(markdown, page, config, files):
    return fill_figures(markdown, _figures)
