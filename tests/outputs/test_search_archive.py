"""The search page as a research tool, on a small archive of invented general
debate statements (tests/archive_fixture.py): counts that are those of the
statements holding the word, highlights on it, the search in the address,
mentions over time, the phone layout, axe. Screenshots go to PODIUM_SHOTS
when it is set, to look at them."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from archive_fixture import containing
from archive_fixture import files as archive_files
from archive_fixture import statements as archive_statements
from conftest import CHROMIUM, mkdocs_build

from podium.engine.preview import serve

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Debian's chromium for the browser tests (scripts/setup.sh --test)")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")

SHOTS = os.environ.get("PODIUM_SHOTS")
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
WORDS = ["naval", "Navalny", "apart", "apartheid", "nation", "climate", "droits de l'homme", "determination",
         "determined", "vaccine", "right", "self-determination", "Sputnik-V", "Sputnik", "rights", "peace"]
"""Words that begin longer words of the archive, words of one stem, hyphenated
words and words beside a dash, and a phrase beside a longer one."""


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The archive as a site whose mkdocs.yml says nothing of fonts, with a repository link."""
    import yaml

    root = tmp_path_factory.mktemp("archive")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n\n<!-- podium:latest -->\n", encoding="utf-8")
    (root / "statements").mkdir()
    for name, text in archive_files().items():
        (root / "statements" / name).write_text(text, encoding="utf-8")
    config = {"site_name": "Test archive", "site_url": "https://example.org/archive/",
              "repo_url": "https://github.com/example/archive", "theme": {"name": "material"},
              "plugins": [{"podium": {}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


def open_page(browser, size: dict[str, int], scheme: str = "light"):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=size, color_scheme=scheme)
    page.set_default_timeout(15_000)
    return page


def shot(page, tmp_path: Path, name: str, full: bool = False) -> None:  # type: ignore[no-untyped-def]
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=full)


def status_count(page) -> int:  # type: ignore[no-untyped-def]
    """The count the search page states, once it has settled: a count, the same twice
    0.3 s apart (the status says "Searching…" between two searches)."""
    status = page.locator("#podium-search .podium-search__status")
    settled = re.compile(r"^(No |\d[\d,]*\s).*statement")
    last = None
    for _ in range(100):
        text = status.inner_text()
        if settled.match(text) and text == last:
            return 0 if text.startswith("No ") else int(text.split()[0].replace(",", ""))
        last = text if settled.match(text) else None
        page.wait_for_timeout(300)
    raise AssertionError(f"the search status never settled: {last!r}")


@pytest.mark.parametrize("word", WORDS)
def test_counts_are_the_statements_that_hold_the_word(browser, archive: str, word: str) -> None:  # type: ignore[no-untyped-def]
    """The count, and each year's, equal a scan of the statements' text for the
    whole word (Pagefind alone counts every word that begins with the last
    word asked: `naval` took in `Navalny`; with its stemmer, every word of the
    same stem: `determination` took in `determined`; it did not find
    `Sputnik` in “Sputnik-V.” nor `rights` in `rights—like`)."""
    page = open_page(browser, DESKTOP)
    page.goto(f"{archive}search/?{urlencode({'query': word})}")
    expected = containing(word)
    assert expected  # every word is in the archive
    assert status_count(page) == sum(expected.values())
    years = page.evaluate("q => podiumSearchAll(q, {}, '', true).then(f => f.filters.year)", word)
    assert {y: n for y, n in years.items() if n} == expected
    page.close()


def test_highlights_land_on_the_words_asked_for(browser, archive: str) -> None:  # type: ignore[no-untyped-def]
    """Every mark of every result is the word asked for, without the punctuation
    around it (Pagefind marks “Sputnik-V.” whole; a text that began with a
    byte-order mark had each mark on the word before: "of apartheid")."""
    page = open_page(browser, DESKTOP)
    for word, marked in [("apartheid", {"apartheid"}), ("naval", {"naval"}),
                         ("determination", {"determination"}), ("Sputnik", {"sputnik"}),
                         ("rights", {"rights"}), ("peace", {"peace"}),
                         ("self-determination", {"self-determination", "self", "determination"})]:
        page.goto(f"{archive}search/?{urlencode({'query': word})}")
        count = status_count(page)
        marks = page.evaluate("""q => podiumSearchAll(q, {}, '', false).then(f => f.next(1000)).then(items =>
            items.map(d => { const p = document.createElement('p'); podiumExcerpt(p, d.excerpt);
                             return Array.from(p.querySelectorAll('mark')).map(m => m.textContent); }))""",
                              word)
        assert len(marks) == count and all(marks), word  # each result has a mark
        assert {m.casefold() for ms in marks for m in ms} <= marked, word
    page.close()


def test_best_match_ranks_by_how_the_word_is_used_not_by_date(browser, archive: str) -> None:  # type: ignore[no-untyped-def]
    """Pagefind scores every result of an exact search 1, and "Best match" was
    the index's order, newest first: the statements that use a word most were
    far down the list (an outside tester, on 1,485 UNGDC speeches)."""
    page = open_page(browser, DESKTOP)
    page.goto(f"{archive}search/")
    found = page.evaluate("""q => podiumSearchAll(q, {}, '', false).then(f => f.next(1000)).then(items =>
        items.map(d => [d.meta.iso, (d.content.match(/apartheid/gi) || []).length]))""", "apartheid")
    uses = [n for _, n in found]
    assert len(found) == sum(containing("apartheid").values()) and max(uses) > min(uses)
    assert uses[0] == max(uses)
    top = [i for i, n in enumerate(uses) if n == max(uses)]
    rest = [i for i, n in enumerate(uses) if n < max(uses)]
    assert sum(top) / len(top) < sum(rest) / len(rest)  # the most uses come first, on the whole
    dates = [iso for iso, _ in found]
    assert dates != sorted(dates, reverse=True)  # not the newest first
    page.close()


def test_the_search_is_in_the_address_and_comes_back(browser, archive: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Query, ticked filters, sort and the chart's mode reach the address; the
    address restores them, and back goes to the search before."""
    page = open_page(browser, DESKTOP)
    page.goto(f"{archive}search/")
    page.locator(".podium-search__query").fill("naval")
    page.locator(".podium-search__query").press("Enter")
    assert status_count(page) == sum(containing("naval").values())
    france = page.locator(".podium-filter[data-filter=delegation] label", has_text="France (FRA)")
    france.locator("input").check()
    page.wait_for_url(re.compile(r"delegation=France"))
    page.select_option("#podium-sort", "asc")
    page.wait_for_url(re.compile(r"sort=asc"))
    page.locator(".podium-trend__modes input[value=share]").check()
    page.wait_for_url(re.compile(r"view=share"))
    address = page.url
    expected = sum(containing("naval", "FRA").values())
    assert status_count(page) == expected
    shot(page, tmp_path, "search-filtered", full=True)

    other = open_page(browser, DESKTOP)
    other.goto(address)
    assert status_count(other) == expected
    assert other.locator(".podium-search__query").input_value() == "naval"
    assert other.locator("#podium-sort").input_value() == "asc"
    assert other.locator(".podium-filter[data-filter=delegation] input:checked").evaluate_all(
        "boxes => boxes.map(b => b.value)") == ["France (FRA)"]
    assert other.locator(".podium-trend__modes input[value=share]").is_checked()
    other.close()

    page.go_back()  # before the sort (the chart's mode replaced that entry), then before France
    page.go_back()
    page.wait_for_function("!location.search.includes('delegation')")
    assert status_count(page) == sum(containing("naval").values())
    assert page.locator(".podium-filter[data-filter=delegation] input:checked").count() == 0
    page.close()


@pytest.mark.parametrize("split", [False, True])
def test_mentions_over_time(browser, archive: str, split: bool, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The chart's figures are the scan's, per year: for the whole search, or
    for each of two delegations ticked to compare them."""
    page = open_page(browser, DESKTOP)
    deleg = "&delegation=France+(FRA)&delegation=Brazil+(BRA)" if split else ""
    page.goto(f"{archive}search/?query=apartheid{deleg}")
    page.locator(".podium-trend__chart").wait_for()
    rows = page.locator(".podium-trend table tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent))")
    heads = page.locator(".podium-trend table thead th").all_text_contents()  # in closed <details>
    series = {"Brazil (BRA)": "BRA", "France (FRA)": "FRA"} if split else {heads[1]: None}
    assert heads[1:] == list(series)
    for column, code in enumerate(series.values(), start=1):
        expected = containing("apartheid", code)
        counts = {row[0]: int(row[column].split(" / ")[0]) for row in rows}
        assert {year: n for year, n in counts.items() if n} == expected
    if split:
        assert page.locator(".podium-trend__chart polyline").count() == 2
        assert page.locator(".podium-trend__legend li").all_inner_texts() == list(series)
    else:
        assert page.locator(".podium-trend__chart rect").count() == len(containing("apartheid"))
    label = page.locator(".podium-trend__chart").get_attribute("aria-labelledby") or ""
    assert "apartheid" in page.locator(f"#{label.split()[0]}").text_content()
    shot(page, tmp_path, f"trend-{'split' if split else 'one'}")
    page.close()


def test_a_share_of_no_statements_is_a_gap_not_zero(browser, archive: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Brazil did not speak in 2023: its share that year is "–" and no point,
    not 0 % (which read as a year it stopped using the word)."""
    page = open_page(browser, DESKTOP)
    page.goto(f"{archive}search/?query=apartheid&delegation=France+(FRA)&delegation=Brazil+(BRA)&view=share")
    page.locator(".podium-trend__chart").wait_for()
    heads = page.locator(".podium-trend table thead th").all_text_contents()
    rows = {r[0]: r for r in page.locator(".podium-trend table tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent))")}
    brazil = heads.index("Brazil (BRA)")
    assert rows["2023"][brazil] == "0 / 0 (–)"
    assert all("%" in row[brazil] for year, row in rows.items() if year != "2023")
    spoke = {ident.split("-")[1] for ident in archive_statements() if ident.startswith("bra-")}
    group = page.locator(".podium-trend__chart g").nth(brazil - 1)
    assert group.locator("circle").count() == len(spoke) == len(rows) - 1
    shot(page, tmp_path, "trend-share-gap")
    page.close()


def test_a_delegation_page_charts_its_own_mentions(browser, archive: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, PHONE)
    page.goto(f"{archive}delegations/fra/")
    page.locator(".podium-trend__query").fill("naval")
    page.locator(".podium-trend__query").press("Enter")
    page.locator(".podium-trend__chart").wait_for()
    rows = page.locator(".podium-trend table tbody tr").evaluate_all(
        "rows => rows.map(r => [r.cells[0].textContent, r.cells[1].textContent])")
    counts = {year: int(n.split(" / ")[0]) for year, n in rows}
    assert {year: n for year, n in counts.items() if n} == containing("naval", "FRA")
    assert "delegation=France" in (page.locator(".podium-trend__link").get_attribute("href") or "")
    shot(page, tmp_path, "trend-delegation-phone")
    page.close()


def test_on_a_phone_results_come_first_and_filters_are_a_drawer(browser, archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, PHONE)
    page.goto(f"{archive}search/?query=climate&year=2019&year=2020")
    assert status_count(page) == sum(n for y, n in containing("climate").items() if y in {"2019", "2020"})
    first = page.locator("#podium-search .podium-result").first
    first.wait_for()
    page.locator(".podium-trend__chart").wait_for()
    box = first.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]  # the whole first result, on the first screen
    # The chart follows the results (and "More results") in the page itself: the order read is the order seen.
    assert page.evaluate("""() => { const list = document.querySelector('.podium-results');
        return !!(list.compareDocumentPosition(document.querySelector('#podium-search .podium-trend'))
                  & Node.DOCUMENT_POSITION_FOLLOWING); }""")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not page.locator(".podium-search__filters").is_visible()
    toggle = page.locator(".podium-search__toggle")
    assert "(2)" in toggle.inner_text() and toggle.get_attribute("aria-expanded") == "false"
    shot(page, tmp_path, "phone-search")
    toggle.click()
    assert page.locator(".podium-search__filters").is_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    shot(page, tmp_path, "phone-drawer")
    page.locator(".podium-search__close").click()
    assert not page.locator(".podium-search__filters").is_visible()
    # A short screen, filters longer than it: the button that closes the drawer
    # is in sight without scrolling (it was 5.7 screens down on 200 delegations).
    page.set_viewport_size({"width": PHONE["width"], "height": 300})
    toggle.click()
    drawer = page.locator(".podium-search__filters")
    assert drawer.evaluate("d => d.scrollHeight > d.clientHeight")
    close = page.locator(".podium-search__close").bounding_box()
    assert close is not None and close["y"] >= 0 and close["y"] + close["height"] <= 300
    shot(page, tmp_path, "phone-drawer-short")
    # A tap on the page beside the drawer closes it, and does nothing else.
    address = page.url
    page.mouse.click(10, 200)
    assert not drawer.is_visible() and page.url == address
    assert toggle.get_attribute("aria-expanded") == "false"
    page.close()


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_and_charts_pass_axe(browser, archive: str, scheme: str, size: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    """axe: no violation at all on the search page (two labelled search forms,
    the chart, the drawer's button, 'More results' in dark mode) and on a
    delegation page with its chart."""
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(browser, size, scheme)
    page.goto(f"{archive}search/?query=naval")
    page.locator(".podium-search__more").wait_for()  # 'More results' is shown: it is checked too
    page.locator(".podium-trend__chart").wait_for()
    found = [(v["id"], v["impact"], len(v["nodes"])) for v in Axe().run(page).response["violations"]]
    page.goto(f"{archive}search/?query=naval&delegation=France+(FRA)&delegation=Brazil+(BRA)")
    page.locator(".podium-trend__legend").wait_for()
    if size == PHONE:
        page.locator(".podium-search__toggle").click()
    found += [(v["id"], v["impact"], len(v["nodes"])) for v in Axe().run(page).response["violations"]]
    page.goto(f"{archive}delegations/fra/")
    page.locator(".podium-trend__query").fill("naval")
    page.locator(".podium-trend__query").press("Enter")
    page.locator(".podium-trend__chart").wait_for()
    found += [(v["id"], v["impact"], len(v["nodes"])) for v in Axe().run(page).response["violations"]]
    assert found == []
    page.close()


@pytest.mark.slow
def test_no_request_leaves_a_default_site(browser, archive: str) -> None:  # type: ignore[no-untyped-def]
    """A site whose mkdocs.yml says nothing of fonts or the repository's facts
    (this one has a repo_url): every request stays on the site, none fails."""
    page = open_page(browser, DESKTOP)
    outside: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: r.url.startswith(("http:", "https:")) and not r.url.startswith(archive)
            and outside.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.url} {r.status}"))
    for url in ["", "search/?query=naval", "delegations/", "delegations/fra/", "statements/",
                "statements/2020/", "bodies/", "sessions/"]:
        page.goto(archive + url)
        page.wait_for_load_state("networkidle")
    page.close()
    assert outside == [] and failed == []


def test_the_search_page_loads_no_word_chunk_before_a_query(browser, archive: str) -> None:  # type: ignore[no-untyped-def]
    """Counts without a query come from the word index's manifest; a search
    with filters alone asked of Pagefind would load every word chunk of every
    bundle (335 requests, 10 MB on a sample of 1,455 UN speeches). A word then
    costs its one word file and the pages of the results shown: no Pagefind
    request at all (its 19 bundles cost the whole corpus 223 requests)."""
    page = open_page(browser, DESKTOP)
    seen: list[str] = []
    page.on("requestfinished", lambda r: seen.append(r.url))
    page.goto(f"{archive}search/")
    page.locator(".podium-filter").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert [u for u in seen if "/index/" in u or ("/search/words/" in u and u.endswith(".txt"))] == []
    assert [u for u in seen if u.endswith("/search/words/index.json")]
    seen.clear()
    page.locator(".podium-search__query").fill("naval")
    page.locator(".podium-trend__chart").wait_for()
    page.locator(".podium-result").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert [u for u in seen if "/pagefind/" in u] == []
    assert len([u for u in seen if "/search/words/" in u]) == 1  # the word's file (the manifest is kept)
    pages = [u for u in seen if "/statements/" in u]
    assert 0 < len(pages) <= 10 and len(pages) == page.locator(".podium-result").count()
    page.close()


def test_a_word_being_typed_is_answered_for_what_it_is(browser, archive: str) -> None:  # type: ignore[no-untyped-def]
    """The header box, as you type: no statement has the word `apar`, and the
    statements with words that begin with it are counted as such."""
    from archive_fixture import statements

    page = open_page(browser, DESKTOP)
    page.goto(archive)
    page.locator(".podium-header-search__input").fill("apar")
    status = page.locator(".podium-header-search .podium-search__status")
    status.filter(has_text="begin with it").wait_for()
    begun = sum(1 for *_, body in statements().values() if re.search(r"\bapar", body, re.IGNORECASE))
    assert status.inner_text() == f"No statement has the word “apar”; {begun} have words that begin with it:"
    page.locator(".podium-header-search .podium-result").first.wait_for()
    page.locator(".podium-header-search__input").fill("apart")
    status.filter(has_text=re.compile(r"^\d+ statements$")).wait_for()
    assert status.inner_text() == f"{sum(containing('apart').values())} statements"
    page.close()


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_search_page_says_when_no_statement_has_the_word_but_some_begin_with_it(  # type: ignore[no-untyped-def]
        browser, archive: str, size: dict[str, int]) -> None:
    """`vaccin`: no statement has the word, and those with words that begin with
    it (vaccine, vaccines) are listed and counted as such, on the search page
    as in the header box."""
    from archive_fixture import statements

    page = open_page(browser, size)
    page.goto(f"{archive}search/?query=vaccin")
    status = page.locator("#podium-search .podium-search__status")
    status.filter(has_text="begin with it").wait_for()
    begun = sum(1 for *_, body in statements().values() if re.search(r"\bvaccin", body, re.IGNORECASE))
    said = f"No statement has the word “vaccin”; {begun} have words that begin with it:"
    assert status.inner_text() == said
    page.wait_for_function("n => document.querySelectorAll('#podium-search .podium-result').length === n",
                           arg=min(begun, 10))
    assert not containing("vaccin")
    page.close()


def test_the_search_box_cuts_words_as_the_word_index_does(browser, archive: str) -> None:  # type: ignore[no-untyped-def]
    """podium.js cuts and folds a query as outputs.wordindex cut the statements:
    a word counted at build time is the word a reader types (23 strings, 13 scripts)."""
    from collections import Counter

    from podium.outputs.wordindex import statement_words

    samples = ["Việt Nam nhân quyền", "Émirats arabes unis", "STRASSE Straße", "self-determination",
               "l’homme d'État", "snake_case", "ΣΟΦΊΑ σοφίας", "безопасность Мир", "السلام عليكم",
               "和平 與 發展 peace", "สันติภาพ", "COVID-19 ½ ²", "İstanbul", "ﬁnance", "Đà Nẵng",
               "हिन्दी भाषा", "naïve café", "O'Brien’s", "e\u0301te\u0301", "يُعِيدُ العالم", "שָׁלוֹם",
               "Ǆemal ﬀ ẞ", "U.S. 9/11"]
    page = open_page(browser, DESKTOP)
    page.goto(f"{archive}search/")
    found = page.evaluate("texts => texts.map(t => podiumIndexWords(t))", samples)
    for text, words in zip(samples, found, strict=True):
        assert Counter(words) == statement_words(text), text
    page.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_first_search_is_small(browser, archive: str, size: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    """Opening a search's address, to its results and chart drawn, costs at most
    20 requests and 300 KB compressed, the page itself included (issue 28; on the
    whole UN General Debate Corpus, scripts/first_search.py: 19 and 276 KB)."""
    import gzip

    page = open_page(browser, size)
    finished: list[object] = []
    page.on("requestfinished", lambda r: finished.append(r))
    page.goto(f"{archive}search/?query=naval")
    page.locator("#podium-search .podium-result").first.wait_for()
    page.locator(".podium-trend__chart").wait_for()
    page.wait_for_load_state("networkidle")
    sizes = []
    for request in finished:
        body = request.response().body()  # type: ignore[attr-defined]
        sizes.append(len(body) if request.url.endswith((".woff2", ".png")) else len(gzip.compress(body, 6)))  # type: ignore[attr-defined]
    assert len(sizes) <= 20 and sum(sizes) <= 300_000, (len(sizes), sum(sizes))
    assert not [r for r in finished if "/pagefind/" in r.url]  # type: ignore[attr-defined]
    page.close()


def test_an_abbreviation_is_found_as_written(browser, archive: str) -> None:  # type: ignore[no-untyped-def]
    """`U.S.` is the statements that write U.S., not every "us" (Pagefind drops
    the full stops: an outside tester found 10,239 statements where 46 have it)."""
    page = open_page(browser, DESKTOP)
    page.goto(f"{archive}search/?query=U.S.")
    page.locator("#podium-search .podium-result").first.wait_for()
    expected = sum(1 for _, _, _, body in archive_statements().values() if "U.S." in body)
    assert 0 < expected < sum(1 for _, _, _, body in archive_statements().values() if " us" in body)
    assert status_count(page) == expected
    marks = page.locator("#podium-search .podium-result__excerpt mark").all_inner_texts()
    assert marks and all(m.casefold() in ("u", "s", "u.s", "u.s.") for m in marks), marks
    page.close()
