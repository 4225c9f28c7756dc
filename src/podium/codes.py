"""Look up the codes a statement uses: delegations (ISO 3166-1 alpha-3 or an
organisation code) and languages (BCP 47), and give their display names.

Display names are derived here, never typed into front matter, so one code
always reads the same across the whole site.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import pycountry
import yaml

BCP47 = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Delegation:
    code: str
    name: str
    is_country: bool


@cache
def organisations() -> dict[str, str]:
    """Organisation codes shipped with Podium (data/organisations.yaml)."""
    text = files("podium").joinpath("data/organisations.yaml").read_text(encoding="utf-8")
    data: dict[str, str] = yaml.safe_load(text)
    return data


@cache  # asked for on every page that names a delegation
def delegation(code: str) -> Delegation | None:
    """The delegation for `code`, or None when the code is unknown."""
    if code in organisations():
        return Delegation(code, organisations()[code], is_country=False)
    if len(code) == 3 and code.isupper():
        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            return Delegation(code, un_style(country.name), is_country=True)
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
    """Codes a mistyped delegation may have meant (for error hints)."""
    text = code.strip()
    hits: list[str] = []
    if len(text) == 2:
        country = pycountry.countries.get(alpha_2=text.upper())
        if country is not None:
            hits.append(country.alpha_3)
    if len(text) == 3 and pycountry.countries.get(alpha_3=text.upper()) is not None:
        hits.append(text.upper())
    if not hits:
        with contextlib.suppress(LookupError):
            hits.extend(c.alpha_3 for c in pycountry.countries.search_fuzzy(text)[:3])
    return hits


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
