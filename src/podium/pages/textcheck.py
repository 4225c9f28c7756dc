"""The word check, before the build: every statement's text rendered the way
its page renders it (podium.text.markup's rule, the site's Markdown extensions,
the sanitiser) and compared with its source, word for word.

`podium check` and the MkDocs plugin both call `check`, so the check says
valid exactly when the build will, and both name every failing file in one
run, `file:line: body: message (hint)`. The plugin then fails the build, or
with `on_invalid: skip` leaves those statements out (`without`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import markdown

from podium.base import parallel
from podium.model.collection import Collection, build, load_collection
from podium.model.loader import Loaded, Statement
from podium.model.problems import Problem
from podium.pages import render
from podium.site import fragments
from podium.text import blocks
from podium.text.normalise import normalise, words
from podium.text.sanitise import sanitise
from podium.text.verify import missing_words

DEFAULT_EXTENSIONS = ("attr_list", "md_in_html", "def_list", "tables", "admonition", "toc")
"""Used when there is no mkdocs.yml to read them from (the plugin adds attr_list)."""
BATCH = 100
HINT = ("syntax that Markdown or HTML does not show, such as a tag or a link target, hides them; "
        "write them as text, or escape the mark with a backslash")
REQUIRED_EXTENSIONS = ("attr_list",)
"""Statement texts may carry attribute lists ({: .class }), which the normaliser,
the block splitter and the word check already treat as syntax: every build has them."""


@dataclass(frozen=True)
class TextOptions:
    """How the site renders statement texts: its Markdown extensions and whether
    plain prose is written without Markdown (podium.text.prose)."""

    extensions: tuple[Any, ...] = DEFAULT_EXTENSIONS
    configs: dict[str, Any] = field(default_factory=dict)
    plain_prose: bool = True
    language: str = "en"


def rendered(st: Statement, options: TextOptions, md: markdown.Markdown | None = None) -> str:
    """The statement's text as its page shows it (without coverage notes,
    which are Podium's own HTML and add words, never take them away)."""
    return rendered_body(st.body, options, md)


def rendered_body(body: str, options: TextOptions, md: markdown.Markdown | None = None) -> str:
    """A statement body (the text after its front matter) as its page shows it."""
    doc = render.body(fragments.Doc(), blocks.parse(normalise(body)), options.plain_prose)
    if md is None:
        md = markdown.Markdown(extensions=list(options.extensions), extension_configs=options.configs)
    html = md.reset().convert(doc.body) if not fragments.only_placeholders(doc.body) else doc.body
    return fragments.fill(html, doc.fragments, clean=sanitise)


def missing_from_page(body: str, options: TextOptions, md: markdown.Markdown | None = None) -> list[str]:
    """The words of a body its page would not show: the word check, for the build, `podium check`
    and `podium import` alike (an import the build would refuse is not written)."""
    return missing_words(body, rendered_body(body, options, md))


def problem(st: Statement, missing: list[str]) -> Problem:
    """`file:line: body: N word(s) … (hint)`, at the first line holding a missing word."""
    first = missing_in_order(st.body, missing)
    line = st.body_line
    for i, text in enumerate(st.body.split("\n")):
        if first in words(text):
            line = st.body_line + i
            break
    shown = ", ".join(dict.fromkeys(missing))
    if len(shown) > 300:
        shown = shown[:300].rsplit(", ", 1)[0] + ", …"
    return Problem(st.shown, line, "body",
                   f"{len(missing)} word(s) of the text would be missing from its page: {shown}", HINT)


def missing_in_order(body: str, missing: list[str]) -> str:
    """The missing word that comes first in the text."""
    wanted = set(missing)
    return next((w for w in words(body) if w in wanted), missing[0])


def _check_batch(options: TextOptions, batch: list[Statement]) -> list[Problem]:
    md = markdown.Markdown(extensions=list(options.extensions), extension_configs=options.configs)
    found = []
    for st in batch:
        missing = missing_from_page(st.body, options, md)
        if missing:
            found.append(problem(st, missing))
    return found


def check(statements: Sequence[Statement], options: TextOptions, workers: int = 1) -> list[Problem]:
    """A problem for every statement whose page would not show all its words."""
    job = partial(_check_batch, options)
    found: list[Problem] = []
    for result in parallel.run(job, parallel.batches(list(statements), BATCH), workers):
        found.extend(result)
    return sorted(found)


def without(collection: Collection, problems: list[Problem]) -> Collection:
    """The collection without the statements the problems name, every problem kept
    (statements that relate to a dropped one get their own error, as with invalid files)."""
    bad = {p.path for p in problems}
    kept = [st for st in collection if st.shown not in bad]
    rebuilt = build(Loaded(kept, [*collection.problems, *problems]))
    rebuilt.problems = list(dict.fromkeys(rebuilt.problems))  # relation problems found twice
    return rebuilt


def load(root: Path, options: TextOptions, workers: int = 1) -> Collection:
    """Load the statements and check their texts: the collection the build
    publishes, with every problem of every file."""
    collection = load_collection(root, workers)
    problems = check(collection.statements, options, workers)
    return without(collection, problems) if problems else collection
