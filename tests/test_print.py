"""Printing: the whole site (and each lesson pack) as one printable document, links intact."""

import re

import yaml
from conftest import PROJECT

from publishing.navigation import nav_files
from publishing.print_document import BuiltPage, print_document
from publishing.rebuild_memo import RebuildMemo

PAGE = '<link rel="stylesheet" href="../assets/main.css"><article class="md-content__inner md-typeset">{}</article>'


def test_pages_become_sections_with_unique_ids_and_links_between_them_stay_inside():
    pages = [
        BuiltPage("/a/", PAGE.format('<h1 id="a">A</h1><p id="x"><a href="../b/#y">to b</a> <a href="#x">self</a></p>')),
        BuiltPage("/b/", PAGE.format('<h1 id="b">B</h1><p id="y"><a href="../c/">outside</a> <a href="https://e.org/">web</a></p>')),
    ]
    document = print_document("Pack", pages, "/print/pack/", "https://site.example/")
    assert '<section class="print-page" id="p1">' in document and '<section class="print-page" id="p2">' in document
    assert '<p id="p1-x"><a href="#p2-y">to b</a> <a href="#p1-x">self</a></p>' in document
    assert '<a href="https://site.example/c/">outside</a> <a href="https://e.org/">web</a>' in document
    assert '<link rel="stylesheet" href="../../assets/main.css">' in document
    assert '<li><a href="#p1">A</a></li>' in document


def test_sections_kept_for_the_next_build_make_the_same_document_and_follow_the_pages(tmp_path):
    pages = [
        BuiltPage("/a/", PAGE.format('<h1 id="a">A</h1><p id="x"><a href="../b/#y">to b</a></p>')),
        BuiltPage("/b/", PAGE.format('<h1 id="b">B</h1><p id="y"><a href="../a/">back</a></p>')),
    ]
    expected = print_document("Pack", pages, "/print/pack/", "https://site.example/")
    store = tmp_path / "sections.pickle"
    first = RebuildMemo()
    first.keep_in(store, "code")
    assert print_document("Pack", pages, "/print/pack/", "https://site.example/", steps=first) == expected
    first.end_build()
    second = RebuildMemo()
    second.keep_in(store, "code")
    assert print_document("Pack", pages, "/print/pack/", "https://site.example/", steps=second) == expected
    assert second.runs == 0
    # without page a, b's link to it points at the site; b is the first section now
    alone = print_document("Pack", pages[1:], "/print/pack/", "https://site.example/", steps=second)
    assert alone == print_document("Pack", pages[1:], "/print/pack/", "https://site.example/")
    assert '<a href="https://site.example/a/">back</a>' in alone and '<section class="print-page" id="p1">' in alone


def test_a_printable_document_is_a_complete_accessible_page():
    head = '<link rel="icon" href="../assets/favicon.png">' + PAGE
    pages = [
        BuiltPage("/a/", head.format('<h1 id="a">A &amp; B<a class="headerlink" href="#a" title="Permanent link">&para;</a></h1>'
                                     '<p><a href="../c/?x=1&amp;y=2">query</a></p>')),
        BuiltPage("/b/", PAGE.format('<h1 id="b">B</h1>')),
    ]
    document = print_document("Pack", pages, "/print/pack/", "https://site.example/", "A pack of two pages.")
    assert '<meta name="viewport" content="width=device-width,initial-scale=1">' in document
    assert '<meta name="description" content="A pack of two pages.">' in document
    assert '<link rel="icon" href="../../assets/favicon.png">' in document
    assert '<main class="md-typeset print-document__body">' in document and "</main>" in document
    assert '<li><a href="#p1">A &amp; B</a></li>' in document  # no "¶", escaped once
    assert '<a href="https://site.example/c/?x=1&amp;y=2">query</a>' in document  # escaped once, not &amp;amp;


def test_the_whole_site_prints_as_one_document_in_reading_order(real_site):
    assert real_site.returncode == 0, real_site.output
    document = (real_site.site / "print" / "index.html").read_text(encoding="utf-8")
    nav = nav_files(yaml.load((PROJECT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"])
    assert document.count('<section class="print-page"') == len(nav)
    ids = re.findall(r'\sid="([^"]+)"', document)
    assert len(ids) == len(set(ids)), "ids repeat across pages"
    for href in re.findall(r'\shref="#([^"]+)"', document):
        assert href in ids, f"link to #{href} leads nowhere"
    assert not re.search(r'<a [^>]*href="\.\./', document), "a link still points at a separate page"
    # references are kept: every page with citations brings its reference list
    assert document.count('<ol class="references">') >= 20


def test_each_lesson_prints_as_a_pack_with_the_pages_it_assigns(real_site):
    lessons = sorted((PROJECT / "docs" / "teaching").glob("0*.md"))
    assert len(lessons) >= 5
    for lesson in lessons:
        pack = (real_site.site / "print" / lesson.stem / "index.html").read_text(encoding="utf-8")
        assigned = re.findall(r"\]\(([^)#\s]+\.md)", lesson.read_text().split("## Before the lesson")[1].split("\n## ")[0])
        assert pack.count('<section class="print-page"') == 1 + len(set(assigned)), lesson.name
        assert '<section class="print-page" id="p1">' in pack
