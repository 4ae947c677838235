"""Gather and check everything under docs/ and data/ into a Site, in one pass.

Follows the shape of a MkDocs build, but for checking: first every file is read
and split, then entries are grouped and their fields checked, then bodies
(active HTML, links, anchors). Every problem of every file is collected; the
caller decides whether to stop. Nothing here writes anywhere, except, when the
caller asks for it, the readings kept in .cache/ for the next run (read_cache.py).
"""

from __future__ import annotations

import os
import pickle
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import markdown_source as md
from .active_html import dangerous_url, find_active_html, loads_from_elsewhere
from .data_files import load_mapping
from .fields import FieldChecker
from .frontmatter import SourceFile, split
from .links import DocsTree, check_link
from .model import Document as PageDocument, Entry, Site, default_original
from .strict_yaml import Document
from .problems import Problem
from .read_cache import READ_CACHE, ReadCache, code_salt
from .schema import PAGE, fields_for, translatable_names
from .settings import DEFAULT_LANGUAGE, DOCS_DIR, LANGUAGES, PROJECT_FILE, SITE_FILE, UI_FILE, Paths, language_of
from .taxonomy import Taxonomies
from . import csp, placeholders, publisher, results, taxonomy, translations


def fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Path, size and modification time of every file the content is read from.

    Equal fingerprints mean the same content, so a caller (one build per
    language in one process) can reuse a loaded Site instead of reading again.
    """
    found = []
    for folder in (Paths(root).docs, root / "data"):
        for path in sorted(folder.rglob("*")):
            info = path.lstat()
            found.append((path.relative_to(root).as_posix(), info.st_size, info.st_mtime_ns))
    return tuple(found)


SNAPSHOT = ".cache/site.pickle"


def save_snapshot(site: Site, root: Path, path: Path | None = None) -> None:
    """Keep a checked Site for the build's other processes (one per language).

    They would otherwise each read and check every file again. The snapshot
    names the fingerprint it was made from and is only used while that holds;
    it is written and read by the hub's own processes only. ``path`` is where
    (default: SNAPSHOT); it appears complete or not at all.
    """
    path = path or root / SNAPSHOT
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(pickle.dumps((_snapshot_key(root), site), protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, path)


def wait_for_snapshot(path: Path, parent: int, timeout: float = 900.0) -> Site:
    """The Site another process is checking and will save at ``path`` (save_snapshot).

    'hub.py build' starts its language builds while it checks the content, so
    that their start-up (imports, configuration) overlaps the check; each then
    waits here. Gives up when the process ``parent`` is gone (it stops its
    builds itself when the content has problems) or after ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    while not path.exists():
        if os.getppid() != parent or time.monotonic() > deadline:
            raise RuntimeError(f"no checked content arrived at {path}")
        time.sleep(0.01)
    return pickle.loads(path.read_bytes())[1]


def _snapshot_key(root: Path) -> tuple:
    """The content's fingerprint and the checking code's: a changed rule must check again."""
    code = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns)
                 for p in sorted(Path(__file__).parent.glob("*.py")))
    return fingerprint(root), code


def load_snapshot(root: Path) -> Site | None:
    """The Site saved by ``save_snapshot`` if the content has not changed since, else None."""
    try:
        saved, site = pickle.loads((root / SNAPSHOT).read_bytes())
    except (OSError, pickle.PickleError, EOFError, ValueError, AttributeError, ImportError):
        return None
    return site if saved == _snapshot_key(root) else None


@dataclass(frozen=True)
class Reading:
    """What one file gives on its own, before anything is compared with other files."""

    source: SourceFile | None  # None when the file cannot be split (its problems say why)
    problems: list[Problem]  # of the front matter and of the body on its own (active HTML...)
    anchors: frozenset[str]
    links: list[md.Link]
    body_fingerprint: str = ""  # translations.fingerprint of the body


def read_file(rel: str, data: bytes, allowed_hosts: frozenset[str]) -> Reading:
    """Split one Markdown file and scan its body; ``rel`` is its path from the repository root."""
    source, problems = split(rel, data)
    if source is None:
        return Reading(None, problems, frozenset(), [])
    text = md.blank_code(source.body)
    offset = source.body_line - 1
    problems += [Problem(source.path, offset + line, "body", message)
                 for line, message in find_active_html(text, allowed_hosts) + md.attribute_problems(text)]
    return Reading(source, problems, frozenset(md.anchors(text)), md.links(text),
                   translations.fingerprint(source.body))


def load_site(root: Path, reuse: bool = False) -> tuple[Site, list[Problem]]:
    """Read and check the whole repository's content; returns the site and every problem.

    With ``reuse``, unchanged files are not read again: their readings come from
    (and this run's go to) .cache/read.sqlite (read_cache.py). The result is the same either way.
    """
    paths = Paths(root)
    taxonomies, problems = taxonomy.load(root)
    project_document, more = load_mapping(root, PROJECT_FILE)
    problems += more + results.check(project_document, taxonomies)
    project = project_document.value
    settings_document, more = load_mapping(root, SITE_FILE, required=False)
    problems += more
    settings = settings_document.value
    problems += publisher.check(settings_document)
    problems += csp.load(root)[1]
    ui_document, more = load_mapping(root, UI_FILE)
    ui = ui_document.value
    problems += more + _check_ui(ui_document)
    files, more = _walk(paths)
    problems += more
    allowed_hosts = frozenset(settings.get("embed_allowed_hosts") or ())
    kept = ReadCache(root / READ_CACHE, code_salt(repr(sorted(allowed_hosts)))) if reuse else None
    documents: list[PageDocument] = []
    readings: dict[str, Reading] = {}
    for docs_path in sorted(f for f in files if f.endswith(".md")):
        rel = f"{DOCS_DIR}/{docs_path}"
        data = (paths.docs / docs_path).read_bytes()
        reading = kept.get(rel, data) if kept else None
        if reading is None:
            reading = read_file(rel, data, allowed_hosts)
            if kept:
                kept.put(rel, data, reading)
        problems += reading.problems
        if reading.source is not None:
            key, lang = language_of(docs_path)
            documents.append(PageDocument(reading.source, docs_path, key, lang, reading.body_fingerprint))
            readings[docs_path] = reading
    if kept:
        kept.save()
    tree = DocsTree(frozenset(files), {path: set(r.anchors) for path, r in readings.items()})
    entries: dict[str, Entry] = {}
    by_key: dict[str, dict[str, PageDocument]] = {}
    for document in documents:
        by_key.setdefault(document.key, {})[document.lang] = document
    for key in sorted(by_key):
        versions = by_key[key]
        kind = _kind(key, taxonomies)
        if kind is None:
            first = next(iter(versions.values()))
            folders = ", ".join(t.folder for t in taxonomies.types.values())
            problems.append(Problem(first.source.path, 1, "file",
                                    f"not in a section: put products in one of {folders}"))
            continue
        entry = _entry(key, kind, versions)
        problems += _check_entry(entry, taxonomies)
        _normalise_dates(entry)
        entries[key] = entry
    for entry in entries.values():
        for document in entry.versions.values():
            problems += _check_links(document, readings[document.docs_path].links, tree)
        problems += _check_attachments(entry, tree)
    sizes = {rel: (paths.docs / rel).stat().st_size for rel in files}
    return Site(taxonomies, project, settings, entries, ui, sizes), sorted(set(problems))


def _check_ui(document: Document) -> list[Problem]:
    """Every interface word must exist in every language."""
    ui = document.value
    problems = []
    words = set().union(*(set(v) for v in ui.values() if isinstance(v, dict))) if ui else set()
    for lang in LANGUAGES:
        for word in sorted(words - set(ui.get(lang) or {})):
            problems.append(Problem(UI_FILE, document.line_of((lang,)), f"{lang}.{word}",
                                    "missing translation"))
    return problems


# Names under docs/ become addresses: pages and folders are written as they will be
# read in a URL; other files (attachments, images) may also use capitals and '_'.
# Anything else (spaces, quotes, '<', '%', a leading dot...) is refused, not escaped.
_FOLDER_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(\.(%s))?\.md$" % "|".join(
    re.escape(lang) for lang in LANGUAGES if lang != DEFAULT_LANGUAGE))
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9]+)*$")


def _name_problem(name: str, is_dir: bool) -> str | None:
    """Why a name under docs/ cannot be published, or None."""
    if is_dir:
        if not _FOLDER_NAME.match(name):
            return (f"folder name {name!r} is not allowed: use lower-case letters, digits and "
                    "hyphens (it becomes part of the address)")
    elif name.endswith(".md"):
        if not _PAGE_NAME.match(name):
            suffixes = ", ".join(f"x.{lang}.md" for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)
            return (f"file name {name!r} is not allowed: use lower-case letters, digits and "
                    f"hyphens, then .md ({suffixes} for a translation); it becomes the page's address")
    elif not _FILE_NAME.match(name):
        return (f"file name {name!r} is not allowed: use letters, digits, '-' and '_' before the "
                "extension (it becomes the file's address)")
    return None


def _walk(paths: Paths) -> tuple[set[str], list[Problem]]:
    """Every regular file under docs/ (docs-relative); symbolic links are refused, not followed,
    and so are names that would not make a plain address."""
    files: set[str] = set()
    problems: list[Problem] = []
    if not paths.docs.is_dir():
        return files, [Problem(DOCS_DIR, 1, "file", "the docs/ folder is missing")]
    for folder, dirs, names in os.walk(paths.docs, followlinks=False):
        base = Path(folder)
        for name in sorted(dirs + names):
            full = base / name
            rel = full.relative_to(paths.docs).as_posix()
            if full.is_symlink():
                problems.append(Problem(f"{DOCS_DIR}/{rel}", 1, "file",
                                        "symbolic links are not allowed under docs/: copy the file"))
                if name in dirs:
                    dirs.remove(name)
            elif (reason := _name_problem(name, name in dirs)) is not None:
                problems.append(Problem(f"{DOCS_DIR}/{rel}", 1, "file", reason))
                if name in dirs:
                    dirs.remove(name)
            elif name in names and full.is_file():
                files.add(rel)
    return files, problems


def _kind(key: str, taxonomies: Taxonomies) -> str | None:
    """PAGE for top-level pages and section intros; the type for files in a section."""
    parts = key.split("/")
    if len(parts) == 1:
        return PAGE
    content_type = taxonomies.type_of_folder(parts[0])
    if content_type is None:
        return None
    return PAGE if parts[1:] == ["index"] else content_type.id


def _entry(key: str, kind: str, versions: dict[str, Document]) -> Entry:
    neutral = {f.name for f in fields_for(kind)} - translatable_names(kind)
    return Entry(key, kind, default_original(versions, neutral), versions)


def _reporter(problems: list[Problem], source: SourceFile):
    def report(path: tuple, where: str, message: str) -> None:
        problems.append(Problem(source.path, source.line_of(path), where, message))
    return report


def _check_entry(entry: Entry, taxonomies: Taxonomies) -> list[Problem]:
    problems: list[Problem] = []
    texts = translatable_names(entry.kind)
    for document in entry.versions.values():
        is_original = document is entry.original
        problems += placeholders.problems(document.source, entry.draft)
        checker = FieldChecker(taxonomies, _reporter(problems, document.source))
        checker.check(document.meta, entry.kind, None if is_original else texts)
        if is_original:
            if "translated_from" in document.meta:
                problems.append(Problem(document.source.path, document.source.line_of(("translated_from",)),
                                        "translated_from", "only a translation records this: "
                                        "this file is the original"))
            continue
        for name, value in document.meta.items():
            if name in texts or name not in entry.original.meta and name not in _names(entry.kind):
                continue
            original: Any = entry.original.meta.get(name)
            if value != original:
                problems.append(Problem(
                    document.source.path, document.source.line_of((name,)), name,
                    f"language-neutral field differs from the original "
                    f"({entry.original.source.path}: {original!r}): write it once, in the original"))
    return problems


def _normalise_dates(entry: Entry) -> None:
    """An unquoted year is read as a number; the model holds every date as text."""
    for spec in fields_for(entry.kind):
        if spec.kind in ("date", "day"):
            for document in entry.versions.values():
                value = document.meta.get(spec.name)
                if isinstance(value, int) and not isinstance(value, bool):
                    document.meta[spec.name] = str(value)


def _names(kind: str) -> set[str]:
    return {f.name for f in fields_for(kind)}


def _check_links(document: PageDocument, links: list[md.Link], tree: DocsTree) -> list[Problem]:
    """A body's links and images: safe, on this site where they must be, and leading somewhere."""
    source = document.source
    offset = source.body_line - 1
    problems = []
    for link in links:
        where = "image" if link.image else "link"
        if dangerous_url(link.url):
            problems.append(Problem(source.path, offset + link.line, "body",
                                    f"script URL in a {where} is not allowed"))
            continue
        if link.image and loads_from_elsewhere(link.url):
            problems.append(Problem(source.path, offset + link.line, "body",
                                    "image from another host: the site's Content-Security-Policy "
                                    "allows images from the site itself only; put the file under docs/"))
            continue
        reason = check_link(link.url, document.docs_path, document.lang, tree)
        if reason:
            problems.append(Problem(source.path, offset + link.line, "body", f"broken {where}: {reason}"))
    return problems


def _check_attachments(entry: Entry, tree: DocsTree) -> list[Problem]:
    problems: list[Problem] = []
    attachments = entry.original.meta.get("attachments")
    if not isinstance(attachments, list):
        return problems
    source = entry.original.source
    for i, item in enumerate(attachments):
        if isinstance(item, dict) and isinstance(item.get("file"), str) and "://" not in item["file"]:
            reason = check_link(item["file"], entry.original.docs_path, entry.original.lang, tree)
            if reason:
                problems.append(Problem(source.path, source.line_of(("attachments", i, "file")),
                                        f"attachments[{i}].file", reason))
    return problems
