"""The one pipeline every way of building or checking an archive runs, top to
bottom, as MkDocs' `build()` reads: the MkDocs plugin (and so the benchmark,
which runs `mkdocs build`), `podium check` and `podium build --generator
zensical` all call `prepare` with the same `Options`.

    Options: how texts render (TextOptions), what the site is (SiteOptions),
             what an invalid file does (fail, or skip with a warning)
    1. load:  every statement file parsed and validated (model.collection)
    2. words: the word check of every text (pages.textcheck), now, or while
              the pages are built (one rendering, not two)
    3. plan:  the site's pages and files (pages.plan.Site); two at one
              address is a problem of the run

What is left is each adapter's own: MkDocs' page events, Zensical's staging,
the command line's report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from podium.model.collection import Collection, load_collection
from podium.model.loader import Memo
from podium.model.problems import Problem
from podium.pages import textcheck
from podium.pages.plan import PathCollision, Site
from podium.pages.textcheck import TextOptions
from podium.site.options import SiteOptions


class Invalid(StrEnum):
    """What an invalid statement file does to a build."""

    FAIL = "fail"
    """Stop the build, listing every bad file."""
    SKIP = "skip"
    """Build the valid ones, and name every invalid one in a warning."""


class Words(StrEnum):
    """When the word check runs."""

    NOW = "now"
    """Before anything else is made (`podium check`)."""
    WHILE_BUILDING = "while building"
    """On each page as it is built; before, only where its failures are to be skipped
    or reported with invalid files, so that every problem is in one run."""


@dataclass(frozen=True)
class Options:
    """Everything the core is built or checked with, in one shape, whichever
    adapter read it (podium.engine.config for mkdocs.yml)."""

    text: TextOptions = field(default_factory=TextOptions)
    site: SiteOptions = field(default_factory=SiteOptions)
    invalid: Invalid = Invalid.FAIL


@dataclass
class Prepared:
    """The collection to publish, its site's plan, and every problem found."""

    collection: Collection
    site: Site
    invalid: Invalid

    @property
    def stops(self) -> bool:
        """Whether these problems stop a build (an error, unless invalid files are skipped)."""
        return bool(self.collection.errors) and self.invalid is Invalid.FAIL


def prepare(root: Path, options: Options, *, workers: int = 1, memo: Memo | None = None,
            words: Words = Words.NOW, plan: bool = False) -> Prepared:
    """Load, check and plan the statements under `root`. With `plan`, every page is
    placed now and two at one address become a problem (the build finds them as it
    registers its pages)."""
    collection = load_collection(root, workers, memo)
    if words is Words.NOW or options.invalid is Invalid.SKIP or collection.errors:
        problems = textcheck.check(collection.statements, options.text, workers)
        collection = textcheck.without(collection, problems) if problems else collection
    site = Site(collection, options.site)
    if plan:
        try:
            for _ in site.pages():
                pass
        except PathCollision as exc:
            collection.problems.append(Problem(str(root), None, None, str(exc)))
    return Prepared(collection, site, options.invalid)
