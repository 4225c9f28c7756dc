"""Site: links between generated pages are relative and right from any depth."""

from __future__ import annotations

import itertools
import posixpath
import re
from pathlib import Path

import pytest
from conftest import statement_text

from podium.model.collection import load_collection
from podium.pages.plan import PathCollision, Site
from podium.site.routing import relative_path
from podium.site.taxonomy import slugify


def test_relative_path_agrees_with_posixpath_relpath() -> None:
    paths = ["", "statements", "statements/2023", "statements/2023/vnm", "delegations/vnm",
             "delegations", "feeds/rss.xml", "statements/2024/x"]
    for target, start in itertools.product(paths, repeat=2):
        assert relative_path(target, start) == posixpath.relpath("/" + target, "/" + start), (target, start)


def test_relative_path_examples() -> None:
    assert relative_path("delegations/vnm", "statements/2023/vnm-iom") == "../../../delegations/vnm"
    assert relative_path("statements/2023/a", "statements/2023/b") == "../a"
    assert relative_path("statements", "statements") == "."


def _site(folder: Path, **files: str) -> Site:
    for name, text in files.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return Site(load_collection(folder))


def test_a_statement_with_id_index_fails_naming_both_sources(tmp_path: Path) -> None:
    """`id: index` was overwritten by its year's listing without a word (issue #13, item 7)."""
    site = _site(tmp_path, index=statement_text(id="index"))
    with pytest.raises(PathCollision) as caught:
        list(site.pages())
    assert str(caught.value) == (f"the year '2024' and {tmp_path.name}/index.md would both be published "
                                 "at /statements/2024/: rename one (an id, a name or a topic)")


def test_terms_that_slugify_to_nothing_or_to_index_keep_their_own_pages(tmp_path: Path) -> None:
    speakers = {"a": "Index", "b": "!!!", "c": "???", "d": "Ann Smith"}
    site = _site(tmp_path, **{k: statement_text(id=k, speaker={"name": v}, topics=["🙂", "Index", f"t{k}"])
                              for k, v in speakers.items()})
    srcs = [p.src_uri for p in site.pages()]
    assert len(srcs) == len(set(srcs))
    speaker_pages = sorted(s for s in srcs if s.startswith("speakers/") and s != "speakers/index.md")
    assert len(speaker_pages) == 4 and "speakers/ann-smith.md" in speaker_pages
    assert all(re.fullmatch(r"speakers/(index|term)-[0-9a-f]{8}\.md|speakers/ann-smith\.md", s)
               for s in speaker_pages), speaker_pages
    topic_pages = [s for s in srcs if s.startswith("topics/") and s != "topics/index.md"]
    assert len(topic_pages) == 6
    assert slugify("🙂") != slugify("🙃") and slugify("!!!") != slugify("???")


def test_long_names_make_short_unique_slugs() -> None:
    long_a, long_b = "word " * 400, "word " * 399 + "other"
    assert len(slugify(long_a)) == 80 and slugify(long_a) != slugify(long_b)
    assert slugify(long_a).startswith("word-word-")
