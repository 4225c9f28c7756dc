"""The build cache: what an earlier build made, found again by a hash of
everything it was made from, so that a build after an edit makes only what
the edit changed.

It is a folder (by default `.cache/podium/` beside mkdocs.yml) that is never
published and may be deleted at any time: a build without it makes
everything, and writes it again. Inside, one generation per setting of the
inputs every page shares (`Inputs.key`: Podium's code and templates, every
installed package's version, the resolved mkdocs.yml, the navigation), so
that `mkdocs serve` and `mkdocs build` (different site URLs) keep one each:

    <generation>/pages/ab/<key>        a finished page, as written to the site
    <generation>/pages/ab/<key>.search the text Pagefind indexes, for a statement page
    <generation>/files/ab/<key>        a data file (export, feed)
    <generation>/bundles/<path>.json   a Pagefind bundle: its pages' hashes, words
    <generation>/bundles/<path>/       the bundle's files

Keys are content hashes (BLAKE2b): an entry is never stale, only unused,
and a build that finishes removes what it did not use (`prune`), keeping the
newest generations only. Entries are written to a temporary name and renamed,
so a killed build leaves no half entry under a real name; worker processes
write side by side without locks (equal keys, equal bytes).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

FORMAT = "1"
"""The cache's layout; a new value leaves every older entry unused."""
GENERATIONS = 2
"""Generations kept: the current one and the one before (`serve` beside `build`)."""
DIGEST = 20


def digest(*parts: str | bytes) -> str:
    """A hash of the parts, each length-prefixed (so that ("ab", "c") != ("a", "bc"))."""
    h = hashlib.blake2b(digest_size=DIGEST)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def tree_digest(folder: Path) -> str:
    """A hash of every file under `folder`: names and bytes (caches left aside)."""
    parts: list[str | bytes] = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


@dataclass(frozen=True)
class Bundle:
    """A cached Pagefind bundle."""

    pages: tuple[str, ...]
    """Hashes of its pages (URL and indexed text), in the order they were added."""
    words: int
    folder: Path


@dataclass(frozen=True)
class Cache:
    """One generation of the cache, for one build. Every entry a build reads or
    writes gets a fresh modification time, so that `prune` can tell what it used
    whichever process used it."""

    root: Path
    generation: str

    @property
    def folder(self) -> Path:
        return self.root / self.generation

    # --- pages and data files ---------------------------------------------

    def _entry(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / key

    def page(self, key: str) -> Path | None:
        """The cached page with this key, if any."""
        return self._found(self._entry("pages", key))

    def search_text(self, key: str) -> str | None:
        found = self._found(self._entry("pages", key).with_suffix(".search"))
        return found.read_text(encoding="utf-8") if found else None

    def put_page(self, key: str, page: bytes, search_text: str | None = None) -> None:
        entry = self._entry("pages", key)
        if search_text is not None:
            self._write(entry.with_suffix(".search"), search_text.encode("utf-8"))
        self._write(entry, page)

    def file(self, key: str) -> Path | None:
        """The cached data file with this key, if any (and the entries it was made
        of are kept as used: the next build after an edit needs them)."""
        entry = self._found(self._entry("files", key))
        if entry is not None:
            with contextlib.suppress(OSError):
                parts = entry.with_suffix(".parts").read_text(encoding="utf-8").split()
                _touch(*(p for p in map(partial(self._entry, "files"), parts) if p.exists()),
                       entry.with_suffix(".parts"))
        return entry

    def put_file(self, key: str, data: bytes, parts: Iterable[str] = ()) -> None:
        """Keep a data file; `parts` are the keys of the entries it was made of
        (the full-text export's compressed streams)."""
        entry = self._entry("files", key)
        if parts:
            self._write(entry.with_suffix(".parts"), "\n".join(parts).encode("utf-8"))
        self._write(entry, data)

    # --- Pagefind bundles ----------------------------------------------------

    def bundle(self, path: str) -> Bundle | None:
        """The bundle cached for a bundle path (`en-0/`), if any."""
        about = self.folder / "bundles" / f"{path.strip('/')}.json"
        folder = self.folder / "bundles" / path.strip("/")
        try:
            data = json.loads(about.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not folder.is_dir():
            return None
        _touch(about, folder)
        return Bundle(tuple(data["pages"]), int(data["words"]), folder)

    def put_bundle(self, path: str, pages: Iterable[str], words: int, written: Path) -> None:
        """Keep a copy of a bundle Pagefind has just written (and verified)."""
        name = path.strip("/")
        bundles = self.folder / "bundles"
        bundles.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=bundles))
        try:
            shutil.copytree(written, temporary / "b")
            folder = bundles / name
            if folder.exists():
                shutil.rmtree(folder)
            os.rename(temporary / "b", folder)
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
        self._write(bundles / f"{name}.json",
                    json.dumps({"pages": list(pages), "words": words}).encode("utf-8"))

    # --- housekeeping --------------------------------------------------------

    def prune(self, started: float) -> None:
        """Remove from this generation what the build that started at `started`
        (time.time()) did not use, and all but the newest generations."""
        for kind in ("pages", "files"):
            for entry in (self.folder / kind).glob("*/*"):
                if _older(entry, started):
                    entry.unlink(missing_ok=True)
        for entry in (self.folder / "bundles").glob("*"):
            if _older(entry, started):
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink(missing_ok=True)
        _touch(self.folder)
        generations = sorted((p for p in self.root.iterdir() if p.is_dir()),
                             key=lambda p: p.stat().st_mtime, reverse=True)
        for old in generations[GENERATIONS:]:
            shutil.rmtree(old, ignore_errors=True)

    def _found(self, entry: Path) -> Path | None:
        try:
            _touch(entry)
        except FileNotFoundError:
            return None
        return entry

    def _write(self, entry: Path, data: bytes) -> None:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".", dir=entry.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


class Parts:
    """The cache as a store of the pieces one data file is made of, noting their
    keys (podium.outputs.export.Store)."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self.keys: list[str] = []

    def file(self, key: str) -> Path | None:
        self.keys.append(key)
        return self.cache.file(key)

    def put_file(self, key: str, data: bytes) -> None:
        self.cache.put_file(key, data)


def _touch(*paths: Path) -> None:
    for path in paths:
        os.utime(path)


def _older(path: Path, started: float) -> bool:
    try:
        return path.stat().st_mtime < started
    except FileNotFoundError:
        return False


def copy(entry: Path, target: str) -> None:
    """A cached file to its place in the site."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(entry, target)
