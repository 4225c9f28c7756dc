from hypothesis import given, settings
from hypothesis import strategies as st

from podium.text.verify import missing_words, source_words


def test_nothing_missing_when_all_words_shown() -> None:
    md = "Mr. President,\n\nWe [support](https://un.org/x) the *resolution*{: .x }.\n"
    html = "<p>Mr. President,</p><p>We <a href='https://un.org/x'>support</a> the <em>resolution</em>.</p>"
    assert missing_words(md, html) == []


def test_a_dropped_word_is_named_with_its_count() -> None:
    md = "We support the resolution, the whole resolution.\n"
    html = "<p>We support the resolution, the whole.</p>"
    assert missing_words(md, html) == ["resolution"]



def test_words_in_another_order_or_added_are_not_missing() -> None:
    """The check compares multisets; equal word lists are only its shortcut."""
    md = "First the resolution, then the report.\n"
    assert missing_words(md, "<p>Then the report.</p><p>First the resolution, ¶ 2.</p>") == []
    assert missing_words(md, "<p>Then the report; first the.</p>") == ["resolution"]

def test_syntax_and_script_are_not_text() -> None:
    md = "```python\ncode here\n```\n\n<script>evil()</script>\n\n![alt text](img.png)\n\n[ref]: https://x.org\n"
    assert sorted(source_words(md)) == ["code", "here"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 \n\t<>[]()!`~{}:#/-*_\"'")), max_size=120))
def test_text_without_syntax_hints_has_no_syntax(text: str) -> None:
    from podium.text.verify import _HIDDEN_OPEN, _SYNTAX, _SYNTAX_HINTS

    if not any(h in text for h in _SYNTAX_HINTS):
        assert _SYNTAX.search(text) is None and _HIDDEN_OPEN.search(text) is None
