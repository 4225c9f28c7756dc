"""TF-IDF weighting, checked against figures worked by hand (the formulas of
scikit-learn's TfidfVectorizer with smooth_idf and sublinear_tf)."""

from __future__ import annotations

import math

import pytest

from podium.site import tfidf

DOCS = [["migration", "safe", "safe"], ["migration", "orderly"], ["regular"]]


def test_idf_is_smoothed() -> None:
    model = tfidf.fit(DOCS)
    # n = 3 documents; "migration" is in 2, the others in 1.
    assert model.idf["migration"] == pytest.approx(math.log(4 / 3) + 1)
    assert model.idf["safe"] == pytest.approx(math.log(4 / 2) + 1)
    assert set(model.idf) == {"migration", "safe", "orderly", "regular"}


def test_vector_uses_sublinear_tf_and_unit_length() -> None:
    model = tfidf.fit(DOCS)
    vector = model.vector(["migration", "safe", "safe", "unseen"])
    raw = {"migration": math.log(4 / 3) + 1, "safe": (1 + math.log(2)) * (math.log(2) + 1)}
    norm = math.hypot(*raw.values())
    assert vector == pytest.approx({t: w / norm for t, w in raw.items()})
    assert math.fsum(w * w for w in vector.values()) == pytest.approx(1.0)


def test_cosine() -> None:
    model = tfidf.fit(DOCS)
    a, b = model.vector(DOCS[0]), model.vector(DOCS[1])
    assert tfidf.cosine(a, a) == pytest.approx(1.0)
    assert tfidf.cosine(a, b) == pytest.approx(a["migration"] * b["migration"])
    assert tfidf.cosine(a, b) == tfidf.cosine(b, a)
    assert tfidf.cosine(a, model.vector(["regular"])) == 0.0


def test_a_text_with_no_known_term_has_an_empty_vector() -> None:
    model = tfidf.fit(DOCS)
    assert model.vector([]) == {}
    assert model.vector(["unknown"]) == {}
    assert tfidf.cosine({}, model.vector(DOCS[0])) == 0.0
    assert tfidf.fit([[], []]).idf == {}


def test_english_stop_words_are_scikit_learns_list() -> None:
    words = tfidf.english_stop_words()
    assert len(words) == 318
    assert {"the", "and", "of", "herself", "whereupon"} <= words
    assert not any(w.startswith("#") or " " in w for w in words)
