"""podium: keep an archive of diplomatic statements (Markdown files with YAML front
matter in statements/) and check, import and export them. The site itself is
built by plain `mkdocs build` / `mkdocs serve` (or ProperDocs) with the podium
plugin; `podium build` is only for Zensical, which runs no MkDocs plugin.

Each command is a thin shell over the core."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from podium.base import parallel
from podium.engine.linkcheck import check_site
from podium.ingest import placement
from podium.model.collection import build as build_collection
from podium.model.collection import load_collection
from podium.model.problems import printable
from podium.model.schema import Kind, json_schema
from podium.outputs import export
from podium.pages.plan import PathCollision, Site, SiteOptions

if TYPE_CHECKING:
    from podium.ingest import Imported

SCHEMA_FILE = "schema/statement.schema.json"


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every statement; print problems as file:line: field: message (hint)."""
    root = Path(args.path)
    if not root.is_dir():
        print(f"podium check: {root} is not a folder", file=sys.stderr)
        return 2
    from podium.engine.config import read_options
    from podium.pages import pipeline

    # The build's own text check too, so that `check` passes exactly when the build will.
    config = Path(args.config) if args.config else root.resolve().parent / "mkdocs.yml"
    from mkdocs.exceptions import PluginError

    try:
        options = read_options(config)
    except PluginError as exc:  # options no build can use: each on its line, as the build says them
        print(f"{config}: {exc}".replace("\npodium: ", f"\n{config}: podium: "), file=sys.stderr)
        return 1
    prepared = pipeline.prepare(root, options, workers=parallel.default_workers(), plan=True)
    collection = prepared.collection
    errors = collection.errors
    if args.format == "json":
        report = {
            "statements": len(collection),
            "errors": len(errors),
            "problems": [p.as_dict() for p in sorted(collection.problems)],
            "review": {st.shown: list(st.meta.review) for st in collection if st.meta.review},
            "drafts": {st.shown: list(st.meta.review) for st in collection.drafts},
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for problem in sorted(collection.problems):
            print(problem)
        for st in collection:
            if st.meta.review:
                todo = ", ".join(st.meta.review)
                print(printable(f"{st.shown}:{st.line('review')}: review: still to check: {todo} "
                                "(fill them in, then remove them from `review`)"))
        for st in collection.drafts:
            todo = ", ".join(st.meta.review) or "(nothing listed)"
            print(printable(f"{st.shown}:{st.line('draft')}: draft: not published; to fill: {todo} "
                            "(then remove `draft: true`)"))
        files_bad = len({p.path for p in errors})
        drafts = f", {len(collection.drafts)} draft(s) not published" if collection.drafts else ""
        print(f"{len(collection)} valid statement(s){drafts}; {len(errors)} error(s) in {files_bad} file(s)")
    return 1 if errors else 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the front matter, or check the committed copy."""
    text = json_schema()
    if args.check:
        committed = files("podium").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
        if committed != text:
            print(f"podium schema: src/podium/{SCHEMA_FILE} is stale; run "
                  f"`podium schema --out src/podium/{SCHEMA_FILE}`", file=sys.stderr)
            return 1
        return 0
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_linkcheck(args: argparse.Namespace) -> int:
    """Check a built site for broken internal links and #anchors."""
    site = Path(args.site)
    if not site.is_dir():
        print(f"podium linkcheck: {site} is not a folder; run `mkdocs build` first", file=sys.stderr)
        return 2
    site_url = args.site_url
    if site_url is None and Path(args.config).is_file():
        site_url = _site_config(Path(args.config))[0]
    broken = check_site(site, site_url or "")
    for link in broken:
        print(link)
    pages = sum(1 for _ in site.rglob("*.html"))
    print(f"{pages} page(s) checked; {len(broken)} broken link(s)")
    return 1 if broken else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export the collection as JSON, JSON Lines (plain or gzipped) or BibTeX, with
    the text, or its metadata alone as CSV."""
    collection = load_collection(Path(args.statements), parallel.default_workers())
    if collection.errors:
        for problem in collection.errors:
            print(problem, file=sys.stderr)
        print("podium export: fix the errors above first (podium check)", file=sys.stderr)
        return 1
    site_url, site_name = args.site_url, SiteOptions.site_name
    if Path(args.config).is_file():
        config = _site_config(Path(args.config))
        site_url = site_url if site_url is not None else config[0]
        site_name = config[1] or site_name
    site = Site(collection, SiteOptions(site_url=site_url, site_name=site_name))
    content = export.export(collection, args.format, site.routes.statement_url, columns=site.columns,
                            archive=site_name)
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    if args.out:
        Path(args.out).write_bytes(data)
        print(f"{len(collection)} text(s) written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import raw texts (.txt, .md, .html, .docx, .pdf) as statements, inferring their
    front matter. A text that passes `podium check` is written ready; one that lacks what
    the check needs (a date, most often) is written as a draft listing what to fill."""
    from podium.ingest import extra

    if message := extra.problem():
        print(message, file=sys.stderr)
        return 2
    from rich.console import Console
    from rich.progress import track

    from podium.ingest import import_file
    from podium.ingest.presets import PresetError, from_name, name_pattern, parse_set, read_manifest

    console = Console(stderr=False, highlight=False)
    try:
        given = parse_set(args.set or [])
        pattern = name_pattern(args.name_pattern) if args.name_pattern else None
        manifest = read_manifest(Path(args.manifest)) if args.manifest else {}
    except (PresetError, OSError) as exc:
        console.print(f"[red]podium import: {_safe(exc)}[/]")
        return 2
    out = Path(args.out)
    existing = placement.survey(out)
    collection = build_collection(existing.loaded) if out.is_dir() else None
    taken: set[str] = set()
    results = []
    files = [Path(f) for f in args.files]
    quiet = len(files) > 20
    for path in track(files, description="Importing", console=console, disable=len(files) < 5):
        fields = dict(given)
        if pattern is not None:
            named = from_name(pattern, path)
            if named is None:
                console.print(f"[yellow]! {_safe(path)}: name does not fit --name-pattern; "
                              "nothing read from it[/]")
            fields.update(named or {})
        fields.update(manifest.get(path.name, manifest.get(str(path), {})))
        # import_file only reads and infers here; where (and whether) to write is
        # podium.ingest.placement's decision, and a failed write fails this file only.
        result = import_file(path, out, kind=args.kind, force=True, dry_run=True,
                             collection=collection, given=fields)
        if result.draft and not result.error:
            _place(result, out, existing, taken, args)
        if result.draft and not result.error:
            taken.add(result.draft.meta["id"])
        results.append(result)
        if result.error:
            console.print(f"[red]✗ {_safe(path)}[/]: {_safe(result.error)}")
            continue
        if quiet:
            continue
        assert result.draft is not None
        d = result.draft
        verb = "would write" if args.dry_run else "wrote"
        state = "[green]ready[/]" if result.ready else "[yellow]draft[/]"
        console.print(f"{state} {_safe(path)} → {verb} {_safe(result.target)}")
        console.print(f"    inferred: {', '.join(dict.fromkeys(d.inferred))}")
        if d.meta.get("review"):
            console.print(f"    [yellow]to check or fill: {_safe(', '.join(d.meta['review']))}[/]")
        for note in d.notes:
            console.print(f"    note: {_safe(note)}")
    ready = sum(1 for r in results if r.ready)
    failed = sum(1 for r in results if r.error)
    drafts = len(results) - ready - failed
    console.print(f"{ready} ready, {drafts} draft(s), {failed} failed")
    if drafts:
        console.print(f"Next: fill the fields listed under `review` in the drafts, remove `draft: true`, "
                      f"then run `podium check {out}`. Drafts are listed by the check and the build, "
                      "and not published.")
    elif ready and not args.dry_run:
        console.print(f"Next: run `podium check {out}`, then build.")
    return 1 if failed else 0


def _place(result: Imported, out: Path, existing: placement.Existing, taken: set[str],
           args: argparse.Namespace) -> None:
    """Choose the imported statement's file and write it, or say why not in `result.error`."""
    from podium.ingest import render

    assert result.draft is not None
    try:
        result.target = placement.target(out, result.draft.meta["id"], existing, force=args.force,
                                         taken=taken)
        if not args.dry_run:
            placement.write(result.target, render(result.draft))
    except placement.Refused as exc:
        result.error, result.target = str(exc), None
    except OSError as exc:
        result.error = f"cannot write {result.target}: {exc.strerror or exc}"
        result.target = None


def _safe(text: object) -> str:
    """A file name or message for rich: its markup ([red], [/]) and control
    characters shown as they are, never interpreted."""
    from rich.markup import escape

    return escape(printable(str(text)))


def cmd_new(args: argparse.Namespace) -> int:
    """Scaffold a statement file with every field, commented."""
    import datetime as dt

    from podium.ingest import SCAFFOLD

    text = SCAFFOLD.format(kind=args.kind, id=args.id, today=dt.date.today().isoformat())
    if args.out == "-":
        sys.stdout.write(text)
        return 0
    out = Path(args.out)
    try:
        target = placement.target(out, args.id, placement.survey(out), force=args.force)
        placement.write(target, text)
    except placement.Refused as exc:
        print(f"podium new: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"podium new: cannot write {out / (args.id + '.md')}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {target}; fill in the fields, then run `podium check`")
    return 0


def _site_config(config: Path) -> tuple[str | None, str | None]:
    """site_url and site_name (the archive citations name) from an MkDocs config, read as
    plain YAML (its !tags are kept aside)."""
    from podium.zensical.build import read_config

    data = read_config(config)
    url, name = data.get("site_url"), data.get("site_name")
    return (str(url) if url else None, str(name) if name else None)


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site with a generator that runs no MkDocs plugin (Zensical).
    With MkDocs or ProperDocs, use plain `mkdocs build` / `properdocs build`."""
    from podium.zensical.build import BuildError, build

    try:
        build(Path(args.config_file), Path(args.site_dir), args.generator)
    except (BuildError, PathCollision) as exc:
        print(f"podium build: {exc}", file=sys.stderr)
        return 1
    print(f"podium build: site written to {args.site_dir} with {args.generator}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="podium", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the statements folder", description=cmd_check.__doc__)
    check.add_argument("path", nargs="?", default="statements",
                       help="statements folder (default: statements)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--config", default=None,
                       help="mkdocs.yml whose Markdown extensions the text check uses "
                            "(default: the one next to the statements folder)")
    check.set_defaults(func=cmd_check)
    schema = sub.add_parser("schema", help="the front-matter JSON Schema", description=cmd_schema.__doc__)
    schema.add_argument("--out", help="write to this file instead of standard output")
    schema.add_argument("--check", action="store_true", help="fail if the committed schema is stale")
    schema.set_defaults(func=cmd_schema)
    links = sub.add_parser("linkcheck", help="find broken internal links in a built site",
                           description=cmd_linkcheck.__doc__)
    links.add_argument("site", nargs="?", default="site", help="built site folder (default: site)")
    links.add_argument("--site-url", help="address the site is published at (default: site_url "
                       "from the MkDocs config)")
    links.add_argument("--config", default="mkdocs.yml", help="MkDocs config to read site_url from")
    links.set_defaults(func=cmd_linkcheck)
    exp = sub.add_parser("export", help="the collection as data", description=cmd_export.__doc__)
    exp.add_argument("--format", choices=export.FORMATS, default="json")
    exp.add_argument("--out", help="write to this file instead of standard output")
    exp.add_argument("--statements", default="statements", help="statements folder")
    exp.add_argument("--site-url", help="address of the published site, for the url column "
                     "(default: site_url from the MkDocs config)")
    exp.add_argument("--config", default="mkdocs.yml")
    exp.set_defaults(func=cmd_export)
    imp = sub.add_parser("import", help="import raw texts as statements", description=cmd_import.__doc__)
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--kind", choices=[k.value for k in Kind], help="the kind, if known for all files")
    imp.add_argument("--out", default="statements", help="folder to write to (default: statements)")
    imp.add_argument("--force", action="store_true", help="overwrite a statement with the same id")
    imp.add_argument("--dry-run", action="store_true", help="infer and report, write nothing")
    imp.add_argument("--set", action="append", metavar="KEY=VALUE",
                     help="a field for every file, e.g. --set event.body=\"General Assembly\" "
                     "--set kind=speech")
    imp.add_argument("--name-pattern", metavar="PATTERN",
                     help="fields in file names, e.g. '{delegation}_{session}_{year}.txt' ({_} skips a part)")
    imp.add_argument("--manifest", metavar="CSV", help="a CSV with a `file` column and one column per field")
    imp.set_defaults(func=cmd_import)
    new = sub.add_parser("new", help="scaffold a statement with every field", description=cmd_new.__doc__)
    new.add_argument("--kind", choices=[k.value for k in Kind], default="statement")
    new.add_argument("--id", default="new-statement")
    new.add_argument("--out", default="statements", help="folder, or - for standard output")
    new.add_argument("--force", action="store_true")
    new.set_defaults(func=cmd_new)
    bld = sub.add_parser("build", help="build the site with Zensical (for MkDocs: plain `mkdocs build`)",
                         description=cmd_build.__doc__)
    bld.add_argument("--generator", choices=("zensical",), default="zensical")
    bld.add_argument("-f", "--config-file", default="mkdocs.yml")
    bld.add_argument("-d", "--site-dir", default="site")
    bld.set_defaults(func=cmd_build)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
