"""Refuse Markdown that would make the renderer slow or deep, before it is rendered.

One pass over the lines, linear in the text (every pattern here matches in time
linear in its line). What it bounds (limits.py), each where Python-Markdown's own
work is not linear:

- nesting: every level of list, quote, admonition or tab is a level of
  recursion in Python-Markdown, which fails at a few hundred;
- inline work: within a paragraph, the renderer looks for the end of a link or
  a tag from every '[' and '<', and copies the rest of the paragraph after every
  other inline match, so a paragraph costs about (those marks) x (its length);
  the sum over a page is bounded (where a paragraph ends: inline_units.py);
- block work: a block (lines with no blank line between) is split one heading,
  rule, admonition, tab or definition at a time, each split testing the rest of
  the block again, so a block costs about (those lines) x (its length); their
  number per block is bounded too, since a run of definitions recurses once each;
- counts per page: headings, content tabs (each looks through its set's earlier
  tabs), footnote references (a repeated one looks through the earlier ones).

Fenced code is skipped (it is shown as text, never parsed for links or nesting)
where the renderer surely reads it as code; anything else is counted as text.
Each problem is reported once, at the line where its limit is passed (or at the
start of the worst paragraph or block, for the sums).
"""

from __future__ import annotations

import re
from collections import Counter

from . import limits
from .inline_units import Pieces

_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
# What may follow a plain fence's marker (spaces aside): a language, as superfences reads it.
_LANGUAGE = re.compile(r"(?:\.?[\w#.+-]+)?")
_QUOTE = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
# Indentation and quote markers before a line's own text.
_MARGIN = re.compile(r"^[ \t>]*")
# The characters a line that may split a block (or be a heading, or a tab) starts with.
_SPECIAL_STARTS = frozenset("#!?=:-*_")
# A content tab's first line (pymdownx.tabbed: === "Title", with +, ! or both).
_TAB = re.compile(r'^={3}[+!]{0,2}[ \t]+"')
# What a blank line is here: nothing but spaces, tabs and quote markers.
_BLANK = " \t>"
# What a fenced block is to the rest of its block: a line of text (Python-Markdown's placeholder).
_STASHED = "\x02stash\x03"

Problem = tuple[int, str]


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


def _renderer_lines(text: str) -> list[tuple[int, str]]:
    """The lines as Python-Markdown reads them, each with the index of the source line it is on:
    a carriage return, alone or before a line feed, ends a line there too."""
    return [(index, part) for index, line in enumerate(text.split("\n"))
            for part in line.removesuffix("\r").split("\r")]


def _fences(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) indexes of each fenced block that is surely code to the renderer.

    Skipping code must never skip what pymdownx.superfences renders as Markdown (that would
    let anything past the bounds), so only its plainest fences are read here: after a blank
    line, indented by spaces alone, with at most a language after the marker, closed by the
    same marker at the same indentation; a line indented less abandons the fence, as
    superfences does. At any other line that could open a fence (in a quote, after a tab or
    a line of text, with options or text after the marker) this reader stops: the rest of
    the page is counted as text. A fence never closed is text.
    """
    found: list[tuple[int, int]] = []
    opened: int | None = None
    margin, fence = "", ""
    for index, line in enumerate(lines):
        if opened is None:
            marker = _FENCE.match(line)
            if marker:
                margin, fence = line[:marker.start(1)], marker.group(1)
                if margin.strip(" ") or not _LANGUAGE.fullmatch(line[marker.end():].strip(" \t")) \
                        or (index and lines[index - 1].strip(" \t")):
                    break  # right after a line of text, superfences may give the fence back as text
                opened = index
        elif line.strip(" \t"):
            indent = len(line) - len(line.lstrip(" "))
            if indent < len(margin):
                if line[indent] in "\t>":
                    break  # how superfences reads this line depends on more than is read here
                opened = None  # superfences abandons the fence: its lines are text
            elif line.startswith(fence, len(margin)) and not line[len(margin) + len(fence):].strip(" \t"):
                found.append((opened, index))
                opened = None
    return found


def fences(text: str) -> list[tuple[int, int]]:
    """(first, last) source lines (0-based) of each fenced block that is surely code (see _fences)."""
    lines = _renderer_lines(text)
    return [(lines[first][0], lines[last][0]) for first, last in _fences([line for _, line in lines])]


def _is_rule(text: str) -> bool:
    """A setext underline or a thematic break: only '=', '-', '*', '_' and spaces (without a regex
    that could backtrack on a long line)."""
    stripped = text.rstrip()
    return bool(stripped) and not stripped.strip("=-*_ ")


def _splits_block(text: str) -> bool:
    """Lines that Python-Markdown splits off a block by themselves (``text`` is without its margin)."""
    return (text.startswith(("#", "!!!", "???", "===")) or _is_rule(text)
            or (text[:1] == ":" and text[1:2] in (" ", "\t")))


def _footnote_references(text: str) -> list[str]:
    """Labels of the footnote references on a line (``text`` is without its margin), as the
    footnotes extension matches them: ``[^label]``, the label running to the next ']'. A
    definition's own label, ``[^label]:`` at the start, is not one."""
    labels = []
    start = text.find("[^")
    while start >= 0:
        end = text.find("]", start + 2)
        if end < 0:
            break
        if not (start == 0 and text[end + 1:end + 2] == ":"):
            labels.append(text[start + 2:end])
        start = text.find("[^", end + 1)
    return labels


class _Scan:
    """The running counts of one pass; ``problems`` is what the page goes past."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.reported: set[str] = set()
        # The current piece of inline text (inline_units.py) and block, and the sums over the page.
        self.pieces = Pieces()
        self.piece_start = self.piece_length = self.piece_marks = 0
        self.inline_work = self.worst_inline_line = self.worst_inline = 0
        self.block_start = self.block_length = self.block_splits = self.most_splits = 0
        self.block_work = self.worst_block_line = self.worst_block = 0
        self.headings = self.tabs = self.references = 0
        self.by_footnote: Counter[str] = Counter()

    def once(self, what: str, line: int, message: str) -> None:
        if what not in self.reported:
            self.reported.add(what)
            self.problems.append((line, message))

    def close_piece(self) -> None:
        work = self.piece_marks * self.piece_length
        self.inline_work += work
        if work > self.worst_inline:
            self.worst_inline_line, self.worst_inline = self.piece_start, work
        self.piece_length = self.piece_marks = 0

    def close_block(self) -> None:
        self.close_piece()
        self.pieces.blank()
        # A block already refused for its count is not counted again in the sum.
        work = self.block_splits * self.block_length * (self.block_splits <= limits.MAX_BLOCK_CONSTRUCTS)
        self.block_work += work
        if work > self.worst_block:
            self.worst_block_line, self.worst_block = self.block_start, work
        self.block_length = self.block_splits = 0

    def line(self, number: int, line: str) -> None:
        """Count one line of text (not code, not blank). Most lines start with a letter and take
        the short way: this pass must stay cheaper than the rendering it protects."""
        margin = _MARGIN.match(line).end()  # type: ignore[union-attr]
        if margin > limits.MAX_MARKDOWN_NESTING and _depth(line) > limits.MAX_MARKDOWN_NESTING:
            self.once("deep", number, f"nested too deeply (more than {limits.MAX_MARKDOWN_NESTING} levels "
                                      "of lists, quotes or indentation): flatten it")
        text = line[margin:]
        first = self.block_length == 0
        if first:
            self.block_start = number
        self.block_length += len(line) + 1
        if text[:1] in _SPECIAL_STARTS:
            self.special(number, text, first)
        if "[^" in text:
            self.footnotes(number, text)
        if self.pieces.starts(line):
            self.close_piece()
        if self.piece_length == 0:
            self.piece_start = number
        self.piece_length += len(line) + 1
        self.piece_marks += ((line.count("[") + line.count("<")) * limits.INLINE_MARK_SHARE
                            + line.count("\\") + line.count("`") + line.count("*") + line.count("_")
                            + line.count("&") + line.endswith("  "))

    def special(self, number: int, text: str, first: bool) -> None:
        """A line that may split its block, be a heading (a rule under a line is one) or a content tab."""
        if _splits_block(text):
            self.block_splits += 1
            self.most_splits = max(self.most_splits, self.block_splits)
            if self.block_splits > limits.MAX_BLOCK_CONSTRUCTS:
                self.once("block", number, f"more than {limits.MAX_BLOCK_CONSTRUCTS} headings, rules, "
                                           "admonitions, tabs or definitions with no blank line between them: "
                                           "put a blank line after each")
        if text.startswith("#") or (not first and _is_rule(text)):
            self.headings += 1
            if self.headings > limits.MAX_HEADINGS:
                self.once("headings", number, f"more than {limits.MAX_HEADINGS:,} headings in one page: "
                                              "split it into several pages")
        if _TAB.match(text):
            self.tabs += 1
            if self.tabs > limits.MAX_TABS:
                self.once("tabs", number, f"more than {limits.MAX_TABS} content tabs in one page: "
                                          "split it into several pages")

    def footnotes(self, number: int, text: str) -> None:
        for label in _footnote_references(text):
            self.references += 1
            self.by_footnote[label] += 1
            if self.references > limits.MAX_FOOTNOTE_REFERENCES:
                self.once("references", number, f"more than {limits.MAX_FOOTNOTE_REFERENCES:,} footnote "
                                                "references in one page: split it into several pages")
            if self.by_footnote[label] > limits.MAX_REFERENCES_TO_ONE_FOOTNOTE:
                self.once("repeated", number, f"footnote [^{label[:40]}] is referred to more than "
                                              f"{limits.MAX_REFERENCES_TO_ONE_FOOTNOTE} times: give the "
                                              "later places a footnote of their own, or none")

    def finish(self) -> list[Problem]:
        if self.block_work > limits.MAX_BLOCK_WORK:
            self.problems.append((self.worst_block_line, "too many headings, rules, admonitions, tabs or "
                                  "definitions with no blank line between them for the length of the text "
                                  "(the page would take too long to build): put a blank line after each; "
                                  "the worst block starts here"))
        if self.inline_work > limits.MAX_INLINE_WORK * limits.INLINE_MARK_SHARE:
            self.problems.append((self.worst_inline_line, "too many '[', '<', backslashes, backticks, '*', "
                                  "'_' or '&' for the length of the text (the page would take too long to "
                                  "build): split long paragraphs, or write fewer of them; the worst "
                                  "paragraph starts here"))
        return sorted(self.problems)


def _scan(text: str) -> _Scan:
    """One pass over ``text``: its counts and sums, and the problems found while counting."""
    lines = _renderer_lines(text)
    fenced = _fences([line for _, line in lines])
    opening = {first for first, _ in fenced}
    code = {index for first, last in fenced for index in range(first, last + 1)}
    scan = _Scan()
    for index, (source, line) in enumerate(lines):
        if index in opening:
            # The renderer stashes a fenced block as one line of its own block: text right
            # before or after it (no blank line between) is still one paragraph with it.
            scan.line(source + 1, _STASHED)
        elif index in code:
            continue
        elif not line.strip(_BLANK):
            scan.close_block()
        else:
            scan.line(source + 1, line)
    scan.close_block()
    return scan


def render_weight(text: str) -> int:
    """What rendering ``text`` costs besides its length, in characters' worth: its inline and block
    work. A part of it costs no more (locate.py counts each render of a part at this weight)."""
    scan = _scan(text)
    return (scan.inline_work // limits.INLINE_MARK_SHARE + scan.block_work) // limits.RENDER_WORK_PER_CHARACTER


def problems(text: str) -> list[Problem]:
    """(line, message) for each bound the text goes past; lines are 1-based within ``text``."""
    return _scan(text).finish()
