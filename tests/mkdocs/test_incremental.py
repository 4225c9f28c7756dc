"""Incremental builds (podium.build.buildcache, podium.mkdocs.pagecache): after every kind of
change, a build that takes what it can from the build cache gives exactly the
bytes of a build without it (Pagefind's known-unstable file names aside), and
it does take pages and bundles from the cache."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, mkdocs_build, statement_text

sys.path.insert(0, str(ROOT / "scripts"))
from same_output import differences

FROM_CACHE = re.compile(r"built (\d+) generated page\(s\) \((\d+) from the build cache\)")
BUNDLES = re.compile(r"in (\d+) bundle\(s\) \((\d+) from the build cache\)")


def _statement(n: int, language: str = "en", **fields: object) -> str:
    words = {"en": "we support the resolution of the council on migration",
             "fr": "nous soutenons la résolution du conseil sur la migration"}[language]
    body = "Mr. President,\n\n" + "\n\n".join(f"{words} {n} {i}." for i in range(8)) + "\n"
    meta: dict[str, object] = {
        "id": f"s{n:02}", "title": f"Statement {n}", "date": f"2024-0{1 + n % 9}-1{n % 10}",
        "language": language, "delegation": ["VNM", "FRA", "BRA"][n % 3],
        "speaker": {"name": f"Speaker {n % 4}"}, "topics": [["Migration", "Health"][n % 2]],
        "event": {"body": "IOM Council", "session": f"{110 + n % 3}th Session"},
    }
    meta.update(fields)
    return statement_text(body, **meta)


def _report(n: int, on: int) -> str:
    return statement_text(
        f"Geneva (VNA) - the delegation said we support the resolution of the council on migration {on}.\n",
        id=f"r{n:02}", kind="news-report", title=f"Report {n} on statement {on}", date="2024-12-30",
        language="en", source={"publisher": "Vietnam News Agency"},
        related=[{"id": f"s{on:02}", "relation": "reports-on"}])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n\n<!-- podium:latest -->\n\n<!-- podium:sections -->\n",
                                            encoding="utf-8")
    folder = root / "statements"
    folder.mkdir()
    for n in range(12):
        (folder / f"s{n:02}.md").write_text(_statement(n, "fr" if n % 4 == 3 else "en"), encoding="utf-8")
    (folder / "r01.md").write_text(_report(1, 2), encoding="utf-8")
    (root / "overrides" / "partials").mkdir(parents=True)
    _config(root)
    return root


def _config(root: Path, **site: object) -> None:
    config = {"site_name": "Archive", "site_url": "https://archive.example/", "theme": {
        "name": "material", "custom_dir": "overrides", "features": ["content.action.edit"]},
        "repo_url": "https://github.com/example/archive",  # statement pages link to their file
        "edit_uri": "edit/main/docs/",
        # a small budget: several bundles per language, so that some are reused and some not
        "plugins": [{"podium": {"pagefind_budget": 2500}}], **site}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")


def _build(root: Path, site: Path) -> str:
    result = mkdocs_build(root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return result.stderr


def _same_as_cold(root: Path, tmp_path: Path, name: str) -> tuple[int, int, int]:
    """Build warm (with the cache) and cold (the cache moved aside); compare; return
    (generated pages, of them from the cache, bundles from the cache) of the warm build."""
    warm_log = _build(root, tmp_path / f"{name}-warm")
    cache, aside = root / ".cache", tmp_path / f"{name}-cache"
    cache.rename(aside)
    try:
        _build(root, tmp_path / f"{name}-cold")
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        aside.rename(cache)
    assert differences(tmp_path / f"{name}-cold", tmp_path / f"{name}-warm") == [], name
    pages = FROM_CACHE.search(warm_log)
    bundles = BUNDLES.search(warm_log)
    assert pages and bundles, warm_log
    return int(pages[1]), int(pages[2]), int(bundles[2])


def test_a_warm_build_is_the_cold_build_after_every_kind_of_change(project: Path, tmp_path: Path) -> None:
    folder = project / "statements"
    first = _build(project, tmp_path / "first")
    assert (project / ".cache" / "podium").is_dir()
    assert not any(p.name == ".cache" for p in (tmp_path / "first").rglob("*"))  # never published
    assert FROM_CACHE.search(first)[2] == "0"  # type: ignore[index]

    total, cached, bundles = _same_as_cold(project, tmp_path, "unchanged")
    assert cached == total and bundles > 0

    text = (folder / "s05.md").read_text(encoding="utf-8")
    (folder / "s05.md").write_text(text.replace("migration 5 3.", "migration 5 3, as amended."),
                                   encoding="utf-8")
    total, cached, _ = _same_as_cold(project, tmp_path, "edited")
    assert cached == total - 1  # only its own page: its listings show its metadata, not its text

    (folder / "s05.md").write_text(text.replace("title: Statement 5", "title: Statement five"),
                                   encoding="utf-8")
    total, cached, _ = _same_as_cold(project, tmp_path, "retitled")
    assert 0 < cached < total - 1  # its page and the listings that show its title

    (folder / "s20.md").write_text(_statement(20, speaker={"name": "A new speaker"}), encoding="utf-8")
    _same_as_cold(project, tmp_path, "added")

    (folder / "s07.md").unlink()
    _same_as_cold(project, tmp_path, "deleted")

    (folder / "r01.md").write_text(_report(1, 4), encoding="utf-8")  # reports on another statement now
    _same_as_cold(project, tmp_path, "relinked")

    (folder / "sub").mkdir()
    (folder / "s08.md").rename(folder / "sub" / "s08.md")  # a new file path: a new edit link
    _same_as_cold(project, tmp_path, "renamed")
    assert "edit/main/statements/sub/s08.md" in (tmp_path / "renamed-warm" / "statements/2024/s08/index.html"
                                                 ).read_text(encoding="utf-8")

    _config(project, site_name="Another archive")
    total, cached, bundles = _same_as_cold(project, tmp_path, "config")
    assert cached == 0

    (project / "overrides" / "partials" / "copyright.html").write_text(
        '<div class="md-copyright">Our own footer</div>\n', encoding="utf-8")
    total, cached, _ = _same_as_cold(project, tmp_path, "template")
    assert cached == 0
    assert "Our own footer" in (tmp_path / "template-warm" / "statements/2024/s02/index.html").read_text(
        encoding="utf-8")


def test_the_cache_can_be_deleted_at_any_time(project: Path, tmp_path: Path) -> None:
    _build(project, tmp_path / "one")
    shutil.rmtree(next(p for p in (project / ".cache" / "podium").iterdir() if p.is_dir()) / "pages")
    _build(project, tmp_path / "two")
    assert differences(tmp_path / "one", tmp_path / "two") == []


FACET_MODULE = '''
from pathlib import Path

import yaml

from podium.site.facets import Column, Facet, PanelRow
from podium.site.taxonomy import Term, slugify


def _regions():
    return yaml.safe_load((Path(__file__).parent / "regions.yaml").read_text(encoding="utf-8"))


def region(meta, t):
    name = _regions().get(meta.delegation or "")
    return [Term(slugify(name), name, (name.casefold(),))] if name else []


REGION = Facet("region", region, pages="regions", panel=PanelRow(35, "panel.region"),
               columns=(Column("region", lambda meta: _regions().get(meta.delegation or "")),),
               strings={"en": {"panel.region": "Region", "taxonomy.region.title": "Regions",
                               "taxonomy.region.term": "{term}"}})
'''


def test_a_facets_own_data_file_is_in_the_keys(project: Path, tmp_path: Path) -> None:
    """A site's facet reading its terms from a data file of its own: a change to
    that file reaches the pages and the data exports (their keys hold every
    statement's terms), not only a rebuild without the cache."""
    (project / "region_facet.py").write_text(FACET_MODULE, encoding="utf-8")
    regions = project / "regions.yaml"
    regions.write_text("VNM: South-eastern Asia\nFRA: Western Europe\nBRA: South America\n", encoding="utf-8")
    _config(project, plugins=[{"podium": {"pagefind_budget": 2500, "facets": ["region_facet.py:REGION"]}}])
    _build(project, tmp_path / "first")
    regions.write_text("VNM: South-East Asia\nFRA: Western Europe\nBRA: South America\n", encoding="utf-8")
    _same_as_cold(project, tmp_path, "regions")
    exported = (tmp_path / "regions-warm" / "data" / "statements.csv").read_text(encoding="utf-8")
    assert "South-East Asia" in exported
