"""The project's footer on every page, from data, in the reader's language.

A reader of any page should see whose project this is and on what terms its
content is published, as the country-office sites of UNDP show them:

- the project's organisations, as text: every term of each vocabulary whose role
  says ``footer: true`` (data/taxonomies.yml; today the partners), in the order
  declared, under ``footer_<vocabulary>`` (data/ui.yml);
- the licence of the hub's content as a whole, when ``license`` in data/site.yml
  names one (an id a product's ``license`` field accepts). The project's documents
  state none, so it is empty and the footer says so, and that each item gives its
  own licence where it has one: never a licence the team has not granted;
- who publishes the hub and a contact, when set (publisher.py; shown by the same
  template part as on the about page).

The theme's credit is on the about page (page_kinds.py), not here: the footer is
all in the reader's language.
"""

from __future__ import annotations

from typing import Any

from .model import Site
from .page_kinds import ABOUT_KEY
from .problems import Problem
from .product_views import label
from .schema import PRODUCT_FIELDS
from .settings import SITE_FILE
from .strict_yaml import Document
from .urls import entry_path

LICENSE = "license"  # the setting in data/site.yml, and the product field whose values it takes


def _licences() -> str:
    """The vocabulary of a product's licence (schema.py), which the site's licence takes too."""
    return next(spec.vocabulary for spec in PRODUCT_FIELDS if spec.name == LICENSE)


def view(site: Site, lang: str) -> dict[str, Any]:
    """What every page's footer shows in ``lang``."""
    ui = site.ui.get(lang, {})
    groups = [{"heading": ui.get(f"footer_{role.vocabulary}", ""),
               "terms": [label(site, role.vocabulary, term, lang) for term in site.taxonomies[role.vocabulary]]}
              for role in site.taxonomies.roles.in_footer()]
    chosen = str(site.settings.get(LICENSE) or "")
    licence = None
    if chosen:
        term = site.taxonomies[_licences()].get(chosen)
        licence = {"label": label(site, _licences(), chosen, lang),
                   "url": (term.extra.get("url") or "") if term else ""}
    return {"organisations": [g for g in groups if g["terms"]], "license": licence,
            "about_url": entry_path(ABOUT_KEY, lang) if ABOUT_KEY in site.entries else ""}


def check(document: Document, taxonomies: Any) -> list[Problem]:
    """The site's licence, when given, is one a product may declare."""
    value = document.value.get(LICENSE)
    licences = set(taxonomies[_licences()])
    if value in (None, "") or (isinstance(value, str) and value in licences):
        return []
    return [Problem(SITE_FILE, document.line_of((LICENSE,)), LICENSE,
                    f"must be empty or a licence of data/taxonomies.yml ({', '.join(sorted(licences))})")]
