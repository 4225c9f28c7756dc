"""Hostile metadata in the exports: RIS records, CSV formulas, feeds' XML and HTML.

Each case is a value a statement file may hold (the schema accepts it) that
turned a download into something else: extra RIS records, a live spreadsheet
formula, a feed no reader could parse, markup in a feed reader."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import feedparser
import pytest
from conftest import statement_text

from podium.cli import main
from podium.model.collection import load_collection
from podium.outputs.cite import ris
from podium.text.textsafe import csv_cell

RIS_TITLE = "Statement\nER  - \nTY  - GEN\nTI  - Injected record\r\nUR  - https://evil.example/\u2028AU  - X"
FORMULAS = ["=HYPERLINK(\"https://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)",
            "\tTab first", "\rCR first", "＝1+1"]
CONTROL = "Bell\ufffe and \uffff escape"
"""Characters XML 1.0 cannot hold that the loader accepts (it refuses C0/C1 controls
and direction overrides outright: tests/test_security.py)."""


def _collection(tmp_path: Path, **fields: object):  # type: ignore[no-untyped-def]
    folder = tmp_path / "statements"
    folder.mkdir(exist_ok=True)
    (folder / "x.md").write_text(statement_text(id="x", **fields), encoding="utf-8")
    collection = load_collection(folder)
    assert not collection.errors, collection.errors
    return collection


def test_ris_title_with_line_breaks_stays_one_record(tmp_path: Path) -> None:
    [st] = _collection(tmp_path, title=RIS_TITLE, venue="Geneva\nER  -")
    lines = ris(st, "https://x.org/x/").splitlines()
    assert sum(line.startswith("TY  -") for line in lines) == 1
    assert sum(line.startswith("ER  -") for line in lines) == 1 and lines[-1] == "ER  -"
    assert all((line[:2].isupper() and line[2:6] == "  - ") or line == "ER  -" for line in lines), lines
    [title] = [line for line in lines if line.startswith("TI  -")]
    assert "Injected record" in title and "evil.example" in title  # kept, on the one line


@pytest.mark.parametrize("value", FORMULAS)
def test_csv_cells_never_start_a_formula(tmp_path: Path, monkeypatch, value: str) -> None:  # type: ignore[no-untyped-def]
    _collection(tmp_path, title=value, venue=value, speaker={"name": value}, topics=[value])
    out = tmp_path / "out.csv"
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "csv", "--statements", "statements", "--out", str(out)]) == 0
    [row] = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    for key in ("title", "venue", "speaker_name", "topics"):
        assert row[key][0] not in "=+-@\t\r＝＋－＠", (key, row[key])
        assert row[key].removeprefix("'") == value.strip(), (key, row[key])  # the value is kept


def test_csv_cell_guards_tab_and_carriage_return() -> None:
    """The schema strips them from the ends of values; the guard does not rely on it."""
    assert csv_cell("\t=1+1") == "'\t=1+1" and csv_cell("\r@x") == "'\r@x"
    assert csv_cell("Statement 1 + 1") == "Statement 1 + 1" and csv_cell("") == ""


@pytest.fixture
def hostile_site(temp_site) -> Path:  # type: ignore[no-untyped-def]
    summary = 'A <b>bold</b> claim & <img src=x onerror="alert(1)">'
    result, site = temp_site({"x.md": statement_text(id="x", title="=1+1 " + CONTROL, summary=summary,
                                                      delegation="FRA", venue="@venue")})
    assert result.returncode == 0, result.stderr
    return site


def test_site_csv_has_no_formulas(hostile_site: Path) -> None:
    [row] = list(csv.DictReader(io.StringIO((hostile_site / "data/statements.csv").read_text("utf-8"))))
    assert row["title"].startswith("'=1+1") and row["venue"] == "'@venue"


def test_feeds_are_well_formed_and_escape_html(hostile_site: Path) -> None:
    site = hostile_site
    for name in ["rss.xml", "atom.xml", "delegations/fra.xml"]:
        feed = feedparser.parse((site / "feeds" / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        [entry] = feed.entries
        assert entry.title.startswith("=1+1 Bell and  escape")  # the noncharacters dropped
    # RSS <description> is HTML to readers: the summary is text, so it arrives escaped
    # and a reader shows it as written, with no element in it.
    rss = feedparser.parse((site / "feeds/rss.xml").read_bytes())
    [entry] = rss.entries
    assert "<b>" not in entry.summary and "<img" not in entry.summary
    assert "&lt;b&gt;bold&lt;/b&gt;" in entry.summary and "onerror" in entry.summary
