"""The scaffold's example text, refused in anything published.

``hub.py new`` (scaffold.py) fills a new file's summary and text with examples
that explain what to write, and starts it as a draft. If the draft line is
removed before those examples are replaced, the file would pass every other
check and reach readers unfinished: this refuses the examples, on their lines.
Drafts may keep them.
"""

from __future__ import annotations

from .frontmatter import SourceFile
from .problems import Problem
from .scaffold import PLACEHOLDER_LINE, PLACEHOLDER_SUMMARY

MESSAGE = "replace this text: it is the example written by 'hub.py new'"


def problems(source: SourceFile, draft: bool) -> list[Problem]:
    """The example summary or text left in a file that is not a draft, each at its line."""
    if draft:
        return []
    found = []
    if source.meta.get("summary") in PLACEHOLDER_SUMMARY.values():
        found.append(Problem(source.path, source.line_of(("summary",)), "summary", MESSAGE))
    for number, line in enumerate(source.body.splitlines()):
        if line.strip() in PLACEHOLDER_LINE.values():
            found.append(Problem(source.path, source.body_line + number, "body", MESSAGE))
    return found
