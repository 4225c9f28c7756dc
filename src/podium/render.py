"""Markdown for the generated pages. Links are written as relative links to
the other pages' .md sources, so MkDocs resolves them for either URL style
and `--strict` catches a broken one. Every metadata value is escaped.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

from podium import blocks, display
from podium.blocks import BlockKind
from podium.loader import Statement
from podium.normalise import normalise
from podium.taxonomy import Taxonomy, TermEntries

if TYPE_CHECKING:
    from podium.site import Site

SrcOf = Callable[[int], str]
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


@dataclass(frozen=True)
class Pager:
    number: int
    total: int
    newer: str | None
    older: str | None


def rel(here: str, target: str) -> str:
    """Relative Markdown link from one page's source path to another's."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def esc(text: str) -> str:
    """Escape a metadata value for inline Markdown: no markup, no HTML."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def attr(text: str) -> str:
    """Escape a value for an HTML attribute."""
    return html.escape(text, quote=True)


def link(label: str, target: str | None) -> str:
    return f"[{esc(label)}]({target})" if target else esc(label)


def front_matter(**meta: str) -> str:
    """Page front matter. Themes print title and description unescaped into
    <title>, <meta> and the header, so the values are HTML-escaped here."""
    escaped = {k: html.escape(v, quote=True) for k, v in meta.items()}
    dumped: str = yaml.safe_dump(escaped, allow_unicode=True, sort_keys=True)
    return f"---\n{dumped}---\n\n"


# --- statement pages --------------------------------------------------------


def statement_page(site: Site, st: Statement, here: str) -> str:
    m = st.meta
    text = normalise(st.body)
    parts = [
        front_matter(title=m.title, description=_description(st, text)),
        f"# {esc(m.title)}\n",
    ]
    if m.title_supplied:
        parts.append('<p class="podium-supplied">Title supplied by the archive: '
                     "the source gives none.</p>\n")
    parts.append(metadata_panel(site, st, here))
    parts.append(body_html(text))
    if m.end_marker:
        parts.append(f'<p class="podium-end-marker" title="End-of-text mark as printed by the '
                     f'source">{html.escape(m.end_marker)}</p>\n')
    return "\n".join(parts)


def _description(st: Statement, text: str) -> str:
    if st.meta.summary:
        return st.meta.summary
    first = next((b.text for b in blocks.parse(text) if b.kind is BlockKind.PARAGRAPH), st.meta.title)
    flat = " ".join(first.split())
    return flat if len(flat) <= 200 else flat[:199].rsplit(" ", 1)[0] + "…"


def metadata_panel(site: Site, st: Statement, here: str) -> str:
    """The definition list of facts at the top of a statement page."""
    m = st.meta

    def terms(facet: str) -> str:
        return ", ".join(
            link(t.label, rel(here, src) if src else None) for t, src in site.term_links(facet, st)
        )

    rows: list[tuple[str, str]] = [("Kind", terms("kind"))]
    if m.speaker:
        speaker = (esc(m.speaker.honorific) + " " if m.speaker.honorific else "") + terms("speaker")
        rows.append(("Speaker", speaker + (f", {esc(m.speaker.role)}" if m.speaker.role else "")))
    if m.delegation:
        rows.append(("Delegation", f"{terms('delegation')} ({esc(m.delegation)})"))
    if m.event:
        rows.append(("Body", terms("body")))
        if m.event.session:
            rows.append(("Session", terms("session")))
        if m.event.start:
            rows.append(("Event dates", esc(display.date_range(m.event.start, m.event.end))))
    if m.venue:
        rows.append(("Venue", esc(m.venue)))
    if m.date:
        label = "Delivered" if m.kind.is_delivered else "Published"
        rows.append((label, esc(display.date(m.date))))
    elif m.kind.is_delivered:
        rows.append(("Delivered", "during the event; the text gives no exact date"))
    rows.append(("Language", f"{terms('language')} ({esc(m.language)})"))
    if m.topics:
        rows.append(("Topics", terms("topic")))
    if m.source:
        rows.append(("Source", _source(st)))
    for label, others in _links_by_label(site, st):
        rows.append((label, "; ".join(
            f"{link(o.meta.title, rel(here, site.statement_src(o)))} "
            f"({esc(_credit(o))})" for o in others)))
    if m.summary:
        rows.append(("Summary", esc(m.summary)))
    items = "\n".join(f"{label}\n:   {value}\n" for label, value in rows)
    return f'<div class="podium-meta" markdown>\n\n{items}\n</div>\n'


def _credit(st: Statement) -> str:
    """Vietnam News Agency, 2 December 2023"""
    who = display.byline(st.meta)
    return f"{who}, {display.when(st.meta)}" if who else display.when(st.meta)


def _source(st: Statement) -> str:
    s = st.meta.source
    assert s is not None
    bits = []
    if s.publisher:
        bits.append(esc(s.publisher))
    if s.title:
        bits.append(f"“{esc(s.title)}”")
    if s.url:
        bits.append(f"[{esc(s.url)}](<{s.url}>)")
    if s.retrieved:
        bits.append(f"retrieved {esc(display.date(s.retrieved))}")
    if s.file:
        bits.append(f"original file `{s.file.replace('`', '')}`")
    return ", ".join(bits)


def _links_by_label(site: Site, st: Statement) -> list[tuple[str, list[Statement]]]:
    grouped: dict[str, list[Statement]] = {}
    for ln in site.collection.links(st):
        grouped.setdefault(ln.label, []).append(ln.other)
    return sorted(grouped.items())


def body_html(text: str) -> str:
    """The text, each text block with an id (#p3), a class and a ¶ permalink."""
    out = []
    for block in blocks.parse(text):
        if block.anchor is None:
            out.append(block.text)
            continue
        classes = f".podium-p .podium-{block.kind.value}"
        pilcrow = (f' [¶](#{block.anchor} "Permalink to paragraph {block.number}")'
                   "{: .podium-pilcrow data-search-exclude }")
        out.append(f"{block.text}{pilcrow}\n{{: #{block.anchor} {classes} }}")
    return '<div class="podium-text" markdown>\n\n' + "\n\n".join(out) + "\n\n</div>\n"


# --- index pages --------------------------------------------------------------


def entry(site: Site, st: Statement, here: str) -> str:
    """One statement in a listing: its title, then date, kind, who, where."""
    m = st.meta
    facts = [display.when(m), m.kind.label]
    if who := display.byline(m):
        facts.append(who)
    if m.event:
        facts.append(display.session(m.event))
    meta = " · ".join(esc(f) for f in facts)
    target = rel(here, site.statement_src(st))
    return f'-   [{esc(m.title)}]({target})  \n    <span class="podium-entry-meta">{meta}</span>'


def entries(site: Site, statements: Sequence[Statement], here: str) -> str:
    items = "\n".join(entry(site, st, here) for st in statements)
    return f'<div class="podium-entries" markdown>\n\n{items}\n\n</div>\n'


def pager(p: Pager | None) -> str:
    if p is None:
        return ""
    newer = f"[← Newer]({p.newer})" if p.newer else "← Newer"
    older = f"[Older →]({p.older})" if p.older else "Older →"
    return (f'\n<div class="podium-pager" markdown>\n\n{newer} · Page {p.number} of {p.total} · '
            f"{older}\n\n</div>\n")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def root_page(site: Site, tax: Taxonomy, terms: list[TermEntries], here: str,
              p: Pager | None) -> str:
    total = len({st.meta.id for t in tax.terms for st in t.statements})
    rows = "\n".join(
        f"| {link(t.term.label, rel(here, site.term_src(tax, t.term)))} | {len(t.statements)} |"
        for t in terms
    )
    table = f"| {esc(tax.spec.title)} | Texts |\n| --- | ---: |\n{rows}\n" if terms else ""
    summary = f"{_count(len(tax.terms), 'entry', 'entries')}, {_count(total, 'text', 'texts')}."
    return (front_matter(title=tax.spec.title) + f"# {esc(tax.spec.title)}\n\n{summary}\n\n"
            + table + pager(p))


def term_page(site: Site, tax: Taxonomy, term: TermEntries, part: list[Statement], here: str,
              p: Pager | None) -> str:
    title = tax.spec.term_title.format(term=term.term.label)
    up = rel(here, site.root_src(tax))
    intro = (f"{_count(len(term.statements), 'text', 'texts')} · "
             f"[All {esc(tax.spec.title.lower())}]({up})")
    return (front_matter(title=title) + f"# {esc(title)}\n\n{intro}\n\n"
            + entries(site, part, here) + pager(p))


# --- blocks for hand-written pages ------------------------------------------


def latest(site: Site, here: str) -> str:
    return entries(site, site.collection.statements[: site.options.latest], here)


def sections(site: Site, here: str) -> str:
    rows = []
    for tax in site.taxonomies:
        target = rel(here, site.root_src(tax))
        rows.append(f"-   [{esc(tax.spec.title)}]({target}) ({len(tax.terms)})")
    return "\n".join(rows) + "\n"
