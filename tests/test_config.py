"""mkdocs.yml: the lint in `make check` (and every build) names each problem with its line."""

from conftest import PROJECT, mkdocs_build, write_site

from sourcing.check import check_site
from sourcing.config import load_config


def config_problems(root) -> list[str]:
    report = check_site(root / "docs", root / "bibliography", root)
    return [str(p) for p in report.problems]


def test_the_real_config_passes_with_its_env_tags():
    config = load_config(PROJECT / "mkdocs.yml", "mkdocs.yml")
    assert config.problems == []
    assert config.get("site_url")[0] == "SITE_URL"  # !ENV [SITE_URL, default], read as its list
    lines = (PROJECT / "mkdocs.yml").read_text().splitlines()
    assert config.nav[0] == ("index.md", lines.index("  - Home: index.md") + 1)  # each nav entry knows its line


def test_a_key_given_twice_is_named_at_both_lines(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Fixture\n"                                   # 1
        "site_url: !ENV [SITE_URL, 'https://x.example/']\n"     # 2
        "extra_css:\n"                                           # 3
        "  - a.css\n"                                            # 4
        "markdown_extensions:\n"                                 # 5
        "  - toc:\n"                                             # 6
        "      permalink: true\n"                                # 7
        "      permalink: !!python/name:builtins.str\n"          # 8
        "extra_css:\n"                                           # 9
        "  - b.css\n"                                            # 10
    )
    config = load_config(tmp_path / "mkdocs.yml", "mkdocs.yml")
    assert [str(p) for p in config.problems] == [
        "mkdocs.yml:8: 'permalink' is given twice (first on line 7); YAML would keep only the last; remove one of them",
        "mkdocs.yml:9: 'extra_css' is given twice (first on line 3); YAML would keep only the last; remove one of them",
    ]


def test_a_duplicate_key_stops_the_build(tmp_path):
    root = write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n"})
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "extra_css:\n  - a.css\nextra_css:\n  - b.css\n")
    build = mkdocs_build(root, "--strict")
    assert build.returncode != 0
    line = len((root / "mkdocs.yml").read_text().splitlines()) - 1
    assert f"mkdocs.yml:{line}: 'extra_css' is given twice (first on line {line - 2}); YAML would keep only the last" in build.output
    assert "Traceback" not in build.output


def test_the_navigation_and_the_pages_agree(tmp_path):
    root = write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n", "a.md": "---\nexempt_from_sourcing: x\n---\n# A\n"})
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "nav:\n  - Home: index.md\n  - Gone: gone.md\n  - https://example.org/\n")
    line = len((root / "mkdocs.yml").read_text().splitlines()) - 1
    assert config_problems(root) == [
        "docs/a.md:1: page is not in the navigation; add it to nav: in mkdocs.yml, where readers will look for it",
        f"mkdocs.yml:{line}: nav names 'gone.md', which is not a page below docs/; correct the path (it is relative to docs/), "
        "or remove the entry",
    ]


def test_the_bibtex_plugin_is_set_as_the_pipeline_needs(tmp_path):
    root = write_site(tmp_path, {"index.md": "# Home\n\nA fact [@doe2020example].\n"})
    config = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(config.replace("      bib_by_default: false\n", ""))
    assert config_problems(root) == [
        "mkdocs.yml:9: the bibtex plugin's bib_by_default must be false; write bib_by_default: false under it: the page "
        "pipeline lists each page's references and reads only [@key] citations"
    ]
