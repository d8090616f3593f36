"""The links at the foot of every page: "Report an error on this page" (a form in the project's
issue tracker, filled in with the page's address and title) and "Edit this page"."""

from __future__ import annotations

import html
from urllib.parse import urlencode

ERROR_FORM = "report-an-error.yml"  # .github/ISSUE_TEMPLATE/: its fields "page" and "claim"
REPOSITORY_MARKER = "<!-- repository-links -->"  # the About page: where the project and its editors are


def report_error_url(repo_url: str, page_url: str, title: str) -> str:
    query = urlencode({"template": ERROR_FORM, "title": f"Error on: {title}", "page": page_url})
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def page_actions(repo_url: str | None, edit_url: str | None, page_url: str | None, title: str) -> str:
    if not repo_url:
        return ""
    links = [f'<a href="{html.escape(report_error_url(repo_url, page_url or "", title), quote=True)}">Report an error on this page</a>']
    if edit_url:
        links.append(f'<a href="{html.escape(edit_url, quote=True)}">Edit this page</a>')
    return '<p class="page-actions">' + " · ".join(links) + "</p>\n"


def handout_pdf_link(src_uri: str) -> str:
    """On a classroom handout or teacher guide (docs/teaching/handouts/), a link to its PDF,
    which `make pdf` prints beside the page (publishing/pdf.py)."""
    folder, _, name = src_uri.rpartition("/")
    if folder != "teaching/handouts" or not name.endswith(".md"):
        return ""
    pdf = name.removesuffix(".md") + ".pdf"
    return f'<p class="handout-pdf"><a href="../{html.escape(pdf, quote=True)}">Print-ready PDF (A4)</a></p>\n'


def repository_links(repo_url: str | None) -> str:
    """Markdown for the About page: the repository and its issue tracker, from the one setting
    (REPO_URL), so a fork or a move changes them with everything else."""
    if not repo_url:
        return "*This copy of the site was built without the address of its repository (REPO_URL).*\n"
    repo = repo_url.rstrip("/")
    return (
        f"- **The repository:** <{repo}>. It holds every page, every source entry and the code that builds the site. "
        f"Its [history]({repo}/commits/main) shows every change and the editor who made it.\n"
        f"- **The issue tracker:** <{repo}/issues>. Report an error, suggest a source or a topic, or write to the editors "
        "there. Every issue and its answer are public.\n"
    )
