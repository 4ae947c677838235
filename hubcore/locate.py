"""Find the source line of something seen only in rendered HTML.

Python-Markdown keeps no source positions, so a problem found in the rendered
body is located by rendering growing prefixes of the body: its line is the
first line after which the problem is there (the n-th time, for its n-th
occurrence). A binary search needs a handful of renders per problem, and only
files with problems pay it. A reference link defined at the end of a page is
found at its definition, which is where the address is written.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Hashable

from . import limits

# What a render of a prefix gives: how many times each key occurs in it.
Counts = Callable[[str], Counter]


class Locator:
    """Lines (1-based within the body) of keys found in the rendered body, with renders shared."""

    def __init__(self, body: str, counts: Counts) -> None:
        self.lines = body.split("\n")
        self.counts = counts
        self._seen: dict[int, Counter] = {}
        self._located: dict[tuple[Hashable, int], int] = {}

    def _at(self, k: int) -> Counter:
        if k not in self._seen:
            self._seen[k] = self.counts("\n".join(self.lines[:k]) + "\n")
        return self._seen[k]

    def line_of(self, key: Hashable, occurrence: int = 1) -> int:
        """The line after which ``key`` has appeared ``occurrence`` times (the last line if never)."""
        if (key, occurrence) in self._located:
            return self._located[(key, occurrence)]
        if len(self._located) >= limits.MAX_LOCATED_PER_FILE:
            earlier = [line for (k, _), line in self._located.items() if k == key]
            return min(earlier) if earlier else 1
        low, high = 1, len(self.lines)
        while low < high:
            middle = (low + high) // 2
            if self._at(middle)[key] >= occurrence:
                high = middle
            else:
                low = middle + 1
        self._located[(key, occurrence)] = low
        return low


def occurrences(keys: list[Hashable]) -> list[tuple[Hashable, int]]:
    """Each key with its occurrence number: [a, b, a] -> [(a, 1), (b, 1), (a, 2)]."""
    seen: Counter = Counter()
    numbered = []
    for key in keys:
        seen[key] += 1
        numbered.append((key, seen[key]))
    return numbered
