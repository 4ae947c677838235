"""A product's language-neutral fields as typed values, built from the field declarations.

Front matter arrives as a mapping of strings, lists and mappings; every output
used to read it by string key and guess its shape again (``neutral.get("event")
or {}``). ``Product`` reads it once, field by field as ``schema.py`` declares
them: a date is text or None, a list of terms a tuple, the event an ``Event``,
attachments ``Attachment`` records. Code that means one field reads its
attribute (``product.countries``); code that goes through the declarations
(the card, the catalogue, the PDF cover, the structured data, the feeds) reads
``product.at(path)``, which also holds a field declared later that has no
attribute yet.

The content was checked before it gets here, but a site with problems is still
built into a model (the preview shows the problems), so a value of the wrong
shape becomes the field's empty value here, never an exception.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .schema import Field, fields_for

# The kinds whose value is one piece of text (or None).
_TEXT_KINDS = ("text", "date", "day", "time", "term", "file", "image", "https-url", "hash")
# The kinds whose value is a list (a tuple here).
_LIST_KINDS = ("text-list", "terms")


@dataclass(frozen=True)
class AgendaItem:
    """One item of an event's programme: when (its day, when the event lasts several), what, who."""

    day: str | None = None
    time: str | None = None
    end: str | None = None
    title: str | None = None
    speaker: str | None = None


@dataclass(frozen=True)
class Speaker:
    """Someone who spoke at an event, as the materials name them."""

    name: str | None = None
    role: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class Photo:
    """A photo of an event: a file in the section's files/, what it shows (alt) and its caption."""

    file: str | None = None
    alt: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class Event:
    """The event workshop materials come from (``event`` in the front matter).

    Its first day is the product's ``date``; ``end`` is its last day when it lasted several.
    """

    kind: str | None = None
    format: str | None = None
    location: str | None = None
    participants: int | None = None
    end: str | None = None
    agenda: tuple[AgendaItem, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    recording: str | None = None
    photos: tuple[Photo, ...] = ()


@dataclass(frozen=True)
class Attachment:
    """A document to download: a file in the repository (docs-relative to its page) or an address."""

    title: str | None = None
    file: str | None = None
    url: str | None = None


# Mapping fields with a type of their own; any other mapping field is a plain dict of typed values.
RECORD_TYPES: dict[str, type] = {"event": Event, "attachments": Attachment, "agenda": AgendaItem,
                                 "speakers": Speaker, "photos": Photo}


@dataclass(frozen=True)
class Product:
    """The language-neutral fields of a product (its texts are per language: ``Entry.text``)."""

    date: str | None = None
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    partners_source: str | None = None
    authors: tuple[str, ...] = ()
    event: Event | None = None
    attachments: tuple[Attachment, ...] = ()
    full_text: bool = False
    license: str | None = None
    draft: bool = False
    review_by: str | None = None
    # Every declared neutral field by name, typed as above: what loops over the declarations read.
    values: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def at(self, path: str) -> Any:
        """The value at a declared field's path: ``date``, ``event.location`` (None when absent)."""
        name, _, rest = path.partition(".")
        value = self.values.get(name)
        for sub in rest.split(".") if rest else ():
            value = part(value, sub)
        return value


def part(value: Any, name: str) -> Any:
    """A sub-field of a mapping field's value (an ``Event``, an item, or a plain dict), None when absent."""
    if value is None:
        return None
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


_ATTRIBUTES = frozenset(f.name for f in dataclasses.fields(Product)) - {"values"}


def typed(spec: Field, raw: Any) -> Any:
    """``raw`` as ``spec`` declares it; a value of the wrong shape is the field's empty value."""
    if spec.kind in _TEXT_KINDS:
        return None if raw is None or raw == "" or isinstance(raw, (bool, list, dict)) else str(raw)
    if spec.kind in _LIST_KINDS:
        return tuple(str(item) for item in raw) if isinstance(raw, list) else ()
    if spec.kind == "boolean":
        return raw is True
    if spec.kind == "count":
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if spec.kind == "mapping":
        return _record(spec, raw) if isinstance(raw, dict) else None
    if spec.kind == "mapping-list":
        return tuple(_record(spec, item) for item in raw if isinstance(item, dict)) if isinstance(raw, list) else ()
    return raw


def _record(spec: Field, raw: dict[str, Any]) -> Any:
    values = {sub.name: typed(sub, raw.get(sub.name)) for sub in spec.fields}
    record_type = RECORD_TYPES.get(spec.name)
    return record_type(**values) if record_type else values


def product_of(kind: str, neutral: dict[str, Any]) -> Product:
    """The typed product of a page of ``kind`` from its neutral front matter (see Entry.neutral)."""
    values = {spec.name: typed(spec, neutral.get(spec.name)) for spec in fields_for(kind) if not spec.translatable}
    return Product(**{name: value for name, value in values.items() if name in _ATTRIBUTES}, values=values)
