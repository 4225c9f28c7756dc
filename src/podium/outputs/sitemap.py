"""sitemap.xml past 50,000 URLs: the sitemaps protocol allows at most 50,000
URLs and 50 MB in one file, so a larger site gets a sitemap index at
sitemap.xml that lists child sitemaps (sitemaps/sitemap-1.xml, …) of at most
that many URLs each. MkDocs renders sitemap.xml itself (its template, over
every page, Podium's deferred ones included); this splits what it rendered,
so that the entries stay exactly MkDocs' own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000
MAX_BYTES = 50_000_000
"""The protocol's limits per file (uncompressed)."""
FOLDER = "sitemaps"

_URL = re.compile(r"<url>.*?</url>", re.S)
_LASTMOD = re.compile(r"<lastmod>([^<]*)</lastmod>")
_HEAD = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{NS}">\n'
_TAIL = "</urlset>\n"


@dataclass(frozen=True)
class Sitemaps:
    index: str
    """What sitemap.xml becomes: the urlset as rendered, or an index of the children."""
    children: dict[str, str]
    """Child sitemaps by site-relative path; empty when one file holds every URL."""


def split(urlset: str, base_url: str, max_urls: int = MAX_URLS, max_bytes: int = MAX_BYTES) -> Sitemaps:
    """`urlset` (MkDocs' sitemap.xml) as it is if it is within the limits, else an
    index and children; `base_url` is the site's address (children's <loc>)."""
    urls = _URL.findall(urlset)
    if len(urls) <= max_urls and len(urlset.encode("utf-8")) <= max_bytes:
        return Sitemaps(urlset, {})
    chunks: list[list[str]] = [[]]
    size = len(_HEAD) + len(_TAIL)
    for url in urls:
        entry = len(url.encode("utf-8")) + 1
        if chunks[-1] and (len(chunks[-1]) >= max_urls or size + entry > max_bytes):
            chunks.append([])
            size = len(_HEAD) + len(_TAIL)
        chunks[-1].append(url)
        size += entry
    children: dict[str, str] = {}
    entries = []
    for n, chunk in enumerate(chunks, start=1):
        path = f"{FOLDER}/sitemap-{n}.xml"
        children[path] = _HEAD + "".join(url + "\n" for url in chunk) + _TAIL
        dates = [m for url in chunk for m in _LASTMOD.findall(url)]
        lastmod = f"<lastmod>{max(dates)}</lastmod>" if dates else ""
        loc = escape(base_url.rstrip("/") + "/" + path)
        entries.append(f"<sitemap><loc>{loc}</loc>{lastmod}</sitemap>\n")
    index = (f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{NS}">\n'
             + "".join(entries) + "</sitemapindex>\n")
    return Sitemaps(index, children)
