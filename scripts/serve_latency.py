"""The editor's loop: seconds from a statement's save to `mkdocs serve` serving it.

    python scripts/serve_latency.py --corpus ../shared/corpora/ungdc-1946-2025.tar.xz [--sample N]
    python scripts/serve_latency.py --project DIR [--edits 4] [--profile] [--cprofile OUT]
    python scripts/serve_latency.py --project DIR --against COPY OTHER/src --profile   # A/B, same load

Makes the benchmark's project of statements (scripts/bench.py: `podium_site`,
the corpus through podium.ingest.corpus) in a temporary folder, or takes an
existing project with --project; starts `mkdocs serve` on it; waits for the
first build; then, --edits times, appends a sentence to one speech (a
different one each time, spread over the years) and measures the seconds from
the file's save until an HTTP GET of the statement's page returns the new
sentence (the server holds requests while it rebuilds, so the first answer
with the sentence is the rebuilt site); and the same for the listing that
shows the statement (with --retitle the title changes too, and the time until
its delegation's page shows the new title is measured). Every file edited is
put back at the end.

With --profile the server runs in this script's own process wrapper, which
times each step of MkDocs' `build()` (plugin events, reading the files, the
navigation, static files, templates) and Podium's load and plan, and prints,
per rebuild, where the seconds went. With --cprofile OUT, each rebuild after
the first is also profiled with cProfile into OUT/rebuild-N.prof.

Timings on a shared machine are noisy: repeat, compare medians.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bench  # noqa: E402  (a script beside it: its project maker and its page waits)

# --- the server side: `mkdocs serve` with each build step timed ---------------

def _serve_profiled(profile_out: Path, cprofile_dir: Path | None, mkdocs_args: list[str]) -> None:
    """Run `mkdocs serve` in this process with MkDocs' build steps timed; each build
    appends one JSON line (step -> seconds) to `profile_out`."""
    from mkdocs.__main__ import cli
    from mkdocs.commands import serve as ms

    ms.build = instrument(profile_out, cprofile_dir)
    sys.argv = ["mkdocs", "serve", *mkdocs_args]
    cli()


def instrument(profile_out: Path, cprofile_dir: Path | None = None) -> Any:
    """Time MkDocs' build steps and Podium's load and plan (patched in place); return
    MkDocs' `build` wrapped to append one JSON line per build to `profile_out`."""
    import cProfile
    import functools

    from mkdocs.commands import build as mb
    from mkdocs.commands import serve as ms
    from mkdocs.plugins import PluginCollection
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from mkdocs.theme import Theme

    from podium.mkdocs import deferred
    from podium.pages import pipeline

    steps: dict[str, float] = defaultdict(float)
    depth = [0]

    def timed(name: str, fn: Any) -> Any:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                steps[name] += time.perf_counter() - start
        return wrapper

    original_event = PluginCollection.run_event

    def run_event(self: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original_event(self, name, item, **kwargs)
        finally:
            key = "page events" if name.startswith(("page_", "pre_page", "post_page", "pre_template",
                                                    "template_context", "post_template")) else "on_" + name
            if depth[0] == 1 or not key.startswith("page"):
                steps[key] += time.perf_counter() - start

    PluginCollection.run_event = run_event  # type: ignore[method-assign]
    for name in ("get_files", "get_navigation", "set_exclusions", "_populate_page", "_build_page",
                 "_build_theme_template", "_build_extra_template"):
        setattr(mb, name, timed(name, getattr(mb, name)))
    mb.utils.clean_directory = timed("clean_directory", mb.utils.clean_directory)
    Files.copy_static_files = timed("copy_static_files", Files.copy_static_files)  # type: ignore[method-assign]
    Files.add_files_from_theme = timed("add_files_from_theme", Files.add_files_from_theme)  # type: ignore[method-assign]
    Theme.get_env = timed("theme.get_env", Theme.get_env)  # type: ignore[method-assign]
    Page.validate_anchor_links = timed("validate_anchor_links", Page.validate_anchor_links)  # type: ignore[method-assign]
    ms.load_config = timed("load_config", ms.load_config)
    pipeline.load_collection = timed("  podium load", pipeline.load_collection)
    pipeline.Site = timed("  podium plan", pipeline.Site)  # type: ignore[misc]
    deferred._restore = timed("  deferred: restore", deferred._restore)
    deferred._build_file = timed("  deferred: data files", deferred._build_file)
    deferred._key = timed("  deferred: page keys", deferred._key)
    deferred.SearchIndex.finish = timed("  search: finish", deferred.SearchIndex.finish)  # type: ignore[method-assign]
    deferred.SearchIndex.add = timed("  search: add", deferred.SearchIndex.add)  # type: ignore[method-assign]
    deferred.PodiumPage.__init__ = timed("  on_files: page objects", deferred.PodiumPage.__init__)  # type: ignore[method-assign]
    deferred.Session.succeeded = timed("  session: succeeded", deferred.Session.succeeded)  # type: ignore[method-assign]
    deferred.pagecache.cache_for = timed("  deferred: cache generation", deferred.pagecache.cache_for)

    original_build = mb.build
    count = [0]

    def build(config: Any, **kwargs: Any) -> None:
        count[0] += 1
        profiler = cProfile.Profile() if cprofile_dir is not None and count[0] > 1 else None
        depth[0] = 1
        start = time.perf_counter()
        ok = False
        try:
            if profiler is not None:
                profiler.enable()
            original_build(config, **kwargs)
            ok = True
        finally:
            if profiler is not None:
                profiler.disable()
                cprofile_dir.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
                profiler.dump_stats(str(cprofile_dir / f"rebuild-{count[0]}.prof"))  # type: ignore[operator]
            total = time.perf_counter() - start
            line = {"build": count[0], "ok": ok, "total": round(total, 3),
                    "steps": {k: round(v, 3) for k, v in steps.items()}}
            with profile_out.open("a", encoding="utf-8") as out:
                out.write(json.dumps(line) + "\n")
            steps.clear()
            depth[0] = 0

    return build


# --- the editor's side ---------------------------------------------------------

def _wait(address: str, check: Any) -> float:
    return bench.wait_for(address, check, poll=0.02)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _targets(root: Path, n: int) -> list[Path]:
    """N statement files spread over the archive's path order."""
    files = sorted((root / "statements").rglob("*.md"))
    return [files[(i + 1) * len(files) // (n + 1)] for i in range(n)]


def _page_url(root: Path, path: Path) -> tuple[str, str, str]:
    """The statement's page and its delegation's term page (relative addresses), and its title."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from podium.model.loader import Statement, load_file

    loaded = load_file(root / "statements", path.relative_to(root / "statements"))
    assert isinstance(loaded, Statement), loaded
    meta = loaded.meta
    return (f"statements/{meta.sort_date.year}/{meta.id}/",
            f"delegations/{(meta.delegation or '').lower()}/", meta.title)


@dataclass
class Side:
    """One `mkdocs serve` driven: a project, its port, the code it runs (a `src`
    folder put first on PYTHONPATH: another checkout, for a comparison)."""

    name: str
    root: Path
    port: int
    src: Path | None = None
    proc: Any = None
    log: Path | None = None
    profile_out: Path | None = None
    originals: dict[Path, str] = field(default_factory=dict)
    result: dict[str, Any] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, profile: bool, cprofile: Path | None, targets: list[Path]) -> None:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        if self.src is not None:
            env["PYTHONPATH"] = os.pathsep.join([str(self.src), env.get("PYTHONPATH", "")])
        args = ["-f", str(self.root / "mkdocs.yml"), "-a", f"127.0.0.1:{self.port}"]
        self.profile_out = Path(tempfile.mkstemp(prefix="serve-profile-", suffix=".jsonl")[1])
        if profile or cprofile:
            command = [sys.executable, str(Path(__file__).resolve()), "--_serve", str(self.profile_out),
                       *(["--_cprofile", str(cprofile)] if cprofile else []), "--", *args]
        else:
            command = [sys.executable, "-m", "mkdocs", "serve", *args]
        self.log = Path(tempfile.mkstemp(prefix="serve-log-", suffix=".txt")[1])
        self.originals = {t: t.read_text(encoding="utf-8") for t in targets}
        self.result = {"name": self.name, "project": str(self.root), "log": str(self.log), "edits": []}
        with self.log.open("w") as log_file:
            self.proc = subprocess.Popen(command, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                         preexec_fn=bench.default_sigint)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGINT)  # Ctrl-C: MkDocs removes its temporary site
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        for target, original in self.originals.items():
            target.write_text(original, encoding="utf-8")
        seconds = [e["page_seconds"] for e in self.result.get("edits", [])]
        self.result["median_page_seconds"] = statistics.median(seconds) if seconds else None
        if self.profile_out is not None:
            builds = [json.loads(line) for line in self.profile_out.read_text().splitlines() if line.strip()]
            self.profile_out.unlink()
            if builds:
                self.result["builds"] = builds


def drive(sides: list[Side], edits: int, profile: bool, cprofile: Path | None,
          retitle: bool = False) -> list[dict[str, Any]]:
    """Start every side, wait for its first build, then edit each side's speeches
    in turn (side A's first, side B's first, A's second...), so that the sides
    meet the same load on a shared machine."""
    plans = {side.name: _targets(side.root, edits) for side in sides}
    try:
        for side in sides:
            side.start(profile, cprofile, plans[side.name])
        for side in sides:
            first, _, _ = _page_url(side.root, plans[side.name][0])
            waited = _wait(side.base + first, lambda status, _: status == 200)
            side.result["first_build_seconds"] = round(waited, 2)
            print(f"{side.name}: first build served after {side.result['first_build_seconds']} s", flush=True)
        for number in range(1, edits + 1):
            for side in sides:
                target = plans[side.name][number - 1]
                time.sleep(3)  # past the watcher's settling and any late event
                page, listing, title = _page_url(side.root, target)
                marker = f"Edited for the latency check {number} {time.time_ns()}."
                edited = side.originals[target].rstrip("\n") + f" {marker}\n"
                retitled = f"(latency check {number} {time.time_ns()})"
                if retitle:
                    line = "title: " + json.dumps(f"{title} {retitled}")
                    edited = re.sub(r"^title: .*$", lambda _, line=line: line, edited, count=1, flags=re.M)
                saved = time.perf_counter()
                target.write_text(edited, encoding="utf-8")
                served = _wait(side.base + page, lambda status, body, marker=marker: marker in body)
                row = {"file": target.name, "page_seconds": round(served, 2), "load": os.getloadavg()[0]}
                if retitle:
                    _wait(side.base + listing, lambda status, body, retitled=retitled: retitled in body)
                    row["listing_seconds"] = round(time.perf_counter() - saved, 2)
                side.result["edits"].append(row)
                print(f"{side.name} edit {number}: {row}", flush=True)
    finally:
        for side in sides:
            side.stop()
    for side in sides:
        if "builds" in side.result:
            print(f"\n{side.name}:")
            _print_profile(side.result["builds"])
    return [side.result for side in sides]


def _print_profile(builds: list[dict[str, Any]]) -> None:
    """Per step: the first build's seconds and each rebuild's."""
    names: list[str] = []
    for b in builds:
        names += [n for n in b["steps"] if n not in names]
    rebuilds = builds[1:]
    head = f"{'step':32} {'first':>7} " + " ".join(f"{'r' + str(i + 1):>6}" for i in range(len(rebuilds)))
    print("\n" + head + f" {'median':>7}")
    rows = sorted(names, key=lambda n: -statistics.median([b["steps"].get(n, 0) for b in rebuilds] or [0]))
    for name in ["total", *rows]:
        values = [b["total"] if name == "total" else b["steps"].get(name, 0.0) for b in builds]
        tail = values[1:]
        print(f"{name:32} {values[0]:7.2f} " + " ".join(f"{v:6.2f}" for v in tail)
              + f" {statistics.median(tail) if tail else 0:7.2f}")


def main() -> None:
    if "--_serve" in sys.argv:  # (the server process of --profile)
        i = sys.argv.index("--_serve")
        cprofile = Path(sys.argv[sys.argv.index("--_cprofile") + 1]) if "--_cprofile" in sys.argv else None
        _serve_profiled(Path(sys.argv[i + 1]), cprofile, sys.argv[sys.argv.index("--") + 1:])
        return
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--project", type=Path, help="an existing Podium project (mkdocs.yml, statements/)")
    p.add_argument("--corpus", type=Path, help="the UN General Debate Corpus archive: made into a project")
    p.add_argument("--sample", type=int, help="with --corpus: only this many speeches")
    p.add_argument("--keep", type=Path, help="with --corpus: make the project here and keep it")
    p.add_argument("--edits", type=int, default=4, help="edits to time, one speech each")
    p.add_argument("--profile", action="store_true", help="time each step of every build")
    p.add_argument("--cprofile", type=Path, help="also cProfile each rebuild into this folder")
    p.add_argument("--retitle", action="store_true", help="also change the title, and wait for the "
                   "statement's delegation listing to show it")
    p.add_argument("--port", type=int, default=8765, help="the server's port (0: any free one); the "
                   "address is part of the build cache's key, so a fixed one finds the last run's pages")
    p.add_argument("--against", nargs=2, metavar=("PROJECT", "SRC"), help="also serve PROJECT (a copy: "
                   "its own build cache) with the code in SRC (another checkout's src/), editing the two "
                   "in turn, so that both meet the same load")
    p.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = p.parse_args()
    if args.project is None and args.corpus is None:
        p.error("give --project DIR or --corpus ARCHIVE")
    root = args.project
    if root is None:
        root = args.keep or Path(tempfile.mkdtemp(prefix="podium-serve-")) / "podium"
        bench.podium_site(root, bench.Corpus(args.corpus, args.sample))
    sides = [Side("this", root.resolve(), args.port or _free_port())]
    if args.against:
        project, src = args.against
        port = args.port + 1 if args.port else _free_port()  # (also stable: the cache's key holds it)
        sides.append(Side("against", Path(project).resolve(), port, Path(src).resolve()))
    results = drive(sides, args.edits, args.profile, args.cprofile, args.retitle)
    for result in results:
        print(json.dumps({k: v for k, v in result.items() if k != "builds"}, indent=2))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
