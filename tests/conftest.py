"""Shared helpers: the test bibliography and small fixture sites built in temporary folders."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from sourcing.bibliography import Bibliography, load_bibliography

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = Path(sys.executable).parent / "mkdocs"


@pytest.fixture
def bibliography() -> Bibliography:
    loaded = load_bibliography(FIXTURES, FIXTURES)
    assert loaded.problems == []
    return loaded


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


REVIEWED = "reviewed: 2026-11-22\n"


def reviewed(text: str) -> str:
    """`text` with a review date as the first front matter line (adds front matter if needed):
    lines move down by 1 on a page with front matter, by 3 on a page without."""
    text = dedent(text)
    if "reviewed:" in text or "exempt_from_sourcing:" in text:
        return text
    if text.startswith("---\n"):
        return "---\n" + REVIEWED + text[4:]
    return "---\n" + REVIEWED + "---\n" + text


FILLER = " ".join(["Words that explain the subject at length and in plain language."] * 70)  # 770 words


def explainer(text: str, name: str = "page.md") -> str:
    """`text` grown into a page that meets the floors of its kind (sourcing/floors.py): a
    description, an "In one minute" summary, 700 words citing three sources, and a closing "Where to
    go next" that links the home page. What the test wrote keeps its lines, but one: the
    description goes in as the first front matter line."""
    text = dedent(text)
    if not text.startswith("---\n"):
        text = "---\n---\n" + text
    if "\ndescription:" not in text:
        text = "---\ndescription: A fixture page.\n" + text[4:]
    home = "../" * name.count("/") + "index.md"
    return (
        text.rstrip("\n")
        + "\n\n## In one minute\n\n- Summed up [@doe2020example].\n\n## More\n\n"
        + f"{FILLER} [@council2014outline; @viral2018video]\n\n## Where to go next\n\n- [Home]({home})\n"
    )


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def html(self, page: str = "index.html") -> str:
        return (self.site / page).read_text(encoding="utf-8")


def write_site(root: Path, pages: dict[str, str], bib: str | None = None, hooks: list[str] | None = None) -> Path:
    """A minimal site using the project's real hooks and plugin settings."""
    (root / "docs").mkdir(parents=True)
    (root / "bibliography").mkdir()
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(reviewed(text), encoding="utf-8")
    bib_text = bib if bib is not None else (FIXTURES / "sources.bib").read_text(encoding="utf-8")
    (root / "bibliography" / "sources.bib").write_text(bib_text, encoding="utf-8")
    hook_names = hooks if hooks is not None else ["page_pipeline"]
    hook_lines = "\n".join(f"  - {PROJECT / 'hooks' / name}.py" for name in hook_names)
    (root / "mkdocs.yml").write_text(
        dedent(
            """
            site_name: Fixture
            site_url: https://example.org/site/
            theme:
              name: material
              font: false
              custom_dir: {overrides}
            plugins:
              - search
              - bibtex:
                  bib_dir: bibliography
                  csl_file: chicago-author-date
                  enable_inline_citations: false
                  bib_by_default: false
            markdown_extensions:
              - footnotes
              - md_in_html
              - pymdownx.details
              - pymdownx.superfences
            hooks:
            """
        )
        .replace("{overrides}", str(PROJECT / "overrides"))
        + hook_lines
        + "\n",
        encoding="utf-8",
    )
    return root


def mkdocs_build(root: Path, *extra: str) -> Build:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [str(MKDOCS), "build", "--clean", "--site-dir", str(root / "site"), *extra],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Build(result.returncode, result.stdout + result.stderr, root / "site")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The real site, built strictly once for every test that inspects it."""
    site = tmp_path_factory.mktemp("real") / "site"
    build = mkdocs_build(PROJECT, "--strict", "--site-dir", str(site))
    build.site = site
    return build
