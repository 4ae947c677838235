"""The scaffold's example text, refused in anything published.

``hub.py new`` (scaffold.py) fills a new file's summary and text with examples
that explain what to write (data/ui.yml: ``scaffold_summary``,
``scaffold_body``), and starts it as a draft. If the draft line is removed
before those examples are replaced, the file would pass every other check and
reach readers unfinished: this refuses the examples, in any language, on their
lines. Drafts may keep them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .frontmatter import SourceFile
from .problems import Problem

MESSAGE = "replace this text: it is the example written by 'hub.py new'"


@dataclass(frozen=True)
class Examples:
    """The example summaries, and the first line of each example text, in every language."""

    summaries: frozenset[str]
    lines: frozenset[str]


def first_line(body: str) -> str:
    """The example text's first line of prose (not its heading): what is looked for in a page."""
    return next((line.strip() for line in body.splitlines() if line.strip() and not line.startswith("#")), "")


def examples(ui: dict[str, Any]) -> Examples:
    """The examples data/ui.yml gives the scaffold, in each language it has words for."""
    words = [w for w in ui.values() if isinstance(w, dict)]
    summaries = {w["scaffold_summary"] for w in words if isinstance(w.get("scaffold_summary"), str)}
    lines = {first_line(w["scaffold_body"]) for w in words if isinstance(w.get("scaffold_body"), str)}
    return Examples(frozenset(summaries), frozenset(lines - {""}))


def problems(source: SourceFile, draft: bool, found_examples: Examples) -> list[Problem]:
    """The example summary or text left in a file that is not a draft, each at its line."""
    if draft:
        return []
    found = []
    summary = source.meta.get("summary")
    if isinstance(summary, str) and summary in found_examples.summaries:  # anything else is the fields' check
        found.append(Problem(source.path, source.line_of(("summary",)), "summary", MESSAGE))
    for number, line in enumerate(source.body.splitlines()):
        if line.strip() in found_examples.lines:
            found.append(Problem(source.path, source.body_line + number, "body", MESSAGE))
    return found
