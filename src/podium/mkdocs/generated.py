"""Podium's generated pages inside MkDocs: registered as files of the site,
given their dates and edit links, and their HTML finished (Podium's fragments
filled in, statement text sanitised and word-checked, <head> additions).

`Pages` holds them for one build; the plugin calls it from the page events,
the deferred build (podium.mkdocs.deferred) reads what it collected.
"""

from __future__ import annotations

import datetime
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from podium.mkdocs import theme
from podium.mkdocs.page import KeptPage, PlainFile, PodiumPage, nav_titles
from podium.model.dates import PartialDate
from podium.model.problems import Problem
from podium.outputs import search, wordindex
from podium.pages import head, render, textcheck
from podium.pages.plan import GeneratedFile, GeneratedPage, PathCollision, Site, edit_url
from podium.site import fragments
from podium.text.sanitise import sanitise
from podium.text.verify import missing_words

_EXCLUDED = re.compile(r"contains a link to '(.+)' which is excluded from the built site\.$")

LAST_STAMP = datetime.date(2106, 2, 6)
"""The last day a gzip header's modification time (seconds since 1970, 32 bits) can hold."""


class Pages:
    """The generated pages and data files of one build."""

    def __init__(self, site: Site, root: Path, statements_dir: str, statements_edit_uri: str | None) -> None:
        self.site = site
        self.root = root
        """The statements folder."""
        self.statements_dir, self.statements_edit_uri = statements_dir, statements_edit_uri
        self.generated: dict[str, GeneratedPage] = {}
        """Generated pages by source path, for the page hooks."""
        self.data_files: dict[str, GeneratedFile] = {}
        """Exports and feeds by path, made with the deferred pages."""
        self.outbox: list[tuple[str, str | None]] | None = None
        """Statement pages (URL, search document) built by the current batch, for the index."""
        self.lost: list[Problem] = []
        """Word-check failures of the pages built so far (of the current batch, in a worker)."""
        self.every: list[File] | None = None
        """Every page of the site, deferred ones included, for templates' `pages` (the sitemap)."""
        self.kept: dict[str, File] = {}
        """In a `serve` rebuild, the files of the pages the last build made as this one
        would (`KeptPage`), by source path: out of MkDocs' loops, moved back by the
        deferred build."""
        self.keys: object | None = None
        """The build cache's keys of this build's pages, when made before the deferred
        build (podium.mkdocs.pagecache.Keys: this module knows it only by name)."""

    def add_files(self, files: Files, config: MkDocsConfig,
                  keep: Callable[[GeneratedPage, File], bool] | None = None) -> Files:
        """Podium's assets, data files and generated pages as files of the site. A
        deferred page that `keep` says the last build made as this one would is kept:
        its file is excluded from MkDocs' loops and has a `KeptPage`."""
        try:
            self.generated = {page.src_uri: page for page in self.site.pages()}
        except PathCollision as exc:
            raise PluginError(f"podium: {exc}") from None
        for file in theme.asset_files(config):
            files.append(file)
        # Data files are made with the deferred pages (in workers); MkDocs knows
        # them from here on, so that links to them resolve.
        for extra in self.site.files():
            files.append(File.generated(config, extra.src_uri, content=""))
            self.data_files[extra.src_uri] = extra
        if self.site.options.pagefind:
            clash = sorted(uri for uri in files.src_uris if uri.startswith(wordindex.FOLDER + "/"))
            if clash:  # (the word index is written there: it would replace the file, or the file it)
                raise PluginError(f"podium: docs/{clash[0]} is inside {wordindex.FOLDER}/, where the build "
                                  "writes the search's word index; move the hand-written file")
        titles = nav_titles(config.nav or [])
        for page in self.generated.values():
            if page.src_uri in files.src_uris:  # src_uri is already a POSIX path
                raise PluginError(f"podium: docs/{page.src_uri} is also a generated page; "
                                  "rename or remove the hand-written file")
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = PlainFile.generated(config, page.src_uri, content="", inclusion=inclusion)
            if keep is not None and not page.in_nav and keep(page, file):
                file.inclusion = InclusionLevel.EXCLUDED  # (links to it still resolve)
                KeptPage(page, file, config, self.update_date(page))
                self.kept[page.src_uri] = file
            else:
                PodiumPage(page, file, config, title=titles.get(page.src_uri), deferred=not page.in_nav)
            files.append(file)
        return files

    def filter(self, record: logging.LogRecord) -> bool:
        """MkDocs' note that a hand-written page links to a page "excluded from the
        built site" is not said of a kept page, which the site has (see `watch_links`)."""
        found = _EXCLUDED.search(record.getMessage())
        return found is None or found[1] not in self.kept

    def watch_links(self, on: bool) -> None:
        """Install (or remove) `filter` on MkDocs' page logger, for one build."""
        logger = logging.getLogger("mkdocs.structure.pages")
        if on:
            logger.addFilter(self)
        else:
            logger.removeFilter(self)

    def unkeep(self, files: list[File], config: MkDocsConfig) -> None:
        """Kept pages to be made after all (the last build's copy cannot be used):
        deferred pages like the others, dated as MkDocs' loop would have dated them."""
        for file in files:
            del self.kept[file.src_uri]
            file.inclusion = InclusionLevel.NOT_IN_NAV
            generated = self.generated[file.src_uri]
            page = PodiumPage(generated, file, config, deferred=True)
            page.update_date = self.update_date(generated)

    def update_date(self, generated: GeneratedPage) -> str:
        """A generated page's date in the sitemap: of its newest text, at the source's
        precision (1960, 1960-09), not the clock's, so that the same input gives the
        same bytes; the archive's newest for a page without one."""
        updated = generated.updated or self.site.newest
        return updated.iso() if updated else get_build_date()

    def full_days(self) -> None:
        """After sitemap.xml is rendered, MkDocs reads every page's `update_date` back
        with `datetime.fromisoformat` for the mtime of sitemap.xml.gz, and that parser
        refuses `1960` or `1960-09`. Each such page then gets its period's first day,
        which no output shows (the sitemap, the only reader, is already written); a day
        before 1970 becomes 1970-01-01, gzip's "no time stamp" (it holds no earlier time),
        and one after LAST_STAMP that day (gzip's stamp is 32 bits: a typo'd year 2206
        stopped MkDocs with a traceback)."""
        epoch, last = "1970-01-01", LAST_STAMP.isoformat()
        for file in self.every or ():
            page = file.page
            if page is None or not page.update_date:
                continue
            day = page.update_date
            if len(day) < len(epoch):
                day = PartialDate.parse(day).earliest().isoformat()
            page.update_date = min(max(day, epoch), last)

    def markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        """Dates and edit links; the home page's placeholders filled."""
        generated = self.generated.get(page.file.src_uri)
        # lastmod in the sitemap (and the sitemap's gzip stamp) from statement
        # dates, not the clock, so that the same input gives the same bytes.
        if generated:
            page.update_date = self.update_date(generated)
        elif "SOURCE_DATE_EPOCH" not in os.environ and self.site.newest:
            page.update_date = self.site.newest.iso()  # lastmod at the source's precision: 1960, 1960-09
        if generated and generated.statement:
            page.edit_url = edit_url(config.repo_url, config.edit_uri, Path(config.docs_dir).name,
                                     self.statements_dir, self.statements_edit_uri,
                                     generated.statement.path.as_posix())
        elif generated:
            page.edit_url = None  # index pages have no source file to edit
        if not generated:  # hand-written pages only, never a statement's text
            markdown = render.fill_home(markdown, self.site.context, page.file.src_uri)
        return markdown

    def content(self, html: str, page: Page) -> str:
        """Podium's HTML in place of the placeholders; a statement's own text, which is
        untrusted, sanitised first and checked word for word against its source."""
        if not isinstance(page, PodiumPage) or page.deferred:
            return html
        generated = page.generated
        if generated.statement is None:
            return fragments.fill(html, page.fragments)
        html = fragments.fill(html, page.fragments, clean=sanitise)
        if missing := missing_words(generated.statement.body, render.statement_text(html)):
            self.lost.append(textcheck.problem(generated.statement, missing))  # all named at the end
        return html

    def output(self, output: str, page: Page) -> str:
        """The finished page with Podium's <head> additions; a statement page's search
        document kept for the index."""
        generated = self.generated.get(page.file.src_uri)
        st = generated.statement if generated is not None else None
        output = head.finish_page(output, self.site, page.file.src_uri, st, page.meta.get("description"))
        if self.outbox is not None and st is not None:
            text = render.statement_text(page.content or "")
            self.outbox.append(("/" + page.url, search.document(st.meta.language, text)))
        return output
