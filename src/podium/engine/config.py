"""The `podium` plugin's options in mkdocs.yml."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path

from mkdocs.config.base import Config
from mkdocs.config.config_options import Choice, ListOfItems, Optional, SubConfig, Type
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from podium.outputs.indexer import BUDGET, TINY
from podium.pages.pipeline import Invalid, Options
from podium.pages.plan import SiteOptions
from podium.pages.textcheck import REQUIRED_EXTENSIONS, TextOptions
from podium.site.facets import FACETS, Facet
from podium.site.options import OptionError
from podium.site.taxonomy import TaxonomySpec
from podium.text import prose


class TaxonomyConfig(Config):
    facet = Type(str)
    """The name of one of the site's facets (Podium's, or one of `facets:`)."""
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
    facets = ListOfItems(Type(str), default=[])
    """More facets, each `module:NAME` or `file.py:NAME` (relative to mkdocs.yml)
    naming a podium.site.facets.Facet: see ARCHITECTURE.md, "Adding a facet"."""
    taxonomies = ListOfItems(SubConfig(TaxonomyConfig), default=[])
    """Index pages to generate; empty means each facet's own (Podium's: date,
    delegation, speaker, body, session, topic, kind, language)."""
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
    pagefind_share_below = Type(int, default=TINY)
    """A language with at most this many statements is indexed with the other
    such languages in one bundle, without its stemmer (a first search loads a
    Pagefind runtime per bundle); 0 gives every language its own."""
    workers = Type(int, default=0)
    """Processes that build statement and index pages: 0 means one per core (at
    most four; one when the lunr `search` plugin is on), 1 the build process."""
    on_invalid = Choice(("fail", "skip"), default="fail")
    """fail: an invalid statement stops the build, listing every bad file.
    skip: build the valid ones and log every invalid one as a warning."""
    cache = Type(bool, default=True)
    """Keep what each build makes in `cache_dir` and take from it what the next
    build would make the same (podium.base.buildcache)."""
    cache_dir = Type(str, default=".cache/podium")
    """The build cache's folder, relative to mkdocs.yml; never published, safe to delete."""
    sitemap_urls = Type(int, default=50_000)
    """Most URLs in one sitemap (the protocol's limit); a larger site's sitemap.xml
    is an index of child sitemaps in sitemaps/."""


def problems(options: PodiumConfig) -> list[str]:
    """The plugin's own options that MkDocs' types let through but no build can use."""
    lines = []
    if options.workers < 0 or isinstance(options.workers, bool):
        lines.append(f"`workers: {options.workers!r}` must be 0 (one per core), 1 (no worker processes) "
                     "or more")
    if options.pagefind_budget < 1 or isinstance(options.pagefind_budget, bool):
        lines.append(f"`pagefind_budget: {options.pagefind_budget!r}` must be a number of characters, "
                     f"1 or more ({BUDGET} by default)")
    if not 1 <= options.sitemap_urls <= 50_000 or isinstance(options.sitemap_urls, bool):
        lines.append(f"`sitemap_urls: {options.sitemap_urls!r}` must be from 1 to 50000 (the sitemap "
                     "protocol's limit)")
    if not options.statements_dir.strip() or not options.cache_dir.strip():
        lines.append("`statements_dir` and `cache_dir` must name a folder")
    return lines


def load_facet(ref: str, base: Path) -> Facet:
    """The Facet a `facets:` entry names: `package.module:NAME`, or
    `path/to/file.py:NAME` relative to `base` (the folder of mkdocs.yml)."""
    where, _, name = ref.rpartition(":")
    if not where or not name:
        raise ValueError(f"facets: {ref!r} is not `module:NAME` or `file.py:NAME`")
    if where.endswith(".py"):
        path = base / where
        spec = importlib.util.spec_from_file_location(f"podium_facet_{path.stem}", path)
        if spec is None or spec.loader is None or not path.is_file():
            raise ValueError(f"facets: {ref!r}: no file {path}")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    else:
        module = importlib.import_module(where)
    facet = getattr(module, name, None)
    if not isinstance(facet, Facet):
        raise ValueError(f"facets: {ref!r} is not a podium.site.facets.Facet")
    return facet


def site_options(options: PodiumConfig, *, language: str, site_url: str | None, directory_urls: bool,
                 extensions: Sequence[object], site_name: str, site_description: str | None,
                 config_dir: Path = Path("."), template_dirs: Sequence[str] = ()) -> SiteOptions:
    """The core's options from the plugin's and the site's settings (MkDocs or Zensical);
    `template_dirs` are searched for Podium's templates before its own (the theme's custom_dir)."""
    specs = tuple(
        TaxonomySpec(t.facet, t.path, t.title, t.term_title) for t in options.taxonomies
    ) or None
    names = [next(iter(e)) if isinstance(e, dict) else e for e in extensions]
    try:
        facets = FACETS + tuple(load_facet(ref, config_dir) for ref in options.facets)
    except (ValueError, ImportError, OSError) as exc:
        raise PluginError(f"podium: {exc}") from exc
    known = [f.name for f in facets]
    for spec in specs or ():
        if spec.facet not in known:
            raise PluginError(f"podium: taxonomies: {spec.path!r} groups by {spec.facet!r}, which is no "
                              f"facet; use one of {', '.join(known)} or declare it under `facets:`")
    lines, made = problems(options), None
    try:
        made = SiteOptions(
            facets=facets,
            template_dirs=tuple(template_dirs),
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
    except OptionError as exc:  # every wrong option in one run, each on its line
        lines += exc.lines
    if lines or made is None:
        raise PluginError("podium: " + "\npodium: ".join(lines))
    return made


def mkdocs_site_options(options: PodiumConfig, config: MkDocsConfig) -> SiteOptions:
    """The core's options from a loaded MkDocs configuration."""
    return site_options(options, language=config.theme.get("language") or "en",
                        site_url=config.site_url, directory_urls=config.use_directory_urls,
                        extensions=config.markdown_extensions, site_name=config.site_name,
                        site_description=config.site_description,
                        config_dir=Path(config.config_file_path or ".").parent,
                        template_dirs=[config.theme.custom_dir] if config.theme.custom_dir else [])


def text_options(config: MkDocsConfig) -> TextOptions:
    """How the site renders statement texts (its Markdown extensions, the plugin's
    required ones included, and its language), for the word check."""
    extensions = list(config.markdown_extensions)
    extensions += [e for e in REQUIRED_EXTENSIONS if e not in extensions]
    return TextOptions(tuple(extensions), dict(config.mdx_configs), prose.applies(extensions),
                       str(config.theme.get("language") or "en"))


def options_of(options: PodiumConfig, config: MkDocsConfig) -> Options:
    """The core's options, in one shape, from a loaded MkDocs configuration."""
    return Options(text_options(config), mkdocs_site_options(options, config), Invalid(options.on_invalid))


def read_options(config_file: Path) -> Options:
    """The text and site options of the site mkdocs.yml describes, read once with
    MkDocs' own loader, as the build reads it (`podium check`); Podium's defaults
    without a mkdocs.yml, or with one MkDocs cannot read (the build reports it)."""
    if not config_file.is_file():
        return Options()
    from mkdocs.config import load_config

    try:
        config = load_config(str(config_file))
    except Exception as exc:  # a broken mkdocs.yml is the build's to report; check the texts anyway
        print(f"podium: {config_file}: not read ({exc}); the text check uses Podium's default "
              "Markdown extensions", file=sys.stderr)
        return Options()
    plugin = config.plugins.get("podium")
    podium = plugin.config if plugin is not None and isinstance(plugin.config, PodiumConfig) else None
    if podium is None:
        return Options(text_options(config))
    for ext in REQUIRED_EXTENSIONS:
        if ext not in config.markdown_extensions:
            config.markdown_extensions.append(ext)
    return options_of(podium, config)
