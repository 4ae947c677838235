"""What each field means, in every language of the site, read from ``data/fields.yml``.

Help texts are words, not rules: like the interface words (``data/ui.yml``)
they are data, one text per field per language, so that a language is added
without touching Python, and every place that explains a field says the same:
the scaffold's comments, the contributor guide's field reference, the editors'
JSON Schemas and snippets, the validator's messages, the open-data page and the
catalogue's schema. The fields themselves are declared in ``schema.py``.

The file arrives by pull request like content, so it is checked like the other
data files, each problem at its line: every declared field (a sub-field as
``event.kind``) has a text in every language, on one line (the scaffold writes
it as a YAML comment); a field or a language the hub does not know is refused.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .data_files import load_mapping
from .problems import Problem
from .schema import DERIVED, PAGE_FIELDS, PRODUCT_FIELDS, Field
from .settings import LANGUAGES

FIELDS_FILE = "data/fields.yml"
# The language of the validator's messages, which quote a field's help.
MESSAGE_LANGUAGE = "en"


@dataclass(frozen=True)
class FieldHelp:
    """Help texts by field path (``date``, ``event.kind``), each in every language."""

    texts: dict[str, dict[str, str]] = field(default_factory=dict)

    def text(self, path: str, lang: str) -> str:
        """The help of the field at ``path`` in ``lang`` ("" only when the file is broken, which is reported)."""
        return self.texts.get(path, {}).get(lang, "")


def paths(fields: tuple[Field, ...], prefix: str = "") -> list[str]:
    """The path of every field in ``fields`` and of their sub-fields, in declaration order."""
    found: list[str] = []
    for spec in fields:
        found += [prefix + spec.name, *paths(spec.fields, f"{prefix}{spec.name}.")]
    return found


def declared() -> list[str]:
    """Every field that needs a help text: front matter of every kind of page, then the derived values."""
    return list(dict.fromkeys(paths(PRODUCT_FIELDS) + paths(PAGE_FIELDS) + paths(DERIVED)))


def load(root: Path) -> tuple[FieldHelp, list[Problem]]:
    """The help texts of ``root``'s data/fields.yml, and every problem with them."""
    document, problems = load_mapping(root, FIELDS_FILE)
    if problems:  # unreadable: that is the one problem, not every field missing
        return FieldHelp(), problems
    wanted = declared()
    texts: dict[str, dict[str, str]] = {}
    for path, value in document.value.items():
        line = document.line_of((path,))
        if path not in wanted:
            close = difflib.get_close_matches(str(path), wanted, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append(Problem(FIELDS_FILE, line, str(path), f"unknown field: {hint}the fields are "
                                                                  "declared in hubcore/schema.py"))
            continue
        if not isinstance(value, dict):
            problems.append(Problem(FIELDS_FILE, line, path, "must map each language to its text "
                                                             f"({', '.join(LANGUAGES)})"))
            continue
        for lang in value:
            if lang not in LANGUAGES:
                problems.append(Problem(FIELDS_FILE, document.line_of((path, lang)), f"{path}.{lang}",
                                        f"unknown language (the site's: {', '.join(LANGUAGES)})"))
        for lang in LANGUAGES:
            text = value.get(lang)
            where = f"{path}.{lang}"
            if not isinstance(text, str) or not text.strip():
                problems.append(Problem(FIELDS_FILE, document.line_of((path, lang)), where, "missing translation"))
            elif "\n" in text.strip():
                problems.append(Problem(FIELDS_FILE, document.line_of((path, lang)), where,
                                        "must be on one line (the scaffold writes it as a comment)"))
        texts[path] = {lang: text.strip() for lang, text in value.items()
                       if lang in LANGUAGES and isinstance(text, str)}
    for path in wanted:
        if path not in document.value:
            problems.append(Problem(FIELDS_FILE, 1, path, "missing: every field declared in hubcore/schema.py "
                                                          "needs its help text here"))
    return FieldHelp(texts), problems
