"""Citations and references formatted by pandoc's citeproc: for the whole site up front, in few
runs, and cached on disk so that an unchanged build runs pandoc not at all.

Why our own runner rather than mkdocs-bibtex's: mkdocs-bibtex runs pandoc once per page, each run
re-reading the whole bibliography, plus format probes through pypandoc, and asks for Markdown
that then needs repairs. Here:

- pandoc is called directly, asked for HTML (escaped, with each author-date citation linked to
  its reference), in batches of at most BATCH_ENTRIES entries, each run given only the entries
  it formats: one run's cost grows faster than its number of entries;
- each formatted reference and citation block is cached under a hash of its own BibTeX text, the
  CSL file and the pandoc version, so a `.bib` edit re-formats only the entries it touched;
- entries that citeproc may tell apart in an author-date citation (same first name) are always
  formatted together, so "Creemers 2018a" or "C. Liu 2019" reads the same on every page.

The output is HTML for the finished page (the pipeline puts citations and references in after
Markdown has run); `markdown_safe` prepares it for the one place it goes into Markdown.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path

from sourcing.atomic import write_atomically
from sourcing.bibtex import Entry

BATCH_ENTRIES = 250  # entries per pandoc run: about 1 s each (measured: 233 in 1.0 s, 500 in 2.2 s, 1,500 in 11 s)
CACHE_FORMAT = 3  # bumped whenever the stored HTML changes shape
BLOCK_LINE = re.compile(r"^<p>CB(\d+): (.*)</p>$", re.MULTILINE)
REFERENCE = re.compile(r'<div id="ref-([^"]+)" class="csl-entry" role="listitem">\n?(.*?)\n?</div>', re.DOTALL)
TAG_OR_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")
SAFE_LINK = re.compile(r'<a href="(?:https?://|#)[^"]*"')
MARKDOWN_SPECIAL = {c: f"&#{ord(c)};" for c in "[]*_`\\"}


class CiteprocError(Exception):
    """pandoc could not format the citations (its own message follows)."""


@dataclass
class Formatted:
    blocks: dict[str, str] = field(default_factory=dict)  # citation block as written -> inline HTML
    references: dict[str, str] = field(default_factory=dict)  # key -> reference HTML
    runs: list[tuple[int, int]] = field(default_factory=list)  # (entries, blocks) of each pandoc run made
    warnings: list[str] = field(default_factory=list)  # what pandoc warned about


def pandoc_path() -> Path:
    """The pandoc binary shipped by pypandoc-binary (nothing is downloaded), else pandoc on PATH."""
    spec = find_spec("pypandoc")
    if spec and spec.submodule_search_locations:
        shipped = Path(next(iter(spec.submodule_search_locations))) / "files" / "pandoc"
        if shipped.is_file():
            return shipped
    return Path("pandoc")


class Citeproc:
    def __init__(self, csl: Path, cache_dir: Path | None = None, pandoc: Path | None = None):
        self.csl = Path(csl)
        self.pandoc = pandoc or pandoc_path()
        self.cache_file = cache_dir / "citations.json" if cache_dir else None
        self._cache: dict[str, str] | None = None
        self._style: str | None = None
        self._used: set[str] = set()  # what format() returned since the last prune()
        self._groups: tuple[dict, dict] | None = None  # (the entries, their groups), kept for the next call

    # The whole job

    def format(
        self,
        entries: dict[str, Entry],
        blocks: Iterable[tuple[str, tuple[str, ...]]],
        reference_keys: Iterable[str],
    ) -> Formatted:
        """Inline HTML for each citation block (its text as written, and the keys it cites) and
        reference HTML for each key. What it used is kept by the next prune()."""
        cache = self._load()
        if self._groups is None or self._groups[0] is not entries or len(self._groups[1]) != len(entries):  # called per page
            self._groups = (entries, _confusable_groups(entries))
        groups = self._groups[1]
        style = self._style_hash()
        group_digest: dict[frozenset, str] = {}  # each group's text hashed once

        def digest(key: str) -> str:
            group = groups[key]
            if group not in group_digest:
                group_digest[group] = _hash(*(entries[k].text for k in sorted(group)))
            return group_digest[group]

        def ref_hash(key: str) -> str:
            return _hash("ref", style, key, digest(key))

        def block_hash(text: str, keys: tuple[str, ...]) -> str:
            return _hash("cite", style, text, *(digest(k) for k in sorted(set(keys))))

        blocks = list(dict.fromkeys(blocks))
        wanted_refs = list(dict.fromkeys(reference_keys))
        result = Formatted()
        used = set()
        missing_refs = [k for k in wanted_refs if ref_hash(k) not in cache]
        missing_blocks = [(text, keys) for text, keys in blocks if block_hash(text, keys) not in cache]
        batches = list(_batches(missing_refs, missing_blocks, groups))
        with ThreadPoolExecutor(max_workers=min(len(batches), os.cpu_count() or 1) or 1) as pool:  # pandoc runs side by side
            outputs = list(pool.map(lambda b: self._run(entries, b[0], [text for text, _ in b[1]]), batches))
        for (batch_keys, batch_blocks), (blocks_html, refs_html, warnings) in zip(batches, outputs):
            result.runs.append((len(batch_keys), len(batch_blocks)))
            result.warnings += warnings
            for key, html in refs_html.items():
                if key in entries:
                    cache[ref_hash(key)] = html
            for (text, keys), html in zip(batch_blocks, blocks_html):
                cache[block_hash(text, keys)] = html
        for key in wanted_refs:
            used.add(ref_hash(key))
            result.references[key] = cache[ref_hash(key)]
        for text, keys in blocks:
            used.add(block_hash(text, keys))
            result.blocks[text] = cache[block_hash(text, keys)]
        self._used |= used
        if result.runs:
            self._save()
        return result

    def prune(self) -> None:
        """At the end of a build: the cache keeps only what the build's calls to format() used,
        whether up front or for one page."""
        cache = self._load()
        stale = set(cache) - self._used
        for key in stale:
            del cache[key]
        self._used = set()
        if stale or (self.cache_file and not self.cache_file.exists()):
            self._save()

    # One pandoc run

    def _run(self, entries: dict[str, Entry], keys: list[str], blocks: list[str]) -> tuple[list[str], dict[str, str], list[str]]:
        document = "---\nnocite: '@*'\n---\n\n" + "".join(f"CB{i}: {text}\n\n" for i, text in enumerate(blocks))
        with tempfile.TemporaryDirectory() as folder:
            bib = Path(folder) / "batch.bib"
            bib.write_text("\n\n".join(entries[k].text for k in keys) + "\n", encoding="utf-8")
            command = [
                str(self.pandoc), "--citeproc", "--from=markdown", "--to=html", "--wrap=none",
                f"--csl={self.csl}", f"--bibliography={bib}", "--metadata=link-citations:true",
            ]
            try:
                done = subprocess.run(command, input=document, capture_output=True, text=True, encoding="utf-8", timeout=600)
            except OSError as error:
                raise CiteprocError(f"pandoc could not be started ({error})") from None
        if done.returncode != 0:
            raise CiteprocError(done.stderr.strip() or f"pandoc exited with {done.returncode}")
        found = {int(m.group(1)): _clean(m.group(2)) for m in BLOCK_LINE.finditer(done.stdout)}
        if len(found) != len(blocks):
            lost = [blocks[i] for i in range(len(blocks)) if i not in found]
            raise CiteprocError(f"pandoc returned no citation for {', '.join(lost[:5])}")
        references = {m.group(1): _clean(m.group(2).strip()) for m in REFERENCE.finditer(done.stdout)}
        warnings = [line.strip() for line in done.stderr.splitlines() if line.strip()]
        return [found[i] for i in range(len(blocks))], references, warnings

    # The cache

    def _style_hash(self) -> str:
        if self._style is None:
            try:
                version = subprocess.run([str(self.pandoc), "--version"], capture_output=True, text=True, timeout=60).stdout
            except OSError as error:
                raise CiteprocError(f"pandoc could not be started ({error})") from None
            self._style = _hash(version.splitlines()[0] if version else "", self.csl.read_text(encoding="utf-8"))
        return self._style

    def _load(self) -> dict[str, str]:
        if self._cache is None:
            self._cache = {}
            if self.cache_file and self.cache_file.is_file():
                try:
                    data = json.loads(self.cache_file.read_text(encoding="utf-8"))
                    if data.get("format") == CACHE_FORMAT:
                        self._cache = dict(data["items"])
                except (ValueError, KeyError, TypeError, AttributeError):
                    self._cache = {}  # a damaged cache is rebuilt
        return self._cache

    def _save(self) -> None:
        if not self.cache_file:
            return
        text = json.dumps({"format": CACHE_FORMAT, "items": self._cache}, ensure_ascii=False)
        write_atomically(self.cache_file, lambda out: out.write(text.encode("utf-8")))


def _hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _clean(html: str) -> str:
    """pandoc's HTML without its internal marks: `<span>`s that carry no attribute (wrappers
    around quoted titles) or only class "nocase" (case protection) mean nothing to a browser. A
    link that goes anywhere but a web address or the page itself loses its tag (the check refuses
    LaTeX links in fields; this keeps a `javascript:` address out whatever gets through)."""
    out, spans, links = [], [], []  # for each open <span> and <a>, whether it was kept
    for match in TAG_OR_TEXT.finditer(html):
        tag, text = match.groups()
        if text is not None:
            out.append(text)
        elif tag.startswith("<a "):
            kept = bool(SAFE_LINK.match(tag))
            links.append(kept)
            if kept:
                out.append(tag)
        elif tag == "</a>":
            if not links or links.pop():
                out.append(tag)
        elif tag in ("<span>", '<span class="nocase">'):
            spans.append(False)
        elif tag.startswith("<span"):
            spans.append(True)
            out.append(tag)
        elif tag == "</span>":
            if not spans or spans.pop():
                out.append(tag)
        else:
            out.append(tag)
    return "".join(out)


def markdown_safe(html: str) -> str:
    """HTML to paste into Markdown: text characters Markdown would read become character
    references, so the formatted text comes out as pandoc wrote it."""
    return TAG_OR_TEXT.sub(lambda m: m.group(1) or "".join(MARKDOWN_SPECIAL.get(c, c) for c in m.group(2)), html)


def _first_names(entry: Entry) -> set[str]:
    """The names an author-date citation may start with: the first author's (or editor's) family
    name, or a whole organisation's name. Without either, the style puts something else first: the
    outlet ("South China Morning Post, n.d.-a") or the title, so both count."""
    name = entry.get("author") or entry.get("editor")
    if not name:
        stand_ins = ("organization", "institution", "publisher", "journaltitle", "journal", "booktitle", "title")
        return {_plain(entry.get(f)) for f in stand_ins if entry.get(f)} or {entry.key}
    first = re.split(r"\s+and\s+", name, maxsplit=1)[0].strip()
    if first.startswith("{"):  # an organisation, whole: the reader gives {{Post}} as {Post}
        return {_plain(first)}
    first = first.split(",")[0] if "," in first else first.split()[-1] if first.split() else first
    return {_plain(first)}


def _plain(name: str) -> str:
    return name.replace("{", "").replace("}", "").strip().lower()


def _confusable_groups(entries: dict[str, Entry]) -> dict[str, frozenset[str]]:
    """For each key, the keys whose citations citeproc may tell apart by adding something: the
    entries that may start with the same name (a year suffix for the same year, "n.d.-a" and
    "n.d.-b", an initial for two people of one family name). Entries that share any name are in
    one group, and so are the groups they join (a union of overlapping sets)."""
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        while parent.setdefault(name, name) != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    names = {key: _first_names(entry) for key, entry in entries.items()}
    for found in names.values():
        first, *rest = sorted(found)
        for other in rest:
            parent[root(other)] = root(first)
    by_root: dict[str, set[str]] = {}
    for key, found in names.items():
        by_root.setdefault(root(min(found)), set()).add(key)
    return {key: frozenset(members) for members in by_root.values() for key in members}


def _batches(ref_keys: list[str], blocks: list[tuple[str, tuple[str, ...]]], groups: dict[str, frozenset[str]]):
    """Work split into pandoc runs of at most BATCH_ENTRIES entries (a unit larger than that runs
    alone): ([entry keys], [(block, keys)]) for each run."""
    units: list[tuple[set[str], tuple[str, tuple[str, ...]] | None]] = []
    for text, keys in sorted(blocks, key=lambda b: (sorted(b[1]), b[0])):
        units.append((set().union(*(groups[k] for k in keys)), (text, keys)))
    for key in sorted(ref_keys):
        units.append((set(groups[key]), None))
    keys: set[str] = set()
    covered: set[str] = set()  # every run formats the references of all its entries
    batch_blocks: list[tuple[str, tuple[str, ...]]] = []
    for needed, block in units:
        if block is None and needed <= covered:
            continue  # a run for citations already formats this reference, beside its whole group
        if keys and len(keys | needed) > BATCH_ENTRIES:
            yield sorted(keys), batch_blocks
            keys, batch_blocks = set(), []
        keys |= needed
        covered |= needed
        if block:
            batch_blocks.append(block)
    if keys:
        yield sorted(keys), batch_blocks
