"""PartialDate: a date at its source's precision, parsed, written and ordered
without ever filling in a month or day the source did not give."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podium.model.dates import PartialDate, Precision, interval
from podium.site import i18n


def test_parse_every_form() -> None:
    assert PartialDate.parse(1960) == PartialDate(1960)
    assert PartialDate.parse("1960") == PartialDate(1960)
    assert PartialDate.parse("1960-09") == PartialDate(1960, 9)
    assert PartialDate.parse(" 1960-09-26 ") == PartialDate(1960, 9, 26)
    assert PartialDate.parse(dt.date(1960, 9, 26)) == PartialDate(1960, 9, 26)
    assert PartialDate.parse(PartialDate(1960, 9)) == PartialDate(1960, 9)


@pytest.mark.parametrize("bad", ["60", "1960-9", "1960-09-1", "1960/09", "September 1960", "", 19600, 0,
                                 True, 3.5, None, dt.datetime(1960, 9, 26, 10)])
def test_parse_refuses_what_is_not_a_date(bad: object) -> None:
    with pytest.raises(ValueError, match=r"write a year|not a four-digit year|time of day"):
        PartialDate.parse(bad)


def test_impossible_days_and_months_name_the_fix() -> None:
    with pytest.raises(ValueError, match=r"February 2023 has 28 days"):
        PartialDate.parse("2023-02-29")
    assert PartialDate.parse("2024-02-29").day == 29
    with pytest.raises(ValueError, match="month 00 does not exist"):
        PartialDate.parse("1960-00")
    with pytest.raises(ValueError, match="a day without a month"):
        PartialDate(1960, None, 3)


def test_precision_and_written_forms() -> None:
    year, month, day = PartialDate(1960), PartialDate(1960, 9), PartialDate(1960, 9, 26)
    assert [d.precision for d in (year, month, day)] == [Precision.YEAR, Precision.MONTH, Precision.DAY]
    assert [d.iso() for d in (year, month, day)] == ["1960", "1960-09", "1960-09-26"]
    assert [d.edtf() for d in (year, month, day)] == ["1960", "1960-09", "1960-09-26"]
    assert [d.parts() for d in (year, month, day)] == [[1960], [1960, 9], [1960, 9, 26]]
    assert [d.ris() for d in (year, month, day)] == ["1960///", "1960/09//", "1960/09/26/"]
    assert str(PartialDate(33)) == "0033"
    assert interval(year, None) == "1960" and interval(year, PartialDate(1961, 2)) == "1960/1961-02"


def test_no_day_is_read_from_a_year_except_by_name() -> None:
    year = PartialDate(1960)
    assert not hasattr(year, "date") and not hasattr(year, "isoformat") and not hasattr(year, "toordinal")
    assert year.earliest() == dt.date(1960, 1, 1) and year.latest() == dt.date(1960, 12, 31)
    assert PartialDate(1960, 2).latest() == dt.date(1960, 2, 29)
    assert PartialDate(1960, 9, 26).earliest() == PartialDate(1960, 9, 26).latest()


def test_order_across_precisions() -> None:
    dates = [PartialDate(1960, 1, 2), PartialDate(1961), PartialDate(1960, 1, 1), PartialDate(1960),
             PartialDate(1960, 1), PartialDate(1959, 12, 31), PartialDate(1960, 2)]
    assert [d.iso() for d in sorted(dates)] == [
        "1959-12-31", "1960", "1960-01", "1960-01-01", "1960-01-02", "1960-02", "1961"]
    assert max(dates) == PartialDate(1961)
    assert PartialDate(1960) < PartialDate(1960, 1, 1) and not PartialDate(1960) > PartialDate(1960, 1)


@given(st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from(list(Precision)))
def test_iso_round_trips_and_sorts_as_text(day: dt.date, precision: Precision) -> None:
    d = PartialDate(day.year, day.month if precision >= Precision.MONTH else None,
                    day.day if precision is Precision.DAY else None)
    assert PartialDate.parse(d.iso()) == d
    assert d.earliest() <= day <= d.latest()
    other = PartialDate(1960, 9)
    assert (d < other) == (d.iso() < other.iso())  # Pagefind and podium.js sort the ISO text


def test_overlap_checks_never_claim_more_than_the_dates_say() -> None:
    assert PartialDate(1960, 9).within(PartialDate(1960), PartialDate(1960))
    assert PartialDate(1960).within(PartialDate(1960, 9, 20), PartialDate(1960, 12, 20))
    assert not PartialDate(1961).within(PartialDate(1960, 9, 20), PartialDate(1960, 12, 20))
    assert PartialDate(1960, 8).surely_before(PartialDate(1960, 9, 1))
    assert not PartialDate(1960).surely_before(PartialDate(1960, 9, 1))


def test_common_is_what_every_day_between_shares() -> None:
    d = PartialDate
    assert d(2023, 11, 27).common(d(2023, 11, 29)) == d(2023, 11)
    assert d(2023, 11, 27).common(d(2023, 11, 27)) == d(2023, 11, 27)
    assert d(1960, 9).common(d(1960, 12, 20)) == d(1960)
    assert d(1960).common(d(1960, 12)) == d(1960)
    assert d(1960, 9, 20).common(d(1961, 4)) is None


@pytest.mark.parametrize(("language", "year", "month", "day"), [
    ("en", "1960", "September 1960", "26 September 1960"),
    ("fr", "1960", "septembre 1960", "26 septembre 1960"),
    ("vi", "1960", "tháng 9 năm 1960", "26 tháng 9, 1960"),
])
def test_shown_at_their_precision_in_each_language(language: str, year: str, month: str, day: str) -> None:
    assert i18n.date(PartialDate(1960), language) == year
    assert i18n.date(PartialDate(1960, 9), language) == month
    assert i18n.date(PartialDate(1960, 9, 26), language) == day


def test_ranges_at_their_precision() -> None:
    d, r = PartialDate, i18n.date_range
    assert r(d(1960), None, "en") == "1960"
    assert r(d(1960), d(1961), "en") == "1960\u2009–\u20091961"  # CLDR's interval, thin spaces
    assert r(d(1960, 9), d(1960, 12), "en") == "September\u2009–\u2009December 1960"
    assert r(d(2023, 11, 27), d(2023, 11, 29), "en") == "27–29 November 2023"
    assert r(d(1960, 9), d(1960, 12, 20), "en") == "September 1960 – 20 December 1960"
