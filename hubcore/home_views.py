"""The home page as a portal, and the ways in by type, topic and country.

What the home page shows below its own text (a short statement of the project,
docs/index.md), all counted from the content:

- the ways in by type: one tile per type with its number of items, leading to its
  section, and the library;
- the results as a strip of figures (results.py: the rows of data/project.yml that
  the content holds, and the one figure written by hand);
- the newest products as cards (the listing card, product_views.item);
- the ways in by every vocabulary with term pages (data/taxonomies.yml: roles),
  today topics and countries, as tiles.

A term with no item is never a tile and never shows a zero, which would read as a
result: each group's empty terms are named apart, as not on the hub yet. On the
home page they are not links (a tile there is a way into content, and an empty
page is none); the index of a vocabulary (docs/topics.md, docs/countries.md),
which is the reference list of its terms, links each to its own page, which says
what it will hold.
"""

from __future__ import annotations

from typing import Any

from .listing_views import LIBRARY_KEY, results, sections, term_index
from .model import Site
from .plurals import plural
from .product_views import item
from .roles import TYPES
from .urls import entry_path

LATEST_ON_HOME = 6
RESULTS_KEY = "results"


def grouped(site: Site, terms: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """Terms (label, url, count) as tiles, each with its number of items in words, and the terms with
    no item apart (``not_yet``): never a term with a zero."""
    forms = site.ui.get(lang, {}).get("items_count")
    return {"tiles": [{**term, "count_label": plural(forms, term["count"], lang)} for term in terms if term["count"]],
            "not_yet": [term for term in terms if not term["count"]]}


def ways_in(site: Site, vocabulary: str, lang: str) -> dict[str, Any]:
    """One vocabulary's terms as a group of tiles: types lead to their sections, other terms to their pages."""
    terms = sections(site, lang) if vocabulary == TYPES else term_index(site, vocabulary, lang)
    return {"vocabulary": vocabulary, **grouped(site, terms, lang)}


def _index(site: Site, key: str, lang: str) -> dict[str, str]:
    """The address and title of a vocabulary's index page (docs/topics.md), if it has one."""
    if key not in site.entries:
        return {"index_url": "", "index_title": ""}
    return {"index_url": entry_path(key, lang), "index_title": site.entries[key].text("title", lang)}


def home(site: Site, lang: str) -> dict[str, Any]:
    """Everything the home page shows below its text."""
    ui = site.ui.get(lang, {})
    products = site.products()
    latest = products[:LATEST_ON_HOME]
    figures = [{"label": row["label"], "count": row["count"]} for row in results(site, lang)]
    if site.project.get("officials_engaged"):
        figures.append({"label": ui.get("officials_engaged", ""), "count": int(site.project["officials_engaged"])})
    return {
        "library_url": entry_path(LIBRARY_KEY, lang),
        "total_label": plural(ui.get("items_count"), len(products), lang),
        "by_type": ways_in(site, TYPES, lang),
        "figures": figures,
        "results_url": entry_path(RESULTS_KEY, lang) if RESULTS_KEY in site.entries else "",
        "latest": [item(site, e, lang) for e in latest],
        # Newest first only means something when they are dated; else they are a selection.
        "latest_heading": ui.get("latest" if latest and latest[0].product.date else "home_from_library", ""),
        "by_term": [{**ways_in(site, role.vocabulary, lang), "heading": ui.get(f"browse_{role.vocabulary}", ""),
                     **_index(site, role.pages, lang)}
                    for role in site.taxonomies.roles.with_pages()],
    }
