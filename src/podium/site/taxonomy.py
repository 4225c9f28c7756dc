"""One generic taxonomy mechanism: a facet (podium.site.facets) reads terms off a
statement's metadata; a taxonomy groups the collection by one facet. Which
taxonomies a site has, their titles and URLs, is configuration (TaxonomySpec),
not code.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TypeVar

from slugify import slugify as _slugify

from podium.model.collection import Collection
from podium.model.loader import Statement
from podium.model.schema import StatementMeta
from podium.site import display
from podium.site.i18n import Strings
from podium.text.normalise import fold

T = TypeVar("T")


@dataclass(frozen=True)
class Term:
    slug: str
    label: str
    order: tuple[object, ...]
    """Sort key among the taxonomy's terms."""
    shown: str | None = None
    """What one statement calls the term when that differs from its label: a
    delegation's name on the statement's date ("Union of Soviet Socialist
    Republics" for the term "Russian Federation")."""
    key: str | None = None
    """What makes two terms one (a code, a name); None: the slug. A slug is lossy
    (王毅 and 汪毅 are both "wang-yi"), so a facet whose slug is made from a name
    gives the name as key, and the taxonomy gives distinct keys distinct slugs."""

    @property
    def text(self) -> str:
        """The term as a statement's panel shows it."""
        return self.shown or self.label

    @property
    def identity(self) -> str:
        return self.slug if self.key is None else self.key


def named(label: str, order: tuple[object, ...]) -> Term:
    """A term that is a name (a speaker, a body, a topic): one per name, whatever its
    case or Unicode form, its slug made from it (and made distinct by the taxonomy)."""
    return Term(slugify(label), label, order, key=unicodedata.normalize("NFC", label).casefold())


def distinct(terms: Sequence[Term]) -> dict[str, Term]:
    """The terms by identity, each with a slug of its own: where distinct terms
    share a slug, the one whose identity sorts first keeps it and each other gets
    the slug and a hash of its identity, so its address depends only on the
    names that share its slug, never on the order files are read in."""
    by_slug: dict[str, list[Term]] = {}
    for term in terms:
        by_slug.setdefault(term.slug, []).append(term)
    out: dict[str, Term] = {}
    taken = set(by_slug)
    for slug, same in by_slug.items():
        same.sort(key=lambda term: term.identity)
        out[same[0].identity] = same[0]
        for term in same[1:]:
            mark = hashlib.sha256(term.identity.encode("utf-8", "surrogatepass")).hexdigest()
            size = 6
            while (new := f"{slug[:MAX_SLUG - size - 1]}-{mark[:size]}") in taken:
                size += 2  # (another term's own slug, or a hash prefix shared)
            taken.add(new)
            out[term.identity] = replace(term, slug=new)
    return out


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
    by_identity: dict[str, Term] = field(default_factory=dict, repr=False, compare=False)
    """Each term as this taxonomy publishes it (its slug made distinct), by identity."""

    def term(self, term: Term) -> Term:
        """A statement's term with the slug this taxonomy publishes it under (its own
        name on the statement's date kept)."""
        published = self.by_identity.get(term.identity)
        return replace(term, slug=published.slug) if published and published.slug != term.slug else term

    def term_title(self, term: Term, t: Strings) -> str:
        return term_title(self.spec, term, t)


def term_title(spec: TaxonomySpec, term: Term, t: Strings) -> str:
    """The heading of a term's page."""
    template = spec.term_title or t(f"taxonomy.{spec.facet}.term", term="{term}")
    return template.replace("{term}", term.label)


def build(spec: TaxonomySpec, terms_of: TermsOf, collection: Collection, t: Strings) -> Taxonomy:
    """Group the collection by the spec's facet (whose terms `terms_of` reads):
    one term per identity (the first label seen for it wins), each with a slug
    of its own (`distinct`)."""
    groups: dict[str, tuple[Term, list[Statement]]] = {}
    for st in collection:
        for term in terms_of(st.meta, t):
            if term.shown is not None:  # (one statement's name for it, not the term's)
                term = replace(term, shown=None)
            groups.setdefault(term.identity, (term, []))[1].append(st)
    published = distinct([term for term, _ in groups.values()])
    terms = sorted(((published[key], sts) for key, (_, sts) in groups.items()),
                   key=lambda g: (g[0].order, g[0].slug))
    title = spec.title or t(f"taxonomy.{spec.facet}.title")
    return Taxonomy(spec, title, [TermEntries(term, sorted(sts, key=reading_order)) for term, sts in terms],
                    published)


def reading_order(st: Statement) -> tuple[tuple[int, int], str, str]:
    """Newest first; on one day (a session's general debate is dated by its
    session in the UN corpus), by the delegation's name as the page shows it,
    not by its code: Eswatini (SWZ) among the E's, not between Rwanda and
    Uruguay. Without a delegation, by title."""
    key: tuple[tuple[int, int], str, str] | None = st.derived.get("reading_order")
    if key is None:
        m = st.meta
        name = display.delegation_of(m) or m.title  # (its name on the statement's date)
        key = st.derived["reading_order"] = ((-m.sort_date.earliest().toordinal(), -m.sort_date.precision),
                                             fold(name), m.id)
    return key


def paginate(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Split into pages of at most `size`; an empty list still has one page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def find(taxonomies: Sequence[Taxonomy], facet: str) -> Taxonomy | None:
    """The first taxonomy over `facet`, if any."""
    return next((tax for tax in taxonomies if tax.spec.facet == facet), None)
