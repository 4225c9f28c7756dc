"""TF-IDF vectors and cosine similarity over a handful of short texts.

The coverage map compares one report with one statement: a few dozen
sentences against a few dozen paragraphs. scikit-learn's TfidfVectorizer
computes the same numbers, but it costs seconds to import in every build
process and milliseconds of input checking per call, for sparse matrices this
small. This module reproduces its weighting exactly — smoothed IDF
(ln((1 + n) / (1 + df)) + 1), sublinear TF (1 + ln tf) and L2-normalised rows —
with plain dictionaries (tests/site/test_tfidf.py checks figures worked by hand).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

Vector = dict[str, float]
"""A sparse unit vector: term → weight."""


@dataclass(frozen=True)
class Model:
    idf: dict[str, float]
    """Inverse document frequency of every term seen while fitting."""

    def vector(self, terms: list[str]) -> Vector:
        """The unit TF-IDF vector of a text's terms; terms not seen while fitting are ignored."""
        counts = Counter(t for t in terms if t in self.idf)
        weights = {t: (1.0 + math.log(c)) * self.idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {t: w / norm for t, w in weights.items()} if norm else {}


def fit(documents: list[list[str]]) -> Model:
    """Learn the IDF of every term from the documents' terms."""
    frequency = Counter(t for terms in documents for t in set(terms))
    n = len(documents)
    return Model({t: math.log((1 + n) / (1 + df)) + 1.0 for t, df in frequency.items()})


def cosine(a: Vector, b: Vector) -> float:
    """Cosine similarity of two unit vectors (0.0 when either is empty)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


@cache
def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop-word list (shipped in data/stopwords-en.txt)."""
    text = files("podium").joinpath("data/stopwords-en.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))
