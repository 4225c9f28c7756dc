"""The Pagefind indexer: pages streamed to the service come out as a search index."""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SiteBuilder, statement_text

from podium.outputs.indexer import MANIFEST, Indexer, IndexingError, IndexResult, Service, verify


def page(title: str, text: str, lang: str = "en") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>'
            f'<nav>Chrome that is not indexed</nav><main data-pagefind-body><h1>{title}</h1>'
            f'<p>{text}</p><span data-pagefind-filter="delegation:Viet Nam (VNM)"></span>'
            f"</main></body></html>")


def fragments(bundle: Path) -> dict[str, dict]:
    found = {}
    for path in (bundle / "fragment").iterdir():
        data = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        found[data["url"]] = data
    return found


def bundle_pages(output: Path) -> dict[str, dict]:
    manifest = json.loads((output / MANIFEST).read_text())
    found: dict[str, dict] = {}
    for bundle in manifest["bundles"]:
        found.update(fragments(output / bundle["path"]))
    return found


def test_pages_become_an_index_with_a_bundle_per_language(tmp_path: Path) -> None:
    indexer = Indexer(tmp_path / "pagefind")
    indexer.add("/statements/2023/a/", page("Statement A", "Trafficking in persons must end."))
    indexer.add("/statements/2023/b/", page("Statement B", "Safe and orderly migration.", "fr"))
    result = indexer.write()
    assert (result.pages, result.output) == (2, tmp_path / "pagefind")
    assert result.words > 10
    manifest = json.loads((tmp_path / "pagefind" / MANIFEST).read_text())
    assert manifest == {"bundles": [{"path": "en-0/", "language": "en", "pages": 1},
                                    {"path": "fr-0/", "language": "fr", "pages": 1}]}
    for bundle in ["en-0", "fr-0"]:  # one language each, so each has its own stemmer
        entry = json.loads((tmp_path / "pagefind" / bundle / "pagefind-entry.json").read_text())
        assert list(entry["languages"]) == [bundle[:2]]
        assert not (tmp_path / "pagefind" / bundle / "pagefind-ui.js").exists()  # not used
    found = bundle_pages(tmp_path / "pagefind")
    assert set(found) == {"/statements/2023/a/", "/statements/2023/b/"}
    a = found["/statements/2023/a/"]
    assert "Trafficking in persons" in a["content"] and "Chrome" not in a["content"]
    assert a["filters"] == {"delegation": ["Viet Nam (VNM)"]}


def test_small_languages_share_one_bundle(tmp_path: Path) -> None:
    """Languages with few pages share `mul-0/` (one runtime and one set of
    chunks for a first search instead of one each); a language past the
    threshold keeps its own bundle and stemmer, and Chinese, which Pagefind
    cuts into words only in its own index, is never shared."""
    indexer = Indexer(tmp_path / "pagefind", tiny=2)
    for n in range(3):
        indexer.add(f"/en/{n}/", page(f"English {n}", "Safe and orderly migration."))
    indexer.add("/fr/", page("Français", "La délégation salue le Conseil.", "fr"))
    indexer.add("/de/", page("Deutsch", "Die Delegation dankt dem Rat.", "de"))
    indexer.add("/zh/", page("中文", "中国重视国际合作。", "zh"))
    indexer.write()
    manifest = json.loads((tmp_path / "pagefind" / MANIFEST).read_text())
    bundles = [(b["path"], b["pages"]) for b in manifest["bundles"]]
    assert bundles == [("en-0/", 3), ("mul-0/", 2), ("zh-0/", 1)]
    entry = json.loads((tmp_path / "pagefind" / "mul-0" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["mul"]  # one index of both texts
    assert set(fragments(tmp_path / "pagefind" / "mul-0")) == {"/fr/", "/de/"}


def test_pages_past_the_budget_go_to_further_bundles(tmp_path: Path) -> None:
    """Memory stays bounded: a service is written out and ended once the text it
    holds passes the budget; every page is in exactly one bundle."""
    indexer = Indexer(tmp_path / "pagefind", budget=2_000)
    urls = [f"/statements/2023/s{i}/" for i in range(30)]
    for i, url in enumerate(urls):
        indexer.add(url, page(f"Statement {i}", f"Migration governance, paragraph {i}. " * 5,
                              "fr" if i % 3 == 0 else "en"))
    result = indexer.write()
    paths = [b.path for b in result.bundles]
    assert len(paths) > 4 and {p.split("-")[0] for p in paths} == {"en", "fr"}
    assert sum(b.pages for b in result.bundles) == result.pages == 30
    assert sorted(bundle_pages(tmp_path / "pagefind")) == sorted(urls)


def test_every_service_has_exited_when_the_index_is_written(tmp_path: Path) -> None:
    indexer = Indexer(tmp_path / "pagefind", budget=2_000)
    for i in range(10):
        indexer.add(f"/s{i}/", page(f"S{i}", "Text of the statement. " * 10))
    pieces = [p for p, _ in indexer._writing] + list(indexer._open.values())
    indexer.write()
    pieces += [p for p, _ in indexer._writing]
    services = [p.service for p in pieces if p.service is not None]
    assert services and all(s._process.returncode == 0 for s in services)


def test_a_missing_binary_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        Service(binary=tmp_path / "no-pagefind")


def test_a_stopped_service_is_a_clear_error(tmp_path: Path) -> None:
    service = Service()
    service.close()
    with pytest.raises(IndexingError, match="stopped"):
        service.add("/a/", page("A", "text"))
        service.write(tmp_path / "pagefind")


def test_writing_in_the_background_indexes_every_page_added_before(tmp_path: Path) -> None:
    indexer = Indexer(tmp_path / "pagefind")
    urls = [f"/statements/2023/s{i}/" for i in range(40)]
    for i, url in enumerate(urls):
        indexer.add(url, page(f"Statement {i}", f"Migration governance, paragraph {i}."))
    indexer.start_write()  # returns at once; the build goes on
    with pytest.raises(IndexingError, match="s40/: added after the index started being written"):
        indexer.add("/statements/2023/s40/", page("Late", "Too late."))
    result = indexer.write()  # waits for the background write
    assert result.pages == 40
    assert set(bundle_pages(tmp_path / "pagefind")) == set(urls)


def test_a_failed_background_write_is_raised_by_write(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    indexer = Indexer(blocked / "pagefind")
    indexer.add("/a/", page("A", "text"))
    indexer.start_write()
    with pytest.raises(IndexingError):
        indexer.write()


def written(tmp_path: Path) -> Path:
    service = Service()
    for i in range(3):
        service.add(f"/s{i}/", page(f"S{i}", f"Statement number {i}."))
    service.write(tmp_path / "bundle")
    return tmp_path / "bundle"


@pytest.mark.parametrize("damage", ["cut fragment", "empty pagefind.js", "empty meta",
                                    "missing fragment", "cut index"])
def test_cut_or_empty_files_are_not_a_success(tmp_path: Path, damage: str) -> None:
    """What a full disk or a killed writer leaves behind is found, not published."""
    bundle = written(tmp_path)
    fragment = next((bundle / "fragment").iterdir())
    if damage == "cut fragment":
        fragment.write_bytes(fragment.read_bytes()[:20])
    elif damage == "empty pagefind.js":
        (bundle / "pagefind.js").write_bytes(b"")
    elif damage == "empty meta":
        next(bundle.glob("*.pf_meta")).write_bytes(b"")
    elif damage == "missing fragment":
        fragment.unlink()
    else:
        index = next((bundle / "index").iterdir())
        index.write_bytes(index.read_bytes()[:-8])
    with pytest.raises(IndexingError, match=r"incomplete or damaged|is empty|fragment file"):
        verify(bundle, 3)


@contextlib.contextmanager
def _small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `folder` for the block (skips where mounting needs root)."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_fails_with_one_line(tmp_path: Path) -> None:
    """Pagefind writing to a full file system (a 64 KB tmpfs): an error, never a
    success over empty or cut files."""
    with _small_disk(tmp_path / "disk", "64k") as disk:
        indexer = Indexer(disk / "pagefind")
        for i in range(50):
            indexer.add(f"/s{i}/", page(f"S{i}", f"Statement number {i}. " * 40))
        with pytest.raises(IndexingError) as error:
            indexer.write()
        assert "\n" not in str(error.value)


def test_a_full_disk_fails_the_build_with_one_line(temp_site: SiteBuilder, tmp_path: Path) -> None:
    """MkDocs' own writes (the theme's files) on a full disk: one line, no traceback."""
    with _small_disk(tmp_path / "site", "1200k"):  # where temp_site builds
        result, _ = temp_site({"a.md": statement_text(id="a")})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "podium: the build failed: No space left on device" in result.stderr


def test_a_bundle_whose_pages_are_unchanged_is_copied_from_the_build_cache(tmp_path: Path) -> None:
    from podium.base.buildcache import Cache

    cache = Cache(tmp_path / "cache", "generation")
    texts = {f"/s{i}/": page(f"S{i}", f"Migration governance, paragraph {i}. " * 5) for i in range(12)}

    def index(output: Path, changed: str | None = None) -> tuple[IndexResult, int]:
        indexer = Indexer(output, budget=1_500, cache=cache)
        for url, text in texts.items():
            indexer.add(url, text.replace("governance", "policy") if url == changed else text)
        result = indexer.write()
        return result, sum(1 for p, _ in indexer._writing if p.service is not None)

    first, indexed = index(tmp_path / "one")
    assert indexed == len(first.bundles) > 2
    again, indexed = index(tmp_path / "two")
    assert indexed == 0 and all(b.cached for b in again.bundles)
    assert [(b.path, b.pages, b.words) for b in again.bundles] == \
        [(b.path, b.pages, b.words) for b in first.bundles]
    assert _stable_files(tmp_path / "one") == _stable_files(tmp_path / "two")
    edited, indexed = index(tmp_path / "three", changed="/s5/")
    assert indexed == 1 and edited.pages == 12
    assert sorted(bundle_pages(tmp_path / "three")) == sorted(texts)


def _stable_files(folder: Path) -> dict[str, bytes]:
    unstable = re.compile(r"[^/]+/(filter/|pagefind\.|pagefind-entry\.json)")
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not unstable.match(p.relative_to(folder).as_posix())}
