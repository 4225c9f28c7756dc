"""podium.outputs.overlay: the index of a `serve` rebuild, with real Pagefind. The
last full index stays; changed and added pages are indexed in an overlay bundle;
the base's copies of changed and deleted pages are listed as superseded, with
the ids and filter values podium.js needs to drop them."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest
from test_indexer import fragments, page

from podium.outputs.indexer import MANIFEST, Indexer, IndexingError
from podium.outputs.overlay import OVERLAY_BUDGET, Base, OverlayIndex


@pytest.fixture
def base(tmp_path: Path) -> Base:
    indexer = Indexer(tmp_path / "pagefind", budget=600)  # several bundles
    for n in range(6):
        indexer.add(f"/s{n}/", page(f"Statement {n}", f"we support the resolution {n}"))
    return Base.of(indexer.write())


def test_edits_go_to_an_overlay_and_their_old_copies_are_superseded(base: Base, tmp_path: Path) -> None:
    output = tmp_path / "pagefind"
    assert len(base.bundles) > 1 and len(base.pages) == 6
    overlay = OverlayIndex(output, base)
    overlay.add("/s0/", None)  # as in the last build
    overlay.add("/s1/", page("Statement 1", "zzqqedit"))  # changed
    overlay.add("/s2/", page("Statement 2", "we support the resolution 2"))  # rendered again, same text
    overlay.add("/s3/", None)
    overlay.add("/s6/", page("Statement 6", "a new text"))  # added; s4 and s5 deleted
    result, after = overlay.write({b.path for b in base.bundles})
    assert result.pages == 5
    manifest = {b["path"]: b for b in json.loads((output / MANIFEST).read_text())["bundles"]}
    assert manifest["en-edits/"]["pages"] == 2
    assert set(fragments(output / "en-edits")) == {"/s1/", "/s6/"}
    superseded = {}
    for bundle in base.bundles:
        ids = {data["url"]: pid for pid, data in _ids(output / bundle.path).items()}
        for pid, filters in manifest[bundle.path].get("superseded", {}).items():
            superseded[next(url for url, i in ids.items() if i == pid)] = filters
    assert sorted(superseded) == ["/s1/", "/s4/", "/s5/"]
    assert superseded["/s1/"] == {"delegation": ["Viet Nam (VNM)"]}
    assert set(after.overlay) == {"/s1/", "/s6/"}

    # The next rebuild: s1 unchanged since (still in the overlay), s6 deleted.
    again = OverlayIndex(output, after)
    for n in (0, 1, 2, 3):
        again.add(f"/s{n}/", None)
    result, last = again.write({b.path for b in base.bundles})
    assert set(fragments(output / "en-edits")) == {"/s1/"} and set(last.overlay) == {"/s1/"}


def _ids(bundle: Path) -> dict[str, dict]:
    """Each page of a bundle by its Pagefind id (its fragment's name)."""
    return {p.name.removesuffix(".pf_fragment"): json.loads(gzip.decompress(p.read_bytes())[12:])
            for p in (bundle / "fragment").iterdir()}


def test_a_page_unknown_to_the_last_index_is_an_error(base: Base, tmp_path: Path) -> None:
    overlay = OverlayIndex(tmp_path / "pagefind", base)
    with pytest.raises(IndexingError, match="/s9/"):
        overlay.add("/s9/", None)
    with pytest.raises(IndexingError, match="gone"):
        OverlayIndex(tmp_path / "pagefind", base).write(set())


def test_a_large_overlay_asks_for_a_full_index(base: Base) -> None:
    assert not base.too_large()
    grown = replace(base, overlay={"/s1/": ("en", page("Statement 1", "word " * (OVERLAY_BUDGET // 5 + 1)))})
    assert grown.too_large()
