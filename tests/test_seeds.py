"""The two seed texts, as curated in statements/: complete and correctly described."""

import pytest
from conftest import REPORT_ID, REPORT_SEED, ROOT, SEEDS, SHARED_SEEDS, STATEMENT_ID, STATEMENT_SEED

from podium.model.collection import load_collection
from podium.model.dates import PartialDate
from podium.model.schema import Kind, RelationType
from podium.text.normalise import words


def collection():  # type: ignore[no-untyped-def]
    c = load_collection(ROOT / "statements")
    assert c.problems == []
    return {st.meta.id: st for st in c}


def test_statement_header_block_becomes_metadata() -> None:
    m = collection()[STATEMENT_ID].meta
    assert m.kind is Kind.STATEMENT
    assert m.speaker is not None
    assert (m.speaker.name, m.speaker.honorific) == ("Le Thi Tuyet Mai", "H.E. Dr.")
    assert m.speaker.role == "Ambassador, Permanent Representative of Viet Nam"
    assert m.delegation == "VNM"
    assert m.event is not None
    assert (m.event.body, m.event.session) == ("IOM Council", "114th Session")
    assert (m.event.start, m.event.end) == (PartialDate(2023, 11, 27), PartialDate(2023, 11, 29))
    assert m.date is None  # the text gives only the session's dates
    assert m.language == "en"


def test_report_metadata() -> None:
    m = collection()[REPORT_ID].meta
    assert m.kind is Kind.NEWS_REPORT
    assert m.date == PartialDate(2023, 12, 2)
    assert m.source is not None and m.source.publisher == "Vietnam News Agency"
    assert m.end_marker == "./."
    assert [(r.id, r.relation) for r in m.related] == [(STATEMENT_ID, RelationType.REPORTS_ON)]


def test_statement_body_is_the_seed_without_its_header() -> None:
    seed = STATEMENT_SEED.read_text(encoding="utf-8")
    header, text = seed.split("**\n\n", 1)
    body = collection()[STATEMENT_ID].body
    assert words(body) == words(text)
    # The header's facts are kept verbatim in the source title.
    meta = collection()[STATEMENT_ID].meta
    assert meta.source is not None and meta.source.title is not None
    assert words(meta.source.title) == words(header)


def test_report_body_is_the_seed_less_date_line_and_end_marker() -> None:
    seed = REPORT_SEED.read_text(encoding="utf-8")
    body = collection()[REPORT_ID].body
    assert words(seed) == ["date", "2023", "12", "02", *words(body)]
    assert seed.rstrip().endswith("GCM./.")
    assert "./." not in body


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(),
                    reason="../shared/seeds is not beside the repository (set PODIUM_SHARED)")
def test_fixture_copies_match_the_shared_seeds() -> None:
    for seed in SHARED_SEEDS.glob("*.txt"):
        assert (SEEDS / seed.name).read_bytes() == seed.read_bytes()
