"""How statement metadata reads on a page: speakers, sessions, delegations,
who is behind a text, and its date. Pure functions of the metadata, so every
page says it the same way.
"""

from __future__ import annotations

import itertools

from podium.model import bodies, codes
from podium.model.dates import PartialDate
from podium.model.schema import Event, Speaker, StatementMeta
from podium.site import i18n
from podium.site.i18n import Strings


def when(meta: StatementMeta, language: str) -> str:
    """The statement's own date, or its event's dates when that is all we know."""
    if meta.date is not None:
        return i18n.date(meta.date, language)
    assert meta.event is not None and meta.event.start is not None
    return i18n.date_range(meta.event.start, meta.event.end, language)


def speaker(sp: Speaker) -> str:
    """H.E. Dr. Le Thi Tuyet Mai"""
    return f"{sp.honorific} {sp.name}" if sp.honorific else sp.name


def body(event: Event) -> str:
    """The body's one name, whatever the file calls it (model/bodies.py):
    "UNGA" and "Assemblée générale" read "United Nations General Assembly"."""
    found = bodies.canonical_body(event.body)
    return found.name if found else event.body


def session_name(event: Event) -> str | None:
    """The session in one form: "Seventy-ninth session" and "79e session" read "79th session"."""
    if not event.session:
        return None
    found = bodies.canonical_session(event.session)
    return found.label if found else event.session


def session(event: Event) -> str:
    """IOM Council, 114th session"""
    name = session_name(event)
    return f"{body(event)}, {name}" if name else body(event)


def stated(meta: StatementMeta) -> codes.When | None:
    """The statement's date, or its event's, at the precision given."""
    if meta.date is not None:
        return meta.date
    if meta.event is not None and meta.event.start is not None:
        return (meta.event.start, meta.event.end or meta.event.start)
    return None


def on(meta: StatementMeta) -> codes.When | None:
    """The date a statement's delegation is named on: `stated`, where a whole
    year at a body with a known season (the General Assembly's
    September–October) is read within that season."""
    when = stated(meta)
    if when is None:
        return None
    return bodies.in_season(meta.event.body if meta.event else None, when)


def delegation(code: str, when: codes.When | None = None) -> str:
    """The delegation's name on `when` (codes.display_name); today's without one."""
    return codes.display_name(code, when)


def delegation_of(meta: StatementMeta) -> str | None:
    """The statement's delegation by the name it had on the statement's date."""
    return delegation(meta.delegation, on(meta)) if meta.delegation else None


def former(code: str, t: Strings) -> str | None:
    """"former state (1922–1991), no longer exists" for a delegation that is a
    state no longer in existence (ISO 3166-3), else None."""
    found = codes.delegation(code)
    if found is None or not found.former:
        return None
    return t("delegation.former_years", years=found.years) if found.years else t("delegation.former")


def renamed(meta: StatementMeta, t: Strings) -> str | None:
    """The other name a delegation had within the statement's date (a year given
    alone), with the day of the change: "named Russian Federation from 24
    December 1991" beside the USSR, "named Ukrainian Soviet Socialist Republic
    until 24 August 1991" beside Ukraine."""
    found = codes.delegation(meta.delegation) if meta.delegation else None
    when = stated(meta)
    if found is None or when is None:
        return None
    periods = found.periods_during(when)
    shown = found.period_on(on(meta))
    notes = []
    for before, after in itertools.pairwise(periods):
        if before.name == after.name or not after.start_given:
            continue
        date = _given(after.start_given, t.language)
        if shown is not None and found.names.index(shown) >= found.names.index(after):
            notes.append(t("delegation.renamed_until", name=before.name, date=date))
        else:
            notes.append(t("delegation.renamed", name=after.name, date=date))
    return "; ".join(notes) or None


def _given(iso: str, language: str) -> str:
    """A table date at the precision it is written: "24 December 1991", "July 2016", "1975"."""
    return i18n.date(PartialDate.parse(iso), language)


def delegation_note(meta: StatementMeta, t: Strings) -> str | None:
    """The remark after a statement's delegation: a former state, a name changed that year."""
    if not meta.delegation:
        return None
    notes = [n for n in (former(meta.delegation, t), renamed(meta, t)) if n]
    return "; ".join(notes) or None


def byline(meta: StatementMeta) -> str:
    """Who is behind a text, in one phrase: the speaker and delegation, else the publisher."""
    parts = []
    if meta.speaker:
        parts.append(speaker(meta.speaker))
    if meta.delegation:
        parts.append(delegation(meta.delegation, on(meta)))
    if not parts and meta.source and meta.source.publisher:
        parts.append(meta.source.publisher)
    return ", ".join(parts)
