"""Chinese in a page is marked as Chinese, so that screen readers read it with a Chinese voice
(WCAG 2.1, 3.1.2 Language of Parts): every run of Chinese characters gets lang="zh-Hans", and
pinyin written right after it in parentheses gets lang="zh-Latn-pinyin"."""

from __future__ import annotations

import re

from .html_text import NOT_TEXT, replace_in_text

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff5e"
# A run of Chinese characters (with Chinese punctuation inside it), then, optionally, pinyin in
# parentheses: "失信被执行人 (shīxìn bèi zhíxíng rén)" or "(国发, Guófā)".
CHINESE = re.compile(
    rf"[{HAN}](?:[{HAN}{CJK_PUNCTUATION}]*[{HAN}])?"
    rf"(?P<pinyin>(?:\s*[,，]\s*|\s+\()(?P<words>[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ' -]+)(?=\)))?"
)
TONE = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ]")


def mark_chinese(page_html: str) -> str:
    def mark(match: re.Match) -> str:
        pinyin = match.group("words")
        chinese_end = match.start("pinyin") if pinyin else match.end()
        marked = f'<span lang="zh-Hans">{match.string[match.start():chinese_end]}</span>'
        if pinyin and TONE.search(pinyin):  # words without tone marks are not sure to be pinyin
            lead = match.string[chinese_end : match.start("words")]
            return f'{marked}{lead}<span lang="zh-Latn-pinyin">{pinyin}</span>'
        return marked + (match.string[chinese_end : match.end()] if pinyin else "")

    # A finished page is mostly the theme's navigation, with the page's own text in its <article>:
    # when no Chinese stands outside it, and it is inside no element without text, only the
    # article is walked.
    start = page_html.find("<article")
    end = page_html.rfind("</article>")
    if 0 <= start < end and _only_in(page_html, start, end):
        return page_html[:start] + replace_in_text(page_html[start:end], CHINESE, mark, skip=NOT_TEXT) + page_html[end:]
    return replace_in_text(page_html, CHINESE, mark, skip=NOT_TEXT)


def _only_in(page_html: str, start: int, end: int) -> bool:
    """Whether all the Chinese of the page is between `start` and `end`, outside any element
    without text (every such element opened before `start` is closed before it)."""
    if CHINESE.search(page_html, 0, start) or CHINESE.search(page_html, end):
        return False
    return all(page_html.count(f"<{name}", 0, start) == page_html.count(f"</{name}>", 0, start) for name in NOT_TEXT)
