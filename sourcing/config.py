"""mkdocs.yml, read so that every problem can name its line.

MkDocs' own loader keeps the last of a key given twice without a word (a second `extra_css:`
silently replaces the first), and names no line for a page the navigation lists but docs/ does
not hold. This lint reads the file with the line-keeping loader of sourcing/datafile.py, which
here also accepts MkDocs' tags (`!ENV [NAME, default]`, `!relative`, `!!python/name:...`).

The rules:
- no key is given twice in the same mapping;
- every page `nav:` names is a page below docs/, and every page below docs/ is in `nav:`
  (when there is a `nav:`; `not_in_nav` patterns are honoured);
- the bibtex plugin is set as the page pipeline needs it (a `bib_dir`, `bib_by_default: false`,
  `enable_inline_citations: false`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .datafile import Items, Record, _Loader, _mapping, _sequence, decode, parse_yaml
from .problems import Problem

CONFIG = Path("mkdocs.yml")  # relative to the project folder
BIBTEX_SETTINGS = {"bib_by_default": False, "enable_inline_citations": False}


class _ConfigLoader(_Loader):
    """The data loader, plus MkDocs' tags: a tagged value is read as the value it tags."""


def _tagged(loader: _ConfigLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.MappingNode):
        return _mapping(loader, node)
    if isinstance(node, yaml.SequenceNode):
        return _sequence(loader, node)
    return loader.construct_scalar(node)


_ConfigLoader.add_multi_constructor("!", _tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


@dataclass
class SiteConfig:
    data: Record | None = None
    nav: list[tuple[str, int]] | None = None  # (page below docs/, line) for each page nav names; None: no nav
    hooks: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, name: str, default=None):
        return self.data.get(name, default) if isinstance(self.data, dict) else default

    def markdown_extensions(self) -> set[str]:
        """The names of the Markdown extensions it turns on (MkDocs adds toc, tables and fenced_code)."""
        names = {"toc", "tables", "fenced_code"}
        for item in self.get("markdown_extensions") or []:
            names.update(item if isinstance(item, dict) else [item] if isinstance(item, str) else [])
        return {name.removeprefix("markdown.extensions.") for name in names if isinstance(name, str)}


def load_config(path: Path, shown: str) -> SiteConfig:
    config = SiteConfig()
    if not path.is_file():
        return config
    text, problem = decode(path.read_bytes(), shown)
    if problem:
        config.problems.append(problem)
        return config
    data, config.problems = parse_yaml(text, shown, loader=_ConfigLoader)
    if data is None:
        return config
    if not isinstance(data, Record):
        config.problems.append(Problem(shown, 1, "is not a set of 'setting: value' lines", "start with site_name: ..."))
        return config
    config.data = data
    if "nav" in data:
        config.nav = list(_nav_pages(data["nav"], data.line_of("nav")))
    hooks = data.get("hooks")
    config.hooks = [str(hook) for hook in hooks] if isinstance(hooks, list) else []
    config.problems += _bibtex_problems(data, shown)
    config.problems += _outside_loads(data, shown)
    return config


def nav_problems(config: SiteConfig, shown: str, pages: dict[str, str], docs_dir: Path) -> list[Problem]:
    """`pages`: each page below docs/ -> how problems show it. A page nav names must exist; a page
    must be in nav (unless `not_in_nav` says otherwise)."""
    if config.nav is None:
        return []
    problems = []
    listed = set()
    for page, line in config.nav:
        listed.add(page)
        if page not in pages and not (docs_dir / page).is_symlink():  # a refused link is reported already
            problems.append(
                Problem(shown, line, f"nav names '{page}', which is not a page below docs/",
                        "correct the path (it is relative to docs/), or remove the entry")
            )
    not_in_nav = _patterns(config.get("not_in_nav"))
    for page, page_shown in pages.items():
        if page not in listed and not (not_in_nav and not_in_nav.match_file(page)):
            problems.append(
                Problem(page_shown, 1, "page is not in the navigation", f"add it to nav: in {shown}, where readers will look for it")
            )
    return problems


def excluded_by_config(config: SiteConfig):
    """A test of a path below docs/ for the config's `exclude_docs` patterns, or None."""
    return _patterns(config.get("exclude_docs"))


def _patterns(lines):
    if not isinstance(lines, str) or not lines.strip():
        return None
    import pathspec  # MkDocs' own reader of these gitignore-style patterns

    return pathspec.gitignore.GitIgnoreSpec.from_lines(lines.splitlines())


def _nav_pages(nav, line: int):
    """(page, line) for every Markdown page in a nav: list (outside links are left out)."""
    if isinstance(nav, Record):
        for title, value in nav.items():
            yield from _nav_pages(value, nav.line_of(title))
    elif isinstance(nav, list):
        for index, item in enumerate(nav):
            yield from _nav_pages(item, nav.line_of(index) if isinstance(nav, Items) else line)
    elif isinstance(nav, str) and not nav.startswith(("http://", "https://", "/", "mailto:")):
        yield nav, line


def _bibtex_problems(data: Record, shown: str) -> list[Problem]:
    plugins = data.get("plugins")
    if not isinstance(plugins, list):
        return []
    problems = []
    for index, plugin in enumerate(plugins):
        if plugin == "bibtex" or isinstance(plugin, Record) and "bibtex" in plugin:
            settings = plugin["bibtex"] if isinstance(plugin, Record) else None
            settings = settings if isinstance(settings, Record) else {}
            line = plugin.line_of("bibtex") if isinstance(plugin, Record) else plugins.line_of(index)
            if not settings.get("bib_dir"):
                problems.append(Problem(shown, line, "the bibtex plugin has no bib_dir", "add bib_dir: bibliography under it"))
            for name, wanted in BIBTEX_SETTINGS.items():
                if settings.get(name, True) is not wanted:
                    problems.append(
                        Problem(shown, settings.line_of(name) if name in settings else line,
                                f"the bibtex plugin's {name} must be {str(wanted).lower()}",
                                f"write {name}: {str(wanted).lower()} under it: the page pipeline lists each page's "
                                "references and reads only [@key] citations")
                    )
    return problems


def _outside_loads(data: Record, shown: str) -> list[Problem]:
    """Styles and scripts from another host, and the theme's web fonts: the site makes no request
    to a third party."""
    problems = []
    for name in ("extra_css", "extra_javascript"):
        items = data.get(name)
        for index, item in enumerate(items if isinstance(items, list) else []):
            address = item.get("path") if isinstance(item, dict) else item
            if isinstance(address, str) and address.startswith(("http://", "https://", "//")):
                problems.append(
                    Problem(shown, items.line_of(index) if isinstance(items, Items) else data.line_of(name),
                            f"{name} loads '{address}' from another host",
                            "the site makes no request to a third party: save the file below docs/ and name it by its path there")
                )
    theme = data.get("theme")
    if isinstance(theme, Record) and theme.get("name") == "material" and theme.get("font", True) is not False:
        problems.append(
            Problem(shown, theme.line_of("font") if "font" in theme else data.line_of("theme"),
                    "the material theme would load its fonts from Google Fonts",
                    "write font: false under theme: (the site makes no request to a third party)")
        )
    return problems
