"""RSS 2.0 and Atom feeds of the newest texts, built with ElementTree (which
escapes every value). Entry dates come from the statements, never the clock,
so the same collection gives the same feed bytes.

A statement's date may be a year or a month (podium.model.dates), and a text
without a date of its own is dated by what its event's days share
(`StatementMeta.dated`: 27–29 November 2023 is 2023-11). RSS's `pubDate` is
optional and must be a full RFC 822 date-time, so an item gets one only when
that date is a day. Atom requires `updated` on every entry: it is the first
instant of the period (`earliest()`), a machine's ordering field; the date as
the source gives it is in `dc:date` (W3C-DTF: 1960, 1960-09) and in the
summary a reader sees."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from podium.model.dates import PartialDate, Precision
from podium.model.loader import Statement
from podium.site import display
from podium.text.textsafe import xml_text

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/elements/1.1/"


def _moment(d: PartialDate) -> dt.datetime:
    """The period's first instant: for the timestamps a feed requires, never shown as the date."""
    first = d.earliest()
    return dt.datetime(first.year, first.month, first.day, tzinfo=dt.UTC)


def _summary(st: Statement) -> str:
    m = st.meta
    facts = [display.when(m, "en"), display.byline(m)]
    if m.event:
        facts.append(display.session(m.event))
    text = " · ".join(f for f in facts if f)
    return f"{text}. {m.summary}" if m.summary else text


def rss(title: str, link: str, description: str, items: Sequence[Statement],
        url_of: Callable[[Statement], str], self_url: str) -> str:
    ET.register_namespace("atom", ATOM)
    ET.register_namespace("dc", DC)
    root = ET.Element("rss", version="2.0")
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = title
    ET.SubElement(channel, "link").text = link
    ET.SubElement(channel, "description").text = description
    ET.SubElement(channel, f"{{{ATOM}}}link", href=self_url, rel="self", type="application/rss+xml")
    newest = items[0].meta.dated if items else None
    if newest is not None and newest.precision is Precision.DAY:  # optional, and a date-time
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(_moment(newest))
    for st in items:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = st.meta.title
        ET.SubElement(item, "link").text = url_of(st)
        ET.SubElement(item, "guid", isPermaLink="true").text = url_of(st)
        dated = st.meta.dated
        if dated is not None and dated.precision is Precision.DAY:
            ET.SubElement(item, "pubDate").text = format_datetime(_moment(dated))
        if dated is not None:
            ET.SubElement(item, f"{{{DC}}}date").text = dated.iso()
        # Readers take RSS descriptions as HTML: the summary is text, so it is escaped
        # as HTML here (and then as XML by ElementTree), and shows as written.
        ET.SubElement(item, "description").text = html.escape(_summary(st), quote=False)
        for topic in st.meta.topics:
            ET.SubElement(item, "category").text = topic
    return _xml(root)


def atom(title: str, link: str, items: Sequence[Statement], url_of: Callable[[Statement], str],
         self_url: str) -> str:
    ET.register_namespace("", ATOM)
    ET.register_namespace("dc", DC)
    root = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        el.text = text
        return el

    sub(root, "title", title)
    sub(root, "id", self_url)
    sub(root, "link", href=link)
    sub(root, "link", href=self_url, rel="self")
    newest = items[0].meta.sort_date if items else PartialDate(1970, 1, 1)
    sub(root, "updated", _moment(newest).isoformat())
    for st in items:
        entry = sub(root, "entry")
        sub(entry, "title", st.meta.title)
        sub(entry, "id", url_of(st))
        sub(entry, "link", href=url_of(st))
        sub(entry, "updated", _moment(st.meta.sort_date).isoformat())
        if st.meta.dated is not None:
            ET.SubElement(entry, f"{{{DC}}}date").text = st.meta.dated.iso()
        author = sub(entry, "author")
        sub(author, "name", display.byline(st.meta) or "Unknown")
        sub(entry, "summary", _summary(st))
        for topic in st.meta.topics:
            sub(entry, "category", term=topic)
    return _xml(root)


def _xml(root: ET.Element) -> str:
    """The document, without the characters XML cannot hold: one control character
    in a title would otherwise make the whole feed unreadable."""
    for el in root.iter():
        el.text = xml_text(el.text) if el.text else el.text
        el.attrib = {k: xml_text(v) for k, v in el.attrib.items()}
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
