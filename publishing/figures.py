"""Figures in pages: each `{{ fig:ID }}` becomes the figure's value from data/figures.yml
(see sourcing/figures.py), so a figure reads the same on every page that states it."""

from __future__ import annotations

import html

from sourcing.figures import PLACEHOLDER, Figure


def fill_figures(markdown: str, figures: dict[str, Figure]) -> str:
    """`markdown` with every known figure filled in; an unknown id is left as written (the
    source check has already refused it)."""

    def value(match) -> str:
        figure = figures.get(match.group(1))
        return html.escape(figure.text, quote=False) if figure else match.group(0)

    return PLACEHOLDER.sub(value, markdown)
