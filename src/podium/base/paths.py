"""Whether one path is in a folder, as the file system sees it: the build's guards
(podium.engine.guard) and the build cache's claim (podium.base.buildcache) ask it
before they replace or delete anything."""

from __future__ import annotations

from pathlib import Path


def within(path: Path, folder: Path) -> Path | None:
    """The ancestor of `path` (itself included) that is `folder`, or None. Folders are
    compared by identity (device and inode) where they exist: a case-insensitive or
    normalising file system (macOS, Windows) names one folder several ways, and
    `../STATEMENTS` is the statements folder there."""
    try:
        target = folder.stat()
    except OSError:
        return next((p for p in (path, *path.parents) if p == folder), None)
    for ancestor in (path, *path.parents):
        try:
            found = ancestor.stat()
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
            return ancestor
    return None
