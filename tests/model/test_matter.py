"""Statement files through python-frontmatter (podium.model.matter): Podium's
handler reads what plain `frontmatter.load` reads, with limits and lines."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import frontmatter
import pytest
from conftest import ROOT, SHARED, statement_text

from podium.ingest import corpus
from podium.model import matter, yamlsafe
from podium.model.loader import parse

ARCHIVE = SHARED / "corpora" / "ungdc-1946-2025.tar.xz"


def _plain(value: Any) -> Any:
    """PyYAML's safe loader makes dates of date-like text; Podium leaves them text."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def same_as_plain_frontmatter(text: str) -> None:
    handler, data = matter.read(text)
    plain = frontmatter.loads(text)
    assert _plain(plain.metadata) == _plain(data)
    assert handler.found is not None and plain.content == handler.found.body.strip()


def test_repository_statements_load_as_plain_frontmatter_loads_them() -> None:
    files = sorted((ROOT / "statements").rglob("*.md"))
    assert files
    for path in files:
        same_as_plain_frontmatter(path.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_every_corpus_statement_loads_as_plain_frontmatter_loads_it(tmp_path: Path) -> None:
    if not ARCHIVE.is_file():
        pytest.skip(f"no corpus at {ARCHIVE}")
    count = 0
    for speech in corpus.speeches(ARCHIVE):
        same_as_plain_frontmatter(corpus.statement(speech))
        count += 1
    assert count == 11_108


def test_the_handler_keeps_podiums_limits_and_lines() -> None:
    with pytest.raises(yamlsafe.YamlError, match=r"anchor|alias"):
        matter.read("---\na: &x 1\nb: *x\n---\ntext\n")
    handler, data = matter.read("---\nid: a\ntitle: T\nspeaker:\n  name: N\n---\n\nBody.\n")
    assert data == {"id": "a", "title": "T", "speaker": {"name": "N"}}
    assert handler.parsed is not None and handler.parsed.key_lines[("speaker", "name")] == 3
    assert handler.found is not None and handler.found.closing_line == 6
    with pytest.raises(matter.NoClosingFence):
        matter.read("---\nid: a\n")
    with pytest.raises(matter.NoFrontMatter):
        matter.read("id: a\n---\n")


def test_written_files_read_back() -> None:
    fields = {"id": "a", "kind": "statement", "title": "Déclaration: « oui »", "date": "2024-09-24",
              "language": "fr"}
    text = matter.write(fields, "\n\nMonsieur le Président,\n\nNous soutenons.\n")
    loaded = parse(text, "a.md", Path("a.md"))
    assert not isinstance(loaded, list), loaded
    assert loaded.meta.title == "Déclaration: « oui »"
    assert loaded.body == "Monsieur le Président,\n\nNous soutenons.\n"
    assert text == matter.write(fields, loaded.body)  # stable


def test_a_fence_inside_a_block_scalar_is_yaml_not_the_end() -> None:
    text = statement_text(summary="one\n---\ntwo")
    loaded = parse(text, "a.md", Path("a.md"))
    assert not isinstance(loaded, list), loaded
