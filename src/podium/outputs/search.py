"""Static, faceted search with Pagefind, which indexes the built site into
small chunks so that a query downloads only what it needs (a lunr index is
one file with every page: 47.8 MB at 10,000 statements). The index is in
several bundles (indexer.py); podium.js searches them all, from the header
box of every page and from the search page.

Only statement text and metadata are indexed: each statement page's text is
marked `data-pagefind-body`, so navigation chrome and index pages stay out,
and a hidden block carries the filters (each facet with a `search` part in
its declaration, podium.site.facets), the sort key (date) and the metadata shown
with each result.
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Iterable

from podium.model.loader import Statement
from podium.outputs.indexer import SEGMENTED
from podium.site import display
from podium.site.context import RenderContext
from podium.site.facets import Facet
from podium.site.fragments import Doc, front_matter


def document(language: str, text: str) -> str:
    """What Pagefind is given for a statement page: the statement's text alone
    (render.statement_text), without the theme's chrome, the panel or the
    citations, which Pagefind would parse and then ignore. The indexed element
    (data-pagefind-body) is the same either way. Words are cut after an
    apostrophe and at a hyphen between letters (`elisions`), and ids left out:
    Pagefind keeps every element with an id as an anchor holding its whole
    text, a second copy of the text in each page's fragment file, for
    sub-results podium.js does not show (UNGDC sample of 1,000 speeches:
    fragments 11.0 -> 9.2 MB).

    `<html lang>` is what Pagefind indexes the page as (`index_language`: no
    stemmer); the statement's own language is `data-language`, which names
    its bundle (indexer.language_key)."""
    return (f'<!DOCTYPE html><html lang="{html.escape(index_language(language))}" '
            f'data-language="{html.escape(language)}"><head><meta charset="utf-8">'
            f"</head><body>{elisions(text, ids=False)}</body></html>")


EXACT = "mul"
"""The language Pagefind is told a page is in, unless its words need
Pagefind's own segmentation: one Pagefind has no stemmer for, so that a word
is indexed and found as written. With the language's stemmer a quoted query
still matched every word of the same stem (UNGDC sample of 400 speeches:
`determination` 287 statements where 218 have the word, `arm` 251 where 11
do, `develop` 373 where 110 do)."""


def index_language(language: str) -> str:
    """The language Pagefind indexes a statement in (see EXACT): its own when
    Pagefind must cut its words (indexer.SEGMENTED; it has no stemmer for any
    of them)."""
    return language if language.lower().split("-")[0] in SEGMENTED else EXACT


HYPHEN = re.compile(r"(?<=[^\W_])([-\u2010-\u2015]|&#82(?:0[89]|1[0-3]);|&#x201[0-5];|&[nm]dash;)(?=[^\W_])")
"""A hyphen or dash between two letters or digits (`self-determination`,
`Sputnik-V`, `COVID-19`, `rights—have`), as a character or an entity."""
DOT = re.compile(r"(?<=[^\W\d_])(\.)(?=[^\W\d_])")
"""A full stop between two letters (`U.S.`, `U.N.`, `e.g.`): Pagefind drops it and
indexes `us`, `un`, so `U.S.` found every statement with the pronoun "us" (an
outside tester: 10,239 statements where 46 write U.S.)."""
INVISIBLE = str.maketrans({"\ufeff": "", "\u200b": " ", "\x85": " "})
"""Characters on which Pagefind's indexer and its excerpts split words
differently: the indexer splits at Rust's whitespace, the excerpt at
JavaScript's `\\s`, which includes ZERO WIDTH NO-BREAK SPACE (U+FEFF, a stray
byte-order mark: 83 of 400 UNGDC speeches have one) and not NEXT LINE
(U+0085); and one ZERO WIDTH SPACE (U+200B) anywhere makes the excerpt split
the whole text at ZERO WIDTH SPACEs only (Pagefind's mark of words it
segmented itself). Each shifted every highlight after it onto the word
before ("of apartheid"). Left out (U+FEFF joins) or made a space (the
others break), in the index only."""
APOSTROPHE = re.compile(r"(?=[’'&])(?<=[^\W\d_])(’|'|&rsquo;|&#8217;|&#x2019;|&#39;|&#x27;|&apos;)"
                        r"(?=[^\W\d_]|&[a-zA-Z]+;)")
"""An apostrophe between two letters, as the page's HTML writes it (smarty
writes `&rsquo;`); the letter after may be an entity (`&oelig;`). The first
lookahead only tells the engine which characters can start a match: half the
time of a scan of a statement's text."""
_ID = re.compile(r'\sid="[^"]*"')
"""An id attribute in a tag (the built HTML quotes every attribute value with ")."""
CUT = "\u2060"
"""WORD JOINER, invisible: marks where `elisions` cut a word, so that podium.js
takes the space out of an excerpt again."""
_TAG = re.compile(r"(<[^>]*>)")


def elisions(text: str, ids: bool = True) -> str:
    """Cut `l’empoisonnement`, `d’œuvrer`, `dell’ONU` after the apostrophe,
    `self-determination` at its hyphen (or a dash) and `U.S.` after its first
    full stop (DOT), for the index only.

    Pagefind splits words at whitespace alone and then drops what is not a
    letter or digit, so `l’empoisonnement` is indexed as `lempoisonnement`,
    which neither `empoisonnement` nor its stem prefixes. Cut into `l’` and
    `empoisonnement`, the bare word is found, and the elided form too once
    podium.js cuts the query the same way. A hyphenated word Pagefind indexes
    as the word without its hyphen (`selfdetermination`, so that
    `co-operation` and `cooperation` were one word) and as its parts, but not
    when punctuation surrounds it (“Sputnik-V.” was not found by `Sputnik`),
    and a dash it does not cut at all (`rights—have` was not found by
    `rights`); cut, its parts are two words in a row, found by each part and by the
    hyphenated word as a phrase. The cut is the mark + WORD JOINER + space:
    Pagefind keeps the joiner in the text it makes excerpts from, and
    podium.js removes it with the space, so an excerpt reads as the page does.
    Only text is cut, never inside a tag; any WORD JOINER already in the text
    is dropped (it is invisible), so each one podium.js meets is a cut; so are
    the characters in INVISIBLE. Without `ids`, the tags lose their id
    attributes."""
    parts = _TAG.split(text.replace(CUT, "").replace("&#8288;", "").translate(INVISIBLE))
    return "".join((part if ids or ' id="' not in part else _ID.sub("", part)) if i % 2
                   else DOT.sub(_cut, HYPHEN.sub(_cut, APOSTROPHE.sub(_cut, part)))
                   for i, part in enumerate(parts))


def _cut(match: re.Match[str]) -> str:
    return match.group(1) + CUT + " "


def filters(facets: Iterable[Facet]) -> list[Facet]:
    """The facets that are search filters, in the order of the search page's groups."""
    return sorted((f for f in facets if f.search), key=lambda f: f.search.order if f.search else 0)


def filter_values(ctx: RenderContext, st: Statement) -> dict[str, list[str]]:
    """A statement's value(s) for each search filter, as the search page shows
    them ("France (FRA)"): in Pagefind's filters, the totals and the word index."""
    out = {}
    for facet in filters(ctx.facets.values()):
        assert facet.search is not None
        out[facet.name] = (facet.search.values(st.meta, ctx.t) if facet.search.values
                           else [term.label for term in facet.terms(st.meta, ctx.t)])
    return out


def attributes(ctx: RenderContext, st: Statement) -> str:
    """The hidden block of Pagefind filters, sort key and metadata for one statement.

    The metadata shown with a result (title, date, speaker, session) is one
    Pagefind meta field, `podium`: its JSON in base64. Pagefind 1.5 searches
    the words of every meta field too, so in plain text every statement of a
    general debate matched `nations` by its session ("United Nations General
    Assembly") and `general` by its title, and the counts were no longer
    those of the statements whose text has the word. Encoded, the metadata is
    one word no reader types. podium.js decodes it; it only ever inserts it
    as text. Filter values are escaped once, for the attribute."""
    m = st.meta
    spans = [f'<span data-pagefind-filter="{name}:{html.escape(v, quote=True)}"></span>'
             for name, values in filter_values(ctx, st).items() for v in values]
    meta = {"title": m.title, "date": display.when(m, ctx.options.language), "iso": m.sort_date.iso(),
            "language": m.language}
    if who := display.byline(m):
        meta["speaker"] = who
    if m.event:
        meta["session"] = display.session(m.event)
    spans.append(f'<span data-pagefind-meta="record:{encode_meta(meta)}"></span>')
    # ISO at the source's precision sorts as dates do: 1960 < 1960-01 < 1960-01-01 < 1960-02.
    spans.append(f'<span data-pagefind-sort="date:{m.sort_date.iso()}"></span>')
    return '<div class="podium-index" hidden>' + "".join(spans) + "</div>"


def encode_meta(meta: dict[str, str]) -> str:
    """A result's metadata as one unsearchable word: base64 of its UTF-8 JSON."""
    record = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(record.encode("utf-8")).decode("ascii")


TOTALS = "data/search-totals.json"
"""Statements per year, in all and per search filter value: the denominators
of the share in podium.js's mentions over time."""


def totals(ctx: RenderContext, statements: Iterable[Statement]) -> str:
    """How many statements each year has, in all and for each value of each
    search filter (as the index holds the value: "France (FRA)"), as JSON.

    The share of a year's statements needs these totals. Asked of Pagefind,
    a count without a query is a search with filters alone, which loads every
    word chunk of a bundle (129 chunks a bundle, 10 MB, on a sample of 1,455
    UN speeches); this file is a few kilobytes."""
    years: dict[str, int] = {}
    by: dict[str, dict[str, dict[str, int]]] = {}
    for st in statements:
        year = str(st.meta.sort_date.year)
        years[year] = years.get(year, 0) + 1
        for name, values in filter_values(ctx, st).items():
            for value in values:
                counts = by.setdefault(name, {}).setdefault(value, {})
                counts[year] = counts.get(year, 0) + 1
    return json.dumps({"all": years, "by": by}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")) + "\n"


def lunr_cost(statements: Iterable[Statement]) -> str:
    """The warning for a site that turns Material's lunr `search` plugin back on."""
    texts = list(statements)
    size = sum(len(st.body.encode("utf-8")) for st in texts) / 1e6
    return (f"Material's `search` plugin (lunr) is on: each visitor's first search downloads "
            f"one search_index.json with the full text of all {len(texts):,} statements "
            f"(about {size:,.1f} MB before compression) and the build runs in one process. "
            "Podium's header search box already searches every statement with Pagefind; "
            "remove `- search` from `plugins` in mkdocs.yml")


def strings(ctx: RenderContext) -> str:
    """The search interface's strings in the site's language, as JSON for a data
    attribute: with the filter groups, in their order on the search page."""
    t = ctx.t
    groups = sorted((f for f in ctx.facets.values() if f.search),
                    key=lambda f: f.search.order if f.search else 0)
    keys = ["none", "more", "loading", "year", "filter_button"]
    trend = ["title", "count", "share", "table", "all", "compare", "search_link"]
    return json.dumps({"filters": [[f.name, t(f.search.label)] for f in groups if f.search],
                       "one": t("search.results.one", n="{n}"), "other": t("search.results.other", n="{n}"),
                       **{k: t(f"search.{k}") for k in keys},
                       **{f"trend_{k}": t(f"trend.{k}") for k in trend},
                       "trend_summary": t("trend.summary", query="{query}"),
                       "prefix_one": t("search.prefix.one", query="{query}", n="{n}"),
                       "prefix": t("search.prefix.other", query="{query}", n="{n}")}, ensure_ascii=False)


def search_page(ctx: RenderContext) -> Doc:
    """/search/: a search box, filters with counts, results sorted by relevance or
    date, mentions over time, driven by podium.js over every Pagefind bundle
    (templates/podium/search.html; the address holds the search)."""
    t = ctx.t
    title = t("search.title")
    names = ["placeholder", "sort", "relevance", "newest", "oldest", "more", "filter_button", "show_results"]
    return Doc(meta=front_matter(title=title, hide=["toc"])).html(ctx.templates.render(
        "search.html", title=title, strings=strings(ctx), trend=None, **{n: t(f"search.{n}") for n in names}))
