"""Decorating a rendered page's text (publishing/html_text.py): only text is touched, never a
tag, a comment or an element that holds no prose."""

import re

import pytest

from publishing.chinese import mark_chinese
from publishing.html_text import NOT_PROSE, NOT_TEXT, replace_in_text

WORD = re.compile(r"credit")


def star(html, skip=NOT_PROSE):
    return replace_in_text(html, WORD, lambda m: f"*{m.group(0)}*", skip)


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<p>credit</p>", "<p>*credit*</p>"),
        ('<p title="credit">x</p>', '<p title="credit">x</p>'),  # an attribute
        ("<!-- credit --><p>credit</p>", "<!-- credit --><p>*credit*</p>"),  # a comment
        ("<!-- a > credit -->", "<!-- a > credit -->"),  # a comment holding '>'
        ('<a href="#">credit</a> credit', '<a href="#">credit</a> *credit*'),
        ("<abbr>credit</abbr><p>credit</p>", "<abbr>credit</abbr><p>*credit*</p>"),  # "abbr" is not "a"
        ("<A HREF='#'>credit</A>credit", "<A HREF='#'>credit</A>*credit*"),  # tag names in capitals
        ("<code><code>x</code>credit</code>credit", "<code><code>x</code>credit</code>*credit*"),  # nested
        ("<svg/>credit", "<svg/>*credit*"),  # closed at once: holds nothing
        ("<h2>credit", "<h2>credit"),  # left open: runs to the end
        ("</a>credit", "</a>*credit*"),  # a stray closing tag closes nothing
        ("<p>credit <em>credit</em></p>", "<p>*credit* <em>*credit*</em></p>"),
        ("<p data-x='<'>credit</p>", "<p data-x='<'>*credit*</p>"),
    ],
)
def test_only_matches_in_prose_are_replaced(html, expected):
    assert star(html) == expected


def test_the_replacement_may_leave_a_match_alone():
    assert replace_in_text("<p>credit credit</p>", WORD, lambda m: None if m.start() == 3 else "X") == "<p>credit X</p>"


def test_a_page_without_a_match_comes_back_as_it_was():
    page = "<p>nothing here</p>"
    assert replace_in_text(page, WORD, lambda m: "X") is page


def test_chinese_is_marked_with_its_pinyin_in_text_but_not_in_the_title_or_an_attribute():
    page = (
        "<html><head><title>失信</title></head><body>"
        '<p title="失信">A 失信被执行人 (shīxìn bèi zhíxíng rén) is listed.</p>'
        "<p><a href='#'>信用</a></p><svg><text>信用</text></svg></body></html>"
    )
    assert mark_chinese(page) == (
        "<html><head><title>失信</title></head><body>"
        '<p title="失信">A <span lang="zh-Hans">失信被执行人</span> (<span lang="zh-Latn-pinyin">shīxìn bèi zhíxíng rén</span>) is listed.</p>'
        "<p><a href='#'><span lang=\"zh-Hans\">信用</span></a></p><svg><text>信用</text></svg></body></html>"
    )


def test_words_without_tone_marks_after_chinese_are_not_taken_for_pinyin():
    assert mark_chinese("<p>国发 (State Council)</p>") == '<p><span lang="zh-Hans">国发</span> (State Council)</p>'


def test_chinese_in_a_script_or_style_is_not_text():
    page = "<script>var t = '信用';</script><style>/* 信用 */</style><p>信用</p>"
    assert mark_chinese(page) == page.replace("<p>信用", '<p><span lang="zh-Hans">信用</span>')
    assert replace_in_text(page, re.compile("信用"), lambda m: "X", NOT_TEXT).count("X") == 1


def test_chinese_in_the_article_or_around_it_is_marked_all_the_same():
    article = "<article><p>失信</p></article>"
    assert mark_chinese(f"<nav><a>Home</a></nav>{article}") == '<nav><a>Home</a></nav><article><p><span lang="zh-Hans">失信</span></p></article>'
    assert mark_chinese(f"<nav><a>信用</a></nav>{article}<footer>信用</footer>") == (
        '<nav><a><span lang="zh-Hans">信用</span></a></nav><article><p><span lang="zh-Hans">失信</span></p></article>'
        '<footer><span lang="zh-Hans">信用</span></footer>'
    )
    assert mark_chinese("<svg><article>信用</article></svg>") == "<svg><article>信用</article></svg>"
