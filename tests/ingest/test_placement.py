"""`podium import` and `podium new` never lose a statement when they write
(issue #13, item 9)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from conftest import ROOT, statement_text

from podium.cli import main
from podium.model.collection import load_collection

FIXTURES = ROOT / "tests" / "fixtures" / "import"
FR = FIXTURES / "fr-declaration.txt"
VI = FIXTURES / "vi-phat-bieu.txt"


def inferred_id(source: Path, tmp_path: Path) -> str:
    scratch = tmp_path / "scratch"
    assert main(["import", str(source), "--out", str(scratch)]) == 0
    [written] = scratch.glob("*.md")
    return written.stem


def test_force_does_not_overwrite_a_file_holding_another_statement(tmp_path: Path) -> None:
    id_ = inferred_id(FR, tmp_path)
    out = tmp_path / "statements"
    out.mkdir()
    other = statement_text(id="another-statement", title="Another statement")
    (out / f"{id_}.md").write_text(other, encoding="utf-8")
    assert main(["import", str(FR), "--out", str(out), "--force"]) == 1
    assert (out / f"{id_}.md").read_text(encoding="utf-8") == other
    assert [s.meta.id for s in load_collection(out)] == ["another-statement"]


def test_an_id_in_a_sub_folder_is_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    id_ = inferred_id(FR, tmp_path)
    out = tmp_path / "statements"
    (out / "2023").mkdir(parents=True)
    nested = out / "2023" / "kept-under-its-year.md"
    nested.write_text(statement_text(id=id_, title="Curated"), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(FR), "--out", str(out)]) == 1
    printed = "".join(capsys.readouterr().out.split())  # rich wraps long lines
    assert f"id{id_!r}exists({nested});use--forcetooverwrite" in printed
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md")) == [
        "2023/kept-under-its-year.md"]
    # --force replaces the statement with that id where it is, without a duplicate beside it.
    assert main(["import", str(FR), "--out", str(out), "--force"]) == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md")) == [
        "2023/kept-under-its-year.md"]
    [st] = load_collection(out)
    assert st.meta.id == id_ and st.meta.title != "Curated"


def test_one_unwritable_target_does_not_stop_the_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    fr_id = inferred_id(FR, tmp_path)
    out = tmp_path / "statements"
    write_text = Path.write_text

    def disk_full(self: Path, *args: object, **kwargs: object) -> int:
        if fr_id in self.name:
            raise OSError(errno.ENOSPC, "No space left on device")
        return write_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", disk_full)
    capsys.readouterr()
    assert main(["import", str(FR), str(VI), "--out", str(out)]) == 1
    printed = " ".join(capsys.readouterr().out.split())
    assert "No space left on device" in printed and "1 failed" in printed
    [written] = out.glob("*")  # the other file, and no temporary file left behind
    assert fr_id not in written.name and not written.name.startswith(".")


@pytest.mark.parametrize("bad", ["../../x", "/tmp/x", "a/b", "UPPER", ""])
def test_new_cannot_write_outside_the_statements_folder(tmp_path: Path, bad: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "project" / "statements"
    assert main(["new", "--id", bad, "--out", str(out)]) == 1
    assert "is not a valid id" in capsys.readouterr().err
    assert not list(tmp_path.rglob("*.md"))


def test_new_with_force_keeps_another_statements_file(tmp_path: Path) -> None:
    out = tmp_path / "statements"
    out.mkdir()
    (out / "draft.md").write_text(statement_text(id="published-one"), encoding="utf-8")
    assert main(["new", "--id", "draft", "--out", str(out), "--force"]) == 1
    assert "published-one" in (out / "draft.md").read_text(encoding="utf-8")
    assert main(["new", "--id", "fresh", "--out", str(out)]) == 0
    assert (out / "fresh.md").read_text(encoding="utf-8").startswith("---\n")


def test_file_names_are_not_rich_markup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`[/]` in a file name raised rich's MarkupError (a traceback); control
    characters went to the terminal as they were."""
    (tmp_path / "[").mkdir()
    source = tmp_path / "[" / "]odd\x1b[31m[red].txt"  # the path holds "[/]"
    source.write_bytes(FR.read_bytes())
    assert main(["import", str(source), "--out", str(tmp_path / "statements")]) == 0
    printed = capsys.readouterr().out
    assert "[/]odd\\x1b[31m[red].txt" in "".join(printed.split()) and "\x1b[31m" not in printed
