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

from . import characters, limits

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


def _scalar(node: ScalarNode, path: KeyPath) -> Any:
    """Resolve a scalar the YAML 1.2 core way, restricted: no dates, floats or octals.

    Text holding a control character (YAML's escapes can write any) and numbers too
    long to count anything are refused here, where their line is known.
    """
    text = node.value
    problem = characters.problem(text)
    if problem:
        raise StrictYamlError(node.start_mark.line + 1, problem, _dotted(path) or "front matter")
    if node.style:  # quoted or block scalar: always text (plain is None, or "" from libyaml)
        return text
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        if len(text.lstrip("+-")) > limits.MAX_INTEGER_DIGITS:
            raise StrictYamlError(node.start_mark.line + 1,
                                  f"number too long (more than {limits.MAX_INTEGER_DIGITS} digits): "
                                  "put text in quotes", _dotted(path) or "front matter")
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
        return _scalar(node, path)
    if isinstance(node, SequenceNode):
        return [_convert(item, path + (i,), lines) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise StrictYamlError(key_node.start_mark.line + 1, "keys must be plain names")
            key = key_node.value
            problem = characters.problem(key)
            if problem:
                raise StrictYamlError(key_node.start_mark.line + 1, problem)
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


def _nesting_problem(text: str) -> StrictYamlError | None:
    """Refuse nesting deeper than limits.MAX_YAML_DEPTH before PyYAML's recursive composer sees it.

    Counts open flow brackets and, per line, the block levels open at its
    indentation plus the '- ' and 'key: ' indicators on the line; quoted text is
    skipped. An over-estimate is fine: real front matter nests two or three levels.
    (A RecursionError is still caught in parse(), should this ever under-count.)
    """
    depth, quote = 0, ""
    indents: list[int] = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped and not stripped.startswith("#") and not quote and depth == 0:
            indent = len(line) - len(stripped)
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            indicators = len(re.findall(r"(?:^|\s)-(?=\s|$)|:(?=\s|$)", stripped))
            if len(indents) + indicators > limits.MAX_YAML_DEPTH + 1:
                return StrictYamlError(number, f"nested too deeply (more than {limits.MAX_YAML_DEPTH} "
                                               "levels): write it flatter")
        previous = " "
        for character in line:
            if quote:
                if character == quote:
                    quote = ""
            elif character in "\"'" and previous in " [{,:":
                quote = character
            elif character == "#" and previous == " ":
                break
            elif character in "[{":
                depth += 1
                if depth > limits.MAX_YAML_DEPTH:
                    return StrictYamlError(number, f"nested too deeply (more than {limits.MAX_YAML_DEPTH} "
                                                   "levels of [ or {): write it flatter")
            elif character in "]}":
                depth = max(0, depth - 1)
            previous = character
    return None


def parse(text: str, first_line: int = 1) -> Document:
    """Parse one YAML document strictly; raises StrictYamlError with a 1-based line.

    ``first_line`` is the file line the text starts on (front matter starts on
    line 2), so that every line reported, in errors and in messages, is the file's.
    """
    padded = "\n" * (first_line - 1) + text
    for number, line in enumerate(padded.splitlines(), start=1):
        if "\t" in line:
            raise StrictYamlError(number, "tab character: indent with spaces")
    found = characters.first_forbidden(padded)
    if found:
        raise StrictYamlError(padded.count("\n", 0, found.start()) + 1,
                              characters.problem(found.group()) or "")
    too_deep = _nesting_problem(padded)
    if too_deep:
        raise too_deep
    node = _fast_node(padded)
    loader = _Loader(padded)
    try:
        if node is None:
            node = loader.get_single_node()
        lines: dict[KeyPath, int] = {}
        if node is None:
            return Document(None, {(): 1})
        return Document(_convert(node, (), lines), lines)
    except StrictYamlError:
        raise
    except yaml.MarkedYAMLError as error:
        raise _located(error) from None
    except yaml.reader.ReaderError as error:
        raise StrictYamlError(padded.count("\n", 0, error.position) + 1,
                              f"invalid YAML: character {error.character!r} is not allowed") from None
    except yaml.YAMLError as error:
        raise StrictYamlError(1, f"invalid YAML: {error}") from None
    except RecursionError:
        raise StrictYamlError(first_line, "nested too deeply: write it flatter") from None
    finally:
        loader.dispose()


# libyaml composes nodes about ten times faster than PyYAML's Python code. It is used only
# where it cannot differ from the strict reader: small texts (front matter) without the
# characters of anchors, aliases and tags, which it would resolve silently. Anything it
# finds wrong is read again by the Python reader, whose messages say exactly where.
_FAST_UP_TO = 16 * 1024
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _fast_node(text: str) -> Node | None:
    if _FAST_LOADER is None or len(text) > _FAST_UP_TO or "&" in text or "*" in text or "!" in text:
        return None
    loader = _FAST_LOADER(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
