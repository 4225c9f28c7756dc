"""Build the site in a folder beside the site folder and swap it in at the end.

MkDocs empties the site folder first and writes into it as it goes, so a
build that fails or is killed left a half site where the last good one was
(once only `statements/`), which `mkdocs gh-deploy` or a CI cache would then
publish. Built aside, the last good site stays in place until the new one is
complete; the swap is one atomic rename exchange on Linux (two renames
elsewhere). A staging folder left by a killed build is removed by the next.

Like MkDocs, which never deletes the hidden entries of the site folder (a
`gh-pages` worktree's `.git`, a `.nojekyll` of the user's), the swap moves
the old site's hidden entries into the new one before the old one is
removed; a build killed in between leaves them in the old site's folder, and
the next build moves them back before removing it. Deletion never goes
through a link.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

_PREFIX = ".podium-build-"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@dataclass(frozen=True)
class Staged:
    final: Path
    """The site folder the user asked for."""
    staging: Path
    """Where this build writes: a hidden sibling of `final`."""


def stage(site_dir: Path) -> Staged | None:
    """A fresh staging folder for `site_dir`, after removing any a killed build
    left; None if none can be made there (the build then writes in place)."""
    final = site_dir.absolute()
    mine = f".{final.name}{_PREFIX}"
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        for stale in final.parent.glob(f"{mine}*"):
            pid = stale.name.removeprefix(mine).removesuffix("-old")
            if stale.is_symlink() or not stale.is_dir() or not pid.isdigit():
                continue  # (not a folder Podium made: its names end in a process id)
            if not running(int(pid)) or int(pid) == os.getpid():
                if stale.name.endswith("-old") and not final.exists() and not final.is_symlink():
                    os.rename(stale, final)  # killed between the two renames: the old site comes back
                    continue
                if final.is_dir():
                    _keep_hidden(stale, final)
                shutil.rmtree(stale, ignore_errors=True)
        staging = final.parent / f"{mine}{os.getpid()}"
        staging.mkdir()
    except OSError:
        return None
    return Staged(final, staging)


def publish(staged: Staged) -> None:
    """Put the staged site in place of the final one, and remove the old one."""
    if not staged.final.exists() and not staged.final.is_symlink():
        os.rename(staged.staging, staged.final)
        return
    if staged.final.is_symlink():  # the site is published where the link points: keep the link
        _replace_contents(staged.staging, staged.final.resolve())
        return
    if staged.final.is_dir() and _exchange(staged.staging, staged.final):
        _keep_hidden(staged.staging, staged.final)  # (the staging folder now holds the old site)
        shutil.rmtree(staged.staging, ignore_errors=True)
        return
    try:  # two renames: the old site is moved aside only once the new one is whole
        old = staged.staging.with_name(staged.staging.name + "-old")
        os.rename(staged.final, old)
        os.rename(staged.staging, staged.final)
        _keep_hidden(old, staged.final)
        shutil.rmtree(old, ignore_errors=True)
    except OSError:  # a mount point or a link: replace its contents instead
        _replace_contents(staged.staging, staged.final)


def reason(error: OSError) -> str:
    """One line for a failed write: shutil's copy errors carry a list of them."""
    if isinstance(error, shutil.Error) and error.args and isinstance(error.args[0], list) and error.args[0]:
        _, target, why = error.args[0][0]
        message = re.match(r"\[Errno \d+\] ([^:]+)", str(why))
        return f"{message.group(1) if message else why}: {target}"
    where = error.filename2 or error.filename
    return f"{error.strerror or error}{f': {where}' if where else ''}"


def discard(staged: Staged) -> None:
    """Remove the staging folder of a build that failed."""
    shutil.rmtree(staged.staging, ignore_errors=True)


def _keep_hidden(old: Path, new: Path) -> None:
    """Move the old site's hidden entries into the new one, as MkDocs keeps them."""
    for child in old.iterdir():
        there = new / child.name
        if child.name.startswith(".") and not there.exists() and not there.is_symlink():
            os.rename(child, there)


def _replace_contents(source: Path, target: Path) -> None:
    """Put a staged site into a folder that cannot be renamed (a mount point, a link's
    target): its entries replaced, its hidden ones kept, no link followed."""
    target.mkdir(parents=True, exist_ok=True)
    for child in target.iterdir():
        if child.name.startswith("."):
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    for child in source.iterdir():
        if child.name.startswith(".") and (target / child.name).exists():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
            continue
        shutil.move(str(child), target / child.name)
    source.rmdir()


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux renameat2); False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(done == 0)


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
