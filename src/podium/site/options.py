"""The options of a generated site, as the core reads them (podium.engine.config
makes them from mkdocs.yml)."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from podium.site.facets import FACETS, Facet
from podium.site.taxonomy import TaxonomySpec


class OptionError(ValueError):
    """Options a site cannot be built with: one line per option, naming it and the fix."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


_SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")
PLACEHOLDERS = ("year", "id")
"""What `statement_path` may hold: a statement's year and its id."""


def path_problem(option: str, value: object, placeholders: tuple[str, ...] = (),
                 example: str = "delegations") -> str | None:
    """Why a folder path option cannot place pages inside the site, if it cannot:
    it must be relative, of plain segments (letters, digits, `.`, `_`, `-`, and
    the placeholders named), never `..` nor a hidden folder."""
    if not isinstance(value, str) or not value.strip("/"):
        return f"`{option}` must be a folder path inside the site, such as `{example}`"
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
    except ValueError:
        return f"`{option}: {value}` has a `{{` or `}}` without its pair"
    unknown = [f for f in fields if f not in placeholders]
    if unknown:
        allowed = ", ".join(f"{{{p}}}" for p in placeholders) or "none"
        return f"`{option}: {value}`: {{{unknown[0]}}} is not a placeholder it knows (it knows {allowed})"
    plain = value
    for p in placeholders:
        plain = plain.replace(f"{{{p}}}", "x")
    if value.startswith("/") or "\\" in value or any(not _SEGMENT.fullmatch(s) for s in plain.split("/")):
        return (f"`{option}: {value}` must stay inside the site: a relative path of plain folder names "
                "(letters, digits, `.`, `_`, `-`), without `..`, a leading `/` or a hidden folder")
    return None


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

    def __post_init__(self) -> None:
        lines = []
        if not _count(self.page_size) or self.page_size < 1:
            lines.append(f"`page_size: {self.page_size!r}` must be a whole number of at least 1 "
                         "(entries on one index page; 100 by default)")
        if not _count(self.latest) or self.latest < 0:
            lines.append(f"`latest: {self.latest!r}` must be a whole number, 0 or more "
                         "(statements on the home page; 10 by default)")
        if not _count(self.feed_size) or self.feed_size < 1:
            lines.append(f"`feed_size: {self.feed_size!r}` must be a whole number of at least 1")
        problem = path_problem("statement_path", self.statement_path, PLACEHOLDERS, "statements/{year}/{id}")
        if problem is None and "{id}" not in self.statement_path:
            problem = (f"`statement_path: {self.statement_path}` must hold {{id}}, so that each statement "
                       "has an address of its own")
        lines += [problem] if problem else []
        for spec in self.taxonomies or ():
            problem = path_problem("taxonomies: path", spec.path)
            lines += [problem] if problem else []
        if lines:
            raise OptionError(lines)


def _count(value: object) -> bool:
    """A whole number (YAML's `true` is not one)."""
    return isinstance(value, int) and not isinstance(value, bool)
