"""Drive the built site in headless Chromium, as a reader would."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, REPORT_ID, STATEMENT_ID

from podium.engine.preview import serve

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Debian's chromium for the browser tests (scripts/setup.sh --test)")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture
def tab(browser, tmp_path: Path):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def test_browse_from_home_to_statement_and_its_report(tab, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab.goto(base_url)
    tab.screenshot(path=str(tmp_path / "home.png"))
    tab.get_by_role("link", name="Browse", exact=True).first.click()
    tab.get_by_role("link", name="Delegations").first.click()
    assert tab.locator("article h1").inner_text().startswith("Delegations")
    tab.locator("article table").get_by_role("link", name="Viet Nam").click()
    assert tab.url.endswith("/delegations/vnm/")
    tab.locator(".podium-entries a").first.click()
    assert tab.url.endswith(f"/statements/2023/{STATEMENT_ID}/")
    assert "Viet Nam" in tab.locator(".podium-meta").inner_text()
    tab.screenshot(path=str(tmp_path / "statement.png"), full_page=True)
    tab.locator(".podium-meta").get_by_role("link", name="Vietnamese diplomat calls").click()
    assert tab.url.endswith(f"/statements/2023/{REPORT_ID}/")
    tab.locator(".podium-meta").get_by_role("link", name="Statement by H.E. Dr.").click()
    assert tab.url.endswith(f"/statements/2023/{STATEMENT_ID}/")


def test_paragraph_permalink(tab, base_url: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(f"{base_url}statements/2023/{STATEMENT_ID}/")
    # podium.js gives every numbered block its ¶ link, named for its paragraph.
    links = tab.locator(".podium-text > p[id] > a.podium-pilcrow, .podium-text .podium-p > a.podium-pilcrow")
    assert links.count() == 17
    assert links.nth(8).get_attribute("href") == "#p9"
    assert links.nth(8).get_attribute("title") == "Permalink to paragraph 9"
    para = tab.locator("#p9")
    para.hover()
    para.locator(".podium-pilcrow").click()
    assert tab.url.endswith("#p9")
    assert "online fraud" in para.inner_text()


def test_search_finds_the_statement(tab, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The header's search box (Pagefind, no lunr): results as you type."""
    tab.goto(base_url)
    tab.keyboard.press("/")  # the shortcut to the search box
    tab.keyboard.type("trafficking", delay=20)
    results = tab.locator(".podium-header-search .podium-result")
    results.first.wait_for(timeout=10_000)
    tab.screenshot(path=str(tmp_path / "search.png"))
    links = tab.locator(".podium-header-search .podium-result__title").all()
    assert any(STATEMENT_ID in (a.get_attribute("href") or "") for a in links)


def test_search_results_open_when_the_site_is_served_under_a_path(browser, built_site: Path) -> None:  # type: ignore[no-untyped-def]
    """GitHub Pages serves a project's site at /<repository>/: Pagefind prefixed
    each result with that path, and podium.js joined it to the site's root
    again (/podium/podium/statements/…: every result a 404)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    with serve(built_site, under="podium") as url:
        page.goto(f"{url}search/?query=trafficking")
        first = page.locator("#podium-search .podium-result__title").first
        first.wait_for(timeout=15_000)
        href = first.get_attribute("href") or ""
        assert href.startswith(f"{url}statements/2023/") and "/podium/podium/" not in href
        response = page.goto(href)
        assert response is not None and response.status == 200
        page.goto(url)
        page.keyboard.press("/")
        page.keyboard.type("trafficking", delay=20)
        header = page.locator(".podium-header-search .podium-result__title").first
        header.wait_for(timeout=10_000)
        assert "/podium/podium/" not in (header.get_attribute("href") or "")
        response = page.goto(header.get_attribute("href") or "")
        assert response is not None and response.status == 200
    page.close()


def test_phone_layout_has_no_horizontal_scroll(browser, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for url in ["", f"statements/2023/{STATEMENT_ID}/", "delegations/"]:
        page.goto(base_url + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, url
    page.screenshot(path=str(tmp_path / "phone.png"))
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["", "delegations/", f"statements/2023/{STATEMENT_ID}/",
                                 f"statements/2023/{REPORT_ID}/", "statements/", "statements/2023/",
                                 "delegations/vnm/", "search/", "search/?query=trafficking"])
def test_no_serious_accessibility_violations(tab, base_url: str, url: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    tab.emulate_media(color_scheme=scheme)
    tab.goto(base_url + url)
    if "query=" in url:
        tab.locator("#podium-search .podium-result").first.wait_for(timeout=15_000)
    violations = Axe().run(tab).response["violations"]
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in violations
               if v["impact"] in {"serious", "critical"}]
    assert serious == []


def test_statement_prints_as_a_clean_document(tab, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    tab.goto(f"{base_url}statements/2023/{STATEMENT_ID}/")
    tab.emulate_media(media="print")
    pdf = tmp_path / "statement.pdf"
    tab.pdf(path=str(pdf), format="A4", print_background=True)
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    assert text.startswith("Statement by H.E. Dr. Le Thi Tuyet Mai")
    permalink = f"https://podium-archive.github.io/podium/statements/2023/{STATEMENT_ID}/"
    assert f"Permanent link: {permalink}" in text
    # Numbered paragraphs: the number sits in the margin, so it may be
    # extracted just before or just after its paragraph's text.
    assert re.search(r"\b17 I thank you, Madam Chair\.|I thank you, Madam Chair\.\s?17\b", text)
    for chrome in ["Browse", "Search", "Made with", "Chair ¶", "migration. ¶"]:
        assert chrome not in text, chrome  # no navigation, footer or paragraph pilcrows


def test_citation_downloads(tab, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Each download is the citation shown in its tab, as a file of its type."""
    import json

    import bibtexparser

    tab.goto(f"{base_url}statements/2023/{STATEMENT_ID}/")
    files = {}
    for ext, label in [("bib", "BibTeX"), ("json", "CSL-JSON"), ("ris", "RIS")]:
        tab.locator(".podium-cite .tabbed-labels label", has_text=label).click()
        with tab.expect_download() as info:
            tab.locator(f'.podium-cite a[download="{STATEMENT_ID}.{ext}"]').click()
        assert info.value.suggested_filename == f"{STATEMENT_ID}.{ext}"
        path = tmp_path / f"cite.{ext}"
        info.value.save_as(path)
        files[ext] = path.read_text(encoding="utf-8")
    assert bibtexparser.parse_string(files["bib"]).entries[0].key == STATEMENT_ID
    assert json.loads(files["json"])[0]["type"] == "speech"
    lines = files["ris"].splitlines()
    assert lines[0] == "TY  - GEN" and lines[-1] == "ER  -"


_OVERLAPS = """() => {
  // Where the citation's text may run (the code's content box) against the copy button's box,
  // and every line of text actually drawn under the button.
  const out = [];
  document.querySelectorAll('.podium-cite .tabbed-block').forEach(block => {
    const code = block.querySelector('code'), nav = block.querySelector('.md-code__nav, .md-clipboard');
    if (!code || !nav || !code.offsetParent) return;
    const n = nav.getBoundingClientRect(), c = code.getBoundingClientRect();
    const textRight = c.right - parseFloat(getComputedStyle(code).paddingRight);
    const range = document.createRange();
    range.selectNodeContents(code);
    const under = Array.from(range.getClientRects()).filter(r => r.width && r.right > n.left
      && r.left < n.right && r.bottom > n.top && r.top < n.bottom).length;
    out.push({room: n.left - textRight, under: under});
  });
  return out;
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_cite_link_reaches_the_citation_and_the_copy_button_covers_no_text(  # type: ignore[no-untyped-def]
        browser, base_url: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.goto(f"{base_url}statements/2023/{STATEMENT_ID}/")
        page.locator(".podium-meta .podium-cite-link a").click()
        page.wait_for_function("window.location.hash === '#cite'")
        assert page.locator("#cite").is_visible() and page.evaluate("window.scrollY") > 0
        labels = page.locator(".podium-cite .tabbed-labels label")
        for i in range(labels.count()):
            labels.nth(i).click()
            [found] = page.evaluate(_OVERLAPS)  # the shown tab's
            assert found["room"] >= 0 and found["under"] == 0, (width, i, found)
    finally:
        page.close()


def test_citing_a_paragraph_gives_its_permalink(tab, base_url: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(f"{base_url}statements/2023/{STATEMENT_ID}/")
    code = tab.locator(".podium-cite .tabbed-block code").first
    assert code.inner_text().rstrip().endswith(f"/statements/2023/{STATEMENT_ID}/")
    tab.locator("#p9").hover()
    tab.locator("#p9 .podium-pilcrow").click()
    text = code.inner_text().rstrip()
    permalink = f"https://podium-archive.github.io/podium/statements/2023/{STATEMENT_ID}/#p9"
    assert text.endswith(f"¶ 9. {permalink}")
    # BibTeX, CSL-JSON and RIS, shown and downloaded, give the paragraph's permalink too.
    codes = tab.locator(".podium-cite .tabbed-block code")
    others = codes.evaluate_all("cs => cs.slice(1).map(c => c.textContent)")
    assert len(others) == 3 and all(permalink in other for other in others), others
    files = tab.evaluate("""() => Promise.all(Array.from(
        document.querySelectorAll('.podium-cite a[download]'))
        .map(a => fetch(a.href).then(r => r.text())))""")
    assert len(files) == 3 and all(permalink in f for f in files)
    tab.goto(f"{base_url}statements/2023/{STATEMENT_ID}/#cite")  # no paragraph: the page again
    others = tab.locator(".podium-cite .tabbed-block code").evaluate_all("cs => cs.map(c => c.textContent)")
    assert not any("#p9" in other for other in others)


def test_faceted_search(tab, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A word is searched in the word index (search/words/), a phrase with Pagefind."""
    requests: list[str] = []
    tab.on("requestfinished", lambda r: requests.append(r.url))
    tab.goto(f"{base_url}search/")
    tab.locator("#podium-search .podium-search__query").fill("trafficking")
    tab.locator(".podium-result__title", has_text="IOM Council").first.wait_for(timeout=15_000)
    statement = tab.locator(".podium-result", has_text="Statement by H.E. Dr.")
    facts = statement.locator(".podium-result__meta").inner_text()
    assert "H.E. Dr. Le Thi Tuyet Mai, Viet Nam" in facts and "27–29 November 2023" in facts
    assert "IOM Council, 114th Session" in facts
    tab.screenshot(path=str(tmp_path / "pagefind.png"), full_page=True)
    # Filter by delegation: only Viet Nam's statement remains.
    tab.locator(".podium-filter label", has_text="Viet Nam (VNM)").locator("input").check()
    tab.wait_for_function("document.querySelectorAll('#podium-search .podium-result').length === 1",
                          timeout=15_000)
    titles = tab.locator("#podium-search .podium-result__title").all_inner_texts()
    assert len(titles) == 1 and titles[0].startswith("Statement by H.E. Dr. Le Thi Tuyet Mai")
    tab.screenshot(path=str(tmp_path / "pagefind-filtered.png"), full_page=True)
    tab.locator("#podium-search .podium-result__title").first.click()
    tab.wait_for_url(f"**/statements/2023/{STATEMENT_ID}/**")
    assert any("/search/words/" in u for u in requests) and not any("/pagefind/" in u for u in requests)
    tab.goto(f"{base_url}search/?query=climate+change")
    tab.locator(".podium-result__title", has_text="Statement by H.E. Dr.").first.wait_for(timeout=15_000)
    assert any("/pagefind/" in u for u in requests)


def page_types(site: Path) -> list[str]:
    """One page of each kind the site has: home, each index, one page under each
    index (term, year, statement), the search page, the guide. (The 404 page
    links its assets under site_url's path, for any address: not servable here.)"""
    urls = [""]
    for folder in sorted(p for p in site.iterdir() if p.is_dir() and p.name not in {"assets", "pagefind"}):
        pages = sorted(p.parent for p in folder.rglob("index.html"))
        urls += sorted({str(p.relative_to(site)) + "/" for p in pages[:2] + pages[-1:]})
    return urls


@pytest.mark.slow
def test_no_request_leaves_the_site_and_none_fails(browser, built_site: Path, base_url: str) -> None:  # type: ignore[no-untyped-def]
    """Every kind of page, then a search: no request to another host (the theme's
    repository widget asked api.github.com, its translation lookup fetched
    feeds/sitemap.xml from the published site), and no request fails or 404s."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    outside: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: r.url.startswith(("http:", "https:")) and not r.url.startswith(base_url)
            and outside.append(r.url))
    page.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.url} {r.status}"))
    urls = page_types(built_site)
    assert {"", "statements/", "delegations/", "delegations/vnm/", "search/"} <= set(urls)
    assert any(u.startswith("statements/2023/") and u.count("/") == 3 for u in urls)
    for url in urls:
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
    # The repository link stays, as a plain link (its facts are opt-in: extra.repository_facts).
    assert page.locator("a.md-source").count() >= 1  # header and drawer
    assert page.locator('[data-md-component="source"]').count() == 0
    page.goto(f"{base_url}search/?query=trafficking")
    page.locator("#podium-search .podium-result").first.wait_for(timeout=15_000)
    page.wait_for_load_state("networkidle")
    page.close()
    assert outside == []
    assert failed == []


def test_citing_a_numbered_paragraph_gives_the_number_the_source_prints(  # type: ignore[no-untyped-def]
        browser, temp_site) -> None:
    """A UN verbatim record numbers its paragraphs: the second paragraph printed "98." is
    cited as ¶ 98, not as the text's second paragraph (an outside researcher's find)."""
    from conftest import statement_text

    body = "Mr. President,\n\n98. We support the resolution.\n\n99. We thank the Secretary-General.\n"
    result, site = temp_site({"a.md": statement_text(body=body, id="numbered")},
                             site={"site_url": "https://archive.example/"})
    assert result.returncode == 0, result.stderr
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        with serve(site) as url:
            page.goto(f"{url}statements/2024/numbered/")
            [block_id] = page.evaluate(
                "[...document.querySelectorAll('.podium-text [id^=p]')].filter(b => "
                "b.querySelector('.podium-number') && b.textContent.includes('98')).map(b => b.id)")
            page.goto(f"{url}statements/2024/numbered/#{block_id}")
            text = page.locator(".podium-cite .tabbed-block code").first.inner_text().rstrip()
            assert text.endswith(f"¶ 98. https://archive.example/statements/2024/numbered/#{block_id}"), text
    finally:
        page.close()
