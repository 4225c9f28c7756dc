"""Benchmark: Podium against the plain toolchain, on the same synthetic input, in one run.

    python scripts/bench.py --n 1000 [--repeat 3] [--out bench.json] [--keep DIR] [--no-browser]

Generates N statements with varied, realistic front matter (many delegations,
bodies, sessions, years, seven languages, news reports related to statements)
and bodies of 300-3,000 words, then builds, one after the other:

  (a) podium: the Podium site with plain `mkdocs build` (Pagefind search, no lunr);
  (b) floor:  plain mkdocs + mkdocs-material over the same Markdown bodies, the
              pages kept out of the nav (`not_in_nav`), built-in lunr search.

For each it prints wall time, CPU time (user + system, all processes), peak
RSS of the largest process of the build (the build, a worker or Pagefind),
total site size, median HTML bytes per statement page, and the bytes a browser
downloads for search before the first result of a query (measured in headless
Chromium from its network log); then the ratios (a)/(b). The machine is shared
and noisy: compare the ratios, not the absolute times. With --repeat R both
sites are built R times, alternating which goes first, and the medians are
reported with the ratio of every round.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
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


def podium_site(root: Path, n: int) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "statements").mkdir()
    generated = generate(n, root / "statements")
    (root / "docs/index.md").write_text("# Archive\n\n<!-- podium:latest -->\n\n<!-- podium:sections -->\n")
    config = {"site_name": "Bench", "site_url": "https://bench.example/", "theme": {"name": "material"},
              "plugins": ["podium"]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return root, generated  # type: ignore[return-value]


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


@dataclass
class Result:
    seconds: float
    cpu_seconds: float
    """User + system time of the build and every process it waited for (workers, Pagefind)."""
    peak_rss_mb: float
    site_mb: float
    median_page_kb: float
    pages: int
    search_kb: float | None = None


def build(root: Path) -> Result:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    shutil.rmtree(root / "site", ignore_errors=True)  # not timed: a fresh build each round
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")],
                            env=env, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if status != 0:
        raise SystemExit(f"build failed in {root}:\n{stderr[-3000:]}")
    site = root / "site"
    sizes = [p.stat().st_size for p in site.rglob("*") if p.is_file()]
    pages = [p.stat().st_size for p in site.glob("statements/**/index.html")
             if p.parent.name.startswith("s") and p.parent.name[1:].isdigit()]
    return Result(round(seconds, 2), round(usage.ru_utime + usage.ru_stime, 2),
                  round(usage.ru_maxrss / 1024, 1), round(sum(sizes) / 2**20, 1),
                  round(statistics.median(pages) / 1024, 1), len(pages))


def _median(results: Iterable[Result]) -> Result:
    """Median wall and CPU time of several builds of one site; the largest peak RSS."""
    runs = list(results)
    return replace(runs[0], seconds=round(statistics.median(r.seconds for r in runs), 2),
                   cpu_seconds=round(statistics.median(r.cpu_seconds for r in runs), 2),
                   peak_rss_mb=max(r.peak_rss_mb for r in runs))


def search_bytes(site: Path, pagefind: bool, query: str = "cooperation") -> float:
    """KB the browser downloads for search, from page load to the first result."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from playwright.sync_api import sync_playwright

    from podium.preview import serve

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


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--out", type=Path, help="write the results as JSON here")
    p.add_argument("--keep", type=Path, help="build in this folder and keep it")
    p.add_argument("--no-browser", action="store_true", help="skip the search download measurement")
    p.add_argument("--repeat", type=int, default=1,
                   help="build both sites this many times, alternating, and report medians")
    args = p.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="podium-bench-"))
    try:
        t0 = time.perf_counter()
        _, generated = podium_site(work / "podium", args.n)
        floor_site(work / "floor", generated)
        print(f"generated {args.n} statements in {time.perf_counter() - t0:.1f} s "
              f"(median {statistics.median(len(t.split()) for _, _, t in generated)} words)", flush=True)
        rounds: list[dict[str, Result]] = []
        for i in range(args.repeat):
            # Alternate which goes first, so that neither always meets the machine cold.
            order = ["podium", "floor"] if i % 2 == 0 else ["floor", "podium"]
            rounds.append({name: build(work / name) for name in order})
            if args.repeat > 1:
                r = rounds[-1]
                print(f"round {i + 1}: podium {r['podium'].seconds} s, floor {r['floor'].seconds} s, "
                      f"ratio {r['podium'].seconds / r['floor'].seconds:.2f}", flush=True)
        results = {name: _median(r[name] for r in rounds) for name in ("podium", "floor")}
        if not args.no_browser:
            results["podium"].search_kb = search_bytes(work / "podium/site", pagefind=True)
            results["floor"].search_kb = search_bytes(work / "floor/site", pagefind=False)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    a, b = results["podium"], results["floor"]
    rows = [("wall time (s)", "seconds"), ("CPU time (s)", "cpu_seconds"), ("peak RSS (MB)", "peak_rss_mb"), ("site size (MB)", "site_mb"),
            ("median statement page (KB)", "median_page_kb"), ("search download (KB)", "search_kb")]
    print(f"\nN = {args.n} on {os.cpu_count()} cores, {platform.python_implementation()} "
          f"{platform.python_version()}, {time.strftime('%Y-%m-%d')}")
    print(f"{'':30} {'(a) podium':>12} {'(b) floor':>12} {'(a)/(b)':>9}")
    ratios = {}
    for label, key in rows:
        va, vb = getattr(a, key), getattr(b, key)
        ratio = (round(va / vb, 2 if va / vb >= 0.1 else 4) if va is not None and vb else None)
        ratios[key] = ratio
        print(f"{label:30} {va!s:>12} {vb!s:>12} {ratio!s:>9}")
    per_round = [round(r["podium"].seconds / r["floor"].seconds, 2) for r in rounds]
    if args.repeat > 1:
        print(f"\nwall time: medians of {args.repeat} alternating rounds; ratio per round "
              f"{', '.join(map(str, per_round))} (min {min(per_round)}, max {max(per_round)})")
    if args.out:
        report = {"n": args.n, "date": time.strftime("%Y-%m-%d"), "cores": os.cpu_count(),
                  "repeat": args.repeat, "podium": asdict(a), "floor": asdict(b), "ratios": ratios,
                  "rounds": [{name: {"seconds": r[name].seconds, "cpu_seconds": r[name].cpu_seconds}
                              for name in ("podium", "floor")} | {"ratio": ratio}
                             for r, ratio in zip(rounds, per_round, strict=True)]}
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
