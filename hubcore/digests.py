"""Digests that say "the same inputs": for the caches that let a run skip work done before.

A cached result is only as good as its key. Both caches (read_cache.py for
readings, page_cache.py for built pages) key on the bytes they were made from,
on the code that made them and on the Python and library versions that ran it;
the pieces are built here once, so the two cannot drift apart.
"""

from __future__ import annotations

import hashlib
import sys
from importlib import metadata
from pathlib import Path
from typing import Iterable


def digest(*parts: bytes | str) -> str:
    """sha256 over the parts, each prefixed by its length (so ("ab", "c") differs from ("a", "bc"))."""
    result = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        result.update(len(data).to_bytes(8, "big"))
        result.update(data)
    return result.hexdigest()


def environment(packages: Iterable[str]) -> list[str]:
    """Python's version and each package's: a result made by other versions may differ."""
    found = [sys.version]
    for name in packages:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} absent")
    return found


def files(root: Path, names: Iterable[str], pattern: str = "*") -> list[bytes | str]:
    """Path and bytes of every file under ``names`` (folders, searched for ``pattern``, or files)."""
    found: list[bytes | str] = []
    for name in names:
        path = root / name
        chosen = sorted(p for p in path.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts) \
            if path.is_dir() else [path]
        for file in chosen:
            found += [file.relative_to(root).as_posix(), file.read_bytes()]
    return found
