"""The deferred build: the generated pages outside the nav (statements, term
pages) and the data files, read, rendered and written by Podium itself once
MkDocs has its navigation and template environment, in forked worker
processes when there are several (podium.base.parallel).

Each page goes through MkDocs' own steps (`_populate_page`, `_build_page`,
private functions of mkdocs.commands.build), so that every plugin's page
events run as in MkDocs' loop; this is the one module that calls them.
Statement pages come first and are handed to the search index as their
batches return, so that Pagefind writes its index while the index pages are
built. The workers are forked before Pagefind's threads start: a fork copies
only the thread that calls it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from jinja2 import Environment
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.utils import write_file

from podium.base import buildcache, parallel
from podium.base.buildcache import Cache
from podium.mkdocs import pagecache, theme
from podium.mkdocs.generated import Pages
from podium.mkdocs.page import PodiumPage
from podium.mkdocs.searchindex import SearchIndex
from podium.mkdocs.session import Session
from podium.model.problems import CollectionError, Problem
from podium.model.schema import RelationType
from podium.outputs.indexer import TINY
from podium.pages.plan import GeneratedPage

log = logging.getLogger("mkdocs.plugins.podium")

BATCH = 25
"""Deferred pages per task handed to a worker."""


@dataclass
class Built:
    """What the deferred build leaves to the end of the build."""

    index: SearchIndex | None
    """Pagefind's index, still to be finished."""
    cache: Cache | None
    """The build cache, to be pruned once the build has succeeded."""


def build(pages: Pages, env: Environment, config: MkDocsConfig, files: Files, nav: Navigation,
          workers: int, index_budget: int | None, cache: Cache | None,
          session: Session | None = None, share_below: int = TINY) -> Built:
    """Build the deferred pages and data files, then take them out of `files` so
    that MkDocs does not build them again. With `index_budget`, the statement
    pages are indexed by Pagefind (languages with at most `share_below` pages
    share one bundle). With `cache` (this build's generation: pagecache.cache_for),
    what the build cache holds is taken from it and what it lacks is added; in a
    `serve` session, what the last build made with the same key is moved back
    from it first."""
    made_keys = pages.keys if isinstance(pages.keys, pagecache.Keys) else None
    keys = (made_keys or pagecache.Keys(pages.site)) if cache is not None else None
    reuse = session if cache is not None else None  # (the last build's outputs are found by their keys)
    same = reuse is not None and cache is not None and reuse.generation == cache.generation
    if reuse is not None and cache is not None:
        reuse.begin(cache.generation)
    if session is not None and session.search is not None and (index_budget is None
                                                                or session.search.too_large()):
        session.search = None  # a complete index this time
    if pages.kept and not (same and (index_budget is None or (session is not None and session.search))):
        pages.unkeep(list(pages.kept.values()), config)  # (mkdocs.yml, the nav or a template changed)
    kept = pages.kept
    shown = {f.src_uri for f in files.documentation_pages()}
    every = pages.every = [f for f in files if f.src_uri in kept or f.src_uri in shown]  # (in their order)
    deferred = [f for f in every if isinstance(f.page, PodiumPage) and f.page.deferred]
    data = [f for f in files if f.src_uri in pages.data_files]
    if reuse is not None and keys is not None:
        _restore(reuse, keys, pages, deferred, data, texts=index_budget is not None)
        missing = [f for f in kept.values() if f.dest_uri not in reuse.restored]
        if missing:  # (not found in the last site after all: made like the others)
            pages.unkeep(missing, config)
            deferred += missing
        reuse.made.update((f.dest_uri, keys.page(pages.generated[f.src_uri])[0]) for f in kept.values())
    statements = _pairs_together(pages, [f for f in deferred if _statement_page(f)])
    others = [f for f in deferred if not _statement_page(f)]
    # The statement pages (the ones Pagefind indexes) first, so that Pagefind
    # can write its index while the rest is built: the data files, each on
    # its own, then the index pages (small batches, no long tail at the end).
    indexed = parallel.batches(statements, BATCH)
    exports = [[f] for f in data]
    # With a warm cache the pages are mostly copies, and the data files, made
    # again after any edit, are the longest tasks: they go first.
    warm = cache is not None and cache.folder.is_dir()
    batches = (exports + indexed if warm else indexed + exports) + parallel.batches(others, BATCH)
    first = len(exports) if warm else 0
    last = first + len(indexed) - 1
    job = partial(_build_batch, pages, every, nav, env=env, config=config, files=files,
                  index=index_budget is not None, cache=cache, keys=keys, session=reuse)
    lost: list[Problem] = []
    from_cache = 0
    index: SearchIndex | None = None
    if workers > 1 and len(batches) > 1 and parallel.can_fork():
        theme.compile_ahead(env)  # once here, not once per forked worker
    try:
        results = parallel.run(job, batches, workers, capture="mkdocs")  # forks here
        if index_budget is not None:  # Pagefind's threads start after the fork
            index = SearchIndex(Path(config.site_dir), index_budget, cache, session, share_below)
            index.add([("/" + f.url, None) for f in kept.values()  # (as in the last build's index)
                       if pages.generated[f.src_uri].statement is not None])
            if not indexed:
                index.start_write()
        for number, batch in enumerate(results):
            lost.extend(batch.lost)
            from_cache += batch.hits
            if session is not None:
                session.made.update(batch.made)
            if index is not None and first <= number <= last:
                index.add(batch.outbox)
                if number == last:  # Pagefind writes while index pages are built
                    index.start_write()
    except parallel.WorkerError as exc:
        log.debug("podium: worker traceback:\n%s", exc.details)
        _close(index)
        raise PluginError(str(exc)) from None
    except BaseException:
        _close(index)
        raise
    if lost:
        _close(index)
        raise PluginError(f"podium: {CollectionError(lost)}")
    for file in deferred + data + list(kept.values()):
        files.remove(file)
    log.info("podium: built %d generated page(s) (%d from the build cache%s) in %d process(es)",
             len(deferred) + len(kept), from_cache + len(kept), " or the last build" if reuse else "",
             min(workers, max(len(batches), 1)))
    if kept:
        log.info("podium: %d page(s) kept as the last build made them, not handed to MkDocs", len(kept))
    return Built(index, cache)


def _close(index: SearchIndex | None) -> None:
    if index is not None:
        index.close()


def _pairs_together(pages: Pages, files: list[File]) -> list[File]:
    """Each report next to the statement it reports on, so that both pages of a
    pair usually fall in one batch and their coverage map is aligned once."""
    by_id = {f.page.generated.statement.meta.id: f for f in files
             if isinstance(f.page, PodiumPage) and f.page.generated.statement}
    ordered: dict[str, File] = {}
    for file in files:
        ordered.setdefault(file.src_uri, file)
        st = file.page.generated.statement if isinstance(file.page, PodiumPage) else None
        for link in pages.site.collection.links(st) if st else []:
            partner = by_id.get(link.other.meta.id)
            if link.relation is RelationType.REPORTS_ON and partner is not None:
                ordered.setdefault(partner.src_uri, partner)
    return list(ordered.values())


@dataclass
class Batch:
    """What building a batch of pages leaves to the parent process."""

    outbox: list[tuple[str, str | None]] = field(default_factory=list)
    """Each statement page's URL and search text (None: the text of the last build)."""
    lost: list[Problem] = field(default_factory=list)
    """The word check's failures."""
    hits: int = 0
    """Pages taken from the cache or the last build."""
    made: list[tuple[str, str]] = field(default_factory=list)
    """Each output's path in the site and its key."""


def _build_batch(pages: Pages, every: list[File], nav: Navigation, batch: list[File], *,
                 env: Environment, config: MkDocsConfig, files: Files, index: bool,
                 cache: Cache | None, keys: pagecache.Keys | None, session: Session | None) -> Batch:
    """Build pages the way MkDocs' own loop does (its page events included), or
    take them from the last build or the cache."""
    out = Batch()
    outbox: list[tuple[str, str | None]] = out.outbox
    pages.outbox = outbox if index else None
    pages.lost = out.lost
    try:
        for file in batch:
            if file.src_uri in pages.data_files:
                _build_file(pages, file, cache, keys, session, out.made)
                continue
            page = file.page
            assert isinstance(page, PodiumPage)
            key = _key(page, keys) if keys is not None else None
            if key is not None:
                out.made.append((file.dest_uri, key))
            if session is not None and file.dest_uri in session.restored:
                if pages.outbox is not None and page.generated.statement is not None:
                    outbox.append(("/" + page.url, None))  # (the last build's index is kept)
                page.release()
                out.hits += 1
                continue
            if cache is not None and key is not None and _from_cache(page, cache, key, pages.outbox):
                page.release()
                out.hits += 1
                continue
            page.deferred = False
            before_lost, before_out = len(out.lost), len(outbox)
            mkdocs_build._populate_page(page, config, files)
            mkdocs_build._build_page(page, config, every, nav, env)
            if cache is not None and key is not None and len(out.lost) == before_lost:  # (it passed)
                text = outbox[before_out][1] if len(outbox) > before_out else None
                cache.put_page(key, Path(file.abs_dest_path).read_bytes(), text)
            page.release()
        return out
    finally:
        pages.outbox, pages.lost = None, []


def keeper(pages: Pages, session: Session | None, cache_dir: Path | None,
           search: bool) -> Callable[[GeneratedPage, File], bool] | None:
    """In a `serve` rebuild, which generated pages the last build made with the key
    they have now: MkDocs is not given them (podium.mkdocs.generated: `KeptPage`),
    and the deferred build moves them back from the last site (or, if that cannot
    be done after all, makes them). None where nothing can be kept: no last good
    build, no build cache (no keys), or a search index to be made whole again
    (`search`: the statement pages' texts are needed)."""
    if session is None or session.previous is None or not session.outputs or cache_dir is None:
        return None
    if search and (session.search is None or session.search.too_large()):
        return None
    keys = pages.keys = pagecache.Keys(pages.site)
    outputs = session.outputs

    def keep(page: GeneratedPage, file: File) -> bool:
        last = outputs.get(file.dest_uri)
        return last is not None and last == keys.page(page)[0]

    return keep


def _restore(session: Session, keys: pagecache.Keys, pages: Pages, deferred: list[File],
             data: list[File], texts: bool) -> None:
    """In a serve rebuild, move back what the last build made with the same keys. A
    statement page whose search text is needed is not, unless the last build's
    index is kept (its text is then not needed): it comes from the cache, with it."""
    wanted = {f.dest_uri: keys.data_file(pages.data_files[f.src_uri]) for f in data}
    wanted.update((f.dest_uri, keys.page(pages.generated[f.src_uri])[0]) for f in pages.kept.values())
    for file in deferred:
        page = file.page
        assert isinstance(page, PodiumPage)
        if texts and session.search is None and page.generated.statement is not None:
            continue
        wanted[file.dest_uri] = _key(page, keys)
    session.restore(wanted)


def _key(page: PodiumPage, keys: pagecache.Keys) -> str:
    """The page's key in the build cache (made once)."""
    if page.key is None:
        page.key, doc = keys.page(page.generated)
        if doc is not None and page.doc is None:
            page.doc = doc  # made once: MkDocs reads the page from it on a miss
    return page.key


def _from_cache(page: PodiumPage, cache: Cache, key: str,
                outbox: list[tuple[str, str | None]] | None) -> bool:
    """Put the cached page in its place (and its text in the outbox), if there is one."""
    entry = cache.page_and_text(key)
    if entry is None:
        return False
    found, text = entry
    if outbox is not None and page.generated.statement is not None and text is None:
        return False  # made by a build without Pagefind: made again
    buildcache.place(found, page.file.abs_dest_path)
    if text is not None and outbox is not None:
        outbox.append(("/" + page.url, text))
    return True


def _build_file(pages: Pages, file: File, cache: Cache | None, keys: pagecache.Keys | None,
                session: Session | None, made: list[tuple[str, str]]) -> None:
    """Make a data file, or take it from the last build or the cache."""
    key = keys.data_file(pages.data_files[file.src_uri]) if keys is not None else None
    if key is not None:
        made.append((file.dest_uri, key))
    if session is not None and file.dest_uri in session.restored:
        return
    found = cache.file(key) if cache is not None and key is not None else None
    if found is not None:
        buildcache.place(found, file.abs_dest_path)
        return
    parts = pages.site.store = buildcache.Parts(cache) if cache is not None else None
    content = pages.data_files[file.src_uri].build()
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    write_file(data, file.abs_dest_path)
    if parts is not None and key is not None:
        parts.cache.put_file(key, data, parts.keys)


def _statement_page(file: File) -> bool:
    return isinstance(file.page, PodiumPage) and file.page.generated.statement is not None
