"""The MkDocs plugin: wires MkDocs' events to Podium's core and nothing else.

The collection is loaded and checked (podium.model.collection, podium.pages.textcheck)
and planned (podium.pages.plan) when the configuration is read; the generated pages
are registered, given their dates and finished by `generated`; the pages
outside the nav are built by `deferred` (from the build cache where it can,
`pagecache`), Pagefind fed by `searchindex`; the theme is wired by `theme`;
the site is built aside and swapped in by podium.engine.staging.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, write_file
from mkdocs.utils.templates import TemplateContext

from podium.base import buildcache, parallel
from podium.engine import guard, staging
from podium.engine.config import PodiumConfig, options_of
from podium.mkdocs import deferred, pagecache, theme, watch
from podium.mkdocs.generated import Pages
from podium.mkdocs.session import Session
from podium.model.problems import CollectionError
from podium.outputs import search, sitemap, wordindex
from podium.pages import pipeline, textcheck

log = logging.getLogger("mkdocs.plugins.podium")


class PodiumPlugin(BasePlugin[PodiumConfig]):
    pages: Pages | None = None
    """The generated pages of this build (None when disabled)."""
    nav: Navigation | None = None
    files: Files | None = None
    built: deferred.Built | None = None
    """Pagefind's index and the build cache, from the deferred build to the end of the build."""
    cache_dir: Path | None = None
    workers: int = 1
    started: float = 0.0
    command: str | None = None
    """`build`, `gh-deploy` or `serve` (on_startup); None when MkDocs is driven from Python."""
    staged: staging.Staged | None = None
    """Where a `mkdocs build` writes before the site is swapped in (podium.engine.staging)."""

    session: Session | None = None
    watcher: watch.Watcher | None = None
    """What a `mkdocs serve` keeps from one rebuild to the next (podium.mkdocs.session)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = None if dirty else command  # --dirty builds in place, as asked
        self.session = Session() if self.command == "serve" else None

    def on_shutdown(self) -> None:
        if self.session is not None:
            self.session.failed()  # (deletes the last site set aside, if any)
        self.session = None
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
                 ) -> LiveReloadServer | None:
        """The statements folder watched with file events, not MkDocs' polling (podium.mkdocs.watch)."""
        root = str(Path(config.config_file_path or ".").parent / self.config.statements_dir)
        if self.pages is not None and root in config.watch:
            self.watcher = watch.watch(server, Path(root))
            if self.watcher is not None:
                config.watch.remove(root)
                log.info("podium: watching %s with file events", self.config.statements_dir)
        return server

    # Before the search plugin's on_config, which fixes its languages.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.pages = None
        if not self.config.enabled:
            return config
        options = options_of(self.config, config)  # (every wrong option, before any work)
        root = Path(config.config_file_path or ".").parent / self.config.statements_dir
        if not root.is_dir():
            raise PluginError(f"podium: statements folder not found: {root} "
                              "(set `statements_dir` under the podium plugin in mkdocs.yml)")
        project, docs = Path(config.config_file_path or ".").parent, Path(config.docs_dir)
        refused = guard.overlap_problem(root, docs, self.config.statements_dir)
        if refused is None and self.command != "serve":  # (serve builds into a new temporary folder)
            refused = guard.site_problem(Path(config.site_dir), project, root, docs)
        if refused:
            raise PluginError(f"podium: {refused}")
        if str(root) not in config.watch:
            config.watch.append(str(root))
        for ext in textcheck.REQUIRED_EXTENSIONS:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        theme.add_templates(config)
        self.workers = self._workers(config)
        prepared = pipeline.prepare(root, options, workers=self.workers,
                                    memo=self.session.loaded if self.session else None,
                                    words=pipeline.Words.WHILE_BUILDING)
        collection, site = prepared.collection, prepared.site
        errors = collection.errors
        if prepared.stops:
            raise PluginError(f"podium: {CollectionError(collection.problems)}")
        for problem in collection.problems:
            log.warning("%s%s", problem, " (skipped)" if problem in errors else "")
        for st in collection.drafts:
            log.info("podium: %s is a draft (not published): %s", st.shown, ", ".join(st.meta.review))
        if self.session is not None:
            site.encoded = self.session.encoded
        self.pages = Pages(site, root, self.config.statements_dir, self.config.edit_uri)
        self.cache_dir = self._cache_dir(config)
        keep = [("the statements folder", root), ("the site folder", Path(config.site_dir))]
        keep += [("the build cache", self.cache_dir)] if self.cache_dir else []
        outside = guard.docs_problems(docs, project, keep)
        if config.theme.custom_dir:  # (its files are copied into the site too)
            outside += guard.docs_problems(Path(config.theme.custom_dir), project, keep, "theme.custom_dir")
        if outside:
            raise PluginError("podium: " + "\npodium: ".join(outside))
        if self.config.pagefind and theme.uses_lunr(config):
            log.warning("podium: %s", search.lunr_cost(collection))
        theme.extend_lunr_languages(config, {st.meta.language for st in collection})
        if self.command in ("build", "gh-deploy"):  # serve builds into its own temporary folder
            self.staged = staging.stage(Path(config.site_dir))
            if self.staged is not None:
                config.site_dir = str(self.staged.staging)
        return config

    def _workers(self, config: MkDocsConfig) -> int:
        """Lunr's index is gathered from page events in the build process, which
        pages built in workers would never reach: with `search`, one process."""
        lunr = theme.uses_lunr(config)
        if self.config.workers == 0:
            return 1 if lunr else parallel.default_workers()
        if lunr and self.config.workers > 1:
            raise PluginError(f"podium: `workers: {self.config.workers}` cannot be used with the "
                              "`search` plugin, whose index misses pages built in workers; remove "
                              "`search` (Pagefind searches large sites) or set `workers: 1`")
        return self.config.workers

    def _cache_dir(self, config: MkDocsConfig) -> Path | None:
        """The build cache's folder: Podium's own, and nothing of the project (buildcache.claim)."""
        if not self.config.cache:
            return None
        project = Path(config.config_file_path or ".").parent
        keep_out = [("the project", project), ("the statements folder", project / self.config.statements_dir),
                    ("the docs folder", Path(config.docs_dir)), ("the site folder", Path(config.site_dir))]
        try:
            return buildcache.claim(project / self.config.cache_dir, keep_out, self.config.cache_dir)
        except buildcache.CacheRefused as exc:
            raise PluginError(f"podium: {exc}") from None
        except OSError as exc:
            raise PluginError(f"podium: `cache_dir: {self.config.cache_dir}` cannot be used: "
                              f"{staging.reason(exc)}; set another folder, or `cache: false`") from None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.nav, self.built = None, None
        if self.session is not None and self.pages is not None:  # before MkDocs empties the site
            self.session.start(Path(config.site_dir))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.pages is None:
            self.files = files
            return files
        keep = deferred.keeper(self.pages, self.session, self.cache_dir, self.config.pagefind)
        self.files = self.pages.add_files(files, config, keep)
        self.pages.watch_links(bool(self.pages.kept))  # (until on_env: MkDocs reads the pages before it)
        return self.files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        self.nav = nav
        return nav

    # Last, so that the environment has every other plugin's filters and globals.
    @event_priority(-100)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        if self.pages is not None:
            self.pages.watch_links(False)
        if self.session is not None:
            env.bytecode_cache = self.session.templates
        theme.wire(env, self.pages.site if self.pages else None,
                   self.pages.generated if self.pages else {}, self.config.cache_nav)
        if self.pages is not None:
            assert self.nav is not None
            budget = self.config.pagefind_budget if self.config.pagefind else None
            self.started = time.time()
            # Before deferred.build starts Pagefind's threads (its workers fork). Not in
            # `serve`, where the search falls back to Pagefind and its overlay: the
            # index is made whole again from every block (7 s on the UNGDC corpus).
            # One generation of the build cache for the word index and the pages: its
            # key hashes the code, every installed package and the nav.
            cache = (pagecache.cache_for(config, self.nav, self.cache_dir) if self.cache_dir is not None
                     else None)
            if self.config.pagefind and self.session is None:
                self._word_index(config, cache)
            self.built = deferred.build(self.pages, env, config, files, self.nav, self.workers, budget,
                                        cache, self.session, self.config.pagefind_share_below)
        return env

    def _word_index(self, config: MkDocsConfig, cache: buildcache.Cache | None) -> None:
        """The search's word index (outputs.wordindex), its blocks from the build
        cache or made in worker processes, written into the site."""
        assert self.pages is not None
        site = self.pages.site
        statements = list(site.collection)
        workers = self.workers

        def make(texts: list[list[str]]) -> list[wordindex.Block]:
            return list(parallel.run(wordindex.make_block, texts, workers))

        index = wordindex.build(site.word_rows(), lambda i: statements[i].body, make=make,
                                cached=cache.file if cache is not None else lambda key: None,
                                keep=cache.put_file if cache is not None else lambda key, data: None)
        wordindex.write(index, Path(config.site_dir))
        log.info("podium: word index: %d statement(s), %d word file(s), %d of %d block(s) made "
                 "(the rest from the build cache)", len(statements), len(index.files) - 1, index.made,
                 index.blocks)

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext | None:
        """Templates such as the sitemap list every page, the deferred ones too."""
        if self.pages is not None and self.pages.every is not None:
            context["pages"] = self.pages.every
        return context

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        """Past the protocol's 50,000 URLs, sitemap.xml becomes an index of child sitemaps."""
        if template_name != "sitemap.xml" or self.pages is None:
            return output_content
        maps = sitemap.split(output_content, config.site_url or "/", self.config.sitemap_urls)
        for path, xml in maps.children.items():
            write_file(xml.encode("utf-8"), str(Path(config.site_dir) / path))
        self.pages.full_days()  # for the .gz's mtime, which MkDocs takes from them next
        return maps.index

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        return self.pages.markdown(markdown, page, config) if self.pages else markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        return self.pages.content(html, page) if self.pages else html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.pages.output(output, page) if self.pages else output

    # Last, so that the site is complete (other plugins' files written) when it is swapped in.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.pages is not None and self.pages.lost:  # statement pages MkDocs built itself (in the nav)
            raise PluginError(f"podium: {CollectionError(self.pages.lost)}")
        built, self.built = self.built, None
        if built is not None and built.index is not None:
            built.index.finish()
        reused = self.session is not None and self.session.previous is not None
        if built is not None and built.cache is not None and not reused:
            # (file times may be coarser than the clock; what a serve rebuild moved
            # back from the last build was not read from the cache, but is in use)
            built.cache.prune(self.started - 2)
        if self.session is not None:
            if not self.session.encoded.lines and self.pages is not None:
                # the export was made in a worker: its lines, for the next rebuild
                self.session.encoded.remember(self.pages.site.records)
            others = {f.dest_uri for f in self.files} if self.files is not None else set()
            self.session.succeeded(others | set(config.theme.static_templates) | set(config.extra_templates))
        if self.staged is not None and not (config.strict and _warnings_counted()):
            # (a strict build with warnings is aborted after this event: on_build_error discards it)
            try:
                guard.mark(self.staged.staging)  # (the next build knows the folder for a site)
                staging.publish(self.staged)
            except OSError as exc:
                raise PluginError(f"podium: the build failed: {staging.reason(exc)}") from None
            config.site_dir = str(self.staged.final)  # for gh-deploy, which deploys it next
            self.staged = None

    def on_build_error(self, *, error: Exception) -> None:
        if self.pages is not None:
            self.pages.watch_links(False)
        if self.built is not None and self.built.index is not None:
            self.built.index.close()
        self.built = None
        if self.session is not None:
            self.session.failed()
        if self.staged is not None:  # the last good site stays where it was
            staging.discard(self.staged)
            self.staged = None
        # A failed write anywhere in the build (MkDocs copying the theme's files,
        # writing the sitemap; a full disk): one line, not a traceback.
        if isinstance(error, OSError) and error.strerror:
            log.error("podium: the build failed: %s", staging.reason(error))
            raise Abort("Aborted with a BuildError!") from None


def _warnings_counted() -> bool:
    """Whether MkDocs' strict-mode counter has seen a warning (it aborts the build
    after on_post_build)."""
    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


__all__ = ["PodiumPlugin"]
