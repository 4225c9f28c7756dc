from pathlib import Path

from conftest import ROOT, statement_text

from podium.model.collection import load_collection


def write(folder: Path, **files: str) -> Path:
    for name, text in files.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


def messages(folder: Path) -> list[str]:
    return [str(p) for p in load_collection(folder).problems]


def test_seed_relations_resolve_both_ways() -> None:
    c = load_collection(ROOT / "statements")
    by_id = {s.meta.id: s for s in c}
    statement, report = by_id["vnm-iom-council-114"], by_id["vna-2023-12-02-iom-council-114"]
    assert [(ln.key, ln.other) for ln in c.links(statement)] == [("relation.reports-on.inverse", report)]
    assert [(ln.key, ln.other) for ln in c.links(report)] == [("relation.reports-on", statement)]
    assert [s.meta.id for s in c] == [report.meta.id, statement.meta.id]  # newest first


def test_duplicate_id_names_both_files(tmp_path: Path) -> None:
    write(tmp_path, a=statement_text(id="same"), b=statement_text(id="same"))
    first, second = messages(tmp_path)
    assert first.startswith(f"{tmp_path.name}/a.md:2: id: duplicate id 'same', already used by")
    assert second.startswith(f"{tmp_path.name}/b.md:2: id: duplicate id 'same', already used by")
    assert "b.md" in first and "a.md" in second and "none of them is published" in first
    assert len(load_collection(tmp_path)) == 0  # neither file's name says which came first


def test_duplicate_id_the_file_named_after_it_keeps_it(tmp_path: Path) -> None:
    """A newcomer whose name sorts first must not take over the published page."""
    write(tmp_path, **{"aaa-new": statement_text(id="same", title="Newcomer"),
                       "same": statement_text(id="same", title="Published")})
    [msg] = messages(tmp_path)
    assert msg.startswith(f"{tmp_path.name}/aaa-new.md:2: id: duplicate id 'same'")
    assert "same.md is named after it and published; this file is not" in msg
    [kept] = load_collection(tmp_path)
    assert kept.meta.title == "Published"


def test_unknown_and_self_references(tmp_path: Path) -> None:
    write(tmp_path,
          a=statement_text(id="a", related=[{"id": "nope", "relation": "responds-to"}]),
          b=statement_text(id="b", related=[{"id": "b", "relation": "responds-to"}]))
    msgs = messages(tmp_path)
    assert any("a.md:8: related.0.id: unknown related id 'nope'" in m for m in msgs)
    assert any("b.md:8: related.0.id: a statement cannot relate to itself" in m for m in msgs)


def test_a_reference_to_an_invalid_file_is_not_called_unknown(tmp_path: Path) -> None:
    """An editor's typo in one file (a date that does not exist) gave a second,
    false error in the report that relates to it: 'unknown related id', with a
    hint to change an id that was right (an outside tester)."""
    write(tmp_path,
          stmt=statement_text(id="stmt", date="2023-11-31"),
          report=statement_text(id="report", related=[{"id": "stmt", "relation": "reports-on"}]))
    collection = load_collection(tmp_path)
    errors = [str(p) for p in collection.errors]
    assert len(errors) == 1 and "stmt.md" in errors[0] and "2023-11-31 does not exist" in errors[0]
    [warning] = [str(p) for p in collection.problems if p not in collection.errors]
    where = f"{tmp_path.name}/report.md:8: warning: related.0.id"
    assert warning.startswith(f"{where}: related id 'stmt' is that of ")
    assert "which is invalid: the link is left out until that file is fixed" in warning


def test_translation_cycle(tmp_path: Path) -> None:
    write(tmp_path,
          a=statement_text(id="a", related=[{"id": "b", "relation": "translation-of"}]),
          b=statement_text(id="b", related=[{"id": "a", "relation": "translation-of"}]))
    msgs = messages(tmp_path)
    assert len(msgs) == 2
    assert all("translations form a cycle" in m for m in msgs)


def test_report_before_statement(tmp_path: Path) -> None:
    write(tmp_path,
          s=statement_text(id="s", date="2024-05-02"),
          r=statement_text(id="r", kind="news-report", date="2024-05-01",
                           related=[{"id": "s", "relation": "reports-on"}]))
    [msg] = messages(tmp_path)
    assert "r.md:8: related.0.id: a report dated 2024-05-01 cannot report on" in msg
