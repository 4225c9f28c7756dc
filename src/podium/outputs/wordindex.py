"""Podium's own word index: which statements hold a word, and how often.

The search page asks it for a word's statements (counts per year and filter,
the chart, the ranking, the list), and fetches only the pages of the results
it shows. Pagefind (outputs/indexer.py) answers what this index cannot: a
phrase, a word beginning with what is typed, and the languages written
without spaces. Why a second index: Pagefind holds an index in memory while
it writes it (about 43 bytes per character), so the UN General Debate Corpus
is 19 bundles, and each costs a first search its own runtime and five or
more requests (223 requests, 3.9 MB in all). This one is a manifest (the
statements' addresses, lengths and filter values) and word files cut by
alphabetical range, each a few tens of kilobytes: a first search is the
manifest, one word file and the pages of the results shown.

A word is what the word check reads in the source (text.verify: NFKC,
case-folded, split at what is not a letter or digit and at underscores) once
its accents and other marks are taken off, as podium.js cuts a query; words
of scripts written without spaces, and of Indic scripts, are left to Pagefind.

Made in blocks of statements whose ends depend only on the statements in
them (a statement whose id hashes to 0 modulo BLOCK ends one), each kept in
the build cache by its statements' ids and text: an edit, an addition or a
removal makes one block again, not the whole index.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from podium.text.verify import source_words

FOLDER = "search/words"
"""Where the index is in the site."""
MANIFEST = FOLDER + "/index.json"
VERSION = 1
BLOCK = 128
"""Statements in a block, on average (a block ends after a statement whose id hashes to 0 modulo this)."""
SHARD = 48_000
"""Characters of a word file, at most unless one word needs more: gzipped, about a third."""

PAGEFIND_SCRIPTS = re.compile(
    "[\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u3040-\u30ff"
    "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\ua9e0-\ua9ff\uaa60-\uaa7f"
    "\U00020000-\U0003134f]")
"""Scripts whose words this index leaves to Pagefind: Thai, Lao, Myanmar, Khmer, kana and
Han, written without spaces (Pagefind cuts them into words), and the Indic scripts and
Tibetan, whose vowel signs are marks: taken off, as accents are, they would make
different words one. podium.js has the same ranges (PODIUM_PAGEFIND_SCRIPTS)."""

_LAST = "0123456789abcdefghijklmnopqrstuv"
_MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ+/=!?~"
"""A number is written in groups of five bits, most significant first: each group
but the last as a character of _MORE, the last as one of _LAST (podium.js reads it)."""


def number(n: int) -> str:
    """A non-negative number in the word files' notation."""
    out = _LAST[n & 31]
    n >>= 5
    while n:
        out = _MORE[n & 31] + out
        n >>= 5
    return out


_SMALL = [number(n) for n in range(1024)]


def _num(n: int) -> str:
    return _SMALL[n] if n < 1024 else number(n)


def statement_words(body: str) -> Counter[str]:
    """The index's words of a statement's source and how often each occurs: its
    accents and other marks taken off before it is cut into words (`يُعِيدُ`
    is `يعيد`, `Việt` is `viet`), words of PAGEFIND_SCRIPTS left out."""
    if body.isascii():  # (most statements: nothing to take off)
        return source_words(body)
    found = source_words(without_marks(body))
    return Counter({w: n for w, n in found.items() if w.isascii() or not PAGEFIND_SCRIPTS.search(w)})


def without_marks(text: str) -> str:
    """The text decomposed (NFKD) without its marks (Unicode category M, as
    podium.js's `\\p{M}`), and Vietnamese đ, which Unicode does not decompose, as d."""
    return unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D")).translate(_marks())


@cache
def _marks() -> dict[int, None]:
    """Every mark (Unicode category M) to delete, for str.translate."""
    return {cp: None for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp))[0] == "M"}


@dataclass
class Block:
    """The postings of a run of statements, numbered from 0 in the block: for each
    word, its first statement and count, its last statement, and the rest written
    as podium.js reads them (gaps and counts)."""

    sizes: list[int]
    """Each statement's number of words (the ranking's length)."""
    words: dict[str, tuple[int, int, int, str]]

    def to_bytes(self) -> bytes:
        return json.dumps({"sizes": self.sizes, "words": self.words}, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Block | None:
        try:
            raw = json.loads(data)
            return cls(list(raw["sizes"]), dict(raw["words"]))
        except (ValueError, KeyError, TypeError):
            return None


def make_block(bodies: Sequence[str]) -> Block:
    """The block of these statements' texts, in their order."""
    counts: dict[str, list[int]] = {}
    sizes = []
    for j, body in enumerate(bodies):
        found = statement_words(body)
        sizes.append(sum(found.values()))
        for word, n in found.items():
            mine = counts.get(word)
            if mine is None:
                counts[word] = [j, n]
            else:
                mine += (j, n)
    small, words = _SMALL, {}
    for word, flat in counts.items():
        # flat: statement, count, statement, count, ... (one list per word: a third of the time of tuples)
        rest = [(small[d] if (d := flat[k] - flat[k - 2]) < 1024 else number(d))
                + (small[c] if (c := flat[k + 1] - 1) < 1024 else number(c)) for k in range(2, len(flat), 2)]
        words[word] = (flat[0], flat[1], flat[-2], "".join(rest))
    return Block(sizes, words)


def blocks_of(ids: Sequence[str]) -> list[tuple[int, int]]:
    """Where the blocks of statements with these ids (in the index's order) begin
    and end: after each id that hashes to 0 modulo BLOCK, and at the end."""
    out, start = [], 0
    for i, statement_id in enumerate(ids):
        if int.from_bytes(hashlib.blake2b(statement_id.encode("utf-8"), digest_size=4).digest(), "big") \
                % BLOCK == 0 or i - start + 1 >= 8 * BLOCK:
            out.append((start, i + 1))
            start = i + 1
    if start < len(ids):
        out.append((start, len(ids)))
    return out


def block_key(entries: Iterable[tuple[str, str]]) -> str:
    """A block's cache key: its statements' ids and text digests, in order."""
    h = hashlib.sha256(f"podium-words-{VERSION}\n".encode())
    for statement_id, digest in entries:
        h.update(f"{statement_id}\t{digest}\n".encode())
    return "words-" + h.hexdigest()[:40]


@dataclass
class Row:
    """One statement as the manifest lists it."""

    id: str
    url: str
    """Its page, relative to the site's root."""
    digest: str
    """A hash of its text (Statement.source_digest): the block cache's key."""
    filters: dict[str, list[str]]
    """Its value(s) for each search filter, as the search page shows them."""


@dataclass
class WordIndex:
    """The whole index, ready to write: the manifest and the word files."""

    files: dict[str, str] = field(default_factory=dict)
    """Path in the site -> text."""
    made: int = 0
    """Blocks made (the rest came from the cache)."""
    blocks: int = 0


def build(rows: Sequence[Row], body: Callable[[int], str], *,
          cached: Callable[[str], bytes | None] = lambda key: None,
          keep: Callable[[str, bytes], None] = lambda key, data: None,
          make: Callable[[list[list[str]]], Iterable[Block]] | None = None) -> WordIndex:
    """The index of these statements (in the order the search lists them by
    date), `body(i)` giving the i-th one's source text. Blocks are taken from
    `cached` by key, else made (`make`, which may use worker processes, gets the
    texts of every block to make) and handed to `keep`."""
    spans = blocks_of([r.id for r in rows])
    keys = [block_key((r.id, r.digest) for r in rows[a:b]) for a, b in spans]
    found: list[Block | None] = []
    for key in keys:
        data = cached(key)
        found.append(Block.from_bytes(data) if data is not None else None)
    todo = [i for i, b in enumerate(found) if b is None]
    texts = [[body(j) for j in range(*spans[i])] for i in todo]
    made = list(make(texts)) if make is not None else [make_block(t) for t in texts]
    for i, block in zip(todo, made, strict=True):
        found[i] = block
        keep(keys[i], block.to_bytes())
    blocks = [b for b in found if b is not None]
    out = WordIndex(made=len(todo), blocks=len(blocks))
    out.files = _files(rows, spans, blocks)
    return out


def _files(rows: Sequence[Row], spans: list[tuple[int, int]], blocks: list[Block]) -> dict[str, str]:
    """The manifest and the word files, the blocks' postings joined word by word."""
    joined: dict[str, list[Any]] = {}  # word -> [its last statement so far, its parts]
    sizes: list[int] = []
    small = _SMALL
    for (start, _), block in zip(spans, blocks, strict=True):
        sizes.extend(block.sizes)
        for word, (first, count, end, rest) in block.words.items():
            state = joined.get(word)
            gap = start + first - (state[0] if state is not None else -1)
            part = ((small[gap] if gap < 1024 else number(gap))
                    + (small[count - 1] if count <= 1024 else number(count - 1)) + rest)
            if state is None:
                joined[word] = [start + end, [part]]
            else:
                state[0] = start + end
                state[1].append(part)
    # Sorted as JavaScript compares strings (UTF-16 code units), so that podium.js
    # finds a word's file by comparing it with each file's first word.
    order = sorted(joined, key=lambda w: w.encode("utf-16-be"))
    files: dict[str, str] = {}
    firsts: list[str] = []
    lines: list[str] = []
    size = 0
    for word in order:
        line = word + "\t" + "".join(joined[word][1]) + "\n"
        if lines and size + len(line) > SHARD:
            files[f"{FOLDER}/{len(firsts) - 1}.txt"] = "".join(lines)
            lines, size = [], 0
        if not lines:
            firsts.append(word)
        lines.append(line)
        size += len(line)
    if lines:
        files[f"{FOLDER}/{len(firsts) - 1}.txt"] = "".join(lines)
    files[MANIFEST] = manifest(rows, sizes, firsts)
    return files


def manifest(rows: Sequence[Row], sizes: list[int], firsts: list[str]) -> str:
    """The statements (address, words, each filter's values by number) and the first
    word of each word file, as JSON."""
    names: list[str] = []
    for row in rows:
        names.extend(k for k in row.filters if k not in names)
    filters = {}
    for name in names:
        values = sorted({v for row in rows for v in row.filters.get(name, [])})
        number_of = {v: i for i, v in enumerate(values)}
        of: list[int | list[int]] = []
        for row in rows:
            mine = [number_of[v] for v in row.filters.get(name, [])]
            of.append(mine[0] if len(mine) == 1 else mine)
        filters[name] = {"values": values, "of": of}
    return json.dumps({"version": VERSION, "shards": firsts, "pages": [r.url for r in rows], "words": sizes,
                       "filters": filters}, ensure_ascii=False, separators=(",", ":")) + "\n"


def write(index: WordIndex, site_dir: Path) -> None:
    """Write the index's files into the site (a folder the build owns: search/words/)."""
    for path, text in index.files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
