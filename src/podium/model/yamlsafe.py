"""Front-matter YAML read in bounded time and memory.

A statement's fields are a few flat mappings, so YAML's riskier features have
no use in it and are refused rather than handled: anchors and aliases (nine
levels of aliases expand to billions of nodes: the "billion laughs"), the
merge key `<<` (which sets the fields of the mapping it holds, as if written
out), nesting deeper than a statement needs (a recursive walk of the tree raised
RecursionError near 1,000 levels), oversized text, and duplicate keys (YAML
keeps the last one without a word). libyaml composes the node tree (an alias
is the same node met twice, so the tree stays as small as the text), and one
loop without recursion checks it before anything is built from it: every
check costs time linear in the text, and every failure is a YamlError with a line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

MAX_BYTES = 64 * 1024
"""Largest front matter accepted: a statement's fields take a few hundred bytes."""
MAX_DEPTH = 8
"""Deepest nesting accepted: a statement's fields nest three levels (related: - id:)."""
MAX_NODES = 5_000
"""Most values (scalars, lists, mappings) accepted in one front matter."""

_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml if built


class _YamlLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """Safe YAML that leaves dates as text, so the schema (not the YAML parser)
    judges them and an impossible date gets a field-level message."""


_YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

KeyPath = tuple[Any, ...]
MERGE = "tag:yaml.org,2002:merge"
"""The tag of an unquoted `<<` key, which YAML merges into the mapping around it."""


@dataclass
class YamlError(Exception):
    """Front matter refused: `line` is the 0-based YAML line (None: the whole text)."""

    line: int | None
    message: str
    hint: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Parsed:
    data: Any
    key_lines: dict[KeyPath, int]
    """0-based YAML line of each key path (mapping keys and list indexes)."""


def load(text: str) -> Parsed:
    """Parse front-matter text; YamlError (never another exception) if it is refused."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise YamlError(None, f"the front matter is {size:,} bytes, more than the {MAX_BYTES:,} allowed",
                        "keep the fields short; the text of the statement goes below the closing '---'")
    loader = _YamlLoader(text)
    try:
        if "&" in text:  # the only way to write an anchor: look for one (rarely needed)
            _no_anchors(loader)
            loader.dispose()
            loader = _YamlLoader(text)
        node = loader.get_single_node()  # libyaml's composer: an alias is a shared node, not a copy
        lines = _checked(node)
        return Parsed(loader.construct_document(node) if node is not None else None, lines)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc)
        # Where the parser gave up can be lines after the mistake (a '[' never closed):
        # name the line where the construct it was reading began, and the other.
        begun, context = getattr(exc, "context_mark", None), getattr(exc, "context", None)
        if begun is not None and context and mark is not None and begun.line != mark.line:
            below = mark.line - begun.line
            count = f"{below} line{'s' * (below > 1)}"
            reason = f"{reason}: {context} begun on this line, still open {count} below"
            mark = begun
        raise YamlError(mark.line if mark is not None else None, f"malformed YAML front matter: {reason}",
                        "check indentation and quote values that contain ': ' or start with a symbol"
                        ) from None
    except RecursionError:  # PyYAML's own composer, where libyaml is missing, recurses
        raise YamlError(None, "the front matter nests too deeply", "write one 'field: value' per line"
                        ) from None
    finally:
        loader.dispose()


def _no_anchors(loader: Any) -> None:
    while loader.check_event():
        event = loader.get_event()
        if getattr(event, "anchor", None) is not None:
            raise _anchors(event.start_mark.line)


def _anchors(line: int) -> YamlError:
    return YamlError(line, "YAML anchors and aliases (&name, *name) are not allowed in front matter",
                     "write each value out in full")


def _checked(root: yaml.Node | None) -> dict[KeyPath, int]:
    """The 0-based line of each key path, once the tree is known to hold no
    alias, no duplicate key, no more than MAX_NODES values, no more than
    MAX_DEPTH levels."""
    lines: dict[KeyPath, int] = {}
    seen: set[int] = set()
    todo: list[tuple[yaml.Node, KeyPath]] = [(root, ())] if root is not None else []
    while todo:
        node, path = todo.pop()
        line = node.start_mark.line
        if id(node) in seen:
            raise _anchors(line)
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise YamlError(line, f"the front matter has more than {MAX_NODES:,} values",
                            "a statement needs a few dozen fields at most")
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and len(path) >= MAX_DEPTH:
            raise YamlError(line, f"the front matter nests more than {MAX_DEPTH} levels deep",
                            "a statement's fields nest three levels at most (related: - id:)")
        if isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                lines[(*path, i)] = item.start_mark.line
                todo.append((item, (*path, i)))
        elif isinstance(node, yaml.MappingNode):
            keys: dict[Any, int] = {}
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    raise YamlError(key.start_mark.line, "a field name must be plain text, not a list "
                                    "or mapping", "write one 'field: value' per line")
                if key.tag == MERGE:  # `<<: {...}` would quietly set the fields inside it
                    raise YamlError(key.start_mark.line, "the YAML merge key '<<' is not allowed in "
                                    "front matter", "write each field on its own line "
                                    "('summary: ...'), not inside '<<:'")
                here = key.start_mark.line
                if key.value in keys:
                    raise YamlError(here, f"duplicate field {key.value!r}: also on line "
                                    f"{keys[key.value] + 2}", "keep one of the two; YAML would "
                                    "silently use the last")
                keys[key.value] = lines[(*path, key.value)] = here
                todo.append((value, (*path, key.value)))
    return lines
