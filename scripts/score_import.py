"""Score `podium import` against hand labels: per field right / wrong / missing,
files ready (they pass `podium check`), words lost, and the slowest file (wall clock, and
CPU time, which other processes on a shared machine do not inflate).

    python scripts/score_import.py ../shared/corpora/intake-dev/labels.yaml ../shared/corpora/intake-dev \
        --also tests/fixtures/import-corpus/labels.yaml tests/fixtures/import-corpus

The texts are split by source into a development part and a HELD-OUT part: a source (a site's
registrable domain, or a GitHub repository) goes wholly to one side, chosen by a hash of its
name so that nobody picks which texts are hard. Tune on the development part only; the
held-out figure is the one that says whether the import generalises.

A wrong value (the importer guessed something the label contradicts, or
guessed where the label says the text does not tell) counts against accuracy
as much as a missing one, and is listed, because it is worse: a person must
catch it. Accuracy = right / (labelled values + wrong guesses on unlabelled ones).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from podium.ingest import import_file
from podium.model.collection import load_collection
from podium.model.problems import Severity

FIELDS = ("kind", "language", "date", "delegation", "speaker", "publisher", "body", "session")


def _plain(value: str) -> str:
    """Case, accents-as-composed, spacing and punctuation do not count."""
    text = unicodedata.normalize("NFKC", value).casefold()
    return re.sub(r"[\W_]+", "", text)


def _body(value: str) -> str:
    text = re.sub(r"\b(?:united nations|un|the|of)\b", " ", value.casefold())
    return _plain(text)


def _session(value: str) -> str:
    number = re.search(r"\d+", value)
    if not number:
        return _plain(value)
    marks = [w for w in ("emergency", "special", "extraordinary") if w in value.casefold()]
    return number.group(0) + "".join(marks)


def _publisher(label: str, guess: str) -> bool:
    """A label may add where the copy came from in brackets: 'Xinhua (via …)'."""
    names = [_plain(p) for p in re.split(r"[()/]", label) if _plain(p)]
    g = _plain(guess)
    return any(n == g or (len(n) > 3 and (n in g or g in n)) for n in names)


HELD_OUT = 0
"""Sources whose hash is 0 modulo 3 are held out (about a third)."""


def source_key(url: str) -> str:
    """The source a text came from: 'github.com/owner/repo', or a host's registrable domain
    (usun.usmission.gov and osce.usmission.gov are one source: usmission.gov)."""
    repo = re.match(r"(?:https?://)?github\.com/([^/ ]+/[^/ @]+)", url)
    if repo:
        return "github.com/" + repo.group(1)
    host = re.match(r"(?:https?://)?([^/ ]+)", url.strip())
    name = host.group(1).lower() if host else url
    for prefix in ("www.", "m-", "m."):
        name = name.removeprefix(prefix)
    parts = name.split(".")
    second = {"gov", "org", "co", "com", "ac", "net", "gob", "edu", "go", "or", "ne", "gv", "govt", "mil",
              "nic"}
    n = 3 if len(parts) >= 3 and parts[-2] in second and len(parts[-1]) == 2 else 2
    return ".".join(parts[-n:])


def part_of(entry: dict[str, Any]) -> str:
    key = source_key(str(entry.get("source_url") or entry["file"]))
    return "held-out" if int(hashlib.sha256(key.encode()).hexdigest(), 16) % 3 == HELD_OUT else "dev"


def guessed(meta: dict[str, Any]) -> dict[str, str | None]:
    event = meta.get("event") or {}
    speaker = meta.get("speaker") or {}
    date = meta.get("date")
    if date is None and event.get("start") and event.get("end") in (None, event.get("start")):
        date = event.get("start")
    values = {
        "kind": meta.get("kind"), "language": meta.get("language"), "date": date,
        "delegation": meta.get("delegation"), "speaker": speaker.get("name"),
        "publisher": (meta.get("source") or {}).get("publisher"),
        "body": event.get("body"), "session": event.get("session"),
    }
    if values["language"] == "und":
        values["language"] = None  # BCP 47 "undetermined": the importer left it to a person
    return {k: (str(v) if v not in (None, "", "?") else None) for k, v in values.items()}


def labelled(entry: dict[str, Any]) -> dict[str, str | None]:
    speaker = entry.get("speaker") or {}
    values = {k: entry.get(k) for k in FIELDS}
    values["speaker"] = speaker.get("name")
    return {k: (str(v) if v not in (None, "") else None) for k, v in values.items()}


def same(field: str, label: str, guess: str) -> bool:
    if field == "body":
        return _body(label) == _body(guess)
    if field == "session":
        return _session(label) == _session(guess)
    if field == "publisher":
        return _publisher(label, guess)
    return _plain(label) == _plain(guess)


@dataclass
class Score:
    """The tallies of one part."""

    tally: dict[str, Counter[str]] = field(default_factory=lambda: {f: Counter() for f in FIELDS})
    wrong: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    texts: int = 0
    ready: int = 0
    lost: int = 0
    slowest: tuple[float, str] = (0.0, "")
    slowest_cpu: tuple[float, str] = (0.0, "")
    languages: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)

    def add(self, entry: dict[str, Any], path: Path, out: Path) -> None:
        self.texts += 1
        self.sources.add(source_key(str(entry.get("source_url") or entry["file"])))
        if entry.get("language"):
            self.languages.add(str(entry["language"]))
        t0, c0 = time.perf_counter(), time.process_time()
        result = import_file(path, out)
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        self.slowest = max(self.slowest, (took, path.name))
        self.slowest_cpu = max(self.slowest_cpu, (cpu, path.name))
        self.lost += len(result.lost)
        if result.draft is None or result.target is None:
            self.failed.append(f"{path.name}: {result.error}")
            return
        collection = load_collection(out)
        if not collection.drafts and not [p for p in collection.problems if p.severity is Severity.ERROR]:
            self.ready += 1
        guess, label = guessed(result.draft.meta), labelled(entry)
        for f in FIELDS:
            g, lab = guess[f], label[f]
            if lab is None and g is None:
                continue
            if g is None:
                self.tally[f]["missing"] += 1
                self.missing.append(f"{path.name}: {f} (label {lab!r})")
            elif lab is not None and same(f, lab, g):
                self.tally[f]["right"] += 1
            else:
                self.tally[f]["wrong"] += 1
                self.wrong.append(f"{path.name}: {f} = {g!r}, label {lab!r}")

    def report(self, name: str, show: bool) -> None:
        print(f"== {name}: {self.texts} texts, {len(self.sources)} sources, "
              f"{len(self.languages)} languages ({', '.join(sorted(self.languages))})")
        print(f"{'field':<11}{'right':>6}{'wrong':>6}{'missing':>8}{'accuracy':>9}")
        for f in FIELDS:
            t = self.tally[f]
            n = sum(t.values())
            print(f"{f:<11}{t['right']:>6}{t['wrong']:>6}{t['missing']:>8}"
                  f"{(t['right'] / n if n else 1):>9.2f}")
        right = sum(t["right"] for t in self.tally.values())
        total = sum(sum(t.values()) for t in self.tally.values()) or 1
        n_wrong = sum(t["wrong"] for t in self.tally.values())
        print(f"field accuracy {right / total:.2f} ({right} right, {n_wrong} wrong, "
              f"{total - right - n_wrong} missing of {total})")
        print(f"ready {self.ready} of {self.texts}; failed {len(self.failed)}; words lost {self.lost}; "
              f"slowest file {self.slowest[0]:.2f} s ({self.slowest[1]}), {self.slowest_cpu[0]:.2f} s CPU "
              f"({self.slowest_cpu[1]})")
        for line in self.wrong:
            print(f"  wrong: {line}")
        if show:
            for line in self.missing:
                print(f"  missing: {line}")
        for line in self.failed:
            print(f"  failed: {line}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("labels", type=Path)
    p.add_argument("raw_dir", type=Path, help="folder the labels' file paths are relative to")
    p.add_argument("--also", nargs=2, action="append", default=[], metavar=("LABELS", "RAW_DIR"),
                   help="another labelled set, scored with the first")
    p.add_argument("--part", choices=("dev", "held-out", "both"), default="both",
                   help="which part to score (while tuning: dev)")
    p.add_argument("--show", action="store_true", help="print every wrong and missing value")
    args = p.parse_args(argv)
    entries: list[tuple[dict[str, Any], Path]] = []
    for labels, raw_dir in [(args.labels, args.raw_dir), *((Path(a), Path(b)) for a, b in args.also)]:
        entries += [(e, Path(raw_dir) / e["file"]) for e in yaml.safe_load(Path(labels).read_text("utf-8"))]
    parts = {"dev": Score(), "held-out": Score()}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()  # one-time loading (language profiles, locale data, name tables)
        import_file(entries[0][1], Path(tmp) / "warm-up", dry_run=True)
        warm_up = time.perf_counter() - t0
        for number, (entry, path) in enumerate(entries):
            part = part_of(entry)
            if args.part in (part, "both"):  # one folder each: ids of different files may coincide
                parts[part].add(entry, path, Path(tmp) / str(number))
    both = parts["dev"].sources & parts["held-out"].sources
    assert not both, f"a source on both sides: {both}"
    for name, score in parts.items():
        if score.texts:
            score.report(name, args.show)
    print(f"one-time warm-up {warm_up:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
