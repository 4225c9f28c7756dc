"""Site: links between generated pages are relative and right from any depth."""

from __future__ import annotations

import itertools
import posixpath

from podium.site import relative_path


def test_relative_path_agrees_with_posixpath_relpath() -> None:
    paths = ["", "statements", "statements/2023", "statements/2023/vnm", "delegations/vnm",
             "delegations", "feeds/rss.xml", "statements/2024/x"]
    for target, start in itertools.product(paths, repeat=2):
        assert relative_path(target, start) == posixpath.relpath("/" + target, "/" + start), (target, start)


def test_relative_path_examples() -> None:
    assert relative_path("delegations/vnm", "statements/2023/vnm-iom") == "../../../delegations/vnm"
    assert relative_path("statements/2023/a", "statements/2023/b") == "../a"
    assert relative_path("statements", "statements") == "."
