"""The build cache (podium.base.buildcache) inside a MkDocs build: the key of each
generated page and data file, from everything it is made of.

- The generation (what every page shares): Podium's code, templates and
  strings (its installed files), every installed package's version (MkDocs,
  Material, Pagefind, Markdown extensions...), Python's version, the resolved
  mkdocs.yml (environment variables included), the files of a theme
  `custom_dir`, and the navigation (titles and addresses of the pages in it).
- A statement's page and a term's page: the fingerprint of the inputs their
  renderer declares and reads (podium.pages.inputs), so an input cannot be
  read without being in the key; and the page's date (the sitemap's).
- A feed and a term's CSV (`plan.Listing`): its term and the metadata of
  every statement it lists.
- Any other generated page (a taxonomy's, the search page): the page Podium
  generates (its Markdown and HTML parts), which holds everything it lists.
- An export: every statement's source bytes and terms (a site's facet may
  read its terms from a data file of its own); one made from the metadata
  alone (the CSV, the search totals): every statement's metadata and terms.

The cache is used only when Podium is the site's one plugin and there are no
hooks: another plugin's page events are not run for a page taken from the
cache, and what they depend on is not in the keys.
"""

from __future__ import annotations

import importlib.util
import logging
import re
import sys
from collections.abc import Mapping
from importlib import metadata
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from podium.base import buildcache
from podium.base.buildcache import Cache, digest
from podium.mkdocs import theme
from podium.model.loader import Statement
from podium.pages.inputs import Fingerprints
from podium.pages.plan import GeneratedFile, GeneratedPage, Listing, Site
from podium.site import fragments, taxonomy

log = logging.getLogger("mkdocs.plugins.podium")

_VOLATILE = {"config_file_path", "docs_dir", "site_dir", "dev_addr", "watch", "strict", "plugins",
             "theme", "hooks", "remote_branch", "remote_name"}
"""Settings that do not change a page (paths of this checkout, serve's address)
or are read apart."""
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def cache_for(config: MkDocsConfig, nav: Navigation, folder: Path) -> Cache | None:
    """The cache generation of this build, or None where the cache cannot be used
    (another plugin, hooks)."""
    others = [name for name in config.plugins if name != "podium"]
    if others or config.hooks:
        log.info("podium: build cache not used with %s (their page events would be skipped)",
                 ", ".join(others) or "hooks")
        return None
    try:
        return Cache(folder, generation(config, nav))
    except buildcache.CacheRefused as exc:
        log.warning("podium: build cache not used: %s", exc)
        return None


def generation(config: MkDocsConfig, nav: Navigation) -> str:
    settings = {k: _plain(v) for k, v in config.items() if k not in _VOLATILE}
    settings["docs_dir"] = Path(config.docs_dir).name  # in edit links
    settings["theme"] = {"name": config.theme.name, **{k: _plain(v) for k, v in config.theme.items()}}
    settings["plugins"] = {name: [type(p).__module__, _plain(p.config)] for name, p in config.plugins.items()}
    shipped = {theme.material_templates(), theme.podium_templates()}
    custom = [buildcache.tree_digest(Path(d)) for d in config.theme.dirs if d not in shipped
              and "site-packages" not in Path(d).parts]
    custom += [_facet_digest(ref, Path(config.config_file_path or ".").parent)
               for ref in getattr(config.plugins.get("podium"), "config", {}).get("facets", [])]
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    return digest(buildcache.FORMAT, buildcache.tree_digest(Path(str(package_files("podium")))),
                  "\n".join(packages), sys.version, repr(settings), *custom, repr(_nav(nav.items)))


def _facet_digest(ref: str, base: Path) -> str:
    """A hash of the file that declares a site's own facet (`file.py:NAME` or `module:NAME`)."""
    where = ref.rpartition(":")[0]
    if where.endswith(".py"):
        path: Path | None = base / where
    else:
        try:
            spec = importlib.util.find_spec(where)
        except (ImportError, ValueError):
            spec = None
        path = Path(spec.origin) if spec is not None and spec.origin else None
    try:
        return digest(ref, path.read_bytes()) if path is not None else digest(ref)
    except OSError:
        return digest(ref)


def _plain(value: Any) -> Any:
    """A setting as plain data for its repr (no object addresses)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return _ADDRESS.sub("", repr(value))


def _nav(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            out.append(["section", item.title, _nav(item.children)])
        elif isinstance(item, Page):
            out.append(["page", item.title, item.url, item.is_index])
        else:
            out.append([type(item).__name__, item.title, getattr(item, "url", None)])
    return out


class Keys:
    """The key of each generated page and data file of one build."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._by_statement: dict[str, list[str]] | None = None
        self._apart: list[str] = []
        self._collection: str | None = None
        self._metadata: str | None = None
        self._files: dict[str, str] = {}
        self._fingerprint = Fingerprints(self.meta)
        self._pages: dict[str, tuple[str, fragments.Doc | None]] = {}

    def page(self, page: GeneratedPage) -> tuple[str, fragments.Doc | None]:
        """A generated page's key, made once per build, and its document when the
        key was made from it (a page without declared inputs: a taxonomy's, the search page)."""
        found = self._pages.get(page.src_uri)
        if found is None:
            if page.inputs is not None:
                found = self.declared(page), None
            else:
                doc = page.build()
                found = self.other_page(page, doc), doc
            self._pages[page.src_uri] = found
        return found

    def declared(self, page: GeneratedPage) -> str:
        """A statement's or a term's page: from the inputs its renderer reads."""
        assert page.inputs is not None
        return digest("page", page.src_uri, str(page.updated), str(page.in_nav),
                      self._fingerprint(page.inputs()))

    def other_page(self, page: GeneratedPage, doc: fragments.Doc) -> str:
        text = "".join(doc.markdown).replace(fragments._KEY, "")  # the placeholders' key is random
        return digest("page", page.src_uri, str(page.updated), str(page.in_nav), text, repr(doc.fragments),
                      repr(sorted(doc.meta.items())))

    def listing(self, src_uri: str, shows: Listing) -> str:
        """A feed or a term's CSV: from what it lists, without making it."""
        metas = "\n".join(map(self._listed, shows.statements))
        return digest("listing", src_uri, shows.about, metas)

    @staticmethod
    def meta(st: Statement) -> str:
        """A hash of a statement's metadata, all a listing shows of it (so an edit to
        its text leaves its listings alone); kept with the statement, so made once
        per process, and once per change in a `serve` session."""
        found: str | None = st.derived.get("meta digest")
        if found is None:
            found = st.derived["meta digest"] = digest(st.meta.model_dump_json())
        return found

    @classmethod
    def _listed(cls, st: Statement) -> str:
        """The statement in a listing's key: its file and its metadata's hash."""
        found: str | None = st.derived.get("listed")
        if found is None:
            found = st.derived["listed"] = f"{st.path.as_posix()} {cls.meta(st)}"
        return found

    def data_file(self, file: GeneratedFile) -> str:
        """An export's key (from every statement's bytes and terms) or a feed's (from
        what it lists); made once per build."""
        found = self._files.get(file.src_uri)
        if found is None:
            if file.shows is not None:
                found = self.listing(file.src_uri, file.shows)
            elif file.text:
                if self._collection is None:  # (a site's facet may read its terms from a file of its own)
                    self._collection = digest(*(part for st in self.site.collection for part in (
                        st.path.as_posix(), st.source_digest, self._terms_of(st))))
                found = digest("file", file.src_uri, self._collection)
            else:  # (the metadata alone: an edit to a text leaves it alone)
                if self._metadata is None:
                    self._metadata = digest(*(part for st in self.site.collection for part in (
                        st.path.as_posix(), self.meta(st), self._terms_of(st))))
                found = digest("metadata", file.src_uri, self._metadata)
            self._files[file.src_uri] = found
        return found

    def _terms_of(self, st: Statement) -> str:
        """The statement's terms with their labels and addresses (in the order its
        taxonomies list them; its file's bytes give the order it shows them in)."""
        if self._by_statement is None:
            ctx, self._by_statement = self.site.context, {}
            for facet in ctx.facets:
                tax = taxonomy.find(ctx.taxonomies, facet)
                if tax is None:
                    self._apart.append(facet)
                    continue
                for e in tax.terms:
                    where = repr((facet, e.term, ctx.routes.term_src(tax.spec, e.term)))
                    for listed in e.statements:
                        self._by_statement.setdefault(listed.meta.id, []).append(where)
        apart = [(f, self.site.context.term_links(f, st)) for f in self._apart]
        return "\n".join(self._by_statement.get(st.meta.id, [])) + repr(apart)
