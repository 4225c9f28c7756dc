"""`podium import` without its optional extra stops with one line naming what to install,
and the extra in pyproject.toml is the list the importer checks."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from podium.cli import main
from podium.ingest import extra

ROOT = Path(__file__).resolve().parents[2]


def test_import_without_the_extra_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    real = extra.find_spec
    absent = {"pypdf", "langdetect"}
    monkeypatch.setattr(extra, "find_spec", lambda name: None if name in absent else real(name))
    source = tmp_path / "a.txt"
    source.write_text("Geneva, 3 May 2021\n\nWe thank the Chair.\n", encoding="utf-8")
    code = main(["import", str(source), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert "missing: pypdf, langdetect" in err[0] and "pip install 'podium[import]'" in err[0]
    assert not (tmp_path / "out").exists()


def test_the_extra_in_pyproject_is_what_the_importer_checks() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {req.split(">")[0].split("[")[0].strip() for req in project["optional-dependencies"]["import"]}
    assert declared == set(extra.IMPORT_MODULES.values())
    core = {req.split(">")[0].split("[")[0].strip() for req in project["dependencies"]}
    assert not core & declared  # a site that only builds does not install them
    assert extra.problem() is None  # the test environment has them (setup.sh, CI: .[test] pulls them in)
