"""Delegations: country names (babel's territory names in the text's language
and English, pycountry's official names), English adjectives, common short
forms, and organisations (data/organisations.yaml) → ISO 3166-1 alpha-3 or
an organisation code.

Where a text names a country only as the subject of a talk ("on Ukraine",
"về Ukraine") or lists countries a speaker speaks for, the country is not the
delegation: those mentions are skipped, and a list yields nothing.
"""

from __future__ import annotations

import gettext
import re
from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError

from podium import codes

ADJECTIVES = {
    "vietnamese": "VNM", "french": "FRA", "chinese": "CHN", "american": "USA", "british": "GBR",
    "russian": "RUS", "german": "DEU", "japanese": "JPN", "indian": "IND", "brazilian": "BRA",
    "mexican": "MEX", "spanish": "ESP", "italian": "ITA", "canadian": "CAN", "australian": "AUS",
    "south korean": "KOR", "north korean": "PRK", "indonesian": "IDN", "thai": "THA", "filipino": "PHL",
    "malaysian": "MYS", "singaporean": "SGP", "cambodian": "KHM", "laotian": "LAO",
    "egyptian": "EGY", "nigerian": "NGA", "kenyan": "KEN", "south african": "ZAF", "turkish": "TUR",
    "iranian": "IRN", "pakistani": "PAK", "bangladeshi": "BGD", "argentine": "ARG", "chilean": "CHL",
    "colombian": "COL", "peruvian": "PER", "cuban": "CUB", "swiss": "CHE", "swedish": "SWE",
    "norwegian": "NOR", "dutch": "NLD", "belgian": "BEL", "polish": "POL", "ukrainian": "UKR",
    "sri lankan": "LKA", "ethiopian": "ETH", "moroccan": "MAR", "algerian": "DZA", "saudi": "SAU",
    "israeli": "ISR", "palestinian": "PSE", "syrian": "SYR", "iraqi": "IRQ", "afghan": "AFG",
    "belarusian": "BLR", "kazakh": "KAZ", "venezuelan": "VEN", "bolivian": "BOL", "ghanaian": "GHA",
    "français": "FRA", "française": "FRA", "españa": "ESP", "chinois": "CHN", "vietnamien": "VNM",
}
SHORT_FORMS = {
    "u.s.": "USA", "usa": "USA", "united states": "USA", "uk": "GBR", "u.k.": "GBR", "рф": "RUS",
    "сша": "USA", "prc": "CHN", "south korea": "KOR", "north korea": "PRK", "holy see": "VAT",
    "viet nam": "VNM", "vatican": "VAT", "russia": "RUS", "iran": "IRN", "syria": "SYR",
    "中方": "CHN", "我国": "CHN", "我國": "CHN",
}
# A country after these words is what is talked about, not who talks.
TOPIC_BEFORE = re.compile(
    r"(?:\bon|\babout|\bconcerning|\bin|\bto|\bagainst|\bsur|\bsobre|\bcontre|\bcontra|\bvề|\bở|\bпо|\bна"
    r"|\bв|\btại|关于|關於|на тему)\s+(?:the\s+)?(?:situation in\s+|tình hình\s+)?$", re.IGNORECASE)
ON_BEHALF = re.compile(r"on behalf of|au nom de|en nombre de|от имени|thay mặt|代表", re.IGNORECASE)


def _alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return str(country.alpha_3) if country else None


@cache
def _names(language: str) -> list[tuple[re.Pattern[str], str]]:
    """(pattern, code), longest names first, for a language and English."""
    names: dict[str, str] = {}
    for lang in dict.fromkeys(["en", language.replace("-", "_")]):
        try:
            locale = Locale.parse(lang)
        except (UnknownLocaleError, ValueError):
            continue
        for alpha2, name in locale.territories.items():
            if len(alpha2) == 2 and alpha2.isalpha() and (code := _alpha3(alpha2)):
                names.setdefault(name.casefold(), code)
    translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language.split("-")[0]],
                                    fallback=True).gettext
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if name:
                names.setdefault(name.casefold(), c.alpha_3)
                names.setdefault(translate(name).casefold(), c.alpha_3)
    for code, name in codes.organisations().items():
        names.setdefault(name.casefold(), code)
        if code.isupper() and len(code) >= 2:
            names.setdefault(code.casefold(), code)
    names.update(ADJECTIVES)
    names.update(SHORT_FORMS)
    inflected = language.split("-")[0] in {"ru", "uk", "pl", "cs", "bg", "sr", "hr"}
    out: list[tuple[re.Pattern[str], str]] = []
    for name, code in sorted(names.items(), key=lambda kv: -len(kv[0])):
        if len(name) < 2:
            continue
        if inflected and re.search(r"[а-яё]", name):
            # Российская Федерация → Российской Федерации: words of 5+ letters take any short ending.
            parts = [re.escape(w[:-2]) + r"\w{0,3}" if len(w) >= 5 else re.escape(w) for w in name.split()]
            body = r"\s+".join(parts)
        else:
            body = re.escape(name).replace(r"\ ", r"\s+")
        exact_case = name in {"uk", "us", "рф", "сша"} or (name.isascii() and len(name) <= 4
                                                          and name.upper() in codes.organisations())
        flags = 0 if exact_case else re.IGNORECASE
        text = name.upper() if exact_case else body
        if exact_case:
            text = re.escape(text)
        if re.search(r"[\u3040-\u9fff]", name):  # no spaces between words: no word boundaries
            out.append((re.compile(text, flags), code))
        else:
            out.append((re.compile(rf"(?<!\w){text}(?!\w)", flags), code))
    return out


def mentions(text: str, language: str = "en") -> list[tuple[int, int, str]]:
    """Every country or organisation named: (start, end, code), in text order, without overlaps."""
    found: list[tuple[int, int, str]] = []
    for pattern, code in _names(language):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            found.append((m.start(), m.end(), code))
    return sorted(found)


def find_delegation(text: str, language: str = "en") -> str | None:
    """The country or organisation speaking, as its code, from a header or a lead sentence."""
    behalf = ON_BEHALF.search(text)
    for start, _end, code in mentions(text, language):
        if behalf and start > behalf.start():
            break  # a list of those spoken for: not one delegation
        if TOPIC_BEFORE.search(text[max(0, start - 30): start]):
            continue
        return code
    return None
