"""A product as listings show it and as its own page's card shows it, in one language.

Labels come from the vocabularies in the reader's language; term values link to
their term pages; sizes and dates are written the reader's way.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import urlsplit

from babel.units import format_unit

from .dates import format_partial_date
from .generated import term_key
from .language_views import language_names
from .model import Entry, Site
from .settings import LANGUAGES
from .site_info import SiteInfo
from .urls import entry_path


def label(site: Site, vocabulary: str, term_id: str, lang: str) -> str:
    term = site.taxonomies[vocabulary].get(term_id)
    return term.label.get(lang, term_id) if term else term_id


def term_link(site: Site, vocabulary: str, term_id: str, lang: str) -> dict[str, Any]:
    return {"id": term_id, "label": label(site, vocabulary, term_id, lang),
            "url": entry_path(term_key(vocabulary, term_id, site), lang)}


def year_of(entry: Entry) -> str:
    date = entry.neutral.get("date")
    return str(date)[:4] if date else ""


@dataclass(frozen=True)
class Derived:
    """A facet that is not a vocabulary: a product's values, and what the library offers."""

    values: Callable[[Entry], list[str]]
    # (site, every value the listed products have, reader's language) -> (value, label), in order
    choices: Callable[[Site, set[str], str], list[tuple[str, str]]]


# The derived facets data/taxonomies.yml may declare (facets: ... derived; roles.DERIVED names them).
DERIVED: dict[str, Derived] = {
    "year": Derived(lambda entry: [year_of(entry)] if year_of(entry) else [],
                    lambda site, seen, lang: [(y, y) for y in sorted(seen, reverse=True)]),  # newest first
    "languages": Derived(lambda entry: list(entry.languages),
                         lambda site, seen, lang: [(l, language_names(site, lang)[l]) for l in LANGUAGES]),
}


def facet_values(site: Site, entry: Entry) -> dict[str, list[str]]:
    """The values of every facet the library declares, by facet name, for one product."""
    roles = site.taxonomies.roles
    return {facet.name: (roles[facet.vocabulary].terms_of(entry.kind, entry.neutral) if facet.vocabulary
                         else DERIVED[facet.derived].values(entry))
            for facet in roles.facets}


def item(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """One product as listings show it, with the values the catalogue's facets filter on."""
    neutral = entry.neutral
    return {
        "key": entry.key,
        "title": entry.text("title", lang),
        "summary": entry.text("summary", lang),
        "url": entry_path(entry.key, lang),
        "type": label(site, "types", entry.kind, lang),
        "date": format_partial_date(neutral.get("date"), lang),
        "countries": labels(site, "countries", neutral.get("countries"), lang),
        "topics": labels(site, "topics", neutral.get("topics"), lang),
        "facets": facet_values(site, entry),
        "languages": entry.languages,
        "in_language": lang in entry.versions,
        "original_language": entry.original.lang,
    }


def labels(site: Site, vocabulary: str, ids: list[str] | None, lang: str) -> list[str]:
    return [label(site, vocabulary, i, lang) for i in ids or []]


def card(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """The metadata card of a product; absent fields stay absent, terms link to their pages."""
    neutral = entry.neutral
    event = neutral.get("event") or {}
    rows: list[dict[str, Any]] = []

    def add(name: str, values: list[dict[str, Any]]) -> None:
        if values:  # long names (topics, organisations) may hold commas: list them with semicolons
            rows.append({"name": name, "values": values,
                         "separator": "; " if name in ("topics", "partners") else ", "})

    add("type", [term_link(site, "types", entry.kind, lang)])
    date = format_partial_date(neutral.get("date"), lang)
    add("date", [{"label": date}] if date else [])
    for role in site.taxonomies.roles.with_pages():  # terms that have pages link to them
        add(role.vocabulary, [term_link(site, role.vocabulary, t, lang) for t in role.terms_of(entry.kind, neutral)])
    add("partners", [{"label": label(site, "partners", p, lang)} for p in neutral.get("partners") or []])
    add("authors", [{"label": a} for a in neutral.get("authors") or []])
    if event.get("kind"):
        add("event_kind", [{"label": label(site, "event_kinds", event["kind"], lang)}])
    if event.get("format"):
        add("format", [{"label": label(site, "formats", event["format"], lang)}])
    add("location", [{"label": event["location"]}] if event.get("location") else [])
    if event.get("participants") is not None:
        add("participants", [{"label": str(event["participants"])}])
    if neutral.get("license"):
        licence = site.taxonomies["licenses"][neutral["license"]]
        add("license", [{"label": licence.label.get(lang, licence.id), "url": licence.extra.get("url")}])
    add("languages", [{"label": language_names(site, lang)[l],
                       "url": entry_path(entry.key, l), "lang": l} for l in entry.languages])
    attachments = [_attachment(site, entry, a, lang)
                   for a in neutral.get("attachments") or [] if isinstance(a, dict)]
    # A product with no material of its own says so plainly (see Entry.has_material).
    return {"rows": rows, "attachments": attachments, "materials_to_come": not entry.has_material}


def _attachment(site: Site, entry: Entry, attachment: dict[str, Any], lang: str) -> dict[str, Any]:
    """A download with its format (from the file name) and, for files in the repository, its size."""
    href = attachment.get("url") or attachment.get("file", "")
    name = urlsplit(href).path.rsplit("/", 1)[-1]
    file_format = name.rsplit(".", 1)[-1].upper() if "." in name else ""
    size = ""
    if "file" in attachment:  # published at its place under docs/, for every language
        href = posixpath.normpath(posixpath.join(posixpath.dirname(entry.original.docs_path), href))
        size = format_size(site.files[href], lang) if href in site.files else ""
    return {"title": attachment.get("title", ""), "href": href, "external": "url" in attachment,
            "format": file_format, "size": size}


def format_size(size: int, lang: str) -> str:
    """Bytes as readers read them: "12.3 kB" / "12,3 кБ", "1.5 MB" / "1,5 МБ"."""
    if size >= 1_000_000:
        return format_unit(round(size / 1_000_000, 1), "digital-megabyte", length="short", locale=lang)
    return format_unit(max(round(size / 1_000, 1), 0.1), "digital-kilobyte", length="short", locale=lang)


def cite(site: Site, entry: Entry, lang: str, info: SiteInfo) -> dict[str, str]:
    """A citation with the permanent URL; parts the content does not give are left out."""
    authors = entry.neutral.get("authors") or []
    year = year_of(entry)
    url = info.url + entry_path(entry.key, lang)
    parts = [", ".join(authors)] if authors else []
    parts.append(entry.text("title", lang))
    parts.append(f"{info.name}{', ' + year if year else ''}")
    parts.append(url)
    return {"text": ". ".join(p.rstrip(".") for p in parts if p), "url": url}
