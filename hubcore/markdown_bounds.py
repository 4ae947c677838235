"""Refuse Markdown that would make the renderer slow or deep, before it is rendered.

One pass over the lines, linear in the text. Two costs are bounded (limits.py):

- nesting: every level of list, quote, admonition or tab is a level of
  recursion in Python-Markdown, which fails at a few hundred;
- inline work: Python-Markdown looks for the end of a link or a tag from every
  '[' and '<' of a paragraph, so a paragraph costs about (those characters) x
  (its length); the sum over a file is bounded.

Fenced code is skipped: it is shown as text, never parsed for links or nesting.
"""

from __future__ import annotations

import re

from . import limits

_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_QUOTE = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
# Lines that start an inline unit of their own (a list item, a table row, a heading...).
_UNIT_START = re.compile(r"^[ \t>]*([-*+][ \t]|\d{1,9}[.)][ \t]|\||#|!!!|\?\?\?|===|:[ \t])")


def _depth(line: str) -> int:
    """Nesting of a line: quote markers plus indentation in steps of four columns."""
    quote = _QUOTE.match(line)
    quotes = quote.group(1).count(">") if quote else 0
    rest = line[quote.end():] if quote else line
    columns = 0
    for character in rest:
        if character == " ":
            columns += 1
        elif character == "\t":
            columns += 4 - columns % 4
        else:
            break
    return quotes + columns // 4


def _code_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines inside closed fences (a fence never closed is not code to the renderer)."""
    code: set[int] = set()
    opened: int | None = None
    fence = ""
    for index, line in enumerate(lines):
        marker = _FENCE.match(line)
        if opened is None:
            if marker:
                opened, fence = index, marker.group(1)
        elif marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence) \
                and not line[marker.end():].strip():
            code.update(range(opened, index + 1))
            opened = None
    return code


def problems(text: str) -> list[tuple[int, str]]:
    """(line, message) for each bound the text goes past; lines are 1-based within ``text``."""
    found: list[tuple[int, str]] = []
    lines = text.split("\n")
    code = _code_lines(lines)
    deep_reported = False
    unit_start, unit_length, unit_openers = 0, 0, 0
    total_work = 0
    worst_line, worst_work = 0, 0

    def close_unit() -> None:
        nonlocal total_work, worst_line, worst_work, unit_length, unit_openers
        work = unit_openers * unit_length
        total_work += work
        if work > worst_work:
            worst_line, worst_work = unit_start, work
        unit_length, unit_openers = 0, 0

    for index, line in enumerate(lines):
        number = index + 1
        if index in code or not line.strip(" \t>"):
            close_unit()
            continue
        if not deep_reported and _depth(line) > limits.MAX_MARKDOWN_NESTING:
            found.append((number, f"nested too deeply (more than {limits.MAX_MARKDOWN_NESTING} levels "
                                  "of lists, quotes or indentation): flatten it"))
            deep_reported = True
        if _UNIT_START.match(line):
            close_unit()
        if unit_length == 0:
            unit_start = number
        unit_length += len(line) + 1
        unit_openers += line.count("[") + line.count("<")
    close_unit()
    if total_work > limits.MAX_INLINE_WORK:
        found.append((worst_line, "too many '[' or '<' for the length of the text (the page would "
                                  "take too long to build): split long paragraphs, or write fewer "
                                  "brackets; the worst paragraph starts here"))
    return found
