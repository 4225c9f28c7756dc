"""Data exports: written by the build and by `podium export`, the same data."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
from pathlib import Path

import feedparser
from conftest import REPORT_ID, ROOT, STATEMENT_ID, page

from podium.cli import main
from podium.outputs.export import CSV_FIELDS, FIELDS


def test_build_writes_data_files(built_site: Path) -> None:
    """The full text once, as bzip2-compressed JSON Lines; the metadata as CSV."""
    assert not (built_site / "data/statements.json").exists()
    assert not (built_site / "data/statements.jsonl").exists()
    assert not (built_site / "data/statements.jsonl.gz").exists()
    raw = (built_site / "data/statements.jsonl.bz2").read_bytes()
    data = [json.loads(line) for line in bz2.decompress(raw).decode("utf-8").splitlines()]
    assert [r["id"] for r in data] == [REPORT_ID, STATEMENT_ID]
    st = data[1]
    assert st["speaker_name"] == "Le Thi Tuyet Mai" and st["delegation_name"] == "Viet Nam"
    assert st["url"] == f"https://podium-archive.github.io/podium/statements/2023/{STATEMENT_ID}/"
    assert st["text"].startswith("Madam Chair\n")
    rows = list(csv.DictReader(io.StringIO((built_site / "data/statements.csv").read_text("utf-8"))))
    assert list(rows[0]) == list(CSV_FIELDS) == [f for f in FIELDS if f != "text"]
    assert rows[1]["topics"].startswith("Migration; Global Compact")
    assert rows[0]["related"] == f"{STATEMENT_ID} (reports-on)"
    assert [r["id"] for r in rows] == [r["id"] for r in data]
    schema = json.loads((built_site / "data/statement.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "StatementMeta"


def test_cli_export_matches_the_build(built_site: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    for fmt in ["jsonl.bz2", "csv"]:
        out = tmp_path / f"statements.{fmt}"
        assert main(["export", "--format", fmt, "--out", str(out)]) == 0
        assert out.read_bytes() == (built_site / "data" / f"statements.{fmt}").read_bytes()
    site_records = bz2.decompress((built_site / "data/statements.jsonl.bz2").read_bytes()).decode("utf-8")
    out = tmp_path / "statements.jsonl.gz"
    assert main(["export", "--format", "jsonl.gz", "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw[4:8] == b"\0\0\0\0"  # no time stamp: the same input gives the same bytes
    assert gzip.decompress(raw).decode("utf-8") == site_records
    for fmt in ["json", "jsonl"]:
        out = tmp_path / f"statements.{fmt}"
        assert main(["export", "--format", fmt, "--out", str(out)]) == 0
        records = out.read_text(encoding="utf-8")
        loaded = json.loads(records) if fmt == "json" else [json.loads(x) for x in records.splitlines()]
        assert loaded == [json.loads(x) for x in site_records.splitlines()]
    out = tmp_path / "all.bib"
    assert main(["export", "--format", "bibtex", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("@") == 2


def test_feeds_parse_and_are_linked(built_site: Path) -> None:
    for name in ["rss.xml", "atom.xml", "delegations/vnm.xml"]:
        feed = feedparser.parse((built_site / "feeds" / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.entries
    rss = feedparser.parse((built_site / "feeds/rss.xml").read_bytes())
    assert [e.link.rstrip("/").rsplit("/", 1)[1] for e in rss.entries] == [REPORT_ID, STATEMENT_ID]
    assert rss.entries[0].published_parsed[:3] == (2023, 12, 2)
    for url in ["", "delegations/", f"statements/2023/{STATEMENT_ID}/"]:
        links = page(built_site, url).select('head link[rel~="alternate"]')
        assert {a["type"] for a in links} == {"application/rss+xml", "application/atom+xml"}


def test_structured_metadata(built_site: Path) -> None:
    statement = page(built_site, f"statements/2023/{STATEMENT_ID}/")
    ld = json.loads(statement.select_one('script[type="application/ld+json"]').string)
    assert ld["@type"] == "CreativeWork"
    assert ld["author"]["name"] == "Le Thi Tuyet Mai"
    assert ld["author"]["affiliation"]["name"] == "Viet Nam"
    assert ld["locationCreated"]["name"] == "Geneva, Switzerland"
    # Delivered during 27–29 November 2023, no day of its own: the month is what the file states.
    assert ld["inLanguage"] == "en" and ld["datePublished"] == "2023-11"
    assert {"@type": "Thing", "name": "Migration"} in ld["about"]
    report = page(built_site, f"statements/2023/{REPORT_ID}/")
    rld = json.loads(report.select_one('script[type="application/ld+json"]').string)
    assert rld["@type"] == "NewsArticle"
    assert rld["publisher"]["name"] == "Vietnam News Agency" and "author" not in rld  # agency: not an author
    assert rld["datePublished"] == "2023-12-02"
    assert {"@id": ld["url"]} in rld["citation"] and {"@id": ld["url"]} in rld["about"]
    og = {m["property"]: m["content"] for m in statement.select("meta[property]")}
    assert og["og:title"].startswith("Statement by H.E. Dr.")
    assert og["og:url"] == ld["url"]
    assert statement.select_one('meta[name="twitter:card"]')["content"] == "summary"
    assert statement.html["lang"] == "en"


def test_hostile_values_stay_inside_json_ld(temp_site) -> None:  # type: ignore[no-untyped-def]
    from conftest import statement_text

    result, site = temp_site({"x.md": statement_text(id="x", title='</script><script>alert(1)</script>"')})
    assert result.returncode == 0, result.stderr
    html = page(site, "statements/2024/x/")
    [ld] = html.select('script[type="application/ld+json"]')
    assert json.loads(ld.string)["name"] == '</script><script>alert(1)</script>"'
    assert html.find("meta", property="og:title")["content"] == '</script><script>alert(1)</script>"'


def test_full_text_streams_are_cut_by_id_and_kept(tmp_path: Path) -> None:
    """The bzip2 export is a run of streams cut at records chosen by their ids, so
    that an edit compresses one stream again and the rest come from the store."""
    from podium.base.buildcache import Cache
    from podium.outputs import export

    rows = [{"id": f"text-{n}", "text": f"speech {n} " * 200} for n in range(600)]
    whole = export.to_jsonl_bz2(rows)
    assert bz2.decompress(whole).decode("utf-8") == export.to_jsonl(rows)  # one file to any reader
    with bz2.open(io.BytesIO(whole), "rt", encoding="utf-8") as f:
        assert len(f.readlines()) == 600
    streams = sum(export._ends_stream(r["id"]) for r in rows)
    assert 1 < streams < 20
    store = Cache(tmp_path, "g")
    assert export.to_jsonl_bz2(rows, store) == whole  # the same bytes with a store
    kept = set((tmp_path / "g").rglob("*"))
    edited = [dict(r, text="edited") if r["id"] == "text-300" else r for r in rows]
    again = export.to_jsonl_bz2(edited, store)
    assert again == export.to_jsonl_bz2(edited)
    new = [p for p in (tmp_path / "g").rglob("*") if p not in kept and p.is_file()]
    assert len(new) == 1  # one stream compressed again
