"""`make bench`: what the site's own machinery costs, side by side with plain MkDocs, on the real
site and on a generated site of 1,000 pages and 5,000 sources.

For each site, on a copy in a temporary folder (the working tree is never touched):
- the full build with an empty citation cache (cold) and with a filled one (warm), each paired
  run by run with the plain build (the same mkdocs.yml without the bibtex plugin and the hooks),
  as ratios;
- the number of pandoc runs of a cold build and their sizes, and of a warm build (should be 0);
- `make check` (python -m sourcing);
- `mkdocs serve`: seconds from saving a page until the served page shows the edit, against plain
  MkDocs serving the same pages, and from saving a .bib entry until its reference shows it;
- the size of the search index every page downloads.

Medians of paired runs; the machine is shared, so ratios are the figures to trust.

    python benchmarks/bench.py [--runs N] [--large-runs N] [--no-large] [--no-serve]
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from large_site import ROOT, generate, plain_config

BIN = Path(sys.executable).parent
print = functools.partial(print, flush=True)  # progress shows while a long run goes on
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
PANDOC_RUNS = re.compile(r"pandoc formatted citations in (\d+) run\(s\): (.*)")


def copy_real_site(folder: Path) -> Path:
    """The project's site (pages, sources, glossary, figures, theme) copied into `folder`."""
    folder.mkdir(parents=True)
    for name in ("docs", "bibliography", "glossary", "data", "overrides"):
        shutil.copytree(ROOT / name, folder / name)
    for name in ("mkdocs.yml", "redirects.yml", "published-urls.txt", "CONTRIBUTING.md"):  # pages include CONTRIBUTING
        shutil.copy(ROOT / name, folder / name)
    (folder / "hooks").symlink_to(ROOT / "hooks")
    return folder


def run(command: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{done.stdout}{done.stderr}")
    return elapsed, done.stdout + done.stderr


def build(site: Path, config: str, out: str) -> list[str]:
    return [str(BIN / "mkdocs"), "build", "-f", config, "-d", str(site / out)]


def clear_cache(site: Path) -> None:
    shutil.rmtree(site / ".cache", ignore_errors=True)


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f} (min {min(values):.2f}, max {max(values):.2f})"


def builds(site: Path, runs: int) -> None:
    plain = plain_config(site).name
    cold, warm, plain_times, pandoc = [], [], [], []
    for _ in range(runs):
        clear_cache(site)
        elapsed, log = run(build(site, "mkdocs.yml", "site-full"), site)
        cold.append(elapsed)
        pandoc = PANDOC_RUNS.findall(log)  # every run of the build: up front, and for a page
        plain_times.append(run(build(site, plain, "site-plain"), site)[0])
    warm_logs = []
    for _ in range(runs):
        elapsed, log = run(build(site, "mkdocs.yml", "site-full"), site)
        warm.append(elapsed)
        warm_logs.append(log)
        plain_times.append(run(build(site, plain, "site-plain"), site)[0])
    # pair each full build with the plain build that followed it
    cold_ratio = [c / p for c, p in zip(cold, plain_times[:runs])]
    warm_ratio = [w / p for w, p in zip(warm, plain_times[runs:])]
    print(f"  plain MkDocs build        {summary(plain_times)} s")
    print(f"  full build, cold cache    {summary(cold)} s   ratio to plain {summary(cold_ratio)}")
    print(f"  full build, warm cache    {summary(warm)} s   ratio to plain {summary(warm_ratio)}")
    if pandoc:
        print(f"  pandoc runs, cold build   {sum(int(n) for n, _ in pandoc)} ({', '.join(sizes for _, sizes in pandoc)})")
    warm_runs = [sum(int(n) for n, _ in PANDOC_RUNS.findall(log)) for log in warm_logs]
    print(f"  pandoc runs, warm build   {max(warm_runs, default=0)}")
    full_index = (site / "site-full" / "search" / "search_index.json").stat().st_size
    plain_index = (site / "site-plain" / "search" / "search_index.json").stat().st_size
    print(f"  search index              {full_index / 1024:.0f} KiB (plain MkDocs on the same pages: {plain_index / 1024:.0f} KiB)")


def check(site: Path, runs: int) -> None:
    run([str(BIN / "python"), "-m", "sourcing"], site)  # fill the check's cache
    times = [run([str(BIN / "python"), "-m", "sourcing"], site)[0] for _ in range(max(runs, 3))]
    print(f"  make check                {summary(times)} s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def latency(site: Path, config: str, page: str, edit, runs: int, timeout: float) -> list[float]:
    """Seconds from an edit (edit(marker) changes a file) until `page` served by `mkdocs serve`
    shows the marker."""
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-f", config, "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=site, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/{page}"
    try:
        deadline = time.time() + timeout * 4
        while fetch(url) is None:
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit(f"mkdocs serve did not answer at {url} (exit status {server.poll()})")
            time.sleep(0.2)
        time.sleep(1.0)  # let the watcher settle
        times = []
        for n in range(runs):
            marker = f"benchmark{os.getpid()}x{n}x{int(time.time())}"
            start = time.perf_counter()
            edit(marker)
            while True:
                text = (fetch(url) or "").lower()  # a title's case may change (title case)
                if marker in text:
                    times.append(time.perf_counter() - start)
                    break
                if time.perf_counter() - start > timeout or server.poll() is not None:
                    times.append(float("inf"))
                    break
                time.sleep(0.05)
            time.sleep(1.0)
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)


def serve(site: Path, page_file: str, page_url: str, bib_key: str, runs: int, timeout: float) -> None:
    page_path = site / "docs" / page_file
    original = page_path.read_text(encoding="utf-8")

    def edit_page(marker: str) -> None:
        page_path.write_text(original + f"\nA saved edit: {marker}.\n", encoding="utf-8")

    plain = plain_config(site).name
    full = latency(site, "mkdocs.yml", page_url, edit_page, runs, timeout)
    bare = latency(site, plain, page_url, edit_page, runs, timeout)
    page_path.write_text(original, encoding="utf-8")
    differences = [f - p for f, p in zip(full, bare)]
    print(f"  serve: page edit shown    {summary(full)} s   plain MkDocs {summary(bare)} s   difference {summary(differences)} s")

    bib = next(p for p in sorted((site / "bibliography").glob("*.bib")) if f"{{{bib_key}," in p.read_text(encoding="utf-8"))
    bib_text = bib.read_text(encoding="utf-8")
    start = bib_text.index(f"{{{bib_key},")
    title = re.compile(r"title = \{").search(bib_text, start)

    def edit_bib(marker: str) -> None:
        bib.write_text(bib_text[: title.end()] + f"{marker} " + bib_text[title.end() :], encoding="utf-8")

    times = latency(site, "mkdocs.yml", page_url, edit_bib, runs, timeout)
    bib.write_text(bib_text, encoding="utf-8")
    print(f"  serve: .bib edit shown    {summary(times)} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="paired runs on the real site (default 5)")
    parser.add_argument("--large-runs", type=int, default=2, help="paired runs on the large site (default 2)")
    parser.add_argument("--no-large", action="store_true", help="skip the 1,000-page site")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve latencies")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        real = copy_real_site(Path(folder) / "real")
        pages = len(list((real / "docs").rglob("*.md")))
        print(f"real site ({pages} pages)")
        builds(real, args.runs)
        check(real, args.runs)
        if not args.no_serve:
            serve(real, "overview.md", "overview/", "creemers2018evolving", args.runs, timeout=60)
        if not args.no_large:
            large = Path(folder) / "large"
            generate(large, 1000, 5000)
            print("generated site (1,000 pages, 5,000 sources)")
            builds(large, args.large_runs)
            check(large, args.large_runs)
            if not args.no_serve:
                serve(large, "page1.md", "page1/", "author12020title1", 2, timeout=600)
    return 0


if __name__ == "__main__":
    sys.exit(main())
