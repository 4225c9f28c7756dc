"""How statement metadata reads on a page: speakers, sessions, delegations,
who is behind a text, and its date. Pure functions of the metadata, so every
page says it the same way.
"""

from __future__ import annotations

from podium.model import codes
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


def session(event: Event) -> str:
    """IOM Council, 114th Session"""
    return f"{event.body}, {event.session}" if event.session else event.body


def delegation(code: str) -> str:
    found = codes.delegation(code)
    return found.name if found else code


def former(code: str, t: Strings) -> str | None:
    """"former state (1922–1991), no longer exists" for a delegation that is a
    state no longer in existence (ISO 3166-3), else None."""
    found = codes.delegation(code)
    if found is None or not found.former:
        return None
    return t("delegation.former_years", years=found.years) if found.years else t("delegation.former")


def byline(meta: StatementMeta) -> str:
    """Who is behind a text, in one phrase: the speaker and delegation, else the publisher."""
    parts = []
    if meta.speaker:
        parts.append(speaker(meta.speaker))
    if meta.delegation:
        parts.append(delegation(meta.delegation))
    if not parts and meta.source and meta.source.publisher:
        parts.append(meta.source.publisher)
    return ", ".join(parts)
