"""The small data files beside the taxonomies: site settings and project figures."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .strict_yaml import Document, StrictYamlError, parse


def load_mapping(root: Path, rel: str, required: bool = True) -> tuple[Document, list[Problem]]:
    """A strict YAML mapping from ``rel`` (an empty one when unusable); problems instead of exceptions."""
    empty = Document({}, {(): 1})
    try:
        document = parse((root / rel).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return empty, ([Problem(rel, 1, "file", "missing")] if required else [])
    except StrictYamlError as error:
        return empty, [Problem(rel, error.line, error.key, error.message)]
    if document.value is None:
        return empty, []
    if not isinstance(document.value, dict):
        return empty, [Problem(rel, 1, "file", "must be a mapping")]
    return document, []
