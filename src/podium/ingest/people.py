"""Speakers: a name after a form of address or a title ("His Eminence
Cardinal Pietro Parolin", "Amb. Virander Paul", "Đại sứ Đặng Hoàng Giang",
"Chargé d’Affaires Courtney Austrian"), or a name line above a role line.

A name is two to five capitalised words (initials count: "V. Makei"); a
family name in capitals is a convention and is given in normal case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HONORIFICS = (
    "his excellency", "her excellency", "honourable", "honorable", "his eminence", "his holiness",
    "his majesty", "her majesty",
    "his royal highness", "h.e.", "h. e.", "s.e.", "s. e.", "dr.", "dr", "mr.", "mr", "mrs.", "ms.", "ms",
    "prof.", "m.", "mme", "mme.", "excmo.", "excma.", "sr.", "sra.", "dña.", "ngài", "ông", "bà", "ts.",
    "h.r.h.", "hon.", "rt. hon.", "sir", "dame", "madame", "monsieur", "señor", "señora", "г-н", "г-жа",
    "господин", "госпожа",
)
TITLES = (
    "ambassador", "amb.", "cardinal", "archbishop", "colonel", "chargé d’affaires",
    "chargé d'affaires", "director general", "director-general", "secretary-general", "secretary general",
    "high commissioner", "minister", "foreign minister", "prime minister", "president", "presidente",
    "presidenta", "ministra", "ministro", "embajador", "embajadora", "ambassadeur", "ambassadrice",
    "ministre", "président", "présidente", "đại sứ", "bộ trưởng", "thủ tướng", "chủ tịch", "посол",
    "министр", "постпред", "постоянный представитель", "президент", "king", "queen", "counsellor",
    "counselor", "deputy permanent representative", "permanent representative", "representative",
    "public delegate", "delegate",
)
ROLE_WORDS = re.compile(
    r"\b(ambassador|permanent representative|representative|minister|secretary|president|chair|"
    r"head of delegation|deputy|director|counsell?or|delegate|envoy|chargé|commissioner|ambassadeur|"
    r"représentant|ministre|président|embajador|representante|ministr[oa]|presidente|đại sứ|trưởng|"
    r"đại diện|bộ trưởng|посол|министр|представитель)\b", re.IGNORECASE)
_STOP = {"of", "the", "and", "at", "to", "de", "du", "des", "la", "le", "del", "el", "y", "et", "on", "in"}
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


def normal_case(name: str) -> str:
    """LE Thi Tuyet Mai → Le Thi Tuyet Mai."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 and w.replace("-", "").isalpha() else w
                    for w in name.split())


def _prefix_pattern(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_LEAD = re.compile(rf"(?<!\w)((?:(?:{_prefix_pattern(HONORIFICS + TITLES)})(?!\w)[\s,]*)+)", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
_HONORIFIC = re.compile(rf"(?<!\w)(?:{_prefix_pattern(HONORIFICS)})(?!\w)", re.IGNORECASE)
_POSTED = re.compile(r"(?:to|at|in|of)\s+(?:the\s+)?(?:United Nations|UN|U\.N\.)(?:\s+(?:in|at)\s+[A-Z]\w+)?"
                     r"(?:\s+Office)?\s*,?\s*")
_VOCATIVE = re.compile(r"\b(?:your|votre|vuestra|su|dear|cher|chère|querido|уважаем\w*|kính thưa|thưa)\s",
                       re.IGNORECASE)


def _is_name_token(token: str, first: bool = False) -> bool:
    core = token.strip(",;:")
    if re.fullmatch(r"[^\W\d_][\w'’-]{2,}\.", core):
        core = core[:-1]  # a sentence's full stop after the name
    if not core or not core[0].isupper() or core.casefold() in _ROLE_CAPS:
        return False
    if core.casefold() in _STOP and not (first and core.isupper()):
        return False
    if re.fullmatch(r"(?:[^\W\d_]\.){1,3}(?:[^\W\d_][\w'’-]*)?", core):  # V. / С.В. / С.В.Лавров
        return True
    return re.fullmatch(r"[^\W\d_][\w'’-]*", core) is not None


def _name_after(text: str, at: int) -> tuple[str, int] | None:
    names: list[str] = []
    end = at
    for m in _TOKEN.finditer(text, at):
        between = text[end:m.start()]
        if names and "\n" in between:
            break
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
    return " ".join(names), end


def find_speaker(text: str) -> Speaker | None:
    """The first person named after a title or form of address, with the role that follows."""
    text = re.sub(r"\b([HS]\.\s?E\.)(?=\w)", r"\1 ", text)
    for m in _LEAD.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start: line_end if line_end >= 0 else len(text)].strip()
        if len(text[line_start:m.start()].split()) <= 1 and line.endswith(","):
            continue  # "Honourable Minister Dr Edwin Dikoloti, President of …," addresses someone
        if _VOCATIVE.search(text[max(line_start, m.start() - 25):m.start() + len(m.group(1))]):
            continue  # "Your Excellency Philemon Yang": the one addressed
        at = m.end()
        if complement := _POSTED.match(text, at):
            at = complement.end()  # "permanent representative to the United Nations Zhang Jun"
        got = _name_after(text, at)
        if got is None:
            continue
        name, end = got
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


def _name_line(text: str) -> Speaker | None:
    """A line that is only a name, above a line that is a role: 'John Giordano / Public Delegate'."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1]):
        words = line.split()
        if 2 <= len(words) <= 4 and all(_is_name_token(w) and not w.endswith(",") for w in words) and \
                not _VOCATIVE.match(line.strip() + " ") and \
                ROLE_WORDS.search(lines[i + 1]) and len(lines[i + 1]) < 80:
            return Speaker(normal_case(line.strip()), "", lines[i + 1].strip(), text.find(line))
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
