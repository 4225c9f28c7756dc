"""The importer's general rules added for texts nobody here wrote: a speaker named in the
shapes of Russian, Chinese and Vietnamese copy, a role-then-name header, a communiqué's
collective voice, a place-and-date line after pull-quotes, a site name in a page's <title>,
a body someone asks to convene, and a text in no one language. Texts invented for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from podium.ingest import detect_language, import_file
from podium.ingest.events import find_body
from podium.ingest.infer import kind_hint, site_name
from podium.ingest.people import chinese_speaker, role_name_at, russian_speaker, vietnamese_speaker


def test_russian_speaker_after_a_reporting_verb_and_in_the_genitive() -> None:
    said = russian_speaker("Об этом журналистам заявил постоянный представитель РФ Иван Петров.")
    assert said is not None and said.name == "Иван Петров"
    header = russian_speaker("Выступление Министра иностранных дел Российской Федерации\n"
                             "А.Б.Смирнова на сессии")
    assert header is not None and header.name == "А.Б. Смирнов"
    # A role in the nominative: the name after it is not declined, and not changed.
    assert russian_speaker("Выступление министр А.Б.Смирнова") is None


def test_chinese_speaker_needs_a_family_name_before_the_title() -> None:
    found = chinese_speaker("發佈了《李明大使在人權理事會的發言》")
    assert found is not None and (found.name, found.honorific) == ("李明", "大使")
    assert chinese_speaker("中國駐聯合國日內瓦代表:歡迎") is None  # a place before 代表, not a name


def test_vietnamese_speaker_after_a_role_skips_places() -> None:
    found = vietnamese_speaker("Đại sứ, Trưởng phái đoàn thường trực Việt Nam tại LHQ Nguyễn Văn An "
                               "đã trả lời.")
    assert found is not None and found.name == "Nguyễn Văn An"
    assert vietnamese_speaker("Đại sứ phát biểu tại Hội đồng Bảo an Liên Hợp Quốc.") is None


def test_role_then_name_between_commas() -> None:
    found = role_name_at("Statement by Minister of Foreign Affairs of the Republic of Ruritania, "
                         "A.Novak, at the Summit of the Initiative")
    assert found is not None and found.name == "A.Novak"
    assert found.role == "Minister of Foreign Affairs of the Republic of Ruritania"
    assert role_name_at("In Geneva, the capital, at noon") is None


def test_a_body_someone_asks_to_convene_is_not_where_the_text_was_said() -> None:
    assert find_body("Russia will not request a meeting of the Security Council on this.") is None
    assert find_body("Москва не планирует созыва СБ ООН") is None
    found = find_body("said at the Security Council")
    assert found is not None and found.value == "Security Council"


def test_a_text_in_no_one_language_is_left_to_a_person(tmp_path: Path) -> None:
    # Latin-script OCR of a page in another script: letters, but no language's words.
    tokens = "qolb) Xmerrt al vuz gaaln Lbyq dhw Tpsyllq hjQ Wrbbl! ozzk cVnqt yLd Rrpq! ub Kdlly zq SSWo"
    garbled = "\n".join(" ".join(tokens.split()[i:] + tokens.split()[:i]) for i in range(12))
    assert detect_language(garbled) is None
    source = tmp_path / "garbled.txt"
    source.write_text(garbled, encoding="utf-8")
    result = import_file(source, tmp_path / "out")
    assert result.error is None and result.draft is not None
    assert result.draft.meta["language"] == "und" and result.draft.meta["draft"] is True
    assert "language" in result.draft.meta["review"]


def test_communique_voice_is_a_joint_statement(tmp_path: Path) -> None:
    source = tmp_path / "communique.txt"
    source.write_text(
        "The Foreign Ministers of the Group expressed concern over the recent floods in the region and "
        "extended their condolences to all the victims. They called for closer cooperation.\n\n"
        "The Ministers welcomed the commitment of the authorities to restore normal conditions soon.\n",
        encoding="utf-8")
    result = import_file(source, tmp_path / "out", dry_run=True)
    assert result.draft is not None and result.draft.meta["kind"] == "joint-statement"


def test_place_and_date_line_after_pull_quotes(tmp_path: Path) -> None:
    source = tmp_path / "speech.txt"
    source.write_text(
        "Palabras del presidente ante la Asamblea General\n\n"
        "“Es la hora de los pueblos, y no la de los gobiernos que no pudieron resolver nada, como aquí "
        "se demuestra cada año en este mismo recinto”.\n\n"
        "Naciones Unidas, 24 de septiembre de 2024\n\n"
        "Mi hija me acaba de mandar un párrafo con el que ella quiere que empiece mi discurso, así que "
        "con el respeto de ustedes voy a leerlo ahora mismo.\n", encoding="utf-8")
    result = import_file(source, tmp_path / "out", dry_run=True)
    assert result.draft is not None and result.draft.meta["date"] == dt.date(2024, 9, 24).isoformat()


def test_site_name_from_a_page_title() -> None:
    assert site_name("Statement by the Minister at the Summit (May 15, 2020) - Ministry of Foreign "
                     "Affairs of Ruritania") == "Ministry of Foreign Affairs of Ruritania"
    assert site_name("VACCINE DOSES CONTRIBUTED TO THE COUNTRY - Press Releases - Portal") is None
    assert site_name("Home - Ministry of Foreign Affairs") is None  # no headline before it


def test_metadata_that_calls_the_text_a_speech() -> None:
    assert kind_hint({"title": "A Speech", "tags": ["x"]}) == "speech"
    assert kind_hint({"tags": ["political-speeches"]}) == "speech"
    assert kind_hint({"url": "https://example.org/speech-by-x"}) is None
    assert kind_hint({"title": "Statement"}) is None
