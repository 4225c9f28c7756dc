#!/usr/bin/env bash
# One command on a fresh machine: set up, then serve the site with live reload
# at http://127.0.0.1:8000/ (edits in statements/ and docs/ rebuild it).
# `bash scripts/serve.sh build` writes the static site to site/ instead.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
if [[ "${1:-serve}" == "build" ]]; then
  .venv/bin/mkdocs build --strict
else
  .venv/bin/mkdocs serve "${@:2}"
fi
