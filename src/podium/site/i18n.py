"""Podium's own interface strings and locale-aware dates and names.

Catalogues are YAML files in locales/ (en, fr, vi), chosen by the site's
`theme.language`; a key missing from one falls back to English. Dates use
babel's CLDR data, so each language writes them its own way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_skeleton

from podium.model.dates import PartialDate, Precision

FALLBACK = "en"


@cache
def _catalogue(language: str) -> dict[str, str]:
    path = files("podium").joinpath(f"locales/{language}.yaml")
    if not path.is_file():
        return {}
    data: dict[str, str] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def available() -> list[str]:
    """Languages with a catalogue."""
    return sorted(p.name.removesuffix(".yaml") for p in files("podium").joinpath("locales").iterdir()
                  if p.name.endswith(".yaml"))


@cache
def locale(tag: str) -> Locale:
    """The babel locale for a BCP 47 tag; English is written day-month-year (UN usage)."""
    if tag.split("-")[0].lower() == "en":
        return Locale.parse("en_GB")
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        try:
            return Locale.parse(tag.split("-")[0])
        except (UnknownLocaleError, ValueError):
            return Locale.parse("en_GB")


@dataclass(frozen=True)
class Strings:
    """The interface strings of one language: `t("panel.speaker")`."""

    language: str
    extra: Mapping[str, Mapping[str, str]] = field(default_factory=dict, hash=False, compare=False)
    """More strings by language, after the catalogue's: those of a facet declared
    outside the package (podium.site.facets.Facet.strings)."""

    def __call__(self, key: str, **values: object) -> str:
        primary = self.language.split("-")[0].lower()
        text = (_catalogue(primary).get(key) or self.extra.get(primary, {}).get(key)
                or _catalogue(FALLBACK).get(key) or self.extra.get(FALLBACK, {}).get(key))
        if text is None:
            raise KeyError(f"no interface string {key!r}")
        return text.format(**values)

    def count(self, key: str, n: int) -> str:
        """'1 text', '2 texts': the plural form the language uses for n."""
        form = locale(self.language).plural_form(n)
        try:
            return self(f"{key}.{form}", n=n)
        except KeyError:
            return self(f"{key}.other", n=n)

    def language_name(self, tag: str) -> str:
        """A language's name in this interface language: 'French', 'français'."""
        loc = locale(self.language)
        primary = tag.split("-")[0].lower()
        return str(loc.languages.get(tag.replace("-", "_")) or loc.languages.get(primary) or tag)


def autonym(tag: str) -> str:
    """A language's name in itself: 'français', 'Tiếng Việt'."""
    name = locale(tag).language_name or tag
    return name[0].upper() + name[1:] if tag.split("-")[0] in {"fr", "es", "pt", "it"} else name


SKELETONS = {Precision.YEAR: "y", Precision.MONTH: "yMMMM"}
"""CLDR skeletons of a date without its day: "1960", "September 1960", "septembre 1960"."""


@cache  # Babel takes ~40 µs a date, and each date is shown on many pages
def date(d: PartialDate, language: str) -> str:
    """At the date's own precision: 1960 · September 1960 · 2 December 2023 ·
    2 décembre 2023 · 2 tháng 12, 2023. Babel is given the period's first day
    only to name its year and month; the skeleton prints nothing finer."""
    loc = locale(language)
    if d.precision is Precision.DAY:
        return str(format_date(d.earliest(), "long", locale=loc))
    return str(format_skeleton(SKELETONS[d.precision], d.earliest(), locale=loc))


@cache
def date_range(start: PartialDate, end: PartialDate | None, language: str) -> str:
    """27–29 November 2023, September – December 1960, 1960–1961: the language's own
    interval form when both ends have one precision; else both dates in full."""
    if end is None or end == start:
        return date(start, language)
    if start.precision is not end.precision:
        return f"{date(start, language)} – {date(end, language)}"
    if start.precision is not Precision.DAY:
        return str(format_interval(start.earliest(), end.earliest(), SKELETONS[start.precision],
                                   locale=locale(language)))
    first, last_day = start.earliest(), end.earliest()
    if (first.year, first.month) == (last_day.year, last_day.month):
        last = date(end, language)
        day = re.compile(rf"(?<!\d){last_day.day}(?!\d)")
        if len(day.findall(last)) == 1:
            return day.sub(f"{first.day}–{last_day.day}", last)
    return f"{date(start, language)} – {date(end, language)}"
