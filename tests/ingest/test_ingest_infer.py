"""The import's finders (dates, bodies and sessions, delegations, speakers, news shapes),
front matter and page metadata, drafts, and bulk metadata — on texts written for these
tests in the shapes real sources take (the agency copy here is invented)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from podium.cli import main
from podium.ingest import import_file, lost_words, make_draft
from podium.ingest.dates import all_dates, find_dates
from podium.ingest.events import find_body, find_session
from podium.ingest.news import news_shape
from podium.ingest.people import find_speaker
from podium.ingest.places import find_delegation
from podium.ingest.presets import PresetError, from_name, name_pattern, parse_set
from podium.ingest.reader import read
from podium.model.collection import load_collection
from podium.model.dates import PartialDate
from podium.pages import textcheck


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Thursday 3rd October 2019", "en", dt.date(2019, 10, 3)),
    ("Genève, le mardi 12 mars 2019", "fr", dt.date(2019, 3, 12)),
    ("Нью-Йорк, 28 сентября 2024 года", "ru", dt.date(2024, 9, 28)),
    ("Hà Nội, ngày 15/3/2015", "vi", dt.date(2015, 3, 15)),
    ("2022年3月9日", "zh-Hans", dt.date(2022, 3, 9)),
    ("28.09.2024 21:26", "ru", dt.date(2024, 9, 28)),
    ("15 d’octubre de 2015", "es", dt.date(2015, 10, 15)),
    ("June 8, 2023", "en", dt.date(2023, 6, 8)),
])
def test_dates_in_many_languages(text: str, language: str, expected: dt.date) -> None:
    assert find_dates(text, language)[0] == expected


def test_a_date_without_a_year_or_an_ambiguous_one_is_not_guessed() -> None:
    assert all_dates("ООН, 14 августа. /ТАСС/.", "ru") == []
    assert all_dates("on 03/04/2019", "en") == []  # March or April: not said
    assert find_dates("27 – 29 November 2023") == (dt.date(2023, 11, 27), dt.date(2023, 11, 29))


@pytest.mark.parametrize(("text", "body", "session"), [
    ("at the General Debate of the Seventy-ninth Session of the United Nations General Assembly",
     "General Assembly", "79th session"),
    ("45ème session du Conseil des droits de l'homme", "Human Rights Council", "45th session"),
    ("khóa họp thứ 58 Hội đồng Nhân quyền", "Human Rights Council", "58th session"),
    ("на общеполитической дискуссии 79-й сессии Генассамблеи ООН", "General Assembly", "79th session"),
    ("会议:第55届人权理事会", "Human Rights Council", "55th session"),
    ("Phiên họp khẩn cấp đặc biệt lần thứ 11 của Đại hội đồng", "General Assembly",
     "11th emergency special session"),
])
def test_bodies_and_sessions_in_one_english_form(text: str, body: str, session: str) -> None:
    found_body, found_session = find_body(text), find_session(text)
    assert found_body is not None and found_body.value == body
    assert found_session is not None and found_session.value == session


def test_a_report_about_a_body_is_not_delivered_at_it() -> None:
    assert find_body("Remarks by Ruritania on the Report of the Human Rights Council") is None


@pytest.mark.parametrize(("text", "language", "code"), [
    ("Discours du Ministre des Affaires étrangères du Bénin", "fr", "BEN"),
    ("Выступление Министра иностранных дел Российской Федерации", "ru", "RUS"),
    ("Permanent Representative of the Republic of Korea", "en", "KOR"),
    ("Head of the Vietnamese Delegation in Geneva", "en", "VNM"),
    ("South Korea's top envoy at the United Nations", "en", "KOR"),
    ("中國駐聯合國日內瓦代表", "zh-Hant", "CHN"),
    ("EU Statement at the Regular DSB meeting", "en", "EU"),
])
def test_delegation_is_who_speaks(text: str, language: str, code: str) -> None:
    assert find_delegation(text, language) == code


@pytest.mark.parametrize("text", [
    "Phát biểu tại phiên họp về Ukraine",  # a topic
    "• English\n• Français\nStatement to the General Conference",  # a language menu
    "Vienna, Austria",  # a place
    "on behalf of Chile, Ghana, Norway and Peru",  # a group: not one delegation
])
def test_no_delegation_from_topics_places_menus_or_groups(text: str) -> None:
    assert find_delegation(text, "vi" if "Phát" in text else "en") is None


@pytest.mark.parametrize(("text", "name"), [
    ("Address by His Eminence Cardinal Pietro Parolin\nSecretary of State", "Pietro Parolin"),
    ("STATEMENT BY H.E.TO LAM,\nGENERAL SECRETARY", "To Lam"),
    ("As delivered by Chargé d’Affaires Courtney Austrian\nto the Permanent Council", "Courtney Austrian"),
    ("Phát biểu của Đại sứ Đặng Hoàng Giang tại phiên họp", "Đặng Hoàng Giang"),
    ("Remarks\n\nJohn Giordano\nPublic Delegate", "John Giordano"),
])
def test_speaker_after_a_title_or_above_a_role(text: str, name: str) -> None:
    found = find_speaker(text)
    assert found is not None and found.name == name


def test_the_one_addressed_is_not_the_speaker() -> None:
    assert find_speaker("Your Excellency, Mr. Philemon Yang, President of the General Assembly,") is None


def test_news_shapes() -> None:
    xinhua = news_shape("GENEVA, March 3 (Xinhua) -- The envoy said on Monday ...")
    assert (xinhua.kind, xinhua.publisher, xinhua.venue) == ("news-report", "Xinhua News Agency", "Geneva")
    tass = news_shape("МОСКВА, 5 мая. /ТАСС/. Министр заявил ...")
    assert tass.publisher == "ТАСС" and tass.venue == "Москва"
    assert news_shape("Mr. President, I thank you.").kind is None
    byline = news_shape("Envoy speaks at the Council\n\nNguyễn Văn An |\n\nThe ambassador said ...")
    assert byline.kind == "news-report" and byline.publisher is None


def test_an_interview_says_so_and_asks() -> None:
    from podium.ingest.news import kind_of

    paragraphs = ["On this occasion the Ambassador gave an interview to our magazine about the session.",
                  "What do you expect from the session?", "We expect a strong outcome on climate."]
    assert kind_of("\n".join(paragraphs), paragraphs, False) == "interview"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


REPORT = """Ruritanian envoy urges restraint at Security Council

NEW YORK, May 14 (Xinhua) -- Ruritania's permanent representative to the United Nations, Ambassador \
Anna Kowalska, said on Tuesday that the Security Council must act together.

"We call on all parties to show restraint," Kowalska told the Council, adding that dialogue remained \
the only way forward.

She stressed that humanitarian access must be guaranteed.
"""


def test_agency_report_is_a_news_report_but_a_year_is_not_guessed(tmp_path: Path) -> None:
    path = write(tmp_path, "report.txt", REPORT)
    raw = read(path)
    d = make_draft(raw, path)
    assert lost_words(raw, d) == []
    m = d.meta
    assert m["kind"] == "news-report" and m["source"]["publisher"] == "Xinhua News Agency"
    assert m["speaker"]["name"] == "Anna Kowalska" and m["event"]["body"] == "Security Council"
    assert "date" not in m and "date" in m["review"]  # "May 14" has no year


def test_front_matter_is_read_and_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "speech.md", "---\ntitle: On the Founding of the Union\n"
                 "author:\n  name: Jane Roe\ndate: 1950-06-01\nlocation: Springfield\n---\n\n"
                 "Friends,\n\nToday we begin.\n")
    raw = read(path)
    d = make_draft(raw, path)
    assert lost_words(raw, d) == []
    assert d.meta["title"] == "On the Founding of the Union" and d.meta["date"] == "1950-06-01"
    assert d.meta["speaker"] == {"name": "Jane Roe"} and d.meta["venue"] == "Springfield"
    assert "title: On the Founding" in d.meta["source"]["heading"]
    assert not any(p.startswith("---") or "author:" in p for p in d.body)


def test_html_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", """<html><head>
<meta property="og:title" content="Statement on oceans">
<meta property="og:site_name" content="Ministry of Foreign Affairs of Ruritania">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-03-04T10:00:00Z"}</script>
</head><body><nav>Home | About</nav><article><h1>Statement on oceans</h1>
<p>Ruritania welcomes the agreement on the high seas and calls for its early entry into force.</p>
</article></body></html>""")
    d = make_draft(read(path), path)
    assert d.meta["date"] == "2021-03-04" and d.meta["title"] == "Statement on oceans"
    assert d.meta["source"]["publisher"] == "Ministry of Foreign Affairs of Ruritania"


def test_a_file_the_check_would_refuse_is_written_as_a_draft(tmp_path: Path) -> None:
    path = write(tmp_path, "report.txt", REPORT)
    out = tmp_path / "statements"
    result = import_file(path, out)
    assert result.error is None and not result.ready and result.target is not None
    meta = yaml.safe_load(result.target.read_text(encoding="utf-8").split("---")[1])
    assert meta["draft"] is True and "date" in meta["review"]
    collection = load_collection(out)
    assert not collection.errors and len(collection) == 0  # checked, not published
    assert [st.meta.id for st in collection.drafts] == [meta["id"]]


def test_check_lists_drafts_and_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "statements"
    import_file(write(tmp_path, "report.txt", REPORT), out)
    assert main(["check", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "draft: not published; to fill: date" in printed and "1 draft(s) not published" in printed


def test_name_pattern_and_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pattern = name_pattern("{delegation}_{session}_{year}.txt")
    assert from_name(pattern, Path("NZL_79_2024.txt")) == {"delegation": "NZL", "event.session": "79",
                                                           "year": "2024"}
    assert from_name(pattern, Path("notes.txt")) is None
    assert parse_set(["body=General Assembly"]) == {"event.body": "General Assembly"}
    with pytest.raises(PresetError):
        parse_set(["no-equals-sign"])
    text = ("Mr. President,\n\nNew Zealand congratulates you on your election. We will work with all "
            "delegations for a fairer system.\n\nThank you.\n")
    src = write(tmp_path, "NZL_79_2024.txt", text)
    manifest = write(tmp_path, "m.csv", "file,date\nNZL_79_2024.txt,2024-09-27\n")
    out = tmp_path / "statements"
    code = main(["import", str(src), "--out", str(out), "--name-pattern", "{delegation}_{session}_{year}.txt",
                 "--set", "event.body=General Assembly", "--set", "kind=speech", "--manifest", str(manifest)])
    assert code == 0
    assert "1 ready, 0 draft(s), 0 failed" in capsys.readouterr().out
    (statement,) = load_collection(out)
    m = statement.meta
    assert (m.delegation, m.kind.value, m.event and m.event.body, m.event and m.event.session) == (
        "NZL", "speech", "General Assembly", "79th session")
    assert m.date == PartialDate(2024, 9, 27) and not m.draft


def test_bulk_without_dates_gives_drafts_and_says_what_next(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path, "NZL_79_2024.txt", "Mr. President,\n\nWe thank you for your leadership.\n")
    assert main(["import", str(src), "--out", str(tmp_path / "s"), "--name-pattern",
                 "{delegation}_{session}_{year}.txt"]) == 0
    printed = capsys.readouterr().out
    assert "0 ready, 1 draft(s), 0 failed" in printed and "remove `draft: true`" in printed


def test_a_report_in_another_language_is_related_to_the_statement(tmp_path: Path) -> None:
    from conftest import ROOT, STATEMENT_ID

    path = write(tmp_path, "bao-cao.txt", (
        "Việt Nam ủng hộ di cư an toàn\n\n"
        "Geneva (TTXVN) – Ngày 28/11/2023, Đại sứ Lê Thị Tuyết Mai, Trưởng Phái đoàn đại diện thường "
        "trực Việt Nam, đã phát biểu tại Khóa họp lần thứ 114 Hội đồng IOM. Đại sứ nhấn mạnh vai trò "
        "của hợp tác quốc tế.\n\n"
        "Theo Đại sứ, Việt Nam cho biết sẽ tiếp tục thực hiện Hiệp ước toàn cầu về di cư.\n"))
    d = make_draft(read(path), path, collection=load_collection(ROOT / "statements"))
    m = d.meta
    assert m["kind"] == "news-report" and m["source"]["publisher"] == "Vietnam News Agency"
    assert m["date"] == "2023-11-28" and m["delegation"] == "VNM"
    assert m["related"] == [{"id": STATEMENT_ID, "relation": "reports-on"}]
    assert m["event"]["start"] == "2023-11-27"  # the statement's event, with its dates


def test_a_press_release_is_issued_by_the_country_it_opens_with(tmp_path: Path) -> None:
    path = write(tmp_path, "pr.txt", (
        "PRESS RELEASE\n\nRURITANIA WELCOMES VACCINE DOSES FROM GRAUSTARK\n\n"
        "Ruritania has today received 100,000 doses of vaccine contributed by the Government of Austria. "
        "The doses will be distributed to the provinces next week.\n\n"
        "The Government of Ruritania extends its appreciation to the Government of Austria.\n"))
    m = make_draft(read(path), path).meta
    assert m["kind"] == "press-release" and "delegation" not in m  # Ruritania is no ISO country

    path = write(tmp_path, "pr2.txt", path.read_text(encoding="utf-8").replace("Ruritania", "Malaysia"))
    m = make_draft(read(path), path).meta
    assert m["delegation"] == "MYS"  # not AUT, named mid-sentence as the donor


def test_numbered_paragraphs_keep_their_numbers_on_the_page(tmp_path: Path) -> None:
    from podium.ingest import hidden_by_markdown

    path = write(tmp_path, "numbered.txt", (
        "Statement by Ruritania\n\nMr. President,\n\n"
        "1. We thank the Secretary-General for his report.\n\n"
        "2. We support the draft resolution.\n\n# 3 reasons\n\n> a quoted line\n\nA snake\\_case word.\n\n"
        "I thank you\n__________\n"))
    result = import_file(path, tmp_path / "out")
    assert result.error is None and result.draft is not None
    assert hidden_by_markdown(result.draft.body) == []  # the build's own word check, on Markdown's HTML
    page = textcheck.rendered_body("\n\n".join(result.draft.body), textcheck.TextOptions())
    shown = BeautifulSoup(page, "html.parser").get_text()
    assert "1. We thank" in shown and "2. We support" in shown and "snake_case" in shown
