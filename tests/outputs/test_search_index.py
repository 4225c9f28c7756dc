"""What Pagefind is given for a statement (search.document): words after an
apostrophe are cut apart so that Pagefind, which splits at whitespace only,
indexes `empoisonnement` in `l’empoisonnement` (the browser tests search it)."""

from __future__ import annotations

from podium.outputs.search import CUT, document, elisions


def test_words_are_cut_after_an_apostrophe_between_letters() -> None:
    text = "<p>l&rsquo;empoisonnement, d’œuvrer, d&rsquo;&oelig;uvrer, dell'ONU</p>"
    assert elisions(text) == (f"<p>l&rsquo;{CUT} empoisonnement, d’{CUT} œuvrer, "
                              f"d&rsquo;{CUT} &oelig;uvrer, dell'{CUT} ONU</p>")


def test_other_apostrophes_tags_and_joiners_are_left_alone() -> None:
    text = f"<p title=\"l'a\">the Members’ rights, ‘quoted’, the 1990’s,{CUT}&#8288; x</p>"
    assert elisions(text) == "<p title=\"l'a\">the Members’ rights, ‘quoted’, the 1990’s, x</p>"


def test_the_document_holds_the_cut_text_in_its_language() -> None:
    page = document("fr", "<p>l’impunité</p>")
    assert page.startswith('<!DOCTYPE html><html lang="fr">') and f"l’{CUT} impunité" in page


def test_pagefind_is_given_no_ids() -> None:
    """An element with an id is a Pagefind anchor storing its text again; the ids
    stay on the page, only the indexed copy is without them."""
    page = document("en", '<p id="p1">One</p><h2 id="x" class="y">Two</h2><p data-id="k">id="z"</p>')
    assert '<p>One</p><h2 class="y">Two</h2><p data-id="k">id="z"</p>' in page
    assert elisions('<p id="p1">One</p>') == '<p id="p1">One</p>'
