"""Benchmark: Podium against the plain toolchain, on the same input, in one run.

    python scripts/bench.py --n 1000 [--seeds] [--repeat 3] [--out x.json] [--keep DIR] [--no-browser]
    python scripts/bench.py --corpus ../shared/corpora/ungdc-1946-2025.tar.xz [--sample 500] ...
    python scripts/bench.py --sizes 100,2000,corpus --seeds --corpus ../shared/corpora/ungdc-1946-2025.tar.xz
    python scripts/bench.py --incremental [--corpus ... --sample 1000] [--no-serve]

Every run appends its figures as rows to bench/results.csv (see bench/README.md).

Either generates N synthetic statements with varied, realistic front matter
(many delegations, bodies, sessions, years, seven languages, news reports
related to statements) and bodies of 300-3,000 words, or, with --seeds, N
copies of the repository's two seed texts over 35 years, or, with --corpus, turns
the UN General Debate Corpus (11,108 real speeches, 2,918 words on average)
into statement files in a temporary folder (see Corpus). Then it builds, one
after the other:

  (a) podium: the Podium site with plain `mkdocs build` (Pagefind search, no lunr);
  (b) floor:  plain mkdocs + mkdocs-material over the same Markdown bodies, the
              pages kept out of the nav (`not_in_nav`), built-in lunr search.

For each it prints wall time, CPU time (user + system, all processes), peak
RSS of the largest process of the build (the build, a worker or Pagefind),
peak memory of all its processes together (summed PSS, sampled), total site
size and its parts, median HTML bytes per statement page and the median ratio
of the two pages of the same text, and the bytes a browser
downloads for search before the first result of a query (measured in headless
Chromium from its network log); then the ratios (a)/(b). The machine is shared
and noisy: compare the ratios, not the absolute times. With --repeat R both
sites are built R times, alternating which goes first, and the medians are
reported with the ratio of every round.

With --incremental, only the Podium site is built, to measure the build cache
(podium.base.buildcache): a cold build (cache deleted), a warm build of the
unchanged archive, a build after one statement's text is edited, after one is
added and after it is deleted, each as a ratio of the cold build; then a cold
build of the final input, compared byte for byte with the warm one (Pagefind's
known-unstable files aside); then `mkdocs serve` is started and driven: a
statement edited, added, deleted, each timed from the file's save until the
served page shows the change (the server answers once its rebuild is done).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

import pycountry
import yaml

BODIES = [
    ("UN General Assembly", "General Debate of the {n}th Session"), ("Security Council", "{n}th meeting"),
    ("Human Rights Council", "{n}th Session"), ("IOM Council", "{n}th Session"),
    ("World Health Assembly", "WHA{n}"), ("UNHCR Executive Committee", "{n}th Session"),
    ("International Labour Conference", "{n}th Session"), ("WTO General Council", "Meeting {n}"),
    ("UNESCO General Conference", "{n}th Session"), ("ECOSOC", "{n}th Session"),
    ("Conference on Disarmament", "Part {n}"), ("UNFCCC COP", "COP{n}"),
    ("IAEA General Conference", "{n}th Regular Session"), ("FAO Conference", "{n}th Session"),
]
TOPICS = [
    "Migration", "Human rights", "Climate change", "Disarmament", "Health", "Trade", "Development",
    "Refugees", "Gender equality", "Food security", "Peacekeeping", "Terrorism", "Cyber security",
    "Oceans", "Education", "Labour", "Nuclear safety", "Humanitarian aid", "Sanctions", "Water",
    "Biodiversity", "Digital economy", "Children", "Indigenous peoples", "Debt", "Energy",
]
LANGS = ["en", "en", "en", "fr", "es", "vi", "ar", "ru", "zh-Hans"]
WORDS = {
    "en": ["the", "of", "and", "to", "in", "we", "our", "that", "for", "on", "is", "this", "with", "as", "are", "all", "its", "council", "member", "states", "support", "international", "cooperation", "development", "migration", "rights", "security", "peace", "delegation", "welcome", "report", "commitment", "global", "agenda", "sustainable", "implementation", "challenges", "efforts"],
    "fr": ["le", "la", "les", "de", "des", "et", "nous", "notre", "pour", "dans", "sur", "est", "avec", "conseil", "états", "membres", "soutien", "coopération", "internationale", "développement", "migration", "droits", "sécurité", "paix", "délégation"],
    "es": ["el", "la", "los", "de", "y", "en", "nosotros", "nuestra", "para", "con", "consejo", "estados", "miembros", "apoyo", "cooperación", "internacional", "desarrollo", "migración", "derechos", "seguridad", "paz", "delegación"],
    "vi": ["chúng", "tôi", "của", "và", "cho", "trong", "với", "hội", "đồng", "các", "quốc", "gia", "thành", "viên", "hợp", "tác", "quốc", "tế", "phát", "triển", "di", "cư", "quyền", "an", "ninh", "hòa", "bình", "phái", "đoàn"],
    "ar": ["نحن", "في", "من", "على", "إلى", "مع", "المجلس", "الدول", "الأعضاء", "التعاون", "الدولي", "التنمية", "الهجرة", "حقوق", "الأمن", "السلام"],
    "ru": ["мы", "и", "в", "на", "с", "для", "совет", "государства", "члены", "сотрудничество", "международное", "развитие", "миграция", "права", "безопасность", "мир", "делегация"],
    "zh-Hans": ["我们", "的", "和", "在", "理事会", "会员国", "支持", "国际", "合作", "发展", "移民", "权利", "安全", "和平", "代表团"],
}
SALUTE = {"en": "Mr. President,", "fr": "Monsieur le Président,", "es": "Señor Presidente:",
          "vi": "Thưa Chủ tịch,", "ar": "السيد الرئيس،", "ru": "Господин Председатель,", "zh-Hans": "主席先生，"}
CLOSE = {"en": "I thank you.", "fr": "Je vous remercie.", "es": "Muchas gracias.", "vi": "Xin cảm ơn.",
         "ar": "شكرا.", "ru": "Спасибо.", "zh-Hans": "谢谢。"}
FIRST = ["Amina", "Carlos", "Li", "Maria", "Nguyen", "Olga", "Ahmed", "Sofia", "Kwame", "Ines", "Raj", "Elena", "Tomas", "Yuki", "Fatima", "Pierre"]
LAST = ["Diallo", "Silva", "Wang", "Garcia", "Tran", "Ivanova", "Hassan", "Rossi", "Mensah", "Dubois", "Sharma", "Kowalski", "Sato", "Haddad"]


def body_text(rng: random.Random, lang: str, words: int) -> str:
    vocab = WORDS[lang]
    paras, left = [SALUTE[lang]], words
    while left > 0:
        n = min(left, rng.randint(40, 140))
        sentence = " ".join(rng.choice(vocab) for _ in range(n))
        paras.append(sentence[0].upper() + sentence[1:] + ".")
        left -= n
    paras.append(CLOSE[lang])
    return "\n\n".join(paras) + "\n"


def generate(n: int, folder: Path, seed: int = 2023) -> list[tuple[str, str, str]]:
    """Write N statement files; return (id, title, body) for the floor site."""
    rng = random.Random(seed)
    countries = sorted(c.alpha_3 for c in pycountry.countries)[:190]
    speakers = [(f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}", rng.choice(countries))
                for i in range(max(1, n // 5))]
    out, statements = [], []
    for i in range(n):
        year = rng.randint(2000, 2025)
        body, session = rng.choice(BODIES)
        number = rng.randint(1, 80)
        start = f"{year}-{rng.randint(1, 12):02}-{rng.randint(1, 20):02}"
        lang = rng.choice(LANGS)
        words = int(min(3000, max(300, rng.lognormvariate(6.45, 0.45))))
        sid = f"s{i:05}"
        is_report = statements and rng.random() < 0.1
        meta: dict[str, object] = {"id": sid, "language": lang, "topics": rng.sample(TOPICS, rng.randint(2, 5))}
        if is_report:
            target = rng.choice(statements)
            meta.update(kind="news-report", title=f"News report {i} on {target['title']}",
                        date=target["event"]["start"], event=target["event"],
                        source={"publisher": rng.choice(["Agence France-Presse", "Vietnam News Agency",
                                                         "Reuters", "EFE", "TASS"])},
                        related=[{"id": target["id"], "relation": "reports-on"}])
        else:
            name, country = rng.choice(speakers)
            meta.update(kind=rng.choice(["statement"] * 8 + ["speech", "joint-statement"]),
                        title=f"Statement {i} of {country} at the {body}",
                        speaker={"name": name, "honorific": "H.E.", "role": "Permanent Representative"},
                        delegation=country,
                        event={"body": body, "session": session.format(n=number), "start": start},
                        date=start, venue=rng.choice(["Geneva", "New York", "Vienna", "Nairobi"]))
            statements.append(meta)
        text = body_text(rng, lang, words)
        (folder / f"{sid}.md").write_text(
            "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + text,
            encoding="utf-8")
        out.append((sid, str(meta["title"]), text))
    return out


SEEDS = Path(__file__).resolve().parent.parent / "statements"


def _shift(value: object, year: int) -> object:
    """A date moved to `year` (29 February to the 28th); anything else as it is."""
    if isinstance(value, datetime.date):
        return value.replace(year=year, day=min(value.day, 28) if value.month == 2 else value.day)
    return value


def _session(name: str, years: int) -> str:
    """A yearly session's name moved by `years` ("114th Session" 3 years earlier: "111th Session")."""
    found = re.match(r"(\d+)(st|nd|rd|th)\b", name)
    if not found:
        return name
    n = max(1, int(found[1]) + years)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}" + name[found.end():]


def seed_copies(n: int, folder: Path, years: int = 35, last: int = 2025) -> list[tuple[str, str, str]]:
    """Write N short statements: copies of the repository's seed texts (a statement
    and the news report on it), taken in turn, their dates spread over `years` years
    and the event's session numbered by its year; a copied report relates to the copied
    statement of its pair. The shape of a mission's archive of short statements
    and press releases (issue 30)."""
    seeds = []
    for path in sorted(SEEDS.glob("*.md")):
        _, head, text = path.read_text(encoding="utf-8").split("---\n", 2)
        seeds.append((yaml.safe_load(head), text.lstrip("\n")))
    ids = {str(meta["id"]) for meta, _ in seeds}
    out = []
    for i in range(n):
        meta, text = seeds[i % len(seeds)]
        pair = i // len(seeds)
        year = last - years + 1 + pair * years // max(1, (n + len(seeds) - 1) // len(seeds))
        copy = {k: _shift(v, year) for k, v in meta.items()}
        start = meta["event"]["start"] if isinstance(meta.get("event"), dict) else datetime.date(last, 1, 1)
        copy["id"] = f"{meta['id']}-{pair:05}"
        if isinstance(meta.get("event"), dict):
            copy["event"] = {k: _shift(v, year) for k, v in meta["event"].items()}
            copy["event"]["session"] = _session(str(meta["event"].get("session", "")), year - start.year)
        if isinstance(meta.get("related"), list):
            copy["related"] = [{**r, "id": f"{r['id']}-{pair:05}"} if r.get("id") in ids else r
                               for r in meta["related"]]
        (folder / f"{copy['id']}.md").write_text(
            "---\n" + yaml.safe_dump(copy, allow_unicode=True, sort_keys=False) + "---\n\n" + text,
            encoding="utf-8")
        out.append((str(copy["id"]), str(copy["title"]), text))
    return out


@dataclass
class Generated:
    """N synthetic statements (`generate`) or N copies of the seed texts (`seed_copies`)."""

    n: int
    seeds: bool = False

    @property
    def name(self) -> str:
        return f"{'seed copies' if self.seeds else 'synthetic'} {self.n}"

    def __call__(self, folder: Path) -> list[tuple[str, str, str]]:
        return seed_copies(self.n, folder) if self.seeds else generate(self.n, folder)


def podium_site(root: Path, statements: Callable[[Path], list[tuple[str, str, str]]], cache: bool = True
                ) -> list[tuple[str, str, str]]:
    """The Podium site: `statements` writes the statement files into the folder it is
    given and returns (id, title, body) of each, for the floor. Without `cache`, the
    build cache is off (a cold build then does not fill it)."""
    (root / "docs").mkdir(parents=True)
    (root / "statements").mkdir()
    generated = statements(root / "statements")
    (root / "docs/index.md").write_text("# Archive\n\n<!-- podium:latest -->\n\n<!-- podium:sections -->\n")
    # The navigation of the project's own mkdocs.yml: the index pages under "Browse".
    browse = [f"{facet}/index.md" for facet in
              ("delegations", "speakers", "bodies", "sessions", "topics", "kinds", "languages")]
    config = {"site_name": "Bench", "site_url": "https://bench.example/", "theme": {"name": "material"},
              "plugins": ["podium" if cache else {"podium": {"cache": False}}], "nav": [{"Home": "index.md"}, {"Statements": "statements/index.md"},
                                             {"Browse": browse}, {"Search": "search.md"}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return generated


def floor_site(root: Path, generated: list[tuple[str, str, str]]) -> Path:
    docs = root / "docs" / "statements"
    docs.mkdir(parents=True)
    (root / "docs/index.md").write_text("# Archive\n")
    for sid, title, text in generated:
        (docs / f"{sid}.md").write_text(f"# {title}\n\n{text}", encoding="utf-8")
    config = {"site_name": "Bench", "site_url": "https://bench.example/", "theme": {"name": "material"},
              "plugins": ["search"], "nav": ["index.md"], "not_in_nav": "/statements/"}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return root


# --- the UN General Debate Corpus ---------------------------------------------

BLOCK_START = re.compile(r"^(\d+)([.)])(\s|$)|^([#>*+=_|~`-])")
"""What would make a line Markdown rather than text: a list number, a heading, a
quote, a bullet, a rule, a table, a fence."""


def as_markdown(text: str) -> str:
    """The corpus's text (one paragraph per line) as Markdown paragraphs whose line
    starts are escaped (41\\. …), as the issue's measurement did by hand."""
    lines = (BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}{m[3]}" if m[1] else "\\" + m[4], line.strip())
             for line in text.lstrip("\ufeff").splitlines())
    return "\n\n".join(line for line in lines if line) + "\n"


@dataclass
class Corpus:
    """Writes the corpus as statement files with `podium.ingest.corpus` (the project's
    converter; it reads the archive itself), leaves out the files `podium check`
    rejects, optionally escapes what Markdown would take for syntax, and reads them
    back, so that the floor gets exactly the bodies Podium gets."""

    archive: Path
    sample: int | None = None
    escape: bool = False
    """Escape paragraph numbers and other line starts (see as_markdown), as the
    issue's first measurement did by hand; by default the text is measured
    exactly as the converter writes it, as a user's would be."""
    invalid: int = 0
    """Files left out because `podium check` rejects them."""

    @property
    def name(self) -> str:
        how = "escaped line starts" if self.escape else "raw text"
        return f"{self.archive.name} (podium.ingest.corpus, {how}; {self.invalid} rejected file(s) left out)"

    def __call__(self, folder: Path) -> list[tuple[str, str, str]]:
        from podium.ingest import corpus
        paths = self._valid(folder, corpus.write_statements(self.archive, folder, sample=self.sample))
        out = []
        for path in sorted(paths):
            _, head, text = path.read_text(encoding="utf-8").split("---\n", 2)
            if self.escape:
                text = as_markdown(text)
                path.write_text(f"---\n{head}---\n\n{text}", encoding="utf-8")
            meta = yaml.safe_load(head)
            out.append((str(meta["id"]), str(meta["title"]), text.lstrip("\n")))
        return out

    def _valid(self, folder: Path, paths: list[Path]) -> list[Path]:
        """The files `podium check` accepts (all 11,108 speeches today); any other is
        removed from both sites and counted."""
        from podium.model.collection import load_collection

        bad = {Path(p.path).name for p in load_collection(folder).errors}
        kept = [p for p in paths if p.name not in bad]
        for path in set(paths) - set(kept):
            path.unlink()
        self.invalid = len(paths) - len(kept)
        if self.invalid:
            print(f"left out {self.invalid} file(s) podium check rejects: {', '.join(sorted(bad)[:8])}",
                  flush=True)
        return kept


@dataclass
class Result:
    seconds: float
    cpu_seconds: float
    """User + system time of the build and every process it waited for (workers, Pagefind)."""
    peak_rss_mb: float
    """Peak RSS of the largest single process of the build (the build, a worker or Pagefind)."""
    peak_total_mb: float
    """Peak of the summed proportional set size (PSS) of all the build's processes at once,
    sampled 4 times a second: what the build needs of the machine's memory."""
    peak_build_mb: float
    """The same without Pagefind's processes: the build and its workers."""
    site_mb: float
    median_page_kb: float
    pages: int
    breakdown_mb: dict[str, float]
    """Site size by part: statement pages, other pages, data/, feeds/, search index…"""
    page_kb: dict[str, float]
    """Each statement page's size by id, for the per-text comparison (not written to JSON)."""
    search_kb: float | None = None


RESULTS = Path(__file__).resolve().parent.parent / "bench" / "results.csv"
"""The one results table: a row per measured run, appended by every run of this script."""


@dataclass
class Row:
    """One line of bench/results.csv. `run` says what was built: "cold" is a cold
    `mkdocs build` of both sites (ratios: Podium / floor); "warm …" and "cold again"
    are builds with the build cache (ratios: of the cold build); "serve …" is
    seconds from a file's save to the served page in `mkdocs serve`."""

    date: str
    commit: str
    machine: str
    """Cores, and what else ran (the load)."""
    input: str
    """synthetic N, seed copies N, ungdc N (sample or whole corpus)."""
    run: str
    rounds: int | str = ""
    podium_wall_s: float | str = ""
    floor_wall_s: float | str = ""
    wall_ratio: float | str = ""
    podium_cpu_s: float | str = ""
    floor_cpu_s: float | str = ""
    cpu_ratio: float | str = ""
    podium_peak_mb: float | str = ""
    """Peak RSS of the largest process."""
    floor_peak_mb: float | str = ""
    peak_ratio: float | str = ""
    podium_all_mb: float | str = ""
    """Peak summed PSS of all the build's processes."""
    floor_all_mb: float | str = ""
    all_ratio: float | str = ""
    podium_site_mb: float | str = ""
    floor_site_mb: float | str = ""
    site_ratio: float | str = ""
    page_ratio: float | str = ""
    """Median over texts of Podium's statement page / the floor's page of the same text."""
    note: str = ""


def append_rows(rows: Iterable[Row], path: Path = RESULTS) -> None:
    """Append rows to the results table, writing its header if it is new."""
    names = [f.name for f in fields(Row)]
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        if new:
            writer.writerow(names)
        for row in rows:
            writer.writerow([getattr(row, name) for name in names])


def _commit() -> str:
    """The source's commit (a + when the work tree has changes)."""
    here = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "-C", str(here), "log", "--format=%h", "-1"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(here), "status", "--porcelain", "--", "src", "scripts"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
    return head + ("+" if dirty else "")


def _machine(note: str, loads: list[float]) -> str:
    """Cores and the 1-minute load average seen at the start and after each build."""
    seen = f"{min(loads):.0f}" if round(min(loads)) == round(max(loads)) else f"{min(loads):.0f}-{max(loads):.0f}"
    return f"{os.cpu_count()} cores, load {seen}" + (f"; {note}" if note else "")


def _ratio(a: float | None, b: float | None) -> float | str:
    return round(a / b, 2 if a / b >= 0.1 else 4) if a is not None and b else ""


def _children() -> dict[int, list[int]]:
    """Every process's children, from /proc (no psutil)."""
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeMemory(threading.Thread):
    """Samples the summed PSS of a process and all its descendants (PSS, not RSS:
    forked workers share the parent's pages copy-on-write, and RSS would count
    them once per worker)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.peak_build_kb, self.done = pid, 0, 0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            tree, todo, total, pagefind = _children(), [self.pid], 0, 0
            while todo:
                pid = todo.pop()
                pss = _pss_kb(pid)
                total += pss
                pagefind += pss if _name(pid).startswith("pagefind") else 0  # (pagefind_extend[ed])
                todo.extend(tree.get(pid, []))
            self.peak_kb = max(self.peak_kb, total)
            self.peak_build_kb = max(self.peak_build_kb, total - pagefind)
            self.done.wait(0.25)

    def stop(self) -> tuple[float, float]:
        """Peaks (MB) of all processes, and of all but Pagefind's."""
        self.done.set()
        self.join()
        return round(self.peak_kb / 1024, 1), round(self.peak_build_kb / 1024, 1)


def _name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return ""


PARTS = {"data": "data/", "feeds": "feeds/", "pagefind": "search index", "search": "search index",
         "assets": "assets/"}


def _part(rel: Path, statement: bool) -> str:
    if statement:
        return "statement pages"
    if rel.parts[0] in PARTS and len(rel.parts) > 1:
        return PARTS[rel.parts[0]]
    if rel.name.startswith("sitemap"):
        return "sitemaps"
    return "other pages" if rel.suffix == ".html" else "other"


def build(root: Path, ids: set[str], cold: bool = True) -> Result:
    """Build the site in `root` with plain `mkdocs build` and measure it; `ids`
    are the statements, whose pages are found by their folder name. Cold: the
    build cache (.cache/, beside mkdocs.yml) is deleted first."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    shutil.rmtree(root / "site", ignore_errors=True)  # not timed: a fresh build each round
    if cold:
        shutil.rmtree(root / ".cache", ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")],
                            env=env, stderr=subprocess.PIPE)
    memory = TreeMemory(proc.pid)
    memory.start()
    stderr_pipe = proc.stderr
    assert stderr_pipe is not None
    stderr = stderr_pipe.read().decode()  # until the build closes it, so the pipe never fills
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    peak_total, peak_build = memory.stop()
    if status != 0:
        raise SystemExit(f"build failed in {root}:\n{stderr[-3000:]}")
    site = root / "site"
    parts: dict[str, int] = {}
    pages: dict[str, float] = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        statement = path.name == "index.html" and path.parent.name in ids
        if statement:
            pages[path.parent.name] = size / 1024
        part = _part(path.relative_to(site), statement)
        parts[part] = parts.get(part, 0) + size
    return Result(round(seconds, 2), round(usage.ru_utime + usage.ru_stime, 2),
                  round(usage.ru_maxrss / 1024, 1), peak_total, peak_build, round(sum(parts.values()) / 2**20, 1),
                  round(statistics.median(pages.values()), 1) if pages else 0.0, len(pages),
                  {k: round(v / 2**20, 1) for k, v in sorted(parts.items(), key=lambda kv: -kv[1])},
                  pages)


def _median(results: Iterable[Result]) -> Result:
    """Median wall and CPU time of several builds of one site; the largest peaks."""
    runs = list(results)
    return replace(runs[0], seconds=round(statistics.median(r.seconds for r in runs), 2),
                   cpu_seconds=round(statistics.median(r.cpu_seconds for r in runs), 2),
                   peak_rss_mb=max(r.peak_rss_mb for r in runs),
                   peak_total_mb=max(r.peak_total_mb for r in runs),
                   peak_build_mb=max(r.peak_build_mb for r in runs))


def search_bytes(site: Path, pagefind: bool, query: str = "cooperation") -> float:
    """KB the browser downloads for search, from page load to the first result."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from playwright.sync_api import sync_playwright

    from podium.engine.preview import serve

    chromium = os.environ.get("PODIUM_CHROMIUM", "/usr/bin/chromium")
    total = 0
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()

        def count(response) -> None:  # type: ignore[no-untyped-def]
            nonlocal total
            url = response.url
            if "pagefind" in url or "search" in url or "lunr" in url:
                with contextlib.suppress(Exception):
                    total += len(response.body())

        page.on("response", count)
        if pagefind:
            page.goto(base + "search/")
            box, first = page.locator("#podium-search input").first, page.locator(".podium-result").first
            box.fill(query)
            try:
                first.wait_for(timeout=60_000)
            except Exception:  # once in ~10 runs Pagefind's UI showed nothing: type the query again
                print("search: no result after 60 s; typing the query again", flush=True)
                box.fill("")
                box.fill(query)
                first.wait_for(timeout=60_000)
        else:
            page.goto(base)
            page.keyboard.press("/")
            page.keyboard.type(query, delay=20)
            page.locator(".md-search-result__item").first.wait_for(timeout=300_000)
        page.wait_for_timeout(500)
        browser.close()
    return round(total / 1024, 1)


def incremental(root: Path, ids: set[str], serve: bool) -> dict[str, object]:
    """The build cache's figures (see the module's docstring)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from same_output import differences

    files = sorted((root / "statements").rglob("*.md"))
    target = files[len(files) // 2]
    original = target.read_text(encoding="utf-8")
    new_file = target.with_name("podium-bench-added.md")
    runs: dict[str, Result] = {}

    def timed(name: str, cold: bool = False) -> None:
        runs[name] = build(root, ids, cold=cold)
        print(f"{name}: {runs[name].seconds} s (CPU {runs[name].cpu_seconds} s)", flush=True)

    timed("cold", cold=True)
    timed("warm_unchanged")
    target.write_text(_edited(original, "first"), encoding="utf-8")
    timed("warm_after_edit")
    new_file.write_text(_added(original, "podium-bench-added"), encoding="utf-8")
    timed("warm_after_add")
    new_file.unlink()
    timed("warm_after_delete")
    (root / "site").rename(root / "site-warm")
    try:
        timed("cold_again", cold=True)
        found = differences(root / "site", root / "site-warm")
    finally:
        shutil.rmtree(root / "site-warm", ignore_errors=True)
    if found:
        print("warm and cold builds differ:\n" + "\n".join(found[:20]), flush=True)
    cold = runs["cold"].seconds
    out: dict[str, object] = {
        name: {"seconds": r.seconds, "cpu_seconds": r.cpu_seconds, "peak_total_mb": r.peak_total_mb,
               "of_cold": round(r.seconds / cold, 3)} for name, r in runs.items()}
    out["warm_identical_to_cold"] = not found
    out["differences"] = found[:20]
    if serve:
        out["serve"] = serve_loop(root, target, original)
    target.write_text(original, encoding="utf-8")
    return out


def _edited(text: str, marker: str) -> str:
    """The statement with one more sentence at the end of its text."""
    return text.rstrip("\n") + f" Edited for the benchmark {marker}.\n"


def _added(text: str, new_id: str) -> str:
    head, body = text.split("\n---\n", 1)
    head = re.sub(r"^id: .*$", f"id: {new_id}", head, count=1, flags=re.M)
    return f"{head}\n---\n{body}"


def default_sigint() -> None:
    """In a server about to start: Ctrl-C as in a terminal. A run in the background
    (`cmd &` in a script) inherits SIGINT ignored, and the server never stopped."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def fetch(address: str) -> tuple[int, str]:
    """The HTTP status and text of a served page (0: no answer)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(address, timeout=600) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


def wait_for(address: str, check: Callable[[int, str], bool], limit: float = 1800, poll: float = 0.05) -> float:
    """Seconds until `check(status, text)` holds for the page at `address`, asked
    every `poll` seconds (a server answers once its rebuild is done)."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if check(*fetch(address)):
            return time.perf_counter() - start
        time.sleep(poll)
    raise SystemExit(f"serve: no change seen at {address} after {limit} s")


def serve_loop(root: Path, target: Path, original: str) -> dict[str, object]:
    """Seconds from a file's save to the served page showing the change, in
    `mkdocs serve` (livereload on; the server answers after its rebuild)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"),
                             "-a", f"127.0.0.1:{port}"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, preexec_fn=default_sigint)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    base = f"http://127.0.0.1:{port}/"
    meta = yaml.safe_load(original.split("---\n", 2)[1])
    from podium.model.loader import Statement, load_file

    loaded = load_file(root / "statements", target.relative_to(root / "statements"))
    assert isinstance(loaded, Statement), loaded
    year = loaded.meta.sort_date.year  # the page's address: statements/<year>/<id>/

    def url(statement_id: str) -> str:
        return base + f"statements/{year}/{statement_id}/"

    def wait(check: Callable[[int, str], bool]) -> float:
        return round(wait_for(url_now, check), 2)

    result: dict[str, object] = {"site_url": config.get("site_url"), "how": (
        "mkdocs serve driven over HTTP: seconds from the file's save to the page served with the change")}
    try:
        url_now = url(str(meta["id"]))
        result["first_build_seconds"] = wait(lambda status, _: status == 200)
        time.sleep(2)  # past the watcher's settling
        target.write_text(_edited(original, "served"), encoding="utf-8")
        result["edit_seconds"] = wait(lambda status, body: "benchmark served" in body)
        time.sleep(2)
        added = target.with_name("podium-bench-served.md")
        url_now = url("podium-bench-served")
        added.write_text(_added(original, "podium-bench-served"), encoding="utf-8")
        result["add_seconds"] = wait(lambda status, _: status == 200)
        time.sleep(2)
        added.unlink()
        result["delete_seconds"] = wait(lambda status, _: status == 404)
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl-C: MkDocs removes its temporary site (not on SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
        target.write_text(original, encoding="utf-8")
    print(f"serve: {result}", flush=True)
    return result


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--n", type=int, default=1000, help="synthetic statements to generate")
    p.add_argument("--seeds", action="store_true", help="instead of synthetic statements: copies of "
                   "the repository's two seed texts over 35 years (short statements)")
    p.add_argument("--corpus", type=Path, help="the UN General Debate Corpus archive "
                   "(ungdc-1946-2025.tar.xz) instead of synthetic statements")
    p.add_argument("--sample", type=int, help="with --corpus: only this many speeches, spread over the years")
    p.add_argument("--sizes", help="several sizes in one run, each beside the floor, e.g. 100,2000,corpus: "
                   "numbers are synthetic (or --seeds) statements, `corpus` the whole --corpus")
    p.add_argument("--escape", action="store_true", help="with --corpus: escape paragraph numbers and "
                   "other line starts (41\\. …), as the issue's first measurement did by hand")
    p.add_argument("--out", type=Path, help="also write the detailed results as JSON here")
    p.add_argument("--results", type=Path, default=RESULTS, help=f"append the run to this table ({RESULTS.name})")
    p.add_argument("--no-results", action="store_true", help="do not append the run to the table")
    p.add_argument("--note", default="", help="a word on the machine's load or the run, for the table")
    p.add_argument("--keep", type=Path, help="build in this folder and keep it")
    p.add_argument("--no-browser", action="store_true", help="skip the search download measurement")
    p.add_argument("--repeat", type=int, default=1,
                   help="build both sites this many times, alternating, and report medians")
    p.add_argument("--incremental", action="store_true",
                   help="measure the build cache: cold, warm, after an edit, add, delete; `mkdocs serve`")
    p.add_argument("--no-serve", action="store_true", help="with --incremental: skip `mkdocs serve`")
    p.add_argument("--cache-off", action="store_true", help="build Podium with `cache: false` (a cold build "
                   "that does not fill the build cache, as issue 30 measured)")
    args = p.parse_args()
    if args.cache_off and args.incremental:
        p.error("--incremental measures the build cache: leave out --cache-off")
    sizes = args.sizes.split(",") if args.sizes else ["corpus" if args.corpus and not args.sample else
                                                       str(args.sample or args.n)]
    if "corpus" in sizes and not args.corpus:
        p.error("--sizes …,corpus needs --corpus ARCHIVE")
    details = []
    for size in sizes:
        if size == "corpus" or (args.corpus and not args.sizes):
            source: Generated | Corpus = Corpus(args.corpus, None if size == "corpus" else args.sample,
                                                escape=args.escape)
        else:
            source = Generated(int(size), seeds=args.seeds)
        keep = args.keep / size if args.keep and len(sizes) > 1 else args.keep
        details.append(run(args, source, keep))
    if args.out:
        out = details[0] if len(details) == 1 else {"runs": details}
        args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        print(f"\nwritten to {args.out}")


def _input(source: Generated | Corpus, n: int) -> str:
    """The input as the table names it."""
    if isinstance(source, Corpus):
        return f"ungdc {n}" + (" (sample)" if source.sample else "") + (" escaped" if source.escape else "")
    return source.name


def run(args: argparse.Namespace, source: Generated | Corpus, keep: Path | None) -> dict[str, object]:
    """One input: generate it, build both sites (or measure the cache), report, append to the table."""
    work = keep or Path(tempfile.mkdtemp(prefix="podium-bench-"))
    loads = [os.getloadavg()[0]]
    try:
        t0 = time.perf_counter()
        generated = podium_site(work / "podium", source, cache=not args.cache_off)
        ids = {sid for sid, _, _ in generated}
        words = statistics.median(len(t.split()) for _, _, t in generated)
        what = _input(source, len(generated)) + (", cache off" if args.cache_off else "")
        print(f"{len(generated)} statements: {source.name} "
              f"in {time.perf_counter() - t0:.1f} s (median {words} words)", flush=True)
        if args.incremental:
            figures = incremental(work / "podium", ids, serve=not args.no_serve)
            loads.append(os.getloadavg()[0])
            out = {"n": len(generated), "input": what, "date": time.strftime("%Y-%m-%d"),
                   "cores": os.cpu_count(), "incremental": figures}
            print(json.dumps(out, indent=2))
            if not args.no_results:
                append_rows(incremental_rows(figures, what, _machine(args.note, loads)), args.results)
            return out
        floor_site(work / "floor", generated)
        rounds: list[dict[str, Result]] = []
        for i in range(args.repeat):
            # Alternate which goes first, so that neither always meets the machine cold.
            order = ["podium", "floor"] if i % 2 == 0 else ["floor", "podium"]
            rounds.append({name: build(work / name, ids) for name in order})
            loads.append(os.getloadavg()[0])
            r = rounds[-1]
            print(f"round {i + 1}: podium {r['podium'].seconds} s, floor {r['floor'].seconds} s, "
                  f"ratio {r['podium'].seconds / r['floor'].seconds:.2f}", flush=True)
        results = {name: _median(r[name] for r in rounds) for name in ("podium", "floor")}
        if not args.no_browser:
            results["podium"].search_kb = search_bytes(work / "podium/site", pagefind=True)
            results["floor"].search_kb = search_bytes(work / "floor/site", pagefind=False)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    detail = report(args, results, rounds, len(generated), what)
    if not args.no_results:
        append_rows([cold_row(detail, what, _machine(args.note, loads))], args.results)
        print(f"appended to {args.results}")
    return detail


def report(args: argparse.Namespace, results: dict[str, Result], rounds: list[dict[str, Result]],
           n: int, what: str) -> dict[str, object]:
    """Print the comparison; return its detail (the --out JSON)."""
    a, b = results["podium"], results["floor"]
    rows = [("wall time (s)", "seconds"), ("CPU time (s)", "cpu_seconds"),
            ("peak RSS, largest process (MB)", "peak_rss_mb"), ("peak memory, all processes (MB)", "peak_total_mb"),
            ("peak memory, without Pagefind (MB)", "peak_build_mb"),
            ("site size (MB)", "site_mb"), ("median statement page (KB)", "median_page_kb"),
            ("search download (KB)", "search_kb")]
    print(f"\nN = {n} ({what}) on {os.cpu_count()} cores, {platform.python_implementation()} "
          f"{platform.python_version()}, {time.strftime('%Y-%m-%d')}")
    print(f"{'':34} {'(a) podium':>12} {'(b) floor':>12} {'(a)/(b)':>9}")
    ratios: dict[str, float | None] = {}
    for label, key in rows:
        va, vb = getattr(a, key), getattr(b, key)
        ratio = (round(va / vb, 2 if va / vb >= 0.1 else 4) if va is not None and vb else None)
        ratios[key] = ratio
        print(f"{label:34} {va!s:>12} {vb!s:>12} {ratio!s:>9}")
    # The same text on both sites: the ratio of each statement's two pages.
    same = [a.page_kb[i] / b.page_kb[i] for i in a.page_kb if b.page_kb.get(i)]
    ratios["page_same_text"] = round(statistics.median(same), 2) if same else None
    largest = max(a.page_kb, key=a.page_kb.__getitem__) if a.page_kb else None
    if same and largest:
        print(f"{'statement page / floor page':34} {'':>12} {'':>12} {ratios['page_same_text']!s:>9}"
              f"  (median over {len(same)} texts; max {max(same):.2f}; largest page {largest}: "
              f"{a.page_kb[largest]:.0f} KB vs {b.page_kb.get(largest, 0):.0f} KB)")
    for name, r in results.items():
        parts = ", ".join(f"{k} {v}" for k, v in r.breakdown_mb.items())
        print(f"site ({name}), MB: {parts}")
    per_round = [round(r["podium"].seconds / r["floor"].seconds, 2) for r in rounds]
    if args.repeat > 1:
        print(f"\nwall time: medians of {args.repeat} alternating rounds; ratio per round "
              f"{', '.join(map(str, per_round))} (min {min(per_round)}, max {max(per_round)})")
    def public(r: Result) -> dict[str, object]:
        return {k: v for k, v in asdict(r).items() if k != "page_kb"}

    return {"n": n, "input": what, "date": time.strftime("%Y-%m-%d"), "cores": os.cpu_count(),
            "repeat": args.repeat, "podium": public(a), "floor": public(b), "ratios": ratios,
            "rounds": [{name: {"seconds": r[name].seconds, "cpu_seconds": r[name].cpu_seconds,
                               "peak_total_mb": r[name].peak_total_mb}
                        for name in ("podium", "floor")} | {"ratio": ratio}
                       for r, ratio in zip(rounds, per_round, strict=True)]}


def cold_row(detail: dict[str, object], what: str, machine: str, date: str = "", commit: str = "",
             note: str = "") -> Row:
    """The table's row of a cold build of both sites (`report`'s detail, or an old JSON file)."""
    a, b = detail["podium"], detail["floor"]
    assert isinstance(a, dict) and isinstance(b, dict)

    def pair(key: str) -> tuple[object, object, float | str]:
        return a.get(key, ""), b.get(key, ""), _ratio(a.get(key), b.get(key))

    ratios = detail.get("ratios")
    page = ratios.get("page_same_text", "") if isinstance(ratios, dict) else ""
    return Row(date or str(detail["date"]), commit or _commit(), machine, what, "cold",
               str(detail.get("repeat", 1)), *pair("seconds"), *pair("cpu_seconds"), *pair("peak_rss_mb"),
               *pair("peak_total_mb"), *pair("site_mb"), "" if page is None else page, note)


def incremental_rows(figures: dict[str, object], what: str, machine: str, date: str = "",
                     commit: str = "", note: str = "") -> list[Row]:
    """The table's rows of an --incremental run: each build (ratios of the cold build), then serve."""
    rows = []
    head = (date or time.strftime("%Y-%m-%d"), commit or _commit(), machine, what)
    cold = figures.get("cold")
    cold_cpu = cold.get("cpu_seconds") if isinstance(cold, dict) else None
    for name, r in figures.items():
        if isinstance(r, dict) and "seconds" in r:
            rows.append(Row(*head, name.replace("_", " "), 1, r["seconds"], "", r.get("of_cold", ""),
                            r["cpu_seconds"], "", _ratio(r["cpu_seconds"], cold_cpu), "", "", "",
                            r.get("peak_total_mb", ""), note=note))
    if "warm_identical_to_cold" in figures:
        rows[-1].note = "; ".join(x for x in (rows[-1].note, "warm output identical to cold"
                                              if figures["warm_identical_to_cold"] else "warm output DIFFERS") if x)
    serve = figures.get("serve")
    if isinstance(serve, dict):
        for key in ("first_build_seconds", "edit_seconds", "add_seconds", "delete_seconds"):
            if key in serve:
                rows.append(Row(*head, "serve " + key.removesuffix("_seconds").replace("_", " "), 1,
                                serve[key], note=note if key == "first_build_seconds" else ""))
    return rows

if __name__ == "__main__":
    main()
