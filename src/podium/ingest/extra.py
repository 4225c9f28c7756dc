"""`podium import` needs libraries the site build does not: they are the optional extra
`podium[import]`, so that a site that only builds does not install them. Without them the
command stops at once with one line that names the extra, instead of a traceback halfway."""

from __future__ import annotations

from importlib.util import find_spec

IMPORT_MODULES = {"bs4": "beautifulsoup4", "docx": "python-docx", "pypdf": "pypdf",
                  "langdetect": "langdetect", "rich": "rich", "charset_normalizer": "charset-normalizer"}
"""Module → the distribution that provides it, as listed under `import` in pyproject.toml."""


def missing() -> list[str]:
    """The distributions of the import extra that are not installed."""
    return [dist for module, dist in IMPORT_MODULES.items() if find_spec(module) is None]


def problem() -> str | None:
    """One line saying what to install, or None when everything is there."""
    absent = missing()
    if not absent:
        return None
    return (f"podium import: needs the import extra (missing: {', '.join(absent)}); "
            "install it with: pip install 'podium[import]'")
