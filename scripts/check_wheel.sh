#!/usr/bin/env bash
# Build Podium's wheel, install it in a fresh virtual environment (no editable
# install, no source tree on the path) and build the repository's site with it:
# what a user who runs `pip install podium` gets. Fails if the wheel lacks any
# file of the package that git tracks (a template, a locale, an asset).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" . >/dev/null
wheel="$(ls "$work"/dist/podium-*.whl)"
python3 - "$wheel" <<'PY'
import subprocess, sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
tracked = subprocess.run(["git", "ls-files", "src/podium"], capture_output=True, text=True,
                         check=True).stdout.split()
missing = [p for p in tracked if p.removeprefix("src/") not in names]
if missing:
    sys.exit("wheel lacks: " + ", ".join(missing))
print(f"wheel: {len(names)} files, every tracked package file included")
PY
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$wheel" 2>&1 | grep -v "^WARNING: Location" || true
( cd "$work" && NO_MKDOCS_2_WARNING=1 "$work/venv/bin/mkdocs" build --strict --quiet -f "$OLDPWD/mkdocs.yml" --site-dir "$work/site" )
test -f "$work/site/statements/2023/vnm-iom-council-114/index.html"
"$work/venv/bin/podium" check statements >/dev/null
echo "wheel: installed in a fresh venv, site built from it"
