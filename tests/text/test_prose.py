"""podium.text.prose: plain prose written as HTML must be exactly what Markdown writes."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.text import prose
from podium.text.sanitise import sanitise

# The repository's own extensions (mkdocs.yml) plus the ones MkDocs always adds.
EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html", "def_list", "admonition"]


def markdown_html(text: str) -> str:
    return sanitise(markdown.Markdown(extensions=EXTENSIONS).convert(text))


@pytest.mark.parametrize("text", [
    "Mr. President,",
    "Viet Nam welcomes the report (IOM) and its 50% increase: yes!",
    'He said "we agree" \u2014 it\u2019s time.',
    "Line one of a paragraph\nand line two.",
    "Xin tr\u00e2n tr\u1ecdng c\u1ea3m \u01a1n.",
    "It costs $5 @ home; #1 priority ^ 2 = 4 + 1.",
])
def test_plain_prose_is_written_as_markdown_would(text: str) -> None:
    html = prose.paragraph(text, sanitise)
    assert html == f"<p>{text}</p>" == markdown_html(text)


@pytest.mark.parametrize("text", [
    "*emphasis*", "snake_case", "a [link](x)", "<b>html</b>", "AT&T", "{: .class }",
    "a | table", "back\\slash", "`code`", "~~struck~~",
    "# Heading", "> quote", "- item", "+ item", "1. first", "2) second", "Term\n: definition",
    "Title\n===", "Title\n---", "!!! note", "    indented code", "line with break  \nnext",
    " leading space", "a\u00a0no-break space",  # the sanitiser writes &nbsp;
])
def test_anything_with_syntax_goes_to_markdown(text: str) -> None:
    assert prose.paragraph(text, sanitise) is None


PROSE = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs", "S"]), min_size=1,
    max_size=120,
).map(lambda s: " ".join(s.split()))


@settings(max_examples=300, deadline=None)
@given(st.lists(PROSE, min_size=1, max_size=3))
def test_whenever_prose_writes_html_it_is_markdowns_html(lines: list[str]) -> None:
    text = "\n".join(line for line in lines if line)
    html = prose.paragraph(text, sanitise)
    if html is not None:
        assert html == markdown_html(text)


def test_extensions_that_rewrite_prose_turn_it_off() -> None:
    assert prose.applies(["toc", "tables", "fenced_code", "attr_list", "markdown.extensions.def_list"])
    assert not prose.applies(["toc", "smarty"])
    assert not prose.applies(["toc", "abbr"])
    assert not prose.applies(["pymdownx.emoji"])


ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\u00a0"), min_size=1,
                   max_size=80)


@settings(max_examples=1000, deadline=None)
@given(ANY_TEXT)
def test_prose_the_sanitiser_is_not_asked_about_is_left_alone_by_it(text: str) -> None:
    """paragraph() skips the sanitiser unless the text has a no-break space: any
    text it accepts must come out of the sanitiser unchanged."""
    html = prose.paragraph(text, lambda h: "")  # a sanitiser that changes everything
    if html is not None:
        assert sanitise(html) == html
