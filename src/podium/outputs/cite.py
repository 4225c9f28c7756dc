"""Citations of one text: plain text (Chicago-like), BibTeX, CSL-JSON and RIS.
Names are given as written, never inverted: many speakers' names put the
family name first already (Le Thi Tuyet Mai)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from podium.model.loader import Statement
from podium.model.schema import Kind
from podium.site import display, i18n
from podium.text.textsafe import one_line

_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")


@dataclass(frozen=True)
class Citation:
    plain: str
    bibtex: str
    csl: dict[str, Any]
    ris: str

    @property
    def csl_json(self) -> str:
        """A CSL-JSON file of one item: a field a line, each value compact (indented
        throughout, the dates' nested lists made it a third of a page's citations)."""
        fields = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}"
                             for k, v in sorted(self.csl.items()))
        return "[\n  {\n" + fields + "\n  }\n]\n"


def _author(st: Statement) -> str | None:
    m = st.meta
    if m.speaker:
        return m.speaker.name
    if m.source and m.source.publisher:
        return m.source.publisher
    return None


def _where(st: Statement) -> list[str]:
    m = st.meta
    parts = [display.session(m.event)] if m.event else []
    if m.venue:
        parts.append(m.venue)
    return parts


def plain(st: Statement, url: str) -> str:
    """Le Thi Tuyet Mai. “Statement by ….” IOM Council, 114th Session, Geneva, 27–29 November 2023. URL."""
    m = st.meta
    title = m.title.rstrip(".")
    parts = [f"{a}." for a in [_author(st)] if a]
    parts.append(f"“{title}.”")
    if m.kind is Kind.NEWS_REPORT and m.source and m.source.publisher and m.speaker:
        parts.append(f"{m.source.publisher}.")
    where = [] if m.kind is Kind.NEWS_REPORT else _where(st)
    parts.append(", ".join([*where, display.when(m, "en")]) + ".")
    parts.append(url)
    return " ".join(parts)


def _bib(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def bibtex(st: Statement, url: str) -> str:
    m = st.meta
    entry = "article" if m.kind is Kind.NEWS_REPORT else "misc"
    fields: list[tuple[str, str]] = []
    if author := _author(st):
        fields.append(("author", "{" + _bib(author) + "}"))  # one corporate/whole name
    fields.append(("title", "{" + _bib(m.title) + "}"))
    if m.kind is Kind.NEWS_REPORT and m.source and m.source.publisher:
        fields.append(("journal", _bib(m.source.publisher)))
    elif where := _where(st):
        fields.append(("howpublished", _bib(", ".join(where))))
    fields.append(("year", str(m.sort_date.year)))
    fields.append(("month", str(m.sort_date.month)))
    if m.date:
        fields.append(("day", str(m.date.day)))
    fields.append(("url", url))
    fields.append(("language", m.language))
    fields.append(("note", _bib(f"{m.kind.value.replace('-', ' ').capitalize()}, "
                                f"{display.when(m, 'en')}")))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{entry}{{{m.id},\n{body}\n}}\n"


def csl(st: Statement, url: str) -> dict[str, Any]:
    m = st.meta
    item: dict[str, Any] = {
        "id": m.id,
        "type": "article-newspaper" if m.kind is Kind.NEWS_REPORT else "speech",
        "title": m.title,
        "URL": url,
        "language": m.language,
        "issued": {"date-parts": [[m.sort_date.year, m.sort_date.month, m.sort_date.day]]},
    }
    if m.date is None and m.event and m.event.start:
        item["issued"] = {"date-parts": [[d.year, d.month, d.day] for d in
                                         (m.event.start, m.event.end or m.event.start)]}
    if author := _author(st):
        item["author"] = [{"literal": author}]
    if m.event:
        item["event-title"] = display.session(m.event)
    if m.venue:
        item["event-place"] = m.venue
        item["publisher-place"] = m.venue
    if m.source and m.source.publisher:
        key = "container-title" if m.kind is Kind.NEWS_REPORT else "publisher"
        item[key] = m.source.publisher
    if m.summary:
        item["abstract"] = m.summary
    return item


def ris(st: Statement, url: str) -> str:
    m = st.meta
    lines = [("TY", "NEWS" if m.kind is Kind.NEWS_REPORT else "GEN")]
    if author := _author(st):
        lines.append(("AU", author))
    lines.append(("TI", m.title))
    if m.event:
        lines.append(("T2", display.session(m.event)))
    if m.venue:
        lines.append(("CY", m.venue))
    if m.source and m.source.publisher:
        lines.append(("PB" if m.kind is not Kind.NEWS_REPORT else "JO", m.source.publisher))
    d = m.sort_date
    lines.append(("PY", str(d.year)))
    lines.append(("DA", f"{d.year}/{d.month:02}/{d.day:02}/" if m.date else f"{d.year}/{d.month:02}//"))
    lines.append(("LA", m.language))
    lines.append(("UR", url))
    if m.date is None and m.event and m.event.start:
        dates = i18n.date_range(m.event.start, m.event.end, "en")
        lines.append(("N1", f"Delivered during the event, {dates}"))
    lines.append(("ER", ""))
    # One tag a line: a line break in a value would start a record of its own.
    return "".join(f"{tag}  - {one_line(value)}\n".replace("  - \n", "  -\n") for tag, value in lines)


def cite(st: Statement, url: str) -> Citation:
    return Citation(plain(st, url), bibtex(st, url), csl(st, url), ris(st, url))
