"""One generic taxonomy mechanism: a facet (podium.site.facets) reads terms off a
statement's metadata; a taxonomy groups the collection by one facet. Which
taxonomies a site has, their titles and URLs, is configuration (TaxonomySpec),
not code.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from slugify import slugify as _slugify

from podium.model.collection import Collection
from podium.model.loader import Statement
from podium.model.schema import StatementMeta
from podium.site import display
from podium.site.i18n import Strings

T = TypeVar("T")


@dataclass(frozen=True)
class Term:
    slug: str
    label: str
    order: tuple[object, ...]
    """Sort key among the taxonomy's terms."""


@cache
def slugify(label: str) -> str:
    """A term's URL slug. Cached: labels repeat across thousands of statements,
    and each statement page asks for its terms again."""
    slug = str(_slugify(label))
    if slug and slug != "index" and len(slug) <= MAX_SLUG:
        return slug
    # Nothing left ("🙂", "!!!"), the name of a folder's own page, or too long for
    # a file name: the label's hash keeps the term a page of its own.
    digest = hashlib.sha256(label.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug[:MAX_SLUG - 9].rstrip('-') or 'term'}-{digest}"


MAX_SLUG = 80
"""Longest slug: a 5,000-character speaker name made a file name the system refused."""


TermsOf = Callable[[StatementMeta, Strings], list[Term]]
"""Reads a statement's terms for one facet (see podium.site.facets); `Strings`
translates the labels that are words (kinds, language names), not names
(speakers, bodies)."""


@dataclass(frozen=True)
class TaxonomySpec:
    facet: str
    """Which facet groups the statements: the name of one of the site's facets (podium.site.facets)."""
    path: str
    """URL folder of its pages: "delegations" gives /delegations/ and /delegations/vnm/."""
    title: str | None = None
    """Heading of the taxonomy's index page; None takes the interface string."""
    term_title: str | None = None
    """Heading of a term's page, {term} replaced by its label; None takes the interface string."""


@dataclass(frozen=True)
class TermEntries:
    term: Term
    statements: list[Statement]
    """Newest first, in collection order."""


@dataclass(frozen=True)
class Taxonomy:
    spec: TaxonomySpec
    title: str
    terms: list[TermEntries]

    def term_title(self, term: Term, t: Strings) -> str:
        template = self.spec.term_title or t(f"taxonomy.{self.spec.facet}.term", term="{term}")
        return template.replace("{term}", term.label)


def build(spec: TaxonomySpec, terms_of: TermsOf, collection: Collection, t: Strings) -> Taxonomy:
    """Group the collection by the spec's facet (whose terms `terms_of` reads);
    the first label seen for a slug wins."""
    groups: dict[str, tuple[Term, list[Statement]]] = {}
    for st in collection:
        for term in terms_of(st.meta, t):
            groups.setdefault(term.slug, (term, []))[1].append(st)
    terms = sorted(groups.values(), key=lambda g: (g[0].order, g[0].slug))
    title = spec.title or t(f"taxonomy.{spec.facet}.title")
    return Taxonomy(spec, title, [TermEntries(term, sorted(sts, key=reading_order)) for term, sts in terms])


def reading_order(st: Statement) -> tuple[int, str, str]:
    """Newest first; on one day (a session's general debate is dated by its
    session in the UN corpus), by the delegation's name as the page shows it,
    not by its code: Eswatini (SWZ) among the E's, not between Rwanda and
    Uruguay. Without a delegation, by title."""
    m = st.meta
    name = display.delegation(m.delegation) if m.delegation else m.title
    return -m.sort_date.toordinal(), fold(name), m.id


def fold(text: str) -> str:
    """A sort key that reads as a reader would: case and accents aside (Émirats with the E's)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def paginate(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Split into pages of at most `size`; an empty list still has one page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def find(taxonomies: Sequence[Taxonomy], facet: str) -> Taxonomy | None:
    """The first taxonomy over `facet`, if any."""
    return next((tax for tax in taxonomies if tax.spec.facet == facet), None)
