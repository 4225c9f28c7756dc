from pathlib import Path

from conftest import statement_text

from podium.model.collection import load_collection
from podium.site import taxonomy
from podium.site.facets import DEFAULT_TAXONOMIES, FACETS, by_name
from podium.site.i18n import Strings
from podium.site.taxonomy import TaxonomySpec

NAMED = by_name(FACETS)


def test_every_default_taxonomy_uses_a_known_facet() -> None:
    assert [s.facet for s in DEFAULT_TAXONOMIES] == [f.name for f in FACETS]


def test_group_and_order(tmp_path: Path) -> None:
    texts = {
        "a": statement_text(id="a", date="2022-01-01", delegation="FRA", topics=["Climate"]),
        "b": statement_text(id="b", date="2024-01-01", delegation="VNM", topics=["climate", "Migration"]),
        "c": statement_text(id="c", date="2023-06-01", delegation="FRA"),
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    c = load_collection(tmp_path)
    t = Strings("en")
    years = taxonomy.build(TaxonomySpec("year", "years"), NAMED["year"].terms, c, t)
    assert [t.term.slug for t in years.terms] == ["2024", "2023", "2022"]
    dels = taxonomy.build(TaxonomySpec("delegation", "d", "Countries"), NAMED["delegation"].terms, c, t)
    assert dels.title == "Countries" and years.title == "Statements by date"
    assert [(t.term.label, [s.meta.id for s in t.statements]) for t in dels.terms] == [
        ("France", ["c", "a"]), ("Viet Nam", ["b"])]
    topics = taxonomy.build(TaxonomySpec("topic", "t"), NAMED["topic"].terms, c, t)
    assert [(t.term.slug, len(t.statements)) for t in topics.terms] == [("climate", 2), ("migration", 1)]


def test_paginate() -> None:
    assert [len(p) for p in taxonomy.paginate(list(range(250)), 100)] == [100, 100, 50]
    assert taxonomy.paginate([], 100) == [[]]


def test_kind_and_language_labels_follow_the_interface_language(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(statement_text(id="a", kind="news-report", language="vi"),
                                   encoding="utf-8")
    c = load_collection(tmp_path)
    kinds = taxonomy.build(TaxonomySpec("kind", "k"), NAMED["kind"].terms, c, Strings("fr"))
    langs = taxonomy.build(TaxonomySpec("language", "l"), NAMED["language"].terms, c, Strings("fr"))
    assert kinds.terms[0].term.label == "Dépêche"
    assert (langs.title, langs.terms[0].term.label) == ("Langues", "vietnamien")
    assert langs.term_title(langs.terms[0].term, Strings("fr")) == "En vietnamien"


def test_labels_that_slugify_alike_keep_pages_of_their_own(tmp_path: Path) -> None:
    """王毅 and 汪毅 are two people (both "wang-yi"); C, C++ and C# are three topics."""
    texts = {
        "a": statement_text(id="a", speaker={"name": "王毅"}, topics=["C++", "C"]),
        "b": statement_text(id="b", speaker={"name": "汪毅"}, topics=["C#"]),
        "c": statement_text(id="c", speaker={"name": "Wang Yi"}, topics=["c"]),
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    c = load_collection(tmp_path)
    t = Strings("en")
    speakers = taxonomy.build(TaxonomySpec("speaker", "s"), NAMED["speaker"].terms, c, t)
    slugs = {e.term.label: e.term.slug for e in speakers.terms}
    assert len(set(slugs.values())) == 3
    assert slugs["Wang Yi"] == "wang-yi"  # the identity that sorts first keeps the plain slug
    assert all(s.startswith("wang-yi-") for label, s in slugs.items() if label != "Wang Yi")
    topics = taxonomy.build(TaxonomySpec("topic", "t"), NAMED["topic"].terms, c, t)
    assert sorted((e.term.label, len(e.statements)) for e in topics.terms) == [
        ("C", 2), ("C#", 1), ("C++", 1)]  # "C" and "c" are one topic
    assert len({e.term.slug for e in topics.terms}) == 3
    # The same names read in another order get the same addresses.
    again = taxonomy.build(TaxonomySpec("speaker", "s"), NAMED["speaker"].terms,
                           load_collection(tmp_path), t)
    assert {e.term.label: e.term.slug for e in again.terms} == slugs
    # A statement's own links go to its term's distinct page.
    st = next(s for s in c if s.meta.id == "b")
    assert speakers.term(NAMED["speaker"].terms(st.meta, t)[0]).slug == slugs["汪毅"]
