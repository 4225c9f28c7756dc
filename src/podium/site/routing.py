"""Where every generated page and file lives: source paths (as MkDocs sees
them), site-relative URLs, public addresses and relative links. The plan
(pages/plan.py), the renderers and the adapters all ask here, so an address is
worked out in one place.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, urljoin

from podium.model.loader import Statement
from podium.site.taxonomy import TaxonomySpec, Term

FEEDS = {"rss": "feeds/rss.xml", "atom": "feeds/atom.xml"}
"""The site's own feeds; a term's are at `Routes.term_feed`."""


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


def relative_path(target: str, start: str) -> str:
    """posixpath.relpath for clean site-relative paths ("a/b", "" for the root),
    without its normalising: it ran for every link of every page."""
    to, base = target.split("/") if target else [], start.split("/") if start else []
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


@dataclass(frozen=True)
class Routes:
    statement_path: str = "statements/{year}/{id}"
    """Where statement pages go; {year} and {id} are filled in."""
    directory_urls: bool = True
    """MkDocs' use_directory_urls: /a/b/ rather than /a/b.html."""
    site_url: str | None = None
    """Public address of the site; None: addresses are site-absolute (/a/b/)."""

    # --- source paths of generated pages ---------------------------------

    def statement_src(self, st: Statement) -> str:
        path = self.statement_path.format(year=st.meta.sort_date.year, id=st.meta.id)
        return f"{path}.md"

    def root_src(self, spec: TaxonomySpec, page: int = 1) -> str:
        """A taxonomy's index page (its list of terms), page `page`."""
        return f"{spec.path}/index.md" if page == 1 else f"{spec.path}/page/{page}.md"

    def term_src(self, spec: TaxonomySpec, term: Term, page: int = 1) -> str:
        """A term's page (its statements), page `page`."""
        base = f"{spec.path}/{term.slug}"
        return f"{base}.md" if page == 1 else f"{base}/page/{page}.md"

    @staticmethod
    def term_feed(spec: TaxonomySpec, term: Term) -> str:
        """A term's Atom feed (feeds/delegations/vnm.xml)."""
        return f"feeds/{spec.path}/{term.slug}.xml"

    @staticmethod
    def term_data(spec: TaxonomySpec, term: Term) -> str:
        """A term's statements as CSV (data/delegations/vnm.csv)."""
        return f"data/{spec.path}/{term.slug}.csv"

    @staticmethod
    def listing_data(spec: TaxonomySpec) -> str:
        """Every row of a taxonomy's listing, for its filter box (data/delegations/index.json)."""
        return f"data/{spec.path}/index.json"

    # --- addresses ----------------------------------------------------------

    def url_of(self, src: str) -> str:
        """The site-relative URL of a page's source path (or of a file's path)."""
        if not src.endswith(".md"):
            return src
        path = src.removesuffix(".md")
        if not self.directory_urls:
            return f"{path}.html"
        return "" if path == "index" else path.removesuffix("/index") + "/"

    def file_url(self, path: str) -> str:
        """The address of a file of the site, e.g. feeds/rss.xml."""
        return (self.site_url or "/").rstrip("/") + "/" + path

    def public_url(self, src: str) -> str:
        """The address a generated page is published at (site-absolute if no site_url)."""
        return self.file_url(self.url_of(src))

    def statement_url(self, st: Statement) -> str:
        return self.public_url(self.statement_src(st))

    def href(self, here: str, target: str) -> str:
        """Relative link from the page whose source is `here` to a page or file."""
        here_url, target_url = self.url_of(here), self.url_of(target)
        here_dir = here_url[:-1] if here_url.endswith("/") else posixpath.dirname(here_url)
        link = relative_path(target_url.rstrip("/"), here_dir)
        return link + "/" if target_url.endswith("/") or not target_url else link
