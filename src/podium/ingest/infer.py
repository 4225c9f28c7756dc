"""Fill a draft's fields from where a text says them: its front matter or page
metadata first, then its head (the lines before the salutation or the first
paragraph of prose), then, for a news report, its lead.

Each finder returns nothing rather than a guess: a wrong value is worse than
a missing one, since a missing one is listed for a person to fill.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import Any

from podium.ingest import events, news, people, places
from podium.ingest.dates import all_dates
from podium.ingest.reader import Paragraph
from podium.model import codes
from podium.text.blocks import BlockKind, classify

STATEMENT_HEAD = re.compile(
    r"\b(?:statement|remarks|address|speech|intervention) (?:by|of|to|at|delivered)\b|\bas delivered\b|"
    r"check against delivery|\b(?:discours|déclaration|intervention|allocution) (?:de|du|par)\b|"
    r"prononcée fait foi|\b(?:discurso|intervención|declaración|palabras) (?:de|del)\b|"
    r"\bвыступлени\w+|phát biểu của|发言人|發言人|^(?:[A-Z]{2,6} )?statement\b|"
    # the same words in the other languages a head is written in (Swedish, German, Italian,
    # Portuguese, Polish, Dutch): what the text is, then whose it is
    r"\b(?:anförande|uttalande)\s+(?:av|vid)\b|\b(?:rede|erklärung|ansprache|grußwort|grusswort)\s+"
    r"(?:von|des|der)\b|\b(?:intervento|dichiarazione|discorso)\s+(?:del|della|dell['’]|di)\b|"
    r"\b(?:discurso|intervenção|declaração|pronunciamento)\s+(?:do|da|de)\b|"
    r"\b(?:wystąpienie|przemówienie|oświadczenie)\b|\btoespraak\b", re.IGNORECASE)
_PRESIDING_TITLE = (r"president|chair(?:person|man|woman)?|secretary-general|président\w*|presidente"
                    r"|secr[ée]taire g[ée]n[ée]ral|secretario general|председател\w+"
                    r"|генеральн\w+ секретар\w+|chủ tịch")
_PRESIDED_BODY = (r"general assembly|council|conference|assembly|united nations|assemblée|asamblea"
                  r"|ассамбле\w+|đại hội đồng|conseil|consejo")
PRESIDING = re.compile(rf"\b(?:{_PRESIDING_TITLE})\b[^\n]{{0,60}}\b(?:{_PRESIDED_BODY})"
                       r"|\bsecretary[- ]general\b|\bsecr[ée]taire g[ée]n[ée]ral\b", re.IGNORECASE)
"""Who presides or serves a body (its President, the Secretary-General): addressed, never the speaker."""
SPEECH = re.compile(
    r"\b(?:opening|closing|keynote|welcoming|inaugural|commencement)\s+(?:remarks|address|speech|lecture)\b|"
    r"\bdiscours d['’](?:ouverture|clôture)\b|\bdiscurso (?:de apertura|de clausura|inaugural)\b|"
    r"^(?:speech|lecture) (?:by|of)\b", re.IGNORECASE | re.MULTILINE)
"""What people call a speech rather than a delegation's statement: an official's opening or
closing remarks, a keynote, a lecture."""
HEAD_PARAGRAPHS = 12
HEAD_CHARS = 1500
LEAD_PARAGRAPHS = 3
"""A report's lead: its sapo, a caption, and the paragraph that says who spoke where."""


@dataclass
class Parts:
    """Where in a text each kind of fact is looked for."""

    top: str
    """The lines before the salutation or the first paragraph of prose."""
    top_blocks: list[str]
    lead: str
    """The top and the first two paragraphs of prose."""
    tail: str
    """The last two paragraphs (a place and date under a press release)."""
    paragraphs: list[str]
    salutation: bool
    opening: str = ""
    """The first paragraph of prose after the head."""


_SPEAKS = re.compile(r"(?-i:\bI\b)|\b(?:me|we|us|je|nous|yo|nosotros)\b", re.IGNORECASE)


def _prose(text: str) -> bool:
    """A paragraph of running text; a header block, however long, does not end a sentence,
    nor speak in the first person (a hard-wrapped opening cut by a page number, "May I first
    extend to Mr. … my / warmest congratulations on his", is the speech, not its header)."""
    flat = " ".join(text.split())
    return len(flat) >= 500 or (len(flat) >= 100 and flat.endswith((".", "。", "!", "?", "”", '"', "»"))) \
        or (len(flat.split()) >= 8 and _SPEAKS.search(flat) is not None and "cookie" not in flat.casefold())


DELIVERY = re.compile(
    r"^\W*(?:[\w-]+\s+){0,3}?(?:(?:statement|remarks|speech|address|intervention)\s+)?(?:as\s+)?"
    r"(?:delivered|given|read(?: out)?|made)\s+by\b|^\W*(?:national |joint )?statement (?:by|on behalf of)\b|"
    r"^\W*on behalf of\b|\b(?:levererad[e]?|framförd[e]?) av\b|\bprononcée? par\b|"
    r"^\W*(?:the following is )?(?:the )?(?:full )?text of (?:an? |the )?"
    r"(?:address|speech|statement|remarks)\b|^\W*(?:voici )?(?:le )?texte (?:intégral )?(?:du|de l['’]) ?"
    r"(?:discours|allocution|intervention|déclaration)\b|"
    r"\bpronunciad[oa] por\b|\bgehalten von\b|\bvorgetragen von\b", re.IGNORECASE)
"""A line that says who delivered the text, where and when ("National statement delivered by
Ambassador … on behalf of Sweden at the Security Council …, 26 October 2018, New York."): part
of the head even when it reads as a sentence."""


_NOTICE = re.compile(
    r"\bcookies?\b|\bskip to (?:main )?content\b|\bjavascript\b|\baller au contenu\b|"
    r"\b(?:pasar|ir|saltar) (?:al|para o|para) (?:contenido|conteúdo)\b|\bzum inhalt\b|\bdirekt zum inhalt\b|"
    r"перейти к основному содержани\w*|本文へスキップ|メインコンテンツへ|ここから本文|跳(?:转)?到主要内容|"
    r"본문\s?바로\s?가기|누리집|\ban official website of the\b|"
    # the banner every U.S. government site prints over its pages
    r"\bofficial websites use \.gov\b|\ba \.gov website belongs to\b|\bsecure \.gov websites use https\b|"
    r"safely connected to the \.gov website", re.IGNORECASE)
"""A web page's notices about itself (cookies, a skip link, an official-site banner), in the
languages pages print them in."""


def parts(paragraphs: list[Paragraph]) -> Parts:
    texts = [p.text for p in paragraphs]
    top: list[str] = []
    salutation = False
    i = 0
    opening = ""
    for i, text in enumerate(texts[:HEAD_PARAGRAPHS]):
        if _NOTICE.search(text) and len(text) < 400:
            continue  # a site's cookie notice or skip link: neither the head nor the text
        kind = classify(text)
        if kind is BlockKind.SALUTATION:
            salutation = True
            break
        # a line that says who delivered the text, unless it is the speech itself speaking ("On behalf
        # of the delegation of Benin …, I should like to extend my warm congratulations …")
        said = len(text) < 600 and ((DELIVERY.search(text) and not _SPEAKS.search(text)) or
                                    STATEMENT_HEAD.match(text.lstrip(" \t*#")))
        # a line a page prints twice in a row is its title (heading and page title), whatever it ends with
        printed_twice = len(text) < 400 and (text in texts[i + 1:i + 2] or text in top)
        if _prose(text) and not paragraphs[i].bold and not said and not printed_twice:
            if not any(_VOCATIVE_LINE.match(t.strip()) for t in top):
                opening = text  # not a story a speech opens with, once it has addressed the room
            break
        top.append(text)
    else:
        i = min(len(texts), HEAD_PARAGRAPHS)
    rest = [t for t in dict.fromkeys(texts[i:])  # a photo caption printed twice is read once
            if classify(t) is not BlockKind.SALUTATION and _words(t) > 3
            and not (_NOTICE.search(t) and len(t) < 400)]
    lead = [*top, *rest[:LEAD_PARAGRAPHS]]
    salutation = salutation or any(classify(t) is BlockKind.SALUTATION for t in texts[i:i + 3])
    return Parts("\n".join(top)[:HEAD_CHARS], top, "\n".join(lead)[:HEAD_CHARS * 2], "\n".join(texts[-2:]),
                 texts, salutation, opening)


_VOCATIVE_LINE = re.compile(
    r"^\W*(?:主席(?:女士|先生)|尊敬的|уважаем\w+|господин председатель|госпожа председатель|"
    r"(?:sehr geehrte[rn]?\s+)?(?:herr|frau) (?:präsident\w*|vorsitzende\w*)|signor[ae]? president\w*|"
    r"senhor(?:a)? president\w*|herr ordförande|fru ordförande|panie przewodnicząc\w*|pani przewodnicząc\w*|"
    r"السيد الرئيس|السيدة الرئيسة|السيد رئيس|議長|의장님)", re.IGNORECASE)
"""A line that addresses the room, in languages whose salutations the block classifier does not
know ("主席女士，", "Уважаемый господин Председатель!", "السيد الرئيس"): a speech, not a release."""


def addressed(paragraphs: list[str]) -> bool:
    return any(len(p) < 120 and _VOCATIVE_LINE.match(p.strip()) for p in paragraphs[:HEAD_PARAGRAPHS + 4])


def _iso(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and (m := re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)):
        try:
            return dt.date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            return None
    return None


_ORGANISATION = re.compile(
    r"\b(?:ministry|ministère|ministerio|министерств\w*|mission|embassy|ambassade|embajada|government|"
    r"gouvernement|gobierno|department|office|agency|agence|agencia|news|presse?|press|organi[sz]ation|"
    r"united nations|nations unies|naciones unidas|council|conseil|consejo|secretariat|parliament|"
    r"bộ ngoại giao|thông tấn)\b", re.IGNORECASE)


def site_name(page_title: str) -> str | None:
    """A page's <title> is often 'Headline - Site name': the site's name when it names an
    organisation ('… (May 15, 2020) - Ministry of Foreign Affairs of the Republic of Belarus')."""
    parts = re.split(r"\s+[-|–—]\s+", page_title)
    if len(parts) < 2 or len(parts[0].split()) < 4:
        return None
    site = parts[-1].strip()
    return site if _ORGANISATION.search(site) and len(site) <= 100 else None


def from_metadata(meta: dict[str, Any], d: dict[str, Any], inferred: list[str]) -> None:
    """Front matter or page metadata: the source's own words about itself."""
    def text(*keys: str) -> str | None:
        for key in keys:
            value = meta.get(key)
            if isinstance(value, dict):
                value = value.get("name")
            if isinstance(value, str) and value.strip():
                return " ".join(value.split())
        return None

    if title := text("title", "headline"):
        d["title"] = title
        inferred.append("title")
    if date := _iso(meta.get("date") or meta.get("published") or meta.get("datePublished")):
        d["date"] = date
        inferred.append("date")
    if name := text("speaker", "author", "by"):
        d["speaker"] = {"name": name}
        inferred.append("speaker.name")
    if venue := text("venue", "location", "place"):
        d["venue"] = venue
        inferred.append("venue")
    if publisher := text("publisher", "site_name", "sitename"):
        d.setdefault("source", {})["publisher"] = publisher
        inferred.append("source.publisher")
    if "publisher" not in d.get("source", {}) and (origin := text("source")) and \
            not re.match(r"\s*(?:https?://|www\.)", origin) and len(origin) <= 120:
        d.setdefault("source", {})["publisher"] = origin  # front matter's "source": who issued it
        inferred.append("source.publisher")
    if "publisher" not in d.get("source", {}) and (site := site_name(text("page_title") or "")):
        d.setdefault("source", {})["publisher"] = site
        inferred.append("source.publisher")
    if (url := text("url", "canonical", "source_url")) and re.match(r"https?://", url):
        d.setdefault("source", {})["url"] = url
    kind = text("kind", "type")
    if kind and kind.casefold() in {"statement", "speech", "joint-statement", "press-release", "news-report",
                                    "letter", "interview"}:
        d["kind"] = kind.casefold()
        inferred.append("kind")


_CALLED_SPEECH = re.compile(r"\bspeech(?:es)?\b|\bdiscours\b|\bdiscursos?\b|\bречь\b|\bbài phát biểu\b",
                            re.IGNORECASE)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


_PARLIAMENT = re.compile(
    r"\b(?:(?:honou?rable )?members of (?:the )?(?:parliament|national assembly|house)|mr\.? speaker|"
    r"madam speaker|(?:presented|delivered) (?:to|before) the (?:national assembly|parliament)|"
    r"mesdames et messieurs les députés|"
    r"messieurs les députés|señorías|senhor(?:es|as)? deputad[oa]s|excelentíssim[oa]s deputad[oa]s|"
    r"herr bundestagspräsident|frau bundestagspräsidentin|signor[ei] deputat[ie]|szanowni posłowie)\b",
    re.IGNORECASE)
"""A national parliament addressed or named as the room: a speech to it, not a statement at a body."""
_CALLED_SPEECH_HEAD = re.compile(
    r"^\W*(?:speech|address|rede|grußwort|grusswort|ansprache|festrede|discours|allocution|discurso|"
    r"tal|anförande|toespraak|discorso|intervento di saluto)\b", re.IGNORECASE | re.MULTILINE)
"""A head line that calls the text a speech or an address (not a statement, which a delegation
delivers at a body): "Rede von Außenminister …", "Grußwort …", "Discours de …"."""


def from_copyright(meta: dict[str, Any], m: dict[str, Any], inferred: list[str]) -> None:
    """A page's copyright holder as its publisher, when nothing else named one: whose site it is
    ("© 2018 Ministry of Foreign Affairs, Malaysia" → "Ministry of Foreign Affairs of Malaysia")."""
    holder = meta.get("copyright")
    if "publisher" in m.get("source", {}) or not isinstance(holder, str) or len(holder) > 80 or \
            re.search(r"(?i)\b(?:photo|foto|image|picture)", holder):
        return
    named = re.match(r"(?P<office>.*?\b(?:ministry|department|office|government)\b.*?),\s+"
                     r"(?P<country>[^,]+)$", holder, re.IGNORECASE)
    if named and places.mentions(named.group("country")):
        holder = f"{named.group('office')} of {named.group('country')}"
    m.setdefault("source", {})["publisher"] = holder
    inferred.append("source.publisher")


def kind_hint(meta: dict[str, Any]) -> str | None:
    """'speech' when the file's own metadata calls the text a speech (its title, context, tags):
    used only where the text's shape says nothing more precise than "a statement"."""
    words = [s for s in _strings(meta) if not re.match(r"\s*https?://", s)]
    return "speech" if any(_CALLED_SPEECH.search(s) for s in words) else None


def from_properties(props: dict[str, Any], m: dict[str, Any], inferred: list[str],
                    notes: list[str]) -> list[str]:
    """A Word or PDF file's own properties, for what the text did not say: its title; its
    creation date (a file is often made the day it is delivered or published, but not always:
    listed for review); its author as the speaker when it is a person's name (not a login or an
    office), listed for review too. Returns the fields it filled."""
    taken: list[str] = []
    if props.get("title") and (m.get("title_supplied") or "title" not in m):
        m["title"] = props["title"]
        m.pop("title_supplied", None)
        inferred.append("title")
        notes.append("title from the file's properties")
        taken.append("title")
    if isinstance(props.get("date"), dt.date) and "date" not in m and not m.get("event", {}).get("start"):
        m["date"] = props["date"].isoformat()
        inferred.append("date")
        notes.append(f"date {m['date']} is the file's creation date (the text gives none): check it")
        taken.append("date")
    author = str(props.get("author") or "")
    if author and "speaker" not in m and m.get("kind") not in {"news-report", "press-release"}:
        got = people.name_only(author)
        if got:
            m["speaker"] = {"name": got}
            inferred.append("speaker.name")
            notes.append(f"speaker {got!r} is the file's author (the text names no one): check it")
            taken.append("speaker")
    return taken


def fill(m: dict[str, Any], p: Parts, language: str, inferred: list[str], notes: list[str],
         doubtful: list[str] | None = None, head_language: str | None = None) -> None:
    """Kind, date, speaker, delegation, event and publisher from the text itself; a value
    taken from weak evidence is added to `doubtful` (it keeps the file a draft)."""
    shape = news.news_shape(p.lead)
    delivered = bool(STATEMENT_HEAD.search(p.top))
    decided = "kind" not in m  # not given nor stated by the file: the text's shape decides
    if "kind" not in m:
        if shape.kind:
            m["kind"] = shape.kind
        elif _joint(p.top or p.lead, language):
            m["kind"] = "joint-statement"
        elif SPEECH.search(p.top):
            m["kind"] = "speech"
        elif _signed_by_office(p, language) and not (p.salutation or delivered):
            m["kind"] = "press-release"  # an office signs under what it tells in the third person
        elif kind := news.kind_of(p.lead, p.paragraphs, p.salutation or delivered or addressed(p.paragraphs),
                                  language, p.top, len(p.top_blocks)):
            m["kind"] = kind
        elif m.get("end_marker") and not (p.salutation or delivered):
            m["kind"] = "news-report"  # an end mark under text that is not a speech
        inferred.append("kind")
    is_news = m.get("kind") == "news-report"
    if m.get("kind") == "press-release" and news.UN_PRESS_SYMBOL.search(p.top) and \
            "publisher" not in m.get("source", {}):
        m.setdefault("source", {})["publisher"] = news.UN_PRESS
        inferred.append("source.publisher")
    if shape.publisher and "publisher" not in m.get("source", {}):
        m.setdefault("source", {})["publisher"] = shape.publisher
        inferred.append("source.publisher")
    if m.get("kind") in {"press-release", "news-report", "interview"} and \
            "publisher" not in m.get("source", {}):
        issuer = _issuer_line(p.top_blocks) or _issuer_line(p.paragraphs[-1:]) or \
            _copyright(p.paragraphs[-3:])
        if issuer:
            m.setdefault("source", {})["publisher"] = issuer
            inferred.append("source.publisher")
    if shape.venue and "venue" not in m:
        m["venue"] = shape.venue
        inferred.append("venue")
    headed = bool(p.top.strip())
    where = p.lead if is_news or not headed else p.top
    _dates(m, p, language, is_news, inferred)
    # Without a head, a speech's opening prose names those it addresses, not its speaker.
    # An interview's lead introduces the one interviewed; a report's lead, the one reported.
    speaks = is_news or headed or m.get("kind") == "interview"
    speaker = _speaker(where, language, is_news) if speaks else None
    # The window runs on past the head: a name ending it may open a salutation ("… GUTERRES /
    # Secretary-General of the United Nations / EXCELLENCIES, …").
    last = speaker is not None and not speaker.role and "\n" not in where[speaker.start:].strip()
    text = "\n".join(p.paragraphs[:HEAD_PARAGRAPHS]) if where is p.top and last else where
    around = text[max(0, speaker.start - 80):speaker.start + 200] if speaker else ""
    if speaker and not is_news and PRESIDING.search(around) and \
            not STATEMENT_HEAD.search(where[:speaker.start + 1]) and \
            not _BY_BEFORE.search(where[max(0, speaker.start - 6):speaker.start]):
        # (a presiding officer is the speaker when the head says the text is by him: "Présentation du
        # programme de travail … par M. Gérard Araud, président du Conseil de sécurité")
        speaker = None  # "H.E. Mr. Philemon Yang, President of the General Assembly": the one addressed
    if speaker is None and not is_news and "speaker" not in m:
        # a title and a surname in the head, else a signature block under the text
        speaker = (people.title_surname(p.top) if headed else None) or people.signature(p.tail)
    kind = m.get("kind")
    if speaker and kind == "press-release" and news.speaks_itself(p.paragraphs, language) is not True:
        speaker = None  # a release names whom it quotes or announces; it speaks for its issuer
    if speaker and kind == "joint-statement" and \
            not any(DELIVERY.search(t) or STATEMENT_HEAD.search(t) for t in p.top_blocks):
        # several speak as one; a name in its head is a signatory or a subject, unless the head says
        # who delivered it ("Joint statement … delivered by", "Statement by Ambassador … on behalf of")
        speaker = None
    many = kind in {"press-release", "news-report"} and _many_speakers(p.paragraphs)
    if many:
        speaker = None  # a meeting's summary: each speaker in turn, none the text's own
    if speaker and "speaker" not in m:
        found = {"name": speaker.name}
        if speaker.honorific:
            found["honorific"] = speaker.honorific
        if speaker.role:
            found["role"] = speaker.role
        m["speaker"] = found
        inferred.extend(f"speaker.{k}" for k in found)
        # a name cut at a line end ("Sihasak P" / "huangketk eow", "Lok Bahadur" / "Thapa, Ambassador"):
        # written, but listed for a person to check
        first = re.match(r"(?P<word>[^\W\d_][\w'’-]+),\s", speaker.role or "")
        cut = re.search(r"(?:^|\s)[^\W\d_]$", speaker.name) or \
            (first and not people.ROLE_WORDS.search(first.group("word")) and first.group("word")[0].isupper())
        if cut and doubtful is not None:
            doubtful.append("speaker")
            notes.append(f"speaker {speaker.name!r} may be cut where the text breaks a line: check it")
        if speaker.raw and speaker.raw != speaker.name and isinstance(m.get("title"), str):
            m["title"] = m["title"].replace(speaker.raw, speaker.name)
    if "delegation" not in m and not many:
        near = speaker.role if speaker and speaker.role else ""
        code = places.find_delegation(near, language) if near else None
        joint = kind == "joint-statement"
        if code is None and headed and kind not in {"press-release", "news-report"}:
            # a head in its own language ("Виступ делегації України …" over an English speech)
            if head_language and head_language != language:
                code = places.find_delegation(p.top, head_language)
            code = code or places.find_delegation(p.top, language)
            if joint and code and code not in codes.organisations():
                code = None  # a joint statement's head names its signatories, not one delegation
        if code is None and not _joint(where, language):  # those spoken for are not the speaker
            code = places.issuer(where, language) or _spoken_for(where, language)
            if joint and code and code not in codes.organisations() and not near:
                code = None
        weak = False
        if code is None and m.get("kind") == "press-release":
            # the country a release begins with may issue it ("Malaysia has today received …")
            # or be its subject (a ministry's communiqué on Sudan): never certain
            code, weak = places.subject(p.lead[len(p.top):], language), True
        if code is None and kind in {None, "statement", "speech"} and \
                news.speaks_itself(p.paragraphs, language) is not False:
            # "It is an honour to speak today on behalf of the European Union", "mi país Colombia",
            # "Sweden fully supports …": whom a statement speaks for, said in its own words
            opening = [t for t in p.paragraphs[len(p.top_blocks):] if len(t.split()) > 5][:3]
            code = _spoken_for("\n".join(opening), language) or places.own_country(p.paragraphs, language)
        if code is None and kind in {None, "statement", "speech", "press-release"} and not joint and \
                (code := places.government_site(m.get("source", {}).get("url"))):
            # a government's own site issues it: its country, unless the text never names it
            weak = code not in {c for _, _, c in places.mentions("\n".join(p.paragraphs), language)}
        if code and code not in codes.organisations() and kind in {None, "statement", "speech"}:
            # "I am honored to speak on behalf of the Group of 77 and China": a chair speaks for the
            # group, as a presidency's minister speaks for the EU, whatever country holds the chair
            opening = [t for t in p.paragraphs[len(p.top_blocks):] if len(t.split()) > 5][:3]
            group = _speaking_for_group("\n".join(opening), language)
            code = group or code
        if code:
            m["delegation"] = code
            inferred.append("delegation")
            if weak and doubtful is not None:
                doubtful.append("delegation")
                notes.append(f"delegation {code} is the country the text begins with, not one it "
                             "says is speaking: check it")
    said = next((t for t in p.top_blocks if STATEMENT_HEAD.search(t) or DELIVERY.search(t)), "")
    if said and events.find_body(said):
        where = said  # "Intervention de M. … - Assemblée générale - 14 septembre 2015": where it was said
    if m.get("kind") not in {"press-release", "letter"} or events.find_session(where) or \
            (headed and events.find_body(p.top)) or _spoke_at(where):
        # a body in the speaker's office ("Presidente del Consejo de Derechos Humanos") is whom he
        # speaks for, not where: the body is looked for with it blanked out, then with it
        role = str(m.get("speaker", {}).get("role", ""))
        blanked = where.replace(role, " " * len(role)) if len(role) > 8 else where
        if events.find_body(blanked) is None:
            blanked = where
        _event(m, blanked, inferred, p.top, language)
    if not m.get("event", {}).get("body") and \
            m.get("kind", "statement") in {"statement", "speech", "joint-statement"}:
        # "this General Assembly", "cette Assemblée générale", "Tegoroczna 75. Sesja Zgromadzenia
        # Ogólnego": the body a statement names as the one it is addressing
        addressing = "\n".join(t for t in p.paragraphs[len(p.top_blocks):][:10])
        for here in _HERE.finditer(addressing):
            phrase = addressing[here.start():here.end() + 80]
            gap = phrase[here.end() - here.start():body.start] if (body := events.find_body(phrase)) else ""
            # "this Council", "cette Assemblée" point at the body; "To this end, the Security Council
            # must be reformed" does not: a clause ends between them
            if body and body.start <= here.end() - here.start() + 25 and \
                    not re.search(r"[,;:!?，。]|(?<=[^\W\d])\.", gap):
                _event(m, phrase[:body.start + 60], inferred, language=language)
                break
    event = m.get("event", {})
    if event.get("body") and "session" not in event and m.get("kind", "statement") in {"statement", "speech"}:
        # "Au moment où s’achève la 69e Assemblée générale": the session of the body it addresses,
        # numbered before the body's name in its opening paragraphs
        opening_text = "\n".join(p.paragraphs[len(p.top_blocks):][:4])
        if value := events.numbered_body(opening_text, event["body"]):
            event["session"] = value
            inferred.append("event.session")
    room = "\n".join([p.top, *p.paragraphs[len(p.top_blocks):][:6]])
    body_named = m.get("event", {}).get("body")
    if decided and m.get("kind", "statement") == "statement" and \
            (body_named in events.PARLIAMENTS or (not body_named and (_CALLED_SPEECH_HEAD.search(p.top) or
                                                                      _PARLIAMENT.search(room)))):
        # what its head calls a speech, or one to a national parliament: given at no intergovernmental body
        m["kind"] = "speech"


_ISSUING_BODY = re.compile(
    r"\b(?:ministry|ministère|ministerio|ministério|ministero|ministerium|министерств\w*|міністерств\w*|"
    r"permanent mission|mission permanente|misión permanente|missão permanente|missione permanente|"
    r"(?:mission|misión|missão|missione|delegation|délégation|delegación) "
    r"(?:of|de|du|des|da|do|della|to|auprès)|"
    r"представительств\w*|постпредств\w*|embassy|ambassade|embajada|embaixada|botschaft|посольств\w*|"
    r"press office|office of the|oficina de prensa|service de presse|pressestelle|пресс-служб\w*|"
    r"комитет\w*|committee (?:on|of|for)|department of|departamento de|auswärtiges amt|utrikesdepartementet|"
    r"regeringskansliet|外务省|外務省|外交部|외교부|بعثة|وزارة|سفارة|المكتب الإعلامي|مكتب الصحافة)",
    re.IGNORECASE)
"""Words that name an office issuing texts: a ministry, a mission, an embassy, a press office."""


def _issuer_line(blocks: list[str]) -> str | None:
    """A line of a release's head that is only the name of the office issuing it ("Misión de Estados
    Unidos ante las Naciones Unidas", "Постоянное представительство Российской Федерации при ООН")."""
    for line in (" ".join(x.split()) for block in blocks for x in block.split("\n")):
        if 2 <= len(line.split()) <= 22 and len(line) <= 180 and not line.endswith((".", "?", "!", ":")) and \
                _ISSUING_BODY.search(line) and not news.REPORTING.search(line) and \
                not STATEMENT_HEAD.search(line) and not DELIVERY.search(line) and \
                not re.search(r"\d|[>»|]\s", line) and events.find_body(line) is None:
            return line
    return None


_SPOKE_AT = re.compile(
    r"\b(?:intervenci[oó]n|intervention|intervento|intervenção|statement|remarks|speech|address(?:ing|ed)?|"
    r"declaraci[oó]n|déclaration|discurso|discours|rede|выступлени\w*|spoke|speaking|habló|a pris la parole)"
    r"\b[^.\n]{0,50}$|发言|發言|كلمة", re.IGNORECASE)


def _spoke_at(where: str) -> bool:
    """A release that says where its subject spoke ("Durante su intervención en el Debate abierto del
    Consejo de Seguridad"): that body is where, as a statement's head says it."""
    body = events.find_body(where)
    return body is not None and _SPOKE_AT.search(where[max(0, body.start - 60):body.start]) is not None


def _signed_by_office(p: Parts, language: str) -> bool:
    """A text whose last line is only the name of an office ("Misión Permanente de Cuba ante las
    Naciones Unidas") and which tells, never speaks in the first person: that office's release."""
    return len(p.paragraphs) > 2 and _issuer_line(p.paragraphs[-1:]) is not None and \
        news.speaks_itself(p.paragraphs[:-1], language) is False


_COPYRIGHT = re.compile(r"(?:©|ⓒ|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
                        r"(?P<name>[^\W\d_][^\n<>|©]{2,60}?)\s*(?:\d{4}\s*)?"
                        r"(?=$|[<>|.,;]|\ball rights reserved\b|무단|無断|版权|版權|\s{2})",
                        re.IGNORECASE | re.MULTILINE)


def _copyright(paragraphs: list[str]) -> str | None:
    """The name a report's copyright notice gives ("< ⓒ 한국정책방송원 무단전재 … >")."""
    for text in reversed(paragraphs):
        if m := _COPYRIGHT.search(text):
            name = m.group("name").strip(" -–,")
            if len(name) >= 3 and not re.fullmatch(r"(?i)all rights reserved", name) and \
                    not re.search(r"(?i)\b(?:photo|foto|image|picture)", name):  # a picture's credit
                return name
    return None


_HERE = re.compile(
    r"\b(?:this|these|cette|cet|ce|esta|este|estas|estos|diese[rnms]?|questa|questo|quest['’]|nesta|neste|"
    r"этой|этого|этот|этом|эту|tej|tę|ten|ta|tegoroczn\w*|denna|detta|deze|dit)\b|本届|本次|今次の|今回の|이번",
    re.IGNORECASE)
"""A word that points at where the text is being given ("this Council", "esta Asamblea")."""


_REPORTED_SPEAKER = re.compile(
    r"^\W*(?P<name>[^\W\d_][\w'’.-]+(?:\s+[^\W\d_][\w'’.-]+){1,4}),\s+(?P<role>[^,\n]{3,160}?),\s+\w+")


def _many_speakers(paragraphs: list[str]) -> bool:
    """A meeting's summary: paragraphs that each open with another person and office ("Lundeg
    Purevsuren, Minister for Foreign Affairs of Mongolia, said …")."""
    names = set()
    for text in paragraphs[:12]:
        if (m := _REPORTED_SPEAKER.match(text)) and people.ROLE_WORDS.search(m.group("role")):
            names.add(m.group("name"))
    return len(names) >= 2


def _speaker(where: str, language: str, reported: bool) -> people.Speaker | None:
    found = people.find_speaker(where, reported) or people.role_then_name(where) or people.role_name_at(where)
    if found is None and language == "ru":
        found = people.russian_speaker(where)
    if found is None and language == "vi":
        found = people.vietnamese_speaker(where)
    if found is None and language.startswith("zh"):
        found = people.chinese_speaker(where)
    if found is None and language == "ja":
        found = people.japanese_speaker(where)
    if found is None and language == "ar":
        found = people.arabic_speaker(where)
    return found


def _dates(m: dict[str, Any], p: Parts, language: str, is_news: bool, inferred: list[str]) -> None:
    """From the head; a report's dateline; a short closing line ('PUTRAJAYA / 25 JANUARY 2022').
    Never from prose: a date in a sentence is what the text talks about."""
    if "date" in m:
        return
    where = p.top + ("\n" + p.lead[len(p.top):][:250] if is_news else "")
    # A closing line is only a place and a date ("PUTRAJAYA / 25 JANUARY 2022"): a date in the
    # last lines of hard-wrapped prose ("… entered into force on 15 June 2007. I urge …") is not.
    found = [f for f in _without_periods(where, all_dates(where, language))
             if not _DOCUMENT_DATE.search(where[max(0, f[0] - 30):f[0]])]
    if not found and where.strip():  # a head in another language than the text's
        found = [f for f in _without_periods(where, all_dates(where, language, any_language=True))
                 if not _DOCUMENT_DATE.search(where[max(0, f[0] - 30):f[0]])]
    # the first paragraph's opening date, when that paragraph tells of the text rather than speaks
    # ("Den 13 mars 2023 höll socialminister …"), not a story told in the first person
    told = news.speaks_itself([p.opening], language) is not True
    found = found or _date_line(p.paragraphs[:HEAD_PARAGRAPHS], language) or \
        _record_date(p.paragraphs) or (_opening_date(p.opening, language) if told else []) or \
        _date_line(p.tail.split("\n"), language)
    if not found:
        return
    _, start, end = found[0]
    if end is not None:
        event = m.setdefault("event", {})
        event["start"], event["end"] = start.isoformat(), end.isoformat()
        inferred += ["event.start", "event.end"]
        # "(New York, 20-26 septembre 2024) … New York, 26 septembre 2024": the day it was given
        day = next((f[1] for f in found[1:] if f[2] is None and start <= f[1] <= end), None)
        if day is not None:
            m["date"] = day.isoformat()
            inferred.append("date")
    else:
        m["date"] = _said_day(where, start).isoformat()
        inferred.append("date")


_DAY_MONTH = re.compile(r"\((\d{1,2})\.(\d{1,2})\.\)")
"""A day and month in brackets, as German releases date what was said ("erklärte … gestern (19.09.)")."""


def _said_day(head: str, published: dt.date) -> dt.date:
    """The day a release says its words were said, in the days before it was published (its own
    date gives the year), else the day it was published."""
    for m in _DAY_MONTH.finditer(head):
        try:
            said = dt.date(published.year, int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
        if dt.timedelta(0) <= published - said <= dt.timedelta(days=7):
            return said
    return published


_PERIOD_JOIN = re.compile(r"\d{4}\W{0,3}\s+(?:and|och|og|und|en|et|y|e|i|и|và)\s+"
                          r"(?:den\s+|dem\s+|the\s+|le\s+|el\s+)?$", re.IGNORECASE)


def _without_periods(text: str, found: list[tuple[int, dt.date, dt.date | None]]
                     ) -> list[tuple[int, dt.date, dt.date | None]]:
    """Two whole dates joined by "and" are a period a page states about itself ("Innehållet
    publicerades under perioden 9 juli 2021 och 30 november 2021"), not the day a text was given."""
    drop: set[int] = set()
    for a, b in itertools.pairwise(found):
        if _PERIOD_JOIN.search(text[a[0]:b[0]]) and len(text[a[0]:b[0]]) < 40:
            drop |= {a[0], b[0]}
    return [f for f in found if f[0] not in drop]


_DOCUMENT_DATE = re.compile(r"\b(?:dated|daté\w* du|en date du|de fecha|fechad\w+|vom|от|datato|datada)\s*$",
                            re.IGNORECASE)
"""A date that belongs to a document the head names ("the Letter dated 13 March 2018 from …",
"lettre datée du …"), not to the delivery."""


_RECORD_HEADER = re.compile(r"^\s*(?:[AS]/(?:[A-Z-]+/)?\d+/PV\.\d+\s+(\d{2})/(\d{2})/(\d{4})|"
                            r"(\d{2})/(\d{2})/(\d{4})\s+[AS]/(?:[A-Z-]+/)?\d+/PV\.\d+)\s*$", re.MULTILINE)
"""A UN verbatim record's running header: its symbol and the meeting's date, day first
("A/70/PV.15 28/09/2015")."""


_SESSION_HEADER = re.compile(
    r"^\s*[A-Z][a-z]+(?:-[a-z]+)?\s+session\s*[-–,]?\s*(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})(?:\s+\d{1,4})?\s*$",
    re.MULTILINE)
"""The Official Records' running header: "Forty-eighth session - 4 October 1993 15"."""


def _record_date(paragraphs: list[str]) -> list[tuple[int, dt.date, dt.date | None]]:
    """The meeting date of a UN verbatim record, from its page headers."""
    for text in paragraphs:
        if "/PV." in text and (m := _RECORD_HEADER.search(text)):
            day, month, year = [g for g in m.groups() if g is not None]
            try:
                return [(0, dt.date(int(year), int(month), int(day)), None)]
            except ValueError:
                return []
        if "session" in text and (m := _SESSION_HEADER.search(text)):
            return all_dates(m.group(1), "en")[:1]
    return []


_PLACE_BEFORE_DATE = re.compile(r"(?:[^\W\d_][^\d,;:/|]{1,40}\s*[,/|]\s*)?")


def _date_line(paragraphs: list[str], language: str) -> list[tuple[int, dt.date, dt.date | None]]:
    """A line that is only a place and a date ("Naciones Unidas, 24 de septiembre de 2024"),
    set apart near the top though after pull-quotes or a photo credit: where and when it was said.
    A place is a few words with no sentence end: "increasingly multipolar. In that regard, 8 August
    2008" is a hard-wrapped line of prose."""
    for text in (line for paragraph in paragraphs for line in paragraph.split("\n")):
        line = " ".join(text.split())
        if len(line) > 70:
            continue
        found = all_dates(line, language)
        if len(found) != 1:
            continue
        at = found[0][0]
        place = line[:at]
        a_place = _PLACE_BEFORE_DATE.fullmatch(place) and len(place.split()) <= 5 and \
            not re.search(r"[.!?]\s", place)
        if a_place and re.fullmatch(r"[\s.)]*", line[at:][len(_date_text(line[at:], language)):]):
            return found
    return []


_OPENING = re.compile(r"^\W*(?:\d{1,2}[.)]\s+)?"
                      r"(?:(?-i:[A-ZÀ-ÞА-Я][^\W\d_]+)(?:[ -](?-i:[A-ZÀ-ÞА-Я])[^\W\d_]+){0,2}"
                      r"(?:\s*\([^()\n]{2,30}\))?\s*[,–—-]\s*)?(?:(?:on|le|el|den|am|il|em|op|в|w|dnia)\s+)?",
                      re.IGNORECASE)
"""What may come before the date a paragraph opens with: a number, a dateline's place ("Nueva York,
6 de febrero de 2018. La embajadora …", "OTTAWA (Ontario) –"), an article or a preposition."""


def _opening_date(opening: str, language: str) -> list[tuple[int, dt.date, dt.date | None]]:
    """A date the first paragraph opens with ("Le 24 septembre 1998, les ministres …", "Den 13
    mars 2023 höll socialminister …", "21 avril, 2020 …"): when what it tells took place. A date
    later in a sentence is what the text talks about, and is not read."""
    at = _OPENING.match(opening)
    start = at.end() if at else 0
    found = all_dates(opening[start:start + 40], language) or \
        all_dates(opening[start:start + 40], language, any_language=True)
    return [(start, f[1], f[2]) for f in found[:1] if f[0] == 0]


def _date_text(text: str, language: str) -> str:
    """The date at the start of `text` as written (up to the end of its year)."""
    m = re.match(r".*?\d{4}(?:\s*(?:года|г\.|год|年|năm))?", text)
    return m.group(0) if m else text


_SPEAKS_FOR = re.compile(r"\b(?:speak|speaking|deliver|delivering|make|making|read|present|take the floor|"
                         r"honou?red|honou?r|prend[sre]* la parole|hablo|intervengo|tengo el honor)\b"
                         r"[^.\n]{0,60}$", re.IGNORECASE)


def _speaking_for_group(text: str, language: str) -> str | None:
    """The organisation the speaker says they speak for ("I am honored to speak on behalf of the
    Group of 77 and China"); not a group someone else spoke for ("the statement made by Algeria on
    behalf of the Non-Aligned Group")."""
    for behalf in places.ON_BEHALF.finditer(text):
        before = text[max(0, behalf.start() - 80):behalf.start()]
        if not _SPEAKS_FOR.search(before) or re.search(r"\b(?:made|delivered|read)\s+by\b", before, re.I):
            continue
        found = places.mentions(text[behalf.end(): behalf.end() + 60], language)
        if found and found[0][0] <= 5 and found[0][2] in codes.organisations():
            return found[0][2]
    return None


def _spoken_for(text: str, language: str) -> str | None:
    """The one country a statement is delivered on behalf of ("National Statement on behalf of
    Sweden, Ambassador …"): its delegation. A list of countries is a group, not a delegation."""
    for behalf in places.ON_BEHALF.finditer(text):
        found = places.mentions(text[behalf.end(): behalf.end() + 60], language)
        if found and found[0][0] <= 5 and not _joint(text[behalf.start():], language):
            return found[0][2]
    return None


_LIST_GAP = re.compile(r"(?:[\s,;、，]|\b(?:and|et|y|e|und|och|и|và|the|la|le|les|el|los)\b|和|及)*",
                       re.IGNORECASE)


def _joint(text: str, language: str) -> bool:
    """Spoken on behalf of three or more countries named in a list right after "on behalf of"
    ("on behalf of Denmark, Finland, Iceland, Norway and Sweden"); "on behalf of over 100
    countries" names none, and a country named later in the sentence is no list."""
    for behalf in places.ON_BEHALF.finditer(text):
        at, chain = behalf.end(), 0
        for start, end, _code in places.mentions(text[behalf.end(): behalf.end() + 400], language):
            start, end = start + behalf.end(), end + behalf.end()
            gap = text[at:start]
            named_group = chain == 0 and re.fullmatch(r"[^.;:\n]{0,50}:\s*", gap)  # "the Nordic countries: …"
            if not named_group and (len(gap) > 12 or not _LIST_GAP.fullmatch(gap)):
                break
            chain, at = chain + 1, end
        if chain >= 3:
            return True
    return False


_MEMBER_IN = re.compile(r"(?P<country>[^\W\d_][\w'’-]+)\s+(?:in|im|au|en|nel|no|na|w|i)\s+"
                        r"(?:the\s+|le\s+|la\s+|el\s+|der\s+|dem\s+)?$", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\b(?:by|of|de|du|des|del|von|par|por|av)\s+$", re.IGNORECASE)


def _member_of(where: str, body: events.Found, language: str) -> bool:
    """A country in a body ("Deutschland im VN-Sicherheitsrat", "La France au Conseil de sécurité",
    "Sweden in the Security Council"): its membership, the text's subject, not where it is given
    (unless it is whose statement it is: "Statement by Germany in the Security Council")."""
    before = where[max(0, body.start - 60):body.start]
    got = _MEMBER_IN.search(before)
    if not got or _BY_BEFORE.search(before[:got.start()]):
        return False
    return any(s == 0 for s, _, _ in places.mentions(got.group("country"), language))


def _event(m: dict[str, Any], where: str, inferred: list[str], head: str = "", language: str = "en") -> None:
    body = events.find_body(where)
    if body is None or _member_of(where, body, language):
        return
    event = m.setdefault("event", {})
    event.setdefault("body", body.value)
    inferred.append("event.body")
    session = events.find_session(where) or None
    value = session.value if session else events.ordinal_before_body(where, body)
    if not value and head and (other := events.find_session(head)):
        # the session on a line of its own in the head ("Septuagésimo segundo período de sesiones de
        # la Asamblea General"), when it is the session of the same body
        of = events.find_body(head[other.start:other.start + 120])
        value = other.value if of and of.value == event.get("body") else None
    if value and "session" not in event:
        event["session"] = value
        inferred.append("event.session")


_CONTINUES = re.compile(r"^(?:of|the|and|at|on|to|for|in|de|du|des|la|le|del|el|y|et)\b", re.IGNORECASE)


def _body_across(before: str, line: str) -> bool:
    """A body's name broken across two lines ("… alla 79ª Assemblea" / "Generale delle Nazioni Unite")."""
    words = before.split()
    return bool(words) and events.find_body(" ".join([words[-1], *line.split()[:3]])) is not None and \
        events.find_body(line) is None and events.find_body(words[-1]) is None


def join_lines(block: str) -> str:
    """Header lines as one title: a line that goes on mid-phrase (hard wrap) joins with a space,
    a line that starts a new part ("Ambassador, …" under a name) with a comma."""
    lines = [" ".join(line.split()) for line in block.split("\n") if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        wrapped = out.endswith((",", ";", ":", "-", "–")) or not line[0].isupper() or _CONTINUES.match(line) \
            or re.search(r"\b(?:of|the|and|at|on|to|de|du|des|la|del|el)$", out, re.IGNORECASE) \
            or _body_across(out, line)
        out += (" " if wrapped else ", ") + line
    return out


_BOILERPLATE = re.compile("|".join([
    r"\byour (?:excellenc|majest|highness)",
    r"^\W*(?:excellenc|mr\.? president|madam president)",
    r"check against delivery|as delivered|as prepared|la version prononcée|cotejar con|cookies?\b",
    _NOTICE.pattern,  # a skip link, a notice about the page
    r"\bicon\b|^\W*please note\b",  # a page's controls and notes about its files
    r"^\s*(?:home|inicio|accueil|menu|search|share|audio|video|foto|photo|print)\b",  # navigation
    r"[>|»]\s",  # a breadcrumb trail
    r"^\(.*\)$",
    r"^\[(?:Image|Embedded)\b",  # an image or frame kept as a link
    r"^\W*$",
]), re.IGNORECASE)
"""Lines of a page that are no title: notices, navigation, salutations."""


_NOT_A_TITLE = re.compile("|".join([
    r"^\W*(?:\d|[-*+•]\s)",  # a paragraph number or a list mark
    r"\*\*",
    r"^\W*(?:excellenc|honou?rable|mr\.? president|madam president|mr\.? chair|madam chair|distinguished"
    r"|dear|ladies and gentlemen|good (?:morning|afternoon|evening)|thank you|allow me|let me|at the outset"
    r"|i (?:have|would|wish|am)|it is)",
    r"\b[A-Z]\.$",  # a sentence cut after an initial ("congratulate H.")
]), re.IGNORECASE)
"""Openings of a speech, salutations, numbers and cut initials: not what a text is called."""


def _menu_or_letterhead(text: str) -> bool:
    """A site's menu in Chinese or Japanese (short words set apart by spaces: "首页 会议与发言
    常驻团活动 …", where a title would run on; Korean sets its words apart anyway), or a
    state's letterhead in capitals ("REPUBLIQUE DU CAMEROUN REPUBLIC OF CAMEROON …")."""
    items = text.split()
    if len(items) >= 4 and re.search(r"[\u3040-\u30ff\u3400-\u9fff]", text) \
            and not re.search(r"[\uac00-\ud7af]", text) and not re.search(r"[，。：、；！？:,]", text) \
            and all(len(item) <= 8 for item in items):
        return True
    return text.isupper() and bool(re.match(r"\W*(?:R[EÉ]PUBLI(?:QUE|C)|REP[UÚ]BLICA)\b", text))


def reads_as_title(text: str) -> bool:
    """Whether a line could be what the text is called: three words or more, a
    paragraph (not a salutation, closing or caption), not a speech's opening, a
    notice, navigation or a letterhead."""
    return (_words(text) >= 3 and classify(text) is BlockKind.PARAGRAPH
            and not _NOT_A_TITLE.search(text) and not _BOILERPLATE.search(text)
            and not _menu_or_letterhead(text))


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _words(text: str) -> int:
    """Words in a line; Chinese and Japanese write without spaces, so two characters count as a
    word there ("内閣総理大臣談話" is a title of four)."""
    return max(len(text.split()), len(_CJK.findall(text)) // 2)


_DATED = re.compile(r"\s*[(\[][^()\[\]]*\d{4}[^()\[\]]*[)\]]\s*$")
"""A date in brackets closing a title ("Déclaration des ministres du G7 (18 mars 2021)")."""


def title(p: Parts, language: str) -> str | None:
    """The source's own title: the block of the head that says what the text is ("Statement
    by …", hard-wrapped lines joined), else the first line that reads as a title (not
    navigation, a notice, a date or a credit)."""
    for raw in p.top_blocks:
        m = STATEMENT_HEAD.search(raw)
        if not m or _BOILERPLATE.search(m.group(0)):
            continue
        line_start = raw.rfind("\n", 0, m.start()) + 1
        crumbs = list(re.finditer(r"\s[>»|/]\s", raw[line_start:m.start()]))
        if crumbs:  # "Inicio > Prensa > Palabras del …": a breadcrumb trail before the title
            line_start += crumbs[-1].end()
        lines = raw[line_start:].split("\n")
        for i, line in enumerate(lines[1:], 1):  # up to a line that opens with a date
            if not line.lstrip().startswith(("(", "[")) and \
                    any(at <= 2 for at, _, _ in all_dates(line, language)):
                lines = lines[:i]
                break
        block = join_lines("\n".join(lines))  # from the line that says it
        if 15 <= len(block) <= 400:
            return re.sub(r"\s*\([^)]*\d{4}\)\s*$", "", block)
    lines = [" ".join(line.split()) for line in p.top.split("\n")]
    for i, line in enumerate(lines):
        undated = _DATED.sub("", line)  # a title may close with its date in brackets
        if (_words(undated) >= 4 or (len(line) >= 12 and not re.search(r"\s", line))) and len(line) <= 250 \
                and not _BOILERPLATE.search(line) and not all_dates(undated, language) \
                and reads_as_title(line):
            for following in lines[i + 1:]:  # hard-wrapped: "…, SOCIAL" / "AND CULTURAL PROGRAMME …"
                if not following or len(line) + len(following) > 250 or not (
                        _CONTINUES.match(following) or line.endswith((",", ";", ":", "-", "–"))
                        or re.search(r"\b(?:of|the|and|at|on|to|for|de|du|des|la|del|el)$", line,
                                     re.IGNORECASE)):
                    break
                line += " " + following
            return line
    return None
