"""The hub's vocabularies (types, countries, topics, partners...), declared once.

``data/taxonomies.yml`` is the only place a country, a topic or a partner is
named; content is checked against it, listings and labels come from it, in every
language. The same file declares what the site does with each vocabulary and the
library's facets (``roles.py``). Loading it checks it too, so a broken data file
gets located errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import Problem
from .addresses import https_url
from .roles import EVENT_TYPES, SCHEMA_ORG_TYPE, Roles, read as read_roles
from .settings import LANGUAGES, RESERVED_NAMES, TAXONOMIES_FILE
from .data_files import read_yaml
from .strict_yaml import Document

VOCABULARIES = ("types", "countries", "topics", "partners", "event_kinds", "formats", "licenses")
# The file's other sections: what each vocabulary does, and the library's facets (roles.py).
SECTIONS = ("roles", "facets")
# Ids become parts of addresses, file names and CSS classes: plain slugs only. Licences keep
# their SPDX identifiers (CC-BY-4.0), which are never used in a path.
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ID_PATTERNS = {"licenses": re.compile(r"^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*$")}


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary, with its label in each language and extra data."""

    id: str
    label: dict[str, str]
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __repr__(self) -> str:
        return f"Term({self.id!r})"


@dataclass(frozen=True)
class ContentType(Term):
    """A content type: its folder under docs/ and plural label."""

    folder: str = ""
    plural: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Taxonomies:
    """Every vocabulary by name, each an ordered mapping of id -> Term, and their roles."""

    vocabularies: dict[str, dict[str, Term]]
    roles: Roles = field(default_factory=lambda: Roles({}))

    def __getitem__(self, name: str) -> dict[str, Term]:
        return self.vocabularies[name]

    @property
    def types(self) -> dict[str, ContentType]:
        return self.vocabularies["types"]  # type: ignore[return-value]

    def type_of_folder(self, folder: str) -> ContentType | None:
        return next((t for t in self.types.values() if t.folder == folder), None)


def _labels(value: Any, where: str, line: int, problems: list[Problem], key: str) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(Problem(TAXONOMIES_FILE, line, where, f"{key} must map each language to text"))
        return {}
    for lang in LANGUAGES:
        if not isinstance(value.get(lang), str) or not value.get(lang, "").strip():
            problems.append(Problem(TAXONOMIES_FILE, line, where, f"{key} in {lang!r} is missing"))
    return {k: v for k, v in value.items() if isinstance(v, str)}


def load(root: Path) -> tuple[Taxonomies, list[Problem]]:
    """Read and check the vocabularies; unknown or broken entries become problems."""
    document, problems = read_yaml(root, TAXONOMIES_FILE)
    if document is None:
        return Taxonomies({name: {} for name in VOCABULARIES}), problems or [
            Problem(TAXONOMIES_FILE, 1, "file", "missing")]
    taxonomies = _build(document, problems)
    folders = {t.folder for t in taxonomies.types.values()}
    roles = read_roles(document, list(VOCABULARIES), folders, problems)
    return Taxonomies(taxonomies.vocabularies, roles), problems


def _build(document: Document, problems: list[Problem]) -> Taxonomies:
    data = document.value if isinstance(document.value, dict) else {}
    vocabularies: dict[str, dict[str, Term]] = {}
    for unknown in sorted(set(data) - set(VOCABULARIES) - set(SECTIONS), key=str):
        problems.append(Problem(TAXONOMIES_FILE, document.line_of((unknown,)), str(unknown),
                                f"unknown vocabulary (known: {', '.join(VOCABULARIES)}; "
                                f"other sections: {', '.join(SECTIONS)})"))
    for name in VOCABULARIES:
        entries = data.get(name)
        terms: dict[str, Term] = {}
        if not isinstance(entries, dict):
            problems.append(Problem(TAXONOMIES_FILE, document.line_of((name,)), name,
                                    "must be a mapping of id -> entry"))
            vocabularies[name] = terms
            continue
        for term_id, entry in entries.items():
            where = f"{name}.{term_id}"
            line = document.line_of((name, term_id))
            if not isinstance(term_id, str) or not _ID_PATTERNS.get(name, _SLUG).match(term_id):
                problems.append(Problem(TAXONOMIES_FILE, line, where,
                                        "ids must be lower-case letters and digits joined by '-' "
                                        "(they become parts of addresses)"))
                continue
            if not isinstance(entry, dict):
                problems.append(Problem(TAXONOMIES_FILE, line, where, "must be a mapping"))
                continue
            label = _labels(entry.get("label"), where, line, problems, "label")
            extra = {k: v for k, v in entry.items() if k not in ("label", "plural", "folder")}
            if "url" in extra and not https_url(extra["url"]):
                problems.append(Problem(TAXONOMIES_FILE, document.line_of((name, term_id, "url")),
                                        f"{where}.url", "must be an https:// address"))
                del extra["url"]
            if "schema_org" in extra and not (isinstance(extra["schema_org"], str)
                                              and SCHEMA_ORG_TYPE.match(extra["schema_org"])):
                problems.append(Problem(TAXONOMIES_FILE, document.line_of((name, term_id, "schema_org")),
                                        f"{where}.schema_org", "must be a schema.org type or enumeration "
                                        "member name (Article, OnlineEventAttendanceMode)"))
                del extra["schema_org"]
            elif name == "types" and extra.get("schema_org") in EVENT_TYPES:
                problems.append(Problem(TAXONOMIES_FILE, document.line_of((name, term_id, "schema_org")),
                                        f"{where}.schema_org", "a content type is a work, not an event: "
                                        "declare an event type on the event kinds (event_kinds)"))
                del extra["schema_org"]
            if name == "types":
                folder = entry.get("folder")
                if not isinstance(folder, str):
                    folder = term_id
                if not _SLUG.match(folder) or folder in RESERVED_NAMES:
                    problems.append(Problem(TAXONOMIES_FILE, document.line_of((name, term_id, "folder")),
                                            f"{where}.folder", "must be a plain folder name (lower-case "
                                            "letters, digits, '-') that the site does not use already "
                                            f"(not {', '.join(sorted(RESERVED_NAMES))})"))
                plural = _labels(entry.get("plural"), where, line, problems, "plural")
                terms[term_id] = ContentType(term_id, label, extra, folder=folder, plural=plural)
            else:
                terms[term_id] = Term(term_id, label, extra)
        vocabularies[name] = terms
    return Taxonomies(vocabularies)
