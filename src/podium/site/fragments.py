"""Podium's own HTML kept out of Markdown's way.

A generated page is Markdown for MkDocs plus fragments: each fragment is a
one-line placeholder comment in the Markdown, swapped for its HTML after
rendering (`fill`), so Markdown never parses it. At 10,000 statements,
having Python-Markdown parse Podium's generated HTML, or the attr_list
syntax of paragraph anchors, cost more than the rest of the build. The
page's front matter travels alongside too (Doc.meta), as page.meta.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape


@dataclass(frozen=True)
class Anchor:
    """Attributes for the Markdown block that follows its placeholder, added to
    the block's first tag after rendering, with `tail` (the ¶ link) placed
    before its last closing tag."""

    id: str
    classes: str
    tail: str = ""

    def apply(self, html: str) -> str:
        first = _FIRST_TAG.match(html)
        if first is None:  # bare text: give it an element to carry the anchor
            return f'<div id="{escape(self.id)}" class="{escape(self.classes)}">{html} {self.tail}</div>'
        tag = first.group(0).rstrip(">").rstrip("/").rstrip()
        if self.classes == PLAIN_PARAGRAPH and first.group(1).lower() == "p":
            pass  # styled as `.podium-text > p[id]`: no class on every paragraph
        elif ' class="' in tag:
            tag = tag.replace(' class="', f' class="{escape(self.classes)} ', 1)
        else:
            tag += f' class="{escape(self.classes)}"'
        if " id=" not in tag:
            tag += f' id="{escape(self.id)}"'
        elif not _HEADING.fullmatch(first.group(1)):  # the text's own id ({: #x}) yields to the ¶ anchor
            tag = _ID.sub(f' id="{escape(self.id)}"', tag, count=1)
        html = tag + ">" + html[first.end():]
        # A paragraph cannot hold another, so its end is the first </p>: the
        # Markdown that follows it (a quote, a list) may hold paragraphs too.
        name = first.group(1)
        close = html.find("</p>") if name.lower() == "p" else html.rfind(f"</{name}>")
        if not self.tail or close < 0:
            return html + self.tail
        return html[:close] + " " + self.tail + html[close:]


PLAIN_PARAGRAPH = "podium-p"
"""The class of a numbered block that is an ordinary paragraph: left out when the
block is a <p> (the stylesheet and podium.js find it as `.podium-text > p[id]`;
on every paragraph of a long speech the class was 1.5 KB a page), kept on
anything else the paragraph's Markdown became."""

Fragment = str | Anchor

_HEADING = re.compile(r"[hH][1-6]")
_ID = re.compile(r"""\sid=(?:"[^"]*"|'[^']*'|[^\s>]*)""")
_FIRST_TAG = re.compile(r"\s*<([a-zA-Z][\w-]*)\b[^>]*>")
_KEY = secrets.token_hex(8)
"""Part of every placeholder, unknown to the texts: a statement body holding
`<!-- podium:0 -->` (or any guess) stays an HTML comment, which the sanitiser
removes, instead of pulling Podium's HTML into its page. Placeholders never
reach the output, so a key drawn per process leaves builds deterministic;
forked workers share it."""
_PLACEHOLDER = re.compile(rf"<!-- podium:{_KEY}:(\d+) -->")
_ONLY_PLACEHOLDERS = re.compile(rf"\s*(?:<!-- podium:{_KEY}:\d+ -->\s*)*")


def front_matter(**meta: object) -> dict[str, object]:
    """Page front matter (page.meta). Themes print title and description
    unescaped into <title>, <meta> and the header, so strings are HTML-escaped here."""
    return {k: escape(v) if isinstance(v, str) else v for k, v in sorted(meta.items())}


@dataclass
class Doc:
    """A generated page under construction: Markdown, and fragments aside."""

    markdown: list[str] = field(default_factory=list)
    parts: list[Fragment] = field(default_factory=list)
    """The fragments, but for the run of HTML being joined (see `fragments`)."""
    meta: dict[str, object] = field(default_factory=dict)
    """Front matter: given to MkDocs as page.meta directly, not written and parsed back."""
    _run: list[str] = field(default_factory=list, init=False, repr=False)
    """The HTML fragments joined into the last one, kept apart until read: joining
    each to the string so far took time in the square of a text's paragraphs
    (80,000 short paragraphs: 52 s)."""

    @property
    def fragments(self) -> list[Fragment]:
        """What the Markdown's placeholders stand for, in order."""
        self._close()
        return self.parts

    def md(self, text: str) -> Doc:
        self.markdown.append(text)
        return self

    def html(self, fragment: Fragment) -> Doc:
        if not fragment:
            return self
        last = len(self.parts) - 1
        if (isinstance(fragment, str) and last >= 0 and isinstance(self.parts[last], str)
                and self.markdown[-1] == _placeholder(last)):
            # Right after another HTML fragment: one placeholder for both, joined
            # as Markdown would have joined their two blocks. A speech's plain
            # paragraphs become one placeholder instead of one each, which
            # Python-Markdown had to parse as so many HTML blocks.
            if not self._run:
                self._run.append(str(self.parts[last]))
            self._run.append(fragment)
            return self
        self._close()
        self.markdown.append(_placeholder(len(self.parts)))
        self.parts.append(fragment)
        return self

    def _close(self) -> None:
        if self._run:
            self.parts[-1] = "\n".join(self._run)
            self._run = []

    def block(self, markdown: str, anchor: Anchor) -> Doc:
        """One Markdown block that gets `anchor`'s attributes once rendered."""
        return self.html(anchor).md(markdown + "\n")

    @property
    def body(self) -> str:
        """The Markdown, without front matter (as MkDocs' meta parser leaves it)."""
        return "\n".join(self.markdown).lstrip("\n")

    @property
    def text(self) -> str:
        """The page's source: front matter as JSON values (valid YAML), then the Markdown."""
        if not self.meta:
            return self.body
        lines = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in self.meta.items())
        return f"---\n{lines}---\n\n{self.body}"


def _placeholder(index: int) -> str:
    return f"<!-- podium:{_KEY}:{index} -->\n"


def fill(html: str, fragments: Sequence[Fragment], clean: Callable[[str], str] | None = None) -> str:
    """Put the fragments back where Markdown left their placeholders; `clean`
    (the sanitiser) is applied to everything else, never to the fragments."""
    parts = _PLACEHOLDER.split(html)  # text, index, text, index, …, text
    out = []
    anchor: Anchor | None = None
    for i, part in enumerate(parts):
        if i % 2:
            fragment = fragments[int(part)]
            if isinstance(fragment, Anchor):
                anchor = fragment
            else:
                out.append(fragment)
            continue
        if part:
            part = clean(part) if clean else part
            if anchor is not None:
                part = anchor.apply(part.strip()) + "\n"
        anchor = None
        out.append(part)
    return "".join(out)


def only_placeholders(markdown: str) -> bool:
    """Whether Markdown has nothing to do: the page is all fragments, so its
    Markdown would only copy the placeholders through."""
    return _ONLY_PLACEHOLDERS.fullmatch(markdown) is not None
