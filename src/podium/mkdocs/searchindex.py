"""The Pagefind index over one MkDocs build: opened before the pages are
built, fed each statement page as it is written, its last pieces written while
the index pages are built, finished (every bundle verified and listed) after
the build, and closed on failure. Every Pagefind failure becomes one
PluginError that says what to do. See podium.outputs.indexer for Pagefind itself.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import PluginError

from podium.build.buildcache import Cache
from podium.outputs.indexer import Indexer, IndexingError

log = logging.getLogger("mkdocs.plugins.podium")


class SearchIndex:
    """The site's Pagefind index in `site_dir/pagefind`, for one build."""

    def __init__(self, site_dir: Path, budget: int, cache: Cache | None = None) -> None:
        try:
            self._indexer: Indexer | None = Indexer(site_dir / "pagefind", budget=budget, cache=cache)
        except (OSError, IndexingError) as exc:
            raise PluginError(f"podium: search index not built: {exc} "
                              "(install pagefind[bin], or set `pagefind: false`)") from exc

    def add(self, pages: list[tuple[str, str]]) -> None:
        """Index statement pages (URL, the text podium.outputs.search makes of the page)."""
        assert self._indexer is not None
        with _reported():
            for url, document in pages:
                self._indexer.add(url, document)

    def start_write(self) -> None:
        """No more pages: have Pagefind write while the rest of the site is built."""
        assert self._indexer is not None
        with _reported():
            self._indexer.start_write()

    def finish(self) -> None:
        """Wait for every bundle, check it and list it for the search interface."""
        assert self._indexer is not None
        try:
            with _reported():
                result = self._indexer.write()
        finally:
            self._indexer = None
        log.info("podium: Pagefind indexed %d statement page(s), %d words, in %d bundle(s) "
                 "(%d from the build cache)", result.pages, result.words, len(result.bundles),
                 sum(b.cached for b in result.bundles))

    def close(self) -> None:
        """Stop Pagefind after a failed build (no process is left behind)."""
        if self._indexer is not None:
            self._indexer.close()
            self._indexer = None


@contextmanager
def _reported() -> Iterator[None]:
    """Pagefind's failures as the build's error."""
    try:
        yield
    except (OSError, IndexingError) as exc:
        raise PluginError(f"podium: search index not built: {exc}") from exc
