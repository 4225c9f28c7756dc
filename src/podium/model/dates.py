"""A date at the precision its source gives: a year (`1960`), a year and month
(`1960-09`) or a day (`1960-09-26`), as ISO 8601 and EDTF level 0 write them.

A `PartialDate` has no `.date`: nothing can read a day from it that the source
did not give. What needs a calendar day (a sort, a feed's required timestamp)
asks for one by name, `earliest()` or `latest()`, and must not show it as the
text's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
FORMS = "a year (1960), a year and month (1960-09) or a day (1960-09-26)"


class Precision(IntEnum):
    """How much of a date its source gives; coarser sorts first among equal starts."""

    YEAR = 1
    MONTH = 2
    DAY = 3


@dataclass(frozen=True)
class PartialDate:
    """A year, a year and month, or a day: exactly what a source states."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is not a four-digit year: write {FORMS}")
        if self.day is not None and self.month is None:
            raise ValueError("a day without a month: write " + FORMS)
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month:02} does not exist: write {FORMS}")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"{self.year}-{self.month:02}-{self.day:02} does not exist "
                                 f"({calendar.month_name[self.month]} {self.year} has {last} days)")

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """From what YAML or a person gives: an int year, an ISO string of any of the
        three forms, a `datetime.date` (a day); a datetime is refused (a time is not
        a date, and its day may depend on a time zone)."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError(f"{value.isoformat()} has a time of day: write the date only, {FORMS}")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        if isinstance(value, str):
            m = _ISO.match(value.strip())
            if m:
                year, month, day = (int(g) if g else None for g in m.groups())
                assert year is not None
                return cls(year, month, day)
        raise ValueError(f"{value!r} is not a date: write {FORMS}")

    @classmethod
    def of_day(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def iso(self) -> str:
        """`1960`, `1960-09`, `1960-09-26`: ISO 8601 at reduced precision, also EDTF
        level 0, W3C-DTF (sitemaps) and schema.org's Date."""
        out = f"{self.year:04}"
        if self.month is not None:
            out += f"-{self.month:02}"
        if self.day is not None:
            out += f"-{self.day:02}"
        return out

    edtf = iso

    def __str__(self) -> str:
        return self.iso()

    def parts(self) -> list[int]:
        """CSL-JSON's date-parts for this date: [1960], [1960, 9], [1960, 9, 26]."""
        return [p for p in (self.year, self.month, self.day) if p is not None]

    def ris(self) -> str:
        """RIS's DA form, empty where the source is silent: `1960///`, `1960/09//`."""
        month = f"{self.month:02}" if self.month is not None else ""
        day = f"{self.day:02}" if self.day is not None else ""
        return f"{self.year:04}/{month}/{day}/"

    def earliest(self) -> dt.date:
        """The first day of the period. Only for ordering and for fields that demand a
        full timestamp (feeds); never shown as the text's date."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day of the period, for checks such as "is before"."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def sort_key(self) -> tuple[int, int]:
        """With its first day, coarser first: 1960 < 1960-01 < 1960-01-01 < 1960-01-02."""
        return (self.earliest().toordinal(), self.precision)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: PartialDate) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: PartialDate) -> bool:
        return self.sort_key() >= other.sort_key()

    def surely_before(self, other: PartialDate) -> bool:
        """Every day this date may be lies before every day `other` may be."""
        return self.latest() < other.earliest()

    def within(self, start: PartialDate, end: PartialDate) -> bool:
        """May fall between the two (inclusive): false only when the periods cannot meet."""
        return not (self.surely_before(start) or end.surely_before(self))

    def common(self, other: PartialDate) -> PartialDate | None:
        """The finest date true of every day from this one to `other`: 2023-11-27 and
        2023-11-29 share 2023-11; 1960-09 and 1960-12 share 1960; None across years."""
        if self.year != other.year:
            return None
        if self.month is None or self.month != other.month:
            return PartialDate(self.year)
        if self.day is None or self.day != other.day:
            return PartialDate(self.year, self.month)
        return self

    # pydantic: parsed by `parse`, written back as its ISO form.
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(cls.iso))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {"anyOf": [{"type": "integer", "minimum": 1, "maximum": 9999},
                          {"type": "string", "pattern": _ISO.pattern}],
                "description": f"ISO 8601 / EDTF level 0 at the source's precision: {FORMS}."}


def interval(start: PartialDate, end: PartialDate | None) -> str:
    """EDTF interval `1960/1961`, or the one date when there is no distinct end."""
    return start.iso() if end is None or end == start else f"{start.iso()}/{end.iso()}"
