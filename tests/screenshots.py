"""Screenshots the browser tests take, for people to review: one folder CI uploads.

A test that has a page in the state worth seeing (a page type, a task's end)
calls ``shoot(page, name)``. The images go to ``$HUB_SCREENSHOTS`` (default:
``test-screenshots/`` at the repository's top, ignored by Git); CI uploads that
folder as the run's "screenshots" artifact. They are evidence for review, not
assertions: comparing pixels would fail on font or timing noise.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

FOLDER = Path(os.environ.get("HUB_SCREENSHOTS") or Path(__file__).resolve().parents[1] / "test-screenshots")
_SAFE = re.compile(r"[^a-z0-9-]+")


def shoot(page, name: str, full_page: bool = True) -> Path:
    """Save what ``page`` shows as ``<name>.png`` (lower case, words joined by '-') and return its path."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / f"{_SAFE.sub('-', name.lower()).strip('-')}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    return path
