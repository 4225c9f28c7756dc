"""sitemap.xml stays valid past the protocol's 50,000 URLs: an index of child sitemaps."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from conftest import statement_text

from podium.outputs.sitemap import NS, split

SM = f"{{{NS}}}"


def _locs(path: Path, tag: str) -> list[str]:
    root = ET.parse(path).getroot()
    assert root.tag == SM + tag, root.tag
    return [el.text or "" for el in root.iter(SM + "loc")]


def test_small_site_keeps_one_urlset(built_site: Path) -> None:
    assert _locs(built_site / "sitemap.xml", "urlset")
    assert not (built_site / "sitemaps").exists()


def test_large_site_gets_a_sitemap_index(temp_site) -> None:  # type: ignore[no-untyped-def]
    files = {f"s{i}.md": statement_text(id=f"s{i}", date=f"2024-0{i + 1}-15") for i in range(4)}
    site_config = {"site_url": "https://archive.example/sub/"}
    result, site = temp_site(files, site=site_config)
    assert result.returncode == 0, result.stderr
    every = _locs(site / "sitemap.xml", "urlset")
    assert len(every) > 12
    result, site = temp_site(files, site=site_config, sitemap_urls=5)
    assert result.returncode == 0, result.stderr
    children = _locs(site / "sitemap.xml", "sitemapindex")
    assert children == [f"https://archive.example/sub/sitemaps/sitemap-{n}.xml"
                        for n in range(1, len(children) + 1)]
    seen: list[str] = []
    for url in children:
        locs = _locs(site / url.removeprefix("https://archive.example/sub/"), "urlset")
        assert 0 < len(locs) <= 5
        seen += locs
    assert seen == every  # every URL once, in MkDocs' order
    index = ET.parse(site / "sitemap.xml").getroot()
    assert [el.text for el in index.iter(SM + "lastmod")][-1] == "2024-04-15"


def test_split_by_bytes_too() -> None:
    urls = "".join(f"<url><loc>https://x.example/{i}/</loc></url>\n" for i in range(10))
    urlset = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{NS}">\n{urls}</urlset>\n'
    assert split(urlset, "https://x.example/").children == {}
    maps = split(urlset, "https://x.example/", max_bytes=300)
    assert len(maps.children) > 1
    assert all(len(xml.encode()) <= 300 for xml in maps.children.values())
    assert sum(xml.count("<url>") for xml in maps.children.values()) == 10
