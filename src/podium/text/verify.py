"""Nothing is lost: every word of a statement's source appears in the text of
its built page. Compared as multisets of words, so a word dropped anywhere
(by a Markdown quirk, the sanitiser, a template) is caught and named.
"""

from __future__ import annotations

import html
import re
from collections import Counter

from podium.text import markup
from podium.text.normalise import words

# Source syntax whose words are not meant to be read: code-fence info strings,
# link and image targets, reference definitions, and script/style/comment
# content (which is never published). Tags and attribute lists are syntax only
# where podium.text.markup says so: `<to this and` and `{the Charter}` are text.
# Every scan stops at its own opening mark (or, for script, style and comments,
# gives up once no closing follows), so thousands of unclosed ones take linear time.
_HIDDEN_OPEN = re.compile(r"<(script|style)\b|<!--", re.IGNORECASE)
_TARGET = r"\((?:[^()\[\]]|\([^()\[\]]*\)?)*\)"
"""A link's target, with parentheses in it (`(a_(b))`), up to its first `)`
after them; brackets end it (a scan never runs over the next link)."""
_SYNTAX = re.compile(
    r"!\[[^\[\]]*\]" + _TARGET
    + r"|\]" + _TARGET +
    r"|^[ \t]*(?:>[ \t]*)*\[[^\]\n]+\]:[ \t]*\S.*$"
    r"|^[ \t]*(?:`{3,}|~{3,}).*$",
    re.MULTILINE,
)
_SYNTAX_HINTS = ("<", "[", "]", "`", "~", "{", "&")
"""Every match of _SYNTAX, a tag, an attribute list or an entity contains one of these."""
_DEFINED = re.compile(r"^[ \t]*(?:>[ \t]*)*\[([^\]\n]+)\]:[ \t]*\S", re.MULTILINE)
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^<>]*>", re.IGNORECASE | re.DOTALL)
"""A tag of the built HTML (whose text has no raw `<`), script and style with their content."""


def _hidden(markdown: str) -> str:
    """Script and style elements and comments blanked: never published."""
    out: list[str] = []
    pos = 0
    unclosed: set[str] = set()
    for m in _HIDDEN_OPEN.finditer(markdown):
        if m.start() < pos:
            continue  # inside one blanked already
        name = (m.group(1) or "--").lower()
        if name in unclosed:
            continue
        if name == "--":
            end = markdown.find("-->", m.end())
            end = end + 3 if end != -1 else -1
        else:
            closing = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(markdown, m.end())
            end = closing.end() if closing else -1
        if end == -1:
            unclosed.add(name)  # no later one closes either
            continue
        out.append(markdown[pos:m.start()] + " ")
        pos = end
    out.append(markdown[pos:])
    return "".join(out)


def _reference_labels(markdown: str) -> str:
    """`[the report][unhcr]` shows "the report" when `[unhcr]: url` is defined."""
    labels = {m.group(1).casefold() for m in _DEFINED.finditer(markdown)}
    if not labels:
        return markdown

    def image(m: re.Match[str]) -> str:  # ![alt][ref], ![ref]: an image, its alt no words
        ref = m.group(2) if m.group(2) is not None else m.group(1)
        return " " if ref.casefold() in labels else m.group(0)

    markdown = re.sub(r"!\[([^\[\]\n]*)\](?:\s?\[([^\[\]\n]*)\])?", image, markdown)
    return re.sub(r"\]\s?\[([^\]\n]*)\]",
                  lambda m: "]" if m.group(1).casefold() in labels else m.group(0), markdown)


def _tags(markdown: str) -> str:
    """Blank the complete tags of known HTML elements and the attribute lists."""
    markdown = markup.ATTR_LIST.sub(" ", markdown)
    return markup.TAG.sub(lambda m: " " if markup.is_tag(m) else m.group(0), markdown)


def source_words(markdown: str) -> Counter[str]:
    return Counter(_source_list(markdown))


def _source_list(markdown: str) -> list[str]:
    """The words a reader sees of a source, in order (syntax words left out)."""
    if any(h in markdown for h in _SYNTAX_HINTS):  # most statements are plain prose
        markdown = _SYNTAX.sub(" ", _hidden(_reference_labels(markdown)))
        markdown = html.unescape(_tags(markdown)) if "&" in markdown else _tags(markdown)
    return _word_list(markdown)


def html_words(fragment: str) -> Counter[str]:
    return Counter(_html_list(fragment))


def _html_list(fragment: str) -> list[str]:
    return _word_list(html.unescape(_TAG.sub(" ", fragment)))


def counted_words(text: str) -> Counter[str]:
    """Words, split at underscores too: `_emphasis_` shows as "emphasis", a fill
    line `____` is no word, and `snake_case`, `snake\\_case` (Markdown's escape)
    and the `snake_case` a page shows for either are the same two words."""
    return Counter(_word_list(text))


def _word_list(text: str) -> list[str]:
    found = words(text)
    if "_" not in text:
        return found
    return [part for w in found for part in w.split("_") if part]


def missing_words(markdown: str, fragment: str) -> list[str]:
    """Words of the source that the HTML does not show, with repeats, sorted.

    A page usually shows its source's words in the source's order: then two
    lists compare equal and no multiset is needed (a fifth of the check's time
    on the UN General Debate Corpus)."""
    source, shown = _source_list(markdown), _html_list(fragment)
    if source == shown:
        return []
    return sorted((Counter(source) - Counter(shown)).elements())
