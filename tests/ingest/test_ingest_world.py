"""Shapes the first labelled set lacked (issue 27, second round): bodies by their abbreviations
and a subject that follows the name, a country's membership in a body, a demonstrative in another
clause. Texts written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ingest_helpers import body_of as _body
from ingest_helpers import draft_of as _draft


def test_bodies_are_known_by_their_abbreviations_in_several_languages() -> None:
    assert _body("Statement by Norway at the 52nd Session of HRC") == "Human Rights Council"
    assert _body("Intervención en reunión plenaria de la AGNU sobre el tema 9") == "General Assembly"
    assert _body("Déclaration de la France au CSNU, débat ouvert") == "Security Council"
    assert _body("Rede im VN-Sicherheitsrat zur Lage in Syrien") == "Security Council"
    assert _body("the hrc staff canteen") is None  # an abbreviation is read in capitals only


def test_a_report_reform_or_membership_is_the_subject_not_the_place() -> None:
    assert _body("en la AGNU sobre el informe anual del Consejo de Seguridad") == "General Assembly"
    assert _body("常驻联合国代表在安理会改革政府间谈判会议上的发言") is None
    assert _body("Remarks on Security Council reform at the IGN meeting") is None


def test_a_country_in_a_body_is_its_membership(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Grußwort von Staatsminister Karl Berger zur Ausstellung – Finnland im "
                            "VN-Sicherheitsrat\n\n03.04.2019 - Rede\n\nEs freut mich, Sie heute hier zur "
                            "Eröffnung unserer Ausstellung begrüßen zu können, meine Damen und Herren.")
    assert "body" not in meta.get("event", {})


def test_this_in_another_clause_does_not_point_at_a_body(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Joint Statement of Ruritania and Freedonia on United Nations Reform\n\n"
                            "June 2, 2005\n\n1. The ministers shared an urgent need to strengthen the United "
                            "Nations in order to address today’s challenges.\n\n2. To this end, the Security "
                            "Council must be expanded in both categories of membership.")
    assert "body" not in meta.get("event", {})
    meta = _draft(tmp_path, "Mr. President,\n\nThis General Assembly meets at a time of grave danger for "
                            "all of us, and we must act together now.")
    assert meta.get("event", {}).get("body") == "General Assembly"


def test_months_as_the_regions_of_a_language_name_them() -> None:
    from podium.ingest.dates import find_dates

    assert find_dates("4 أيلول/سبتمبر 2017", "ar")[0] == dt.date(2017, 9, 4)  # Levantine/Egyptian pair
    assert find_dates("مدينة نيويورك\n25 آب/أغسطس، 2020", "ar")[0] == dt.date(2020, 8, 25)
    assert find_dates("Lima, 5 de setiembre de 2019", "es")[0] == dt.date(2019, 9, 5)
    assert find_dates("Wien, 12. Jänner 2020", "de")[0] == dt.date(2020, 1, 12)


def test_a_release_says_what_it_is_in_more_languages(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Communiqués de presse Conseil des droits de l’homme\n\nLe Conseil entame son "
                            "dialogue\n\n12 juin 2017\n\nLe Conseil des droits de l'homme a entamé, cet "
                            "après-midi, son débat interactif avec le Rapporteur spécial, qui a présenté son "
                            "rapport sur la liberté d'expression.")
    assert meta["kind"] == "press-release"
    meta = _draft(tmp_path, "بعثة جمهورية روريتانيا إلى الأمم المتحدة\nمكتب الصحافة\nللنشر الفوري\n"
                            "4 أيلول/سبتمبر 2017\nالسفيرة تدلي بتصريح في مجلس الأمن\n"
                            "ألقت الممثلة الدائمة تصريحات في إحاطة طارئة لمجلس الأمن بشأن الوضع في المنطقة.")
    assert meta["kind"] == "press-release"
    assert meta["source"]["publisher"] == "بعثة جمهورية روريتانيا إلى الأمم المتحدة"
    assert meta["date"] == "2017-09-04"


def test_an_office_signing_under_a_told_text_issues_it(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Ginebra, 3 de marzo de 2019. El embajador Juan Pérez Soto, Representante "
                            "Permanente de Ruritania, llamó a una reforma profunda del Consejo de "
                            "Seguridad.\n\n"
                            "Durante su intervención en el debate abierto del Consejo de Seguridad, el "
                            "representante expresó su rechazo a la politización de los temas.\n\n"
                            "Misión Permanente de Ruritania ante las Naciones Unidas")
    assert meta["kind"] == "press-release"
    assert meta["source"]["publisher"] == "Misión Permanente de Ruritania ante las Naciones Unidas"
    assert meta["event"]["body"] == "Security Council"  # where he spoke, not the reform he called for
    signed = _draft(tmp_path, "Señor Presidente:\n\nNuestra delegación agradece la convocatoria de esta "
                              "reunión sobre el informe del Consejo.\n\nMisión Permanente de Ruritania ante "
                              "las Naciones Unidas")
    assert signed["kind"] != "press-release"  # it speaks itself: a statement, whoever signs it


def test_the_us_government_banner_is_not_the_head(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "An official website of the United States Government Here's how you know\n\n"
                            "Official websites use .gov\n\nA .gov website belongs to an official government "
                            "organization in the United States.\n\nSecure .gov websites use HTTPS\n\n"
                            "Remarks at a UN Security Council Briefing on Syria\n\nJane Roe\n"
                            "Deputy Political Counselor\nNew York, New York\nJuly 31, 2023\n\nAS DELIVERED"
                            "\n\nThank you, Mr. President. We regret that this meeting makes a mockery of "
                            "the Council’s work.")
    assert meta["title"] != "Official websites use .gov"
    assert meta["date"] == "2023-07-31"


def test_a_country_after_a_topic_word_is_not_the_speaker() -> None:
    from podium.ingest.places import find_delegation

    head = ("Willkommen auf den Seiten des Auswärtigen Amts\nNach einer Sitzung des Sicherheitsrats "
            "zum Thema Irak erklärte Außenminister Karl Berger heute in New York:")
    assert find_delegation(head, "de") == "DEU"
    assert find_delegation("Déclaration sur la situation en Syrie", "fr") is None


def test_a_release_dates_what_was_said_by_day_and_month(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Außenminister Berger nach der Sitzung\n\n20.09.2014 - Pressemitteilung\n\n"
                            "Nach dem Ende der Sitzung erklärte Außenminister Karl Berger gestern (19.09.) "
                            "in New York:\n\nWir haben heute erneut zur Kenntnis nehmen müssen, dass die "
                            "Lage sich verschärft hat. Das zeigt, wie wichtig die Zusammenkunft war.")
    assert meta["date"] == "2014-09-19"


def test_names_without_capitals_in_chinese_and_arabic() -> None:
    from podium.ingest.people import arabic_speaker, chinese_speaker

    zh = chinese_speaker("常驻联合国代表王立新大使在安理会公开辩论会上的发言")
    assert zh is not None and zh.name == "王立新" and zh.role == "常驻联合国代表"
    ar = arabic_speaker("بعثة روريتانيا لدى الأمم المتحدة\nالسفيرة سلمى حداد\nالممثلة الدائمة\n"
                        "لبعثة روريتانيا لدى الأمم المتحدة\nنيويورك")
    assert ar is not None and ar.name == "سلمى حداد" and ar.role.startswith("الممثلة الدائمة")
    assert arabic_speaker("السفيرة حداد تدلي بتصريح في اجتماع مجلس الأمن") is None  # a headline, not a name
    assert arabic_speaker("السيد الرئيس المحترم\nأود أن أشكركم") is None  # the chair addressed


def test_a_presiding_officer_is_the_speaker_when_the_head_says_by_him(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "2 août 2012 - Présentation du programme de travail du Conseil de sécurité par "
                            "M. Jean Martin, président du Conseil de sécurité\n\nBonjour Mesdames, Messieurs,"
                            "\n\nJe vais vous présenter le programme de travail de la présidence du Conseil.")
    assert meta.get("speaker", {}).get("name") == "Jean Martin"


def test_the_bodies_registry_gives_the_importer_its_aliases() -> None:
    from podium.ingest.events import registry_bodies

    assert _body("Statement at the International Court of Justice, public hearing") == \
        "International Court of Justice"
    assert _body("Intervención ante la Corte Internacional de Justicia") == "International Court of Justice"
    assert _body("Выступление в ЭКОСОС") == "Economic and Social Council"
    assert "General Assembly" in registry_bodies()  # the registry's "United Nations General Assembly"
    assert "United Nations General Assembly" not in registry_bodies()


def test_a_dateline_place_may_come_before_the_opening_date(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Nueva York, 6 de febrero de 2018. La embajadora Ana Gómez Ruiz, Representante "
                            "Permanente de Ruritania ante las Naciones Unidas, llamó a una reforma.\n\n"
                            "Asimismo, expresó su rechazo a la manipulación selectiva de los temas.")
    assert meta["date"] == "2018-02-06"


def test_a_statement_numbers_the_session_it_addresses(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Intervention de M. Jean Martin, représentant permanent de la Ruritanie - "
                            "Assemblée générale - 14 septembre 2015\n\nMonsieur le Président,\n\n"
                            "Au moment où s’achève la 69e Assemblée générale, permettez-moi de saluer "
                            "votre engagement sur ce sujet.")
    assert meta["event"] == {"body": "General Assembly", "session": "69th session"}
    meta = _draft(tmp_path, "Statement by Ruritania - General Assembly\n\nMr. President,\n\nWe mark the "
                            "75th anniversary of the General Assembly with hope and resolve.")
    assert "session" not in meta["event"]


def test_an_italian_communique_is_a_release(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Comunicato\n\nData:\n\n16/10/2006\n\nIl Ministro degli Affari Esteri "
                            "Mario Rossi ha espresso la più viva soddisfazione per l'elezione dell'Italia al "
                            "Consiglio.\n\nIl Ministro ha inoltre ribadito l'intenzione dell'Italia di "
                            "lavorare con i partner.")
    assert meta["kind"] == "press-release"
    assert meta["date"] == "2006-10-16"


def test_a_term_or_seat_on_a_body_is_its_subject(tmp_path: Path) -> None:
    assert _body("South Africa completes its term as an elected member of the United Nations Security "
                 "Council") is None
    assert _body("Ruritania's election to the Human Rights Council") is None
    meta = _draft(tmp_path, "Media Statement\n01 January 2021\nRuritania completes its term on the "
                            "Security Council\nYesterday marked the conclusion of Ruritania’s term, the "
                            "Ministry said.\nThe Minister of Foreign Affairs, Dr Ana Berg, stated: “We are "
                            "proud of our term.”")
    assert meta["kind"] == "press-release"
    assert "body" not in meta.get("event", {})
