"""Makes the project's own packages (`sourcing`) importable from the MkDocs hooks.

MkDocs loads each hook by its file path, with only the hooks folder on sys.path.
"""

import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))
