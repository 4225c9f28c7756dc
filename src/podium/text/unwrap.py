"""Where a paragraph ends in hard-wrapped text.

Texts copied out of PDFs (the UN General Debate Corpus, verbatim records) and
prose wrapped by an editor break every line at about the same width and often
have no blank line between paragraphs. A line that ends a sentence although
the next line's first word would have fitted on it ends a paragraph: a filled
line is only short when the next word is too long for it. So is a sentence end
followed by an indented line in a block whose lines are not indented. Anything
else is a soft break. Shared by the build (podium.text.markup.paragraphs) and the
import (podium.ingest.reader.split_block), so a text reads as the same paragraphs in
both; it only says where to cut, never changes or moves a word.
"""

from __future__ import annotations

import itertools
import re

SENTENCE_END = re.compile(r"[.!?:;…。！？»\"”’)\]]$")
"""A line that ends like this may end a paragraph."""
MIN_LINES = 4
"""Fewer lines give no width to compare with: such a block stays whole."""
_WIDE = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")


def width(line: str) -> int:
    """Characters as a reader sees them: a CJK character is as wide as two Latin ones."""
    return len(line) + (len(_WIDE.findall(line)) if not line.isascii() else 0)


def wrap_width(lines: list[str]) -> int:
    """The width the block is wrapped at: the 90th percentile of its line widths
    (one stray long line, a URL say, does not count)."""
    widths = sorted(width(line.strip()) for line in lines)
    return widths[(9 * (len(widths) - 1)) // 10]


def ends(lines: list[str]) -> list[bool]:
    """For each line of a hard-wrapped block, whether a paragraph ends after it
    (the last line: False, the block ends anyway)."""
    out = [False] * len(lines)
    if len(lines) < MIN_LINES:
        return out
    wrap = wrap_width(lines)
    indented = sum(1 for line in lines if line[:1] in (" ", "\t"))
    rare_indent = indented * 2 < len(lines)
    for i, (line, following) in enumerate(itertools.pairwise(lines)):
        text = line.rstrip()
        if line.endswith("  ") or not SENTENCE_END.search(text):
            continue  # a trailing double space is Markdown's line break, not the end
        nxt = following.strip()
        first = nxt.split(maxsplit=1)[0] if nxt else ""
        fits = width(text.strip()) + 1 + width(first) <= wrap
        out[i] = fits or (rare_indent and following[:1] in (" ", "\t"))
    return out


def cut(lines: list[str], starts: list[bool] | None = None) -> list[list[str]]:
    """The lines grouped into paragraphs at `ends`; `starts` marks lines that
    begin a paragraph whatever the width (a paragraph number, say)."""
    after = ends(lines)
    out: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        if out[-1] and ((starts is not None and starts[i]) or after[i - 1]):
            out.append([])
        out[-1].append(line)
    return out
