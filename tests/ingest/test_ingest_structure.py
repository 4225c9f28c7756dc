"""`podium import` reads a source's structure first (issue 27): a Markdown heading is the
title, a delivery line is part of the head, images and frames are kept as links, a group
spoken for is not a delegation."""

from __future__ import annotations

from pathlib import Path

from podium.ingest import import_file, render
from podium.ingest.infer import _joint

SOURCE = """# Joint statement by the Nordic countries on the situation in Sudan

![Foreign ministers at the meeting](https://example.org/photo.jpg "Photo")

Delivered by Ambassador Anna Karlsson on behalf of Denmark, Finland, Iceland, Norway and Sweden \
at the Human Rights Council, 12 March 2024.

Mr. President, we are [deeply concerned](https://example.org/report) by the situation in Sudan.

<iframe src="https://www.youtube.com/embed/abc" title="Video of the statement"></iframe>

<img src="chart.png" alt="Chart of displaced people">

Thank you.
"""


def test_markdown_heading_images_and_frames_are_kept_not_refused(tmp_path: Path) -> None:
    source = tmp_path / "nordic.md"
    source.write_text(SOURCE, encoding="utf-8")
    result = import_file(source, tmp_path / "out")
    assert result.error is None and result.lost == []
    assert result.draft is not None
    m = result.draft.meta
    assert m["title"] == "Joint statement by the Nordic countries on the situation in Sudan"
    assert m["kind"] == "joint-statement" and m["date"] == "2024-03-12"
    assert m["event"]["body"] == "Human Rights Council" and m["speaker"]["name"] == "Anna Karlsson"
    assert "delegation" not in m  # five countries spoken for; the speaker's own is not said
    body = "\n\n".join(result.draft.body)
    assert "[Image: Foreign ministers at the meeting](https://example.org/photo.jpg)" in body
    assert "[Embedded: Video of the statement](https://www.youtube.com/embed/abc)" in body
    assert "[Image: Chart of displaced people](chart.png)" in body
    assert "[deeply concerned](https://example.org/report)" in body
    assert "title: the text's first heading" in render(result.draft)


def test_a_delivery_line_names_the_single_country_spoken_for(tmp_path: Path) -> None:
    source = tmp_path / "se.txt"
    source.write_text(
        "Swedish statement at the UN Security Council briefing on Syria\n\n"
        "National statement delivered by Ambassador Olof Skoog on behalf of Sweden at the United Nations "
        "Security Council Briefing on Syria, 26 October 2018, New York.\n\n"
        "Thank you very much Mr. President and thank you to the Special Envoy for the briefing.\n",
        encoding="utf-8")
    result = import_file(source, tmp_path / "out")
    assert result.draft is not None
    m = result.draft.meta
    assert (m["delegation"], m["date"], m["event"]["body"]) == ("SWE", "2018-10-26", "Security Council")
    assert m["speaker"]["name"] == "Olof Skoog"


def test_only_a_list_of_countries_makes_a_joint_statement() -> None:
    assert _joint("on behalf of Denmark, Finland, Iceland, Norway and Sweden", "en")
    assert _joint("on behalf of the Nordic-Baltic countries: Denmark, Estonia, Finland", "en")
    assert not _joint("on behalf of over 100 countries, including France, Germany and Italy", "en")
    assert not _joint("on behalf of Sweden. France, Germany and Italy also spoke", "en")


def _imported(tmp_path: Path, text: str, name: str = "t.txt") -> dict[str, object]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = import_file(source, tmp_path / "out")
    assert result.draft is not None and result.lost == []
    return result.draft.meta


def test_a_letter_dated_in_the_head_is_not_the_delivery_date(tmp_path: Path) -> None:
    m = _imported(tmp_path, "Statement at the Security Council\n\n"
                  "Statement delivered by Ambassador Anna Berg on behalf of Norway at the Security Council "
                  "briefing on the Letter dated 13 March 2018 from the Permanent Representative, "
                  "5 April 2018, New York.\n\nThank you, Mr President. We condemn the attack in the "
                  "strongest terms and call for accountability.\n")
    assert m["date"] == "2018-04-05" and m["delegation"] == "NOR"


def test_the_day_given_inside_an_event_range_is_the_date(tmp_path: Path) -> None:
    m = _imported(tmp_path, "DÉCLARATION DE S.E. JEAN MARTIN, MINISTRE DES AFFAIRES ÉTRANGÈRES\n"
                  "À LA 79ème SESSION DE L’ASSEMBLÉE GÉNÉRALE DES NATIONS UNIES\n"
                  "(NEW-YORK, 20-26 SEPTEMBRE 2024)\nDÉBAT GÉNÉRAL\nNew York, 26 septembre 2024\n\n"
                  "MONSIEUR LE PRÉSIDENT,\n\nJE VOUS REMERCIE DE CETTE OCCASION DE PRENDRE LA PAROLE DEVANT "
                  "CETTE AUGUSTE ASSEMBLÉE, AU NOM DE MON PAYS ET DE SON GOUVERNEMENT.\n")
    assert m["language"] == "fr"  # capitals are not English
    assert m["date"] == "2024-09-26"
    assert m["event"] == {"start": "2024-09-20", "end": "2024-09-26", "body": "General Assembly",
                          "session": "79th session"}


def test_a_head_that_calls_the_text_a_speech_given_at_no_body(tmp_path: Path) -> None:
    m = _imported(tmp_path, "Rede von Außenminister Heiko Maas vor dem Deutschen Bundestag\n\n"
                  "26.11.2020 - Rede\n\nDer Sicherheitsrat der Vereinten Nationen ist nichts anderes als ein "
                  "Spiegel der Weltpolitik, und die hat ganz sicherlich das Prädikat schwierig mehr als "
                  "verdient.\n")
    assert m["kind"] == "speech" and m["speaker"] == {"name": "Heiko Maas", "role": "Außenminister"}
    assert m["date"] == "2020-11-26" and m["language"] == "de"


def test_a_body_named_across_a_line_break_in_another_language(tmp_path: Path) -> None:
    m = _imported(tmp_path, "Intervento del Ministro alla 79ª Assemblea\nGenerale delle Nazioni Unite\n\n"
                  "Mercoledì, 25 Settembre 2024\n\nSignor Presidente, signor Segretario Generale,\n\n"
                  "Viviamo un’epoca molto complessa, e le sfide del nostro tempo ci impongono di ragionare "
                  "in un modo completamente nuovo.\n")
    assert m["event"] == {"body": "General Assembly", "session": "79th session"}
    assert m["date"] == "2024-09-25"


def test_a_page_keeps_its_described_images_and_frames_and_takes_its_h1(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Statement on Sudan | Ministry of Foreign Affairs</title></head><body><article>"
        "<h1>Statement on Sudan</h1><p><img src='a.jpg' alt='The minister speaking'> The minister spoke "
        "on 3 May 2024.</p><p><a href='/'><img src='logo.png' alt='Ministry logo'></a></p>"
        "<img src='spacer.gif' alt=''><p>We call for a ceasefire.</p>"
        "<iframe src='https://www.youtube.com/embed/abc' title='Video of the statement'></iframe>"
        "</article></body></html>", encoding="utf-8")
    result = import_file(page, tmp_path / "out")
    assert result.error is None and result.draft is not None
    assert result.draft.meta["title"] == "Statement on Sudan"
    body = "\n\n".join(result.draft.body)
    assert "[Image: The minister speaking](a.jpg)" in body
    assert "[Embedded: Video of the statement](https://www.youtube.com/embed/abc)" in body
    assert "logo" not in body and "spacer" not in body  # a linked logo, an undescribed image: decoration


def test_an_agency_written_in_lower_case_is_a_dateline(tmp_path: Path) -> None:
    m = _imported(tmp_path, "UN-Gesandter fordert Waffenruhe im Sudan\n\n"
                  "Genf (dpa) - Der UN-Gesandte für den Sudan hat die Kriegsparteien am Dienstag zu einer "
                  "Waffenruhe aufgerufen, sagte er.\n\n"
                  "«Wir brauchen jetzt eine Waffenruhe», sagte er.\n")
    assert m["kind"] == "news-report" and m["source"]["publisher"] == "Deutsche Presse-Agentur"
    assert "date" not in m  # "am Dienstag": no date without a year


def test_a_signature_block_names_the_speaker_a_bare_name_does_not(tmp_path: Path) -> None:
    body = ("Mr. President,\n\nWe welcome the report of the Secretary-General and thank the Special "
            "Representative for her briefing today.\n\nWe call on all parties to respect international "
            "humanitarian law.\n\nThank you.\n\n")
    m = _imported(tmp_path, body + "Anna Karlsson, Ambassador, Deputy Permanent Representative of Sweden\n")
    assert m["speaker"] == {"name": "Anna Karlsson",
                            "role": "Ambassador, Deputy Permanent Representative of Sweden"}
    assert m["delegation"] == "SWE"
    m = _imported(tmp_path, body + "Lisa Lask\n", name="contact.txt")
    assert "speaker" not in m


def test_a_wrapped_head_gives_role_name_session_and_a_date_line(tmp_path: Path) -> None:
    m = _imported(tmp_path, "Misión Permanente de México ante las Naciones Unidas\n\n"
                  "Mensaje de la secretaria de Relaciones Exteriores, Alicia\nBárcena Ibarra, en el "
                  "Debate General del 79* periodo ordinario\nde sesiones de la Asamblea General de la "
                  "Organización de las\n\n"
                  "Naciones Unidas (ONU)\nPlenario de la Asamblea General, 12:00 hrs.\n"
                  "Nueva York, 28 de septiembre de 2024.\n\nSeñor presidente, queridos delegados:\n\n"
                  "Les transmito el saludo fraterno de nuestro presidente y me honra regresar a esta "
                  "Asamblea.\n")
    assert m["speaker"] == {"name": "Alicia Bárcena Ibarra", "role": "secretaria de Relaciones Exteriores"}
    assert m["event"] == {"body": "General Assembly", "session": "79th session"}
    assert m["date"] == "2024-09-28" and m["delegation"] == "MEX"


def test_a_title_and_a_surname_in_the_head_name_the_speaker() -> None:
    from podium.ingest.people import title_surname

    found = title_surname("Intervento del Presidente Meloni alla 79ª Assemblea Generale delle Nazioni Unite")
    assert found is not None and found.name == "Meloni"
    found = title_surname("Rede von Außenminister Wadephul in der Generaldebatte")
    assert found is not None and found.name == "Wadephul"
    assert title_surname("Ambassador Extraordinary and Plenipotentiary of Japan") is None
    assert title_surname("DÉCLARATION DE S.E. MBELLA MBELLA, MINISTRE DES\nRELATIONS EXTERIEURES") is None
