"""Shared fixtures: the repository, the raw seeds, and real MkDocs builds."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import settings

# Property tests draw the same examples on every run and machine, so that CI
# is reproducible; HYPOTHESIS_PROFILE=explore draws new ones, for hunting bugs.
settings.register_profile("reproducible", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "reproducible"))

ROOT = Path(__file__).resolve().parent.parent
# The raw seeds, as delivered in ../shared/seeds/; a copy lives in the repository
# so the tests also run where shared/ is absent (e.g. GitHub Actions).
SHARED = Path(os.environ.get("PODIUM_SHARED", ROOT.parent / "shared"))
"""The read-only seeds and corpora: beside the repository, or where PODIUM_SHARED says."""
SHARED_SEEDS = SHARED / "seeds"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CHROMIUM = Path(os.environ.get("PODIUM_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
STATEMENT_SEED = SEEDS / "001_c26a5048d81f979d.txt"
REPORT_SEED = SEEDS / "000_c2245a9766c94577.txt"
STATEMENT_ID = "vnm-iom-council-114"
REPORT_ID = "vna-2023-12-02-iom-council-114"


def mkdocs_build(config_file: Path, site_dir: Path, strict: bool = True
                 ) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build` (strict by default), as a user would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    flags = ["--strict"] if strict else []
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *flags, "-f", str(config_file),
         "-d", str(site_dir)],
        capture_output=True, text=True, env=env, check=False,
    )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url: str) -> BeautifulSoup:
    return soup(site / url.strip("/") / "index.html")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once for the session."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


def statement_text(body: str = "Mr. President,\n\nWe support the resolution.\n", **fields: object) -> str:
    """A statement file with sensible defaults for every required field."""
    meta: dict[str, object] = {
        "id": "example", "kind": "statement", "title": "Example statement",
        "date": "2024-09-24", "language": "en",
    }
    meta.update(fields)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body


SiteBuilder = Callable[..., tuple[subprocess.CompletedProcess[str], Path]]


@pytest.fixture
def temp_site(tmp_path: Path) -> SiteBuilder:
    """Build a throwaway site from {filename: text} statements and extra plugin options."""

    def build(statements: dict[str, str], strict: bool = True, site: dict[str, object] | None = None,
              **options: object) -> tuple[subprocess.CompletedProcess[str], Path]:
        (tmp_path / "docs").mkdir(exist_ok=True)
        (tmp_path / "docs" / "index.md").write_text(
            "# Home\n\n<!-- podium:latest -->\n\n<!-- podium:sections -->\n", encoding="utf-8")
        folder = tmp_path / "statements"
        folder.mkdir(exist_ok=True)
        for name, text in statements.items():
            (folder / name).write_text(text, encoding="utf-8")
        config = {
            "site_name": "Test archive",
            "theme": {"name": "material"},
            "plugins": [{"podium": options}],  # no lunr, as in the default mkdocs.yml
            **(site or {}),
        }
        (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        out = tmp_path / "site"
        return mkdocs_build(tmp_path / "mkdocs.yml", out, strict), out

    return build


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's headless Chromium through Playwright, one per test module."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


SLOW_FIXTURES = frozenset({"built_site", "temp_site", "browser", "zensical_site", "site", "ranking",
                           "pieces"})
"""Fixtures that build a whole site or start a browser."""
SLOW_CALLS = ("mkdocs_build(", "podium_build(", "subprocess.run(", "subprocess.Popen(", "_build(",
              "build_site(", "_small_disk(")
"""Calls in a test's own code that run a build, a server or another program, or mount a disk."""
SLOW_MODULES = frozenset({"test_serve.py", "test_search.py", "test_tree_property.py"})
"""Modules whose every test drives `mkdocs serve`, a built site in a browser, or many builds."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `slow` every test that builds a site, drives a browser or runs another
    program, so that `pytest -m "not slow"` gives feedback in well under a minute
    (CONTRIBUTING.md); CI runs them all."""
    import inspect

    slow = pytest.mark.slow
    for item in items:
        if item.get_closest_marker("slow") is not None:
            continue
        function = getattr(item, "function", None)
        try:
            source = inspect.getsource(function) if function is not None else ""
        except (OSError, TypeError):
            source = ""
        if (SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or any(c in source for c in SLOW_CALLS)
                or item.path.name in SLOW_MODULES):
            item.add_marker(slow)
