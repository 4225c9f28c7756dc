"""Index and term pages as a reader uses them: statements of one day by the
delegation's displayed name, the year before and after, a histogram of
statements per year, a long list of delegations filtered as you type and
grouped A–Z (built from our own invented statements)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CHROMIUM, page, statement_text

from podium.engine.preview import serve
from podium.site.display import delegation
from podium.text.normalise import fold

CODES = ["ARE", "ARG", "AUS", "BEL", "BRA", "CAN", "CHL", "COD", "DEU", "EGY", "ESP", "FRA", "GBR", "IND",
         "JPN", "KEN", "MEX", "MMR", "NGA", "NOR", "RUS", "RWA", "SEN", "SWZ", "URY", "VNM", "ZAF"]
"""Eswatini's code, SWZ, sorts between Rwanda (RWA) and Uruguay (URY); its name among the E's.
The Democratic Republic of the Congo was Zaire, Myanmar was Burma."""


def archive() -> dict[str, str]:
    out = {}
    for i, code in enumerate(CODES):
        for year in (2023, 2024) if i % 3 else (2022, 2023, 2024):
            ident = f"{code.lower()}-{year}"
            out[f"{ident}.md"] = statement_text(
                body=f"Mr. President,\n\nThe delegation of {code} speaks in the general debate.\n",
                id=ident, title=f"General debate {year}: {code}", date=f"{year}-09-24", delegation=code,
                event={"body": "United Nations General Assembly", "session": f"{year - 1945}th session",
                       "start": f"{year}-09-24"})
    return out


@pytest.fixture(scope="module")
def listing_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_listings(tmp_path_factory, {})


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same archive with listings of 10 rows a page: the delegations on three pages."""
    return build_listings(tmp_path_factory, {"page_size": 10})


def build_listings(tmp_path_factory: pytest.TempPathFactory, options: dict[str, object]) -> Path:
    import yaml
    from conftest import mkdocs_build

    root = tmp_path_factory.mktemp("listings")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n\n<!-- podium:data -->\n", encoding="utf-8")
    (root / "statements").mkdir()
    for name, text in archive().items():
        (root / "statements" / name).write_text(text, encoding="utf-8")
    config = {"site_name": "Listings", "theme": {"name": "material"}, "plugins": [{"podium": options}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_statements_of_one_day_are_in_the_order_of_their_delegations_names(listing_site: Path) -> None:
    titles = [a.get_text() for a in page(listing_site, "statements/2024/").select(".podium-entries a")]
    codes = [t.rsplit(" ", 1)[1] for t in titles if t.startswith("General debate")]
    assert codes == sorted(CODES, key=lambda c: fold(delegation(c)))
    assert codes.index("SWZ") == codes.index("EGY") + 1  # Egypt, Eswatini


def test_a_year_links_the_year_before_and_after(listing_site: Path) -> None:
    nav = page(listing_site, "statements/2023/").select_one("nav.podium-neighbours")
    assert [(a["rel"][0], a.get_text()) for a in nav.select("a")] == [("prev", "← 2024"), ("next", "2022 →")]
    assert [a.get_text() for a in page(listing_site, "statements/2024/").select("nav.podium-neighbours a")] \
        == ["2023 →"]


def test_the_statements_index_is_a_histogram_of_years(listing_site: Path) -> None:
    rows = page(listing_site, "statements/").select(".podium-listing table tbody tr")
    bars = {r.td.get_text(): r.select_one(".podium-bar")["style"] for r in rows}
    in_2022 = sum(1 for i, _ in enumerate(CODES) if i % 3 == 0)  # (archive(): every third delegation)
    assert bars == {"2024": "--share: 1.000", "2023": "--share: 1.000",
                    "2022": f"--share: {in_2022 / len(CODES):.3f}"}


def test_a_long_alphabetical_listing_is_grouped_a_to_z(listing_site: Path) -> None:
    doc = page(listing_site, "delegations/")
    letters = [a.get_text() for a in doc.select("nav.podium-letters a")]
    assert letters == sorted(letters) and "E" in letters and "Z" not in letters  # South Africa is an S
    group = doc.find(id="letter-E").find_parent("tbody")
    assert [a.get_text() for a in group.select("td a")] == ["Egypt", "Eswatini"]


@pytest.mark.parametrize("url", ["delegations/swz/", "statements/2022/", "sessions/", "bodies/"])
def test_a_term_page_links_its_own_data(listing_site: Path, url: str) -> None:
    """Each term's page links a CSV of its statements (and its feed, for a
    delegation), where readers look for them."""
    import csv

    if url.count("/") != 2:  # an index: take its first term's page
        first = page(listing_site, url).select_one(".podium-listing table td a")["href"]
        url = url + first.rstrip("/").rsplit("/", 1)[-1] + "/"
    doc = page(listing_site, url)
    links = {a.get_text(): a["href"] for a in doc.select(".podium-downloads a")}
    target = (listing_site / url / links["these statements as CSV"]).resolve()
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    listed = [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in doc.select(".podium-entries li > a")]
    assert rows and [r["id"] for r in rows] == listed  # one page of at most 100: the same order
    assert ("Atom feed" in links) == url.startswith("delegations/")
    whole = links["all statements with their text (JSON Lines, bzip2)"]
    assert (listing_site / url / whole).resolve().exists()


def test_only_facets_declared_with_downloads_have_a_csv_per_term(listing_site: Path) -> None:
    """A topic's or a speaker's page links the whole archive, not a CSV of its
    own: each statement would be a row more per topic (8.3 MB of a 77 MB site
    at 2,000 statements of six topics)."""
    from podium.site.facets import FACETS

    declared = {f.pages for f in FACETS if f.downloads}
    assert declared == {"statements", "delegations", "bodies", "sessions"}
    assert {p.name for p in (listing_site / "data").iterdir() if p.is_dir()} <= declared | {"delegations"}
    for folder in ("topics", "speakers", "kinds", "languages"):
        assert not (listing_site / "data" / folder).exists()
    doc = page(listing_site, "languages/")
    first = doc.select_one(".podium-listing table td a")["href"]
    links = [a.get_text() for a in page(listing_site, "languages/" + first).select(".podium-downloads a")]
    assert links == ["all statements with their text (JSON Lines, bzip2)"]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_the_home_page_gives_the_size_of_the_data(browser, listing_site: Path) -> None:  # type: ignore[no-untyped-def]
    with serve(listing_site) as url:
        tab = browser.new_page()
        tab.goto(url)
        size = (listing_site / "data" / "statements.jsonl.bz2").stat().st_size
        item = tab.locator(".podium-data li").first
        item.filter(has_text="KB").or_(item.filter(has_text=" B)")).wait_for(timeout=10_000)
        shown = item.inner_text()
        assert f"({size / 1000:.1f} KB)" in shown or f"({size} B)" in shown
        tab.close()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_the_delegations_are_filtered_as_you_type(browser, listing_site: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    with serve(listing_site) as url:
        tab = browser.new_page(viewport={"width": 390, "height": 844})
        tab.goto(url + "delegations/")
        tab.locator(".podium-listing-filter__input").fill("SWA")  # any case
        assert tab.locator(".podium-listing table td a:visible").all_inner_texts() == ["Eswatini"]
        assert tab.locator("#letter-E").is_visible() and not tab.locator("#letter-A").is_visible()
        for former, now in [("zaïre", "COD"), ("Burma", "MMR"), ("mmr", "MMR")]:  # a former name, a code
            tab.locator(".podium-listing-filter__input").fill(former)
            assert tab.locator(".podium-listing table td a:visible").all_inner_texts() == [delegation(now)]
        tab.locator(".podium-listing-filter__input").fill("")
        assert tab.locator(".podium-listing table td a:visible").count() == len(CODES)
        tab.screenshot(path=str(Path(os.environ.get("PODIUM_SHOTS", tmp_path)) / "delegations-filter.png"))
        assert [v["id"] for v in Axe().run(tab).response["violations"]] == []
        tab.goto(url + "statements/")
        assert [v["id"] for v in Axe().run(tab).response["violations"]] == []
        tab.close()



@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_a_listing_over_several_pages_is_filtered_whole(browser, paged_site: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The filter of a listing spread over pages searches every page's rows,
    by the words of their names, former names and codes (`viet` is Viet Nam,
    not the Union of Soviet Socialist Republics); cleared, the page is as it was."""
    from axe_playwright_python.sync_playwright import Axe

    assert (paged_site / "delegations/page/3/index.html").exists()
    with serve(paged_site) as url:
        tab = browser.new_page(viewport={"width": 390, "height": 844})
        tab.goto(url + "delegations/")
        box = tab.locator(".podium-listing-filter__input")
        for typed, codes in [("Zaire", ["COD"]), ("burma", ["MMR"]), ("viet", ["VNM"]), ("SWZ", ["SWZ"]),
                             ("united", ["ARE", "EGY", "GBR"]),  # Egypt: the United Arab Republic
                             ("soviet", ["RUS"]), ("ussr", ["RUS"]), ("uae", ["ARE"]), ("uk", ["GBR"])]:
            box.fill(typed)
            links = tab.locator(".podium-listing table td a:visible")
            links.first.wait_for()
            ordered = sorted(codes, key=lambda c: fold(delegation(c)))
            assert links.all_inner_texts() == [delegation(c) for c in ordered], typed
        assert not tab.locator(".podium-pager").is_visible()
        shots = Path(os.environ.get("PODIUM_SHOTS", tmp_path))
        tab.screenshot(path=str(shots / "delegations-paged-filter.png"))
        assert [v["id"] for v in Axe().run(tab).response["violations"]] == []
        box.fill("Zaire")
        tab.locator(".podium-listing table td a:visible").first.click()
        assert tab.url.endswith("/delegations/cod/")
        tab.go_back()
        box.fill("no such name")
        tab.get_by_text("No entry matches.").wait_for()
        box.fill("")
        assert tab.locator(".podium-listing table td a:visible").count() == 10
        assert tab.locator(".podium-pager").is_visible()
        # A listing A to Z pages by "Previous" and "Next", not "Newer" and "Older".
        assert tab.locator(".podium-pager").inner_text().split(" · ")[::2] == ["← Previous", "Next →"]
        tab.goto(url + "delegations/page/3/")  # from the last page too
        tab.locator(".podium-listing-filter__input").fill("zaire")
        tab.locator(".podium-listing table td a:visible").first.wait_for()
        assert tab.locator(".podium-listing table td a:visible").all_inner_texts() == [delegation("COD")]
        tab.close()
