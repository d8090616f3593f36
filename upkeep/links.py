"""`python -m upkeep.links` (`make links`): check every address the site sends readers to.

That is the `url` (and the `archived` copy) of every bibliography entry, and every outside link
written in the pages. LinkChecker (a maintained checker, locked in requirements.lock) checks each
address once; this module collects the addresses, runs it, and says where each dead one is used:
by bibliography key and by page and line.

A site that refuses automated checks (401, 403, 429) is listed apart: the link may well be alive,
and a person should look. Redirects are listed too, so that an entry can take the new address.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sourcing.bibliography import load_bibliography

OUTSIDE_LINK = re.compile(r"https?://[^\s<>\"'`)\]]+")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)[^`].*?\1", re.DOTALL)
FIELDS = ("url", "archived")  # the bibliography fields holding addresses readers follow
REFUSED = re.compile(r"^(401|403|429|999)\b")  # the site turned the checker away: not known to be dead
REDIRECTED = re.compile(r"Redirected to `([^']*)'")
MARKER = "<!-- link-rot: {dead} dead -->"  # the first line of the report, read by upkeep.link_issue
TIMEOUT = 30


@dataclass
class Use:
    """Where an address is used: a bibliography entry's field, or a page's line."""

    path: str
    line: int
    key: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        return f"{self.key} ({self.field}, {self.path}:{self.line})" if self.key else f"{self.path}:{self.line}"


@dataclass
class Result:
    address: str
    uses: list[Use]
    status: str  # LinkChecker's result, e.g. "404 Not Found"
    valid: bool
    moved_to: str | None = None

    @property
    def refused(self) -> bool:
        return not self.valid and bool(REFUSED.match(self.status))

    @property
    def dead(self) -> bool:
        return not self.valid and not self.refused


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    checked: int = 0

    def of(self, kind: str) -> list[Result]:
        if kind == "moved":
            return [r for r in self.results if r.valid and r.moved_to]
        return [r for r in self.results if getattr(r, kind)]


def collect(root: Path, docs: Path | None = None, bib_dir: Path | None = None) -> dict[str, list[Use]]:
    """Every outside address of the site, in a stable order, with where each is used."""
    addresses: dict[str, list[Use]] = {}
    bibliography = load_bibliography(bib_dir or root / "bibliography", root)
    for key, entry in sorted(bibliography.entries.items()):
        for name in FIELDS:
            value = entry.get(name)
            if value and OUTSIDE_LINK.fullmatch(value):
                addresses.setdefault(value, []).append(Use(entry.path, entry.line_of(name), key, name))
    docs = docs or root / "docs"
    for path in sorted(docs.rglob("*.md")):
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        for line, address in page_links(path.read_text(encoding="utf-8")):
            addresses.setdefault(address, []).append(Use(shown, line))
    return addresses


def page_links(text: str) -> list[tuple[int, str]]:
    """(line, address) of each outside link in a Markdown page, outside code."""
    found, fence = [], None
    for number, line in enumerate(text.splitlines(), start=1):
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        line = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        found += [(number, m.group(0).rstrip(".,;:")) for m in OUTSIDE_LINK.finditer(line)]
    return found


def run_linkchecker(addresses, timeout: int = TIMEOUT, threads: int = 10) -> list[dict]:
    """LinkChecker's row for every address it could not load or that redirected (CSV output)."""
    command = [
        str(Path(sys.executable).parent / "linkchecker"),
        "--no-status", "--stdin", "--recursion-level=0", "--check-extern",
        "--output=csv", f"--timeout={timeout}", f"--threads={threads}",
    ]
    run = subprocess.run(command, input="\n".join(addresses) + "\n", capture_output=True, text=True)
    if run.returncode not in (0, 1):  # 1: some link failed; anything else: LinkChecker itself failed
        raise RuntimeError(f"linkchecker failed ({run.returncode}): {run.stderr.strip()}")
    rows = [line for line in run.stdout.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"))


def check(addresses: dict[str, list[Use]], timeout: int = TIMEOUT) -> Report:
    report = Report(checked=len(addresses))
    if not addresses:
        return report
    for row in run_linkchecker(addresses, timeout):
        address = row["urlname"]
        if address not in addresses:
            continue
        moved = REDIRECTED.search(row.get("warningstring") or "")
        report.results.append(
            Result(address, addresses[address], row["result"], row["valid"] == "True", moved.group(1) if moved else None)
        )
    report.results.sort(key=lambda r: r.address)
    return report


def lines(report: Report) -> list[str]:
    """One line per address that needs a look, as `make links` prints them."""
    out = [f"dead: {r.address} ({r.status}): used by {'; '.join(map(str, r.uses))}" for r in report.of("dead")]
    out += [f"refused: {r.address} ({r.status}): used by {'; '.join(map(str, r.uses))}" for r in report.of("refused")]
    out += [f"moved: {r.address} -> {r.moved_to}: used by {'; '.join(map(str, r.uses))}" for r in report.of("moved")]
    return out


def markdown(report: Report, today: datetime.date | None = None) -> str:
    """The report as the body of the link-rot issue."""
    today = today or datetime.date.today()
    dead, refused, moved = report.of("dead"), report.of("refused"), report.of("moved")
    parts = [
        MARKER.format(dead=len(dead)),
        (f"The weekly link check (`make links`) read {report.checked} outside addresses on {today.isoformat()}: "
        f"{len(dead)} dead, {len(refused)} refused the checker, {len(moved)} redirected."),
        "",
        ("For a dead source, find it again (a new address, or an archive copy in `archived`) and update its "
        "`url` and `urldate`; cite another source if it is gone. This issue is updated by the next run."),
    ]
    for title, results, show in (
        ("Dead links", dead, lambda r: r.status),
        ("Refused the checker (look in a browser)", refused, lambda r: r.status),
        ("Redirected (consider the new address)", moved, lambda r: f"now {r.moved_to}"),
    ):
        if not results:
            continue
        parts += ["", f"## {title} ({len(results)})", "", "| address | status | bibliography key | page |", "| --- | --- | --- | --- |"]
        for r in results:
            keys = ", ".join(f"`{u.key}` ({u.field}, {u.path}:{u.line})" for u in r.uses if u.key) or "—"
            pages = ", ".join(f"{u.path}:{u.line}" for u in r.uses if not u.key) or "—"
            parts.append(f"| {_cell(r.address)} | {_cell(show(r))} | {keys} | {pages} |")
    return "\n".join(parts) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m upkeep.links", description="Check every outside address of the site.")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    parser.add_argument("--report", type=Path, help="also write the report as Markdown (the link-rot issue's body)")
    parser.add_argument("--timeout", type=int, default=TIMEOUT, help=f"seconds per address (default: {TIMEOUT})")
    args = parser.parse_args(argv)
    addresses = collect(args.root)
    report = check(addresses, args.timeout)
    for line in lines(report):
        print(line)
    if args.report:
        args.report.write_text(markdown(report), encoding="utf-8")
    dead = len(report.of("dead"))
    print(f"{report.checked} addresses checked: {dead} dead, {len(report.of('refused'))} refused, "
          f"{len(report.of('moved'))} redirected", file=sys.stderr)
    return 1 if dead else 0


if __name__ == "__main__":
    sys.exit(main())
