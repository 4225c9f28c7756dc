"""Names as of the date, one body one name: the delegation-names table read by
date at any precision, checked against every speech of the UN General Debate
Corpus; the bodies registry and normalised sessions; the pages built from them."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pycountry
import pytest
import yaml
from conftest import SHARED, SiteBuilder, page, statement_text
from hypothesis import given
from hypothesis import strategies as st

from podium.ingest import corpus
from podium.model import bodies, codes
from podium.model.schema import StatementMeta
from podium.site import display
from podium.site.i18n import Strings

ARCHIVE = SHARED / "corpora" / "ungdc-1946-2025.tar.xz"
USSR = "Union of Soviet Socialist Republics"


@dataclass(frozen=True)
class Partial:
    """A date of year or month precision, as podium.model.dates gives one."""

    year: int
    month: int | None = None
    day: int | None = None


@pytest.mark.parametrize(("code", "on", "name"), [
    ("RUS", 1960, USSR), ("RUS", "1991", USSR), ("RUS", 1992, "Russian Federation"),
    ("RUS", dt.date(1991, 12, 23), USSR), ("RUS", dt.date(1991, 12, 24), "Russian Federation"),
    ("RUS", None, "Russian Federation"), ("SUN", 1960, USSR),
    ("TUR", 1955, "Turkey"), ("TUR", 2022, "Türkiye"), ("TUR", "2022-05", "Turkey"),
    ("SWZ", 1985, "Swaziland"), ("SWZ", 2018, "Eswatini"), ("SWZ", Partial(2017), "Swaziland"),
    ("UKR", 1949, "Ukrainian Soviet Socialist Republic"),
    ("BLR", 1960, "Byelorussian Soviet Socialist Republic"),
    ("BLR", 1992, "Belarus"), ("YUG", 1960, "Yugoslavia"), ("YUG", 2004, "Serbia and Montenegro"),
    ("COD", 1980, "Zaire"), ("COD", 1998, "Democratic Republic of the Congo"), ("MMR", 1980, "Burma"),
    ("LKA", 1960, "Ceylon"), ("BEN", 1970, "Dahomey"), ("BFA", 1970, "Upper Volta"),
    ("KHM", 1972, "Khmer Republic"), ("KHM", 1980, "Democratic Kampuchea"), ("KHM", 2000, "Cambodia"),
    ("DEU", 1980, "Federal Republic of Germany"), ("DEU", 1995, "Germany"), ("YMD", 1968, "Southern Yemen"),
    ("EGY", 1960, "United Arab Republic"), ("EGY", 1980, "Egypt"), ("SYR", 1950, "Syria"),
    ("THA", 1947, "Siam"), ("TZA", 1963, "Tanganyika"), ("MYS", 1960, "Federation of Malaya"),
    ("LBY", 1990, "Libyan Arab Jamahiriya"), ("CPV", 1990, "Cape Verde"), ("CIV", 1970, "Ivory Coast"),
    ("CZE", 2000, "Czech Republic"), ("CZE", Partial(2016, 6), "Czech Republic"), ("CZE", 2020, "Czechia"),
    ("MKD", 2000, "The former Yugoslav Republic of Macedonia"), ("MKD", 2020, "North Macedonia"),
    ("ZAF", 1950, "Union of South Africa"), ("FRA", 1950, "France"), ("EU", 2020, "European Union"),
    ("RUS", (dt.date(1991, 1, 1), dt.date(1991, 12, 31)), USSR), ("NAM", 2000, "Namibia"),
])
def test_a_delegation_is_named_as_on_the_date(code: str, on: codes.When | None, name: str) -> None:
    assert codes.display_name(code, on=on) == name


def test_a_year_spanning_a_change_says_so() -> None:
    meta = StatementMeta.model_validate(yaml.safe_load(_speech("x", "RUS", 1991, "UNGA", "46th session")
                                                       .split("---\n")[1]))
    t = Strings("en")
    assert display.delegation_of(meta) == USSR
    assert display.delegation_note(meta, t) == "named Russian Federation from 24 December 1991"
    czechia = meta.model_copy(update={"delegation": "CZE", "event": meta.event.model_copy(  # type: ignore[union-attr]
        update={"start": dt.date(2016, 1, 1), "end": dt.date(2016, 12, 31)})})
    assert display.delegation_note(czechia, t) == "named Czech Republic until July 2016"
    ukraine = meta.model_copy(update={"delegation": "UKR"})
    assert display.delegation_of(ukraine) == "Ukraine"
    assert display.delegation_note(ukraine, t) == \
        "named Ukrainian Soviet Socialist Republic until 24 August 1991"
    assert display.delegation_note(meta.model_copy(update={"delegation": "FRA"}), t) is None


@pytest.mark.parametrize(("code", "year", "assembly", "elsewhere"), [
    ("RUS", 1991, USSR, USSR), ("UKR", 1991, "Ukraine", "Ukrainian Soviet Socialist Republic"),
    ("BLR", 1991, "Belarus", "Byelorussian Soviet Socialist Republic"),
    ("BFA", 1984, "Burkina Faso", "Upper Volta"),
    ("BEN", 1975, "Dahomey", "Dahomey"), ("CPV", 2013, "Cape Verde", "Cape Verde"),
    ("MYS", 1963, "Malaysia", "Federation of Malaya"), ("SWZ", 2018, "Eswatini", "Eswatini"),
])
def test_a_general_assembly_year_reads_as_its_september_and_october(
        code: str, year: int, assembly: str, elsewhere: str) -> None:
    """The General Assembly's debate is held in September–October (bodies.yaml, season):
    a year that alone dates a speech there is read within it; at a body without a season,
    at the year's middle."""
    assert codes.display_name(code, on=bodies.in_season("UNGA", year)) == assembly
    assert codes.display_name(code, on=bodies.in_season("IOM Council", year)) == elsewhere
    assert bodies.in_season("UNGA", dt.date(1991, 12, 30)) == dt.date(1991, 12, 30)  # a day stays a day
    assert bodies.in_season("UNGA", "1991-12") == "1991-12"


def test_a_year_or_month_reads_as_its_whole_span() -> None:
    assert codes.span(1960) == (dt.date(1960, 1, 1), dt.date(1960, 12, 31))
    assert codes.span("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert codes.span(Partial(1991, 12, 24)) == (dt.date(1991, 12, 24),) * 2
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        codes.span("24/12/1991")
    ussr = codes.delegation("RUS")
    assert ussr is not None
    assert [p.name for p in ussr.periods_during(1991)] == [USSR, "Russian Federation"]
    assert [p.name for p in ussr.periods_during(1960)] == [USSR]


def test_the_table_ends_in_the_names_of_today_and_every_name_has_a_source() -> None:
    for code, history in codes.name_table().items():
        assert all(p.source for p in history.names), code
        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            assert history.names[-1].end is None, f"{code}: a current state's last name is still in force"
            assert history.names[-1].name == codes.un_style(country.name), code
        for other in (*history.predecessors, *history.successors):
            assert codes.delegation(other) is not None, (code, other)


def test_an_organisation_code_never_hides_a_country() -> None:
    for code in codes.organisations():
        assert pycountry.countries.get(alpha_3=code) is None, code


def test_a_malformed_table_entry_names_the_code_and_field(monkeypatch: pytest.MonkeyPatch) -> None:
    class Text:
        def __init__(self, text: str) -> None:
            self.text = text

        def joinpath(self, _: str) -> Text:
            return self

        def read_text(self, encoding: str) -> str:
            return self.text

    bad = ("XYZ:\n  names:\n    - {name: A, source: s, to: 1990-01-01}\n"
           "    - {name: B, source: s, from: 1980}\n")
    monkeypatch.setattr(codes, "files", lambda _: Text(bad))
    codes.name_table.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"delegation-names.yaml: XYZ: names\[1\].from: overlaps"):
            codes.name_table()
    finally:
        codes.name_table.cache_clear()


@pytest.mark.parametrize("text", [
    "General Assembly", "United Nations General Assembly", "UNGA", "the U.N. General Assembly",
    "Assemblée générale", "Asamblea General", "Генеральная Ассамблея", "联合国大会", "الجمعية العامة",
    "  general   assembly ",
])
def test_every_spelling_of_the_general_assembly_is_one_body(text: str) -> None:
    found = bodies.canonical_body(text)
    assert found is not None and (found.key, found.name) == ("UNGA", "United Nations General Assembly")


def test_bodies_stay_apart_and_unknown_ones_are_none() -> None:
    council = bodies.canonical_body("Conseil de sécurité")
    assert council is not None and council.key == "UNSC"
    assert bodies.canonical_body("IOM Council") is not None
    assert bodies.canonical_body("Assembly of the Republic") is None


@pytest.mark.parametrize("text", [
    "79th session", "Seventy-ninth session", "seventy ninth session", "79e session", "79.ª sesión",
    "79-я сессия", "第79届会议", "Session 79",
])
def test_every_spelling_of_a_session_is_one(text: str) -> None:
    found = bodies.canonical_session(text)
    assert found is not None and found.number == 79 and found.label.lower() == "79th session"


def test_special_sessions_stay_apart_from_regular_ones() -> None:
    special = bodies.canonical_session("tenth emergency special session")
    assert special is not None and special.label == "10th emergency special session"
    assert bodies.canonical_session("Twenty-first special session") == bodies.Session(21, "special")
    assert bodies.canonical_session("114th Session") == bodies.Session(114, "", "Session")
    assert bodies.canonical_session("Ministerial meeting") is None
    assert [bodies.ordinal(n) for n in (1, 2, 3, 11, 12, 13, 21, 112)] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "112th"]


@pytest.mark.skipif(not ARCHIVE.exists(), reason=f"the UNGDC archive is absent ({ARCHIVE})")
def test_every_ungdc_speech_is_named_as_in_its_year() -> None:
    """Every speech's metadata, as the corpus converter writes it: its title
    and its pages name the delegation by a name in force in the speech's year,
    and a year with one name gives exactly that name."""
    checked, changed, years = 0, Counter[str](), defaultdict[str, list[int]](list)
    for member in corpus.names(ARCHIVE):
        parsed = corpus.parse_name(member)
        assert parsed is not None
        code, session, year = parsed
        text = corpus.statement(corpus.Speech(code, session, year, "", member))
        meta = StatementMeta.model_validate(yaml.safe_load(text.split("---\n")[1]))
        shown = display.delegation_of(meta)
        assert shown is not None and meta.title.startswith(f"{shown}: "), member
        found = codes.delegation(code)
        assert found is not None, member
        if found.names:
            in_force = {p.name for p in found.periods_during(year)}
            assert shown in in_force, f"{member}: {shown!r} is not a name of {year} ({in_force})"
            if len(in_force) == 1:
                assert shown == codes.display_name(code, on=dt.date(year, 6, 30)), member
        else:
            assert shown == found.name, member
        if found.former:
            assert found.years is not None
            first, last = (int(y) for y in found.years.split("–"))
            assert first <= year <= last, f"{member}: outside the former state's years {found.years}"
        checked += 1
        changed[code] += shown != codes.display_name(code)
        years[code].append(year)
    assert checked == 11108
    # Counted from the file names alone: the speeches given before the change of name.
    assert changed["RUS"] == sum(y <= 1991 for y in years["RUS"]) > 40
    assert changed["TUR"] == sum(y < 2022 for y in years["TUR"])
    assert changed["SWZ"] == sum(y < 2018 for y in years["SWZ"])
    assert changed["BLR"] == sum(y < 1991 for y in years["BLR"]) and changed["FRA"] == 0


@pytest.mark.skipif(not ARCHIVE.exists(), reason=f"the UNGDC archive is absent ({ARCHIVE})")
@pytest.mark.parametrize(("member", "name"), [
    ("ungdc/Session 15 - 1960/RUS_15_1960.txt", USSR), ("ungdc/Session 12 - 1957/TUR_12_1957.txt", "Turkey"),
    ("ungdc/Session 40 - 1985/SWZ_40_1985.txt", "Swaziland"),
    ("ungdc/Session 59 - 2004/YUG_59_2004.txt", "Serbia and Montenegro"),
    ("ungdc/Session 04 - 1949/UKR_04_1949.txt", "Ukrainian Soviet Socialist Republic"),
])
def test_the_speeches_the_issue_names(member: str, name: str) -> None:
    code, session, year = corpus.parse_name(member) or ("", 0, 0)
    text = corpus.statement(corpus.Speech(code, session, year, "", member))
    assert yaml.safe_load(text.split("---\n")[1])["title"].startswith(f"{name}: general debate")


def _speech(id: str, delegation: str, year: int, body: str, session: str) -> str:
    return statement_text(id=id, kind="speech", title=f"{id} speech", delegation=delegation,
                          date=None, event={"body": body, "session": session,
                                            "start": f"{year}-01-01", "end": f"{year}-12-31"})


def test_pages_name_delegations_by_date_and_bodies_once(temp_site: SiteBuilder, tmp_path: Path) -> None:
    result, site = temp_site({
        "rus-1960.md": _speech("rus-unga-15", "RUS", 1960, "General Assembly", "Fifteenth session"),
        "rus-2020.md": _speech("rus-unga-75", "RUS", 2020, "United Nations General Assembly", "75th session"),
        "yug-1985.md": _speech("yug-unga-40", "YUG", 1985, "Assemblée générale", "40e session"),
        "yug-2004.md": _speech("yug-unga-59", "YUG", 2004, "UNGA", "59th session"),
        "srb-2010.md": _speech("srb-unga-65", "SRB", 2010, "United Nations General Assembly", "65th session"),
        "rus-1960b.md": _speech("rus-unga-15-b", "RUS", 1960, "UN General Assembly", "15th session"),
    })
    assert result.returncode == 0, result.stderr
    panel = page(site, "statements/1960/rus-unga-15/").select_one(".podium-meta")
    assert panel is not None
    text = " ".join(panel.get_text(" ").split())
    assert f"{USSR} (RUS)" in text and "Russian Federation" not in text
    assert "Body United Nations General Assembly Session United Nations General Assembly, 15th session" \
        in text
    assert "named" not in text  # one name all of 1960
    later = page(site, "statements/2004/yug-unga-59/").select_one(".podium-meta")
    assert later is not None and "Serbia and Montenegro (YUG), former state" in later.get_text()
    bodies_index = " ".join(page(site, "bodies/").get_text(" ").split())
    assert "1 entry · 6 texts" in bodies_index and "United Nations General Assembly 6" in bodies_index
    ga = page(site, "bodies/united-nations-general-assembly/")
    assert "6 texts" in ga.get_text(" ")
    sessions = page(site, "sessions/united-nations-general-assembly-15th-session/")
    assert "2 texts" in sessions.get_text(" ")
    yug = page(site, "delegations/yug/")
    history = yug.select_one(".podium-history")
    assert history is not None
    lines = [li.get_text() for li in history.select("li")]
    assert "Yugoslavia (Socialist Federal Republic of Yugoslavia, 1963–1992): 1 text, 1985" in lines
    assert "Serbia and Montenegro (2003–2006): 1 text, 2004" in lines
    successors = history.find_all("p")[-1]
    assert successors.get_text().startswith("Successor states: Serbia, Montenegro, Slovenia")
    link = successors.find("a")
    assert link is not None and link.get_text() == "Serbia" and link["href"].endswith("srb/")
    assert successors.find_all("a") == [link]  # the others have no page here
    former = yug.select_one(".podium-former")
    assert former is not None
    assert former.get_text() == "Yugoslavia: former state (1918–2006), no longer exists"
    rus = page(site, "delegations/rus/")
    rus_lines = [li.get_text() for li in rus.select(".podium-history li")]
    assert rus_lines == [f"{USSR} (1922–1991): 2 texts, 1960", "Russian Federation (1991–): 1 text, 2020"]
    entries = page(site, "delegations/").get_text(" ")
    assert entries.index("Russian Federation") < entries.index("Serbia") < entries.index("Yugoslavia")


@given(st.text(max_size=60))
def test_any_text_is_a_session_or_none_and_a_label_reads_back(text: str) -> None:
    found = bodies.canonical_session(text)
    if found is not None:
        assert bodies.canonical_session(found.label) == found


@given(st.sampled_from(sorted(codes.name_table())), st.integers(1, 9999))
def test_every_code_has_a_name_in_every_year(code: str, year: int) -> None:
    name = codes.display_name(code, on=year)
    found = codes.delegation(code)
    assert found is not None and name in {p.name for p in found.names}
