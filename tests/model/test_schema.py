import json
from importlib.resources import files

import pytest
from pydantic import ValidationError

from podium.model.dates import PartialDate
from podium.model.schema import Kind, StatementMeta, json_schema

BASE = {"id": "x-1", "kind": "statement", "title": "T", "language": "en", "date": "2024-01-02"}


def meta(**changes: object) -> StatementMeta:
    return StatementMeta.model_validate({**BASE, **changes})


def errors(**changes: object) -> list[tuple[tuple[object, ...], str]]:
    with pytest.raises(ValidationError) as exc:
        meta(**changes)
    return [(tuple(e["loc"]), e["msg"]) for e in exc.value.errors()]


def test_minimal_statement_is_valid() -> None:
    m = meta()
    assert m.kind is Kind.STATEMENT
    assert m.sort_date == PartialDate(2024, 1, 2)


def test_every_kind_of_the_issue_is_accepted() -> None:
    kinds = ["statement", "news-report", "press-release", "speech", "joint-statement", "letter",
             "interview"]
    assert [meta(kind=k).kind.value for k in kinds] == kinds


@pytest.mark.parametrize("bad_id", ["../etc", "has space", "Upper", "việt", "-lead", "a--b", ""])
def test_id_must_be_slug_safe(bad_id: str) -> None:
    assert errors(id=bad_id)[0][0] == ("id",)


def test_unknown_delegation_is_rejected_with_suggestion() -> None:
    [(loc, msg)] = errors(delegation="VN")
    assert loc == ("delegation",)
    assert "VNM" in msg


def test_organisation_delegation_is_accepted() -> None:
    assert meta(delegation="EU").delegation == "EU"


def test_language_must_be_bcp47() -> None:
    assert meta(language="zh-Hans").language == "zh-Hans"
    assert errors(language="english")[0][0] == ("language",)


def test_impossible_date_is_rejected() -> None:
    assert errors(date="2023-02-30")[0][0] == ("date",)


def test_event_end_before_start() -> None:
    [(loc, msg)] = errors(event={"body": "HRC", "start": "2024-03-05", "end": "2024-03-01"})
    assert loc == ("event", "end")
    assert "before" in msg


def test_statement_date_outside_event() -> None:
    [(loc, msg)] = errors(date="2024-04-01", event={"body": "HRC", "start": "2024-03-01",
                                                    "end": "2024-03-05"})
    assert loc == ("date",)
    assert "outside the event" in msg


def test_report_may_be_dated_after_event() -> None:
    m = meta(kind="news-report", date="2024-04-01",
             event={"body": "HRC", "start": "2024-03-01", "end": "2024-03-05"})
    assert m.sort_date == PartialDate(2024, 4, 1)


def test_event_dates_stand_in_for_missing_date() -> None:
    m = StatementMeta.model_validate({**{k: v for k, v in BASE.items() if k != "date"},
                                      "event": {"body": "IOM Council", "start": "2023-11-27"}})
    assert m.sort_date == PartialDate(2023, 11, 27)
    assert errors(date=None)[0][0] == ("date",)


@pytest.mark.parametrize(("given", "kept"), [
    (1960, PartialDate(1960)),  # YAML reads a bare year as an int
    ("1960", PartialDate(1960)),
    ("1960-09", PartialDate(1960, 9)),
    ("1960-09-26", PartialDate(1960, 9, 26)),
])
def test_dates_keep_their_precision(given: object, kept: PartialDate) -> None:
    m = meta(date=given, event={"body": "UNGA", "start": 1960})
    assert m.date == kept
    assert m.model_dump(mode="json")["date"] == kept.iso()
    assert m.event is not None and m.event.start == PartialDate(1960) and m.event.end is None


@pytest.mark.parametrize(("given", "says"), [
    ("1960-9", "is not a date: write a year (1960), a year and month (1960-09)"),
    ("1960-13", "month 13 does not exist"),
    ("26 September 1960", "is not a date"),
    (True, "is not a date"),
    ("1960-09-26T10:00", "is not a date"),
])
def test_bad_dates_say_how_to_write_one(given: object, says: str) -> None:
    [(loc, msg)] = errors(date=given)
    assert loc == ("date",) and says in msg


def test_partial_dates_checked_against_the_event_by_overlap() -> None:
    # A month inside a year-long event, a year containing the event's days: both may be true.
    meta(date="1960-09", event={"body": "UNGA", "start": 1960})
    meta(date=1960, event={"body": "UNGA", "start": "1960-09-20", "end": "1960-12-20"})
    [(loc, msg)] = errors(date=1961, event={"body": "UNGA", "start": "1960-09-20", "end": "1960-12-20"})
    assert loc == ("date",) and "outside the event" in msg
    [(loc, msg)] = errors(event={"body": "UNGA", "start": 1961, "end": "1960-12"})
    assert loc == ("event", "end") and "before" in msg
    meta(date="1960-10", event={"body": "UNGA", "start": "1960-09", "end": 1960})  # the year may end later


def test_dated_is_what_the_file_states_for_the_text() -> None:
    event = {"body": "IOM Council", "start": "2023-11-27", "end": "2023-11-29"}
    assert meta(date="2023-11-28", event=event).dated == PartialDate(2023, 11, 28)
    no_date = {k: v for k, v in BASE.items() if k != "date"}
    m = StatementMeta.model_validate({**no_date, "event": event})
    assert m.dated == PartialDate(2023, 11) and m.sort_date == PartialDate(2023, 11, 27)
    across = StatementMeta.model_validate({**no_date, "event": {"body": "UNGA", "start": "1960-09-20",
                                                                  "end": "1961-04-21"}})
    assert across.dated is None and across.sort_date == PartialDate(1960, 9, 20)


def test_year_only_event_files_a_statement_under_its_year() -> None:
    m = StatementMeta.model_validate({**{k: v for k, v in BASE.items() if k != "date"},
                                      "event": {"body": "UNGA", "session": "15th session", "start": 1960}})
    assert m.date is None and m.filed == PartialDate(1960)
    assert m.sort_date.iso() == "1960"


def test_unknown_field_is_rejected() -> None:
    assert errors(speakr={"name": "X"})[0][0] == ("speakr",)


def test_relation_types() -> None:
    m = meta(related=[{"id": "other", "relation": "reports-on"}])
    assert m.related[0].relation.value == "reports-on"
    assert errors(related=[{"id": "other", "relation": "likes"}])[0][0] == ("related", 0, "relation")


def test_committed_json_schema_is_current() -> None:
    committed = files("podium").joinpath("schema/statement.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema(), "run: podium schema --out src/podium/schema/statement.schema.json"
    schema = json.loads(committed)
    assert {"id", "kind", "title", "language"} <= set(schema["required"])


def test_implausible_dates_are_refused_at_their_field() -> None:
    """A typo'd year (2206, 0224) passed the check and broke the build later (issue 25)."""
    from pathlib import Path

    from conftest import statement_text

    from podium.model.loader import parse

    for fields, where in [({"date": "2206-01-01"}, "date"), ({"date": "0224-09-24"}, "date"),
                          ({"date": None, "event": {"body": "UNGA", "start": 2206}}, "event.start"),
                          ({"source": {"retrieved": "1024-01"}}, "source.retrieved")]:
        problems = parse(statement_text(**fields), "a.md", Path("a.md"))
        assert isinstance(problems, list), fields
        typo = [p for p in problems if "typo" in p.message]
        assert [p.field for p in typo] == [where], problems


def test_an_invalid_event_start_is_one_error_not_also_a_missing_date() -> None:
    """`event.start: 2025-13-01` and no `date` gave two errors, the first saying
    to give a date or an event start, which the file does (an outside tester)."""
    found = errors(date=None, event={"body": "IOM Council", "start": "2025-13-01"})
    assert [".".join(map(str, loc)) for loc, _ in found] == ["event.start"]
    assert [loc for loc, _ in errors(date=None)] == [("date",)]  # no date and no event: one clear error
