"""Problems found in statement files, shaped so a person can fix them:
file, line, field, what is wrong, and how to fix it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    field: str | None
    message: str
    hint: str | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        if self.severity is Severity.WARNING:
            text = f"{where}: warning: {text.removeprefix(where + ': ')}"
        return printable(f"{text} ({self.hint})" if self.hint else text)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def printable(text: str) -> str:
    """`text` with every character that is not printable (controls, terminal
    escapes, bidirectional overrides, zero-width and undecodable bytes of a file
    name) as an escape: a message shows them and cannot restyle or reorder a terminal."""
    if text.isprintable():
        return text
    return "".join(_escape(c) for c in text)


def _escape(char: str) -> str:
    if char.isprintable():
        return char
    if 0xDC80 <= ord(char) <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{ord(char) - 0xDC00:02x}"
    return char.encode("unicode_escape", "backslashreplace").decode("ascii")


class CollectionError(Exception):
    """Raised when statements are invalid; carries every problem, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len({p.path for p in self.problems if p.severity is Severity.ERROR})
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{count} invalid statement file(s):\n{lines}")
