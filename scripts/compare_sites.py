"""Compare two built sites file by file, byte for byte.

    python scripts/compare_sites.py BEFORE_SITE AFTER_SITE [--show 5]

For a refactoring that must not change the output: every file of one site is
compared with the file at the same path in the other. Pagefind's filter and
metadata indexes (and the entry file naming them) are written in varying order
by Pagefind itself (Pagefind/pagefind#638), so their names and bytes differ
between two builds of the same input: they are left out, as in
tests/test_build.py::test_builds_are_deterministic. Pagefind's per-page
fragments are compared like everything else.

Exit status 0 when the sites are identical, 1 otherwise (the differing and
missing paths are printed, with the first differing line of a few).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

UNSTABLE = re.compile(r"pagefind/[^/]+/(filter/|pagefind\.|pagefind-entry\.json)")


def files(site: Path) -> dict[str, Path]:
    """The site's files by path relative to its root, Pagefind's unstable ones left out."""
    out = {}
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not UNSTABLE.match(rel):
            out[rel] = path
    return out


def first_difference(a: bytes, b: bytes) -> str:
    """Where two files part: the line, and a little of each side."""
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    line = a[:at].count(b"\n") + 1
    return (f"line {line}, byte {at}: {a[max(0, at - 60):at + 60]!r}\n"
            f"{'':>{len(str(line)) + 6}}vs {b[max(0, at - 60):at + 60]!r}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    p.add_argument("--show", type=int, default=5, help="print the first difference of this many files")
    args = p.parse_args()
    a, b = files(args.before), files(args.after)
    only_a, only_b = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
    differ = sorted(k for k in a.keys() & b.keys() if a[k].read_bytes() != b[k].read_bytes())
    for label, paths in (("only in before", only_a), ("only in after", only_b), ("differ", differ)):
        for path in paths:
            print(f"{label}: {path}")
    for path in differ[: args.show]:
        print(f"\n{path}: {first_difference(a[path].read_bytes(), b[path].read_bytes())}")
    same = len(a.keys() & b.keys()) - len(differ)
    print(f"{same} files identical, {len(differ)} differ, {len(only_a)} only in before, "
          f"{len(only_b)} only in after (Pagefind's unstable index names left out)")
    return 0 if not (only_a or only_b or differ) else 1


if __name__ == "__main__":
    sys.exit(main())
