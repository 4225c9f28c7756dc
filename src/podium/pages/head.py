"""What Podium adds to every finished page, whichever generator rendered it:
feed links in <head>, the search link's label, and on a statement page its
text's language (<html lang="fr">), JSON-LD and OpenGraph metadata.

The <head> additions are a template a site overrides (podium/head.html), put
before `</head>` of the finished page rather than through a theme block, so
that the MkDocs plugin (on_post_page) and the Zensical path
(podium.zensical.build.finish), whose themes differ, give the same bytes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from podium.model.loader import Statement
from podium.outputs import structured
from podium.pages import render
from podium.pages.plan import Site
from podium.site import squeeze
from podium.site.routing import FEEDS

_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def finish_page(output: str, site: Site, src_uri: str, statement: Statement | None,
                description: str | None) -> str:
    """`output` (a whole page) with Podium's <head> additions; `description` is the
    page's own (HTML-escaped, as themes print it), if any."""
    json_ld, meta = None, []
    if statement is not None:
        url_of = site.routes.statement_url
        url = url_of(statement)
        by_id = site.collection.by_id
        related = {r.id: url_of(by_id[r.id]) for r in statement.meta.related if r.id in by_id}
        json_ld = structured.script_text(structured.json_ld(statement, url, related, site.options.site_name))
        text = html.unescape(description) if description else statement.meta.title
        meta = structured.meta_tags(statement, url, site.options.site_name, text)
        lang = html.escape(statement.meta.language, quote=True)
        output = _HTML_LANG.sub(f'<html lang="{lang}"', output, count=1)
    label = html.escape(site.t("search.filters") + " →", quote=True)
    output = output.replace("<html ", f'<html data-podium-search="{label}" ', 1)
    head = site.context.templates.render("head.html", feeds=feed_links(site, src_uri), json_ld=json_ld,
                                         meta=meta)
    output = output.replace("</head>", head + "</head>", 1)
    return output if statement is None else squeeze_around_text(output)


def squeeze_around_text(page: str) -> str:
    """A statement page with the whitespace of the theme's templates squeezed
    (podium.site.squeeze) everywhere but in the statement's text, left as written: the
    indentation of Material's base template was 1.1 KB of a typical page."""
    start, end = page.find(render.TEXT_START), page.rfind(render.TEXT_END)
    if not 0 <= start < end:
        return squeeze.whitespace(page)
    return squeeze.whitespace(page[:start]) + page[start:end] + squeeze.whitespace(page[end:])


@dataclass(frozen=True)
class FeedLink:
    kind: str
    """rss or atom."""
    title: str
    href: str


def feed_links(site: Site, src_uri: str) -> list[FeedLink]:
    """The site's feeds, from the page whose source is `src_uri`, for templates/podium/head.html.

    Feed readers find a feed by the `alternate` token with the feed's type;
    the second token, `feed`, keeps the link out of Material's
    `link[rel=alternate]` (an exact match), which takes every such link for a
    translation of the site and fetches `sitemap.xml` beside it
    (feeds/sitemap.xml: a 404 on every page, or a request to the published
    site from a local preview)."""
    name = site.options.site_name
    return [FeedLink(kind, f"{name} ({kind.upper()})",
                     site.routes.file_url(path) if site.options.site_url else site.routes.href(src_uri, path))
            for kind, path in FEEDS.items()]
