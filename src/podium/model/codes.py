"""Look up the codes a statement uses: delegations (ISO 3166-1 alpha-3 or an
organisation code) and languages (BCP 47), and give their display names.

Display names are derived here, never typed into front matter, so one code
always reads the same across the whole site.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import pycountry
import yaml


@dataclass(frozen=True)
class Delegation:
    """Who speaks: a state (ISO 3166-1 alpha-3, or ISO 3166-3 when former) or an organisation."""

    code: str
    name: str
    """The English short name, as the UN lists it."""
    is_country: bool
    former: bool = False
    """A state that no longer exists (ISO 3166-3: SUN, YUG, CSK, DDR, YMD…)."""
    years: str | None = None
    """When a former state existed, where known: "1922–1991"."""


@cache
def organisations() -> dict[str, str]:
    """Organisation codes shipped with Podium (data/organisations.yaml)."""
    text = files("podium").joinpath("data/organisations.yaml").read_text(encoding="utf-8")
    data: dict[str, str] = yaml.safe_load(text)
    return data


@cache
def former_states() -> dict[str, Delegation]:
    """ISO 3166-3 codes of former states, named as UN documents name them
    (data/former_states.yaml) or else by ISO 3166-3."""
    text = files("podium").joinpath("data/former_states.yaml").read_text(encoding="utf-8")
    curated: dict[str, dict[str, str]] = yaml.safe_load(text)
    found: dict[str, Delegation] = {}
    for state in pycountry.historic_countries:
        code = state.alpha_3
        if pycountry.countries.get(alpha_3=code) is not None:
            continue  # reused for a current country
        entry = curated.get(code, {})
        name = entry.get("name") or un_style(state.name)
        found[code] = Delegation(code, name, is_country=True, former=True, years=entry.get("years"))
    return found


@cache  # asked for on every page that names a delegation
def delegation(code: str) -> Delegation | None:
    """The delegation for `code`, or None when the code is unknown."""
    if code in organisations():
        return Delegation(code, organisations()[code], is_country=False)
    if len(code) == 3 and code.isupper():
        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            return Delegation(code, un_style(country.name), is_country=True)
        return former_states().get(code)
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
