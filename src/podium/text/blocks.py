"""Split a statement body into blocks and tell what each block is: a
paragraph of the text, a salutation ("Madam Chair"), a closing ("I thank you,
Madam Chair."), a photo caption, or other Markdown (lists, headings, quotes).

The rules are deliberately lexical and multilingual: statements at UN bodies
follow the same forms in English, French, Spanish and Vietnamese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from podium.text import markup
from podium.text.normalise import fenced


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    SALUTATION = "salutation"
    CLOSING = "closing"
    CAPTION = "caption"
    OTHER = "other"

    @property
    def is_text(self) -> bool:
        """Text blocks are numbered and get a permalink (¶)."""
        return self is not BlockKind.OTHER


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    number: int | None
    """1-based number among the text blocks; None for other Markdown."""

    @cached_property
    def markdown(self) -> str:
        """The block as Markdown that shows it as the rule says (podium.text.markup):
        text escaped where Markdown would take it for syntax. Made when first
        asked: most blocks are plain prose, written as HTML without it (podium.text.prose)."""
        return to_markdown(self.text, self.kind)

    @property
    def source_number(self) -> str | None:
        """The paragraph's own number in the source ("41.", "12)"), if it has one."""
        if self.number is None:
            return None
        found = markup.NUMBER.match(self.text)
        return found.group(0) if found else None

    @property
    def anchor(self) -> str | None:
        return f"p{self.number}" if self.number is not None else None


_CAPTION = re.compile(
    r"\((?:photo|photos|photo credit|ảnh|foto|fotos|crédit photo|crédit)\s*:[^)]*\)\s*$",
    re.IGNORECASE,
)
_ADDRESS_OPENERS = (
    "madam", "madame", "mr", "mrs", "ms", "mister", "sir", "monsieur", "messieurs", "mesdames",
    "señor", "señora", "señoras", "señores", "sr", "sra", "excelentísimo", "excelentísima",
    "excelencias", "excellencies", "excellency", "your", "distinguished", "dear", "honourable",
    "honorable", "ladies", "chers", "chères", "cher", "chère", "estimado", "estimada", "estimados",
    "distinguidos", "thưa", "kính", "co-chairs", "co-chair", "president", "chair", "chairperson",
    "chairman", "chairwoman", "colleagues", "friends", "members", "delegates", "vice-president",
    "director-general", "secretary-general", "high", "under-secretary-general", "presidente",
    "presidenta", "mme", "m", "monsieur le président", "damas", "caballeros", "queridos",
)
_CLOSINGS = re.compile(
    r"^(?:i thank you|thank you|thanks|je vous remercie|merci|gracias|muchas gracias|"
    r"xin cảm ơn|xin trân trọng cảm ơn|cảm ơn|trân trọng cảm ơn)\b",
    re.IGNORECASE,
)
_ABBREVIATION_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sr|Sra|M|Mme|H\.E)\.$")


def split(body: str) -> list[str]:
    """Split Markdown into blank-line separated blocks, keeping fenced code whole."""
    blocks: list[str] = []
    current: list[str] = []
    for line, code in fenced(body.split("\n")):
        if not code and not line.strip():
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def classify(text: str, structure: bool | None = None) -> BlockKind:
    """What kind of block `text` is; `structure` says whether it is Markdown
    structure (podium.text.markup.is_structure, asked when not given)."""
    if markup.is_structure(text) if structure is None else structure:
        return BlockKind.OTHER
    if text.rstrip().endswith(")") and _CAPTION.search(text):
        return BlockKind.CAPTION
    if len(text.split(maxsplit=12)) > 12:  # a long paragraph, told apart without splitting it all
        return BlockKind.PARAGRAPH
    flat = " ".join(text.split())
    words = flat.split()
    if len(words) <= 12 and _CLOSINGS.match(flat):
        return BlockKind.CLOSING
    if len(words) <= 10 and _is_address(flat):
        return BlockKind.SALUTATION
    return BlockKind.PARAGRAPH


def _is_address(flat: str) -> bool:
    """A short line that opens with a form of address and is not a sentence."""
    if flat.endswith((".", "?")) and not _ABBREVIATION_END.search(flat):
        return False
    first = re.split(r"[\s,.:]+", flat.casefold(), maxsplit=1)[0]
    return first in _ADDRESS_OPENERS


def texts(body: str) -> list[tuple[str, bool]]:
    """The body's blocks, each with whether it is Markdown structure; text
    blocks cut into their paragraphs, which are text whatever their first mark
    (podium.text.markup)."""
    out: list[tuple[str, bool]] = []
    for text in split(body):
        if markup.is_structure(text) and (markup.is_fenced_code(text) or not markup.crowded(text)):
            out.append((text, True))
        else:
            out.extend((paragraph, False) for paragraph in markup.paragraphs(text))
    return out


def to_markdown(text: str, kind: BlockKind) -> str:
    """The Markdown that shows a block as the rule says: structure as written
    (with text-only `<` and braces escaped, code fences untouched), text escaped."""
    if kind is not BlockKind.OTHER:
        return markup.escape_inline(markup.escape_text(text))
    if markup.is_fenced_code(text):
        return text
    return markup.escape_inline(markup.escape_structure(text))


def parse(body: str) -> list[Block]:
    """Blocks of a body, text blocks numbered from 1 in reading order."""
    result: list[Block] = []
    number = 0
    for text, structure in texts(body):
        kind = classify(text, structure)
        if kind.is_text:
            number += 1
            result.append(Block(kind, text, number))
        else:
            result.append(Block(kind, text, None))
    return result
