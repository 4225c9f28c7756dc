"""Typographic normalisation of statement text: whitespace, quotes, dashes
and ellipses. It changes how words are set, never which words there are,
and applying it twice gives the same result as applying it once.

Markdown and HTML syntax is left alone: inline code, tags, link targets,
URLs and attribute lists pass through untouched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

_FENCE_OPEN = re.compile(r"^\s*(`{3,}(?=[^`]*$)|~{3,})")

# Pieces of a line that are syntax, not prose. No piece may contain its own
# opening mark (`<`, `{`, an unclosed `(`): a scan that stops at the next one
# keeps a line of thousands of unclosed openers linear in time.
_PROTECTED = re.compile(
    r"`+[^`]*`+"  # inline code
    r"|<[^<>\n]*>"  # HTML tags and autolinks
    r"|\]\((?:[^()\s\[\]]|\([^()\s\[\]]*\))*(?:\s+\"[^\"()]*\")?\)"  # link targets ](url "title")
    r"|\{:?[^{}\n]*\}"  # attribute lists
    r"|\bhttps?://\S+"  # bare URLs
)
_PROTECTED_HINTS = ("`", "<", "]", "{", "http")
"""Every match of _PROTECTED contains one of these: a line without any is all prose."""
_SPACES = re.compile(r"[ \t]+")
_EM_DASH = re.compile(r"(?<!-)---(?!-)")
_EN_DASH = re.compile(r"(?<=\S) --? (?=\S)")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")  # it's, IOM's
_DECADE = re.compile(r"'(?=\d)")  # '90s
_OPENING_SINGLE = re.compile(r"(^|[\s(\[{\u2014\u2013/-])'")
_OPENING_DOUBLE = re.compile(r'(^|[\s(\[{\u2014\u2013/-])"')
_SYNTAX_ONLY = re.compile(r"^[\s|:=*_+-]+$")
_WORD = re.compile(r"\w+")
_SEPARATOR_BYTES = bytes(c if c < 128 and (chr(c).isalnum() or c == 95) else 32 for c in range(256))
"""bytes.translate table for ASCII text: every byte that is not \\w becomes a space."""
_MARKS = "\u2018\u2019\u201c\u201d\u2013\u2014\u00b6"
"""‘’“”–—¶: punctuation (not \\w) common in statements and on their pages."""


def _prose(text: str) -> str:
    """Normalise a run of prose that contains no syntax. Each step runs only
    where its mark is in the text (without it, the step changes nothing): the
    corpus's hard-wrapped lines end in two spaces, and running every step on
    every such line was most of the time of normalising a body (UNGDC sample)."""
    if "\t" in text or "  " in text:
        text = _SPACES.sub(" ", text)
    if "..." in text:
        text = text.replace("...", "\u2026")
    if "--" in text:
        text = _EM_DASH.sub("\u2014", text)
    if " -" in text:
        text = _EN_DASH.sub(" \u2013 ", text)
    if "'" in text:
        text = _APOSTROPHE.sub("\u2019", text)
        text = _DECADE.sub("\u2019", text)
        text = _OPENING_SINGLE.sub("\\1\u2018", text)
        text = text.replace("'", "\u2019")
    if '"' in text:
        text = _OPENING_DOUBLE.sub("\\1\u201c", text)
        text = text.replace('"', "\u201d")
    return text


def normalise_line(line: str) -> str:
    """Normalise one line, keeping its leading indentation (Markdown needs it)."""
    body = line.lstrip(" \t")
    indent = line[: len(line) - len(body)]
    if _SYNTAX_ONLY.match(body):  # rules, table delimiters, setext underlines
        return line.rstrip()
    if not any(h in body for h in _PROTECTED_HINTS):  # all prose: no need to look for syntax
        return indent + _prose(body.rstrip()).rstrip()  # (a wrapped line's trailing spaces: no step)
    out: list[str] = []
    pos = 0
    for match in _PROTECTED.finditer(body):
        out.append(_prose(body[pos : match.start()]))
        out.append(match.group(0))
        pos = match.end()
    out.append(_prose(body[pos:]))
    return indent + "".join(out).rstrip()


def fenced(lines: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """Each line, and whether it belongs to fenced code (its fences included):
    what typography and the block splitter leave as it is. A fence that never
    closes is text, as it is to Markdown (a backtick fence's info string has no
    backtick)."""
    reach: dict[str, list[int]] | None = None
    fence: str | None = None
    for i, line in enumerate(lines):
        if fence is None:
            marker = _FENCE_OPEN.match(line)
            if marker is not None:
                reach = reach or _closing_reach(lines)
                if reach[marker.group(1)[0]][i + 1] >= len(marker.group(1)):
                    fence = marker.group(1)
            yield line, fence is not None
        else:
            if line.strip().startswith(fence):
                fence = None
            yield line, True


def _closing_reach(lines: Sequence[str]) -> dict[str, list[int]]:
    """For each fence mark, the longest run of it starting a line at or after
    each line: an opening fence at line i closes if the run after it is as long
    (one pass, so that thousands of unclosed fences stay linear)."""
    reach = {"`": [0] * (len(lines) + 1), "~": [0] * (len(lines) + 1)}
    for i in range(len(lines) - 1, -1, -1):
        start = lines[i].lstrip()
        for mark, after in reach.items():
            run = len(start) - len(start.lstrip(mark)) if start.startswith(mark * 3) else 0
            after[i] = max(after[i + 1], run)
    return reach


def normalise(text: str) -> str:
    """Normalise a Markdown text: NFC, LF line ends, one blank line between
    blocks, and typography outside fenced code."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if "\x0b" in text or "\x0c" in text:  # a PDF copy's page breaks: spaces, as a browser shows them
        text = text.replace("\x0b", " ").replace("\x0c", " ")
    lines: list[str] = []
    for line, code in fenced(text.split("\n")):
        if code:
            lines.append(line.rstrip())
        elif line.strip() == "":
            if lines and lines[-1] != "":
                lines.append("")
        else:
            lines.append(normalise_line(line))
    return "\n".join(lines).strip("\n") + "\n"


def words(text: str) -> list[str]:
    """The words of a text, for checking that nothing was lost: NFKC,
    case-folded, with apostrophes and dashes treated as separators."""
    text = unicodedata.normalize("NFKC", text).casefold()
    # Fast path, for the usual English text: with its common punctuation marks
    # (‘’“”–—¶) made spaces, what is left is often ASCII, and then splitting at
    # ASCII separators (bytes.translate) is exactly \w+, five times faster.
    plain = text
    for mark in _MARKS:
        if mark in plain:
            plain = plain.replace(mark, " ")
    if plain.isascii():
        return plain.encode().translate(_SEPARATOR_BYTES).decode().split()
    return _WORD.findall(text)


def fold(text: str) -> str:
    """A key for sorting and matching names as a reader reads them: case and accents
    aside ("Émirats" with the E's, "Lê Thị Tuyết Mai" is "Le Thi Tuyet Mai"; Vietnamese
    đ, which Unicode does not decompose, is a d)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
