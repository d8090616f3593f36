"""`python -m sourcing`: check the sources of the site without rendering it (`make check`).

Each problem is printed as `path:line: what is wrong; how to fix it`. On GitHub Actions
(GITHUB_ACTIONS=true) each is printed as a workflow annotation instead,
`::error file=docs/x.md,line=12::what is wrong; how to fix it`, so that a pull request shows it
on the line it is about; notes (pages due for review) become `::notice` annotations.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from .check import CACHE, check_site
from .problems import Problem


def escape_data(text: str) -> str:
    """An annotation's message as GitHub's workflow commands require it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property of an annotation (file=, title=): the message's escapes, and also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, level: str = "error") -> str:
    """`::error file=...,line=...::what; fix`: one problem as a GitHub workflow annotation."""
    return f"::{level} file={escape_property(problem.path)},line={problem.line}::{escape_data(f'{problem.what}; {problem.fix}')}"


def main(argv: list[str] | None = None, environ=os.environ) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sourcing",
        description="Check that every factual page cites a secondary source and that the bibliography is sound.",
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    parser.add_argument("--docs", type=Path, default=None, help="pages folder (default: ROOT/docs)")
    parser.add_argument("--bibliography", type=Path, default=None, help="BibTeX folder (default: ROOT/bibliography)")
    args = parser.parse_args(argv)
    root = args.root
    on_github = environ.get("GITHUB_ACTIONS") == "true"
    report = check_site(args.docs or root / "docs", args.bibliography or root / "bibliography", root, root / CACHE)
    for line in report.exempt_lines() + report.uncited_lines():
        print(line)
    if on_github:
        for page, day, months in report.due:
            due = f"facts last checked on {day}, {months} months ago"
            fix = "check them against the sources, then set reviewed: to that day"
            print(annotation(Problem(page, 1, f"due for review: {due}", fix), "notice"))
    else:
        for line in report.due_lines():
            print(line)
    for problem in report.problems:
        print(annotation(problem) if on_github else problem)
    print(report.summary(), file=sys.stderr)
    return 1 if report.problems else 0


if __name__ == "__main__":
    gc.disable()  # a run of about a second whose objects live to its end: the cycle collector would only cost time
    sys.exit(main())
