"""Search in `mkdocs serve`: the last full index stays, edits go to an overlay.

Pagefind cannot change a bundle it has written, and indexing a bundle again
takes seconds (4 s for the 650 speeches of one bundle): too slow for an
editor's loop. So in a `serve` session the bundles of the first build are
the base, kept as written, and every statement page changed, added or
deleted since is handled the way search engines handle a segment they will
not rewrite (Lucene's deletions): the page's new text is indexed into a small
overlay bundle per language, and its old copy in the base is listed in
`podium-bundles.json` as superseded (by its Pagefind page id, with its filter
values), so that podium.js drops it from results and filter counts. The
overlay holds every page changed in the session and is indexed again at each
rebuild; past `OVERLAY_BUDGET` characters the session starts over from a
full index. `mkdocs build` never uses this (its index is complete).
"""

from __future__ import annotations

import gzip
import json
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from podium.base.buildcache import digest
from podium.outputs import indexer
from podium.outputs.indexer import MANIFEST, Bundle, IndexingError, IndexResult, Service

OVERLAY_BUDGET = 4_000_000
"""Characters of changed pages the overlay indexes at each rebuild (about 4 s of
Pagefind) before the session goes back to a full index."""


@dataclass
class Base:
    """The search index a serve rebuild keeps: the bundles of the last full index,
    and the pages changed since (the overlay)."""

    bundles: tuple[Bundle, ...]
    pages: dict[str, tuple[str, str]]
    """Each page of the base: URL -> (its bundle's path, hash of URL and text)."""
    overlay: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Each page of the overlay: URL -> (language, text)."""
    ids: dict[str, dict[str, tuple[str, dict[str, list[str]]]]] = field(default_factory=dict)
    """Per base bundle, read when first needed: URL -> (Pagefind page id, filter values)."""

    @classmethod
    def of(cls, result: IndexResult) -> Base:
        """The base made of a full index."""
        pages = {url: (b.path, h) for b in result.bundles for url, h in zip(b.urls, b.hashes, strict=True)}
        return cls(result.bundles, pages)

    def folder_key(self, bundle: Bundle) -> str:
        """The key a base bundle's folder is kept under from one build to the next."""
        return digest("bundle", bundle.path, *bundle.hashes)

    def too_large(self) -> bool:
        """Whether the overlay has grown past `OVERLAY_BUDGET`: the next build makes a
        complete index again."""
        return sum(len(text) for _, text in self.overlay.values()) > OVERLAY_BUDGET


class OverlayIndex:
    """The index of one serve rebuild over a Base (see the module's docstring)."""

    def __init__(self, output: Path, base: Base, binary: Path | None = None) -> None:
        self.output = output
        self.base = base
        self._binary = binary or indexer.executable()
        self._overlay: dict[str, tuple[str, str]] = {}
        self._kept: set[str] = set()
        self.changed = self.bundles = self.superseded = 0
        """Once written: pages in the overlay, its bundles, base pages left out."""

    def add(self, url: str, text: str | None, language: str | None = None) -> None:
        """One statement page; `text` None: the page is as in the last build."""
        if text is None:
            if url in self.base.overlay:
                self._overlay[url] = self.base.overlay[url]
            elif url in self.base.pages:
                self._kept.add(url)
            else:
                raise IndexingError(f"{url}: not in the last build's index")
            return
        in_base = self.base.pages.get(url)
        if in_base is not None and in_base[1] == digest(url, text):
            self._kept.add(url)
            return
        self._overlay[url] = (indexer.language_key(text, language), text)

    def write(self, kept_folders: set[str]) -> tuple[IndexResult, Base]:
        """Index the overlay, list the base's superseded pages, write the manifest.
        `kept_folders` are the base bundles' paths whose folders are in place."""
        missing = [b.path for b in self.base.bundles if b.path not in kept_folders]
        if missing:
            raise IndexingError(f"the last build's search bundles {', '.join(missing)} are gone")
        superseded: dict[str, list[str]] = {}
        for url, (path, _) in self.base.pages.items():
            if url not in self._kept:
                superseded.setdefault(path, []).append(url)
        entries: list[dict[str, Any]] = []
        for bundle in self.base.bundles:
            entry: dict[str, Any] = {"path": bundle.path, "language": bundle.language, "pages": bundle.pages}
            if bundle.path in superseded:
                ids = self._ids(bundle)
                entry["superseded"] = {ids[url][0]: ids[url][1] for url in sorted(superseded[bundle.path])
                                       if url in ids}
            entries.append(entry)
        overlay = self._index_overlay()
        entries += [{"path": b.path, "language": b.language, "pages": b.pages} for b in overlay]
        try:
            (self.output / MANIFEST).write_text(json.dumps({"bundles": entries}, indent=1) + "\n",
                                                encoding="utf-8")
        except OSError as exc:
            raise IndexingError(f"cannot write {self.output / MANIFEST}: {exc}") from exc
        self.changed, self.bundles = len(self._overlay), len(overlay)
        self.superseded = sum(len(urls) for urls in superseded.values())
        bundles = self.base.bundles + overlay
        pages = len(self._kept) + len(self._overlay)
        result = IndexResult(pages, sum(b.words for b in bundles), self.output, bundles)
        return result, replace(self.base, overlay=dict(self._overlay))

    def _ids(self, bundle: Bundle) -> dict[str, tuple[str, dict[str, list[str]]]]:
        """URL -> (page id, filters) for the pages of a base bundle, from its fragments."""
        found = self.base.ids.get(bundle.path)
        if found is None:
            found = {}
            for path in (self.output / bundle.path / "fragment").glob("*.pf_fragment"):
                try:
                    data = json.loads(gzip.decompress(path.read_bytes())[len("pagefind_dcd"):])
                except (OSError, ValueError, EOFError) as exc:
                    raise IndexingError(f"cannot read {path}: {exc}") from exc
                found[data["url"]] = (path.name.removesuffix(".pf_fragment"), data.get("filters", {}))
            self.base.ids[bundle.path] = found
        return found

    def _index_overlay(self) -> tuple[Bundle, ...]:
        by_language: dict[str, list[tuple[str, str]]] = {}
        for url, (language, text) in sorted(self._overlay.items()):
            by_language.setdefault(language, []).append((url, text))
        bundles = []
        for language, pages in sorted(by_language.items()):
            path = f"{language}-edits/"
            shutil.rmtree(self.output / path, ignore_errors=True)  # (the last rebuild's)
            try:
                service = Service(self._binary)
            except OSError as exc:
                raise IndexingError(f"cannot start Pagefind: {exc}") from exc
            try:
                for url, text in pages:
                    service.add(url, text)
                words = service.write(self.output / path)  # (verified)
            finally:
                service.close()
            bundles.append(Bundle(path, language, len(pages), words))
        return tuple(bundles)
