"""Metadata values made safe for the line- and cell-based formats they are
exported to. A statement's front matter is untrusted: a line break in a title
starts a new RIS record, a leading `=` is a live spreadsheet formula, and one
control character makes a whole feed malformed XML."""

from __future__ import annotations

import re
import unicodedata

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold at all, even escaped (C0 controls, U+FFFE, U+FFFF, surrogates)."""

_BREAKS = frozenset({"Cc", "Zl", "Zp"})
"""Control characters (CR, LF, VT, FF, NEL…) and the Unicode line and paragraph separators."""

FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
"""OWASP's list of cell starts a spreadsheet evaluates (= + - @ tab CR), and their
full-width forms, which some spreadsheets read as the ASCII ones."""


def one_line(value: str) -> str:
    """The value on one line: each line break or other control character becomes
    a space, so that no part of it can begin a line (a tag) of its own."""
    if value.isprintable():
        return value
    return "".join(" " if unicodedata.category(c) in _BREAKS else c for c in value)


def xml_text(value: str) -> str:
    """The value without the characters XML 1.0 forbids (they carry nothing readable)."""
    return _XML_INVALID.sub("", value)


def csv_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: a value that would start a formula gets
    a leading apostrophe (OWASP's advice), which spreadsheets hide."""
    return "'" + value if value[:1] in FORMULA_STARTS else value
