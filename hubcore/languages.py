"""The languages the hub speaks, declared once in data/languages.yml.

Everything that varies by language reads this declaration (through
settings.LANGUAGES and ``declared``): the site's language folders, file suffixes,
the languages every text must be given in, the Open Graph locale and the
search's stemmer. A new language is a data change; only the words themselves
(data/ui.yml, the vocabularies' labels) and, for the theme, a template of its
interface words are added beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .data_files import read_yaml
from .problems import Problem

LANGUAGES_FILE = "data/languages.yml"
_CODE = re.compile(r"^[a-z]{2,3}$")
_OG_LOCALE = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")
_FIELDS = ("code", "og_locale", "search")
# What the hub speaks when the declaration cannot be read (the problem is reported).
FALLBACK = "en"


@dataclass(frozen=True)
class Language:
    code: str
    og_locale: str
    search: str  # the language of the search stemmer for this language's script


def load(root: Path) -> tuple[tuple[Language, ...], list[Problem]]:
    """The declared languages, first the default one; problems instead of exceptions."""
    document, problems = read_yaml(root, LANGUAGES_FILE)
    if document is None:
        return (Language(FALLBACK, "en_US", FALLBACK),), problems or [
            Problem(LANGUAGES_FILE, 1, "file", "missing: declare the site's languages")]
    if not isinstance(document.value, list) or not document.value:
        return (Language(FALLBACK, "en_US", FALLBACK),), [
            Problem(LANGUAGES_FILE, 1, "languages", "must be a list of languages, the default one first")]
    found: list[Language] = []
    for i, item in enumerate(document.value):
        line = document.line_of((i,))
        if not isinstance(item, dict) or set(item) != set(_FIELDS):
            problems.append(Problem(LANGUAGES_FILE, line, f"[{i}]", f"give exactly {', '.join(_FIELDS)}"))
            continue
        code, og_locale, search = (item[name] for name in _FIELDS)
        if not isinstance(code, str) or not _CODE.match(code):
            problems.append(Problem(LANGUAGES_FILE, line, f"[{i}].code", "must be an ISO 639-1 code (en, ru)"))
        elif any(language.code == code for language in found):
            problems.append(Problem(LANGUAGES_FILE, line, f"[{i}].code", f"'{code}' is declared twice"))
        elif not isinstance(og_locale, str) or not _OG_LOCALE.match(og_locale):
            problems.append(Problem(LANGUAGES_FILE, line, f"[{i}].og_locale", "must be like en_US"))
        elif not isinstance(search, str) or not _CODE.match(search):
            problems.append(Problem(LANGUAGES_FILE, line, f"[{i}].search", "must be a language code (en, ru)"))
        else:
            found.append(Language(code, og_locale, search))
    return tuple(found) or (Language(FALLBACK, "en_US", FALLBACK),), problems
