from pathlib import Path

from conftest import ROOT, statement_text

from podium.model.loader import Statement, load_dir, load_file, parse
from podium.model.problems import Severity
from podium.text.normalise import normalise


def problems_of(text: str) -> list[str]:
    result = parse(text, "statements/x.md", Path("x.md"))
    assert not isinstance(result, Statement), "expected problems"
    return [str(p) for p in result]


def test_loads_the_repository_statements() -> None:
    loaded = load_dir(ROOT / "statements")
    assert loaded.problems == []
    assert sorted(s.meta.id for s in loaded.statements) == [
        "vna-2023-12-02-iom-council-114", "vnm-iom-council-114"]
    st = next(s for s in loaded.statements if s.meta.id == "vnm-iom-council-114")
    assert st.shown == "statements/vnm-iom-council-114.md"
    assert st.body.startswith("Madam Chair\n")
    assert st.line("event", "session") == 12
    assert st.body_line == 35


def test_missing_field_names_file_line_field_and_fix() -> None:
    text = "---\nid: x\nkind: statement\nlanguage: en\ndate: 2024-01-01\n---\n\nText.\n"
    [problem] = problems_of(text)
    assert problem.startswith("statements/x.md:1: title: Field required (add `title:`")


def test_wrong_value_points_at_its_line() -> None:
    text = statement_text(kind="speach")
    [problem] = problems_of(text)
    assert problem.startswith("statements/x.md:3: kind: Input should be 'statement'")


def test_nested_field_line() -> None:
    text = statement_text(event={"body": "HRC", "start": "2024-09-01", "end": "2024-08-01"},
                          date="2024-09-01")
    [problem] = problems_of(text)
    assert problem.startswith("statements/x.md:10: event.end: event.end 2024-08-01 is before")


def test_unknown_field_suggests_the_right_one() -> None:
    [problem] = problems_of(statement_text(langauge="fr"))
    assert "langauge: unknown field 'langauge' (did you mean 'language'?)" in problem


def test_yaml_boolean_trap_gets_a_hint() -> None:
    [problem] = problems_of(statement_text(title=True))
    assert "quote the value" in problem


def test_impossible_date_hint() -> None:
    [problem] = problems_of(statement_text().replace("'2024-09-24'", "2023-02-30"))
    assert "date:" in problem and "2023-02-30 does not exist (February 2023 has 28 days)" in problem


def test_malformed_yaml_reports_its_line() -> None:
    [problem] = problems_of("---\nid: x\ntitle: [unclosed\nkind: statement\n---\n\nText\n")
    assert problem.startswith("statements/x.md:3: malformed YAML front matter")  # where the [ is


def test_no_front_matter() -> None:
    [problem] = problems_of("Just a text.\n")
    assert problem.startswith("statements/x.md:1: no front matter")


def test_empty_body() -> None:
    [problem] = problems_of(statement_text(body="\n\n"))
    assert "body: the statement has no text" in problem


def test_bom_and_crlf_are_accepted_like_lf() -> None:
    text = statement_text()
    a = parse(text, "x", Path("x.md"))
    b = parse("\ufeff" + text.replace("\n", "\r\n"), "x", Path("x.md"))
    assert isinstance(a, Statement) and isinstance(b, Statement)
    assert (a.meta, a.body) == (b.meta, b.body)


def test_cp1252_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_bytes(statement_text(body="Caf\u00e9 \u201cquoted\u201d\n").encode("cp1252"))
    [problem] = load_file(tmp_path, Path("x.md"))  # type: ignore[misc]
    assert str(problem).startswith(f"{tmp_path.name}/x.md:9: not UTF-8 (byte 0xe9)")
    assert "save the file as UTF-8" in str(problem)


def test_non_markdown_file_is_a_warning_and_others_still_load(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "good.md").write_text(statement_text(id="good"), encoding="utf-8")
    (tmp_path / "bad.md").write_text(statement_text(id="Bad Id"), encoding="utf-8")
    loaded = load_dir(tmp_path)
    assert [s.meta.id for s in loaded.statements] == ["good"]
    kinds = sorted((p.path.split("/")[-1], p.severity) for p in loaded.problems)
    assert kinds == [("bad.md", Severity.ERROR), ("notes.txt", Severity.WARNING)]


def test_loading_in_worker_processes_gives_the_same_collection(tmp_path: Path) -> None:
    for i in range(450):  # three batches of files
        (tmp_path / f"s{i:03}.md").write_text(statement_text(id=f"s{i:03}"), encoding="utf-8")
    (tmp_path / "s100.md").write_text(statement_text(id="s100", date="2023-02-30"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a statement", encoding="utf-8")
    one, two = load_dir(tmp_path, workers=1), load_dir(tmp_path, workers=2)
    assert [s.meta for s in two.statements] == [s.meta for s in one.statements]
    assert [s.body for s in two.statements] == [s.body for s in one.statements]
    assert len(one.statements) == 449
    assert [str(p) for p in two.problems] == [str(p) for p in one.problems]
    assert len(one.problems) == 2


def test_a_hidden_markdown_file_is_refused_not_skipped(tmp_path: Path) -> None:
    """`.hidden.md` used to vanish without a word; hidden folders and other
    hidden files (.git/, .DS_Store) are still passed over."""
    (tmp_path / "good.md").write_text(statement_text(id="good"), encoding="utf-8")
    (tmp_path / ".hidden.md").write_text(statement_text(id="hidden"), encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\0\1")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.md").write_text("not a statement", encoding="utf-8")
    loaded = load_dir(tmp_path)
    assert [s.meta.id for s in loaded.statements] == ["good"]
    [problem] = loaded.problems
    assert problem.path == f"{tmp_path.name}/.hidden.md" and problem.severity == Severity.ERROR
    assert "starts with '.'" in problem.message
    assert "'hidden.md'" in (problem.hint or "")


def test_a_one_line_field_with_a_line_break_is_refused() -> None:
    """A title or a name is one line on the page and in citations (a line break
    in a title started a new record in RIS); a summary may run over lines."""
    [problem] = problems_of(statement_text(title="Line one\nER  -\nTY  - JOUR"))
    assert ": title: holds a line break" in problem and "`>-`" in problem
    [problem] = problems_of(statement_text(speaker={"name": "A\r\nAU  - Injected"}))
    assert ": speaker.name: holds a line break" in problem
    summary = statement_text(summary="First line.\nSecond line.")
    assert isinstance(parse(summary, "x.md", Path("x.md")), Statement)
    [problem] = problems_of(statement_text(title="a \u0007 b"))
    assert "U+0007" in problem and "control character" in problem and "direction" not in problem


def test_a_control_character_in_the_text_is_refused_at_its_line() -> None:
    """A BEL or an escape sequence shows as nothing and breaks feeds; the form
    feed and vertical tab of PDF copies are read as spaces."""
    text = statement_text(body="First paragraph.\n\nSecond \x1b[31m paragraph.\n")
    [problem] = problems_of(text)
    closing = text.split("\n").index("---", 1) + 1  # the closing --- line's number
    assert problem.startswith(f"statements/x.md:{closing + 4}: body: holds the control character U+001B")
    st = parse(statement_text(body="End of a page.\x0cNext page.\x0b\n"), "x.md", Path("x.md"))
    assert isinstance(st, Statement)
    assert normalise(st.body) == "End of a page. Next page.\n"


def test_every_problem_of_a_file_in_one_run() -> None:
    """A value over its limit does not hide the schema's complaints, nor the reverse."""
    problems = problems_of(statement_text(title="x" * 600, kind="speach"))
    assert sorted(p.split(": ")[1] for p in problems) == ["kind", "title"]


def test_a_name_starting_with_a_dash_gets_its_own_hint(tmp_path: Path) -> None:
    (tmp_path / "-dash.md").write_text(statement_text(id="dash"), encoding="utf-8")
    [problem] = load_dir(tmp_path).problems
    assert "starts with '-'" in problem.message and "'dash.md'" in problem.hint


def test_a_memo_reads_again_only_the_files_that_changed(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """As `mkdocs serve` loads at each rebuild (podium.model.loader.Memo)."""
    import os

    from podium.model import loader

    for n in range(3):
        (tmp_path / f"s{n}.md").write_text(statement_text(id=f"s{n}"), encoding="utf-8")
    memo = loader.Memo()
    first = load_dir(tmp_path, memo=memo)
    read: list[Path] = []
    real = loader.load_file
    monkeypatch.setattr(loader, "load_file", lambda root, rel: read.append(rel) or real(root, rel))
    assert load_dir(tmp_path, memo=memo).statements == first.statements
    assert read == []
    (tmp_path / "s1.md").write_text(statement_text(id="s1", title="Changed"), encoding="utf-8")
    os.utime(tmp_path / "s2.md")  # saved again unchanged: read again, same statement
    (tmp_path / "s0.md").unlink()
    (tmp_path / "s3.md").write_text(statement_text(id="s3"), encoding="utf-8")
    again = load_dir(tmp_path, memo=memo)
    assert sorted(read) == [Path("s1.md"), Path("s2.md"), Path("s3.md")]
    assert [st.meta.id for st in again.statements] == ["s1", "s2", "s3"]
    assert again.statements[0].meta.title == "Changed"
    assert sorted(memo.files) == [Path(f"s{n}.md") for n in (1, 2, 3)]


def test_nothing_in_the_folder_is_skipped_in_silence(tmp_path: Path) -> None:
    """Every entry that is not read is named, with why (issue 25)."""
    import os

    root = tmp_path / "statements"
    (root / "x.md").mkdir(parents=True)  # a folder named like a statement: entered
    (root / "x.md" / "inner.md").write_text(statement_text(id="inner"), encoding="utf-8")
    (root / "ok.md").write_text(statement_text(id="ok"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "far.md").write_text(statement_text(id="far"), encoding="utf-8")
    (root / "linked").symlink_to(elsewhere, target_is_directory=True)
    (root / "dangling.md").symlink_to(tmp_path / "nothing.md")
    os.mkfifo(root / "pipe.md")
    (root / ".hidden-folder").mkdir()
    (root / ".hidden-folder" / "h.md").write_text(statement_text(id="h"), encoding="utf-8")
    (root / ".notes").write_text("x", encoding="utf-8")
    (root / ".gitkeep").write_text("", encoding="utf-8")  # (a convention: quiet)
    loaded = load_dir(root)
    assert sorted(st.meta.id for st in loaded.statements) == ["inner", "ok"]
    said = {p.path: p.message for p in loaded.problems}
    assert said == {
        "statements/linked": "a link to a folder, not entered",
        "statements/dangling.md": "a link to nothing, ignored",
        "statements/pipe.md": "not a regular file (a FIFO, socket or device), ignored",
        "statements/.hidden-folder": "a hidden folder, not read",
        "statements/.notes": "a hidden file, not read",
    }


def test_utf16_files_are_read_with_or_without_a_bom(tmp_path: Path) -> None:
    text = statement_text(id="u", title="Déclaration du Viet Nam")
    for n, (codec, bom) in enumerate([("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                      ("utf-16-le", b""), ("utf-16-be", b"")]):
        (tmp_path / f"u{n}.md").write_bytes(bom + text.replace("id: u", f"id: u{n}").encode(codec))
    loaded = load_dir(tmp_path)
    assert not loaded.problems, loaded.problems
    assert {st.meta.title for st in loaded.statements} == {"Déclaration du Viet Nam"}


def test_decomposed_names_are_taken_and_case_twins_refused(tmp_path: Path) -> None:
    import unicodedata

    (tmp_path / unicodedata.normalize("NFD", "café.md")).write_text(statement_text(id="cafe"),
                                                                       encoding="utf-8")
    (tmp_path / "Report.md").write_text(statement_text(id="report-a"), encoding="utf-8")
    (tmp_path / "report.md").write_text(statement_text(id="report-b"), encoding="utf-8")
    loaded = load_dir(tmp_path)
    assert sorted(st.meta.id for st in loaded.statements) == ["cafe", "report-a"]
    [problem] = loaded.problems
    assert problem.path.endswith("report.md") and "only in the case" in problem.message
    assert problem.severity is Severity.ERROR


def test_invisible_characters_in_one_line_fields_are_refused() -> None:
    text = statement_text(title="Climate\u200bchange", speaker={"name": "Jo\u00adhn"})
    bad = parse(text, "a.md", Path("a.md"))
    assert isinstance(bad, list)
    assert {(p.field, p.message.split(" (")[0]) for p in bad} == {
        ("title", "holds the invisible character U+200B"),
        ("speaker.name", "holds the invisible character U+00AD")}
    persian = parse(statement_text(title="بیانیه\u200cها", language="fa"), "b.md", Path("b.md"))
    assert not isinstance(persian, list), persian  # a joiner that is spelling is kept


def test_a_list_nested_too_deep_is_one_line_not_a_recursion_error() -> None:
    """300 nested list items made Markdown raise RecursionError in podium check and the build."""
    deep = "\n".join("    " * i + "- item" for i in range(300)) + "\n"
    problems = parse(statement_text(body=deep), "a.md", Path("a.md"))
    assert isinstance(problems, list) and [p.field for p in problems] == ["body"]
    assert "nested more than 40 levels" in problems[0].message and problems[0].line
    fine = "\n".join("  " * i + "- item" for i in range(6)) + "\n\n41. The Assembly decides.\n"
    assert not isinstance(parse(statement_text(body=fine), "b.md", Path("b.md")), list)
