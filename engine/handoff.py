"""The checked content, handed from the command that checked it to the builds that use it.

'hub.py build' checks the content once (hubcore.loader), then runs one MkDocs
process per language; each takes the checked site from a file instead of reading
and checking every file again. The file is written whole or not at all, read by
the hub's own processes only, and removed by the command when the builds end.
"""

from __future__ import annotations

import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hubcore.model import Site


@dataclass(frozen=True)
class Handoff:
    """What every language build needs from the check: the site, and what was made for all (PDFs)."""

    site: Site
    pdfs: dict[str, dict[str, Any]] = field(default_factory=dict)  # language -> key -> PdfFile


def hand_over(handoff: Handoff, path: Path) -> None:
    """Write ``handoff`` to ``path``; it appears complete or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(pickle.dumps(handoff, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, path)


def receive(path: Path, parent: int, timeout: float = 900.0) -> Handoff:
    """What the process ``parent`` is checking and will hand over at ``path``.

    The language builds start while the content is checked, so that their start-up
    (imports, configuration) overlaps the check; each then waits here. Gives up
    when ``parent`` is gone (it stops its builds itself when the content has
    problems) or after ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    while not path.exists():
        if os.getppid() != parent or time.monotonic() > deadline:
            raise RuntimeError(f"no checked content arrived at {path}")
        time.sleep(0.01)
    return pickle.loads(path.read_bytes())
