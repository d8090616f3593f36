"""Hook: after the build, write printable single documents: the whole site in reading order
(/print/), and one pack per lesson plan with the pages it assigns (/print/<lesson>/).
Thin adapter over publishing/print_document.py."""

import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from publishing.navigation import nav_files
from publishing.print_document import BuiltPage, print_document
from publishing.rebuild_memo import RebuildMemo, steps_version
from sourcing.addresses import PRINT, is_lesson_plan, page_address  # the check knows these addresses too
from sourcing.check import CACHE, LIBRARIES

ASSIGNED = re.compile(r"## Before the lesson\n(.*?)\n## ", re.DOTALL)
MD_LINK = re.compile(r"\]\(([^)#\s]+\.md)")
SECTIONS_CACHE = "print-sections.pickle"  # each page's section of the last build, below the cache folder

_written: dict[str, str] = {}  # address -> the page as written, this build
_sections = RebuildMemo()  # each page's section, for the next build


def on_pre_build(config):
    _written.clear()  # what a build stopped by an error left


@event_priority(-100)  # after every other step on the page: what is written to the site
def on_post_page(output, page, config):
    _written[page_address(page.file.src_uri)] = output
    return output


def on_post_build(config):
    site = Path(config.site_dir)
    root = Path(config.config_file_path).parent
    _sections.keep_in(root / CACHE / SECTIONS_CACHE, steps_version(Path(__file__), root / LIBRARIES))
    order = [page_address(name) for name in nav_files(config.nav) if not name.startswith(("http:", "https:"))]

    pages: dict[str, BuiltPage] = {}  # each built page read once, for every document it is in

    def built(address):
        if address not in pages:
            written = _written.get(address)
            if written is None:
                written = (site / address.lstrip("/") / "index.html").read_text(encoding="utf-8")
            pages[address] = BuiltPage(address, written)
        return pages[address]

    whole = print_document(
        config.site_name, [built(a) for a in order], PRINT, config.site_url or "",
        f"{config.site_name}, every page in reading order, as one document to print or read offline.",
        _sections,
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
            pack = [built(a) for a in dict.fromkeys(in_pack)]
            _write(site, address, print_document(title, pack, address, config.site_url or "", description, _sections))
    _written.clear()
    _sections.end_build()


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

