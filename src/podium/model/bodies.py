"""One body, one name: the bodies statements are made at, each with the
other ways files write it (data/bodies.yaml), and sessions written one way.

"General Assembly", "UNGA", "Assemblée générale" and "Генеральная Ассамблея"
are one body, "United Nations General Assembly"; "Seventy-ninth session",
"79e session" and "79th session" are one session. The site keys its body and
session pages by these (site/facets.py); the importer can ask the same.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from podium.model import codes

BODIES_FILE = "data/bodies.yaml"


@dataclass(frozen=True)
class Season:
    """When in a year a body's statements are made: (month, day) to (month, day)."""

    start: tuple[int, int]
    end: tuple[int, int]
    source: str


@dataclass(frozen=True)
class Body:
    key: str
    """Its key in data/bodies.yaml: "UNGA"."""
    name: str
    """The English name pages show."""
    aliases: tuple[str, ...]
    source: str
    season: Season | None = None


@dataclass(frozen=True)
class Session:
    """A numbered session: regular, special or emergency special."""

    number: int
    kind: str = ""
    """"", "special" or "emergency special"."""
    word: str = "session"
    """"session" or "Session": the English word as a file capitalises it."""

    @property
    def label(self) -> str:
        """"79th session", "10th emergency special session"."""
        kind = f"{self.kind} " if self.kind else ""
        return f"{ordinal(self.number)} {kind}{self.word}"


def _key(text: str) -> str:
    """What matching compares: "The U.N.  General Assembly" and "un general assembly" agree."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("ё", "е")
    text = re.sub(r"(?<=\w)\.(?=\w|\s|$)", "", text)  # U.N. → UN
    text = " ".join(text.split()).strip(" .,;:")
    return text.removeprefix("the ")


@cache
def registry() -> dict[str, Body]:
    """Every body's name and aliases, by the key matching compares. An alias
    given to two bodies fails, naming both: one text must mean one body."""
    raw: dict[str, dict[str, object]] = yaml.safe_load(
        files("podium").joinpath(BODIES_FILE).read_text(encoding="utf-8"))
    found: dict[str, Body] = {}
    for key, entry in raw.items():
        aliases_by_language = entry.get("aliases") or {}
        if not entry.get("name") or not entry.get("source") or not isinstance(aliases_by_language, dict):
            raise ValueError(f"{BODIES_FILE}: {key}: write name, aliases (by language) and source")
        aliases = [str(a) for names in aliases_by_language.values() for a in names]
        body = Body(str(key), str(entry["name"]), tuple(aliases), str(entry["source"]),
                    _season(key, entry.get("season")))
        for text in (body.name, *aliases):
            other = found.setdefault(_key(text), body)
            if other.key != body.key:
                raise ValueError(f"{BODIES_FILE}: {key}: alias {text!r} is also {other.key}'s: "
                                 f"keep it in one of them")
    return found


def _season(key: str, raw: object) -> Season | None:
    if raw is None:
        return None
    where = f"{BODIES_FILE}: {key}: season"
    if not isinstance(raw, dict) or not raw.get("source"):
        raise ValueError(f"{where}: write from: MM-DD, to: MM-DD and source")
    try:
        start, end = (tuple(int(x) for x in str(raw[k]).split("-")) for k in ("from", "to"))
        for month_day in (start, end):
            dt.date(2000, *month_day)  # a month and day that exist (2000: 29 February too)
    except (KeyError, TypeError, ValueError):
        raise ValueError(f"{where}: write from: MM-DD, to: MM-DD (e.g. 09-01)") from None
    if len(start) != 2 or len(end) != 2 or end < start:
        raise ValueError(f"{where}: from and to are MM-DD, to after from")
    return Season((start[0], start[1]), (end[0], end[1]), str(raw["source"]))


def in_season(body: str | None, when: codes.When) -> codes.When:
    """A date that is a whole year, read within the body's season when it has
    one: a General Assembly statement of 1991 as one of September–October 1991.
    Only to choose a delegation's name in a year it changed (codes.display_name);
    never shown as a date. Anything else is returned as it is."""
    found = canonical_body(body) if body else None
    if found is None or found.season is None:
        return when
    first, last = codes.span(when)
    if (first.month, first.day, last.month, last.day) != (1, 1, 12, 31) or first.year != last.year:
        return when
    season = found.season
    return (dt.date(first.year, *season.start), dt.date(first.year, *season.end))


@cache  # asked for every statement, by several facets
def canonical_body(text: str) -> Body | None:
    """The body `text` names, or None when the registry does not know it."""
    return registry().get(_key(text))


_SESSION_WORD = re.compile(
    r"session|sesión|sesion|período de sesiones|periodo de sesiones|сессия|届会议|届会|الدورة", re.IGNORECASE)
_EMERGENCY = re.compile(r"emergency|d'urgence|de emergencia|чрезвычайная|紧急|الطارئة", re.IGNORECASE)
_SPECIAL = re.compile(r"special|extraordinaire|extraordinari[oa]|специальная|特别|الاستثنائية", re.IGNORECASE)
_NUMBER = re.compile(r"(?<!\d)(\d{1,3})(?:st|nd|rd|th|ème|eme|e|è|er|re|\.?ª|\.?º|-?[яй]|-ая)?(?!\w)",
                     re.IGNORECASE)
_FILLER = re.compile(r"\b(?:the|regular|ordinary|ordinaire|ordinari[oa]|очередная)\b|第|[\s.,:;()-]+",
                     re.IGNORECASE)
_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TENTHS = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
           "eightieth", "ninetieth"]


def _ordinal_word(n: int) -> str:
    """1 → "first", 79 → "seventy-ninth", 120 → "one hundred and twentieth" (1–199)."""
    if n >= 100:
        rest = n - 100
        return "one hundredth" if rest == 0 else f"one hundred and {_ordinal_word(rest)}"
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENTHS[tens] if unit == 0 else f"{_TENS[tens]}-{_UNITS[unit]}"


@cache
def _ordinal_words() -> list[tuple[re.Pattern[str], int]]:
    """English ordinal words, longest first (so "seventy-ninth" is not read as "ninth")."""
    words = sorted(((_ordinal_word(n), n) for n in range(1, 200)), key=lambda w: -len(w[0]))
    return [(re.compile(r"\b" + "[- ]".join(map(re.escape, re.split(r"[- ]", w))) + r"\b", re.IGNORECASE), n)
            for w, n in words]


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 11th, 79th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@cache
def canonical_session(text: str) -> Session | None:
    """The session `text` names, or None when it is not a numbered session and
    nothing else: "Seventy-ninth session", "79e session", "79.ª sesión",
    "79-я сессия", "第79届会议" and "Session 79" are the 79th session; special
    and emergency special sessions stay apart from regular ones."""
    rest, found = _SESSION_WORD.subn(" ", text)
    if not found:
        return None
    rest, emergency = _EMERGENCY.subn(" ", rest)
    rest, special = _SPECIAL.subn(" ", rest)
    kind = "emergency special" if emergency else "special" if special else ""
    number = 0
    if digits := _NUMBER.search(rest):
        number = int(digits.group(1))
        rest = rest[:digits.start()] + " " + rest[digits.end():]
    else:
        for pattern, n in _ordinal_words():
            if pattern.search(rest):
                number, rest = n, pattern.sub(" ", rest, count=1)
                break
    if number <= 0 or _FILLER.sub("", rest):
        return None  # more than a session's number: "Session on Sudan 2", a name, a payload
    word = "Session" if re.search(r"\bSession\b", text) else "session"
    return Session(number, kind, word)
