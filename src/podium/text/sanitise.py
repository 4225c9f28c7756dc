"""Statement bodies are untrusted: the HTML rendered from them is cleaned with
nh3 (the Ammonia sanitiser) before it reaches a page. Formatting survives;
scripts, event handlers, frames, styles and javascript: links do not.
"""

from __future__ import annotations

import re
from functools import cache

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span",
    "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "data-search-exclude", "data-pagefind-ignore"},
    "a": {"href", "hreflang", "download"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto"}
RESERVED_ID = re.compile(r"_.*|md-.*|podium.*|p\d+|cite|search", re.IGNORECASE)
"""Ids a text may not take: the theme's (`__config`, whose element Material's
script parses as its configuration; `__drawer`, `__nav_2`…), Podium's own and
the paragraph anchors (`p5`)."""


def sanitise(html: str) -> str:
    """Keep harmless formatting; drop everything that could run or restyle."""
    return _cleaner().clean(html)


@cache
def _cleaner() -> nh3.Cleaner:
    """One immutable sanitiser: building it per call (nh3.clean) took 9 of every
    10 microseconds spent sanitising a paragraph."""
    return nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                       link_rel=None, strip_comments=True, attribute_filter=_attribute)


RESERVED_CLASS = re.compile(r"md-.*|podium.*|_.*|hidden", re.IGNORECASE)
"""Classes a text may not take: the theme's and Podium's own, some of which hide
what they hold (`md-toggle`, `podium-print-only`), so that words would be on the
page for the word check and invisible to a reader."""
PODIUM_INLINE_CLASSES = frozenset({"podium-number", "podium-coverage-link"})
"""Podium's own classes that reach the sanitiser inside a text (a paragraph's
number, a report's links to the statement): they show, never hide."""


def _attribute(element: str, name: str, value: str) -> str | None:
    """Drop an id the page's own scripts or anchors depend on, and the classes a
    text may not take."""
    if name == "id":
        return None if RESERVED_ID.fullmatch(value) else value
    if name == "class":
        kept = [c for c in value.split() if c in PODIUM_INLINE_CLASSES or not RESERVED_CLASS.fullmatch(c)]
        return " ".join(kept) or None
    return value
