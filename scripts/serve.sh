#!/usr/bin/env bash
# One command on a fresh machine: set up, then serve the site with live reload
# at http://127.0.0.1:8000/ (edits in statements/ and docs/ rebuild it).
# `bash scripts/serve.sh build` writes the static site to site/ instead.
# Other arguments go to mkdocs: `bash scripts/serve.sh -a 127.0.0.1:8765`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
case "${1:-serve}" in
  build) .venv/bin/mkdocs build --strict "${@:2}" ;;
  serve) .venv/bin/mkdocs serve "${@:2}" ;;
  *)     .venv/bin/mkdocs serve "$@" ;;
esac
