"""The fields of every kind of page, declared once: what authors write, and how each output shows it.

The validator reads these declarations; the JSON Schemas, the editor snippets,
the scaffold and the contributor guide's field reference are generated from the
same objects, and so is every output that shows a product's fields: the
catalogue (``Record``: its JSON, CSV columns, JSON Schema and the open-data
page's field table). None of them names a field on its own, so none can
disagree with the others, and a field declared here appears wherever its
declaration says.

Besides the front matter, a catalogue record holds a few values the hub works
out itself (the product's id, type, languages, addresses, last change): they are
declared here too, in ``DERIVED``, so that they are described in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .settings import LANGUAGES

# Texts up to this length (titles, summaries, keywords, names) must stay on one line.
ONE_LINE_UP_TO = 300

# A "page" is a hand-written page of the site (home, about, section intros);
# every other kind is a content type from data/taxonomies.yml.
PAGE = "page"
# The kind of a value the hub works out itself (DERIVED): never written in front matter.
DERIVED_KIND = "derived"


@dataclass(frozen=True)
class Record:
    """How the catalogue (exports.py: catalog.json, catalog.csv, their schema, the open-data page) holds a field.

    ``position`` orders the record's fields. ``shape`` says how the value is
    laid out: ``value`` (one JSON value, one CSV column), ``ids`` (a list of
    identifiers, one column joined with "; "), ``texts`` (a list of free texts or
    attachments, one column, one value per line), ``per-language`` (an object
    keyed by language, one column per language: ``title_en``, ``title_ru``) or
    ``object`` (an object whose ``parts`` each get a column: ``event_kind``...;
    the part ``id`` is the field's own column). ``schema`` is the JSON Schema of
    the value; a field with a vocabulary gets its ids as the allowed values.
    """

    position: int
    shape: str
    schema: dict[str, Any]
    always: bool = False  # in every record (a list may be empty); else left out when not given
    parts: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"Record({self.position}, {self.shape!r})"


# JSON Schemas of catalogue values.
JSON_TEXT = {"type": "string", "minLength": 1}
JSON_ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}
JSON_DATE = {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"}
JSON_DAY = {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"}
JSON_URL = {"type": "string", "pattern": "^https?://"}


def per_language(value: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of an object keyed by language, each holding ``value``."""
    return {"type": "object", "properties": {lang: value for lang in LANGUAGES},
            "additionalProperties": False, "minProperties": 1}


@dataclass(frozen=True)
class Field:
    """One front-matter field.

    ``kind`` says how a value is checked: text, text-list, date (YYYY, YYYY-MM or
    YYYY-MM-DD), day (YYYY-MM-DD), term (one id of ``vocabulary``), terms (a list
    of ids), boolean, count (a whole number >= 0), url-or-file, or mapping /
    mapping-list (checked field by field against ``fields``), hash (a recorded
    version, see translations.py), file or https-url; ``derived`` for a value
    the hub works out itself (``DERIVED``), which no file may give.
    """

    name: str
    kind: str
    help: dict[str, str]  # what the field means, for authors, in every site language
    required: bool = False
    translatable: bool = False  # written in each language's file; else language-neutral
    vocabulary: str | None = None
    max_length: int | None = None
    fields: tuple["Field", ...] = ()
    one_of: tuple[str, ...] = ()  # for mappings: exactly one of these sub-fields
    only_types: tuple[str, ...] = ()  # empty: every content type
    needs: tuple[str, ...] = ()  # other fields that must be given whenever this one is
    example: str = ""  # a YAML value shown in the scaffold and the field reference
    # How the outputs show it (None: that output leaves it out).
    record: Record | None = None  # the catalogue

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.kind!r})"


TITLE = Field(
    "title", "text",
    {"en": "The title, in the language of the file.",
     "ru": "Название на языке файла."},
    required=True, translatable=True, max_length=200, example='"Open data in public services"',
    record=Record(50, "per-language", per_language(JSON_TEXT), always=True))
SUMMARY = Field(
    "summary", "text",
    {"en": "One or two plain sentences: shown in listings, search results, feeds and the page description.",
     "ru": "Одно-два простых предложения: показываются в списках, результатах поиска, лентах и описании страницы."},
    required=True, translatable=True, max_length=300,
    example='"One or two sentences that say what this is and who it is for."',
    record=Record(60, "per-language", per_language(JSON_TEXT), always=True))

EVENT_FIELDS = (
    Field("kind", "term",
          {"en": "What kind of event the materials come from.",
           "ru": "Вид мероприятия, к которому относятся материалы."},
          required=True, vocabulary="event_kinds", example="workshop"),
    Field("format", "term",
          {"en": "How it was delivered.", "ru": "Формат проведения."},
          vocabulary="formats", example="online"),
    Field("location", "text",
          {"en": "Where it took place (city, venue), if known.",
           "ru": "Место проведения (город, площадка), если известно."},
          max_length=200, example='"City, venue"'),
    Field("participants", "count",
          {"en": "How many people took part, if known.",
           "ru": "Число участников, если известно."},
          example="30"),
)

ATTACHMENT_FIELDS = (
    Field("title", "text",
          {"en": "What the file is, for the link text.", "ru": "Что это за файл (текст ссылки)."},
          required=True, max_length=200, example='"Presentation slides"'),
    Field("file", "file",
          {"en": "A file in the repository, relative to this Markdown file.",
           "ru": "Файл в репозитории, путь относительно этого файла Markdown."},
          example="files/slides.pdf"),
    Field("url", "https-url",
          {"en": "Or an https:// address of the document elsewhere.",
           "ru": "Или адрес документа в интернете, начинающийся с https://."},
          example='"https://example.org/report.pdf"'),
)

TRANSLATED_FROM = Field(
    "translated_from", "mapping",
    {"en": "Translations only: the version of the original this translation was made from "
           "(set by 'hub.py translations refresh', not by hand).",
     "ru": "Только в переводах: версия оригинала, с которой сделан перевод "
           "(записывается командой 'hub.py translations refresh', а не вручную)."},
    translatable=True,
    fields=tuple(Field(part, "hash", {"en": f"Hash of the original's {part}.",
                                      "ru": f"Хеш поля {part} оригинала."}, required=True)
                 for part in ("title", "summary", "body")))

PRODUCT_FIELDS: tuple[Field, ...] = (
    TITLE,
    SUMMARY,
    Field("date", "date",
          {"en": "When it was published or held: YYYY, YYYY-MM or YYYY-MM-DD.",
           "ru": "Когда материал опубликован или мероприятие проведено: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД."},
          example='"2023-05"', record=Record(70, "value", JSON_DATE)),
    Field("countries", "terms",
          {"en": "Countries it concerns: ISO 3166-1 alpha-2 codes in lower case, as listed in "
                 "data/taxonomies.yml.",
           "ru": "Страны, к которым относится материал: коды ISO 3166-1 alpha-2 строчными буквами, "
                 "как в data/taxonomies.yml."},
          vocabulary="countries", example="[kz, uz]",
          record=Record(80, "ids", {"type": "array", "items": JSON_ID}, always=True)),
    Field("topics", "terms",
          {"en": "Topics it covers (ids of the project's topics, from data/taxonomies.yml).",
           "ru": "Темы материала (идентификаторы тем проекта из data/taxonomies.yml)."},
          vocabulary="topics", example="[open-data]",
          record=Record(90, "ids", {"type": "array", "items": JSON_ID}, always=True)),
    Field("partners", "terms",
          {"en": "Organisations that prepared this item, listed only when the item's own document names "
                 "them (on its cover or title page, for instance); partners_source says where. The "
                 "organisations that implement and fund the project are named on the about page, not on "
                 "every item (ids from data/taxonomies.yml).",
           "ru": "Организации, подготовившие этот материал, — только если их называет сам документ "
                 "(например, на обложке или титульном листе); где именно, сказано в partners_source. "
                 "Организации, которые реализуют и финансируют проект, названы на странице «О проекте», "
                 "а не у каждого материала (идентификаторы из data/taxonomies.yml)."},
          vocabulary="partners", needs=("partners_source",), example="[undp-kazakhstan, acsh]",
          record=Record(100, "ids", {"type": "array", "items": JSON_ID}, always=True)),
    Field("partners_source", "text",
          {"en": "Where the item's own document names the organisations listed in partners, e.g. "
                 "\"Report, title page\". Required with partners.",
           "ru": "Где сам документ называет организации из partners, например «Отчёт, титульный лист». "
                 "Обязательно вместе с partners."},
          max_length=300, needs=("partners",), example='"Report, title page"',
          record=Record(110, "value", JSON_TEXT)),
    Field("authors", "text-list",
          {"en": "People or organisations who wrote it, as the item names them.",
           "ru": "Авторы — люди или организации, как они указаны в материале."},
          max_length=200, example='["First Author", "Second Author"]',
          record=Record(120, "texts", {"type": "array", "items": JSON_TEXT}, always=True)),
    Field("event", "mapping",
          {"en": "The event the materials come from (workshop materials only).",
           "ru": "Мероприятие, к которому относятся материалы (только для материалов мероприятий)."},
          fields=EVENT_FIELDS, only_types=("workshop",), example="{kind: workshop, format: online}",
          record=Record(130, "object", {
              "type": "object", "required": ["kind"], "additionalProperties": False,
              "properties": {"kind": JSON_ID, "format": JSON_ID, "location": JSON_TEXT,
                             "participants": {"type": "integer", "minimum": 0}}},
              parts=("kind", "format", "location", "participants"))),
    Field("attachments", "mapping-list",
          {"en": "Documents to download: each with a title and either a file in the repository or the "
                 "address of a document elsewhere.",
           "ru": "Документы для скачивания: у каждого название и либо файл в репозитории, либо адрес "
                 "документа в интернете."},
          fields=ATTACHMENT_FIELDS, one_of=("file", "url"),
          example='[{title: "Presentation slides", file: files/slides.pdf}]',
          record=Record(150, "texts", {
              "type": "array", "items": {"type": "object", "required": ["title", "url"],
                                         "additionalProperties": False,
                                         "properties": {"title": JSON_TEXT, "url": JSON_URL,
                                                        "format": {"type": "string"}}}}, always=True)),
    Field("full_text", "boolean",
          {"en": "true when the text of this page is the product itself (the whole case study, guide or "
                 "report), not only a description of it. A product has material of its own when this is "
                 "true or it lists attachments; only then does it get a PDF, a download link and a place "
                 "in the feeds. Otherwise its card says the materials are to come.",
           "ru": "true, если текст этой страницы — сам материал (полный текст кейса, руководства или "
                 "отчёта), а не только его описание. Собственные материалы есть у продукта, если здесь "
                 "стоит true или указаны файлы для скачивания (attachments); только тогда у него есть "
                 "PDF, ссылка для скачивания и запись в лентах новостей. Иначе в карточке сказано, что "
                 "материалы будут размещены позже."},
          example="true"),
    Field("tags", "text-list",
          {"en": "Free keywords, in the language of the file.",
           "ru": "Свободные ключевые слова на языке файла."},
          translatable=True, max_length=60, example="[e-government, open data]"),
    Field("license", "term",
          {"en": "The licence of the content (ids from data/taxonomies.yml). Without one, the hub "
                 "states no licence for it.",
           "ru": "Лицензия материала (идентификаторы из data/taxonomies.yml). Если она не указана, "
                 "сайт не указывает для материала никакой лицензии."},
          vocabulary="licenses", example="CC-BY-4.0",
          record=Record(160, "object", {
              "type": "object", "required": ["id", "url"], "additionalProperties": False,
              "properties": {"id": {"type": "string", "minLength": 1}, "url": JSON_URL}},
              parts=("id", "url"))),
    Field("draft", "boolean",
          {"en": "true keeps it out of the published site.",
           "ru": "true — материал не публикуется на сайте."},
          example="true"),
    Field("review_by", "day",
          {"en": "When the content should be checked again: YYYY-MM-DD.",
           "ru": "Когда содержание нужно проверить снова: ГГГГ-ММ-ДД."},
          example='"2027-06-30"'),
    TRANSLATED_FROM,
)

PAGE_FIELDS: tuple[Field, ...] = (TITLE, SUMMARY, TRANSLATED_FROM)

# What the hub works out for every product (never written in a file), declared beside the fields.
DERIVED: tuple[Field, ...] = (
    Field("id", DERIVED_KIND,
          {"en": "Stable identifier: the product's section and file name without the language "
                 "(e.g. workshops/online-workshop-1). It does not change when the text does.",
           "ru": "Постоянный идентификатор: раздел и имя файла материала без указания языка "
                 "(например, workshops/online-workshop-1). Не меняется при изменении текста."},
          record=Record(10, "value", JSON_TEXT, always=True)),
    Field("type", DERIVED_KIND,
          {"en": "Content type: its id, with its labels in \"vocabularies\" of the JSON.",
           "ru": "Тип материала: идентификатор; названия — в разделе «vocabularies» файла JSON."},
          vocabulary="types", record=Record(20, "value", JSON_ID, always=True)),
    Field("languages", DERIVED_KIND,
          {"en": "Languages the product is written in (ISO 639-1 codes).",
           "ru": "Языки, на которых написан материал (коды ISO 639-1)."},
          record=Record(30, "ids", {"type": "array", "items": {"enum": list(LANGUAGES)}, "minItems": 1},
                        always=True)),
    Field("original_language", DERIVED_KIND,
          {"en": "The language of the original; the others are translations.",
           "ru": "Язык оригинала; остальные версии — переводы."},
          record=Record(40, "value", {"enum": list(LANGUAGES)}, always=True)),
    Field("url", DERIVED_KIND,
          {"en": "Address of the product's page in each language it is written in.",
           "ru": "Адрес страницы материала на каждом языке, на котором он написан."},
          record=Record(140, "per-language", per_language(JSON_URL), always=True)),
    Field("last_updated", DERIVED_KIND,
          {"en": "Day the product's text last changed (YYYY-MM-DD, from the repository's history).",
           "ru": "День последнего изменения текста материала (ГГГГ-ММ-ДД, по истории репозитория)."},
          record=Record(170, "value", JSON_DAY)),
)

# Keys that MkDocs or Material would act on and that authors must never set.
FORBIDDEN = {
    "template": "page templates are chosen by the hub, not by content",
    "hide": "page layout is chosen by the hub, not by content",
    "location": "redirects are not allowed in content",
    "description": "write 'summary' instead",
    "search": "search settings are chosen by the hub, not by content",
    "status": "page status is chosen by the hub, not by content",
    "icon": "icons are chosen by the hub, not by content",
}


@lru_cache(maxsize=None)
def fields_for(kind: str) -> tuple[Field, ...]:
    """The fields allowed on a page of ``kind`` (PAGE or a content type id)."""
    if kind == PAGE:
        return PAGE_FIELDS
    return tuple(f for f in PRODUCT_FIELDS if not f.only_types or kind in f.only_types)


@lru_cache(maxsize=None)
def translatable_names(kind: str) -> frozenset[str]:
    return frozenset(f.name for f in fields_for(kind) if f.translatable)


def record_fields() -> list[Field]:
    """The fields of a catalogue record, front matter of every type and derived, in the record's order."""
    return sorted((f for f in PRODUCT_FIELDS + DERIVED if f.record), key=lambda f: f.record.position)
