"""The collection as data: one flat record per text, metadata and text, in
JSON, JSON Lines (also gzipped), CSV (metadata only) and BibTeX. The build
writes the gzipped JSON Lines and the CSV under /data/, and `podium export`
gives the same, and the other formats, from the command line.

Why those two on the site: at the scale of the UN General Debate Corpus the
full text in JSON, JSON Lines and CSV was 596 MB, over half of what GitHub
Pages accepts. One full-text file, compressed, streams line by line into
pandas, R, Python or jq; the metadata-only CSV opens in a spreadsheet, where a
whole speech would not fit a cell anyway (Excel holds 32,767 characters in a
cell; long speeches have over 100,000). The full text is bzip2-compressed
(docs/guide/reuse.md says why: a third smaller than gzip on speeches)."""

from __future__ import annotations

import bz2
import contextlib
import csv
import gzip
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from podium.model.collection import Collection
from podium.model.loader import Statement
from podium.outputs import cite
from podium.site import display
from podium.site.facets import Column
from podium.text.textsafe import csv_cell

FIELDS = (
    "id", "kind", "title", "title_supplied", "date", "sort_date", "speaker_name", "speaker_honorific",
    "speaker_role", "delegation", "delegation_name", "body", "session", "event_start", "event_end",
    "venue", "language", "topics", "source_publisher", "source_url", "source_title", "source_retrieved",
    "source_symbol",
    "related", "summary", "end_marker", "url", "text",
)
CSV_FIELDS = tuple(f for f in FIELDS if f != "text")
FORMATS = ("json", "jsonl", "jsonl.bz2", "jsonl.gz", "csv", "bibtex")
GZIP_LEVEL = 6
"""gzip's own default: 64 MB for the corpus's 193 MB of text (level 1: 78 MB at a quarter of the CPU)."""
BZIP2_LEVEL = 9
"""bzip2's own default (900 KB blocks). On 1,000 UNGDC speeches (19.6 MB of JSON Lines): 4.22 MB
against gzip -6's 6.27 MB, for 1.25 s of CPU against 0.94 s; xz -6 made 4.13 MB in 18 s."""


def record(st: Statement, url: str, columns: Sequence[Column] = ()) -> dict[str, Any]:
    """The statement's metadata fields, then the columns its site's facets add
    (podium.site.facets.Column), then its URL and text."""
    m = st.meta
    row = {
        "id": m.id,
        "kind": m.kind.value,
        "title": m.title,
        "title_supplied": m.title_supplied,
        "date": m.date.iso() if m.date else None,
        "sort_date": m.sort_date.iso(),
        "speaker_name": m.speaker.name if m.speaker else None,
        "speaker_honorific": m.speaker.honorific if m.speaker else None,
        "speaker_role": m.speaker.role if m.speaker else None,
        "delegation": m.delegation,
        "delegation_name": display.delegation_of(m),
        "body": m.event.body if m.event else None,
        "session": m.event.session if m.event else None,
        "event_start": m.event.start.iso() if m.event and m.event.start else None,
        "event_end": m.event.end.iso() if m.event and m.event.end else None,
        "venue": m.venue,
        "language": m.language,
        "topics": list(m.topics),
        "source_publisher": m.source.publisher if m.source else None,
        "source_url": m.source.url if m.source else None,
        "source_title": m.source.title if m.source else None,
        "source_retrieved": m.source.retrieved.iso() if m.source and m.source.retrieved else None,
        "source_symbol": m.source.symbol if m.source else None,
        "related": [{"id": r.id, "relation": r.relation.value} for r in m.related],
        "summary": m.summary,
        "end_marker": m.end_marker,
    }
    for column in columns:
        row[column.name] = column.value(m)
    row["url"] = url
    row["text"] = st.body
    return row


def records(collection: Collection, url_of: Callable[[Statement], str],
            columns: Sequence[Column] = ()) -> list[dict[str, Any]]:
    """Newest first, like the site. Without columns of a site's own facets (which may
    read files of their own), a statement's record is kept with it for its address:
    a `serve` rebuild makes only the records of the files that changed."""
    if columns:
        return [record(st, url_of(st), columns) for st in collection]
    out = []
    for st in collection:
        url = url_of(st)
        kept: tuple[str, dict[str, Any]] | None = st.derived.get("record")
        if kept is None or kept[0] != url:
            kept = st.derived["record"] = (url, record(st, url))
        out.append(kept[1])
    return out


def to_json(rows: Iterable[dict[str, Any]]) -> str:
    """An array with one record per line: json's C encoder does no indenting,
    and 10,000 indented records took seconds in the pure-Python one."""
    return "[\n" + ",\n".join(_lines(rows)) + "\n]\n"


def to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(line + "\n" for line in _lines(rows))


def _lines(rows: Iterable[dict[str, Any]]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in rows]


def to_jsonl_gz(rows: Iterable[dict[str, Any]]) -> bytes:
    """JSON Lines, gzipped record by record (the whole text is never one string);
    no file name or time in the header, so the same collection gives the same bytes."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=GZIP_LEVEL, mtime=0) as gz:
        for r in rows:
            gz.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
    return out.getvalue()


def to_jsonl_bz2(rows: Iterable[dict[str, Any]], store: Store | None = None,
                 encoded: Encoded | None = None) -> bytes:
    """JSON Lines in bzip2 streams of about `STREAM` records each, one after the
    other: a multi-stream file, as pbzip2 writes, which Python's bz2, pandas, R
    and `bzip2 -d` read as one (bzip2 writes no name or time: the same collection
    gives the same bytes). Records are cut into streams by their ids, not their
    places, so that an edit, an added or a deleted text changes one stream, and
    with a `store` (the build cache) every other stream is found compressed.
    `encoded` remembers each record's line from an earlier export in this process."""
    encoded = encoded or Encoded()
    out: list[bytes] = []
    stream: list[dict[str, Any]] = []
    ids: set[str] = set()
    for r in rows:
        stream.append(r)
        ids.add(r["id"])
        if _ends_stream(r["id"]):
            out.append(_bz2_stream(stream, store, encoded))
            stream = []
    if stream:
        out.append(_bz2_stream(stream, store, encoded))
    encoded.keep_only(ids)
    return b"".join(out)


STREAM = 128
"""Records per bzip2 stream, on average. 1,000 UNGDC speeches: 4.22 MB in one stream,
4.27 MB (+1.3 %) in streams of 128 (of 64: +3.0 %; of 16: +7.9 %), and after an edit
only its stream is compressed again (0.2 s, not 1.4 s)."""


class Store(Protocol):
    """Where compressed streams are kept by their key (podium.base.buildcache.Cache)."""

    def file(self, key: str) -> bytes | None: ...

    def put_file(self, key: str, data: bytes) -> None: ...


@dataclass
class Encoded:
    """Each record's hash as a JSON line, by id, with the record it was made from.
    A `mkdocs serve` session keeps one, so that after an edit the records are
    compared (the texts are the same objects: cheap) instead of encoded again
    (1 s for the corpus's 200 MB), and a stream whose records are unchanged is
    found in the store by their hashes."""

    lines: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)

    def line(self, row: dict[str, Any]) -> tuple[bytes | None, str]:
        """The record's line, if it had to be made, and its hash."""
        kept = self.lines.get(row["id"])
        if kept is not None and kept[0] == row:
            return None, kept[1]
        data = _line(row)
        found = hashlib.blake2b(data, digest_size=20).hexdigest()
        self.lines[row["id"]] = (row, found)
        return data, found


    def remember(self, rows: Iterable[dict[str, Any]]) -> None:
        """Encode these records now (a `serve` session's first build made its
        export in a worker process, whose lines are gone)."""
        for row in rows:
            self.line(row)

    def keep_only(self, ids: set[str]) -> None:
        """Forget the records no longer exported."""
        for gone in set(self.lines) - ids:
            del self.lines[gone]


def _line(row: dict[str, Any]) -> bytes:
    return (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")


def _ends_stream(record_id: str) -> bool:
    hashed = hashlib.blake2b(record_id.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(hashed, "big") % STREAM == 0


def _bz2_stream(rows: list[dict[str, Any]], store: Store | None, encoded: Encoded) -> bytes:
    made = [encoded.line(r) for r in rows]
    key = hashlib.blake2b(b"jsonl.bz2 %d\n" % BZIP2_LEVEL + "".join(h for _, h in made).encode(),
                          digest_size=20).hexdigest()
    found = store.file(key) if store is not None else None
    if found is not None:
        return found
    data = b"".join(line if line is not None else _line(r) for r, (line, _) in zip(rows, made, strict=True))
    compressed = bz2.compress(data, BZIP2_LEVEL)
    if store is not None:
        with contextlib.suppress(OSError):  # the file is whole without the cache
            store.put_file(key, compressed)
    return compressed


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[Column] = ()) -> str:
    """The metadata, one row per text, without the text (see the module's note).
    Lists are joined: topics with '; ', related as 'id (relation)'. A value that
    a spreadsheet would run as a formula (=, +, -, @…) starts with an apostrophe."""
    out = io.StringIO()
    fields = [*CSV_FIELDS[:-1], *(c.name for c in columns), CSV_FIELDS[-1]]  # theirs before the url
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        flat = dict(r)
        flat["topics"] = "; ".join(r["topics"])
        flat["related"] = "; ".join(f"{x['id']} ({x['relation']})" for x in r["related"])
        writer.writerow({k: "" if v is None else csv_cell(v) if isinstance(v, str) else v
                         for k, v in flat.items()})
    return out.getvalue()


def to_bibtex(collection: Collection, url_of: Callable[[Statement], str], archive: str | None = None) -> str:
    """Every statement's BibTeX entry; `archive` (the site's name) is each one's publisher."""
    return "\n".join(cite.bibtex(st, url_of(st), archive) for st in collection)


def export(collection: Collection, fmt: str, url_of: Callable[[Statement], str],
           rows: list[dict[str, Any]] | None = None, columns: Sequence[Column] = (),
           store: Store | None = None, encoded: Encoded | None = None,
           archive: str | None = None) -> str | bytes:
    """The collection in `fmt` (bytes for jsonl.bz2 and jsonl.gz); `rows` are its records if
    already made; `columns` those the site's facets add; `store` keeps compressed streams
    and `encoded` the records' lines already made (to_jsonl_bz2); `archive` is the site's name
    (the publisher in citations)."""
    if fmt == "bibtex":
        return to_bibtex(collection, url_of, archive)
    rows = records(collection, url_of, columns) if rows is None else rows
    if fmt == "jsonl.bz2":
        return to_jsonl_bz2(rows, store, encoded)
    if fmt == "jsonl.gz":
        return to_jsonl_gz(rows)
    if fmt == "csv":
        return to_csv(rows, columns)
    return {"json": to_json, "jsonl": to_jsonl}[fmt](rows)
