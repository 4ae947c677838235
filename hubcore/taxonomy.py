"""The hub's vocabularies (types, countries, topics, partners...), declared once.

``data/taxonomies.yml`` is the only place a country, a topic or a partner is
named; content is checked against it, listings and labels come from it, in every
language. Loading it checks it too, so a broken data file gets located errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import Problem
from .settings import LANGUAGES, TAXONOMIES_FILE
from .strict_yaml import Document, StrictYamlError, parse

VOCABULARIES = ("types", "countries", "topics", "partners", "event_kinds", "formats", "licenses")


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
    """Every vocabulary by name, each an ordered mapping of id -> Term."""

    vocabularies: dict[str, dict[str, Term]]

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
    problems: list[Problem] = []
    try:
        document = parse((root / TAXONOMIES_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Taxonomies({name: {} for name in VOCABULARIES}), [
            Problem(TAXONOMIES_FILE, 1, "file", "missing")]
    except StrictYamlError as error:
        return Taxonomies({name: {} for name in VOCABULARIES}), [
            Problem(TAXONOMIES_FILE, error.line, error.key, error.message)]
    return _build(document, problems), problems


def _build(document: Document, problems: list[Problem]) -> Taxonomies:
    data = document.value if isinstance(document.value, dict) else {}
    vocabularies: dict[str, dict[str, Term]] = {}
    for unknown in sorted(set(data) - set(VOCABULARIES)):
        problems.append(Problem(TAXONOMIES_FILE, document.line_of((unknown,)), unknown,
                                f"unknown vocabulary (known: {', '.join(VOCABULARIES)})"))
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
            if not isinstance(entry, dict):
                problems.append(Problem(TAXONOMIES_FILE, line, where, "must be a mapping"))
                continue
            label = _labels(entry.get("label"), where, line, problems, "label")
            extra = {k: v for k, v in entry.items() if k not in ("label", "plural", "folder")}
            if name == "types":
                folder = entry.get("folder")
                if not isinstance(folder, str) or not folder:
                    problems.append(Problem(TAXONOMIES_FILE, line, where, "folder is missing"))
                    folder = term_id
                plural = _labels(entry.get("plural"), where, line, problems, "plural")
                terms[term_id] = ContentType(term_id, label, extra, folder=folder, plural=plural)
            else:
                terms[term_id] = Term(term_id, label, extra)
        vocabularies[name] = terms
    return Taxonomies(vocabularies)
