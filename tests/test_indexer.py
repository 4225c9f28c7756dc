"""The Pagefind indexer: pages streamed to the service come out as a search index."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from podium.indexer import Indexer, IndexingError


def page(title: str, text: str, lang: str = "en") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>'
            f'<nav>Chrome that is not indexed</nav><main data-pagefind-body><h1>{title}</h1>'
            f'<p>{text}</p><span data-pagefind-filter="delegation:Viet Nam (VNM)"></span>'
            f"</main></body></html>")


def fragments(bundle: Path) -> dict[str, dict]:
    found = {}
    for path in (bundle / "fragment").iterdir():
        data = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        found[data["url"]] = data
    return found


def test_pages_become_an_index(tmp_path: Path) -> None:
    indexer = Indexer()
    indexer.add("/statements/2023/a/", page("Statement A", "Trafficking in persons must end."))
    indexer.add("/statements/2023/b/", page("Statement B", "Safe and orderly migration.", "fr"))
    result = indexer.write(tmp_path / "pagefind")
    assert (result.pages, result.output) == (2, tmp_path / "pagefind")
    assert result.words > 10
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"en", "fr"}
    found = fragments(tmp_path / "pagefind")
    assert set(found) == {"/statements/2023/a/", "/statements/2023/b/"}
    a = found["/statements/2023/a/"]
    assert "Trafficking in persons" in a["content"] and "Chrome" not in a["content"]
    assert a["filters"] == {"delegation": ["Viet Nam (VNM)"]}


def test_a_missing_binary_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        Indexer(binary=tmp_path / "no-pagefind")


def test_a_stopped_service_is_a_clear_error(tmp_path: Path) -> None:
    indexer = Indexer()
    indexer.close()
    with pytest.raises(IndexingError, match="stopped"):
        indexer.add("/a/", page("A", "text"))
        indexer.write(tmp_path / "pagefind")


def test_writing_in_the_background_indexes_every_page_added_before(tmp_path: Path) -> None:
    indexer = Indexer()
    urls = [f"/statements/2023/s{i}/" for i in range(40)]
    for i, url in enumerate(urls):
        indexer.add(url, page(f"Statement {i}", f"Migration governance, paragraph {i}."))
    indexer.start_write(tmp_path / "pagefind")  # returns at once; the build goes on
    with pytest.raises(IndexingError, match="s40/: added after the index started being written"):
        indexer.add("/statements/2023/s40/", page("Late", "Too late."))
    result = indexer.write(tmp_path / "pagefind")  # waits for the background write
    assert result.pages == 40
    assert set(fragments(tmp_path / "pagefind")) == set(urls)


def test_a_failed_background_write_is_raised_by_write(tmp_path: Path) -> None:
    indexer = Indexer()
    indexer.add("/a/", page("A", "text"))
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    indexer.start_write(blocked / "pagefind")
    with pytest.raises(IndexingError):
        indexer.write(blocked / "pagefind")
