"""A site of texts dated by the year only (as the UN General Debate Corpus gives
them), by a month, and by a day: every page, listing, feed, sitemap and export
carries the date at the precision its file gives, and none shows a month or a
day the file lacks. The year-only speeches are written by the corpus converter
(`podium.ingest.corpus.statement`) from texts of our own."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import bibtexparser
import feedparser
import pytest
import yaml
from conftest import SiteBuilder, mkdocs_build, page, statement_text

from podium.cli import main
from podium.ingest import corpus
from podium.outputs import export

YEAR = 1961
"""The only year in the sample: any month or day of it in an output would be invented."""
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre")
INVENTED = re.compile(rf"{YEAR}-\d\d|{YEAR}/\d\d|\b(?:{MONTHS})\b[^<>\n]{{0,4}}{YEAR}"
                      rf"|\b\d\d? (?:{MONTHS}) {YEAR}|\b(?:Jan|Dec) {YEAR}")
TEXT = "Mr. President,\n\nOur delegation speaks for peace and for the Charter.\n"


def _speech(code: str, session: int) -> str:
    return corpus.statement(corpus.Speech(code, session, YEAR, TEXT,
                                          f"ungdc/Session {session} - {YEAR}/{code}_{session}_{YEAR}.txt"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("precision")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n\n<!-- podium:latest -->\n", encoding="utf-8")
    folder = root / "statements"
    folder.mkdir()
    (folder / "fra-unga-16.md").write_text(_speech("FRA", 16), encoding="utf-8")
    (folder / "ind-unga-16.md").write_text(_speech("IND", 16), encoding="utf-8")
    # Other years, at a month's and a day's precision, so that listings and feeds mix them.
    (folder / "month.md").write_text(statement_text(
        id="month", title="A statement of a known month", date="1962-03", language="en",
        delegation="FRA"), encoding="utf-8")
    (folder / "day.md").write_text(statement_text(
        id="day", title="A statement of a known day", date="1960-09-26", language="en"), encoding="utf-8")
    config = {"site_name": "Precision archive", "site_url": "https://example.org/archive/",
              "theme": {"name": "material"}, "plugins": [{"podium": {"pagefind": False}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_converter_writes_the_year_and_session_only() -> None:
    text = _speech("FRA", 16)
    assert "start: 1961\n" in text and "end:" not in text and "\ndate:" not in text
    assert '"16th session"' in text and "01-01" not in text and "12-31" not in text


def _exports(site: Path) -> Path:
    """Every format `podium export` writes, beside the site's own exports."""
    folder = site.parent / "exports"
    if not folder.is_dir():
        folder.mkdir()
        for fmt in export.FORMATS:
            assert main(["export", "--format", fmt, "--config", str(site.parent / "mkdocs.yml"),
                         "--out", str(folder / f"statements.{fmt}"),
                         "--statements", str(site.parent / "statements")]) == 0
    return folder


def _text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".bz2":
        data = bz2.decompress(data)
    elif path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def test_the_check_sees_what_the_old_converter_invented() -> None:
    for shown in ["1 January 1961 – 31 December 1961", "1961-01-01", "Sun, 01 Jan 1961 00:00:00 +0000",
                  "DA  - 1961/01//", "décembre 1961"]:
        assert INVENTED.search(shown), shown
    assert not INVENTED.search("1961 · Speech · France, 1961–1962, [[1961]], DA  - 1961///")


def test_no_output_invents_a_month_or_day(site: Path) -> None:
    checked = 0
    kinds = {".html", ".xml", ".json", ".jsonl", ".csv", ".bibtex", ".bz2", ".gz"}
    for path in [*sorted(site.rglob("*")), *sorted(_exports(site).iterdir())]:
        if not path.is_file() or path.suffix not in kinds or path.name == "sitemap.xml.gz":
            continue
        text = _text(path)
        if path.suffix == ".xml" and "<feed" in text:
            # Atom requires a date-time in <updated>: the period's first instant, for machines;
            # the date a reader is shown is in dc:date and the summary.
            text = re.sub(r"<updated>[^<]*</updated>", "", text)
        found = INVENTED.findall(text)
        assert not found, f"{path.name} ({path.parent.name}) shows {found[:3]}"
        checked += 1
    assert checked > 30


def test_statement_page_panel_and_cite_block(site: Path) -> None:
    html = page(site, f"statements/{YEAR}/fra-unga-16/")
    panel = html.select_one(".podium-meta")
    rows = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in panel.select("dt")}
    assert rows["Event dates"] == str(YEAR)
    assert panel.select_one(".podium-cite-link a")["href"] == "#cite"
    assert html.select_one("#cite") is not None
    plain = html.select_one(".podium-cite code").get_text()
    assert plain == (f"France. [France: general debate of the 16th session ({YEAR})]. United Nations General "
                     f"Assembly, 16th session, {YEAR}. UN General Debate Corpus. Precision archive. "
                     f"https://example.org/archive/statements/{YEAR}/fra-unga-16/")
    ld = json.loads(html.select_one('script[type="application/ld+json"]').get_text())
    assert ld["datePublished"] == str(YEAR) and ld["recordedAt"]["startDate"] == str(YEAR)
    # The delegation is the author, the archive the publisher, the corpus what the copy is based on.
    assert ld["author"] == {"@type": "Organization", "name": "France", "identifier": "FRA"}
    assert ld["publisher"]["name"] == "Precision archive"
    assert ld["isBasedOn"]["name"] == "UN General Debate Corpus"
    assert html.select_one('meta[property="article:published_time"]')["content"] == str(YEAR)


def test_listings_sort_across_precisions(site: Path) -> None:
    # Newest first: 1962-03, the two speeches of 1961 (by id), then 1960-09-26.
    order = ["month", "fra-unga-16", "ind-unga-16", "day"]
    home = page(site, "")
    links = [a["href"].rstrip("/").rsplit("/", 1)[-1]
             for a in home.select(".md-content a[href*='statements/']")]
    assert [x for x in links if x in order] == order
    facts = home.get_text(" ")
    assert f"{YEAR} · Speech" in facts and "March 1962 · Statement" in facts and "26 September 1960" in facts
    year_page = page(site, f"statements/{YEAR}/")
    assert {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in year_page.select(".md-content a[href]")} >= {
        "fra-unga-16", "ind-unga-16"}
    rows = [json.loads(line) for line in _text(site / "data" / "statements.jsonl.bz2").splitlines()]
    assert [(r["id"], r["sort_date"]) for r in rows] == [
        ("month", "1962-03"), ("fra-unga-16", "1961"), ("ind-unga-16", "1961"), ("day", "1960-09-26")]
    assert rows[1]["date"] is None and rows[1]["event_start"] == "1961" and rows[1]["event_end"] is None


def test_feeds_and_sitemap_at_their_precision(site: Path) -> None:
    rss_text = (site / "feeds" / "rss.xml").read_text(encoding="utf-8")
    rss = feedparser.parse(rss_text)
    assert not rss.bozo
    by_id = {e.link.rstrip("/").rsplit("/", 1)[-1]: e for e in rss.entries}
    assert rss_text.count("<pubDate>") == 1 and "<lastBuildDate>" not in rss_text  # RFC 822 needs a day
    assert by_id["day"].published.startswith("Mon, 26 Sep 1960")
    assert by_id["fra-unga-16"].updated == str(YEAR)  # dc:date, W3C-DTF at its precision
    assert by_id["month"].updated == "1962-03"
    assert by_id["fra-unga-16"].summary.startswith(f"{YEAR} · ")
    atom = feedparser.parse((site / "feeds" / "atom.xml").read_text(encoding="utf-8"))
    assert not atom.bozo
    entry = next(e for e in atom.entries if e.link.rstrip("/").endswith("fra-unga-16"))
    assert entry.summary.startswith(f"{YEAR} · ")
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmod = {(u.findtext("s:loc", "", ns)).rstrip("/").rsplit("/", 1)[-1]: u.findtext("s:lastmod", "", ns)
               for u in sitemap.findall("s:url", ns)}
    assert (lastmod["fra-unga-16"], lastmod["month"], lastmod["day"]) == (str(YEAR), "1962-03", "1960-09-26")
    assert lastmod[str(YEAR)] == str(YEAR)  # the year's listing: its newest text


def test_exports_at_their_precision(site: Path) -> None:
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(_text(site / "data" / "statements.csv")))}
    assert rows["fra-unga-16"]["sort_date"] == str(YEAR) and rows["fra-unga-16"]["date"] == ""
    assert rows["month"]["date"] == "1962-03"
    library = bibtexparser.parse_string(_text(_exports(site) / "statements.bibtex"))
    assert library.failed_blocks == []
    entries = {e.key: e.fields_dict for e in library.entries}
    assert entries["fra-unga-16"]["year"].value == str(YEAR) and "month" not in entries["fra-unga-16"]
    assert entries["fra-unga-16"]["author"].value == "{France}"
    assert entries["month"]["month"].value == "mar" and "day" not in entries["month"]
    assert entries["day"]["day"].value == "26"


def test_temp_site_builder_accepts_year_only_files(temp_site: SiteBuilder) -> None:
    result, out = temp_site({"bra-unga-16.md": _speech("BRA", 16)}, pagefind=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (out / "statements" / str(YEAR) / "bra-unga-16" / "index.html").is_file()
