"""Check a built site for broken internal links and anchors: every relative
href and src must name a file in the site, and every #fragment an id on the
target page. External links are not fetched (the build machine is offline).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.target}: {self.reason}"


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(str(a[key]))
        for key in ("href", "src"):
            value = a.get(key)
            if value and not (tag == "link" and a.get("rel") in {"preconnect", "dns-prefetch"}):
                self.links.append(value)


def _scan(path: Path) -> _Scan:
    scan = _Scan()
    scan.feed(path.read_text(encoding="utf-8", errors="replace"))
    return scan


class _Outside(Exception):
    """An absolute path that leaves the site's own path."""


def _resolve(site: Path, page: str, target: str, site_url: str) -> tuple[str, str] | None:
    """(file relative to the site, fragment) for an internal link; None for external ones.
    Links to `site_url` itself, or to its path (as in 404.html), are internal."""
    prefix = urlsplit(site_url).path.rstrip("/") + "/" if site_url else "/"
    if site_url and target.startswith(site_url.rstrip("/") + "/"):
        target = prefix + target[len(site_url.rstrip("/")) + 1 :]
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//"):
        return None
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    if path.startswith("/"):
        if not (path + "/").startswith(prefix):
            raise _Outside(f"outside the site's path {prefix}")
        base, path = "", path[len(prefix) :]
    else:
        base = posixpath.dirname(page)
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined == ".":
        joined = ""
    if path.endswith("/") or (site / joined).is_dir():
        joined = posixpath.join(joined, "index.html")
    return joined, parts.fragment


def check_site(site: Path, site_url: str = "") -> list[BrokenLink]:
    """Every broken internal link and anchor in the site, sorted. `site_url` is
    the address the site is published at (MkDocs' site_url), if it has one."""
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}
    scans = {name: _scan(path) for name, path in pages.items()}
    broken: list[BrokenLink] = []
    for name, scan in scans.items():
        for target in scan.links:
            try:
                resolved = _resolve(site, name, target, site_url)
            except _Outside as exc:
                broken.append(BrokenLink(name, target, str(exc)))
                continue
            if resolved is None:
                continue
            file, fragment = resolved
            if not (site / file).is_file():
                broken.append(BrokenLink(name, target, "no such file"))
            elif fragment and file in scans and fragment not in scans[file].ids:
                broken.append(BrokenLink(name, target, f"no id {fragment!r} on the page"))
    return sorted(set(broken))
