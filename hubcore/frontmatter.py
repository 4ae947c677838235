"""Split a Markdown file into its YAML front matter and body, strictly.

MkDocs drops front matter it cannot parse without a word and publishes it as
text. Here every way a file can be broken (not UTF-8, unclosed or oversized
front matter, YAML that is not a mapping) becomes a located Problem instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .problems import Problem
from .strict_yaml import Document, KeyPath, StrictYamlError, parse

MAX_FRONT_MATTER_BYTES = 16_384
MAX_FRONT_MATTER_LINES = 300
_OPEN = "---"
_CLOSE = ("---", "...")


@dataclass
class SourceFile:
    """A Markdown file read and split: front matter (with lines) and body."""

    path: str  # relative to the repository root
    meta: dict[str, Any]
    meta_lines: dict[KeyPath, int]
    body_line: int  # the file line on which the body starts
    text: str
    body_start: int  # where the body starts in ``text``: the body is not kept twice

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    def line_of(self, path: KeyPath) -> int:
        return Document(self.meta, self.meta_lines).line_of(path)


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (a leading BOM is tolerated), or say where the bad byte is."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, [Problem(path, line, "file",
                              f"not valid UTF-8 (byte 0x{data[error.start]:02x}): "
                              "save the file as UTF-8")]
    return text.removeprefix("\ufeff"), []


def split(path: str, data: bytes) -> tuple[SourceFile | None, list[Problem]]:
    """Read one Markdown file; returns the split file or the problems that stop it."""
    text, problems = decode(path, data)
    if text is None:
        return None, problems
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r").rstrip() != _OPEN:
        return None, [Problem(path, 1, "front matter",
                              "missing: the file must start with a '---' line, "
                              "then title and summary, then '---'")]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r").rstrip() in _CLOSE), None)
    if end is None:
        return None, [Problem(path, 1, "front matter",
                              "not closed: add a '---' line after the last field")]
    block = "\n".join(line.rstrip("\r") for line in lines[1:end])
    if end - 1 > MAX_FRONT_MATTER_LINES or len(block.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        return None, [Problem(path, 1, "front matter",
                              f"too large (over {MAX_FRONT_MATTER_LINES} lines or "
                              f"{MAX_FRONT_MATTER_BYTES // 1024} KB): move text into the body")]
    try:
        document = parse(block, first_line=2)
    except StrictYamlError as error:
        return None, [Problem(path, error.line, error.key, error.message)]
    if not isinstance(document.value, dict):
        kind = "empty" if document.value is None else f"a {type(document.value).__name__}"
        return None, [Problem(path, 2 if document.value is None else document.line_of(()),
                              "front matter", f"must be a mapping of fields, found {kind}")]
    body_start = sum(len(line) + 1 for line in lines[:end + 1])  # after the closing line's "\n"
    return SourceFile(path, document.value, document.lines, end + 2, text, body_start), []
