from pathlib import Path

from conftest import ROOT

from podium.cli import main
from podium.engine.linkcheck import check_site


def test_repository_site_has_no_broken_links(built_site: Path) -> None:
    assert check_site(built_site, "https://podium-archive.github.io/podium/") == []
    assert main(["linkcheck", str(built_site), "--config", str(ROOT / "mkdocs.yml")]) == 0


def test_site_url_links_are_internal(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<a href="/base/a/">a</a><a href="https://x.org/base/b/">b</a>'
                                         '<a href="/elsewhere/">c</a>')
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("ok")
    assert [str(b) for b in check_site(tmp_path, "https://x.org/base/")] == [
        "index.html: /elsewhere/: outside the site's path /base/",
        "index.html: https://x.org/base/b/: no such file",
    ]


def test_finds_missing_pages_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<p id="x">x</p><a href="#x">ok</a><a href="#nope">bad</a>'
                                           '<a href="../b/">missing</a><a href="https://un.org/">ext</a>'
                                           '<a href="../index.html#top">ok</a>')
    (tmp_path / "index.html").write_text('<a id="top"></a><a href="a/#x">ok</a><img src="i.png">')
    assert [str(b) for b in check_site(tmp_path)] == [
        "a/index.html: #nope: no id 'nope' on the page",
        "a/index.html: ../b/: no such file",
        "index.html: i.png: no such file",
    ]
    assert main(["linkcheck", str(tmp_path)]) == 1
