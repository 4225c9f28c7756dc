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

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from slugify import slugify

from podium.ingest import infer, news, presets
from podium.ingest.dates import find_dates
from podium.ingest.people import normal_case
from podium.ingest.reader import Paragraph, RawText
from podium.model import codes
from podium.model.collection import Collection
from podium.text.blocks import BlockKind, classify
from podium.text.normalise import fold
from podium.text.verify import counted_words, source_words

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
DATE_LINE = re.compile(r"^(?:date\s+)?(?P<date>\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)


@dataclass
class Draft:
    """A statement as the importer could infer it."""

    meta: dict[str, Any]
    body: list[str]
    inferred: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    doubtful: list[str] = field(default_factory=list)
    """Fields filled from weak evidence (a file's properties, a country merely mentioned):
    listed under `review`, which keeps the file a draft."""
    origin: dict[str, str] = field(default_factory=dict)
    """Where each written value came from (the text, the file's front matter or page metadata,
    its properties, the file name or a manifest): said in the file's comments."""


SURE_LANGUAGE = 0.9
"""langdetect's probability below which a text is not said to be in any language: texts in one
language score above 0.999, Latin-script OCR of an Arabic page about 0.7."""
_SIMPLIFIED = set("这国说会发对们为时个来经与开关东门问长书见还进过动实现点从")
_TRADITIONAL = set("這國說會發對們為時個來經與開關東門問長書見還進過動實現點從")


def detect_language(text: str) -> str | None:
    """langdetect, except that Han text without kana or hangul is Chinese, simplified or
    traditional by which forms of common characters it uses (langdetect confuses them with ko/ja)."""
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    sample = text[:5000]
    letters = [ch for ch in sample if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) > 0.6 * len(letters):
        sample = sample.lower()  # langdetect's profiles are of lower-case text: capitals read as English
    han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    if han > len(sample) * 0.3 and not re.search(r"[\u3040-\u30ff\uac00-\ud7af]", sample):
        simplified = sum(ch in _SIMPLIFIED for ch in sample)
        traditional = sum(ch in _TRADITIONAL for ch in sample)
        return "zh-Hant" if traditional > simplified else "zh-Hans"
    DetectorFactory.seed = 0  # langdetect is random unless seeded
    try:
        best = detect_langs(sample)[0]
    except (LangDetectException, IndexError):
        return None
    if best.prob < SURE_LANGUAGE:
        return None  # no one language: OCR of another script, a mixed text; a person says which
    lang = str(best.lang)
    return {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant"}.get(lang, lang)


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


def _statement_header(lines: list[str], d: Draft) -> None:
    """The title from a header block, names in normal case; a joint statement says so."""
    opener = OPENERS.match(lines[0])
    who = lines[0][opener.end():] if opener else ""
    if opener and re.search(r"joint", opener.group("opener"), re.IGNORECASE):
        d.meta["kind"] = "joint-statement"
    _, name = split_honorifics(who.partition(", ")[0])
    normal = normal_case(name) if name else None
    title_lines = [normal_case_names(ln, normal, name) for ln in lines
                   if not find_dates(ln)[0] or OPENERS.match(ln)]
    d.meta["title"] = re.sub(r"\s*\([^)]*\d{4}\)\s*$", "", ", ".join(title_lines)).strip(" ,")
    d.inferred.append("title")


def normal_case_names(line: str, normal: str | None, raw: str) -> str:
    return line.replace(raw, normal) if normal and raw and raw in line else line


def _report(paragraphs: list[Paragraph], d: Draft, heading: list[str]) -> list[Paragraph]:
    """A leading ISO date line is read into `date`; an end mark is kept out of the body."""
    m = d.meta
    first = paragraphs[0].text
    dm = DATE_LINE.match(first)
    if dm and "date" not in m:
        m["date"] = dm.group("date")
        d.inferred.append("date")
        heading.append(first[: dm.end()].strip())
        rest = first[dm.end():].strip()
        paragraphs = ([Paragraph(rest)] if rest else []) + paragraphs[1:]
    if paragraphs and (marker := news.end_marker(paragraphs[-1].text)):
        last = paragraphs[-1].text.rstrip()
        m["end_marker"] = marker
        d.inferred.append("end_marker")
        trimmed = last[: -len(marker)].rstrip()
        paragraphs = paragraphs[:-1] + ([Paragraph(trimmed)] if trimmed else [])
    return paragraphs


def _kind(paragraphs: list[Paragraph]) -> str:
    """A letter by its closing formula; otherwise a statement (what a mission circulates)."""
    text = "\n".join(p.text for p in paragraphs[:40])
    if re.search(r"^(?:dear|excellency,)", text, re.IGNORECASE | re.MULTILINE) and re.search(
            r"(?:yours sincerely|accept,? .* assurances|please accept)", text, re.IGNORECASE):
        return "letter"
    return "statement"


def _same_event(report: dict[str, Any], body: str, lowered: str, session: str | None) -> bool:
    """The report names the statement's body and session: read into its own (English) event
    fields in any language, or written out in English in its text."""
    number = re.search(r"\d+", session or "")
    if report.get("body"):
        if report["body"] != body:
            return False
        theirs = re.search(r"\d+", str(report.get("session", "")))
        return number is None or theirs is None or theirs.group(0) == number.group(0)
    return body.casefold() in lowered and (
        number is None or re.search(rf"\b{number.group(0)}(?:st|nd|rd|th|e)?\b", lowered) is not None)


def _suggest_related(d: Draft, body: str, collection: Collection | None) -> None:
    """A news report on a statement in the archive: same speaker (by name, or by the speaker the
    report's head names), same body and session, in any language."""
    if collection is None or d.meta.get("kind") != "news-report":
        return
    lowered = fold(" ".join(body.split()))
    named = fold(str(d.meta.get("speaker", {}).get("name", "")))
    for st in collection:
        sm = st.meta
        if not sm.speaker or not sm.event or sm.kind.value == "news-report":
            continue
        speaker = fold(sm.speaker.name)
        if (speaker in lowered or (named and named == speaker)) and \
                _same_event(d.meta.get("event", {}), sm.event.body, lowered, sm.event.session):
            d.meta["related"] = [{"id": sm.id, "relation": "reports-on"}]
            d.inferred.append("related")
            found = d.meta.get("event", {})
            if not found or (found.get("body") == sm.event.body and not found.get("start")):
                d.meta["event"] = sm.event.model_dump(mode="json", exclude_none=True)
                d.inferred.append("event.body")
            d.notes.append(f"suggested related: {sm.id} (same speaker, body and session)")
            return


def _described(m: dict[str, Any]) -> str | None:
    """A title supplied from what was found: who spoke, where ("Brazil at the
    General Assembly, 79th session"), for texts that have none of their own."""
    delegation = codes.delegation(str(m.get("delegation", ""))) if m.get("delegation") else None
    event: dict[str, Any] = m["event"] if isinstance(m.get("event"), dict) else {}
    who = delegation.name if delegation else None
    speaker = m["speaker"].get("name") if isinstance(m.get("speaker"), dict) else None
    if not (who or speaker) or not event.get("body"):
        return None
    where = f"the {event['body']}" if not str(event["body"]).lower().startswith("the ") else event["body"]
    session = f", {event['session']}" if event.get("session") else ""
    return f"{who or speaker} at {where}{session}"


def _first_sentence(text: str, limit: int = 110) -> str:
    abbreviation = r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bE\.)(?<!\bSt\.)"
    sentence = re.split(rf"(?<=[.!?]){abbreviation}\s", " ".join(text.split()), maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def make_draft(raw: RawText, path: Path, kind: str | None = None,
               collection: Collection | None = None, given: dict[str, str] | None = None) -> Draft:
    """Infer a statement from a raw text; `given` fields (from --set, a file-name pattern or a
    manifest) win over inferred ones."""
    paragraphs = list(raw.paragraphs)
    d = Draft(meta={}, body=[], notes=list(raw.notes))
    m = d.meta
    heading: list[str] = [raw.front_text] if raw.front_text else []
    infer.from_metadata(raw.meta, m, d.inferred)
    stated_by = "the file's front matter" if raw.front_text else "the page's metadata"
    d.origin.update({f.split(".")[0]: stated_by for f in d.inferred})
    if isinstance(heading_title := raw.meta.get("heading"), str) and (
            "title" not in m or not raw.front_text) and len(heading_title) <= 300:
        m["title"] = heading_title  # the text's own first heading: its title
        d.inferred.append("title")
        d.origin["title"] = "the text's first heading"
    if given:
        presets.apply(m, given, d.inferred)
        d.origin.update({f.split(".")[0]: "given (--set, --name-pattern or --manifest)" for f in given})
    if kind:
        m["kind"] = kind
    stated = raw.meta.get("language") or raw.meta.get("lang")
    language = str(stated) if isinstance(stated, str) and codes.language_name(str(stated)) else \
        detect_language(" ".join(p.text for p in paragraphs))
    where = infer.parts(paragraphs)
    if "title" not in m and (found := infer.title(where, language or "en")):
        m["title"] = found  # lines of the source: they stay in the body as well
        d.inferred.append("title")
    header = _header(paragraphs) if paragraphs else None
    if header:
        count, text, lines = header
        heading.append(text)
        paragraphs = paragraphs[count:]
        if "title" not in m:
            _statement_header(lines, d)
    paragraphs = _report(paragraphs, d, heading) if paragraphs else paragraphs
    head_language = detect_language(where.top) if len(where.top) >= 40 else None
    infer.fill(m, where, language or "und", d.inferred, d.notes, d.doubtful, head_language)
    infer.from_copyright(raw.meta, m, d.inferred)
    properties = infer.from_properties(raw.properties, m, d.inferred, d.notes)
    d.doubtful += properties
    d.origin.update({f: "the file's properties (check)" for f in properties})
    year = (given or {}).get("year")
    if year and "date" in m and not str(m["date"]).startswith(year):
        d.notes.append(f"the text's date {m.pop('date')} is not in {year}, the year given; left out")
    if "kind" not in m:
        m["kind"] = _kind(paragraphs)
        if m["kind"] == "statement" and (hint := infer.kind_hint(raw.meta)):
            m["kind"] = hint
    if language:
        m["language"] = language
        d.inferred.append("language")
    else:
        m["language"] = "und"  # BCP 47 "undetermined": a draft until a person says which
        m["draft"] = True
        d.missing.append("language")
        d.notes.append("the text reads as no one language (OCR of another script? several languages?): "
                       "set `language`")
    if "title" not in m:
        texts = [p for p in paragraphs if classify(p.text) is BlockKind.PARAGRAPH] or paragraphs
        heading_line = texts[0].text if texts else ""
        if paragraphs and len(heading_line) < 150 and not heading_line.endswith(".") and "\n" not in \
                heading_line and infer.reads_as_title(heading_line) and len(paragraphs) > 1:
            m["title"] = heading_line  # a title line: stays in the body as well
        elif described := _described(m):
            m["title"], m["title_supplied"] = described, True
        else:
            m["title"], m["title_supplied"] = _first_sentence(heading_line or path.stem), True
            if not infer.reads_as_title(m["title"]):
                m["draft"] = True
                d.missing.append("title")
                d.notes.append(f"no title in the text, and its first sentence ({m['title']!r}) is none: "
                               "write one (and set `title_supplied: true`)")
        d.inferred.append("title")
    d.body = [p.text for p in paragraphs]
    body = "\n\n".join(d.body)
    _suggest_related(d, body, collection)
    m["id"] = _make_id(m, path)
    source = m.setdefault("source", {})
    source["file"] = path.name
    if heading:
        source["heading"] = "\n".join(heading)
    for required in ("speaker", "delegation", "event") if m["kind"] != "news-report" else ():
        if required not in m:
            d.missing.append(required)
    if "event" in m and "body" not in m["event"]:
        d.missing.append("event.body")
    if "date" not in m and not m.get("event", {}).get("start"):
        d.missing.append("date")
    # Review lists what is written but doubtful, and what a published statement needs but
    # the text does not say; a value the text does not state is left out, not listed.
    doubtful = set(d.doubtful) | ({"related"} if "related" in m else set())
    needed = {f for f in d.missing if f in {"date", "language", "title", "event.body"}}
    m["review"] = sorted((needed | doubtful) - set(given or {}))
    if m["review"]:
        m["draft"] = True  # as the schema reads it: a value left to check is never published
    if "delegation" in d.doubtful:
        d.origin["delegation"] = "a country the text names, not one it says is speaking (check)"
    for f in dict.fromkeys(f.split(".")[0] for f in d.inferred):
        d.origin.setdefault(f, "the text")
    return d


def _make_id(m: dict[str, Any], path: Path) -> str:
    parts: list[str] = []
    if m.get("kind") == "news-report":
        publisher = str(m.get("source", {}).get("publisher", ""))
        code = next((k for k, v in news.AGENCIES.items() if v == publisher), publisher)
        parts = [slugify(code, max_length=16, word_boundary=True), m.get("date", ""),
                 slugify(m.get("title", ""), max_length=40, word_boundary=True)]  # whole words
    elif m.get("delegation") and m.get("event"):
        session = re.search(r"\d+", m["event"].get("session", ""))
        number = session.group(0) if session else ""
        body = slugify(m["event"].get("body", ""), max_length=30, word_boundary=True)
        parts = [m["delegation"].lower(), body, number]
    slug = slugify("-".join(p for p in parts if p)) or slugify(path.stem) or "statement"
    return slug[:100].strip("-")


_BLOCK_START = re.compile(r"^(\d+)([.)])(?=\s)|^([#>+*-]|_(?=_*\s*$))", re.MULTILINE)
_ESCAPED = re.compile(r"\\(?=[\\`*_{}\[\]()>#+\-.!])")


def hidden_by_markdown(body: list[str]) -> list[str]:
    """Words of the body that its page would not show: the build's own word check
    (textcheck.missing_from_page, as `podium check` runs it without a mkdocs.yml), so an
    import cannot break the build."""
    from podium.pages.textcheck import TextOptions, missing_from_page

    return missing_from_page("\n\n".join(body), TextOptions())


def protect(paragraph: str) -> str:
    """Keep Markdown from reading a source's text as syntax: a numbered paragraph ("1. We …")
    is not a list item whose number disappears, a backslash is shown, "#" starts no heading."""
    paragraph = _ESCAPED.sub(r"\\\\", paragraph)
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}",
                            paragraph)


def lost_words(raw: RawText, d: Draft) -> list[str]:
    """Words of the source missing from body + verbatim heading (multisets, NFKC, case-folded).
    The body is read as the build reads it (verify.source_words), so a word that Markdown
    would hide fails the import, not the build."""
    kept = source_words("\n\n".join(d.body))  # the build's own reading of a body
    kept.update(counted_words(d.meta.get("source", {}).get("heading", "")))
    kept.update(counted_words(d.meta.get("end_marker", "")))
    # a link's target is kept in the body but is no word a reader sees
    return sorted((counted_words(_LINK_TARGET.sub("]", raw.text)) - kept).elements())


_LINK_TARGET = re.compile(r"\]\(\s*<?[^)\s>]*>?(?:\s+\"[^\"]*\")?\s*\)")


def render(d: Draft) -> str:
    """The statement file: commented front matter, then the body."""
    import yaml

    order = ["id", "draft", "kind", "title", "title_supplied", "speaker", "delegation", "event", "date",
             "venue", "language", "topics", "source", "related", "summary", "end_marker", "review"]
    meta = {k: d.meta[k] for k in order if k in d.meta and d.meta[k] not in ({}, [], None)}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    head = ("# Imported by `podium import`. Check the fields listed under `review`,\n"
            "# then remove them from the list. `podium check` lists what is left.\n")
    said = [(k, v) for k, v in d.origin.items() if k in meta and k not in {"id", "review", "draft"}]
    if said:
        head += "# Where each value came from:\n" + "".join(
            f"#   {k}: {' '.join(v.split())}\n" for k, v in said)
    if d.meta.get("draft"):
        head += ("# A draft: not published until the fields under `review` are filled\n"
                 "# and `draft: true` is removed.\n")
    return f"---\n{head}{front}---\n\n" + "\n\n".join(d.body) + "\n"


@dataclass
class Imported:
    """What importing one file did."""

    source: Path
    target: Path | None = None
    draft: Draft | None = None
    error: str | None = None
    lost: list[str] = field(default_factory=list)
    blocking: list[str] = field(default_factory=list)
    """Why it was written as a draft (empty: ready)."""

    @property
    def ready(self) -> bool:
        return self.error is None and not (self.draft and self.draft.meta.get("draft"))


def ready_problems(meta: dict[str, Any]) -> list[str]:
    """What keeps a statement from passing `podium check`: 'field: message' for each."""
    from pydantic import ValidationError

    from podium.model.schema import StatementMeta

    try:
        StatementMeta.model_validate(meta)
    except ValidationError as exc:
        return [f"{'.'.join(str(p) for p in err['loc']) or 'date'}: {err['msg']}" for err in exc.errors()]
    return []


def settle(d: Draft) -> list[str]:
    """Make the draft valid: ready if it passes the schema, else `draft: true` with every
    missing or doubtful field listed in `review`. Returns what keeps it from being ready."""
    m = d.meta
    problems = ready_problems(m)
    if not problems:
        return []
    m["draft"] = True
    event = m.get("event")
    if isinstance(event, dict) and not event.get("body"):
        found = ", ".join(f"{k} {v}" for k, v in event.items())
        m.pop("event")
        d.notes.append(f"event found without its body ({found}); left out")
        m["review"] = sorted({*m.get("review", []), "event"})
    for problem in ready_problems(m):
        top = problem.split(".", 1)[0].split(":", 1)[0]
        if top in m and top not in {"id", "kind", "title", "language"}:
            d.notes.append(f"{top} left out: {problem}")
            m.pop(top)
            m["review"] = sorted({*m.get("review", []), top})
    return problems


def import_file(path: Path, out: Path, *, kind: str | None = None, force: bool = False,
                dry_run: bool = False, collection: Collection | None = None,
                taken: set[str] | None = None, given: dict[str, str] | None = None) -> Imported:
    """Read, infer, prove nothing was lost, and write statements/<id>.md: ready, or a draft."""
    from podium.ingest.reader import ReadError, read

    result = Imported(path)
    try:
        raw = read(path)
        d = make_draft(raw, path, kind, collection, given)
    except (ReadError, OSError) as exc:
        result.error = str(exc)
        return result
    except Exception as exc:  # a library's failure on one file fails that file only
        result.error = (f"could not be read ({type(exc).__module__.split('.')[0]} "
                        f"{type(exc).__name__}: {exc}); the other files go on")
        return result
    result.draft, result.lost = d, lost_words(raw, d)
    if result.lost:
        result.error = f"{len(result.lost)} word(s) would be lost: {' '.join(result.lost[:10])}"
        return result
    if hidden_by_markdown(d.body):
        d.body = [protect(p) for p in d.body]
        d.notes.append("Markdown syntax at line starts escaped (numbered paragraphs, #, >, -)")
        if hidden := hidden_by_markdown(d.body):
            result.error = (f"{len(hidden)} word(s) would not show on the built page: "
                            f"{' '.join(hidden[:10])}; edit the text, then import again")
            return result
        if lost := lost_words(raw, d):
            result.error = f"{len(lost)} word(s) would be lost: {' '.join(lost[:10])}"
            return result
    result.blocking = settle(d)
    if remaining := ready_problems(d.meta):
        result.error = f"front matter still invalid: {'; '.join(remaining)}"
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
# Reference: docs/guide/editing.md; schema: podium schema.
id: {id}                 # a-z, 0-9 and hyphens; part of the URL; never change it once published
kind: {kind}             # statement, speech, joint-statement, press-release, news-report, letter, interview
title: Statement by …
title_supplied: false    # true if the source has no title and you wrote this one
draft: true              # delete this line when done: a draft is checked leniently, listed, not published
speaker:
  name: …                # normal casing, without honorifics
  honorific: H.E.        # as printed before the name
  role: Permanent Representative of …
# delegation: VNM         # ISO 3166-1 alpha-3 (VNM, FRA) or an organisation code (EU, AU)
event:
  body: …                # e.g. Human Rights Council
  session: …             # e.g. 57th session
  start: {today}
  end: {today}
date: {today}            # delivered/published, at the source's precision (2024-09-24, 2024-09 or 2024);
                         #   remove if only the event's dates are known
venue: …                 # e.g. Geneva
language: en             # BCP 47: en, fr, es, vi, ar, ru, zh-Hans
topics: []
source:
  publisher: …
  # url: https://…        # the address you took the text from
  retrieved: {today}
related: []              # - id: other-statement-id
                         #   relation: reports-on   # or responds-to, translation-of
summary: …
---

Mr. President,

The text of the {kind}, one paragraph per block.
"""
