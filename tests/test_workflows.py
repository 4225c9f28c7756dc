"""The GitHub Actions workflows, checked for the structure Pages needs."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("run_workflow", ROOT / "scripts/run_workflow.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_deploy_workflow_structure() -> None:
    wf = runner().load(WORKFLOWS / "deploy.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in wf["on"]
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert wf["concurrency"]["group"]
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    uses = [s["uses"].split("@")[0] for s in build["steps"] if "uses" in s]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/cache", "actions/configure-pages",
                    "actions/upload-pages-artifact"]
    # The build cache is kept between runs, outside the published site.
    cache = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/podium" and "github.sha" in cache["with"]["key"]
    assert cache["with"]["restore-keys"].strip() in cache["with"]["key"]
    setup = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    upload = build["steps"][-1]
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_commands_run_in_order_check_test_build() -> None:
    cmds = [c for _, c in runner().commands(runner().load(WORKFLOWS / "deploy.yml"), "build")]
    order = ["pip install", "podium check", "pytest", "mkdocs build --strict", "podium linkcheck"]
    positions = [next(i for i, c in enumerate(cmds) if key in c) for key in order]
    assert positions == sorted(positions)


def test_pull_requests_get_the_same_checks_without_deploying() -> None:
    r = runner()
    checks, deploy = r.load(WORKFLOWS / "checks.yml"), r.load(WORKFLOWS / "deploy.yml")
    assert "pull_request" in checks["on"]
    assert list(checks["jobs"]) == ["build"]
    assert "pages" not in checks["permissions"]
    assert r.commands(checks, "build") == r.commands(deploy, "build")


def test_every_action_is_pinned_to_a_commit() -> None:
    r = runner()
    for path in WORKFLOWS.glob("*.yml"):
        for job in r.load(path)["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    assert PINNED.match(step["uses"]), (path.name, step["uses"])


def test_statement_pages_link_to_their_source_for_editing(built_site: Path) -> None:
    from conftest import STATEMENT_ID, page

    edit = page(built_site, f"statements/2023/{STATEMENT_ID}/").select_one("a.md-content__button")
    assert edit["href"] == ("https://github.com/podium-archive/podium/edit/main/statements/"
                            f"{STATEMENT_ID}.md")
    assert page(built_site, "delegations/").select_one("a.md-content__button") is None
