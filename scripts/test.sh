#!/usr/bin/env bash
# One command on a fresh machine: set up, lint, type-check, check the
# statements, build the site strictly, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --test
. .venv/bin/activate

echo "== ruff";   ruff check src tests scripts
echo "== mypy";   mypy src
echo "== layers"; lint-imports  # the folder map is the dependency order (pyproject: tool.importlinter)
echo "== podium"; podium check statements && podium schema --check
site="$(mktemp -d)"
echo "== mkdocs"; mkdocs build --strict --quiet --site-dir "$site"
echo "== properdocs"; properdocs build --strict --quiet -f mkdocs.yml --site-dir "$(mktemp -d)"
echo "== links";  podium linkcheck "$site" --config mkdocs.yml
echo "== wheel";  bash scripts/check_wheel.sh
echo "== pytest"; python -m pytest "$@"
