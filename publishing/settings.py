"""`python -m publishing.settings` (run by `make publish`): refuse a publishing build that would
carry placeholder addresses. Canonical links, Open Graph, "Cite this page" and the ClaimReview
metadata all come from SITE_URL; "Edit this page" and "Report an error" from REPO_URL."""

from __future__ import annotations

import os
import sys
from urllib.parse import urlsplit

PLACEHOLDERS = {"SITE_URL": "social-credit-explained.example", "REPO_URL": "your-organisation"}
EXAMPLES = {"SITE_URL": "https://socialcredit.example.org/", "REPO_URL": "https://github.com/owner/repository"}


def problems(environ) -> list[str]:
    found = []
    for name, placeholder in PLACEHOLDERS.items():
        value = environ.get(name, "").strip()
        fix = f"set it to the real address, e.g. {name}={EXAMPLES[name]} make publish"
        if not value:
            found.append(f"{name} is not set; {fix}")
        elif placeholder in value:
            found.append(f"{name} is the placeholder '{value}'; {fix}")
        elif urlsplit(value).scheme != "https" or not urlsplit(value).hostname:
            found.append(f"{name} '{value}' is not an https:// address; {fix}")
    return found


def main() -> int:
    found = problems(os.environ)
    for line in found:
        print(f"make publish: {line}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
