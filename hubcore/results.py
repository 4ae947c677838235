"""The project's results, counted from the published entries.

``data/project.yml`` declares the rows (a label, its singular ``one`` for a count
of 1 if the label is a plural, and which entries match); the numbers always come
from the content, so adding an entry updates the results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import Entry, Site
from .plurals import plural
from .product import Event
from .problems import Problem
from .settings import LANGUAGES, PROJECT_FILE
from .strict_yaml import Document

_MATCH_KEYS = {"type": "types", "event_kind": "event_kinds", "format": "formats"}


@dataclass(frozen=True)
class ResultRow:
    label: dict[str, str]
    entries: tuple[Entry, ...]
    one: dict[str, str] | None = None  # the label for a count of 1 ("1 Study visit", not "visits")

    @property
    def count(self) -> int:
        return len(self.entries)

    def label_in(self, lang: str) -> str:
        """The row's label in ``lang``: its ``one`` form where the language's plural rule says so
        (plurals.py: 1 in English; 1, 21, 31... in Russian), else the label."""
        forms = {"other": self.label.get(lang, "")}
        if self.one and self.one.get(lang):
            forms["one"] = self.one[lang]
        return plural(forms, self.count, lang)


def _matches(entry: Entry, match: dict[str, str]) -> bool:
    event = entry.product.event or Event()
    actual = {"type": entry.kind, "event_kind": event.kind, "format": event.format}
    return all(actual[key] == value for key, value in match.items())


def result_rows(site: Site) -> list[ResultRow]:
    rows = site.project.get("results") or []
    products = site.products()
    return [ResultRow(row["label"], tuple(e for e in products if _matches(e, row["match"])), row.get("one"))
            for row in rows if isinstance(row, dict)]


def check(project: Document, vocabularies: Any) -> list[Problem]:
    """Problems in the results declaration (labels in every language, known match values)."""
    problems: list[Problem] = []
    data = project.value
    if not isinstance(data.get("officials_engaged", 0), int):
        problems.append(Problem(PROJECT_FILE, project.line_of(("officials_engaged",)),
                                "officials_engaged", "must be a whole number"))
    rows = data.get("results") or []
    if not isinstance(rows, list):
        return problems + [Problem(PROJECT_FILE, project.line_of(("results",)), "results", "must be a list")]
    for i, row in enumerate(rows):
        where, line = f"results[{i}]", project.line_of(("results", i))
        if not isinstance(row, dict) or not isinstance(row.get("label"), dict) \
                or not isinstance(row.get("match"), dict):
            problems.append(Problem(PROJECT_FILE, line, where, "needs a label and a match"))
            continue
        for lang in LANGUAGES:
            if not row["label"].get(lang):
                problems.append(Problem(PROJECT_FILE, line, f"{where}.label", f"missing in {lang!r}"))
        if "one" in row and not isinstance(row["one"], dict):
            problems.append(Problem(PROJECT_FILE, project.line_of(("results", i, "one")), f"{where}.one",
                                    "must give the singular label in every language"))
        elif "one" in row:
            problems.extend(Problem(PROJECT_FILE, project.line_of(("results", i, "one")), f"{where}.one",
                                    f"missing in {lang!r}") for lang in LANGUAGES if not row["one"].get(lang))
        for key, value in row["match"].items():
            key_line = project.line_of(("results", i, "match", key))
            if key not in _MATCH_KEYS:
                problems.append(Problem(PROJECT_FILE, key_line, f"{where}.match",
                                        f"unknown key {key!r} (allowed: {', '.join(_MATCH_KEYS)})"))
            elif value not in vocabularies[_MATCH_KEYS[key]]:
                problems.append(Problem(PROJECT_FILE, key_line, f"{where}.match.{key}",
                                        f"unknown value {value!r}"))
    return problems
