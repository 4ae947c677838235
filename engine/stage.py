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

from hubcore.generated import term_pages
from hubcore.model import Site
from hubcore.settings import DEFAULT_LANGUAGE, LANGUAGES, Paths, cache_folder, source_name


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
            planned[source_name(entry.key, DEFAULT_LANGUAGE)] = docs / entry.original.docs_path
    for key, page in term_pages(site).items():
        term = site.taxonomies[page.vocabulary][page.term_id]
        for lang in LANGUAGES:
            planned[source_name(key, lang)] = _front_matter(term.label.get(lang, page.term_id))
    return planned


def _same(target: Path, source: Path | bytes) -> bool:
    if not target.is_file():
        return False
    if isinstance(source, bytes):
        return target.read_bytes() == source
    a, b = source.stat(), target.stat()
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


CACHE_NAME = "stage"  # under .cache/


def folder(root: Path) -> Path:
    """Where the engine reads the site from."""
    return cache_folder(root, CACHE_NAME)


def sync(site: Site, root: Path, target: Path | None = None) -> int:
    """Make ``target`` (default: folder()) hold exactly the planned files; returns how many were
    written or removed."""
    target = target or folder(root)
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
    for here, dirs, names in os.walk(target, topdown=False):
        for name in names:
            path = Path(here) / name
            if path.relative_to(target).as_posix() not in planned:
                path.unlink()
                changed += 1
        if Path(here) != target and not any(Path(here).iterdir()):
            Path(here).rmdir()
    return changed
