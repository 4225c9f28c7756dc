"""A statement's body is a text: real UN texts publish with every word and mark
visible, in order, while Markdown written on purpose still works (podium.text.markup)."""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import SiteBuilder, page, statement_text
from hypothesis import given, settings
from hypothesis import strategies as hst

from podium.model import loader
from podium.pages import textcheck
from podium.text import blocks, markup
from podium.text.blocks import BlockKind
from podium.text.normalise import words
from podium.text.verify import missing_words, source_words

# Short excerpts of UN General Assembly verbatim records (general debate), with
# the line starts and inline marks that real texts carry.
UN_TEXT = """\
81. Together with all the other Members of the United Nations, the Austrian delegation is delighted that the General Assembly has elected as the President of its thirtieth session Mr. Gaston Thorn.
63.\tI want also to pay a tribute to the Secretary- General, whose fairness, leadership and tireless efforts are dedicated to carrying this Organization forward.
12) The present difficulties should not blind us to the true progress that has been achieved.
__________________
# 1 priority of my Government is peace, justice and solidarity among nations.
> 2. I could give many more examples. I could also point out how precarious the results are.
- 3 -
18. The vision of One Community must begin close to home. Regions are the building blocks of the global community.
* tons of pig iron, while the pits and mines will have an output of 170 million tons of coal.
+ 4 per cent of the gross national product is devoted to development assistance.
= the common heritage of mankind, if it is to be just, fair and equitable.
If the Assembly followed my train <of thought it will have noticed that international peace and security are sorely tried.
the strong link which exists between peace, justice and solidarity <to this and to the Charter {the Charter of 1945}.
We have read the report [of the Secretary-General][sg] on the work of the Organization & its agencies.
Cooperation for development &mdash; the theme of this session &amp; the last &mdash; is the work of all.
The photograph <img src=x alt=y remained on the table of the Committee.
1990 was the year of the World Summit for Children.
"""


def _page_words(site_dir: Path, url: str) -> list[str]:
    text = page(site_dir, url).select_one(".podium-text")
    assert text is not None
    return words(text.get_text(" "))


def _in_order(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(w == h for h in it) for w in needles)


def test_every_line_start_and_inline_case_publishes_every_word_in_order(temp_site: SiteBuilder) -> None:
    result, site = temp_site({"un.md": statement_text(UN_TEXT, id="un")})
    assert result.returncode == 0, result.stderr
    shown = _page_words(site, "statements/2024/un/")
    source = words(html.unescape(UN_TEXT))  # entities are Markdown: &mdash; reads as a dash
    assert _in_order(source, shown), sorted(set(source) - set(shown))
    text = page(site, "statements/2024/un/").select_one(".podium-text")
    assert text is not None
    visible = " ".join(text.get_text(" ").split())
    for mark in ["81.", "63.", "12)", "__________________", "# 1 priority", "2. I could", "- 3 -", "18.",
                 "* tons", "+ 4 per cent", "= the common", "<of thought", "<to this and",
                 "{the Charter of 1945}", "& its agencies", "<img src=x alt=y", "1990 was"]:
        assert mark in visible, mark
    # Paragraph numbers are the paragraphs' own, never an ordered list's.
    assert text.select("ol") == []
    numbers = [s.get_text() for s in text.select(".podium-number")]
    assert numbers[:4] == ["81.", "63.", "12)", "18."]
    # One paragraph per line: each line of the source is its own paragraph.
    assert len(text.select(":scope > p[id]")) >= 14


def test_deliberate_markdown_still_works(temp_site: SiteBuilder) -> None:
    body = ("## Background\n\nWe _firmly_ and *strongly* support [the resolution](https://undocs.org/A/RES/78/1).\n\n"
            "- first point\n- second point\n\n> A quotation from the Charter.\n\n---\n\n"
            "A paragraph with a `code span` and **bold** words, long enough to be a line of its own in a text.\n{: .lead }\n")
    result, site = temp_site({"md.md": statement_text(body, id="md")})
    assert result.returncode == 0, result.stderr
    text = page(site, "statements/2024/md/").select_one(".podium-text")
    assert text is not None
    assert text.select_one("h2") is not None and "Background" in text.select_one("h2").get_text()
    assert [em.get_text() for em in text.select("em")] == ["firmly", "strongly"]
    assert text.select_one("a[href='https://undocs.org/A/RES/78/1']") is not None
    assert [li.get_text() for li in text.select("ul li")] == ["first point", "second point"]
    assert text.select_one("blockquote") is not None and text.select_one("hr") is not None
    assert text.select_one("code").get_text() == "code span"
    assert text.select_one("p.lead") is not None


@pytest.mark.parametrize("body", [
    "We welcome [the report][unhcr] of the High Commissioner.\n\n[unhcr]: https://www.unhcr.org/\n",
    "Peace &amp; security &mdash; and development &copy; 2024.\n",
    "The delegation showed <img src=x onerror=alert(1) the photograph of the meeting.\n",
])
def test_check_and_build_agree_on_issue_13_cases(temp_site: SiteBuilder, body: str) -> None:
    """`podium check` says valid exactly when the build passes (issue #13, item 10)."""
    result, site = temp_site({"a.md": statement_text(body, id="a")})
    assert result.returncode == 0, result.stderr
    check = subprocess.run([sys.executable, "-m", "podium.cli", "check", str(site.parent / "statements")],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout
    assert missing_words(body, str(page(site, "statements/2024/a/").select_one(".podium-text"))) == []


def test_structure_and_text_blocks() -> None:
    for text in ["### 3. Relevance of the General Debate Theme", "> quoted", "- item\n- item",
                 "| a | b |\n|---|---|\n| 1 | 2 |", "```\ncode\n```", "***", "Title\n=====",
                 '<div class="note">', "[id]: https://un.org", "!!! note"]:
        assert markup.is_structure(text), text
    for text in ["41. The Assembly", "1.\tThe", "12) x", "#1 priority", "___________", "| a |",
                 "<to this and", "=", "- 3 -\n18. The vision", "    indented text"]:
        assert not markup.is_structure(text) or text.startswith("- "), text


def test_paragraphs_of_a_one_paragraph_per_line_text() -> None:
    long = "x" * 120
    assert markup.paragraphs(f"{long}.\nSecond paragraph.\n3. Third") == [f"{long}.", "Second paragraph.",
                                                                         "3. Third"]
    # Hard-wrapped text (no long line) stays one paragraph, unless a number starts a line.
    assert markup.paragraphs("We support the\nresolution. It is\ngood.") == ["We support the\nresolution. "
                                                                           "It is\ngood."]
    assert markup.paragraphs("end of one\n2. next") == ["end of one", "2. next"]


def test_numbered_paragraph_block() -> None:
    (block,) = blocks.parse("41. The Assembly decided.\n")
    assert block.kind is BlockKind.PARAGRAPH and block.source_number == "41."
    assert block.markdown == '<span class="podium-number">41.</span> The Assembly decided.'


def test_word_check_reads_the_source_by_the_same_rule() -> None:
    assert sorted(source_words("a <to this and b > c")) == ["a", "and", "b", "c", "this", "to"]
    assert sorted(source_words("a <em>b</em> {: .x } {the Charter}")) == ["a", "b", "charter", "the"]
    assert sorted(source_words("[the report][r]\n\n[r]: https://x.org\n")) == ["report", "the"]
    assert sorted(source_words("AT&amp;T &mdash; x")) == ["at", "t", "x"]



PIECES = hst.sampled_from([*"ab1 .)\n#>-+=:!?,*_<&`[]{}()\t\\|~", "<to ", "&amp;", "[x]: http://a.b\n",
                           "{: .c }", "\n\n", "41. ", "12) ", "____"])


@settings(max_examples=300, deadline=None)
@given(hst.lists(PIECES, min_size=1, max_size=25).map("".join))
def test_plain_prose_and_markdown_show_a_text_alike(body: str) -> None:
    """A text paragraph written as HTML directly (podium.text.prose) shows what its
    escaped Markdown shows: the line-start marks are text either way."""
    if not body.strip():
        return
    statement = loader.parse("---\nid: a\nkind: statement\ntitle: T\ndate: 2024-01-01\nlanguage: en\n---\n\n"
                             + body, "a.md", Path("a.md"))
    assert not isinstance(statement, list)
    fast = textcheck.rendered(statement, textcheck.TextOptions(plain_prose=True))
    slow = textcheck.rendered(statement, textcheck.TextOptions(plain_prose=False))

    def shown(fragment: str) -> str:
        return " ".join(BeautifulSoup(fragment, "html.parser").get_text(" ").split())

    assert shown(fast) == shown(slow)
    assert missing_words(statement.body, fast) == [] == missing_words(statement.body, slow)
    # Each numbered block carries its own id, where podium.js puts its ¶ link.
    for fragment in (fast, slow):
        soup = BeautifulSoup(fragment, "html.parser")
        assert all(el.get("id") for el in soup.select(".podium-p"))
