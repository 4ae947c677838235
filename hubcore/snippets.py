"""Editor completion for front matter: VS Code snippets made from the field declarations.

No editor extension offers JSON-Schema completion inside a Markdown file's front
matter (the YAML language server reads YAML files only). VS Code's own snippets
work in any file, so each declared field becomes one: typing its first letters
offers the field with its help text (``data/fields.yml``), and a field that
takes terms offers the allowed ids as a pick list. They are generated from
``schema.py`` and ``data/taxonomies.yml`` (never written by hand), like the JSON
Schemas and the scaffold, so they cannot disagree with the validator.
"""

from __future__ import annotations

import json
from typing import Any

from .field_help import FieldHelp
from .schema import PAGE, Field, fields_for
from .settings import LANGUAGES
from .taxonomy import Taxonomies
from .translations import FIELD as TRANSLATION_MARK

def _escape(text: str) -> str:
    """Text as a snippet body takes it literally ($, } and \\ are snippet syntax)."""
    return text.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}")


def _choices(values: list[str]) -> str:
    return "|" + ",".join(v.replace("\\", "\\\\").replace(",", "\\,").replace("|", "\\|") for v in values) + "|"


def _value(spec: Field, taxonomies: Taxonomies, stop: int) -> str:
    """The value part of one field, tab stop ``stop``: a pick list of the allowed ids, or the
    declared example, selected, so that typing replaces it and leaving it is still valid."""
    if spec.kind in ("term", "terms"):
        choice = f"${{{stop}{_choices(list(taxonomies[spec.vocabulary or '']))}}}"
        return choice if spec.kind == "term" else f"[{choice}]"
    if spec.kind == "boolean":
        return f"${{{stop}|true,false|}}"
    example = spec.example
    if len(example) >= 2 and example[0] == example[-1] == '"':  # quotes stay when the text is replaced
        return f'"${{{stop}:{_escape(example[1:-1])}}}"'
    if len(example) >= 2 and example[0] == "[" and example[-1] == "]":
        return f"[${{{stop}:{_escape(example[1:-1])}}}]"
    return f"${{{stop}:{_escape(example)}}}"


def _body(spec: Field, taxonomies: Taxonomies) -> list[str]:
    """The lines a field inserts; mappings lay out their sub-fields, required ones first.

    Sub-fields that only make sense with others (a last day needs the first, in ``date``) or that hold
    lists of their own (an event's agenda) are left to the scaffold and the field reference: accepted
    as offered, a snippet gives front matter the validator accepts.
    """
    if spec.kind not in ("mapping", "mapping-list"):
        return [f"{spec.name}: {_value(spec, taxonomies, 1)}"]
    subs = sorted((sub for sub in spec.fields if sub.required or sub.kind not in ("day", "mapping-list")),
                  key=lambda sub: not sub.required)
    if spec.one_of:  # e.g. an attachment is a file or a link: offer the first
        subs = [sub for sub in subs if sub.name not in spec.one_of[1:]]
    first, rest = ("  - ", "    ") if spec.kind == "mapping-list" else ("  ", "  ")
    return [f"{spec.name}:"] + [f"{first if stop == 1 else rest}{sub.name}: {_value(sub, taxonomies, stop)}"
                                for stop, sub in enumerate(subs, start=1)]


def _where(name: str, taxonomies: Taxonomies) -> str:
    kinds = [t for t in taxonomies.types if any(f.name == name for f in fields_for(t))]
    on_pages = any(f.name == name for f in fields_for(PAGE))
    if len(kinds) == len(taxonomies.types) and on_pages:
        return "every page"
    if len(kinds) == len(taxonomies.types):
        return "every product"
    names = [taxonomies.types[t].label.get("en", t) for t in kinds] + (["pages"] if on_pages else [])
    return ", ".join(names)


def snippets(taxonomies: Taxonomies, help: FieldHelp) -> dict[str, dict[str, Any]]:
    """One snippet per front-matter field (in Markdown files), in declaration order.

    Its description is the field's help in every language, the first one with
    whether it is required and where it may be used.
    """
    seen: dict[str, Field] = {}
    for kind in (*taxonomies.types, PAGE):
        for spec in fields_for(kind):
            seen.setdefault(spec.name, spec)
    result: dict[str, dict[str, Any]] = {}
    for name, spec in seen.items():
        if name == TRANSLATION_MARK:
            continue  # written by 'hub.py translations refresh', never by hand
        required = "required" if spec.required else "optional"
        body = _body(spec, taxonomies)
        for other in spec.needs:  # a field that needs another brings it along (partners, partners_source)
            needed = _body(seen[other], taxonomies)
            body += [line.replace("${1", f"${{{len(body) + 1}") for line in needed]
        result[f"front matter: {name}"] = {
            "scope": "markdown",
            "prefix": name,
            "body": body,
            "description": " / ".join([f"{help.text(name, LANGUAGES[0])} ({required}; {_where(name, taxonomies)})",
                                       *(help.text(name, lang) for lang in LANGUAGES[1:])]),
        }
    return result


def dumps(value: dict[str, dict[str, Any]]) -> bytes:
    """The snippets file (VS Code reads it as JSON with comments)."""
    header = ("// Generated by 'hub.py schemas' from hubcore/schema.py, data/taxonomies.yml and data/fields.yml: "
              "do not edit.\n")
    return (header + json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
