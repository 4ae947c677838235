"""The front-matter fields of every kind of page, declared once.

The validator reads these declarations; later the JSON Schema, the scaffold and
the contributor guide's field reference are generated from the same objects, so
that none of them can disagree with the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

# A "page" is a hand-written page of the site (home, about, section intros);
# every other kind is a content type from data/taxonomies.yml.
PAGE = "page"


@dataclass(frozen=True)
class Field:
    """One front-matter field.

    ``kind`` says how a value is checked: text, text-list, date (YYYY, YYYY-MM or
    YYYY-MM-DD), day (YYYY-MM-DD), term (one id of ``vocabulary``), terms (a list
    of ids), boolean, count (a whole number >= 0), url-or-file, or mapping /
    mapping-list (checked field by field against ``fields``).
    """

    name: str
    kind: str
    help: str
    required: bool = False
    translatable: bool = False  # written in each language's file; else language-neutral
    vocabulary: str | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    fields: tuple["Field", ...] = ()
    one_of: tuple[str, ...] = ()  # for mappings: exactly one of these sub-fields
    only_types: tuple[str, ...] = ()  # empty: every content type

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.kind!r})"


TITLE = Field("title", "text", "The title, in the language of the file.",
              required=True, translatable=True, max_length=200)
SUMMARY = Field("summary", "text",
                "One or two plain sentences: shown in listings, search results, feeds "
                "and the page description.", required=True, translatable=True, max_length=300)

EVENT_FIELDS = (
    Field("kind", "term", "What kind of event the materials come from.",
          required=True, vocabulary="event_kinds"),
    Field("format", "term", "How it was delivered.", vocabulary="formats"),
    Field("location", "text", "Where it took place (city, venue), if known.", max_length=200),
    Field("participants", "count", "How many people took part, if known."),
)

ATTACHMENT_FIELDS = (
    Field("title", "text", "What the file is, for the link text.", required=True, max_length=200),
    Field("file", "file", "A file in the repository, relative to this Markdown file."),
    Field("url", "https-url", "Or an https:// address of the document elsewhere."),
)

TRANSLATED_FROM = Field(
    "translated_from", "mapping",
    "Translations only: the version of the original this translation was made from "
    "(set by 'hub.py translations refresh', not by hand).",
    translatable=True,
    fields=tuple(Field(part, "hash", f"Hash of the original's {part}.", required=True)
                 for part in ("title", "summary", "body")))

PRODUCT_FIELDS: tuple[Field, ...] = (
    TITLE,
    SUMMARY,
    Field("date", "date", "When it was published or held: YYYY, YYYY-MM or YYYY-MM-DD."),
    Field("countries", "terms", "Countries it concerns (codes from data/taxonomies.yml).",
          vocabulary="countries"),
    Field("topics", "terms", "Topics it covers (ids from data/taxonomies.yml).",
          vocabulary="topics"),
    Field("partners", "terms", "Organisations behind it (ids from data/taxonomies.yml).",
          vocabulary="partners"),
    Field("authors", "text-list", "People or organisations who wrote it.", max_length=200),
    Field("event", "mapping", "The event the materials come from.", fields=EVENT_FIELDS,
          only_types=("workshop",)),
    Field("attachments", "mapping-list",
          "Documents to download: each with a title and either a file or a url.",
          fields=ATTACHMENT_FIELDS, one_of=("file", "url")),
    Field("tags", "text-list", "Free keywords, in the language of the file.",
          translatable=True, max_length=60),
    Field("license", "term", "The licence of the content (ids from data/taxonomies.yml).",
          vocabulary="licenses"),
    Field("draft", "boolean", "true keeps it out of the published site."),
    Field("review_by", "day", "When the content should be checked again: YYYY-MM-DD."),
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
