"""Makes the project's own packages (`sourcing`, `publishing`) importable from the MkDocs hooks,
and reads the site's bibliography once per build for all of them.

MkDocs loads each hook by its file path with only the hooks folder on sys.path, and restores
sys.path afterwards; this module is imported once and then cached, so each hook calls
`on_path()` itself before importing the project's packages.
"""

import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def on_path() -> None:
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))


_bibliography = {}  # {"config": the build's config, "value": its bibliography}; a new config is a new build


def bibliography(config):
    """The site's bibliography (sourcing.bibliography.Bibliography), read once per build."""
    on_path()
    from sourcing.bibliography import load_bibliography

    if _bibliography.get("config") is not config:  # holding the config keeps its id from being reused
        root = Path(config.config_file_path).parent
        _bibliography.update(config=config, value=load_bibliography(Path(config.plugins["bibtex"].config.bib_dir), root))
    return _bibliography["value"]
