"""CPU time of rendering every generated page of a site in this process: the
plan's statement pages and index pages (their `Doc`s, before MkDocs), without
Markdown, the theme or Pagefind. For changes to rendering, where the whole
build's figures (scripts/bench.py) are too noisy on a shared machine.

    python scripts/bench_render.py STATEMENTS_DIR [--repeat 3]
    PYTHONPATH=/path/to/other/src python scripts/bench_render.py STATEMENTS_DIR   # another version

Prints the minimum over the rounds (and every round) of the CPU seconds spent
in statement pages and in the other pages.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import podium
from podium.model.collection import load_collection
from podium.pages.plan import Site, SiteOptions


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("statements", type=Path)
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args()
    collection = load_collection(args.statements)
    rounds: dict[str, list[float]] = {"statement pages": [], "index pages": []}
    for _ in range(args.repeat):
        site = Site(collection, SiteOptions(site_url="https://example.org/"))  # coverage aligned afresh
        spent = {"statement pages": 0.0, "index pages": 0.0}
        for page in site.pages():
            start = time.process_time()
            page.build()
            spent["statement pages" if page.statement is not None else "index pages"] += (
                time.process_time() - start)
        for key, seconds in spent.items():
            rounds[key].append(seconds)
    print(f"{len(collection)} statements, podium from {Path(podium.__file__).parent}")
    for key, values in rounds.items():
        print(f"{key:16} {min(values):6.3f} s CPU (rounds: {', '.join(f'{v:.3f}' for v in values)})")


if __name__ == "__main__":
    main()
