"""Serve a built site folder on loopback, for screenshots and browser tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _UnderHandler(_QuietHandler):
    """The site at /<under>/ only, as GitHub Pages serves a project's site
    (https://owner.github.io/repository/): anything else is a 404."""

    under = ""

    def translate_path(self, path: str) -> str:
        prefix = f"/{self.under}/"
        if not path.startswith(prefix):
            return str(Path(self.directory) / "\0absent")  # (no file has that name: a 404)
        return super().translate_path("/" + path[len(prefix):])


@contextlib.contextmanager
def serve(folder: Path, under: str = "") -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 for as long as the block runs, at /<under>/
    if given; yield its base URL."""
    kind: type[_QuietHandler] = _QuietHandler
    if under:
        kind = type("Under", (_UnderHandler,), {"under": under.strip("/")})
    handler = functools.partial(kind, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        path = f"{under.strip('/')}/" if under else ""
        yield f"http://127.0.0.1:{server.server_address[1]}/{path}"
    finally:
        server.shutdown()
        server.server_close()
