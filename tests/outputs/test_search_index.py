"""What Pagefind is given for a statement (search.document): words after an
apostrophe are cut apart so that Pagefind, which splits at whitespace only,
indexes `empoisonnement` in `l’empoisonnement` (the browser tests search it)."""

from __future__ import annotations

from podium.outputs.indexer import language_key
from podium.outputs.search import CUT, document, elisions


def test_words_are_cut_after_an_apostrophe_between_letters() -> None:
    text = "<p>l&rsquo;empoisonnement, d’œuvrer, d&rsquo;&oelig;uvrer, dell'ONU</p>"
    assert elisions(text) == (f"<p>l&rsquo;{CUT} empoisonnement, d’{CUT} œuvrer, "
                              f"d&rsquo;{CUT} &oelig;uvrer, dell'{CUT} ONU</p>")


def test_other_apostrophes_tags_and_joiners_are_left_alone() -> None:
    text = f"<p title=\"l'a\">the Members’ rights, ‘quoted’, the 1990’s,{CUT}&#8288; x</p>"
    assert elisions(text) == "<p title=\"l'a\">the Members’ rights, ‘quoted’, the 1990’s, x</p>"


def test_the_document_holds_the_cut_text_in_its_language() -> None:
    """Pagefind indexes it without a stemmer (lang="mul"); its language names its bundle."""
    page = document("fr", "<p>l’impunité</p>")
    assert page.startswith('<!DOCTYPE html><html lang="mul" data-language="fr">')
    assert f"l’{CUT} impunité" in page
    assert language_key(page) == "fr"
    # Languages written without spaces keep theirs: Pagefind cuts their words only then.
    chinese = document("zh-Hans", "<p>友谊</p>")
    assert chinese.startswith('<!DOCTYPE html><html lang="zh-Hans" data-language="zh-Hans">')


def test_words_are_cut_at_a_hyphen_or_dash_between_letters_or_digits() -> None:
    text = "<p>“Sputnik-V.”, self&#8209;determination, rights—like peace&mdash;are, COVID-19</p>"
    assert elisions(text) == (f"<p>“Sputnik-{CUT} V.”, self&#8209;{CUT} determination, rights—{CUT} like "
                              f"peace&mdash;{CUT} are, COVID-{CUT} 19</p>")
    # Not a hyphen between words, nor one at a word's edge, nor in a tag.
    text = '<p class="a-b">self- determination, a - b, -x, x-</p>'
    assert elisions(text) == text


def test_characters_that_split_words_differently_in_the_excerpt_are_evened_out() -> None:
    """A byte-order mark, a ZERO WIDTH SPACE or NEXT LINE moved every highlight after it."""
    assert elisions("<p>\ufeffWithin a\u200bb c\x85d</p>") == "<p>Within a b c d</p>"


def test_pagefind_is_given_no_ids() -> None:
    """An element with an id is a Pagefind anchor storing its text again; the ids
    stay on the page, only the indexed copy is without them."""
    page = document("en", '<p id="p1">One</p><h2 id="x" class="y">Two</h2><p data-id="k">id="z"</p>')
    assert '<p>One</p><h2 class="y">Two</h2><p data-id="k">id="z"</p>' in page
    assert elisions('<p id="p1">One</p>') == '<p id="p1">One</p>'
