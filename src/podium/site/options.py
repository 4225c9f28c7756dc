"""The options of a generated site, as the core reads them (podium.mkdocs.config
makes them from mkdocs.yml)."""

from __future__ import annotations

from dataclasses import dataclass

from podium.site.facets import FACETS, Facet
from podium.site.taxonomy import TaxonomySpec


@dataclass(frozen=True)
class SiteOptions:
    facets: tuple[Facet, ...] = FACETS
    """The facets statements are described and grouped by (podium.site.facets)."""
    taxonomies: tuple[TaxonomySpec, ...] | None = None
    """Index pages to generate; None: each facet's own (facets.default_taxonomies)."""
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
    template_dirs: tuple[str, ...] = ()
    """Folders searched for Podium's templates (podium/panel.html…) before the
    package's own: the theme's custom_dir, so that a site overrides them as it
    overrides Material's partials."""
