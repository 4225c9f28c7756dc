"""The collection: every loaded statement, indexed by id, with its relations
resolved in both directions. Checks that need more than one file live here:
duplicate ids, unknown or self references, translation cycles, and a report
dated before what it reports on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from podium.model.loader import Loaded, Memo, Statement, load_dir
from podium.model.problems import Problem, Severity
from podium.model.schema import RelationType


@dataclass(frozen=True)
class Link:
    """A relation seen from one statement: `other` is at the far end."""

    relation: RelationType
    other: Statement
    outgoing: bool

    @property
    def key(self) -> str:
        """Interface-string key of the label: relation.reports-on(.inverse)."""
        return f"relation.{self.relation.value}" + ("" if self.outgoing else ".inverse")


@dataclass
class Collection:
    statements: list[Statement]
    """Newest first, then by id: the order of every listing."""
    problems: list[Problem] = field(default_factory=list)
    _links: dict[str, list[Link]] = field(default_factory=dict)
    by_id: dict[str, Statement] = field(default_factory=dict)
    drafts: list[Statement] = field(default_factory=list)
    """Statements marked `draft: true`: checked, listed, not published."""

    def __iter__(self) -> Iterator[Statement]:
        return iter(self.statements)

    def __len__(self) -> int:
        return len(self.statements)

    def links(self, statement: Statement) -> list[Link]:
        return self._links.get(statement.meta.id, [])

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def load_collection(root: Path, workers: int = 1, memo: Memo | None = None) -> Collection:
    return build(load_dir(root, workers, memo))


def build(loaded: Loaded) -> Collection:
    """Index loaded statements and resolve their relations; collect problems."""
    problems = list(loaded.problems)
    drafts = sorted((st for st in loaded.statements if st.meta.draft), key=lambda s: s.shown)
    claims: dict[str, list[Statement]] = {}
    for st in loaded.statements:
        if not st.meta.draft:
            claims.setdefault(st.meta.id, []).append(st)
    by_id: dict[str, Statement] = {}
    for id_, claimants in claims.items():
        if len(claimants) == 1:
            by_id[id_] = claimants[0]
            continue
        owner = _owner(id_, claimants)
        if owner is not None:
            by_id[id_] = owner
        for st in claimants:
            if st is owner:
                continue
            others = ", ".join(o.shown for o in claimants if o is not st)
            outcome = (f"{owner.shown} is named after it and published; this file is not"
                       if owner is not None else "none of them is published")
            problems.append(Problem(st.shown, st.line("id"), "id", f"duplicate id {id_!r}, already "
                                    f"used by {others}: {outcome}", "give each statement its own id"))
    # A file that did not load is named in its own problem; a statement relating to
    # its id (the file is named after it, as `podium import` and `podium new` write
    # them) is told so, as a warning: not sent to change an id that is right.
    invalid = {Path(p.path).stem: p.path for p in loaded.problems if p.severity is Severity.ERROR}
    links: dict[str, list[Link]] = {}
    for st in by_id.values():
        for i, rel in enumerate(st.meta.related):
            where = f"related.{i}.id"
            line = st.line("related", i, "id")
            other = by_id.get(rel.id)
            if rel.id == st.meta.id:
                problems.append(Problem(st.shown, line, where, "a statement cannot relate to itself",
                                        "point `related` at another statement's id"))
            elif other is None and rel.id in invalid:
                problems.append(Problem(st.shown, line, where, f"related id {rel.id!r} is that of "
                                        f"{invalid[rel.id]}, which is invalid: the link is left out until "
                                        "that file is fixed", severity=Severity.WARNING))
            elif other is None:
                problems.append(Problem(st.shown, line, where, f"unknown related id {rel.id!r}",
                                        "use the `id` of a statement in the collection"))
            else:
                problem = _check_dates(st, rel.relation, other, where, line)
                if problem:
                    problems.append(problem)
                links.setdefault(st.meta.id, []).append(Link(rel.relation, other, True))
                links.setdefault(other.meta.id, []).append(Link(rel.relation, st, False))
    problems.extend(_translation_cycles(by_id))
    ordered = sorted(by_id.values(), key=lambda s: s.meta.sort_key())
    return Collection(ordered, problems, links, {st.meta.id: st for st in ordered}, drafts)


def _owner(id_: str, claimants: list[Statement]) -> Statement | None:
    """Which of several files with one id keeps it: the one named after it (as
    `podium import` and `podium new` write them), if exactly one is. Not the
    first in path order: a newcomer whose name sorts first would take over
    the published page. If none or several are, none is published."""
    named = [st for st in claimants if st.path.name == f"{id_}.md"]
    return named[0] if len(named) == 1 else None


def _check_dates(
    st: Statement, relation: RelationType, other: Statement, where: str, line: int
) -> Problem | None:
    if relation is not RelationType.REPORTS_ON:
        return None
    if st.meta.sort_date.surely_before(other.meta.sort_date):
        return Problem(st.shown, line, where,
                       f"a report dated {st.meta.sort_date} cannot report on a text of "
                       f"{other.meta.sort_date}", "check both dates")
    return None


def _translation_cycles(by_id: dict[str, Statement]) -> list[Problem]:
    """A translation points at its original; following the chain must end."""
    problems = []
    for st in by_id.values():
        seen = [st.meta.id]
        current = st
        while True:
            nxt = next((r.id for r in current.meta.related
                        if r.relation is RelationType.TRANSLATION_OF and r.id in by_id), None)
            if nxt is None:
                break
            if nxt in seen:
                if nxt == st.meta.id and len(seen) > 1:
                    chain = " → ".join([*seen, nxt])
                    problems.append(Problem(st.shown, st.line("related"), "related",
                                            f"translations form a cycle: {chain}",
                                            "one text must be the original, with no translation-of"))
                break
            seen.append(nxt)
            current = by_id[nxt]
    return problems
