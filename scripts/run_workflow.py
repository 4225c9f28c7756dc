"""Run a GitHub Actions workflow's shell steps here, in the same order.

    python scripts/run_workflow.py .github/workflows/deploy.yml [--job build ...] [--dry-run]

No runner is reachable from the build machines, so this is how the workflow's
commands are proven locally: it reads the jobs' steps, skips the `uses:`
steps (checkout, setup-python, Pages upload) and runs every `run:` step with
bash, with the workflow's `env:` (PODIUM_CHROMIUM is left to this machine),
and prints each step's time. By default it runs the jobs that run the
project's commands, in the order their `needs:` give, leaving out `changes`
(which reads the push's commits): `--job build` alone is what a push that
changes only statements/ or docs/ runs. Run it inside the project's virtual
environment (scripts/setup.sh --test).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml


def load(path: Path) -> dict[str, Any]:
    # PyYAML reads the key `on:` as the boolean True; the workflow means "on".
    data: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def commands(workflow: dict[str, Any], job: str) -> list[tuple[str, str]]:
    """(name, command) of each `run:` step of `job`, in order."""
    steps = workflow["jobs"][job]["steps"]
    return [(s.get("name", s["run"]), s["run"]) for s in steps if "run" in s]


def order(workflow: dict[str, Any]) -> list[str]:
    """The jobs with `run:` steps, each after the jobs it needs, `changes` left out."""
    jobs: dict[str, Any] = workflow["jobs"]
    done: list[str] = []

    def visit(name: str) -> None:
        needs = jobs[name].get("needs", [])
        for other in [needs] if isinstance(needs, str) else needs:
            visit(other)
        if name not in done:
            done.append(name)

    for name in jobs:
        visit(name)
    return [j for j in done if j != "changes" and any("run" in s for s in jobs[j]["steps"])]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("workflow", type=Path)
    p.add_argument("--job", action="append", help="a job to run (repeatable); default: all, in order")
    p.add_argument("--dry-run", action="store_true", help="print the commands only")
    args = p.parse_args()
    workflow = load(args.workflow)
    env = {**os.environ, **{k: str(v) for k, v in workflow.get("env", {}).items()
                            if k != "PODIUM_CHROMIUM"}}
    started = time.monotonic()
    for job in args.job or order(workflow):
        for name, command in commands(workflow, job):
            print(f"== {job}: {name}: {command}", flush=True)
            if args.dry_run:
                continue
            begun = time.monotonic()
            result = subprocess.run(["bash", "-eo", "pipefail", "-c", command], env=env, check=False)
            print(f"   {time.monotonic() - begun:.1f} s", flush=True)
            if result.returncode != 0:
                print(f"step failed: {name} (exit {result.returncode})", file=sys.stderr)
                return result.returncode
    print(f"== all steps: {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
