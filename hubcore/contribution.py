"""What a contribution may contain: an allow-list of shapes for everything under docs/ and data/.

Everything in a pull request is untrusted. Rather than looking for known
attacks, the hub says what may be there, and refuses the rest by name:

- Markdown pages: ``docs/<page>.md`` at the top, and ``docs/<section>/<name>.md``
  (``index.md`` for the section's own page) in the folders of the content types;
  each with its translations (``x.ru.md``);
- attachments and images: files in a ``files/`` folder, in a section or at the top,
  in one of the formats of file_formats.py (recognised by their content), used by
  a page (checked in loader.py, once the links are known);
- under ``data/``: the hub's own data files, nothing else.

So no script, style, HTML, SVG, service worker, configuration file a tool could
discover, hidden file or file at a path the theme or the generator owns can
arrive, and two files can never claim one address.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .field_help import FIELDS_FILE
from .problems import Problem
from .settings import (DATA_DIR, DEFAULT_LANGUAGE, DOCS_DIR, FILES_DIR, LANGUAGES, LANGUAGES_FILE, PROJECT_FILE,
                       RESERVED_NAMES, SITE_FILE, TAXONOMIES_FILE, UI_FILE, Paths)
from .taxonomy import Taxonomies
from .urls import entry_path

# The data files the hub reads; nothing else may be added under data/.
DATA_FILES = frozenset({TAXONOMIES_FILE, PROJECT_FILE, SITE_FILE, UI_FILE, LANGUAGES_FILE, FIELDS_FILE,
                        f"{DATA_DIR}/csp.yml"})

# Names become addresses: pages and folders are written as they will be read in a URL;
# attachments may also use capitals, '_' and dots (Report_2022.v2.pdf).
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.[a-z0-9]+$")
_TRANSLATIONS = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)


@dataclass
class Contribution:
    """What is under docs/, sorted by what it may be (docs-relative paths)."""

    pages: set[str] = field(default_factory=set)  # Markdown pages
    files: set[str] = field(default_factory=set)  # attachments and images, format still to check
    problems: list[Problem] = field(default_factory=list)


def page_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a page's file name, or None."""
    stem = name[: -len(".md")]
    for lang in _TRANSLATIONS:
        stem = stem.removesuffix(f".{lang}")
    if not _NAME.match(stem):
        suffixes = ", ".join(f"x.{lang}.md" for lang in _TRANSLATIONS)
        return (f"file name {name!r} is not allowed: use lower-case letters, digits and hyphens, "
                f"then .md ({suffixes} for a translation); it becomes the page's address")
    return None


def _refuse(found: Contribution, rel: str, message: str) -> None:
    found.problems.append(Problem(f"{DOCS_DIR}/{rel}", 1, "file", message))


def walk(paths: Paths, taxonomies: Taxonomies) -> Contribution:
    """Sort every entry under docs/ into pages and files, refusing what has no place there.

    Symbolic links are refused, never followed; a refused folder is not entered.
    """
    found = Contribution()
    if not paths.docs.is_dir():
        found.problems.append(Problem(DOCS_DIR, 1, "file", "the docs/ folder is missing"))
        return found
    sections = {t.folder for t in taxonomies.types.values()}
    for folder, dirs, names in os.walk(paths.docs, followlinks=False):
        base = Path(folder)
        where = base.relative_to(paths.docs).as_posix()
        parts = [] if where == "." else where.split("/")
        for name in sorted(dirs):
            rel = "/".join(parts + [name])
            reason = _folder_problem(parts, name, sections, (base / name).is_symlink())
            if reason:
                _refuse(found, rel, reason)
                dirs.remove(name)
        for name in sorted(names):
            rel = "/".join(parts + [name])
            full = base / name
            if full.is_symlink():
                _refuse(found, rel, "symbolic links are not allowed under docs/: copy the file")
            elif name.startswith("."):
                _refuse(found, rel, "hidden files are not allowed under docs/ (tools read them as "
                                    "their configuration): remove it")
            elif not full.is_file():
                _refuse(found, rel, "only plain files are allowed under docs/")
            elif parts and parts[-1] == FILES_DIR:
                if _FILE_NAME.match(name):
                    found.files.add(rel)
                else:
                    _refuse(found, rel, f"file name {name!r} is not allowed: use letters, digits, '-' "
                                        "and '_' before a lower-case extension (it becomes the file's address)")
            elif name.endswith(".md"):
                reason = page_name_problem(name)
                if reason is None and not parts and name.split(".")[0] in RESERVED_NAMES:
                    reason = (f"a page cannot be called {name.split('.')[0]!r}: the site uses that "
                              "address for itself")
                if reason:
                    _refuse(found, rel, reason)
                else:
                    found.pages.add(rel)
            else:
                _refuse(found, rel, _misplaced_file(parts))
    return found


def _folder_problem(parts: list[str], name: str, sections: set[str], is_link: bool) -> str | None:
    if is_link:
        return "symbolic links are not allowed under docs/: copy the folder"
    if not parts and (name in sections or name == FILES_DIR):
        return None
    if len(parts) == 1 and parts[0] in sections and name == FILES_DIR:
        return None
    if not _NAME.match(name):
        return (f"folder name {name!r} is not allowed: use lower-case letters, digits and hyphens "
                "(it becomes part of the address)")
    if not parts:
        return (f"folder {name!r} is not a section: put products in one of "
                f"{', '.join(sorted(sections))}, and attachments in a {FILES_DIR}/ folder")
    return (f"folders are not allowed here: pages go directly in their section, attachments and "
            f"images in {'/'.join(parts[:1])}/{FILES_DIR}/")


def _misplaced_file(parts: list[str]) -> str:
    home = f"{parts[0]}/{FILES_DIR}/" if parts else f"{FILES_DIR}/"
    return (f"only Markdown pages may be here: put attachments and images in docs/{home} "
            "(scripts, styles, HTML and configuration files cannot be contributed)")


def data_problems(root: Path) -> list[Problem]:
    """Anything under data/ that is not one of the hub's data files."""
    folder = root / DATA_DIR
    problems = []
    if not folder.is_dir():
        return problems
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_dir() and not path.is_symlink():
            continue
        if rel not in DATA_FILES:
            problems.append(Problem(rel, 1, "file", "not one of the hub's data files (" +
                                    ", ".join(sorted(DATA_FILES)) + "): remove it"))
    return problems


def address_problems(pages: dict[str, str], generated: set[str]) -> list[Problem]:
    """Two pages (or a page and a generated one) that would be published at the same address.

    ``pages`` maps each entry key to the file that shows where it comes from;
    ``generated`` holds the keys of the pages the hub makes itself.
    """
    claimed: dict[str, str] = {}
    for key in sorted(generated):
        claimed[entry_path(key, DEFAULT_LANGUAGE)] = f"the generated page {entry_path(key, DEFAULT_LANGUAGE)}"
    problems = []
    # Sections' own pages claim their address before top-level pages: the page to rename is
    # the top-level one that took a section's name.
    for key, source in sorted(pages.items(), key=lambda item: (not item[0].endswith("/index"), item[0])):
        address = entry_path(key, DEFAULT_LANGUAGE)
        if address in claimed:
            problems.append(Problem(source, 1, "file", f"would be published at /{address}, which "
                                                       f"{claimed[address]} already uses: rename it"))
        else:
            claimed[address] = source
    return problems
