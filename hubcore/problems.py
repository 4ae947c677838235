"""One reported problem in an author's file.

Every check in the hub reports problems as values instead of raising, so that a
single run can show an author every mistake at once, each located by file, line
and field (``path:line: field: message``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A located problem; ``path`` is relative to the repository root, POSIX style."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised by callers that must stop (a build): carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
