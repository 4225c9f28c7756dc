"""The UN General Debate Corpus (UNGDC) as statements: for tests, the
benchmark's corpus mode and anyone who wants a large real collection.

The archive (`ungdc-1946-2025.tar.xz`) holds one speech per file,
`ungdc/Session NN - YYYY/{ISO3}_{NN}_{YYYY}.txt`, one paragraph per line;
the file name is the only metadata. A speech becomes a statement file whose
front matter comes from that name and whose body is the text exactly as
given (no escaping, no clean-up): what a user who pastes real speeches gets.

    from podium.ingest import corpus
    paths = corpus.write_statements(archive, Path("statements"), sample=300)
"""

from __future__ import annotations

import json
import re
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from podium.ingest.events import english_ordinal
from podium.model import bodies, codes

NAME = re.compile(r"^([A-Z]{2,3})_(\d{1,3})_(\d{4})\.txt$")
"""{ISO3}_{session}_{year}.txt"""
BODY = "United Nations General Assembly"


@dataclass(frozen=True)
class Speech:
    """One speech of the corpus: what its file name says, and its text as given."""

    delegation: str
    session: int
    year: int
    text: str
    member: str
    """Path of the file inside the archive."""

    @property
    def id(self) -> str:
        """Statement id: `bwa-unga-80` (one speech per delegation and session)."""
        return f"{self.delegation.lower()}-unga-{self.session}"

    @property
    def filename(self) -> str:
        return f"{self.id}.md"


def parse_name(member: str) -> tuple[str, int, int] | None:
    """(delegation, session, year) from an archive member's file name, or None."""
    match = NAME.match(PurePosixPath(member).name)
    if match is None:
        return None
    return match.group(1), int(match.group(2)), int(match.group(3))


def names(archive: Path) -> list[str]:
    """The speech files in the archive, sorted (reads only the tar index)."""
    with tarfile.open(archive, "r:xz") as tar:
        return sorted(m.name for m in tar.getmembers() if m.isfile() and parse_name(m.name))


def sample_names(members: Iterable[str], count: int) -> list[str]:
    """`count` speeches spread evenly over the decades and, within a decade,
    evenly over the sorted names: the same input always gives the same sample."""
    by_decade: dict[int, list[str]] = {}
    for member in sorted(members):
        parsed = parse_name(member)
        if parsed:
            by_decade.setdefault(parsed[2] // 10, []).append(member)
    decades = sorted(by_decade)
    chosen: list[str] = []
    for i, decade in enumerate(decades):
        pool = by_decade[decade]
        share = count // len(decades) + (1 if i < count % len(decades) else 0)
        share = min(share, len(pool))
        chosen.extend(pool[(j * len(pool)) // share] for j in range(share))
    return sorted(chosen)


def speeches(archive: Path, only: Iterable[str] | None = None) -> Iterator[Speech]:
    """The speeches of the archive in archive order (one pass over the xz
    stream); `only` restricts them to those member names."""
    wanted = set(only) if only is not None else None
    with tarfile.open(archive, "r:xz") as tar:
        for member in tar:
            parsed = parse_name(member.name)
            if not member.isfile() or parsed is None or (wanted is not None and member.name not in wanted):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            text = handle.read().decode("utf-8", errors="replace")
            yield Speech(parsed[0], parsed[1], parsed[2], text, member.name)


def statement(speech: Speech) -> str:
    """The statement file of a speech: front matter from the file name, then the
    text untouched. The corpus gives the session and its year only, so the event
    is dated by the year (`start: 1960`) and the statement has no date of its own:
    no month or day that the source does not give."""
    who = codes.display_name(speech.delegation, on=bodies.in_season(BODY, speech.year))  # as in its time
    session = f"{english_ordinal(speech.session)} session"
    meta = {
        "id": speech.id,
        "kind": "speech",
        "title": f"{who}: general debate of the {session} ({speech.year})",
        "title_supplied": True,
        "delegation": speech.delegation,
        "event": {"body": BODY, "session": session, "start": speech.year},
        "language": "en",
        "source": {"publisher": "UN General Debate Corpus", "file": PurePosixPath(speech.member).name},
    }
    lines = []
    for key, value in meta.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines.extend(f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items())
        else:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n\n" + speech.text


def write_statements(archive: Path, out: Path, *, sample: int | None = None,
                     only: Iterable[str] | None = None) -> list[Path]:
    """Write the archive's speeches (all, `sample` of them spread over the
    decades, or the members in `only`) as statement files in `out`; returns
    the paths written, sorted."""
    if sample is not None:
        only = sample_names(names(archive), sample)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for speech in speeches(archive, only):
        path = out / speech.filename
        path.write_text(statement(speech), encoding="utf-8")
        written.append(path)
    return sorted(written)


def main(argv: list[str] | None = None) -> int:
    """python -m podium.ingest.corpus ARCHIVE OUT [--sample N]"""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m podium.ingest.corpus", description=main.__doc__)
    parser.add_argument("archive", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sample", type=int, default=None, help="speeches spread over the decades")
    args = parser.parse_args(argv)
    written = write_statements(args.archive, args.out, sample=args.sample)
    print(f"{len(written)} statement(s) written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
