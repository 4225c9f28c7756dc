"""`mkdocs serve` rebuilds (podium.mkdocs.session): one plugin kept for the
session, as MkDocs keeps it, and a thread running beside the build, as the
server's are. After every kind of change the served site is the site a cold
`mkdocs build` makes of the same files (Pagefind's folder aside: in a session
edits are searched in an overlay), it is made mostly of what the last build
left, and search finds the edited text and not the old one."""

from __future__ import annotations

import json
import logging
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, mkdocs_build, statement_text

sys.path.insert(0, str(ROOT / "scripts"))
from same_output import differences

REUSED = re.compile(r"built (\d+) generated page\(s\) \((\d+) from the build cache or the last build\)")
SERVE_URL = "http://127.0.0.1:8000/"


def _statement(n: int, body: str | None = None, **fields: object) -> str:
    text = body or "Mr. President,\n\n" + "\n\n".join(
        f"we support the resolution of the council on migration {n} {i}." for i in range(6)) + "\n"
    meta: dict[str, object] = {
        "id": f"s{n:02}", "title": f"Statement {n}", "date": f"20{10 + n % 3}-0{1 + n % 9}-1{n % 10}",
        "language": "en", "delegation": ["VNM", "FRA", "BRA"][n % 3],
        "topics": [["Migration", "Health"][n % 2]],
        "event": {"body": "IOM Council", "session": "114th Session"}}
    meta.update(fields)
    return statement_text(text, **meta)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n\n<!-- podium:latest -->\n", encoding="utf-8")
    (root / "statements").mkdir()
    for n in range(10):
        (root / "statements" / f"s{n:02}.md").write_text(_statement(n), encoding="utf-8")
    (root / "statements" / "r01.md").write_text(statement_text(
        "Geneva - the delegation said it supports the resolution.\n", id="r01", kind="news-report",
        title="Report on statement 2", date="2014-12-30", language="en",
        source={"publisher": "Vietnam News Agency"}, related=[{"id": "s02", "relation": "reports-on"}]),
        encoding="utf-8")
    _config(root)
    return root


def _config(root: Path, name: str = "Archive") -> None:
    config = {"site_name": name, "site_url": SERVE_URL, "theme": {"name": "material"},
              "plugins": [{"podium": {"pagefind_budget": 2500}}]}  # several bundles
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")


class Session:
    """Rebuilds as `mkdocs serve` runs them, in this process."""

    def __init__(self, root: Path, site: Path) -> None:
        self.root, self.site = root, site
        self.started = False

    def build(self, caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site))
        if not self.started:
            config.plugins.on_startup(command="serve", dirty=False)
            self.started = True
        caplog.set_level(logging.INFO, logger="mkdocs")
        caplog.clear()
        build(config, serve_url=SERVE_URL)
        found = REUSED.search(caplog.text)
        assert found, caplog.text
        return int(found[1]), int(found[2])

    def close(self) -> None:
        from mkdocs.config import load_config

        load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site)).plugins.on_shutdown()


@pytest.fixture
def session(project: Path, tmp_path: Path) -> Iterator[Session]:
    stop = threading.Event()
    server = threading.Thread(target=stop.wait, daemon=True)  # as the server's: no forking
    server.start()
    served = Session(project, tmp_path / "served")
    try:
        yield served
    finally:
        served.close()
        stop.set()


def _same_as_cold(root: Path, served: Path, tmp_path: Path, name: str) -> None:
    cold = tmp_path / f"{name}-cold"
    shutil.rmtree(root / ".cache", ignore_errors=True)  # (the session's own is in memory and on disk)
    result = mkdocs_build(root / "mkdocs.yml", cold)
    assert result.returncode == 0, result.stderr
    found = [d for d in differences(cold, served) if "pagefind/" not in d and "search/words/" not in d]
    assert found == [], name
    # The word index is left out of `serve` (made whole from every block, 7 s on the
    # UNGDC corpus): the search page falls back to Pagefind and its overlay.
    assert (cold / "search/words/index.json").is_file() and not (served / "search/words").exists()


def _manifest(site: Path) -> dict[str, dict[str, object]]:
    data = json.loads((site / "pagefind" / "podium-bundles.json").read_text(encoding="utf-8"))
    return {b["path"]: b for b in data["bundles"]}


def test_each_serve_rebuild_is_the_cold_build_and_reuses_the_last(
        session: Session, project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder, served = project / "statements", tmp_path / "served"
    total, reused = session.build(caplog)
    assert reused == 0
    assert not any(p.name.endswith(".podium-previous") for p in tmp_path.iterdir())

    total, reused = session.build(caplog)  # unchanged: everything from the last build
    assert reused == total
    assert "-edits/" not in "".join(_manifest(served))

    (folder / "s03.md").write_text(_statement(3, "Mr. President,\n\nzzqqedit replaces the text.\n"),
                                   encoding="utf-8")
    total, reused = session.build(caplog)
    assert 0 < reused < total
    _same_as_cold(project, served, tmp_path, "edit")
    bundles = _manifest(served)
    assert "en-edits/" in bundles and bundles["en-edits/"]["pages"] == 1
    superseded = [b["superseded"] for b in bundles.values() if "superseded" in b]
    assert len(superseded) == 1 and len(superseded[0]) == 1  # s03's old copy
    (filters,) = superseded[0].values()
    assert filters["delegation"] == ["Viet Nam (VNM)"]  # what podium.js takes off the counts

    (folder / "s10.md").write_text(_statement(10), encoding="utf-8")  # added
    session.build(caplog)
    _same_as_cold(project, served, tmp_path, "add")
    assert _manifest(served)["en-edits/"]["pages"] == 2

    (folder / "s05.md").unlink()  # deleted
    session.build(caplog)
    _same_as_cold(project, served, tmp_path, "delete")
    assert sum(len(b.get("superseded", {})) for b in _manifest(served).values()) == 2  # s03, s05

    (folder / "s02.md").write_text(_statement(2, title="Statement two, retitled"), encoding="utf-8")
    session.build(caplog)  # the report that links to it changes too
    _same_as_cold(project, served, tmp_path, "retitle")

    (folder / "s07.md").rename(folder / "moved.md")  # same id, another file: a new edit link
    session.build(caplog)
    _same_as_cold(project, served, tmp_path, "rename")

    _config(project, name="Archive renamed")  # every page changes
    total, reused = session.build(caplog)
    _same_as_cold(project, served, tmp_path, "config")
    assert not any(p.name.endswith(".podium-previous") for p in tmp_path.iterdir())


def test_a_failed_rebuild_is_followed_by_a_whole_one(
        session: Session, project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.exceptions import Abort

    folder = project / "statements"
    session.build(caplog)
    good = (folder / "s04.md").read_text(encoding="utf-8")
    (folder / "s04.md").write_text(good.replace("language: en", "language: [en"), encoding="utf-8")
    with pytest.raises(Abort):  # (MkDocs' form of the plugin's error)
        session.build(caplog)
    (folder / "s04.md").write_text(good.replace("migration 4 0", "migration four"), encoding="utf-8")
    session.build(caplog)
    _same_as_cold(project, tmp_path / "served", tmp_path, "after failure")
    assert "-edits/" not in "".join(_manifest(tmp_path / "served"))  # a complete index again


def test_search_in_a_session_finds_the_edit_and_not_the_old_text(
        session: Session, project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
        browser) -> None:  # type: ignore[no-untyped-def]
    from podium.engine.preview import serve

    folder, served = project / "statements", tmp_path / "served"
    session.build(caplog)
    (folder / "s03.md").write_text(_statement(3, "Mr. President,\n\nzzqqedit replaces the text.\n"),
                                   encoding="utf-8")
    (folder / "s06.md").unlink()
    session.build(caplog)
    tab = browser.new_page()
    results = "#podium-search .podium-result__title"
    with serve(served) as base:
        tab.goto(f"{base}search/")
        tab.locator("#podium-search .podium-search__query").fill("zzqqedit")
        tab.locator(results).first.wait_for(timeout=15_000)
        assert tab.locator(results).all_inner_texts() == ["Statement 3"]
        tab.locator("#podium-search .podium-search__query").fill("resolution")
        tab.wait_for_function(f"document.querySelectorAll('{results}').length >= 9", timeout=15_000)
        tab.wait_for_timeout(500)
        titles = tab.locator(results).all_inner_texts()
        tab.screenshot(path=str(tmp_path / "serve-search.png"), full_page=True)
    tab.close()
    # s03 no longer says it, s06 is gone; the report (r01) says it too
    expected = {f"Statement {n}" for n in range(10) if n not in (3, 6)} | {"Report on statement 2"}
    assert sorted(titles) == sorted(expected)


def test_mkdocs_serve_shows_an_edit_an_addition_and_a_deletion(project: Path, tmp_path: Path) -> None:
    """The real server: the statements folder watched with file events
    (podium.mkdocs.watch), each change served after its rebuild, nothing left
    behind when it stops."""
    import os
    import signal
    import socket
    import subprocess
    import tempfile
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)}
    # Ctrl-C as in a terminal: a test run in the background (`cmd &` in a script)
    # inherits SIGINT ignored, and the server then never stopped.
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                               "-a", f"127.0.0.1:{port}"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))

    def served(path: str, check: object, limit: float = 60) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=30) as r:
                    status, body = r.status, r.read().decode("utf-8")
            except urllib.error.HTTPError as exc:
                status, body = exc.code, ""
            except OSError:
                status, body = 0, ""
            if check(status, body):  # type: ignore[operator]
                return
            time.sleep(0.1)
        raise AssertionError(f"{path} not as expected after {limit} s")

    folder = project / "statements"
    try:
        served("statements/2010/s03/", lambda status, _: status == 200)
        time.sleep(1)
        (folder / "s03.md").write_text(_statement(3, "Mr. President,\n\nzzqqserved now.\n"), encoding="utf-8")
        served("statements/2010/s03/", lambda _, body: "zzqqserved" in body)
        (folder / "s11.md").write_text(_statement(11), encoding="utf-8")
        served("statements/2012/s11/", lambda status, _: status == 200)
        (folder / "s11.md").unlink()
        served("statements/2012/s11/", lambda status, _: status == 404)
        served("pagefind/podium-bundles.json", lambda _, body: "en-edits/" in body)
        # The folder removed and made again (a checkout, a sync tool): watched anew.
        import shutil

        shutil.move(folder, project / "statements-old")
        time.sleep(1)
        shutil.copytree(project / "statements-old", folder)
        (folder / "s03.md").write_text(_statement(3, "Mr. President,\n\nzzqqagain.\n"), encoding="utf-8")
        served("statements/2010/s03/", lambda _, body: "zzqqagain" in body)
        (folder / "s03.md").write_text(_statement(3, "Mr. President,\n\nzzqqthird.\n"), encoding="utf-8")
        served("statements/2010/s03/", lambda _, body: "zzqqthird" in body)
    except AssertionError as exc:  # what the server said, to tell why
        server.kill()
        raise AssertionError(f"{exc}; the server said:\n{server.communicate(timeout=60)[1]}") from None
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)  # Ctrl-C
    _, errors = server.communicate(timeout=60)
    assert "Traceback" not in errors, errors
    assert "podium: watching statements with file events" in errors
    assert list(temp.iterdir()) == []  # the served site and the one set aside are gone
    assert not tempfile.gettempdir().startswith(str(temp))


def test_a_save_during_a_rebuild_is_never_lost(
        session: Session, project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An outside tester's find: a second save 0.25 s after the first, while the
    first's rebuild ran, left the first version served and kept in the build cache
    under the key of the second (the key was hashed from the file read again)."""
    from podium.mkdocs.generated import Pages

    folder = project / "statements"
    session.build(caplog)
    (folder / "s03.md").write_text(_statement(3, "Mr. President,\n\nfirstsave text.\n"), encoding="utf-8")
    real = Pages.add_files
    saved: list[bool] = []

    def save_meanwhile(self: Pages, *args: object) -> object:
        if not saved:  # the second save lands after the files were read, before the pages are made
            (folder / "s03.md").write_text(_statement(3, "Mr. President,\n\nsecondsave, longer text.\n"),
                                           encoding="utf-8")
            saved.append(True)
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Pages, "add_files", save_meanwhile)
    session.build(caplog)  # built from the first save
    monkeypatch.undo()
    served = tmp_path / "served"
    assert "firstsave" in (served / "statements/2010/s03/index.html").read_text(encoding="utf-8")
    session.build(caplog)  # the second save's rebuild
    assert "secondsave" in (served / "statements/2010/s03/index.html").read_text(encoding="utf-8")
    _same_as_cold(project, served, tmp_path, "second save")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "after")  # the build cache holds no stale page
    assert result.returncode == 0, result.stderr
    assert "secondsave" in (tmp_path / "after/statements/2010/s03/index.html").read_text(encoding="utf-8")


KEPT = re.compile(r"(\d+) page\(s\) kept as the last build made them, not handed to MkDocs")


def test_a_rebuild_hands_mkdocs_only_the_pages_it_remakes(
        session: Session, project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A serve rebuild gives MkDocs the pages whose key changed and keeps the others
    out of its loops (podium.mkdocs.deferred.keeper); a hand-written page's link to
    a kept page still resolves, strict mode stays clean, and the site is the cold
    build's, sitemap included."""
    from mkdocs.commands import build as mkdocs_build

    (project / "docs" / "about.md").write_text(
        "# About\n\nSee [statement 4](statements/2011/s04.md) and [its delegation](delegations/bra.md).\n",
        encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    (project / "mkdocs.yml").write_text(yaml.safe_dump({**config, "strict": True}), encoding="utf-8")
    folder, served = project / "statements", tmp_path / "served"
    session.build(caplog)
    assert not KEPT.search(caplog.text)  # (nothing to keep in a first build)

    read: list[str] = []
    real = mkdocs_build._populate_page

    def populate(page, *args, **kwargs):  # type: ignore[no-untyped-def]
        read.append(page.file.src_uri)
        return real(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_populate_page", populate)
    (folder / "s03.md").write_text(_statement(3, "Mr. President,\n\nzzqqkept one edit.\n"), encoding="utf-8")
    total, _ = session.build(caplog)
    kept = KEPT.search(caplog.text)
    assert kept, caplog.text
    remade = {uri for uri in read if uri.startswith(("statements/", "delegations/", "topics/"))}
    assert "statements/2010/s03.md" in remade and "statements/2011/s04.md" not in remade
    assert int(kept[1]) == total - 1  # (every generated page out of the nav but s03's)
    assert "excluded" not in caplog.text and "WARNING" not in caplog.text
    about = (served / "about/index.html").read_text(encoding="utf-8")
    assert 'href="../statements/2011/s04/"' in about and 'href="../delegations/bra/"' in about
    _same_as_cold(project, served, tmp_path, "edit")

    read.clear()  # a new title: the listings that show it are made again, the rest kept
    (folder / "s03.md").write_text(_statement(3, "Mr. President,\n\nzzqqkept one edit.\n",
                                              title="Statement three"), encoding="utf-8")
    session.build(caplog)
    assert {"delegations/vnm.md", "topics/health.md"} <= set(read)
    assert "delegations/bra.md" not in read
    _same_as_cold(project, served, tmp_path, "retitle")


def test_a_kept_page_the_last_site_cannot_give_back_is_made(
        session: Session, project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A page kept out of MkDocs' loop whose copy cannot be moved back from the last
    site is made like any other, and the site is still the cold build's."""
    from podium.mkdocs.reuse import Previous

    folder, served = project / "statements", tmp_path / "served"
    session.build(caplog)
    real = Previous._move
    monkeypatch.setattr(Previous, "_move", lambda self, path: "s04" not in path and "2011" not in path
                        and real(self, path))
    (folder / "s03.md").write_text(_statement(3, "Mr. President,\n\nzzqqlost one.\n"), encoding="utf-8")
    session.build(caplog)
    assert KEPT.search(caplog.text), caplog.text
    assert "zzqqlost" in (served / "statements/2010/s03/index.html").read_text(encoding="utf-8")
    assert (served / "statements/2011/s04/index.html").is_file()
    _same_as_cold(project, served, tmp_path, "lost")
