"""Statement files through python-frontmatter, with Podium's rules.

python-frontmatter splits a file into its YAML front matter and its text, and
writes them back; its default handler reads the YAML with PyYAML's safe
loader, which has no limits and reports no line. `Handler` is a
python-frontmatter handler that keeps the library's interface (`detect`,
`split`, `load`, `export`) and Podium's rules: the front matter read by
podium.model.yamlsafe (bounded size, depth and nodes; no anchors, merge keys
or duplicate keys; dates left as text for the schema), the line of every key
kept for messages, the fence a line of three or more hyphens, and the text
kept exactly as written (the library strips it; the word check needs it
whole). A handler is made for one file: what it read stays on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

from podium.model import yamlsafe

FENCE = re.compile(r"-{3,}[ \t]*")
"""A line that opens or closes the front matter."""


class NoFrontMatter(Exception):
    """The text does not start with a '---' line. (Not a ValueError: python-frontmatter
    takes one from `split` as "no front matter" and returns the whole text.)"""


class NoClosingFence(Exception):
    """The front matter has no closing '---' line."""


@dataclass
class Split:
    """What splitting a file found: its YAML, its text, and where they are."""

    fields: str
    body: str
    closing_line: int
    """1-based line of the closing fence."""


class Handler(YAMLHandler):
    """python-frontmatter's YAML handler, reading with Podium's bounded YAML."""

    FM_BOUNDARY = re.compile(r"^-{3,}[ \t]*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "---"

    def __init__(self) -> None:
        super().__init__()
        self.found: Split | None = None
        self.parsed: yamlsafe.Parsed | None = None

    def detect(self, text: str) -> bool:
        return text.startswith("---\n")

    def split(self, text: str) -> tuple[str, str]:
        """The front matter and the text, the fence found line by line (the
        library's pattern would also take a `---` inside a YAML block scalar)."""
        if not self.detect(text):
            raise NoFrontMatter(text[:40])
        rows = text.split("\n")
        closing = next((i for i in range(1, len(rows)) if FENCE.fullmatch(rows[i])), None)
        if closing is None:
            raise NoClosingFence(text[:40])
        self.found = Split("\n".join(rows[1:closing]), "\n".join(rows[closing + 1:]), closing + 1)
        return self.found.fields, self.found.body

    def load(self, fm: str, **kwargs: object) -> Any:
        """The fields, by yamlsafe (YamlError with a line for anything refused)."""
        self.parsed = yamlsafe.load(fm)
        return self.parsed.data

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        """The fields as YAML in the order given, every character as it is."""
        return str(yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, width=100)).strip()


def read(text: str) -> tuple[Handler, Any]:
    """Split and load a statement file's text (BOM and CRLF already removed) through
    python-frontmatter with a `Handler`; the handler holds the split and the key lines.
    Raises NoFrontMatter, NoClosingFence or yamlsafe.YamlError."""
    handler = Handler()
    if not handler.detect(text):  # (the library would return the whole text as the body)
        raise NoFrontMatter(text[:40])
    frontmatter.parse(text, handler=handler)
    assert handler.parsed is not None
    return handler, handler.parsed.data


def write(fields: dict[str, object], body: str) -> str:
    """A statement file's text from its fields and its text, through python-frontmatter."""
    post = frontmatter.Post(body.strip("\n"), handler=Handler(), **fields)
    return str(frontmatter.dumps(post)) + "\n"
