"""Nothing is lost: every word of a statement's source appears in the text of
its built page. Compared as multisets of words, so a word dropped anywhere
(by a Markdown quirk, the sanitiser, a template) is caught and named.
"""

from __future__ import annotations

import html
import re
from collections import Counter

from podium.normalise import words

# Source syntax whose words are not meant to be read: code-fence info strings,
# link and image targets, reference definitions, attribute lists, HTML tags,
# and script/style/comment content (which is never published).
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_SYNTAX = re.compile(
    r"<[^>\n]*>"
    r"|!\[[^\]]*\]\([^)]*\)"
    r"|\]\([^)]*\)"
    r"|^[ \t]*\[[^\]\n]+\]:[ \t]*\S.*$"
    r"|^[ \t]*(?:`{3,}|~{3,}).*$"
    r"|\{:?[^}\n]*\}",
    re.MULTILINE,
)
_SYNTAX_HINTS = ("<", "[", "]", "`", "~", "{")
"""Every match of _SYNTAX contains one of these."""
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)


def source_words(markdown: str) -> Counter[str]:
    if any(h in markdown for h in _SYNTAX_HINTS):  # most statements are plain prose
        markdown = _SYNTAX.sub(" ", _HIDDEN.sub(" ", markdown))
    return Counter(words(markdown))


def html_words(fragment: str) -> Counter[str]:
    return Counter(words(html.unescape(_TAG.sub(" ", fragment))))


def missing_words(markdown: str, fragment: str) -> list[str]:
    """Words of the source that the HTML does not show, with repeats, sorted."""
    return sorted((source_words(markdown) - html_words(fragment)).elements())
