"""Listings beyond one product: sections with counts, term indexes, results, the catalogue's facets."""

from __future__ import annotations

from typing import Any

from .generated import products_with, term_key
from .language_views import language_names
from .model import Site
from .product_views import item, label, term_link
from .results import result_rows
from .settings import LANGUAGES
from .urls import entry_path

LIBRARY_KEY = "library"  # the catalogue page, where facet links lead


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
    return [{"label": row.label.get(lang, ""), "count": row.count,
             "products": [item(site, e, lang) for e in row.entries]}
            for row in result_rows(site) if row.count]


def facets(site: Site, items: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The catalogue's facets: every value with its count and a link that works without script."""
    library = entry_path(LIBRARY_KEY, lang)

    def values(name: str, pairs: list[tuple[str, str, str]], ids_of) -> dict[str, Any]:
        counted = [{"id": i, "label": label, "url": url,
                    "count": sum(1 for it in items if i in ids_of(it))} for i, label, url in pairs]
        return {"name": name, "values": counted}

    vocab_pairs = lambda v: [(t, label(site, v, t, lang), entry_path(term_key(v, t, site), lang))
                             for t in site.taxonomies[v]]
    years = sorted({it["year"] for it in items if it["year"]}, reverse=True)
    return [
        values("type", vocab_pairs("types"), lambda it: [it["type_id"]]),
        values("country", vocab_pairs("countries"), lambda it: it["country_ids"]),
        values("topic", vocab_pairs("topics"), lambda it: it["topic_ids"]),
        values("year", [(y, y, f"{library}?year={y}") for y in years], lambda it: [it["year"]]),
        values("format", [(f, label(site, "formats", f, lang), f"{library}?format={f}")
                          for f in site.taxonomies["formats"]], lambda it: [it["format_id"]]),
        values("language", [(l, language_names(site, lang)[l], f"{library}?language={l}")
                            for l in LANGUAGES], lambda it: it["languages"]),
    ]
