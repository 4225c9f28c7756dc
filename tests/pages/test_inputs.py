"""Cache keys by construction (podium.pages.inputs): a statement's or a term's
page is rendered from its declared inputs and the site's settings only, and
its key is the fingerprint of those inputs, every field of them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import statement_text

from podium.model.collection import load_collection
from podium.model.loader import Statement
from podium.pages import render
from podium.pages.inputs import Once, StatementInputs, TermInputs, Text, fingerprint
from podium.pages.plan import GeneratedPage, Site
from podium.site.context import RenderContext


def _meta(st: Statement) -> str:
    return st.meta.model_dump_json()


def _write(folder: Path, extra: dict[str, str] | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    texts = {
        "orig": statement_text(id="orig", title="Original", date="2024-03-01", language="en",
                               delegation="VNM", speaker={"name": "Ann Smith"}, topics=["Migration"]),
        "fr": statement_text("Monsieur le Président,\n\nNous soutenons la résolution.\n", id="fr",
                             title="Original (fr)", date="2024-03-01", language="fr", delegation="VNM",
                             related=[{"id": "orig", "relation": "translation-of"}]),
        "later": statement_text(id="later", title="Later", date="2025-05-02", language="en",
                                delegation="VNM", topics=["Migration", "Health"]),
        "report": statement_text("Geneva - the delegation said: we support the resolution.\n", id="report",
                                 kind="news-report", title="Report", date="2024-03-02", language="en",
                                 source={"publisher": "A News Agency"},
                                 related=[{"id": "orig", "relation": "reports-on"}]),
        **(extra or {}),
    }
    for name, text in texts.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


def _site(folder: Path) -> Site:
    return Site(load_collection(folder))


def _declared(site: Site) -> Iterator[GeneratedPage]:
    return (p for p in site.pages() if p.inputs is not None)


def _keys(site: Site) -> dict[str, str]:
    return {p.src_uri: fingerprint(p.inputs(), _meta) for p in _declared(site) if p.inputs}


def test_statement_and_term_pages_declare_their_inputs(tmp_path: Path) -> None:
    site = _site(_write(tmp_path / "s"))
    kinds = {type(p.inputs()) for p in _declared(site) if p.inputs}
    assert kinds == {StatementInputs, TermInputs}
    assert sum(1 for p in site.pages() if p.statement is not None and p.inputs is None) == 0


def test_an_input_added_to_a_renderer_is_in_the_key(tmp_path: Path) -> None:
    """What a developer does when a renderer needs something new: add a field to
    its inputs. The key follows without anyone remembering it."""
    site = _site(_write(tmp_path / "s"))
    page = next(p for p in _declared(site) if p.statement is not None)
    assert page.inputs is not None
    inputs = page.inputs()
    wider = dataclasses.make_dataclass("Wider", [("added", object)], bases=(type(inputs),), frozen=True)
    base = {f.name: getattr(inputs, f.name) for f in dataclasses.fields(inputs)}
    one, two = wider(**base, added="one"), wider(**base, added="two")
    assert fingerprint(one, _meta) != fingerprint(two, _meta)
    pair = wider(**base, added=("a", 1)), wider(**base, added=("a", 2))
    assert fingerprint(pair[0], _meta) != fingerprint(pair[1], _meta)
    with pytest.raises(TypeError, match="no fingerprint"):
        fingerprint(wider(**base, added=object()), _meta)  # an input the walk cannot key is an error


def _changed(value: Any, others: list[Statement]) -> Iterator[Any]:
    """Values like `value` but different, of the same shape."""
    if isinstance(value, bool):
        yield not value
    elif isinstance(value, (int, float)):
        yield value + 1
    elif isinstance(value, str):
        yield value + "x"
    elif isinstance(value, Text):
        yield Text(next(o for o in others if o is not value.statement))
    elif isinstance(value, Statement):
        yield next(o for o in others if o is not value)
    elif isinstance(value, tuple):
        yield (*value, value[-1]) if value else ("x",)
        for i, item in enumerate(value[:2]):
            for other in _changed(item, others):
                yield (*value[:i], other, *value[i + 1:])
    elif isinstance(value, frozenset):
        yield value | {"x"}
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            for other in _changed(getattr(value, f.name), others):
                yield dataclasses.replace(value, **{f.name: other})  # type: ignore[type-var]
    elif value is None:
        yield "x"


def test_every_field_of_every_input_is_in_the_key(tmp_path: Path) -> None:
    site = _site(_write(tmp_path / "s"))
    others = list(site.collection)
    tried = 0
    for page in _declared(site):
        assert page.inputs is not None
        inputs = page.inputs()
        key = fingerprint(inputs, _meta)
        for f in dataclasses.fields(inputs):
            for other in _changed(getattr(inputs, f.name), others):
                changed = dataclasses.replace(inputs, **{f.name: other})  # type: ignore[type-var]
                assert fingerprint(changed, _meta) != key, (page.src_uri, f.name, other)
                tried += 1
    assert tried > 100


class _Blind(RenderContext):
    """The site's settings without the rest of the site: a renderer that reads a
    statement's terms, the collection or the taxonomies here instead of in its
    inputs renders differently or fails."""

    def term_links(self, facet: str, st: Statement) -> list[Any]:
        raise AssertionError(f"a renderer read the {facet} terms of {st.meta.id} outside its inputs")


def _blind(ctx: RenderContext) -> _Blind:
    """A context with the settings of `ctx`, no statements, no taxonomies, and
    memos of its own."""
    return _Blind(**{f.name: getattr(ctx, f.name) for f in dataclasses.fields(ctx) if f.init} | {
        "statements": [], "taxonomies": [], "listed": {}})


def _rendered(doc: Any) -> tuple[str, list[str], list[tuple[str, object]]]:
    """All of a page: its Markdown, the HTML behind its placeholders, its front matter."""
    return doc.text, [repr(f) for f in doc.fragments], sorted(doc.meta.items())


def _metadata_only(value: Any) -> Any:
    """The inputs with every statement declared for its metadata only given another
    body: a page that shows such a statement's text would change."""
    if isinstance(value, Text):
        return value
    if isinstance(value, Statement):
        return dataclasses.replace(value, body="A body the page must not show.\n")
    if isinstance(value, tuple):
        return tuple(_metadata_only(v) for v in value)
    if isinstance(value, frozenset):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _metadata_only(getattr(value, f.name))  # type: ignore[type-var]
                                             for f in dataclasses.fields(value) if f.init})
    return value


def _render_page(ctx: RenderContext, inputs: Any) -> Any:
    renderer = render.statement_page if isinstance(inputs, StatementInputs) else render.term_page
    return renderer(ctx, inputs)


def test_renderers_read_nothing_but_their_inputs_and_the_settings(tmp_path: Path) -> None:
    site = _site(_write(tmp_path / "s"))
    pages = list(_declared(site))
    assert len(pages) > 10
    for page in pages:
        assert page.inputs is not None
        inputs = page.inputs()
        seen = _rendered(page.build())
        assert _rendered(_render_page(_blind(site.context), inputs)) == seen, page.src_uri
        assert _rendered(_render_page(_blind(site.context), _metadata_only(inputs))) == seen, page.src_uri


def test_a_page_renders_the_same_whatever_was_rendered_before_it(tmp_path: Path) -> None:
    """Pages are rendered in worker processes, in batches, in any order, and
    taken from the cache one by one: a renderer that kept anything from one
    page to the next (a memo it reads back, a module's global) would make a
    page that depends on which pages came before it."""
    folder = _write(tmp_path / "s")
    forward = {p.src_uri: _rendered(p.build()) for p in _declared(_site(folder))}
    backward = {p.src_uri: _rendered(p.build()) for p in reversed(list(_declared(_site(folder))))}
    assert backward == forward


def test_a_page_whose_key_is_unchanged_renders_the_same_in_a_larger_site(tmp_path: Path) -> None:
    """What the cache relies on: in a site grown by other statements (of the same
    delegation, speaker, topic and year), every page whose key did not change is
    byte for byte the page it was. A renderer that counted or listed anything
    of the site outside its inputs would differ here."""
    small = _site(_write(tmp_path / "small"))
    more = {f"more{n}": statement_text(f"Mr. President,\n\nWe add text {n}.\n", id=f"more{n}",
                                      title=f"More {n}", date=f"2024-0{n + 4}-01", language="en",
                                      delegation="VNM", speaker={"name": "Ann Smith"}, topics=["Migration"])
            for n in range(3)}
    large = _site(_write(tmp_path / "large", more))
    before = {p.src_uri: p for p in _declared(small)}
    kept = 0
    for page in _declared(large):
        old = before.get(page.src_uri)
        if old is None or old.inputs is None or page.inputs is None:
            continue
        if fingerprint(old.inputs(), _meta) == fingerprint(page.inputs(), _meta):
            assert _rendered(old.build()) == _rendered(page.build()), page.src_uri
            kept += 1
    assert kept >= 3  # (pages the new statements do not touch: the French one, the report, 2025)


def test_a_new_translation_of_its_original_changes_a_translations_key(tmp_path: Path) -> None:
    """The language switcher of a translation lists its original's other
    translations, which do not link to it: a key made from its own links missed
    them, and kept a page without the new language."""
    folder = _write(tmp_path / "s")
    before = _keys(_site(folder))
    _write(folder, {"es": statement_text("Señor Presidente,\n\nApoyamos la resolución.\n", id="es",
                                         title="Original (es)", date="2024-03-01", language="es",
                                         related=[{"id": "orig", "relation": "translation-of"}])})
    after = _keys(_site(folder))
    fr = "statements/2024/fr.md"
    assert before[fr] != after[fr]
    assert "statements/2025/later.md" in before
    assert before["statements/2025/later.md"] == after["statements/2025/later.md"]


def test_an_edit_to_a_text_changes_its_page_and_its_coverage_not_its_listings(tmp_path: Path) -> None:
    folder = _write(tmp_path / "s")
    before = _keys(_site(folder))
    text = (folder / "orig.md").read_text(encoding="utf-8")
    (folder / "orig.md").write_text(text.replace("We support", "We firmly support"), encoding="utf-8")
    after = _keys(_site(folder))
    changed = {k for k in before if before[k] != after.get(k)}
    assert changed == {"statements/2024/orig.md", "statements/2024/report.md"}


def test_once_makes_its_value_once() -> None:
    calls: list[int] = []
    once = Once(lambda: calls.append(1) or len(calls))
    assert once() == once() == 1 and calls == [1]
