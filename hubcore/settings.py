"""Where things are and which languages the hub speaks: defined once here.

The content core reads only these paths; the MkDocs layer asks this module
instead of repeating them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("en", "ru")
DEFAULT_LANGUAGE = "en"
DOCS_DIR = "docs"
DATA_DIR = "data"
TAXONOMIES_FILE = "data/taxonomies.yml"
PROJECT_FILE = "data/project.yml"
SITE_FILE = "data/site.yml"
UI_FILE = "data/ui.yml"
# What the site engine builds from (see stage.py); generated, never committed.
STAGE_DIR = ".cache/stage"
# Where a page's attachments and images live: a folder of this name in its section
# (or at the top of docs/ for top-level pages). Nothing else but Markdown may be contributed.
FILES_DIR = "files"
# Names at the top of the site that content may not take, as a page or a section folder:
# the other languages' folders, the theme's own (assets/, search/), what the build writes
# (schemas/), the attachments folder and the browser editor (admin/).
RESERVED_NAMES = frozenset({lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE}
                           | {"assets", "search", "schemas", FILES_DIR, "admin"})


@dataclass(frozen=True)
class Paths:
    """The repository's content locations, resolved against one root."""

    root: Path

    @property
    def docs(self) -> Path:
        return self.root / DOCS_DIR

    def rel(self, path: Path) -> str:
        """Path relative to the root, POSIX style, as problems report it."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def language_of(name: str) -> tuple[str, str]:
    """Split ``x.ru.md`` into (``x``, ``ru``) and ``x.md`` into (``x``, default)."""
    stem = name[: -len(".md")]
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and stem.endswith("." + lang):
            return stem[: -len(lang) - 1], lang
    return stem, DEFAULT_LANGUAGE
