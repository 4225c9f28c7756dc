"""Podium inside Material's theme: its template overrides, the Jinja globals
they use, its CSS and JavaScript, and Material's lunr languages.

The overrides (templates/main.html, partials/nav.html) render the parts that
are the same for many pages once per build (TemplateCache); the plugin wires
this module to MkDocs' events.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from importlib.resources import files as package_files

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    TemplateError,
    meta,
)
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from podium.outputs import search
from podium.pages.plan import GeneratedPage, Site
from podium.site import squeeze

ASSETS = {"css": "assets/podium/podium.css", "js": "assets/podium/podium.js"}


def material_templates() -> str:
    return str(package_files("material").joinpath("templates"))


def podium_templates() -> str:
    return str(package_files("podium").joinpath("templates"))


def add_templates(config: MkDocsConfig) -> None:
    """Put Podium's template overrides just before Material's own (after any
    custom_dir), and its CSS and JavaScript in every page."""
    material, mine = material_templates(), podium_templates()
    dirs = config.theme.dirs
    if mine not in dirs and material in dirs:
        dirs.insert(dirs.index(material), mine)
    config.extra_css.append(ASSETS["css"])
    config.extra_javascript.append(ASSETS["js"])
    no_font_cdn(config)


def no_font_cdn(config: MkDocsConfig) -> None:
    """Material's default fonts come from Google Fonts: a request to another host
    on every page that the site's owner did not ask for. Unless mkdocs.yml
    names `theme.font` (a font, or false), the theme uses the system fonts."""
    raw = [c.get("theme") for c in getattr(config, "user_configs", []) if isinstance(c, dict)]
    if any(isinstance(theme, dict) and "font" in theme for theme in raw):
        return
    if config.theme.name == "material" and "font" in config.theme:
        config.theme["font"] = False


def asset_files(config: MkDocsConfig) -> list[File]:
    """Podium's CSS and JavaScript as files of the site."""
    return [File.generated(config, path, content=_asset(path.rsplit("/", 1)[1])) for path in ASSETS.values()]


def wire(env: Environment, site: Site | None, generated: dict[str, GeneratedPage], cache_nav: bool) -> None:
    """Let the overrides reach Material's originals (`material/...`) and give them
    their globals: the template cache, the navigation key, Podium's strings."""
    if env.loader is not None:
        material = PrefixLoader({"material": FileSystemLoader(material_templates())})
        env.loader = ChoiceLoader([env.loader, material])
    env.globals["podium_cache"] = TemplateCache()
    env.globals["podium_nav_key"] = nav_key(generated, cache_nav)
    env.globals["podium_outside_nav"] = outside_nav(generated)
    env.globals["podium_squeeze"] = squeeze.whitespace
    if site is not None and site.options.pagefind:
        env.globals["podium_t"] = site.t
        env.globals["podium_search_strings"] = search.strings(site.context)


def compile_ahead(env: Environment, name: str = "main.html") -> int:
    """Compile a page's template and every template it names, before the build's
    workers are forked: each forked worker would otherwise compile Material's 40-odd
    templates again on its first page (0.15-0.2 s a process, a fixed cost that
    weighs on a small archive), and the parent once more for 404.html. A template
    that does not compile is left to fail where a page uses it. Returns how many
    were compiled."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen or env.loader is None:
            continue
        seen.add(current)
        try:
            source, _, _ = env.loader.get_source(env, current)
            todo.extend(r for r in meta.find_referenced_templates(env.parse(source)) if r)
            env.get_template(current)
        except (TemplateError, OSError):
            seen.discard(current)
    return len(seen)


class Compiled(BytecodeCache):
    """Compiled templates kept in memory, for a `mkdocs serve` session: MkDocs makes
    a new template environment for every rebuild, which compiled Material's and
    Podium's templates again (0.5 s). Jinja finds an entry by the template's name
    and file and checks it against a hash of its source, so an edited template is
    compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (found := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(found)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def outside_nav(generated: dict[str, GeneratedPage]) -> Callable[[Page | None], bool]:
    """Whether a page is generated and outside the nav (a statement, a term page):
    nothing in its navigation is active."""
    def test(page: Page | None) -> bool:
        found = generated.get(page.file.src_uri) if page is not None else None
        return found is not None and not found.in_nav
    return test


def nav_key(generated: dict[str, GeneratedPage], enabled: bool) -> Callable[[Page | None], str | None]:
    """The key of pages that share their navigation HTML: generated, outside the nav,
    in the same folder (relative links are then the same, and nothing in it is active)."""
    outside = outside_nav(generated)

    def key(page: Page | None) -> str | None:
        if page is None or not enabled or not outside(page):
            return None
        return "folder:" + posixpath.dirname(page.url.rstrip("/"))
    return key


def uses_lunr(config: MkDocsConfig) -> bool:
    return "search" in config.plugins or "material/search" in config.plugins


def extend_lunr_languages(config: MkDocsConfig, languages: set[str]) -> None:
    """Add the collection's languages to Material's lunr search, where it has them
    (read from the names of Material's lunr language files)."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is None or not hasattr(plugin.config, "lang"):
        return
    lunr = package_files("material").joinpath("templates/assets/javascripts/lunr/min")
    names = (p.name.split(".") for p in lunr.iterdir())
    supported = {"en"} | {n[1] for n in names if n[0] == "lunr" and len(n[1]) == 2}
    theme = str(config.theme.get("language") or "en").split("-")[0]
    current = list(plugin.config.lang or [theme if theme in supported else "en"])
    wanted = sorted({tag.split("-")[0].lower() for tag in languages} & supported - set(current))
    plugin.config.lang = current + wanted


class TemplateCache:
    """Rendered template parts by key (navigation, configuration script), for one build."""

    def __init__(self) -> None:
        self._html: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self._html.get(key)

    def put(self, key: str, html: str) -> str:
        self._html[key] = html
        return html

    SLOT = "\x00podium-slot\x00"

    def fill(self, key: str, value: str) -> str | None:
        """The part stored by `put_with_slot`, with `value` in its slot (None if not stored)."""
        html = self._html.get(key)
        return html.replace(self.SLOT, value) if html else None

    def put_with_slot(self, key: str, value: str, html: str) -> str:
        """Store `html` with `value` (a page's title) as a slot, for the next pages that
        differ only in it: only when it occurs exactly once, so that the slot is
        certainly where the value was."""
        if value and self.SLOT not in value and html.count(value) == 1:
            self._html[key] = html.replace(value, self.SLOT)
        return html


def _asset(name: str) -> str:
    return package_files("podium").joinpath(f"assets/{name}").read_text(encoding="utf-8")
