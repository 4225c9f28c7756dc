"""Speakers: a name after a form of address or a title ("His Eminence
Cardinal Pietro Parolin", "Amb. Virander Paul", "Đại sứ Đặng Hoàng Giang",
"Chargé d’Affaires Courtney Austrian"), or a name line above a role line.

A name is two to five capitalised words (initials count: "V. Makei"); a
family name in capitals is a convention and is given in normal case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from podium.text.blocks import BlockKind, classify

HONORIFICS = (
    "his excellency", "her excellency", "honourable", "honorable", "his eminence", "his holiness",
    "his majesty", "her majesty",
    "his royal highness", "h.e.", "h. e.", "s.e.", "s. e.", "dr.", "dr", "mr.", "mr", "mrs.", "ms.", "ms",
    "prof.", "m.", "mme", "mme.", "excmo.", "excma.", "sr.", "sra.", "dña.", "ngài", "ông", "bà", "ts.",
    "h.r.h.", "hon.", "hon", "rt. hon.", "sir", "dame", "madame", "monsieur", "señor", "señora", "г-н",
    "г-жа", "господин", "госпожа", "mrs", "the most honourable", "most honourable", "the right honourable",
    "right honourable", "the honourable", "sem", "s.e.m.", "son excellence", "excmo. sr.", "excma. sra.",
    "sua eccellenza", "s.e. il", "exmo. sr.", "exma. sra.", "herr", "frau",
)
TITLES = (
    "ambassador", "amb.", "cardinal", "archbishop", "colonel", "chargé d’affaires",
    "chargé d'affaires", "director general", "director-general", "secretary-general", "secretary general",
    "high commissioner", "minister", "foreign minister", "prime minister", "president", "presidente",
    "presidenta", "ministra", "ministro", "embajador", "embajadora", "ambassadeur", "ambassadrice",
    "ministre", "président", "présidente", "đại sứ", "bộ trưởng", "thủ tướng", "chủ tịch", "посол",
    "министр", "постпред", "постоянный представитель", "президент", "king", "queen", "counsellor",
    "counselor", "deputy permanent representative", "permanent representative", "representative",
    "public delegate", "delegate", "außenminister", "aussenminister", "bundesminister", "bundesministerin",
    "staatsminister", "staatsministerin", "bundeskanzler", "bundeskanzlerin", "bundespräsident",
    "staatssekretär", "staatssekretärin", "botschafter", "botschafterin", "ministerin", "ambasciatore",
    "ambasciatrice", "embaixador", "embaixadora", "secretaria", "secretario", "canciller", "ambassadör",
    "utrikesminister", "statsminister", "senator", "sénateur", "senador", "senadora", "сенатор",
    "außenministerin", "aussenministerin", "utrikesministern", "statsministern",
)
ROLE_WORDS = re.compile(
    r"\b(ambassador|permanent representative|representative|minister|secretary|president|chair|"
    r"head of delegation|deputy|director|counsell?or|delegate|envoy|chargé|commissioner|ambassadeur|"
    r"représentant|ministre|président|embajador|representante|ministr[oa]|presidente|đại sứ|trưởng|"
    r"đại diện|bộ trưởng|посол|министр|представитель|\w*minister\w*|staatssekretär\w*|botschafter\w*|"
    r"ambasciat\w+|embaixador\w*|secretari[oa]|canciller)\b", re.IGNORECASE)
_STOP = {"of", "the", "and", "at", "to", "de", "du", "des", "la", "le", "del", "el", "y", "et", "on", "in"}
_FAMILY_PARTICLES = {"de", "du", "des", "la", "le", "del", "el", "to"}
"""Stop words that may start a family name in capitals ("LE Thi Tuyet Mai", "DE SOUSA", "TO LAM")."""
_NOT_NAMES = {
    "statement", "national", "check", "against", "delivery", "remarks", "address", "speech", "session",
    "general", "debate", "assembly", "by", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "new", "york", "geneva",
    # the same header words in the other languages a header is written in
    "déclaration", "discours", "intervention", "allocution", "débat", "général", "générale", "nationale",
    "assemblée", "declaración", "intervención", "discurso", "asamblea", "mensaje", "palabras",
    "rede", "grußwort", "erklärung", "generaldebatte", "generalversammlung", "intervento", "dichiarazione",
    "discorso", "assemblea", "generale", "pronunciamento", "assembleia", "geral", "anförande", "uttalande",
    "sessão", "sesión", "sessione", "tagung", "ordinaire", "ordinaria", "ordinario", "nations", "unies",
    "unidas", "unite", "vereinten", "thank", "thanks", "you", "government", "people", "delegation",
    "republic", "kingdom", "state", "excellencies",
}
"""Capitalised words of a header that are not part of a name ("NATIONAL STATEMENT BY", a date)."""
_ROLE_CAPS = {w for t in TITLES for w in t.split()} | {
    "head", "permanent", "deputy", "mission", "united", "nations", "delegation", "state", "republic", "your",
    "excellency", "excellencies", "majesty", "majesties", "highness", "highnesses", "ladies", "gentlemen"}


@dataclass(frozen=True)
class Speaker:
    name: str
    honorific: str = ""
    role: str = ""
    start: int = 0
    raw: str = ""
    """The name as printed ("LE Thi Tuyet Mai")."""


_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")


def normal_case(name: str) -> str:
    """LE Thi Tuyet Mai → Le Thi Tuyet Mai; a regnal number stays as it is (Abdullah II)."""
    def word(w: str, i: int) -> str:
        mark, core = w[: len(w) - len(w.lstrip("‘'ʻ"))], w.lstrip("‘'ʻ")
        if core.isupper() and len(core) > 1 and core.replace("-", "").isalpha() and \
                not (i and _ROMAN.fullmatch(core)):
            return mark + core.capitalize()
        return w

    return " ".join(word(w, i) for i, w in enumerate(name.split()))


def _prefix_pattern(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_COMPOUND_TITLE = r"[^\W\d_]{3,}minister(?:in|n)?"
"""A title compounded with its field, as Germanic languages write it: "socialminister",
"Entwicklungsministerin", "udenrigsminister", "buitenlandminister"."""
_LEAD = re.compile(rf"(?<!\w)((?:(?:{_prefix_pattern(HONORIFICS + TITLES)}|{_COMPOUND_TITLE})(?!\w)[\s,]*)+)",
                   re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
_HONORIFIC = re.compile(rf"(?<!\w)(?:{_prefix_pattern(HONORIFICS)})(?!\w)", re.IGNORECASE)
_POSTED = re.compile(r"(?:to|at|in|of)\s+(?:the\s+)?(?:United Nations|UN|U\.N\.)(?:\s+(?:in|at)\s+[A-Z]\w+)?"
                     r"(?:\s+Office)?\s*,?\s*")
_VOCATIVE = re.compile(r"\b(?:your|votre|vuestra|su|dear|cher|chère|querido|уважаем\w*|kính thưa|thưa)\s",
                       re.IGNORECASE)


_ADDRESSED = re.compile(r"\bexcellencies\b|\bladies and gentlemen\b|\bdistinguished delegates\b",
                        re.IGNORECASE)
_PRAISED = re.compile(r"\b(?:congratulat\w*|felicitat\w*|tribute|thank\w*|predecessor|welcom\w*|"
                      r"apologies|in (?:his|her) (?:address|statement|speech|message))\b", re.IGNORECASE)
_QUOTED = re.compile(r"(?:\s*,[^,\n]{0,80},)?\s*(?:has\s+|had\s+)?(?:said|stated|declared|defined|noted|"
                     r"told|wrote|reminded|observed|urged|described|is presiding|presided)\b")
"""Someone the text talks about: praised or thanked before the name, quoted after it."""


def _is_name_token(token: str, first: bool = False) -> bool:
    core = token.strip(",;:").lstrip("‘'ʻ")  # ʻokina: ‘Aisake
    if re.fullmatch(r"[^\W\d_][\w'’-]{2,}\.", core):
        core = core[:-1]  # a sentence's full stop after the name
    if not core or not core[0].isupper() or core.casefold() in _ROLE_CAPS or core.casefold() in _NOT_NAMES:
        return False
    if core.casefold() in _STOP and not (first and core.isupper() and core.casefold() in _FAMILY_PARTICLES):
        return False
    if re.fullmatch(r"(?:[^\W\d_]\.){1,3}(?:[^\W\d_][\w'’-]*)?", core):  # V. / С.В. / С.В.Лавров
        return True
    return re.fullmatch(r"[^\W\d_][\w'’-]*", core) is not None


def _name_after(text: str, at: int) -> tuple[str, int] | None:
    names: list[str] = []
    end = at
    for m in _TOKEN.finditer(text, at):
        between = text[end:m.start()]
        if names and "\n" in between and not re.fullmatch(r"[^\W\d_]\.", names[-1]):
            break  # a name goes on past a line end only after an initial ("EMMERSON D." / "MNANGAGWA")
        token = m.group(0)
        if not _is_name_token(token, first=not names):
            break
        full_stop = re.fullmatch(r"[^\W\d_][\w'’-]{2,}\.", token) is not None
        names.append(token.strip(",;:").rstrip(".") if full_stop else token.strip(",;:"))
        end = m.end()
        if token.endswith((",", ";", ":")) or full_stop or len(names) == 5:
            break
    if len(names) < 2 and not (names and "." in names[0] and not names[0].endswith(".")):
        return None
    if joined := re.match(r"[^\S\n]*-(?P<rest>[^\W\d_][\w'’-]+)", text[end:]):
        # a double name a PDF split at its hyphen ("Netumbo Nandi -Ndaitwah"): one name
        names[-1] += "-" + joined.group("rest").rstrip(",;:")
        end += joined.end()
    if re.search(r"['’]s$", names[-1]):
        return None  # "President Treki’s leadership": a name in the possessive is talked about
    return " ".join(names), end


def find_speaker(text: str, reported: bool = False) -> Speaker | None:
    """The first person named after a title or form of address, with the role that follows.
    In a report (`reported`) the one who "said" is the speaker; in a speech, someone quoted."""
    text = re.sub(r"\b([HS]\.\s?E\.)(?=\w)", r"\1 ", text)
    for m in _LEAD.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start: line_end if line_end >= 0 else len(text)].strip()
        if len(text[line_start:m.start()].split()) <= 1 and line.endswith(","):
            continue  # "Honourable Minister Dr Edwin Dikoloti, President of …," addresses someone
        if _VOCATIVE.search(text[max(line_start, m.start() - 25):m.start() + len(m.group(1))]):
            continue  # "Your Excellency Philemon Yang": the one addressed
        if classify(line) is BlockKind.SALUTATION or (line.endswith(",") and _ADDRESSED.search(line)):
            continue  # "Secretary-General …, President Philemon Yang, Excellencies,": those addressed
        at = m.end()
        if complement := _POSTED.match(text, at):
            at = complement.end()  # "permanent representative to the United Nations Zhang Jun"
        got = _name_after(text, at)
        if got is None:
            continue
        name, end = got
        if _a_place(name):
            continue  # "DISCURSO DO PRIMEIRO-MINISTRO DE TIMOR-LESTE": a country, not a person
        sentence = re.split(r"[.!?;:]\s", text[max(0, m.start() - 150):m.start()])[-1]
        if _PRAISED.search(sentence) or (not reported and _QUOTED.match(text, end)):
            continue  # "congratulations to Mr. Jan Kavan", "Pope Francis defined …": not the speaker
        lead = " ".join(m.group(1).split()).strip(" ,")
        honorific = lead
        role = ""
        after = text[end - 1:end + 200] if text[end - 1] == "," else text[end:end + 200]
        rm = re.match(r"\s*,\s*([^\n]+)", after)
        if rm and ROLE_WORDS.search(rm.group(1)):
            role = re.split(r",?\s+(?:at|to|before|on|à|lors|ante|en|tại|на)\s+(?:the|la|le|l['’]|el)?\b",
                            rm.group(1))[0].strip(" ,.")
        if not role:  # the role on the line under the name
            nm = re.match(r"[^\S\n]*\n([^\n]{3,120})", text[end:])
            if nm and ROLE_WORDS.search(nm.group(1)):
                role = nm.group(1).strip(" ,")
        if not _HONORIFIC.search(honorific):  # "Director General", "permanent representative": a role
            role, honorific = role or honorific, ""
        return Speaker(normal_case(name), honorific, role, m.start(), name)
    return _name_line(text)


def _a_place(name: str) -> bool:
    """Whether a 'name' is a country's or an organisation's (a particle before it allowed)."""
    from podium.ingest.places import mentions

    flat = re.sub(r"^(?:de|du|des|of|the|la|le|el|del|di|da|do)\s+", "", name, flags=re.IGNORECASE)
    return any(start == 0 and end >= len(flat) - 1 for start, end, _ in mentions(flat))


def _name_line(text: str) -> Speaker | None:
    """A line that is only a name, above a line that is a role: 'John Giordano / Public Delegate'."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1]):
        words = line.split()
        if 2 <= len(words) <= 4 and all(_is_name_token(w) and not w.endswith(",") for w in words) and \
                not _VOCATIVE.match(line.strip() + " ") and \
                ROLE_WORDS.search(lines[i + 1]) and len(lines[i + 1]) < 80:
            return Speaker(normal_case(line.strip()), "", lines[i + 1].strip(), text.find(line))
    for i, line in enumerate(lines[1:5], start=1):  # the role above the name: a head set in lines
        words = line.split()
        if 2 <= len(words) <= 4 and all(_is_name_token(w) and not w.endswith(",") for w in words) and \
                ROLE_WORDS.search(lines[i - 1]) and len(lines[i - 1]) < 80 and \
                not lines[i - 1].rstrip().endswith((",", ";", ":", ".")) and \
                classify(line) is BlockKind.PARAGRAPH:
            return Speaker(normal_case(line.strip()), "", "", text.find(line))
    return None


_TITLE_SURNAME = re.compile(
    rf"(?<!\w)(?i:{_prefix_pattern(TITLES)})\s+(?P<name>[^\W\d_][\w'’-]{{2,}})(?=\s+[^\W\d_A-ZÀ-ÞА-ЯЁ]|\s*$)",
    re.MULTILINE)


def title_surname(head: str) -> Speaker | None:
    """A head that names its speaker by title and surname alone ("Intervento del Presidente Meloni
    alla …", "Rede von Außenminister Wadephul in der …"): the surname, as written."""
    for m in _TITLE_SURNAME.finditer(head):
        name = m.group("name")
        sentence = re.split(r"[.!?;:]\s", head[max(0, m.start() - 150):m.start()])[-1]
        if _PRAISED.search(sentence) or _VOCATIVE.search(sentence[-25:]):
            continue  # "my warm congratulations to Ambassador Insanally": praised, not speaking
        if name[0].isupper() and _is_name_token(name) and name.casefold() not in _NOT_SURNAMES:
            return Speaker(normal_case(name), "", "", m.start("name"), name)
    return None


_NOT_SURNAMES = {"government", "gouvernement", "gobierno", "republic", "kingdom", "state", "people",
                 "extraordinary", "plenipotentiary", "designate", "adjoint", "adjointe", "délégué",
                 "general", "général", "generale", "emeritus", "elect", "ad", "interim", "a.i."}
"""Words that follow a title as part of it ("Ambassador Extraordinary and Plenipotentiary")."""


_SIGNED = re.compile(r"^\s*\(?(?:signed|firmado|signé|sgd\.?)\)?\s*", re.IGNORECASE)


def signature(tail: str) -> Speaker | None:
    """A signature block at the end of a text: "(Signed) Jane Doe / Ambassador, Permanent
    Representative", or "Jane Doe, Ambassador, Deputy Permanent Representative" on one line;
    a bare name (a page's contact) is none."""
    lines = [_SIGNED.sub("", line).strip() for line in tail.split("\n") if line.strip()][-4:]
    for i, line in enumerate(lines):
        name, _, role = line.partition(",")
        words = name.split()
        if not (2 <= len(words) <= 4 and all(_is_name_token(w) for w in words)):
            continue
        role = role.strip() or (lines[i + 1] if i + 1 < len(lines) else "")
        if role and len(role) < 150 and ROLE_WORDS.search(role) and not role.endswith((".", "!", "?")):
            return Speaker(normal_case(name.strip()), "", role.strip(" ,"), tail.find(name))
    return None


def role_then_name(text: str) -> Speaker | None:
    """'… Ministra de Relaciones Exteriores del Estado Plurinacional de Bolivia, Celinda Sosa Lunda'."""
    for line in text.split("\n"):
        m = re.search(r"^(?P<role>.*),\s+(?P<name>[^,\n]+?)\s*$", line)
        if not m or not ROLE_WORDS.search(m.group("role")):
            continue
        words = m.group("name").split()
        if 2 <= len(words) <= 4 and all(_is_name_token(w) for w in words):
            return Speaker(normal_case(m.group("name")), "", "", text.find(line))
    return None


def role_name_at(text: str) -> Speaker | None:
    """'Statement by Minister of Foreign Affairs of the Republic of Belarus, V.Makei, at the …':
    a role, then the name between commas, then where it was said."""
    # the name may wrap onto the next line ("…, Alicia / Bárcena Ibarra, en el …")
    for m in re.finditer(r"(?P<role>[^,\n]+),\s+(?P<name>[^,\n]+?(?:\n[^,\n]+?)?),\s+(?:at|to|before|on|in|à|"
                         r"ante|en|devant|lors|bei|vor|alla|al|na|no)\s", text):
        role = re.sub(r"^.*?\b(?:by|of|de|du|del|von|des|der|di|della|do|da)\s+(?:the\s+|la\s+|le\s+|el\s+)?"
                      r"(?=\w)", "", m.group("role"), count=1)
        if not ROLE_WORDS.search(role):
            continue
        name = " ".join(m.group("name").split())
        got = _name_after(name + ",", 0)
        if got and got[0] == name:
            return Speaker(normal_case(got[0]), "", role.strip(), m.start("name"), got[0])
    return None


_RU_ROLE = (r"(?:посл\w*|постпред\w*|представител\w*|заместител\w*|министр\w*|председател\w*|"
            r"президент\w*|глав\w*|директор\w*|спикер\w*|официальн\w+ представител\w*|секретар\w*)")
_RU_NAME = r"(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+){1,2}"
_RU_SAID = re.compile(rf"\b(?:заявил|сообщил|отметил|подчеркнул|сказал|указал|добавил)а?\s+"
                      rf"(?P<role>(?:[^\s.,;:]+\s+){{0,10}}?)(?P<name>{_RU_NAME})(?=\s*(?:[.,;:]|$))",
                      re.MULTILINE)
_RU_OF = re.compile(rf"\b(?:выступлени[ея]|заявлени[ея]|речь|слово|статья|интервью|ответ|комментари[йя]|"
                    rf"брифинг)\s+"
                    rf"(?P<role>{_RU_ROLE}(?:\s+[^\s.,;:]+){{0,8}}?)\s+(?P<name>(?:[А-ЯЁ]\.\s?){{1,2}}"
                    rf"[А-ЯЁ][а-яё]+)(?!\w)", re.IGNORECASE)


def _ru_nominative(surname: str) -> str:
    """Genitive of a surname to its nominative: Лаврова → Лавров, Полянского → Полянский,
    Захаровой → Захарова."""
    for ending, nominative in (("ского", "ский"), ("цкого", "цкий"), ("ской", "ская"), ("цкой", "цкая"),
                               ("овой", "ова"), ("евой", "ева"), ("ёвой", "ёва"), ("иной", "ина"),
                               ("ыной", "ына"), ("ова", "ов"), ("ева", "ев"),
                               ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын")):
        if surname.endswith(ending):
            return surname[: -len(ending)] + nominative
    return surname


def russian_speaker(text: str) -> Speaker | None:
    """'… заявил первый заместитель постоянного представителя РФ Дмитрий Полянский.' (a reporting
    verb, a role, the name), or 'Выступление Министра … С.В.Лаврова' (the name in the genitive after
    a role in the genitive: given in the nominative when its ending says a man's surname)."""
    for m in _RU_SAID.finditer(text):
        if re.search(_RU_ROLE, m.group("role"), re.IGNORECASE):
            return Speaker(m.group("name"), "", m.group("role").strip(), m.start("name"), m.group("name"))
    for m in _RU_OF.finditer(text):
        role_word = m.group("role").split()[0].casefold()
        if not role_word.endswith(("а", "я", "ого", "его")):  # the role is not in the genitive: nor the name
            continue
        printed = m.group("name")
        initials, surname = re.match(r"((?:[А-ЯЁ]\.\s?){1,2})(.+)", printed).groups()  # type: ignore[union-attr]
        name = f"{initials.replace(' ', '')} {_ru_nominative(surname)}"
        return Speaker(name, "", "", m.start("name"), printed)
    return None


CHINESE_SURNAMES = set(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾"
    "肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鐘谭譚陆陸汪范金石廖贾賈夏韦韋傅方白"
    "邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯耿傅康伍")
_ZH_TITLES = ("大使|特使|外长|外長|部长|部長|副部长|副部長|代表|主席|总统|總統|总理|總理|发言人|發言人|"
              "参赞|參贊")
_ZH_NAME = re.compile(rf"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<title>{_ZH_TITLES})")
_ZH_ROLE_NAME = re.compile(rf"(?P<role>[\u4e00-\u9fff]{{0,8}}?(?:{_ZH_TITLES}))"
                           rf"(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<title>{_ZH_TITLES})")
"""Running Chinese sets a name between its role and its title, with nothing to mark where it starts."""


_JA_TITLES = ("内閣総理大臣|総理大臣|外務大臣|防衛大臣|官房長官|大臣|総理|首相|大使|国連大使|"
              "外務副大臣|副大臣|政務官")
_JA_NAME = re.compile(rf"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{{2,4}}?)(?P<title>{_JA_TITLES})")
_JA_NOT_NAMES = {"内閣", "日本", "政府", "外務", "防衛", "官房", "国連", "各国", "同国", "我が国", "総理",
                 "首相", "副"}


def japanese_speaker(text: str) -> Speaker | None:
    """'日本の安倍晋三総理大臣は', '川口外務大臣談話': a name in kanji (two to four characters) set
    before a title, as Japanese writes it; an office alone ('内閣総理大臣談話') is no name."""
    found = [m for m in _JA_NAME.finditer(text) if m.group("name") not in _JA_NOT_NAMES
             and not any(m.group("name").endswith(w) for w in _JA_NOT_NAMES)]
    if not found:
        return None
    first = found[0]
    # "安倍総理" in a headline, "安倍晋三総理大臣" in the text: the full name
    fuller = next((m for m in found[1:] if m.group("name").startswith(first.group("name"))), first)
    return Speaker(fuller.group("name"), "", fuller.group("title"), first.start(), fuller.group("name"))


def chinese_speaker(text: str) -> Speaker | None:
    """'《陳旭大使在人權理事會…》': a name of two or three characters, starting with a common
    family name, set off before a title (大使, 外長, 發言人)."""
    for m in _ZH_NAME.finditer(text):
        if m.group("name")[0] in CHINESE_SURNAMES:
            return Speaker(m.group("name"), m.group("title"), "", m.start(), m.group("name"))
    for m in _ZH_ROLE_NAME.finditer(text):  # '常驻联合国代表刘结一大使': a role, the name, a title
        if m.group("name")[0] in CHINESE_SURNAMES:
            name = m.group("name")
            return Speaker(name, m.group("title"), m.group("role"), m.start("name"), name)
    return None


_AR_TITLE = re.compile(r"^(?P<title>(?:فخامة |سمو |معالي |سعادة )?(?:السفيرة|السفير|الوزيرة|الوزير|"
                       r"الرئيسة|الرئيس|الدكتورة|الدكتور|السيدة|السيد|معالي|سعادة|فخامة))\s+"
                       r"(?P<name>\S+(?:\s+\S+){1,3})$")
_AR_NOT_IN_NAME = re.compile(r"(?:^|\s)(?:في|لدى|إلى|الى|على|من|عن|أمام|بشأن|حول|مع|و|ب\S+|ل\S+ال\S*)"
                             r"(?=\s|$)|[\d:،.]")
"""Prepositions and verbs' company: a line with them is a sentence, not a title and a name."""
_AR_ROLE = re.compile(r"الممثل|الممثلة|المندوب|المندوبة|وزير|وزيرة|سفير|سفيرة|نائب|نائبة|مستشار|مستشارة|"
                      r"رئيس|رئيسة")


def arabic_speaker(text: str) -> Speaker | None:
    """A head line that is a title and a name only ('السفيرة كيلي كرافت'), the role on the line
    under it: Arabic has no capitals to tell a name, but a signature block sets it apart."""
    lines = [line.strip() for line in text.split("\n")]
    for i, line in enumerate(lines):
        m = _AR_TITLE.match(line)
        if m is None or _AR_NOT_IN_NAME.search(m.group("name")) or m.group("name").startswith("ال"):
            continue  # a given name takes no article: "السيد الرئيس المحترم" addresses the chair
        role = lines[i + 1] if i + 1 < len(lines) and _AR_ROLE.match(lines[i + 1]) else ""
        if role and i + 2 < len(lines) and lines[i + 2].startswith("ل") and len(lines[i + 2].split()) <= 8:
            role += " " + lines[i + 2]  # "الممثلة الدائمة" / "لبعثة الولايات المتحدة …": one role
        return Speaker(m.group("name"), m.group("title"), role, text.find(line), m.group("name"))
    return None


VIETNAMESE_SURNAMES = {
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
    "dương", "lý", "đinh", "trịnh", "đoàn", "lương", "mai", "tô", "trương", "lâm", "đào", "cao", "hà", "tạ",
    "châu", "quách", "thái", "kiều", "vương", "đàm", "lưu", "chu", "tăng", "triệu", "khúc", "doãn", "phùng",
    "tống", "la", "giáp", "lại", "mạc", "nghiêm", "thân", "tôn", "từ", "văn", "âu", "ông", "hứa", "đồng",
}
_VI_ROLE = re.compile(r"\b(?:đại sứ|trưởng|thứ trưởng|bộ trưởng|chủ tịch|thủ tướng|tổng bí thư|"
                      r"người phát ngôn|đại diện|phó)\b", re.IGNORECASE)


def vietnamese_speaker(text: str) -> Speaker | None:
    """'Đại sứ đặc mệnh toàn quyền, Trưởng phái đoàn … tại LHQ Đặng Hoàng Giang đã …': after a role,
    two to four capitalised syllables starting with a family name (Nguyễn, Trần, Đặng …)."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        role = _VI_ROLE.search(sentence)
        if role is None:
            continue
        words = sentence[role.end():].split()
        for i in range(len(words)):
            run: list[str] = []
            for w in words[i:i + 4]:
                core = w.rstrip(".,;:")
                if not (core[:1].isupper() and (len(core) == 1 or core[1:].islower()) and core.isalpha()):
                    break
                run.append(core)
                if core != w:
                    break
            if len(run) >= 2 and run[0].casefold() in VIETNAMESE_SURNAMES and \
                    (i == 0 or not words[i - 1].rstrip(".,;:")[:1].isupper() or words[i - 1].isupper()):
                name = " ".join(run)
                return Speaker(name, "", "", text.find(name), name)
    return None


def name_only(text: str) -> str | None:
    """`text` if it is only a person's name (two to four capitalised words, no title, no digits)."""
    words = text.split()
    if not 2 <= len(words) <= 4 or not all(_is_name_token(w, first=i == 0) for i, w in enumerate(words)):
        return None
    got = _name_after(text, 0)
    return normal_case(got[0]) if got and got[0] == text.strip() else None
