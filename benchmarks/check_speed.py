"""Benchmark of `make check` (sourcing.check.check_site): the real site, and a synthetic site ten
times larger than we plan to grow (300 pages, 1,000 sources). Prints timings; asserts nothing.

Run with `make bench`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sourcing.check import check_site  # noqa: E402

ENTRY = """@article{{author{n}2020title,
  author = {{Author, Number {n}}},
  title = {{A Title Number {n}}},
  journaltitle = {{Journal}},
  date = {{2020-01-02}},
  url = {{https://example.org/{n}}},
  urldate = {{2026-11-22}},
  sourcetype = {{secondary}},
}}
"""
PARAGRAPH = "A sentence with a `code span`, a <!-- comment --> and a fact [@author{n}2020title; @author{m}2020title].\n\n"


def synthetic_site(folder: Path, pages: int, sources: int) -> None:
    (folder / "docs").mkdir()
    (folder / "bibliography").mkdir()
    (folder / "bibliography" / "sources.bib").write_text("".join(ENTRY.format(n=n) for n in range(sources)))
    for page in range(pages):
        body = "".join(PARAGRAPH.format(n=(page * 7 + i) % sources, m=(page + i) % sources) for i in range(40))
        text = f"---\ntitle: Page {page}\n---\n# Page {page}\n\n```\ncode [@x]\n```\n\n{body}"
        (folder / "docs" / f"page{page}.md").write_text(text)


def measure(label: str, root: Path) -> None:
    runs = timeit.repeat(lambda: check_site(root / "docs", root / "bibliography", root), number=1, repeat=10)
    report = check_site(root / "docs", root / "bibliography", root)
    print(
        f"{label}: {report.pages} pages, {report.entries} sources, {len(report.problems)} problems; "
        f"median {statistics.median(runs) * 1000:.1f} ms, best {min(runs) * 1000:.1f} ms (10 runs)"
    )


if __name__ == "__main__":
    measure("real site", ROOT)
    with tempfile.TemporaryDirectory() as folder:
        synthetic_site(Path(folder), pages=300, sources=1000)
        measure("synthetic site", Path(folder))
