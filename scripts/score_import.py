"""Score `podium import` against hand labels: per field right / wrong / missing,
files ready (they pass `podium check`), words lost, and the slowest file (wall clock, and
CPU time, which other processes on a shared machine do not inflate).

    python scripts/score_import.py ../shared/corpora/intake-dev/labels.yaml ../shared/corpora/intake-dev

A wrong value (the importer guessed something the label contradicts, or
guessed where the label says the text does not tell) counts against accuracy
as much as a missing one, and is listed, because it is worse: a person must
catch it. Accuracy = right / (labelled values + wrong guesses on unlabelled ones).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
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


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("labels", type=Path)
    p.add_argument("raw_dir", type=Path, help="folder the labels' file paths are relative to")
    p.add_argument("--show", action="store_true", help="print every wrong and missing value")
    args = p.parse_args(argv)
    entries = yaml.safe_load(args.labels.read_text(encoding="utf-8"))
    tally: dict[str, Counter[str]] = {f: Counter() for f in FIELDS}
    wrong: list[str] = []
    missing: list[str] = []
    lost = 0
    failed: list[str] = []
    slowest = slowest_cpu = (0.0, "")
    ready = 0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()  # one-time loading (language profiles, locale data, name tables)
        import_file(args.raw_dir / entries[0]["file"], Path(tmp) / "warm-up", dry_run=True)
        warm_up = time.perf_counter() - t0
        for number, entry in enumerate(entries):
            path = args.raw_dir / entry["file"]
            out = Path(tmp) / str(number)  # one folder each: ids of different files may coincide
            t0, c0 = time.perf_counter(), time.process_time()
            result = import_file(path, out)
            took, cpu = time.perf_counter() - t0, time.process_time() - c0
            slowest = max(slowest, (took, path.name))
            slowest_cpu = max(slowest_cpu, (cpu, path.name))
            lost += len(result.lost)
            if result.draft is None or result.target is None:
                failed.append(f"{path.name}: {result.error}")
                continue
            collection = load_collection(out)
            if not collection.drafts and not [p for p in collection.problems if p.severity is Severity.ERROR]:
                ready += 1
            guess, label = guessed(result.draft.meta), labelled(entry)
            for f in FIELDS:
                g, lab = guess[f], label[f]
                if lab is None and g is None:
                    continue
                if g is None:
                    tally[f]["missing"] += 1
                    missing.append(f"{path.name}: {f} (label {lab!r})")
                elif lab is not None and same(f, lab, g):
                    tally[f]["right"] += 1
                else:
                    tally[f]["wrong"] += 1
                    wrong.append(f"{path.name}: {f} = {g!r}, label {lab!r}")
    print(f"{'field':<11}{'right':>6}{'wrong':>6}{'missing':>8}")
    for f in FIELDS:
        t = tally[f]
        print(f"{f:<11}{t['right']:>6}{t['wrong']:>6}{t['missing']:>8}")
    right = sum(t["right"] for t in tally.values())
    total = sum(sum(t.values()) for t in tally.values())
    n_wrong = sum(t["wrong"] for t in tally.values())
    print(f"field accuracy {right / total:.2f} ({right} right, {n_wrong} wrong, "
          f"{total - right - n_wrong} missing of {total})")
    print(f"ready {ready} of {len(entries)}; failed {len(failed)}; words lost {lost}; "
          f"slowest file {slowest[0]:.2f} s ({slowest[1]}), {slowest_cpu[0]:.2f} s CPU "
          f"({slowest_cpu[1]}); one-time warm-up {warm_up:.2f} s")
    for line in wrong:
        print(f"  wrong: {line}")
    if args.show:
        for line in missing:
            print(f"  missing: {line}")
    for line in failed:
        print(f"  failed: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
