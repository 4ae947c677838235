"""The front-matter fields of every kind of page, declared once.

The validator reads these declarations; later the JSON Schema, the scaffold and
the contributor guide's field reference are generated from the same objects, so
that none of them can disagree with the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# Texts up to this length (titles, summaries, keywords, names) must stay on one line.
ONE_LINE_UP_TO = 300

# A "page" is a hand-written page of the site (home, about, section intros);
# every other kind is a content type from data/taxonomies.yml.
PAGE = "page"


@dataclass(frozen=True)
class Field:
    """One front-matter field.

    ``kind`` says how a value is checked: text, text-list, date (YYYY, YYYY-MM or
    YYYY-MM-DD), day (YYYY-MM-DD), term (one id of ``vocabulary``), terms (a list
    of ids), boolean, count (a whole number >= 0), url-or-file, or mapping /
    mapping-list (checked field by field against ``fields``), hash (a recorded
    version, see translations.py), file or https-url.
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

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.kind!r})"


TITLE = Field(
    "title", "text",
    {"en": "The title, in the language of the file.",
     "ru": "Название на языке файла."},
    required=True, translatable=True, max_length=200, example='"Open data in public services"')
SUMMARY = Field(
    "summary", "text",
    {"en": "One or two plain sentences: shown in listings, search results, feeds and the page description.",
     "ru": "Одно-два простых предложения: показываются в списках, результатах поиска, лентах и описании страницы."},
    required=True, translatable=True, max_length=300,
    example='"One or two sentences that say what this is and who it is for."')

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
          example='"2023-05"'),
    Field("countries", "terms",
          {"en": "Countries it concerns (codes from data/taxonomies.yml).",
           "ru": "Страны, к которым относится материал (коды из data/taxonomies.yml)."},
          vocabulary="countries", example="[kz, uz]"),
    Field("topics", "terms",
          {"en": "Topics it covers (ids from data/taxonomies.yml).",
           "ru": "Темы материала (идентификаторы из data/taxonomies.yml)."},
          vocabulary="topics", example="[open-data]"),
    Field("partners", "terms",
          {"en": "Organisations that prepared this item, only when the item's own document names them "
                 "(on its cover or title page, for instance); say where in partners_source. The "
                 "organisations that implement and fund the project are named on the about page: do not "
                 "list them here by default (ids from data/taxonomies.yml).",
           "ru": "Организации, подготовившие этот материал, — только если их называет сам документ "
                 "(например, на обложке или титульном листе); где именно, укажите в partners_source. "
                 "Организации, которые реализуют и финансируют проект, названы на странице «О проекте»: "
                 "не перечисляйте их здесь по умолчанию (идентификаторы из data/taxonomies.yml)."},
          vocabulary="partners", needs=("partners_source",), example="[undp-kazakhstan, acsh]"),
    Field("partners_source", "text",
          {"en": "Where the item's own document names the organisations listed in partners, e.g. "
                 "\"Report, title page\". Required with partners.",
           "ru": "Где сам документ называет организации из partners, например «Отчёт, титульный лист». "
                 "Обязательно вместе с partners."},
          max_length=300, needs=("partners",), example='"Report, title page"'),
    Field("authors", "text-list",
          {"en": "People or organisations who wrote it.", "ru": "Авторы: люди или организации."},
          max_length=200, example='["First Author", "Second Author"]'),
    Field("event", "mapping",
          {"en": "The event the materials come from (workshop materials only).",
           "ru": "Мероприятие, к которому относятся материалы (только для материалов мероприятий)."},
          fields=EVENT_FIELDS, only_types=("workshop",), example="{kind: workshop, format: online}"),
    Field("attachments", "mapping-list",
          {"en": "Documents to download: each with a title and either a file or a url.",
           "ru": "Документы для скачивания: у каждого название и либо file, либо url."},
          fields=ATTACHMENT_FIELDS, one_of=("file", "url"),
          example='[{title: "Presentation slides", file: files/slides.pdf}]'),
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
          {"en": "The licence of the content (ids from data/taxonomies.yml).",
           "ru": "Лицензия материала (идентификаторы из data/taxonomies.yml)."},
          vocabulary="licenses", example="CC-BY-4.0"),
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
