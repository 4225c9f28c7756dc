"""Serve a built site folder on loopback, for screenshots and browser tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path
from typing import Any


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _UnderHandler(_QuietHandler):
    """The site at /<under>/ only, as GitHub Pages serves a project's site
    (https://owner.github.io/repository/): anything else is a 404."""

    def __init__(self, *args: Any, under: str, **kwargs: Any) -> None:
        self.under = under  # (before the base class, which handles the request at once)
        super().__init__(*args, **kwargs)

    def send_head(self) -> Any:
        if not self.path.startswith(f"/{self.under}/"):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.under) + 2:])  # (send_head checked the prefix)


@contextlib.contextmanager
def serve(folder: Path, under: str = "") -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 for as long as the block runs, at /<under>/
    if given; yield its base URL."""
    under = under.strip("/")
    handler = (functools.partial(_UnderHandler, directory=str(folder), under=under) if under
               else functools.partial(_QuietHandler, directory=str(folder)))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        path = f"{under}/" if under else ""
        yield f"http://127.0.0.1:{server.server_address[1]}/{path}"
    finally:
        server.shutdown()
        server.server_close()
