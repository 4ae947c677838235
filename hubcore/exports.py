"""The catalogue as open data: JSON, CSV, its JSON Schema and a DCAT description.

One of the project's topics is open government data, so the hub publishes its
own catalogue the way it recommends others do: at stable addresses
(``/catalog.json``, ``/catalog.csv``, ``/catalog.schema.json``,
``/catalog.jsonld``), in open formats, with a published schema and a
machine-readable description of the distributions.

The fields are declared once, with every other field, in ``schema.py`` (each
field's ``Record``; the values the hub works out itself in ``schema.DERIVED``):
the JSON records, the CSV columns, the JSON Schema and the field table of the
open-data page are all made from those declarations, so they can never
disagree, and a field declared with a record appears in all of them. Values
come only from the content; a field the content does not give is left out
(scalars) or empty (lists), never guessed. Nothing here depends on the clock or on set order, so
two builds of the same content give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
from typing import Any
from urllib.parse import quote, urlsplit

from .feeds import feed_path
from .field_help import FieldHelp
from .file_formats import formula_start
from .model import Entry, Site
from .inner_texts import carries_texts
from .product import Attachment, part
from .schema import DERIVED_KIND, JSON_URL, Field, record_fields
from .settings import LANGUAGES
from .urls import entry_path

JSON_FILE = "catalog.json"
CSV_FILE = "catalog.csv"
SCHEMA_FILE = "catalog.schema.json"
DCAT_FILE = "catalog.jsonld"
OPEN_DATA_KEY = "open-data"  # the page that documents these files (docs/open-data.md)
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_LANGUAGE = "en"  # the catalogue's schema describes its fields in English

# Separators inside one CSV cell. Identifiers never contain "; "; free texts
# (authors, attachment titles) may, so each of those values takes its own line.
ID_SEPARATOR = "; "
TEXT_SEPARATOR = "\n"
# The values of one item of a list inside a field (an agenda item's time, title and speaker), on its line.
ITEM_SEPARATOR = " | "

def _absolute(base_url: str, path: str) -> str:
    return base_url + quote(path)


def attachment_record(entry: Entry, attachment: Attachment, base_url: str) -> dict[str, str]:
    """A download with an absolute address; files in the repository are published at their place."""
    href = attachment.url if attachment.url is not None else file_address(entry, attachment.file or "", base_url)
    name = urlsplit(href).path.rsplit("/", 1)[-1]
    result = {"title": attachment.title or "", "url": href}
    if "." in name:
        result["format"] = name.rsplit(".", 1)[-1].upper()
    return result


def _last_updated(entry: Entry, last_updated: dict[str, str]) -> str | None:
    """The newest change among the product's files, if the history knows any."""
    dates = [last_updated[d.docs_path] for d in entry.versions.values() if d.docs_path in last_updated]
    return max(dates) if dates else None


def record(site: Site, entry: Entry, base_url: str, last_updated: dict[str, str] | None = None) -> dict[str, Any]:
    """One published product as a catalogue record, its fields in their declared order."""
    known = {"url": {lang: base_url + entry_path(entry.key, lang) for lang in entry.languages},
             "last_updated": _last_updated(entry, last_updated or {})}  # what the entry alone does not know
    values = {spec.name: known[spec.name] if spec.name in known and spec.kind == DERIVED_KIND
              else _value(site, entry, spec, base_url) for spec in record_fields()}
    return {name: value for name, value in values.items() if value is not None}


def _value(site: Site, entry: Entry, spec: Field, base_url: str) -> Any:
    """A field's value in a record, laid out as its ``Record`` says (None: left out)."""
    assert spec.record
    if spec.translatable:  # written in each language's file
        return {lang: entry.versions[lang].meta.get(spec.name) for lang in entry.languages}
    value = entry.value(spec.name)
    if spec.record.shape == "object":
        return _object(site, entry, spec, value, base_url)
    if isinstance(value, tuple):
        return [attachment_record(entry, v, base_url) if isinstance(v, Attachment) else v for v in value]
    return value


def _object(site: Site, entry: Entry, spec: Field, value: Any, base_url: str) -> dict[str, Any] | None:
    """An object's parts: a term's id and what its vocabulary says of it (a licence's address), or a
    mapping's sub-fields that are given (see _part)."""
    assert spec.record
    if value is None:
        return None
    if spec.vocabulary:
        term = site.taxonomies[spec.vocabulary][value]
        return {part: value if part == "id" else term.extra.get(part) for part in spec.record.parts}
    subs = {sub.name: sub for sub in spec.fields}
    parts = {name: _part(entry, subs[name], f"{spec.name}.{name}", base_url) for name in spec.record.parts}
    return {name: v for name, v in parts.items() if v not in (None, "", [], {})} or None


def _languages_of(entry: Entry, path: str) -> list[str]:
    """The languages whose files give the texts at ``path`` (the original's always; inner_texts.py)."""
    return [lang for lang in entry.languages if entry.texts_language(path, lang) == lang]


def _part(entry: Entry, spec: Field, path: str, base_url: str) -> Any:
    """A sub-field's value in a record: a translatable text as an object keyed by language (as a title
    is), a list of records as objects (their texts keyed by language), a file as its address."""
    if spec.translatable:
        texts = {lang: entry.value(path, lang) for lang in _languages_of(entry, path)}
        return {lang: text for lang, text in texts.items() if text} or None
    value = entry.value(path)
    if spec.kind in ("file", "image") and isinstance(value, str):
        return file_address(entry, value, base_url)
    if spec.kind != "mapping-list" or not isinstance(value, tuple):
        return value
    versions = {lang: entry.value(path, lang) for lang in _languages_of(entry, path)}
    items = []
    for i, item in enumerate(value):
        found: dict[str, Any] = {}
        for sub in spec.fields:
            if sub.translatable:
                texts = {lang: part(version[i], sub.name) for lang, version in versions.items()}
                one: Any = {lang: text for lang, text in texts.items() if text} or None
            elif sub.kind in ("file", "image") and part(item, sub.name):
                one = file_address(entry, part(item, sub.name), base_url)
            else:
                one = part(item, sub.name)
            if one is not None:
                found[sub.name] = one
        items.append(found)
    return items


def file_address(entry: Entry, file: str, base_url: str) -> str:
    """The absolute address of a file a product's front matter names (relative to its original)."""
    return _absolute(base_url, posixpath.normpath(posixpath.join(posixpath.dirname(entry.original.docs_path), file)))


def records(site: Site, base_url: str, last_updated: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Every published product (drafts never), newest first, then by id: the site's own order."""
    return [record(site, e, base_url, last_updated) for e in site.products()]


def vocabularies(site: Site) -> dict[str, dict[str, dict[str, str]]]:
    """Labels of every identifier a record may hold, in every language."""
    names = {"types": "types", "countries": "countries", "topics": "topics", "partners": "partners",
             "event_kinds": "event_kinds", "formats": "formats", "licenses": "licenses"}
    return {name: {term_id: {lang: term.label.get(lang, term_id) for lang in LANGUAGES}
                   for term_id, term in site.taxonomies[vocabulary].items()}
            for name, vocabulary in names.items()}


def catalog(site: Site, base_url: str, titles: dict[str, str], descriptions: dict[str, str],
            last_updated: dict[str, str] | None = None) -> dict[str, Any]:
    """The whole catalogue as one JSON document."""
    items = records(site, base_url, last_updated)
    return {
        "$schema": base_url + SCHEMA_FILE,
        "title": {lang: titles[lang] for lang in LANGUAGES if lang in titles},
        "description": {lang: descriptions[lang] for lang in LANGUAGES if descriptions.get(lang)},
        "homepage": base_url,
        "documentation": {lang: base_url + entry_path(OPEN_DATA_KEY, lang) for lang in LANGUAGES},
        "count": len(items),
        "vocabularies": vocabularies(site),
        "products": items,
    }


def _property(site: Site, spec: Field) -> dict[str, Any]:
    """The JSON Schema of one field of a record: its declared schema, its help, and the ids of its
    vocabulary as the allowed values (identifiers must be terms of the vocabularies the catalogue ships)."""
    assert spec.record
    result = {**spec.record.schema, "description": site.field_help.text(spec.name, SCHEMA_LANGUAGE)}
    if spec.vocabulary and spec.record.shape == "ids":
        result = {**result, "items": {"enum": list(site.taxonomies[spec.vocabulary])}}
    elif spec.vocabulary and spec.record.shape == "value":
        result = {**result, "enum": list(site.taxonomies[spec.vocabulary])}
    return result


def catalog_schema(site: Site, base_url: str) -> dict[str, Any]:
    """The JSON Schema of ``catalog.json``, made from the fields' declarations and the vocabularies."""
    fields = record_fields()
    record_schema: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: _property(site, f) for f in fields},
        "required": [f.name for f in fields if f.record and f.record.always],
        "additionalProperties": False,
    }
    text_map = {"type": "object", "additionalProperties": {"type": "string"}}
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": base_url + SCHEMA_FILE,
        "title": "Catalogue of the knowledge products",
        "description": "The document published at /" + JSON_FILE + ". Fields are documented on the "
                       "site's open-data page.",
        "type": "object",
        "required": ["title", "homepage", "count", "vocabularies", "products"],
        "additionalProperties": False,
        "properties": {
            "$schema": {"type": "string"},
            "title": text_map,
            "description": text_map,
            "homepage": JSON_URL,
            "documentation": text_map,
            "count": {"type": "integer", "minimum": 0},
            "vocabularies": {"type": "object", "additionalProperties": {
                "type": "object", "additionalProperties": text_map}},
            "products": {"type": "array", "items": record_schema},
        },
    }


def field_columns(spec: Field) -> tuple[str, ...]:
    """The CSV columns a field of the record becomes: a part of an object that holds texts takes one
    column per language (``event_location_en``, ``event_agenda_ru``)."""
    assert spec.record
    if spec.record.shape == "per-language":
        return tuple(f"{spec.name}_{lang}" for lang in LANGUAGES)
    if spec.record.shape == "object":
        subs = {sub.name: sub for sub in spec.fields}
        columns: list[str] = []
        for name in spec.record.parts:
            column = f"{spec.name}_{name}" if name != "id" else spec.name
            has_texts = name in subs and (subs[name].translatable or carries_texts(subs[name]))
            columns += [f"{column}_{lang}" for lang in LANGUAGES] if has_texts else [column]
        return tuple(columns)
    return (spec.name,)


def _cells(spec: Field, value: Any) -> list[str]:
    """The CSV cells of one field's value (empty cells for an absent value)."""
    assert spec.record
    shape = spec.record.shape
    if shape == "per-language":
        value = value or {}
        return [str(value.get(lang, "")) for lang in LANGUAGES]
    if shape == "object":
        value = value or {}
        subs = {sub.name: sub for sub in spec.fields}
        cells: list[str] = []
        for name in spec.record.parts:
            sub = subs.get(name)
            if sub is not None and (sub.translatable or carries_texts(sub)):
                cells += [_text_cell(sub, value.get(name), lang) for lang in LANGUAGES]
            else:
                cells.append(_text_cell(sub, value.get(name), "") if isinstance(value.get(name), list)
                             else "" if value.get(name) is None else str(value[name]))
        return cells
    if value is None:
        return [""]
    if shape == "ids":
        return [ID_SEPARATOR.join(value)]
    if shape == "texts":
        return [TEXT_SEPARATOR.join(f"{v['title']} <{v['url']}>" if isinstance(v, dict) else str(v)
                                    for v in value)]
    return [str(value)]


def _text_cell(spec: Field | None, value: Any, lang: str) -> str:
    """A part's cell in ``lang``: its text, or one line per item of a list, the item's values joined in
    their declared order (day, time, end, title, speaker), each in its place, empty when not given."""
    def text(one: Any) -> str:  # a value, or a text per language
        found = one.get(lang, "") if isinstance(one, dict) else one
        return "" if found is None else str(found)

    if isinstance(value, list) and spec is not None:  # every sub-field has its place, empty when not given
        return TEXT_SEPARATOR.join(ITEM_SEPARATOR.join(text(item.get(sub.name)) for sub in spec.fields)
                                   for item in value if isinstance(item, dict))
    return text(value)


def _inert(cell: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula (CSV injection, see
    file_formats.formula_start) gets a leading apostrophe."""
    return "'" + cell if formula_start(cell) else cell


def columns() -> list[str]:
    return [column for spec in record_fields() for column in field_columns(spec)]


def to_csv(items: list[dict[str, Any]]) -> bytes:
    """RFC 4180 CSV in UTF-8 with a byte-order mark, so spreadsheets detect UTF-8 and keep Cyrillic.

    Values are written as they are, except that a cell which a spreadsheet could
    run as a formula is prefixed with an apostrophe: the file comes from content
    anyone may propose.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns())
    for item in items:
        writer.writerow([_inert(cell) for spec in record_fields() for cell in _cells(spec, item.get(spec.name))])
    return buffer.getvalue().encode("utf-8-sig")


def dcat(site: Site, base_url: str, titles: dict[str, str], descriptions: dict[str, str],
         last_updated: dict[str, str] | None = None) -> dict[str, Any]:
    """A DCAT description (JSON-LD) of the catalogue: one dataset, its JSON and CSV distributions.

    Only what the hub knows is said: no publisher, licence or dates are asserted
    for the catalogue as a whole (the content declares none); ``dct:modified``
    appears only when the repository's history gives the products' dates.
    """
    def texts(values: dict[str, str]) -> list[dict[str, str]]:
        return [{"@value": values[lang], "@language": lang} for lang in LANGUAGES if values.get(lang)]

    documentation = [{"@id": base_url + entry_path(OPEN_DATA_KEY, lang)} for lang in LANGUAGES]
    distributions = [
        {"@id": base_url + JSON_FILE, "@type": "dcat:Distribution", "dct:title": "JSON",
         "dcat:downloadURL": {"@id": base_url + JSON_FILE}, "dcat:accessURL": {"@id": base_url + JSON_FILE},
         "dcat:mediaType": "application/json", "dct:format": "JSON",
         "dct:conformsTo": {"@id": base_url + SCHEMA_FILE}},
        {"@id": base_url + CSV_FILE, "@type": "dcat:Distribution", "dct:title": "CSV",
         "dcat:downloadURL": {"@id": base_url + CSV_FILE}, "dcat:accessURL": {"@id": base_url + CSV_FILE},
         "dcat:mediaType": "text/csv", "dct:format": "CSV"},
    ]
    dataset: dict[str, Any] = {
        "@id": base_url + DCAT_FILE + "#catalogue-of-products",
        "@type": "dcat:Dataset",
        "dct:identifier": "catalogue-of-products",
        "dct:title": texts({lang: site.ui.get(lang, {}).get("open_data_catalogue", "") for lang in LANGUAGES}),
        "dct:description": texts(descriptions),
        "dct:language": [{"@id": f"http://id.loc.gov/vocabulary/iso639-1/{lang}"} for lang in LANGUAGES],
        "dcat:landingPage": documentation,
        "foaf:page": documentation,
        "dcat:distribution": distributions,
    }
    dates = [r["last_updated"] for r in records(site, base_url, last_updated) if "last_updated" in r]
    if dates:
        dataset["dct:modified"] = {"@value": max(dates), "@type": "xsd:date"}
    return {
        "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
                     "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#"},
        "@id": base_url + DCAT_FILE,
        "@type": "dcat:Catalog",
        "dct:title": texts(titles),
        "dct:description": texts(descriptions),
        "foaf:homepage": {"@id": base_url},
        "dcat:dataset": [dataset],
    }


def dumps(document: dict[str, Any]) -> bytes:
    """Readable UTF-8 JSON (Cyrillic as itself), with a final newline.

    ``<``, ``>`` and ``&`` are written as ``\\u`` escapes: the same JSON values,
    but markup in a title stays inert even where a careless client shows the
    file as HTML.
    """
    text = json.dumps(document, ensure_ascii=False, indent=2)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return (text + "\n").encode("utf-8")


def outputs(site: Site, base_url: str, titles: dict[str, str], descriptions: dict[str, str],
            last_updated: dict[str, str] | None = None) -> dict[str, bytes]:
    """Every open-data file of the site, by its path under the site root."""
    document = catalog(site, base_url, titles, descriptions, last_updated)
    return {
        JSON_FILE: dumps(document),
        CSV_FILE: to_csv(document["products"]),
        SCHEMA_FILE: dumps(catalog_schema(site, base_url)),
        DCAT_FILE: dumps(dcat(site, base_url, titles, descriptions, last_updated)),
    }


def field_table(help: FieldHelp, lang: str) -> list[dict[str, Any]]:
    """The open-data page's reference: each field, its CSV columns and what it means in ``lang``."""
    return [{"name": f.name, "columns": list(field_columns(f)), "required": bool(f.record and f.record.always),
             "help": help.text(f.name, lang)} for f in record_fields()]


def open_data_view(site: Site, lang: str) -> dict[str, Any]:
    """What the open-data page lists after its text: the files (site-relative) and the fields."""
    files = [{"name": JSON_FILE, "url": JSON_FILE, "format": "JSON"},
             {"name": CSV_FILE, "url": CSV_FILE, "format": "CSV"},
             {"name": SCHEMA_FILE, "url": SCHEMA_FILE, "format": "JSON Schema"},
             {"name": DCAT_FILE, "url": DCAT_FILE, "format": "DCAT (JSON-LD)"}]
    files += [{"name": feed_path(l), "url": feed_path(l), "format": "Atom", "lang": l} for l in LANGUAGES]
    return {"files": files, "fields": field_table(site.field_help, lang)}
