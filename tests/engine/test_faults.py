"""A killed build leaves no processes behind and never a half site where the
last good one was (issue #13, items 13 and 14)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import mkdocs_build, statement_text

PARAGRAPH = "We reaffirm our commitment to the principles of the Charter and to multilateral work. " * 6


def make_project(folder: Path, count: int, **options: object) -> Path:
    """A site of `count` statements, built by two workers and Pagefind (no lunr search)."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    statements = folder / "statements"
    statements.mkdir(exist_ok=True)
    body = "\n\n".join(f"{PARAGRAPH} Paragraph {i}." for i in range(12)) + "\n"
    for i in range(count):
        (statements / f"s{i:04d}.md").write_text(
            statement_text(id=f"s{i:04d}", title=f"Statement {i}", body=body,
                           topics=[f"Topic {i % 17}"], speaker={"name": f"Speaker {i % 23}"}),
            encoding="utf-8")
    config = {"site_name": "Faults", "theme": {"name": "material"},
              "plugins": [{"podium": {"workers": 2, **options}}]}
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return folder / "mkdocs.yml"


def children(pid: int) -> set[int]:
    """Live processes whose parent is `pid`."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start_build(config: Path, site: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def kill_when(build: subprocess.Popen[bytes], ready: int, sig: signal.Signals) -> set[int]:
    """Send `sig` to the build once it has `ready` child processes; return them."""
    deadline = time.monotonic() + 120
    seen: set[int] = set()
    while time.monotonic() < deadline and build.poll() is None:
        seen = children(build.pid)
        if len(seen) >= ready:
            break
        time.sleep(0.02)
    assert len(seen) >= ready, "the build never ran its workers and Pagefind"
    build.send_signal(sig)
    build.wait(timeout=30)
    return seen


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killing_the_build_leaves_no_workers_or_pagefind(tmp_path: Path, sig: signal.Signals) -> None:
    config = make_project(tmp_path, 300)
    build = start_build(config, tmp_path / "site")
    spawned = kill_when(build, 3, sig)  # pagefind --service and two workers
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(p) for p in spawned):
        time.sleep(0.05)
    left = [p for p in spawned if alive(p)]
    for pid in left:  # do not leave them to the next test either
        os.kill(pid, signal.SIGKILL)
    assert left == []


def listing(site: Path) -> list[str]:
    """The site's files, Pagefind's by kind only (its file names vary from build to build)."""
    names = (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return sorted(n if not n.startswith("pagefind/") else n.split("_")[0] for n in names)


def test_a_killed_build_leaves_the_last_good_site(tmp_path: Path) -> None:
    config = make_project(tmp_path, 300, cache=False)  # the second build runs workers and Pagefind
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    good = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    files = listing(site)
    assert len(good) > 300 and (site / "pagefind" / "podium-bundles.json").is_file()
    build = start_build(config, site)
    kill_when(build, 3, signal.SIGKILL)
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == good
    # The next build clears what the killed one left and publishes whole.
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    assert listing(site) == files
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".") and p.name != ".cache"] == []


def test_a_failed_build_leaves_the_last_good_site(tmp_path: Path) -> None:
    config = make_project(tmp_path, 3)
    site = tmp_path / "site"
    assert mkdocs_build(config, site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    statements = tmp_path / "statements"
    (statements / "new.md").write_text(statement_text(id="new"), encoding="utf-8")
    # --strict aborts on a warning only after the whole site is written.
    (statements / "warn.txt").write_text("not a statement", encoding="utf-8")
    result = mkdocs_build(config, site, strict=True)
    assert result.returncode == 1 and "strict mode" in result.stdout + result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    (statements / "bad.md").write_text("---\nid: [\n---\n\nText.\n", encoding="utf-8")
    assert mkdocs_build(config, site, strict=False).returncode == 1
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    (statements / "bad.md").unlink()
    (statements / "warn.txt").unlink()
    assert mkdocs_build(config, site).returncode == 0
    assert (site / "statements" / "2024" / "new" / "index.html").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".") and p.name != ".cache"] == []
