"""Makes the project's own packages (`sourcing`, `publishing`) importable from the MkDocs hooks.

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
