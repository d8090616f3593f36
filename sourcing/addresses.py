"""Stable addresses, checked from the Markdown: every page address and every h2/h3 anchor the
site has published (published-urls.txt) must still exist, and every one it has now must be
recorded there (`make urls`), so that it keeps working from then on.

The check works out what the build will publish without building:
- a page's address as MkDocs gives it with directory URLs (`a/b.md` -> `/a/b/`, `a/index.md` and
  `a/README.md` -> `/a/`);
- its h2/h3 anchors as Python-Markdown's toc extension makes them: the heading's text with its
  inline Markdown rendered and its tags stripped, `markdown.extensions.toc.slugify`, and
  `unique()` for a repeated anchor (`_1`, `_2`, counted with every heading of the page, h1 and
  h4-h6 included); an attr_list `{#id}` is taken as written;
- what the build adds: pymdownx.snippets' `--8<-- "file:section"`, figures, the `## References`
  heading at the end of every page that cites a source, the kind headings of the All sources
  page and the direction headings of the myths table (both with fixed anchors);
- the pages the hooks write: redirect pages (redirects.yml) and the printable documents.

This is an emulation, not a build: tests/test_addresses.py builds the real site and fixture sites
with tricky headings and checks that both agree.

    python -m sourcing.addresses    (make urls): record the site's new addresses
"""

from __future__ import annotations

import argparse
import difflib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from .datafile import read_text
from .figures import PLACEHOLDER
from .markdown import CITATION_BLOCK, prose, without_code
from .problems import Problem

PUBLISHED = Path("published-urls.txt")  # relative to the project folder
REDIRECTS = Path("redirects.yml")
# Where generated lists go (hooks/page_pipeline.py replaces these comments)
GLOSSARY_MARKER = "<!-- glossary -->"
MYTHS_TABLE_MARKER = "<!-- myths-table -->"
CORRECTIONS_MARKER = "<!-- corrections-log -->"
BIBLIOGRAPHY_MARKER = "<!-- full-bibliography -->"
REFERENCES = "References"  # the heading the build adds to every page that cites a source
DIRECTIONS = ("overstates", "understates")  # the myths table's headings, one per direction (publishing/myths.py)
PRINT = "/print/"  # the whole site as one document (hooks/print_document.py)
LESSONS = "teaching/"  # each lesson plan here (not in its subfolders) gets a printable pack at /print/<lesson>/


def is_lesson_plan(name: str) -> bool:
    """True for a lesson plan (docs/teaching/NN-*.md), which gets a printable pack; handouts in
    teaching/handouts/ and the teaching index do not."""
    return name.startswith(LESSONS) and "/" not in name[len(LESSONS):] and name != LESSONS + "index.md"

ATX = re.compile(r"(?P<level>#{1,6})(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*$")
SETEXT = re.compile(r"(?:=+|-+)[ ]*$")
ATTR_LIST = re.compile(r"[ ]+\{:?[ ]*([^}\n ][^\n]*)\}[ ]*$")
CONTAINER = re.compile(r"(?P<indent>[ ]*)(?:!!!|\?\?\?\+?)[ ]")  # admonition, details: content indented by 4
QUOTE = re.compile(r"[ ]{0,3}>[ ]?")
RAW_HEADING = re.compile(r'<h[23] id="([^"]+)"')
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
PLAIN = re.compile(r"[^`*_\[\]<>&\\!{}~^=+|]*")  # heading text with nothing for Markdown to render
SNIPPET = re.compile(
    r"""^(?P<space>[ \t]*)(?P<escape>;*)(?:-{1,}8<-{1,}[ \t]+(?P<snippet>"(?:\\"|[^"\n])+?"|'(?:\\'|[^'\n])+?')(?![ \t])|(?P<block>-{1,}8<-{1,})(?![ \t]))$"""
)
SECTION_MARK = re.compile(
    r"(?i)^(?P<pre>.*?)(?<!;)(?P<escape>;*)(?P<marker>-{1,}8<-{1,}[ \t]+)\[[ \t]*(?P<type>start|end)[ \t]*:[ \t]*(?P<name>[a-z][-_0-9a-z]*)[ \t]*\](?P<post>.*?)$"
)
# The Markdown extensions that change a page's headings (the toc extension is always on in MkDocs)
ALL_EXTENSIONS = frozenset({"attr_list", "admonition", "pymdownx.details", "pymdownx.snippets"})
SNIPPET_TARGET = re.compile(r"(?i)(.*?)(?:((?::-?[0-9]*){1,2})|(:[a-z][-_0-9a-z]*))?$")


def uses_snippets(text: str) -> bool:
    """Whether a page may include another file with pymdownx.snippets (every form of its marker
    has "8<-"): what is made of such a page depends on other files than the page."""
    return "8<-" in text


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    line: int  # in the page (a heading from a snippet: the snippet's line)
    text: str  # as written, without its {#id}


@dataclass
class PageAnchors:
    """A page's headings as the build will render them, and what stands in their way."""

    headings: list[Heading] = field(default_factory=list)
    raw: list[tuple[str, int]] = field(default_factory=list)  # (anchor, line) of raw HTML <h2 id=...>, <h3 id=...>
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (line, what, how to fix it)

    def anchors(self) -> dict[str, int]:
        """Every h2/h3 anchor of the page, with its line."""
        found = {h.anchor: h.line for h in self.headings if h.level in (2, 3)}
        for anchor, line in self.raw:
            found.setdefault(anchor, line)
        return found


def page_address(src_path: str) -> str:
    """The address MkDocs gives a Markdown page (with directory URLs): `a/b.md` -> `/a/b/`."""
    path = src_path.removesuffix(".md")
    folder, _, stem = path.rpartition("/")
    if stem in ("index", "README"):
        return f"/{folder}/" if folder else "/"
    return "/" + path + "/"


def print_addresses(nav_pages: list[str]) -> dict[str, str]:
    """The printable documents hooks/print_document.py writes: the whole site, and one pack per
    lesson plan in the navigation -> the page each belongs to."""
    found = {PRINT: nav_pages[0] if nav_pages else "index.md"}
    for name in nav_pages:
        if is_lesson_plan(name):
            found[f"{PRINT}{Path(name).stem}/"] = name
    return found


# One page's headings


def page_anchors(
    text: str, figures: dict, root: Path, generated: tuple[tuple[int, str], ...] = (), references: bool = False,
    extensions: frozenset[str] = ALL_EXTENSIONS,
) -> PageAnchors:
    """The headings of a page as the build renders them. `text`: the page as read, its front matter
    blanked (lines kept); `figures`: data/figures.yml; `root`: where snippet paths start;
    `generated`: (level, fixed anchor) of the headings of generated lists; `references`: the build
    adds "## References" at the end; `extensions`: the Markdown extensions of mkdocs.yml that
    change headings (attr_list, admonition, pymdownx.details, pymdownx.snippets)."""
    result = PageAnchors()
    text = PLACEHOLDER.sub(
        lambda m: html.escape(figures[m.group(1)].text, quote=False) if m.group(1) in figures else m.group(0), text
    )
    lines = [(n, line) for n, line in enumerate(text.split("\n"), start=1)]
    if "pymdownx.snippets" in extensions:
        lines = _expand_snippets(lines, root, set(), result.problems)
    if references:
        last = lines[-1][0] if lines else 1
        lines += [(last, ""), (last, f"## {REFERENCES}")]
    body = "\n".join(line for _, line in lines)
    numbers = [n for n, _ in lines]
    masked = prose(body).split("\n")
    written = body.split("\n")
    found = _headings(masked, written, extensions)
    definitions = "\n".join(REFERENCE_DEFINITION.findall(prose(body)))
    # toc: ids written with {#id} (and fixed generated ones) are taken first, then each other heading
    # gets the slug of its text, made unique against all of them in document order
    from markdown.extensions.toc import slugify, unique

    used = {anchor for _, _, _, anchor in found if anchor} | {anchor for _, anchor in generated}
    result.headings += [Heading(level, anchor, 1, "") for level, anchor in generated]
    counters: dict[str, int] = {}
    for level, index, text_, anchor in found:
        if not anchor:
            anchor = unique(slugify(_plain_text(text_, definitions), "-"), used, counters)
        result.headings.append(Heading(level, anchor, numbers[index], text_))
    code_free = without_code(body)
    for match in RAW_HEADING.finditer(code_free):
        result.raw.append((match.group(1), numbers[body.count("\n", 0, match.start())]))
    return result


def _headings(masked: list[str], written: list[str], extensions: frozenset[str]) -> list[tuple[int, int, str, str | None]]:
    """(level, line index, text, id from {#id} or None) of every Markdown heading, in order."""
    containers_on = bool({"admonition", "pymdownx.details"} & extensions)
    attributes = _attributes if "attr_list" in extensions else lambda text: (text, None)
    found = []
    containers: list[int] = []  # content indents of the admonitions and details we are in
    block_start = True  # the line starts a Markdown block (a setext heading must)
    previous: tuple[int, str, int] | None = None  # (index, text, indent) of the line before, if it can be a setext heading
    for index, line in enumerate(masked):
        if not line.strip():
            block_start, previous = True, None
            continue
        indent = len(line) - len(line.lstrip(" "))
        while containers and indent < containers[-1]:
            containers.pop()
        base = containers[-1] if containers else 0
        column = min(base, indent)
        content = line[column:]
        container = CONTAINER.match(content) if containers_on else None
        if container:
            containers.append(column + len(container.group("indent")) + 4)
            block_start, previous = True, None
            continue
        while quote := QUOTE.match(content):
            column += quote.end()
            content = content[quote.end():]
        original = written[index][column:]
        if content.startswith(("    ", "\t")):
            block_start, previous = False, None  # code, or a line that goes on a list item
            continue
        if content.startswith("#"):
            match = ATX.match(original.rstrip("\n"))
            if match:
                text, anchor = attributes(match.group("header").strip())
                found.append((len(match.group("level")), index, text, anchor))
                block_start, previous = True, None
                continue
        if previous is not None and SETEXT.fullmatch(content):
            text, anchor = attributes(previous[1].strip())
            found.append((1 if content.startswith("=") else 2, previous[0], text, anchor))
            block_start, previous = True, None
            continue
        previous = (index, original, indent) if block_start else None
        block_start = False
    return found


def _attributes(text: str) -> tuple[str, str | None]:
    """Heading text without a trailing attr_list `{...}`, and the id that list gives, if any."""
    match = ATTR_LIST.search(text)
    if not match:
        return text, None
    anchor = None
    for token in re.findall(r"""[^ =}]+=".*?"|[^ =}]+='.*?'|[^ =}]+=[^ =}]+|[^ =}]+""", match.group(1)):
        if token.startswith("#"):
            anchor = token[1:]
        elif token.startswith("id="):
            anchor = token[3:].strip("\"'")
    return text[: match.start()], anchor


_rendered: dict[tuple[str, str], str] = {}


def _plain_text(text: str, definitions: str) -> str:
    """The heading's text as the toc extension slugs it: inline Markdown rendered, tags stripped,
    entities unescaped; citations are gone (the build puts them in as comments)."""
    text = CITATION_BLOCK.sub("", text)
    if PLAIN.fullmatch(text):
        return " ".join(text.split())
    key = (text, definitions)
    if key not in _rendered:
        import markdown
        from markdown.extensions.toc import strip_tags

        captured = []

        def capture(value: str, separator: str) -> str:
            captured.append(value)
            return "x"

        md = markdown.Markdown(extensions=["toc", "footnotes"], extension_configs={"toc": {"slugify": capture}})
        md.convert(f"# {text}\n\n{definitions}\n")
        _rendered[key] = captured[0] if captured else strip_tags(text)
    return _rendered[key]


def _expand_snippets(
    lines: list[tuple[int, str]], root: Path, seen: set, problems: list, section: bool = False
) -> list[tuple[int, str]]:
    """pymdownx.snippets: each `--8<-- "file"` (or "file:section", "file:3:8") line replaced by the
    file's lines, every one numbered as the snippet line; section marks removed."""
    out: list[tuple[int, str]] = []
    block = False
    for number, line in lines:
        match = SNIPPET.match(line)
        if match and match.group("escape"):
            out.append((number, line.replace(";", "", 1)))
            continue
        if match and match.group("block"):
            block = not block
            continue
        if match or block:
            path = match.group("snippet")[1:-1].strip() if match else line.strip()
            space = match.group("space") if match else ""
            if not path or path.startswith(";"):
                continue
            out += [(number, space + included) for _, included in _snippet(path, number, root, seen, problems)]
            continue
        if not section:
            mark = SECTION_MARK.match(line)
            if mark and not mark.group("escape"):
                continue
        out.append((number, line))
    return out


def _snippet(path: str, number: int, root: Path, seen: set, problems: list) -> list[tuple[int, str]]:
    target = SNIPPET_TARGET.match(path)
    name, lines_part, section = target.group(1).strip(), target.group(2), target.group(3)
    file = root / name
    if not file.is_file():
        problems.append((number, f"snippet file '{name}' does not exist",
                         "give a path from the project folder, e.g. --8<-- \"CONTRIBUTING.md:policy\""))
        return []
    if file in seen:
        return []
    text, problem = read_text(file, name)
    if problem:
        problems.append((number, f"snippet file '{name}': {problem.what} (line {problem.line})", problem.fix))
        return []
    text = text.split("\n")
    if section:
        name_ = section[1:]
        picked, inside = [], False
        for line in text:
            mark = SECTION_MARK.match(line)
            if mark and not mark.group("escape") and mark.group("name") == name_:
                if mark.group("type") == "start":
                    inside = True
                    continue
                if inside:
                    break
            if inside:
                picked.append(line)
        text = picked
    elif lines_part:
        bounds = lines_part[1:].split(":")
        start = int(bounds[0]) - 1 if bounds[0] else 0
        end = int(bounds[1]) if len(bounds) > 1 and bounds[1] else None
        text = text[max(start, 0) : end]
    return _expand_snippets([(number, line) for line in text], root, seen | {file}, problems)


# The site's addresses, and what has been published


@dataclass(frozen=True)
class Source:
    """Where an address comes from, for the writer: the file and line to look at."""

    path: str
    line: int
    page: str | None = None  # its page below docs/, for an address of a page or one of its headings


def read_published(path: Path, shown: str = "published-urls.txt", problems: list | None = None) -> list[tuple[str, int]]:
    """The addresses of published-urls.txt with their lines (a file that cannot be read: a problem
    in `problems`, and no address)."""
    if not path.is_file():
        return []
    text, problem = read_text(path, shown)
    if problem:
        if problems is not None:
            problems.append(problem)
        return []
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            found.append((line.strip(), number))
    return found


def address_problems(
    addresses: dict[str, Source], published: list[tuple[str, int]], published_shown: str, redirects: dict[str, tuple[str, int]],
    redirects_shown: str,
) -> list[Problem]:
    """Published addresses that no longer exist, and addresses not yet recorded.
    `redirects`: old page address -> (the new page's address, line in redirects.yml)."""
    problems: list[Problem] = []
    recorded = {address for address, _ in published}
    new = {address: source for address, source in addresses.items() if address not in recorded}
    gone_pages = set()
    for address, line in published:
        if address in addresses:
            continue
        page, _, anchor = address.partition("#")
        if not anchor:
            gone_pages.add(page)
            old = page.strip("/") + ".md" if page != "/" else "index.md"
            problems.append(
                Problem(published_shown, line, f"the published page '{page}' no longer exists",
                        f"if it moved, add '{old}: <its new path below docs/>' to {redirects_shown} (a redirect keeps the old "
                        "address working); otherwise restore the page")
            )
            continue
        if page in gone_pages or page not in addresses:
            continue  # the page itself is reported
        if page in redirects:
            target, redirect_line = redirects[page]
            if f"{target}#{anchor}" in addresses:
                continue  # the redirect leads to the page, which keeps the section
            problems.append(
                Problem(redirects_shown, redirect_line,
                        f"the published address '{address}' has no section '#{anchor}' on the page it moved to",
                        f"give the heading that replaced it on {target} its old anchor: '## New text {{#{anchor}}}'")
            )
            continue
        source = addresses[page]
        renamed = _renamed(anchor, [a for a, s in new.items() if a.startswith(page + "#") and s.page == source.page])
        if renamed:
            where = new[renamed]
            problems.append(
                Problem(where.path, where.line,
                        f"the published anchor '{address}' no longer exists (this heading is now '#{renamed.partition('#')[2]}')",
                        f"if this heading was reworded, keep its old anchor: write '{{#{anchor}}}' at the end of the heading")
            )
            new.pop(renamed)
        else:
            problems.append(
                Problem(source.path, 1, f"the published anchor '{address}' no longer exists",
                        f"keep the old anchor on the heading that replaced it: write '{{#{anchor}}}' at the end of that heading "
                        "(published addresses must keep working; see docs/url-policy.md)")
            )
    pages_new = {address for address in new if "#" not in address}
    for address, source in sorted(new.items(), key=lambda item: (item[1].path, item[1].line, item[0])):
        page, _, anchor = address.partition("#")
        if anchor and page in pages_new:
            continue  # counted with its page
        if not anchor:
            count = sum(1 for other in new if other.startswith(address + "#"))
            more = f", nor are its {count} section anchors" if count else ""
            problems.append(
                Problem(source.path, source.line, f"the new address '{address}' is not recorded in {published_shown}{more}",
                        "run `make urls` to record it; from then on it must keep working (a moved page gets a redirect)")
            )
        else:
            problems.append(
                Problem(source.path, source.line, f"the new anchor '{address}' is not recorded in {published_shown}",
                        f"run `make urls` to record it; from then on the heading keeps it (reworded: '## New text {{#{anchor}}}')")
            )
    return problems


def _renamed(anchor: str, candidates: list[str]) -> str | None:
    """The new anchor on the same page that most likely replaced `anchor`, if one is close."""
    names = {candidate.partition("#")[2]: candidate for candidate in candidates}
    close = difflib.get_close_matches(anchor, list(names), n=1, cutoff=0.5)
    return names[close[0]] if close else (candidates[0] if len(candidates) == 1 else None)


def record(root: Path) -> list[str]:
    """Add the addresses the site in `root` has now to its published-urls.txt; return them."""
    from .check import CACHE, check_site

    report = check_site(root / "docs", root / "bibliography", root, root / CACHE)
    published = root / PUBLISHED
    known = {address for address, _ in read_published(published)}
    added = sorted(set(report.addresses) - known)
    if added:
        with published.open("a", encoding="utf-8") as out:
            out.write("".join(f"{address}\n" for address in added))
    return added


def main(argv: list[str] | None = None) -> int:
    """`make urls`: add the addresses the site has now to published-urls.txt."""
    parser = argparse.ArgumentParser(
        prog="python -m sourcing.addresses",
        description=f"Record the addresses of new pages and headings in {PUBLISHED} (run by `make urls`); "
        "from then on they must keep working.",
    )
    parser.parse_args(argv)  # --help prints this and records nothing
    print(f"{len(record(Path('.')))} new addresses recorded in {PUBLISHED}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
