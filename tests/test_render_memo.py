"""A page's Markdown rendered once and kept while nothing it depends on changes
(publishing/render_memo.py)."""

import json
import logging
import subprocess
import sys
from types import SimpleNamespace

from conftest import PROJECT, explainer, write_site
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

from publishing.rebuild_memo import RebuildMemo, steps_version
from publishing.render_memo import keep_render, site_settings


class File:
    def __init__(self, src_uri):
        self.src_uri = src_uri


OTHER = File("other.md")
FILES = SimpleNamespace(get_file_from_path={"other.md": OTHER}.get)


def fake_page(markdown, renders, warn=False):
    """A page as MkDocs's render leaves it, counting its renders in `renders`."""
    page = SimpleNamespace(markdown=markdown, file=SimpleNamespace(src_uri="page.md", url="page/"))

    def render(config, files):
        renders.append(page.markdown)
        if warn:
            logging.getLogger("mkdocs.structure.pages").warning("Doc file 'page.md' contains a link to 'gone.md'")
        heading = AnchorLink("Title", "title", 1)
        heading.children = [AnchorLink("Part", "part", 2)]
        page.toc = TableOfContents([heading])
        page.toc.items[0].active = True
        page.content = f"<h1 id='title'>Title</h1><p>{page.markdown}</p>"
        page._title_from_render = "Title"
        page.present_anchor_ids = {"title", "part"}
        page.links_to_anchors = {OTHER: {"there": "other.md#there"}}

    page.render = render
    return page


def rendered(page):
    toc = [(i.title, i.id, i.level, getattr(i, "active", False), [(c.title, c.id, c.level) for c in i.children]) for i in page.toc]
    return page.content, toc, page._title_from_render, page.present_anchor_ids, page.links_to_anchors


def build_twice(memo, markdown, renders, warn=False):
    first = fake_page(markdown, renders, warn)
    keep_render(first, memo, ("site",), get_toc)
    first.render(None, FILES)
    memo.end_build()
    second = fake_page(markdown, renders, warn)
    keep_render(second, memo, ("site",), get_toc)
    second.render(None, FILES)
    return first, second


def test_an_unchanged_page_takes_all_that_its_last_render_left_without_rendering():
    renders = []
    first, second = build_twice(RebuildMemo(), "Some text.", renders)
    assert renders == ["Some text."]
    assert rendered(second) == rendered(first)
    assert second.links_to_anchors == {OTHER: {"there": "other.md#there"}}  # the file of this build


def test_an_edited_page_or_other_site_settings_render_again():
    renders = []
    memo = RebuildMemo()
    build_twice(memo, "Some text.", renders)
    page = fake_page("Some text, edited.", renders)
    keep_render(page, memo, ("site",), get_toc)
    page.render(None, FILES)
    page = fake_page("Some text.", renders)
    keep_render(page, memo, ("another site",), get_toc)
    page.render(None, FILES)
    assert renders == ["Some text.", "Some text, edited.", "Some text."]


def test_a_render_that_logs_is_not_kept_so_it_is_reported_at_every_build(caplog):
    renders = []
    with caplog.at_level(logging.WARNING):
        build_twice(RebuildMemo(), "A broken link.", renders, warn=True)
    assert renders == ["A broken link.", "A broken link."]
    assert [r.getMessage() for r in caplog.records].count("Doc file 'page.md' contains a link to 'gone.md'") == 2


def test_a_page_with_a_snippet_is_rendered_every_time():
    renders = []
    build_twice(RebuildMemo(), '--8<-- "CONTRIBUTING.md"', renders)
    assert len(renders) == 2


def config(extensions, settings=None):
    return {"markdown_extensions": extensions, "mdx_configs": settings or {}, "validation": {"links": {"anchors": 30}}}


def files(*uris):
    return [SimpleNamespace(src_uri=uri, url=uri.removesuffix(".md") + "/", inclusion=SimpleNamespace(name="INCLUDED")) for uri in uris]


def test_site_settings_change_with_the_files_extensions_settings_and_libraries(tmp_path):
    base = site_settings(config(["toc", "tables"]), files("index.md"))
    assert base == site_settings(config(["toc", "tables"]), files("index.md"))
    assert base != site_settings(config(["toc", "tables"]), files("index.md", "new.md"))
    assert base != site_settings(config(["toc", "tables", "abbr"]), files("index.md"))
    assert base != site_settings(config(["toc", "tables"], {"toc": {"permalink": True}}), files("index.md"))
    assert base != site_settings(ProperDocsConfig(config(["toc", "tables"])), files("index.md"))
    # another lock file: every kept result of the memo, renders included, is made afresh
    lock = tmp_path / "requirements.lock"
    lock.write_text("lock 1", encoding="utf-8")
    before = steps_version(PROJECT / "hooks" / "page_pipeline.py", lock)
    lock.write_text("lock 2", encoding="utf-8")
    steps_version.cache_clear()
    assert before != steps_version(PROJECT / "hooks" / "page_pipeline.py", lock)


class ProperDocsConfig(dict):
    """A configuration of the other engine: its renders are kept apart."""


ProperDocsConfig.__module__ = "properdocs.config.defaults"


def test_no_render_is_kept_with_an_extension_that_may_read_other_files():
    assert site_settings(config(["toc", "pymdownx.b64"]), files("index.md")) == ()


def test_the_sites_own_extensions_are_all_known_to_read_only_the_page():
    from mkdocs.config import load_config

    loaded = load_config(str(PROJECT / "mkdocs.yml"))
    assert site_settings(loaded, files("index.md")) != ()


BUILDS = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

renders = []
render = Page.render
def counting(self, config, files):
    renders.append(self.file.src_uri)
    return render(self, config, files)
Page.render = counting

def rebuild():
    config = load_config(str(Path(sys.argv[1]) / "mkdocs.yml"))
    build(config)
    site = Path(config.site_dir)
    done = sorted(renders)
    renders.clear()
    return done, {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}

root = Path(sys.argv[1])
first = rebuild()
second = rebuild()
page = root / "docs" / "other.md"
page.write_text(page.read_text(encoding="utf-8") + "\\nA saved edit.\\n", encoding="utf-8")
third = rebuild()
(root / "part.md").write_text("Another sentence from the included file.\\n", encoding="utf-8")
fourth = rebuild()
print(json.dumps([first, second, third, fourth]))
"""


def test_a_site_built_from_kept_renders_is_the_same_and_only_what_changed_is_rendered(tmp_path):
    pages = {
        "index.md": "# Home\n\nA fact [@doe2020example]. See [the other page](other.md#more).\n\n## Later\n\nMore.\n",
        "other.md": explainer("# Other\n\nAnother fact [@doe2020example].\n", "other.md"),
        "included.md": explainer('# Included\n\n--8<-- "part.md"\n', "included.md"),
    }
    write_site(tmp_path, pages)
    (tmp_path / "part.md").write_text("A sentence from the included file.\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.snippets\n"),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-c", BUILDS, str(tmp_path)], capture_output=True, text=True, timeout=300,
        cwd=tmp_path, env={"PYTHONPATH": str(PROJECT), "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    (first_renders, first), (second_renders, second), (third_renders, third), (fourth_renders, fourth) = json.loads(
        done.stdout.splitlines()[-1]
    )
    assert first_renders == ["included.md", "index.md", "other.md"]
    assert second_renders == ["included.md"]  # it includes another file: rendered every time
    assert second == first
    assert third_renders == ["included.md", "other.md"]
    assert "A saved edit." in third["other/index.html"] and third["index.html"] == first["index.html"]
    assert "Another sentence from the included file." in fourth["included/index.html"]
    assert fourth_renders == ["included.md"]
