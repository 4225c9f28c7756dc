"""podium.engine.staging: the new site replaces the old one only whole."""

from __future__ import annotations

import os
from pathlib import Path

from podium.engine import staging


def fill(folder: Path, **files: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def contents(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in folder.rglob("*") if p.is_file()}


def test_first_build_and_rebuild(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for n in (1, 2):
        staged = staging.stage(site)
        assert staged is not None and staged.staging.parent == tmp_path
        assert staged.staging.name == f".site.podium-build-{os.getpid()}"
        fill(staged.staging, **{"index.html": f"build {n}"})
        staging.publish(staged)
        assert contents(site) == {"index.html": f"build {n}"}
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_discard_keeps_the_old_site_and_stale_folders_are_cleared(tmp_path: Path) -> None:
    site = tmp_path / "site"
    fill(site, **{"index.html": "good"})
    staged = staging.stage(site)
    assert staged is not None
    fill(staged.staging, **{"half.html": "half"})
    staging.discard(staged)
    assert contents(site) == {"index.html": "good"}
    fill(tmp_path / ".site.podium-build-999999999", **{"x": "left by a killed build"})
    fill(tmp_path / ".site.podium-build-1", **{"x": "pid 1 is running: another build's"})
    staged = staging.stage(site)
    assert staged is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".site.podium-build-1", staged.staging.name, "site"]


def test_a_linked_site_folder_keeps_its_link(tmp_path: Path) -> None:
    target = tmp_path / "www"
    fill(target, **{"old.html": "old"})
    site = tmp_path / "site"
    site.symlink_to(target, target_is_directory=True)
    staged = staging.stage(site)
    assert staged is not None
    fill(staged.staging / "sub", **{"new.html": "new"})
    staging.publish(staged)
    assert site.is_symlink() and contents(target) == {"sub/new.html": "new"}
    assert not staged.staging.exists()


def _with_hidden(folder: Path) -> None:
    """What a user keeps in a site folder: a gh-pages worktree's .git, a .nojekyll."""
    fill(folder / ".git", HEAD="ref: refs/heads/gh-pages")
    fill(folder, **{".nojekyll": "", "old.html": "old"})


def test_hidden_entries_of_the_site_folder_are_kept(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _with_hidden(site)
    for n in (1, 2):
        staged = staging.stage(site)
        assert staged is not None
        fill(staged.staging, **{"index.html": f"build {n}"})
        staging.publish(staged)
        assert contents(site) == {".git/HEAD": "ref: refs/heads/gh-pages", ".nojekyll": "",
                                  "index.html": f"build {n}"}


def test_hidden_entries_are_kept_through_a_link_and_without_rename_exchange(
        tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "www"
    _with_hidden(target)
    site = tmp_path / "site"
    site.symlink_to(target, target_is_directory=True)
    outside = tmp_path / "outside"
    fill(outside, **{"precious": "x"})
    (target / "linked").symlink_to(outside, target_is_directory=True)
    staged = staging.stage(site)
    assert staged is not None
    fill(staged.staging, **{"index.html": "new"})
    staging.publish(staged)
    assert contents(target) == {".git/HEAD": "ref: refs/heads/gh-pages", ".nojekyll": "", "index.html": "new"}
    assert contents(outside) == {"precious": "x"}  # a link in the site is removed, not followed
    plain = tmp_path / "plain"
    _with_hidden(plain)
    monkeypatch.setattr(staging, "_exchange", lambda a, b: False)  # (two renames, as off Linux)
    staged = staging.stage(plain)
    assert staged is not None
    fill(staged.staging, **{"index.html": "new"})
    staging.publish(staged)
    assert contents(plain) == {".git/HEAD": "ref: refs/heads/gh-pages", ".nojekyll": "", "index.html": "new"}


def test_hidden_entries_left_by_a_killed_swap_come_back(tmp_path: Path) -> None:
    """Killed after the exchange, before the old site's hidden entries moved."""
    site = tmp_path / "site"
    fill(site, **{"index.html": "new"})
    old = tmp_path / ".site.podium-build-999999999"
    _with_hidden(old)
    staged = staging.stage(site)
    assert staged is not None and not old.exists()
    assert contents(site) == {".git/HEAD": "ref: refs/heads/gh-pages", ".nojekyll": "", "index.html": "new"}


def test_a_swap_killed_between_its_two_renames_gives_the_old_site_back(tmp_path: Path) -> None:
    """Off Linux the swap is two renames; killed between them, the site folder is gone and
    the old one waits as -old: the next build renames it back rather than deleting it
    with its .git (third outside pass)."""
    site = tmp_path / "site"
    old = tmp_path / ".site.podium-build-999998-old"
    fill(old / ".git", HEAD="ref: refs/heads/gh-pages")
    fill(old, **{"index.html": "old"})
    staged = staging.stage(site)
    assert staged is not None and not old.exists()
    assert contents(site) == {".git/HEAD": "ref: refs/heads/gh-pages", "index.html": "old"}
