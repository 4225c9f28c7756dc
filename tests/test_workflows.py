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
    assert wf["permissions"] == {}  # each job asks for its own
    assert wf["concurrency"]["group"]
    jobs = wf["jobs"]
    assert list(jobs) == ["changes", "test", "build", "deploy"]
    build, deploy = jobs["build"], jobs["deploy"]
    uses = [s["uses"].split("@")[0] for s in build["steps"] if "uses" in s]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/cache",
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


def test_least_privilege() -> None:
    """Only the deploy job, which runs no code of the repository, may write to Pages;
    no checkout keeps git credentials (issue 25)."""
    for path in WORKFLOWS.glob("*.yml"):
        wf = runner().load(path)
        for name, job in wf["jobs"].items():
            granted = {**wf.get("permissions", {}), **job.get("permissions", {})}
            if name == "deploy":
                assert granted == {"pages": "write", "id-token": "write"}
                assert all("run" not in s and "checkout" not in s.get("uses", "") for s in job["steps"])
            else:
                assert granted == {"contents": "read"}, (path.name, name)
            for step in job["steps"]:
                if "actions/checkout@" in step.get("uses", ""):
                    assert step["with"]["persist-credentials"] is False, (path.name, name)


def test_content_only_pushes_skip_the_code_tests() -> None:
    """A push that changes only statements/ or docs/ runs the content's checks; anything
    else runs the whole suite first (issue 30)."""
    import subprocess

    wf = runner().load(WORKFLOWS / "deploy.yml")
    jobs = wf["jobs"]
    assert jobs["test"]["if"] == "needs.changes.outputs.code == 'true'"
    assert "needs.test.result" in jobs["build"]["if"] and jobs["build"]["needs"] == ["changes", "test"]
    script = jobs["changes"]["steps"][-1]["run"]
    build = [c for _, c in runner().commands(wf, "build")]
    assert [c for c in build if "podium check" in c or "mkdocs build --strict" in c or "linkcheck" in c]
    assert not [c for c in build if "pytest" in c or ".ci/run" in c]
    assert [c for _, c in runner().commands(wf, "test")] == ["bash .ci/run"]

    def decide(tmp: Path, files: list[str], event: str = "push") -> str:
        git = ["git", "-C", str(tmp), "-c", "user.email=t@t", "-c", "user.name=t"]
        subprocess.run([*git, "init", "-q"], check=True)
        (tmp / "README.md").write_text("x", encoding="utf-8")
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-qm", "a"], check=True)
        before = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
        for name in files:
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp / name).write_text("y", encoding="utf-8")
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-qm", "b"], check=True)
        out = tmp / "out"
        env = {"BEFORE": before, "EVENT": event, "GITHUB_OUTPUT": str(out), "PATH": "/usr/bin:/bin"}
        subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=tmp, env=env, check=True,
                       capture_output=True)
        return out.read_text(encoding="utf-8").strip()

    import tempfile

    cases = [(["statements/a.md", "docs/b.md"], "push", "code=false"),
             (["statements/a.md", "src/x.py"], "push", "code=true"),
             (["mkdocs.yml"], "push", "code=true"),
             (["statements/a.md"], "workflow_dispatch", "code=true")]
    for files, event, expected in cases:
        with tempfile.TemporaryDirectory() as tmp:
            assert decide(Path(tmp), files, event) == expected, (files, event)


def test_pull_requests_run_what_ci_runs() -> None:
    checks = runner().load(WORKFLOWS / "checks.yml")
    assert "pull_request" in checks["on"]
    assert [c for _, c in runner().commands(checks, "test")] == ["bash .ci/run"]
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("bash scripts/test.sh")


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
