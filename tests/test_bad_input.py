"""One case per kind of bad input: the exact error (file, line, field, hint),
and the good statement beside it still loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import SiteBuilder, page, statement_text

from podium.model.collection import load_collection
from podium.model.problems import Problem, Severity

GOOD = statement_text(id="good", title="A good statement")
EVENT = {"body": "Human Rights Council", "start": "2024-09-09", "end": "2024-10-11"}


def case(text: str | bytes, line: int | None, field: str | None, message: str, hint: str = "") -> tuple:
    return (text, line, field, message, hint)


CASES = {
    "malformed YAML": case("---\nid: bad\ntitle: [oops\nkind: statement\n---\n\nText.\n", 3, None,
                           "malformed YAML front matter", "check indentation"),
    "no front matter": case("Mr. President,\n\nText.\n", 1, None, "no front matter", "start the file"),
    "missing required field": case(statement_text(id="bad").replace("kind: statement\n", ""), 1,
                                   "kind", "Field required", "add `kind:`"),
    "wrong type": case(statement_text(id="bad", topics="Migration"), 7, "topics",
                       "Input should be a valid list", ""),
    "impossible date": case(statement_text(id="bad").replace("'2024-09-24'", "2023-02-30"), 5,
                            "date", "2023-02-30 does not exist (February 2023 has 28 days)", ""),
    "date without its zero": case(statement_text(id="bad", date="2023-2"), 5, "date",
                                  "write a year (1960), a year and month (1960-09) or a day", ""),
    "event end before start": case(statement_text(id="bad", date="2024-09-10", event={
        **EVENT, "end": "2024-09-01"}), 10, "event.end", "is before event.start", ""),
    "delivery date outside the event": case(statement_text(id="bad", date="2024-12-01", event=EVENT),
                                            5, "date", "outside the event", ""),
    "duplicate id": case(statement_text(id="good"), 2, "id", "duplicate id 'good'", "its own id"),
    "id with ../": case(statement_text(id="../etc"), 2, "id", "should match pattern", "lowercase"),
    "id with spaces": case(statement_text(id="my statement"), 2, "id", "should match pattern", ""),
    "id with uppercase": case(statement_text(id="Bad"), 2, "id", "should match pattern", ""),
    "id with non-ASCII": case(statement_text(id="việt-nam"), 2, "id", "should match pattern", ""),
    "unknown field": case(statement_text(id="bad", speeker={"name": "X"}), 7, "speeker",
                          "unknown field 'speeker'", "did you mean 'speaker'?"),
    "unknown related id": case(statement_text(id="bad", related=[{"id": "nope", "relation": "responds-to"}]),
                               8, "related.0.id", "unknown related id 'nope'", "use the `id`"),
    "related to itself": case(statement_text(id="bad", related=[{"id": "bad", "relation": "responds-to"}]),
                              8, "related.0.id", "cannot relate to itself", ""),
    "unknown country code": case(statement_text(id="bad", delegation="XYZ"), 7, "delegation",
                                 "unknown delegation code 'XYZ'", ""),
    "country code in the wrong standard": case(statement_text(id="bad", delegation="VN"), 7,
                                               "delegation", "did you mean VNM?", ""),
    "cp1252 file": case(statement_text(id="bad", body="Caf\u00e9 \u201cquoted\u201d\n").encode("cp1252"),
                        9, None, "not UTF-8 (byte 0xe9)", "save the file as UTF-8"),
    "empty body": case(statement_text(id="bad", body=""), 7, "body", "no text", "below the closing"),
    "empty file": case("", 1, None, "no front matter", ""),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input(name: str, tmp_path: Path) -> None:
    text, line, field, message, hint = CASES[name]
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "zz-bad.md"
    bad.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    collection = load_collection(tmp_path)
    assert "good" in {s.meta.id for s in collection}, "the good statement must still load"
    [problem] = collection.problems
    assert isinstance(problem, Problem)
    assert (problem.path, problem.line, problem.field) == (f"{tmp_path.name}/zz-bad.md", line, field)
    assert message in problem.message
    assert hint in (problem.hint or "")
    assert problem.severity is Severity.ERROR


def test_translation_cycle(tmp_path: Path) -> None:
    for a, b in [("a", "b"), ("b", "c"), ("c", "a")]:
        (tmp_path / f"{a}.md").write_text(
            statement_text(id=a, related=[{"id": b, "relation": "translation-of"}]), encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    problems = load_collection(tmp_path).problems
    assert [(p.path.split("/")[-1], p.line, p.field) for p in problems] == [
        ("a.md", 7, "related"), ("b.md", 7, "related"), ("c.md", 7, "related")]
    assert "a → b → c → a" in problems[0].message


def test_bom_and_crlf_give_the_same_page_as_lf(temp_site: SiteBuilder, tmp_path: Path) -> None:
    crlf = "\ufeff" + statement_text(id="crlf", body="Mr. President,\n\nWe agree.\n").replace("\n", "\r\n")
    lf = statement_text(id="lf", body="Mr. President,\n\nWe agree.\n")
    result, site = temp_site({"crlf.md": crlf, "lf.md": lf})
    assert result.returncode == 0, result.stderr
    a = page(site, "statements/2024/crlf/").select_one(".podium-text")
    b = page(site, "statements/2024/lf/").select_one(".podium-text")
    assert a.decode() == b.decode()


def test_five_megabyte_body_builds(temp_site: SiteBuilder) -> None:
    para = "This is a long paragraph of a very long statement about many things. " * 40
    body = "\n\n".join(f"{para} Paragraph {i}." for i in range(1900))
    assert len(body.encode()) > 5_000_000
    result, site = temp_site({"big.md": statement_text(id="big", body=body)})
    assert result.returncode == 0, result.stderr
    assert page(site, "statements/2024/big/").select_one("#p1900")


def test_non_markdown_file_warns_and_strict_build_fails(temp_site: SiteBuilder) -> None:
    result, _ = temp_site({"good.md": GOOD, "notes.docx": "binary"})
    assert result.returncode != 0
    assert "statements/notes.docx: warning: not a Markdown file, ignored" in result.stderr


def test_a_ten_megabyte_title_is_an_error_not_a_huge_site(tmp_path: Path) -> None:
    """A 10 MB title once made a 305 MB site (issue #13, item 15)."""
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    huge = statement_text(id="huge").replace("title: Example statement", "title: " + "T" * 10_000_000)
    (tmp_path / "huge.md").write_text(huge, encoding="utf-8")
    (tmp_path / "long.md").write_text(statement_text(id="long", title="T" * 600, summary="S" * 6_000),
                                      encoding="utf-8")
    problems = load_collection(tmp_path).problems
    assert [(p.path.split("/")[-1], p.line, p.field) for p in problems] == [
        ("huge.md", 1, None), ("long.md", 4, "title"), ("long.md", 7, "summary")]
    assert "more than the 65,536 allowed" in problems[0].message
    assert "600 characters, more than the 500 allowed" in problems[1].message
    assert "6,000 characters, more than the 5,000 allowed" in problems[2].message


def test_an_unreadable_file_is_a_problem_not_a_traceback(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "broken.md").write_text(GOOD.replace("good", "broken"), encoding="utf-8")
    open_ = Path.open

    def failing(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "broken.md":
            raise OSError(errno.EIO, "Input/output error")
        return open_(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", failing)
    collection = load_collection(tmp_path)
    [problem] = collection.problems
    assert str(problem) == (f"{tmp_path.name}/broken.md: cannot be read: Input/output error "
                            "(check the file's permissions and the disk it is on)")
    assert [s.meta.id for s in collection] == ["good"]


ODD_NAMES = {
    b"caf\xe9.md": "caf\\xe9.md",  # Latin-1, not UTF-8
    b"esc\x1b[31mred.md": "esc\\x1b[31mred.md",
    "rtl\u202eexe.md".encode(): "rtl\\u202eexe.md",
    b"with space.md": "with space.md",
    b"-rf.md": "-rf.md",
}


def test_odd_file_names_are_refused_and_shown_escaped(tmp_path: Path) -> None:
    """Non-UTF-8 names, terminal escapes and right-to-left overrides: named
    with escapes in the text and JSON output, never a traceback."""
    import json
    import os
    import subprocess
    import sys

    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    for name in ODD_NAMES:
        with open(os.path.join(os.fsencode(tmp_path), name), "wb") as f:
            f.write(statement_text(id="odd").encode())
    shown = sorted(f"{tmp_path.name}/{n}" for n in ODD_NAMES.values())
    problems = load_collection(tmp_path).problems
    assert sorted(p.path for p in problems) == shown
    cmd = [sys.executable, "-m", "podium.cli", "check", str(tmp_path)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    text = subprocess.run(cmd, capture_output=True, env=env, check=False)
    assert text.returncode == 1 and not text.stderr, text.stderr
    assert b"\x1b" not in text.stdout and "\u202e".encode() not in text.stdout
    report = subprocess.run([*cmd, "--format", "json"], capture_output=True, env=env, check=False)
    assert report.returncode == 1 and not report.stderr, report.stderr
    assert sorted(p["path"] for p in json.loads(report.stdout)["problems"]) == shown


def test_a_link_out_of_the_statements_folder_is_not_published(tmp_path: Path) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text(statement_text(id="secret"), encoding="utf-8")
    folder = tmp_path / "statements"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "leak.md").symlink_to(outside)
    (folder / "sub" / "inside.md").symlink_to(folder / "good.md")  # inside: fine, a duplicate here
    (folder / "linked").symlink_to(tmp_path, target_is_directory=True)  # not entered, and named
    collection = load_collection(folder)
    warnings = [p for p in collection.problems if p.severity is Severity.WARNING]
    assert sorted(str(p) for p in warnings) == [
        "statements/leak.md: warning: a link to a file outside the statements folder, ignored "
        "(copy the file into the statements folder if it is meant to be published)",
        "statements/linked: warning: a link to a folder, not entered (put the files themselves in the "
        "statements folder)"]
    assert "secret" not in {s.meta.id for s in collection}


def test_a_page_path_collision_fails_the_build_naming_both(temp_site: SiteBuilder) -> None:
    result, _ = temp_site({"good.md": GOOD, "index.md": statement_text(id="index")})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("podium: the year '2024' and statements/index.md would both be published at "
            "/statements/2024/") in result.stderr


def test_a_huge_file_is_not_read_whole(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    with (tmp_path / "huge.md").open("wb") as f:
        f.truncate(3_000_000_000)  # sparse: 3 GB that take no disk
    [problem] = load_collection(tmp_path).problems
    assert str(problem) == (f"{tmp_path.name}/huge.md: the file is larger than 48,000,000 bytes (a "
                            "statement's text is at most 10,000,000 characters; split it)")
