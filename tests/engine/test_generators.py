"""The same archive builds with MkDocs' maintained fork, ProperDocs.

MkDocs 1.6.1 is MkDocs' last release; ProperDocs is its drop-in successor
(`properdocs build` reads mkdocs.yml and loads plugins registered for MkDocs).
The two builds of the repository's site must match byte for byte, apart from
the generator named in each page's <meta> and Pagefind's unstable file names.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PROPERDOCS = shutil.which("properdocs", path=str(Path(sys.executable).parent))
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
UNSTABLE = re.compile(r"pagefind/[^/]+/(filter/|pagefind\.|pagefind-entry\.json)")  # per bundle


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"", p.read_bytes())
            for p in sorted(site.rglob("*"))
            if p.is_file() and not UNSTABLE.match(p.relative_to(site).as_posix())}


@pytest.mark.skipif(PROPERDOCS is None, reason="properdocs is not installed (pip install -e '.[test]')")
def test_properdocs_builds_the_same_site_as_mkdocs(built_site: Path, tmp_path: Path) -> None:
    assert PROPERDOCS is not None
    out = tmp_path / "properdocs-site"
    result = subprocess.run(
        [PROPERDOCS, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"ProperDocs" in (out / "index.html").read_bytes()
    mkdocs_files, properdocs_files = _files(built_site), _files(out)
    assert mkdocs_files.keys() == properdocs_files.keys()
    assert [k for k in mkdocs_files if mkdocs_files[k] != properdocs_files[k]] == []
