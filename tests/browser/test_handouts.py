"""Classroom materials: for every lesson, a student handout and a teacher guide, as pages and as
A4 PDFs printed by Chromium; a student handout fits six pages and carries no answers."""

import re

import pytest
from pypdf import PdfReader

from publishing.pdf import print_pdfs
from sourcing.markdown import read_page
from tests.conftest import PROJECT

HANDOUTS = PROJECT / "docs" / "teaching" / "handouts"
LESSONS = sorted(p.name[:2] for p in (PROJECT / "docs" / "teaching").glob("0*.md"))


@pytest.fixture(scope="module")
def pdfs(real_site):
    assert real_site.returncode == 0, real_site.output
    written = print_pdfs(real_site.site)
    return {p.stem: PdfReader(p) for p in written}


def text_of(pdf) -> str:
    return " ".join(" ".join(page.extract_text() for page in pdf.pages).split())


def plain(text: str) -> str:
    """Text with typographic quotes made plain, as a PDF's text may carry either."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')


def words(markdown: str) -> str:
    text = re.sub(r"\[[^\]]*@[^\]]*\]|\{\{[^}]*\}\}|[*_`#>|]", " ", markdown)
    return " ".join(text.split())


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_lesson_has_a_student_handout_and_a_teacher_guide_as_pages_and_pdfs(real_site, pdfs, lesson):
    for audience in ("student", "teacher"):
        name = f"{lesson}-{audience}"
        meta = read_page((HANDOUTS / f"{name}.md").read_text(encoding="utf-8")).meta
        assert meta["audience"] == audience and meta["lesson"] == lesson
        page = (real_site.site / "teaching" / "handouts" / name / "index.html").read_text(encoding="utf-8")
        assert f'<a href="../{name}.pdf">Print-ready PDF (A4)</a>' in page
        # the whole title, and so the lesson's own title after "Lesson N handout:"
        lesson_plan = next((PROJECT / "docs" / "teaching").glob(f"{lesson}-*.md")).read_text(encoding="utf-8")
        lesson_title = read_page(lesson_plan).meta["title"].split(": ", 1)[1]
        assert meta["title"].endswith(lesson_title), f"{name}.md is not titled for its lesson"
        assert plain(meta["title"]) in plain(text_of(pdfs[name])), f"{name}.pdf does not carry its whole title"


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_student_handout_fits_six_a4_pages_and_holds_no_answer(pdfs, lesson):
    student = pdfs[f"{lesson}-student"]
    assert len(student.pages) <= 6, f"{lesson}-student.pdf has {len(student.pages)} pages"
    box = student.pages[0].mediabox
    assert abs(float(box.width) - 595) < 2 and abs(float(box.height) - 842) < 2  # A4, in points
    guide = (HANDOUTS / f"{lesson}-teacher.md").read_text(encoding="utf-8")
    answers = guide.split("## Answer notes", 1)[1].split("\n## ", 1)[0]
    student_text = text_of(student)
    phrases = [
        " ".join(words(paragraph).split()[:9])
        for paragraph in re.split(r"\n\s*\n", answers)
        if len(words(paragraph).split()) >= 9 and not paragraph.lstrip().startswith("#")
    ]
    assert len(phrases) >= 3  # the guide has answer notes to compare
    # the comparison works: the guide's own PDF holds its answers
    assert any(phrase in text_of(pdfs[f"{lesson}-teacher"]) for phrase in phrases)
    leaked = [phrase for phrase in phrases if phrase in student_text]
    assert leaked == [], f"answer notes in {lesson}-student.pdf: {leaked}"
