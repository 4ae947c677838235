"""The catalogue as open data: JSON, CSV, its JSON Schema and a DCAT description.

One of the project's topics is open government data, so the hub publishes its
own catalogue the way it recommends others do: at stable addresses
(``/catalog.json``, ``/catalog.csv``, ``/catalog.schema.json``,
``/catalog.jsonld``), in open formats, with a published schema and a
machine-readable description of the distributions.

The fields are declared once, in ``FIELDS``: the JSON records, the CSV columns,
the JSON Schema and the field table of the open-data page are all made from
that declaration, so they can never disagree. Values come only from the
content; a field the content does not give is left out (scalars) or empty
(lists), never guessed. Nothing here depends on the clock or on set order, so
two builds of the same content give the same bytes.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import posixpath
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from .feeds import feed_path
from .file_formats import formula_start
from .model import Entry, Site
from .product import Attachment
from .settings import LANGUAGES
from .urls import entry_path

JSON_FILE = "catalog.json"
CSV_FILE = "catalog.csv"
SCHEMA_FILE = "catalog.schema.json"
DCAT_FILE = "catalog.jsonld"
OPEN_DATA_KEY = "open-data"  # the page that documents these files (docs/open-data.md)
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Separators inside one CSV cell. Identifiers never contain "; "; free texts
# (authors, attachment titles) may, so each of those values takes its own line.
ID_SEPARATOR = "; "
TEXT_SEPARATOR = "\n"

_TEXT = {"type": "string", "minLength": 1}
_ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}
_DATE = {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"}
_DAY = {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"}
_URL = {"type": "string", "pattern": "^https?://"}


def _per_language(value: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": {lang: value for lang in LANGUAGES},
            "additionalProperties": False, "minProperties": 1}


@dataclass(frozen=True)
class CatalogField:
    """One field of a catalogue record.

    ``shape`` says how the value is laid out: ``value`` (one JSON value, one CSV
    column), ``ids`` (a list of identifiers, one column joined with "; "),
    ``texts`` (a list of free texts or attachments, one column, one value per line),
    ``per-language`` (an object keyed by language, one column per language:
    ``title_en``, ``title_ru``) or ``object`` (an object whose parts each get a
    column: ``event_kind``...). ``parts`` names those parts.
    """

    name: str
    shape: str
    schema: dict[str, Any]
    help: dict[str, str]  # what the field means, in every site language
    required: bool = False
    parts: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"CatalogField({self.name!r}, {self.shape!r})"

    @property
    def columns(self) -> tuple[str, ...]:
        """The CSV columns this field becomes."""
        if self.shape == "per-language":
            return tuple(f"{self.name}_{lang}" for lang in LANGUAGES)
        if self.shape == "object":
            return tuple(f"{self.name}_{part}" if part != "id" else self.name for part in self.parts)
        return (self.name,)


FIELDS: tuple[CatalogField, ...] = (
    CatalogField("id", "value", _TEXT, required=True, help={
        "en": "Stable identifier: the product's section and file name without the language "
              "(e.g. workshops/online-workshop-1). It does not change when the text does.",
        "ru": "Постоянный идентификатор: раздел и имя файла материала без указания языка "
              "(например, workshops/online-workshop-1). Не меняется при изменении текста."}),
    CatalogField("type", "value", _ID, required=True, help={
        "en": "Content type (case-study, guide, workshop, report); labels in \"vocabularies\" of the JSON.",
        "ru": "Тип материала (case-study, guide, workshop, report); названия — в разделе "
              "«vocabularies» файла JSON."}),
    CatalogField("languages", "ids", {"type": "array", "items": {"enum": list(LANGUAGES)}, "minItems": 1},
                 required=True, help={
        "en": "Languages the product is written in (ISO 639-1 codes).",
        "ru": "Языки, на которых написан материал (коды ISO 639-1)."}),
    CatalogField("original_language", "value", {"enum": list(LANGUAGES)}, required=True, help={
        "en": "The language of the original; the others are translations.",
        "ru": "Язык оригинала; остальные версии — переводы."}),
    CatalogField("title", "per-language", _per_language(_TEXT), required=True, help={
        "en": "Title in each language the product is written in.",
        "ru": "Название на каждом языке, на котором написан материал."}),
    CatalogField("summary", "per-language", _per_language(_TEXT), required=True, help={
        "en": "One- or two-sentence summary in each language the product is written in.",
        "ru": "Краткое описание (одно-два предложения) на каждом языке материала."}),
    CatalogField("date", "value", _DATE, help={
        "en": "When it was published or held: YYYY, YYYY-MM or YYYY-MM-DD. Left out when not known.",
        "ru": "Когда материал опубликован или мероприятие проведено: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД. "
              "Отсутствует, если неизвестно."}),
    CatalogField("countries", "ids", {"type": "array", "items": _ID}, required=True, help={
        "en": "Countries it concerns (ISO 3166-1 alpha-2 codes in lower case).",
        "ru": "Страны, к которым относится материал (коды ISO 3166-1 alpha-2 строчными буквами)."}),
    CatalogField("topics", "ids", {"type": "array", "items": _ID}, required=True, help={
        "en": "Topics it covers (ids of the project's ten topics).",
        "ru": "Темы материала (идентификаторы десяти тем проекта)."}),
    CatalogField("partners", "ids", {"type": "array", "items": _ID}, required=True, help={
        "en": "Organisations that prepared it, only where its own document names them (ids); empty "
              "otherwise. The project's own organisations are not listed on every product.",
        "ru": "Организации, подготовившие материал, — только если их называет сам документ "
              "(идентификаторы); иначе пусто. Организации проекта не указываются у каждого материала."}),
    CatalogField("partners_source", "value", _TEXT, help={
        "en": "Where the product's own document names the organisations in \"partners\". "
              "Left out when it names none.",
        "ru": "Где сам документ называет организации из «partners». Отсутствует, если он их не называет."}),
    CatalogField("authors", "texts", {"type": "array", "items": _TEXT}, required=True, help={
        "en": "People or organisations who wrote it, as the product names them.",
        "ru": "Авторы — люди или организации, как они указаны в материале."}),
    CatalogField("event", "object", {
        "type": "object", "required": ["kind"], "additionalProperties": False,
        "properties": {"kind": _ID, "format": _ID, "location": _TEXT,
                       "participants": {"type": "integer", "minimum": 0}}},
        parts=("kind", "format", "location", "participants"), help={
        "en": "Workshop materials only: the event's kind, format, location and number of "
              "participants, where known.",
        "ru": "Только для материалов мероприятий: вид, формат, место проведения и число "
              "участников, если известны."}),
    CatalogField("url", "per-language", _per_language(_URL), required=True, help={
        "en": "Address of the product's page in each language it is written in.",
        "ru": "Адрес страницы материала на каждом языке, на котором он написан."}),
    CatalogField("attachments", "texts", {
        "type": "array", "items": {"type": "object", "required": ["title", "url"],
                                   "additionalProperties": False,
                                   "properties": {"title": _TEXT, "url": _URL, "format": {"type": "string"}}}},
        required=True, help={
        "en": "Documents to download: title, address and format (from the file name). "
              "In the CSV, one \"title <address>\" per line.",
        "ru": "Документы для скачивания: название, адрес и формат (по имени файла). "
              "В CSV — по одному «название <адрес>» в строке."}),
    CatalogField("license", "object", {
        "type": "object", "required": ["id", "url"], "additionalProperties": False,
        "properties": {"id": {"type": "string", "minLength": 1}, "url": _URL}},
        parts=("id", "url"), help={
        "en": "The licence the product declares (SPDX id and address). Left out when the "
              "product declares none: then no licence is granted by this catalogue.",
        "ru": "Лицензия, указанная в материале (идентификатор SPDX и адрес). Отсутствует, если "
              "материал лицензии не указывает: каталог в этом случае лицензии не предоставляет."}),
    CatalogField("last_updated", "value", _DAY, help={
        "en": "Day the product's text last changed (YYYY-MM-DD, from the repository's history). "
              "Left out when not known.",
        "ru": "День последнего изменения текста материала (ГГГГ-ММ-ДД, по истории репозитория). "
              "Отсутствует, если неизвестно."}),
)


def _absolute(base_url: str, path: str) -> str:
    return base_url + quote(path)


def attachment_record(entry: Entry, attachment: Attachment, base_url: str) -> dict[str, str]:
    """A download with an absolute address; files in the repository are published at their place."""
    if attachment.url is not None:
        href = attachment.url
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(entry.original.docs_path),
                                                 attachment.file or ""))
        href = _absolute(base_url, path)
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
    """One published product as a catalogue record, in the order of ``FIELDS``."""
    product = entry.product
    languages = entry.languages
    event = {k: v for k, v in dataclasses.asdict(product.event).items() if v is not None and v != ""} \
        if product.event else {}
    licence_id = product.license
    values: dict[str, Any] = {
        "id": entry.key,
        "type": entry.kind,
        "languages": languages,
        "original_language": entry.original.lang,
        "title": {lang: entry.versions[lang].meta.get("title") for lang in languages},
        "summary": {lang: entry.versions[lang].meta.get("summary") for lang in languages},
        "date": product.date,
        "countries": list(product.countries),
        "topics": list(product.topics),
        "partners": list(product.partners),
        "partners_source": product.partners_source,
        "authors": list(product.authors),
        "event": {part: event[part] for part in ("kind", "format", "location", "participants")
                  if part in event} or None,
        "url": {lang: base_url + entry_path(entry.key, lang) for lang in languages},
        "attachments": [attachment_record(entry, a, base_url) for a in product.attachments],
        "license": ({"id": licence_id, "url": site.taxonomies["licenses"][licence_id].extra.get("url")}
                    if licence_id else None),
        "last_updated": _last_updated(entry, last_updated or {}),
    }
    return {f.name: values[f.name] for f in FIELDS if values[f.name] is not None}


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


def catalog_schema(site: Site, base_url: str) -> dict[str, Any]:
    """The JSON Schema of ``catalog.json``, made from ``FIELDS`` and the vocabularies."""
    record_schema: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: {**f.schema, "description": f.help["en"]} for f in FIELDS},
        "required": [f.name for f in FIELDS if f.required],
        "additionalProperties": False,
    }
    # Identifiers must be terms of the vocabularies the catalogue itself ships.
    props = record_schema["properties"]
    props["type"] = {**props["type"], "enum": list(site.taxonomies.types)}
    for name in ("countries", "topics", "partners"):
        props[name] = {**props[name], "items": {"enum": list(site.taxonomies[name])}}
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
            "homepage": _URL,
            "documentation": text_map,
            "count": {"type": "integer", "minimum": 0},
            "vocabularies": {"type": "object", "additionalProperties": {
                "type": "object", "additionalProperties": text_map}},
            "products": {"type": "array", "items": record_schema},
        },
    }


def _cells(spec: CatalogField, value: Any) -> list[str]:
    """The CSV cells of one field's value (empty cells for an absent value)."""
    if spec.shape == "per-language":
        value = value or {}
        return [str(value.get(lang, "")) for lang in LANGUAGES]
    if spec.shape == "object":
        value = value or {}
        return ["" if value.get(part) is None else str(value[part]) for part in spec.parts]
    if value is None:
        return [""]
    if spec.shape == "ids":
        return [ID_SEPARATOR.join(value)]
    if spec.shape == "texts":
        return [TEXT_SEPARATOR.join(f"{v['title']} <{v['url']}>" if isinstance(v, dict) else str(v)
                                    for v in value)]
    return [str(value)]


def _inert(cell: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula (CSV injection, see
    file_formats.formula_start) gets a leading apostrophe."""
    return "'" + cell if formula_start(cell) else cell


def columns() -> list[str]:
    return [column for spec in FIELDS for column in spec.columns]


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
        writer.writerow([_inert(cell) for spec in FIELDS for cell in _cells(spec, item.get(spec.name))])
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


def field_table(lang: str) -> list[dict[str, Any]]:
    """The open-data page's reference: each field, its CSV columns and what it means in ``lang``."""
    return [{"name": f.name, "columns": list(f.columns), "required": f.required, "help": f.help[lang]}
            for f in FIELDS]


def open_data_view(lang: str) -> dict[str, Any]:
    """What the open-data page lists after its text: the files (site-relative) and the fields."""
    files = [{"name": JSON_FILE, "url": JSON_FILE, "format": "JSON"},
             {"name": CSV_FILE, "url": CSV_FILE, "format": "CSV"},
             {"name": SCHEMA_FILE, "url": SCHEMA_FILE, "format": "JSON Schema"},
             {"name": DCAT_FILE, "url": DCAT_FILE, "format": "DCAT (JSON-LD)"}]
    files += [{"name": feed_path(l), "url": feed_path(l), "format": "Atom", "lang": l} for l in LANGUAGES]
    return {"files": files, "fields": field_table(lang)}
