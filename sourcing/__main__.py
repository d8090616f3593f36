"""`python -m sourcing`: check the sources of the site without rendering it (`make check`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import CACHE, check_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sourcing",
        description="Check that every factual page cites a secondary source and that the bibliography is sound.",
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    parser.add_argument("--docs", type=Path, default=None, help="pages folder (default: ROOT/docs)")
    parser.add_argument("--bibliography", type=Path, default=None, help="BibTeX folder (default: ROOT/bibliography)")
    args = parser.parse_args(argv)
    root = args.root
    report = check_site(args.docs or root / "docs", args.bibliography or root / "bibliography", root, root / CACHE)
    for line in report.exempt_lines() + report.uncited_lines() + report.due_lines():
        print(line)
    for problem in report.problems:
        print(problem)
    print(report.summary(), file=sys.stderr)
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
