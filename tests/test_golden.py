"""The repository's own site is its golden copy (scripts/golden.py), file by file:
a change to what a page, feed, sitemap or export shows fails here until the golden
copy is made again on purpose (`python scripts/golden.py --update`) and the
difference is read in the commit."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from conftest import ROOT


def golden() -> ModuleType:
    spec = importlib.util.spec_from_file_location("golden", ROOT / "scripts" / "golden.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_site_is_its_golden_copy(built_site: Path) -> None:
    found = golden().differences(built_site)
    assert not found, ("the built site differs from tests/fixtures/golden/ (if on purpose: "
                       "python scripts/golden.py --update):\n\n" + "\n\n".join(found))
