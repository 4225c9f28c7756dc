"""Turn a raw text into a statement draft, inferring as much front matter as
the text itself supports and never losing a word.

Formal statements open with a header block ("Statement by H.E. Dr. LE Thi
Tuyet Mai / Ambassador, Permanent Representative of Viet Nam / at the 114th
Session of the IOM Council / (27 – 29 November 2023)"); news-agency reports
open with a date line or a dateline ("Geneva (VNA) –") and may end with an
end-of-text mark ("./."). What is read into metadata is kept verbatim in
`source.heading`, so the words of the source equal the words of the body plus
that heading: `lost_words` proves it for every import.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
from babel.dates import get_month_names
from slugify import slugify

from podium import codes
from podium.blocks import BlockKind, classify
from podium.collection import Collection
from podium.normalise import words
from podium.reader import Paragraph, RawText

OPENERS = re.compile(
    r"^(?P<opener>(?:joint\s+)?(?:statement|remarks|speech|address|intervention|opening remarks|"
    r"closing remarks|explanation of (?:vote|position))\s+(?:delivered\s+)?(?:by|of|on behalf of)|"
    r"déclaration (?:de|du|par)|intervention (?:de|du)|discours (?:de|du)|allocution (?:de|du)|"
    r"declaración (?:de|del)|intervención (?:de|del)|discurso (?:de|del)|palabras (?:de|del)|"
    r"(?:bài )?phát biểu của|tuyên bố của)\s+",
    re.IGNORECASE)
HONORIFICS = (
    "his excellency", "her excellency", "h.e.", "h. e.", "s.e.", "s. e.", "dr.", "dr", "mr.", "mrs.",
    "ms.", "prof.", "ambassador", "m.", "mme", "mme.", "excmo.", "excma.", "sr.", "sra.", "d.", "dña.",
    "ngài", "bà", "ông", "ts.", "h.r.h.", "hon.", "rt. hon.", "sir", "dame", "madame", "monsieur",
)
ROLE_WORDS = re.compile(
    r"\b(ambassador|permanent representative|representative|minister|secretary|president|chair|"
    r"head of delegation|deputy|director|counsellor|delegate|envoy|ambassadeur|représentant|ministre|"
    r"embajador|representante|ministro|đại sứ|trưởng|đại diện|bộ trưởng)\b", re.IGNORECASE)
EVENT = [
    re.compile(r"\b(?:at|to|before) the (?P<session>\d+\s*(?:st|nd|rd|th)\s+(?:regular\s+|special\s+)?"
               r"(?:session|meeting|sitting))\s+of the (?P<body>[^,(\n]+)", re.IGNORECASE),
    re.compile(r"\b(?:at|to|before) the (?P<body>[^,(\n]+?),?\s+(?P<session>\d+\s*(?:st|nd|rd|th)\s+"
               r"(?:regular\s+|special\s+)?(?:session|meeting))", re.IGNORECASE),
    re.compile(r"\b(?:à|lors de) la (?P<session>\d+\s*(?:e|ème)\s+session)\s+(?:du|de la|de l['’])\s*"
               r"(?P<body>[^,(\n]+)", re.IGNORECASE),
    re.compile(r"\ben el (?P<session>\d+\s*[º°o.]?\s*período (?:ordinario )?de sesiones)\s+del?\s+"
               r"(?P<body>[^,(\n]+)", re.IGNORECASE),
    re.compile(r"\btại (?P<session>khóa họp (?:lần )?thứ \d+)\s+(?P<body>[^,(\n]+)", re.IGNORECASE),
    re.compile(r"\b(?:at|to) the (?P<body>(?:general debate of the )?[^,(\n]*?(?:general assembly|"
               r"security council|council|conference|assembly|committee|summit|forum))\b", re.IGNORECASE),
]
AGENCIES = {
    "VNA": "Vietnam News Agency", "AFP": "Agence France-Presse", "AP": "Associated Press",
    "Reuters": "Reuters", "Xinhua": "Xinhua News Agency", "TASS": "TASS", "EFE": "Agencia EFE",
    "ANSA": "ANSA", "Kyodo": "Kyodo News", "Yonhap": "Yonhap News Agency", "APS": "Algérie Presse Service",
    "MAP": "Maghreb Arabe Presse", "PTI": "Press Trust of India", "IRNA": "IRNA",
    "WAM": "Emirates News Agency",
    "SPA": "Saudi Press Agency", "KUNA": "Kuwait News Agency", "Bernama": "Bernama", "Antara": "Antara",
    "PNA": "Philippine News Agency", "UN News": "UN News",
}
DATELINE = re.compile(r"^(?P<place>[A-ZÀ-Ỹ][\w .'’-]{1,40}?)\s*\((?P<agency>[^)]{2,20})\)\s*[–—-]+\s*")
DATE_LINE = re.compile(r"^(?:date\s+)?(?P<date>\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
END_MARKERS = ("./.", "(END)", "- Ends -", "-- END --", "###", "(Ends)", "-30-")
DEMONYMS = {
    "vietnamese": "VNM", "french": "FRA", "chinese": "CHN", "american": "USA", "british": "GBR",
    "russian": "RUS", "german": "DEU", "japanese": "JPN", "indian": "IND", "brazilian": "BRA",
    "mexican": "MEX", "spanish": "ESP", "italian": "ITA", "canadian": "CAN", "australian": "AUS",
    "korean": "KOR", "south korean": "KOR", "indonesian": "IDN", "thai": "THA", "filipino": "PHL",
    "malaysian": "MYS", "singaporean": "SGP", "cambodian": "KHM", "lao": "LAO", "laotian": "LAO",
    "egyptian": "EGY", "nigerian": "NGA", "kenyan": "KEN", "south african": "ZAF", "turkish": "TUR",
    "iranian": "IRN", "pakistani": "PAK", "bangladeshi": "BGD", "argentine": "ARG", "chilean": "CHL",
    "colombian": "COL", "peruvian": "PER", "cuban": "CUB", "swiss": "CHE", "swedish": "SWE",
    "norwegian": "NOR", "dutch": "NLD", "belgian": "BEL", "polish": "POL", "ukrainian": "UKR",
    "sri lankan": "LKA", "ethiopian": "ETH", "moroccan": "MAR", "algerian": "DZA", "saudi": "SAU",
}


@dataclass
class Draft:
    """A statement as the importer could infer it."""

    meta: dict[str, Any]
    body: list[str]
    inferred: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --- lookups ------------------------------------------------------------------


@cache
def _country_names() -> list[tuple[str, str]]:
    """(lower-cased name, alpha-3) in English, French, Spanish and Vietnamese, longest first."""
    names: dict[str, str] = {}
    translations = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang],
                                              fallback=True) for lang in ("fr", "es", "vi")}
    for c in pycountry.countries:
        english = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        found = codes.delegation(c.alpha_3)
        english.append(found.name if found else None)
        for name in filter(None, english):
            names[name.casefold()] = c.alpha_3
            for tr in translations.values():
                names[tr.gettext(name).casefold()] = c.alpha_3
    names.update(DEMONYMS)
    return sorted(names.items(), key=lambda kv: -len(kv[0]))


def find_delegation(text: str) -> str | None:
    """The first country named (or adjective used) in a text, as ISO alpha-3."""
    lowered = text.casefold()
    best: tuple[int, str] | None = None
    for name, code in _country_names():
        if len(name) < 4 and name not in DEMONYMS:
            continue
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", lowered)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), code)
    return best[1] if best else None


@cache
def _months(language: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for lang in {"en", language.split("-")[0]}:
        try:
            for fmt in ("wide", "abbreviated"):
                for num, name in get_month_names(fmt, locale=lang).items():
                    out[name.casefold().rstrip(".")] = num
        except Exception:
            continue
    return out


def find_dates(text: str, language: str = "en") -> tuple[dt.date | None, dt.date | None]:
    """A date or a date range written out in a text: '27 – 29 November 2023'."""
    iso = re.findall(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        dates = [dt.date(int(y), int(m), int(d)) for y, m, d in iso[:2]]
        return dates[0], dates[1] if len(dates) > 1 else None
    months = _months(language)
    month = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    d, y, sep = r"(\d{1,2})(?:er|st|nd|rd|th|º)?", r"(?:năm\s+)?(\d{4})", r"\s*(?:[–—-]|to|au|al|đến)\s*"
    patterns = [
        (rf"{d}\s+(?:de\s+)?({month})\.?{sep}{d}\s+(?:de\s+)?({month})\.?,?\s+(?:de\s+)?{y}", "dmdmy"),
        (rf"{d}{sep}{d}\s+(?:de\s+)?({month})\.?,?\s+(?:de\s+)?{y}", "ddmy"),
        (rf"{d}\s+(?:de\s+)?({month})\.?,?\s+(?:de\s+|năm\s+)?{y}", "dmy"),
        (rf"({month})\s+{d}(?:{sep}{d})?,\s+{y}", "md(d)y"),
    ]
    for pattern, shape in patterns:
        m = re.search(pattern, text, re.IGNORECASE)
        if not m:
            continue
        g = m.groups()
        try:
            if shape == "dmdmy":
                y_ = int(g[4])
                return (dt.date(y_, months[g[1].casefold()], int(g[0])),
                        dt.date(y_, months[g[3].casefold()], int(g[2])))
            if shape == "ddmy":
                mo, y_ = months[g[2].casefold()], int(g[3])
                return dt.date(y_, mo, int(g[0])), dt.date(y_, mo, int(g[1]))
            if shape == "dmy":
                return dt.date(int(g[2]), months[g[1].casefold()], int(g[0])), None
            mo, y_ = months[g[0].casefold()], int(g[3])
            start = dt.date(y_, mo, int(g[1]))
            return start, dt.date(y_, mo, int(g[2])) if g[2] else None
        except (ValueError, KeyError):
            continue
    return None, None


def detect_language(text: str) -> str | None:
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0  # langdetect is random unless seeded
    try:
        lang = str(detect(text[:5000]))
    except LangDetectException:
        return None
    return {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant"}.get(lang, lang)


def normal_case(name: str) -> str:
    """LE Thi Tuyet Mai → Le Thi Tuyet Mai; family names in capitals are a convention, not a spelling."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 and w.isalpha() else w for w in name.split())


def split_honorifics(text: str) -> tuple[str, str]:
    """('H.E. Dr.', 'LE Thi Tuyet Mai') from 'H.E. Dr. LE Thi Tuyet Mai'."""
    rest, taken = re.sub(r"^(?:la|el|le|l['’])\s*(?=\S)", "", text.strip(), flags=re.IGNORECASE), []
    while True:
        low = rest.casefold()
        hit = next((h for h in sorted(HONORIFICS, key=len, reverse=True)
                    if low.startswith(h) and (len(rest) == len(h) or not rest[len(h)].isalnum())), None)
        if hit is None:
            break
        taken.append(rest[: len(hit)])
        rest = rest[len(hit):].strip()
    return " ".join(taken), rest


# --- inference ------------------------------------------------------------------


def _header(paragraphs: list[Paragraph]) -> tuple[int, str, list[str]] | None:
    """How many paragraphs the header block takes, its text (verbatim) and its
    lines, if the text opens with one. A Word header is often one bold
    paragraph per line: consecutive bold paragraphs are one block."""
    count = 1
    if paragraphs[0].bold:
        while count < len(paragraphs) and count < 8 and paragraphs[count].bold:
            count += 1
    elif OPENERS.match(paragraphs[0].text):
        # Header lines set as separate paragraphs (PDF, some plain texts): short,
        # not sentences, not yet the salutation.
        while (count < len(paragraphs) and count < 6 and len(paragraphs[count].text) < 150
               and not paragraphs[count].text.rstrip().endswith(".")
               and classify(paragraphs[count].text) is BlockKind.PARAGRAPH):
            count += 1
    text = "\n".join(p.text for p in paragraphs[:count])
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    bold = paragraphs[0].bold
    if OPENERS.match(lines[0]) and (bold or len(lines) <= 8) and len(text) < 600:
        return count, text, lines
    if bold and len(lines) <= 8 and not text.rstrip().endswith("."):
        return count, text, lines
    return None


def _statement_header(text: str, lines: list[str], d: Draft, language: str) -> None:
    m = d.meta
    opener = OPENERS.match(lines[0])
    who = lines[0][opener.end():] if opener else ""
    if opener and re.search(r"joint", opener.group("opener"), re.IGNORECASE):
        m["kind"] = "joint-statement"
    who, _, role_inline = who.partition(", ")
    honorific, name = split_honorifics(who)
    speaker: dict[str, str] = {}
    if name:
        speaker["name"] = normal_case(name)
        if honorific:
            speaker["honorific"] = honorific
    role_lines = [ln for ln in lines[1:] if ROLE_WORDS.search(ln) and not any(p.search(ln) for p in EVENT)]
    role = role_inline or (role_lines[0] if role_lines else "")
    if role:
        speaker["role"] = role.strip().rstrip(",")
    if speaker.get("name"):
        m["speaker"] = speaker
        d.inferred += [f"speaker.{k}" for k in speaker]
    if delegation := find_delegation(" ".join([role, *lines[1:]])):
        m["delegation"] = delegation
        d.inferred.append("delegation")
    joined = " ".join(lines)
    for pattern in EVENT:
        em = pattern.search(joined)
        if em:
            event = {"body": em.group("body").strip().rstrip(".)")}
            if "session" in em.groupdict() and em.group("session"):
                event["session"] = em.group("session").strip()[0].upper() + em.group("session").strip()[1:]
            m["event"] = event
            d.inferred += [f"event.{k}" for k in event]
            break
    start, end = find_dates(joined, language)
    if start:
        if end or "event" in m:
            m.setdefault("event", {"body": "?"})
            m["event"]["start"] = start.isoformat()
            d.inferred.append("event.start")
            if end:
                m["event"]["end"] = end.isoformat()
                d.inferred.append("event.end")
        if not end:
            m["date"] = start.isoformat()
            d.inferred.append("date")
    title_lines = [normal_case_names(ln, speaker.get("name"), name) for ln in lines
                   if not find_dates(ln, language)[0] or OPENERS.match(ln)]
    m["title"] = re.sub(r"\s*\([^)]*\d{4}\)\s*$", "", ", ".join(title_lines)).strip(" ,")
    d.inferred.append("title")


def normal_case_names(line: str, normal: str | None, raw: str) -> str:
    return line.replace(raw, normal) if normal and raw and raw in line else line


def _report(paragraphs: list[Paragraph], d: Draft, heading: list[str]) -> list[Paragraph]:
    m = d.meta
    first = paragraphs[0].text
    dm = DATE_LINE.match(first)
    if dm:
        m["date"] = dm.group("date")
        d.inferred.append("date")
        heading.append(first[: dm.end()].strip())
        rest = first[dm.end():].strip()
        paragraphs = ([Paragraph(rest)] if rest else []) + paragraphs[1:]
    for i, p in enumerate(paragraphs[:3]):
        dl = DATELINE.match(p.text)
        if dl:
            agency = dl.group("agency").strip()
            d.notes.append(f"agency: {agency}")
            m["venue"] = dl.group("place").strip()
            m.setdefault("source", {})["publisher"] = AGENCIES.get(agency, agency)
            d.inferred += ["venue", "source.publisher"]
            m["kind"] = "news-report"
            if "date" not in m:
                start, _ = find_dates(" ".join(x.text for x in paragraphs[:i + 1]))
                if start:
                    m["date"] = start.isoformat()
                    d.inferred.append("date")
            break
    if paragraphs:
        last = paragraphs[-1].text.rstrip()
        marker = next((mk for mk in END_MARKERS if last.endswith(mk)), None)
        if marker:
            m["end_marker"] = marker
            d.inferred.append("end_marker")
            trimmed = last[: -len(marker)].rstrip()
            paragraphs = paragraphs[:-1] + ([Paragraph(trimmed)] if trimmed else [])
    return paragraphs


def _kind(paragraphs: list[Paragraph], d: Draft) -> str:
    text = "\n".join(p.text for p in paragraphs[:40])
    if re.search(r"^(?:press release|communiqué de presse|comunicado de prensa|thông cáo báo chí)",
                 text, re.IGNORECASE | re.MULTILINE):
        return "press-release"
    if len(re.findall(r"^(?:Q|Question|A|Answer)\s*[:.-]", text, re.MULTILINE)) >= 4:
        return "interview"
    if re.search(r"^(?:dear|excellency,)", text, re.IGNORECASE | re.MULTILINE) and re.search(
            r"(?:yours sincerely|accept,? .* assurances|please accept)", text, re.IGNORECASE):
        return "letter"
    if any(classify(p.text) is BlockKind.SALUTATION for p in paragraphs[:3]):
        return "speech" if "speaker" not in d.meta else "statement"
    return "statement"


def _suggest_related(d: Draft, body: str, collection: Collection | None) -> None:
    if collection is None or d.meta.get("kind") != "news-report":
        return
    lowered = " ".join(body.split()).casefold()
    for st in collection:
        sm = st.meta
        if not sm.speaker or not sm.event or sm.kind.value == "news-report":
            continue
        number = re.search(r"\d+", sm.event.session or "")
        if (sm.speaker.name.casefold() in lowered and sm.event.body.casefold() in lowered
                and (number is None or re.search(rf"\b{number.group(0)}(?:st|nd|rd|th|e)?\b", lowered))):
            d.meta["related"] = [{"id": sm.id, "relation": "reports-on"}]
            d.inferred.append("related")
            if "event" not in d.meta:
                d.meta["event"] = sm.event.model_dump(mode="json", exclude_none=True)
                d.inferred.append("event.body")
            d.notes.append(f"suggested related: {sm.id} (same speaker, body and session)")
            return


def _first_sentence(text: str, limit: int = 110) -> str:
    abbreviation = r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bE\.)(?<!\bSt\.)"
    sentence = re.split(rf"(?<=[.!?]){abbreviation}\s", " ".join(text.split()), maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def make_draft(raw: RawText, path: Path, kind: str | None = None,
               collection: Collection | None = None) -> Draft:
    """Infer a statement from a raw text."""
    paragraphs = list(raw.paragraphs)
    d = Draft(meta={}, body=[], notes=list(raw.notes))
    heading: list[str] = []
    sample = " ".join(p.text for p in paragraphs)
    language = detect_language(sample)
    header = _header(paragraphs)
    if header:
        count, text, lines = header
        heading.append(text)
        paragraphs = paragraphs[count:]
        _statement_header(text, lines, d, language or "en")
    paragraphs = _report(paragraphs, d, heading) if paragraphs else paragraphs
    m = d.meta
    m.setdefault("kind", kind or _kind(paragraphs, d))
    if kind:
        m["kind"] = kind
    d.inferred.append("kind")
    if language:
        m["language"] = language
        d.inferred.append("language")
    else:
        d.missing.append("language")
    if "title" not in m:
        texts = [p for p in paragraphs if classify(p.text) is BlockKind.PARAGRAPH] or paragraphs
        heading_line = DATELINE.sub("", texts[0].text) if texts else ""
        if paragraphs and len(heading_line) < 150 and not heading_line.endswith(".") and "\n" not in \
                heading_line and classify(heading_line) is BlockKind.PARAGRAPH and len(paragraphs) > 1:
            m["title"] = heading_line  # a title line: stays in the body as well
        else:
            m["title"] = _first_sentence(heading_line or path.stem)
            m["title_supplied"] = True
        d.inferred.append("title")
    d.body = [p.text for p in paragraphs]
    body = "\n\n".join(d.body)
    _suggest_related(d, body, collection)
    m["id"] = _make_id(m, path)
    source = m.setdefault("source", {})
    source["file"] = path.name
    if heading:
        source["heading"] = "\n".join(heading)
    for required in ("speaker", "delegation", "event") if m["kind"] != "news-report" else ("date",):
        if required not in m:
            d.missing.append(required)
    if "date" not in m and not m.get("event", {}).get("start"):
        d.missing.append("date")
    m["review"] = sorted(set(d.missing) | {f for f in d.inferred if f in
                                           {"delegation", "related", "event.body", "title"}})
    return d


def _make_id(m: dict[str, Any], path: Path) -> str:
    parts: list[str] = []
    if m.get("kind") == "news-report":
        publisher = str(m.get("source", {}).get("publisher", ""))
        code = next((k for k, v in AGENCIES.items() if v == publisher), publisher)
        parts = [slugify(code)[:16], m.get("date", ""),
                 slugify(m.get("title", ""))[:40]]
    elif m.get("delegation") and m.get("event"):
        session = re.search(r"\d+", m["event"].get("session", ""))
        number = session.group(0) if session else ""
        parts = [m["delegation"].lower(), slugify(m["event"]["body"])[:30], number]
    slug = slugify("-".join(p for p in parts if p)) or slugify(path.stem) or "statement"
    return slug[:100].strip("-")


def lost_words(raw: RawText, d: Draft) -> list[str]:
    """Words of the source missing from body + verbatim heading (multisets, NFKC, case-folded)."""
    kept = Counter(words("\n".join(d.body)))
    kept.update(words(d.meta.get("source", {}).get("heading", "")))
    kept.update(words(d.meta.get("end_marker", "")))
    return sorted((Counter(words(raw.text)) - kept).elements())


def render(d: Draft) -> str:
    """The statement file: commented front matter, then the body."""
    import yaml

    order = ["id", "kind", "title", "title_supplied", "speaker", "delegation", "event", "date", "venue",
             "language", "topics", "source", "related", "summary", "end_marker", "review"]
    meta = {k: d.meta[k] for k in order if k in d.meta and d.meta[k] not in ({}, [], None)}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    head = ("# Imported by `podium import`. Check the fields listed under `review`,\n"
            "# then remove them from the list. `podium check` lists what is left.\n")
    return f"---\n{head}{front}---\n\n" + "\n\n".join(d.body) + "\n"


@dataclass
class Imported:
    """What importing one file did."""

    source: Path
    target: Path | None = None
    draft: Draft | None = None
    error: str | None = None
    lost: list[str] = field(default_factory=list)


def import_file(path: Path, out: Path, *, kind: str | None = None, force: bool = False,
                dry_run: bool = False, collection: Collection | None = None,
                taken: set[str] | None = None) -> Imported:
    """Read, infer, prove nothing was lost, and write statements/<id>.md."""
    from podium.reader import ReadError, read

    result = Imported(path)
    try:
        raw = read(path)
    except (ReadError, OSError) as exc:
        result.error = str(exc)
        return result
    d = make_draft(raw, path, kind, collection)
    result.draft, result.lost = d, lost_words(raw, d)
    if result.lost:
        result.error = f"{len(result.lost)} word(s) would be lost: {' '.join(result.lost[:10])}"
        return result
    target = out / f"{d.meta['id']}.md"
    exists = target.exists() or (d.meta["id"] in (taken or set()))
    if exists and not force:
        result.error = f"id {d.meta['id']!r} exists ({target}); use --force to overwrite"
        return result
    result.target = target
    if not dry_run:
        out.mkdir(parents=True, exist_ok=True)
        target.write_text(render(d), encoding="utf-8")
    return result


SCAFFOLD = """---
# A new {kind}. Fill in what you know, delete what does not apply.
# Reference: README "Adding a statement"; schema: podium schema.
id: {id}                 # a-z, 0-9 and hyphens; part of the URL; never change it once published
kind: {kind}             # statement, speech, joint-statement, press-release, news-report, letter, interview
title: Statement by …
title_supplied: false    # true if the source has no title and you wrote this one
speaker:
  name: …                # normal casing, without honorifics
  honorific: H.E.        # as printed before the name
  role: Permanent Representative of …
delegation: …            # ISO 3166-1 alpha-3 (VNM, FRA) or an organisation code (EU, AU)
event:
  body: …                # e.g. Human Rights Council
  session: …             # e.g. 57th session
  start: {today}
  end: {today}
date: {today}            # day delivered/published; remove if only the event's dates are known
venue: …                 # e.g. Geneva
language: en             # BCP 47: en, fr, es, vi, ar, ru, zh-Hans
topics: []
source:
  publisher: …
  url: https://…
  retrieved: {today}
related: []              # - id: other-statement-id
                         #   relation: reports-on   # or responds-to, translation-of
summary: …
---

Mr. President,

The text of the {kind}, one paragraph per block.
"""
