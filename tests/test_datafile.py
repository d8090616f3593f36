"""The site's data files (figures, charts, glossary, corrections, the map) are read one way."""


def test_a_data_file_missing_unreadable_or_of_the_wrong_shape(tmp_path):
    from sourcing.datafile import Items, Record, load_data_file

    wrong = ("not a list of things", "start each with '- name: ...'")
    assert load_data_file(tmp_path / "none.yml", "none.yml", Items, wrong) == (None, [])  # missing: nothing to check
    (tmp_path / "map.yml").write_text("a: 1\n", encoding="utf-8")
    data, problems = load_data_file(tmp_path / "map.yml", "map.yml", Items, wrong)
    assert data is None and [str(p) for p in problems] == ["map.yml:1: not a list of things; start each with '- name: ...'"]
    (tmp_path / "bad.yml").write_text("a: [1\n", encoding="utf-8")
    data, problems = load_data_file(tmp_path / "bad.yml", "bad.yml", Items, wrong)
    assert data is None and len(problems) == 1 and "not valid YAML" in problems[0].what
    data, problems = load_data_file(tmp_path / "map.yml", "map.yml", Record, wrong)
    assert data == {"a": 1} and problems == []
