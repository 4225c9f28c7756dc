"""The plan of the generated site: which pages exist at which paths, built
from the collection and the options. MkDocs-free: the plugin turns each
GeneratedPage into a virtual file, and tests can read the plan directly.
Addresses are podium.site.routing's; pages are rendered by podium.pages.render from a
RenderContext the plan makes once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

from podium.model.collection import Collection
from podium.model.dates import PartialDate
from podium.model.loader import Statement
from podium.model.schema import RelationType, json_schema
from podium.outputs import export, feeds, search, wordindex
from podium.pages import render
from podium.pages.inputs import Neighbours, Once, Pager, Ref, StatementInputs, TermInputs, Text
from podium.site import facets, taxonomy
from podium.site.context import RenderContext
from podium.site.coverage import Aligner
from podium.site.facets import Column, Facet
from podium.site.fragments import Doc
from podium.site.i18n import Strings
from podium.site.options import SiteOptions
from podium.site.routing import FEEDS, Routes, edit_url
from podium.site.taxonomy import Taxonomy
from podium.site.templating import Templates

__all__ = ["FEEDS", "GeneratedFile", "GeneratedPage", "Listing", "PathCollision", "Site", "SiteOptions",
           "edit_url"]


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    """Path the page pretends to have in docs/, e.g. statements/2023/vnm-iom-council-114.md."""
    build: Callable[[], Doc] = field(repr=False, compare=False)
    """Renders the page's document when it is needed: the plan of 10,000 pages is
    cheap, and rendering can then happen in worker processes."""
    updated: PartialDate | None
    """Date of the newest text on the page, at its precision: the sitemap's lastmod
    (W3C-DTF allows 1960 and 1960-09), never the clock."""
    in_nav: bool = False
    """Only taxonomy roots go in the navigation; statements and term pages stay out."""
    statement: Statement | None = None
    """The statement a statement page shows; None for index pages."""
    origin: str = field(default="", compare=False)
    """What the page is made from, for messages: a statement file, a term."""
    inputs: Callable[[], StatementInputs | TermInputs] | None = field(default=None, repr=False, compare=False)
    """Everything the page shows besides the site's settings, declared (a statement's
    page, a term's): made once, in the process that renders it; its fingerprint is
    the page's key in the build cache (podium.pages.inputs)."""


@dataclass(frozen=True)
class Listing:
    """Everything a feed or a term's CSV is made of besides the site's settings:
    its statements (each shown from its own metadata only) and a description of
    the rest (its term). The build cache keys such a file by these, without
    making it (podium.mkdocs.pagecache)."""

    statements: tuple[Statement, ...]
    about: str


OWNED = frozenset({"assets", "data", "feeds", "pagefind", "sitemaps", "search"})
"""Folders of the site that the build and the theme write files into: no page goes inside one
(a statement with id en-0 under `statement_path: pagefind/{id}` went into a search bundle)."""


class PathCollision(ValueError):
    """Two generated pages would be published at one address: one would silently
    replace the other (a statement with id `index` and its year's listing)."""


DATA_FORMATS = ("jsonl.bz2", "csv")
"""The exports the site publishes, as data/statements.<format>."""
TEXT_FORMATS = frozenset({"jsonl.bz2"})
"""Those of them that hold the texts (the CSV is the metadata alone)."""


@dataclass(frozen=True)
class GeneratedFile:
    """A file of the site that is not a page: a data export, a feed."""

    src_uri: str
    build: Callable[[], str | bytes] = field(repr=False, compare=False)
    """Makes the content (text, or bytes for compressed files) when it is needed,
    possibly in a worker process."""
    shows: Listing | None = field(default=None, compare=False)
    """What a feed lists (its statements and its term), for its build cache key."""
    text: bool = True
    """Made from the statements' text too; False: from their metadata alone (the CSV
    export, the search totals), so that an edit to a text leaves it as it was."""


@dataclass
class Site:
    collection: Collection
    options: SiteOptions = field(default_factory=SiteOptions)
    taxonomies: list[Taxonomy] = field(init=False)
    t: Strings = field(init=False)
    """Podium's interface strings in the site's language."""
    routes: Routes = field(init=False)
    facets: dict[str, Facet] = field(init=False)
    _aligner: Aligner = field(init=False, default_factory=Aligner, repr=False)
    """Coverage maps, aligned when a page first asks for one (in the worker process
    that renders it, not up front for the whole collection); an object of its
    own, not a method, so that a renderer holding it holds nothing of the plan."""
    store: export.Store | None = field(init=False, default=None, repr=False)
    """Where the build keeps compressed pieces of the exports (the build cache), if anywhere."""
    encoded: export.Encoded = field(init=False, default_factory=export.Encoded, repr=False)
    """The export's records already encoded (a `serve` session hands its own)."""

    def __post_init__(self) -> None:
        self.facets = facets.by_name(self.options.facets)
        self.t = Strings(self.options.language, facets.strings(self.options.facets))
        self.routes = Routes(self.options.statement_path, self.options.directory_urls, self.options.site_url)
        specs = self.options.taxonomies
        if specs is None:
            specs = facets.default_taxonomies(self.options.facets)
        for spec in specs:
            if spec.facet not in self.facets:
                raise ValueError(f"taxonomy {spec.path!r}: no facet {spec.facet!r} "
                                 f"(facets: {', '.join(self.facets)})")
        self.taxonomies = [taxonomy.build(s, self.facets[s.facet].terms, self.collection, self.t)
                           for s in specs]

    @cached_property
    def context(self) -> RenderContext:
        """What the renderers get: made once, shared by every page of the build."""
        return RenderContext(self.options, self.t, self.routes, self.facets, self.taxonomies,
                             self.collection.statements, self._aligner,
                             Templates(self.options.template_dirs))


    def statement_inputs(self, st: Statement, here: str) -> StatementInputs:
        """What the statement's page shows besides the site's settings."""
        links = tuple(self.collection.links(st))
        original = next((ln.other for ln in links
                         if ln.relation is RelationType.TRANSLATION_OF and ln.outgoing), st)
        family = [original] + [ln.other for ln in self.collection.links(original)
                               if ln.relation is RelationType.TRANSLATION_OF and not ln.outgoing]
        ctx = self.context
        terms = tuple((facet, tuple(ctx.term_links(facet, st))) for facet in self.facets)
        coverage = tuple((Text(st), Text(ln.other)) if ln.outgoing else (Text(ln.other), Text(st))
                         for ln in links if ln.relation is RelationType.REPORTS_ON)
        others = tuple(sorted((s for s in family if s is not st), key=lambda s: s.meta.language))
        return StatementInputs(Text(st), here, links, others, terms, coverage)

    # --- what pages there are ---------------------------------------------

    def pages(self) -> Iterator[GeneratedPage]:
        """Every generated page; PathCollision if two would share an address."""
        seen: dict[str, str] = {}
        for page in self._pages():
            url = self.routes.url_of(page.src_uri)
            if url in seen:
                raise PathCollision(f"{page.origin} and {seen[url]} would both be published at "
                                    f"/{url}: rename one (an id, a name or a topic)")
            top = url.split("/", 1)[0]
            if top in OWNED and page.src_uri != "search.md":
                raise PathCollision(f"{page.origin} would be published at /{url}, inside /{top}/, which the "
                                    "build writes itself: change `statement_path`, the id or the taxonomy's "
                                    "`path`")
            seen[url] = page.origin
            yield page

    def _pages(self) -> Iterator[GeneratedPage]:
        ctx, routes = self.context, self.routes
        if self.options.pagefind:
            yield GeneratedPage("search.md", partial(search.search_page, ctx), self.newest, in_nav=True,
                                origin="the search page")
        for st in self.collection:
            src = routes.statement_src(st)
            inputs = Once(partial(self.statement_inputs, st, src))
            yield GeneratedPage(src, _render(render.statement_page, ctx, inputs), _lastmod(st),
                                statement=st, origin=st.shown, inputs=inputs)
        size = self.options.page_size
        for tax in self.taxonomies:
            roots = taxonomy.paginate(tax.terms, size)
            for n, chunk in enumerate(roots, start=1):
                src = routes.root_src(tax.spec, n)
                pager = self._pager(n, len(roots), partial(routes.root_src, tax.spec), src)
                yield GeneratedPage(src, partial(render.root_page, ctx, tax, list(chunk), src, pager),
                                    _newest(s for t in chunk for s in t.statements), in_nav=n == 1,
                                    origin=f"the {tax.spec.facet} listing"
                                    + (f" (page {n})" if n > 1 else ""))
            pages = frozenset(e.term.slug for e in tax.terms)
            for i, entries in enumerate(tax.terms):
                chunks = taxonomy.paginate(entries.statements, size)
                members = tuple(entries.statements)  # one tuple for all its pages: hashed once
                for n, part in enumerate(chunks, start=1):
                    src = routes.term_src(tax.spec, entries.term, n)
                    made = Once(partial(self._term_inputs, tax, i, members, tuple(part), src, n, len(chunks),
                                        pages))
                    yield GeneratedPage(src, _render(render.term_page, ctx, made), _newest(part),
                                        origin=f"the {tax.spec.facet} {entries.term.label!r}"
                                        + (f" (page {n})" if n > 1 else ""), inputs=made)

    def files(self) -> Iterator[GeneratedFile]:
        """Data exports (the full text once, gzipped; the metadata as CSV: see
        podium.outputs.export) and feeds."""
        for fmt in DATA_FORMATS:
            yield GeneratedFile(f"data/statements.{fmt}", partial(self._export, fmt),
                                text=fmt in TEXT_FORMATS)
        yield GeneratedFile("data/statement.schema.json", json_schema)
        if self.options.pagefind:
            yield GeneratedFile(search.TOTALS, partial(search.totals, self.context, self.collection),
                                text=False)
        yield from self.term_data()
        yield from self.listing_data()
        yield from self.feeds()

    def word_rows(self) -> list[wordindex.Row]:
        """The statements of the word index (outputs.wordindex), in the search's order
        (newest first, as the collection is), with their filter values."""
        ctx, routes = self.context, self.routes
        return [wordindex.Row(st.meta.id, routes.url_of(routes.statement_src(st)), st.source_digest,
                          search.filter_values(ctx, st)) for st in self.collection]

    def listing_data(self) -> Iterator[GeneratedFile]:
        """Every row of each listing long enough for a filter box and spread over
        pages (render.listing_rows): its filter matches the whole list."""
        for tax in self.taxonomies:
            if len(tax.terms) > render.LONG_LISTING and len(taxonomy.paginate(tax.terms,
                                                                             self.options.page_size)) > 1:
                yield GeneratedFile(self.routes.listing_data(tax.spec),
                                    partial(render.listing_rows, self.context, tax))

    def term_data(self) -> Iterator[GeneratedFile]:
        """Each term's statements as CSV (the columns of data/statements.csv,
        metadata and address), linked from its page: a delegation's, a year's,
        a session's statements where readers look for them. Keyed, like a
        feed, by the metadata of what it lists."""
        for tax in self.taxonomies:
            if not self.facets[tax.spec.facet].downloads:
                continue
            for entries in tax.terms:
                ids = tuple(st.meta.id for st in entries.statements)
                # The key holds the facets' columns too: a site's facet may read them
                # from a file of its own, which the statements' metadata does not show.
                added = [self._added_columns[i] for i in ids] if self.columns else []
                shows = Listing(tuple(entries.statements), repr(("csv", tax.spec, entries.term, added)))
                yield GeneratedFile(self.routes.term_data(tax.spec, entries.term),
                                    partial(self._term_csv, ids), shows)

    def _term_csv(self, ids: tuple[str, ...]) -> str:
        by_id = self._records_by_id
        return export.to_csv([by_id[i] for i in ids], self.columns)

    @cached_property
    def _added_columns(self) -> dict[str, tuple[str | None, ...]]:
        """Each statement's values in the columns the site's facets add."""
        return {st.meta.id: tuple(c.value(st.meta) for c in self.columns) for st in self.collection}

    @cached_property
    def _records_by_id(self) -> dict[str, dict[str, Any]]:
        return {r["id"]: r for r in self.records}

    def _export(self, fmt: str) -> str | bytes:
        return export.export(self.collection, fmt, self.routes.statement_url, self.records, self.columns,
                             self.store, self.encoded, self.options.site_name)

    @property
    def columns(self) -> list[Column]:
        """The export columns the site's facets add."""
        return [c for f in self.facets.values() for c in f.columns]

    @cached_property
    def records(self) -> list[dict[str, Any]]:
        """The export records, made once for the formats built in one process."""
        return export.records(self.collection, self.routes.statement_url, self.columns)

    def feeds(self) -> Iterator[GeneratedFile]:
        """RSS and Atom of the newest texts; an Atom feed per term of each facet
        declared with feeds (a delegation's), when the site has its pages."""
        newest = self.collection.statements[: self.options.feed_size]
        routes = self.routes
        home = routes.public_url("index.md")
        name = self.options.site_name
        shows = Listing(tuple(newest), "the newest")
        yield GeneratedFile(FEEDS["rss"], partial(
            feeds.rss, name, home, self.options.site_description, newest, routes.statement_url,
            routes.file_url(FEEDS["rss"])), shows)
        yield GeneratedFile(FEEDS["atom"], partial(
            feeds.atom, name, home, newest, routes.statement_url, routes.file_url(FEEDS["atom"])), shows)
        for facet in self.facets.values():
            tax = taxonomy.find(self.taxonomies, facet.name) if facet.feeds else None
            if tax is None:
                continue
            for entries in tax.terms:
                src = routes.term_feed(tax.spec, entries.term)
                listed = entries.statements[: self.options.feed_size]
                yield GeneratedFile(src, partial(
                    feeds.atom, f"{name}: {entries.term.label}",
                    routes.public_url(routes.term_src(tax.spec, entries.term)),
                    listed, routes.statement_url, routes.file_url(src)),
                    Listing(tuple(listed), repr((tax.spec, entries.term))))

    @property
    def newest(self) -> PartialDate | None:
        """Date of the newest statement in the collection."""
        return _newest(self.collection)

    def _term_inputs(self, tax: taxonomy.Taxonomy, i: int, members: tuple[Statement, ...],
                     part: tuple[Statement, ...], here: str, n: int, total: int,
                     pages: frozenset[str]) -> TermInputs:
        """What a page of the i-th term of `tax` shows besides the site's settings."""
        entries = tax.terms[i]
        pager = self._pager(n, total, partial(self.routes.term_src, tax.spec, entries.term), here)
        return TermInputs(tax.spec, tax.title, entries.term, members, part, here, pager,
                          self._neighbours(tax, i, here), self._term_links(tax, entries, here), pages)

    def _term_links(self, tax: taxonomy.Taxonomy, entries: taxonomy.TermEntries,
                    here: str) -> tuple[Ref, ...]:
        """A term's own downloads: its CSV, its Atom feed (a facet with feeds), the whole archive."""
        routes, t, term = self.routes, self.context.t, entries.term
        facet = self.facets[tax.spec.facet]
        links = []
        if facet.downloads:
            links.append(Ref(t("download.csv"), routes.href(here, routes.term_data(tax.spec, term))))
        if facet.feeds:
            links.append(Ref(t("download.feed"), routes.href(here, routes.term_feed(tax.spec, term))))
        links.append(Ref(t("download.all"), routes.href(here, f"data/statements.{DATA_FORMATS[0]}")))
        return tuple(links)

    def _neighbours(self, tax: taxonomy.Taxonomy, i: int, here: str) -> Neighbours:
        """The terms before and after the i-th in its listing's order (the year
        before and after, the next session), linked from its pages."""
        routes = self.routes

        def link(j: int) -> Ref | None:
            if not 0 <= j < len(tax.terms):
                return None
            term = tax.terms[j].term
            return Ref(term.label, routes.href(here, routes.term_src(tax.spec, term)))

        return Neighbours(link(i - 1), link(i + 1))

    def _pager(self, n: int, total: int, src_of: render.SrcOf, here: str) -> Pager | None:
        if total == 1:
            return None
        return Pager(
            number=n,
            total=total,
            newer=self.routes.href(here, src_of(n - 1)) if n > 1 else None,
            older=self.routes.href(here, src_of(n + 1)) if n < total else None,
        )


def _lastmod(st: Statement) -> PartialDate:
    """A statement page's date in the sitemap: the text's date as the file states it
    (27–29 November 2023: 2023-11), or its event's first year when the event spans years."""
    return _dated(st)[1]


def _dated(st: Statement) -> tuple[tuple[int, int], PartialDate]:
    """`_lastmod` with its sort key, kept with the statement (a listing's newest date
    is asked of 190,000 statements a build on the UN General Debate Corpus)."""
    found: tuple[tuple[int, int], PartialDate] | None = st.derived.get("lastmod")
    if found is None:
        day = st.meta.dated or PartialDate(st.meta.sort_date.year)
        found = st.derived["lastmod"] = (day.sort_key(), day)
    return found


def _newest(statements: Iterable[Statement]) -> PartialDate | None:
    found = max((_dated(s) for s in statements), key=_first, default=None)
    return found[1] if found is not None else None


def _first(pair: tuple[tuple[int, int], PartialDate]) -> tuple[int, int]:
    return pair[0]


def _render(renderer: Callable[[RenderContext, Any], Doc], ctx: RenderContext,
            inputs: Callable[[], Any]) -> Callable[[], Doc]:
    """A page's build: its renderer, given the site's settings and its declared inputs."""
    return lambda: renderer(ctx, inputs())
