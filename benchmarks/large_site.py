"""A large synthetic copy of the site for benchmarks: the real site's configuration, theme,
glossary and figures, with N generated pages citing M generated sources in proportion (each
page cites about five sources per 25 entries, as the real site does).

    python benchmarks/large_site.py FOLDER [PAGES] [SOURCES]
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ENTRY = """@online{{author{n}2020title{n},
  author = {{Author{n}, Given}},
  title = {{A Title Number {n} about {{China}}'s Credit Records}},
  organization = {{{{Example Research Institute}}}},
  date = {{2020-01-02}},
  url = {{https://example.org/source/{n}}},
  urldate = {{2026-11-22}},
  checked = {{2026-11-22}},
  sourcetype = {{secondary}},
  venue = {{think-tank}},
}}
"""
PARAGRAPH = (
    "The court list is a list, not a score, and being on it restricts flights and trains [@author{a}2020title{a}]. "
    "Scholars describe many separate systems run by courts, regulators and cities "
    "[@author{b}2020title{b}; @author{c}2020title{c}]. A `code span` and a [link](page{link}.md) stand here too.\n\n"
)
# plain prose, so that each page meets the floor of an explainer page (700 words; sourcing/floors.py)
BACKGROUND = " ".join(["Local pilots differed from city to city, and most of them were wound down after public criticism."] * 45)


def generate(folder: Path, pages: int, sources: int) -> None:
    """Write a site of `pages` pages and `sources` sources into `folder` (which must not exist)."""
    folder.mkdir(parents=True)
    for name in ("mkdocs.yml", "redirects.yml"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    (folder / "data").mkdir()  # the figures, but not the corrections log: it names real pages
    shutil.copy(ROOT / "data" / "figures.yml", folder / "data" / "figures.yml")
    (folder / "glossary").mkdir()  # the real glossary points at real pages: none here
    (folder / "glossary" / "terms.yml").write_text("[]\n", encoding="utf-8")
    (folder / "hooks").symlink_to(ROOT / "hooks")
    docs = folder / "docs"
    for name in ("stylesheets", "javascripts"):
        shutil.copytree(ROOT / "docs" / name, docs / name)
    (folder / "bibliography").mkdir()
    (folder / "bibliography" / "sources.bib").write_text("".join(ENTRY.format(n=n) for n in range(sources)), encoding="utf-8")
    # the glossary and the figures cite real keys: give them the real bibliography's entries too
    for bib in sorted((ROOT / "bibliography").glob("*.bib")):
        shutil.copy(bib, folder / "bibliography" / f"real-{bib.name}")
    per_page = max(1, sources * 5 // max(pages, 1) // 3)  # paragraphs per page, three citations each
    for page in range(pages):
        body = "".join(
            PARAGRAPH.format(
                a=(page * per_page * 3 + i * 3) % sources,
                b=(page * per_page * 3 + i * 3 + 1) % sources,
                c=(page * per_page * 3 + i * 3 + 2) % sources,
                link=(page + 1) % pages,
            )
            for i in range(per_page)
        )
        text = (
            f"---\ntitle: Page {page}\ndescription: A generated page.\nreviewed: 2026-11-22\n---\n"
            f"# Page {page}\n\n## In one minute\n\n- A short note on the facts of this page [@author{page % sources}2020title{page % sources}].\n\n"
            f"## Body\n\n{body}## Background\n\n{BACKGROUND}\n\n## Where to go next\n\n- [Home](index.md)\n"
        )
        (docs / f"page{page}.md").write_text(text, encoding="utf-8")
    home = "---\ntitle: Home\nreviewed: 2026-11-22\n---\n# Home\n\nA fact [@author02020title0].\n"
    (docs / "index.md").write_text(home, encoding="utf-8")
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    nav = "nav:\n  - Home: index.md\n" + "".join(f"  - page{n}.md\n" for n in range(pages))
    config = re.sub(r"^nav:\n(?:[ ].*\n)+", nav, config, flags=re.MULTILINE)
    config = re.sub(r"^validation:\n(?:[ ].*\n)+", "", config, flags=re.MULTILINE)  # generated pages: no link checks
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    (folder / "published-urls.txt").write_text("", encoding="utf-8")
    sys.path.insert(0, str(ROOT))
    from sourcing.addresses import record

    record(folder)  # published: every address, as the real site's are


SERVE_ONLY_HOOK = "hooks/live_reload.py"  # how soon `mkdocs serve` notices an edit: no part of a build


def plain_config(folder: Path) -> Path:
    """The same mkdocs.yml with the bibtex plugin and the hooks removed: what MkDocs and the theme
    cost on their own, the yardstick of `make bench`. The hook that only makes `mkdocs serve`
    notice a saved file sooner stays, so that both serve the same way."""
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^  - bibtex:\n(?:      .*\n)+", "", config, flags=re.MULTILINE)
    config = re.sub(r"^hooks:\n(?:  - .*\n)+", f"hooks:\n  - {SERVE_ONLY_HOOK}\n", config, flags=re.MULTILINE)
    path = folder / "mkdocs-plain.yml"
    path.write_text(config, encoding="utf-8")
    return path


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1000, int(sys.argv[3]) if len(sys.argv) > 3 else 5000)
