"""Each facet of a statement declared once: which terms it reads off the
metadata, and what every part of the site does with them (the row of the
statement page's panel, the index pages, the search filter, the export
columns, the feeds). The panel (render), the plan (site), search and export
iterate these declarations; none of them names a facet.

Adding a facet ("region") is one `Facet` and its data: give it to the site in
mkdocs.yml (`facets: [my_module:REGION]`, see podium.engine.config) or, in Python,
in `SiteOptions.facets`. Its interface strings come from locales/*.yaml or,
for a facet outside the package, from its own `strings`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from podium.model import bodies, codes
from podium.model.schema import Kind, StatementMeta
from podium.site import display
from podium.site.i18n import Strings
from podium.site.taxonomy import TaxonomySpec, Term, TermsOf, named
from podium.text.normalise import fold


@dataclass(frozen=True)
class PanelRow:
    """The facet's row in a statement page's metadata panel: its term links
    (to their index pages), with plain text around them."""

    order: int
    """Place among the panel's rows (render.PANEL_ROWS holds the rows that are not facets)."""
    label: str
    """Interface-string key of the row's label."""
    before: Callable[[StatementMeta], str] | None = None
    """Text before the links ("H.E. " before a speaker)."""
    after: Callable[[StatementMeta], str] | None = None
    """Text after the links (" (VNM)" after a delegation)."""
    note: Callable[[StatementMeta, Strings], str | None] | None = None
    """A remark set apart after the row ("former state (1922–1991)")."""


@dataclass(frozen=True)
class SearchFilter:
    """The facet as a Pagefind filter (data-pagefind-filter) on statement pages,
    and a group of the search page's filters."""

    label: str
    """Interface-string key of the filter group's heading on the search page."""
    order: int
    """Place of the group on the search page."""
    values: Callable[[StatementMeta, Strings], list[str]] | None = None
    """The filter's values; by default the labels of the statement's terms."""


@dataclass(frozen=True)
class Column:
    """A column of the data exports (JSON, JSON Lines, CSV) that a facet adds
    to the statement's own metadata fields."""

    name: str
    value: Callable[[StatementMeta], str | None]


@dataclass(frozen=True)
class NameLine:
    """One name a term has had: "Union of Soviet Socialist Republics (1922–1991)"
    and how many of the archive's texts bear it."""

    name: str
    years: str
    formal: str | None
    source: str
    texts: int
    first: int | None
    """Year of the first and last text bearing the name, if any."""
    last: int | None


@dataclass(frozen=True)
class TermHistory:
    """What a term's page says of its past: its names over time, and the terms
    of the same facet it continues or that continue it (predecessor and successor states)."""

    names: tuple[NameLine, ...]
    predecessors: tuple[Term, ...] = ()
    successors: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Facet:
    name: str
    """The facet's key: in `taxonomies:`, in interface-string keys
    (`panel.<name>`, `taxonomy.<name>.title`), as the Pagefind filter's name."""
    terms: TermsOf
    pages: str | None = None
    """URL folder of its index pages when the site lists no `taxonomies:`
    ("delegations" gives /delegations/ and /delegations/vnm/); None: no pages."""
    panel: PanelRow | None = None
    search: SearchFilter | None = None
    columns: tuple[Column, ...] = ()
    """Export columns it adds. The built-in facets add none: what they read is
    already a metadata field of the export (delegation, delegation_name, body…)."""
    feeds: bool = False
    """An Atom feed per term (feeds/<pages>/<term>.xml)."""
    downloads: bool = False
    """A CSV of each term's statements (data/<pages>/<term>.csv), linked from its page.
    Each statement is a row in the CSV of each of its terms: the years,
    delegations, bodies and sessions have one (a statement has one of each);
    topics, speakers, kinds and languages do not (a statement of six topics
    was six rows more: at 2,000 statements the topics' CSVs were 8.3 MB of a
    77 MB site). The whole archive is linked from every term's page."""
    term_note: Callable[[Term, Strings], str | None] | None = None
    """A remark under the heading of a term's page."""
    term_history: Callable[[Term, Sequence[StatementMeta]], TermHistory | None] | None = None
    """A term's past on its page, given the metadata of its statements."""
    strings: Mapping[str, Mapping[str, str]] = field(default_factory=dict, hash=False, compare=False)
    """Interface strings by language, for a facet whose keys are not in Podium's
    locales/ (e.g. {"en": {"panel.region": "Region", ...}})."""


def _year(m: StatementMeta, t: Strings) -> list[Term]:
    y = m.sort_date.year
    return [Term(str(y), str(y), (-y,))]


def _delegation(m: StatementMeta, t: Strings) -> list[Term]:
    """The delegation's term, labelled by its name of today (its page, the index,
    the order); a statement shows it by the name of the statement's date."""
    if not m.delegation:
        return []
    name = display.delegation(m.delegation)
    then = display.delegation_of(m)
    return [Term(m.delegation.lower(), name, (fold(name),), then if then != name else None)]


def _speaker(m: StatementMeta, t: Strings) -> list[Term]:
    if not m.speaker:
        return []
    return [named(m.speaker.name, (fold(m.speaker.name),))]


def _body(m: StatementMeta, t: Strings) -> list[Term]:
    """The body by its one name (model/bodies.py), whatever the file calls it."""
    if not m.event:
        return []
    name = display.body(m.event)
    return [named(name, (fold(name),))]


def _session(m: StatementMeta, t: Strings) -> list[Term]:
    """The session of the body by their one names: "79e session" of the
    "Assemblée générale" is the 79th session of the United Nations General Assembly."""
    if not m.event or not m.event.session:
        return []
    label = display.session(m.event)
    found = bodies.canonical_session(m.event.session)
    number = -found.number if found else 0
    start = -m.event.start.earliest().toordinal() if m.event.start else 0
    return [named(label, (fold(display.body(m.event)), number, start, label))]


def _topic(m: StatementMeta, t: Strings) -> list[Term]:
    return [named(t, (fold(t),)) for t in m.topics]


def _kind(m: StatementMeta, t: Strings) -> list[Term]:
    return [Term(m.kind.value, t(f"kind.{m.kind.value}"), (list(Kind).index(m.kind),))]


def _language(m: StatementMeta, t: Strings) -> list[Term]:
    name = t.language_name(m.language)
    return [Term(m.language.lower(), name, (fold(name), m.language))]


def _delegation_filter(m: StatementMeta, t: Strings) -> list[str]:
    """One filter value per delegation, by its name of today, as its page is
    named: by the name of each statement's date, the Soviet Union's speeches and
    the Russian Federation's were two values, and a chart of one left out the
    other (an outside tester: 11 of 15 statements missing on /delegations/rus/)."""
    return [f"{display.delegation(m.delegation)} ({m.delegation})"] if m.delegation else []


def _former(term: Term, t: Strings) -> str | None:
    return display.former(term.slug.upper(), t)


def _delegation_term(code: str) -> Term:
    name = display.delegation(code)
    return Term(code.lower(), name, (fold(name),))


def _delegation_history(term: Term, metas: Sequence[StatementMeta]) -> TermHistory | None:
    """A delegation's names by period (data/delegation-names.yaml), each with
    the years of the archive's texts that bear it, and its predecessor and
    successor states."""
    found = codes.delegation(term.slug.upper())
    if found is None or not (found.names or found.predecessors or found.successors):
        return None
    years: dict[codes.NamePeriod, list[int]] = {}
    for m in metas:
        when = display.on(m)
        period = found.period_on(when) if when is not None else None
        if period is not None:
            years.setdefault(period, []).append(m.sort_date.year)
    lines = tuple(NameLine(p.name, p.years, p.formal, p.source, len(years.get(p, [])),
                           min(years[p]) if p in years else None, max(years[p]) if p in years else None)
                  for p in found.names)
    return TermHistory(lines if len(lines) > 1 else (),
                       tuple(_delegation_term(c) for c in found.predecessors),
                       tuple(_delegation_term(c) for c in found.successors))


FACETS: tuple[Facet, ...] = (
    Facet("year", _year, pages="statements", downloads=True,
          search=SearchFilter("search.year", order=40)),
    Facet("delegation", _delegation, pages="delegations", feeds=True, downloads=True, term_note=_former,
          term_history=_delegation_history,
          panel=PanelRow(30, "panel.delegation", after=lambda m: f" ({m.delegation})",
                         note=display.delegation_note),
          search=SearchFilter("panel.delegation", order=20, values=_delegation_filter)),
    Facet("speaker", _speaker, pages="speakers",
          panel=PanelRow(20, "panel.speaker",
                         before=lambda m: f"{m.speaker.honorific} " if m.speaker and m.speaker.honorific
                         else "",
                         after=lambda m: f", {m.speaker.role}" if m.speaker and m.speaker.role else "")),
    Facet("body", _body, pages="bodies", downloads=True, panel=PanelRow(40, "panel.body"),
          search=SearchFilter("panel.body", order=30)),
    Facet("session", _session, pages="sessions", downloads=True, panel=PanelRow(50, "panel.session")),
    Facet("topic", _topic, pages="topics", panel=PanelRow(90, "panel.topics")),
    Facet("kind", _kind, pages="kinds", panel=PanelRow(10, "panel.kind"),
          search=SearchFilter("panel.kind", order=50)),
    Facet("language", _language, pages="languages",
          panel=PanelRow(80, "panel.language", after=lambda m: f" ({m.language})"),
          search=SearchFilter("panel.language", order=10)),
)
"""Podium's facets, in the order of their index pages."""


def by_name(facets: Sequence[Facet]) -> dict[str, Facet]:
    """The facets by name; ValueError if two share one."""
    named: dict[str, Facet] = {}
    for f in facets:
        if f.name in named:
            raise ValueError(f"two facets are named {f.name!r}: rename one")
        named[f.name] = f
    return named


def default_taxonomies(facets: Sequence[Facet]) -> tuple[TaxonomySpec, ...]:
    """The index pages of a site that lists no `taxonomies:`: each facet's own."""
    return tuple(TaxonomySpec(f.name, f.pages) for f in facets if f.pages)


DEFAULT_TAXONOMIES = default_taxonomies(FACETS)


def strings(facets: Sequence[Facet]) -> dict[str, dict[str, str]]:
    """The interface strings the facets bring, by language (for i18n.Strings)."""
    merged: dict[str, dict[str, str]] = {}
    for f in facets:
        for language, texts in f.strings.items():
            merged.setdefault(language, {}).update(texts)
    return merged
