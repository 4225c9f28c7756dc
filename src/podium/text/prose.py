"""Plain prose, rendered without Markdown.

Most blocks of a statement are plain prose: no character that means anything
to Markdown or to the extensions listed here. Markdown's output for such a
block is known in advance (the text inside <p>…</p>), so Podium writes it
itself; at 10,000 statements that was most of the build's Markdown time. A
block with any syntax character, or a site with an extension that rewrites
prose (smarty, abbr, emoji, magiclink, nl2br…), goes through Markdown as
before. tests/text/test_prose.py holds the claim against Python-Markdown itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape

from podium.text.markup import number_html

SAFE_EXTENSIONS = frozenset({
    "toc", "tables", "fenced_code", "attr_list", "md_in_html", "def_list", "admonition",
    "footnotes", "meta", "sane_lists", "codehilite", "pymdownx.details", "pymdownx.superfences",
    "pymdownx.tabbed", "pymdownx.highlight", "pymdownx.inlinehilite",
})
"""Extensions that leave a paragraph without syntax characters as it is."""

# Escapes, code, emphasis, links, raw HTML, entities, attribute lists, tables,
# and the control characters Markdown uses as placeholders.
_SYNTAX_CHARACTER = re.compile(r"[\\`*_\[\]<>&{}|~\t\x00-\x08\x0b-\x1f]")
# Line starts that open a block: heading, quote, definition, list item, rule
# or setext underline, fence, admonition, indented code.
_BLOCK_START = re.compile(r"^(?:[#>:=]|[-+](?: |$)|\d+[.)]\s|-{2,}|!!!|\?\?\?|\s)", re.MULTILINE)


def applies(extensions: Iterable[object]) -> bool:
    """Whether the site's Markdown extensions are all known to leave prose alone."""
    names = {(e if isinstance(e, str) else type(e).__module__).removeprefix("markdown.extensions.")
             for e in extensions}
    return names <= SAFE_EXTENSIONS


def paragraph(text: str, clean: Callable[[str], str], literal_starts: bool = False) -> str | None:
    """The HTML of a Markdown block that is plain prose, or None if it is not.
    With `literal_starts`, the block is text (podium.text.markup): its line starts
    (`41.`, `#`, `-`) are shown as written, so they need no Markdown.

    `clean` (the sanitiser) must leave the result untouched, so that the text
    inside <p> is exactly `text` and offsets into it stay valid. Text without
    < > & (already refused above) has no markup to remove and nothing to
    escape but the no-break space, which the sanitiser writes as &nbsp;, so it
    is only asked about text that has one (tests/text/test_prose.py holds this
    against the sanitiser over random text)."""
    if (not text or text != text.strip() or "  \n" in text or _SYNTAX_CHARACTER.search(text)
            or (not literal_starts and _BLOCK_START.search(text))):
        return None
    html = f"<p>{text}</p>"
    if "\u00a0" not in text:
        return html
    return html if clean(html) == html else None


def literal(text: str, number: str | None = None) -> str:
    """The HTML of a text block shown exactly as written, without Markdown: for
    blocks too crowded with marks for Markdown's inline parser (podium.text.markup.
    crowded). `number` is the paragraph's own number, which starts `text`."""
    if number:
        return f"<p>{number_html(number)}{escape(text[len(number):], quote=False)}</p>"
    return f"<p>{escape(text, quote=False)}</p>"
