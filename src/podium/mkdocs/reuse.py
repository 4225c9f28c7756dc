"""The last build's site, reused by the next build of one `mkdocs serve`.

MkDocs empties the site folder before every build, and writing 11,000 pages
again (or copying them from the build cache) and deleting the old ones costs
seconds. So before MkDocs empties it, the folder is moved aside (one rename),
and each output whose key is the one it had in the last build (the build
cache's keys: podium.mkdocs.pagecache) is moved back (one rename, for a whole
folder where it can) instead of being written. Everything else is written as
in any build, and what is left aside is deleted at the end. Only outputs whose
key was recorded are moved back, so nothing stale can come back: a file whose
key changed, a file no longer made, a file MkDocs writes are all written anew.
"""

from __future__ import annotations

import itertools
import os
import posixpath
import shutil
from pathlib import Path

SUFFIX = ".podium-previous"


class Previous:
    """The last build's site, set aside, the key of each output in it, and the paths
    of every other file the build wrote there (MkDocs' pages and assets)."""

    def __init__(self, folder: Path, site_dir: Path, keys: dict[str, str], others: set[str]) -> None:
        self.folder = folder
        self.site_dir = site_dir
        self.keys = keys
        self.others = others
        self._made: set[str] = {""}

    @classmethod
    def set_aside(cls, site_dir: Path, keys: dict[str, str], others: set[str]) -> Previous | None:
        """Move the site folder aside and leave an empty one in its place; None when
        there is nothing to reuse (no earlier build, no recorded key)."""
        folder = site_dir.with_name(site_dir.name + SUFFIX)
        shutil.rmtree(folder, ignore_errors=True)
        if not keys or not site_dir.is_dir():
            return None
        try:
            site_dir.rename(folder)
            site_dir.mkdir()
        except OSError:
            return None
        return cls(folder, site_dir, keys, others)

    def restore(self, wanted: dict[str, str]) -> set[str]:
        """Move back every output of `wanted` (path -> key) that has the key it had;
        return their paths. A folder that holds nothing else of the last site (no
        output whose key changed, no file of MkDocs) is moved back whole: one
        rename for a year's 150 speeches instead of 150 (creating 11,000 folders
        again took 3 s on the UN General Debate Corpus)."""
        same = {path for path, key in wanted.items() if self.keys.get(path) == key}
        blocked = {""}
        for path in itertools.chain((p for p in self.keys if p not in same), self.others):
            folder = posixpath.dirname(path)
            while folder not in blocked:
                blocked.add(folder)
                folder = posixpath.dirname(folder)
        units: dict[str, list[str]] = {}
        for path in same:
            top, folder = path, posixpath.dirname(path)
            while folder not in blocked:
                top, folder = folder, posixpath.dirname(folder)
            units.setdefault(top, []).append(path)
        restored: set[str] = set()
        for unit in sorted(units):
            if self._move(unit):
                restored.update(units[unit])
        return restored

    def take(self, path: str, key: str) -> bool:
        """Move the output at `path` (relative to the site) back, if its key is the
        one it was made with."""
        return self.keys.get(path) == key and self._move(path)

    def _move(self, path: str) -> bool:
        parent = posixpath.dirname(path)
        try:
            if parent not in self._made:
                os.makedirs(self.site_dir / parent, exist_ok=True)
                self._made.add(parent)
            os.rename(self.folder / path, self.site_dir / path)
        except OSError:
            return False
        return True

    def discard(self) -> None:
        """Delete what was not taken back."""
        shutil.rmtree(self.folder, ignore_errors=True)
