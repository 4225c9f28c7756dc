"""Bodies and sessions named in a text, in several languages, given in one
English form ("Human Rights Council", "45th session") so that a body's index
page gathers its statements whatever language they were delivered in.

The table names organs that diplomats address; it is knowledge of the world,
not of any one text. A body not in it is not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from podium.model import bodies

BODIES: dict[str, tuple[str, ...]] = {
    # English name: patterns in English, French, Spanish, Russian, Vietnamese, Chinese, Arabic
    "General Assembly Third Committee": (
        r"third committee of the (?:\w+[- ]?\w* session of the )?general assembly",
        r"general assembly(?:'s)? third committee"),
    "Human Rights Council": (r"human rights council", r"unhrc", r"(?-i:\bHRC\b)", r"(?-i:\bCDH\b)",
                             r"consejo de (?:ddhh|dd\.\s?hh\.)", r"(?-i:\bСПЧ\b)",
                             r"conseil des droits de l['’]homme",
                             r"menschenrechtsrat\w*", r"consiglio (?:dei|per i) diritti umani",
                             r"conselho de direitos humanos", r"mänskliga rättighetsrådet", r"人権理事会",
                             r"рад\w* (?:оон )?з прав людини",
                             r"consejo de derechos humanos", r"совет\w* по правам человека",
                             r"hội đồng nhân quyền", r"人权理事会", r"人權理事會", r"مجلس حقوق الإنسان"),
    "Security Council": (r"security council", r"unsc", r"(?-i:\bCSNU\b)", r"(?-i:\bCSONU\b)",
                         r"(?:vn-|un-|uno-)?sicherheitsrat\w*", r"conseil de sécurité",
                         r"consejo de seguridad",
                         r"совет\w* безопасности", r"сб оон", r"рб оон", r"hội đồng bảo an", r"安理会",
                         r"安理會",
                         r"安全理事会", r"مجلس الأمن", r"consiglio di sicurezza",
                         r"säkerhetsråd\w*", r"conselho de segurança", r"rad\w* bezpieczeństwa",
                         r"veiligheidsraad", r"安全保障理事会", r"안전보장이사회", r"рад\w* безпеки"),
    "Commission on Narcotic Drugs": (r"commission on narcotic drugs", r"commission des stupéfiants",
                                     r"comisión de estupefacientes", r"комисси\w+ по наркотическим средствам",
                                     r"麻醉药品委员会", r"لجنة المخدرات", r"suchtstoffkommission",
                                     r"narkotikakommission\w*", r"commissione (?:sugli|degli) stupefacenti"),
    "Commission on the Status of Women": (r"commission on the status of women", r"\bcsw\b",
                                          r"commission de la condition de la femme",
                                          r"comisión de la condición jurídica y social de la mujer",
                                          r"комисси\w+ по положению женщин", r"妇女地位委员会",
                                          r"لجنة وضع المرأة", r"frauenrechtskommission",
                                          r"kvinnokommission\w*"),
    "Foreign Affairs Council": (r"foreign affairs council", r"conseil des affaires étrangères",
                                r"consejo de asuntos exteriores",
                                r"rat (?:für )?auswärtige\w* angelegenheiten",
                                r"consiglio (?:degli )?affari esteri", r"eu:s utrikesministermöte\w*",
                                r"utrikesrådet"),
    "World Health Assembly": (r"world health assembly", r"assemblée mondiale de la santé",
                              r"asamblea mundial de la salud"),
    "IAEA General Conference": (r"iaea general conference", r"general conference of the iaea",
                                r"general conference of the international atomic energy agency"),
    "UNHCR Executive Committee": (r"unhcr executive committee", r"executive committee of the (?:high "
                                  r"commissioner['’]s programme|unhcr)", r"\bexcom\b"),
    "IOM Council": (r"iom council", r"council of the international organization for migration",
                    r"conseil de l['’]oim", r"hội đồng iom"),
    "Conference on Disarmament": (r"conference on disarmament", r"conférence du désarmement",
                                  r"conferencia de desarme"),
    # national parliaments a minister or head of government speaks to
    "Bundestag": (r"\bbundestag(?:e?s)?\b",),
    "National Assembly": (r"\bnational assembly\b", r"\bassemblée nationale\b", r"\basamblea nacional\b",
                          r"\bassembleia nacional\b"),
    "National Parliament": (r"\bnational parliament\b", r"\bparlamento nacional\b",
                            r"\bparlement national\b"),
    "OSCE Permanent Council": (r"osce permanent council", r"permanent council of the osce",
                               r"permanent council, vienna"),
    "WTO Dispute Settlement Body": (r"dispute settlement body", r"\bdsb meeting"),
    "Economic and Social Council": (r"economic and social council", r"\becosoc\b"),
    "General Assembly": (r"general assembly", r"assemblée générale", r"asamblea general",
                         r"generalversammlung", r"(?:uno-|un-)?vollversammlung der vereinten nationen",
                         r"(?:uno|un)-vollversammlung", r"assemblea generale", r"assembleia[- ]geral",
                         r"generalförsamling\w*", r"algemene vergadering", r"генеральн\w+ асамбле\w+",
                         r"国連総会", r"유엔총회", r"유엔 총회", r"zgromadzeni\w+ ogóln\w+",
                         r"valné shromáždění",
                         r"генеральн\w+ ассамбле\w+", r"генассамбле\w+", r"đại hội đồng", r"联合国大会",
                         r"聯合國大會", r"联大", r"聯大", r"الجمعية العامة", r"\bunga\b", r"(?-i:\bAGNU\b)",
                         r"(?-i:\bAGONU\b)", r"(?-i:\bГА ООН\b)", r"(?-i:\bAG de l['’]ONU\b)"),
}

_ENGLISH_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}
_ENGLISH_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                 "eighty": 80, "ninety": 90}
# Spanish ordinals ("Septuagésimo segundo período de sesiones"): a ten, then a unit, each an ordinal
_SPANISH_TENS = {f"{stem}{end}": n for stem, n in (("vigésim", 20), ("trigésim", 30), ("cuadragésim", 40),
                                                    ("quincuagésim", 50), ("sexagésim", 60),
                                                    ("septuagésim", 70), ("octogésim", 80),
                                                    ("nonagésim", 90)) for end in "oa"}
_SPANISH_UNITS = {"primer": 1, "tercer": 3, **{f"{stem}{end}": n for stem, n in (
    ("primer", 1), ("segund", 2), ("tercer", 3), ("cuart", 4), ("quint", 5), ("sext", 6), ("séptim", 7),
    ("octav", 8), ("noven", 9), ("décim", 10)) for end in "oa"}, **_SPANISH_TENS}
_ENGLISH_TENS.update(_SPANISH_TENS)
_ENGLISH_UNITS.update(_SPANISH_UNITS)
_WORD_ORDINAL = (r"(?:(?:" + "|".join(sorted(_ENGLISH_TENS, key=len, reverse=True)) + r")[- ]?)?(?:"
                 + "|".join(sorted(_ENGLISH_UNITS, key=len, reverse=True)) + r")\b")
_NUMBER = (rf"(?:(\d{{1,3}})\s*(?::[ae]|st|nd|rd|th|e|ème|eme|è|er|ª|º|°|-?[йяе]|\"|%|\*|\?)?"
           rf"|({_WORD_ORDINAL}))")  # '"', '%', '*', '?': an OCR'd 'ª' or 'º'
_KIND = r"((?:regular|ordinary|ordinaire|ordinario|ordinaria|emergency special|special|extraordinary|" \
        r"resumed)\s+)?"
SESSION = [
    re.compile(r"(?<![\w\d])(\d{1,3})\.\s+(?:ordentlichen\s+)?(?:Tagung|Sitzungsperiode|Generalversammlung|"
               r"Vollversammlung|"
               r"sesj\w+|zasedání)", re.I),  # "der 80. Generalversammlung", "79. Tagung", "na 73. sesji"
    re.compile(rf"(?<![\w\d]){_NUMBER}\s+{_KIND}(?:session|sesión|per[ií]odo\s+(?:(?:ordinario|extraordinario)\s+)?"
               r"de\s+sesiones|сесси\w+)", re.I),
    re.compile(rf"(?<![\w\d]){_NUMBER}\s+(?:session\s+)?{_KIND}(?:session|sesión)", re.I),
    re.compile(r"(?:khóa họp|kỳ họp|phiên họp|khóa)\s+(?:(khẩn cấp đặc biệt|khẩn cấp|đặc biệt)\s+)?"
               r"(?:lần\s+)?(?:thứ\s+)?(\d{1,3})(?!\d)", re.I),
    re.compile(r"第\s*(\d{1,3})\s*[届屆]"),
    # the number after the word, as a mission's page files it ("Periodo de Sesiones 68")
    re.compile(r"\bper[ií]odo\s+de\s+sesiones\s+(?:n[°º.]\s*)?(\d{1,3})(?![\d.,])", re.I),
]
_SPECIAL_VI = {"khẩn cấp đặc biệt": "emergency special", "khẩn cấp": "emergency special",
               "đặc biệt": "special"}


PARLIAMENTS = {"Bundestag", "National Assembly", "National Parliament"}
"""A country's own parliament: what is said there is a speech, not a statement at an organ."""


def english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _word_number(text: str) -> int | None:
    parts = re.split(r"[- ]", text.casefold())
    total = 0
    for part in parts:
        if part in _ENGLISH_TENS:
            total += _ENGLISH_TENS[part]
        elif part in _ENGLISH_UNITS:
            total += _ENGLISH_UNITS[part]
        elif part:
            return None
    return total or None


def _alias_pattern(alias: str) -> str | None:
    """An alias of the bodies registry as a pattern: an abbreviation ("AGNU", "ГА ООН") in capitals
    only and as a whole word; a name in any case, between word boundaries. Two letters or two
    characters ("GA", "大会") name too many things to be read alone."""
    flat = " ".join(alias.split())
    if len(flat.replace(" ", "")) < 3:
        return None
    escaped = re.escape(flat).replace(r"\ ", " ")
    if flat.upper() == flat and any(c.isalpha() and c.isupper() for c in flat):
        return rf"(?-i:(?<!\w){escaped}(?!\w))"
    return rf"(?<!\w){escaped}(?!\w)" if flat[0].isalpha() and flat.isascii() else escaped


def registry_bodies() -> dict[str, tuple[str, ...]]:
    """The table above with the aliases of the bodies registry (data/bodies.yaml, which the site's
    body pages use): a registry body the table names is given the table's name ("United Nations
    General Assembly" is "General Assembly"); one it does not is added under the registry's name."""
    merged = dict(BODIES)
    seen: set[str] = set()
    for body in bodies.registry().values():
        if body.key in seen:
            continue
        seen.add(body.key)
        name = next((n for n in BODIES
                     if body.name.casefold() in {n.casefold(), f"united nations {n}".casefold()}), body.name)
        known = re.compile("|".join(f"(?:{p})" for p in merged.get(name, ())) or r"(?!)", re.IGNORECASE)
        # only what the table does not already find: each pattern more costs every text a search
        extra = [p for a in (body.name, *body.aliases) if not known.search(a) and (p := _alias_pattern(a))]
        merged[name] = (*merged.get(name, ()), *dict.fromkeys(extra))
    return merged


@cache
def _body_patterns() -> list[tuple[str, re.Pattern[str]]]:
    # a space in a name matches any run of white space: a header breaks lines inside a name
    space = r"\s+"
    return [(name, re.compile("|".join(f"(?:{p.replace(' ', space)})" for p in pats), re.IGNORECASE))
            for name, pats in registry_bodies().items()]


# "the Report of the Human Rights Council" is about the Council, not delivered at it; nor is a
# Council someone asks to convene ("request a meeting of the Security Council", "созыва СБ ООН").
_ABOUT = re.compile(r"(?:(?:annual )?report of|rapport (?:annuel )?(?:du|de la)|"
                    r"informe (?:anual )?(?:del|de la)|"
                    r"bericht (?:des|der)|relatório (?:anual )?(?:do|da)|доклад\w*|"
                    # the body as a subject: its reform, its members ("Reform of the Security Council",
                    # "el Aumento de los Miembros del Consejo de Seguridad", "Réforme du Conseil")
                    r"reform\w* (?:\w+ )?(?:of|du|de|del|des|der|av|van)|réforme (?:\w+ )?(?:du|de)|"
                    r"reforma (?:\w+ )?(?:do|da|del|de)|"
                    r"(?:enlargement|expansion|élargissement|ampliación|erweiterung) (?:of|du|del|des|der)|"
                    r"(?:members|membership|composition) of|(?:elected |non-permanent |permanent )?member of|"
                    r"(?:term|seat) (?:on|in|at)|elected to|election to|élection au|elección al|"
                    r"membres du|miembros del|composición del|"
                    r"mitglieder des|реформ\w*|реформировани\w*|"
                    # a presidency is a month's office, what a text announces, not where it is said
                    r"presidency of|présidence (?:\w+ )?(?:du|de)|presidencia (?:\w+ )?del|vorsitz im|"
                    r"председательств\w*(?: \w+)? в|"
                    r"convene|convening|convocation of|convoquer|convocar|созыв\w*|"
                    r"(?:request\w*|call\w*\s+for|demand\w*)\s+(?:an?\s+)?(?:urgent\s+|emergency\s+)?"
                    r"(?:meeting|session)\s+of|запр\w+\s+(?:проведени\w+\s+)?(?:заседани\w+)?)\s+"
                    r"(?:the\s+)?(?:united nations\s+|un\s+)?$", re.IGNORECASE)


_ABOUT_AFTER = re.compile(r"(?:['’]s)?\s*(?:reform\b|改革|扩大|擴大|の改革|개혁)", re.IGNORECASE)
"""The same subjects written after the body's name, as English compounds and Chinese, Japanese and
Korean write them ("Security Council reform", "安理会改革", "安保理改革")."""


@dataclass(frozen=True)
class Found:
    value: str
    start: int


# A UN press release's symbol names the organ: GA/12209, SC/15000, GA/SHC/4000.
SYMBOLS = {"GA/SHC": "General Assembly Third Committee", "GA": "General Assembly", "SC": "Security Council",
           "ECOSOC": "Economic and Social Council", "HRC": "Human Rights Council"}
_SYMBOL = re.compile(r"^\s*(" + "|".join(SYMBOLS) + r")/\d{3,6}\s*$", re.MULTILINE)


def find_body(text: str) -> Found | None:
    """The first body named; where two names overlap the longer, more specific one wins."""
    if symbol := _SYMBOL.search(text):
        return Found(SYMBOLS[symbol.group(1)], symbol.start())
    for name, pattern in _body_patterns():  # "período de sesiones de la Asamblea General": where
        for m in pattern.finditer(text):
            if _SESSION_OF.search(text[max(0, m.start() - 40):m.start()]):
                # a more specific body whose name spans this one ("Third Committee of the 62nd
                # session of the General Assembly") is the one meant
                wider = next((Found(other, w.start()) for other, pat in _body_patterns() if other != name
                              for w in pat.finditer(text) if w.start() <= m.start() < w.end()), None)
                return wider or Found(name, m.start())
    for office in (False, True):  # a body named as someone's office only when no other is named
        best: tuple[int, int, str] | None = None
        for name, pattern in _body_patterns():
            hit = next((h for h in pattern.finditer(text)
                        if not _ABOUT.search(text[max(0, h.start() - 60):h.start()])
                        and not _ABOUT_AFTER.match(text, h.end())
                        and (office or not _OFFICE.search(text[max(0, h.start() - 40):h.start()]))), None)
            if hit and (best is None or (hit.start(), -len(name)) < best[:2]):
                best = (hit.start(), -len(name), name)
        if best:
            return Found(best[2], best[0])
    return None


_SESSION_OF = re.compile(r"\b(?:session|sesión|sesiones|sessione|sessão|sessões|сесси\w+|tagung)\s+"
                         r"(?:of|de|del|du|des|der|della|da|do)\s+(?:the\s+|la\s+|l['’]\s*|le\s+)?$",
                         re.IGNORECASE)
"""A body named as the one whose session it is: where the text was given, whatever else it names."""
_OFFICE = re.compile(r"\b(?:president\w*|presidente|présidente?|chair(?:person|man|woman)?|председател\w+|"
                     r"chủ tịch|vice[- ]president\w*)\s+(?:of|del|de|du|des|della|dell['’]|do|da)?\s*"
                     r"(?:the|la|l['’]|le|el)?\s*$", re.IGNORECASE)
"""A body named as an office ("Presidente del Consejo de Derechos Humanos", "President of the
Security Council"): whose chair speaks, which is not where, if the text names another body."""


def find_session(text: str) -> Found | None:
    """The first session number in a text: "Seventy-ninth Session" → "79th session"."""
    best: Found | None = None
    for pattern in SESSION:
        for m in pattern.finditer(text):
            groups = [g for g in m.groups()]
            kind = ""
            number: int | None = None
            if pattern is SESSION[0]:
                number = int(groups[0])
            elif pattern is SESSION[3]:
                number = int(groups[1])
                kind = _SPECIAL_VI.get((groups[0] or "").casefold(), "")
            elif pattern is SESSION[4] or pattern is SESSION[5]:
                number = int(groups[0])
            else:
                number = int(groups[0]) if groups[0] else _word_number(groups[1] or "")
                raw_kind = (groups[2] or "").strip().casefold()
                kind = raw_kind if raw_kind in {"emergency special", "special", "extraordinary", "resumed",
                                                 "regular"} else ""
            if not number or number > 300:
                continue
            line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
            if re.search(r"\b(?:for|pour|para|für)\s+(?:the|la|le|el|die)\s+$", line, re.IGNORECASE) and \
                    re.search(r"\belect\w*|\bcandida\w*|\bélection\b|\belección\b|\bwahl\b", line,
                              re.IGNORECASE):
                continue  # "Election of the President … for the sixty-fourth session": a session to come
            value = " ".join(filter(None, [english_ordinal(number), kind, "session"]))
            if best is None or m.start() < best.start:
                best = Found(value, m.start())
            break
    return best


def ordinal_before_body(text: str, body: Found) -> str | None:
    """"the 79 Asamblea General", "Seventy-seventh World Health Assembly": a number just before the body."""
    before = text[max(0, body.start - 40): body.start]
    m = re.search(rf"{_NUMBER}\s*(?:\w+\s+)?$", before, re.IGNORECASE)
    if not m:
        return None
    number = int(m.group(1)) if m.group(1) else _word_number(m.group(2) or "")
    return f"{english_ordinal(number)} session" if number and number < 300 else None


def numbered_body(text: str, body: str) -> str | None:
    """The session of `body` a text numbers just before the body's name ("la 69e Assemblée
    générale", "the seventy-ninth General Assembly"), the first time it does."""
    pattern = next((pat for name, pat in _body_patterns() if name == body), None)
    for hit in pattern.finditer(text) if pattern else ():
        if value := ordinal_before_body(text, Found(body, hit.start())):
            return value
    return None
