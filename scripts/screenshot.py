"""Screenshot pages of a built site in headless Chromium, to look at them.

    python scripts/screenshot.py site/ statements/2023/vnm-iom-council-114/ --out /tmp/shots

Serves the site folder on a free loopback port, opens each path at desktop and
phone widths, and writes one PNG per path and width.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from podium.engine.preview import serve

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("site", type=Path)
    p.add_argument("paths", nargs="+")
    p.add_argument("--out", type=Path, default=Path("screenshots"))
    p.add_argument("--dark", action="store_true", help="use the dark colour scheme")
    p.add_argument("--full", action="store_true", help="capture the full page height")
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (w, h) in WIDTHS.items():
            page = browser.new_page(viewport={"width": w, "height": h},
                                    color_scheme="dark" if args.dark else "light")
            for path in args.paths:
                page.goto(base + path.lstrip("/"))
                slug = path.strip("/").replace("/", "_") or "home"
                target = args.out / f"{slug}-{name}.png"
                page.screenshot(path=str(target), full_page=args.full)
                print(target)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
