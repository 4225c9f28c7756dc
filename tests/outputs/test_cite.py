"""Citations: every format parses, and says who, what, where, when and where to find it."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
from conftest import REPORT_ID, ROOT, STATEMENT_ID, page

from podium.model.collection import load_collection
from podium.outputs.cite import cite

URL = "https://podium-archive.github.io/podium/statements/2023/"
CSL_TYPES = {"speech", "article-newspaper"}
CSL_FIELDS = {"id", "type", "title", "author", "issued", "URL", "language", "event-title",
              "event-place", "publisher-place", "publisher", "container-title", "abstract"}


@pytest.fixture(scope="module")
def texts() -> dict[str, object]:
    return {s.meta.id: s for s in load_collection(ROOT / "statements")}


def test_plain_text(texts) -> None:  # type: ignore[no-untyped-def]
    c = cite(texts[STATEMENT_ID], f"{URL}{STATEMENT_ID}/")
    assert c.plain == (
        "Le Thi Tuyet Mai. “Statement by H.E. Dr. Le Thi Tuyet Mai, Ambassador, Permanent "
        "Representative of Viet Nam, at the 114th Session of the IOM Council.” IOM Council, 114th "
        f"Session, Geneva, Switzerland, 27–29 November 2023. {URL}{STATEMENT_ID}/")
    r = cite(texts[REPORT_ID], f"{URL}{REPORT_ID}/")
    assert r.plain.startswith("Vietnam News Agency. “Vietnamese diplomat calls")
    assert "2 December 2023." in r.plain


def test_bibtex_parses(texts) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(cite(st, f"{URL}{st.meta.id}/").bibtex for st in texts.values())
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    entries = {e.key: e for e in library.entries}
    assert entries[STATEMENT_ID].entry_type == "misc"
    assert entries[STATEMENT_ID].fields_dict["author"].value == "{Le Thi Tuyet Mai}"
    assert entries[REPORT_ID].entry_type == "article"
    assert entries[REPORT_ID].fields_dict["journal"].value == "Vietnam News Agency"
    assert entries[REPORT_ID].fields_dict["year"].value == "2023"


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
    assert statement["issued"]["date-parts"] == [[2023, 11, 27], [2023, 11, 29]]
    assert cite(texts[REPORT_ID], "https://x.org/").csl["type"] == "article-newspaper"


def test_ris(texts) -> None:  # type: ignore[no-untyped-def]
    ris = cite(texts[REPORT_ID], "https://x.org/").ris.splitlines()
    assert ris[0] == "TY  - NEWS" and ris[-1] == "ER  -"
    assert "DA  - 2023/12/02/" in ris and "AU  - Vietnam News Agency" in ris


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
