"""What a generated page is made of, declared beside its renderer.

A statement's page and a term's page are rendered from one frozen value each
(`StatementInputs`, `TermInputs`) and the site's settings; their renderers
(podium.pages.render) read nothing else of the site. The page's key in the
build cache is the fingerprint of that value, walked field by field: an input
added to a renderer is an input added here, and so is in the key. An input
of a type the walk does not know is an error, never silently left out.

What every page shares (the options, the interface strings, the templates,
the code) is the cache's generation (podium.mkdocs.pagecache), not part of
these.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from podium.base.buildcache import digest
from podium.model.collection import Link
from podium.model.dates import PartialDate
from podium.model.loader import Statement
from podium.site.taxonomy import TaxonomySpec, Term

T = TypeVar("T")


@dataclass(frozen=True)
class Text:
    """A statement whose text the page reads (its own, or one aligned with it
    for a coverage map): keyed by the bytes of its file. A bare `Statement`
    among the inputs is read for its metadata only (a title, a date, an address),
    so an edit to a speech leaves the listings and links that show it alone."""

    statement: Statement


@dataclass(frozen=True)
class StatementInputs:
    """Everything a statement's page shows besides the site's settings."""

    text: Text
    here: str
    """The page's path in docs/ (its links are relative to it)."""
    links: tuple[Link, ...]
    """Its relations, both ways (related texts, reports, translations)."""
    family: tuple[Statement, ...]
    """Its other language versions: its original's translations too, which do not link to it."""
    terms: tuple[tuple[str, tuple[tuple[Term, str | None], ...]], ...]
    """Each facet's terms of it, with each term's page if the site has one."""
    coverage: tuple[tuple[Text, Text], ...]
    """(report, statement) pairs whose coverage map the page shows."""

    @property
    def statement(self) -> Statement:
        return self.text.statement


@dataclass(frozen=True)
class Pager:
    number: int
    total: int
    newer: str | None
    older: str | None


@dataclass(frozen=True)
class Ref:
    """A labelled link: a neighbouring term, a download."""

    label: str
    href: str


@dataclass(frozen=True)
class Neighbours:
    """The terms before and after a term in its listing's order (podium/term.html)."""

    before: Ref | None
    after: Ref | None


@dataclass(frozen=True)
class TermInputs:
    """Everything a term's page (one page of it) shows besides the site's settings."""

    spec: TaxonomySpec
    title: str
    """The taxonomy's title (the link back to its listing)."""
    term: Term
    statements: tuple[Statement, ...]
    """All of the term's statements, newest first: counts, its years, its history."""
    part: tuple[Statement, ...]
    """The ones this page lists."""
    here: str
    pager: Pager | None
    near: Neighbours | None
    downloads: tuple[Ref, ...]
    """Its own data files (label, address)."""
    pages: frozenset[str]
    """Slugs of the taxonomy's terms that have a page (its history links to those)."""


class Once(Generic[T]):
    """A value made when first asked for, then kept: the inputs are made in the
    process that renders the page, once for its key and its rendering."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], T]) -> None:
        self._make: Callable[[], T] | None = make
        self._value: T | None = None

    def __call__(self) -> T:
        if self._make is not None:
            self._value, self._make = self._make(), None
        return self._value  # type: ignore[return-value]


SHARED = 64
"""A tuple at least this long is hashed once per build however many pages hold
it (a term's statements are on every page of the term: the 112 pages of a
language of the UN General Debate Corpus walked 1.2 million statements)."""

_PLAIN = frozenset({str, int, float, bool, type(None)})
"""Types written as themselves: the repr of the list of parts tells 1, "1", 1.0 and True apart."""


class Fingerprints:
    """The fingerprints of one build's page inputs: a hash of every field of a
    value, walked all the way down. `meta` gives a statement's metadata hash
    (memoised by the caller: a statement appears on many pages). It keeps, for
    the build, each long tuple's hash (with the tuple, so that its id stays its
    own) and each dataclass's field names. TypeError for a value of a type it
    does not know: an input is keyed or refused, never left out."""

    def __init__(self, meta: Callable[[Statement], str]) -> None:
        self.meta = meta
        self._shared: dict[int, tuple[object, str]] = {}
        self._fields: dict[type, tuple[str, ...]] = {}

    def __call__(self, value: object) -> str:
        parts: list[object] = []
        self._walk(value, parts)
        return digest(repr(parts))  # (one string: a third of the time of hashing 150 parts one by one)

    def _walk(self, value: object, out: list[object]) -> None:
        kind = type(value)
        if kind in _PLAIN:
            out.append(value)
        elif kind is tuple or kind is list:
            items: tuple[object, ...] | list[object] = value  # type: ignore[assignment]
            if kind is tuple and len(items) >= SHARED:
                kept = self._shared.get(id(value))
                if kept is None or kept[0] is not value:
                    kept = self._shared[id(value)] = (value, self(list(items)))
                out.append(("shared", kept[1]))
                return
            out.append(("[", len(items)))
            for item in items:
                self._walk(item, out)
        elif kind is Statement:
            st: Statement = value  # type: ignore[assignment]
            out.append(("statement", st.path.as_posix(), self.meta(st)))
        elif kind is Text:
            st = value.statement  # type: ignore[attr-defined]
            out.append(("text", st.path.as_posix(), st.source_digest))
        elif isinstance(value, enum.Enum):
            out.append((kind.__qualname__, value.name))
        elif kind is PartialDate:
            out.append(("date", str(value)))
        elif kind is frozenset:
            out.append(("{", len(value)))  # type: ignore[arg-type]
            for item in sorted(value, key=repr):  # type: ignore[call-overload]
                self._walk(item, out)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            names = self._fields.get(kind)
            if names is None:
                names = self._fields[kind] = tuple(f.name for f in dataclasses.fields(value))
            out.append(("<", kind.__qualname__, len(names)))
            for name in names:
                self._walk(getattr(value, name), out)
        else:
            raise TypeError(f"a page input of type {kind.__name__} has no fingerprint: "
                            "declare it as a dataclass of known types (podium.pages.inputs)")


def fingerprint(value: object, meta: Callable[[Statement], str]) -> str:
    """The fingerprint of one value (Fingerprints keeps what a build shares)."""
    return Fingerprints(meta)(value)
