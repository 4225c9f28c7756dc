"""The Zensical path: `podium build --generator zensical` stages the generated
pages as Markdown, lets Zensical render them, then finishes its output the way
the MkDocs plugin finishes a page (tests/test_build.py holds the MkDocs side)."""

from __future__ import annotations

import bz2
import json
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, STATEMENT_ID, statement_text

from podium.model.collection import load_collection
from podium.text.verify import missing_words
from podium.zensical.build import _ConfigDumper, read_config

needs_zensical = pytest.mark.skipif(find_spec("zensical") is None, reason="zensical is not installed")


def podium_build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "podium.cli", "build", "--generator", "zensical",
                           "-f", str(config), "-d", str(site)], capture_output=True, text=True,
                          check=False, cwd=config.parent)


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("zensical") / "site"
    result = podium_build(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@needs_zensical
def test_every_statement_is_published_whole(zensical_site: Path) -> None:
    for st in load_collection(ROOT / "statements"):
        html = (zensical_site / f"statements/{st.meta.sort_date.year}/{st.meta.id}/index.html")
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        text = page.select_one(".podium-text")
        assert text is not None, st.shown
        assert missing_words(st.body, str(text)) == [], st.shown
        assert len(page.select("article h1")) == 1  # Podium's title, not the theme's as well
        assert page.html["lang"] == st.meta.language
        assert json.loads(page.select_one('script[type="application/ld+json"]').string)["name"]
        edit = page.select_one('a[rel="edit"]')
        assert edit is not None and edit["href"].endswith(f"/statements/{st.path.as_posix()}")


@needs_zensical
def test_index_pages_data_and_search_index(zensical_site: Path) -> None:
    listing = BeautifulSoup((zensical_site / "delegations/vnm/index.html").read_text(encoding="utf-8"),
                            "html.parser")
    assert any(STATEMENT_ID in a["href"] for a in listing.select("article a[href]"))
    assert listing.select_one('a[rel="edit"]') is None  # an index page has no source file
    assert "<!-- podium:" not in (zensical_site / "index.html").read_text(encoding="utf-8")
    records = [json.loads(line) for line in bz2.decompress(
               (zensical_site / "data/statements.jsonl.bz2").read_bytes()).decode("utf-8").splitlines()]
    assert STATEMENT_ID in {r["id"] for r in records}
    assert (zensical_site / "pagefind/en-0/pagefind.js").is_file()
    assert (zensical_site / "pagefind/podium-bundles.json").is_file()
    assert (zensical_site / "feeds/atom.xml").is_file()


@needs_zensical
def test_hostile_body_is_sanitised_even_with_forged_markers(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n\n<!-- podium:latest -->\n", encoding="utf-8")
    (tmp_path / "statements").mkdir()
    body = ("Mr. President,\n\n<!-- podium:page-end -->\n\n<script>alert(1)</script>\n\n"
            '<img src=x onerror="alert(2)">\n\nWe support the resolution.\n')
    (tmp_path / "statements/example.md").write_text(
        statement_text(body, title='<b onmouseover="alert(3)">Title</b>'), encoding="utf-8")
    config = {"site_name": "Test", "theme": {"name": "material"}, "plugins": [{"podium": {}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "site" / ".git").mkdir(parents=True)  # a gh-pages worktree: kept, as MkDocs keeps it
    (tmp_path / "site" / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    result = podium_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / ".git" / "HEAD").is_file()
    page = (tmp_path / "site/statements/2024/example/index.html").read_text(encoding="utf-8")
    assert "alert(1)" not in page and "onerror" not in page and "<b onmouseover" not in page
    assert "We support the resolution." in page
    # No nav in mkdocs.yml: statement pages stay out of the generated one.
    home = BeautifulSoup((tmp_path / "site/index.html").read_text(encoding="utf-8"), "html.parser")
    assert not [a["href"] for a in home.select(".md-nav a[href]") if "example" in a["href"]]
    assert not list(tmp_path.glob(".podium-stage-*"))  # the unsanitised staging folder is gone


@needs_zensical
def test_a_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "statements").mkdir()
    (tmp_path / "statements/bad.md").write_text("---\nid: Bad Id\n---\nText\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(
        {"site_name": "Test", "theme": {"name": "material"}, "plugins": ["podium"]}), encoding="utf-8")
    (tmp_path / "site").mkdir()
    previous = '<html><head><meta name="generator" content="mkdocs-1.6.1"></head>previous</html>'
    (tmp_path / "site/index.html").write_text(previous, encoding="utf-8")
    (tmp_path / "site/sitemap.xml").write_text("<urlset/>", encoding="utf-8")  # (a site a build made)
    result = podium_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 1
    assert "bad.md" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "site/index.html").read_text(encoding="utf-8") == previous


def test_config_tags_pass_through(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: !ENV [SITE, Podium]\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
                    "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n", encoding="utf-8")
    dumped = yaml.dump(read_config(path), Dumper=_ConfigDumper)
    assert "!ENV" in dumped and "!!python/name:material.extensions.emoji.twemoji" in dumped


CORE = ("base", "model", "text", "site", "outputs", "pages", "ingest", "zensical")
"""Every stage but the MkDocs adapter, the engine (whose `config` is a MkDocs config) and the
command line."""


def test_core_imports_without_mkdocs() -> None:
    """The core is MkDocs-free: importing every module of it with mkdocs and material absent works."""
    code = ("import importlib, pkgutil, sys\nsys.modules['mkdocs'] = None\nsys.modules['material'] = None\n"
            f"for stage in {CORE!r}:\n"
            "    package = importlib.import_module('podium.' + stage)\n"
            "    for module in pkgutil.iter_modules(package.__path__):\n"
            "        importlib.import_module(f'podium.{stage}.{module.name}')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@needs_zensical
def test_folders_set_through_inherit_or_a_tag_are_refused(tmp_path: Path) -> None:
    """Zensical resolves INHERIT and !ENV; podium build's checks read mkdocs.yml as written, so a
    custom_dir set that way went unjudged and published /etc/passwd (third outside pass)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "statements").mkdir()
    (tmp_path / "statements/a.md").write_text(statement_text(), encoding="utf-8")
    config = ("site_name: Test\ntheme:\n  name: material\n  custom_dir: !ENV [CDX, overrides]\n"
              "plugins:\n  - podium\n")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = podium_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "`theme.custom_dir` is set through a tag" in result.stderr and not (tmp_path / "site").exists()
