"""The escape hatch: ProperDocs, the maintained fork of MkDocs 1.6, builds this site with the same
plugins, hooks and theme. Built into a second folder, it must give the same pages with the same
main text as the MkDocs build (CONTRIBUTING.md, "The engine: ProperDocs"). It builds after the
MkDocs build, on its citation cache, so it also shows that a warm build gives what a cold one gave."""

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

PROPERDOCS = Path(sys.executable).parent / "properdocs"
MAIN = re.compile(r"<article\b[^>]*>(.*?)</article>", re.DOTALL)
TAGS = re.compile(r"<!--.*?-->|<[^>]+>", re.DOTALL)


def main_text(page: Path) -> str:
    """The page's article as a reader reads it: its text, tags removed, spaces collapsed."""
    found = MAIN.search(page.read_text(encoding="utf-8"))
    text = found.group(1) if found else ""
    return " ".join(html.unescape(TAGS.sub(" ", text)).split())


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("properdocs") / "site"
    result = subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "--clean", "--site-dir", str(site)],
        cwd=PROJECT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_properdocs_is_the_locked_fork():
    version = subprocess.run([str(PROPERDOCS), "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("properdocs, version 1.6.7 ")


def test_properdocs_builds_the_same_pages(real_site, properdocs_site):
    assert real_site.returncode == 0, real_site.output
    assert pages(properdocs_site) == pages(real_site.site)


def test_each_page_has_the_same_main_text(real_site, properdocs_site):
    differ = []
    for name in pages(real_site.site):
        if main_text(real_site.site / name) != main_text(properdocs_site / name):
            differ.append(name)
    assert differ == [], f"ProperDocs renders these pages' main text differently: {differ}"
    assert len(main_text(real_site.site / "court-blacklist" / "index.html")) > 2000  # the text is really compared


def test_only_the_generator_differs_on_a_page(real_site, properdocs_site):
    ours = (real_site.site / "index.html").read_text(encoding="utf-8").splitlines()
    theirs = (properdocs_site / "index.html").read_text(encoding="utf-8").splitlines()
    changed = [(a.strip(), b.strip()) for a, b in zip(ours, theirs, strict=True) if a != b]
    assert changed == [
        ('<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">',
         '<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">')
    ]
