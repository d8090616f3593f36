"""`python -m upkeep.link_issue REPORT`: open, update or close the ONE link-rot issue.

Run by the weekly workflow after `make links --report REPORT`, with the GitHub CLI (`gh`, on
every GitHub runner) and a token allowed to write issues. The issue carries the label
`link-rot`: when dead links are found, the open issue with that label gets the new report as its
body (or a new one is opened); when none are left, the open issue is closed with a note.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

LABEL = "link-rot"
TITLE = "Dead links in sources and pages"
MARKER = re.compile(r"<!-- link-rot: ([0-9]+) dead -->")


def gh(*args: str, gh_command: str = "gh") -> str:
    run = subprocess.run([gh_command, *args], capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"gh {' '.join(args)} failed: {run.stderr.strip()}")
    return run.stdout


def update_issue(report: str, gh_command: str = "gh") -> str:
    """What was done: 'created', 'updated #N', 'closed #N' or 'nothing to do'."""
    found = MARKER.search(report)
    if not found:
        raise ValueError("the report has no link-rot marker; write it with python -m upkeep.links --report")
    dead = int(found.group(1))
    listed = json.loads(gh("issue", "list", "--state", "open", "--label", LABEL, "--json", "number", "--limit", "20",
                           gh_command=gh_command) or "[]")
    open_issue = min((issue["number"] for issue in listed), default=None)  # the oldest: there should be one
    if dead and open_issue:
        gh("issue", "edit", str(open_issue), "--body", report, gh_command=gh_command)
        return f"updated #{open_issue}"
    if dead:
        gh("label", "create", LABEL, "--force", "--color", "B60205",
           "--description", "Dead links found by the weekly link check", gh_command=gh_command)
        gh("issue", "create", "--title", TITLE, "--label", LABEL, "--body", report, gh_command=gh_command)
        return "created"
    if open_issue:
        gh("issue", "close", str(open_issue), "--comment",
           "The weekly link check found no dead link any more: closing.\n\n" + report, gh_command=gh_command)
        return f"closed #{open_issue}"
    return "nothing to do"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m upkeep.link_issue", description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="the Markdown report written by python -m upkeep.links --report")
    args = parser.parse_args(argv)
    print(update_issue(args.report.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
