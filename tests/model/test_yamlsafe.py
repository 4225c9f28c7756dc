"""Front matter is parsed in bounded time and memory, and refuses what YAML
would silently accept (issue #13, items 3 and 4)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import statement_text

from podium.model.collection import load_collection
from podium.model.yamlsafe import MAX_DEPTH, YamlError, load


def alias_bomb(levels: int = 9) -> str:
    rows = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        rows.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(rows)


def write_bad(folder: Path, front_matter: str) -> Path:
    (folder / "good.md").write_text(statement_text(id="good"), encoding="utf-8")
    (folder / "bad.md").write_text(f"---\nid: bad\n{front_matter}\n---\n\nText.\n", encoding="utf-8")
    return folder


def check_json(folder: Path) -> dict[str, object]:
    """`podium check --format json` in a fresh process, with a memory cap: the
    alias bomb used to grow past 4 GB."""
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
            "from podium.cli import main; sys.exit(main(sys.argv[1:]))")
    result = subprocess.run([sys.executable, "-c", code, "check", "--format", "json", str(folder)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    report: dict[str, object] = json.loads(result.stdout)
    return report


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    report = check_json(write_bad(tmp_path, alias_bomb()))
    assert report["statements"] == 1
    [problem] = report["problems"]  # type: ignore[misc]
    assert problem["path"].endswith("bad.md") and problem["line"] == 3
    assert "anchors and aliases" in problem["message"]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 999, 5000])
def test_deep_nesting_is_an_error_not_a_recursion_error(tmp_path: Path, depth: int) -> None:
    indented = "x:\n" + "".join(" " * i + "- \n" for i in range(min(depth, 300)))
    for text in ("[" * depth + "]" * depth, indented, "{a: " * depth + "}" * depth):
        with pytest.raises(YamlError, match="nest"):
            load(text)
    report = check_json(write_bad(tmp_path, "topics: " + "[" * depth + "]" * depth))
    [problem] = report["problems"]  # type: ignore[misc]
    assert "nest" in problem["message"] and problem["line"] == 3


def test_statement_nesting_is_accepted() -> None:
    parsed = load("id: a\nrelated:\n  - id: b\n    relation: reports-on\n")
    assert parsed.data == {"id": "a", "related": [{"id": "b", "relation": "reports-on"}]}
    assert parsed.key_lines[("related", 0, "relation")] == 3


def test_oversized_front_matter(tmp_path: Path) -> None:
    with pytest.raises(YamlError, match="more than the 65,536 allowed"):
        load("summary: " + "x" * 70_000)


@pytest.mark.parametrize("text", ["a: &x 1\nb: 2", "a: !!str &x 1", "a: [1]\nb: *x"])
def test_any_anchor_or_alias(text: str) -> None:
    with pytest.raises(YamlError, match=r"anchors and aliases|undefined alias"):
        load(text)


@pytest.mark.parametrize("text", ["<<: {summary: x}", "title: a\n<<:\n  summary: x",
                                  "speaker:\n  <<: {name: A}", "<<: [{a: 1}, {b: 2}]"])
def test_merge_key_is_refused(text: str) -> None:
    """`<<` without an alias still merges its fields into the mapping (PyYAML
    applied `<<: {summary: x}` as `summary: x`): refused like anchors."""
    with pytest.raises(YamlError, match="merge key '<<' is not allowed") as caught:
        load(text)
    assert caught.value.line == text.split("\n").index(next(r for r in text.split("\n") if "<<" in r))
    assert "own line" in caught.value.hint


def test_merge_key_in_a_statement_names_file_line_and_fix(tmp_path: Path) -> None:
    folder = write_bad(tmp_path, "title: Bad\n<<: {summary: x}")
    [problem] = load_collection(folder).problems
    assert (problem.path, problem.line) == (f"{tmp_path.name}/bad.md", 4)
    assert "merge key" in problem.message and "own line" in (problem.hint or "")
    assert load('"<<": {a: 1}').data == {"<<": {"a": 1}}  # a quoted key is only a name


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    folder = write_bad(tmp_path, "title: First\nkind: statement\ntitle: Second")
    [problem] = load_collection(folder).problems
    assert (problem.path, problem.line) == (f"{tmp_path.name}/bad.md", 5)
    assert problem.message == "duplicate field 'title': also on line 3"
    assert "keep one" in (problem.hint or "")


def test_duplicate_nested_key_and_duplicate_id() -> None:
    with pytest.raises(YamlError, match="duplicate field 'name': also on line 3") as caught:
        load("speaker:\n  name: A\n  role: B\n  name: C\n")
    assert caught.value.line == 3  # 0-based YAML line; messages give file lines (+2)
    with pytest.raises(YamlError, match="duplicate field 'id'"):
        load("id: a\nid: b\n")


def test_several_documents_are_refused() -> None:
    with pytest.raises(YamlError, match="found another document"):
        load("id: a\n--- x\nid: b\n")


def test_an_unclosed_bracket_is_reported_where_it_was_opened(tmp_path: Path) -> None:
    """PyYAML gives up where the next key starts, lines after the '[' never
    closed: the message named that line (an outside tester)."""
    text = statement_text(id="a", topics=["Migration", "Health"]).replace(
        "topics:\n- Migration\n- Health", "topics: [Migration\n- Health")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    opened = text.split("\n").index("topics: [Migration") + 1
    [problem] = load_collection(tmp_path).problems
    assert problem.line == opened
    assert "while parsing a flow sequence begun on this line, still open 2 lines below" in problem.message
