"""Where things are and which languages the hub speaks: defined once here.

The content core reads only these paths; the build engine (engine/) asks this
module instead of repeating them. Everything generated lives under .cache/
(cache_folder), never committed and always safe to delete.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import languages as _languages

# The repository this code belongs to (where data/ and docs/ are read from by default).
ROOT = Path(__file__).resolve().parent.parent
# The languages, from data/languages.yml (languages.py); the first is the default. Read once,
# from this repository; a broken declaration is reported by every check (loader.py).
DECLARED_LANGUAGES, LANGUAGE_PROBLEMS = _languages.load(ROOT)
LANGUAGES: tuple[str, ...] = tuple(language.code for language in DECLARED_LANGUAGES)
DEFAULT_LANGUAGE = LANGUAGES[0]
DOCS_DIR = "docs"
DATA_DIR = "data"
TAXONOMIES_FILE = "data/taxonomies.yml"
PROJECT_FILE = "data/project.yml"
SITE_FILE = "data/site.yml"
UI_FILE = "data/ui.yml"
LANGUAGES_FILE = _languages.LANGUAGES_FILE
# The key of data/site.yml holding the OAuth relay of the browser editor's GitHub sign-in ("": tokens only).
EDITOR_AUTH_SETTING = "editor_auth_url"
# What a build reads: a copy of these is a whole working repository (tests, benchmark).
BUILD_SOURCES = ("docs", "data", "hubcore", "engine", "overrides", "scripts", "mkdocs.yml")
# Everything generated besides the site (caches, the staged build folder, hand-offs).
CACHE_DIR = ".cache"
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


def cache_folder(root: Path, name: str) -> Path:
    """``.cache/<name>`` under ``root``, made if missing."""
    folder = root / CACHE_DIR / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def language_suffix(lang: str) -> str:
    """What a file name adds for ``lang``: "" for the default language, ".ru" for Russian."""
    return "" if lang == DEFAULT_LANGUAGE else f".{lang}"


def source_name(key: str, lang: str) -> str:
    """The Markdown file of ``key`` in ``lang``: ``workshops/x.md``, ``workshops/x.ru.md``."""
    return f"{key}{language_suffix(lang)}.md"


def language_of(name: str) -> tuple[str, str]:
    """Split ``x.ru.md`` into (``x``, ``ru``) and ``x.md`` into (``x``, default)."""
    stem = name[: -len(".md")]
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and stem.endswith(language_suffix(lang)):
            return stem[: -len(language_suffix(lang))], lang
    return stem, DEFAULT_LANGUAGE
