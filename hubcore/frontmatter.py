"""Split a Markdown file into its YAML front matter and body, strictly.

MkDocs drops front matter it cannot parse without a word and publishes it as
text. Here every way a file can be broken (not UTF-8, unclosed or oversized
front matter, YAML that is not a mapping) becomes a located Problem instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import characters
from .limits import MAX_FRONT_MATTER_BYTES, MAX_FRONT_MATTER_LINES, MAX_MARKDOWN_BYTES
from .problems import Problem
from .strict_yaml import Document, KeyPath, StrictYamlError, parse

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


def control_characters(path: str, text: str) -> list[Problem]:
    """One problem per line that holds a control or invisible formatting character."""
    problems, last = [], 0
    for found in characters.FORBIDDEN.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        if line != last:
            problems.append(Problem(path, line, "file", characters.problem(found.group()) or ""))
            last = line
    return problems


def _delimiter(line: str, allowed: tuple[str, ...]) -> str | None:
    """'ok' for an exact delimiter line, 'stray' for one with characters around it, else None.

    MkDocs reads a delimiter with trailing spaces but not with, say, a no-break space,
    and then shows the front matter as text: only the exact line is accepted.
    """
    bare = line.removesuffix("\r")
    if bare in allowed:
        return "ok"
    return "stray" if bare.strip() in allowed else None


def split(path: str, data: bytes) -> tuple[SourceFile | None, list[Problem]]:
    """Read one Markdown file; returns the split file or the problems that stop it."""
    if len(data) > MAX_MARKDOWN_BYTES:
        return None, [Problem(path, 1, "file", f"too large: at most {MAX_MARKDOWN_BYTES // 1024} KB: split the page, or "
                                               "attach long documents as files")]
    text, problems = decode(path, data)
    if text is None:
        return None, problems
    problems = control_characters(path, text)
    if problems:
        return None, problems
    lines = text.split("\n")
    opening = _delimiter(lines[0], (_OPEN,))
    if opening != "ok":
        message = ("stray characters around '---': the first line must be exactly '---'" if opening else
                   "missing: the file must start with a '---' line, then title and summary, then '---'")
        return None, [Problem(path, 1, "front matter", message)]
    end = None
    for i in range(1, len(lines)):
        closing = _delimiter(lines[i], _CLOSE)
        if closing == "stray":
            return None, [Problem(path, i + 1, "front matter", "stray characters around '---': the line "
                                                               "that closes the front matter must be exactly '---'")]
        if closing == "ok":
            end = i
            break
    if end is None:
        return None, [Problem(path, 1, "front matter",
                              "not closed: add a '---' line after the last field")]
    if end == len(lines) - 1:
        return None, [Problem(path, end + 1, "front matter",
                              "end the closing '---' line with a line break")]
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
