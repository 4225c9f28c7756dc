"""Untrusted statements cannot put script or styles into the published site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, SiteBuilder, page, statement_text

from podium.engine.preview import serve
from podium.model.collection import load_collection
from podium.text.sanitise import sanitise

HOSTILE_BODY = """Mr. President,

<script>window.pwned = 'script'</script>

<img src="x" onerror="window.pwned = 'onerror'"> An image.

<iframe src="javascript:parent.pwned='iframe'"></iframe>

[Click me](javascript:window.pwned='link') and <a href="javascript:window.pwned='a'">me</a>.

<p style="position:fixed;inset:0;background:red" onclick="window.pwned='click'">Styled</p>

<svg onload="window.pwned='svg'"><circle r="5"/></svg>

We **support** the *resolution*, as said in <em>plenary</em>.
"""

HOSTILE_META = {
    "id": "hostile",
    "title": "</title><script>window.pwned='title'</script>",
    "summary": '"><script>window.pwned="summary"</script>',
    "speaker": {"name": "<img src=x onerror=\"window.pwned='speaker'\">", "role": "<b>Role</b>"},
    "venue": "[venue](javascript:window.pwned='venue')",
    "topics": ["<script>alert(1)</script>"],
}


@pytest.fixture
def hostile_site(temp_site: SiteBuilder) -> Path:
    result, site = temp_site({"hostile.md": statement_text(body=HOSTILE_BODY, **HOSTILE_META)})
    assert result.returncode == 0, result.stderr
    return site


def test_sanitiser_keeps_formatting_and_drops_the_rest() -> None:
    html = sanitise('<p id="intro" class="podium-p" style="x" onclick="y">A <strong>b</strong> '
                    '<a href="javascript:z">c</a> <a href="../d/#p2">d</a><script>e</script></p>')
    assert html == '<p id="intro">A <strong>b</strong> <a>c</a> <a href="../d/#p2">d</a></p>'


def test_a_text_cannot_take_the_classes_that_hide() -> None:
    """Material's and Podium's classes (`md-toggle`, `podium-print-only` are
    display: none) would hide words the word check counts as shown."""
    html = sanitise('<p class="md-toggle lead">a</p><span class="podium-print-only">b</span>'
                    '<span class="hidden">c</span><span class="podium-number">1.</span>')
    assert html == '<p class="lead">a</p><span>b</span><span>c</span><span class="podium-number">1.</span>'


def test_built_html_has_no_script_from_the_statement(hostile_site: Path) -> None:
    html = page(hostile_site, "statements/2024/hostile/")
    scripts = html.find_all("script")
    assert not [s for s in scripts if "pwned" in s.get_text() and s.get("type") != "application/ld+json"]
    assert not [s for s in scripts if "</" in (s.string or "")]  # JSON-LD data cannot close its element
    assert not html.select_one("article").find_all(["iframe", "svg", "object", "embed"])
    for tag in html.find_all(True):
        assert not [a for a in tag.attrs if a.startswith("on")], tag
        assert not str(tag.get("href", "")).startswith("javascript:"), tag
        assert not str(tag.get("src", "")).startswith("javascript:"), tag
    for tag in html.select("article *"):
        assert "style" not in tag.attrs, tag
    text = html.select_one(".podium-text")
    assert text.find("strong").get_text() == "support"
    assert text.find("em").get_text() == "resolution"


def test_front_matter_values_are_text(hostile_site: Path) -> None:
    html = page(hostile_site, "statements/2024/hostile/")
    assert html.title.get_text().startswith("</title><script>")
    assert html.find("meta", attrs={"name": "description"})["content"].startswith('"><script>')
    panel = html.select_one(".podium-meta")
    assert "<b>Role</b>" in panel.get_text()
    assert not panel.find("img") and not panel.find("b")


@pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                    reason="Debian's chromium is not installed")
def test_no_script_runs_in_a_browser(hostile_site: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with serve(hostile_site) as base, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page()
        dialogs: list[str] = []
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.goto(f"{base}statements/2024/hostile/")
        for link in tab.locator(".podium-text a, .podium-meta a").all():
            if link.get_attribute("href") is None:
                link.click()
        tab.locator("text=Styled").click()
        tab.wait_for_timeout(300)
        tab.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
        assert tab.evaluate("window.pwned") is None
        assert dialogs == []
        browser.close()


def test_a_statement_cannot_cut_its_own_text_short(temp_site: SiteBuilder) -> None:
    """The text Pagefind indexes and the word check reads is cut out of the page
    at Podium's own markers; a statement that writes them too loses nothing."""
    import gzip
    import json

    from podium.pages.render import statement_text as text_of

    body = ("Mr. President,\n\nFirst words.\n\n<!-- podium:text-end -->\n\n"
            "</div></div> Stray closing tags.\n\n<div class=\"podium-text\">A fake text div</div>\n\n"
            "Last words of the statement.\n")
    result, site = temp_site({"cut.md": statement_text(id="cut", body=body)})
    assert result.returncode == 0, result.stderr
    text = text_of((site / "statements/2024/cut/index.html").read_text("utf-8"))
    indexed = [json.loads(gzip.decompress(p.read_bytes())[len(b"pagefind_dcd"):])["content"]
               for p in (site / "pagefind").glob("*/fragment/*")]
    for words in ["First words", "Stray closing tags", "A fake text div", "Last words of the statement"]:
        assert words in text
        assert any(words in content for content in indexed), words
    assert "Cite" not in text and "podium-meta" not in text


def test_a_body_cannot_call_podiums_placeholders(temp_site: SiteBuilder) -> None:
    """`<!-- podium:0 -->` once copied Podium's HTML into the page (two <h1>),
    `<!-- podium:99999 -->` crashed the build, `<!-- podium:latest -->` inserted
    the latest list (issue #13, item 6)."""
    body = ("Mr. President,\n\n<!-- podium:0 -->\n\nMiddle words.\n\n<!-- podium:99999 -->\n\n"
            "<!-- podium:latest -->\n\n<!-- podium:sections -->\n\nInline <!-- podium:1 --> comment.\n")
    result, site = temp_site({"calls.md": statement_text(id="calls", body=body)})
    assert result.returncode == 0, result.stderr
    html = page(site, "statements/2024/calls/")
    assert len(html.find_all("h1")) == 1
    assert len(html.select(".podium-meta")) == 1 and len(html.select(".podium-text")) == 1
    assert not html.select(".podium-text .podium-latest, .podium-text ul")
    assert "Middle words." in html.select_one(".podium-text").get_text()
    assert "podium:" not in str(html.select_one(".podium-text"))


HOSTILE_NAME = '"><img src=x onerror=alert(1)>.md'


def test_a_hostile_file_name_is_refused_with_a_hint(tmp_path: Path) -> None:
    from podium.cli import main

    (tmp_path / HOSTILE_NAME).write_text(statement_text(id="named"), encoding="utf-8")
    (tmp_path / "good.md").write_text(statement_text(id="good"), encoding="utf-8")
    [problem] = load_collection(tmp_path).problems
    assert problem.path == f"{tmp_path.name}/{HOSTILE_NAME}" and problem.severity == "error"
    assert "web servers, URLs or shells" in problem.message
    assert "rename it to the statement's id" in (problem.hint or "")
    assert main(["check", str(tmp_path)]) == 1


def test_file_names_in_edit_links_are_url_encoded(temp_site: SiteBuilder) -> None:
    site_opts = {"repo_url": "https://github.com/example/archive", "edit_uri": "edit/main/docs/",
                 "theme": {"name": "material", "features": ["content.action.edit"]}}
    result, site = temp_site({HOSTILE_NAME: statement_text(id="named"),
                              "déclaration.md": statement_text(id="declaration", language="fr")},
                             site=site_opts, on_invalid="skip", strict=False)
    assert result.returncode == 0, result.stderr
    assert "web servers, URLs or shells" in result.stderr
    edit = page(site, "statements/2024/declaration/").select_one("a[href*='/edit/']")
    assert edit["href"] == "https://github.com/example/archive/edit/main/statements/d%C3%A9claration.md"
    for html_file in site.rglob("*.html"):
        assert "<img src=x" not in html_file.read_text("utf-8"), html_file


def test_a_text_cannot_take_the_themes_or_podiums_ids(temp_site: SiteBuilder) -> None:
    """`{#__config}` made Material parse a paragraph as its configuration; `{: #x}`
    and `{#p1}` took a paragraph's ¶ anchor."""
    body = ("Mr. President,\n\nFirst paragraph.\n{#__config}\n\nSecond paragraph.\n{: #evil .x}\n\n"
            "Third paragraph.\n{#p1}\n\nFourth paragraph.\n{#drawer-ok}\n")
    result, site = temp_site({"ids.md": statement_text(body, id="ids")})
    assert result.returncode == 0, result.stderr
    html = page(site, "statements/2024/ids/")
    ids = [tag["id"] for tag in html.select("[id]")]
    assert ids.count("__config") == 1 and html.select_one("#__config").name == "script"
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    text = html.select_one(".podium-text")
    numbered = [p["id"] for p in text.select("[id^=p]") if p["id"][1:].isdigit()]
    assert numbered == [f"p{n}" for n in range(1, len(numbered) + 1)] and len(numbered) >= 4


def test_direction_overrides_and_control_characters_in_metadata_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "statements"
    folder.mkdir()
    (folder / "rtl.md").write_text(statement_text(id="rtl", speaker={"name": "x\u202eevil"}),
                                   encoding="utf-8")
    (folder / "ctl.md").write_text(statement_text(id="ctl", summary="ctl \x0b vt \x1b esc"),
                                   encoding="utf-8")
    collection = load_collection(folder)
    problems = {(p.path.rsplit("/", 1)[-1], p.field): p.message for p in collection.problems}
    assert "U+202E" in problems[("rtl.md", "speaker.name")]
    assert "U+000B" in problems[("ctl.md", "summary")]
    assert len(collection) == 0


def test_check_reports_a_page_address_taken_twice(tmp_path: Path) -> None:
    """`podium check` passes exactly when the build would: an id `index` collides with
    its year's listing."""
    folder = tmp_path / "statements"
    folder.mkdir()
    (folder / "index.md").write_text(statement_text(id="index"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "podium.cli", "check", str(folder)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "would both be published at /statements/2024/" in result.stdout
