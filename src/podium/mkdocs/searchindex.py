"""The Pagefind index over one MkDocs build: opened before the pages are
built, fed each statement page as it is written, its last pieces written while
the index pages are built, finished (every bundle verified and listed) after
the build, and closed on failure. Every Pagefind failure becomes one
PluginError that says what to do. See podium.outputs.indexer for Pagefind itself,
and podium.outputs.overlay for the index of a `serve` rebuild.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import PluginError

from podium.base.buildcache import Cache
from podium.mkdocs.session import Session
from podium.outputs.indexer import MANIFEST, TINY, Bundle, Indexer, IndexingError, IndexResult
from podium.outputs.overlay import Base, OverlayIndex

log = logging.getLogger("mkdocs.plugins.podium")


class SearchIndex:
    """The site's Pagefind index in `site_dir/pagefind`, for one build: complete,
    or in a `serve` session whose last build left one, that index and an overlay."""

    def __init__(self, site_dir: Path, budget: int, cache: Cache | None = None,
                 session: Session | None = None, share_below: int = TINY) -> None:
        self._session = session
        self._indexer: Indexer | None = None
        self._overlay: OverlayIndex | None = None
        try:
            if session is not None and session.search is not None:
                self._overlay = OverlayIndex(site_dir / "pagefind", session.search)
            else:
                self._indexer = Indexer(site_dir / "pagefind", budget=budget, cache=cache, tiny=share_below)
        except (OSError, IndexingError) as exc:
            raise PluginError(f"podium: search index not built: {exc} "
                              "(install pagefind[bin], or set `pagefind: false`)") from exc

    def add(self, pages: list[tuple[str, str | None]]) -> None:
        """Index statement pages (URL, the text podium.outputs.search makes of the
        page; None in a serve rebuild: the text of the last build)."""
        with _reported():
            for url, document in pages:
                if self._overlay is not None:
                    self._overlay.add(url, document)
                else:
                    assert self._indexer is not None and document is not None
                    self._indexer.add(url, document)

    def start_write(self) -> None:
        """No more pages: have Pagefind write while the rest of the site is built."""
        if self._indexer is not None:
            with _reported():
                self._indexer.start_write()

    def finish(self) -> None:
        """Wait for every bundle, check it and list it for the search interface."""
        overlay = self._overlay
        try:
            with _reported():
                result = self._finish()
        finally:
            self._indexer = self._overlay = None
        if overlay is not None:
            log.info("podium: search: %d statement page(s) changed since the last complete index, indexed "
                     "in %d overlay bundle(s); %d old cop(ies) left out", overlay.changed, overlay.bundles,
                     overlay.superseded)
            return
        log.info("podium: Pagefind indexed %d statement page(s), %d words, in %d bundle(s) "
                 "(%d from the build cache)", result.pages, result.words, len(result.bundles),
                 sum(b.cached for b in result.bundles))

    def _finish(self) -> IndexResult:
        session = self._session
        if self._overlay is not None:
            assert session is not None
            base = self._overlay.base
            kept = {b.path for b in base.bundles if session.take(_folder(b), base.folder_key(b))}
            result, base = self._overlay.write(kept)
        else:
            assert self._indexer is not None
            result = self._indexer.write()
            base = Base.of(result)
        if session is not None:
            session.made_search = base
            session.made["pagefind/" + MANIFEST] = ""  # (never the same: written every time)
            session.made.update((_folder(b), base.folder_key(b)) for b in base.bundles)
        return result

    def close(self) -> None:
        """Stop Pagefind after a failed build (no process is left behind)."""
        if self._indexer is not None:
            self._indexer.close()
        self._indexer = self._overlay = None


def _folder(bundle: Bundle) -> str:
    """A bundle's folder in the site."""
    return "pagefind/" + bundle.path.strip("/")


@contextmanager
def _reported() -> Iterator[None]:
    """Pagefind's failures as the build's error."""
    try:
        yield
    except (OSError, IndexingError) as exc:
        raise PluginError(f"podium: search index not built: {exc}") from exc
