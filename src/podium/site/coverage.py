"""Coverage map: which paragraphs of a statement a news report quotes or
paraphrases. Each report sentence is compared with each statement paragraph
by TF-IDF cosine similarity (podium.site.tfidf) over stemmed words and bigrams.

Two things keep it honest. Long report sentences are compared clause by
clause, because one sentence often summarises several paragraphs. And
reports attribute: a sentence about what *someone else* said ("Meanwhile, the
Director General said…", "They agreed…") does not cover the statement, even
when it shares words with it. Thresholds were calibrated on the seed pair
(see tests/site/test_coverage.py for the hand-labelled alignments).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import cache

from podium.model.loader import Statement
from podium.site import tfidf
from podium.site.display import delegation, on
from podium.text import blocks
from podium.text.blocks import BlockKind
from podium.text.normalise import normalise

THRESHOLD = 0.10
"""Least similarity for a sentence attributed to the speaker."""
NEUTRAL_THRESHOLD = 0.20
"""Least similarity for a sentence attributed to no one in particular."""

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-ZÀ-ỸĐ])")
_CLAUSE = re.compile(r",\s+|;\s+|\s+while\s+|\s+and\s+(?=\w+ed\b)")
_REPORTING = re.compile(
    r"\b(said|says|stated|stressed|noted|added|called|urged|hailed|agreed|highlighted|"
    r"emphasised|emphasized|underlined|told|affirmed|announced|welcomed)\b", re.IGNORECASE)
_SPEAKER_ROLES = re.compile(
    r"\b(diplomat|ambassador|envoy|representative|minister|delegate|delegation|speaker)\b",
    re.IGNORECASE)
_PRONOUN_START = re.compile(r"^(she|he|they|the diplomat|the ambassador)\b", re.IGNORECASE)
_SWITCH_START = re.compile(r"^(meanwhile|at the same time|for (his|her|their) part)\b", re.IGNORECASE)
_SUFFIXES = ("ations", "ation", "ically", "ical", "ing", "ies", "es", "s", "ed", "al", "ly")


class Attribution(Enum):
    SPEAKER = "speaker"
    OTHER = "other"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Sentence:
    block: int
    """Number (¶) of the report block the sentence is in."""
    end: int
    """Offset just after the sentence in that block's normalised text."""
    text: str
    attribution: Attribution


@dataclass(frozen=True)
class Alignment:
    sentence: Sentence
    paragraph: int
    """The statement paragraph's number (¶)."""
    score: float


@dataclass(frozen=True)
class Coverage:
    report: Statement
    statement: Statement
    alignments: list[Alignment]
    paragraphs: list[int]
    """Numbers of the statement's substantive paragraphs (salutations and closings excluded)."""

    @property
    def covered(self) -> list[int]:
        return sorted({a.paragraph for a in self.alignments})

    @property
    def left_out(self) -> list[int]:
        covered = set(self.covered)
        return [n for n in self.paragraphs if n not in covered]


@cache  # the same words recur in every pair
def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_VIET_NAM = re.compile(r"\bviet nam\b")
_WORD = re.compile(r"\w+")


def _tokens(text: str, english: bool, stop: frozenset[str]) -> list[str]:
    text = _VIET_NAM.sub("vietnam", text.casefold())
    words = [w for w in _WORD.findall(text) if w not in stop]
    return [_stem(w) for w in words] if english else words


def sentences(report: Statement, speaker_keys: list[str]) -> list[Sentence]:
    """The report's sentences, in order, each with who it attributes its content to."""
    out: list[Sentence] = []
    previous = Attribution.NEUTRAL
    for block in blocks.parse(normalise(report.body)):
        if block.kind is not BlockKind.PARAGRAPH or block.number is None:
            continue
        start = 0
        ends = [m.start() + len(m.group(0).rstrip()) for m in _SENTENCE_END.finditer(block.text)]
        for end in [*ends, len(block.text)]:
            text = block.text[start:end].strip()
            start = end
            if not text:
                continue
            previous = _attribute(text, speaker_keys, previous)
            out.append(Sentence(block.number, end, text, previous))
    return out


def _attribute(text: str, speaker_keys: list[str], previous: Attribution) -> Attribution:
    lowered = text.casefold()
    if _SWITCH_START.match(text):
        return Attribution.OTHER
    if _PRONOUN_START.match(text):
        return previous if previous is not Attribution.NEUTRAL else Attribution.SPEAKER
    if any(k in lowered for k in speaker_keys) or _SPEAKER_ROLES.search(text):
        return Attribution.SPEAKER
    if _REPORTING.search(text):
        return Attribution.OTHER
    return Attribution.NEUTRAL


def _speaker_keys(statement: Statement) -> list[str]:
    m = statement.meta
    keys = []
    if m.speaker:
        keys.append(m.speaker.name.casefold())
        keys.append(m.speaker.name.split()[-1].casefold())
    if m.delegation:
        keys.append(delegation(m.delegation, on(m)).casefold())
    return [k for k in keys if len(k) > 2]


def _clauses(sentence: str, count: Callable[[str], list[str]]) -> list[str]:
    """Split a long sentence into clauses of at least five content words."""
    out: list[str] = []
    buffer = ""
    for part in _CLAUSE.split(sentence):
        buffer = f"{buffer}, {part}" if buffer else part
        if len(count(buffer)) >= 5:
            out.append(buffer)
            buffer = ""
    if buffer:
        if out:
            out[-1] = f"{out[-1]}, {buffer}"
        else:
            out.append(buffer)
    return out


def align(report: Statement, statement: Statement) -> Coverage:
    """Align one report's sentences with one statement's paragraphs. The TF-IDF
    model is fitted on the pair's own texts, so a pair's map does not depend on
    the rest of the collection and each pair can be aligned on its own, in
    whichever process renders its pages."""
    paragraphs = [b for b in blocks.parse(normalise(statement.body)) if b.kind is BlockKind.PARAGRAPH]
    numbers = [b.number for b in paragraphs if b.number is not None]
    found = sentences(report, _speaker_keys(statement))
    candidates = [s for s in found if s.attribution is not Attribution.OTHER]
    if not paragraphs or not candidates or report.meta.language != statement.meta.language:
        return Coverage(report, statement, [], numbers)
    english = statement.meta.language.split("-")[0] == "en"
    stop = tfidf.english_stop_words() if english else frozenset()

    memo: dict[str, list[str]] = {}  # a clause's growing buffer and its text are tokenised once

    def tokens(text: str) -> list[str]:
        known = memo.get(text)
        if known is None:
            known = memo[text] = _tokens(text, english, stop)
        return known

    def analyse(text: str) -> list[str]:
        words = tokens(text)
        return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]

    terms = [analyse(b.text) for b in paragraphs]
    model = tfidf.fit(terms + [analyse(s.text) for s in found])
    targets = [model.vector(t) for t in terms]
    best: dict[int, list[float]] = {}
    for i, s in enumerate(candidates):
        for clause in _clauses(s.text, tokens):
            vector = model.vector(analyse(clause))
            scores = [tfidf.cosine(vector, t) for t in targets]
            best[i] = list(map(max, best[i], scores)) if i in best else scores
    alignments = []
    for i, sentence in enumerate(candidates):
        threshold = THRESHOLD if sentence.attribution is Attribution.SPEAKER else NEUTRAL_THRESHOLD
        for number, score in zip(numbers, best[i], strict=True):
            if score >= threshold:
                alignments.append(Alignment(sentence, number, round(score, 3)))
    return Coverage(report, statement, alignments, numbers)


class Aligner:
    """`align`, once per (report, statement) pair of a build: the renderers'
    only way to a coverage map, holding nothing of the site but the maps made."""

    __slots__ = ("_maps",)

    def __init__(self) -> None:
        self._maps: dict[tuple[str, str], Coverage] = {}

    def __call__(self, report: Statement, statement: Statement) -> Coverage:
        key = (report.meta.id, statement.meta.id)
        found = self._maps.get(key)
        if found is None:
            found = self._maps[key] = align(report, statement)
        return found
