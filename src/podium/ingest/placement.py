"""Where `podium import` and `podium new` may write a statement file.

Writing must never lose a statement: a file is only replaced (with --force)
when it holds the statement with the same id, wherever that file is in the
statements folder; a file whose name matches but whose id is another
statement's is never replaced; an id is a slug, so a path cannot come in
through it; and files are written whole (a temporary file, then a rename), so
a full disk or a killed run leaves the old file, not half a new one.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from podium.model.loader import Loaded, load_dir
from podium.model.schema import ID_PATTERN


class Refused(Exception):
    """The file may not be written; the message says why and what to do."""


@dataclass(frozen=True)
class Existing:
    """What the statements folder holds, read once before writing."""

    loaded: Loaded = field(default_factory=Loaded)
    by_id: dict[str, Path] = field(default_factory=dict)
    """The file of each valid statement, by id, in sub-folders too."""
    ids: dict[Path, str] = field(default_factory=dict)
    """The id each valid statement file holds, by path."""


def survey(out: Path) -> Existing:
    """Every statement under `out` (nothing if the folder does not exist yet)."""
    if not out.is_dir():
        return Existing()
    loaded = load_dir(out)
    by_id: dict[str, Path] = {}
    for st in loaded.statements:
        by_id.setdefault(st.meta.id, out / st.path)
    return Existing(loaded, by_id, {out / st.path: st.meta.id for st in loaded.statements})


def target(out: Path, id_: str, existing: Existing, *, force: bool,
           taken: set[str] | frozenset[str] = frozenset()) -> Path:
    """The file to write the statement `id_` to, or Refused."""
    if not re.fullmatch(ID_PATTERN, id_) or len(id_) > 120:
        raise Refused(f"{id_!r} is not a valid id: use lowercase letters a-z, digits and single hyphens, "
                      "e.g. vnm-iom-council-114")
    if id_ in taken:
        raise Refused(f"another file of this run already has the id {id_!r}; "
                      "import it on its own and give it another id")
    owner = existing.by_id.get(id_)
    if owner is not None:
        if not force:
            raise Refused(f"id {id_!r} exists ({owner}); use --force to overwrite")
        return owner
    path = out / f"{id_}.md"
    if path.exists() or path.is_symlink():
        held = existing.ids.get(path)
        what = (f"holds the statement {held!r}" if held
                else "already exists and does not load as a statement (`podium check` says why)")
        raise Refused(f"{path} {what}; --force only replaces the statement with the same id: "
                      "move that file away or give this statement another id")
    return path


def write(path: Path, text: str) -> None:
    """Write `text` to `path` whole: to a hidden temporary file (the loader skips
    those) in the same folder, then renamed over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
