"""The test server (podium.engine.preview) can serve a site under a path, as
GitHub Pages serves a project's site: inside it the files, outside it 404s."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from podium.engine.preview import serve


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_a_site_under_a_path_is_found_there_and_nowhere_else(tmp_path: Path) -> None:
    (tmp_path / "statements").mkdir()
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    (tmp_path / "statements" / "index.html").write_text("list", encoding="utf-8")
    with serve(tmp_path, under="podium") as url:
        root = url.removesuffix("podium/")
        assert url.endswith("/podium/")
        assert [_status(url), _status(url + "statements/")] == [200, 200]
        # Outside the path: a 404 (a NUL in the file name once made these a dropped connection).
        assert [_status(root), _status(root + "index.html"), _status(root + "podiumx/")] == [404, 404, 404]
    with serve(tmp_path) as url:
        assert _status(url) == 200 and _status(url + "statements/") == 200
