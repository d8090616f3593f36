"""The theme's templates, compiled once and kept between builds (publishing/template_cache.py,
hooks/template_cache.py)."""

import jinja2
import pytest
from conftest import explainer, mkdocs_build, write_site
from jinja2.bccache import bc_magic

from publishing.template_cache import keep_compiled_templates


@pytest.fixture
def compiled(monkeypatch):
    """The names of the templates Jinja compiled, in order."""
    names = []
    compile_template = jinja2.Environment.compile

    def counting(self, source, name=None, *args, **kwargs):
        names.append(name)
        return compile_template(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def render(folder, templates, libraries="lock 1", extensions=()):
    """A new environment, as MkDocs makes one for every build, rendering "page.html"."""
    env = jinja2.Environment(loader=jinja2.DictLoader(templates), extensions=list(extensions))
    keep_compiled_templates(env, folder, libraries)
    return env.get_template("page.html").render(title="Hello")


TEMPLATES = {"page.html": "{% include 'title.html' %} and more", "title.html": "<h1>{{ title }}</h1>"}


def test_the_next_environment_compiles_nothing_and_renders_the_same(tmp_path, compiled):
    assert render(tmp_path / "kept", TEMPLATES) == "<h1>Hello</h1> and more"
    assert sorted(compiled) == ["page.html", "title.html"]
    compiled.clear()
    assert render(tmp_path / "kept", TEMPLATES) == "<h1>Hello</h1> and more"
    assert compiled == []


def test_an_edited_template_is_compiled_again(tmp_path, compiled):
    render(tmp_path, TEMPLATES)
    compiled.clear()
    assert render(tmp_path, {**TEMPLATES, "title.html": "<h2>{{ title }}</h2>"}) == "<h2>Hello</h2> and more"
    assert compiled == ["title.html"]


def test_other_libraries_or_extensions_compile_every_template_again(tmp_path, compiled):
    render(tmp_path, TEMPLATES)
    compiled.clear()
    render(tmp_path, TEMPLATES, libraries="lock 2")
    assert sorted(compiled) == ["page.html", "title.html"]
    compiled.clear()
    render(tmp_path, TEMPLATES, libraries="lock 2", extensions=["jinja2.ext.loopcontrols"])
    assert sorted(compiled) == ["page.html", "title.html"]


@pytest.mark.parametrize("damage", ["empty", "cut inside its checksum", "noise after its header"])
def test_a_damaged_cache_file_is_compiled_again_and_rewritten(tmp_path, compiled, damage):
    render(tmp_path, TEMPLATES)
    header = len(bc_magic)  # Jinja checks the header itself; what comes after it, it trusts
    for kept in tmp_path.iterdir():
        data = kept.read_bytes()
        kept.write_bytes(
            {
                "empty": b"",
                "cut inside its checksum": data[: header + 5],
                "noise after its header": data[:header] + b"\x80\xff" * 50,
            }[damage]
        )
    compiled.clear()
    assert render(tmp_path, TEMPLATES) == "<h1>Hello</h1> and more"
    assert sorted(compiled) == ["page.html", "title.html"]
    compiled.clear()
    render(tmp_path, TEMPLATES)
    assert compiled == []


def test_a_site_built_with_kept_templates_is_the_same_and_compiles_nothing_the_second_time(tmp_path):
    pages = {"index.md": explainer("# Home\n\nThe home page [@doe2020example].\n", "index.md")}
    plain = mkdocs_build(write_site(tmp_path / "plain", pages))
    assert plain.returncode == 0, plain.output
    kept = write_site(tmp_path / "kept", pages, hooks=["page_pipeline", "template_cache"])
    first = mkdocs_build(kept)
    assert first.returncode == 0, first.output
    cache = kept / ".cache" / "templates"
    written = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert len(written) > 10  # Material's page template includes dozens of others
    second = mkdocs_build(kept)
    assert second.returncode == 0, second.output
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == written  # nothing compiled again
    for page in ("index.html", "404.html", "sitemap.xml"):
        assert second.html(page) == plain.html(page)
