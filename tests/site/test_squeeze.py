"""Whitespace squeezing (podium.site.squeeze): one line break for each run that
holds one, and <pre>, <textarea>, <script>, <style> left exactly as written."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.site.squeeze import whitespace

_ONE_PATTERN = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)|([ \t\r\f]*\n\s*)", re.S | re.I)


def test_indentation_goes_and_preformatted_text_stays() -> None:
    pre = "<pre>  x\n\n  y</pre>"
    script = "<SCRIPT>\n  if (a)\n    b();\n</SCRIPT >"
    html = f"<nav>\n    <ul>\n\n      <li>a</li>\n    </ul>\n</nav>\n{pre}\n  {script}\n"
    assert whitespace(html) == f"<nav>\n<ul>\n<li>a</li>\n</ul>\n</nav>\n{pre}\n{script}\n"


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(
    ["<pre>", "</pre>", "<PRE x>", "<style>", "</style >", "<script>", "</script>", "<textarea>",
     "</textarea>", "<p>", "</p>", " ", "\t", "\n", "\r", "\u00a0", "a", "<", ">"]), max_size=30,
).map("".join))
def test_the_same_as_one_pattern_over_the_page(html: str) -> None:
    """Elements kept whole are found first and the runs between them squeezed: the
    same result as one pattern that does both in one scan (the earlier code)."""
    assert whitespace(html) == _ONE_PATTERN.sub(lambda m: m[1] or "\n", html)
