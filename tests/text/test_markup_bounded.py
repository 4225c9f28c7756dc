"""A small body never makes the check or the build slow: thousands of unclosed
openers (`{: `, `[x](`, `<a `, `[`, `<!--`, backticks) are text, shown as
written, and read in linear time by Podium and by Python-Markdown alike
(podium.text.markup escapes the openers that close nothing). The bound is a safety
net against quadratic parsing (before: 12 s to over 100 s), not a benchmark."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from podium.model import loader
from podium.pages import textcheck
from podium.text import markup
from podium.text.verify import missing_words

BOUND = 5.0
BODIES = [("{: ", 20000), ("[x](", 20000), ("<a ", 20000), ("[", 20000), ("![", 10000),
          ("<!--", 10000), ("](", 10000), ("[x](\"", 10000), ("{#a ", 10000), ("``a`", 10000),
          ("<script>", 10000), ("<a ", 80000), ("```a``", 5000), ("> " + "<a " * 80000, 1),
          ("- " + "[x](" * 20000, 1), ("> " + "``a`" * 10000, 1), ("```\n" + "`a``" * 5000, 1),
          ("*a_" * 30000, 1)]


@pytest.mark.parametrize(("piece", "times"), BODIES)
def test_unclosed_openers_are_checked_in_bounded_time(piece: str, times: int) -> None:
    body = piece * times
    st = loader.parse("---\nid: a\nkind: statement\ntitle: T\ndate: 2024-01-01\nlanguage: en\n---\n\n"
                      + body + "\n", "a.md", Path("a.md"))
    assert not isinstance(st, list), st
    start = time.perf_counter()
    html = textcheck.rendered(st, textcheck.TextOptions())
    missing = missing_words(st.body, html)
    took = time.perf_counter() - start
    assert took < BOUND, f"{piece!r} * {times}: {took:.1f} s"
    assert missing == []
    # Shown as written, but for a complete tag (`<script>`), code spans (``` ``a``` ```)
    # and typography (`"` set as “).
    if not any(mark in piece for mark in ("<script>", "`", '"', "> ", "- ")):
        shown = BeautifulSoup(html, "html.parser").get_text()
        assert "".join(shown.split()) == "".join(body.split())  # every mark shown, in order


@pytest.mark.parametrize("text", [
    "a [link](https://un.org) and [another](https://un.org/a_(b) \"title\") here",
    "see [the report][r] and ![a map](map.png) and [^1]", "[[nested] brackets](https://un.org)",
    "code `a [ b` and ``c ` d`` end", "an {: .attr } list and {#id} too",
    "A [link](https://e.com/People's_Rep) with an apostrophe in its address.",
])
def test_links_code_and_attribute_lists_stay_markdown(text: str) -> None:
    """Only openers that close nothing are escaped: written Markdown renders as before."""
    assert "\\" not in markup.escape_inline(text)


def test_openers_that_close_nothing_are_escaped() -> None:
    assert markup.escape_inline("[x](a") == "[x]\\(a"
    assert markup.escape_inline("a [b c") == "a \\[b c"
    assert markup.escape_inline("a ` b") == "a \\` b"
    assert markup.escape_inline("[" * 6 + "x" + "]" * 6).count("\\[") == 6 - markup.NESTING


def test_a_crowded_block_is_text_shown_as_written() -> None:
    """Thousands of marks in one block: the block is text, without Markdown
    (Python-Markdown's inline parser rescans the block for each mark), whatever
    its first mark; a fenced code block that closes stays code."""
    crowded = "> " + "<a *b* " * 5000
    assert markup.crowded(crowded) and not markup.crowded("<a *b* " * 20)
    st = loader.parse("---\nid: a\nkind: statement\ntitle: T\ndate: 2024-01-01\nlanguage: en\n---\n\n"
                      + crowded + "\n", "a.md", Path("a.md"))
    assert not isinstance(st, list), st
    html = textcheck.rendered(st, textcheck.TextOptions())
    soup = BeautifulSoup(html, "html.parser")
    assert [p.get("id") for p in soup.find_all("p")] == ["p1"]
    assert soup.get_text().strip() == crowded.strip()
    assert soup.find("em") is None and soup.find("blockquote") is None
    assert markup.is_fenced_code("```py\n" + "`a`` " * 5000 + "\n```")
    assert not markup.is_fenced_code("```a``" * 10) and not markup.is_fenced_code("```\nno close")
