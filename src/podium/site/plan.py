"""The plan of the generated site: which pages exist at which paths, built
from the collection and the options. MkDocs-free: the plugin turns each
GeneratedPage into a virtual file, and tests can read the plan directly.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any
from urllib.parse import quote, urljoin

from podium.model.collection import Collection
from podium.model.loader import Statement
from podium.model.schema import RelationType, json_schema
from podium.outputs import export, feeds, search
from podium.site import render, taxonomy
from podium.site.coverage import Coverage, align
from podium.site.fragments import Doc
from podium.site.i18n import Strings
from podium.site.taxonomy import DEFAULT_TAXONOMIES, Taxonomy, TaxonomySpec, Term


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    """Path the page pretends to have in docs/, e.g. statements/2023/vnm-iom-council-114.md."""
    build: Callable[[], Doc] = field(repr=False, compare=False)
    """Renders the page's document when it is needed: the plan of 10,000 pages is
    cheap, and rendering can then happen in worker processes."""
    updated: dt.date | None
    """Date of the newest text on the page: the sitemap's lastmod, never the clock."""
    in_nav: bool = False
    """Only taxonomy roots go in the navigation; statements and term pages stay out."""
    statement: Statement | None = None
    """The statement a statement page shows; None for index pages."""
    origin: str = field(default="", compare=False)
    """What the page is made from, for messages: a statement file, a term."""


class PathCollision(ValueError):
    """Two generated pages would be published at one address: one would silently
    replace the other (a statement with id `index` and its year's listing)."""


def relative_path(target: str, start: str) -> str:
    """posixpath.relpath for clean site-relative paths ("a/b", "" for the root),
    without its normalising: it ran for every link of every page."""
    to, base = target.split("/") if target else [], start.split("/") if start else []
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


FEEDS = {"rss": "feeds/rss.xml", "atom": "feeds/atom.xml"}
DATA_FORMATS = ("jsonl.bz2", "csv")
"""The exports the site publishes, as data/statements.<format>."""


def edit_url(repo_url: str | None, edit_uri: str | None, docs_dir: str, statements_dir: str,
             statements_edit_uri: str | None, path: str) -> str | None:
    """The "edit" link of a statement file (`path`, relative to the statements folder):
    `statements_edit_uri` if set, else the site's `edit_uri` with the docs folder
    swapped for the statements folder."""
    base = statements_edit_uri
    if base is None and edit_uri and repo_url:
        base = re.sub(rf"{re.escape(docs_dir)}/?$", f"{statements_dir}/", edit_uri)
    if not base or not repo_url:
        return None
    return urljoin(repo_url.rstrip("/") + "/", base.rstrip("/") + "/" + quote(path))  # a name is data


@dataclass(frozen=True)
class GeneratedFile:
    """A file of the site that is not a page: a data export, a feed."""

    src_uri: str
    build: Callable[[], str | bytes] = field(repr=False, compare=False)
    """Makes the content (text, or bytes for compressed files) when it is needed,
    possibly in a worker process."""


@dataclass(frozen=True)
class SiteOptions:
    taxonomies: tuple[TaxonomySpec, ...] = DEFAULT_TAXONOMIES
    page_size: int = 100
    """Most entries on one index page; longer lists are paginated."""
    statement_path: str = "statements/{year}/{id}"
    """Where statement pages go; {year} and {id} are filled in."""
    latest: int = 10
    """How many statements the home page lists."""
    language: str = "en"
    """The site's interface language (Material's `theme.language`)."""
    site_url: str | None = None
    """Public address of the site, for citations, feeds and printed permalinks."""
    site_name: str = "Podium"
    site_description: str = "Diplomatic statements"
    feed_size: int = 50
    """How many of the newest texts a feed lists."""
    pagefind: bool = True
    """Generate the Pagefind search page (the plugin runs the indexer)."""
    directory_urls: bool = True
    """MkDocs' use_directory_urls: /a/b/ rather than /a/b.html."""
    plain_prose: bool = True
    """Write plain-prose blocks as HTML without Markdown (see podium.text.prose); off when
    the site's Markdown extensions could change prose."""


@dataclass
class Site:
    collection: Collection
    options: SiteOptions = field(default_factory=SiteOptions)
    taxonomies: list[Taxonomy] = field(init=False)
    t: Strings = field(init=False)
    """Podium's interface strings in the site's language."""
    _coverage: dict[tuple[str, str], Coverage] = field(init=False, default_factory=dict, repr=False)
    entry_facts: dict[str, str] = field(init=False, default_factory=dict, repr=False)
    """The facts line of each statement in listings (render.entry), by id, once made:
    a statement is listed on about eight index pages."""

    def __post_init__(self) -> None:
        self.t = Strings(self.options.language)
        self.taxonomies = [taxonomy.build(s, self.collection, self.t) for s in self.options.taxonomies]

    def coverage(self, st: Statement) -> list[Coverage]:
        """Coverage maps of `st`: of each report on it, or of it on what it reports on.
        Each pair is aligned when a page first asks for it, so in the worker
        process that renders the page, not up front for the whole collection."""
        maps = []
        for ln in self.collection.links(st):
            if ln.relation is RelationType.REPORTS_ON:
                report, statement = (st, ln.other) if ln.outgoing else (ln.other, st)
                key = (report.meta.id, statement.meta.id)
                if key not in self._coverage:
                    self._coverage[key] = align(report, statement)
                maps.append(self._coverage[key])
        return maps

    def statement_url(self, st: Statement) -> str:
        return self.public_url(self.statement_src(st))

    # --- where pages live -------------------------------------------------

    def statement_src(self, st: Statement) -> str:
        path = self.options.statement_path.format(year=st.meta.sort_date.year, id=st.meta.id)
        return f"{path}.md"

    def root_src(self, tax: Taxonomy, page: int = 1) -> str:
        return f"{tax.spec.path}/index.md" if page == 1 else f"{tax.spec.path}/page/{page}.md"

    def term_src(self, tax: Taxonomy, term: Term, page: int = 1) -> str:
        base = f"{tax.spec.path}/{term.slug}"
        return f"{base}.md" if page == 1 else f"{base}/page/{page}.md"

    def public_url(self, src: str) -> str:
        """The address a generated page is published at (site-absolute if no site_url)."""
        return self.file_url(self.url_of(src))

    def file_url(self, path: str) -> str:
        """The address of a file of the site, e.g. feeds/rss.xml."""
        return (self.options.site_url or "/").rstrip("/") + "/" + path

    def url_of(self, src: str) -> str:
        """The site-relative URL of a page's source path (or of a file's path)."""
        if not src.endswith(".md"):
            return src
        path = src.removesuffix(".md")
        if not self.options.directory_urls:
            return f"{path}.html"
        return "" if path == "index" else path.removesuffix("/index") + "/"

    def href(self, here: str, target: str) -> str:
        """Relative link from the page whose source is `here` to a page or file."""
        here_url, target_url = self.url_of(here), self.url_of(target)
        here_dir = here_url[:-1] if here_url.endswith("/") else posixpath.dirname(here_url)
        link = relative_path(target_url.rstrip("/"), here_dir)
        return link + "/" if target_url.endswith("/") or not target_url else link

    def taxonomy(self, facet: str) -> Taxonomy | None:
        """The first configured taxonomy over `facet`, if any."""
        return next((t for t in self.taxonomies if t.spec.facet == facet), None)

    def term_links(self, facet: str, st: Statement) -> list[tuple[Term, str | None]]:
        """The statement's terms for a facet, each with its page if the site has one."""
        tax = self.taxonomy(facet)
        terms = taxonomy.FACETS[facet](st.meta, self.t)
        return [(t, self.term_src(tax, t) if tax else None) for t in terms]

    # --- what pages there are ---------------------------------------------

    def pages(self) -> Iterator[GeneratedPage]:
        """Every generated page; PathCollision if two would share an address."""
        seen: dict[str, str] = {}
        for page in self._pages():
            url = self.url_of(page.src_uri)
            if url in seen:
                raise PathCollision(f"{page.origin} and {seen[url]} would both be published at "
                                    f"/{url}: rename one (an id, a name or a topic)")
            seen[url] = page.origin
            yield page

    def _pages(self) -> Iterator[GeneratedPage]:
        if self.options.pagefind:
            yield GeneratedPage("search.md", partial(search.search_page, self), self.newest, in_nav=True,
                                origin="the search page")
        for st in self.collection:
            src = self.statement_src(st)
            yield GeneratedPage(src, partial(render.statement_page, self, st, src), st.meta.sort_date,
                                statement=st, origin=st.shown)
        size = self.options.page_size
        for tax in self.taxonomies:
            roots = taxonomy.paginate(tax.terms, size)
            for n, chunk in enumerate(roots, start=1):
                src = self.root_src(tax, n)
                pager = self._pager(n, len(roots), partial(self.root_src, tax), src)
                yield GeneratedPage(src, partial(render.root_page, self, tax, list(chunk), src, pager),
                                    _newest(s for t in chunk for s in t.statements), in_nav=n == 1,
                                    origin=f"the {tax.spec.facet} listing"
                                    + (f" (page {n})" if n > 1 else ""))
            for entries in tax.terms:
                chunks = taxonomy.paginate(entries.statements, size)
                for n, part in enumerate(chunks, start=1):
                    src = self.term_src(tax, entries.term, n)
                    pager = self._pager(n, len(chunks), partial(self.term_src, tax, entries.term), src)
                    yield GeneratedPage(src, partial(render.term_page, self, tax, entries, list(part), src,
                                                     pager), _newest(part),
                                        origin=f"the {tax.spec.facet} {entries.term.label!r}"
                                        + (f" (page {n})" if n > 1 else ""))

    def files(self) -> Iterator[GeneratedFile]:
        """Data exports (the full text once, gzipped; the metadata as CSV: see
        podium.outputs.export) and feeds."""
        for fmt in DATA_FORMATS:
            yield GeneratedFile(f"data/statements.{fmt}", partial(self._export, fmt))
        yield GeneratedFile("data/statement.schema.json", json_schema)
        yield from self.feeds()

    def _export(self, fmt: str) -> str | bytes:
        return export.export(self.collection, fmt, self.statement_url, self._records)

    @cached_property
    def _records(self) -> list[dict[str, Any]]:
        """The export records, made once for the formats built in one process."""
        return export.records(self.collection, self.statement_url)

    def feeds(self) -> Iterator[GeneratedFile]:
        """RSS and Atom of the newest texts; an Atom feed per delegation."""
        newest = self.collection.statements[: self.options.feed_size]
        home = self.public_url("index.md")
        name = self.options.site_name
        yield GeneratedFile(FEEDS["rss"], partial(
            feeds.rss, name, home, self.options.site_description, newest, self.statement_url,
            self.file_url(FEEDS["rss"])))
        yield GeneratedFile(FEEDS["atom"], partial(
            feeds.atom, name, home, newest, self.statement_url, self.file_url(FEEDS["atom"])))
        tax = self.taxonomy("delegation")
        if tax is None:
            return
        for entries in tax.terms:
            src = f"feeds/delegations/{entries.term.slug}.xml"
            yield GeneratedFile(src, partial(
                feeds.atom, f"{name}: {entries.term.label}",
                self.public_url(self.term_src(tax, entries.term)),
                entries.statements[: self.options.feed_size], self.statement_url, self.file_url(src)))

    @property
    def newest(self) -> dt.date | None:
        """Date of the newest statement in the collection."""
        return _newest(self.collection)

    def _pager(self, n: int, total: int, src_of: render.SrcOf, here: str) -> render.Pager | None:
        if total == 1:
            return None
        return render.Pager(
            number=n,
            total=total,
            newer=self.href(here, src_of(n - 1)) if n > 1 else None,
            older=self.href(here, src_of(n + 1)) if n < total else None,
        )


def _newest(statements: Iterable[Statement]) -> dt.date | None:
    return max((s.meta.sort_date for s in statements), default=None)
