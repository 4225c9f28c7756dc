"""Build the archive with a generator that runs no MkDocs plugin: Zensical.

Zensical, Material's successor, reads mkdocs.yml and Material's settings but
does not import or run third-party plugins, so on its own it would publish no
statement page. `podium build --generator zensical` works around that in three
steps, with the same core as the MkDocs plugin:

1. `stage` writes every generated page as a Markdown file next to a copy of the
   hand-written docs, and a configuration pointing the generator at them;
2. the generator renders them like any page of its own;
3. `finish` does on its output what the plugin does inside MkDocs: Podium's
   HTML in place of the placeholders, statement text sanitised, every word of
   every source checked on its page, <head> metadata, the data files and the
   Pagefind index.

The staged pages carry unsanitised statement text until `finish` has run, so
the staging folder is private to one `build` call and deleted after it.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.resources import files as package_files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from podium.engine import guard, staging
from podium.outputs import search, wordindex
from podium.outputs.indexer import TINY, Indexer
from podium.pages import head, pipeline, render, textcheck
from podium.pages.plan import GeneratedPage, Site, SiteOptions, edit_url
from podium.site import fragments
from podium.site.fragments import Fragment
from podium.text.sanitise import sanitise
from podium.text.verify import missing_words

if TYPE_CHECKING:
    from podium.engine.config import PodiumConfig

ASSETS = ("assets/podium/podium.css", "assets/podium/podium.js")
BEGIN, END = "<!-- podium:page-begin -->", "<!-- podium:page-end -->"
"""Where a generated page's own content starts and ends in the generator's output.
The first BEGIN and the last END are taken: a statement body that writes either
marker sits between the real ones and is sanitised like the rest of its text."""


class BuildError(RuntimeError):
    """The site could not be built; the message says why and what to do."""


@dataclass
class Staged:
    """A staged project: the generator's configuration, and what `finish` needs."""

    folder: Path
    config_file: Path
    site_dir: Path
    site: Site
    repo_url: str | None
    edit_uri: str | None
    docs_name: str
    statements_dir: str
    statements_edit_uri: str | None
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    fragments: dict[str, tuple[Fragment, ...]] = field(default_factory=dict)
    descriptions: dict[str, str | None] = field(default_factory=dict)


class _Tagged:
    """A YAML value with a tag (`!ENV`, `!!python/name:…`), kept as written."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag, self.node = tag, node


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigLoader.add_multi_constructor("", lambda loader, tag, node: _Tagged(tag, node))
_ConfigDumper.add_representer(_Tagged, lambda dumper, value: _retag(value))


def _retag(value: _Tagged) -> yaml.Node:
    node = value.node
    node.tag = value.tag
    return node


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as data; tagged values (`!ENV`, `!!python/name:`) pass through untouched."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise BuildError(f"{path}: cannot read the configuration: {exc}") from exc
    if not isinstance(data, dict):
        raise BuildError(f"{path}: the configuration is not a mapping of settings")
    return data


def podium_options(config: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """The `plugins` list without Podium, and Podium's own options."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: value} if value else name for name, value in plugins.items()]
    others, options = [], None
    for item in plugins:
        name = item if isinstance(item, str) else next(iter(item), None)
        if name == "podium":
            options = {} if isinstance(item, str) else dict(item["podium"] or {})
        else:
            others.append(item)
    if options is None:
        raise BuildError("mkdocs.yml does not enable the podium plugin: add `- podium` under `plugins`")
    return others, options


def plugin_config(config: dict[str, Any]) -> tuple[list[Any], PodiumConfig]:
    """The other plugins, and Podium's options checked as the MkDocs plugin checks them."""
    from podium.engine.config import PodiumConfig  # MkDocs' option checks, shared with the plugin

    plugins, raw = podium_options(config)
    options = PodiumConfig()
    options.load_dict(raw)
    failed, _ = options.validate()
    if failed:
        raise BuildError("; ".join(f"podium: {key}: {err}" for key, err in failed))
    return plugins, options


def site_options_for(config: dict[str, Any], options: PodiumConfig, base: Path = Path(".")) -> SiteOptions:
    """The core's options from mkdocs.yml (in folder `base`) read as data."""
    from podium.engine.config import site_options

    theme = config.get("theme") or {}
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    return site_options(
        options, language=str(theme.get("language") or "en") if isinstance(theme, dict) else "en",
        site_url=config.get("site_url"), directory_urls=config.get("use_directory_urls", True),
        extensions=config.get("markdown_extensions") or [], site_name=str(config.get("site_name")),
        site_description=config.get("site_description"), config_dir=base,
        template_dirs=[str(base / custom_dir)] if isinstance(custom_dir, str) else [])


def stage(config_file: Path, site_dir: Path, folder: Path) -> Staged:
    """Write the project the generator builds into `folder`: the hand-written docs,
    every generated page as Markdown, Podium's assets, and a configuration."""
    config = read_config(config_file)
    base = config_file.parent.resolve()
    plugins, options = plugin_config(config)
    root = base / options.statements_dir
    if not root.is_dir():
        raise BuildError(f"podium: statements folder not found: {root}")
    # the one pipeline (podium.pages.pipeline); the word check runs on each finished page
    prepared = pipeline.prepare(root, pipeline.Options(site=site_options_for(config, options, base),
                                                       invalid=pipeline.Invalid(options.on_invalid)),
                                words=pipeline.Words.WHILE_BUILDING)
    collection, site = prepared.collection, prepared.site
    if prepared.stops:
        raise BuildError("\n".join(str(p) for p in collection.problems))
    for problem in collection.problems:
        print(f"WARNING - {problem}", file=sys.stderr)
    theme = config.get("theme") or {}

    docs = folder / "docs"
    source_docs = base / str(config.get("docs_dir", "docs"))
    shutil.copytree(source_docs, docs)
    staged = Staged(folder, folder / "mkdocs.yml", site_dir.resolve(), site, config.get("repo_url"),
                    config.get("edit_uri"), source_docs.name, options.statements_dir, options.edit_uri)
    for page in _markdown_files(docs):
        text = page.read_text(encoding="utf-8")
        here = page.relative_to(docs).as_posix()
        page.write_text(render.fill_home(text, site.context, here), encoding="utf-8")
    for generated in site.pages():
        if (docs / generated.src_uri).exists():
            raise BuildError(f"docs/{generated.src_uri} is also a generated page; "
                             "rename or remove the hand-written file")
        doc = generated.build()
        meta = dict(doc.meta)
        target = docs / generated.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        page_doc = fragments.Doc([f"{BEGIN}\n", *doc.markdown, f"\n{END}\n"], list(doc.fragments), meta)
        target.write_text(page_doc.text, encoding="utf-8")
        staged.pages[generated.src_uri] = generated
        staged.fragments[generated.src_uri] = tuple(doc.fragments)
        description = meta.get("description")
        staged.descriptions[generated.src_uri] = description if isinstance(description, str) else None
    for asset in ASSETS:
        target = docs / asset
        target.parent.mkdir(parents=True, exist_ok=True)
        name = asset.rsplit("/", 1)[1]
        target.write_bytes(package_files("podium").joinpath(f"assets/{name}").read_bytes())

    # Relative to the staged configuration (Zensical 0.0.73 panics on absolute ones).
    config["docs_dir"] = "docs"
    config["site_dir"] = os.path.relpath(staged.site_dir, folder)
    config["plugins"] = plugins
    if not config.get("nav"):
        # Without a nav, a generator lists every page in it (Zensical 0.0.73 put
        # 2,453 entries, 870 KB, on each page of a 1,929-speech site): list the
        # hand-written pages and the taxonomy roots, as the plugin does.
        hand_written = [p.relative_to(docs).as_posix() for p in _markdown_files(docs)
                        if p.relative_to(docs).as_posix() not in staged.pages]
        hand_written.sort(key=lambda path: (path != "index.md", path))
        config["nav"] = hand_written + [src for src, page in staged.pages.items() if page.in_nav]
    config["extra_css"] = [*(config.get("extra_css") or []), ASSETS[0]]
    config["extra_javascript"] = [*(config.get("extra_javascript") or []), ASSETS[1]]
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = str(base / theme["custom_dir"])
    staged.config_file.write_text(yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True,
                                            sort_keys=False), encoding="utf-8")
    return staged


def _markdown_files(folder: Path) -> Iterator[Path]:
    return (p for p in sorted(folder.rglob("*.md")) if p.is_file())


def finish(staged: Staged, pagefind: bool = True) -> list[str]:
    """Complete the generator's output in place; return the problems found (none
    means the site is whole). Every statement page is checked, not just the first
    bad one."""
    site, out = staged.site, staged.site_dir
    problems: list[str] = []
    indexer = Indexer(out / "pagefind", tiny=TINY) if pagefind and site.options.pagefind else None
    try:
        for src, generated in staged.pages.items():
            path = out / site.routes.url_of(src)
            if site.options.directory_urls and src.endswith(".md"):
                path = path / "index.html"
            try:
                page_html = path.read_text(encoding="utf-8")
            except OSError as exc:
                problems.append(f"{src}: the generator wrote no page at {path} ({exc.strerror})")
                continue
            start, end = page_html.find(BEGIN), page_html.rfind(END)
            if start < 0 or end < start:
                problems.append(f"{src}: the generator's page lost Podium's markers; is this Zensical?")
                continue
            st = generated.statement
            content = page_html[start + len(BEGIN):end]
            content = fragments.fill(content, staged.fragments[src], clean=sanitise if st else None)
            if st is not None and (missing := missing_words(st.body, render.statement_text(content))):
                problems.append(str(textcheck.problem(st, missing)))  # as the MkDocs plugin reports it
            before = _without_theme_title(page_html[:start], content)
            page_html = before + content + page_html[end + len(END):]
            page_html = _edit_link(staged, src, page_html)
            page_html = head.finish_page(page_html, site, src, st, staged.descriptions[src])
            path.write_text(page_html, encoding="utf-8")
            if indexer is not None and st is not None:
                url = "/" + site.routes.url_of(src)
                indexer.add(url, search.document(st.meta.language, render.statement_text(content)))
        for data in site.files():
            target = out / data.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            made = data.build()
            target.write_bytes(made if isinstance(made, bytes) else made.encode("utf-8"))
        if indexer is not None and not problems:
            indexer.write()
            statements = list(site.collection)  # the search's word index (one process: no cache here)
            wordindex.write(wordindex.build(site.word_rows(), lambda i: statements[i].body), out)
    finally:
        if indexer is not None:
            indexer.close()
    return problems


def _without_theme_title(before: str, content: str) -> str:
    """The theme writes the page title as <h1> when the content it rendered has none;
    Podium's own <h1> arrives only in `finish`, so the theme's goes."""
    article = before.rfind("<article")
    start = before.find("<h1", article) if article >= 0 and "<h1" in content else -1
    end = before.find("</h1>", start)
    return before[:start] + before[end + len("</h1>"):] if start >= 0 and end >= 0 else before


def _edit_link(staged: Staged, src: str, page_html: str) -> str:
    """The generator points "edit" at the staged copy under docs/: point a statement's
    at its file in the statements folder, and drop it from index pages, which
    have no source file."""
    if not staged.repo_url or not staged.edit_uri:
        return page_html
    wrong = edit_url(staged.repo_url, staged.edit_uri, staged.docs_name, staged.docs_name, None, src)
    if wrong is None:
        return page_html
    st = staged.pages[src].statement
    right = st and edit_url(staged.repo_url, staged.edit_uri, staged.docs_name, staged.statements_dir,
                            staged.statements_edit_uri, st.path.as_posix())
    wrong_attr = f'href="{html.escape(wrong)}"'
    if right:
        return page_html.replace(wrong_attr, f'href="{html.escape(right)}"')
    return re.sub(rf'<a {re.escape(wrong_attr)}[^>]*rel="edit">.*?</a>', "", page_html, flags=re.DOTALL)


def build(config_file: Path, site_dir: Path, generator: str = "zensical") -> None:
    """Stage, run the generator, finish; the previous site is replaced only by a
    whole new one (a failed build leaves it as it was)."""
    if generator != "zensical":
        raise BuildError(f"unknown generator {generator!r}: use mkdocs (plain `mkdocs build`) or zensical")
    if shutil.which("zensical") is None and not _importable("zensical"):
        raise BuildError("Zensical is not installed: pip install zensical")
    base = config_file.parent.resolve()
    _guard(config_file, site_dir)
    _remove_stale_stages(base)
    with tempfile.TemporaryDirectory(prefix=f"{STAGE}{os.getpid()}-", dir=base) as tmp:
        folder = Path(tmp)
        staged = stage(config_file, folder / "site", folder)
        result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "-f",
                                 str(staged.config_file)], cwd=folder, capture_output=True, text=True,
                                check=False, env={**os.environ, "NO_COLOR": "1"})
        if result.returncode != 0 or not (staged.site_dir / "index.html").is_file():
            raise BuildError(f"zensical build failed ({result.returncode}):\n{result.stdout}{result.stderr}")
        problems = finish(staged)
        if problems:
            raise BuildError("\n".join(problems))
        # as `mkdocs build` does: swapped in whole, its hidden entries kept, no link followed
        guard.mark(staged.site_dir)
        staging.publish(staging.Staged(site_dir.absolute(), staged.site_dir))


def _guard(config_file: Path, site_dir: Path) -> None:
    """The rules `mkdocs build` checks (podium.engine.guard), before any work: the site
    folder may be replaced, the statements are not in the docs, nothing in the docs or
    the theme's custom_dir links where it must not. The folders are judged as written
    in mkdocs.yml: one set through `INHERIT` or a tag (`!ENV`), which Zensical resolves
    and this reading does not, is refused rather than left unjudged."""
    config = read_config(config_file)
    _, options = plugin_config(config)
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    unread = [f"`{key}` is set through {why}" for key, value, why in (
        ("INHERIT", config.get("INHERIT"), "another file"),
        ("docs_dir", config.get("docs_dir"), "a tag"), ("theme.custom_dir", custom, "a tag"))
        if value is not None and (key == "INHERIT" or not isinstance(value, str))]
    if unread:
        raise BuildError("\n".join(f"podium: {line}, which podium build cannot check before Zensical "
                                    "reads it: write it as a plain path in mkdocs.yml" for line in unread))
    base = config_file.parent.resolve()
    root, docs = base / options.statements_dir, base / str(config.get("docs_dir", "docs"))
    problem = (guard.overlap_problem(root, docs, options.statements_dir)
               or guard.site_problem(site_dir, base, root, docs, option="-d"))
    keep = [("the statements folder", root), ("the site folder", site_dir)]
    keep += [("the build cache", base / options.cache_dir)] if options.cache else []
    lines = [problem] if problem else guard.docs_problems(docs, base, keep)
    if not problem and isinstance(custom, str):  # (its files are copied into the site too)
        lines += guard.docs_problems(base / custom, base, keep, "theme.custom_dir")
    if lines:
        raise BuildError("\n".join(f"podium: {line}" for line in lines))


STAGE = ".podium-stage-"
"""The prefix of a Zensical build's staging folder in the project, then its process id."""


def _remove_stale_stages(base: Path) -> None:
    """Staging folders a killed build left (named by their process id, no longer running)."""
    for stale in base.glob(f"{STAGE}*"):
        pid = stale.name.removeprefix(STAGE).split("-", 1)[0]
        if stale.is_dir() and not stale.is_symlink() and pid.isdigit() and not staging.running(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def _importable(name: str) -> bool:
    from importlib.util import find_spec

    return find_spec(name) is not None
