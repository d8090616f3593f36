"""The BibTeX reader: entries with their lines, and every syntax error named with its line."""

from conftest import dedent

from sourcing.bibtex import parse_bibtex


def messages(text: str) -> list[str]:
    return [str(p) for p in parse_bibtex(dedent(text), "refs.bib")[1]]


def test_reads_entries_fields_and_lines():
    entries, problems = parse_bibtex(
        dedent(
            """
            % a comment line
            @Article{smith2020title,
              Author = {Smith, Ann},
              title = "A {Nested} Title
                       on two lines",
              year = 2020,
            }

            @comment{ignored, entirely}
            @online{org2021page, title = {Page}}
            """
        ),
        "refs.bib",
    )
    assert problems == []
    assert [(e.key, e.type, e.line) for e in entries] == [("smith2020title", "article", 2), ("org2021page", "online", 10)]
    first = entries[0]
    assert first.get("author") == "Smith, Ann"
    assert first.get("title") == "A {Nested} Title on two lines"
    assert first.get("year") == "2020"
    assert first.line_of("year") == 6


def test_unclosed_brace_names_the_line_where_it_opened_and_reading_goes_on():
    assert messages(
        """
        @article{a2020one,
          title = {Never closed,
          sourcetype = {secondary},
        }
        @article{b2020two,
          title = {Fine}
          year = {2020},
        }
        """
    ) == [
        "refs.bib:2: a '{' opened here is never closed; add the missing '}' at the end of the value",
        "refs.bib:7: entry 'b2020two': expected ',' or '}' after a field; "
        "separate fields with commas and close the entry with '}'",
    ]


def test_missing_comma_after_key():
    assert messages("@article{a2020one\n  title = {T},\n}\n") == [
        "refs.bib:1: entry 'a2020one': no ',' after the key; write @article{a2020one, then the fields"
    ]


def test_field_without_equals_sign_or_value():
    assert messages("@article{a2020one,\n  title {T},\n}\n") == [
        "refs.bib:2: entry 'a2020one': field 'title' has no '='; write it as title = {value}"
    ]
    assert messages("@article{a2020one,\n  title = ,\n}\n") == [
        "refs.bib:2: entry 'a2020one': field 'title' has no value in braces; write it as title = {value}"
    ]


def test_field_given_twice():
    assert messages("@article{a2020one,\n  title = {T},\n  title = {U},\n}\n") == [
        "refs.bib:3: entry 'a2020one': field 'title' is given twice (first at line 2); keep one of them"
    ]


def test_unsupported_syntax_is_named():
    assert messages('@string{ccm = "China Copyright and Media"}\n') == [
        "refs.bib:1: @string abbreviations are not supported; write the value in full in each entry"
    ]
    assert messages("@article(a2020one, title = {T})\n") == [
        "refs.bib:1: entry @article( uses parentheses; write it with braces: @article{key, ...}"
    ]
    assert messages("@article{a2020one, title = {T} # {U}}\n") == [
        "refs.bib:1: entry 'a2020one': field 'title' joins strings with '#'; write the whole value in one pair of braces"
    ]


def test_entry_without_key_and_stray_at_sign():
    assert messages("@article{, title = {T}}\n") == [
        "refs.bib:1: @article entry has no citation key; give it a key: @article{authorYEARword, ..."
    ]
    assert messages("Mail me at someone@example.org\n") == [
        "refs.bib:1: @example is not followed by '{'; write the entry as @example{key, field = {value}}"
    ]


def test_unclosed_entry_at_end_of_file():
    assert messages("@article{a2020one,\n  title = {T},\n") == [
        "refs.bib:1: entry 'a2020one' is never closed; add '}' after its last field"
    ]


def test_a_bib_file_is_read_as_mkdocs_reads_text(tmp_path):
    from sourcing.bibtex import read_bib_file

    path = tmp_path / "refs.bib"
    path.write_bytes(b"\xef\xbb\xbf@online{a2020one,\r\n  title = {T},\r\n}\r\n")  # byte-order mark, CRLF
    entries, problems = read_bib_file(path, "refs.bib")
    assert problems == []
    assert [(e.key, e.line, e.line_of("title")) for e in entries] == [("a2020one", 1, 2)]
    path.write_bytes("@online{a2020one,\n  title = {Caf\u00e9 \u00e0 ".encode() + b"\xe0 la carte},\n}\n")
    entries, problems = read_bib_file(path, "refs.bib")
    assert [str(p) for p in problems] == [
        "refs.bib:2: byte 0xe0 at column 19 is not UTF-8; save the file as UTF-8 (retype the character there)"
    ]
    # the rest of the file is still read: its entries are known, so no citing page reports "unknown key"
    assert [e.key for e in entries] == ["a2020one"]


def test_an_entry_without_a_key_is_one_problem_at_its_line():
    # not an entry whose key is 'author'
    assert messages(
        """
        @online{a2020one, title = {A}}
        @online{
          author = {Doe, Jane},
          title = {No key},
        }
        @online{b2020two, title = {B}}
        """
    ) == ["refs.bib:2: @online entry has no citation key; give it a key: @online{authorYEARword, ..."]
    assert messages("@online{author={Doe, Jane}, title = {T}}\n") == [
        "refs.bib:1: @online entry has no citation key; give it a key: @online{authorYEARword, ..."
    ]


def test_a_stray_closing_brace_or_quote_is_named_where_it_ends_the_field_early():
    assert messages("@online{a2020one,\n  title = {Foo } bar},\n  date = {2020},\n}\n") == [
        "refs.bib:2: entry 'a2020one': this '}' ends field 'title' early, and 'bar},' is left outside it; "
        "remove the stray '}', or pair it with a '{' before it"
    ]
    assert messages("@online{a2020one,\n  title = {Foo }\n    bar},\n  date = {2020},\n}\n") == [
        "refs.bib:2: entry 'a2020one': this '}' ends field 'title' early, and 'bar},' is left outside it; "
        "remove the stray '}', or pair it with a '{' before it"
    ]
    assert messages('@online{a2020one,\n  title = "Foo" bar",\n}\n') == [
        "refs.bib:2: entry 'a2020one': this '\"' ends field 'title' early, and 'bar\",' is left outside it; "
        "remove the stray '\"' inside the value, or write the value in braces"
    ]
    assert messages('@online{a2020one,\n  date = {2020},\n  title = "Foo } bar",\n}\n') == [
        "refs.bib:3: entry 'a2020one': field 'title': this '}' has no '{' before it; remove the stray '}', or pair it with a '{' before it"
    ]
    # at the very end of a value, the '}' too many closes the entry itself: the fields after it are lost
    assert messages("@online{a2020one,\n  date = {2020},\n  title = {Foo}},\n  url = {https://e.org/},\n}\n@online{b2020two,\n}\n") == [
        "refs.bib:3: entry 'a2020one' ends at this line's last '}', but field 'url' follows it; "
        "remove the '}' too many from the value on this line (braces inside a value come in pairs)"
    ]
    entries, _ = parse_bibtex("@online{a2020one,\n  title = {Foo}}\n  , url = {x},\n}\n", "refs.bib")
    assert entries == []  # not read as an entry without its url: citing it says it cannot be read
    # a missing comma between two fields is still named as such
    assert messages("@online{a2020one,\n  title = {A} date = {2020},\n}\n") == [
        "refs.bib:2: entry 'a2020one': expected ',' or '}' after a field; separate fields with commas and close the entry with '}'"
    ]


def test_the_fast_path_and_the_careful_reader_read_every_entry_alike():
    # most entries are read by one regular expression (_read_plain_entry); what it accepts, the
    # careful reader (_read_entry) must read the same, and whatever it refuses, the careful reader reports
    from conftest import FIXTURES, PROJECT

    from sourcing.bibtex import _read_entry, _read_plain_entry, _Reader

    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT / "bibliography").glob("*.bib"))]
    texts.append((FIXTURES / "sources.bib").read_text(encoding="utf-8"))
    read = 0
    for text in texts:
        position = text.find("@")
        while position >= 0:
            fast, careful = _Reader(text, "x.bib"), _Reader(text, "x.bib")
            fast.pos = careful.pos = position
            entry = _read_plain_entry(fast)
            if entry is not None:
                other = _read_entry(careful)
                assert (entry.key, entry.type, entry.line, entry.fields, entry.text, fast.pos) == (
                    other.key, other.type, other.line, other.fields, other.text, careful.pos
                )
                read += 1
            position = text.find("@", max(fast.pos, position + 1))
    assert read >= 300
    for broken in ("@online{\n  author = {A},\n}", "@online{a2020x,\n  title = {Foo } bar},\n}", '@online{a2020x, title = "a } b"}'):
        assert _read_plain_entry(_Reader(broken, "x.bib")) is None
