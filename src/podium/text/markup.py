"""What in a statement's body is Markdown and what is text.

A body is a text first: whatever is pasted in from a real speech publishes
with every word, number and mark visible, in order. Markdown is read only in
the forms people write on purpose; everything else is escaped before Python-
Markdown sees it. The rule (docs/guide/editing.md, "Text and Markdown"):

- Blocks (blank-line separated) that are deliberate Markdown structure stay
  Markdown: a one-line `#`–`######` heading, a quote (`>`), a bullet list
  (`- `, `* `, `+ `), a table, a fenced code block, a rule (`---`, `***`), an
  HTML block opening with a complete tag, an admonition, a reference or
  footnote definition, an attribute list.
- Every other block is text. Its lines are paragraphs' lines: leading
  indentation is dropped and a mark at the start of a line (`12.`, `12)`,
  `#`, `>`, `-`, `*`, `+`, `=`, `:`, a line of underscores) is shown as
  written. Numbered paragraphs ("41. The Assembly", "1.<TAB>…") keep the
  source's number: a number is never made an ordered list.
- Inline, in every block: emphasis, links, code spans, entities (`&amp;`)
  and complete tags of known HTML elements (`<em>`, `<br>`) are Markdown;
  a `<` that does not open one (`<to this and`, an unclosed `<img`), a
  brace that is not an attribute list (`{: .class }`, `{#id}`), a `[` or a
  link's `(` that closes nothing and a backtick that opens no code span are
  text. Escaping them keeps Python-Markdown from scanning to the end of the
  paragraph for each (quadratic time on thousands of them).
- A block crowded with inline marks (`crowded`: thousands of `<`, backticks,
  brackets… in one paragraph, which no speech has) is text shown as written,
  without Markdown: Python-Markdown rescans a paragraph for each inline match,
  so its time grows with marks × length however well they are escaped.

The word check (podium.text.verify) reads the source with the same regexes, so
the two agree on what is syntax.
"""

from __future__ import annotations

import bisect
import re

from podium.text import unwrap

_ELEMENT_NAMES = """
a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption
center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset
figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i
iframe img input ins kbd label legend li link main map mark marquee math menu meta meter nav
noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script
search section select slot small source span strike strong style sub summary sup svg table tbody
td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp
"""
HTML_ELEMENTS = frozenset(_ELEMENT_NAMES.split())
"""Names that make `<name …>` a tag; any other `<` is text."""

_TAG_SHAPE = r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>"
TAG = re.compile(_TAG_SHAPE)
"""A complete tag (known by its name, see `is_tag`)."""
AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^\s<>]*>|<[^\s<>@]+@[^\s<>@]+\.[A-Za-z]+>")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
"""A comment; use `comments` to find them (this regex alone is quadratic on unclosed ones)."""
ATTR_LIST = re.compile(r"\{:[^{}\n]*\}|\{[ \t]*[#.][A-Za-z_][^{}\n]*\}")
"""An attribute list: `{: .class }`, `{#id .class}`; other braces are text."""
_BACKTICKS = re.compile(r"`+")

_INLINE_SPECIAL = re.compile(r"[<{}\[`]|____")
_INLINE_MARKS = "<&`[*_\\{"
CROWDED = 20_000_000
"""Inline marks × characters over which a block is shown as written, not read
as Markdown (about a tenth of a second of Python-Markdown's inline parsing; a
long real paragraph, 4,000 words with 200 marks, is at 5 million)."""
NESTING = 4
"""Brackets nested deeper than this are text (Markdown rereads each level)."""


def is_tag(match: re.Match[str]) -> bool:
    return match.group(1).lower() in HTML_ELEMENTS


def crowded(block: str) -> bool:
    """Whether a block has too many inline marks for its length to go through
    Markdown's inline parser in bounded time (see CROWDED)."""
    if len(block) < 2_000:
        return False
    return sum(block.count(mark) for mark in _INLINE_MARKS) * len(block) > CROWDED


def is_fenced_code(block: str) -> bool:
    """Whether a block is a fenced code block as Markdown reads one: an opening
    fence (a backtick fence's info string has no backtick) and its closing fence
    as the last line. An unclosed or malformed fence is text, not code."""
    lines = block.strip("\n").split("\n")
    opening = _FENCE_OPENING.match(lines[0])
    if opening is None or len(lines) < 2:
        return False
    fence = opening.group(1)
    closing = lines[-1].strip()
    return closing.startswith(fence) and set(closing) == {fence[0]}


_FENCE_OPENING = re.compile(r"[ ]{0,3}(`{3,}(?=[^`]*$)|~{3,})")


def comments(text: str) -> list[tuple[int, int]]:
    """(start, end) of the complete comments, in linear time: where no `-->`
    follows an opening, none follows a later one either."""
    found: list[tuple[int, int]] = []
    start = text.find("<!--")
    while start != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        found.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return found


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the code spans, as CommonMark pairs them: a run of
    backticks is closed by the next run of the same length; a run that nothing
    closes is text (escaped, so Python-Markdown pairs only these). One pass over
    the runs: a regex looking ahead from each run took quadratic time on a long
    run of backticks."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for i, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(i)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        same = by_length[end - start]
        after = bisect.bisect_right(same, i)
        if after < len(same):
            spans.append((start, runs[same[after]][1]))
            i = same[after] + 1
        else:
            i += 1
    return spans


def markup_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces of `text` that are inline syntax kept as is:
    code spans, comments, autolinks, complete known tags, attribute lists."""
    spans: list[tuple[int, int]] = comments(text) if "<!--" in text else []
    if "`" in text:
        spans.extend(code_spans(text))
    for rx in (AUTOLINK, ATTR_LIST):
        spans.extend(m.span() for m in rx.finditer(text))
    spans.extend(m.span() for m in TAG.finditer(text) if is_tag(m))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            continue  # inside an earlier piece (a tag's name in a code span, say)
        merged.append((start, end))
    return merged


def escape_inline(text: str) -> str:
    """Escape the `<` and braces that are text (not a tag, autolink, comment,
    code span or attribute list), and the `[` and `(` that open no link."""
    if not _INLINE_SPECIAL.search(text):
        return text
    spans = markup_spans(text)
    brackets = bracket_escapes(text, spans) if "[" in text else []
    out: list[str] = []
    pos = 0
    for start, end in [*spans, (len(text), len(text))]:
        while brackets and brackets[-1] < start:  # the escaped marks of this plain piece
            at = brackets.pop()
            out.append(_escape_plain(text[pos:at]) + "\\")
            pos = at
        out.append(_escape_plain(text[pos:start]))
        out.append(text[start:end])
        pos = end
    return "".join(out)


_BRACKET = re.compile(r"[\[\]()]")


def bracket_escapes(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Where (descending) a `[` or `(` outside `spans` is text for Markdown: a
    `[` without its `]`, or nested deeper than NESTING; the `(` after a link's
    `]` without its `)`, or around a title Markdown would not see closed.
    Markdown looks for the closing mark of each opening it is given, to the
    end of the paragraph: given thousands of unclosed ones, it takes minutes.
    Matched here in one pass, they are escaped (shown as written)."""
    escaped: set[int] = set()
    squares: list[int] = []
    rounds: list[int] = []
    link_ends: set[int] = set()
    closing: dict[int, int] = {}
    spans_left = iter(spans)
    span = next(spans_left, None)
    for m in _BRACKET.finditer(text):
        at = m.start()
        while span is not None and span[1] <= at:
            span = next(spans_left, None)
        if span is not None and span[0] <= at:
            continue  # inside a code span, tag, comment…
        if _backslashed(text, at):
            continue
        mark = m.group(0)
        if mark == "[":
            squares.append(at)
        elif mark == "]" and squares:
            opening = squares.pop()
            if len(squares) >= NESTING:
                escaped.update((opening, at))
            else:
                link_ends.add(at)
        elif mark == "(":
            rounds.append(at)
        elif mark == ")" and rounds:
            closing[rounds.pop()] = at
    escaped.update(squares)
    quotes = {q: [m.start() for m in re.finditer(q, text)] for q in "'\"" if q in text}
    title_ends = {q: [m.start() for m in re.finditer(q + r"\)", text)] for q in quotes}
    for end in link_ends:
        opening = end + 1
        if text[opening:opening + 1] != "(":
            continue
        close = closing.get(opening)
        if close is None or (_between(quotes, "'\"", opening, close)
                             and not _between(quotes, text[close - 1], opening, close - 1)
                             and _title_closes_later(quotes, title_ends, opening, close)):
            escaped.add(opening)
    return sorted(escaped, reverse=True)


def _title_closes_later(quotes: dict[str, list[int]], title_ends: dict[str, list[int]],
                        opening: int, close: int) -> bool:
    """Whether Markdown would read a quote in a link's target as a title that
    ends past the target's `)` (a quote, then that quote followed by `)` later):
    an apostrophe in a URL (`People's_Rep`) with no such end keeps the link."""
    for mark, ends in title_ends.items():
        if _between(quotes, mark, opening, close):
            i = bisect.bisect_right(ends, close)
            if i < len(ends):
                return True
    return False


def _backslashed(text: str, at: int) -> bool:
    count = 0
    while at > count and text[at - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _between(quotes: dict[str, list[int]], marks: str, start: int, end: int) -> bool:
    """Whether one of `marks` (quotes) is in text[start:end]: a link's target
    with a quote is read by Markdown as `(url "title")`, and ends only where the
    title's quote closes right before the `)`."""
    for mark in marks:
        found = quotes.get(mark, [])
        i = bisect.bisect_left(found, start)
        if i < len(found) and found[i] < end:
            return True
    return False


def _escape_plain(piece: str) -> str:
    piece = piece.replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}")
    if "`" in piece:  # a backtick that opens no code span: Markdown would look for its close
        piece = "".join(f"\\{c}" if c == "`" and not _backslashed(piece, i) else c
                        for i, c in enumerate(piece))
    return FILL.sub(lambda m: "\\_" * len(m.group(0)), piece) if "____" in piece else piece


# --- blocks -----------------------------------------------------------------

_HEADING = re.compile(r"#{1,6}[ \t]+\S.{0,150}")
_BULLET = re.compile(r"[-*+][ \t]+\S")
_QUOTE = re.compile(r">")
_RULE = re.compile(r"(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,})")
_TABLE_DELIMITER = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
_DEFINITION = re.compile(r"\[[^\]\n]+\]:[ \t]*\S")
_ADMONITION = re.compile(r"(?:!!!|\?\?\?\+?)[ \t]+[A-Za-z]")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*")


def is_structure(block: str) -> bool:
    """Whether a block is Markdown structure written on purpose (see module doc)."""
    lines = block.split("\n")
    first = lines[0].lstrip(" ")
    if len(first) - len(lines[0]) < -3:  # indented 4+: text, not code
        return False
    if len(lines) == 1 and _HEADING.fullmatch(first):
        return True
    if _QUOTE.match(first) or _BULLET.match(first) or _ADMONITION.match(first) or is_fenced_code(block):
        return True
    if len(lines) == 1 and _RULE.fullmatch(first):
        return True
    if len(lines) == 2 and _SETEXT.fullmatch(lines[1]) and len(lines[1].strip()) >= 3:
        return True  # a setext heading: Title / =====
    if first.startswith("|") and len(lines) > 1 and _TABLE_DELIMITER.fullmatch(lines[1].strip()):
        return True
    if _DEFINITION.match(first) or first.startswith("[^") or ATTR_LIST.fullmatch(first.strip()):
        return True
    tag = TAG.match(first)
    return tag is not None and is_tag(tag)


NUMBER = re.compile(r"(\d{1,4})([.)])(?=[ \t]|$)")
"""A paragraph number at the start of a line: `41.`, `1.<TAB>`, `12)`."""


def number_html(number: str) -> str:
    """A paragraph's own number ("41."), marked as such: shown as written,
    never an ordered list's."""
    return f'<span class="podium-number">{number}</span>'


_MARKS_ONLY = re.compile(r"[-*_=+][-*_=+ \t]*")
"""A line of marks: a rule or a setext underline to Markdown (`____`, `- - -`, `===`)."""
_BULLET_START = re.compile(r"[-*+][ \t]")
FILL = re.compile(r"_{4,}")
"""A run of underscores (a form's fill line): never emphasis."""


def escape_text_line(line: str) -> str:
    """A line of a text paragraph with the mark it starts with made literal."""
    line = line.lstrip(" \t")
    if not line:
        return line
    if line[0].isdigit():
        number = NUMBER.match(line)
        return f"{number_html(number.group(0))}{line[number.end():]}" if number else line
    if _MARKS_ONLY.fullmatch(line):
        return "".join(f"&#{ord(c)};" if c in "-*_=+" else c for c in line)
    if line[0] in "#>" or _BULLET_START.match(line):
        return f"\\{line}"
    if line[0] in ":|~" or line.startswith("???"):
        return f"&#{ord(line[0])};{line[1:]}"
    if line.startswith(("!!!", "```")):
        return f"\\{line}"
    return line


_NESTED_NUMBER = re.compile(r"^([ \t]*(?:>[ \t]?)*[ \t]*|[ \t]*[-*+][ \t]+)(\d{1,4})([.)])(?=[ \t]|$)",
                            re.MULTILINE)


def escape_structure(block: str) -> str:
    """Markdown structure with the paragraph numbers at line starts, in quotes
    and in list items kept as text (`> 2. I could…`), like a text paragraph's;
    a line after a reference definition that Markdown would take for its title
    (`(12)`, `"…"`) kept as text too."""
    if _DEFINITION.match(block.lstrip(" ")):
        block = _TITLE_LINE.sub(lambda m: m.group(1) + _TITLE_MARKS[m.group(2)], block)
    return _NESTED_NUMBER.sub(r"\1\2\\\3", block) if _NESTED_NUMBER.search(block) else block


_TITLE_LINE = re.compile(r"(?<=\n)([ \t]*)([(\"'])")
_TITLE_MARKS = {"(": "\\(", '"': "&quot;", "'": "&#39;"}


_ANY_LINE_MARK = re.compile(r"^[ \t#>+*\-=:|~`!?_\d]", re.MULTILINE)
"""Every line escape_text_line changes starts with one of these."""


def escape_text(block: str) -> str:
    """Markdown that shows a text paragraph as written (see module doc)."""
    if not _ANY_LINE_MARK.search(block):
        return block
    return "\n".join(escape_text_line(line) for line in block.split("\n"))


LONG_LINE = 100
"""A block with a line longer than this is not hard-wrapped: its lines that end
a sentence end a paragraph (one paragraph per line, as plain-text sources are)."""


def paragraphs(block: str) -> list[str]:
    """A text block cut into its paragraphs: a line that starts with a paragraph
    number starts one; in a block with long lines (not hard-wrapped), a line
    that ends a sentence ends one; in a hard-wrapped block, a line that ends a
    sentence short of the wrap width or before an indented line ends one
    (podium.text.unwrap, the rule the import uses too). Other line breaks are soft."""
    lines = block.split("\n")
    if len(lines) == 1:
        return [block]
    unwrapped = any(len(line) > LONG_LINE for line in lines)
    wrapped_ends = [False] * len(lines) if unwrapped else unwrap.ends(lines)
    out: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        stripped = line.strip()
        if out[-1] and not ATTR_LIST.fullmatch(stripped):  # {: .class } ends the paragraph before it
            previous = lines[i - 1]
            starts = NUMBER.match(stripped) is not None
            # A trailing double space is Markdown's line break: the line is not the end.
            ends = wrapped_ends[i - 1] or (unwrapped and not previous.endswith("  ")
                                           and unwrap.SENTENCE_END.search(previous.rstrip()) is not None)
            if starts or ends:
                out.append([])
        out[-1].append(line)
    return ["\n".join(p) for p in out]
