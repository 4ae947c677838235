"""A YAML reader that refuses what PyYAML would silently get wrong.

PyYAML's safe loader reads ``NO`` as false, ``2024-01-02`` as a date and ``1.10``
as 1.1, keeps the last of two duplicate keys and expands alias bombs. Authors'
front matter and the hub's data files go through this reader instead: values are
plain strings, integers, ``true``/``false``, null, lists and mappings, and every
value remembers the line it came from so that errors can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# A key path inside a document: ("event", "kind") or ("attachments", 0, "title").
KeyPath = tuple[str | int, ...]

_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_NULL = {"", "~", "null"}
_BOOL = {"true": True, "false": False}


class StrictYamlError(Exception):
    """A problem with a 1-based ``line`` relative to the start of the parsed text."""

    def __init__(self, line: int, message: str, key: str = "front matter") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.key = key


@dataclass
class Document:
    """A parsed YAML document: its value and the line of every key path in it."""

    value: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line_of(self, path: KeyPath, default: int = 1) -> int:
        """Line of ``path``, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


class _Loader(yaml.SafeLoader):
    """Composes nodes only; refuses anchors and aliases as they are met."""

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise StrictYamlError(
                event.start_mark.line + 1,
                f"YAML aliases (*{event.anchor}) are not allowed: write the value out",
            )
        if isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.anchor:
            raise StrictYamlError(
                event.start_mark.line + 1,
                f"YAML anchors (&{event.anchor}) are not allowed: write the value out",
            )
        return super().compose_node(parent, index)


def _scalar(node: ScalarNode) -> Any:
    """Resolve a scalar the YAML 1.2 core way, restricted: no dates, floats or octals."""
    text = node.value
    if node.style is not None:  # quoted or block scalar: always text
        return text
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    return text


_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "bool", "null", "float", "timestamp", "seq", "map")
}


def _explicit_tag(node: Node) -> bool:
    """True when the author wrote a tag (``!!python/name:``, ``!foo``, ``!!binary``)."""
    return node.tag not in _PLAIN_TAGS


def _dotted(path: KeyPath) -> str:
    """``("attachments", 0, "title")`` -> ``attachments[0].title``, as problems name fields."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _convert(node: Node, path: KeyPath, lines: dict[KeyPath, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if _explicit_tag(node):
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise StrictYamlError(node.start_mark.line + 1, f"YAML tag '{tag}' is not allowed",
                              _dotted(path) or "front matter")
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [_convert(item, path + (i,), lines) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise StrictYamlError(key_node.start_mark.line + 1, "keys must be plain names")
            key = key_node.value
            if key in result:
                raise StrictYamlError(
                    key_node.start_mark.line + 1,
                    f"duplicate key {key!r} (first on line {lines[path + (key,)]})",
                    _dotted(path + (key,)),
                )
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _convert(value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    raise StrictYamlError(node.start_mark.line + 1, "unsupported YAML node")


def _located(error: yaml.MarkedYAMLError) -> StrictYamlError:
    """The most useful line for an author: where an unclosed [ or { opened, else the problem."""
    problem = error.problem_mark or error.context_mark
    line = problem.line + 1 if problem else 1
    context = error.context or ""
    if error.context_mark is not None and context.startswith("while parsing a flow"):
        opened = error.context_mark.line + 1
        if opened != line:
            bracket = "[" if "sequence" in context else "{"
            return StrictYamlError(opened, f"invalid YAML: '{bracket}' opened here is not closed "
                                           f"({error.problem} on line {line})")
    return StrictYamlError(line, f"invalid YAML: {error.problem or error}")


def parse(text: str, first_line: int = 1) -> Document:
    """Parse one YAML document strictly; raises StrictYamlError with a 1-based line.

    ``first_line`` is the file line the text starts on (front matter starts on
    line 2), so that every line reported, in errors and in messages, is the file's.
    """
    padded = "\n" * (first_line - 1) + text
    for number, line in enumerate(padded.splitlines(), start=1):
        if "\t" in line:
            raise StrictYamlError(number, "tab character: indent with spaces")
    loader = _Loader(padded)
    try:
        node = loader.get_single_node()
    except StrictYamlError:
        raise
    except yaml.MarkedYAMLError as error:
        raise _located(error) from None
    except yaml.YAMLError as error:
        raise StrictYamlError(1, f"invalid YAML: {error}") from None
    finally:
        loader.dispose()
    lines: dict[KeyPath, int] = {}
    if node is None:
        return Document(None, {(): 1})
    return Document(_convert(node, (), lines), lines)
