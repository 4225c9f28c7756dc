"""The coverage map on the seed pair, against hand-labelled alignments."""

from __future__ import annotations

from conftest import REPORT_ID, ROOT, STATEMENT_ID

from podium.model.collection import load_collection
from podium.site.coverage import Attribution, align, sentences

# Report sentence (its first words) → statement paragraphs it quotes or paraphrases,
# labelled by reading both texts. Sentences about what others said cover nothing.
TRUTH = {
    "Geneva (VNA) – The International": {13},  # cooperative, multilateral approach; IOM central role
    "Ambassador Le Thi Tuyet Mai, Permanent": set(),  # who and where: the header, not a paragraph
    "She highlighted Vietnam has been": {5, 6},  # implementing the GCM; thanks the IOM for support
    "Voicing her concerns over human": {9, 14, 15},  # online fraud; assess challenges; practical GCM
    "Meanwhile, IOM General Director Amy": set(),
    "She called on countries to continue": set(),
    "At the session, IOM member states": set(),
    "They agreed that countries and partners": set(),
}


def pairs() -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    c = {s.meta.id: s for s in load_collection(ROOT / "statements")}
    cov = align(c[REPORT_ID], c[STATEMENT_ID])
    key = {s: next(k for k in TRUTH if s.text.startswith(k)) for s in {a.sentence for a in cov.alignments}}
    predicted = {(key[a.sentence], a.paragraph) for a in cov.alignments}
    truth = {(k, p) for k, ps in TRUTH.items() for p in ps}
    return predicted, truth


def test_precision_and_recall_on_the_seed_pair() -> None:
    predicted, truth = pairs()
    hits = len(predicted & truth)
    precision, recall = hits / len(predicted), hits / len(truth)
    print(f"coverage on the seed pair: precision {precision:.2f}, recall {recall:.2f} "
          f"({hits} of {len(truth)} true pairs, {len(predicted) - hits} false)")
    assert precision >= 0.8
    assert recall >= 0.8


def test_every_report_sentence_is_labelled_and_attributed() -> None:
    c = {s.meta.id: s for s in load_collection(ROOT / "statements")}
    found = sentences(c[REPORT_ID], ["le thi tuyet mai", "viet nam"])
    assert [next(k for k in TRUTH if s.text.startswith(k)) for s in found] == list(TRUTH)
    assert [s.attribution for s in found] == [Attribution.SPEAKER] * 4 + [Attribution.OTHER] * 4


def test_coverage_both_ways_on_the_built_pages(built_site) -> None:  # type: ignore[no-untyped-def]
    from conftest import page

    report = page(built_site, f"statements/2023/{REPORT_ID}/")
    links = [a["href"] for a in report.select("a.podium-coverage-link")]
    assert f"../{STATEMENT_ID}/#p9" in links and f"../{STATEMENT_ID}/#p13" in links
    statement = page(built_site, f"statements/2023/{STATEMENT_ID}/")
    row = next(dt for dt in statement.select(".podium-meta dt") if dt.get_text() == "Coverage")
    text = row.find_next_sibling("dd").get_text(" ", strip=True)
    assert "Vietnam News Agency" in text and "covers ¶" in text and "leaves out ¶" in text
    assert statement.select_one('.podium-meta dd a[href="#p13"]')


# The seed pair's scores as scikit-learn's TfidfVectorizer computed them
# (smooth IDF, sublinear TF, L2 rows) before podium.site.tfidf replaced it.
SKLEARN_SCORES = [
    ("Geneva (VNA) – The International", 4, 0.149),
    ("Geneva (VNA) – The International", 13, 0.406),
    ("She highlighted Vietnam has been", 5, 0.183),
    ("She highlighted Vietnam has been", 6, 0.119),
    ("Voicing her concerns over human", 9, 0.245),
    ("Voicing her concerns over human", 14, 0.134),
    ("Voicing her concerns over human", 15, 0.126),
]


def test_scores_match_scikit_learns() -> None:
    c = {s.meta.id: s for s in load_collection(ROOT / "statements")}
    cov = align(c[REPORT_ID], c[STATEMENT_ID])
    got = [(next(k for k in TRUTH if a.sentence.text.startswith(k)), a.paragraph, a.score)
           for a in cov.alignments]
    assert got == SKLEARN_SCORES
