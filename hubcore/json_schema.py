"""JSON Schemas of the front matter, generated from the same declarations the validator uses.

One schema per content type (and one for pages), so that an editor can offer
completion and flag mistakes while an author types. They are made from
``schema.py``, ``data/taxonomies.yml`` and ``data/fields.yml`` (the descriptions),
never written by hand, so the editor
and the validator cannot disagree; a test checks both against every fixture.

Checks that need more than one file (a translation against its original, links,
attachments that must exist) are the validator's alone.
"""

from __future__ import annotations

import json
from typing import Any

from .addresses import HTTPS_PATTERN
from .field_help import FieldHelp
from .file_formats import IMAGE_EXTENSIONS
from .inner_texts import carries_texts, fields_with_texts
from .schema import ONE_LINE_UP_TO, PAGE, Field, fields_for, translatable_names
from .taxonomy import Taxonomies
from .translations import FIELD as TRANSLATION_MARK

# Draft 7: what editors' validators read without options (Ajv's default, the YAML
# language server); nothing here needs a later draft.
SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"

# YYYY, YYYY-MM or a real YYYY-MM-DD (29 February only in leap years).
_YEAR = r"\d{4}"
_MONTH = r"(0[1-9]|1[0-2])"
_LEAP = r"(\d\d(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29"
_FULL = rf"({_YEAR}-{_MONTH}-(0[1-9]|1[0-9]|2[0-8])|{_YEAR}-(0[13-9]|1[0-2])-(29|30)|{_YEAR}-(0[13578]|1[02])-31|{_LEAP})"
# Any other field is an error. The same as ``false``, but an editor then reports it on the
# field's own line, where ``false`` makes it a complaint about the whole front matter.
NO_OTHER_FIELDS: dict[str, Any] = {"not": {}}
DAY_PATTERN = rf"^{_FULL}$"
DATE_PATTERN = rf"^({_YEAR}|{_YEAR}-{_MONTH}|{_FULL})$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
# A path (no address, no data: URL) ending in an image format's extension, in any letter case.
IMAGE_PATTERN = (r"^(?![\s\S]*://)(?!data:)[\s\S]*\.("
                 + "|".join(sorted("".join(f"[{c}{c.upper()}]" for c in ext) for ext in IMAGE_EXTENSIONS)) + ")$")


def _property(spec: Field, taxonomies: Taxonomies, help: FieldHelp, path: str, lang: str = "en") -> dict[str, Any]:
    """The schema of one field at ``path`` (``event.kind``), described in ``lang``."""
    text: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": r"\S"}
    if spec.max_length:
        text["maxLength"] = spec.max_length
    if spec.max_length and spec.max_length <= ONE_LINE_UP_TO:  # short texts stay on one line
        text["pattern"] = r"^\s*[^\n]*\S[^\n]*\s*$"
    kinds: dict[str, dict[str, Any]] = {
        "text": text,
        "text-list": {"type": "array", "items": text, "uniqueItems": True},
        "date": {"type": ["string", "integer"], "pattern": DATE_PATTERN,
                 "minimum": 1000, "maximum": 9999},
        "day": {"type": "string", "pattern": DAY_PATTERN},
        "time": {"type": "string", "pattern": TIME_PATTERN},
        "boolean": {"type": "boolean"},
        "count": {"type": "integer", "minimum": 0},
        "https-url": {"type": "string", "pattern": HTTPS_PATTERN},
        "file": {"type": "string", "pattern": r"^(?![\s\S]*://)[\s\S]*\S"},
        "image": {"type": "string", "pattern": IMAGE_PATTERN},
        "hash": {"type": "string", "pattern": "^[0-9a-f]{8}$"},
    }
    if spec.kind in ("term", "terms"):
        terms = taxonomies[spec.vocabulary or ""]
        one = {"type": "string", "enum": list(terms),
               "description": "; ".join(f"{t}: {term.label.get(lang, t)}" for t, term in terms.items())}
        result = one if spec.kind == "term" else {"type": "array", "items": one, "uniqueItems": True}
    elif spec.kind in ("mapping", "mapping-list"):
        mapping: dict[str, Any] = {
            "type": "object",
            "properties": {sub.name: _property(sub, taxonomies, help, f"{path}.{sub.name}", lang)
                           for sub in spec.fields},
            "required": [sub.name for sub in spec.fields if sub.required],
            "additionalProperties": NO_OTHER_FIELDS,
        }
        if spec.one_of:
            mapping["oneOf"] = [{"required": [name]} for name in spec.one_of]
        result = mapping if spec.kind == "mapping" else {"type": "array", "items": mapping}
        if spec.max_items is not None:
            result["maxItems"] = spec.max_items
    else:
        result = dict(kinds[spec.kind])
    result["description"] = help.text(path, lang) + (f" {result['description']}" if "description" in result else "")
    return result


def _texts_of(spec: Field, taxonomies: Taxonomies, help: FieldHelp, path: str) -> dict[str, Any]:
    """The schema of what a translation writes of a neutral field that holds texts (inner_texts.py):
    its translatable sub-fields, in lists of the same shape; neutral sub-fields may be repeated."""
    properties = {}
    for sub in spec.fields:
        at = f"{path}.{sub.name}"
        properties[sub.name] = (_texts_of(sub, taxonomies, help, at) if carries_texts(sub)
                                else _property(sub, taxonomies, help, at))
    one = {"type": "object", "properties": properties, "additionalProperties": NO_OTHER_FIELDS,
           "description": help.text(path, "en")}
    return one if spec.kind == "mapping" else {"type": "array", "items": one, "description": help.text(path, "en")}


def schema_for(kind: str, taxonomies: Taxonomies, help: FieldHelp, base_url: str = "") -> dict[str, Any]:
    """The JSON Schema of the front matter of one content type (or of a page).

    A file that records ``translated_from`` is a translation: it needs only the
    text fields (the rest comes from its original, which the validator compares),
    and of a neutral field that holds texts (an event's agenda) it gives only
    those texts, so that field's schema depends on which file it is.
    """
    fields = fields_for(kind)
    title = "Page" if kind == PAGE else taxonomies.types[kind].label.get("en", kind)
    texts = translatable_names(kind)
    with_texts = fields_with_texts(kind)
    properties = {spec.name: ({} if spec.name in with_texts else _property(spec, taxonomies, help, spec.name))
                  for spec in fields}

    def branch(required: list[str], translation: bool) -> dict[str, Any]:
        found: dict[str, Any] = {"required": required}
        if with_texts:
            found["properties"] = {name: (_texts_of(spec, taxonomies, help, name) if translation
                                          else _property(spec, taxonomies, help, name))
                                   for name, spec in with_texts.items()}
        return found

    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{base_url}schemas/{kind}.schema.json",
        "title": f"Front matter: {title}",
        "type": "object",
        "properties": properties,
        "additionalProperties": NO_OTHER_FIELDS,
        # A field that needs another (partners needs partners_source): draft 7's form.
        **({"dependencies": needs} if (needs := {spec.name: list(spec.needs) for spec in fields
                                                  if spec.needs}) else {}),
        "if": {"required": [TRANSLATION_MARK]},
        "then": branch([spec.name for spec in fields if spec.required and spec.name in texts], True),
        "else": branch([spec.name for spec in fields if spec.required], False),
    }


def all_schemas(taxonomies: Taxonomies, help: FieldHelp, base_url: str = "") -> dict[str, dict[str, Any]]:
    """File name -> schema, for every content type and for pages."""
    kinds = [PAGE, *taxonomies.types]
    return {f"{kind}.schema.json": schema_for(kind, taxonomies, help, base_url) for kind in kinds}


def associations(taxonomies: Taxonomies, folder: str) -> dict[str, list[str]]:
    """Which files each schema (written in ``folder``) applies to, as glob patterns from the repository root.

    Section intros (``<section>/index.md``) are pages: the page schema comes last,
    so that an editor that lets the last matching pattern win gives them the page schema.
    """
    result = {f"{folder}/{kind}.schema.json": [f"docs/{content_type.folder}/*.md"]
              for kind, content_type in taxonomies.types.items()}
    result[f"{folder}/{PAGE}.schema.json"] = ["docs/*.md", "docs/*/index.md", "docs/*/index.*.md"]
    return result


def dumps(schema: dict[str, Any]) -> bytes:
    return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
