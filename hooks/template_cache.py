"""Hook: the theme's templates are compiled once and kept in .cache/templates, not compiled
again at every build and `mkdocs serve` rebuild (publishing/template_cache.py)."""

from pathlib import Path

from publishing.template_cache import keep_compiled_templates
from sourcing.check import CACHE, LIBRARIES
from sourcing.stores import code_version

TEMPLATES_CACHE = "templates"  # below the cache folder


def on_env(env, config, files):
    root = Path(config.config_file_path).parent
    return keep_compiled_templates(env, root / CACHE / TEMPLATES_CACHE, code_version(root / LIBRARIES))
