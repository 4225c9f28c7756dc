"""The plan of the generated site: which pages exist at which paths, built
from the collection and the options. MkDocs-free: the plugin turns each
GeneratedPage into a virtual file, and tests can read the plan directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

from podium import render, taxonomy
from podium.collection import Collection
from podium.coverage import Coverage, align
from podium.i18n import Strings
from podium.loader import Statement
from podium.schema import RelationType
from podium.taxonomy import DEFAULT_TAXONOMIES, Taxonomy, TaxonomySpec, Term


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    """Path the page pretends to have in docs/, e.g. statements/2023/vnm-iom-council-114.md."""
    markdown: str
    updated: dt.date | None
    """Date of the newest text on the page: the sitemap's lastmod, never the clock."""
    in_nav: bool = False
    """Only taxonomy roots go in the navigation; statements and term pages stay out."""
    statement: Statement | None = None
    """The statement a statement page shows; None for index pages."""


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
    """Public address of the site, for printed permalinks."""


@dataclass
class Site:
    collection: Collection
    options: SiteOptions = field(default_factory=SiteOptions)
    taxonomies: list[Taxonomy] = field(init=False)
    t: Strings = field(init=False)
    """Podium's interface strings in the site's language."""

    coverage: dict[str, list[Coverage]] = field(init=False)
    """Coverage maps by the id of the report and of the statement they concern."""

    def __post_init__(self) -> None:
        self.t = Strings(self.options.language)
        self.taxonomies = [taxonomy.build(s, self.collection, self.t) for s in self.options.taxonomies]
        self.coverage = {}
        for st in self.collection:
            for ln in self.collection.links(st):
                if ln.relation is RelationType.REPORTS_ON and ln.outgoing:
                    cov = align(st, ln.other)
                    self.coverage.setdefault(st.meta.id, []).append(cov)
                    self.coverage.setdefault(ln.other.meta.id, []).append(cov)

    # --- where pages live -------------------------------------------------

    def statement_src(self, st: Statement) -> str:
        path = self.options.statement_path.format(year=st.meta.sort_date.year, id=st.meta.id)
        return f"{path}.md"

    def root_src(self, tax: Taxonomy, page: int = 1) -> str:
        return f"{tax.spec.path}/index.md" if page == 1 else f"{tax.spec.path}/page/{page}.md"

    def term_src(self, tax: Taxonomy, term: Term, page: int = 1) -> str:
        base = f"{tax.spec.path}/{term.slug}"
        return f"{base}.md" if page == 1 else f"{base}/page/{page}.md"

    def url_of(self, src: str) -> str:
        """The URL path (directory style) of a generated page's source path."""
        path = src.removesuffix(".md")
        return "" if path == "index" else path.removesuffix("/index") + "/"

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
        for st in self.collection:
            src = self.statement_src(st)
            yield GeneratedPage(src, render.statement_page(self, st, src), st.meta.sort_date,
                                statement=st)
        size = self.options.page_size
        for tax in self.taxonomies:
            roots = taxonomy.paginate(tax.terms, size)
            for n, chunk in enumerate(roots, start=1):
                src = self.root_src(tax, n)
                pager = self._pager(n, len(roots), partial(self.root_src, tax), src)
                yield GeneratedPage(src, render.root_page(self, tax, list(chunk), src, pager),
                                    _newest(s for t in chunk for s in t.statements), in_nav=n == 1)
            for entries in tax.terms:
                chunks = taxonomy.paginate(entries.statements, size)
                for n, part in enumerate(chunks, start=1):
                    src = self.term_src(tax, entries.term, n)
                    pager = self._pager(n, len(chunks), partial(self.term_src, tax, entries.term), src)
                    yield GeneratedPage(src, render.term_page(self, tax, entries, list(part), src, pager),
                                        _newest(part))

    @property
    def newest(self) -> dt.date | None:
        """Date of the newest statement in the collection."""
        return _newest(self.collection)

    @staticmethod
    def _pager(n: int, total: int, src_of: render.SrcOf, here: str) -> render.Pager | None:
        if total == 1:
            return None
        return render.Pager(
            number=n,
            total=total,
            newer=render.rel(here, src_of(n - 1)) if n > 1 else None,
            older=render.rel(here, src_of(n + 1)) if n < total else None,
        )



def _newest(statements: Iterable[Statement]) -> dt.date | None:
    return max((s.meta.sort_date for s in statements), default=None)
