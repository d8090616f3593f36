"""Hook: refuse to build the site while any factual page lacks a cited secondary source.

A thin adapter over `sourcing.check.check_site`, the same check as `make check`. It runs in
`on_config` at a high priority, so that it reads the pages as their authors wrote them, before
mkdocs-bibtex turns `[@key]` into footnotes, and reads the bibliography before pybtex (inside
mkdocs-bibtex) stops at its first syntax error with a traceback. Every problem is logged, one
line each, then the build stops, whatever the `strict` setting.
"""

from pathlib import Path

import _project
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

_project.on_path()
from sourcing.check import check_site

log = get_plugin_logger("sourcing")


@event_priority(100)
def on_config(config):
    root = Path(config.config_file_path).parent
    report = check_site(Path(config.docs_dir), _bibliography_folder(config, root), root)
    for line in report.exempt_lines() + report.uncited_lines():
        log.info(line)
    for problem in report.problems:
        log.error(str(problem))
    if report.problems:
        raise PluginError(f"{report.summary()}, listed above; the site was not built.")
    log.info(report.summary())
    return config


def _bibliography_folder(config, root: Path) -> Path:
    bibtex = config.plugins.get("bibtex")
    if bibtex is None or not bibtex.config.bib_dir:
        raise PluginError("mkdocs.yml: the bibtex plugin with a bib_dir is required; add it under plugins:")
    return Path(bibtex.config.bib_dir)
