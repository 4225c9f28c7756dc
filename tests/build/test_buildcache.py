"""podium.build.buildcache: entries by key, bundles by path, pruning to what a build used."""

from __future__ import annotations

import os
import time
from pathlib import Path

from podium.build.buildcache import Cache, digest


def test_digest_separates_its_parts() -> None:
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("x") == digest(b"x")


def test_pages_and_files_come_back_by_key(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "g1")
    assert cache.page("k1") is None
    cache.put_page("k1", b"<html>1</html>", "the text")
    cache.put_file("f1", b"data")
    found = cache.page("k1")
    assert found is not None and found.read_bytes() == b"<html>1</html>"
    assert cache.search_text("k1") == "the text"
    assert cache.file("f1") is not None and cache.search_text("f1") is None
    assert [p.name for p in (tmp_path / "g1").rglob(".*")] == []  # no temporary file left


def test_a_bundle_is_kept_with_its_pages(tmp_path: Path) -> None:
    written = tmp_path / "site" / "en-0"
    (written / "fragment").mkdir(parents=True)
    (written / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    cache = Cache(tmp_path / "cache", "g1")
    cache.put_bundle("en-0/", ["h1", "h2"], 120, written)
    bundle = cache.bundle("en-0/")
    assert bundle is not None and bundle.pages == ("h1", "h2") and bundle.words == 120
    assert (bundle.folder / "pagefind-entry.json").is_file() and (bundle.folder / "fragment").is_dir()
    assert cache.bundle("en-1/") is None


def test_prune_keeps_what_the_build_used_and_the_newest_generations(tmp_path: Path) -> None:
    Cache(tmp_path, "g0").put_page("x", b"x")
    os.utime(tmp_path / "g0", (1, 1))  # the oldest generation
    cache = Cache(tmp_path, "g1")
    cache.put_page("stale", b"s")
    cache.put_page("kept", b"k")
    long_ago = time.time() - 100
    for path in (tmp_path / "g1").rglob("*"):
        os.utime(path, (long_ago, long_ago))  # written by an earlier build
    Cache(tmp_path, "g2").put_page("new", b"n")  # another generation (serve beside build)
    started = time.time() - 1
    assert cache.page("kept") is not None  # this build uses it
    cache.prune(started)
    assert cache.page("kept") is not None and cache.page("stale") is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g1", "g2"]
