"""The front-matter schema of a statement: one pydantic model, the single
source of truth for validation, the committed JSON Schema and the docs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from podium.model import codes
from podium.model.dates import PartialDate

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=120)]


class Kind(StrEnum):
    STATEMENT = "statement"
    SPEECH = "speech"
    JOINT_STATEMENT = "joint-statement"
    PRESS_RELEASE = "press-release"
    NEWS_REPORT = "news-report"
    LETTER = "letter"
    INTERVIEW = "interview"

    @property
    def is_delivered(self) -> bool:
        """Delivered at the event itself, so its date must fall inside it."""
        return self in {Kind.STATEMENT, Kind.SPEECH, Kind.JOINT_STATEMENT}


class RelationType(StrEnum):
    REPORTS_ON = "reports-on"
    RESPONDS_TO = "responds-to"
    TRANSLATION_OF = "translation-of"


def _check_delegation(code: str) -> str:
    if codes.delegation(code) is None:
        near = codes.close_delegation_codes(code)
        hint = f"did you mean {', '.join(near)}?" if near else "see data/organisations.yaml"
        raise ValueError(
            f"unknown delegation code {code!r}: use an ISO 3166-1 alpha-3 country code "
            f"(e.g. VNM), an ISO 3166-3 code for a former state (e.g. YUG) or an organisation "
            f"code ({hint})"
        )
    return code


def _check_language(tag: str) -> str:
    if codes.language_name(tag) is None:
        raise ValueError(f"{tag!r} is not a BCP 47 language tag with a known language (e.g. en, fr, vi)")
    return tag


def _check_url(url: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#].[^\s]*$", url):
        raise ValueError(f"{url!r} is not an http(s) URL")
    return url


DelegationCode = Annotated[str, AfterValidator(_check_delegation)]
LanguageTag = Annotated[str, AfterValidator(_check_language)]
Url = Annotated[str, AfterValidator(_check_url)]

EARLIEST_YEAR = 1500
"""The earliest year a statement's dates may have: before it, a typo ("0224")."""
AHEAD = 366
"""Days after today a date may fall (a text released ahead of its delivery)."""


def _plausible(date: PartialDate) -> PartialDate:
    """A date a statement can have: a typo such as 2206 or 0224 passed the check and
    broke the build later (gzip's time stamp ends in 2106)."""
    if date.year < EARLIEST_YEAR:
        raise ValueError(f"{date} is before {EARLIEST_YEAR}: check the year for a typo")
    today = dt.date.today()
    if date.earliest() > today + dt.timedelta(days=AHEAD):
        raise ValueError(f"{date} is more than a year from today ({today.isoformat()}): check the year "
                         "for a typo; publish a scheduled statement once it is delivered")
    return date


Dated = Annotated[PartialDate, AfterValidator(_plausible)]
"""A date at its source's precision (model.dates), within the years a statement can have."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Speaker(_Model):
    name: Text
    """Name in normal casing, without honorifics: "Le Thi Tuyet Mai"."""
    honorific: Text | None = None
    """Forms of address as printed before the name: "H.E. Dr."."""
    role: Text | None = None
    """Function at the time: "Ambassador, Permanent Representative of Viet Nam"."""


class Event(_Model):
    body: Text
    """The organ addressed: "IOM Council", "UN General Assembly"."""
    session: Text | None = None
    """The session within the body: "114th Session"."""
    start: Dated | None = None
    """When the session or meeting began, at the precision known: 2023-11-27, 2023-11 or 2023."""
    end: Dated | None = None
    """When it ended, at the precision known; leave out for a one-day event (or when
    `start` is a year or month that covers it)."""

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: PartialDate | None, info: ValidationInfo) -> PartialDate | None:
        start = info.data.get("start")
        if end is not None and start is None:
            raise ValueError("event.end is given without event.start: add `start:` or remove `end:`")
        if start and end and end.surely_before(start):
            raise ValueError(f"event.end {end} is before event.start {start}: swap or correct them")
        return end

    @property
    def last(self) -> PartialDate | None:
        """The event's end, or its start when it has no distinct end."""
        return self.end or self.start


class Source(_Model):
    publisher: Text | None = None
    """Who published or circulated the text: "Vietnam News Agency"."""
    url: Url | None = None
    title: Text | None = None
    """The title under which the source published it, if it differs."""
    retrieved: Dated | None = None
    """When the archive copied the text."""
    file: Text | None = None
    """Name of the original file the text was taken from."""
    heading: Text | None = None
    """Text the importer read metadata from, verbatim (a header block, a date line)."""
    symbol: Text | None = None
    """The meeting record's or document's symbol, as the source prints it: "A/79/PV.5"."""


class Related(_Model):
    id: Id
    relation: RelationType


class StatementMeta(_Model):
    """Front matter of one file in statements/."""

    id: Id
    """Stable, unique, slug-safe: lowercase a-z, 0-9 and single hyphens. Part of the URL."""
    kind: Kind
    title: Text
    title_supplied: bool = False
    """True when the archive devised the title (the source had none)."""
    draft: bool = False
    """Not yet ready to publish (set by `podium import` when fields are missing): validated
    without requiring a date, listed by `podium check` and the build, not published."""
    speaker: Speaker | None = None
    delegation: DelegationCode | None = None
    """ISO 3166-1 alpha-3 country code (VNM), ISO 3166-3 code of a former state (YUG),
    or an organisation code (EU)."""
    event: Event | None = None
    date: Dated | None = Field(default=None, validate_default=True)
    """When delivered or published, at the precision the source gives: 2023-11-27,
    2023-11 or 2023. Leave out when only the event's dates are known."""
    venue: Text | None = None
    """Where delivered, or the dateline of a report: "Geneva, Switzerland"."""
    language: LanguageTag
    """BCP 47 tag of the text: en, fr, vi, es, zh-Hans."""
    topics: list[Text] = Field(default_factory=list)
    source: Source | None = None
    related: list[Related] = Field(default_factory=list)
    summary: Text | None = None
    end_marker: Text | None = None
    """An end-of-text mark the source printed (e.g. VNA's "./."), kept out of the body."""
    review: list[Text] = Field(default_factory=list)
    """Fields the importer could not fill or is unsure of; remove each once checked."""

    @model_validator(mode="before")
    @classmethod
    def _reviewed(cls, data: object) -> object:
        """Anything left under `review` keeps the file a draft: a value nobody checked is
        never published (issue 26, item 5)."""
        if isinstance(data, dict) and isinstance(data.get("review"), list) and data["review"]:
            return {**data, "draft": True}
        return data

    @field_validator("date")
    @classmethod
    def _dated(cls, date: PartialDate | None, info: ValidationInfo) -> PartialDate | None:
        if "event" not in info.data:
            return date  # the event failed its own checks, which say why: no second, false error
        event: Event | None = info.data.get("event")
        kind: Kind | None = info.data.get("kind")
        start = event.start if event else None
        end = event.last if event else None
        if date is None and start is None and not info.data.get("draft"):
            raise ValueError("give `date`, or `event.start` when only the event's dates are known "
                             "(a year such as 1960 is enough)")
        if date is None or start is None or end is None:
            return date
        if kind is not None and kind.is_delivered and not date.within(start, end):
            raise ValueError(
                f"date {date} is outside the event ({start}{'' if end == start else f' to {end}'}); "
                "a statement is delivered during its event"
            )
        if date.surely_before(start):
            raise ValueError(f"date {date} is before the event starts ({start})")
        return date

    @field_validator("topics")
    @classmethod
    def _unique_topics(cls, topics: list[str]) -> list[str]:
        seen = {t.casefold() for t in topics}
        if len(seen) != len(topics):
            raise ValueError("topics repeat an entry")
        return topics

    @property
    def filed(self) -> PartialDate | None:
        """The date a statement is filed under, at its precision: its own, else its
        event's start. None only for a draft, which is never published."""
        return self.date or (self.event.start if self.event else None)

    @property
    def dated(self) -> PartialDate | None:
        """The finest date the file states for the text itself: its own `date`, else what every
        day of its event shares (27–29 November 2023: 2023-11; a one-day event: that day; an
        event across years: None). What a page, feed or citation may give as the text's date."""
        if self.date is not None:
            return self.date
        if self.event is None or self.event.start is None:
            return None
        return self.event.start.common(self.event.last or self.event.start)

    @property
    def sort_date(self) -> PartialDate:
        """`filed` of a published statement (a draft without a date sorts as year 1)."""
        return self.filed or PartialDate(1)

    def sort_key(self) -> tuple[int, int, str]:
        """Newest first, then by id: a year sorts with its first day, before the days of it."""
        ordinal, precision = self.sort_date.sort_key()
        return (-ordinal, -precision, self.id)


def json_schema() -> str:
    """The JSON Schema of the front matter, as committed in schema/."""
    schema = StatementMeta.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://podium.example/statement.schema.json"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
