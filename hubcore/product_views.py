"""A product as listings show it and as its own page's card shows it, in one language.

Labels come from the vocabularies in the reader's language; term values link to
their term pages; sizes and dates are written the reader's way.
"""

from __future__ import annotations

import posixpath
from typing import Any, Iterable
from urllib.parse import urlsplit

from babel.units import format_unit

from .dates import format_partial_date
from .generated import TERM_FIELDS, term_key
from .language_views import language_names
from .model import Entry, Site
from .product import Attachment, Event
from .site_info import SiteInfo
from .urls import entry_path


def label(site: Site, vocabulary: str, term_id: str, lang: str) -> str:
    term = site.taxonomies[vocabulary].get(term_id)
    return term.label.get(lang, term_id) if term else term_id


def term_link(site: Site, vocabulary: str, term_id: str, lang: str) -> dict[str, Any]:
    return {"id": term_id, "label": label(site, vocabulary, term_id, lang),
            "url": entry_path(term_key(vocabulary, term_id, site), lang)}


def year_of(entry: Entry) -> str:
    date = entry.product.date
    return date[:4] if date else ""


def item(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """One product as listings show it, with the ids the catalogue's facets filter on."""
    product = entry.product
    return {
        "key": entry.key,
        "title": entry.text("title", lang),
        "summary": entry.text("summary", lang),
        "url": entry_path(entry.key, lang),
        "type": label(site, "types", entry.kind, lang),
        "type_id": entry.kind,
        "date": format_partial_date(product.date, lang),
        "year": year_of(entry),
        "countries": labels(site, "countries", product.countries, lang),
        "country_ids": list(product.countries),
        "topics": labels(site, "topics", product.topics, lang),
        "topic_ids": list(product.topics),
        "format_id": (product.event.format if product.event else None) or "",
        "languages": entry.languages,
        "in_language": lang in entry.versions,
        "original_language": entry.original.lang,
    }


def labels(site: Site, vocabulary: str, ids: Iterable[str] | None, lang: str) -> list[str]:
    return [label(site, vocabulary, i, lang) for i in ids or []]


def card(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """The metadata card of a product; absent fields stay absent, terms link to their pages."""
    product = entry.product
    event = product.event or Event()
    rows: list[dict[str, Any]] = []

    def add(name: str, values: list[dict[str, Any]]) -> None:
        if values:  # long names (topics, organisations) may hold commas: list them with semicolons
            rows.append({"name": name, "values": values,
                         "separator": "; " if name in ("topics", "partners") else ", "})

    add("type", [term_link(site, "types", entry.kind, lang)])
    date = format_partial_date(product.date, lang)
    add("date", [{"label": date}] if date else [])
    for vocabulary in TERM_FIELDS:
        add(vocabulary, [term_link(site, vocabulary, t, lang) for t in product.at(TERM_FIELDS[vocabulary]) or []])
    add("partners", [{"label": label(site, "partners", p, lang)} for p in product.partners])
    add("authors", [{"label": a} for a in product.authors])
    if event.kind:
        add("event_kind", [{"label": label(site, "event_kinds", event.kind, lang)}])
    if event.format:
        add("format", [{"label": label(site, "formats", event.format, lang)}])
    add("location", [{"label": event.location}] if event.location else [])
    if event.participants is not None:
        add("participants", [{"label": str(event.participants)}])
    if product.license:
        licence = site.taxonomies["licenses"][product.license]
        add("license", [{"label": licence.label.get(lang, licence.id), "url": licence.extra.get("url")}])
    add("languages", [{"label": language_names(site, lang)[l],
                       "url": entry_path(entry.key, l), "lang": l} for l in entry.languages])
    attachments = [_attachment(site, entry, a, lang) for a in product.attachments]
    # A product with no material of its own says so plainly (see Entry.has_material).
    return {"rows": rows, "attachments": attachments, "materials_to_come": not entry.has_material}


def _attachment(site: Site, entry: Entry, attachment: Attachment, lang: str) -> dict[str, Any]:
    """A download with its format (from the file name) and, for files in the repository, its size."""
    href = attachment.url or attachment.file or ""
    name = urlsplit(href).path.rsplit("/", 1)[-1]
    file_format = name.rsplit(".", 1)[-1].upper() if "." in name else ""
    size = ""
    if attachment.file is not None:  # published at its place under docs/, for every language
        href = posixpath.normpath(posixpath.join(posixpath.dirname(entry.original.docs_path), href))
        size = format_size(site.files[href], lang) if href in site.files else ""
    return {"title": attachment.title or "", "href": href, "external": attachment.url is not None,
            "format": file_format, "size": size}


def format_size(size: int, lang: str) -> str:
    """Bytes as readers read them: "12.3 kB" / "12,3 кБ", "1.5 MB" / "1,5 МБ"."""
    if size >= 1_000_000:
        return format_unit(round(size / 1_000_000, 1), "digital-megabyte", length="short", locale=lang)
    return format_unit(max(round(size / 1_000, 1), 0.1), "digital-kilobyte", length="short", locale=lang)


def cite(site: Site, entry: Entry, lang: str, info: SiteInfo) -> dict[str, str]:
    """A citation with the permanent URL; parts the content does not give are left out."""
    authors = entry.product.authors
    year = year_of(entry)
    url = info.url + entry_path(entry.key, lang)
    parts = [", ".join(authors)] if authors else []
    parts.append(entry.text("title", lang))
    parts.append(f"{info.name}{', ' + year if year else ''}")
    parts.append(url)
    return {"text": ". ".join(p.rstrip(".") for p in parts if p), "url": url}
