"""Pagefind indexing that runs while the site builds, not after it, in
bounded pieces.

Statement pages are handed to Pagefind's indexing service (the binary from
the pagefind[bin] wheel, run with `--service`) as they are built, so that
indexing runs alongside rendering. Running the Pagefind CLI over the built
site afterwards instead re-reads every page and adds its whole run to the
build time.

Pagefind holds a whole index in memory until it writes it (9.2 GB for the
32 million words of the UN General Debate Corpus), so the pages are indexed
in pieces: one service per language, and a new one whenever the text held by
the open services passes a budget. Each piece is written to its own bundle
folder (`pagefind/<language>-<n>/`) by a service that then exits, and
`pagefind/podium-bundles.json` lists them; the search interface (podium.js)
searches every bundle and merges the results. One language per bundle also
means each bundle's own stemmer and word segmentation serve its queries.

The service speaks base64-encoded JSON messages, each ended by a comma, on
its stdin and stdout. The `pagefind` Python package wraps it, but reads one
reply per 0.1 s, which for 10,000 pages is 17 minutes, so Podium speaks the
protocol itself: a writer (the build), a reader thread, replies matched by
message id.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import json
import os
import re
import shutil
import subprocess
import threading
import time
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from podium.base.buildcache import Bundle as CachedBundle
from podium.base.buildcache import Cache, digest, link_or_copy
from podium.base.parallel import die_with_parent

MANIFEST = "podium-bundles.json"
"""The list of bundles, read by the search interface."""
BUDGET = 12_000_000
"""Characters of page HTML held by the open Pagefind services before the
largest is written out. Pagefind peaks at about 43 bytes of memory per
character it holds (measured on the UN General Debate Corpus: docs/guide/search.md), so
this bounds it at about 520 MB, plus the piece being written: 678 MB in all
over the whole corpus, where plain MkDocs peaks at 1.65 GB."""
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
"""Pagefind's own interfaces, which Podium does not load (podium.js searches the bundles)."""
TINY = 20
"""A language with at most this many pages (and no more coming) shares one
bundle, `mul-0/`, with the other such languages. Every bundle costs a first
search its own Pagefind runtime (pagefind.js, its worker and WebAssembly:
about 97 KB compressed) and at least seven requests (entry, metadata, a word
chunk, one chunk per filter), and a site with a few statements in each of
several languages had a bundle for each. The shared bundle has no stemmer:
its words are found as written."""
MIXED = "mul"
"""The language of the shared bundle (ISO 639's code for several languages)."""
SEGMENTED = ("zh", "ja", "th", "km", "lo", "my")
"""Languages written without spaces, which Pagefind cuts into words only in
their own language's index: never in the shared bundle, never without
their language (search.index_language)."""
WRITE_WAIT = 20.0
"""Seconds to wait for Pagefind to finish writing a bundle after its reply."""
_LANG = re.compile(r'<html lang="([^"]*)"')
_DATA_LANG = re.compile(r'<html lang="[^"]*" data-language="([^"]*)"')


def language_key(page_html: str, language: str | None = None) -> str:
    """The language a page is indexed under (from `<html data-language>`, else
    `<html lang>`, if not given), as it names a bundle: one bundle per language."""
    if language is None:
        found = _DATA_LANG.search(page_html) or _LANG.search(page_html)
        language = found.group(1) if found else "unknown"
    return re.sub(r"[^a-z0-9-]", "", language.lower()) or "unknown"


class IndexingError(RuntimeError):
    """Pagefind could not be started, refused a page, or could not write the index."""


def executable() -> Path:
    """The Pagefind binary shipped by pagefind[bin] (or PAGEFIND_BINARY_PATH)."""
    try:
        from pagefind.service import get_executable
    except ImportError as exc:
        raise IndexingError("the pagefind package is not installed") from exc
    found = get_executable()
    if found is None:
        raise IndexingError("no Pagefind binary found")
    return found


def spawn(binary: Path) -> subprocess.Popen[bytes]:
    """Start one Pagefind service: the one place Pagefind processes are made."""
    return subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=die_with_parent())  # none left if the build is killed


@dataclass(frozen=True)
class Bundle:
    """One piece of the index: a Pagefind bundle folder holding one language."""

    path: str
    """Relative to the index folder, ending in '/'."""
    language: str
    pages: int
    words: int
    cached: bool = False
    """Copied from the build cache, not indexed again."""
    urls: tuple[str, ...] = ()
    hashes: tuple[str, ...] = ()
    """Its pages: URLs, and hashes of URL and text (podium.outputs.overlay keeps them)."""


@dataclass(frozen=True)
class IndexResult:
    pages: int
    words: int
    output: Path
    bundles: tuple[Bundle, ...] = ()


@dataclass
class _Replies:
    """Replies by message id, filled by the reader thread."""

    done: threading.Condition = field(default_factory=threading.Condition)
    payloads: dict[int, dict[str, Any]] = field(default_factory=dict)
    closed: bool = False

    def read_from(self, stream: IO[bytes]) -> None:
        buffer = b""
        while chunk := stream.read1(1 << 16):  # type: ignore[attr-defined]
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            if messages:
                with self.done:
                    for raw in messages:
                        reply = json.loads(base64.b64decode(raw))
                        self.payloads[reply.get("message_id") or 0] = reply["payload"]
                    self.done.notify_all()
        with self.done:
            self.closed = True
            self.done.notify_all()

    def wait(self, message_id: int) -> dict[str, Any]:
        with self.done:
            self.done.wait_for(lambda: message_id in self.payloads or self.closed)
            if message_id not in self.payloads:
                raise IndexingError("the Pagefind service stopped")
            return self.payloads[message_id]


class Service:
    """One Pagefind service and its one index, fed page by page."""

    def __init__(self, binary: Path | None = None) -> None:
        self._process = spawn(binary or executable())
        assert self._process.stdout is not None and self._process.stderr is not None
        self._replies = _Replies()
        self._reader = threading.Thread(target=self._replies.read_from,
                                        args=(self._process.stdout,), daemon=True)
        self._reader.start()
        self._errors: list[bytes] = []
        self._stderr = threading.Thread(target=lambda s: self._errors.extend(s), daemon=True,
                                        args=(self._process.stderr,))
        self._stderr.start()
        self._last_id = 0
        self._pages: dict[int, str] = {}  # message id → URL, to name a refused page
        self.size = 0
        """Characters of HTML given so far."""
        self._index_id = self._call({"type": "NewIndex", "config": None})["index_id"]

    @property
    def pages(self) -> int:
        return len(self._pages)

    def add(self, url: str, page_html: str) -> None:
        """Queue one page for indexing; its reply is checked in `write`."""
        message_id = self._send({"type": "AddFile", "index_id": self._index_id, "url": url,
                                 "file_contents": page_html, "file_path": None})
        self._pages[message_id] = url
        self.size += len(page_html)

    def write(self, output: Path) -> int:
        """Write the index to `output` once every page is indexed, stop the service,
        wait for it to exit and check what it wrote; return the words indexed."""
        try:
            words = 0
            for message_id, url in self._pages.items():
                reply = self._replies.wait(message_id)
                if reply.get("type") != "IndexedFile":
                    raise IndexingError(f"{url}: {reply.get('message', reply)}")
                words += int(reply.get("page_word_count", 0))
            self._call({"type": "WriteFiles", "index_id": self._index_id,
                        "output_path": str(output)})
            # Pagefind replies before every file is on disk, and a service whose
            # input ends exits without finishing its writes (1 run in ~30 left an
            # empty pagefind-entry.json): wait until the bundle is whole first.
            # Whole means: no file of it changes size between two looks (a cut
            # pagefind-worker.js passed the check once, under load), and then it
            # verifies (which decompresses every file: done only once sizes hold).
            deadline = time.monotonic() + WRITE_WAIT
            sizes: dict[Path, int] | None = None
            while True:
                now = _sizes(output)
                if now == sizes:
                    try:
                        verify(output, len(self._pages))
                        break
                    except IndexingError:
                        if time.monotonic() > deadline or self._process.poll() is not None:
                            raise
                sizes = now
                if time.monotonic() > deadline:
                    raise IndexingError(f"{output}: Pagefind was still writing after {WRITE_WAIT:.0f} s")
                time.sleep(0.1)
            assert self._process.stdin is not None
            self._process.stdin.close()  # the service exits once its input ends
            if code := self._process.wait():
                raise IndexingError(f"Pagefind exited with code {code} after writing {output}"
                                    + self._stderr_line())
        finally:
            self.close()
        verify(output, len(self._pages))
        for name in UNUSED:
            (output / name).unlink(missing_ok=True)
        return words

    def _stderr_line(self) -> str:
        text = b"".join(self._errors).decode("utf-8", "replace").strip().splitlines()
        return f": {text[-1]}" if text else ""

    def close(self) -> None:
        """Stop the service (at once if it is still running) and wait for it."""
        if self._process.stdin and not self._process.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self._process.stdin.close()
        if self._process.poll() is None:
            self._process.terminate()
        self._process.wait()

    def _send(self, payload: dict[str, Any]) -> int:
        self._last_id += 1
        message = {"message_id": self._last_id, "payload": payload}
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(base64.b64encode(json.dumps(message).encode()) + b",")
            self._process.stdin.flush()
        except (BrokenPipeError, ValueError) as exc:  # ValueError: stdin closed
            raise IndexingError("the Pagefind service stopped") from exc
        return self._last_id

    def _call(self, payload: dict[str, Any]) -> dict[str, Any]:
        reply = self._replies.wait(self._send(payload))
        if reply.get("type") == "Error":
            raise IndexingError(str(reply.get("message", reply)))
        return reply


def _sizes(bundle: Path) -> dict[Path, int]:
    """Every file of a bundle with its size."""
    return {p: p.stat().st_size for p in bundle.rglob("*") if p.is_file()}


def verify(bundle: Path, pages: int) -> None:
    """Check a written bundle: the entry file parses, each language's files are
    there, and every compressed file decompresses whole (a full disk left
    empty or cut files behind Pagefind's success reply)."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        # Pagefind always writes the stemmer-less WebAssembly too (wasm.unknown), and it may
        # still be writing it after its reply: one build compared a cut copy of it.
        names = ["pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind"]
        for language in entry["languages"].values():
            wasm = language["wasm"] or "unknown"  # no stemmer for the language
            names += [f"pagefind.{language['hash']}.pf_meta", f"wasm.{wasm}.pagefind"]
        for name in names:
            if (bundle / name).stat().st_size == 0:
                raise IndexingError(f"{bundle / name} is empty")
        # Pagefind leaves out a page with no text at all (a body of control characters).
        counted = sum(int(language["page_count"]) for language in entry["languages"].values())
        fragments = list((bundle / "fragment").iterdir()) if counted else []
        if counted > pages or len(fragments) != counted:
            raise IndexingError(f"{bundle}: {len(fragments)} fragment file(s) for {counted} indexed "
                                f"page(s) of {pages}")
        for path in [bundle / n for n in names if not n.endswith(".js")] + fragments + \
                [p for folder in ("index", "filter") if (bundle / folder).is_dir()
                 for p in (bundle / folder).iterdir()]:
            gzip.decompress(path.read_bytes())
    except (OSError, ValueError, KeyError, EOFError, zlib.error) as exc:
        raise IndexingError(f"the search index in {bundle} is incomplete or damaged: {exc}") from exc


@dataclass
class _Piece:
    """One bundle being filled: its pages go to a Pagefind service, or are held
    while they are the pages of the bundle a build cache has for its path."""

    path: str
    cached: CachedBundle | None
    hashes: list[str] = field(default_factory=list)
    """A hash of each page (URL and text), in order: the bundle's identity."""
    urls: list[str] = field(default_factory=list)
    held: list[tuple[str, str]] = field(default_factory=list)
    size: int = 0
    service: Service | None = None
    hold: int = 0
    """Pages held before Pagefind starts: a piece that stays this small joins
    the shared bundle (Indexer.tiny)."""

    def add(self, url: str, page_html: str, binary: Path) -> None:
        self.hashes.append(digest(url, page_html))
        self.urls.append(url)
        self.size += len(page_html)
        if self.service is None and (len(self.urls) <= self.hold or self._still_cached()):
            self.held.append((url, page_html))
            return
        self._start(binary)
        assert self.service is not None
        self.service.add(url, page_html)

    def _still_cached(self) -> bool:
        n, cached = len(self.hashes), self.cached
        return cached is not None and n <= len(cached.pages) and cached.pages[n - 1] == self.hashes[-1]

    def reusable(self) -> bool:
        return self.service is None and self.cached is not None and tuple(self.hashes) == self.cached.pages

    def _start(self, binary: Path) -> None:
        if self.service is None:
            try:
                self.service = Service(binary)
            except OSError as exc:
                raise IndexingError(f"cannot start Pagefind: {exc}") from exc
            for url, page_html in self.held:
                self.service.add(url, page_html)
            self.held = []


class Indexer:
    """The site's search index, fed page by page, in pieces of bounded size.

    `add` routes each page to its language's open piece; when the open pieces
    hold more than `budget` characters, the largest is written out (in the
    background) and a fresh one takes its place. With a build cache, a piece
    whose pages are exactly those of the bundle the cache holds for its path is
    copied from the cache instead of indexed again (Pagefind is not started
    for it), and every bundle Pagefind writes is kept in the cache."""

    def __init__(self, output: Path, binary: Path | None = None, budget: int = BUDGET,
                 cache: Cache | None = None, tiny: int = 0) -> None:
        self.output = output
        self._tiny = tiny
        """Languages with at most this many pages share one bundle (TINY); 0: none do."""
        self._binary = binary or executable()
        if not os.access(self._binary, os.X_OK):  # services start later, with the pages
            raise IndexingError(f"cannot run Pagefind at {self._binary}")
        self._budget = budget
        self._cache = cache
        self._open: dict[str, _Piece] = {}
        self._counts: dict[str, int] = {}  # pieces started per language
        self._writing: list[tuple[_Piece, Future[int]]] = []
        self._pool = ThreadPoolExecutor(max_workers=1)  # one piece written at a time
        self._sealed = False
        if output.exists():
            shutil.rmtree(output)

    def add(self, url: str, page_html: str, language: str | None = None) -> None:
        """Queue one page for indexing (its language from `<html lang>` if not given)."""
        if self._sealed:
            raise IndexingError(f"{url}: added after the index started being written")
        key = language_key(page_html, language)
        piece = self._open.get(key)
        if piece is None:
            number = self._counts.get(key, 0)
            self._counts[key] = number + 1
            path = f"{key}-{number}/"
            cached = self._cache.bundle(path) if self._cache is not None else None
            small = number == 0 and key.split("-")[0] not in SEGMENTED
            piece = self._open[key] = _Piece(path, cached, hold=self._tiny if small else 0)
        piece.add(url, page_html, self._binary)
        if sum(p.size for p in self._open.values()) > self._budget:
            largest = max(self._open, key=lambda k: self._open[k].size)
            self._flush(largest)

    def _flush(self, key: str, wait: bool = True) -> None:
        # At most one piece waits to be written while the others fill: the
        # earlier ones must be out (and their services gone) first.
        for _, earlier in self._writing if wait else []:
            earlier.result()
        piece = self._open.pop(key)
        self._writing.append((piece, self._pool.submit(self._write, piece)))

    def _write(self, piece: _Piece) -> int:
        """Write one piece (or copy it from the cache); return its words."""
        target = self.output / piece.path
        if piece.reusable():
            assert piece.cached is not None
            try:
                shutil.copytree(piece.cached.folder, target, copy_function=link_or_copy)
            except OSError as exc:
                raise IndexingError(f"cannot copy the cached bundle {piece.cached.folder}: {exc}") from exc
            return piece.cached.words
        piece._start(self._binary)
        assert piece.service is not None
        words = piece.service.write(target)
        if self._cache is not None:
            with contextlib.suppress(OSError):  # the site is whole without the cache
                self._cache.put_bundle(piece.path, piece.hashes, words, target)
        return words

    def start_write(self, output: Path | None = None) -> None:
        """Have every open piece written in the background: the build goes on with
        pages that are not indexed (term pages). No page may be added after this."""
        if not self._sealed:
            self._sealed = True
            self._share_small()
            for key in sorted(self._open):
                self._flush(key, wait=False)
            self._pool.shutdown(wait=False)

    def _share_small(self) -> None:
        """Put the languages that stayed small (each one piece, its pages still
        held) into one bundle, `mul-0/`, their pages' language set to `mul`
        so that Pagefind makes one index of them."""
        small = sorted(key for key, piece in self._open.items()
                       if piece.hold and piece.service is None and len(piece.urls) <= piece.hold
                       and self._counts[key] == 1)
        if len(small) < 2 or (MIXED in self._open and MIXED not in small):
            return
        path = f"{MIXED}-0/"
        shared = _Piece(path, self._cache.bundle(path) if self._cache is not None else None)
        for key in small:
            for url, page_html in self._open.pop(key).held:
                shared.add(url, _LANG.sub(f'<html lang="{MIXED}"', page_html, count=1), self._binary)
        self._open[MIXED] = shared

    def write(self, output: Path | None = None) -> IndexResult:
        """Write whatever is still open, wait for every piece, and write the list of
        bundles for the search interface."""
        try:
            self.start_write()
            bundles = []
            for piece, future in self._writing:
                words = future.result()
                language = piece.path.rsplit("-", 1)[0]
                bundles.append(Bundle(piece.path, language, len(piece.hashes), words, piece.reusable(),
                                      tuple(piece.urls), tuple(piece.hashes)))
            manifest = {"bundles": [{"path": b.path, "language": b.language, "pages": b.pages}
                                    for b in bundles]}
            try:
                self.output.mkdir(parents=True, exist_ok=True)
                (self.output / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n",
                                                    encoding="utf-8")
            except OSError as exc:
                raise IndexingError(f"cannot write {self.output / MANIFEST}: {exc}") from exc
            return IndexResult(sum(b.pages for b in bundles), sum(b.words for b in bundles),
                               self.output, tuple(bundles))
        finally:
            self.close()

    def close(self) -> None:
        """Stop every service, written or not (after a failed build too)."""
        self._sealed = True
        for piece in list(self._open.values()):
            if piece.service is not None:
                piece.service.close()
        self._open.clear()
        for piece, future in self._writing:
            if not future.done():
                future.cancel()
            if piece.service is not None:
                piece.service.close()
        self._pool.shutdown(wait=True)
