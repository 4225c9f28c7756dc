"""Citations: every format parses, and says who, what, where, when and where to find it."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import bibtexparser
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from conftest import REPORT_ID, ROOT, STATEMENT_ID, page, statement_text

from podium.model.collection import load_collection
from podium.model.loader import Statement
from podium.outputs.cite import cite

URL = "https://podium-archive.github.io/podium/statements/2023/"
CSL_TYPES = {"speech", "article-newspaper"}
CSL_FIELDS = {"id", "type", "title", "author", "issued", "URL", "language", "event-title", "event",
              "event-date", "event-place", "publisher-place", "publisher", "container-title", "abstract",
              "archive", "source", "number"}
HARVARD = Path(__import__("citeproc").__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"
"""A real CSL style, shipped with citeproc-py."""


@pytest.fixture(scope="module")
def texts() -> dict[str, object]:
    return {s.meta.id: s for s in load_collection(ROOT / "statements")}


def test_plain_text(texts) -> None:  # type: ignore[no-untyped-def]
    c = cite(texts[STATEMENT_ID], f"{URL}{STATEMENT_ID}/")
    assert c.plain == (
        "Le Thi Tuyet Mai. “Statement by H.E. Dr. Le Thi Tuyet Mai, Ambassador, Permanent "
        "Representative of Viet Nam, at the 114th Session of the IOM Council.” IOM Council, 114th "
        f"Session, Geneva, Switzerland, 27–29 November 2023. {URL}{STATEMENT_ID}/")
    # A news agency is the report's container, never its author.
    r = cite(texts[REPORT_ID], f"{URL}{REPORT_ID}/", "Podium")
    # The report's title is supplied by the archive (title_supplied): in brackets, not quoted.
    assert r.plain == ("[Vietnamese diplomat calls for a cooperative, multilateral approach to migration "
                       "at the IOM Council]. Vietnam News Agency, 2 December 2023. Podium. "
                       f"{URL}{REPORT_ID}/")


def test_bibtex_parses(texts) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(cite(st, f"{URL}{st.meta.id}/").bibtex for st in texts.values())
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    entries = {e.key: e for e in library.entries}
    assert entries[STATEMENT_ID].entry_type == "misc"
    assert entries[STATEMENT_ID].fields_dict["author"].value == "{Le Thi Tuyet Mai}"
    assert entries[STATEMENT_ID].fields_dict["month"].value == "nov"  # 27–29 November: the month is known
    assert "day" not in entries[STATEMENT_ID].fields_dict  # …the day is not one day
    assert entries[STATEMENT_ID].fields_dict["date"].value == "2023-11-27/2023-11-29"
    assert entries[REPORT_ID].entry_type == "article"
    assert "author" not in entries[REPORT_ID].fields_dict
    assert entries[REPORT_ID].fields_dict["journal"].value == "Vietnam News Agency"
    assert entries[REPORT_ID].fields_dict["year"].value == "2023"
    assert entries[REPORT_ID].fields_dict["day"].value == "2"


def test_bibtex_escapes_latex_specials(tmp_path: Path) -> None:
    from conftest import statement_text

    (tmp_path / "x.md").write_text(statement_text(id="x", title="50% of {all} & #1_ok"), encoding="utf-8")
    [st] = load_collection(tmp_path)
    library = bibtexparser.parse_string(cite(st, "https://x.org/").bibtex)
    assert library.failed_blocks == []
    assert library.entries[0].fields_dict["title"].value == r"{50\% of \{all\} \& \#1\_ok}"


def test_csl_json(texts) -> None:  # type: ignore[no-untyped-def]
    for st in texts.values():
        text = cite(st, "https://x.org/").csl_json
        [item] = json.loads(text)
        assert item == cite(st, "https://x.org/").csl
        assert text.count("\n") == len(item) + 4  # a field a line
        assert set(item) <= CSL_FIELDS
        assert item["type"] in CSL_TYPES
        assert all(isinstance(p, int) for parts in item["issued"]["date-parts"] for p in parts)
    statement = cite(texts[STATEMENT_ID], "https://x.org/").csl
    assert statement["type"] == "speech"
    assert statement["issued"]["date-parts"] == [[2023, 11]]  # the finest date true of the whole event
    assert statement["event-date"]["date-parts"] == [[2023, 11, 27], [2023, 11, 29]]
    assert cite(texts[REPORT_ID], "https://x.org/").csl["type"] == "article-newspaper"


def test_ris(texts) -> None:  # type: ignore[no-untyped-def]
    ris = cite(texts[REPORT_ID], "https://x.org/", "Podium").ris.splitlines()
    assert ris[0] == "TY  - NEWS" and ris[-1] == "ER  -"
    assert "DA  - 2023/12/02/" in ris and "T2  - Vietnam News Agency" in ris and "PB  - Podium" in ris
    assert not any(line.startswith("AU") for line in ris)
    [statement] = rispy.loads(cite(texts[STATEMENT_ID], "https://x.org/").ris)
    assert statement["date"] == "2023/11//" and statement["year"] == "2023"
    assert statement["notes"] == ["Delivered during the event, 27–29 November 2023"]


def test_cite_panel_and_downloads_on_the_page(built_site: Path) -> None:
    html = page(built_site, f"statements/2023/{STATEMENT_ID}/")
    panel = html.select_one(".podium-cite")
    labels = [label.get_text() for label in panel.select(".tabbed-labels label")]
    assert labels == ["Text", "BibTeX", "CSL-JSON", "RIS"]
    assert panel.select_one("code").get_text().startswith("Le Thi Tuyet Mai. “Statement by")
    # Each download is made in the browser from the citation shown in its tab
    # (podium.js; see test_browser): the page carries each citation once.
    links = {a["download"]: a for a in panel.select("a[download]")}
    assert set(links) == {f"{STATEMENT_ID}.{ext}" for ext in ["bib", "json", "ris"]}
    assert "data:" not in str(panel)

    def shown(name: str) -> str:
        return links[name].find_parent(class_="tabbed-block").select_one("code").get_text()

    assert links[f"{STATEMENT_ID}.bib"]["type"] == "application/x-bibtex"
    assert bibtexparser.parse_string(shown(f"{STATEMENT_ID}.bib")).entries[0].key == STATEMENT_ID
    csl = json.loads(shown(f"{STATEMENT_ID}.json"))
    assert csl[0]["type"] == "speech"


# --- a year-only speech of a delegation, as the UN General Debate Corpus gives it ---


def _speech(tmp_path: Path, **fields: object) -> Statement:
    meta: dict[str, object] = {
        "id": "sun-unga-15", "kind": "speech", "title": "General debate of the 15th session",
        "delegation": "SUN", "event": {"body": "United Nations General Assembly", "session": "15th session",
                                       "start": 1960},
        "source": {"publisher": "UN General Debate Corpus", "symbol": "A/PV.869"}, "date": None,
    }
    meta.update(fields)
    text = statement_text(**meta)
    if meta["date"] is None:
        text = text.replace("date: null\n", "")
    (tmp_path / "sun-unga-15.md").write_text(text, encoding="utf-8")
    collection = load_collection(tmp_path)
    assert not collection.errors, collection.errors
    [st] = collection
    return st


def test_year_only_speech_in_every_format(tmp_path: Path) -> None:
    st = _speech(tmp_path)
    c = cite(st, "https://x.org/s/", "Podium")
    # Plain: the delegation is the corporate author, the corpus the source, the archive the publisher.
    assert c.plain == ("Union of Soviet Socialist Republics. “General debate of the 15th session.” "
                       "United Nations General Assembly, 15th session, A/PV.869, 1960. "
                       "UN General Debate Corpus. Podium. https://x.org/s/")
    # BibTeX, through bibtexparser: year only, no month, no day.
    library = bibtexparser.parse_string(c.bibtex)
    assert library.failed_blocks == []
    fields = library.entries[0].fields_dict
    assert fields["author"].value == "{Union of Soviet Socialist Republics}"  # braced: one corporate name
    assert fields["year"].value == "1960" and fields["date"].value == "1960"
    assert "month" not in fields and "day" not in fields
    assert fields["howpublished"].value == "United Nations General Assembly, 15th session"
    assert fields["number"].value == "A/PV.869" and fields["publisher"].value == "Podium"
    assert "UN General Debate Corpus" in fields["note"].value and "UN General" not in fields["author"].value
    # CSL-JSON: date-parts of one part.
    [item] = json.loads(c.csl_json)
    assert item["issued"] == {"date-parts": [[1960]]} and item["event-date"] == {"date-parts": [[1960]]}
    assert item["author"] == [{"literal": "Union of Soviet Socialist Republics"}]
    assert item["source"] == "UN General Debate Corpus" and item["publisher"] == "Podium"
    assert item["number"] == "A/PV.869"
    # RIS, through rispy: the year, and a date with its month and day left empty.
    [record] = rispy.loads(c.ris)
    assert record["type_of_reference"] == "GEN"
    assert record["authors"] == ["Union of Soviet Socialist Republics"]
    assert record["year"] == "1960" and record["date"] == "1960///"
    assert record["secondary_title"] == "United Nations General Assembly, 15th session"
    assert record["publisher"] == "Podium" and record["name_of_database"] == "UN General Debate Corpus"
    assert record["notes"] == ["Delivered during the event, 1960"]


def _rendered(items: list[dict[str, object]]) -> list[str]:
    """The bibliography citeproc-py renders from CSL-JSON with a real style."""
    with warnings.catch_warnings():  # citeproc-py knows CSL 1.0.1's `event`, not 1.0.2's `event-title`
        warnings.filterwarnings("ignore", message=".*unsupported: event_title")
        source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(CitationStylesStyle(str(HARVARD), validate=False), source,
                                              formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(str(item["id"]))]))
    return [str(entry) for entry in bibliography.bibliography()]


def test_csl_json_renders_through_citeproc(tmp_path: Path, texts) -> None:  # type: ignore[no-untyped-def]
    speech = cite(_speech(tmp_path), "https://x.org/s/", "Podium").csl
    [one] = _rendered([json.loads(cite(_speech(tmp_path), "https://x.org/s/", "Podium").csl_json)[0]])
    assert one == ("Union of Soviet Socialist Republics (1960) “General debate of the 15th session”. "
                   "United Nations General Assembly, 15th session, Podium. Available at: https://x.org/s/.")
    assert speech["id"] == "sun-unga-15"
    by_day = _rendered([cite(_speech(tmp_path, date="1960-09-23", event={
        "body": "United Nations General Assembly", "session": "15th session", "start": "1960-09-20",
        "end": "1960-12-20"}), "https://x.org/s/", "Podium").csl])
    assert by_day[0].startswith("Union of Soviet Socialist Republics (1960) ")
    seeds = _rendered([cite(st, "https://x.org/", "Podium").csl for st in texts.values()])
    assert any(r.startswith("Le Thi Tuyet Mai (2023) “Statement by H.E.") for r in seeds)


def test_speaker_is_the_author_and_month_precision_is_kept(tmp_path: Path) -> None:
    st = _speech(tmp_path, speaker={"name": "Nikita Khrushchev"}, date="1960-09")
    c = cite(st, "https://x.org/s/")
    assert c.plain.startswith("Nikita Khrushchev. “General debate") and ", September 1960." in c.plain
    assert c.csl["author"] == [{"literal": "Nikita Khrushchev"}]
    assert c.csl["issued"]["date-parts"] == [[1960, 9]]
    fields = bibtexparser.parse_string(c.bibtex).entries[0].fields_dict
    assert fields["month"].value == "sep" and "day" not in fields
    [record] = rispy.loads(c.ris)
    assert record["date"] == "1960/09//" and record["authors"] == ["Nikita Khrushchev"]
    assert "notes" not in record  # the statement has a date of its own


def test_an_event_across_years_claims_no_single_year(tmp_path: Path) -> None:
    st = _speech(tmp_path, event={"body": "United Nations General Assembly", "session": "15th session",
                                  "start": "1960-09-20", "end": "1961-04-21"})
    c = cite(st, "https://x.org/s/")
    assert c.csl["issued"] == {"date-parts": [[1960], [1961]]}
    assert bibtexparser.parse_string(c.bibtex).entries[0].fields_dict["year"].value == "1960--1961"
    assert _rendered([c.csl])[0].startswith("Union of Soviet Socialist Republics (1960")


def test_a_title_supplied_by_the_archive_is_in_brackets_in_every_format(texts) -> None:  # type: ignore[no-untyped-def]
    """Cataloguing rules bracket a description supplied in place of a title; a citation
    must not quote it as the source's own (an outside researcher's find)."""
    r = cite(texts[REPORT_ID], f"{URL}{REPORT_ID}/", "Podium")
    wanted = ("[Vietnamese diplomat calls for a cooperative, multilateral approach to migration at the "
              "IOM Council]")
    assert wanted in r.plain and f"“{wanted[1:-1]}" not in r.plain
    [entry] = bibtexparser.parse_string(r.bibtex).entries
    assert entry.fields_dict["title"].value.strip("{}") == wanted
    csl = json.loads(r.csl) if isinstance(r.csl, str) else r.csl
    assert (csl[0] if isinstance(csl, list) else csl)["title"] == wanted
    assert rispy.loads(r.ris)[0]["title"] == wanted
    own = cite(texts[STATEMENT_ID], f"{URL}{STATEMENT_ID}/")  # (a title the source gives: as it is)
    assert "[Statement by" not in own.plain and "“Statement by" in own.plain
