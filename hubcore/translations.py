"""Translation state as a pure function of the files: translated, missing or stale.

A translation records which version of its original it was made from, in its
front matter, as one short hash per translatable part of the original:

    translated_from: {title: '1a2b3c4d', summary: '5e6f7a8b', body: '9c0d1e2f'}

No Git history is needed. When a part of the original changes, the translation
is stale and the parts that changed are named.

What counts as a change: the words. Each part is normalised before hashing —
Markdown markup (emphasis, headings' #, list bullets, link targets), punctuation,
letter case and all white space (re-wrapping, blank lines) are ignored — so
reformatting, re-flowing a paragraph or fixing punctuation never makes a
translation stale. Changing, adding or removing a word, a number or a link text
does. For an editorial fix of a word that does not change the meaning (a typo),
the author of the fix refreshes the translations' recorded version in the same
change (``hub.py translations refresh``), which a reviewer sees in the diff.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from .model import Entry, Site
from .settings import LANGUAGES

FIELD = "translated_from"
PARTS = ("title", "summary", "body")
# Each pattern stops at the first character that could start its next match, so the work is
# linear in the text whatever its shape (a run of "[a](" with no ")" once took seconds).
_LINK_TARGET = re.compile(r"\]\([^()\n]*\)|\]\[[^\[\]\n]*\]|^[ \t]{0,3}\[[^\[\]\n]+\]:.*$", re.M)
_ATTRIBUTES = re.compile(r"\{:?[^{}\n]*\}")


def normalise(text: str) -> str:
    """The words of a text, without markup, punctuation, case or spacing."""
    text = _LINK_TARGET.sub(" ", text)
    text = _ATTRIBUTES.sub(" ", text)
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    words = re.findall(r"\w+", text)
    return " ".join(words)


def fingerprint(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:8]


def version_of(entry: Entry) -> dict[str, str]:
    """The current version of the original: a hash per part."""
    original = entry.original
    return {"title": fingerprint(str(original.meta.get("title") or "")),
            "summary": fingerprint(str(original.meta.get("summary") or "")),
            "body": original.body_fingerprint or fingerprint(original.source.body)}


@dataclass(frozen=True)
class Status:
    """One entry in one language."""

    key: str
    lang: str
    state: str  # "original", "translated", "missing" or "stale"
    changed: tuple[str, ...] = ()  # for "stale": the parts of the original that changed
    path: str = ""  # the translation's file, when there is one

    def as_dict(self) -> dict[str, object]:
        return {"key": self.key, "language": self.lang, "state": self.state,
                "changed": list(self.changed), "path": self.path}


def status(entry: Entry, lang: str) -> Status:
    if lang == entry.original.lang:
        return Status(entry.key, lang, "original", path=entry.original.source.path)
    document = entry.versions.get(lang)
    if document is None:
        return Status(entry.key, lang, "missing")
    recorded = document.meta.get(FIELD)
    current = version_of(entry)
    if not isinstance(recorded, dict):
        return Status(entry.key, lang, "stale", ("no recorded version",), document.source.path)
    changed = tuple(part for part in PARTS if recorded.get(part) != current[part])
    return Status(entry.key, lang, "stale" if changed else "translated", changed, document.source.path)


@dataclass
class Report:
    """Every entry's status in every language, with totals per language."""

    rows: list[Status] = field(default_factory=list)

    def totals(self) -> dict[str, dict[str, int]]:
        counts = {lang: {"original": 0, "translated": 0, "missing": 0, "stale": 0} for lang in LANGUAGES}
        for row in self.rows:
            counts[row.lang][row.state] += 1
        return counts

    @property
    def incomplete(self) -> bool:
        return any(row.state in ("missing", "stale") for row in self.rows)


def report(site: Site) -> Report:
    entries = sorted(site.entries.values(), key=lambda e: (e.is_product, e.key))
    return Report([status(e, lang) for e in entries if not e.draft for lang in LANGUAGES])


def refreshed(text: str, version: dict[str, str]) -> str:
    """The file's text with only its recorded version set to ``version``.

    The ``translated_from`` line is replaced, or added just before the closing
    ``---`` of the front matter; every other byte stays as it was.
    """
    line = f"{FIELD}: {{" + ", ".join(f"{part}: '{version[part]}'" for part in PARTS) + "}"
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip("\r").rstrip() in ("---", "..."))
    eol = "\r" if lines[0].endswith("\r") else ""
    for i in range(1, end):
        if lines[i].startswith(f"{FIELD}:"):
            following = i + 1  # a block-style mapping continues on indented lines
            while following < end and lines[following][:1] in (" ", "\t"):
                following += 1
            lines[i:following] = [line + eol]
            return "\n".join(lines)
    lines.insert(end, line + eol)
    return "\n".join(lines)
