"""Dates written out in a text, in the languages babel knows: "Thursday 3rd
October 2019", "12 mars 2019", "28 сентября 2024 года", "ngày 15/3/2015",
"2022年3月9日", "28.09.2024", ranges "27 – 29 November 2023".

Only a date with a year is a date: "14 августа" alone is left unread, since a
guessed year is a wrong value a person may not catch.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Literal

from babel.dates import get_month_names
from babel.localedata import locale_identifiers

_CONTEXTS: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")

ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
"""Japanese eras: the Gregorian year before each era's first ("令和元年" is 2019, "平成29年" 2017)."""


@cache
def month_names(language: str) -> dict[str, int]:
    """Month names and abbreviations, nominative and genitive, of a language and English."""
    out: dict[str, int] = {}
    for lang in dict.fromkeys(["en", language.replace("-", "_")]):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                try:
                    names = get_month_names(width, context=context, locale=lang)
                except Exception:  # an unknown locale: English alone
                    continue
                for num, name in names.items():
                    key = name.casefold().rstrip(".")
                    if len(key) >= 3 or lang == "en":
                        out[key] = num
    for num, name in {9: "sept"}.items():
        out.setdefault(name, num)
    # the same language as its regions write it: Levantine Arabic "أيلول", Peruvian "setiembre",
    # Austrian "Jänner" (full names, however short: "آب"; only those naming one month in the language)
    base = language.replace("-", "_").split("_")[0]
    regional: dict[str, int] = {}
    for ident in locale_identifiers():
        parts = ident.split("_")
        if parts[0] != base or len(parts) < 2 or any(len(x) == 4 for x in parts[1:]):
            continue  # another language, the language itself, or another script (en_Dsrt)
        for form in _CONTEXTS:
            for num, name in get_month_names("wide", context=form, locale=ident).items():
                key = name.casefold()
                if len(key) >= 2 and key not in out:
                    regional[key] = num if regional.get(key, num) == num else 0
    out.update({k: v for k, v in regional.items() if v})
    return out


HEAD_LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh", "de", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl",
                  "cs", "sk", "sl", "hr", "sr", "bg", "ro", "hu", "el", "et", "lv", "lt", "ga", "mt", "uk",
                  "be", "tr", "id", "ms", "vi", "ca", "is", "sq", "mk", "ka", "hy", "az", "kk")
"""Languages a head may be written in whatever the text's own (a Swedish dateline over an English
speech: "New York den 17 januari 2017"): those of the UN, the EU and their neighbours."""


@cache
def any_month_names() -> dict[str, int]:
    """Full month names of every language in HEAD_LANGUAGES that name one month only (four letters
    or more: abbreviations differ between languages; "listopad" is November in Polish and October
    in Croatian, so it is left out)."""
    out: dict[str, int] = {}
    ambiguous: set[str] = set()
    for lang in HEAD_LANGUAGES:
        for context in ("format", "stand-alone"):
            try:
                names = get_month_names("wide", context=context, locale=lang)
            except Exception:
                continue
            for num, name in names.items():
                key = name.casefold()
                if len(key) < 4:
                    continue
                if out.get(key, num) != num:
                    ambiguous.add(key)
                out.setdefault(key, num)
    return {k: v for k, v in out.items() if k not in ambiguous}


@cache
def _any_month_pattern() -> str:
    return "|".join(sorted((re.escape(m) for m in any_month_names()), key=len, reverse=True))


@cache
def _month_pattern(language: str) -> str:
    names = "|".join(sorted((re.escape(m) for m in month_names(language)), key=len, reverse=True))
    # a month named twice, in two calendars' names ("أيلول/سبتمبر", Levantine and Egyptian): one month
    return rf"(?:{names})(?:\s*/\s*(?:{names}))?"


def _date(y: str | int, m: str | int, d: str | int) -> dt.date | None:
    try:
        value = dt.date(int(y), int(m), int(d))
    except ValueError:
        return None
    return value if 1900 <= value.year <= 2100 else None


def find_dates(text: str, language: str = "en") -> tuple[dt.date | None, dt.date | None]:
    """The first date (or date range) written in a text, as (start, end)."""
    found = all_dates(text, language)
    return found[0][1:] if found else (None, None)


def all_dates(text: str, language: str = "en", any_language: bool = False
              ) -> list[tuple[int, dt.date, dt.date | None]]:
    """Every date or range in a text: (offset, start, end or None), in text order; with
    `any_language`, month names of every language in HEAD_LANGUAGES."""
    months = any_month_names() if any_language else month_names(language)
    month = _any_month_pattern() if any_language else _month_pattern(language)
    d = r"(\d{1,2})(?:er|st|nd|rd|th|º|°|-?го)?"
    y = r"(?:năm\s+)?(\d{4})"
    sep = r"\s*(?:[–—-]|to|au|al|đến|по)\s*"
    of = r"\s+(?:de\s+|d['’]\s*|del\s+|tháng\s+)?"
    found: list[tuple[int, dt.date, dt.date | None]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], start: dt.date | None, end: dt.date | None = None) -> None:
        if start is None or any(a <= m.start() < b for a, b in taken):
            return
        if end is not None and end < start:
            end = None
        taken.append(m.span())
        found.append((m.start(), start, end))

    def mon(name: str) -> int:
        return months[name.split("/")[0].strip().casefold().rstrip(".")]

    flags = re.IGNORECASE
    c = "[,،]?"  # a comma, an Arabic one too ("25 آب/أغسطس، 2020")
    for m in re.finditer(rf"(?<!\w){d}\.?{of}({month})\.?{sep}{d}\.?{of}({month})\.?{c}{of}{y}", text, flags):
        g = m.groups()
        add(m, _date(g[4], mon(g[1]), g[0]), _date(g[4], mon(g[3]), g[2]))
    for m in re.finditer(rf"(?<!\w){d}{sep}{d}\.?{of}({month})\.?{c}{of}{y}", text, flags):
        g = m.groups()
        add(m, _date(g[3], mon(g[2]), g[0]), _date(g[3], mon(g[2]), g[1]))
    for m in re.finditer(rf"(?<!\w){d}\.?{of}({month})\.?{c}{of}{y}(?!\d)", text, flags):
        g = m.groups()
        add(m, _date(g[2], mon(g[1]), g[0]))
    for m in re.finditer(rf"(?<!\w)({month})\.?\s+{d}(?:{sep}{d})?,?\s+{y}(?!\d)", text, flags):
        g = m.groups()
        start = _date(g[3], mon(g[0]), g[1])
        add(m, start, _date(g[3], mon(g[0]), g[2]) if g[2] else None)
    for m in re.finditer(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", text):
        add(m, _date(*m.groups()))
    for m in re.finditer(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", text):
        add(m, _date(*m.groups()))
    for m in re.finditer(r"(令和|平成|昭和)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", text):
        era, year = m.group(1), 1 if m.group(2) == "元" else int(m.group(2))
        add(m, _date(ERAS[era] + year, m.group(3), m.group(4)))  # 令和5年9月13日: the fifth year of Reiwa
    for m in re.finditer(r"(?<![\d./])(\d{4})[./](\d{1,2})[./](\d{1,2})(?![\d./])", text):
        add(m, _date(*m.groups()))  # year first ("2022.05.27"): never ambiguous
    for m in re.finditer(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])", text):
        add(m, _date(m.group(3), m.group(2), m.group(1)))
    for m in re.finditer(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])", text):
        first, second = int(m.group(1)), int(m.group(2))
        if language.startswith("en") and first <= 12 and second <= 12 and first != second:
            continue  # 03/04/2019 is March or April depending on the writer
        us = language.startswith("en") and first <= 12 < second
        day, month_ = (second, first) if us else (first, second)
        add(m, _date(m.group(3), month_, day))
    return sorted(found, key=lambda f: f[0])
