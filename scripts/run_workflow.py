"""Run a GitHub Actions workflow's shell steps here, in the same order.

    python scripts/run_workflow.py .github/workflows/deploy.yml [--job build] [--dry-run]

No runner is reachable from the build machines, so this is how the workflow's
commands are proven locally: it reads the job's steps, skips the `uses:`
steps (checkout, setup-python, Pages upload) and runs every `run:` step with
bash, with the workflow's `env:` (PODIUM_CHROMIUM is left to this machine).
Run it inside the project's virtual environment (scripts/setup.sh --test).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
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


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("workflow", type=Path)
    p.add_argument("--job", default="build")
    p.add_argument("--dry-run", action="store_true", help="print the commands only")
    args = p.parse_args()
    workflow = load(args.workflow)
    env = {**os.environ, **{k: str(v) for k, v in workflow.get("env", {}).items()
                            if k != "PODIUM_CHROMIUM"}}
    for name, command in commands(workflow, args.job):
        print(f"== {name}: {command}", flush=True)
        if args.dry_run:
            continue
        result = subprocess.run(["bash", "-eo", "pipefail", "-c", command], env=env, check=False)
        if result.returncode != 0:
            print(f"step failed: {name} (exit {result.returncode})", file=sys.stderr)
            return result.returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
