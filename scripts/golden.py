"""The golden site: what the repository's own site (the seed statements) builds to,
kept in tests/fixtures/golden/ and compared file by file by tests/test_golden.py,
as Pelican's functional tests compare their output. "Byte-identical" is then a
check, not a claim: a change to what a page shows fails the test until the golden
copy is made again, on purpose, and the difference is read in the commit.

    python scripts/golden.py            # build, and compare with the golden copy
    python scripts/golden.py --update   # build, and replace the golden copy

The golden files are the ones a reader and a citation manager see: both seed
pages, the home page, an index page of each kind, the feeds, the sitemap and the
data exports; Pagefind's index (its file names can change between runs) and
the theme's assets are left out.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "fixtures" / "golden"
FILES = (
    "index.html",
    "statements/2023/vnm-iom-council-114/index.html",
    "statements/2023/vna-2023-12-02-iom-council-114/index.html",
    "statements/index.html",
    "delegations/index.html",
    "delegations/vnm/index.html",
    "speakers/index.html",
    "bodies/index.html",
    "sessions/index.html",
    "topics/index.html",
    "kinds/index.html",
    "languages/index.html",
    "search/index.html",
    "feeds/rss.xml",
    "feeds/atom.xml",
    "sitemap.xml",
    "data/statements.csv",
)


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                             str(ROOT / "mkdocs.yml"), "-d", str(site)], env=env, capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"the build failed:\n{result.stderr}")


def differences(site: Path) -> list[str]:
    """A unified diff (first lines) for each golden file the site differs in."""
    out = []
    for name in FILES:
        built, golden = site / name, GOLDEN / name
        if not built.is_file() or not golden.is_file():
            out.append(f"{name}: {'not built' if not built.is_file() else 'no golden copy'}")
            continue
        if built.read_bytes() != golden.read_bytes():
            diff = difflib.unified_diff(golden.read_text(encoding="utf-8").splitlines(),
                                        built.read_text(encoding="utf-8").splitlines(),
                                        f"golden/{name}", f"built/{name}", lineterm="", n=1)
            out.append("\n".join(list(diff)[:40]))
    return out


def update(site: Path) -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for name in FILES:
        (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site / name, GOLDEN / name)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--update", action="store_true", help="replace the golden copy with this build")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp) / "site")
        if args.update:
            update(Path(tmp) / "site")
            print(f"golden copy written: {len(FILES)} files in {GOLDEN.relative_to(ROOT)}")
            return 0
        found = differences(Path(tmp) / "site")
    print("\n\n".join(found) or "the site is the golden copy")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
