#!/usr/bin/env bash
# Set up a fresh machine: a virtual environment in .venv with Podium installed
# (editable, with the `import` extra) and, with --test, the test tools and Debian's Chromium for the
# browser tests. Safe to run again: it installs only when pyproject.toml (or the
# extras asked for) changed since the last install, so a set-up machine starts at once.
set -euo pipefail
cd "$(dirname "$0")/.."

extras="import"
[[ "${1:-}" == "--test" ]] && extras="test"
stamp=".venv/.podium-installed"
want="$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open("pyproject.toml","rb").read()).hexdigest())') $extras"
have="$(cat "$stamp" 2>/dev/null || true)"
# (an install with the test extra has the import extra too)
if [[ "$have" != "$want" && "$have" != "${want% *} test" ]] || [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[$extras]"
  echo "$want" > "$stamp"
fi
if [[ "$extras" == "test" && ! -x /usr/bin/chromium && ! -x "${PODIUM_CHROMIUM:-/nonexistent}" ]]; then
  SUDO=""
  [[ "$(id -u)" == 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
