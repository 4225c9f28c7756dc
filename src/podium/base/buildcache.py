"""The build cache: what an earlier build made, found again by a hash of
everything it was made from, so that a build after an edit makes only what
the edit changed.

It is a folder (by default `.cache/podium/` beside mkdocs.yml) that is never
published and may be deleted at any time: a build without it makes
everything, and writes it again. Inside, one generation per setting of the
inputs every page shares (`Inputs.key`: Podium's code and templates, every
installed package's version, the resolved mkdocs.yml, the navigation), so
that `mkdocs serve` and `mkdocs build` (different site URLs) keep one each:

    <generation>/pages/ab/<key>        a finished page, as written to the site, and for a
                                       statement page the text Pagefind indexes
    <generation>/files/ab/<key>        a data file (export, feed)
    <generation>/bundles/<path>.json   a Pagefind bundle: its pages' hashes, words
    <generation>/bundles/<path>/       the bundle's files

Keys are content hashes (BLAKE2b): an entry is never stale, only unused,
and a build that finishes removes what it did not use (`prune`), keeping the
newest generations only. Entries are written to a temporary name and renamed,
so a killed build leaves no half entry under a real name; worker processes
write side by side without locks (equal keys, equal bytes).

The cache owns only what it made. Its folder carries a `CACHEDIR.TAG` (the
Cache Directory Tagging Specification, which backup tools honour) naming
Podium, each generation a `.podium-generation` mark, and housekeeping deletes
only marked generations and the entries inside them; a folder that holds
anything else is refused before a build writes to it (`claim`). Every entry
carries the hash of its bytes, checked when it is read: a page that was
changed, cut or corrupted after it was written is not published but made
again, with a warning. An entry is written only after its page passed the
word check, and its key holds its source's bytes, so a page read back with a
matching hash is the page that passed the check.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from podium.base.paths import within

log = logging.getLogger("mkdocs.plugins.podium")

FORMAT = "4"
"""The cache's layout; a new value leaves every older entry unused."""
GENERATIONS = 2
"""Generations kept: the current one and the one before (`serve` beside `build`)."""
DIGEST = 20
TAG = "CACHEDIR.TAG"
TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by Podium (its build cache).\n"
            "# For information about cache directory tags, see https://bford.info/cachedir/\n")
"""The Cache Directory Tagging Specification's tag, and Podium's mark on its folder."""
GENERATION_MARK = ".podium-generation"
"""In each generation folder: what `prune` may delete."""
_HEADER = re.compile(rb"podium-cache ([0-9a-f]{%d}) ([^\n]*)\n" % (2 * DIGEST))
_KEY = re.compile(f"[0-9a-f]{{{2 * DIGEST}}}")
"""A key as `digest` writes it; also the name of a generation of an earlier Podium."""
MAX_ENTRY = 1 << 30
"""Largest entry read back (a page is at most tens of megabytes): a link to /dev/zero is not read."""


class CacheRefused(ValueError):
    """The folder asked for cannot be the build cache: one line saying why and what to do."""


def claim(root: Path, keep_out: Sequence[tuple[str, Path]], option: str) -> Path:
    """Make `root` the build cache's folder, or refuse it: it must not be, hold
    or sit inside any folder of `keep_out` (what, where: the project, its
    statements, docs and site), and must be new, empty or Podium's own (its tag,
    or only generations of an earlier Podium, which are marked now). `option` is
    how the user wrote it, for the message."""
    if root.is_symlink():
        raise CacheRefused(f"`cache_dir: {option}` ({root}) is a link; Podium deletes old entries in its "
                           "cache folder and never through a link: give it a folder of its own")
    root = root.resolve()
    for what, where in keep_out:
        where = where.resolve()
        if within(where, root) is not None:
            same = within(root, where) is not None
            raise CacheRefused(f"`cache_dir: {option}` is {'' if same else 'a parent of '}"
                               f"{what} ({where}); Podium deletes old entries in its cache folder, so "
                               "it must be a folder of its own, e.g. `cache_dir: .cache/podium`")
        if what != "the project" and within(root, where) is not None:
            raise CacheRefused(f"`cache_dir: {option}` is inside {what} ({where}); choose a folder "
                               "of its own outside it, e.g. `cache_dir: .cache/podium`")
    if root.exists() and not root.is_dir():
        raise CacheRefused(f"`cache_dir: {option}` ({root}) is not a folder; give a new folder's name")
    if root.is_dir() and not _ours(root):
        entries = sorted(p.name for p in root.iterdir())
        shown = ", ".join(entries[:3]) + (", …" if len(entries) > 3 else "")
        raise CacheRefused(f"`cache_dir: {option}` ({root}) holds files Podium did not make ({shown}); "
                           "Podium deletes old entries in its cache folder, so give it a new or empty "
                           "folder of its own, e.g. `cache_dir: .cache/podium`")
    root.mkdir(parents=True, exist_ok=True)
    for old in root.iterdir():  # generations of a Podium from before the marks: its own by their shape
        if _KEY.fullmatch(old.name) and old.is_dir() and not old.is_symlink():
            _mark(old)
    tag = root / TAG
    if not tag.is_file():
        tag.write_text(TAG_TEXT, encoding="utf-8")
    return root


def _ours(root: Path) -> bool:
    """Whether a folder is Podium's cache: tagged by Podium, empty, or holding only
    generations of an earlier Podium (hex-named folders of pages, files, bundles)."""
    try:
        if (root / TAG).read_text(encoding="utf-8") == TAG_TEXT:
            return True
    except (OSError, UnicodeDecodeError):
        pass
    for entry in root.iterdir():
        if not (_KEY.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink()
                and {p.name for p in entry.iterdir()} <= {"pages", "files", "bundles", GENERATION_MARK}):
            return False
    return True


def _mark(generation: Path) -> None:
    mark = generation / GENERATION_MARK
    if not mark.is_file():
        mark.write_text(f"podium build cache generation, format {FORMAT}\n", encoding="utf-8")


def sealed(data: bytes, key: str) -> bytes:
    """An entry's bytes: a header with the hash of the data and the key it is kept
    under (so that an entry copied or linked under another key is not taken for
    it), then the data."""
    digest = hashlib.blake2b(data, digest_size=DIGEST).hexdigest()
    return b"podium-cache " + digest.encode() + b" " + key.encode("utf-8") + b"\n" + data


def unsealed(entry: bytes, key: str) -> bytes | None:
    """The data of an entry whose hash and key hold; None for one changed, cut,
    corrupted or kept under another key."""
    header = _HEADER.match(entry)
    if header is None or header.group(2) != key.encode("utf-8"):
        return None
    data = entry[header.end():]
    if hashlib.blake2b(data, digest_size=DIGEST).hexdigest().encode() != header.group(1):
        return None
    return data


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

    def __post_init__(self) -> None:
        if self.folder.is_symlink() or (self.folder.exists() and not self.folder.is_dir()):
            raise CacheRefused(f"the build cache's generation {self.folder} is not a folder of Podium's "
                               "(a link?): delete it, or the whole cache folder")
        self.folder.mkdir(parents=True, exist_ok=True)
        for kind in ("pages", "files", "bundles"):
            part = self.folder / kind
            if part.is_symlink() or (part.exists() and not part.is_dir()):
                raise CacheRefused(f"the build cache's {part} is not a folder of Podium's (a link, a file?): "
                                   f"delete {self.root}")
        _mark(self.folder)

    @property
    def folder(self) -> Path:
        return self.root / self.generation

    # --- pages and data files ---------------------------------------------

    def _entry(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / key

    def page(self, key: str) -> bytes | None:
        """The cached page with this key, if any (and whole)."""
        found = self.page_and_text(key)
        return found[0] if found is not None else None

    def search_text(self, key: str) -> str | None:
        found = self.page_and_text(key)
        return found[1] if found is not None else None

    def page_and_text(self, key: str) -> tuple[bytes, str | None] | None:
        """The cached page with this key and the text Pagefind indexed of it (None
        for a page it did not index), if the entry is there and whole."""
        data = self._read(self._entry("pages", key))
        if data is None:
            return None
        head, _, rest = data.partition(b"\n")
        try:
            size, text = head.split(b" ")
            page = rest[:int(size)]
        except ValueError:
            return None
        return page, (None if text == b"-" else rest[int(size):].decode("utf-8"))

    def put_page(self, key: str, page: bytes, search_text: str | None = None) -> None:
        """Keep a page and its search text in one entry: one file made, not two
        (creating files is most of what filling the cache costs a cold build)."""
        text = b"-" if search_text is None else b"+"  # (a text may be empty)
        self._write(self._entry("pages", key), b"%d %s\n" % (len(page), text) + page
                    + (search_text or "").encode("utf-8"))

    def file(self, key: str) -> bytes | None:
        """The cached data file with this key, if any and whole (and the entries it
        was made of are kept as used: the next build after an edit needs them)."""
        entry = self._entry("files", key)
        found = self._read(entry)
        listed = self._read(entry.with_suffix(".parts")) if found is not None else None
        if listed is not None:
            with contextlib.suppress(OSError, UnicodeDecodeError):
                parts = [p for p in listed.decode("utf-8").split() if _KEY.fullmatch(p)]
                _touch(*(p for p in map(partial(self._entry, "files"), parts) if p.exists()))
        return found

    def put_file(self, key: str, data: bytes, parts: Iterable[str] = ()) -> None:
        """Keep a data file; `parts` are the keys of the entries it was made of
        (the full-text export's compressed streams)."""
        entry = self._entry("files", key)
        if parts:
            self._write(entry.with_suffix(".parts"), "\n".join(parts).encode("utf-8"))
        self._write(entry, data)

    # --- Pagefind bundles ----------------------------------------------------

    def bundle(self, path: str) -> Bundle | None:
        """The bundle cached for a bundle path (`en-0/`), if any, with every file as
        it was written (the hashes kept beside it)."""
        about = self.folder / "bundles" / f"{path.strip('/')}.json"
        folder = self.folder / "bundles" / path.strip("/")
        if (self.folder / "bundles").is_symlink():
            return None
        raw = self._read(about)
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            pages, words, hashes = tuple(data["pages"]), int(data["words"]), dict(data["files"])
        except (ValueError, KeyError, TypeError):
            return None
        if not folder.is_dir() or folder.is_symlink():
            return None
        if _hashes(folder) != hashes:
            log.warning("podium: the build cache's search bundle %s was changed after it was written; "
                        "it is made again (delete %s if this repeats)", folder, self.root)
            shutil.rmtree(folder, ignore_errors=True)
            about.unlink(missing_ok=True)
            return None
        _touch(about, folder)
        return Bundle(pages, words, folder)

    def put_bundle(self, path: str, pages: Iterable[str], words: int, written: Path) -> None:
        """Keep a copy of a bundle Pagefind has just written (and verified)."""
        name = path.strip("/")
        bundles = self.folder / "bundles"
        if bundles.is_symlink() or (self.folder / "bundles" / name).is_symlink():
            return  # (never written through a link; the site is whole without the cache)
        bundles.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=bundles))
        try:
            shutil.copytree(written, temporary / "b", copy_function=link_or_copy)
            folder = bundles / name
            if folder.exists():
                shutil.rmtree(folder)
            os.rename(temporary / "b", folder)
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
        about = {"pages": list(pages), "words": words, "files": _hashes(bundles / name)}
        self._write(bundles / f"{name}.json", json.dumps(about).encode("utf-8"))

    # --- housekeeping --------------------------------------------------------

    def prune(self, started: float) -> None:
        """Remove from this generation what the build that started at `started`
        (time.time()) did not use, and all but the newest generations: only
        what carries Podium's mark, never through a link."""
        if not (self.folder / GENERATION_MARK).is_file():
            return
        for kind in ("pages", "files"):
            for entry in _entries(self.folder / kind):
                if _older(entry, started):
                    entry.unlink(missing_ok=True)
        for entry in _listed(self.folder / "bundles"):
            if _older(entry, started):
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
        _touch(self.folder)
        generations = sorted((p for p in self.root.iterdir()
                              if p.is_dir() and not p.is_symlink() and (p / GENERATION_MARK).is_file()),
                             key=lambda p: p.stat().st_mtime, reverse=True)
        for old in generations[GENERATIONS:]:
            shutil.rmtree(old, ignore_errors=True)

    def _read(self, entry: Path) -> bytes | None:
        """An entry's data, checked against its hash and key; a bad one is removed,
        with a warning. Never through a link, never anything but a file, never more
        than MAX_ENTRY bytes (a FIFO hung the build, a link to /dev/zero ate memory)."""
        if self._linked(entry):
            return None
        try:
            fd = os.open(entry, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except FileNotFoundError:
            return None
        except OSError:  # a link (ELOOP), a folder
            raw = None
        else:
            with os.fdopen(fd, "rb") as f:
                info = os.fstat(f.fileno())
                raw = f.read() if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_ENTRY else None
        data = unsealed(raw, entry.name.removesuffix(".json")) if raw is not None else None
        if data is None:
            log.warning("podium: the build cache's entry %s was changed after it was written; what it "
                        "held is made again (delete %s if this repeats)", entry, self.root)
            entry.unlink(missing_ok=True)
            return None
        _touch(entry)
        return data

    def _linked(self, entry: Path) -> bool:
        """Whether a folder between the generation and the entry is a link (the cache
        is neither read nor written through one)."""
        return entry.parent.is_symlink() or entry.parent.parent.is_symlink()

    def _write(self, entry: Path, data: bytes) -> None:
        if self._linked(entry):
            return  # (the cache is only ever a help: the page itself is whole)
        try:  # (the folder is there but for the first entries: no mkdir call per entry)
            fd, temporary = tempfile.mkstemp(prefix=".", dir=entry.parent)
        except FileNotFoundError:
            try:
                entry.parent.mkdir(parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError):
                return  # (a file where a shard folder goes: not Podium's; the page is whole without it)
            fd, temporary = tempfile.mkstemp(prefix=".", dir=entry.parent)
        except NotADirectoryError:
            return
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(sealed(data, entry.name.removesuffix(".json")))
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

    def file(self, key: str) -> bytes | None:
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


def _hashes(folder: Path) -> dict[str, str]:
    """Each file under a folder and the hash of its bytes; a link or anything but a
    file or folder is listed as such, never followed or read (it can match no hash
    Podium wrote, so such a bundle is never published)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        if stat.S_ISDIR(mode):
            continue
        name = path.relative_to(folder).as_posix()
        out[name] = (hashlib.blake2b(path.read_bytes(), digest_size=DIGEST).hexdigest()
                     if stat.S_ISREG(mode) else "not a file")
    return out


def _listed(folder: Path) -> list[Path]:
    """A folder's entries, none if the folder is a link or missing."""
    if folder.is_symlink() or not folder.is_dir():
        return []
    return [Path(e.path) for e in os.scandir(folder)]


def _entries(kind: Path) -> list[Path]:
    """The entries of a kind's shard folders (pages/ab/<key>), no link followed."""
    return [entry for shard in _listed(kind) if shard.is_dir() and not shard.is_symlink()
            for entry in _listed(shard) if not entry.is_dir() or entry.is_symlink()]


def link_or_copy(source: str, target: str) -> None:
    """A second name for a file Pagefind wrote and nobody writes again (a bundle's
    file): its bytes are not copied. Pagefind's thousands of small files took
    seconds to copy at the end of every build; a file changed in place after all
    is caught by the hashes kept beside the bundle, as a copy's would be. A copy
    where a link cannot be made (another file system)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def place(data: bytes, target: str) -> None:
    """A cached file's data to its place in the site."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as out:
        out.write(data)
