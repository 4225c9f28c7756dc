"""A facet is declared once: adding "region" is one `Facet` and its data (a
small mapping of delegation codes to regions), named in mkdocs.yml, and the
built site has it everywhere a facet goes: the statement page's panel, index
pages, the Pagefind filter, the search page's filter groups, the export
columns and a feed per term."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
from pathlib import Path

from conftest import SiteBuilder, page, statement_text

from podium.site.facets import DEFAULT_TAXONOMIES, FACETS, by_name

REGION_MODULE = '''
from pathlib import Path

import yaml

from podium.site.facets import Column, Facet, PanelRow, SearchFilter
from podium.site.taxonomy import Term, slugify

REGIONS = yaml.safe_load((Path(__file__).parent / "regions.yaml").read_text(encoding="utf-8"))


def region(meta, t):
    name = REGIONS.get(meta.delegation or "")
    return [Term(slugify(name), name, (name.casefold(),))] if name else []


REGION = Facet(
    "region", region, pages="regions", feeds=True,
    panel=PanelRow(35, "panel.region"),
    search=SearchFilter("panel.region", order=25),
    columns=(Column("region", lambda meta: REGIONS.get(meta.delegation or "")),),
    strings={"en": {"panel.region": "Region", "taxonomy.region.title": "Regions",
                    "taxonomy.region.term": "{term}"}},
)
'''


def test_facet_names_are_unique_and_each_has_its_pages() -> None:
    assert list(by_name(FACETS)) == [f.name for f in FACETS]
    assert [s.path for s in DEFAULT_TAXONOMIES] == ["statements", "delegations", "speakers", "bodies",
                                                     "sessions", "topics", "kinds", "languages"]


def test_a_facet_added_by_one_declaration_reaches_every_part_of_the_site(
        tmp_path: Path, temp_site: SiteBuilder) -> None:
    (tmp_path / "region_facet.py").write_text(REGION_MODULE, encoding="utf-8")
    (tmp_path / "regions.yaml").write_text("VNM: South-eastern Asia\nFRA: Western Europe\n", encoding="utf-8")
    result, site = temp_site({
        "hanoi.md": statement_text(id="hanoi", title="Statement of Viet Nam", delegation="VNM"),
        "paris.md": statement_text(id="paris", title="Statement of France", delegation="FRA",
                                   date="2024-09-25"),
        "iom.md": statement_text(id="iom", title="Statement of IOM", delegation="IOM", date="2024-09-23"),
    }, facets=["region_facet.py:REGION"])
    assert result.returncode == 0, result.stderr

    # The panel: its row right after the delegation's, linking to the region's page.
    hanoi = page(site, "statements/2024/hanoi/")
    labels = [dt.get_text() for dt in hanoi.select(".podium-meta dt")]
    assert labels[labels.index("Delegation") + 1] == "Region"
    link = hanoi.select(".podium-meta dd")[labels.index("Region")].find("a")
    assert link.get_text() == "South-eastern Asia"
    assert (site / "statements/2024/hanoi" / link["href"] / "index.html").resolve() == \
        (site / "regions/south-eastern-asia/index.html").resolve()
    iom = page(site, "statements/2024/iom/")  # a delegation the data gives no region
    assert "Region" not in [dt.get_text() for dt in iom.select(".podium-meta dt")]

    # Index pages: the region listing and each region's page.
    regions = page(site, "regions/")
    assert regions.h1.get_text() == "Regions"
    terms = [a.get_text() for a in regions.select("article table a")]
    assert terms == ["South-eastern Asia", "Western Europe"]
    listed = [a.get_text() for a in page(site, "regions/western-europe/").select(".podium-entries a")]
    assert listed == ["Statement of France"]
    assert any(a.get_text() == "Regions" for a in page(site, "").select("article li a"))  # home's sections

    # Search: the Pagefind filter on the statement's text, and a filter group on the search page.
    assert hanoi.select_one('[data-pagefind-body] span[data-pagefind-filter="region:South-eastern Asia"]')
    strings = json.loads(page(site, "search/").select_one("#podium-search")["data-strings"])
    assert [key for key, _ in strings["filters"]] == ["language", "delegation", "region", "body", "year",
                                                      "kind"]
    assert ["region", "Region"] in strings["filters"]
    # Pagefind indexed it: one of the bundle's filter files is the region's, with both values.
    indexes = [gzip.decompress(f.read_bytes()) for f in (site / "pagefind/en-0/filter").iterdir()]
    region = [data for data in indexes if b"region" in data]
    assert len(region) == 1 and b"Western Europe" in region[0] and b"South-eastern Asia" in region[0]

    # Exports: a column, before the URL, in the CSV and in the full-text JSON Lines.
    rows = list(csv.DictReader(io.StringIO((site / "data/statements.csv").read_text(encoding="utf-8"))))
    assert list(rows[0])[-2:] == ["region", "url"]
    assert {r["id"]: r["region"] for r in rows} == {"paris": "Western Europe", "hanoi": "South-eastern Asia",
                                                   "iom": ""}
    lines = bz2.decompress((site / "data/statements.jsonl.bz2").read_bytes()).decode("utf-8").splitlines()
    records = {r["id"]: r for r in map(json.loads, lines)}
    assert (records["hanoi"]["region"], records["iom"]["region"]) == ("South-eastern Asia", None)

    # Feeds: one per region, as for delegations.
    feed = (site / "feeds/regions/south-eastern-asia.xml").read_text(encoding="utf-8")
    assert "Statement of Viet Nam" in feed and "Statement of France" not in feed
    assert (site / "feeds/delegations/vnm.xml").is_file()


def test_a_taxonomy_over_an_unknown_facet_is_an_error(temp_site: SiteBuilder) -> None:
    result, _ = temp_site({"a.md": statement_text(id="a")},
                          taxonomies=[{"facet": "region", "path": "regions"}])
    assert result.returncode != 0
    assert "'regions' groups by 'region', which is no facet" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_delegation_is_one_search_filter_value_under_all_its_names() -> None:
    """The Soviet Union's speeches and the Russian Federation's are one
    delegation (RUS) in search and charts, as on its page."""
    from podium.model.schema import StatementMeta
    from podium.site.i18n import Strings

    search = by_name(FACETS)["delegation"].search
    assert search is not None and search.values is not None
    values = set()
    for year in (1960, 2020):
        meta = StatementMeta.model_validate({"id": f"rus-{year}", "title": "Speech", "kind": "speech",
                                             "language": "en", "delegation": "RUS", "date": f"{year}-09-20"})
        values.update(search.values(meta, Strings("en")))
    assert values == {"Russian Federation (RUS)"}
