#!/usr/bin/env bash
# One command on a fresh machine: set up, lint, type-check, check the
# statements, build the site strictly, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1

bash scripts/setup.sh --test
. .venv/bin/activate

echo "== ruff";   ruff check src tests scripts
echo "== mypy";   mypy src
echo "== podium"; podium check statements && podium schema --check
site="$(mktemp -d)"
echo "== mkdocs"; mkdocs build --strict --quiet --site-dir "$site"
echo "== links";  podium linkcheck "$site" --config mkdocs.yml
echo "== pytest"; python -m pytest "$@"
