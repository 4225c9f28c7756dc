"""podium.mkdocs.reuse: what a serve rebuild moves back from the last site."""

from __future__ import annotations

from pathlib import Path

from podium.mkdocs.reuse import SUFFIX, Previous


def _site(root: Path, files: dict[str, str]) -> Path:
    site = root / "site"
    for path, text in files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return site


FILES = {
    "statements/2011/a/index.html": "a", "statements/2011/b/index.html": "b",
    "statements/2012/c/index.html": "c", "statements/index.html": "mkdocs",
    "data/statements.csv": "csv", "index.html": "home",
}
KEYS = {"statements/2011/a/index.html": "ka", "statements/2011/b/index.html": "kb",
        "statements/2012/c/index.html": "kc", "data/statements.csv": "kd"}
OTHERS = {"statements/index.html", "index.html"}


def test_unchanged_outputs_come_back_a_folder_at_a_time(tmp_path: Path) -> None:
    site = _site(tmp_path, FILES)
    previous = Previous.set_aside(site, KEYS, OTHERS)
    assert previous is not None and (tmp_path / f"site{SUFFIX}").is_dir()
    assert list(site.iterdir()) == []  # what MkDocs empties is empty
    moved: list[str] = []
    real_move = previous._move
    previous._move = lambda path: moved.append(path) or real_move(path)  # type: ignore[method-assign]
    wanted = dict(KEYS, **{"statements/2011/b/index.html": "kb2"})  # b changed
    restored = previous.restore(wanted)
    assert restored == {"statements/2011/a/index.html", "statements/2012/c/index.html", "data/statements.csv"}
    # 2012 and data hold only unchanged outputs: moved whole; 2011 holds b, which changed
    assert sorted(moved) == ["data", "statements/2011/a", "statements/2012"]
    assert (site / "statements/2011/a/index.html").read_text(encoding="utf-8") == "a"
    assert not (site / "statements/2011/b/index.html").exists()  # to be written anew
    assert not (site / "statements/index.html").exists()  # MkDocs' own: written by MkDocs
    previous.discard()
    assert not (tmp_path / f"site{SUFFIX}").exists()


def test_nothing_comes_back_under_another_key_or_beside_a_file_of_mkdocs(tmp_path: Path) -> None:
    site = _site(tmp_path, {**FILES, "statements/2012/c/photo.png": "png"})
    previous = Previous.set_aside(site, KEYS, OTHERS | {"statements/2012/c/photo.png"})
    assert previous is not None
    restored = previous.restore({"statements/2012/c/index.html": "kc", "data/statements.csv": "other"})
    assert restored == {"statements/2012/c/index.html"}
    assert not (site / "statements/2012/c/photo.png").exists()  # not the output's: left aside
    assert not (site / "data").exists()  # its key changed
    assert not (site / "statements/2011").exists()  # no longer made


def test_no_last_build_no_reuse(tmp_path: Path) -> None:
    site = _site(tmp_path, FILES)
    assert Previous.set_aside(site, {}, OTHERS) is None
    assert (site / "index.html").exists()  # left for MkDocs to empty
    assert Previous.set_aside(tmp_path / "missing", KEYS, OTHERS) is None
