"""The importer's general rules added for texts nobody here wrote: a speaker named in the
shapes of Russian, Chinese and Vietnamese copy, a role-then-name header, a communiqué's
collective voice, a place-and-date line after pull-quotes, a site name in a page's <title>,
a body someone asks to convene, and a text in no one language. Texts invented for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from podium.ingest import detect_language, import_file, infer
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


def _pdf(lines: list[str], info: str) -> bytes:
    """A one-page PDF with one text line per entry and a document information dictionary."""
    def escaped(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 50 780 Td 14 TL " + " ".join(f"({escaped(ln)}) Tj T*" for ln in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        info,
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return out


def test_pdf_document_info_and_hyphens_at_line_ends(tmp_path: Path) -> None:
    lines = [
        "We thank the President for convening this meeting on an impor-",
        "tant question, and we welcome the well-known efforts of the Office. Its well-",
        "known staff have worked hard on pre- and post-conflict support in the whole region",
        "and we will go on supporting them in every way we can in the coming year.",
    ]
    source = tmp_path / "remarks.pdf"
    source.write_bytes(_pdf(lines, "<< /Title (Remarks on Peacebuilding) /Author (Jane Example) "
                                   "/CreationDate (D:20230314120000Z) >>"))
    result = import_file(source, tmp_path / "out", dry_run=True)
    assert result.error is None and result.draft is not None
    body = "\n".join(result.draft.body)
    assert "important question" in body and "impor-" not in body
    assert "well-known efforts" in body and "well-known staff" in body  # written with its hyphen elsewhere
    assert "pre- and post-conflict" in body
    notes = result.draft.notes
    assert any("rejoined 1 word(s)" in note and "impor-tant → important" in note for note in notes)
    meta = result.draft.meta
    assert meta["title"] == "Remarks on Peacebuilding"
    assert meta["date"] == "2023-03-14" and meta["speaker"] == {"name": "Jane Example"}
    assert {"date", "speaker"} <= set(meta["review"])  # weak evidence: a person checks it
    assert any("creation date" in note for note in result.draft.notes)


def test_pdf_file_name_title_and_login_author_are_not_used(tmp_path: Path) -> None:
    source = tmp_path / "x.pdf"
    source.write_bytes(_pdf(["Geneva, 3 May 2021", "We thank the Chair for this opportunity to speak today."],
                            "<< /Title (Microsoft Word - stmt_final_v2.docx) /Author (jdoe) >>"))
    result = import_file(source, tmp_path / "out", dry_run=True)
    assert result.draft is not None
    assert "Microsoft" not in result.draft.meta["title"] and "speaker" not in result.draft.meta
    assert result.draft.meta["date"] == "2021-05-03"  # the text's own date wins over any property


def test_docx_core_properties_fill_what_the_text_does_not_say(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Mr. President, we thank you for convening this debate on a question that "
                           "matters to every delegation in this hall, and we will be brief.")
    document.add_paragraph("We support the draft resolution before us and call on all to adopt it.")
    document.core_properties.title = "Explanation of Vote on the Draft Resolution"
    document.core_properties.author = "Maria Example"
    document.core_properties.created = dt.datetime(2022, 11, 4, 10, 0)
    source = tmp_path / "eov.docx"
    document.save(str(source))
    result = import_file(source, tmp_path / "out", dry_run=True)
    assert result.error is None and result.draft is not None
    meta = result.draft.meta
    assert meta["title"] == "Explanation of Vote on the Draft Resolution" and not meta.get("title_supplied")
    assert meta["date"] == "2022-11-04" and meta["speaker"]["name"] == "Maria Example"
    assert {"date", "speaker"} <= set(meta["review"])


def test_the_import_word_check_is_the_builds(tmp_path: Path) -> None:
    from podium.ingest import hidden_by_markdown
    from podium.pages.textcheck import TextOptions, missing_from_page

    for body in (["We agree <!-- a note for the typist --> with you."], ["1. We agree.", "2. We go on."],
                 ["A line", "___", "and \\_ escapes"], ["Plain prose, nothing to hide."]):
        assert hidden_by_markdown(body) == missing_from_page("\n\n".join(body), TextOptions())
    source = tmp_path / "comment.txt"
    source.write_text("Geneva, 3 May 2021\n\nWe agree <!-- a note for the typist --> with you.\n",
                      encoding="utf-8")
    result = import_file(source, tmp_path / "out")
    assert result.error is not None and "typist" in result.error  # refused, the words named
    assert not (tmp_path / "out").exists()


def test_speech_openings_name_those_addressed_praised_or_quoted_not_the_speaker() -> None:
    from podium.ingest.people import find_speaker

    assert find_speaker("It is\na great pleasure to join in the congratulations\naddressed to Mr. Jan "
                        "Example on his election") is None
    assert find_speaker("In addressing the Assembly a year ago, His Holiness Pope Example VI said:") is None
    assert find_speaker("Under President Ana Example’s leadership the session") is None
    assert find_speaker("Secretary-General Ana Example, President Jan Example, Excellencies,") is None
    reported = find_speaker("permanent representative to the United Nations Jan Example said Friday", True)
    assert reported is not None and reported.name == "Jan Example"


def test_header_names_across_lines_honorifics_and_regnal_numbers() -> None:
    from podium.ingest.people import find_speaker, normal_case

    found = find_speaker("HIS EXCELLENCY\nTHE MOST HONOURABLE DR ANDREW EXAMPLE\nPRIME MINISTER OF RURITANIA")
    assert found is not None and found.name == "Andrew Example"
    found = find_speaker("STATEMENT BY HIS EXCELLENCY DR. JOHN D.\nEXAMPLE, PRESIDENT OF RURITANIA")
    assert found is not None and found.name == "John D. Example"
    assert find_speaker("NATIONAL STATEMENT BY\nPRIME MINISTER OF RURITANIA") is None
    assert normal_case("ABDULLAH II") == "Abdullah II" and normal_case("LE THI MAI") == "Le Thi Mai"


def test_dates_from_record_headers_and_closing_lines_never_from_the_last_prose(tmp_path: Path) -> None:
    speech = ("We thank the President for this opportunity to speak on the questions before the Assembly.\n"
              "The convention entered into\nforce in our country on 15 June 2007. I urge all States to "
              "join it\n"
              "without delay, so that it is universal.\n")
    cases = {
        "record.txt": (speech + "\nA/70/PV.15 28/09/2015\n\n" + speech, "2015-09-28"),
        "header.txt": (speech + "\nForty-eighth session - 4 October 1993 15\n\n" + speech, "1993-10-04"),
        "closing.txt": (speech + "\nPUTRAJAYA / 25 JANUARY 2022\n", "2022-01-25"),
        "prose.txt": (speech, None),
    }
    for name, (text, date) in cases.items():
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        result = import_file(source, tmp_path / "out", dry_run=True)
        assert result.draft is not None and result.draft.meta.get("date") == date, name


@pytest.mark.parametrize("line", [
    "1.", "Mr President", "Good morning.", "Allow me at the outset to congratulate H.",
    "Mr President,**, **Mr Secretary-General,**", "Check against delivery",
    "Honourable Minister, President of the Assembly,"])
def test_a_speech_opening_is_no_title(line: str) -> None:
    assert not infer.reads_as_title(line)


def test_a_speech_without_a_title_is_described_by_who_and_where(tmp_path: Path) -> None:
    """A speech whose text opens with a salutation gets a supplied title from the
    delegation and event it was given, never its first words."""
    path = tmp_path / "BRA_79_2024.txt"
    path.write_text("Mr President,\n\nBrazil reaffirms its commitment to multilateralism.\n\n"
                    "We call for reform of the Security Council.\n", encoding="utf-8")
    result = import_file(path, tmp_path / "out", given={"delegation": "BRA", "event.body": "General Assembly",
                                                         "event.session": "79", "date": "2024-09-24"})
    assert result.draft is not None
    assert result.draft.meta["title"] == "Brazil at the General Assembly, 79th session"
    assert result.draft.meta["title_supplied"] is True
