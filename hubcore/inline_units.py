"""Where Python-Markdown surely starts a new piece of inline text, told from the lines alone.

markdown_bounds.py counts inline work per piece of inline text: its marks times its
length. Python-Markdown handles the text of each paragraph, list item, table row and
heading separately, but a line that only looks like a list item or a table row may
belong to a paragraph ("text\\n- item" is one paragraph), and cutting the count there
would let a paragraph through that costs many times what was counted. So a new piece
starts only where the renderer surely starts one; anything unsure stays with the piece
before, which is then counted as larger than it is, never smaller:

- a block's first line (after a blank line);
- a heading written with '#' at the very start of a line, and a thematic break
  ('---', '* * *'): both are split off any block, and what follows starts afresh;
- a footnote definition at the very start of a line;
- in a list (a block that starts with an item), each item of the list's kind;
- in a table (a block that starts with a header row and a separator row), each row.

An admonition, details or tab line ('!!!', '???', '===') ends a list or a table here:
what follows it may be a paragraph to the renderer.
"""

from __future__ import annotations

import re

# Items as Python-Markdown's lists read them: up to three spaces, the marker, spaces.
_BULLET = re.compile(r" {0,3}[*+-] +")
_NUMBER = re.compile(r" {0,3}\d{1,9}\. +")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]:")
# The first characters of the lines that may end a piece or a list: for the short way.
_NOTABLE = frozenset("#-*_[!?=")


def _is_break(line: str) -> bool:
    """A thematic break as Python-Markdown reads it: up to three spaces, then three or more of
    one of '-', '*' and '_', with at most two spaces between them (no regex: no backtracking)."""
    rest = line.strip(" ")
    if not rest or rest[0] not in "-*_" or len(line) - len(line.lstrip(" ")) > 3:
        return False
    return not rest.replace(rest[0], "").strip(" ") and rest.count(rest[0]) >= 3 and "   " not in rest


def _cells(row: str, left: bool, right: bool) -> list[str]:
    """A row's cells as the tables extension splits a row without escapes or code."""
    row = row.strip(" ")
    if left and row.startswith("|"):
        row = row[1:]
    if right and row.endswith("|"):
        row = row[:-1]
    return row.split("|")


def _table_start(header: str, separator: str) -> bool:
    """A header row and a separator row the tables extension surely takes for a table's first two."""
    header, separator = header.strip(" "), separator.strip(" ")
    if any(mark in header + separator for mark in "\\`\t"):
        return False
    left, right = header.startswith("|"), header.endswith("|")
    cells = _cells(header, left, right)
    row = _cells(separator, left, right)
    return len(cells) > 1 and len(row) == len(cells) and set("".join(row)) <= set(":- ")


class Pieces:
    """Follows the blocks of one page, a line at a time; ``starts`` says where a piece begins."""

    def __init__(self) -> None:
        self.kind: str | None = None  # None at a block's start; then "text", "bullets", "numbers", "table"
        self.header: str | None = None  # a block's first line, while its second may make it a table

    def blank(self) -> None:
        """A blank line (or code) ends the block."""
        self.kind, self.header = None, None

    def starts(self, line: str) -> bool:
        """Whether ``line`` (a line of text, as the renderer reads it) starts a new piece of inline text."""
        header, self.header = self.header, None
        if header is not None and _table_start(header, line):
            self.kind = "table"
            return True
        if self.kind == "text" and line[:1] not in _NOTABLE:
            return False  # the short way, for most lines
        if line.startswith("#") or _is_break(line):
            self.kind = None  # what follows is a block of its own
            return True
        boxed = line.startswith(("!!!", "???", "==="))
        if self.kind is None:
            self.kind = ("text" if boxed else "bullets" if _BULLET.match(line)
                         else "numbers" if _NUMBER.match(line) else "text")
            self.header = line if self.kind == "text" and "|" in line else None
            return True
        if boxed:
            self.kind = "text"
            return False
        if self.kind == "table" or _FOOTNOTE.match(line):
            return True
        pattern = {"bullets": _BULLET, "numbers": _NUMBER}.get(self.kind)
        return bool(pattern and pattern.match(line))
