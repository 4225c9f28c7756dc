"""Static, faceted search with Pagefind, which indexes the built site into
small chunks so that a query downloads only what it needs (a lunr index is
one file with every page: 47.8 MB at 10,000 statements).

Only statement text and metadata are indexed: each statement page's text is
marked `data-pagefind-body`, so navigation chrome and index pages stay out,
and a hidden block carries the filters (delegation, body, year, kind,
language), the sort key (date) and the metadata shown with each result.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from podium import display
from podium.fragments import Doc, front_matter
from podium.loader import Statement

if TYPE_CHECKING:
    from podium.site import Site


def document(language: str, text: str) -> str:
    """What Pagefind is given for a statement page: the statement's text alone
    (render.statement_text), without the theme's chrome, the panel or the
    citations, which Pagefind would parse and then ignore. The indexed element
    (data-pagefind-body) is the same either way."""
    return (f'<!DOCTYPE html><html lang="{html.escape(language)}"><head><meta charset="utf-8">'
            f"</head><body>{text}</body></html>")


def attributes(site: Site, st: Statement) -> str:
    """The hidden block of Pagefind filters, sort key and metadata for one statement."""
    m, t = st.meta, site.t
    filters: list[tuple[str, str]] = [
        ("year", str(m.sort_date.year)),
        ("kind", t(f"kind.{m.kind.value}")),
        ("language", t.language_name(m.language)),
    ]
    if m.delegation:
        filters.append(("delegation", f"{display.delegation(m.delegation)} ({m.delegation})"))
    if m.event:
        filters.append(("body", m.event.body))
    meta: list[tuple[str, str]] = [("title", m.title), ("date", display.when(m, site.options.language))]
    if who := display.byline(m):
        meta.append(("speaker", who))
    if m.event:
        meta.append(("session", display.session(m.event)))
    spans = [f'<span data-pagefind-filter="{k}:{html.escape(v, quote=True)}"></span>' for k, v in filters]
    spans += [f'<span data-pagefind-meta="{k}:{html.escape(v, quote=True)}"></span>' for k, v in meta]
    spans.append(f'<span data-pagefind-sort="date:{m.sort_date.isoformat()}"></span>')
    return '<div class="podium-index" hidden>' + "".join(spans) + "</div>"


def search_page(site: Site) -> Doc:
    """/search/: Pagefind's UI, themed like Material, with a sort switch."""
    t = site.t
    title = t("search.title")
    return Doc(meta=front_matter(title=title, hide=["toc"])).md(f"""# {html.escape(title)}

<link rel="stylesheet" href="../pagefind/pagefind-ui.css">
<div class="podium-search-sort">
<label for="podium-sort">{html.escape(t("search.sort"))}</label>
<select id="podium-sort">
<option value="">{html.escape(t("search.relevance"))}</option>
<option value="desc">{html.escape(t("search.newest"))}</option>
<option value="asc">{html.escape(t("search.oldest"))}</option>
</select>
</div>
<div id="podium-search" data-pagefind-ignore></div>
<script src="../pagefind/pagefind-ui.js"></script>
""")
