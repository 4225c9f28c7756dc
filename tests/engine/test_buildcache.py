"""podium.base.buildcache: entries by key, bundles by path, pruning to what a build used."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest

from podium.base.buildcache import GENERATION_MARK, TAG, Cache, CacheRefused, claim, digest


def test_digest_separates_its_parts() -> None:
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("x") == digest(b"x")


def test_pages_and_files_come_back_by_key(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "g1")
    assert cache.page("k1") is None
    cache.put_page("k1", b"<html>1</html>", "the text")
    cache.put_file("f1", b"data")
    assert cache.page("k1") == b"<html>1</html>"
    assert cache.search_text("k1") == "the text"
    assert cache.file("f1") == b"data" and cache.search_text("f1") is None
    cache.put_page("k2", b"<html>2\n</html>", "")  # an empty text is a text
    cache.put_page("k3", b"<html>3</html>")  # a page Pagefind does not index
    assert cache.page_and_text("k2") == (b"<html>2\n</html>", "")
    assert cache.page_and_text("k3") == (b"<html>3</html>", None)
    assert [p.name for p in (tmp_path / "g1").rglob(".*")] == [GENERATION_MARK]  # no temporary file left


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


def test_prune_deletes_only_marked_generations(tmp_path: Path) -> None:
    """A folder in the cache that Podium did not make is never deleted."""
    theirs = tmp_path / "theirs"
    (theirs / "pages").mkdir(parents=True)
    (theirs / "pages" / "keep.txt").write_text("mine", encoding="utf-8")
    os.utime(theirs, (1, 1))
    for n in range(4):
        Cache(tmp_path, f"g{n}").put_page("x", b"x")
        os.utime(tmp_path / f"g{n}", (10 + n, 10 + n))
    (tmp_path / "link").symlink_to(theirs)
    Cache(tmp_path, "g3").prune(time.time())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g2", "g3", "link", "theirs"]
    assert (theirs / "pages" / "keep.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("change", [
    lambda b: b.replace(b"Viet Nam", b"Atlantis"),  # edited
    lambda b: b[: len(b) // 2],  # cut
    lambda b: b"<html>Viet Nam</html>",  # written without the header
])
def test_a_changed_entry_is_not_read_back(tmp_path: Path, change, caplog: pytest.LogCaptureFixture) -> None:
    cache = Cache(tmp_path, "g1")
    cache.put_page("k", b"<html>Viet Nam</html>" * 10, "Viet Nam")
    entry = tmp_path / "g1" / "pages" / "k"[:2] / "k"
    entry.write_bytes(change(entry.read_bytes()))
    with caplog.at_level(logging.WARNING):
        assert cache.page("k") is None
    assert "changed after it was written" in caplog.text and not entry.exists()
    assert cache.search_text("k") is None  # (one entry holds both)


def test_a_changed_bundle_is_not_read_back(tmp_path: Path) -> None:
    written = tmp_path / "site" / "en-0"
    written.mkdir(parents=True)
    (written / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    cache = Cache(tmp_path / "cache", "g1")
    cache.put_bundle("en-0/", ["h1"], 1, written)
    found = cache.bundle("en-0/")
    assert found is not None
    (found.folder / "pagefind-entry.json").write_text('{"x": 1}', encoding="utf-8")
    assert cache.bundle("en-0/") is None
    cache.put_bundle("en-0/", ["h1"], 1, written)
    found = cache.bundle("en-0/")
    assert found is not None
    (found.folder / "extra.js").write_text("alert(1)", encoding="utf-8")  # a file added
    assert cache.bundle("en-0/") is None


def _project(tmp_path: Path) -> list[tuple[str, Path]]:
    for name in ("statements", "docs", "src"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text("x", encoding="utf-8")
    return [("the project", tmp_path), ("the statements folder", tmp_path / "statements"),
            ("the docs folder", tmp_path / "docs"), ("the site folder", tmp_path / "site")]


@pytest.mark.parametrize("option", [".", "..", "/", "statements", "statements/cache", "docs", "docs/x",
                                    "site", "site/c", "src", "src/a.txt"])
def test_claim_refuses_folders_it_does_not_own(tmp_path: Path, option: str) -> None:
    project = tmp_path / "p"
    project.mkdir()
    keep_out = _project(project)
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    with pytest.raises(CacheRefused, match=f"`cache_dir: {option}`"):
        claim(project / option, keep_out, option)
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before  # nothing written


def test_claim_takes_new_empty_and_its_own_folders(tmp_path: Path) -> None:
    keep_out = _project(tmp_path)
    root = claim(tmp_path / ".cache" / "podium", keep_out, ".cache/podium")
    assert (root / TAG).read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    Cache(root, "g1").put_page("k", b"x")
    assert claim(root, keep_out, ".cache/podium") == root  # its own, again
    (tmp_path / "empty").mkdir()
    assert claim(tmp_path / "empty", keep_out, "empty").is_dir()
    old = tmp_path / "old"  # a cache of a Podium from before the marks
    (old / ("a" * 40) / "pages" / "ab").mkdir(parents=True)
    claim(old, keep_out, "old")
    assert (old / ("a" * 40) / GENERATION_MARK).is_file()
    other = tmp_path / ".cache" / "pip"
    other.mkdir()
    (other / "wheel").write_text("x", encoding="utf-8")
    with pytest.raises(CacheRefused, match="holds files Podium did not make"):
        claim(tmp_path / ".cache", keep_out, ".cache")


def test_the_cache_is_never_read_written_or_pruned_through_a_link(tmp_path: Path) -> None:
    """An outside tester linked a shard folder to a folder of theirs: prune deleted its
    files, and a linked generation got Podium's folders written into it (F3)."""
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "mine.txt").write_text("mine", encoding="utf-8")
    os.utime(victim / "mine.txt", (1, 1))
    cache = Cache(tmp_path / "cache", "g1")
    cache.put_page("ab12", b"<html>x</html>")
    (tmp_path / "cache" / "g1" / "pages" / "zz").symlink_to(victim, target_is_directory=True)
    cache.put_page("zz34", b"<html>y</html>")  # (its shard is a link: not written)
    assert cache.page("zz34") is None
    cache.prune(time.time() + 10)
    assert (victim / "mine.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in victim.iterdir()) == ["mine.txt"]
    (tmp_path / "cache" / "g2").symlink_to(victim, target_is_directory=True)
    with pytest.raises(CacheRefused, match="not a folder of Podium's"):
        Cache(tmp_path / "cache", "g2")
    assert sorted(p.name for p in victim.iterdir()) == ["mine.txt"]
    with pytest.raises(CacheRefused, match="is a link"):
        claim(tmp_path / "cache" / "g2", [], "g2")


def test_an_entry_under_another_key_a_fifo_or_a_device_is_not_read(tmp_path: Path) -> None:
    """F5, F6: a valid entry copied under another key was published as that key's page;
    a FIFO in place of an entry hung the build; a link to /dev/zero ate memory."""
    cache = Cache(tmp_path, "g1")
    cache.put_page("aa01", b"<html>topic page</html>")
    cache.put_page("bb02", b"<html>body page</html>")
    pages = tmp_path / "g1" / "pages"
    (pages / "bb" / "bb02").write_bytes((pages / "aa" / "aa01").read_bytes())
    assert cache.page("bb02") is None and cache.page("aa01") == b"<html>topic page</html>"
    os.mkfifo(pages / "bb" / "bb03")
    assert cache.page("bb03") is None
    (pages / "bb" / "bb04").symlink_to("/dev/zero")
    assert cache.page("bb04") is None


def test_a_bundle_holding_a_link_is_never_used(tmp_path: Path) -> None:
    written = tmp_path / "site" / "en-0"
    written.mkdir(parents=True)
    (written / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    cache = Cache(tmp_path / "cache", "g1")
    cache.put_bundle("en-0/", ["h1"], 1, written)
    folder = tmp_path / "cache" / "g1" / "bundles" / "en-0"
    (folder / "leak.txt").symlink_to("/proc/self/environ")
    about = tmp_path / "cache" / "g1" / "bundles" / "en-0.json"
    raw = about.read_bytes()  # a forged list that names the link: still refused
    assert cache.bundle("en-0/") is None
    assert not raw.startswith(b"{")  # (the list itself is sealed under its name)
