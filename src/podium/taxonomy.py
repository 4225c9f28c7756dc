"""One generic taxonomy mechanism: a facet reads terms off a statement's
metadata; a taxonomy groups the collection by one facet. Which taxonomies a
site has, their titles and URLs, is configuration (TaxonomySpec), not code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from slugify import slugify

from podium import display
from podium.collection import Collection
from podium.loader import Statement
from podium.schema import Kind, StatementMeta

T = TypeVar("T")


@dataclass(frozen=True)
class Term:
    slug: str
    label: str
    order: tuple[object, ...]
    """Sort key among the taxonomy's terms."""


Facet = Callable[[StatementMeta], list[Term]]


def _year(m: StatementMeta) -> list[Term]:
    y = m.sort_date.year
    return [Term(str(y), str(y), (-y,))]


def _delegation(m: StatementMeta) -> list[Term]:
    if not m.delegation:
        return []
    name = display.delegation(m.delegation)
    return [Term(m.delegation.lower(), name, (name.casefold(),))]


def _speaker(m: StatementMeta) -> list[Term]:
    if not m.speaker:
        return []
    return [Term(slugify(m.speaker.name), m.speaker.name, (m.speaker.name.casefold(),))]


def _body(m: StatementMeta) -> list[Term]:
    if not m.event:
        return []
    return [Term(slugify(m.event.body), m.event.body, (m.event.body.casefold(),))]


def _session(m: StatementMeta) -> list[Term]:
    if not m.event or not m.event.session:
        return []
    label = display.session(m.event)
    start = -m.event.start.toordinal() if m.event.start else 0
    return [Term(slugify(label), label, (m.event.body.casefold(), start, label))]


def _topic(m: StatementMeta) -> list[Term]:
    return [Term(slugify(t), t, (t.casefold(),)) for t in m.topics]


def _kind(m: StatementMeta) -> list[Term]:
    return [Term(m.kind.value, m.kind.label, (list(Kind).index(m.kind),))]


def _language(m: StatementMeta) -> list[Term]:
    name = display.language(m.language)
    return [Term(m.language.lower(), name, (name.casefold(), m.language))]


FACETS: dict[str, Facet] = {
    "year": _year,
    "delegation": _delegation,
    "speaker": _speaker,
    "body": _body,
    "session": _session,
    "topic": _topic,
    "kind": _kind,
    "language": _language,
}


@dataclass(frozen=True)
class TaxonomySpec:
    facet: str
    """Which facet groups the statements: one of FACETS."""
    title: str
    """Heading of the taxonomy's index page: "Delegations"."""
    path: str
    """URL folder of its pages: "delegations" gives /delegations/ and /delegations/vnm/."""
    term_title: str = "{term}"
    """Heading of a term's page; {term} is replaced by the term's label."""


DEFAULT_TAXONOMIES = (
    TaxonomySpec("year", "Statements by date", "statements", "Statements of {term}"),
    TaxonomySpec("delegation", "Delegations", "delegations", "{term}"),
    TaxonomySpec("speaker", "Speakers", "speakers", "{term}"),
    TaxonomySpec("body", "Bodies", "bodies", "{term}"),
    TaxonomySpec("session", "Sessions", "sessions", "{term}"),
    TaxonomySpec("topic", "Topics", "topics", "Topic: {term}"),
    TaxonomySpec("kind", "Kinds of text", "kinds", "{term}s"),
    TaxonomySpec("language", "Languages", "languages", "In {term}"),
)


@dataclass(frozen=True)
class TermEntries:
    term: Term
    statements: list[Statement]
    """Newest first, in collection order."""


@dataclass(frozen=True)
class Taxonomy:
    spec: TaxonomySpec
    terms: list[TermEntries]

    def term_of(self, meta: StatementMeta) -> list[Term]:
        return FACETS[self.spec.facet](meta)


def build(spec: TaxonomySpec, collection: Collection) -> Taxonomy:
    """Group the collection by the spec's facet; the first label seen for a slug wins."""
    facet = FACETS[spec.facet]
    groups: dict[str, tuple[Term, list[Statement]]] = {}
    for st in collection:
        for term in facet(st.meta):
            groups.setdefault(term.slug, (term, []))[1].append(st)
    terms = sorted(groups.values(), key=lambda g: (g[0].order, g[0].slug))
    return Taxonomy(spec, [TermEntries(t, sts) for t, sts in terms])


def paginate(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Split into pages of at most `size`; an empty list still has one page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
