"""Statements in several languages: html lang, language switcher, translated
interface strings, dates in the text's language, search languages."""

from __future__ import annotations

import json

import pytest
from conftest import SiteBuilder, page, statement_text

from podium.site.i18n import Strings, autonym, available, date, date_range

EVENT = {"body": "Human Rights Council", "session": "57th session",
         "start": "2024-09-09", "end": "2024-10-11"}


def version(language: str, title: str, body: str, original: bool = False) -> str:
    """Mexico's statement at the 57th session, in one language (a fixture of ours)."""
    related = [] if original else [{"id": "mex-hrc-57-en", "relation": "translation-of"}]
    return statement_text(body=body, id=f"mex-hrc-57-{language}", title=title, kind="statement",
                          language=language, date="2024-09-12", delegation="MEX", event=EVENT,
                          related=related)


EN = version("en", "Statement of Mexico", "Madam President,\n\nWe welcome the report of the "
             "Secretary-General.\n\nThank you.\n", original=True)
FR = version("fr", "Déclaration du Mexique", "Madame la Présidente,\n\nNous saluons le rapport du "
             "Secrétaire général.\n\nMerci.\n")
VI = version("vi", "Phát biểu của Mexico", "Thưa Chủ tịch,\n\nChúng tôi hoan nghênh báo cáo của "
             "Tổng Thư ký.\n\nXin cảm ơn.\n")
FILES = {"en.md": EN, "fr.md": FR, "vi.md": VI}


def test_catalogues_cover_every_english_key() -> None:
    assert available() == ["en", "fr", "vi"]
    for lang in ["fr", "vi"]:
        t = Strings(lang)
        for key in ["panel.speaker", "relation.reports-on.inverse", "title_supplied", "kind.news-report"]:
            assert t(key) != Strings("en")(key), (lang, key)


def test_dates_in_the_texts_language() -> None:
    from podium.model.dates import PartialDate

    d = PartialDate(2023, 12, 2)
    assert [date(d, lang) for lang in ["en", "fr", "vi", "es"]] == [
        "2 December 2023", "2 décembre 2023", "2 tháng 12, 2023", "2 de diciembre de 2023"]
    assert [date(PartialDate(2023, 12), lang) for lang in ["en", "fr", "vi", "es"]] == [
        "December 2023", "décembre 2023", "tháng 12 năm 2023", "diciembre de 2023"]
    assert date_range(PartialDate(2023, 11, 27), PartialDate(2023, 11, 29), "fr") == "27–29 novembre 2023"
    assert autonym("vi") == "Tiếng Việt" and autonym("fr") == "Français"


def test_html_lang_and_language_switcher(temp_site: SiteBuilder) -> None:
    result, site = temp_site(FILES)
    assert result.returncode == 0, result.stderr
    fr = page(site, "statements/2024/mex-hrc-57-fr/")
    assert fr.html["lang"] == "fr"
    switch = {a.get_text(): a["href"] for a in fr.select(".podium-languages a")}
    assert switch == {"English": "../mex-hrc-57-en/", "Tiếng Việt": "../mex-hrc-57-vi/"}
    en = page(site, "statements/2024/mex-hrc-57-en/")
    assert en.html["lang"] == "en"
    assert {a.get_text() for a in en.select(".podium-languages a")} == {"Français", "Tiếng Việt"}
    assert en.select_one('.podium-languages a[hreflang="fr"]')
    # Dates on a statement page are in the statement's language.
    assert "12 septembre 2024" in fr.select_one(".podium-meta").get_text()
    assert "12 September 2024" in en.select_one(".podium-meta").get_text()
    # Salutations and closings are recognised in every language.
    assert fr.select_one(".podium-salutation").get_text().startswith("Madame la Présidente")
    assert page(site, "statements/2024/mex-hrc-57-vi/").select_one(".podium-closing")


def test_index_pages_show_the_language(temp_site: SiteBuilder) -> None:
    result, site = temp_site(FILES)
    assert result.returncode == 0, result.stderr
    metas = [s.get_text() for s in page(site, "delegations/mex/").select(".podium-entry-meta")]
    assert sum("French" in m for m in metas) == 1 and sum("Vietnamese" in m for m in metas) == 1
    assert page(site, "languages/").select_one("table").get_text().count("French") == 1


@pytest.mark.parametrize(("language", "label", "reported"), [
    ("fr", "Délégation", "Langues"), ("vi", "Phái đoàn", "Ngôn ngữ")])
def test_interface_follows_theme_language(temp_site: SiteBuilder, language: str, label: str,
                                          reported: str) -> None:
    theme = {"theme": {"name": "material", "language": language}}
    result, site = temp_site(FILES, site=theme)
    assert result.returncode == 0, result.stderr
    dts = [d.get_text() for d in page(site, "statements/2024/mex-hrc-57-en/").select(".podium-meta dt")]
    assert label in dts
    assert page(site, "languages/").select_one("h1").get_text().startswith(reported)


def test_search_covers_the_collections_languages(temp_site: SiteBuilder) -> None:
    """With Material's lunr `search` turned back on (a warning names its cost)."""
    result, site = temp_site(FILES, strict=False, site={"plugins": ["search", "podium"]})
    assert result.returncode == 0, result.stderr
    assert "Material's `search` plugin (lunr) is on" in result.stderr
    config = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["en", "fr", "vi"]
