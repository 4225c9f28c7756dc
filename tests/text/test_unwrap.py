"""Hard-wrapped text (PDF copies, editor-filled prose) reads as the paragraphs
its author meant, in the build and the import alike (podium.text.unwrap)."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as hst

from podium.ingest import reader
from podium.text import blocks, markup, unwrap

# From the verbatim record of the 48th General Assembly (Barbados), wrapped as the PDF is.
UN_TEXT = """Permit me, Sir, on behalf of
the Government and people of Barbados, to express our
profound appreciation of the high honour which the
international community has done to our region by your
unanimous election to the presidency of the forty-eighth
session of the General Assembly.
May I also commend your predecessor, Mr. Stoyan
Ganev, for having safely guided us through the demanding
deliberations of the forty-seventh session.
We particularly thank the Secretary-General for his
valiant efforts to secure international peace and security.
Barbados welcomes Andorra, Eritrea, the Czech
Republic, Monaco, Macedonia and Slovakia to membership
of this great Organization, which we are sure will benefit
from their participation.
 In South Africa, despite the carefully orchestrated
campaign of violence and terrorism aimed at subverting
Security
Council resolutions 242 (1967) and 338 (1973). We dare to
hope, too, that that reality, once achieved, will lead to a
lasting peace in the region."""


def test_a_hard_wrapped_text_is_cut_into_its_paragraphs() -> None:
    found = markup.paragraphs(UN_TEXT)
    assert [p.split("\n")[0].strip() for p in found] == [
        "Permit me, Sir, on behalf of", "May I also commend your predecessor, Mr. Stoyan",
        "We particularly thank the Secretary-General for his",
        # "…peace and security." fills its line: no telling that a paragraph ends there.
        "In South Africa, despite the carefully orchestrated"]
    assert "\n".join(found) == UN_TEXT  # every line kept, in order
    assert reader.split_block(UN_TEXT) == found  # the import reads the same paragraphs
    parsed = blocks.parse(UN_TEXT)
    assert [b.number for b in parsed] == [1, 2, 3, 4]


def test_short_blocks_and_numbers() -> None:
    assert markup.paragraphs("We support the\nresolution. It is\ngood.") == ["We support the\nresolution. "
                                                                           "It is\ngood."]
    assert markup.paragraphs("end of one\n2. next") == ["end of one", "2. next"]
    # A trailing double space is Markdown's line break, never a paragraph end.
    text = "A line that is long enough to set the width.\nShort.  \nThen more words to\nend the block."
    assert len(markup.paragraphs(text)) == 1


_WORD = hst.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=14)
_SENTENCE = hst.lists(_WORD, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + ".")


@settings(max_examples=150, deadline=None)
@given(hst.lists(_SENTENCE, min_size=4, max_size=30), hst.integers(min_value=40, max_value=100))
def test_prose_filled_by_an_editor_stays_one_paragraph(sentences: list[str], width: int) -> None:
    """A paragraph filled greedily (as editors wrap Markdown) has no short line
    before a word that would have fitted: it is never cut."""
    filled = textwrap.fill(" ".join(sentences), width=width, break_long_words=False)
    assert markup.paragraphs(filled) == [filled]
    assert not any(unwrap.ends(filled.split("\n")))


def test_width_counts_wide_characters_twice() -> None:
    assert unwrap.width("abc") == 3 and unwrap.width("中文") == 4
