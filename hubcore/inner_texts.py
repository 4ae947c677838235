"""Texts inside language-neutral fields: an event's place, its programme's titles, its speakers, its photos' words.

``schema.py`` marks a field ``translatable`` when each language's file writes
it (a title). Inside ``event``, which is language-neutral (written once, in the
original), some sub-fields are words that readers of each language need in their
own: the place, an agenda item's title and speaker, a speaker's name, role and
organisation, a photo's alt text and caption. They follow the same rule one
level down: the original gives the whole field; a translation's file may give,
under the same name, the translatable sub-fields in its language, at the same
places. A list is given whole or not at all: the same items in the same order,
each with every text the original's item has, so a reader never meets a list
half in one language. Days, times, files and terms stay in the original; a
translation may repeat one (an editor that writes every field does) only
unchanged.

What a translation does not give is shown in the original's language, marked
as such (``lang``), the way a page not yet translated is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .schema import Field, fields_for
from .strict_yaml import KeyPath

Report = Callable[[KeyPath, str, str], None]
# Checks one value against its declaration (FieldChecker._value): path, where, spec, value.
CheckValue = Callable[[KeyPath, str, Field, Any], None]


def carries_texts(spec: Field) -> bool:
    """Whether a language-neutral mapping field holds translatable sub-fields, at any depth."""
    return not spec.translatable and any(sub.translatable or carries_texts(sub) for sub in spec.fields)


def fields_with_texts(kind: str) -> dict[str, Field]:
    """The neutral fields of a page of ``kind`` that a translation may give texts of, by name."""
    return {spec.name: spec for spec in fields_for(kind) if carries_texts(spec)}


def texts_only(spec: Field, value: Any) -> bool:
    """Whether ``value`` holds only texts (what a translation writes), not the field itself.

    The original is the file that gives language-neutral fields (model.default_original);
    a translation's texts inside ``event`` do not make it one.
    """
    if isinstance(value, list):
        return all(texts_only(spec, item) for item in value)
    if not isinstance(value, dict):
        return False
    subs = {sub.name: sub for sub in spec.fields}
    return all(name in subs and (subs[name].translatable or carries_texts(subs[name]) and texts_only(subs[name], item))
               for name, item in value.items())


def check(spec: Field, value: Any, original: Any, report: Report, check_value: CheckValue,
          path: KeyPath | None = None, where: str | None = None) -> None:
    """Report what is wrong with a translation's ``value`` of ``spec``, given the original's value."""
    path = path if path is not None else (spec.name,)
    where = where or spec.name
    if original is None:
        report(path, where, f"the original gives no '{spec.name}': a translation gives only the texts "
                            f"of the original's {spec.name}, in its language")
        return
    if spec.kind == "mapping-list":
        _list(spec, value, original, report, check_value, path, where)
    else:
        _mapping(spec, value, original, report, check_value, path, where)


def _list(spec: Field, value: Any, original: Any, report: Report, check_value: CheckValue,
          path: KeyPath, where: str) -> None:
    if not isinstance(value, list):
        report(path, where, "must be a list: the original's items, in the same order, with their texts in "
                            "this language")
        return
    if not isinstance(original, list) or len(value) != len(original):
        count = len(original) if isinstance(original, list) else 0
        report(path, where, f"the original lists {count} item{'s' if count != 1 else ''}, this file "
                            f"{len(value)}: give the texts of every item, in the original's order")
        return
    for i, (item, theirs) in enumerate(zip(value, original)):
        _mapping(spec, item, theirs, report, check_value, path + (i,), f"{where}[{i}]")


def _mapping(spec: Field, value: Any, original: Any, report: Report, check_value: CheckValue,
             path: KeyPath, where: str) -> None:
    names = ", ".join(sub.name for sub in spec.fields if sub.translatable or carries_texts(sub))
    if not isinstance(value, dict):
        report(path, where, f"must be a mapping of the texts of the original's {spec.name} ({names})")
        return
    theirs = original if isinstance(original, dict) else {}
    subs = {sub.name: sub for sub in spec.fields}
    for name, item in value.items():
        sub = subs.get(name)
        here, at = path + (name,), f"{where}.{name}"
        if sub is None:
            report(here, at, f"unknown field: a translation gives only texts here ({names})")
        elif sub.translatable:
            if name not in theirs:
                report(here, at, "the original gives no such text here: add it to the original first")
            else:
                check_value(here, at, sub, item)
        elif carries_texts(sub):
            check(sub, item, theirs.get(name), report, check_value, here, at)
        elif item != theirs.get(name):
            report(here, at, f"language-neutral: differs from the original's ({theirs.get(name)!r}); write "
                             "it once, in the original")
    for sub in spec.fields:
        if sub.translatable and sub.name in theirs and sub.name not in value and _is_item(path):
            report(path, f"{where}.{sub.name}", "the original's item has this text: give it in this "
                                                "language too (a list is translated whole)")


def _is_item(path: KeyPath) -> bool:
    """Whether ``path`` is an item of a list (its texts are given whole), not the field itself."""
    return bool(path) and isinstance(path[-1], int)


@dataclass(frozen=True)
class Localized:
    """A product's neutral fields with their inner texts in one language, and where each text comes from.

    ``neutral`` is the front matter to type (product.product_of); ``languages``
    gives, for each path that holds texts (``event.location``, ``event.agenda``),
    the language they are shown in.
    """

    neutral: dict[str, Any]
    languages: dict[str, str]


def localize(kind: str, neutral: dict[str, Any], translation: dict[str, Any] | None, original_lang: str,
             lang: str) -> Localized:
    """The original's neutral fields with the texts ``translation`` (the front matter of ``lang``'s file,
    None for the original or a missing file) gives inside them; every other text stays the original's."""
    merged = dict(neutral)
    languages: dict[str, str] = {}
    for name, spec in fields_with_texts(kind).items():
        value = neutral.get(name)
        theirs = (translation or {}).get(name)
        merged[name] = _merged(spec, value, theirs, original_lang, lang, name, languages)
    return Localized(merged, languages)


def _merged(spec: Field, value: Any, theirs: Any, original_lang: str, lang: str, path: str,
            languages: dict[str, str]) -> Any:
    if not isinstance(value, dict):
        return value
    theirs = theirs if isinstance(theirs, dict) else {}
    merged = dict(value)
    for sub in spec.fields:
        at = f"{path}.{sub.name}"
        if sub.translatable and sub.name in value:
            given = theirs.get(sub.name)
            use = isinstance(given, str) and given.strip()
            merged[sub.name] = given if use else value[sub.name]
            languages[at] = lang if use else original_lang
        elif sub.kind == "mapping-list" and carries_texts(sub) and isinstance(value.get(sub.name), list):
            items, given = value[sub.name], theirs.get(sub.name)
            whole = isinstance(given, list) and len(given) == len(items) and all(isinstance(i, dict) for i in given)
            merged[sub.name] = [_texts_of(sub, item, given[i] if whole else {}) for i, item in enumerate(items)]
            languages[at] = lang if whole else original_lang
    return merged


def _texts_of(spec: Field, item: Any, theirs: dict[str, Any]) -> Any:
    """One list item with the translatable texts the translation gives for it."""
    if not isinstance(item, dict):
        return item
    merged = dict(item)
    for sub in spec.fields:
        given = theirs.get(sub.name)
        if sub.translatable and sub.name in item and isinstance(given, str) and given.strip():
            merged[sub.name] = given
    return merged
