"""What a text is and who speaks in it, read from its shape in many languages (issue 27, third
round): release markers and press contacts, a text that never speaks for itself, transcripts,
joint communiqués, lists of countries, a country's own sentences, heads in another language,
Japanese dates and names, offices and presidencies. Texts written for these tests."""

from __future__ import annotations

from pathlib import Path

from podium.ingest import make_draft
from podium.ingest.dates import all_dates
from podium.ingest.events import find_body, find_session
from podium.ingest.news import kind_of, speaks_itself
from podium.ingest.people import japanese_speaker, russian_speaker
from podium.ingest.places import find_delegation, government_site, issuer, own_country
from podium.ingest.reader import read


def _draft(tmp_path: Path, text: str, name: str = "t.txt") -> dict[str, object]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return make_draft(read(path), path).meta


def _days(text: str, language: str = "en", any_language: bool = False) -> list[str]:
    return [f[1].isoformat() for f in all_dates(text, language, any_language)]


def test_a_release_says_what_it_is_or_gives_a_press_contact() -> None:
    assert kind_of("MEDIA RELEASE MINISTER FOR TRADE\nNew trade office opens", ["New trade office opens"],
                   False) == "press-release"
    assert kind_of("Misión ante las Naciones Unidas\nPara su divulgación inmediata", ["Texto."],
                   False) == "press-release"
    contact = ["The Minister will travel to Geneva.", "Media inquiries: press office, +1 555 0100"]
    assert kind_of("Minister to travel to Geneva", contact, False) == "press-release"
    # 'for release' inside a sentence is no marker
    prose = ["We call for release of all hostages and for an end to the fighting in the region."]
    assert kind_of("Statement at the Council", prose, True) is None


def test_a_text_that_never_speaks_for_itself_and_reports_is_a_release() -> None:
    paragraphs = ["The Minister announced today that the country will host the conference in June.",
                  "“We are proud to welcome our partners,” the Minister said."]
    assert speaks_itself(paragraphs, "en") is False  # the first person only inside a quotation
    assert kind_of("Country to host conference", paragraphs, False) == "press-release"
    swedish = ["– Vi välkomnar beslutet, säger utrikesministern.", "Mötet hålls i Bryssel."]
    assert speaks_itself(swedish, "sv") is False  # a dash opens a quotation
    assert kind_of("Utrikesministern deltog", swedish, False, "sv") == "press-release"
    stated = ["The Council condemns the attack in the strongest terms and calls for restraint."]
    assert kind_of("Statement", stated, False) is None  # takes a position, tells nothing done
    assert speaks_itself(["نحن ندين الهجوم"], "ar") is None  # first person as an ending: not known


def test_a_transcript_is_an_interview() -> None:
    lines = ["JOURNALIST: Will you meet the President?", "PRIME MINISTER: Yes, tomorrow morning."]
    assert kind_of("Transcript", lines, False) == "interview"
    assert kind_of("Doorstop - New York", ["PRIME MINISTER: Good morning everyone, thanks for coming."],
                   False, top="Doorstop - New York") == "interview"
    russian = ["11 января 2023", "Вопрос: Как Вы прокомментируете решение?", "Ответ: Мы его приветствуем."]
    assert kind_of("Ответ на вопрос СМИ", russian, False, "ru") == "interview"


def test_a_joint_communique_by_its_name_or_its_voice() -> None:
    assert kind_of("Gemensam kommuniké från besöket", ["Text."], False, "sv",
                   top="Gemensam kommuniké från besöket") == "joint-statement"
    we = ["Nous, ministres des Affaires étrangères de la France, de l’Italie et de l’Espagne, condamnons."]
    assert kind_of("Déclaration", we, False, "fr", top="Déclaration") == "joint-statement"
    numbered = ["1. Le 3 mars 2019, les ministres des Affaires étrangères se sont réunis à Rome."]
    assert kind_of("Texte intégral", numbered, False, "fr") == "joint-statement"
    # a joint communiqué named first, though it also calls itself a communiqué
    assert kind_of("Communiqué conjoint des deux ministres", ["Texte."], False, "fr",
                   top="Communiqué conjoint des deux ministres") == "joint-statement"


def test_countries_in_a_pair_or_a_list_are_not_one_speaking() -> None:
    assert issuer("Visioconférence entre les ministres des Affaires étrangères d’Arménie et d’Azerbaïdjan",
                  "fr") is None
    assert find_delegation("Visit to the UK, Spain, Germany and Russia") is None
    assert find_delegation("Remarks at a Security Council Briefing Called by Russia") is None
    assert find_delegation("Statement by the Permanent Mission of India") == "IND"


def test_a_statement_names_its_own_country() -> None:
    paragraphs = ["Mr. President, Sweden fully supports the efforts of the Secretary-General.",
                  "Sweden will host a forum this spring. Sweden welcomes the report.",
                  "Syria must allow access. Sweden stands ready to help."]
    assert own_country(paragraphs) == "SWE"  # opens three sentences, twice as often as any other
    assert own_country(paragraphs[:2]) is None  # twice is not enough
    assert own_country(["Mi país, Colombia, tiene una posición de principios."], "es") == "COL"
    assert own_country(["Ukraine is attacked. Russia must withdraw. Ukraine needs help."]) is None


def test_a_head_in_another_language_than_the_speech(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Виступ делегації України на засіданні Ради Безпеки ООН\n\n"
                            "Виступ делегації України на засіданні Ради Безпеки ООН\n\n"
                            "Mr. President,\n\nI thank the briefers. The aggression of russia continues and "
                            "we call on all members of this Council to act now against it.")
    assert meta.get("delegation") == "UKR"
    assert _days("Stockholm den 17 januari 2017. Det talade ordet gäller.", "en") == []
    assert _days("Stockholm den 17 januari 2017. Det talade ordet gäller.", "en", True) == ["2017-01-17"]


def test_japanese_era_dates_names_and_topics() -> None:
    assert _days("令和5年9月13日 閣議決定", "ja") == ["2023-09-13"]
    assert _days("平成30年10月2日", "ja") == ["2018-10-02"]
    assert _days("令和元年9月11日", "ja") == ["2019-09-11"]
    found = japanese_speaker("国連総会で安倍総理が演説\n日本の安倍晋三総理大臣は21日に演説を行い")
    assert found is not None and found.name == "安倍晋三"
    assert japanese_speaker("内閣総理大臣談話") is None  # an office, no name
    assert find_delegation("北朝鮮による弾道ミサイル発射について(外務大臣談話)", "ja") is None


def test_year_first_dates_and_a_date_the_first_paragraph_opens_with(tmp_path: Path) -> None:
    assert _days("등록일 : 2022.05.27", "ko") == ["2022-05-27"]
    meta = _draft(tmp_path, "Réunion des ministres\n\nLe 24 septembre 1998, les ministres des Affaires "
                            "étrangères des cinq membres permanents se sont entretenus avec le Secrétaire "
                            "général. Ils ont réaffirmé leur soutien à l'Organisation.")
    assert meta.get("date") == "1998-09-24"
    story = _draft(tmp_path, "Rede des Außenministers\n\nSehr geehrte Frau Präsidentin,\n\n"
                             "am 10. Dezember 1932 verließ Albert Einstein Deutschland, und wir erinnern uns "
                             "heute daran, was das für die Welt bedeutet hat.", "story.txt")
    assert story.get("date") is None  # a speech's story, once it has addressed the room
    told = _draft(tmp_path, "Statement on the anniversary\n\nOn 24 February 2022 we watched in horror as "
                            "the invasion began, and we have stood with our friends every day since then.",
                  "told.txt")
    assert told.get("date") is None  # an opening date told in the first person is what the text recalls


def test_release_publishers_from_the_text(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Ambassador chairs Council meeting\n\n"
                            "Mission of Ruritania to the United Nations\nFor immediate release\n\n"
                            "The Ambassador chaired a meeting of the Council today. "
                            "“The situation is grave,” she said.")
    assert meta.get("kind") == "press-release"
    assert meta.get("source", {}).get("publisher") == "Mission of Ruritania to the United Nations"
    front = _draft(tmp_path, '---\ntitle: "Aid to refugees"\ndate: "1988-10-11"\nsource: "Minister for '
                             'Foreign Affairs"\n---\n\nThe country will provide aid, the Minister announced '
                             'today.', "front.txt")
    assert front.get("source", {}).get("publisher") == "Minister for Foreign Affairs"


def test_a_womans_surname_in_the_genitive() -> None:
    found = russian_speaker("Ответ официального представителя МИД России М.В.Захаровой на вопрос СМИ")
    assert found is not None and found.name == "М.В. Захарова"


def test_offices_presidencies_and_the_body_addressed(tmp_path: Path) -> None:
    assert find_delegation("Willkommen auf den Seiten des Auswärtigen Amts\nRede in New York", "de") == "DEU"
    assert find_body("Présidence française du Conseil de sécurité (mars 2019)") is None
    reform = find_body("Réforme du Conseil de sécurité - Intervention - Assemblée générale")
    assert reform is not None and reform.value == "General Assembly"  # the Council's reform is a subject
    meta = _draft(tmp_path, "Przemówienie\n\nSzanowny Panie Przewodniczący,\n\nTegoroczna 75. Sesja "
                            "Zgromadzenia Ogólnego ONZ jest wyjątkowa i my wszyscy to widzimy.")
    assert meta.get("event", {}).get("body") == "General Assembly"


def test_a_speech_to_a_national_parliament(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "PROGRAMME FOR THE FINANCIAL YEAR\nPRESENTED TO THE NATIONAL ASSEMBLY\n\n"
                            "Honourable Members of Parliament,\n\nLadies and Gentlemen,\n\n"
                            "I have the honour to present to you the programme of the Government.")
    assert meta.get("kind") == "speech"
    council = _draft(tmp_path, "Statement at the Security Council\n\nMr. President,\n\n"
                               "I thank the briefers for their work and we support the mission.",
                     "council.txt")
    assert council.get("kind") == "statement"  # delivered at an intergovernmental body


def test_a_joint_statement_keeps_the_one_who_delivered_it(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Statement by Ambassador Anna Lind on behalf of Denmark, Finland, Iceland, "
                            "Norway and Sweden\n\nMr. President,\n\nWe welcome the report and thank the High "
                            "Commissioner for her work.")
    assert meta.get("kind") == "joint-statement"
    assert meta.get("speaker", {}).get("name") == "Anna Lind"
    signed = _draft(tmp_path, "Communiqué conjoint de Jean Martin et de Hans Weber\n\nNous, ministres des "
                              "Affaires étrangères de la France et de l'Allemagne, avons rencontré "
                              "aujourd'hui nos partenaires.", "signed.txt")
    assert signed.get("kind") == "joint-statement" and "speaker" not in signed


def test_a_hard_wrapped_line_of_prose_is_no_place_and_date(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "Belgium echoes the congratulations extended to the President on his\n"
                            "election, and wishes him every success. Our world is changing and becoming\n"
                            "increasingly multipolar. In that regard, 8 August 2008\n"
                            "will remain symbolic for the balance of the continent.")
    assert meta.get("date") is None
    dated = _draft(tmp_path, "Discurso\n\nNaciones Unidas, 24 de septiembre de 2024\n\nSeñor Presidente:\n\n"
                             "Agradezco la palabra.", "dated.txt")
    assert dated.get("date") == "2024-09-24"


def test_one_the_opening_congratulates_is_not_the_speaker(tmp_path: Path) -> None:
    meta = _draft(tmp_path, "On behalf of the delegation of Benin and on behalf of the\nGovernment and the "
                            "people of Benin, I should like to extend\nmy warm congratulations to Ambassador "
                            "Insanally on his\nelection to the presidency of the Assembly.\n\nThe world is "
                            "changing and we must change with it, together, in this Assembly.")
    assert "speaker" not in meta


def test_a_name_cut_at_a_line_end_is_joined_or_listed_for_review(tmp_path: Path) -> None:
    joined = _draft(tmp_path, "Statement by H.E. Netumbo Nandi -Ndaitwah,\nPresident of the Republic of "
                              "Namibia\n\nMr. President,\n\nWe meet at a time of great change for us all.")
    assert joined.get("speaker", {}).get("name") == "Netumbo Nandi-Ndaitwah"
    cut = _draft(tmp_path, "Statement by H.E. Mr. Sihasak P huangketk eow\n\nMr. President,\n\n"
                           "We meet at a time of great change for us all.", "cut.txt")
    assert cut.get("speaker", {}).get("name") == "Sihasak P"
    assert "speaker" in cut.get("review", [])  # written as the text breaks it, and listed to check


def test_a_chair_speaks_for_the_group_and_an_election_names_a_session_to_come(tmp_path: Path) -> None:
    chair = _draft(tmp_path, "Statement by H.E. Mr. Abebe Kebede, Ambassador of Ethiopia, Chair of the Group "
                             "of 77 in Nairobi\n\nMr. Chairperson,\n\nI am honored to speak on behalf of the "
                             "Group of 77 and China. The Group welcomes the outcome of the Assembly.")
    assert chair.get("delegation") == "G77"
    aligned = _draft(tmp_path, "Statement by Ambassador Ravi Kumar of India\n\nMr. President,\n\nAllow me to "
                               "align myself with the statement made by Algeria on behalf of the Non-Aligned "
                               "Movement. We thank you for convening this meeting.", "aligned.txt")
    assert aligned.get("delegation") == "IND"
    election = _draft(tmp_path, "Election of the President of the General Assembly for the sixty-fourth "
                                "session\n\nH.E. Ambassador Ali Hassan\nPermanent Representative of Qatar\n\n"
                                "Mr. President,\n\nWe congratulate the President-elect on his election.",
                      "election.txt")
    assert election.get("event", {}).get("body") == "General Assembly"
    assert "session" not in election.get("event", {})


def test_titles_in_chinese_script_with_a_date_and_after_a_skip_link(tmp_path: Path) -> None:
    japanese = _draft(tmp_path, "本文へスキップします。\n\n内閣総理大臣談話\n\n令和5年9月13日\n閣議決定\n\n"
                                "私たちは、歴史の転換点ともいえる状況を迎えています。本日、内閣を改造いたしました。")
    assert japanese.get("title") == "内閣総理大臣談話" and "title" not in japanese.get("review", [])
    dated = _draft(tmp_path,
                   "Ukraine - Déclaration des ministres des Affaires étrangères du G7 (18 mars 2021)\n\n"
                   "Nous, ministres des Affaires étrangères, condamnons unanimement ces actions.",
                   "dated.txt")
    assert dated.get("title") == ("Ukraine - Déclaration des ministres des Affaires étrangères du G7 "
                                  "(18 mars 2021)")


def test_titles_skip_menus_and_letterheads_and_stop_at_the_date_line(tmp_path: Path) -> None:
    menu = _draft(tmp_path, "首页 会议与发言 常驻团活动 中国与联合国 联合国会议文件 English\n\n"
                            "吴海涛大使在第73届联合国大会全会的发言\n\n"
                            "主席先生：中方欢迎大会就此议题举行辩论。我们支持联合国在国际事务中发挥核心作用。")
    assert menu.get("title") == "吴海涛大使在第73届联合国大会全会的发言"
    letterhead = _draft(tmp_path, "REPUBLIQUE DU CAMEROUN REPUBLIC OF CAMEROON PAIX-TRAVAIL-PATRIE\n\n"
                                  "GOVERNMENT'S ECONOMIC, FINANCIAL, SOCIAL\n\nAND CULTURAL PROGRAMME\n\n"
                                  "The Government has pursued its programme of reforms throughout the year, "
                                  "and this report sets out what it achieved.", "letterhead.txt")
    assert letterhead.get("title") == "GOVERNMENT'S ECONOMIC, FINANCIAL, SOCIAL AND CULTURAL PROGRAMME"
    polish = _draft(tmp_path, "Wystąpienie Prezydenta RP\nna 73. sesji Zgromadzenia Ogólnego ONZ\n"
                              "26 września 2018 r.Wielce Szanowna Pani Przewodnicząca,\n\n"
                              "Gratuluję Pani wyboru na tę zaszczytną funkcję. Zapewniam o pełnym poparciu.",
                    "polish.txt")
    assert polish.get("title") == "Wystąpienie Prezydenta RP na 73. sesji Zgromadzenia Ogólnego ONZ"
    assert polish.get("delegation") == "POL"


def test_a_government_site_names_its_country_and_japanese_offices_name_japan(tmp_path: Path) -> None:
    assert government_site("http://parlinfo.aph.gov.au/parlInfo/x") == "AUS"
    assert government_site("https://www.gov.uk/government/news/x") == "GBR"
    assert government_site("https://usun.usmission.gov/remarks") == "USA"
    assert government_site("https://www.un.org/press/en") is None
    release = _draft(tmp_path, "---\ntitle: \"Visit to Europe\"\nsource_url: http://parlinfo.aph.gov.au/x\n---\n\n"
                               "MEDIA RELEASE MINISTER FOR FOREIGN AFFAIRS\n\n"
                               "The Minister for Foreign Affairs will visit Europe next week, the Minister "
                               "announced today. Australia and the United Kingdom will hold talks.", "r.txt")
    assert release.get("delegation") == "AUS"
    japanese = _draft(tmp_path, "内閣総理大臣談話\n\n令和5年9月13日\n\n"
                                "私たちは、歴史の転換点ともいえる状況を迎えています。本日、内閣を改造いたしました。",
                      "ja.txt")
    assert japanese.get("delegation") == "JPN"


def test_a_japanese_report_past_its_skip_links_reports_in_the_third_person(tmp_path: Path) -> None:
    report = _draft(tmp_path, "本文へスキップします。\n\n• プリント\n\nここから本文です。\n\n"
                              "国連総会で一般討論 ― 安倍総理、21日に演説\n\n2016年09月23日\n\n"
                              "国連総会において、9月20日から26日までの日程で、一般討論が行われています。\n\n"
                              "日本の安倍晋三総理大臣は21日に演説を行い、安保理が明確な態度をとることを求める考えを述べました。"
                              "また、日本は核兵器の廃絶に向けて取り組んできたことを強調しました。"
                              "さらに、安保理改革が急務であることを訴えました。", "ja-report.txt")
    assert report.get("kind") == "news-report"
    assert report.get("speaker", {}).get("name") == "安倍晋三"


def test_a_pages_copyright_holder_publishes_it(tmp_path: Path) -> None:
    page = _draft(tmp_path, "<html><head><title>Vaccines - Press Releases - Portal</title></head><body>"
                            "<article><h1>UAE CONTRIBUTES VACCINES TO MALAYSIA</h1>"
                            "<p>The Government of Malaysia has today received 500,000 doses of vaccine "
                            "from the United Arab Emirates, the Ministry announced.</p></article>"
                            "<footer><p>© 2018 Ministry of Foreign Affairs, Malaysia. All Rights Reserved</p>"
                            "</footer></body></html>", "page.html")
    assert page.get("source", {}).get("publisher") == "Ministry of Foreign Affairs of Malaysia"


def test_sessions_in_spanish_words_ocr_ordinals_and_on_a_line_of_their_own(tmp_path: Path) -> None:
    spanish = find_session("Septuagésimo segundo período de sesiones de la Asamblea General")
    assert spanish is not None and spanish.value == "72nd session"
    italian = _draft(tmp_path,
                     "Intervento del Presidente Meloni alla 79? Assemblea\nGenerale delle Nazioni Unite\n\n"
                     "Signor Presidente, signor Segretario Generale,\n\n"
                     "Viviamo in un'epoca molto complessa, e le sfide del nostro tempo sono comuni.")
    assert italian.get("title") == \
        "Intervento del Presidente Meloni alla 79? Assemblea Generale delle Nazioni Unite"
    assert italian.get("event", {}).get("session") == "79th session"
    head = _draft(tmp_path,
                  "Declaraciones Consejo de Derechos Humanos\n\n"
                  "Septuagésimo segundo período de sesiones de la Asamblea General\n\n02 noviembre 2017\n\n"
                  "Declaración de S.E. Embajador Joaquín Maza Martelli, Salón de la Asamblea General, "
                  "2 de noviembre de 2017\n\nSeñor Presidente,\n\n"
                  "Es un honor presentar el informe anual del Consejo a esta Asamblea.", "es.txt")
    assert head.get("event", {}).get("body") == "General Assembly"
    assert head.get("event", {}).get("session") == "72nd session"


def test_a_speech_to_a_national_parliament_names_it(tmp_path: Path) -> None:
    bundestag = _draft(tmp_path,
                       "Rede von Außenminister Heiko Maas vor dem Deutschen Bundestag zur Bilanz der "
                       "deutschen Mitgliedschaft im Sicherheitsrat\n\n26.11.2020\n\n"
                       "Herr Präsident! Liebe Kolleginnen und Kollegen!\n\n"
                       "Wir haben in den vergangenen zwei Jahren im Sicherheitsrat viel erreicht.", "de.txt")
    assert bundestag.get("event", {}).get("body") == "Bundestag" and bundestag.get("kind") == "speech"
