"""Markdown for the generated pages. Links are written as relative links to
the other pages' .md sources, so MkDocs resolves them for either URL style
and `--strict` catches a broken one. Every metadata value is escaped, and
every word of Podium's own comes from the interface catalogue (site.t).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

from podium import blocks, cite, display, i18n
from podium.blocks import BlockKind
from podium.coverage import Coverage
from podium.loader import Statement
from podium.normalise import normalise
from podium.schema import RelationType
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
    m, t = st.meta, site.t
    text = normalise(st.body)
    parts = [
        front_matter(title=m.title, description=_description(st, text)),
        f"# {esc(m.title)}\n",
    ]
    if m.title_supplied:
        parts.append(f'<p class="podium-supplied">{html.escape(t("title_supplied"))}</p>\n')
    if switcher := language_switcher(site, st, here):
        parts.append(switcher)
    parts.append(metadata_panel(site, st, here))
    parts.append(body_html(site, text, coverage_links(site, st, here)))
    if m.end_marker:
        parts.append(f'<p class="podium-end-marker" title="{html.escape(t("end_marker"))}">'
                     f"{html.escape(m.end_marker)}</p>\n")
    parts.append(cite_section(site, st, here))
    if site.options.site_url:
        parts.append(f'<p class="podium-print-only">{html.escape(t("print_link"))} '
                     f"{html.escape(site.public_url(here))}</p>\n")
    return "\n".join(parts)


def _fence(text: str, lang: str) -> str:
    ticks = "`" * max(3, max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    return f"{ticks}{lang}\n{text.rstrip()}\n{ticks}"


def cite_section(site: Site, st: Statement, here: str) -> str:
    """Tabs with the citation in four formats, each copyable and downloadable."""
    t = site.t
    c = cite.cite(st, site.public_url(here))
    base = posixpath.basename(here).removesuffix(".md")
    tabs = [(t("cite.text"), "text", c.plain, None), ("BibTeX", "bibtex", c.bibtex, "bib"),
            ("CSL-JSON", "json", c.csl_json, "json"), ("RIS", "text", c.ris, "ris")]
    out = [f'## {esc(t("cite.heading"))} {{: #cite .podium-cite-heading data-search-exclude }}\n',
           '<div class="podium-cite" data-search-exclude markdown>\n']
    for label, lang, text, ext in tabs:
        block = _fence(text, lang)
        if ext:
            block += f"\n\n[{esc(t('cite.download'))} .{ext}]({base}/{base}.{ext}){{: download }}"
        indented = "\n".join(f"    {line}" if line else "" for line in block.split("\n"))
        out.append(f'=== "{label}"\n\n{indented}\n')
    out.append(f'<p class="podium-cite-hint">{html.escape(t("cite.paragraph"))}</p>\n\n</div>\n')
    return "\n".join(out)


def _description(st: Statement, text: str) -> str:
    if st.meta.summary:
        return st.meta.summary
    first = next((b.text for b in blocks.parse(text) if b.kind is BlockKind.PARAGRAPH), st.meta.title)
    flat = " ".join(first.split())
    return flat if len(flat) <= 200 else flat[:199].rsplit(" ", 1)[0] + "…"


def translations(site: Site, st: Statement) -> list[Statement]:
    """The other language versions of a text: its original and the original's translations."""
    links = site.collection.links
    original = next((ln.other for ln in links(st)
                     if ln.relation is RelationType.TRANSLATION_OF and ln.outgoing), st)
    family = [original] + [ln.other for ln in links(original)
                           if ln.relation is RelationType.TRANSLATION_OF and not ln.outgoing]
    return sorted((s for s in family if s is not st), key=lambda s: s.meta.language)


def language_switcher(site: Site, st: Statement, here: str) -> str:
    others = translations(site, st)
    if not others:
        return ""
    items = " · ".join(
        f'[{esc(i18n.autonym(o.meta.language))}]({rel(here, site.statement_src(o))})'
        f'{{: hreflang="{o.meta.language}" lang="{o.meta.language}" }}' for o in others)
    return (f'<p class="podium-languages" markdown>{esc(site.t("also_in"))} {items}</p>\n')


def metadata_panel(site: Site, st: Statement, here: str) -> str:
    """The definition list of facts at the top of a statement page."""
    m, t, lang = st.meta, site.t, st.meta.language

    def terms(facet: str) -> str:
        return ", ".join(
            link(term.label, rel(here, src) if src else None) for term, src in site.term_links(facet, st)
        )

    rows: list[tuple[str, str]] = [(t("panel.kind"), terms("kind"))]
    if m.speaker:
        speaker = (esc(m.speaker.honorific) + " " if m.speaker.honorific else "") + terms("speaker")
        rows.append((t("panel.speaker"), speaker + (f", {esc(m.speaker.role)}" if m.speaker.role else "")))
    if m.delegation:
        rows.append((t("panel.delegation"), f"{terms('delegation')} ({esc(m.delegation)})"))
    if m.event:
        rows.append((t("panel.body"), terms("body")))
        if m.event.session:
            rows.append((t("panel.session"), terms("session")))
        if m.event.start:
            rows.append((t("panel.event_dates"), esc(i18n.date_range(m.event.start, m.event.end, lang))))
    if m.venue:
        rows.append((t("panel.venue"), esc(m.venue)))
    label = t("panel.delivered") if m.kind.is_delivered else t("panel.published")
    if m.date:
        rows.append((label, esc(i18n.date(m.date, lang))))
    elif m.kind.is_delivered:
        rows.append((label, esc(t("panel.delivered_unknown"))))
    rows.append((t("panel.language"), f"{terms('language')} ({esc(m.language)})"))
    if m.topics:
        rows.append((t("panel.topics"), terms("topic")))
    if m.source:
        rows.append((t("panel.source"), _source(site, st)))
    for key, others in _links_by_key(site, st):
        rows.append((t(key), "; ".join(
            f"{link(o.meta.title, rel(here, site.statement_src(o)))} "
            f"({esc(_credit(o, lang))})" for o in others)))
    for cov in site.coverage.get(m.id, []):
        if cov.statement is st:
            rows.append((t("panel.coverage"), _coverage_row(site, cov, here)))
    if m.summary:
        rows.append((t("panel.summary"), esc(m.summary)))
    items = "\n".join(f"{esc(label)}\n:   {value}\n" for label, value in rows)
    return f'<div class="podium-meta" markdown>\n\n{items}\n</div>\n'


def _paragraph_links(numbers: list[int]) -> str:
    return ", ".join(f"[{n}](#p{n})" for n in numbers)


def _coverage_row(site: Site, cov: Coverage, here: str) -> str:
    """Vietnam News Agency, 2 December 2023: covers ¶ 5, 6; leaves out ¶ 2, 7."""
    t = site.t
    who = link(_credit(cov.report, cov.statement.meta.language),
               rel(here, site.statement_src(cov.report)))
    parts = []
    if cov.covered:
        parts.append(esc(t("coverage.covers", paragraphs="\0")).replace("\0", _paragraph_links(cov.covered)))
    else:
        parts.append(esc(t("coverage.nothing")))
    if cov.left_out:
        parts.append(esc(t("coverage.leaves_out", paragraphs="\0")).replace("\0",
                                                                         _paragraph_links(cov.left_out)))
    return f"{who}: " + "; ".join(parts)


def coverage_links(site: Site, st: Statement, here: str) -> dict[int, list[tuple[int, str]]]:
    """For a report: after each sentence aligned with the statement, links to its paragraphs."""
    notes: dict[int, list[tuple[int, str]]] = {}
    for cov in site.coverage.get(st.meta.id, []):
        if cov.report is not st:
            continue
        target = rel(here, site.statement_src(cov.statement))
        by_sentence: dict[tuple[int, int], list[int]] = {}
        for a in cov.alignments:
            by_sentence.setdefault((a.sentence.block, a.sentence.end), []).append(a.paragraph)
        for (block, end), numbers in sorted(by_sentence.items()):
            attrs = "{: .podium-coverage-link data-pagefind-ignore }"
            marks = " ".join(f'[¶ {n}]({target}#p{n} "{site.t("coverage.link", n=n)}"){attrs}'
                             for n in sorted(numbers))
            notes.setdefault(block, []).append((end, f" {marks}"))
    return notes


def _credit(st: Statement, language: str) -> str:
    """Vietnam News Agency, 2 December 2023"""
    who = display.byline(st.meta)
    when = display.when(st.meta, language)
    return f"{who}, {when}" if who else when


def _source(site: Site, st: Statement) -> str:
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
        bits.append(esc(site.t("panel.retrieved", date=i18n.date(s.retrieved, st.meta.language))))
    if s.file:
        file = s.file.replace("`", "")
        bits.append(esc(site.t("panel.file", file="\0")).replace("\0", f"`{file}`"))
    return ", ".join(bits)


def _links_by_key(site: Site, st: Statement) -> list[tuple[str, list[Statement]]]:
    grouped: dict[str, list[Statement]] = {}
    for ln in site.collection.links(st):
        grouped.setdefault(ln.key, []).append(ln.other)
    return sorted(grouped.items())


def body_html(site: Site, text: str, notes: dict[int, list[tuple[int, str]]] | None = None) -> str:
    """The text, each text block with an id (#p3), a class and a ¶ permalink;
    `notes` inserts Markdown at offsets of numbered blocks (coverage links)."""
    out = []
    for block in blocks.parse(text):
        if block.anchor is None:
            out.append(block.text)
            continue
        body = block.text
        for offset, markdown in sorted((notes or {}).get(block.number or 0, []), reverse=True):
            body = body[:offset] + markdown + body[offset:]
        classes = f".podium-p .podium-{block.kind.value}"
        title = site.t("permalink", n=block.number).replace('"', "'")
        attrs = "{: .podium-pilcrow data-search-exclude data-pagefind-ignore }"
        pilcrow = f' [¶](#{block.anchor} "{title}"){attrs}'
        out.append(f"{body}{pilcrow}\n{{: #{block.anchor} {classes} }}")
    return '<div class="podium-text" markdown>\n\n' + "\n\n".join(out) + "\n\n</div>\n"


# --- index pages --------------------------------------------------------------


def entry(site: Site, st: Statement, here: str) -> str:
    """One statement in a listing: its title, then date, kind, who, where, language."""
    m, t = st.meta, site.t
    facts = [display.when(m, site.options.language), t(f"kind.{m.kind.value}")]
    if who := display.byline(m):
        facts.append(who)
    if m.event:
        facts.append(display.session(m.event))
    if m.language.split("-")[0] != site.options.language.split("-")[0]:
        facts.append(t.language_name(m.language))
    meta = " · ".join(esc(f) for f in facts)
    target = rel(here, site.statement_src(st))
    lang = f'{{: lang="{m.language}" }}' if m.language != site.options.language else ""
    return (f"-   [{esc(m.title)}]({target}){lang}  \n"
            f'    <span class="podium-entry-meta">{meta}</span>')


def entries(site: Site, statements: Sequence[Statement], here: str) -> str:
    items = "\n".join(entry(site, st, here) for st in statements)
    return f'<div class="podium-entries" markdown>\n\n{items}\n\n</div>\n'


def pager(site: Site, p: Pager | None) -> str:
    if p is None:
        return ""
    t = site.t
    newer = f"[{esc(t('pager.newer'))}]({p.newer})" if p.newer else esc(t("pager.newer"))
    older = f"[{esc(t('pager.older'))}]({p.older})" if p.older else esc(t("pager.older"))
    page = esc(t("pager.page", n=p.number, total=p.total))
    return f'\n<div class="podium-pager" markdown>\n\n{newer} · {page} · {older}\n\n</div>\n'


def root_page(site: Site, tax: Taxonomy, terms: list[TermEntries], here: str,
              p: Pager | None) -> str:
    t = site.t
    total = len({st.meta.id for term in tax.terms for st in term.statements})
    rows = "\n".join(
        f"| {link(e.term.label, rel(here, site.term_src(tax, e.term)))} | {len(e.statements)} |"
        for e in terms
    )
    table = (f"| {esc(tax.title)} | {esc(t('column.texts'))} |\n| --- | ---: |\n{rows}\n"
             if terms else "")
    summary = f"{t.count('entries', len(tax.terms))} · {t.count('texts', total)}"
    return (front_matter(title=tax.title) + f"# {esc(tax.title)}\n\n{esc(summary)}\n\n"
            + table + pager(site, p))


def term_page(site: Site, tax: Taxonomy, term: TermEntries, part: list[Statement], here: str,
              p: Pager | None) -> str:
    t = site.t
    title = tax.term_title(term.term, t)
    up = rel(here, site.root_src(tax))
    intro = f"{esc(t.count('texts', len(term.statements)))} · [{esc(t('all', title=tax.title))}]({up})"
    return (front_matter(title=title) + f"# {esc(title)}\n\n{intro}\n\n"
            + entries(site, part, here) + pager(site, p))


# --- blocks for hand-written pages ------------------------------------------


def latest(site: Site, here: str) -> str:
    return entries(site, site.collection.statements[: site.options.latest], here)


def sections(site: Site, here: str) -> str:
    rows = [f"-   [{esc(tax.title)}]({rel(here, site.root_src(tax))}) ({len(tax.terms)})"
            for tax in site.taxonomies]
    return "\n".join(rows) + "\n"
