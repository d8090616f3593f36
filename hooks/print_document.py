"""Hook: after the build, write printable single documents: the whole site in reading order
(/print/), and one pack per lesson plan with the pages it assigns (/print/<lesson>/).
Thin adapter over publishing/print_document.py."""

import posixpath
import re
from pathlib import Path

from publishing.navigation import nav_files
from publishing.print_document import BuiltPage, print_document
from sourcing.addresses import PRINT, is_lesson_plan, page_address  # the check knows these addresses too

ASSIGNED = re.compile(r"## Before the lesson\n(.*?)\n## ", re.DOTALL)
MD_LINK = re.compile(r"\]\(([^)#\s]+\.md)")

def on_post_build(config):
    site = Path(config.site_dir)
    order = [page_address(name) for name in nav_files(config.nav) if not name.startswith(("http:", "https:"))]

    pages: dict[str, BuiltPage] = {}  # each built page read once, for every document it is in

    def built(address):
        if address not in pages:
            pages[address] = BuiltPage(address, (site / address.lstrip("/") / "index.html").read_text(encoding="utf-8"))
        return pages[address]

    whole = print_document(
        config.site_name, [built(a) for a in order], PRINT, config.site_url or "",
        f"{config.site_name}, every page in reading order, as one document to print or read offline.",
    )
    _write(site, PRINT, whole)
    docs = Path(config.docs_dir)
    for name in nav_files(config.nav):
        if is_lesson_plan(name):
            assigned = _assigned_pages(docs / name, name)
            in_pack = [page_address(name)] + [page_address(p) for p in assigned if (docs / p).is_file()]
            address = PRINT + Path(name).stem + "/"
            title = f"{config.site_name}: lesson pack"
            description = f"A lesson plan of {config.site_name} with the pages it assigns, as one document to print."
            _write(site, address, print_document(title, [built(a) for a in dict.fromkeys(in_pack)], address, config.site_url or "", description))


def _assigned_pages(path: Path, name: str) -> list[str]:
    """The pages a lesson plan links in its "Before the lesson" section, as paths below docs/."""
    match = ASSIGNED.search(path.read_text(encoding="utf-8-sig"))  # as MkDocs reads a page
    links = MD_LINK.findall(match.group(1)) if match else []
    base = posixpath.dirname(name)
    return [posixpath.normpath(posixpath.join(base, link)) for link in links]


def _write(site: Path, address: str, text: str) -> None:
    target = site / address.strip("/") / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")

