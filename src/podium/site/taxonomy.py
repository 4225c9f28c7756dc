"""One generic taxonomy mechanism: a facet reads terms off a statement's
metadata; a taxonomy groups the collection by one facet. Which taxonomies a
site has, their titles and URLs, is configuration (TaxonomySpec), not code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from slugify import slugify as _slugify

from podium.model.collection import Collection
from podium.model.loader import Statement
from podium.model.schema import Kind, StatementMeta
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


Facet = Callable[[StatementMeta, Strings], list[Term]]
"""Reads a statement's terms; `Strings` translates the labels that are words
(kinds, language names), not names (speakers, bodies)."""


def _year(m: StatementMeta, t: Strings) -> list[Term]:
    y = m.sort_date.year
    return [Term(str(y), str(y), (-y,))]


def _delegation(m: StatementMeta, t: Strings) -> list[Term]:
    if not m.delegation:
        return []
    name = display.delegation(m.delegation)
    return [Term(m.delegation.lower(), name, (name.casefold(),))]


def _speaker(m: StatementMeta, t: Strings) -> list[Term]:
    if not m.speaker:
        return []
    return [Term(slugify(m.speaker.name), m.speaker.name, (m.speaker.name.casefold(),))]


def _body(m: StatementMeta, t: Strings) -> list[Term]:
    if not m.event:
        return []
    return [Term(slugify(m.event.body), m.event.body, (m.event.body.casefold(),))]


def _session(m: StatementMeta, t: Strings) -> list[Term]:
    if not m.event or not m.event.session:
        return []
    label = display.session(m.event)
    start = -m.event.start.toordinal() if m.event.start else 0
    return [Term(slugify(label), label, (m.event.body.casefold(), start, label))]


def _topic(m: StatementMeta, t: Strings) -> list[Term]:
    return [Term(slugify(t), t, (t.casefold(),)) for t in m.topics]


def _kind(m: StatementMeta, t: Strings) -> list[Term]:
    return [Term(m.kind.value, t(f"kind.{m.kind.value}"), (list(Kind).index(m.kind),))]


def _language(m: StatementMeta, t: Strings) -> list[Term]:
    name = t.language_name(m.language)
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
    path: str
    """URL folder of its pages: "delegations" gives /delegations/ and /delegations/vnm/."""
    title: str | None = None
    """Heading of the taxonomy's index page; None takes the interface string."""
    term_title: str | None = None
    """Heading of a term's page, {term} replaced by its label; None takes the interface string."""


DEFAULT_TAXONOMIES = (
    TaxonomySpec("year", "statements"),
    TaxonomySpec("delegation", "delegations"),
    TaxonomySpec("speaker", "speakers"),
    TaxonomySpec("body", "bodies"),
    TaxonomySpec("session", "sessions"),
    TaxonomySpec("topic", "topics"),
    TaxonomySpec("kind", "kinds"),
    TaxonomySpec("language", "languages"),
)


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


def build(spec: TaxonomySpec, collection: Collection, t: Strings) -> Taxonomy:
    """Group the collection by the spec's facet; the first label seen for a slug wins."""
    facet = FACETS[spec.facet]
    groups: dict[str, tuple[Term, list[Statement]]] = {}
    for st in collection:
        for term in facet(st.meta, t):
            groups.setdefault(term.slug, (term, []))[1].append(st)
    terms = sorted(groups.values(), key=lambda g: (g[0].order, g[0].slug))
    title = spec.title or t(f"taxonomy.{spec.facet}.title")
    return Taxonomy(spec, title, [TermEntries(term, sts) for term, sts in terms])


def paginate(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Split into pages of at most `size`; an empty list still has one page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
