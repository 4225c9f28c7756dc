"""Metadata a person gives for many files at once: `--set key=value`, fields in
file names (`--name-pattern '{delegation}_{session}_{year}.txt'`) and a CSV
manifest (`--manifest file.csv`, a `file` column and one column per field).

Given values win over what the importer infers from the text: a person said
them. Keys are front-matter paths with dots: `event.body`, `speaker.name`.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from podium.ingest.events import english_ordinal

ALIASES = {"body": "event.body", "session": "event.session", "speaker": "speaker.name",
           "publisher": "source.publisher", "url": "source.url", "start": "event.start", "end": "event.end"}
"""Short names a pattern or a manifest may use."""


class PresetError(ValueError):
    """A --set, --name-pattern or --manifest that cannot be used; the message says how to fix it."""


def parse_set(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise PresetError(f"--set {item!r}: write KEY=VALUE, e.g. --set event.body=\"General Assembly\"")
        out[ALIASES.get(key.strip(), key.strip())] = value.strip()
    return out


def name_pattern(pattern: str) -> re.Pattern[str]:
    """'{delegation}_{session}_{year}.txt' → a regex with one group per field; '*' matches anything."""
    fields = re.findall(r"\{([^{}]*)\}", pattern)
    if not fields:
        raise PresetError(f"--name-pattern {pattern!r} names no field; "
                          "e.g. '{delegation}_{session}_{year}.txt'")
    regex, at, seen = "", 0, set()
    for m in re.finditer(r"\{([^{}]*)\}|\*", pattern):
        regex += re.escape(pattern[at:m.start()])
        name = m.group(1)
        if name is None or name in {"", "_"}:
            regex += ".*?"
        else:
            if not re.fullmatch(r"[a-z_][a-z0-9_.]*", name) or name in seen:
                raise PresetError(f"--name-pattern: field {{{name}}} is not a field name or is repeated")
            seen.add(name)
            regex += f"(?P<{name.replace('.', '__')}>.+?)"
        at = m.end()
    return re.compile(regex + re.escape(pattern[at:]) + r"\Z")


def from_name(pattern: re.Pattern[str], path: Path) -> dict[str, str] | None:
    """The fields a file name gives; None if it does not fit the pattern."""
    m = pattern.match(path.name)
    if m is None:
        return None
    out: dict[str, str] = {}
    for key, value in m.groupdict().items():
        out[ALIASES.get(key.replace("__", "."), key.replace("__", "."))] = value
    return out


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """file name → fields, from a CSV with a `file` column."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or "file" not in rows[0]:
        raise PresetError(f"{path}: a manifest is a CSV whose first line names its columns, "
                          "one of them `file`")
    out: dict[str, dict[str, str]] = {}
    for number, row in enumerate(rows, start=2):
        name = (row.pop("file") or "").strip()
        if not name:
            raise PresetError(f"{path}:{number}: the `file` column is empty")
        out[name] = {ALIASES.get(k.strip(), k.strip()): v.strip()
                     for k, v in row.items() if k and v and v.strip()}
    return out


def apply(meta: dict[str, Any], given: dict[str, str], inferred: list[str]) -> None:
    """Set each given field (dotted path), normalising what a person types in bulk: a bare
    session number ('75' → '75th session'), a delegation in lower case."""
    for key, value in given.items():
        if key == "year":
            continue  # a year alone is not a date; kept by the caller as a hint
        if key == "event.session" and value.isdigit():
            value = f"{english_ordinal(int(value))} session"
        if key == "delegation":
            value = value.upper() if len(value) <= 3 else value
        node = meta
        parts = key.split(".")
        for part in parts[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        node[parts[-1]] = value
        if key in inferred:
            inferred.remove(key)
