"""Look up the codes a statement uses: delegations (ISO 3166-1 alpha-3 or an
organisation code) and languages (BCP 47), and give their display names.

Display names are derived here, never typed into front matter, so one code
always reads the same across the whole site.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Protocol

import pycountry
import yaml


@dataclass(frozen=True)
class NamePeriod:
    """One name of a delegation and when it was in force (data/delegation-names.yaml)."""

    name: str
    """The short name the UN used in the period: what pages show."""
    start: dt.date | None
    """First day in force; None: since before any statement."""
    end: dt.date | None
    """The day the next name took over (exclusive); None: still in force."""
    source: str
    formal: str | None = None
    """The formal name, where it tells periods of one short name apart."""
    start_given: str | None = None
    """`start` as the table gives it (YYYY, YYYY-MM or YYYY-MM-DD): its precision."""

    @property
    def years(self) -> str:
        """"1922–1991", "1991–", "–2022": the years the name was in force."""
        first = str(self.start.year) if self.start else ""
        last = str((self.end - dt.timedelta(days=1)).year) if self.end else ""
        return f"{first}–{last}"

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Delegation:
    """Who speaks: a state (ISO 3166-1 alpha-3, or ISO 3166-3 when former) or an organisation."""

    code: str
    name: str
    """The English short name, as the UN lists it: today's, or a former state's own."""
    is_country: bool
    former: bool = False
    """A state that no longer exists (ISO 3166-3: SUN, YUG, CSK, DDR, YMD…)."""
    names: tuple[NamePeriod, ...] = ()
    """Its names over time, oldest first; empty when it has had one name."""
    predecessors: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()

    @property
    def years(self) -> str | None:
        """When a former state existed, from its names: "1922–1991"."""
        if not self.former or not self.names:
            return None
        first, last = self.names[0], self.names[-1]
        return f"{first.years.split('–')[0]}–{last.years.split('–')[1]}"

    def name_on(self, on: When | None) -> str:
        """The name in force on `on` (see `display_name`)."""
        period = self.period_on(on)
        return period.name if period else self.name

    def period_on(self, on: When | None) -> NamePeriod | None:
        """The period whose name a statement of `on` takes: the one in force on
        the middle day of `on` (a year's 2 July); before the first period the
        first, after the last or in a gap the one before."""
        if on is None or not self.names:
            return None
        first, last = span(on)
        middle = first + (last - first) / 2
        chosen = self.names[0]
        for period in self.names:
            if period.start is None or period.start <= middle:
                chosen = period
        return chosen

    def periods_during(self, on: When) -> list[NamePeriod]:
        """The periods in force at some day of `on`, oldest first."""
        first, last = span(on)
        return [p for p in self.names
                if (p.start is None or p.start <= last) and (p.end is None or first < p.end)]


class Dated(Protocol):
    """A date of any precision: `datetime.date`, or a partial date whose month
    and day may be None (podium.model.dates.PartialDate)."""

    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int | None: ...
    @property
    def day(self) -> int | None: ...


When = dt.date | int | str | Dated | tuple[Any, Any]
"""A day, a year (1960, "1960"), a month ("1960-09"), a partial date, or a
(first, last) pair of those for a range."""

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def span(on: When) -> tuple[dt.date, dt.date]:
    """The first and last day `on` may be: 1960 is 1 January–31 December 1960."""
    if isinstance(on, tuple):
        return span(on[0])[0], span(on[1] if on[1] is not None else on[0])[1]
    if isinstance(on, dt.date):
        return on, on
    if isinstance(on, bool):
        raise TypeError(f"{on!r} is not a date")
    month: int | None
    day: int | None
    if isinstance(on, int):
        year, month, day = on, None, None
    elif isinstance(on, str):
        m = _ISO.match(on.strip())
        if m is None:
            raise ValueError(f"{on!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(m.group(1))
        month, day = (int(g) if g else None for g in m.groups()[1:])
    else:
        year, month, day = on.year, on.month, on.day
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day), dt.date(year, month, day)


def display_name(code: str, on: When | None = None) -> str:
    """The delegation's name on a date: `display_name("RUS", on=1960)` is "Union
    of Soviet Socialist Republics", `display_name("RUS")` is today's. A date
    given as a year or month reads as its middle day, so a year in which the
    name changed takes the name in force for most of that year (USSR for 1991,
    Eswatini for 2018); an unknown code is returned as it is."""
    found = delegation(code)
    return found.name_on(on) if found else code


@dataclass(frozen=True)
class History:
    """A code's entry in data/delegation-names.yaml."""

    names: tuple[NamePeriod, ...]
    label: str | None = None
    predecessors: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()


NAMES_FILE = "data/delegation-names.yaml"
_ENTRY_KEYS = {"label", "names", "predecessors", "successors"}
_PERIOD_KEYS = {"name", "formal", "from", "to", "source"}


def _day(value: object, where: str) -> dt.date:
    """A table date (YYYY, YYYY-MM or YYYY-MM-DD) as its first day."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    try:
        return span(text)[0]
    except ValueError as err:
        raise ValueError(f"{NAMES_FILE}: {where}: {err}") from None


@cache
def name_table() -> dict[str, History]:
    """The names of delegations over time, with their sources (data/delegation-names.yaml);
    a malformed entry fails naming the code, the field and what to write."""
    text = files("podium").joinpath(NAMES_FILE).read_text(encoding="utf-8")
    raw: dict[str, dict[str, Any]] = yaml.safe_load(text)
    table: dict[str, History] = {}
    for code, entry in raw.items():
        if not isinstance(entry, dict) or not entry.get("names") or set(entry) - _ENTRY_KEYS:
            found = sorted(entry) if isinstance(entry, dict) else entry
            raise ValueError(f"{NAMES_FILE}: {code}: write label (optional), names (a list), "
                             f"predecessors, successors; found {found!r}")
        periods: list[NamePeriod] = []
        for i, item in enumerate(entry["names"]):
            where = f"{code}: names[{i}]"
            if (not isinstance(item, dict) or set(item) - _PERIOD_KEYS
                    or not item.get("name") or not item.get("source")):
                raise ValueError(f"{NAMES_FILE}: {where}: each name needs name and source "
                                 f"(and from, to, formal where known)")
            start = _day(item["from"], f"{where}.from") if item.get("from") is not None else None
            end = _day(item["to"], f"{where}.to") if item.get("to") is not None else None
            if start and end and end <= start:
                raise ValueError(f"{NAMES_FILE}: {where}.to: {end} is not after from {start}")
            if periods and (periods[-1].end is None or start is None or start < periods[-1].end):
                raise ValueError(f"{NAMES_FILE}: {where}.from: overlaps names[{i - 1}]; periods go "
                                 f"oldest first, each from on or after the one before ends")
            given = item.get("from")
            periods.append(NamePeriod(str(item["name"]), start, end, str(item["source"]), item.get("formal"),
                                      given.isoformat() if isinstance(given, dt.date) else
                                      None if given is None else str(given)))
        table[code] = History(tuple(periods), entry.get("label"), tuple(entry.get("predecessors", ())),
                              tuple(entry.get("successors", ())))
    for code, history in table.items():
        for other in (*history.predecessors, *history.successors):
            if other not in table and pycountry.countries.get(alpha_3=other) is None:
                raise ValueError(f"{NAMES_FILE}: {code}: {other!r} is neither in the table "
                                 f"nor an ISO 3166-1 code")
    return table


@cache
def organisations() -> dict[str, str]:
    """Organisation codes shipped with Podium (data/organisations.yaml)."""
    text = files("podium").joinpath("data/organisations.yaml").read_text(encoding="utf-8")
    data: dict[str, str] = yaml.safe_load(text)
    return data


def _country(code: str, iso_name: str, former: bool) -> Delegation:
    history = name_table().get(code)
    if history is None:
        return Delegation(code, iso_name, is_country=True, former=former)
    name = history.label or (history.names[-1].name if former else iso_name)
    return Delegation(code, name, is_country=True, former=former, names=history.names,
                      predecessors=history.predecessors, successors=history.successors)


@cache
def former_states() -> dict[str, Delegation]:
    """ISO 3166-3 codes of former states not reused for a current country, named
    as UN documents name them (data/delegation-names.yaml) or else by ISO 3166-3."""
    found: dict[str, Delegation] = {}
    for state in pycountry.historic_countries:
        code = state.alpha_3
        if pycountry.countries.get(alpha_3=code) is None:
            found[code] = _country(code, un_style(state.name), former=True)
    return found


@cache  # asked for on every page that names a delegation
def delegation(code: str) -> Delegation | None:
    """The delegation for `code`, or None when the code is unknown."""
    if len(code) == 3 and code.isupper():
        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            return _country(code, un_style(country.name), former=False)
        if code in former_states():
            return former_states()[code]
    if code in organisations():
        return Delegation(code, organisations()[code], is_country=False)
    return None


def un_style(iso_name: str) -> str:
    """ISO 3166 short names in the word order UN documents use:
    "Korea, Republic of" → "Republic of Korea";
    "Bolivia, Plurinational State of" → "Bolivia (Plurinational State of)"."""
    head, sep, tail = iso_name.partition(", ")
    if not sep or not tail.endswith((" of", " of the")):
        return iso_name
    if tail.startswith(("Republic", "United Republic", "Democratic", "State", "The Democratic")):
        tail = tail.removeprefix("The ")
        return f"{tail[0].upper()}{tail[1:]} {head}"
    return f"{head} ({tail})"


def close_delegation_codes(code: str) -> list[str]:
    """Codes a mistyped delegation may have meant (for error hints): the same
    code in another case or as alpha-2, a code one letter away, or a delegation
    whose name is close to what was written. Never an unrelated country: a
    code three letters off, or a name that only shares a word, is no hint."""
    text = code.strip()
    upper = text.upper()
    known = {c.alpha_3: un_style(c.name) for c in pycountry.countries}
    known.update({k: d.name for k, d in former_states().items()})
    known.update(organisations())
    by_upper = {k.upper(): k for k in known}
    if upper in by_upper:
        return [by_upper[upper]]
    if len(text) == 2:
        country = pycountry.countries.get(alpha_2=upper)
        if country is not None:
            return [country.alpha_3]
    if len(text) == 3 and text.isalpha():
        # One letter changed (UGA for UGX), in the same place: a typo, not a guess.
        near = sorted(k for k in known
                      if len(k) == 3 and sum(a != b for a, b in zip(k, upper, strict=True)) == 1)
        if 0 < len(near) <= 3:
            return near
        return []
    names = {name.casefold(): k for k, name in known.items()}
    names.update({c.name.casefold(): c.alpha_3 for c in pycountry.countries})
    for c in pycountry.countries:
        if hasattr(c, "common_name"):
            names[c.common_name.casefold()] = c.alpha_3
    for k, history in name_table().items():  # names of the past: "Swaziland", "Turkey", "Burma"
        for period in history.names:
            names.setdefault(period.name.casefold(), k)
    close = difflib.get_close_matches(text.casefold(), list(names), n=3, cutoff=0.8)
    return list(dict.fromkeys(names[n] for n in close))



BCP47 = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
"""A language tag's shape: `en`, `fr-CA`, `zh-Hant`."""


def language_name(tag: str) -> str | None:
    """English name of a BCP 47 tag's primary language, or None if unknown."""
    if not BCP47.match(tag):
        return None
    primary = tag.split("-")[0].lower()
    lang = (
        pycountry.languages.get(alpha_2=primary)
        if len(primary) == 2
        else pycountry.languages.get(alpha_3=primary)
    )
    if lang is None:
        return None
    return str(lang.name)
