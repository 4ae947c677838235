"""What the content alone does not say about the site: its name, address, sources and Git dates.

Given by the site engine's layer to every view and output; kept apart so that the
modules that use it need not import the views.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SiteInfo:
    """What the content alone does not say: the site's name in this language, its address,
    where its sources live (for edit links) and when each file last changed (from Git)."""

    name: str
    url: str  # absolute, ending with "/"
    repository: str = ""  # e.g. https://github.com/owner/repo; no edit links without it
    branch: str = "main"
    updated: dict[str, str] = field(default_factory=dict)  # docs-relative path -> ISO date
