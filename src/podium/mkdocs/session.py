"""What one `mkdocs serve` keeps from one rebuild to the next.

MkDocs keeps a plugin that has `on_startup` for the whole `serve` session, so
the plugin holds one Session: the statement files already parsed
(podium.model.loader.Memo), the hashes of their bytes, the key of every output
of the last build that succeeded (so that the next build moves unchanged
outputs back instead of writing them: podium.mkdocs.reuse) and the search
index that build left (podium.outputs.overlay). A build that fails leaves
nothing behind for the next: it starts over from the build cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from podium.mkdocs.reuse import Previous
from podium.mkdocs.theme import Compiled
from podium.model.loader import Memo
from podium.outputs.export import Encoded
from podium.outputs.overlay import Base


@dataclass
class Session:
    """One `mkdocs serve` session's memory (see the module's docstring)."""

    loaded: Memo = field(default_factory=Memo)
    templates: Compiled = field(default_factory=Compiled)
    """The theme's templates, compiled once per session."""
    encoded: Encoded = field(default_factory=Encoded)
    """The full-text export's records as last encoded."""
    outputs: dict[str, str] = field(default_factory=dict)
    """Each output of the last good build (path in the site) and its key."""
    others: set[str] = field(default_factory=set)
    """Every other file the last good build wrote (MkDocs' pages and assets)."""
    generation: str = ""
    """The build cache's generation of the last good build (what every key assumes)."""
    search: Base | None = None
    """The search index of the last good build."""
    previous: Previous | None = None
    """The last good build's site, set aside while this build runs."""
    made: dict[str, str] = field(default_factory=dict)
    """The outputs of the build that runs, and their keys (recorded by the build)."""
    made_search: Base | None = None
    restored: set[str] = field(default_factory=set)
    """The outputs of this build moved back from the last one."""

    def start(self, site_dir: Path) -> None:
        """A build starts: set the last good site aside before MkDocs empties the folder."""
        self.discard()
        self.previous = Previous.set_aside(site_dir, self.outputs, self.others)
        self.outputs, self.search = ({}, None) if self.previous is None else (self.outputs, self.search)
        self.made, self.made_search, self.restored = {}, None, set()

    def begin(self, generation: str) -> None:
        """The generation of this build is known: nothing is taken back from a last
        build of another (mkdocs.yml, a template or the navigation changed)."""
        if generation != self.generation:
            self.search = None  # (its bundles are outputs of the last build too)
            if self.previous is not None:
                self.previous.keys = {}
        self.generation = generation

    def restore(self, wanted: dict[str, str]) -> None:
        """Move back from the last site the outputs of `wanted` (path -> key) that
        have the same key (podium.mkdocs.reuse)."""
        self.restored = self.previous.restore(wanted) if self.previous is not None else set()

    def take(self, path: str, key: str) -> bool:
        """Move the output at `path` back from the last site if it has the same key."""
        return self.previous is not None and self.previous.take(path, key)

    def succeeded(self, others: set[str]) -> None:
        """The build is whole; `others` are the files it wrote that are not outputs."""
        self.outputs, self.search, self.others = self.made, self.made_search, others
        self.made, self.made_search, self.restored = {}, None, set()
        self.discard()

    def failed(self) -> None:
        self.outputs, self.search, self.made, self.made_search = {}, None, {}, None
        self.others, self.restored = set(), set()
        self.discard()

    def discard(self) -> None:
        if self.previous is not None:
            self.previous.discard()
            self.previous = None
