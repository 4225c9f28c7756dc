"""Helpers the import tests share: a text's body as the importer finds it, and
the front matter `podium import` would write for a text."""

from __future__ import annotations

from pathlib import Path

from podium.ingest import make_draft
from podium.ingest.events import find_body
from podium.ingest.reader import read


def body_of(text: str) -> str | None:
    found = find_body(text)
    return found.value if found else None


def draft_of(tmp_path: Path, text: str, name: str = "t.txt") -> dict[str, object]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return make_draft(read(path), path).meta
