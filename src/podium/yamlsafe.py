"""Front-matter YAML read in bounded time and memory.

A statement's fields are a few flat mappings, so YAML's riskier features have
no use in it and are refused rather than handled: anchors and aliases (nine
levels of aliases expand to billions of nodes: the "billion laughs"), nesting
deeper than a statement needs (PyYAML's recursive composer raised
RecursionError near 1,000 levels), oversized text, and duplicate keys (YAML
keeps the last one without a word). The node tree is built here from the
parser's events, in one loop without recursion, so every check costs time
linear in the text and every failure is a YamlError with a file line.
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
        node, lines = _compose(loader)
        return Parsed(loader.construct_document(node) if node is not None else None, lines)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc)
        raise YamlError(mark.line if mark is not None else None, f"malformed YAML front matter: {reason}",
                        "check indentation and quote values that contain ': ' or start with a symbol"
                        ) from None
    except RecursionError:  # cannot happen within MAX_DEPTH; never a traceback regardless
        raise YamlError(None, "the front matter nests too deeply", "write one 'field: value' per line"
                        ) from None
    finally:
        loader.dispose()


@dataclass
class _Open:
    """A mapping or sequence being composed."""

    node: yaml.MappingNode | yaml.SequenceNode
    path: KeyPath
    key: yaml.ScalarNode | None = None
    """In a mapping: the key waiting for its value."""
    seen: dict[Any, int] | None = None
    """In a mapping: line of each key so far, to name both lines of a duplicate."""


def _compose(loader: Any) -> tuple[yaml.Node | None, dict[KeyPath, int]]:
    """yaml.compose for one document, iterative and with the checks above."""
    lines: dict[KeyPath, int] = {}
    stack: list[_Open] = []
    root: yaml.Node | None = None
    nodes = 0
    documents = 0
    while loader.check_event():
        event = loader.get_event()
        line = event.start_mark.line
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise YamlError(line, "YAML anchors and aliases (&name, *name) are not allowed in front matter",
                            "write each value out in full")
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlError(line, "the front matter holds more than one YAML document",
                                "remove the extra '---' or '...' line from the fields")
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            done = stack.pop()
            done.node.end_mark = event.end_mark
            continue
        if not isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            continue  # stream and document ends
        nodes += 1
        if nodes > MAX_NODES:
            raise YamlError(line, f"the front matter has more than {MAX_NODES:,} values",
                            "a statement needs a few dozen fields at most")
        parent = stack[-1] if stack else None
        if parent is not None and parent.seen is not None and parent.key is None:
            # A mapping key.
            if not isinstance(event, yaml.ScalarEvent):
                raise YamlError(line, "a field name must be plain text, not a list or mapping",
                                "write one 'field: value' per line")
            key = _node(loader, event)
            assert isinstance(key, yaml.ScalarNode)
            if event.value in parent.seen:
                raise YamlError(line, f"duplicate field {event.value!r}: also on line "
                                f"{parent.seen[event.value] + 2}",
                                "keep one of the two; YAML would silently use the last")
            parent.seen[event.value] = line
            parent.key = key
            lines[(*parent.path, event.value)] = line
            continue
        node = _node(loader, event)
        if parent is None:
            root, path = node, ()
        elif isinstance(parent.node, yaml.MappingNode):
            assert parent.key is not None
            parent.node.value.append((parent.key, node))
            path = (*parent.path, parent.key.value)
            parent.key = None
        else:
            path = (*parent.path, len(parent.node.value))
            parent.node.value.append(node)
            lines[path] = line
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            if len(stack) >= MAX_DEPTH:
                raise YamlError(line, f"the front matter nests more than {MAX_DEPTH} levels deep",
                                "a statement's fields nest three levels at most (related: - id:)")
            stack.append(_Open(node, path, seen={} if isinstance(node, yaml.MappingNode) else None))
    return root, lines


def _node(loader: Any, event: Any) -> yaml.Node:
    """The node an event starts, its tag resolved as the composer would."""
    start: Any = event.start_mark  # libyaml's marks are their own type
    if isinstance(event, yaml.ScalarEvent):
        end: Any = event.end_mark
        return yaml.ScalarNode(loader.resolve(yaml.ScalarNode, event.value, event.implicit),
                               event.value, start, end, event.style)
    kind = yaml.MappingNode if isinstance(event, yaml.MappingStartEvent) else yaml.SequenceNode
    return kind(loader.resolve(kind, None, event.implicit), [], start, None, event.flow_style)
