"""The `podium` plugin's options in mkdocs.yml."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.config.base import Config
from mkdocs.config.config_options import Choice, ListOfItems, Optional, SubConfig, Type

from podium.outputs.indexer import BUDGET
from podium.site.plan import SiteOptions
from podium.site.taxonomy import DEFAULT_TAXONOMIES, FACETS, TaxonomySpec
from podium.text import prose


class TaxonomyConfig(Config):
    facet = Choice(tuple(FACETS))
    path = Type(str)
    title = Optional(Type(str))
    """Heading of the index page; by default Podium's, in the site's language."""
    term_title = Optional(Type(str))
    """Heading of a term's page, with {term}; by default Podium's."""


class PodiumConfig(Config):
    enabled = Type(bool, default=True)
    statements_dir = Type(str, default="statements")
    """Folder of statement files, relative to mkdocs.yml."""
    statement_path = Type(str, default="statements/{year}/{id}")
    taxonomies = ListOfItems(SubConfig(TaxonomyConfig), default=[])
    """Index pages to generate; empty means Podium's defaults (date, delegation,
    speaker, body, session, topic, kind, language)."""
    page_size = Type(int, default=100)
    latest = Type(int, default=10)
    edit_uri = Optional(Type(str))
    """Path from `repo_url` to the statements folder for "edit" links, e.g.
    edit/main/statements/. By default derived from `edit_uri` by swapping the
    docs folder for the statements folder."""
    cache_nav = Type(bool, default=True)
    """Render Material's navigation once per folder of generated pages outside
    the nav (identical HTML), instead of once per page."""
    pagefind = Type(bool, default=True)
    """Index statements with Pagefind as they are built and add a /search/ page."""
    pagefind_budget = Type(int, default=BUDGET)
    """Characters of page text Pagefind holds at once; past it, a piece of the
    index is written to its own bundle (bounds Pagefind's memory, about 40 bytes
    a character)."""
    workers = Type(int, default=0)
    """Processes that build statement and index pages: 0 means one per core (at
    most four; one when the lunr `search` plugin is on), 1 the build process."""
    on_invalid = Choice(("fail", "skip"), default="fail")
    """fail: an invalid statement stops the build, listing every bad file.
    skip: build the valid ones and log every invalid one as a warning."""
    sitemap_urls = Type(int, default=50_000)
    """Most URLs in one sitemap (the protocol's limit); a larger site's sitemap.xml
    is an index of child sitemaps in sitemaps/."""


def site_options(options: PodiumConfig, *, language: str, site_url: str | None, directory_urls: bool,
                 extensions: Sequence[object], site_name: str, site_description: str | None) -> SiteOptions:
    """The core's options from the plugin's and the site's settings (MkDocs or Zensical)."""
    specs = tuple(
        TaxonomySpec(t.facet, t.path, t.title, t.term_title) for t in options.taxonomies
    ) or DEFAULT_TAXONOMIES
    names = [next(iter(e)) if isinstance(e, dict) else e for e in extensions]
    return SiteOptions(
        taxonomies=specs,
        page_size=options.page_size,
        statement_path=options.statement_path,
        latest=options.latest,
        language=language,
        site_url=site_url,
        directory_urls=directory_urls,
        plain_prose=prose.applies(names),
        site_name=site_name,
        pagefind=options.pagefind,
        site_description=site_description or site_name,
    )
