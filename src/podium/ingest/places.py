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
import itertools
import re
from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError

from podium.model import codes

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
    "français": "FRA", "française": "FRA", "chinois": "CHN", "vietnamien": "VNM", "vietnamita": "VNM",
}
OFFICES = {
    "auswärtiges amt": "DEU", "auswärtigen amtes": "DEU", "auswärtigen amts": "DEU",
    "state department": "USA", "department of state": "USA",
    "foreign, commonwealth and development office": "GBR",
    "foreign, commonwealth & development office": "GBR",
    "foreign and commonwealth office": "GBR", "itamaraty": "BRA", "farnesina": "ITA", "quai d'orsay": "FRA",
    "quai d’orsay": "FRA", "global affairs canada": "CAN", "affaires mondiales canada": "CAN",
    "utrikesdepartementet": "SWE", "regeringskansliet": "SWE", "udenrigsministeriet": "DNK",
    "utenriksdepartementet": "NOR", "ulkoministeriö": "FIN", "外務省": "JPN", "외교부": "KOR",
    "외교통상부": "KOR", "prezydent rp": "POL", "prezydenta rp": "POL", "prezydentem rp": "POL",
    "内閣総理大臣": "JPN", "内閣官房長官": "JPN",
}
"""Foreign ministries known by a name that does not name their country ("Auswärtiges Amt"): who
speaks when a page or head names it."""
SHORT_FORMS = {
    "u.s.": "USA", "usa": "USA", "united states": "USA", "uk": "GBR", "u.k.": "GBR", "рф": "RUS",
    "сша": "USA", "prc": "CHN", "south korea": "KOR", "north korea": "PRK", "holy see": "VAT",
    "viet nam": "VNM", "vatican": "VAT", "russia": "RUS", "iran": "IRN", "syria": "SYR",
    "中方": "CHN", "我国": "CHN", "我國": "CHN",
}
# A country after these words is what is talked about, not who talks.
TOPIC_BEFORE = re.compile(
    r"(?:\bon|\babout|\bconcerning|\bin|\bto|\bagainst|\bsur|\bsobre|\bcontre|\bcontra|\bvề|\bở|\bпо|\bна"
    r"|\bв|\btại|关于|關於|на тему|\bzum thema|\bzur lage in|\büber|\bzu|\bbetreffend|\bconcernant|"
    r"\bacerca de|\bsu|\bsulla)\s+(?:the\s+|la\s+|der\s+)?(?:situation in\s+|tình hình\s+|"
    r"situation (?:en|au|dans)\s+|situación (?:en|de)\s+|situazione in\s+|lage in\s+)?$", re.IGNORECASE)
_ROLES = (r"\w*minist\w*|министр\w*|rappresentant\w*|ambasciat\w*|embaixad\w*|prezydent\w*|"
          r"premier\w*|\w*kanzler\w*|\w*präsident\w*|ambassadör\w*|regering\w*|regierung\w*|"
          r"governo|rząd\w*|министерств\w*|government|mission|delegation|representative|"
          r"ambassador|envoy|president|prime minister|director[- ]general|"
          r"statement by|intervention|déclaration|discours|gouvernement|délégation|représentant\w*|"
          r"ambassadeur|ministerio|gobierno|delegación|representante|embajador\w*|misión|presidente|"
          r"правительств\w*|постпредств\w*|посол\w*|представител\w*|делегаци\w*|президент\w*|"
          r"phái đoàn(?: thường trực| đại diện thường trực)?|đại sứ|bộ ngoại giao|chính phủ|chủ tịch nước|"
          r"国务院|外交部|外交部長|代表团|代表團|发言人|發言人|spokesperson|spokesman|"
          r"السفير|سفير|المندوب|مندوب|وزير|وزارة|بعثة|وفد|ممثل|حكومة|"
          # Arabic puts the verb first: "أكدت المملكة العربية السعودية" (Saudi Arabia affirmed)
          r"أكدت|أكد|قالت|قال|أعلنت|أعلن|دعت|دعا|طالبت|طالب|رحبت|رحب|أدانت|أدان|جددت|جدد")
TOPIC_AFTER = re.compile(r"^(?:への|に対する|に対し|に関する|に関し|について|による|をめぐる|問題|情勢|"
                         r"の(?:核|ミサイル|弾道|脅威|挑発)|에 대한|에 관한|의 (?:핵|미사일|도발))")
"""Japanese and Korean put the word that makes a country a topic after it ("北朝鮮による弾道ミサイル
発射", "北朝鮮への制裁"): what is talked about, not who talks."""
AGENT_BEFORE = re.compile(r"\b(?:called|requested|convened|organi[sz]ed|hosted|initiated|proposed|tabled|"
                          r"submitted|vetoed|convoqu[ée]e?|demandée?|convocad[ao]|solicitad[ao])\s+(?:by|par|por)"
                          r"\s+(?:the\s+)?$", re.IGNORECASE)
"""A country named as who called or asked for the meeting ("Briefing Called by Russia"): not the speaker."""
ISSUER_BEFORE = re.compile(rf"(?:{_ROLES})[:：]?(?:[^\S\n]+[^\s,;.:()]+){{0,6}}?[^\S\n]*"
                           rf"(?:of|de|du|des|del|d['’]|di|della|dell['’]|do|da|von|för)?[^\S\n]*"
                           rf"(?:the[^\S\n]+|la[^\S\n]+|l['’][^\S\n]*|le[^\S\n]+)?$", re.IGNORECASE)
ISSUER_AFTER = re.compile(rf"^(?:['’]s)?[^\S\n]*(?:\w+[^\S\n]+){{0,3}}?(?:{_ROLES}|statement|diplomat|"
                          r"foreign ministry|delegate|mission|envoy)\b|^\s*(?:驻|駐|常驻|常駐|代表)",
                          re.IGNORECASE)
NOT_SPEAKERS = {"UN"}
"""Named in nearly every text about the UN as the place, seldom as the speaker."""
NOT_SPEAKERS_NAMES = {"united nations", "un", "ооН", "liên hợp quốc", "联合国", "聯合國", "الأمم المتحدة"}
GENITIVE_S = {"sv", "da", "nb", "nn", "no", "de", "nl", "is"}
"""Languages whose genitive adds -s to a country's name ("Sveriges", "Deutschlands", "Norges")."""
ON_BEHALF = re.compile(r"on behalf of|au nom de|en nombre de|от имени|thay mặt|代表", re.IGNORECASE)


def _alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return str(country.alpha_3) if country else None


_GOVERNMENT_HOST = re.compile(
    r"(?:^|\.)(?:gov|gouv|gob|go|govt|gv|gub|admin|government|regeringen|regjeringen)\.([a-z]{2})$")


def government_site(url: str | None) -> str | None:
    """The country whose government runs the site a text was taken from ("parlinfo.aph.gov.au",
    "diplomatie.gouv.fr", "kantei.go.jp", "usun.usmission.gov"): who publishes it."""
    host = re.sub(r"^[a-z]+://", "", (url or "").strip().lower()).split("/")[0].split(":")[0]
    if re.search(r"\.(?:gov|mil)$", host):
        return "USA"
    if host.endswith(".gc.ca"):
        return "CAN"
    m = _GOVERNMENT_HOST.search(host)
    if not m:
        return None
    return "GBR" if m.group(1) == "uk" else _alpha3(m.group(1).upper())


@dataclass(frozen=True)
class _Matcher:
    literal: re.Pattern[str]
    codes: dict[str, str]
    """casefolded name, spaces collapsed → code"""
    others: list[tuple[re.Pattern[str], str]]
    """inflected or case-sensitive names, one pattern each"""


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@cache
def _matcher(language: str) -> _Matcher:
    """All names of a language and English in one alternation, longest first."""
    names: dict[str, str] = {}
    for lang in dict.fromkeys(["en", language.replace("-", "_")]):
        try:
            locale = Locale.parse(lang)
        except (UnknownLocaleError, ValueError):
            continue
        for alpha2, name in locale.territories.items():
            if len(alpha2) == 2 and alpha2.isalpha() and (code := _alpha3(alpha2)):
                names.setdefault(name.casefold(), code)
                if lang.split("_")[0] in GENITIVE_S and not name.endswith(("s", "x", "z")):
                    names.setdefault(f"{name}s".casefold(), code)  # "Sveriges statsminister"
    translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language.split("-")[0]],
                                    fallback=True).gettext
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if name:
                names.setdefault(name.casefold(), c.alpha_3)
                names.setdefault(translate(name).casefold(), c.alpha_3)
                if ", " in name:  # "Korea, Republic of" is written "Republic of Korea"
                    head, _, tail = name.partition(", ")
                    names.setdefault(f"{tail} {head}".casefold(), c.alpha_3)
    for code, name in codes.organisations().items():
        if code not in NOT_SPEAKERS:
            names.setdefault(name.casefold(), code)
    names.update(ADJECTIVES)
    names.update(SHORT_FORMS)
    names.update(OFFICES)
    inflected = language.split("-")[0] in {"ru", "uk", "pl", "cs", "bg", "sr", "hr"}
    literal: list[str] = []
    others: list[tuple[re.Pattern[str], str]] = []
    for name, code in sorted(names.items(), key=lambda kv: -len(kv[0])):
        if len(name) < 2 or name in NOT_SPEAKERS_NAMES:
            continue
        if inflected and re.search(r"[а-яё]", name):
            # Российская Федерация → Российской Федерации: words of 5+ letters take any short ending.
            parts = [re.escape(w[:-2]) + r"\w{0,3}" if len(w) >= 5 else re.escape(w) for w in name.split()]
            joined = r"\s+".join(parts)
            others.append((re.compile(rf"(?<!\w){joined}(?!\w)", re.IGNORECASE), code))
        elif (len(name) <= 3 and name.isascii()) or name in {"рф", "сша"}:
            others.append((re.compile(rf"(?<!\w){re.escape(name.upper())}(?!\w)"), code))  # UK, not "uk"
        else:
            literal.append(re.escape(name).replace(r"\ ", r"\s+"))
    for code in codes.organisations():
        if code.isupper() and len(code) >= 2 and code not in NOT_SPEAKERS:
            others.append((re.compile(rf"(?<!\w){re.escape(code)}(?!\w)"), code))
    pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(literal) + r")(?![^\W\d_])|"
                         r"(?:" + "|".join(n for n in literal if re.search(r"[\u3040-\u9fff]", n)) + ")",
                         re.IGNORECASE)
    return _Matcher(pattern, {_key(k): v for k, v in names.items()}, others)


def mentions(text: str, language: str = "en") -> list[tuple[int, int, str]]:
    """Every country or organisation named: (start, end, code), in text order, without overlaps."""
    matcher = _matcher(language)
    found: list[tuple[int, int, str]] = []
    for m in matcher.literal.finditer(text):
        code = matcher.codes.get(_key(m.group(0)))
        if code:
            found.append((m.start(), m.end(), code))
    for pattern, code in matcher.others:
        for m in pattern.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), code))
    return sorted(found)


_PAIR_GAP = re.compile(r"\s*(?:,|;|\band\b|\bet\b|\by\b|\be\b|\bund\b|\boch\b|\bog\b|\ben\b|\bi\b|\bи\b|"
                       r"\bта\b|\bvà\b|和|與|与|及|、|و)?\s*(?:(?:the|of|de|du|des|del|la|le|el|los|las|der|die|"
                       r"des|af|van)\s+|d['’]\s*|l['’]\s*)*", re.IGNORECASE)


def _grouped(found: list[tuple[int, int, str]], text: str) -> set[int]:
    """The starts of mentions that stand in a pair or a list of countries ("d'Arménie et
    d'Azerbaïdjan", "the UK, Spain, Germany … and Russia"): several, not one speaking."""
    out: set[int] = set()
    for (s1, e1, c1), (s2, _e2, c2) in itertools.pairwise(found):
        gap = text[e1:s2]
        if c1 != c2 and len(gap) <= 14 and _PAIR_GAP.fullmatch(gap) and (gap.strip() or "\n" not in gap):
            out |= {s1, s2}
    return out


def issuer(text: str, language: str = "en") -> str | None:
    """A country named as the one speaking: "Permanent Mission of India", "Chinese envoy",
    "South Korea's top envoy", "Intervention de la France", "Постпредство РФ", "中國駐…".
    A country in a pair or a list ("ministres … d'Arménie et d'Azerbaïdjan") is not one."""
    found = mentions(text, language)
    grouped = _grouped(found, text)
    for start, end, code in found:
        if start in grouped:
            continue
        before = text[max(0, start - 70): start]
        after = text[end: end + 40]
        if TOPIC_BEFORE.search(text[max(0, start - 30): start]) or TOPIC_AFTER.match(after):
            continue
        if ISSUER_BEFORE.search(before) or ISSUER_AFTER.match(after):
            return code
    return None


_SUBJECT = re.compile(r"(?:^|(?<=[.!?。]\s))(?:(?:the\s+)?government\s+of\s+(?:the\s+)?|"
                      r"el\s+gobierno\s+de\s+|"
                      r"le\s+gouvernement\s+(?:de\s+la\s+|du\s+|de\s+l['’]|d['’])?|chính phủ\s+)?$",
                      re.IGNORECASE | re.MULTILINE)


def subject(text: str, language: str = "en") -> str | None:
    """The country a press release's first sentences begin with ("Malaysia has today received …",
    "El Gobierno de España aprovecha …"): who issues it."""
    found = mentions(text[:600], language)
    grouped = _grouped(found, text[:600])
    for start, _end, code in found:
        if start in grouped:
            return None  # "Arménie et Azerbaïdjan": the release is about both, its issuer unsaid
        if TOPIC_AFTER.match(text[_end:_end + 8]):
            continue
        if _SUBJECT.search(text[max(0, start - 30):start]) and (start == 0 or text[start - 1] != "("):
            return code
    return None


def find_delegation(text: str, language: str = "en") -> str | None:
    """The country or organisation speaking, as its code, from a header: the one named as
    speaking, else the first named (not as a topic, not in a menu of languages)."""
    behalf = ON_BEHALF.search(text)
    if behalf:
        text = text[:behalf.start()]  # a list of those spoken for: not one delegation
    if code := issuer(text, language):
        return code
    found = mentions(text, language)
    grouped = _grouped(found, text)
    for start, end, code in found:
        if start in grouped:
            continue  # a list of countries: those a text is about or signed by, not one speaking
        if TOPIC_BEFORE.search(text[max(0, start - 30): start]) or TOPIC_AFTER.match(text[end:end + 8]) or \
                AGENT_BEFORE.search(text[max(0, start - 40): start]):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        if re.search(r"[^\W\d_][\w .'’-]{1,25},\s*$", text[line_start:start]):
            continue  # "Vienna, Austria": where, not who
        if _key(text[start:end]) in ADJECTIVES and _key(line.strip(" •*-")) == _key(text[start:end]):
            continue  # "Français" alone on a line: a language menu
        return code
    return None


_MY_COUNTRY = re.compile(
    r"\b(?:my|our) country,?\s+(?:the\s+)?$|\bmi país,?\s+$|\bmon pays,?\s+(?:la\s+|le\s+|l['’])?$|"
    r"\bnotre pays,?\s+(?:la\s+|le\s+|l['’])?$|\b(?:meu|nosso) país,?\s+(?:o\s+|a\s+)?$|"
    r"\bmein land,?\s+$|\b(?:il mio|il nostro) paese,?\s+(?:l['’]\s*)?$|\bмо[яей] стран\w+,?\s+$|"
    r"\bmitt land,?\s+$", re.IGNORECASE)
"""'my country, Colombia,': who speaks names its country."""
_SENTENCE_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?;:]\s)|(?<=\n))(?:(?:the|o|a|la|le|l['’]|el|die|der|das|il|lo)\s+)?$", re.IGNORECASE)
"""A country that opens a sentence ("Sweden fully supports …", "O Brasil condenou …", "L'Italia
ha voluto …"): the subject of what the sentence says."""


def own_country(paragraphs: list[str], language: str = "en") -> str | None:
    """The country a first-person statement speaks for when its head does not say: one it names
    as 'my country', else the one that opens its sentences again and again (three times at
    least, and twice as often as any other)."""
    counts: dict[str, int] = {}
    for text in paragraphs:
        found = mentions(text, language)
        grouped = _grouped(found, text)
        for start, end, code in found:
            if start in grouped or code in NOT_SPEAKERS:
                continue
            if _MY_COUNTRY.search(text[max(0, start - 30):start]):
                return code
            if TOPIC_AFTER.match(text[end:end + 8]):
                continue
            if _SENTENCE_SUBJECT.search(text[max(0, start - 20):start]) and \
                    re.match(r"(?:['’]s\b)?[\s,]+[^\W\d_]", text[end:end + 20]):
                counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None
