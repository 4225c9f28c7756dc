"""Search over statements in seven languages and scripts, driven in headless
Chromium: the header box of every page and the search page find each
statement by a word only it contains, whatever the page's language; filters,
sorting and hostile metadata."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, SHARED, mkdocs_build, page, statement_text
from ranking_fixture import FRENCH_TITLE
from ranking_fixture import files as ranking_files
from search_fixture import NAMES, TEXTS, files

from podium.engine.preview import serve

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Debian's chromium for the browser tests (scripts/setup.sh --test)")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")

PAYLOAD = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
HOSTILE = statement_text(
    body=f"Mr. President,\n\nThe zanzibarian delegation quotes `{PAYLOAD}` verbatim.\n",
    id="hostile", title=f"Title {PAYLOAD}", kind="statement", language="en", date="2024-01-10",
    speaker={"name": f"Speaker {PAYLOAD}"},
    event={"body": f"Body {PAYLOAD}", "session": f"Session {PAYLOAD}", "start": "2024-01-10"})
SHOTS = os.environ.get("PODIUM_SHOTS")
"""A folder to keep the screenshots in, to look at them (else pytest's tmp_path)."""


def write_site(root: Path, statements: dict[str, str], share_below: int = 0, **theme: object) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n\n<!-- podium:latest -->\n", encoding="utf-8")
    (root / "statements").mkdir()
    for name, text in statements.items():
        (root / "statements" / name).write_text(text, encoding="utf-8")
    import yaml
    # By default here one bundle per language, each with its stemmer, however few
    # its statements (`empoisonné` finds `empoisonnement`).
    config = {"site_name": "Test archive", "site_url": "https://example.org/archive/",
              "theme": {"name": "material", **theme},
              "plugins": [{"podium": {"pagefind_share_below": share_below}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("multilingual"), {**files(), "hostile.md": HOSTILE})


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture
def tab(browser):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    assert dialogs == [], "a dialog fired: script from the index ran"
    page.close()


def shot(tab, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(folder / f"{name}.png"))


def header_search(tab, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type into the header box; the titles of the results once they are in."""
    box = tab.locator(".podium-header-search__input")
    # The last query's answer is cleared first: read at once, it passed for this one's.
    tab.evaluate("() => document.querySelectorAll('.podium-header-search .podium-search__status,"
                 " .podium-header-search .podium-results').forEach(e => { e.textContent = ''; })")
    box.fill(query)
    status = tab.locator(".podium-header-search .podium-search__status")
    status.filter(has_text="statement").wait_for(timeout=15_000)
    tab.wait_for_function(
        "() => { const s = document.querySelector('.podium-header-search .podium-search__status');"
        " const n = document.querySelectorAll('.podium-header-search .podium-result').length;"
        " return /No statement/.test(s.textContent) || n === parseInt(s.textContent); }",
        timeout=15_000)
    return tab.locator(".podium-header-search .podium-result__title").all_inner_texts()


def title(language: str) -> str:
    return TEXTS[language][3]


def word(language: str) -> str:
    return TEXTS[language][5]


def url_of(language: str) -> str:
    ident, _, date, *_ = TEXTS[language]
    return f"statements/{date[:4]}/{ident}/"


@pytest.mark.parametrize("language", list(TEXTS))
def test_home_page_search_finds_each_language(tab, base_url: str, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab.goto(base_url)
    assert header_search(tab, word(language)) == [title(language)]
    shot(tab, tmp_path, f"home-{language}")


@pytest.mark.parametrize("language", list(TEXTS))
def test_pages_in_other_languages_reach_every_statement(tab, base_url, language, tmp_path):  # type: ignore[no-untyped-def]
    others = list(TEXTS)
    host = others[(others.index(language) + 3) % len(others)]  # a page in another language
    tab.goto(base_url + url_of(host))
    assert tab.locator("html").get_attribute("lang") == host
    assert header_search(tab, word(language)) == [title(language)]
    result = tab.locator(".podium-header-search .podium-result").first
    assert result.get_attribute("data-language") == language
    assert result.locator(".podium-result__excerpt").get_attribute("lang") == language
    assert result.locator("mark").count() >= 1  # the word is highlighted in the excerpt
    # The interface stays in the site's language (English), not the page's.
    assert tab.locator(".podium-header-search__input").get_attribute("placeholder") == "Search statements"
    shot(tab, tmp_path, f"from-{host}-{language}")


def test_vietnamese_without_diacritics(tab, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab.goto(base_url)
    assert header_search(tab, "nhan quyen") == [title("vi")]
    shot(tab, tmp_path, "vi-no-diacritics")


@pytest.mark.parametrize("query", ["empoisonnement", "l'empoisonnement", "l’empoisonnement",
                                   "L’EMPOISONNEMENT", "empoisonné"])
def test_a_word_after_an_elided_article_is_found(tab, base_url: str, query: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The French text has `empoisonnement` only as `l’empoisonnement` (the
    build curls the apostrophe): found by the bare word, and by the elided
    form with either apostrophe (`empoisonné`, which no statement has, by the
    header box's words that begin with it); the excerpt reads as the page
    does, and the mark is on what was asked: the word, or the elided form."""
    tab.goto(base_url)
    assert header_search(tab, query) == [title("fr")]
    excerpt = tab.locator(".podium-header-search .podium-result__excerpt").first
    text = excerpt.inner_text()
    assert "condamne l’empoisonnement des puits" in text, text
    assert "\u2060" not in text
    marked = "l’empoisonnement" if "’" in query or "'" in query else "empoisonnement"
    assert marked in [m.casefold() for m in excerpt.locator("mark").all_inner_texts()]
    shot(tab, tmp_path, f"elision-{query}")


def test_arabic_excerpt_reads_right_to_left(tab, base_url: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(base_url)
    header_search(tab, word("ar"))
    excerpt = tab.locator(".podium-header-search .podium-result__excerpt").first
    assert excerpt.evaluate("e => getComputedStyle(e).direction") == "rtl"


def test_header_links_to_the_search_page_with_the_query(tab, base_url: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(base_url)
    header_search(tab, "Migranten")
    tab.locator(".podium-header-search .podium-search-more").click()
    tab.wait_for_url("**/search/?query=Migranten")
    tab.locator("#podium-search .podium-result__title", has_text=title("de")).wait_for(timeout=15_000)
    assert tab.locator("#podium-search .podium-search__query").input_value() == "Migranten"


def filter_box(tab, group: str, value: str):  # type: ignore[no-untyped-def]
    return tab.locator(f'.podium-filter[data-filter="{group}"] label', has_text=value)


def test_language_filter_lists_every_language_and_narrows(tab, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab.goto(base_url + "search/")
    filter_box(tab, "language", "Vietnamese").wait_for(timeout=15_000)
    labels = tab.locator('.podium-filter[data-filter="language"] label').all_inner_texts()
    counts = {line.split("\n")[0]: line.split("\n")[-1] for line in labels}
    assert counts == {**{name: "1" for name in NAMES.values()}, "English": "2"}
    filter_box(tab, "language", "French").locator("input").check()
    tab.wait_for_function("document.querySelectorAll('#podium-search .podium-result').length === 1")
    assert tab.locator("#podium-search .podium-result__title").all_inner_texts() == [title("fr")]
    filter_box(tab, "language", "Chinese").locator("input").check()  # French or Chinese
    tab.wait_for_function("document.querySelectorAll('#podium-search .podium-result').length === 2")
    shot(tab, tmp_path, "language-filter")
    # A query narrows within the chosen languages: a German word finds nothing here.
    tab.locator("#podium-search .podium-search__query").fill("Migranten")
    tab.locator("#podium-search .podium-search__status", has_text="No statement").wait_for(timeout=15_000)


def test_sorting_by_date_spans_every_bundle(tab, base_url: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(base_url + "search/?sort=asc")
    filter_box(tab, "body", "Human Rights Council").locator("input").check()
    tab.wait_for_function("document.querySelectorAll('#podium-search .podium-result').length === 7")
    titles = tab.locator("#podium-search .podium-result__title").all_inner_texts()
    by_date = [title(lang) for lang in sorted(TEXTS, key=lambda lang: TEXTS[lang][2])]
    assert titles == by_date
    tab.locator("#podium-sort").select_option("desc")
    first = "document.querySelector('#podium-search .podium-result__title')?.textContent"
    tab.wait_for_function(f"{first} === {by_date[-1]!r}")


def test_hostile_metadata_stays_text_in_every_search_view(tab, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab.goto(base_url)
    assert header_search(tab, "zanzibarian") == [f"Title {PAYLOAD}"]
    meta = tab.locator(".podium-header-search .podium-result__meta").first.inner_text()
    assert f"Speaker {PAYLOAD}" in meta and f"Session {PAYLOAD}" in meta
    assert PAYLOAD in tab.locator(".podium-header-search .podium-result__excerpt").first.inner_text()
    tab.goto(base_url + "search/?query=zanzibarian&sort=desc")
    tab.locator("#podium-search .podium-result").first.wait_for(timeout=15_000)
    filter_box(tab, "body", f"Body {PAYLOAD}").wait_for(timeout=15_000)
    assert tab.locator("#podium-search img, #podium-search script").count() == 0
    tab.wait_for_timeout(500)  # any onerror would have fired by now
    shot(tab, tmp_path, "hostile")


def test_small_languages_in_one_bundle_are_each_found(tab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """With Podium's default, the six languages of one statement each that
    Pagefind does not segment share one bundle: one runtime for a first
    search instead of six. Each statement is still found by its word, and
    its result carries its own language."""
    site = write_site(tmp_path, files(), share_below=20)
    manifest = json.loads((site / "pagefind" / "podium-bundles.json").read_text())
    assert sorted(b["path"] for b in manifest["bundles"]) == ["mul-0/", "zh-0/"]
    with serve(site) as url:
        for language in ["fr", "ru", "ar", "en"]:
            tab.goto(url)
            assert header_search(tab, word(language)) == [title(language)]
            result = tab.locator(".podium-header-search .podium-result").first
            assert result.get_attribute("data-language") == language


def test_a_french_site_has_a_french_search_interface(tmp_path: Path) -> None:
    site = write_site(tmp_path, files(), language="fr")
    home = page(site, "")
    box = home.select_one(".podium-header-search__input")
    assert box is not None and box["placeholder"] == "Rechercher des déclarations"
    search = page(site, "search/").select_one("#podium-search")
    assert search is not None and "Plus récentes" in search.get_text()
    assert "Langue" in search["data-strings"]


# --- merging bundles by relevance --------------------------------------------

@pytest.fixture(scope="module")
def ranking(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(write_site(tmp_path_factory.mktemp("ranking"), ranking_files())) as url:
        yield url


def search_page_titles(tab, url: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    tab.goto(url + "search/?query=" + query)
    status = tab.locator("#podium-search .podium-search__status")
    status.filter(has_text="statement").wait_for(timeout=15_000)
    count = int(status.inner_text().split()[0])
    tab.wait_for_function(f"document.querySelectorAll('#podium-search .podium-result').length === {count}")
    return tab.locator("#podium-search .podium-result__title").all_inner_texts()


def test_a_longer_word_that_begins_with_the_query_is_not_a_match(tab, ranking: str) -> None:  # type: ignore[no-untyped-def]
    """Pagefind's English bundle alone answers `Navalny` with `naval` (its
    longest indexed prefix): five short speeches that never name him. Podium
    asks for the word itself, so only the French text that names Navalny is
    found, and `naval` finds the five speeches and not the French text."""
    assert search_page_titles(tab, ranking, "Navalny") == [FRENCH_TITLE]
    tab.goto(ranking)
    assert header_search(tab, "navalny") == [FRENCH_TITLE]
    titles = search_page_titles(tab, ranking, "naval")
    assert len(titles) == 5 and FRENCH_TITLE not in titles


# --- the index in pieces: real speeches of 1946 and 2025 --------------------

ARCHIVE = SHARED / "corpora" / "ungdc-1946-2025.tar.xz"
SPEECHES = [f"ungdc/Session 01 - 1946/{c}_01_1946.txt" for c in ("ARG", "AUS", "BEL", "CAN")] + \
           [f"ungdc/Session 80 - 2025/{c}_80_2025.txt" for c in ("AGO", "ALB", "ARG", "AUS")]


@pytest.fixture(scope="module")
def pieces(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """Eight UNGDC speeches indexed with a budget so small that they make several
    bundles; yields the address and, for each speech, a word only it contains."""
    if not ARCHIVE.exists():
        pytest.skip("the shared corpora are not here")
    from podium.ingest import corpus
    from podium.model.collection import load_collection
    from podium.text.normalise import words

    root = tmp_path_factory.mktemp("ungdc")
    corpus.write_statements(ARCHIVE, root / "statements", only=SPEECHES)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# UNGDC\n", encoding="utf-8")
    import yaml
    config = {"site_name": "UNGDC", "site_url": "https://example.org/", "theme": {"name": "material"},
              "plugins": [{"podium": {"pagefind_budget": 40_000}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((root / "site/pagefind/podium-bundles.json").read_text(encoding="utf-8"))
    assert len(manifest["bundles"]) >= 3
    vocab = {st.meta.title: {w for w in words(st.body) if w.isalpha() and len(w) > 6}
             for st in load_collection(root / "statements")}
    only = {title: ws - set().union(*(v for t, v in vocab.items() if t != title))
            for title, ws in vocab.items()}
    unique = {title: min(ws) for title, ws in only.items() if ws}  # real texts: some are stubs
    with serve(root / "site") as url:
        yield url, unique


def test_one_box_finds_speeches_of_1946_and_2025_across_bundles(tab, pieces) -> None:  # type: ignore[no-untyped-def]
    url, unique = pieces
    tab.goto(url)
    for year in ("1946", "2025"):
        title, word = next((t, w) for t, w in sorted(unique.items()) if year in t)
        assert title in header_search(tab, word), (year, word)


def test_date_order_spans_the_bundles(tab, pieces) -> None:  # type: ignore[no-untyped-def]
    url, _ = pieces
    tab.goto(url + "search/?query=peace&sort=asc")
    result = "#podium-search .podium-result__meta"
    tab.locator(result).first.wait_for(timeout=15_000)
    status = tab.locator("#podium-search .podium-search__status").inner_text()
    tab.wait_for_function(f"document.querySelectorAll('{result}').length === {int(status.split()[0])}")
    years = [meta.split(" · ")[0][-4:] for meta in tab.locator(result).all_inner_texts()]
    assert years == sorted(years) and {"1946", "2025"} <= set(years)
    tab.locator("#podium-sort").select_option("desc")
    tab.wait_for_function(f"(document.querySelector('{result}') || {{}}).textContent?.includes('2025')")
