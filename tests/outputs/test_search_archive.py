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

import pytest
from archive_fixture import containing
from archive_fixture import files as archive_files
from conftest import CHROMIUM

from podium.build.preview import serve

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Debian's chromium for the browser tests (scripts/setup.sh --test)")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")
from test_search import write_site  # noqa: E402  (after the skip: it needs Chromium too)

SHOTS = os.environ.get("PODIUM_SHOTS")
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
WORDS = ["naval", "Navalny", "apart", "apartheid", "nation", "climate", "droits de l'homme"]
"""Words that begin longer words of the archive, and a phrase beside a longer one."""


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(write_site(tmp_path_factory.mktemp("archive"), archive_files())) as url:
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
    status = page.locator("#podium-search .podium-search__status")
    status.filter(has_text=re.compile(r"statement")).wait_for()
    text = status.inner_text()
    return 0 if text.startswith("No ") else int(text.split()[0].replace(",", ""))


@pytest.mark.parametrize("word", WORDS)
def test_counts_are_the_statements_that_hold_the_word(browser, archive: str, word: str) -> None:  # type: ignore[no-untyped-def]
    """The count, and each year's, equal a scan of the statements' text for the
    whole word (Pagefind alone counts every word that begins with the last
    word asked: `naval` took in `Navalny`)."""
    page = open_page(browser, DESKTOP)
    page.goto(f"{archive}search/?query={word}")
    expected = containing(word)
    assert status_count(page) == sum(expected.values())
    years = page.evaluate("q => podiumSearchAll(q, {}, '', true).then(f => f.filters.year)", word)
    assert {y: n for y, n in years.items() if n} == expected
    page.close()


def test_highlights_land_on_the_words_asked_for(browser, archive: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, DESKTOP)
    for word in ["apartheid", "naval"]:
        page.goto(f"{archive}search/?query={word}")
        count = status_count(page)
        page.wait_for_function(f"document.querySelectorAll('#podium-search .podium-result').length"
                               f" === {min(count, 10)}")
        marks = page.locator("#podium-search .podium-result__excerpt mark").all_inner_texts()
        assert marks and {m.casefold() for m in marks} == {word}
    page.close()
