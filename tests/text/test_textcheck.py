"""One run names every problem: `podium check` and `mkdocs build` report every
text whose page would miss words, with every invalid file, each as
`file:line: body: message (hint)`; `on_invalid: skip` leaves them all out."""

from __future__ import annotations

from pathlib import Path

from conftest import SiteBuilder, statement_text

from podium.cli import main
from podium.model.collection import load_collection
from podium.pages import textcheck

# <template> content is never shown: a deliberate tag that hides words.
LOSES = "We support the resolution.\n\nOur position: <template>hidden words</template>\n"
INVALID = statement_text(id="bad", kind="sermon")


def _statements(n_losing: int, invalid: bool) -> dict[str, str]:
    files = {"good.md": statement_text(id="good", body="41. The Assembly decided.\n")}
    files.update({f"lose-{i}.md": statement_text(LOSES, id=f"lose-{i}") for i in range(n_losing)})
    if invalid:
        files["bad.md"] = INVALID
    return files


def test_check_finds_every_text_that_loses_words(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    for name, text in _statements(3, invalid=True).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    for i in range(3):
        assert (f"{tmp_path.name}/lose-{i}.md:11: body: 2 word(s) of the text would be missing from "
                f"its page: hidden, words (") in out
    assert f"{tmp_path.name}/bad.md:3: kind:" in out
    assert "1 valid statement(s); 4 error(s) in 4 file(s)" in out


def test_the_problem_names_the_line_of_the_first_missing_word(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(statement_text(LOSES, id="a"), encoding="utf-8")
    collection = load_collection(tmp_path)
    [problem] = textcheck.check(collection.statements, textcheck.TextOptions())
    assert problem.line == collection.statements[0].body_line + 2
    assert problem.field == "body" and problem.hint == textcheck.HINT


def test_the_build_names_every_text_that_loses_words_at_once(temp_site: SiteBuilder) -> None:
    result, _ = temp_site(_statements(3, invalid=False))
    assert result.returncode != 0
    assert "3 invalid statement file(s)" in result.stderr
    for i in range(3):
        assert f"statements/lose-{i}.md:11: body: 2 word(s)" in result.stderr


def test_the_build_names_invalid_files_and_lost_words_together(temp_site: SiteBuilder) -> None:
    result, _ = temp_site(_statements(2, invalid=True))
    assert result.returncode != 0
    assert "3 invalid statement file(s)" in result.stderr
    assert "statements/bad.md:3: kind:" in result.stderr
    for i in range(2):
        assert f"statements/lose-{i}.md:11: body:" in result.stderr


def test_skip_leaves_them_all_out_and_logs_each(temp_site: SiteBuilder) -> None:
    result, site = temp_site(_statements(3, invalid=True), strict=False, on_invalid="skip")
    assert result.returncode == 0, result.stderr
    for name in ["lose-0", "lose-1", "lose-2", "bad"]:
        assert f"statements/{name}.md:" in result.stderr
        assert not (site / "statements" / "2024" / name).exists()
    assert result.stderr.count("(skipped)") == 4
    assert (site / "statements" / "2024" / "good" / "index.html").is_file()
