"""Find the source line of something seen only in rendered HTML, within a bounded amount of work.

Python-Markdown keeps no source positions. A problem's line is defined as the
first line after which the problem is there (the n-th time, for its n-th
occurrence) when the body is rendered only that far: a reference link defined
at the end of a page is found at its definition, where the address is written.

A render costs about the prefix's length (plus the page's inline and block work,
for pages that render slowly for their length), each time, so the work is bounded twice:

- the source is scanned first for the text the problem names (the element, the
  attribute and its value, the address), outside fenced code: that line is the
  guess, and two renders (up to it, and up to the line before) confirm it;
  a wrong guess is followed by a binary search, which a problem with nothing to
  scan for (an unfinished tag) starts with;
- all renders of one file share a budget of about twice the page (limits.py):
  when it is spent, a problem keeps its guess, or the nearest line known to hold
  it. The budget counts characters, not seconds, so the lines never depend on
  how busy the machine is.

A prefix is never cut inside a fenced block: the fence would be left open and
its code read as Markdown (a ``<script>`` shown as code would seem to be one).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Callable, Hashable

from . import limits, markdown_bounds

# What a render of a prefix gives: how many times each key occurs in it.
Counts = Callable[[str], Counter]
# The texts the source line of a key holds (lower-case, every one of them); () when unknown.
Needles = Callable[[Hashable], tuple[str, ...]]
# Inline code spans: their text is shown, never read as markup.
_CODE_SPAN = re.compile(r"`[^`]*`")


def _no_needles(key: Hashable) -> tuple[str, ...]:
    return ()


class Locator:
    """Lines (1-based within the body) of keys found in the rendered body, with renders shared."""

    def __init__(self, body: str, counts: Counts, needles: Needles = _no_needles, weight: int = 0) -> None:
        """``weight``: what a render costs besides its length, in characters (markdown_bounds.render_weight)."""
        self.lines = body.split("\n")
        self.counts = counts
        self.needles = needles
        self.weight = weight
        self.budget = limits.LOCATE_RENDER_FACTOR * (len(body) + weight) + limits.LOCATE_RENDER_FLOOR
        self.rendered = 0  # characters' worth rendered so far, all renders together
        self.renders = 0
        fences = markdown_bounds.fences(body)
        inside = {index for first, last in fences for index in range(first, last)}
        # A prefix of k lines may end on any line but a fence's opening and code lines.
        self._cuts = [k for k in range(1, len(self.lines) + 1) if k - 1 not in inside]
        self._index = {k: index for index, k in enumerate(self._cuts)}
        self._length = [0]  # characters of the prefix of k lines, each with its line break
        for line in self.lines:
            self._length.append(self._length[-1] + len(line) + 1)
        self._code = inside | {last for _, last in fences}
        self._scanned: list[str] | None = None
        self._seen: dict[int, Counter] = {}
        self._located: dict[tuple[Hashable, int], int] = {}

    def _at(self, k: int) -> Counter | None:
        """The counts of the first ``k`` lines rendered, or None if that would go over the budget."""
        if k not in self._seen:
            if self.rendered + self._length[k] + self.weight > self.budget:
                return None
            self.rendered += self._length[k] + self.weight
            self.renders += 1
            self._seen[k] = self.counts("\n".join(self.lines[:k]) + "\n")
        return self._seen[k]

    def _guess(self, key: Hashable, occurrence: int) -> int | None:
        """The line whose source text holds the ``occurrence``-th mention of ``key``, if it says what to look for."""
        needles = self.needles(key)
        if not needles:
            return None
        if self._scanned is None:
            self._scanned = ["" if index in self._code else _CODE_SPAN.sub("", html.unescape(line)).lower()
                             for index, line in enumerate(self.lines)]
        seen = 0
        for index, text in enumerate(self._scanned):
            seen += min(text.count(needle) for needle in needles)
            if seen >= occurrence:
                return index + 1
        return None

    def line_of(self, key: Hashable, occurrence: int = 1) -> int:
        """The line after which ``key`` has appeared ``occurrence`` times (the last line if never)."""
        if (key, occurrence) in self._located:
            return self._located[(key, occurrence)]
        if len(self._located) >= limits.MAX_LOCATED_PER_FILE:
            earlier = [line for (k, _), line in self._located.items() if k == key]
            return min(earlier) if earlier else 1
        line = self._search(key, occurrence, self._guess(key, occurrence))
        self._located[(key, occurrence)] = line
        return line

    def _search(self, key: Hashable, occurrence: int, guess: int | None) -> int:
        """Confirm ``guess`` or search between the bounds it leaves, within the budget."""
        low, high = 0, len(self._cuts) - 1  # indexes into _cuts; the whole body holds the key
        if guess is not None:
            at = self._index[guess]
            here = self._at(guess)
            if here is None:
                return guess  # out of budget: the line its text is on
            if here[key] < occurrence:
                low = at + 1
            else:
                before = self._at(self._cuts[at - 1]) if at > 0 else Counter()
                if before is None or before[key] < occurrence:
                    return guess  # confirmed, or out of budget
                high = at - 1
        while low < high:
            middle = (low + high) // 2
            counts = self._at(self._cuts[middle])
            if counts is None:
                break  # out of budget: the nearest line known to hold it
            if counts[key] >= occurrence:
                high = middle
            else:
                low = middle + 1
        return self._cuts[high]


def occurrences(keys: list[Hashable]) -> list[tuple[Hashable, int]]:
    """Each key with its occurrence number: [a, b, a] -> [(a, 1), (b, 1), (a, 2)]."""
    seen: Counter = Counter()
    numbered = []
    for key in keys:
        seen[key] += 1
        numbered.append((key, seen[key]))
    return numbered
