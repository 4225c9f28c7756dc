#!/usr/bin/env bash
# Set up a fresh machine: a virtual environment in .venv with Podium installed
# (editable, with the `import` extra) and, with --test, the test tools and Debian's Chromium for the
# browser tests. Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
if [[ "${1:-}" == "--test" ]]; then
  .venv/bin/python -m pip install --quiet -e ".[test]"
  if [[ ! -x /usr/bin/chromium ]]; then
    SUDO=""
    [[ "$(id -u)" == 0 ]] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
else
  .venv/bin/python -m pip install --quiet -e ".[import]"
fi
