"""Pagefind indexing that runs while the site builds, not after it.

Statement pages are handed to Pagefind's indexing service (the binary from
the pagefind[bin] wheel, run with `--service`) as they are built, so that
indexing runs alongside rendering; writing the index files starts as soon as
the last statement page is in, while the index pages are still being built.
Running the Pagefind CLI over the built site afterwards instead re-reads
every page and adds its whole run to the build time.

The service speaks base64-encoded JSON messages, each ended by a comma, on
its stdin and stdout. The `pagefind` Python package wraps it, but reads one
reply per 0.1 s, which for 10,000 pages is 17 minutes, so Podium speaks the
protocol itself: a writer (the build), a reader thread, replies matched by
message id.
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from podium.parallel import die_with_parent


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


@dataclass(frozen=True)
class IndexResult:
    pages: int
    words: int
    output: Path


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


class Indexer:
    """One Pagefind index, fed page by page; `write` puts it in the site."""

    def __init__(self, binary: Path | None = None) -> None:
        self._process = subprocess.Popen(
            [str(binary or executable()), "--service"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            preexec_fn=die_with_parent(),  # no `pagefind --service` left if the build is killed
        )
        assert self._process.stdout is not None
        self._replies = _Replies()
        self._reader = threading.Thread(target=self._replies.read_from,
                                        args=(self._process.stdout,), daemon=True)
        self._reader.start()
        self._last_id = 0
        self._pages: dict[int, str] = {}  # message id → URL, to name a refused page
        self._writer: Future[IndexResult] | None = None
        self._index_id = self._call({"type": "NewIndex", "config": None})["index_id"]

    def add(self, url: str, page_html: str) -> None:
        """Queue one page for indexing; its reply is checked in `write`."""
        if self._writer is not None:
            raise IndexingError(f"{url}: added after the index started being written")
        message_id = self._send({"type": "AddFile", "index_id": self._index_id, "url": url,
                                 "file_contents": page_html, "file_path": None})
        self._pages[message_id] = url

    def start_write(self, output: Path) -> None:
        """Have the index files written to `output` in the background, once every
        page queued so far is indexed: the build goes on with pages that are
        not indexed (term pages) meanwhile. No page may be added after this."""
        if self._writer is None:
            pool = ThreadPoolExecutor(max_workers=1)
            self._writer = pool.submit(self._write, output)
            pool.shutdown(wait=False)  # the thread ends with _write

    def write(self, output: Path) -> IndexResult:
        """Write the index files to `output` (or wait for `start_write` to finish),
        and stop the service."""
        try:
            self.start_write(output)
            assert self._writer is not None
            return self._writer.result()
        finally:
            self.close()

    def _write(self, output: Path) -> IndexResult:
        words = 0
        for message_id, url in self._pages.items():
            reply = self._replies.wait(message_id)
            if reply.get("type") != "IndexedFile":
                raise IndexingError(f"{url}: {reply.get('message', reply)}")
            words += int(reply.get("page_word_count", 0))
        self._call({"type": "WriteFiles", "index_id": self._index_id, "output_path": str(output)})
        return IndexResult(len(self._pages), words, output)

    def close(self) -> None:
        if self._process.poll() is None:
            if self._process.stdin:
                self._process.stdin.close()
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
