"""The generated pages. Everything Podium writes itself (metadata panel,
citations, listings, pagers) is emitted as escaped HTML, which Markdown
passes through untouched: at 10,000 statements, making Python-Markdown
re-parse generated Markdown cost more than the rest of the build. Only the
statement's own text is Markdown. Every word of Podium's own comes from the
interface catalogue (site.t); internal links are checked by `podium linkcheck`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from podium.model.loader import Statement
from podium.model.schema import RelationType
from podium.outputs import cite, search
from podium.site import display, i18n
from podium.site.coverage import Coverage
from podium.site.fragments import PLAIN_PARAGRAPH, Anchor, Doc, front_matter
from podium.site.taxonomy import Taxonomy, TermEntries
from podium.text import blocks, markup, prose
from podium.text.blocks import BlockKind
from podium.text.normalise import normalise
from podium.text.sanitise import sanitise

if TYPE_CHECKING:
    from podium.site.plan import Site
SrcOf = Callable[[int], str]
MEDIA_TYPES = {"bib": "application/x-bibtex", "json": "application/vnd.citationstyles.csl+json",
               "ris": "application/x-research-info-systems"}


@dataclass(frozen=True)
class Pager:
    number: int
    total: int
    newer: str | None
    older: str | None


def a(label: str, href: str | None, **attrs: str) -> str:
    """A link with an escaped label, or the bare label when there is nowhere to go."""
    if href is None:
        return escape(label)
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return f'<a href="{escape(href)}"{extra}>{escape(label)}</a>'


# --- statement pages --------------------------------------------------------

TEXT_START = '<div class="podium-text"'
TEXT_END = "<!-- podium:text-end -->"
"""Written just after the text's closing tag, so that the text can be cut out of
the page without parsing it (a statement can hold any HTML, this comment not:
the sanitiser removes comments)."""


def statement_text(content: str) -> str:
    """The statement's text on its built page: what Pagefind indexes and what
    the word check reads (the panel and the citations around it are left out)."""
    start, end = content.find(TEXT_START), content.rfind(TEXT_END)
    return content[start:end] if 0 <= start < end else content[max(start, 0):]


def statement_page(site: Site, st: Statement, here: str) -> Doc:
    m, t = st.meta, site.t
    parsed = blocks.parse(normalise(st.body))
    doc = Doc(meta=front_matter(title=m.title, description=_description(st, parsed),
                                hide=["navigation", "toc"]))
    head = [f"<h1>{escape(m.title)}</h1>"]
    if m.title_supplied:
        head.append(f'<p class="podium-supplied">{escape(t("title_supplied"))}</p>')
    head.append(language_switcher(site, st, here))
    head.append(metadata_panel(site, st, here))
    # With Pagefind, the text is the indexed body and carries the filters.
    # The ¶ links are added in the browser (podium.js), from each block's id and this
    # label: written into every paragraph they were a fifth of a long speech's page.
    permalink = f' data-podium-permalink="{escape(site.t("permalink", n="{n}"))}"'
    head.append(f'{TEXT_START}{permalink} data-pagefind-body>{search.attributes(site, st)}'
                if site.options.pagefind else f"{TEXT_START}{permalink}>")
    doc.html("\n".join(head))
    body(doc, parsed, site.options.plain_prose, coverage_links(site, st, here))
    doc.html(f"</div>{TEXT_END}")
    tail = []
    if m.end_marker:
        tail.append(f'<p class="podium-end-marker" title="{escape(t("end_marker"))}">'
                    f"{escape(m.end_marker)}</p>")
    tail.append(cite_section(site, st, here))
    if site.options.site_url:
        tail.append(f'<p class="podium-print-only">{escape(t("print_link"))} '
                    f"{escape(site.public_url(here))}</p>")
    return doc.html("\n".join(tail))


def _description(st: Statement, parsed: list[blocks.Block]) -> str:
    if st.meta.summary:
        return st.meta.summary
    first = next((b.text for b in parsed if b.kind is BlockKind.PARAGRAPH), st.meta.title)
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
    items = " · ".join(a(i18n.autonym(o.meta.language), site.href(here, site.statement_src(o)),
                         hreflang=o.meta.language, lang=o.meta.language) for o in others)
    return f'<p class="podium-languages">{escape(site.t("also_in"))} {items}</p>\n'


def metadata_panel(site: Site, st: Statement, here: str) -> str:
    """The definition list of facts at the top of a statement page."""
    m, t, lang = st.meta, site.t, st.meta.language

    def terms(facet: str) -> str:
        return ", ".join(a(term.label, site.href(here, src) if src else None)
                         for term, src in site.term_links(facet, st))

    rows: list[tuple[str, str]] = [(t("panel.kind"), terms("kind"))]
    if m.speaker:
        speaker = (escape(m.speaker.honorific) + " " if m.speaker.honorific else "") + terms("speaker")
        rows.append((t("panel.speaker"), speaker + (f", {escape(m.speaker.role)}" if m.speaker.role else "")))
    if m.delegation:
        former = display.former(m.delegation, t)
        rows.append((t("panel.delegation"), f"{terms('delegation')} ({escape(m.delegation)})"
                     + (f', <span class="podium-former">{escape(former)}</span>' if former else "")))
    if m.event:
        rows.append((t("panel.body"), terms("body")))
        if m.event.session:
            rows.append((t("panel.session"), terms("session")))
        if m.event.start:
            rows.append((t("panel.event_dates"), escape(i18n.date_range(m.event.start, m.event.end, lang))))
    if m.venue:
        rows.append((t("panel.venue"), escape(m.venue)))
    label = t("panel.delivered") if m.kind.is_delivered else t("panel.published")
    if m.date:
        rows.append((label, escape(i18n.date(m.date, lang))))
    elif m.kind.is_delivered:
        rows.append((label, escape(t("panel.delivered_unknown"))))
    rows.append((t("panel.language"), f"{terms('language')} ({escape(m.language)})"))
    if m.topics:
        rows.append((t("panel.topics"), terms("topic")))
    if m.source:
        rows.append((t("panel.source"), _source(site, st)))
    for key, others in _links_by_key(site, st):
        rows.append((t(key), "; ".join(
            f"{a(o.meta.title, site.href(here, site.statement_src(o)))} ({escape(_credit(o, lang))})"
            for o in others)))
    for cov in site.coverage(st):
        if cov.statement is st:
            rows.append((t("panel.coverage"), _coverage_row(site, cov, here)))
    if m.summary:
        rows.append((t("panel.summary"), escape(m.summary)))
    items = "".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<div class="podium-meta"><dl>{items}</dl></div>\n'


def _paragraph_links(numbers: list[int]) -> str:
    return ", ".join(f'<a href="#p{n}">{n}</a>' for n in numbers)


def _with_html(template: str, html: str) -> str:
    """Escape an interface string and put HTML where its \\0 placeholder was."""
    return escape(template).replace("\0", html)


def _coverage_row(site: Site, cov: Coverage, here: str) -> str:
    """Vietnam News Agency, 2 December 2023: covers ¶ 5, 6; leaves out ¶ 2, 7."""
    t = site.t
    who = a(_credit(cov.report, cov.statement.meta.language), site.href(here, site.statement_src(cov.report)))
    parts = [_with_html(t("coverage.covers", paragraphs="\0"), _paragraph_links(cov.covered))
             if cov.covered else escape(t("coverage.nothing"))]
    if cov.left_out:
        parts.append(_with_html(t("coverage.leaves_out", paragraphs="\0"), _paragraph_links(cov.left_out)))
    return f"{who}: " + "; ".join(parts)


def coverage_links(site: Site, st: Statement, here: str) -> dict[int, list[tuple[int, str]]]:
    """For a report: after each sentence aligned with the statement, links to its paragraphs."""
    notes: dict[int, list[tuple[int, str]]] = {}
    for cov in site.coverage(st):
        if cov.report is not st:
            continue
        target = site.href(here, site.statement_src(cov.statement))
        by_sentence: dict[tuple[int, int], list[int]] = {}
        for al in cov.alignments:
            by_sentence.setdefault((al.sentence.block, al.sentence.end), []).append(al.paragraph)
        for (block, end), numbers in sorted(by_sentence.items()):
            marks = " ".join(
                a(f"¶ {n}", f"{target}#p{n}", class_="podium-coverage-link",
                  title=site.t("coverage.link", n=n), data_pagefind_ignore="")
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
        bits.append(escape(s.publisher))
    if s.title:
        bits.append(f"“{escape(s.title)}”")
    if s.url:
        bits.append(a(s.url, s.url))
    if s.retrieved:
        bits.append(escape(site.t("panel.retrieved", date=i18n.date(s.retrieved, st.meta.language))))
    if s.file:
        bits.append(_with_html(site.t("panel.file", file="\0"), f"<code>{escape(s.file)}</code>"))
    return ", ".join(bits)


def _links_by_key(site: Site, st: Statement) -> list[tuple[str, list[Statement]]]:
    grouped: dict[str, list[Statement]] = {}
    for ln in site.collection.links(st):
        grouped.setdefault(ln.key, []).append(ln.other)
    return sorted(grouped.items())


def body(doc: Doc, parsed: list[blocks.Block], plain_prose: bool,
         notes: dict[int, list[tuple[int, str]]] | None = None) -> Doc:
    """The text's blocks, each text block with an id (#p3) and a class (the ¶
    permalink is added by podium.js; see fragments.Anchor); plain prose is
    written as HTML, the rest left to Markdown (see podium.text.prose). `notes`
    inserts HTML at offsets of numbered blocks (coverage links)."""
    for block in parsed:
        if block.anchor is None:
            doc.md(block.markdown + "\n")
            continue
        kind = "" if block.kind is BlockKind.PARAGRAPH else f" podium-{block.kind.value}"
        anchor = Anchor(block.anchor, PLAIN_PARAGRAPH + kind)  # no class on a plain <p>
        marks = sorted((notes or {}).get(block.number or 0, []))
        text = _dedented(block.text, marks)
        html = prose.paragraph(text, sanitise, literal_starts=True) if plain_prose else None
        if html is None:
            # Notes go in as private-use marks before the text is escaped, and
            # become Podium's own HTML after (the marks are not syntax).
            text = block.text
            for i, (offset, _) in reversed(list(enumerate(marks))):
                text = text[:offset] + chr(_MARK + i) + text[offset:]
            crowded = markup.crowded(text)  # shown as written: see podium.text.markup
            if crowded:
                text = prose.literal(text, block.source_number)
            else:
                text = blocks.to_markdown(text, block.kind) if marks else block.markdown
            for i, (_, note) in enumerate(marks):
                text = text.replace(chr(_MARK + i), note)
            if crowded:
                doc.html(anchor.apply(text))
            else:
                doc.block(text, anchor)
        else:
            # Notes go in after the text is known to be safe: they are Podium's own HTML.
            for offset, note in reversed(marks):
                html = html[:3 + offset] + note + html[3 + offset:]
            if number := block.source_number:  # as podium.text.markup writes it for Markdown
                html = "<p>" + markup.number_html(number) + html[3 + len(number):]
            doc.html(anchor.apply(html))
    return doc


def _dedented(text: str, marks: list[tuple[int, str]]) -> str:
    """A text block's first line without the spaces it starts with, which Markdown
    drops (podium.text.markup.escape_text_line): the line of a page number in a
    PDF copy, 4 % of the corpus's blocks, which then need no Markdown. Not when
    notes go in at offsets of the text, or a paragraph number follows the spaces
    (Markdown's path writes it in its own element)."""
    if not text.startswith(" ") or marks:
        return text
    stripped = text.lstrip(" ")
    return text if markup.NUMBER.match(stripped) else stripped


_MARK = 0xF0000
"""Supplementary private-use plane: where notes go while a text is escaped."""


def cite_section(site: Site, st: Statement, here: str) -> str:
    """Tabs with the citation in four formats, each copyable and downloadable;
    the markup of pymdownx.tabbed's alternate style, so Material styles it."""
    t = site.t
    c = cite.cite(st, site.public_url(here))
    name = st.meta.id
    tabs = [(t("cite.text"), c.plain, None), ("BibTeX", c.bibtex, "bib"),
            ("CSL-JSON", c.csl_json, "json"), ("RIS", c.ris, "ris")]
    inputs, labels, blocks_ = [], [], []
    for i, (label, text, ext) in enumerate(tabs, start=1):
        checked = ' checked="checked"' if i == 1 else ""
        inputs.append(f'<input{checked} id="__cite_{i}" name="__cite" type="radio">')
        labels.append(f'<label for="__cite_{i}">{escape(label)}</label>')
        download = ""
        if ext:
            # podium.js makes the file from the text shown just above it: no file
            # per statement (30,000 more at 10,000 statements), and no second copy
            # of each citation in the page (a base64 data: URI was 2 KB a page).
            label = t("cite.download") + " ." + ext
            download = f"<p>{a(label, '#cite', download=f'{name}.{ext}', type_=MEDIA_TYPES[ext])}</p>"
        code = f"<pre><code>{escape(text.rstrip(), quote=False)}</code></pre>"  # no &quot; in text
        blocks_.append(f'<div class="tabbed-block">{code}{download}</div>')
    return (f'<h2 id="cite" data-search-exclude>{escape(t("cite.heading"))}</h2>\n'
            f'<div class="podium-cite" data-search-exclude data-pagefind-ignore>'
            f'<div class="tabbed-set tabbed-alternate" data-tabs="1:{len(tabs)}">{"".join(inputs)}'
            f'<div class="tabbed-labels">{"".join(labels)}</div>'
            f'<div class="tabbed-content">{"".join(blocks_)}</div></div>'
            f'<p class="podium-cite-hint">{escape(t("cite.paragraph"))}</p></div>\n')


# --- index pages --------------------------------------------------------------


def entry(site: Site, st: Statement, here: str) -> str:
    """One statement in a listing: its title, then date, kind, who, where, language."""
    m = st.meta
    facts = site.entry_facts.get(m.id)
    if facts is None:
        facts = site.entry_facts[m.id] = escape(" · ".join(_entry_facts(site, st)))
    lang = {"lang": m.language} if m.language != site.options.language else {}
    return (f"<li>{a(m.title, site.href(here, site.statement_src(st)), **lang)}<br>"
            f'<span class="podium-entry-meta">{facts}</span></li>')


def _entry_facts(site: Site, st: Statement) -> list[str]:
    m, t = st.meta, site.t
    facts = [display.when(m, site.options.language), t(f"kind.{m.kind.value}")]
    if who := display.byline(m):
        facts.append(who)
    if m.event:
        facts.append(display.session(m.event))
    if m.language.split("-")[0] != site.options.language.split("-")[0]:
        facts.append(t.language_name(m.language))
    return facts


def entries(site: Site, statements: Sequence[Statement], here: str) -> str:
    items = "".join(entry(site, st, here) for st in statements)
    return f'<div class="podium-entries"><ul>{items}</ul></div>\n'


def pager(site: Site, p: Pager | None) -> str:
    if p is None:
        return ""
    t = site.t
    page = escape(t("pager.page", n=p.number, total=p.total))
    return (f'\n<div class="podium-pager"><p>{a(t("pager.newer"), p.newer)} · {page} · '
            f"{a(t('pager.older'), p.older)}</p></div>\n")


def root_page(site: Site, tax: Taxonomy, terms: list[TermEntries], here: str,
              p: Pager | None) -> Doc:
    t = site.t
    total = len({st.meta.id for term in tax.terms for st in term.statements})
    rows = "".join(f"<tr><td>{a(e.term.label, site.href(here, site.term_src(tax, e.term)))}</td>"
                   f'<td class="podium-count">{len(e.statements)}</td></tr>' for e in terms)
    table = (f'<div class="md-typeset__table"><table><thead><tr><th>{escape(tax.title)}</th>'
             f'<th class="podium-count">{escape(t("column.texts"))}</th></tr></thead>'
             f"<tbody>{rows}</tbody></table></div>\n" if terms else "")
    summary = f"{t.count('entries', len(tax.terms))} · {t.count('texts', total)}"
    return Doc(meta=front_matter(title=tax.title)).html(
        f"<h1>{escape(tax.title)}</h1>\n<p>{escape(summary)}</p>\n{table}{pager(site, p)}")


def term_page(site: Site, tax: Taxonomy, term: TermEntries, part: list[Statement], here: str,
              p: Pager | None) -> Doc:
    t = site.t
    title = tax.term_title(term.term, t)
    up = a(t("all", title=tax.title), site.href(here, site.root_src(tax)))
    intro = f"<p>{escape(t.count('texts', len(term.statements)))} · {up}</p>"
    former = display.former(term.term.slug.upper(), t) if tax.spec.facet == "delegation" else None
    if former:
        intro = f'<p class="podium-former">{escape(term.term.label)}: {escape(former)}</p>\n{intro}'

    return Doc(meta=front_matter(title=title, hide=["toc"])).html(
        f"<h1>{escape(title)}</h1>\n{intro}\n{entries(site, part, here)}{pager(site, p)}")


# --- blocks for hand-written pages ------------------------------------------


def latest(site: Site, here: str) -> str:
    return entries(site, site.collection.statements[: site.options.latest], here)


def sections(site: Site, here: str) -> str:
    rows = "".join(f"<li>{a(tax.title, site.href(here, site.root_src(tax)))} ({len(tax.terms)})</li>"
                   for tax in site.taxonomies)
    return f"<ul>{rows}</ul>\n"


HOME_PLACEHOLDERS = {"latest": latest, "sections": sections}
"""Markers a hand-written page (the home page) may hold, `<!-- podium:latest -->`
on a line of its own, with what replaces them."""
_HOME_MARKER = re.compile(r"^[ \t]*<!-- podium:(latest|sections) -->[ \t]*$", re.MULTILINE)


def fill_home(markdown: str, site: Site, here: str) -> str:
    """A hand-written page with its markers replaced. Only a marker alone on its
    line counts, so a page can mention one in running text or inline code."""
    if "<!-- podium:" not in markdown:
        return markdown
    return _HOME_MARKER.sub(lambda m: HOME_PLACEHOLDERS[m[1]](site, here).replace("\n", ""), markdown)
