"""When each content file last changed, from Git history, read in one pass.

Pages show "last updated" in the reader's language. Asking Git once per file
would cost a process per page; one ``git log`` over ``docs/`` gives every
file's newest commit at once. Without Git (an exported tarball) there are no
dates and pages simply do not show one. Nothing here depends on the clock, so
two builds of the same commit agree.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from .settings import DOCS_DIR


def last_updated(root: Path) -> dict[str, str]:
    """docs-relative path -> ISO date (UTC) of the newest commit that touched it."""
    try:
        output = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00%ct", "--name-only", "--no-renames", "--relative",
             "--", DOCS_DIR],
            capture_output=True, text=True, check=True, timeout=120,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"}).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    stamp = ""
    for line in output.splitlines():
        if line.startswith("\x00"):
            stamp = dt.datetime.fromtimestamp(int(line[1:]), dt.timezone.utc).date().isoformat()
        elif line.startswith(DOCS_DIR + "/") and stamp:
            dates.setdefault(line[len(DOCS_DIR) + 1:], stamp)  # newest first: keep the first seen
    return dates


def build_date() -> dt.date | None:
    """The build's "today" for date comparisons (review deadlines): SOURCE_DATE_EPOCH, so builds repeat."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value and value.isdigit():
        return dt.datetime.fromtimestamp(int(value), dt.timezone.utc).date()
    return None
