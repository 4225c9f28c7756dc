"""A real `mkdocs build --strict` of this repository: what a reader sees."""

import datetime as dt
import re
from pathlib import Path

from conftest import REPORT_ID, REPORT_SEED, ROOT, STATEMENT_ID, STATEMENT_SEED, mkdocs_build, page

from podium.model.collection import load_collection
from podium.text.normalise import words
from podium.text.verify import missing_words

STATEMENT_URL = f"statements/2023/{STATEMENT_ID}/"
REPORT_URL = f"statements/2023/{REPORT_ID}/"


def contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def seed_paragraphs(path: Path) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]


def test_both_seed_pages_exist_at_stable_urls(built_site: Path) -> None:
    assert (built_site / STATEMENT_URL / "index.html").is_file()
    assert (built_site / REPORT_URL / "index.html").is_file()


def test_every_paragraph_of_the_statement_is_on_its_page(built_site: Path) -> None:
    html = page(built_site, STATEMENT_URL)
    text = words(html.select_one(".podium-text").get_text(" "))
    paragraphs = seed_paragraphs(STATEMENT_SEED)
    header, body = paragraphs[0], paragraphs[1:]
    assert len(body) == 17
    for para in body:
        assert contains_run(text, words(para)), para[:60]
    # The header block's facts are all on the page (title, panel, source).
    everything = words(html.select_one("article").get_text(" "))
    assert not set(words(header)) - set(everything)


def test_every_paragraph_of_the_report_is_on_its_page(built_site: Path) -> None:
    html = page(built_site, REPORT_URL)
    text = words(html.select_one(".podium-text").get_text(" "))
    paragraphs = seed_paragraphs(REPORT_SEED)
    first, rest = paragraphs[0], paragraphs[1:]
    caption = first.strip().removeprefix("date 2023-12-02 ")
    assert contains_run(text, words(caption))
    for para in rest:
        assert contains_run(text, words(para)), para[:60]
    assert html.select_one(".podium-caption").get_text(" ", strip=True).startswith("Ambassador Le Thi")
    assert html.select_one(".podium-end-marker").get_text() == "./."


def panel(built_site: Path, url: str) -> dict[str, str]:
    dl = page(built_site, url).select_one(".podium-meta dl")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
            for dt in dl.find_all("dt")}


def test_metadata_panel_of_the_statement(built_site: Path) -> None:
    facts = panel(built_site, STATEMENT_URL)
    assert facts["Speaker"] == (
        "H.E. Dr. Le Thi Tuyet Mai , Ambassador, Permanent Representative of Viet Nam")
    assert facts["Delegation"] == "Viet Nam (VNM)"
    assert facts["Body"] == "IOM Council"
    assert facts["Session"] == "IOM Council, 114th Session"
    assert facts["Event dates"] == "27–29 November 2023"
    assert facts["Venue"] == "Geneva, Switzerland"
    assert facts["Language"] == "English (en)"
    assert facts["Reported by"].endswith("(Vietnam News Agency, 2 December 2023)")


def test_cross_links_both_ways(built_site: Path) -> None:
    statement = page(built_site, STATEMENT_URL).select_one(".podium-meta")
    report = page(built_site, REPORT_URL).select_one(".podium-meta")
    assert statement.find("a", href=f"../{REPORT_ID}/")
    assert report.find("a", href=f"../{STATEMENT_ID}/")
    assert panel(built_site, REPORT_URL)["Reports on"].startswith("Statement by H.E. Dr. Le Thi Tuyet Mai")


def test_salutations_and_paragraph_permalinks(built_site: Path) -> None:
    html = page(built_site, STATEMENT_URL)
    paras = html.select(".podium-text > p[id], .podium-text .podium-p")  # document order
    assert [p["id"] for p in paras] == [f"p{i}" for i in range(1, 18)]
    # The ¶ links are added by podium.js (test_browser), from the ids and this label.
    assert not html.select("a.podium-pilcrow")
    assert html.select_one(".podium-text")["data-podium-permalink"] == "Permalink to paragraph {n}"
    salutations = [p.get_text(" ", strip=True).rstrip(" ¶") for p in html.select(".podium-salutation")]
    assert salutations == ["Madam Chair"] + ["Madam Chair, Director-General"] * 3
    closing = html.select_one(".podium-closing").get_text(" ", strip=True)
    assert closing.startswith("I thank you, Madam Chair.")


def test_typography_is_normalised(built_site: Path) -> None:
    text = page(built_site, STATEMENT_URL).select_one(".podium-text").get_text()
    assert "IOM’s leading role" in text and "IOM's" not in text


def test_index_pages_list_both(built_site: Path) -> None:
    for url in ["statements/", "statements/2023/", "sessions/iom-council-114th-session/",
                "bodies/iom-council/", "topics/migration/", "languages/en/"]:
        links = {a["href"] for a in page(built_site, url).select(".podium-entries a")}
        assert any(STATEMENT_ID in h for h in links) or url == "statements/", url
        assert any(REPORT_ID in h for h in links) or url == "statements/", url
    years = page(built_site, "statements/").select("article table a")
    assert [a.get_text() for a in years] == ["2023"]
    for url in ["delegations/vnm/", "speakers/le-thi-tuyet-mai/", "kinds/statement/"]:
        assert page(built_site, url).select_one(f'.podium-entries a[href$="{STATEMENT_ID}/"]'), url
    assert page(built_site, "kinds/news-report/").select_one(f'.podium-entries a[href$="{REPORT_ID}/"]')


def test_home_page_lists_latest_and_sections(built_site: Path) -> None:
    home = page(built_site, "")
    latest = [a.get_text() for a in home.select(".podium-entries a")]
    assert latest[0].startswith("Vietnamese diplomat")  # newest first
    assert len(latest) == 2
    sections = {a.get_text() for a in home.select("article li a")}
    assert {"Delegations", "Speakers", "Sessions", "Topics"} <= sections


def test_statement_pages_stay_out_of_the_navigation(built_site: Path) -> None:
    nav = page(built_site, "").select_one("nav.md-nav--primary")
    hrefs = [a.get("href", "") for a in nav.find_all("a")]
    assert not any(STATEMENT_ID in h or REPORT_ID in h for h in hrefs)
    assert any(h.endswith("delegations/") for h in hrefs)


def test_page_title_and_description(built_site: Path) -> None:
    html = page(built_site, REPORT_URL)
    assert html.title.get_text().startswith("Vietnamese diplomat calls")
    assert "title supplied by the archive" in html.select_one(".podium-supplied").get_text().lower()
    assert html.find("meta", attrs={"name": "description"})["content"].startswith("Geneva (VNA)")


def test_builds_are_deterministic(built_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = mkdocs_build(ROOT / "mkdocs.yml", again)
    assert result.returncode == 0, result.stderr
    # Pagefind writes its filter and metadata indexes (and the entry file that
    # names them) in varying order: a known upstream limitation (Pagefind/pagefind#638).
    # Its fragments, one per page, are stable and compared like everything else.
    # (Each language's bundle is in pagefind/<language>-<n>/.)
    unstable = re.compile(r"pagefind/[^/]+/(filter/|pagefind\.|pagefind-entry\.json)")

    def files(site: Path) -> dict[Path, bytes]:
        return {p.relative_to(site): p.read_bytes() for p in site.rglob("*")
                if p.is_file() and not unstable.match(p.relative_to(site).as_posix())}

    first, second = files(built_site), files(again)
    assert any(re.match(r"pagefind/en-0/fragment/", k.as_posix()) for k in first)
    assert first.keys() == second.keys()
    assert [str(k) for k in first if first[k] != second[k]] == []
    # The clock is never used: sitemap dates come from the statements, at their precision
    # (the statement has no date of its own; its event's days, 27-29 November, share the month).
    today = dt.date.today().isoformat().encode()
    assert [str(k) for k, v in first.items() if today in v] == []
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{STATEMENT_ID}/</loc>\n         <lastmod>2023-11</lastmod>" in sitemap


def test_text_of_every_repository_statement_reaches_its_page(built_site: Path) -> None:
    for st in load_collection(ROOT / "statements"):
        html = (built_site / f"statements/{st.meta.sort_date.year}/{st.meta.id}/index.html")
        text = html.read_text(encoding="utf-8")
        assert missing_words(st.body, text[text.find('class="podium-text"'):]) == [], st.shown


def test_guide_pages_are_published_and_may_mention_the_home_markers(built_site: Path) -> None:
    """The guide is part of the site; a marker named in running text or inline code
    stays text (only a marker alone on its line is replaced)."""
    for name in ("editing", "importing", "reuse", "search", "publishing", "safety"):
        assert (built_site / "guide" / name / "index.html").is_file(), name
    html = (built_site / "guide/publishing/index.html").read_text(encoding="utf-8")
    assert "&lt;!-- podium:latest --&gt;" in html
