"""Podium's own HTML as Jinja templates (templates/podium/*.html): the
metadata panel, the citation block, the listings. A site overrides one by
putting a file of the same name in its theme's custom_dir (overrides/podium/
panel.html), as it overrides Material's partials.

Escaping: autoescape is on (Jinja's own, markupsafe: a quote is `&#34;`, an
apostrophe `&#39;`); HTML Podium made itself arrives as `Markup`. A template is
compiled once per process (the environment never re-reads its files) and
rendered per page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.resources import files

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup

PACKAGE_TEMPLATES = str(files("podium").joinpath("templates"))


def text(value: str) -> Markup:
    """Filter `text`: escaped for an element's content only (no &quot; in a citation)."""
    return Markup(html.escape(value, quote=False))


@dataclass
class Templates:
    """Podium's templates for one site, from its override folders first."""

    dirs: Sequence[str] = ()
    _env: Environment | None = field(default=None, init=False, repr=False)
    _loaded: dict[str, Template] = field(default_factory=dict, init=False, repr=False)

    @property
    def env(self) -> Environment:
        if self._env is None:
            self._env = Environment(
                loader=FileSystemLoader([*self.dirs, PACKAGE_TEMPLATES]), autoescape=True,
                undefined=StrictUndefined, keep_trailing_newline=True, auto_reload=False)
            self._env.filters["text"] = text
        return self._env

    def render(self, name: str, **context: object) -> str:
        """Render podium/<name>, compiled on first use in this process. A failure
        names the template file and its line (an override's mistake, most often)."""
        template = self._loaded.get(name)
        if template is None:
            template = self._loaded[name] = self.env.get_template(f"podium/{name}")
        try:
            return template.render(context)
        except Exception as exc:
            raise TemplateFailed(_where(template, exc), exc) from exc


class TemplateFailed(RuntimeError):
    """A template of Podium's, or a site's override of one, failed to render."""

    def __init__(self, where: str, exc: Exception) -> None:
        super().__init__(f"{where}: {type(exc).__name__}: {exc} (a value may be missing on some "
                         "statements, e.g. `speaker` on a news report: test it with {% if %})")


def _where(template: Template, exc: Exception) -> str:
    """The template's file and the line of it that failed, from the traceback."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == template.filename:
            line = tb.tb_lineno  # Jinja rewrites its frames to the template's own lines
        tb = tb.tb_next
    return f"{template.filename}:{line}" if line else str(template.filename)
