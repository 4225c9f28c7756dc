"""Fragments: Podium's HTML and paragraph anchors survive a real Markdown pass."""

from __future__ import annotations

import markdown

from podium.site.fragments import PLAIN_PARAGRAPH, Anchor, Doc, fill


def render(doc: Doc, clean=None) -> str:
    html = markdown.Markdown(extensions=["toc", "tables", "fenced_code"]).convert(doc.text)
    return fill(html, doc.fragments, clean)


def test_html_fragments_come_back_verbatim() -> None:
    panel = '<dl class="panel"><dt>Speaker</dt><dd>*not emphasis*</dd></dl>'
    html = render(Doc().md("# Title").html(panel).md("Some *text*."))
    assert panel in html
    assert "<em>text</em>" in html
    assert "podium:" not in html



def test_consecutive_html_fragments_share_one_placeholder() -> None:
    """Markdown parses one HTML block for a run of Podium's paragraphs, not one each;
    an anchor or Markdown between them starts a new placeholder."""
    doc = Doc().html("<p>One</p>").html("<p>Two</p>").md("Some *text*.").html("<p>Three</p>")
    doc.block("Four", Anchor("p4", PLAIN_PARAGRAPH)).html("<p>Five</p>")
    assert doc.text.count("<!-- podium:") == 4 and len(doc.fragments) == 4
    html = render(doc)
    assert "<p>One</p>\n<p>Two</p>" in html and '<p id="p4">Four</p>' in html
    assert html.index("Two") < html.index("<em>text</em>") < html.index("Three") < html.index("Five")

def test_anchor_goes_on_the_block_that_follows() -> None:
    doc = Doc()
    doc.block("Madam Chair,", Anchor("p1", "podium-p podium-salutation", '<a href="#p1">¶</a>'))
    doc.block("We *welcome* the report.", Anchor("p2", "podium-p podium-paragraph", '<a href="#p2">¶</a>'))
    doc.md("## Not a text block")
    html = render(doc)
    assert '<p class="podium-p podium-salutation" id="p1">Madam Chair, <a href="#p1">¶</a></p>' in html
    assert ('<p class="podium-p podium-paragraph" id="p2">We <em>welcome</em> the report. '
            '<a href="#p2">¶</a></p>') in html
    assert '<h2 id="not-a-text-block">Not a text block</h2>' in html


def test_anchor_merges_with_an_existing_class_and_its_id_wins_over_the_texts() -> None:
    """A paragraph's ¶ anchor is Podium's guarantee: a text's own `{: #x}` yields to it
    (it broke the ¶ link); a heading keeps its id (the table of contents links to it)."""
    anchor = Anchor("p3", "podium-p podium-salutation", "¶")
    assert anchor.apply('<p class="x" id="own">Hi</p>') == \
        '<p class="podium-p podium-salutation x" id="p3">Hi ¶</p>'
    assert anchor.apply('<h2 id="intro">Hi</h2>') == \
        '<h2 id="intro" class="podium-p podium-salutation">Hi ¶</h2>'


def test_a_plain_paragraph_gets_its_id_and_no_class() -> None:
    """The stylesheet and podium.js find it as `.podium-text > p[id]`; a plain
    paragraph's Markdown that became something else keeps the class."""
    assert Anchor("p3", PLAIN_PARAGRAPH).apply("<p>Hi</p>") == '<p id="p3">Hi</p>'
    assert Anchor("p3", PLAIN_PARAGRAPH).apply("<ul><li>Hi</li></ul>") == \
        '<ul class="podium-p" id="p3"><li>Hi</li></ul>'


def test_anchor_wraps_bare_text() -> None:
    assert Anchor("p4", "podium-p", "¶").apply("just text") == \
        '<div id="p4" class="podium-p">just text ¶</div>'


def test_clean_applies_to_markdown_output_never_to_fragments() -> None:
    doc = Doc().html("<script>ours()</script>").md("Text <script>theirs()</script>")
    html = render(doc, clean=lambda s: s.replace("<script>theirs()</script>", ""))
    assert "<script>ours()</script>" in html
    assert "theirs" not in html


def test_anchor_is_added_after_cleaning() -> None:
    doc = Doc().block("Text.", Anchor("p1", "podium-p", '<a class="pilcrow" href="#p1">¶</a>'))
    html = render(doc, clean=lambda s: s.replace("class=", "data-stripped="))
    assert '<p id="p1">Text. <a class="pilcrow" href="#p1">¶</a></p>' in html
