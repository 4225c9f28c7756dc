"""What a reader's first search costs on a built site, in headless Chromium.

    python scripts/first_search.py SITE_DIR [--query climate --query apartheid ...] [--under /podium/]

Opens /search/?query=Q in a fresh browser (no cache), at phone (390×844) and
desktop (1440×900) sizes, and waits for the first result and the mentions-over-time
chart. Reports, for each: every request made, its bytes as served and as a
server compressing text would send them (gzip level 6, as GitHub Pages does; the
site's already compressed files as they are), split into the page itself (the
HTML, CSS, JavaScript and fonts any page loads) and the search (what the query
loads after), and the milliseconds from navigation to the first result and to
the chart drawn.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

COMPRESSED = (".pf_meta", ".pf_fragment", ".pf_index", ".pf_filter", ".pagefind", ".png", ".jpg",
              ".woff2", ".gz", ".webp")
SEARCH = ("/pagefind/", "/search/words/", "/statements/", "/data/search-totals.json")
"""What the search asks for once the page is there (the results' own pages among it)."""


@dataclass
class Cost:
    requests: list[tuple[str, int, int]] = field(default_factory=list)
    """(URL, bytes as served, bytes compressed)."""
    first_result_ms: float = 0.0
    chart_ms: float = 0.0

    def part(self, search: bool) -> tuple[int, int, int]:
        rows = [r for r in self.requests if any(s in r[0] for s in SEARCH) == search]
        return len(rows), sum(r[1] for r in rows), sum(r[2] for r in rows)


def measure(site: Path, query: str, width: int, height: int, under: str = "/") -> Cost:
    from playwright.sync_api import sync_playwright

    from podium.engine.preview import serve

    chromium = os.environ.get("PODIUM_CHROMIUM", "/usr/bin/chromium")
    cost = Cost()
    with serve(site, under=under) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": width, "height": height})
        finished = []
        page.on("requestfinished", lambda r: finished.append(r))
        start = time.perf_counter()
        page.goto(f"{base}search/?query={query}")
        page.locator("#podium-search .podium-result").first.wait_for(timeout=120_000)
        cost.first_result_ms = (time.perf_counter() - start) * 1000
        page.locator(".podium-trend__chart").wait_for(timeout=120_000)
        cost.chart_ms = (time.perf_counter() - start) * 1000
        page.wait_for_load_state("networkidle")
        for request in finished:
            try:
                body = request.response().body()
            except Exception:  # (a request without a body)
                continue
            url = request.url.split("?")[0]
            packed = len(body) if url.endswith(COMPRESSED) else len(gzip.compress(body, 6))
            cost.requests.append((request.url, len(body), packed))
        browser.close()
    return cost


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("site", type=Path)
    p.add_argument("--query", action="append", help="a query (several: one run each); default climate")
    p.add_argument("--under", default="/", help="serve the site under this path (GitHub Pages project sites)")
    p.add_argument("--list", action="store_true", help="print every request of the search")
    args = p.parse_args()
    for query in args.query or ["climate"]:
        for name, (w, h) in (("phone", (390, 844)), ("desktop", (1440, 900))):
            cost = measure(args.site, query, w, h, args.under)
            n, raw, packed = cost.part(True)
            pn, _, ppacked = cost.part(False)
            print(f"{query!r} {name} {w}x{h}: search {n} requests, {raw / 1000:.0f} KB as served, "
                  f"{packed / 1000:.0f} KB compressed; the page itself {pn} requests, "
                  f"{ppacked / 1000:.0f} KB compressed; first result {cost.first_result_ms:.0f} ms, "
                  f"chart {cost.chart_ms:.0f} ms")
            if args.list:
                for url, size, small in cost.requests:
                    print(f"    {size:>9,} {small:>9,}  {url}")


if __name__ == "__main__":
    main()
