"""The fields of every kind of page, declared once: what authors write, and how each output shows it.

The validator reads these declarations; the JSON Schemas, the editor snippets,
the scaffold and the contributor guide's field reference are generated from the
same objects, and so is every output that shows a product's fields: the
catalogue (``Record``: its JSON, CSV columns, JSON Schema and the open-data
page's field table), the product page's card and the PDF's cover (``Row``), the
schema.org description (``LinkedData``) and the Atom feeds (``FeedEntry``);
the product page's header (``Row`` too) says first what a reader looks for.
None of them names a field on its own, so none can disagree with the others, and
a field declared here appears wherever its declaration says, in the place its
``position`` gives it there. What each field means, in every language, is data:
``data/fields.yml`` (field_help.py).

Besides the front matter, a catalogue record holds a few values the hub works
out itself (the product's id, type, languages, addresses, last change): they are
declared here too, in ``DERIVED``, so that they are described in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import limits
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


@dataclass(frozen=True)
class Row:
    """How a list of a product's fields for readers shows one: the product page's header and card, the
    PDF's cover.

    ``position`` orders the rows; ``word`` is the row's label (a word of
    data/ui.yml); with ``link``, a term links to its page (types, topics,
    countries), or, in a vocabulary without pages, to the address its entry
    gives (a licence); ``separator`` joins several values (long names hold
    commas: "; "). ``until`` names the field that ends a range this one starts:
    a workshop's ``date`` and its ``event.end`` show as "14–16 June 2022".
    ``badge``: shown as a badge (the product page's header shows its type so).
    """

    position: int
    word: str
    link: bool = False
    separator: str = ", "
    until: str | None = None
    badge: bool = False


@dataclass(frozen=True)
class LinkedData:
    """How a product's schema.org description (structured_data.py) holds a field.

    ``position`` orders the properties; values several fields give one property
    join in that order (an event is ``about`` its topics, then its countries).
    ``work`` is the property on a creative work (Article, Report,
    LearningResource, Course), ``event`` the one on an EducationEvent (None: not
    there). With ``page``, the property describes the page rather than the thing:
    on a work itself, on an event's ``subjectOf``, named ``work`` either way.
    ``node`` makes each value a ``{"@type": node, key: ...}`` (``key``: ``name``
    unless said); a value that is a record (an agenda item, a speaker, a photo)
    is a node whose properties are its sub-fields' own ``LinkedData`` (``work``
    names the property inside the node). A term is the address its vocabulary
    gives (a licence's), else its id. ``with_material``: only for a product with
    material of its own (Entry.has_material).

    A field holding the terms of a vocabulary whose role declares ``schema_org``
    (data/taxonomies.yml: topics, countries, partners, formats) declares none
    here: the role says how its terms appear, in one place (roles.py).
    """

    position: int
    work: str | None
    event: str | None = None
    page: bool = False
    node: str | None = None
    with_material: bool = False
    key: str = "name"


@dataclass(frozen=True)
class FeedEntry:
    """How an entry of the Atom feeds (feeds.py) holds a field: as ``element`` (published, updated,
    author, summary or category), one per value, at ``position`` among the entry's fields."""

    position: int
    element: str


# JSON Schemas of catalogue values.
JSON_TEXT = {"type": "string", "minLength": 1}
JSON_ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}
JSON_DATE = {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"}
JSON_DAY = {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"}
JSON_URL = {"type": "string", "pattern": "^https?://"}
JSON_TIME = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}


def per_language(value: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of an object keyed by language, each holding ``value``."""
    return {"type": "object", "properties": {lang: value for lang in LANGUAGES},
            "additionalProperties": False, "minProperties": 1}


@dataclass(frozen=True)
class Field:
    """One field of a page: what its front matter may say, and where the outputs show it.

    What it means, for authors and data users, is not here but in
    ``data/fields.yml``, in every language (field_help.py).

    ``kind`` says how a value is checked: text, text-list, date (YYYY, YYYY-MM
    or YYYY-MM-DD), day (YYYY-MM-DD), time (HH:MM, 24 hours), term (one id of
    ``vocabulary``), terms (a list of ids), boolean, count (a whole number >= 0),
    mapping or mapping-list (checked field by field against ``fields``; a list
    holds at most ``max_items``), hash (a recorded version, see translations.py),
    file, image (a file in an image format) or https-url; ``derived`` for a value
    the hub works out itself (``DERIVED``), which no file may give.

    ``translatable``: written in each language's file. A sub-field can be
    translatable inside a language-neutral field (an agenda item's title inside
    ``event``): the original gives the whole field, a translation only its
    texts, in the same places (inner_texts.py).
    """

    name: str
    kind: str
    required: bool = False
    translatable: bool = False  # written in each language's file; else language-neutral
    vocabulary: str | None = None
    max_length: int | None = None
    fields: tuple["Field", ...] = ()
    one_of: tuple[str, ...] = ()  # for mappings: exactly one of these sub-fields
    only_types: tuple[str, ...] = ()  # empty: every content type
    needs: tuple[str, ...] = ()  # other fields that must be given whenever this one is
    max_items: int | None = None  # for lists: how many items at most (limits.py)
    example: str = ""  # a YAML value shown in the scaffold and the field reference
    # How the outputs show it (None: that output leaves it out).
    record: Record | None = None  # the catalogue
    header: Row | None = None  # the product page's header, above its text
    card: Row | None = None  # the product page's card
    cover: Row | None = None  # the PDF's cover
    linked_data: LinkedData | None = None  # the schema.org description
    feed: FeedEntry | None = None  # an entry of the Atom feeds

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.kind!r})"


# The catalogue's JSON Schema of a value of each kind; a translatable text is one per language.
_CATALOGUE_KINDS: dict[str, dict[str, Any]] = {
    "term": JSON_ID, "text": JSON_TEXT, "count": {"type": "integer", "minimum": 0}, "day": JSON_DAY,
    "time": JSON_TIME, "https-url": JSON_URL, "file": JSON_URL, "image": JSON_URL}


def catalogue_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    """The JSON Schema of a mapping's value in a catalogue record, made from its sub-fields' kinds.

    A list of records is an array of such objects; a translatable text is an
    object keyed by language (as a record's title is); files are absolute addresses.
    """
    def value(spec: Field) -> dict[str, Any]:
        if spec.kind in ("mapping", "mapping-list"):
            one = catalogue_schema(spec.fields)
            return one if spec.kind == "mapping" else {"type": "array", "items": one}
        one = _CATALOGUE_KINDS[spec.kind]
        return per_language(one) if spec.translatable else one

    return {"type": "object", "required": [f.name for f in fields if f.required], "additionalProperties": False,
            "properties": {f.name: value(f) for f in fields}}


TITLE = Field("title", "text", required=True, translatable=True, max_length=200,
              example='"Open data in public services"',
              record=Record(50, "per-language", per_language(JSON_TEXT), always=True))
SUMMARY = Field("summary", "text", required=True, translatable=True, max_length=300,
                example='"One or two sentences that say what this is and who it is for."',
                record=Record(60, "per-language", per_language(JSON_TEXT), always=True),
                feed=FeedEntry(40, "summary"))

# An event's programme, speakers and photos: lists of records inside ``event``. Their texts are
# translatable (a translation gives them in its language, in the same order); days, times and files
# are the original's. Each sub-field's LinkedData is its property inside the item's schema.org node.
AGENDA_FIELDS = (
    Field("day", "day", example='"2022-06-14"'),
    Field("time", "time", required=True, example='"09:30"', linked_data=LinkedData(20, "startDate")),
    Field("end", "time", example='"10:30"', linked_data=LinkedData(30, "endDate")),
    Field("title", "text", required=True, translatable=True, max_length=200, example='"Opening session"',
          linked_data=LinkedData(10, "name")),
    Field("speaker", "text", translatable=True, max_length=200, example='"A. Speaker"',
          linked_data=LinkedData(40, "performer", node="Person")),
)
SPEAKER_FIELDS = (
    Field("name", "text", required=True, translatable=True, max_length=200, example='"A. Speaker"',
          linked_data=LinkedData(10, "name")),
    Field("role", "text", translatable=True, max_length=200, example='"Head of the open data unit"',
          linked_data=LinkedData(20, "jobTitle")),
    Field("organisation", "text", translatable=True, max_length=200, example='"Ministry of digital development"',
          linked_data=LinkedData(30, "affiliation", node="Organization")),
)
PHOTO_FIELDS = (
    Field("file", "image", required=True, example="files/photo-1.jpg", linked_data=LinkedData(10, "contentUrl")),
    Field("alt", "text", required=True, translatable=True, max_length=300,
          example='"What the photo shows, for readers who cannot see it"'),
    Field("caption", "text", translatable=True, max_length=300, example='"Participants of the first session"',
          linked_data=LinkedData(20, "caption")),
)

EVENT_FIELDS = (
    Field("kind", "term", required=True, vocabulary="event_kinds", example="workshop",
          card=Row(70, "event_kind")),
    Field("format", "term", vocabulary="formats", example="online",
          card=Row(80, "format")),
    Field("location", "text", translatable=True, max_length=200, example='"City, venue"',
          header=Row(30, "location"), cover=Row(25, "location"),
          linked_data=LinkedData(36, None, event="location", node="Place")),
    Field("participants", "count", example="30",
          card=Row(100, "participants")),
    # The first day is the product's date (YYYY-MM-DD); this is the last day of an event of several days.
    Field("end", "day", example='"2022-06-15"',
          linked_data=LinkedData(12, None, event="endDate")),
    Field("agenda", "mapping-list", fields=AGENDA_FIELDS, max_items=limits.MAX_AGENDA_ITEMS,
          example='[{time: "09:30", title: "Opening session"}]',
          linked_data=LinkedData(40, None, event="subEvent", node="Event")),
    Field("speakers", "mapping-list", fields=SPEAKER_FIELDS, max_items=limits.MAX_SPEAKERS,
          example='[{name: "A. Speaker", role: "Expert", organisation: "A ministry"}]',
          linked_data=LinkedData(38, None, event="performer", node="Person")),
    Field("recording", "https-url", example='"https://www.youtube-nocookie.com/embed/VIDEO-ID"',
          linked_data=LinkedData(80, "video", event="recordedIn", node="VideoObject", key="url")),
    Field("photos", "mapping-list", fields=PHOTO_FIELDS, max_items=limits.MAX_PHOTOS,
          example='[{file: files/photo-1.jpg, alt: "What the photo shows", caption: "The first session"}]',
          linked_data=LinkedData(85, "image", event="image", node="ImageObject")),
)

ATTACHMENT_FIELDS = (
    Field("title", "text", required=True, max_length=200, example='"Presentation slides"'),
    Field("file", "file", example="files/slides.pdf"),
    Field("url", "https-url", example='"https://example.org/report.pdf"'),
)

TRANSLATED_FROM = Field("translated_from", "mapping", translatable=True,
                        fields=tuple(Field(part, "hash", required=True) for part in ("title", "summary", "body")))

_IDS = {"type": "array", "items": JSON_ID}

PRODUCT_FIELDS: tuple[Field, ...] = (
    TITLE,
    SUMMARY,
    Field("date", "date", example='"2023-05"',
          record=Record(70, "value", JSON_DATE),
          header=Row(20, "date", until="event.end"), cover=Row(20, "date", until="event.end"),
          linked_data=LinkedData(10, "datePublished", event="startDate"),
          feed=FeedEntry(10, "published")),
    Field("countries", "terms", vocabulary="countries", example="[kz, uz]",
          record=Record(80, "ids", _IDS, always=True),
          header=Row(40, "countries", link=True), cover=Row(30, "countries"),
          feed=FeedEntry(52, "category")),
    Field("topics", "terms", vocabulary="topics", example="[open-data]",
          record=Record(90, "ids", _IDS, always=True),
          card=Row(30, "topics", link=True, separator="; "), cover=Row(40, "topics", separator="; "),
          feed=FeedEntry(51, "category")),
    Field("partners", "terms", vocabulary="partners", needs=("partners_source",),
          example="[undp-kazakhstan, acsh]",
          record=Record(100, "ids", _IDS, always=True),
          card=Row(50, "partners", link=True, separator="; "), cover=Row(50, "partners", separator="; ")),
    Field("partners_source", "text", max_length=300, needs=("partners",), example='"Report, title page"',
          record=Record(110, "value", JSON_TEXT)),
    Field("authors", "text-list", max_length=200, example='["First Author", "Second Author"]',
          record=Record(120, "texts", {"type": "array", "items": JSON_TEXT}, always=True),
          card=Row(60, "authors"), cover=Row(60, "authors"),
          linked_data=LinkedData(30, "author"),
          feed=FeedEntry(30, "author")),
    Field("event", "mapping", fields=EVENT_FIELDS, only_types=("workshop",),
          example="{kind: workshop, format: online}",
          record=Record(130, "object", catalogue_schema(EVENT_FIELDS), parts=tuple(f.name for f in EVENT_FIELDS))),
    Field("attachments", "mapping-list", fields=ATTACHMENT_FIELDS, one_of=("file", "url"),
          example='[{title: "Presentation slides", file: files/slides.pdf}]',
          record=Record(150, "texts", {
              "type": "array", "items": {"type": "object", "required": ["title", "url"],
                                         "additionalProperties": False,
                                         "properties": {"title": JSON_TEXT, "url": JSON_URL,
                                                        "format": {"type": "string"}}}}, always=True),
          linked_data=LinkedData(90, "associatedMedia", page=True, node="MediaObject", with_material=True)),
    Field("full_text", "boolean", example="true"),
    Field("tags", "text-list", translatable=True, max_length=60, example="[e-government, open data]"),
    Field("license", "term", vocabulary="licenses", example="CC-BY-4.0",
          record=Record(160, "object", {
              "type": "object", "required": ["id", "url"], "additionalProperties": False,
              "properties": {"id": {"type": "string", "minLength": 1}, "url": JSON_URL}},
              parts=("id", "url")),
          card=Row(110, "license", link=True), cover=Row(70, "license", link=True),
          linked_data=LinkedData(60, "license", page=True)),
    Field("draft", "boolean", example="true"),
    Field("review_by", "day", example='"2027-06-30"'),
    TRANSLATED_FROM,
)

PAGE_FIELDS: tuple[Field, ...] = (TITLE, SUMMARY, TRANSLATED_FROM)

# What the hub works out for every product (never written in a file), declared beside the fields;
# each output that shows one works it out (the entry's own: Entry.value).
DERIVED: tuple[Field, ...] = (
    Field("id", DERIVED_KIND,
          record=Record(10, "value", JSON_TEXT, always=True)),
    Field("type", DERIVED_KIND, vocabulary="types",
          record=Record(20, "value", JSON_ID, always=True),
          header=Row(10, "type", link=True, badge=True), cover=Row(10, "type"),
          feed=FeedEntry(50, "category")),
    Field("languages", DERIVED_KIND,
          record=Record(30, "ids", {"type": "array", "items": {"enum": list(LANGUAGES)}, "minItems": 1},
                        always=True),
          card=Row(120, "languages", link=True),  # the product's page in each language
          linked_data=LinkedData(70, "workTranslation", page=True)),  # on an original: its translations
    Field("original_language", DERIVED_KIND,
          record=Record(40, "value", {"enum": list(LANGUAGES)}, always=True),
          linked_data=LinkedData(70, "translationOfWork", page=True)),  # on a translation: its original
    Field("url", DERIVED_KIND,
          record=Record(140, "per-language", per_language(JSON_URL), always=True)),
    Field("last_updated", DERIVED_KIND,  # from the repository's history
          record=Record(170, "value", JSON_DAY),
          linked_data=LinkedData(20, "dateModified", page=True),
          feed=FeedEntry(20, "updated")),  # else the product's date, else the build's time (feeds.py)
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


OUTPUTS = ("record", "header", "card", "cover", "linked_data", "feed")


def shown_in(output: str, kind: str | None = None) -> list[tuple[str, Field]]:
    """What ``output`` (one of OUTPUTS) shows of a product of ``kind`` (None: of any type), in its order.

    Each is ``(path, field)``: sub-fields as ``event.kind``, the derived values
    included, ordered by the ``position`` the field's declaration gives for that output.
    The sub-fields of a list's items (an agenda item's title) describe the item,
    not the product: the item's own output shows them.
    """
    found: list[tuple[str, Field]] = []

    def walk(fields: tuple[Field, ...], prefix: str) -> None:
        for spec in fields:
            if getattr(spec, output) is not None:
                found.append((prefix + spec.name, spec))
            if spec.kind != "mapping-list":
                walk(spec.fields, f"{prefix}{spec.name}.")

    walk((PRODUCT_FIELDS if kind is None else fields_for(kind)) + DERIVED, "")
    return sorted(found, key=lambda pair: getattr(pair[1], output).position)


def record_fields() -> list[Field]:
    """The fields of a catalogue record, front matter of every type and derived, in the record's order."""
    return [spec for _, spec in shown_in("record")]
