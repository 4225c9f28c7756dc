"""The generated pages. Everything Podium writes itself (metadata panel,
citations, listings, pagers) is emitted as escaped HTML, which Markdown
passes through untouched: at 10,000 statements, making Python-Markdown
re-parse generated Markdown cost more than the rest of the build. Only the
statement's own text is Markdown. The panel, the citation block and the
listings are Jinja templates (templates/podium/, overridable: see
podium.site.templating), given the data this module gathers. Every word of
Podium's own comes from the interface catalogue (ctx.t); internal links are
checked by `podium linkcheck`. Renderers get a RenderContext (the site's
settings), never the plan; a statement's or a term's page gets everything
else it shows as one declared value (podium.pages.inputs), whose fingerprint
is the page's key in the build cache.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

from podium.model.loader import Statement
from podium.outputs import cite, search
from podium.pages.inputs import Neighbours, Pager, Ref, StatementInputs, TermInputs
from podium.site import display, i18n
from podium.site.context import RenderContext
from podium.site.coverage import Coverage
from podium.site.fragments import PLAIN_PARAGRAPH, Anchor, Doc, front_matter
from podium.site.taxonomy import Taxonomy, TermEntries, term_title
from podium.text import blocks, markup, prose
from podium.text.blocks import BlockKind
from podium.text.normalise import fold, normalise
from podium.text.sanitise import sanitise

SrcOf = Callable[[int], str]
MEDIA_TYPES = {"bib": "application/x-bibtex", "json": "application/vnd.citationstyles.csl+json",
               "ris": "application/x-research-info-systems"}


__all__ = ["Neighbours", "Pager", "Ref"]  # (the plan makes them; templates read them)


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


def statement_page(ctx: RenderContext, inputs: StatementInputs) -> Doc:
    st, here = inputs.statement, inputs.here
    m, t = st.meta, ctx.t
    parsed = blocks.parse(normalise(st.body))
    doc = Doc(meta=front_matter(title=m.title, description=_description(st, parsed),
                                hide=["navigation", "toc"]))
    head = [f"<h1>{escape(m.title)}</h1>"]
    if m.title_supplied:
        head.append(f'<p class="podium-supplied">{escape(t("title_supplied"))}</p>')
    head.append(language_switcher(ctx, inputs))
    head.append(metadata_panel(ctx, inputs))
    # With Pagefind, the text is the indexed body and carries the filters.
    # The ¶ links are added in the browser (podium.js), from each block's id and this
    # label: written into every paragraph they were a fifth of a long speech's page.
    permalink = f' data-podium-permalink="{escape(t("permalink", n="{n}"))}"'
    head.append(f'{TEXT_START}{permalink} data-pagefind-body>{search.attributes(ctx, st)}'
                if ctx.options.pagefind else f"{TEXT_START}{permalink}>")
    doc.html("\n".join(head))
    body(doc, parsed, ctx.options.plain_prose, coverage_links(ctx, inputs))
    doc.html(f"</div>{TEXT_END}")
    tail = []
    if m.end_marker:
        tail.append(f'<p class="podium-end-marker" title="{escape(t("end_marker"))}">'
                    f"{escape(m.end_marker)}</p>")
    tail.append(cite_section(ctx, st, here))
    if ctx.options.site_url:
        tail.append(f'<p class="podium-print-only">{escape(t("print_link"))} '
                    f"{escape(ctx.routes.public_url(here))}</p>")
    return doc.html("\n".join(tail))


def _description(st: Statement, parsed: list[blocks.Block]) -> str:
    if st.meta.summary:
        return st.meta.summary
    first = next((b.text for b in parsed if b.kind is BlockKind.PARAGRAPH), st.meta.title)
    flat = " ".join(first.split())
    return flat if len(flat) <= 200 else flat[:199].rsplit(" ", 1)[0] + "…"


def language_switcher(ctx: RenderContext, inputs: StatementInputs) -> str:
    others, here = inputs.family, inputs.here
    if not others:
        return ""
    routes = ctx.routes
    items = " · ".join(a(i18n.autonym(o.meta.language), routes.href(here, routes.statement_src(o)),
                         hreflang=o.meta.language, lang=o.meta.language) for o in others)
    return f'<p class="podium-languages">{escape(ctx.t("also_in"))} {items}</p>\n'


# --- the metadata panel (templates/podium/panel.html) ------------------------


@dataclass(slots=True)
class Link:
    """A link in the panel, or the bare label when there is nowhere to go."""

    label: str
    href: str | None
    after: str = ""
    """Text just after the link: " (Vietnam News Agency, 2 December 2023)"."""

    @property
    def html(self) -> str:
        return a(self.label, self.href) + escape(self.after)


@dataclass(slots=True)
class Row:
    """One fact of the panel: `text`, then `links` joined by `sep`, then
    `after`, then `note` set apart; or Podium's own `html` for the rows that
    are more than that (source, coverage). `value` is the row as Podium
    writes it; an override may print it or compose its own from the parts."""

    key: str
    """What the row shows: a facet's name, or one of PANEL_ROWS."""
    label: str
    text: str = ""
    links: list[Link] = field(default_factory=list)
    sep: str = ", "
    after: str = ""
    note: str | None = None
    html: Markup | None = None

    @property
    def value(self) -> Markup:
        """The row's HTML. Built here rather than in the template: per value
        printed, Jinja's escaping took ~2 µs, and a panel prints ~80 of them."""
        if self.html is not None:
            return self.html
        out = escape(self.text) + escape(self.sep).join(link.html for link in self.links) + escape(self.after)
        if self.note:
            out += f', <span class="podium-former">{escape(self.note)}</span>'
        return Markup(out)


PANEL_ROWS = {"event_dates": 55, "venue": 60, "date": 70, "source": 100, "related": 110,
              "coverage": 120, "summary": 130}
"""Where the panel's rows that are not facets go among the facets' rows
(facets.PanelRow.order): kind 10, speaker 20, delegation 30, body 40, session
50, language 80, topics 90."""


def panel_rows(ctx: RenderContext, inputs: StatementInputs) -> list[Row]:
    """The panel's rows for a statement, in order: each facet's with terms, and the others."""
    st, here = inputs.statement, inputs.here
    m, t, lang, routes = st.meta, ctx.t, st.meta.language, ctx.routes
    terms_of = dict(inputs.terms)
    placed: list[tuple[int, int, Row]] = []

    def add(order: int, row: Row) -> None:
        placed.append((order, len(placed), row))

    for facet in ctx.facets.values():
        shown = facet.panel
        if shown is None:
            continue
        terms = terms_of.get(facet.name, ())
        if not terms:
            continue
        add(shown.order, Row(
            facet.name, t(shown.label), shown.before(m) if shown.before else "",
            [Link(term.text, routes.href(here, src) if src else None) for term, src in terms],
            after=shown.after(m) if shown.after else "", note=shown.note(m, t) if shown.note else None))
    if m.event and m.event.start:
        add(PANEL_ROWS["event_dates"], Row("event_dates", t("panel.event_dates"),
                                           i18n.date_range(m.event.start, m.event.end, lang)))
    if m.venue:
        add(PANEL_ROWS["venue"], Row("venue", t("panel.venue"), m.venue))
    label = t("panel.delivered") if m.kind.is_delivered else t("panel.published")
    if m.date:
        add(PANEL_ROWS["date"], Row("date", label, i18n.date(m.date, lang)))
    elif m.kind.is_delivered:
        add(PANEL_ROWS["date"], Row("date", label, t("panel.delivered_unknown")))
    if m.source:
        add(PANEL_ROWS["source"], Row("source", t("panel.source"), html=Markup(_source(ctx, st))))
    for key, others in _links_by_key(inputs):
        add(PANEL_ROWS["related"], Row(key, t(key), links=[
            Link(o.meta.title, routes.href(here, routes.statement_src(o)), f" ({_credit(o, lang)})")
            for o in others], sep="; "))
    for cov in _coverage(ctx, inputs):
        if cov.statement is st:
            add(PANEL_ROWS["coverage"], Row("coverage", t("panel.coverage"),
                                            html=Markup(_coverage_row(ctx, cov, here))))
    if m.summary:
        add(PANEL_ROWS["summary"], Row("summary", t("panel.summary"), m.summary))
    return [row for _, _, row in sorted(placed, key=lambda p: (p[0], p[1]))]


def metadata_panel(ctx: RenderContext, inputs: StatementInputs) -> str:
    """The definition list of facts at the top of a statement page, and a link down to its
    citation block (which a long speech puts thousands of pixels below)."""
    return ctx.templates.render("panel.html", rows=panel_rows(ctx, inputs), statement=inputs.statement,
                                cite=ctx.t("cite.link"))


def _coverage(ctx: RenderContext, inputs: StatementInputs) -> list[Coverage]:
    """The coverage maps of the page's (report, statement) pairs, aligned when first asked for."""
    return [ctx.align(report.statement, statement.statement) for report, statement in inputs.coverage]


def _paragraph_links(numbers: list[int]) -> str:
    return ", ".join(f'<a href="#p{n}">{n}</a>' for n in numbers)


def _with_html(template: str, html: str) -> str:
    """Escape an interface string and put HTML where its \\0 placeholder was."""
    return escape(template).replace("\0", html)


def _coverage_row(ctx: RenderContext, cov: Coverage, here: str) -> str:
    """Vietnam News Agency, 2 December 2023: covers ¶ 5, 6; leaves out ¶ 2, 7."""
    t, routes = ctx.t, ctx.routes
    who = a(_credit(cov.report, cov.statement.meta.language),
            routes.href(here, routes.statement_src(cov.report)))
    parts = [_with_html(t("coverage.covers", paragraphs="\0"), _paragraph_links(cov.covered))
             if cov.covered else escape(t("coverage.nothing"))]
    if cov.left_out:
        parts.append(_with_html(t("coverage.leaves_out", paragraphs="\0"), _paragraph_links(cov.left_out)))
    return f"{who}: " + "; ".join(parts)


def coverage_links(ctx: RenderContext, inputs: StatementInputs) -> dict[int, list[tuple[int, str]]]:
    """For a report: after each sentence aligned with the statement, links to its paragraphs."""
    st, here = inputs.statement, inputs.here
    notes: dict[int, list[tuple[int, str]]] = {}
    for cov in _coverage(ctx, inputs):
        if cov.report is not st:
            continue
        target = ctx.routes.href(here, ctx.routes.statement_src(cov.statement))
        by_sentence: dict[tuple[int, int], list[int]] = {}
        for al in cov.alignments:
            by_sentence.setdefault((al.sentence.block, al.sentence.end), []).append(al.paragraph)
        for (block, end), numbers in sorted(by_sentence.items()):
            marks = " ".join(
                a(f"¶ {n}", f"{target}#p{n}", class_="podium-coverage-link",
                  title=ctx.t("coverage.link", n=n), data_pagefind_ignore="")
                for n in sorted(numbers))
            notes.setdefault(block, []).append((end, f" {marks}"))
    return notes


def _credit(st: Statement, language: str) -> str:
    """Vietnam News Agency, 2 December 2023"""
    who = display.byline(st.meta)
    when = display.when(st.meta, language)
    return f"{who}, {when}" if who else when


def _source(ctx: RenderContext, st: Statement) -> str:
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
        bits.append(escape(ctx.t("panel.retrieved", date=i18n.date(s.retrieved, st.meta.language))))
    if s.file:
        bits.append(_with_html(ctx.t("panel.file", file="\0"), f"<code>{escape(s.file)}</code>"))
    return ", ".join(bits)


def _links_by_key(inputs: StatementInputs) -> list[tuple[str, list[Statement]]]:
    grouped: dict[str, list[Statement]] = {}
    for ln in inputs.links:
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


@dataclass(slots=True)
class Tab:
    """One citation format in the citation block (templates/podium/cite.html)."""

    n: int
    """Its place, from 1 (the tab's id: __cite_1); the first is shown."""
    label: str
    text: str
    file: str | None = None
    """The name the downloaded file gets (vnm-iom-council-114.bib); None: no download."""
    media_type: str = ""
    download: str = ""
    """The download link's label."""


def cite_section(ctx: RenderContext, st: Statement, here: str) -> str:
    """Tabs with the citation in four formats, each copyable and downloadable;
    the markup of pymdownx.tabbed's alternate style, so Material styles it.
    podium.js makes each file from the text shown just above its link: no file
    per statement (30,000 more at 10,000 statements), and no second copy of
    each citation in the page (a base64 data: URI was 2 KB a page)."""
    t = ctx.t
    c = cite.cite(st, ctx.routes.public_url(here), ctx.options.site_name)

    def tab(n: int, label: str, text: str, ext: str) -> Tab:
        return Tab(n, label, text.rstrip(), f"{st.meta.id}.{ext}", MEDIA_TYPES[ext],
                   f"{t('cite.download')} .{ext}")

    tabs = [Tab(1, t("cite.text"), c.plain.rstrip()), tab(2, "BibTeX", c.bibtex, "bib"),
            tab(3, "CSL-JSON", c.csl_json, "json"), tab(4, "RIS", c.ris, "ris")]
    return ctx.templates.render("cite.html", tabs=tabs, heading=t("cite.heading"),
                                hint=t("cite.paragraph"), statement=st)


# --- index pages (templates/podium/entries.html, taxonomy.html, term.html) ---


@dataclass(slots=True)
class Entry:
    """One statement in a listing: its title and link, then its facts line."""

    title: str
    href: str
    lang: str | None
    """The title's language, when it is not the site's."""
    facts: Markup
    """Date, kind, who, where, language: "2 December 2023 · Statement · …"."""


def entry(ctx: RenderContext, st: Statement, here: str) -> Entry:
    m = st.meta
    facts = ctx.listed.get(m.id)
    if facts is None:
        facts = ctx.listed[m.id] = Markup(escape(" · ".join(_entry_facts(ctx, st))))
    return Entry(m.title, ctx.routes.href(here, ctx.routes.statement_src(st)),
                 m.language if m.language != ctx.options.language else None, facts)


def _entry_facts(ctx: RenderContext, st: Statement) -> list[str]:
    m, t = st.meta, ctx.t
    facts = [display.when(m, ctx.options.language), t(f"kind.{m.kind.value}")]
    if who := display.byline(m):
        facts.append(who)
    if m.event:
        facts.append(display.session(m.event))
    if m.language.split("-")[0] != ctx.options.language.split("-")[0]:
        facts.append(t.language_name(m.language))
    return facts


def entries(ctx: RenderContext, statements: Sequence[Statement], here: str) -> str:
    return ctx.templates.render("entries.html", entries=[entry(ctx, st, here) for st in statements])


def pager(ctx: RenderContext, p: Pager | None, by_date: bool = True) -> dict[str, object]:
    """The pager's part of a listing template's context (templates/podium/pager.html):
    "Newer" and "Older" for statements newest first, "Previous" and "Next" for
    a listing in another order (delegations A to Z)."""
    if p is None:
        return {"pager": None}
    t = ctx.t
    back, on = ("pager.newer", "pager.older") if by_date else ("pager.previous", "pager.next")
    return {"pager": p, "newer": t(back), "older": t(on), "page": t("pager.page", n=p.number, total=p.total)}


@dataclass(slots=True)
class TermRow:
    """A term in a taxonomy's listing, with its page and how many texts it has."""

    label: str
    href: str
    count: int
    also: str = ""
    """Its other names, for the filter box ("Zaire; Congo (Leopoldville)" for
    the Democratic Republic of the Congo): "; " between them."""


def also_known_as(ctx: RenderContext, tax: Taxonomy, e: TermEntries) -> str:
    """A term's other names, which the listing's filter matches too: its names
    over time (a delegation's, data/delegation-names.yaml) and its slug (a
    delegation's code)."""
    facet = ctx.facets.get(tax.spec.facet)
    history = facet.term_history if facet else None
    past = history(e.term, [st.meta for st in e.statements]) if history else None
    names = [line.name for line in past.names] if past else []
    names += [short for n in [e.term.label, *names] if (short := initials(n))]
    names.append(e.term.slug)
    return "; ".join(dict.fromkeys(n for n in names if fold(n) not in fold(e.term.label)))


def initials(name: str) -> str:
    """The initials of a name of two or more capitalised words, as readers
    abbreviate it ("Union of Soviet Socialist Republics": USSR; "Democratic
    People's Republic of Korea": DPRK; "United Kingdom": UK); "" for a name
    of one word."""
    words = [w for w in re.split(r"[\s,()]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def listing_rows(ctx: RenderContext, tax: Taxonomy) -> str:
    """Every row of a paginated listing, as JSON for its filter box (podium.js
    filters the whole list, not the page shown): label, site-relative URL,
    count, other names."""
    routes = ctx.routes
    rows = [[e.term.label, routes.url_of(routes.term_src(tax.spec, e.term)), len(e.statements),
             also_known_as(ctx, tax, e)] for e in tax.terms]
    return json.dumps({"rows": rows}, ensure_ascii=False, separators=(",", ":")) + "\n"


def root_page(ctx: RenderContext, tax: Taxonomy, terms: list[TermEntries], here: str,
              p: Pager | None) -> Doc:
    t, routes = ctx.t, ctx.routes
    total = len({st.meta.id for term in tax.terms for st in term.statements})
    long = len(tax.terms) > LONG_LISTING
    rows = [TermRow(e.term.label, routes.href(here, routes.term_src(tax.spec, e.term)), len(e.statements),
                    also_known_as(ctx, tax, e) if long else "")
            for e in terms]
    summary = f"{t.count('entries', len(tax.terms))} · {t.count('texts', total)}"
    top = max((len(e.statements) for e in tax.terms), default=0)
    every = routes.href(here, routes.listing_data(tax.spec)) if long and p is not None else None
    return Doc(meta=front_matter(title=tax.title)).html(ctx.templates.render(
        "taxonomy.html", title=tax.title, summary=summary, terms=rows, texts=t("column.texts"),
        facet=tax.spec.facet, top=top, letters=letters(tax, rows),
        filter=t("listing.filter") if long else None, by_letter=t("listing.letters"),
        every=every, no_match=t("listing.none"), **pager(ctx, p, by_date=False)))


LONG_LISTING = 20
"""A listing longer than this gets a filter box (and A–Z groups when alphabetical)."""


def letters(tax: Taxonomy, rows: list[TermRow]) -> list[tuple[str, list[TermRow]]]:
    """The rows grouped by initial when the listing is long and in alphabetical
    order of initials, accents aside (delegations, speakers; not years or
    sessions); else no groups."""
    initials = [fold(e.term.label)[:1] for e in tax.terms]
    if len(rows) <= LONG_LISTING or initials != sorted(initials):
        return []
    groups: dict[str, list[TermRow]] = {}
    for row in rows:
        initial = fold(row.label)[:1].upper()
        groups.setdefault(initial if initial.isalpha() else "#", []).append(row)
    return list(groups.items()) if len(groups) > 1 else []


@dataclass(slots=True)
class Trend:
    """Mentions over time on a term's page (podium/trend.html): the statements
    of this term that contain a query, per year, from the search index."""

    filter: str
    """The search filter (a facet's name) and this term's value in it."""
    value: str
    search_href: str
    """The search page, to which podium.js adds the query and this filter."""
    title: str
    query: str
    show: str


def trend(ctx: RenderContext, inputs: TermInputs) -> Trend | None:
    """The term's search filter value, as its statements are indexed; none
    without Pagefind or for a facet that is not a search filter."""
    facet_name, statements = inputs.spec.facet, inputs.statements
    facet = ctx.facets[facet_name]
    if not ctx.options.pagefind or facet.search is None or not statements:
        return None
    if len({st.meta.sort_date.year for st in statements}) < 2:
        return None  # a year's page, or a term of one year: a chart of one bar
    m, t = statements[0].meta, ctx.t
    values = facet.search.values(m, t) if facet.search.values else [x.label for x in facet.terms(m, t)]
    value = next((v for v, x in zip(values, facet.terms(m, t), strict=False) if x.slug == inputs.term.slug),
                 values[0] if values else None)
    if value is None:
        return None
    return Trend(facet_name, value, ctx.routes.href(inputs.here, "search.md"), t("trend.title"),
                 t("trend.query"), t("trend.show"))


@dataclass(frozen=True)
class History:
    """A term's past on its page (term.html): `names`, each line's text and its
    source; `related`, (heading, links) for predecessors and successors."""

    heading: str
    names: list[tuple[str, str]]
    related: list[tuple[str, list[Link]]]


def history(ctx: RenderContext, inputs: TermInputs) -> History | None:
    """The term's names over time and its related terms, linked where the site has their page."""
    spec, here = inputs.spec, inputs.here
    facet, t = ctx.facets[spec.facet], ctx.t
    past = (facet.term_history(inputs.term, [st.meta for st in inputs.statements])
            if facet.term_history else None)
    if past is None or not (past.names or past.predecessors or past.successors):
        return None
    names = []
    for line in past.names:
        text = t("history.name_formal" if line.formal else "history.name", name=line.name,
                 formal=line.formal or "", years=line.years)
        if line.texts and line.first is not None and line.last is not None:
            span = str(line.first) if line.first == line.last else f"{line.first}–{line.last}"
            text += t("history.texts", texts=t.count("texts", line.texts), years=span)
        names.append((text, line.source))
    related = [(t(key), [Link(other.label, ctx.routes.href(here, ctx.routes.term_src(spec, other))
                              if other.slug in inputs.pages else None) for other in others])
               for key, others in (("history.predecessors", past.predecessors),
                                   ("history.successors", past.successors)) if others]
    return History(t("history.names"), names, related)


def term_page(ctx: RenderContext, inputs: TermInputs) -> Doc:
    t, spec, p, here = ctx.t, inputs.spec, inputs.pager, inputs.here
    title = term_title(spec, inputs.term, t)
    facet = ctx.facets[spec.facet]
    note = facet.term_note(inputs.term, t) if facet.term_note else None
    return Doc(meta=front_matter(title=title, hide=["toc"])).html(ctx.templates.render(
        "term.html", title=title, term=inputs.term.label, note=note, history=history(ctx, inputs),
        count=t.count("texts", len(inputs.statements)), all=t("all", title=inputs.title),
        all_href=ctx.routes.href(here, ctx.routes.root_src(spec)), facet=spec.facet,
        trend=trend(ctx, inputs) if p is None or p.number == 1 else None,
        near=inputs.near, near_label=t("listing.neighbours", title=inputs.title), data=inputs.downloads,
        data_label=t("download.label"),
        entries=[entry(ctx, st, here) for st in inputs.part], **pager(ctx, p)))


# --- blocks for hand-written pages ------------------------------------------


def latest(ctx: RenderContext, here: str) -> str:
    return entries(ctx, ctx.statements[: ctx.options.latest], here)


def sections(ctx: RenderContext, here: str) -> str:
    routes = ctx.routes
    return ctx.templates.render("sections.html", sections=[
        TermRow(tax.title, routes.href(here, routes.root_src(tax.spec)), len(tax.terms))
        for tax in ctx.taxonomies])


def data(ctx: RenderContext, here: str) -> str:
    """The whole archive's data files, for the home page (podium.js adds each file's size)."""
    t, routes = ctx.t, ctx.routes
    files = [Link(t("download.all"), routes.href(here, "data/statements.jsonl.bz2")),
             Link(t("download.metadata"), routes.href(here, "data/statements.csv")),
             Link(t("download.schema"), routes.href(here, "data/statement.schema.json"))]
    return ctx.templates.render("data.html", files=files, rights=t("download.rights"))


HOME_PLACEHOLDERS = {"latest": latest, "sections": sections, "data": data}
"""Markers a hand-written page (the home page) may hold, `<!-- podium:latest -->`
on a line of its own, with what replaces them."""
_HOME_MARKER = re.compile(r"^[ \t]*<!-- podium:(latest|sections|data) -->[ \t]*$", re.MULTILINE)


def fill_home(markdown: str, ctx: RenderContext, here: str) -> str:
    """A hand-written page with its markers replaced. Only a marker alone on its
    line counts, so a page can mention one in running text or inline code."""
    if "<!-- podium:" not in markdown:
        return markdown
    return _HOME_MARKER.sub(lambda m: HOME_PLACEHOLDERS[m[1]](ctx, here).replace("\n", ""), markdown)
