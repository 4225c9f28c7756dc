"""The MkDocs page of a generated page: its Markdown comes from the site plan,
rendered only when the page is read, and a page can be deferred.

A deferred page (a statement or index page outside the nav) reads as empty in
MkDocs' own loop, so that the thousands of them cost nothing there; the plugin
then reads, renders and writes each one itself (see podium.base.parallel), possibly
in worker processes. Pages in the nav are never deferred: MkDocs needs them.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import PurePath
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from podium.pages.plan import GeneratedPage
from podium.site.fragments import Doc, Fragment, only_placeholders


class PlainFile(File):
    """A generated page's file. Its source path comes from podium.site.routing,
    already a clean POSIX path, and is taken as it is where MkDocs' File passes
    every path through PurePath (0.3 s of each rebuild for 12,000 pages)."""

    @property
    def src_path(self) -> str:
        return os.path.normpath(self.src_uri)

    @src_path.setter
    def src_path(self, value: str) -> None:
        plain = not value.startswith("/") and "\\" not in value and all(
            part not in ("", ".", "..") for part in value.split("/"))
        self.src_uri = value if plain else PurePath(value).as_posix()


class PodiumPage(Page):
    def __init__(self, generated: GeneratedPage, file: File, config: MkDocsConfig, *,
                 title: str | None = None, deferred: bool = False) -> None:
        super().__init__(title, file, config)
        self.generated = generated
        self.deferred = deferred
        """True while MkDocs' loop handles the page: reading and rendering are no-ops."""
        self.fragments: tuple[Fragment, ...] = ()
        """What the Markdown's placeholders stand for (see podium.site.fragments), once read."""
        self.doc: Doc | None = None
        """The page's document if already generated (for its cache key), else generated when read."""
        self.key: str | None = None
        """Its key in the build cache, once made (podium.mkdocs.pagecache)."""

    def _set_canonical_url(self, base: str | None) -> None:
        self.canonical_url, self.abs_url = canonical(self.url, base)

    def read_source(self, config: MkDocsConfig) -> None:
        if self.deferred:
            self.markdown, self.meta = "", {}
            return
        doc = self.doc or self.generated.build()
        self.file.content_string = doc.text
        self.fragments = tuple(doc.fragments)
        # As MkDocs' own read_source, without writing the front matter out and
        # parsing it back (half a millisecond a page).
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            self.markdown, self.meta = doc.body, dict(doc.meta)
        else:
            self.markdown, self.meta = get_data(source)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.deferred:
            self.content, self.toc, self.present_anchor_ids = "", get_toc([]), None
        elif only_placeholders(self.markdown or ""):
            # All HTML (the usual statement page): no Markdown instance to build.
            content = re.sub(r">\s+<", ">\n<", (self.markdown or "").strip())
            self.content, self.toc, self.present_anchor_ids = content, get_toc([]), None
        else:
            super().render(config, files)

    def release(self) -> None:
        """Drop the page's text and HTML once it is written: 10,000 of them would
        otherwise stay in memory until the build ends."""
        self.file.content_string = ""
        self.markdown = self.content = None
        self.fragments, self.doc = (), None


class KeptPage:
    """In a `serve` rebuild, a generated page the last build made with the key it has
    now, which this build moves back instead of making (podium.mkdocs.deferred): what
    MkDocs' templates read of a page (the sitemap: its address and date) and nothing
    else. Its file is left out of MkDocs' loops, which would read thousands of them."""

    is_link = False
    title: str | None = None
    present_anchor_ids: set[str] | None = None  # (never rendered here: no anchor checked)

    def __init__(self, generated: GeneratedPage, file: File, config: MkDocsConfig, update_date: str) -> None:
        self.generated, self.file, self.url = generated, file, file.url
        self.update_date = update_date
        self.canonical_url, self.abs_url = canonical(self.url, config.site_url)
        file.page = self  # type: ignore[assignment]


def canonical(url: str, base: str | None) -> tuple[str | None, str | None]:
    """A page's canonical URL and absolute path, as MkDocs' Page makes them, by
    concatenation for the plain relative URLs of generated pages (MkDocs' urljoin
    and urlsplit for 14,000 pages were most of on_files)."""
    if not base:
        return None, None
    plain = _plain_base(base)
    if (plain is None or url.startswith("/") or any(c in url for c in ":?#\\")
            or any(part in (".", "..") for part in url.split("/"))):
        joined = urljoin(base if base.endswith("/") else base + "/", url)
        return joined, urlsplit(joined).path
    root, path = plain
    return root + url, path + url


@cache
def _plain_base(site_url: str) -> tuple[str, str] | None:
    """The site URL with a final slash, and its path; None if it has a query or fragment."""
    root = site_url if site_url.endswith("/") else site_url + "/"
    return None if "?" in root or "#" in root else (root, urlsplit(root).path)


def nav_titles(nav: object) -> dict[str, str]:
    """Titles that mkdocs.yml's `nav` gives pages ({"Statements": "statements/index.md"}):
    MkDocs applies them only to pages it creates itself."""
    titles: dict[str, str] = {}
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str):
                    titles[target] = title
                else:
                    titles.update(nav_titles(target))
    return titles
