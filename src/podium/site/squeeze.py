"""Whitespace between tags, squeezed: Material's templates indent every line of
the navigation, header and footer, and each page repeats them (a third of the
navigation's bytes were indentation)."""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_RUN = re.compile(r"[ \t\r\f]*\n\s*")


def whitespace(html: str) -> str:
    """Each run of whitespace that holds a line break becomes one line break, which
    HTML renders the same (outside <pre>, <textarea>, <script> and <style>, left as
    they are). The runs between those elements are replaced by one regex each, with
    no Python call per run: on the chrome of 1,081 UNGDC statement pages 0.39 s -> 0.24 s."""
    out: list[str] = []
    pos = 0
    for kept in _KEPT.finditer(html):
        out.append(_RUN.sub("\n", html[pos:kept.start()]))
        out.append(kept.group(0))
        pos = kept.end()
    out.append(_RUN.sub("\n", html[pos:]))
    return "".join(out)
