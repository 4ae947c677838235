"""Listings beyond one product: sections with counts, term indexes, results, the library and its facets."""

from __future__ import annotations

from typing import Any

from .generated import has_pages, products_with, term_key
from .model import Site
from .product_views import DERIVED, item, label, term_link
from .results import result_rows
from .roles import LIBRARY_PARAMETERS
from .urls import entry_path

LIBRARY_KEY = "library"  # the catalogue page, where facet links lead
# Items per batch of the library's list: the first batch is in the list itself, the others in
# <noscript> batches that library.js renders one per task (a multiple of 2, 3 and 4, so the
# grid's rows are full). It keeps a page of 1,000 products from being styled in one long task.
LIBRARY_BATCH = 60
# The orders the library offers (library.js knows each): the first is the page's own, newest
# first; "title" follows the reader's language's collation.
LIBRARY_ORDERS = ("newest", "title")


def sections(site: Site, lang: str) -> list[dict[str, Any]]:
    return [{"label": t.plural.get(lang, t.id), "url": entry_path(term_key("types", t.id, site), lang),
             "count": len(products_with(site, "types", t.id))}
            for t in site.taxonomies.types.values()]


def term_index(site: Site, vocabulary: str, lang: str) -> list[dict[str, Any]]:
    return [{**term_link(site, vocabulary, term.id, lang), "role": term.extra.get("role"),
             "count": len(products_with(site, vocabulary, term.id))}
            for term in site.taxonomies[vocabulary].values()]


def results(site: Site, lang: str) -> list[dict[str, Any]]:
    """The declared results that the content holds; a row with no entry is left out, never shown as 0."""
    return [{"label": row.label_in(lang), "count": row.count,
             "products": [item(site, e, lang) for e in row.entries]}
            for row in result_rows(site) if row.count]


def library(site: Site, lang: str) -> dict[str, Any]:
    """The library: every product as listed, the facets, and what the page's script needs to know."""
    items = [item(site, e, lang) for e in site.products()]
    return {"catalogue": items, "facets": facets(site, items, lang), "batch": LIBRARY_BATCH,
            "orders": list(LIBRARY_ORDERS), "parameters": dict(LIBRARY_PARAMETERS)}


def facets(site: Site, items: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The catalogue's facets, as data/taxonomies.yml declares them: every value some item has,
    with its count and a link that works without script.

    A value no item has is left out: it could never narrow the list, and a "(0)" would read
    as a result. A value links to its term's page when its vocabulary has pages, else to the
    library filtered on it (what library.js does with script).
    """
    library_url = entry_path(LIBRARY_KEY, lang)
    shown = []
    for facet in site.taxonomies.roles.facets:
        if facet.vocabulary:
            linked = has_pages(site, facet.vocabulary)
            choices = [(t, label(site, facet.vocabulary, t, lang),
                        entry_path(term_key(facet.vocabulary, t, site), lang) if linked else None)
                       for t in site.taxonomies[facet.vocabulary]]
        else:
            seen = {v for it in items for v in it["facets"][facet.name]}
            choices = [(value, name, None) for value, name in DERIVED[facet.derived].choices(site, seen, lang)]
        values = [{"id": i, "label": name, "url": url or f"{library_url}?{facet.name}={i}",
                   "count": sum(1 for it in items if i in it["facets"][facet.name])}
                  for i, name, url in choices]
        shown.append({"name": facet.name, "values": [v for v in values if v["count"]]})
    return shown
