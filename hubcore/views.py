"""What each page shows, per language, as plain data for the templates.

The templates only lay out these values (escaping every one); which items a
listing holds, how results are counted and how labels are chosen is decided
here, where it can be tested without a site engine.
"""

from __future__ import annotations

from typing import Any

from .dates import format_partial_date
from .model import Entry, Site
from .results import result_rows
from .schema import PAGE
from .settings import LANGUAGES
from .urls import entry_path

LATEST_ON_HOME = 6


def _label(site: Site, vocabulary: str, term_id: str, lang: str) -> str:
    term = site.taxonomies[vocabulary].get(term_id)
    return term.label.get(lang, term_id) if term else term_id


def _labels(site: Site, vocabulary: str, ids: list[str] | None, lang: str) -> list[str]:
    return [_label(site, vocabulary, i, lang) for i in ids or []]


def item(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """One product as listings show it."""
    neutral = entry.neutral
    return {
        "title": entry.text("title", lang),
        "summary": entry.text("summary", lang),
        "url": entry_path(entry.key, lang),
        "type": _label(site, "types", entry.kind, lang),
        "date": format_partial_date(neutral.get("date"), lang),
        "countries": _labels(site, "countries", neutral.get("countries"), lang),
        "topics": _labels(site, "topics", neutral.get("topics"), lang),
        "in_language": lang in entry.versions,
        "original_language": entry.original.lang,
    }


def card(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """The metadata shown at the top of a product page; absent fields stay absent."""
    neutral = entry.neutral
    event = neutral.get("event") or {}
    rows: list[tuple[str, str]] = []
    fields = {
        "type": _label(site, "types", entry.kind, lang),
        "date": format_partial_date(neutral.get("date"), lang),
        "countries": ", ".join(_labels(site, "countries", neutral.get("countries"), lang)),
        "topics": "; ".join(_labels(site, "topics", neutral.get("topics"), lang)),
        "partners": "; ".join(_labels(site, "partners", neutral.get("partners"), lang)),
        "authors": ", ".join(neutral.get("authors") or []),
        "event_kind": _label(site, "event_kinds", event["kind"], lang) if event.get("kind") else "",
        "format": _label(site, "formats", event["format"], lang) if event.get("format") else "",
        "location": event.get("location") or "",
        "participants": str(event["participants"]) if event.get("participants") is not None else "",
        "license": _label(site, "licenses", neutral["license"], lang) if neutral.get("license") else "",
    }
    rows = [(name, value) for name, value in fields.items() if value]
    attachments = [
        {"title": a.get("title", ""), "href": a.get("url") or a.get("file", "")}
        for a in neutral.get("attachments") or [] if isinstance(a, dict)
    ]
    return {"rows": rows, "attachments": attachments,
            "languages": [lang_ for lang_ in LANGUAGES if lang_ in entry.versions]}


def _sections(site: Site, lang: str) -> list[dict[str, Any]]:
    products = site.products()
    return [{"label": t.plural.get(lang, t.id), "url": entry_path(f"{t.folder}/index", lang),
             "count": sum(1 for e in products if e.kind == t.id)}
            for t in site.taxonomies.types.values()]


def _results(site: Site, lang: str) -> list[dict[str, Any]]:
    return [{"label": row.label.get(lang, ""), "count": row.count,
             "products": [item(site, e, lang) for e in row.entries]}
            for row in result_rows(site)]


def _terms(site: Site, vocabulary: str, field: str, lang: str) -> list[dict[str, Any]]:
    products = site.products()
    return [{"id": term.id, "label": term.label.get(lang, term.id),
             "role": term.extra.get("role"),
             "products": [item(site, e, lang) for e in products if term.id in (e.neutral.get(field) or [])]}
            for term in site.taxonomies[vocabulary].values()]


def page_view(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """Everything the templates show for ``entry`` read in ``lang``."""
    view: dict[str, Any] = {
        "key": entry.key, "lang": lang, "kind": entry.kind,
        "title": entry.text("title", lang), "summary": entry.text("summary", lang),
        "is_product": entry.is_product, "ui": site.ui.get(lang, {}),
    }
    if entry.is_product:
        view["card"] = card(site, entry, lang)
        return view
    products = site.products()
    folder = entry.key[: -len("/index")] if entry.key.endswith("/index") else None
    content_type = site.taxonomies.type_of_folder(folder) if folder else None
    if content_type is not None:
        view["listing"] = [item(site, e, lang) for e in products if e.kind == content_type.id]
    elif entry.key == "index":
        view["sections"] = _sections(site, lang)
        view["results"] = _results(site, lang)
        view["officials_engaged"] = site.project.get("officials_engaged")
        view["latest"] = [item(site, e, lang) for e in products[:LATEST_ON_HOME]]
    elif entry.key == "results":
        view["results"] = _results(site, lang)
        view["officials_engaged"] = site.project.get("officials_engaged")
    elif entry.key == "topics":
        view["terms"] = _terms(site, "topics", "topics", lang)
    elif entry.key == "countries":
        view["terms"] = _terms(site, "countries", "countries", lang)
    return view
