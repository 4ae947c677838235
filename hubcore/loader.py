"""Gather and check everything under docs/ and data/ into a Site, in one pass.

Follows the shape of a MkDocs build, but for checking: first every file is read
and split, then entries are grouped and their fields checked, then bodies
(active HTML, links, anchors). Every problem of every file is collected; the
caller decides whether to stop. Nothing here writes anywhere, except, when the
caller asks for it, the readings kept in .cache/ for the next run (read_cache.py).
"""

from __future__ import annotations

import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import body_check, contribution, event_rules, field_help, file_formats, generated, html_policy, inner_texts, limits
from .data_files import load_mapping
from .fields import FieldChecker
from .frontmatter import SourceFile, split
from .html_policy import Link
from .links import DocsTree, resolve
from .model import Document as PageDocument, Entry, Site, default_original
from .strict_yaml import Document
from .problems import Problem
from .read_cache import READ_CACHE, ReadCache, code_salt
from .schema import PAGE, fields_for, translatable_names
from .settings import CACHE_DIR, DEFAULT_LANGUAGE, EDITOR_AUTH_SETTING, DOCS_DIR, LANGUAGES_FILE, LANGUAGES, PROJECT_FILE, SITE_FILE, UI_FILE, Paths, language_of
from .taxonomy import Taxonomies
from . import csp, footer, languages, placeholders, publisher, results, roles, taxonomy, translations


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


@dataclass(frozen=True)
class Reading:
    """What one file gives on its own, before anything is compared with other files."""

    source: SourceFile | None  # None when the file cannot be split (its problems say why)
    problems: list[Problem]  # of the front matter and of the body on its own (active HTML...)
    anchors: frozenset[str]
    links: tuple[tuple[Link, int], ...]  # links to this site, each with its occurrence number
    body_fingerprint: str = ""  # translations.fingerprint of the body


def read_file(rel: str, data: bytes, allowed_hosts: frozenset[str]) -> Reading:
    """Split one Markdown file and check its body; ``rel`` is its path from the repository root.

    Any failure of the checker itself becomes a problem of this file, never an exception:
    a contribution must not be able to stop the check of the others.
    """
    try:
        source, problems = split(rel, data)
        if source is None:
            return Reading(None, problems, frozenset(), ())
        body = body_check.read(source.body, allowed_hosts)
        offset = source.body_line - 1
        problems += [Problem(rel, offset + line, "body", message) for line, message in body.problems]
        return Reading(source, problems, body.anchors, body.links, translations.fingerprint(source.body))
    except Exception as error:  # noqa: BLE001 - the last guard; the fuzz test asserts it never fires
        return Reading(None, [Problem(rel, 1, "file", f"{CHECKER_FAILED} ({type(error).__name__})")],
                       frozenset(), ())


CHECKER_FAILED = "the checker could not read this file: please report it to the maintainers"
# Files read in parallel once there are this many to read (a process pool costs ~0.2 s to start).
_PARALLEL_FROM = 64


def _read_all(paths: Paths, names: list[str], allowed_hosts: frozenset[str],
              kept: ReadCache | None) -> dict[str, Reading]:
    """Every page's reading, from the cache where its bytes are unchanged; the rest on every core."""
    readings: dict[str, Reading] = {}
    todo: list[tuple[str, bytes]] = []
    for docs_path in names:
        rel = f"{DOCS_DIR}/{docs_path}"
        data = limits.read_at_most(paths.docs / docs_path, limits.MAX_MARKDOWN_BYTES)  # refused unread if over
        reading = kept.get(rel, data) if kept else None
        if reading is None:
            todo.append((docs_path, data))
        else:
            readings[docs_path] = reading
    workers = min(os.cpu_count() or 1, len(todo) // _PARALLEL_FROM)
    if workers > 1:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            fresh = list(pool.map(read_file, [f"{DOCS_DIR}/{p}" for p, _ in todo], [d for _, d in todo],
                                  [allowed_hosts] * len(todo), chunksize=16))
    else:
        fresh = [read_file(f"{DOCS_DIR}/{p}", d, allowed_hosts) for p, d in todo]
    for (docs_path, data), reading in zip(todo, fresh):
        readings[docs_path] = reading
        if kept:
            kept.put(f"{DOCS_DIR}/{docs_path}", data, reading)
    if kept:
        kept.save()
    return readings


def load_site(root: Path, reuse: bool = False) -> tuple[Site, list[Problem]]:
    """Read and check the whole repository's content; returns the site and every problem.

    With ``reuse``, unchanged files are not read again: their readings come from
    (and this run's go to) .cache/read.sqlite (read_cache.py). The result is the same either way.
    """
    paths = Paths(root)
    taxonomies, problems = taxonomy.load(root)
    problems += _language_problems(root)
    problems += contribution.data_problems(root)
    project_document, more = load_mapping(root, PROJECT_FILE)
    problems += more + results.check(project_document, taxonomies)
    project = project_document.value
    settings_document, more = load_mapping(root, SITE_FILE, required=False)
    problems += more + _check_settings(settings_document)
    settings = settings_document.value
    problems += publisher.check(settings_document) + footer.check(settings_document, taxonomies)
    problems += csp.load(root)[1]
    ui_document, more = load_mapping(root, UI_FILE)
    ui = ui_document.value
    problems += more + _check_ui(ui_document) + roles.words_problems(taxonomies.roles, ui, LANGUAGES, UI_FILE)
    help, more = field_help.load(root)
    examples = placeholders.examples(ui if isinstance(ui, dict) else {})
    problems += more
    found = contribution.walk(paths, taxonomies)
    problems += found.problems
    allowed_hosts = frozenset(settings.get("embed_allowed_hosts") or ())
    kept = ReadCache(root / CACHE_DIR / READ_CACHE, code_salt(repr(sorted(allowed_hosts)))) if reuse else None
    readings = _read_all(paths, sorted(found.pages), allowed_hosts, kept)
    documents: list[PageDocument] = []
    for docs_path, reading in readings.items():
        problems += reading.problems
        if reading.source is not None:
            key, lang = language_of(docs_path)
            documents.append(PageDocument(reading.source, docs_path, key, lang, reading.body_fingerprint))
    tree = DocsTree(frozenset(found.pages | found.files),
                    {path: set(r.anchors) for path, r in readings.items() if r.source is not None})
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
        _normalise_dates(kind, versions)
        entry = _entry(key, kind, versions)
        problems += _check_entry(entry, taxonomies, help, examples)
        entries[key] = entry
    problems += contribution.address_problems(
        {key: entry.original.source.path for key, entry in entries.items()},
        set(generated.generated_keys(taxonomies, set(entries))))
    references: dict[str, set[str]] = {}  # docs path -> keys of the entries that use it
    for entry in entries.values():
        for document in entry.versions.values():
            problems += _check_links(document, readings[document.docs_path], tree, entries,
                                     allowed_hosts, references)
        problems += _check_attachments(entry, tree, references)
    published = {path for path, users in references.items()
                 if any(not entries[key].draft for key in users)}
    for rel in sorted(found.files):
        problems += _check_file(paths, rel, rel in references)
    sizes = {rel: (paths.docs / rel).stat().st_size for rel in sorted(found.files & published)}
    sizes.update({d.docs_path: (paths.docs / d.docs_path).stat().st_size
                  for e in entries.values() if not e.draft for d in e.versions.values()})
    images = {rel: found_size for rel in sorted(found.files & published)
              if file_formats.extension_of(rel).lower() in file_formats.IMAGE_EXTENSIONS
              and (found_size := file_formats.image_size((paths.docs / rel).read_bytes())) is not None}
    return (Site(taxonomies, project, settings, entries, ui, help, dict(sorted(sizes.items())), images),
            sorted(set(problems)))


def _check_file(paths: Paths, rel: str, used: bool) -> list[Problem]:
    """An attachment or image: in an allowed format, within its size, and used by some page."""
    where = f"{DOCS_DIR}/{rel}"
    if not used:
        return [Problem(where, 1, "file", "not used by any page: attach it to a product or link it "
                                          "from a page, or remove it")]
    size = (paths.docs / rel).stat().st_size
    if size > limits.MAX_DOCUMENT_BYTES:
        return [Problem(where, 1, "file", f"too large: {size / 1_048_576:.1f} MB, at most "
                                          f"{limits.MAX_DOCUMENT_BYTES // 1_048_576} MB")]
    found = file_formats.check(rel.rsplit("/", 1)[-1], (paths.docs / rel).read_bytes())
    return [Problem(where, found[0], "file", found[1])] if found else []


def _language_problems(root: Path) -> list[Problem]:
    """data/languages.yml: readable, and the languages this code was started with (settings.py)."""
    declared, problems = languages.load(root)
    codes = tuple(language.code for language in declared)
    if not problems and codes != LANGUAGES:
        problems.append(Problem(LANGUAGES_FILE, 1, "languages",
                                f"declares {', '.join(codes)}, but the hub was started with "
                                f"{', '.join(LANGUAGES)}: run the hub of this repository"))
    return problems


def _check_settings(document: Document) -> list[Problem]:
    """data/site.yml: embed hosts are plain host names; the editor's sign-in relay an https:// address."""
    problems = []
    hosts = document.value.get("embed_allowed_hosts")
    if hosts is not None and (not isinstance(hosts, list)
                              or not all(isinstance(h, str) and _HOST.match(h) for h in hosts)):
        problems.append(Problem(SITE_FILE, document.line_of(("embed_allowed_hosts",)), "embed_allowed_hosts",
                                "must be a list of host names (www.example.org), without https:// or paths"))
    relay = document.value.get(EDITOR_AUTH_SETTING)
    if relay not in (None, "") and not (isinstance(relay, str) and _RELAY.match(relay)):
        problems.append(Problem(SITE_FILE, document.line_of((EDITOR_AUTH_SETTING,)), EDITOR_AUTH_SETTING,
                                "must be the https:// address of the sign-in relay (https://auth.example.org), "
                                "or empty"))
    return problems


_RELAY = re.compile(r"^https://[a-z0-9.-]+(:\d{1,5})?(/[A-Za-z0-9._~/-]*)?$")
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


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
    return Entry(key, kind, default_original(versions, neutral, kind), versions)


def _reporter(problems: list[Problem], source: SourceFile):
    def report(path: tuple, where: str, message: str) -> None:
        problems.append(Problem(source.path, source.line_of(path), where, message))
    return report


def _check_entry(entry: Entry, taxonomies: Taxonomies, help: field_help.FieldHelp,
                 examples: placeholders.Examples) -> list[Problem]:
    problems: list[Problem] = []
    texts = translatable_names(entry.kind)
    with_texts = inner_texts.fields_with_texts(entry.kind)
    for document in entry.versions.values():
        is_original = document is entry.original
        problems += placeholders.problems(document.source, entry.draft, examples)
        report = _reporter(problems, document.source)
        checker = FieldChecker(taxonomies, report, help)
        checker.check(document.meta, entry.kind, None if is_original else texts)
        if is_original:
            if "event" in _names(entry.kind):
                event_rules.check(document.meta, report)
            if "translated_from" in document.meta:
                problems.append(Problem(document.source.path, document.source.line_of(("translated_from",)),
                                        "translated_from", "only a translation records this: "
                                        "this file is the original"))
            continue
        for name, value in document.meta.items():
            if name in texts or name not in entry.original.meta and name not in _names(entry.kind):
                continue
            if name in with_texts:  # the texts of the original's event, in this file's language
                inner_texts.check(with_texts[name], value, entry.original.meta.get(name), report, checker.value)
                continue
            original: Any = entry.original.meta.get(name)
            if value != original:
                problems.append(Problem(
                    document.source.path, document.source.line_of((name,)), name,
                    f"language-neutral field differs from the original "
                    f"({entry.original.source.path}: {original!r}): write it once, in the original"))
    return problems


def _normalise_dates(kind: str, versions: dict[str, PageDocument]) -> None:
    """An unquoted year is read as a number; the model holds every date as text.

    Done before the entry is made and checked: the check accepts a year either way,
    and nothing that reads the entry (its typed product is kept once made) sees a number.
    A number where a full day is due stays as it is, for the check to refuse.
    """
    for spec in fields_for(kind):
        if spec.kind == "date":
            for document in versions.values():
                value = document.meta.get(spec.name)
                if isinstance(value, int) and not isinstance(value, bool):
                    document.meta[spec.name] = str(value)


def _names(kind: str) -> set[str]:
    return {f.name for f in fields_for(kind)}


def _check_links(document: PageDocument, reading: Reading, tree: DocsTree, entries: dict[str, Entry],
                 allowed_hosts: frozenset[str], references: dict[str, set[str]]) -> list[Problem]:
    """A body's links and images to this site: leading somewhere published, images in image formats."""
    source = document.source
    offset = source.body_line - 1
    entry = entries.get(document.key)
    problems = []
    where = None
    for link, occurrence in reading.links:
        kind = "image" if link.image else "link"
        resolved = resolve(link.url, document.docs_path, document.lang, tree)
        reason = resolved.reason and f"broken {kind}: {resolved.reason}"
        if resolved.target:
            references.setdefault(resolved.target, set()).add(document.key)
        if reason is None and link.image:
            reason = html_policy.image_format_problem(link.url)
        if reason is None and resolved.target:
            reason = _draft_problem(resolved.target, entry, entries)
        if reason:
            where = where or body_check.locator(source.body, allowed_hosts)
            line = body_check.link_line(source.body, allowed_hosts, link, occurrence, where)
            problems.append(Problem(source.path, offset + line, "body", reason))
    return problems


def _draft_problem(target: str, entry: Entry | None, entries: dict[str, Entry]) -> str | None:
    """A published page may not link to a draft: the link would lead nowhere."""
    if not target.endswith(".md") or entry is None or entry.draft:
        return None
    linked = entries.get(language_of(target)[0])
    if linked is not None and linked.draft:
        return f"links to a draft ({DOCS_DIR}/{linked.original.docs_path}), which is not published"
    return None


def _check_attachments(entry: Entry, tree: DocsTree, references: dict[str, set[str]]) -> list[Problem]:
    """Every file the original's front matter names (an attachment, a photo): it exists, is not a page,
    and is published with the entry."""
    problems: list[Problem] = []
    source = entry.original.source
    for path, where, value in _files_named(fields_for(entry.kind), entry.original.meta, (), ""):
        resolved = resolve(value, entry.original.docs_path, entry.original.lang, tree)
        reason = resolved.reason
        if reason is None and (resolved.target or "").endswith(".md"):
            reason = "name a file (a document, slides, data or an image), not a page"
        if reason:
            problems.append(Problem(source.path, source.line_of(path), where, reason))
        elif resolved.target:
            references.setdefault(resolved.target, set()).add(entry.key)
    return problems


def _files_named(fields: tuple, meta: Any, path: tuple, where: str) -> list[tuple[tuple, str, str]]:
    """(path, field, value) of every value of a declared file or image field in ``meta``, at any depth
    (attachments[0].file, event.photos[2].file); values of the wrong shape are the field checks' to report."""
    found: list[tuple[tuple, str, str]] = []
    if not isinstance(meta, dict):
        return found
    for spec in fields:
        value = meta.get(spec.name)
        here, at = path + (spec.name,), f"{where}.{spec.name}" if where else spec.name
        if spec.kind in ("file", "image") and isinstance(value, str) and "://" not in value:
            found.append((here, at, value))
        elif spec.kind == "mapping":
            found += _files_named(spec.fields, value, here, at)
        elif spec.kind == "mapping-list" and isinstance(value, list):
            for i, item in enumerate(value):
                found += _files_named(spec.fields, item, here + (i,), f"{at}[{i}]")
    return found
