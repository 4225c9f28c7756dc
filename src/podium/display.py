"""How statement metadata reads on a page: dates, date ranges, speakers,
sessions. Pure functions of the metadata, so every page says it the same way.
"""

from __future__ import annotations

import datetime as dt

from podium import codes
from podium.schema import Event, Speaker, StatementMeta

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)


def date(d: dt.date) -> str:
    """2 December 2023"""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_range(start: dt.date, end: dt.date | None) -> str:
    """27–29 November 2023; 30 November – 2 December 2023; a single day if no end."""
    if end is None or end == start:
        return date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {date(end)}"
    return f"{date(start)} – {date(end)}"


def when(meta: StatementMeta) -> str:
    """The statement's own date, or its event's dates when that is all we know."""
    if meta.date is not None:
        return date(meta.date)
    assert meta.event is not None and meta.event.start is not None
    return date_range(meta.event.start, meta.event.end)


def speaker(sp: Speaker) -> str:
    """H.E. Dr. Le Thi Tuyet Mai"""
    return f"{sp.honorific} {sp.name}" if sp.honorific else sp.name


def session(event: Event) -> str:
    """IOM Council, 114th Session"""
    return f"{event.body}, {event.session}" if event.session else event.body


def delegation(code: str) -> str:
    found = codes.delegation(code)
    return found.name if found else code


def language(tag: str) -> str:
    return codes.language_name(tag) or tag


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
