"""The hub's YAML data files (vocabularies, settings, project figures, interface words), read strictly.

Data files arrive by pull request like content, so they are read like content:
size-limited, UTF-8, strict YAML, and every failure a located problem instead of
an exception.
"""

from __future__ import annotations

from pathlib import Path

from . import limits
from .problems import Problem
from .strict_yaml import Document, StrictYamlError, parse


def read_yaml(root: Path, rel: str) -> tuple[Document | None, list[Problem]]:
    """The parsed document at ``rel``, or None with the problems that stop it (a missing file: none)."""
    path = root / rel
    try:
        if path.is_symlink() or not path.is_file():
            return None, ([Problem(rel, 1, "file", "must be a plain file")] if path.exists() else [])
        data = limits.read_at_most(path, limits.MAX_DATA_FILE_BYTES)  # refused unread if over
    except OSError as error:
        return None, [Problem(rel, 1, "file", f"cannot be read: {error.strerror}")]
    if len(data) > limits.MAX_DATA_FILE_BYTES:
        return None, [Problem(rel, 1, "file", f"too large: at most {limits.MAX_DATA_FILE_BYTES // 1024} KB")]
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        return None, [Problem(rel, data.count(b"\n", 0, error.start) + 1, "file",
                              f"not valid UTF-8 (byte 0x{data[error.start]:02x}): save the file as UTF-8")]
    try:
        return parse(text), []
    except StrictYamlError as error:
        return None, [Problem(rel, error.line, error.key, error.message)]


def load_mapping(root: Path, rel: str, required: bool = True) -> tuple[Document, list[Problem]]:
    """A strict YAML mapping from ``rel`` (an empty one when unusable); problems instead of exceptions."""
    empty = Document({}, {(): 1})
    document, problems = read_yaml(root, rel)
    if document is None:
        if not problems and required and not (root / rel).exists():
            problems = [Problem(rel, 1, "file", "missing")]
        return empty, problems
    if document.value is None:
        return empty, []
    if not isinstance(document.value, dict):
        return empty, [Problem(rel, 1, "file", "must be a mapping")]
    return document, []
