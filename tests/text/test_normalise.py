from hypothesis import given, settings
from hypothesis import strategies as st

from podium.text.normalise import normalise, normalise_line, words


def test_quotes_dashes_and_spaces() -> None:
    assert normalise_line("Viet Nam's  role - \"the best\" ...") == "Viet Nam’s role – “the best” …"
    assert normalise_line("(27 -- 29 November) a --- b") == "(27 – 29 November) a — b"
    assert normalise_line("'quoted' in the '90s") == "‘quoted’ in the ’90s"


def test_hyphens_inside_words_and_ranges_stay() -> None:
    line = "the 4-year-review of 2017-2022 and Director-General"
    assert normalise_line(line) == line


def test_markdown_syntax_is_untouched() -> None:
    line = 'See [the "text"](https://x.org/a"b "t") and `it\'s` <a href="x">y</a> {: #p1 }'
    expected = 'See [the “text”](https://x.org/a"b "t") and `it\'s` <a href="x">y</a> {: #p1 }'
    assert normalise_line(line) == expected
    assert normalise("- item\n\n---\n\n| a | b |\n|---|---|\n") == "- item\n\n---\n\n| a | b |\n|---|---|\n"


def test_fenced_code_is_untouched() -> None:
    text = "```\nit's  \"code\" -- here\n```\n"
    assert normalise(text) == text


def test_blank_lines_and_line_endings() -> None:
    assert normalise("a\r\n\r\n\r\n\r\nb  \r\n") == "a\n\nb\n"


prose = st.text(
    alphabet=st.sampled_from(list("abcxyzÀéệ019 '\"-.,…—–\n\t`*_[](){}<>#")), max_size=200)


@settings(max_examples=300, deadline=None)
@given(prose)
def test_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=300, deadline=None)
@given(prose)
def test_never_drops_or_reorders_a_word(text: str) -> None:
    assert words(normalise(text)) == words(text)


# The fast paths: plain ASCII splitting for words(), and skipping the syntax
# scan for lines without any character that syntax needs.
texts = st.text(alphabet=st.sampled_from(
    list("abcXYZ019_ '\"-.,;:!?()[]{}<>`~/\\@#%&*+=|\t\n\u00a0…—–‘’“”«»¶·→ÀéệđĐ中文ـعربي")), max_size=200)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_words_are_the_word_characters_of_the_nfkc_casefolded_text(text: str) -> None:
    import re
    import unicodedata

    assert words(text) == re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


@settings(max_examples=500, deadline=None)
@given(texts)
def test_a_line_without_syntax_hints_has_no_syntax(text: str) -> None:
    from podium.text.normalise import _PROTECTED, _PROTECTED_HINTS

    if not any(h in text for h in _PROTECTED_HINTS):
        assert _PROTECTED.search(text) is None


def _every_step(text: str) -> str:
    """_prose as a plain chain of every step, each run on every text: the guarded
    _prose must give the same (a step skipped where its mark is absent changes nothing)."""
    import re

    text = re.sub(r"[ \t]+", " ", text).replace("...", "\u2026")
    text = re.sub(r"(?<!-)---(?!-)", "\u2014", text)
    text = re.sub(r"(?<=\S) --? (?=\S)", " \u2013 ", text)
    text = re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)
    text = re.sub(r"'(?=\d)", "\u2019", text)
    text = re.sub(r"(^|[\s(\[{\u2014\u2013/-])'", "\\1\u2018", text).replace("'", "\u2019")
    return re.sub(r'(^|[\s(\[{\u2014\u2013/-])"', "\\1\u201c", text).replace('"', "\u201d")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 \t'\".-(—–é’/")), max_size=60))
def test_guarded_steps_equal_every_step(text: str) -> None:
    import re

    from podium.text.normalise import _prose

    assert _prose(text) == _every_step(text)
    body = text.lstrip(" \t")
    if body and not re.match(r"^[\s|:=*_+-]+$", body):  # a line of prose, trailing spaces too
        assert normalise_line(text) == text[: len(text) - len(body)] + _every_step(body).rstrip()
