"""Check that a change leaves the built sites byte-identical: build them, keep
them, and compare two builds file by file.

    python scripts/same_output.py build OUT [--n 2000]   # the seed site and N synthetic statements
    python scripts/same_output.py compare OLD NEW        # every file of two such folders

`build` writes OUT/seed (this repository's site) and OUT/synthetic (a site of N
statements generated as scripts/bench.py does, from the same seed, so the
same input every time). `compare` lists every file that differs or exists on
one side only, Pagefind's known-unstable files aside (its filter and metadata
indexes and the entry file naming them are written in varying order:
Pagefind/pagefind#638), and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNSTABLE = re.compile(r"(?:^|/)pagefind/[^/]+/(filter/|pagefind\.|pagefind-entry\.json)")
"""Pagefind's files whose bytes vary from run to run for the same pages."""


MARK = ".podium-site"
"""The mark `mkdocs build` leaves in a site it publishes (podium.engine.guard), which
`mkdocs serve`, building into a folder of its own, does not: not the site's content."""


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not UNSTABLE.search(p.relative_to(site).as_posix())
            and p.relative_to(site).as_posix() != MARK}


def differences(old: Path, new: Path) -> list[str]:
    """Every file that differs between two sites, or is in one only."""
    a, b = files(old), files(new)
    out = [f"only in {old}: {k}" for k in sorted(a.keys() - b.keys())]
    out += [f"only in {new}: {k}" for k in sorted(b.keys() - a.keys())]
    out += [f"differs: {k}" for k in sorted(a.keys() & b.keys()) if a[k] != b[k]]
    return out


def mkdocs_build(config: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                   check=True, env=env)


def synthetic_project(folder: Path, n: int) -> Path:
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench

    bench.podium_site(folder, lambda where: bench.generate(n, where))
    return folder / "mkdocs.yml"


def build(out: Path, n: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    mkdocs_build(ROOT / "mkdocs.yml", out / "seed")
    with tempfile.TemporaryDirectory() as tmp:
        mkdocs_build(synthetic_project(Path(tmp) / "project", n), out / "synthetic")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build")
    b.add_argument("out", type=Path)
    b.add_argument("--n", type=int, default=2000)
    c = commands.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "build":
        build(args.out, args.n)
        return 0
    found = differences(args.old, args.new)
    for line in found[:50]:
        print(line)
    print(f"{len(found)} difference(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
