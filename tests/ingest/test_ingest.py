"""`podium import`: inferred front matter, nothing lost, every format and shape."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import REPORT_ID, REPORT_SEED, ROOT, STATEMENT_ID, STATEMENT_SEED

from podium.cli import main
from podium.ingest import find_dates, import_file, lost_words, make_draft, normal_case, split_honorifics
from podium.ingest.reader import ReadError, read
from podium.model.collection import load_collection
from podium.model.loader import load_file

FIXTURES = ROOT / "tests" / "fixtures" / "import"


def draft(path: Path, collection=None):  # type: ignore[no-untyped-def]
    raw = read(path)
    d = make_draft(raw, path, collection=collection)
    assert lost_words(raw, d) == [], "nothing may be lost"
    return d


def curated() -> dict[str, object]:
    return {s.meta.id: s.meta for s in load_collection(ROOT / "statements")}


def test_statement_seed_reproduces_the_curated_front_matter() -> None:
    d = draft(STATEMENT_SEED)
    m, want = d.meta, curated()[STATEMENT_ID]
    assert m["id"] == want.id and m["kind"] == want.kind.value
    assert m["title"].replace(",", "") == want.title.replace(",", "")  # header lines joined
    assert m["speaker"] == want.speaker.model_dump(exclude_none=True)
    assert m["delegation"] == want.delegation
    event = want.event.model_dump(mode="json", exclude_none=True)
    assert m["event"] == event | {"session": event["session"].lower()}  # one English form
    assert m["language"] == want.language
    assert "date" not in m  # the text gives only the session's dates, as curated


def test_report_seed_reproduces_the_curated_front_matter() -> None:
    d = draft(REPORT_SEED, collection=load_collection(ROOT / "statements"))
    m, want = d.meta, curated()[REPORT_ID]
    assert m["kind"] == want.kind.value and want.date is not None and m["date"] == want.date.iso()
    assert m["venue"] == want.venue and m["language"] == want.language
    assert m["source"]["publisher"] == want.source.publisher
    assert m["end_marker"] == want.end_marker
    assert m["related"] == [{"id": STATEMENT_ID, "relation": "reports-on"}]
    assert m["event"] == want.event.model_dump(mode="json", exclude_none=True)
    assert m["title_supplied"] is True
    assert d.body[0].endswith("(Photo: VNA)")  # the caption stays, as a caption


@pytest.mark.parametrize(("name", "expected"), [
    ("fr-declaration.txt", {"language": "fr", "delegation": "FRA", "speaker.name": "Jean Dupont",
                            "speaker.honorific": "S.E. M.", "event.session": "57th session",
                            "event.start": "2024-09-09", "event.end": "2024-10-11"}),
    ("es-intervencion.md", {"language": "es", "delegation": "MEX", "speaker.name": "María García",
                            "event.body": "Human Rights Council", "date": "2024-09-12"}),
    ("vi-phat-bieu.txt", {"language": "vi", "delegation": "VNM", "speaker.name": "Lê Thị Tuyết Mai",
                          "event.start": "2023-11-27", "event.end": "2023-11-29"}),
    ("sen-statement.docx", {"delegation": "SEN", "speaker.name": "Amina Diallo",
                            "event.session": "79th session", "date": "2024-09-26"}),
    ("kor-statement.pdf", {"delegation": "KOR", "speaker.name": "Kim Minho",
                           "event.body": "Human Rights Council", "date": "2024-09-11"}),
    ("crlf-bom.txt", {"delegation": "AUS", "speaker.name": "Peter Smith", "date": "2024-09-24"}),
    ("cp1252.txt", {"delegation": "CAN", "speaker.name": "André Lévesque"}),
    ("agency-report.html", {"kind": "news-report", "venue": "New York",
                            "source.publisher": "Agence France-Presse", "end_marker": "(END)"}),
    ("unga-general-debate.txt", {"kind": "statement", "language": "en", "title_supplied": True}),
])
def test_fixture(name: str, expected: dict[str, object]) -> None:
    d = draft(FIXTURES / name)
    for key, value in expected.items():
        node: object = d.meta
        for part in key.split("."):
            assert isinstance(node, dict) and part in node, (name, key, d.meta)
            node = node[part]
        assert node == value, (name, key)


def test_no_header_means_fields_to_fill() -> None:
    d = draft(FIXTURES / "unga-general-debate.txt")
    assert d.missing == ["speaker", "delegation", "date"]
    # no header: the opening paragraph names the session it addresses
    assert d.meta["event"] == {"body": "General Assembly", "session": "79th session"}
    assert d.meta["title"].startswith("I congratulate you on your election")
    # what publication needs is listed for review; what the text does not say is left out
    assert d.meta["review"] == ["date"] and "speaker" not in d.meta


def test_cp1252_is_decoded_and_said_so() -> None:
    d = draft(FIXTURES / "cp1252.txt")
    assert "“constructive”" in "\n".join(d.body) and "résumé" in "\n".join(d.body)
    assert any("Windows-1252" in n for n in d.notes)


def test_bom_and_crlf_read_like_lf() -> None:
    raw = read(FIXTURES / "crlf-bom.txt")
    assert not raw.text.startswith("\ufeff") and "\r" not in raw.text


def test_empty_file_is_a_clear_error() -> None:
    with pytest.raises(ReadError, match="empty"):
        read(FIXTURES / "empty.txt")


def test_helpers() -> None:
    assert normal_case("LE Thi Tuyet Mai") == "Le Thi Tuyet Mai"
    assert split_honorifics("H.E. Dr. LE Thi Tuyet Mai") == ("H.E. Dr.", "LE Thi Tuyet Mai")
    import datetime as dt
    assert find_dates("(27 – 29 November 2023)") == (dt.date(2023, 11, 27), dt.date(2023, 11, 29))
    assert find_dates("30 November – 2 December 2023")[1] == dt.date(2023, 12, 2)
    assert find_dates("September 24, 2024") == (dt.date(2024, 9, 24), None)
    assert find_dates("27 – 29 tháng 11 năm 2023", "vi")[1] == dt.date(2023, 11, 29)


def test_import_writes_valid_statements_and_refuses_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "statements"
    files = [str(p) for p in sorted(FIXTURES.iterdir()) if p.name != "empty.txt"]
    assert main(["import", *files, "--out", str(out)]) == 0
    written = sorted(out.glob("*.md"))
    assert len(written) == len(files)
    for path in written:
        result = load_file(out, path.relative_to(out))
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        complete = not ({"date", "language"} & set(meta.get("review", [])))
        if complete:
            assert not isinstance(result, list), (path.name, result)
    again = import_file(FIXTURES / "fr-declaration.txt", out)
    assert again.error and "--force" in again.error
    assert import_file(FIXTURES / "fr-declaration.txt", out, force=True).error is None


def test_failed_file_gives_exit_code_1_and_others_still_import(tmp_path: Path) -> None:
    out = tmp_path / "s"
    files = [str(FIXTURES / "empty.txt"), str(FIXTURES / "fr-declaration.txt")]
    code = main(["import", *files, "--out", str(out)])
    assert code == 1
    assert len(list(out.glob("*.md"))) == 1


COMMUNIQUE = """Communiqué du ministère de l'Europe et des Affaires étrangères

Paris, le 15 avril 2024

Le Soudan traverse depuis un an une guerre qui a fait des milliers de victimes civiles. La France et \
l'Union européenne organisent aujourd'hui à Paris une conférence humanitaire pour le Soudan.

La France appelle les parties à un cessez-le-feu immédiat.
"""


def test_a_country_merely_mentioned_is_never_ready(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Issue 26 item 5: a ministry's communiqué about Sudan is not filed under Sudan as certain;
    what is left under `review` keeps the file a draft, and the file says where values came from."""
    source = tmp_path / "communique.txt"
    source.write_text(COMMUNIQUE, encoding="utf-8")
    out = tmp_path / "s"
    result = import_file(source, out)
    assert result.error is None and not result.ready
    assert (result.draft is not None and result.draft.meta.get("delegation") != "SDN") or \
        "delegation" in result.draft.meta["review"]
    written = result.target.read_text(encoding="utf-8") if result.target else ""
    assert "# Where each value came from:" in written and "#   date: the text" in written
    capsys.readouterr()
    assert main(["check", str(out)]) == 0
    text = capsys.readouterr().out
    assert "1 draft(s) not published" in text and "to fill: delegation" in text


def test_review_left_in_a_file_keeps_it_a_draft(tmp_path: Path) -> None:
    out = tmp_path / "s"
    main(["import", str(FIXTURES / "fr-declaration.txt"), "--out", str(out)])
    (path,) = out.glob("*.md")
    assert len(load_collection(out).drafts) == 0
    text = path.read_text(encoding="utf-8").replace("language: fr", "language: fr\nreview:\n- speaker")
    path.write_text(text, encoding="utf-8")
    assert [st.meta.id for st in load_collection(out).drafts] == [path.stem]


def test_new_scaffold_has_every_field(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["new", "--kind", "speech", "--out", "-"]) == 0
    text = capsys.readouterr().out
    meta = yaml.safe_load(text.split("---")[1])
    from podium.model.schema import StatementMeta
    assert set(StatementMeta.model_fields) - set(meta) <= {"end_marker", "review", "delegation"}
    assert "# delegation: VNM" in text  # commented: no placeholder code would pass the check


def test_a_new_file_is_a_draft_until_its_placeholders_are_filled(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`podium new` writes a draft the check accepts; without `draft: true`, each
    placeholder left is an error naming its line."""
    folder = tmp_path / "statements"
    folder.mkdir()
    assert main(["new", "--kind", "statement", "--id", "fra-unga-79", "--out", str(folder)]) == 0
    assert main(["check", str(folder)]) == 0
    path = folder / "fra-unga-79.md"
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(folder)]) == 1
    assert "venue: is the placeholder '…' that `podium new` wrote" in capsys.readouterr().out
