"""Lay out the files the site engine builds from: the content as published.

The engine reads a staging folder, never ``docs/`` itself: drafts, and files only
drafts use, are left out,
generated pages (topics, countries, missing section intros) are added as real
files in every language, and an original written only in Russian is also placed
where the English site looks for it, so that both languages have every page. The
authors' files are only read. Only files that changed are rewritten, so a live
preview that watches the folder settles after one pass.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml

from .generated import term_pages
from .model import Site
from .settings import DEFAULT_LANGUAGE, LANGUAGES, Paths


def _front_matter(title: str) -> bytes:
    """A generated page's source: its title only; everything else comes from its view."""
    return ("---\n" + yaml.safe_dump({"title": title}, allow_unicode=True) + "---\n").encode("utf-8")


def planned_files(site: Site, root: Path) -> dict[str, Path | bytes]:
    """Every staged file (docs-relative) and where its bytes come from."""
    docs = Paths(root).docs
    # What is published: the pages that are not drafts and the files they use (loader.py).
    planned: dict[str, Path | bytes] = {rel: docs / rel for rel in site.files}
    for entry in site.entries.values():
        if not entry.draft and DEFAULT_LANGUAGE not in entry.versions:
            planned[f"{entry.key}.md"] = docs / entry.original.docs_path
    for key, page in term_pages(site).items():
        term = site.taxonomies[page.vocabulary][page.term_id]
        for lang in LANGUAGES:
            suffix = "" if lang == DEFAULT_LANGUAGE else f".{lang}"
            planned[f"{key}{suffix}.md"] = _front_matter(term.label.get(lang, page.term_id))
    return planned


def _same(target: Path, source: Path | bytes) -> bool:
    if not target.is_file():
        return False
    if isinstance(source, bytes):
        return target.read_bytes() == source
    a, b = source.stat(), target.stat()
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def sync(site: Site, root: Path, target: Path) -> int:
    """Make ``target`` hold exactly the planned files; returns how many were written or removed."""
    planned = planned_files(site, root)
    changed = 0
    target.mkdir(parents=True, exist_ok=True)
    for rel, source in planned.items():
        destination = target / rel
        if _same(destination, source):
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, bytes):
            destination.write_bytes(source)
        else:
            shutil.copy2(source, destination)
        changed += 1
    for folder, dirs, names in os.walk(target, topdown=False):
        for name in names:
            path = Path(folder) / name
            if path.relative_to(target).as_posix() not in planned:
                path.unlink()
                changed += 1
        if Path(folder) != target and not any(Path(folder).iterdir()):
            Path(folder).rmdir()
    return changed
