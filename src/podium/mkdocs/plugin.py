"""The MkDocs plugin: a thin adapter that loads the collection, asks the
core for the site plan, and hands MkDocs the generated pages.
"""

from __future__ import annotations

import logging
import os
import posixpath
from functools import partial
from importlib.resources import files as package_files
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, write_file
from mkdocs.utils.templates import TemplateContext

from podium.build import parallel, staging
from podium.mkdocs.config import PodiumConfig, site_options
from podium.mkdocs.page import PodiumPage, nav_titles
from podium.model.collection import load_collection
from podium.model.loader import Statement
from podium.model.problems import CollectionError, Problem, Severity
from podium.model.schema import RelationType
from podium.outputs import search, sitemap
from podium.outputs.indexer import Indexer, IndexingError
from podium.site import fragments, head, render, squeeze
from podium.site.plan import GeneratedFile, GeneratedPage, PathCollision, Site, SiteOptions, edit_url
from podium.text import prose, textcheck
from podium.text.sanitise import sanitise
from podium.text.verify import missing_words

log = logging.getLogger("mkdocs.plugins.podium")

ASSETS = {"css": "assets/podium/podium.css", "js": "assets/podium/podium.js"}
BATCH = 25
"""Deferred pages per task handed to a worker."""


class PodiumPlugin(BasePlugin[PodiumConfig]):
    site: Site | None = None
    generated: dict[str, GeneratedPage]
    """Generated pages by source path, for the page hooks."""
    data_files: dict[str, GeneratedFile]
    """Exports and feeds by path, made with the deferred pages."""
    indexer: Indexer | None = None
    """Pagefind, indexing statement pages as they are written."""
    outbox: list[tuple[str, str]] | None = None
    """Statement pages (URL, HTML) built by the current batch, for the indexer."""
    lost: list[Problem]
    """Word-check failures of the current batch's pages."""
    nav: Navigation | None = None
    pages: list[File] | None = None
    """Every page of the site, deferred ones included, for templates' `pages` (the sitemap)."""
    workers: int = 1
    command: str | None = None
    """`build`, `gh-deploy` or `serve` (on_startup); None when MkDocs is driven from Python."""
    staged: staging.Staged | None = None
    """Where a `mkdocs build` writes before the site is swapped in (podium.build.staging)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = None if dirty else command  # --dirty builds in place, as asked

    # Before the search plugin's on_config, which fixes its languages.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.generated, self.data_files, self.site, self.lost = {}, {}, None, []
        if not self.config.enabled:
            return config
        self.root = Path(config.config_file_path or ".").parent / self.config.statements_dir
        if not self.root.is_dir():
            raise PluginError(f"podium: statements folder not found: {self.root} "
                              "(set `statements_dir` under the podium plugin in mkdocs.yml)")
        if str(self.root) not in config.watch:
            config.watch.append(str(self.root))
        for ext in textcheck.REQUIRED_EXTENSIONS:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        self._add_templates(config)
        config.extra_css.append(ASSETS["css"])
        config.extra_javascript.append(ASSETS["js"])
        self.workers = self._workers(config)
        collection = load_collection(self.root, self.workers)
        # The word check of every text, as `podium check` runs it: here when its
        # failures are to be skipped, or reported with invalid files; else while
        # pages are built (no second rendering), all reported at the end.
        if self.config.on_invalid == "skip" or collection.errors:
            problems = textcheck.check(collection.statements, self._text_options(config), self.workers)
            collection = textcheck.without(collection, problems) if problems else collection
        errors = [p for p in collection.problems if p.severity is Severity.ERROR]
        if errors and self.config.on_invalid == "fail":
            raise PluginError(f"podium: {CollectionError(collection.problems)}")
        for problem in collection.problems:
            log.warning("%s%s", problem, " (skipped)" if problem in errors else "")
        for st in collection.drafts:
            log.info("podium: %s is a draft (not published): %s", st.shown, ", ".join(st.meta.review))
        self.site = Site(collection, self._options(config))
        if self.config.pagefind and self._lunr(config):
            log.warning("podium: %s", search.lunr_cost(collection))
        self._extend_search_languages(config, {st.meta.language for st in collection})
        if self.command in ("build", "gh-deploy"):  # serve builds into its own temporary folder
            self.staged = staging.stage(Path(config.site_dir))
            if self.staged is not None:
                config.site_dir = str(self.staged.staging)
        return config

    def _text_options(self, config: MkDocsConfig) -> textcheck.TextOptions:
        return textcheck.TextOptions(tuple(config.markdown_extensions), dict(config.mdx_configs),
                                     prose.applies(config.markdown_extensions),
                                     str(config.theme.get("language") or "en"))

    def _workers(self, config: MkDocsConfig) -> int:
        """Lunr's index is gathered from page events in the build process, which
        pages built in workers would never reach: with `search`, one process."""
        lunr = self._lunr(config)
        if self.config.workers == 0:
            return 1 if lunr else parallel.default_workers()
        if lunr and self.config.workers > 1:
            raise PluginError(f"podium: `workers: {self.config.workers}` cannot be used with the "
                              "`search` plugin, whose index misses pages built in workers; remove "
                              "`search` (Pagefind searches large sites) or set `workers: 1`")
        return self.config.workers

    @staticmethod
    def _lunr(config: MkDocsConfig) -> bool:
        return "search" in config.plugins or "material/search" in config.plugins

    def _add_templates(self, config: MkDocsConfig) -> None:
        """Put Podium's template overrides just before Material's own (after any custom_dir)."""
        material = str(package_files("material").joinpath("templates"))
        mine = str(package_files("podium").joinpath("templates"))
        dirs = config.theme.dirs
        if mine not in dirs and material in dirs:
            dirs.insert(dirs.index(material), mine)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        self.nav = nav
        return nav

    # Last, so that the environment has every other plugin's filters and globals.
    @event_priority(-100)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Let the nav override reach Material's original, give it its cache, and
        build the deferred pages."""
        material = str(package_files("material").joinpath("templates"))
        if env.loader is not None:
            env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(material)})])
        env.globals["podium_cache"] = _TemplateCache()
        env.globals["podium_nav_key"] = self._nav_key
        env.globals["podium_outside_nav"] = self._outside_nav
        env.globals["podium_squeeze"] = squeeze.whitespace
        if self.site is not None and self.site.options.pagefind:
            env.globals["podium_t"] = self.site.t
            env.globals["podium_search_strings"] = search.strings(self.site.context)
        if self.site is not None:
            self._build_deferred(env, config, files)
        return env

    def _build_deferred(self, env: Environment, config: MkDocsConfig, files: Files) -> None:
        """Read, render and write the generated pages outside the nav (statements,
        term pages) and the data files, in worker processes when there are several,
        then take them out of `files` so that MkDocs does not build them again."""
        assert self.site is not None and self.nav is not None
        self.pages = list(files.documentation_pages())
        deferred = [f for f in self.pages if isinstance(f.page, PodiumPage) and f.page.deferred]
        statements = self._pairs_together([f for f in deferred if _statement_page(f)])
        others = [f for f in deferred if not _statement_page(f)]
        data = [f for f in files if f.src_uri in self.data_files]
        # The statement pages (the ones Pagefind indexes) first, so that Pagefind
        # can write its index while the rest is built: the data files, each on
        # its own, then the index pages (small batches, no long tail at the end).
        indexed = parallel.batches(statements, BATCH)
        batches = indexed + [[f] for f in data] + parallel.batches(others, BATCH)
        last_indexed = len(indexed) - 1
        job = partial(self._build_batch, config=config, files=files, env=env)
        lost: list[Problem] = []
        try:
            for number, (built, problems) in enumerate(parallel.run(job, batches, self.workers)):
                lost.extend(problems)
                if self.indexer is not None:
                    for url, page_html in built:
                        self.indexer.add(url, page_html)
                    if number == last_indexed:  # Pagefind writes while index pages are built
                        self.indexer.start_write()
        except parallel.WorkerError as exc:
            log.debug("podium: worker traceback:\n%s", exc.details)
            raise PluginError(str(exc)) from None
        except IndexingError as exc:
            raise PluginError(f"podium: search index not built: {exc}") from exc
        if lost:
            raise PluginError(f"podium: {CollectionError(lost)}")
        for file in deferred + data:
            files.remove(file)
        log.info("podium: built %d generated page(s) in %d process(es)", len(deferred),
                 min(self.workers, max(len(batches), 1)))

    def _pairs_together(self, pages: list[File]) -> list[File]:
        """Each report next to the statement it reports on, so that both pages of a
        pair usually fall in one batch and their coverage map is aligned once."""
        assert self.site is not None
        by_id = {f.page.generated.statement.meta.id: f for f in pages
                 if isinstance(f.page, PodiumPage) and f.page.generated.statement}
        ordered: dict[str, File] = {}
        for file in pages:
            ordered.setdefault(file.src_uri, file)
            st = file.page.generated.statement if isinstance(file.page, PodiumPage) else None
            for link in self.site.collection.links(st) if st else []:
                partner = by_id.get(link.other.meta.id)
                if link.relation is RelationType.REPORTS_ON and partner is not None:
                    ordered.setdefault(partner.src_uri, partner)
        return list(ordered.values())

    def _build_batch(self, batch: list[File], *, config: MkDocsConfig, files: Files,
                     env: Environment) -> tuple[list[tuple[str, str]], list[Problem]]:
        """Build pages the way MkDocs' own loop does (its page events included);
        return the statement pages for the indexer, which lives in the parent,
        and the word-check failures."""
        assert self.nav is not None and self.pages is not None
        self.outbox = [] if self.indexer is not None else None
        lost: list[Problem] = []
        self.lost = lost
        try:
            for file in batch:
                if file.src_uri in self.data_files:
                    content = self.data_files[file.src_uri].build()
                    data = content if isinstance(content, bytes) else content.encode("utf-8")
                    write_file(data, file.abs_dest_path)
                    continue
                page = file.page
                assert isinstance(page, PodiumPage)
                page.deferred = False
                # MkDocs' own steps, so that every plugin's page events run as usual.
                mkdocs_build._populate_page(page, config, files)
                mkdocs_build._build_page(page, config, self.pages, self.nav, env)
                page.release()
            return self.outbox or [], lost
        finally:
            self.outbox, self.lost = None, []

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext | None:
        """Templates such as the sitemap list every page, the deferred ones too."""
        if self.pages is not None:
            context["pages"] = self.pages
        return context

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        """Past the protocol's 50,000 URLs, sitemap.xml becomes an index of child sitemaps."""
        if template_name != "sitemap.xml" or self.site is None:
            return output_content
        maps = sitemap.split(output_content, config.site_url or "/", self.config.sitemap_urls)
        for path, xml in maps.children.items():
            write_file(xml.encode("utf-8"), str(Path(config.site_dir) / path))
        return maps.index

    def _outside_nav(self, page: Page | None) -> bool:
        """A generated page outside the nav (a statement, a term page): nothing in
        its navigation is active."""
        generated = self.generated.get(page.file.src_uri) if page is not None else None
        return generated is not None and not generated.in_nav

    def _nav_key(self, page: Page | None) -> str | None:
        """Pages that share their navigation HTML: generated, outside the nav, in the
        same folder (relative links are then the same, and nothing in it is active)."""
        if page is None or not self._outside_nav(page) or not self.config.cache_nav:
            return None
        return "folder:" + posixpath.dirname(page.url.rstrip("/"))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.site is None:
            return files
        try:
            self.generated = {page.src_uri: page for page in self.site.pages()}
        except PathCollision as exc:
            raise PluginError(f"podium: {exc}") from None
        for path in ASSETS.values():
            files.append(File.generated(config, path, content=_asset(path.rsplit("/", 1)[1])))
        # Data files are made with the deferred pages (in workers); MkDocs knows
        # them from here on, so that links to them resolve.
        for extra in self.site.files():
            files.append(File.generated(config, extra.src_uri, content=""))
            self.data_files[extra.src_uri] = extra
        titles = nav_titles(config.nav or [])
        for page in self.generated.values():
            if page.src_uri in files.src_uris:  # src_uri is already a POSIX path
                raise PluginError(f"podium: docs/{page.src_uri} is also a generated page; "
                                  "rename or remove the hand-written file")
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content="", inclusion=inclusion)
            PodiumPage(page, file, config, title=titles.get(page.src_uri), deferred=not page.in_nav)
            files.append(file)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        if self.site is None:
            return markdown
        generated = self.generated.get(page.file.src_uri)
        # lastmod in the sitemap (and the sitemap's gzip stamp) from statement
        # dates, not the clock, so that the same input gives the same bytes.
        updated = generated.updated if generated else None
        if generated or "SOURCE_DATE_EPOCH" not in os.environ:
            updated = updated or self.site.newest
        if updated:
            page.update_date = updated.isoformat()
        if generated and generated.statement:
            page.edit_url = self._edit_url(config, generated.statement)
        elif generated:
            page.edit_url = None  # index pages have no source file to edit
        if not generated:  # hand-written pages only, never a statement's text
            markdown = render.fill_home(markdown, self.site.context, page.file.src_uri)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        if not isinstance(page, PodiumPage) or page.deferred:
            return html
        generated = page.generated
        if generated.statement is None:
            return fragments.fill(html, page.fragments)
        # The statement's own text is untrusted: sanitise it, then add Podium's
        # escaped HTML (panel, citations), which needs no sanitising.
        html = fragments.fill(html, page.fragments, clean=sanitise)
        if missing := missing_words(generated.statement.body, render.statement_text(html)):
            self.lost.append(textcheck.problem(generated.statement, missing))  # all named at the end
        return html

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.indexer, self.nav, self.pages = None, None, None
        if self.site is None or not self.config.pagefind:
            return
        try:
            self.indexer = Indexer(self._pagefind_dir(config), budget=self.config.pagefind_budget)
        except (OSError, IndexingError) as exc:
            raise PluginError(f"podium: search index not built: {exc} "
                              "(install pagefind[bin], or set `pagefind: false`)") from exc

    # Last, so that the site is complete (other plugins' files written) when it is swapped in.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.lost:  # statement pages MkDocs built itself (in the nav)
            raise PluginError(f"podium: {CollectionError(self.lost)}")
        if self.indexer is not None:
            try:
                result = self.indexer.write()
            except (OSError, IndexingError) as exc:
                raise PluginError(f"podium: search index not built: {exc}") from exc
            finally:
                self.indexer = None
            log.info("podium: Pagefind indexed %d statement page(s), %d words, in %d bundle(s)",
                     result.pages, result.words, len(result.bundles))
        if self.staged is not None and not (config.strict and _warnings_counted()):
            # (a strict build with warnings is aborted after this event: on_build_error discards it)
            try:
                staging.publish(self.staged)
            except OSError as exc:
                raise PluginError(f"podium: the build failed: {staging.reason(exc)}") from None
            config.site_dir = str(self.staged.final)  # for gh-deploy, which deploys it next
            self.staged = None

    @staticmethod
    def _pagefind_dir(config: MkDocsConfig) -> Path:
        return Path(config.site_dir) / "pagefind"

    def on_build_error(self, *, error: Exception) -> None:
        if self.indexer is not None:
            self.indexer.close()
            self.indexer = None
        if self.staged is not None:  # the last good site stays where it was
            staging.discard(self.staged)
            self.staged = None
        # A failed write anywhere in the build (MkDocs copying the theme's files,
        # writing the sitemap; a full disk): one line, not a traceback.
        if isinstance(error, OSError) and error.strerror:
            log.error("podium: the build failed: %s", staging.reason(error))
            raise Abort("Aborted with a BuildError!") from None

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.site is None:
            return output
        generated = self.generated.get(page.file.src_uri)
        st = generated.statement if generated is not None else None
        output = head.finish_page(output, self.site, page.file.src_uri, st, page.meta.get("description"))
        if self.outbox is not None and st is not None:
            text = render.statement_text(page.content or "")
            self.outbox.append(("/" + page.url, search.document(st.meta.language, text)))
        return output

    def _edit_url(self, config: MkDocsConfig, statement: Statement) -> str | None:
        return edit_url(config.repo_url, config.edit_uri, Path(config.docs_dir).name,
                        self.config.statements_dir, self.config.edit_uri, statement.path.as_posix())

    def _extend_search_languages(self, config: MkDocsConfig, languages: set[str]) -> None:
        """Add the collection's languages to Material's lunr search, where it has them."""
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is None or not hasattr(search.config, "lang"):
            return
        lunr = package_files("material").joinpath("templates/assets/javascripts/lunr/min")
        names = (p.name.split(".") for p in lunr.iterdir())
        supported = {"en"} | {n[1] for n in names if n[0] == "lunr" and len(n[1]) == 2}
        theme = str(config.theme.get("language") or "en").split("-")[0]
        current = list(search.config.lang or [theme if theme in supported else "en"])
        wanted = sorted({tag.split("-")[0].lower() for tag in languages} & supported - set(current))
        search.config.lang = current + wanted

    def _options(self, config: MkDocsConfig) -> SiteOptions:
        return site_options(self.config, language=config.theme.get("language") or "en",
                            site_url=config.site_url, directory_urls=config.use_directory_urls,
                            extensions=config.markdown_extensions, site_name=config.site_name,
                            site_description=config.site_description,
                            config_dir=Path(config.config_file_path or ".").parent,
                            template_dirs=[config.theme.custom_dir] if config.theme.custom_dir else [])

def _warnings_counted() -> bool:
    """Whether MkDocs' strict-mode counter has seen a warning (it aborts the build
    after on_post_build)."""
    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


def _statement_page(file: File) -> bool:
    return isinstance(file.page, PodiumPage) and file.page.generated.statement is not None


class _TemplateCache:
    """Rendered template parts by key (navigation, configuration script), for one build."""

    def __init__(self) -> None:
        self._html: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self._html.get(key)

    def put(self, key: str, html: str) -> str:
        self._html[key] = html
        return html

    SLOT = "\x00podium-slot\x00"

    def fill(self, key: str, value: str) -> str | None:
        """The part stored by `put_with_slot`, with `value` in its slot (None if not stored)."""
        html = self._html.get(key)
        return html.replace(self.SLOT, value) if html else None

    def put_with_slot(self, key: str, value: str, html: str) -> str:
        """Store `html` with `value` (a page's title) as a slot, for the next pages that
        differ only in it: only when it occurs exactly once, so that the slot is
        certainly where the value was."""
        if value and self.SLOT not in value and html.count(value) == 1:
            self._html[key] = html.replace(value, self.SLOT)
        return html


def _asset(name: str) -> str:
    return package_files("podium").joinpath(f"assets/{name}").read_text(encoding="utf-8")


__all__ = ["PodiumPlugin"]
