"""Citations of one text: plain text (Chicago-like), BibTeX, CSL-JSON and RIS,
each with the parts a citation manager expects.

- Author: the speaker when known, else the delegation as a corporate author
  (its name as the site shows it); a news report's agency is its container,
  not an author.
- Container: the body and session (the event), and the meeting record's or
  document's symbol when the file gives one (`source.symbol`, e.g. A/79/PV.5).
- Publisher: the archive (the site's name). The corpus or agency the text came
  from (`source.publisher`) is its source, never its author.
- Date: at the precision the file gives (podium.model.dates): BibTeX's `month`
  only when the month is known, CSL `date-parts` of one to three parts, RIS's
  `DA` with empty parts.

Names are given as written, never inverted: many speakers' names put the
family name first already (Le Thi Tuyet Mai)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from podium.model.dates import PartialDate, interval
from podium.model.loader import Statement
from podium.model.schema import Kind, StatementMeta
from podium.site import display, i18n
from podium.text.textsafe import one_line

_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
"""BibTeX's month macros: `month = sep` is read by every style as the month."""


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


@dataclass(frozen=True)
class Parts:
    """What every format says of a text, decided once."""

    person: str | None
    """The speaker, as written."""
    corporate: str | None
    """The delegation as a corporate author, when there is no speaker."""
    container: str | None
    """The event: "United Nations General Assembly, 15th session"."""
    symbol: str | None
    newspaper: str | None
    """A news report's agency or paper (its container)."""
    source: str | None
    """The corpus or agency the archive took the text from."""
    archive: str | None
    """The site that publishes the copy cited."""
    start: PartialDate
    """The text's own date, else its event's start."""
    end: PartialDate | None
    """The event's end, when the text has no date of its own and the event one distinct from its start."""

    @property
    def author(self) -> str | None:
        return self.person or self.corporate

    @property
    def common(self) -> PartialDate:
        """The finest date true of both ends: 27–29 November 2023 is 2023-11; across years
        only the start's year, which `year` and `issued` then give as a range."""
        return self.start.common(self.end or self.start) or PartialDate(self.start.year)


def _corporate(m: StatementMeta) -> str | None:
    """The delegation's name as the site shows it."""
    return display.delegation_of(m)  # its name on the date (USSR in 1960)


def parts(st: Statement, archive: str | None = None) -> Parts:
    m = st.meta
    news = m.kind is Kind.NEWS_REPORT
    person = m.speaker.name if m.speaker and not news else None
    publisher = m.source.publisher if m.source else None
    own = m.date
    start = own or m.sort_date
    end = None
    if own is None and m.event and m.event.end and m.event.end != m.event.start:
        end = m.event.end
    return Parts(
        person=person,
        corporate=None if person or news else _corporate(m),
        container=display.session(m.event) if m.event else None,
        symbol=m.source.symbol if m.source else None,
        newspaper=publisher if news else None,
        source=None if news else publisher,
        archive=archive,
        start=start,
        end=end,
    )


def _where(st: Statement, p: Parts) -> list[str]:
    out = [x for x in (p.container, p.symbol) if x]
    if st.meta.venue:
        out.append(st.meta.venue)
    return out


def title(m: StatementMeta) -> str:
    """The title as a citation gives it: a title the archive supplied (the source has
    none) in square brackets, as cataloguing rules write a supplied description."""
    return f"[{m.title}]" if m.title_supplied else m.title


def plain(st: Statement, url: str, archive: str | None = None) -> str:
    """Le Thi Tuyet Mai. “Statement by ….” IOM Council, 114th Session, Geneva, Switzerland,
    27–29 November 2023. Podium. URL."""
    m, p = st.meta, parts(st, archive)
    out = [f"{a}." for a in [p.author] if a]
    out.append(f"{title(m)}." if m.title_supplied else f"“{m.title.rstrip('.')}.”")
    where = [p.newspaper] if p.newspaper else _where(st, p)
    out.append(", ".join([*[w for w in where if w], display.when(m, "en")]) + ".")
    if p.source:
        out.append(f"{p.source}.")
    if p.archive:
        out.append(f"{p.archive}.")
    out.append(url)
    return " ".join(out)


def _bib(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def bibtex(st: Statement, url: str, archive: str | None = None) -> str:
    m, p = st.meta, parts(st, archive)
    entry = "article" if p.newspaper else "misc"
    fields: list[tuple[str, str]] = []
    if p.author:
        fields.append(("author", "{" + _bib(p.author) + "}"))  # one whole name, person or corporate
    fields.append(("title", "{" + _bib(title(m)) + "}"))
    if p.newspaper:
        fields.append(("journal", _bib(p.newspaper)))
    elif p.container:
        fields.append(("howpublished", _bib(p.container)))
    if p.symbol:
        fields.append(("number", _bib(p.symbol)))
    if m.venue:
        fields.append(("address", _bib(m.venue)))
    if p.archive:
        fields.append(("publisher", _bib(p.archive)))
    when = p.common
    fields.append(("year", str(when.year) if p.end is None or p.end.year == p.start.year
                   else f"{p.start.year}--{p.end.year}"))
    raw: set[str] = set()
    if when.month is not None:
        fields.append(("month", _MONTHS[when.month - 1]))
        raw.add("month")
    if when.day is not None:
        fields.append(("day", str(when.day)))
    fields.append(("date", interval(p.start, p.end)))  # biblatex: ISO 8601 at its precision
    fields.append(("url", url))
    fields.append(("language", m.language))
    note = f"{m.kind.value.replace('-', ' ').capitalize()}, {display.when(m, 'en')}"
    if p.source:
        note += f"; source: {p.source}"
    fields.append(("note", _bib(note)))
    body = ",\n".join(f"  {k} = {v}" if k in raw else f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{entry}{{{m.id},\n{body}\n}}\n"


def csl(st: Statement, url: str, archive: str | None = None) -> dict[str, Any]:
    m, p = st.meta, parts(st, archive)
    # Without a date of its own, a text is issued within its event: the finest date true of
    # the whole event (2023-11 for 27–29 November 2023), or its years when they differ; the
    # event's own dates go in event-date. (citeproc-py also fails on day ranges in `issued`.)
    common = p.common
    across = p.end is not None and p.end.year != p.start.year
    dates = [[p.start.year], [p.end.year]] if across and p.end else [common.parts()]
    item: dict[str, Any] = {
        "id": m.id,
        "type": "article-newspaper" if p.newspaper else "speech",
        "title": title(m),
        "URL": url,
        "language": m.language,
        "issued": {"date-parts": dates},
    }
    if p.author:
        item["author"] = [{"literal": p.author}]
    if p.container:
        # CSL 1.0.2 names it event-title; `event` is the 1.0.1 name older processors read.
        item["event-title"] = item["event"] = p.container
    if m.event and m.event.start:
        last = m.event.end if m.event.end and m.event.end != m.event.start else None
        item["event-date"] = {"date-parts": [m.event.start.parts()] + ([last.parts()] if last else [])}
    if p.symbol:
        item["number"] = p.symbol
    if m.venue:
        item["event-place"] = m.venue
        item["publisher-place"] = m.venue
    if p.newspaper:
        item["container-title"] = p.newspaper
    if p.archive:
        item["archive"] = p.archive
        if not p.newspaper:
            item["publisher"] = p.archive
    if p.source:
        item["source"] = p.source
    if m.summary:
        item["abstract"] = m.summary
    return item


def ris(st: Statement, url: str, archive: str | None = None) -> str:
    m, p = st.meta, parts(st, archive)
    lines = [("TY", "NEWS" if p.newspaper else "GEN")]
    if p.author:
        lines.append(("AU", p.author))
    lines.append(("TI", title(m)))
    if p.newspaper or p.container:
        lines.append(("T2", p.newspaper or p.container or ""))
    if p.symbol:
        lines.append(("M1", p.symbol))
    if m.venue:
        lines.append(("CY", m.venue))
    if p.archive:
        lines.append(("PB", p.archive))
    if p.source:
        lines.append(("DB", p.source))
    when = p.common
    lines.append(("PY", f"{p.start.year:04}"))
    lines.append(("DA", when.ris()))
    lines.append(("LA", m.language))
    lines.append(("UR", url))
    if m.date is None and m.event and m.event.start:
        dates = i18n.date_range(m.event.start, m.event.end, "en")
        lines.append(("N1", f"Delivered during the event, {dates}"))
    lines.append(("ER", ""))
    # One tag a line: a line break in a value would start a record of its own.
    return "".join(f"{tag}  - {one_line(value)}\n".replace("  - \n", "  -\n") for tag, value in lines)


def cite(st: Statement, url: str, archive: str | None = None) -> Citation:
    """Every format; `archive` is the site's name, the publisher of the copy cited."""
    return Citation(plain(st, url, archive), bibtex(st, url, archive), csl(st, url, archive),
                    ris(st, url, archive))
