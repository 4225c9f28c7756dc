"""Whitespace between tags, squeezed: Material's templates indent every line of
the navigation, header and footer, and each page repeats them (a third of the
navigation's bytes were indentation)."""

from __future__ import annotations

import re

_RUN = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)|([ \t\r\f]*\n\s*)", re.S | re.I)


def whitespace(html: str) -> str:
    """Each run of whitespace that holds a line break becomes one line break, which
    HTML renders the same (outside <pre>, <textarea>, <script> and <style>, left as
    they are)."""
    return _RUN.sub(lambda m: m[1] or "\n", html)
