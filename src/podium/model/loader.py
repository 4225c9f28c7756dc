"""Read statement files: Markdown with YAML front matter, validated against
the schema. Every failure becomes a Problem with file, line, field and hint;
loading never stops at the first bad file.
"""

from __future__ import annotations

import difflib
import os
import re
import types
import typing
import unicodedata
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from podium.base import parallel
from podium.base.buildcache import digest
from podium.model import matter, yamlsafe
from podium.model.problems import Problem, Severity, printable
from podium.model.schema import StatementMeta

BOM = "\ufeff"


@dataclass(frozen=True)
class Statement:
    """One validated statement: its metadata, its Markdown body and where it came from."""

    meta: StatementMeta
    body: str
    path: Path
    """Path relative to the statements directory (edit links, URLs)."""
    shown: str
    """Path as shown in messages: the statements directory's name, then `path`."""
    body_line: int
    """Line of the file on which the body starts."""
    key_lines: dict[tuple[Any, ...], int] = field(default_factory=dict, compare=False, repr=False)
    """Line of each front-matter key path, for messages about this file."""
    digest: str = field(default="", compare=False, repr=False)
    """A hash of the file's bytes it was parsed from (the build cache's keys)."""
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Values computed from the statement alone (a listing's sort key, the sitemap's
    date, the hash of its metadata), kept with it: `mkdocs serve` keeps an unchanged
    file's Statement from one rebuild to the next (`Memo`), so each is computed once
    a session, not once a build. A Statement is never changed once loaded."""

    def line(self, *loc: Any) -> int:
        """Line of the key at `loc` (or of its nearest parent) in the file."""
        return _line(loc, self.key_lines)

    @property
    def source_digest(self) -> str:
        """A hash of the bytes it was parsed from (of its fields, if it was parsed
        from a string): never of the file read again, which a save during the build
        may have changed (a page of the old text was once kept under the key of the
        new one)."""
        return self.digest or digest(self.meta.model_dump_json(), self.body)


@dataclass
class Loaded:
    statements: list[Statement] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


LOAD_BATCH = 200
"""Files per task when loading in several processes."""


Signature = tuple[int, int, int, int]
"""What changes whenever a file's bytes do (an editor's save sets its times):
modification and change times, size, inode."""


@dataclass
class Memo:
    """The files an earlier load in this process read, each with the signature
    it had then (`Signature`, taken before reading): `mkdocs serve` keeps one
    from rebuild to rebuild, so that a rebuild parses only the files that
    changed (1 s per 1,000 speeches otherwise)."""

    files: dict[Path, tuple[Signature, Statement | list[Problem]]] = field(default_factory=dict)
    """By path relative to `root`."""
    root: Path | None = None


def load_dir(root: Path, workers: int = 1, memo: Memo | None = None) -> Loaded:
    """Load every `*.md` under `root`, in path order; other files get a warning.
    With workers > 1 the files are parsed in that many processes (podium.base.parallel);
    with a memo, a file whose signature is the one recorded there is not read again."""
    result = Loaded()
    paths: list[Path] = []
    signatures: dict[Path, Signature | None] = {}
    seen: dict[str, Path] = {}
    for rel, entry in _files(root, result.problems):
        path = root / rel
        if rel.name.startswith(".") and path.suffix != ".md":
            if rel.name not in QUIET:
                result.problems.append(_skipped(root, rel, "a hidden file, not read", "statements are "
                                                "*.md files with a name not starting with '.'"))
            continue
        if entry.is_symlink():  # (linked folders are not entered)
            try:
                path.resolve().relative_to(root.resolve())
            except (OSError, ValueError):
                result.problems.append(Problem(
                    _show(root, rel), None, None, "a link to a file outside the statements folder, ignored",
                    "copy the file into the statements folder if it is meant to be published",
                    Severity.WARNING))
                continue
        if path.suffix != ".md":
            result.problems.append(
                Problem(
                    _show(root, rel), None, None, "not a Markdown file, ignored",
                    "statements are *.md files; move other files out of the statements folder",
                    Severity.WARNING,
                )
            )
            continue
        if problem := _name_problem(root, rel):
            result.problems.append(problem)
            continue
        folded = unicodedata.normalize("NFC", rel.as_posix()).casefold()
        if folded in seen:  # (one replaces the other on macOS and Windows, and in a checkout there)
            result.problems.append(Problem(
                _show(root, rel), None, None,
                f"differs from {_show(root, seen[folded])} only in the case or form of its letters; "
                "macOS and Windows keep only one of the two", "rename one of them"))
            continue
        seen[folded] = rel
        paths.append(rel)
        if memo is not None:
            signatures[rel] = _signature(entry)
    found: dict[Path, Statement | list[Problem]] = {}
    if memo is not None:
        if memo.root != root:  # (another statements folder: nothing of the last one holds)
            memo.files, memo.root = {}, root
        for rel, sig in signatures.items():
            kept = memo.files.get(rel)
            if kept is not None and sig is not None and kept[0] == sig:
                found[rel] = kept[1]
    missing = [rel for rel in paths if rel not in found]
    for chunk in parallel.run(partial(_load_files, root), parallel.batches(missing, LOAD_BATCH), workers):
        found.update(chunk)
    if memo is not None:  # (signatures taken before reading: a file saved meanwhile is read again)
        memo.files = {rel: (sig, found[rel]) for rel, sig in signatures.items() if sig is not None}
    for rel in paths:
        loaded = found[rel]
        if isinstance(loaded, Statement):
            result.statements.append(loaded)
        else:
            result.problems.extend(loaded)
    return result


def _files(root: Path, skipped: list[Problem] | None = None) -> list[tuple[Path, os.DirEntry[str]]]:
    """Every file under `root` (path relative to it, and its directory entry), in
    path order; what is not entered or not a file (a hidden or linked folder, a
    link to nothing, a FIFO, a device) is named in `skipped`, with why. One
    directory scan per folder, no stat per file (0.1 s for the corpus's 11,108
    files, where pathlib's rglob and is_file took 0.5 s)."""
    found: list[tuple[tuple[str, ...], os.DirEntry[str]]] = []
    folders: list[tuple[str, ...]] = [()]
    out = skipped if skipped is not None else []
    while folders:
        parts = folders.pop()
        with os.scandir(root.joinpath(*parts)) as entries:
            for entry in entries:
                rel = Path(*parts, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        folders.append((*parts, entry.name))
                    elif entry.name not in QUIET:
                        out.append(_skipped(root, rel, "a hidden folder, not read",
                                            "move statements out of it to publish them"))
                elif entry.is_file():
                    found.append(((*parts, entry.name), entry))
                elif entry.is_symlink():
                    what = ("a link to a folder, not entered" if entry.is_dir() else
                            "a link to nothing, ignored" if not os.path.lexists(os.path.realpath(entry.path))
                            else "a link to something that is not a file, ignored")
                    out.append(_skipped(root, rel, what, "put the files themselves in the statements folder"))
                else:
                    out.append(_skipped(root, rel, "not a regular file (a FIFO, socket or device), ignored",
                                        "remove it from the statements folder"))
    found.sort(key=lambda item: item[0])
    return [(Path(*parts), entry) for parts, entry in found]


QUIET = frozenset({".git", ".DS_Store", ".gitkeep", ".gitignore", ".gitattributes"})
"""Hidden entries every folder may hold, skipped without a word."""


def _skipped(root: Path, rel: Path, what: str, hint: str) -> Problem:
    return Problem(_show(root, rel), None, None, what, hint, Severity.WARNING)


def _signature(entry: os.DirEntry[str]) -> Signature | None:
    try:
        s = entry.stat()
    except OSError:
        return None
    return s.st_mtime_ns, s.st_ctime_ns, s.st_size, s.st_ino


def _load_files(root: Path, rels: list[Path]) -> list[tuple[Path, Statement | list[Problem]]]:
    return [(rel, load_file(root, rel)) for rel in rels]


def _show(root: Path, rel: Path) -> str:
    """The file's path for messages: a name's control, direction-override and
    undecodable characters written as escapes, so that a message shows them
    and cannot restyle or reorder a terminal."""
    return printable((Path(root.name) / rel).as_posix())


_SAFE_NAME = re.compile(r"[^\W][\w.-]*")
"""A path part that servers, URLs and shells take as it is: letters, digits, _ . -,
not starting with - or ."""


def _name_problem(root: Path, rel: Path) -> Problem | None:
    """Why a file's name is refused, if it is; names are read in their composed
    form (NFC), so that `café.md` typed on macOS (decomposed) is taken."""
    bad = next((part for part in rel.parts if not _SAFE_NAME.fullmatch(unicodedata.normalize("NFC", part))),
               None)
    if bad is None:
        return None
    if bad == rel.name and bad.startswith(".") and _SAFE_NAME.fullmatch(bad[1:]):
        return Problem(_show(root, rel), None, None,
                       f"the name {printable(bad)!r} starts with '.', which hides the file from "
                       "file browsers, `ls` and many web servers; it is not published",
                       f"rename it without the leading '.' (e.g. {printable(bad[1:])!r}), named "
                       "after the statement's id; to keep a draft out of the site, move it out of "
                       "the statements folder")
    if bad.startswith("-") and _SAFE_NAME.fullmatch(bad[1:]):
        return Problem(_show(root, rel), None, None,
                       f"the name {printable(bad)!r} starts with '-', which shells and tools read "
                       "as an option", f"rename it without the leading '-' (e.g. {printable(bad[1:])!r})")
    return Problem(_show(root, rel), None, None,
                   f"the name {printable(bad)!r} has characters that web servers, URLs or shells "
                   "treat specially (spaces, quotes, < > & ; $ and the like, or control characters)",
                   "rename it to the statement's id, e.g. vnm-iom-council-114.md: letters, digits, "
                   "'-', '_' and '.'")


UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters a metadata value may not hold: control characters and the bidirectional
overrides and isolates, whose effect runs on past the value into the page."""
INVISIBLE = re.compile("[\u00ad\u180e\u200b\u2060-\u2064\ufeff]"
                       "|(?<=[A-Za-z\u00c0-\u024f\u0370-\u04ff])[\u200c\u200d](?=[A-Za-z\u00c0-\u024f\u0370-\u04ff])")
"""Characters a one-line value may not hold, which show as nothing and cut a word in
two for search and sorting: zero-width space, word joiner, soft hyphen, a BOM; and
the zero-width (non-)joiner between Latin, Greek or Cyrillic letters (in Persian,
Indic scripts and emoji they are spelling, and kept)."""
BODY_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
"""Control characters a text may not hold; tabs, line ends, and the vertical tab
and form feed of PDF copies (read as spaces: podium.text.normalise) it may."""
MAX_NESTING = 40
"""Deepest list or quotation accepted: Python-Markdown recurses once a level and failed
with RecursionError near 300 (the deepest of the corpus's 11,108 speeches is 2)."""
_OPENERS = re.compile(r"(?:[ \t]*+(?:[-*+]|\d{1,9}[.)]|>)(?=[ \t]|$))*+")
"""The list markers and quotation marks that open a line, each once (possessive: linear time)."""


def _nesting(body: str) -> int | None:
    """The offset of the first line nested deeper than MAX_NESTING (by its indentation,
    4 columns a level, or by its run of markers), if any."""
    offset = 0
    for line in body.split("\n"):
        opened = _OPENERS.match(line)
        if opened and opened.end():
            head = opened.group(0)
            levels = sum(1 for _ in re.finditer(r"[-*+>]|\d{1,9}[.)]", head))
            indent = len(head.expandtabs(4)) - len(head.expandtabs(4).lstrip(" "))
            if levels > MAX_NESTING or indent // 4 > MAX_NESTING:
                return offset
        offset += len(line) + 1
    return None


PLACEHOLDERS = frozenset({"…", "...", "Statement by …"})
"""Values `podium new` writes for a person to replace: refused once the file is no draft."""
MULTILINE = frozenset({"summary", "source.heading"})
"""Fields whose value may run over several lines; every other value is one line."""


def _unshowable_hint(char: str) -> str:
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return ("delete it: a text direction override or isolate would reverse the page's own "
                "words around it")
    return "delete it: a control character breaks feeds and citations, and shows as nothing"


MAX_TITLE = 500
"""Longest title accepted, in characters (the longest real ones are about 250)."""
MAX_FIELD = 5_000
"""Longest value of any other field, in characters."""
MAX_FILE_BYTES = 48_000_000
"""Largest file read: the longest text in four-byte characters, and its fields."""
MAX_BODY = 10_000_000
"""Longest text accepted, in characters (a 5 MB text builds; the longest UN General
Debate speech is about 100,000)."""


def _too_long(shown: str, data: dict[Any, Any], lines: dict[tuple[Any, ...], int]) -> list[Problem]:
    """Values over the limits above (a 10 MB title made a 305 MB site)."""
    problems = []
    todo: list[tuple[tuple[Any, ...], Any]] = [((k,), v) for k, v in data.items()]
    while todo:
        loc, value = todo.pop()
        if isinstance(value, dict):
            todo.extend(((*loc, k), v) for k, v in value.items())
        elif isinstance(value, list):
            todo.extend(((*loc, i), v) for i, v in enumerate(value))
        elif isinstance(value, str):
            limit = MAX_TITLE if loc == ("title",) else MAX_FIELD
            if len(value) > limit:
                problems.append(Problem(shown, _line(loc, lines), ".".join(map(str, loc)),
                                        f"{len(value):,} characters, more than the {limit:,} allowed",
                                        "shorten it; long text belongs in the body"))
            elif value.strip() in PLACEHOLDERS and data.get("draft") is not True:
                problems.append(Problem(shown, _line(loc, lines), ".".join(map(str, loc)),
                                        f"is the placeholder {value.strip()!r} that `podium new` wrote",
                                        "fill it in, or delete the line if it does not apply"))
            elif bad := UNSHOWABLE.search(value):
                problems.append(Problem(shown, _line(loc, lines), ".".join(map(str, loc)),
                                        f"holds the invisible character U+{ord(bad[0]):04X}",
                                        _unshowable_hint(bad[0])))
            elif ".".join(map(str, loc)) not in MULTILINE and (bad := INVISIBLE.search(value)):
                problems.append(Problem(shown, _line(loc, lines), ".".join(map(str, loc)),
                                        f"holds the invisible character U+{ord(bad[0]):04X} (column "
                                        f"{bad.start() + 1} of the value)",
                                        "delete it: it shows as nothing and cuts the word in two for "
                                        "search and sorting"))
            elif ".".join(map(str, loc)) not in MULTILINE and any(c in value.strip() for c in "\r\n"):
                problems.append(Problem(shown, _line(loc, lines), ".".join(map(str, loc)),
                                        "holds a line break, but it is one line on the page and in "
                                        "citations", "join its lines (in YAML, `>-` folds a long "
                                        "value written over several lines into one line)"))
    return sorted(problems)


def load_file(root: Path, rel: Path) -> Statement | list[Problem]:
    """Load one statement file; `rel` is its path below `root`."""
    shown = _show(root, rel)
    try:
        with (root / rel).open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)  # never more: a statement is not gigabytes
    except OSError as exc:
        return [Problem(shown, None, None, f"cannot be read: {exc.strerror or exc}",
                        "check the file's permissions and the disk it is on")]
    if len(raw) > MAX_FILE_BYTES:
        return [Problem(shown, None, None, f"the file is larger than {MAX_FILE_BYTES:,} bytes",
                        "a statement's text is at most 10,000,000 characters; split it")]
    utf16 = _utf16(raw)
    if utf16 is not None:
        try:
            text = raw.decode(utf16)
        except UnicodeDecodeError:
            return [Problem(shown, 1, None, f"saved as {utf16.upper()}, with bytes that are not {utf16}",
                            "save the file as UTF-8")]
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            return [Problem(shown, line, None, f"not UTF-8 (byte 0x{raw[exc.start]:02x})",
                            "save the file as UTF-8; it looks like Windows-1252 or Latin-1")]
    loaded = parse(text, shown, rel)
    return replace(loaded, digest=digest(raw)) if isinstance(loaded, Statement) else loaded


def _utf16(raw: bytes) -> str | None:
    """The UTF-16 codec a file is in, if it is (Notepad's "Unicode"): by its byte
    order mark, or without one by the zero bytes of its ASCII characters."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = raw[:4096]
    if len(head) >= 8 and head.count(0) >= len(head) // 4:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > 3 * even:
            return "utf-16-le"
        if even > 3 * odd:
            return "utf-16-be"
    return None


def parse(text: str, shown: str, rel: Path) -> Statement | list[Problem]:
    """Parse the text of a statement file (BOM and CRLF accepted), split and read
    through python-frontmatter with Podium's handler (podium.model.matter), which
    keeps every key's line for messages and the YAML's limits."""
    text = text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")
    try:
        handler, data = matter.read(text)
    except matter.NoFrontMatter:
        return [Problem(shown, 1, None, "no front matter",
                        "start the file with a line '---', the YAML fields, and another '---' line")]
    except matter.NoClosingFence:
        return [Problem(shown, 1, None, "the front matter has no closing '---' line",
                        "end the fields with a line '---' before the text")]
    except yamlsafe.YamlError as exc:  # (YAML's 0-based line n is file line n + 2)
        return [Problem(shown, exc.line + 2 if exc.line is not None else 1, None, exc.message, exc.hint)]
    assert handler.found is not None and handler.parsed is not None
    body, closing_line = handler.found.body, handler.found.closing_line
    body_line = closing_line + 1 + len(body) - len(body.lstrip("\n"))
    lines = {path: line + 2 for path, line in handler.parsed.key_lines.items()}
    if not isinstance(data, dict):
        return [Problem(shown, 2, None, "front matter is not a mapping of fields",
                        "write one 'field: value' per line")]
    problems = _too_long(shown, data, lines)  # every problem of the file, in one run
    if len(body) > MAX_BODY:
        problems.append(Problem(shown, body_line, "body", f"the text has {len(body):,} characters, more "
                                f"than the {MAX_BODY:,} allowed", "split it into several statements"))
    elif control := BODY_CONTROL.search(body):
        problems.append(Problem(shown, closing_line + 1 + body.count("\n", 0, control.start()), "body",
                                f"holds the control character U+{ord(control[0]):04X}, which shows as "
                                "nothing and breaks feeds and data files", "delete it"))
    elif not body.strip():
        problems.append(Problem(shown, closing_line, "body", "the statement has no text",
                                "put the text of the statement below the closing '---' line"))
    elif (deep := _nesting(body)) is not None:
        problems.append(Problem(shown, closing_line + 1 + body.count("\n", 0, deep), "body",
                                f"a list or quotation nested more than {MAX_NESTING} levels deep, which "
                                "Markdown cannot render (it recurses once a level)",
                                "flatten it: real texts nest lists a few levels at most"))
    try:
        meta = StatementMeta.model_validate(data)
    except ValidationError as exc:
        problems.extend(_problem(shown, err, lines) for err in exc.errors())
    if problems:
        return sorted(problems)
    return Statement(meta, body.strip("\n") + "\n", rel, shown, body_line, lines)


def _line(loc: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> int:
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 1


def _problem(shown: str, err: Any, lines: dict[tuple[Any, ...], int]) -> Problem:
    loc = tuple(err["loc"])
    name = ".".join(str(p) for p in loc) or None
    message = str(err["msg"]).removeprefix("Value error, ")
    kind = err["type"]
    hint: str | None = None
    if kind == "missing":
        doc = _field_doc(loc)
        hint = f"add `{loc[-1]}:`" + (f" ({doc})" if doc else "")
    elif kind == "extra_forbidden":
        known = _fields_at(loc[:-1])
        near = difflib.get_close_matches(str(loc[-1]), known, n=1)
        message = f"unknown field {str(loc[-1])!r}"
        hint = f"did you mean {near[0]!r}?" if near else f"known fields: {', '.join(known)}"
    elif kind == "string_type" and isinstance(err.get("input"), bool):
        hint = "quote the value: YAML reads yes/no/on/off/true/false as booleans"
    elif kind.startswith(("date_", "datetime_")):
        hint = "write the date as YYYY-MM-DD, e.g. 2023-11-27"
    elif kind == "string_pattern_mismatch" and loc[-1] == "id":
        hint = "use lowercase letters a-z, digits and single hyphens, e.g. vnm-iom-council-114"
    return Problem(shown, _line(loc, lines), name, message, hint)


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    model: type[BaseModel] | None = StatementMeta
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        info = model.model_fields.get(part)
        model = _find_model(info.annotation) if info else None
    return model


def _find_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _find_model(arg)
            if found:
                return found
    return None


def _fields_at(loc: tuple[Any, ...]) -> list[str]:
    model = _model_at(loc)
    return list(model.model_fields) if model else []


def _field_doc(loc: tuple[Any, ...]) -> str | None:
    model = _model_at(loc[:-1])
    info = model.model_fields.get(str(loc[-1])) if model else None
    return info.description if info else None
