"""The plugin in real builds of small throwaway sites."""

import datetime as dt

import pytest
from conftest import SiteBuilder, page, statement_text

DELEGATIONS = ["FRA", "VNM", "BRA", "KEN", "IND", "EU", "MEX"]


def many(n: int) -> dict[str, str]:
    """n statements by n speakers over two years, so listings must paginate."""
    out = {}
    for i in range(n):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=i)
        out[f"s{i:03}.md"] = statement_text(
            body=f"Mr. President,\n\nParagraph number {i} of the text.\n",
            id=f"s{i:03}", title=f"Statement {i}", date=day.isoformat(),
            speaker={"name": f"Speaker {i:03}"}, delegation=DELEGATIONS[i % len(DELEGATIONS)],
            event={"body": "Human Rights Council", "session": f"{50 + i % 3}th session",
                   "start": day.isoformat()},
            topics=["Human rights"], language=["en", "fr", "es", "vi"][i % 4])
    return out


def test_taxonomies_and_pagination(temp_site: SiteBuilder) -> None:
    result, site = temp_site(many(250))
    assert result.returncode == 0, result.stderr
    # Days 0..249 of 2023: one year term with 250 entries.
    first = page(site, "statements/2023/")
    assert len(first.select(".podium-entries li")) == 100
    assert first.select_one(".podium-pager").get_text(" ", strip=True).startswith("← Newer · Page 1 of 3")
    third = page(site, "statements/2023/page/3/")
    assert len(third.select(".podium-entries li")) == 50
    assert third.select_one(".podium-pager a")["href"] == "../2/"
    # Newest first: page 1 starts with the last statement.
    assert first.select_one(".podium-entries a").get_text() == "Statement 249"
    # The speakers index has 250 terms: paginated too.
    assert len(page(site, "speakers/").select("article table tbody tr")) == 100
    assert len(page(site, "speakers/page/3/").select("article table tbody tr")) == 50
    # One generic mechanism gives every configured facet its pages.
    for url in ["delegations/eu/", "delegations/vnm/", "bodies/human-rights-council/",
                "sessions/human-rights-council-50th-session/", "topics/human-rights/",
                "kinds/statement/", "languages/vi/"]:
        assert page(site, url).select(".podium-entries li"), url
    assert page(site, "delegations/").select_one("h1").get_text() == "Delegations"


def test_custom_taxonomy_configuration(temp_site: SiteBuilder) -> None:
    result, site = temp_site(
        many(3),
        taxonomies=[{"facet": "delegation", "title": "Countries", "path": "countries",
                     "term_title": "Statements of {term}"}],
        page_size=2)
    assert result.returncode == 0, result.stderr
    assert page(site, "countries/fra/").select_one("h1").get_text() == "Statements of France"
    assert not (site / "speakers").exists()
    # Without a speaker taxonomy, the panel names the speaker without a link.
    panel = page(site, "statements/2023/s000/").select_one(".podium-meta")
    assert "Speaker 000" in panel.get_text() and not panel.find("a", string="Speaker 000")
    home = page(site, "")
    assert len(home.select(".podium-entries li")) == 3


def test_invalid_statements_stop_the_build_naming_every_file(temp_site: SiteBuilder) -> None:
    files = {
        "good.md": statement_text(id="good"),
        "bad-kind.md": statement_text(id="bad-kind", kind="speach"),
        "bad-date.md": statement_text(id="bad-date").replace("'2024-09-24'", "2024-02-30"),
    }
    result, _ = temp_site(files)
    assert result.returncode != 0
    assert "2 invalid statement file(s)" in result.stderr
    assert "statements/bad-kind.md:3: kind: Input should be" in result.stderr
    assert "statements/bad-date.md:5: date:" in result.stderr


def test_skip_mode_builds_the_valid_ones_and_warns(temp_site: SiteBuilder) -> None:
    files = {"good.md": statement_text(id="good"), "bad.md": statement_text(id="bad", kind="x")}
    result, site = temp_site(files, strict=False, on_invalid="skip")
    assert result.returncode == 0, result.stderr
    assert "WARNING" in result.stderr and "statements/bad.md:3: kind:" in result.stderr
    assert "(skipped)" in result.stderr
    assert (site / "statements/2024/good/index.html").is_file()
    assert not (site / "statements/2024/bad").exists()


def test_hostile_metadata_is_escaped(temp_site: SiteBuilder) -> None:
    result, site = temp_site({"x.md": statement_text(
        id="x", title="<script>alert(1)</script> *bold* [link](javascript:alert(1))",
        speaker={"name": "<img src=x onerror=alert(1)>"})})
    assert result.returncode == 0, result.stderr
    html = (site / "statements/2024/x/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    article = page(site, "statements/2024/x/").select_one("article")
    assert not article.find("a", href=lambda h: h and h.startswith("javascript:"))
    assert "<script>alert(1)</script> *bold*" in article.select_one("h1").get_text()
    assert page(site, "statements/2024/x/").title.get_text().startswith("<script>alert(1)</script>")


def test_cached_template_parts_are_what_material_renders(temp_site: SiteBuilder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Navigation, header and footer rendered once per folder (cache_nav) give the
    same pages, byte for byte, as Material rendering them for every page."""

    def pages(site) -> dict[str, str]:  # type: ignore[no-untyped-def]
        return {str(p.relative_to(site)): p.read_text("utf-8") for p in sorted(site.rglob("*.html"))
                if "pagefind" not in p.parts}

    result, site = temp_site(many(30))
    assert result.returncode == 0, result.stderr
    cached = pages(site)
    (tmp_path / "cached").mkdir()
    site.rename(tmp_path / "cached" / "site")
    result, site = temp_site(many(30), cache_nav=False)
    assert result.returncode == 0, result.stderr
    uncached = pages(site)
    assert uncached.keys() == cached.keys() and len(cached) > 60
    for path, text in uncached.items():
        assert cached[path] == text, path
    statement = cached["statements/2023/s007/index.html"]
    assert '<span class="md-ellipsis">\nStatement 7\n' in statement  # whitespace squeezed


def test_serve_watches_the_statements_folder() -> None:
    from conftest import ROOT
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    assert str(ROOT / "statements") in [str(w) for w in config.watch]


def test_without_pagefind_the_build_says_how_to_fix_it(temp_site: SiteBuilder,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/nonexistent/pagefind")
    result, _ = temp_site({"a.md": statement_text(id="a")})
    assert result.returncode != 0
    assert "podium: search index not built" in result.stderr
    assert "install pagefind[bin], or set `pagefind: false`" in result.stderr
    result, site = temp_site({"a.md": statement_text(id="a")}, pagefind=False)
    assert result.returncode == 0, result.stderr
    assert not (site / "pagefind").exists()


def _files(site) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """Every file of a built site but Pagefind's, whose meta file names are not
    stable between runs (Pagefind/pagefind#638, see test_build)."""
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and "pagefind" not in p.parts}


def test_worker_processes_build_the_same_bytes_as_one_process(temp_site: SiteBuilder,
                                                              tmp_path) -> None:  # type: ignore[no-untyped-def]
    statements = many(120)  # statement and term pages in several batches
    config = {"site_url": "https://archive.example/"}
    result, site = temp_site(statements, site={**config, "plugins": [{"podium": {"workers": 1}}]})
    assert result.returncode == 0, result.stderr
    assert "in 1 process(es)" in result.stderr
    one = _files(site)
    (tmp_path / "one").mkdir()
    site.rename(tmp_path / "one" / "site")
    result, site = temp_site(statements, site={**config, "plugins": [{"podium": {"workers": 2}}]})
    assert result.returncode == 0, result.stderr
    assert "in 2 process(es)" in result.stderr
    assert "Pagefind indexed 120 statement page(s)" in result.stderr
    assert _files(site) == one
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert sitemap.count("<loc>") == len([p for p in one if p.endswith("index.html")])
    assert "statements/2023/s119/" in sitemap


def test_a_warning_in_a_worker_fails_a_strict_build(temp_site: SiteBuilder) -> None:
    statements = many(60)
    # A Markdown link to a page that does not exist: MkDocs warns while rendering
    # that statement's page, in a worker.
    statements["s030.md"] = statements["s030.md"].replace(
        "Paragraph number 30", "Paragraph number 30 cites [the annex](annex.md)")
    result, _ = temp_site(statements, site={"plugins": [{"podium": {"workers": 2}}]})
    assert result.returncode != 0
    assert "WARNING -  Doc file 'statements/2023/s030.md' contains a link 'annex.md'" in result.stderr
    assert "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr


def test_workers_and_lunr_search_do_not_mix(temp_site: SiteBuilder) -> None:
    lunr = ["search", {"podium": {"workers": 2}}]
    result, _ = temp_site({"a.md": statement_text(id="a")}, site={"plugins": lunr})
    assert result.returncode != 0
    assert "`workers: 2` cannot be used with the `search` plugin" in result.stderr
    result, _ = temp_site({"a.md": statement_text(id="a")}, strict=False,
                          site={"plugins": ["search", "podium"]})  # auto: one process with lunr
    assert result.returncode == 0, result.stderr
    assert "in 1 process(es)" in result.stderr


def test_nav_titles_from_mkdocs_yml_are_kept(built_site) -> None:  # type: ignore[no-untyped-def]
    # mkdocs.yml: "Statements: statements/index.md"; the page's own title is longer.
    home = page(built_site, "/")
    tabs = [a.get_text(strip=True) for a in home.select(".md-tabs__link")]
    assert "Statements" in tabs
    assert "Statements by date" not in tabs


def test_a_hand_written_page_in_place_of_a_generated_one_is_an_error(temp_site: SiteBuilder,
                                                                     tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "docs" / "speakers").mkdir(parents=True)
    (tmp_path / "docs" / "speakers" / "index.md").write_text("# My speakers\n", encoding="utf-8")
    result, _ = temp_site(many(3))
    assert result.returncode != 0
    assert "docs/speakers/index.md is also a generated page; rename or remove the hand-written file" \
        in result.stderr


def test_a_part_is_cached_with_a_slot_only_when_the_title_occurs_once() -> None:
    from podium.mkdocs.theme import TemplateCache

    cache = TemplateCache()
    header = '<header><a title="Archive">Archive</a><span>Statement 7</span></header>'
    assert cache.put_with_slot("h", "Statement 7", header) == header
    assert cache.fill("h", "Statement 8") == header.replace("Statement 7", "Statement 8")
    assert cache.put_with_slot("home", "Archive", header) == header  # twice: not kept
    assert cache.fill("home", "Other") is None
    assert cache.fill("unknown", "x") is None


def test_a_hand_written_file_where_the_word_index_goes_is_an_error(temp_site: SiteBuilder,
                                                                   tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The build writes the search's word index into search/words/: a file of the
    project's there is named, not replaced (nor left to replace the index)."""
    (tmp_path / "docs" / "search" / "words").mkdir(parents=True)
    (tmp_path / "docs" / "search" / "words" / "index.json").write_text("{}", encoding="utf-8")
    result, _ = temp_site(many(3))
    assert result.returncode != 0
    assert "docs/search/words/index.json is inside search/words/, where the build writes the search's " \
           "word index; move the hand-written file" in result.stderr
    assert (tmp_path / "docs" / "search" / "words" / "index.json").read_text(encoding="utf-8") == "{}"
