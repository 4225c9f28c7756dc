"""The import read by structure and by language data rather than by the shapes of one set of
texts (issue 27): site notices passed over, a page's period banner not taken for a date, a
country's genitive and role words in more languages, a body that is the speaker's office or
whose session it is, a country not taken for a person. Texts written for these tests."""

from __future__ import annotations

from pathlib import Path

from ingest_helpers import body_of as _body
from ingest_helpers import draft_of as _draft

from podium.ingest.events import find_session
from podium.ingest.places import find_delegation


def test_a_period_a_page_states_about_itself_is_not_the_date(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Innehållet publicerades under perioden 9 juli 2021 och 30 november 2021\n\n"
                            "Anförande av statsminister Anna Berg vid FN:s generalförsamling\n\n"
                            "Statsminister Anna Berg, FN:s generalförsamling, den 24 september 2021\n\n"
                            "Era excellenser, vi står inför utmaningar som vi måste möta tillsammans i dag.")
    assert meta.get("date") == "2021-09-24"


def test_a_cookie_notice_does_not_end_the_head(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Questo sito utilizza cookies tecnici (necessari) e analitici. Proseguendo nella "
                            "navigazione accetti l'utilizzo dei cookies.\n\n"
                            "Intervento del Rappresentante Permanente d’Italia alle Nazioni Unite, "
                            "Amb. Marco Rossi, al Consiglio di Sicurezza ONU\n\nSignora Presidente,\n\n"
                            "L’Italia si allinea.")
    assert meta.get("delegation") == "ITA"
    assert meta.get("event") == {"body": "Security Council"}


def test_a_genitive_names_the_country_that_speaks() -> None:
    assert find_delegation("Anförande av Sveriges statsminister vid generalförsamlingen", "sv") == "SWE"


def test_a_body_that_is_the_speakers_office_is_not_where_he_speaks() -> None:
    head = ("Declaración del Presidente del Consejo de Derechos Humanos\n"
            "Septuagésimo segundo período de sesiones de la Asamblea General")
    assert _body(head) == "General Assembly"
    assert _body("Statement by the President of the Security Council") == "Security Council"  # the only one


def test_the_body_whose_session_it_is_wins_and_a_committee_of_it_is_kept() -> None:
    text = ("Statement at the Third Committee of the 62nd session of the General Assembly on the Human "
            "Rights Council")
    assert _body(text) == "General Assembly Third Committee"


def test_swedish_ordinals_give_the_session() -> None:
    found = find_session("vid den 75:e sessionen i FN:s generalförsamling")
    assert found is not None and found.value == "75th session"


def test_a_country_is_not_taken_for_the_speaker(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "DISCURSO\nDO PRIMEIRO-MINISTRO DE TIMOR-LESTE\nJOÃO DA SILVA\n"
                            "Parlamento Nacional, Díli, 28 de setembro de 2021\n\n"
                            "Sua Excelência, Senhor Presidente do Parlamento Nacional,\n\n"
                            "No dia em que debatemos o pedido de renovação, gostaria de renovar a mensagem.")
    speaker = meta.get("speaker")
    assert isinstance(speaker, dict) and speaker["name"].casefold() == "joão da silva"  # under the role
