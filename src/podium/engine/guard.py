"""What a build may replace and what it may read: the rules both adapters (the
MkDocs plugin and the Zensical path) check before any work, each failure one
line naming the option or the file and the fix.

- The site folder is replaced whole by every build. It may not be the
  project, a parent of it, a hidden folder of it (`.git`), nor be, hold or sit
  inside the statements or docs folder; one that already holds files must be a
  site a build made (Podium's mark, or a home page a generator signed beside
  its sitemap), never a folder of someone's own files. Folders are compared
  by identity (podium.base.paths.within), not by spelling.
- The docs folder is published as it is, and MkDocs (or the copy made for
  Zensical) follows links: an entry that links outside the project, into a
  hidden folder of it, into the statements, site or cache folder (the raw,
  unchecked statement files) is refused, and so is anything that is not a
  file or a folder (a FIFO would hang the copy).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from podium.base.paths import within

MARK = ".podium-site"
"""Written into every site folder a build publishes: the folder is a site, safe to replace."""
MARK_TEXT = "A site built by Podium: the next build replaces it whole (its hidden entries kept).\n"


def site_problem(site_dir: Path, project: Path, statements: Path, docs: Path,
                 option: str = "site_dir") -> str | None:
    """Why the site folder cannot be replaced by a build, if it cannot."""
    site = site_dir.resolve()  # (a link is judged by where it points: its target is emptied)
    project, statements, docs = project.resolve(), statements.resolve(), docs.resolve()
    if site.exists() and not site.is_dir():
        return (f"`{option}: {site_dir}` is a file ({site}), not a folder; a build replaces its site folder "
                "whole: give it a new or empty folder, e.g. `site`")
    if within(project, site) is not None:
        what = "the project" if within(site, project) is not None else "a parent of the project"
        return (f"`{option}: {site_dir}` is {what} ({site}); a build replaces its site folder whole: "
                "use a folder of its own, e.g. `site`")
    top = within(site, project)
    if top is not None and any(p.startswith(".") for p in site.relative_to(top).parts):
        return (f"`{option}: {site_dir}` is a hidden folder of the project ({site}); a build replaces its "
                "site folder whole: use a folder of its own, e.g. `site`")
    for what, where in (("the statements folder", statements), ("the docs folder", docs)):
        inside, holds = within(site, where) is not None, within(where, site) is not None
        if inside or holds:
            how = "is" if inside and holds else "holds" if holds else "is inside"
            return (f"`{option}: {site_dir}` {how} {what} ({where}); a build replaces its site folder whole: "
                    "use a folder of its own beside them, e.g. `site`")
    if site.is_dir() and not _a_site(site):
        found = sorted(p.name for p in site.iterdir() if not p.name.startswith("."))
        if found:
            shown = ", ".join(found[:3]) + (", …" if len(found) > 3 else "")
            return (f"`{option}: {site_dir}` ({site}) holds files that are not a built site ({shown}); "
                    "a build replaces its site folder whole: give it a new or empty folder")
    return None


def _a_site(folder: Path) -> bool:
    """Whether a folder is a site a build made: Podium's mark, or a home page that a
    generator signed (`<meta name="generator" content="mkdocs-…">`, as MkDocs, ProperDocs
    and Zensical write it) beside its sitemap. A Jekyll source folder has an index.html
    and a sitemap.xml too, and was taken for a site."""
    if (folder / MARK).is_file():
        return True
    index, sitemap = folder / "index.html", folder / "sitemap.xml"
    if not (index.is_file() and not index.is_symlink() and sitemap.is_file()):
        return False
    with index.open("rb") as f:
        head = f.read(16_384).lower()
    return re.search(rb'<meta name="generator" content="(mkdocs|properdocs|zensical)-', head) is not None


def mark(site: Path) -> None:
    """Mark a published site folder as one (hidden: kept, never published by a server that hides dotfiles)."""
    path = site / MARK
    if not path.is_file():
        path.write_text(MARK_TEXT, encoding="utf-8")


def docs_problems(docs: Path, project: Path, keep_out: Iterable[tuple[str, Path]],
                  what: str = "the docs folder") -> list[str]:
    """Every entry of a published folder (the docs, a theme's custom_dir) a build must
    not publish: the folder itself outside the project or in a hidden folder of it;
    links outside the project, into a hidden folder of it or into one of `keep_out`
    (what, where); anything that is neither a file nor a folder. Linked folders are
    entered as the generators enter them (each real folder once), and hidden
    entries are judged too (`exclude_docs` can publish them; Zensical copies them)."""
    project = project.resolve()
    kept = [(name, where.resolve()) for name, where in keep_out]
    real = docs.resolve()
    why = _link_problem(real, project, kept) if within(project, real) is None else "the project itself"
    if why:
        return [f"{what} ({docs}) is {why.removeprefix('into ')}: a generator publishes what it holds; "
                "use a folder of the project's own"]
    lines: list[str] = []
    seen: set[Path] = set()
    for folder, dirs, files in os.walk(docs, followlinks=True):
        here = Path(folder)
        if here.resolve() in seen:  # (a link back up: each real folder once)
            dirs[:] = []
            continue
        seen.add(here.resolve())
        for name in sorted([*dirs, *files]):
            path = here / name
            shown = f"{docs.name}/{path.relative_to(docs).as_posix()}"
            try:
                info = path.lstat()
            except OSError:
                continue
            if stat.S_ISLNK(info.st_mode):
                target = path.resolve()
                why = _link_problem(target, project, kept)
                if why:
                    lines.append(f"{shown}: a link to {target}, {why}; it would be published: remove the "
                                 "link, or copy the file in")
                    if name in dirs:
                        dirs.remove(name)
            elif name == ".git":  # (a repository's config holds credentials; exclude_docs can publish it)
                lines.append(f"{shown}: a git repository inside {docs.name}/, whose config may hold "
                             "credentials: move it out")
                if name in dirs:
                    dirs.remove(name)
            elif not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
                lines.append(f"{shown}: not a file or a folder (a FIFO, socket or device): remove it from "
                             f"{docs.name}/")
    return lines


def _link_problem(real: Path, project: Path, kept: list[tuple[str, Path]]) -> str | None:
    top = within(real, project)
    if top is None:
        return "outside the project"
    if any(p.startswith(".") for p in real.relative_to(top).parts):
        return "a hidden file of the project"
    for what, where in kept:
        if within(real, where) is not None or within(where, real) is not None:
            return f"into {what}"
    if not (real.is_file() or real.is_dir()):
        return "to something that is not a file or a folder"
    return None


def overlap_problem(statements: Path, docs: Path, option: str) -> str | None:
    """Statements inside the docs folder (or the other way round) would be published raw."""
    folder, docs_folder = statements.resolve(), docs.resolve()
    if within(folder, docs_folder) is not None or within(docs_folder, folder) is not None:
        return (f"`statements_dir: {option}` and the docs folder ({docs}) overlap: the generator would also "
                "publish each statement file raw, unchecked; keep statements in a folder of their own "
                "beside docs/")
    return None
