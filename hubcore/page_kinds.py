"""Every kind of page, in one table: the function that makes its view's own parts, and the
template parts that show them.

``views.page_view`` makes what every page has (title, breadcrumbs, languages,
notice, structured data), then asks the page's kind for the rest;
``overrides/partials/content.html`` includes the kind's parts, by name, from
``overrides/hub/<part>.html``: those in ``before`` above the page's own text,
those in ``after`` below it. A new kind of page is one row here, its maker and
its part templates; neither the views nor the template test which kind a page is.

A page's kind is told by what it is (a product, a section, a generated term
page, the index of a vocabulary with term pages) or, for the pages the site
itself names, by its key (``NAMED``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from . import exports, home_views, publisher, reviews, translations
from .dates import format_partial_date
from .generated import TermPage, products_with
from .history import build_date
from .listing_views import LIBRARY_KEY, library, results
from .model import Entry, Site
from .plurals import plural
from .event_views import event_view
from .product_views import card, cite, downloads, header, item
from .related import related
from .roles import TYPES
from .schema import PAGE, Field, fields_for
from .settings import LANGUAGES
from .site_info import SiteInfo
from .urls import entry_path

Page = Entry | TermPage
Maker = Callable[[Site, Page, str, SiteInfo], dict[str, Any]]

# A product page shows the table of contents only when its text has this many sections or more: a
# long guide keeps a way to jump between its parts; a page of one or two sections needs none.
PRODUCT_CONTENTS_FROM = 4
TRANSLATIONS_KEY = "translations"
CONTRIBUTING_KEY = "contributing"
ABOUT_KEY = "about"


@dataclass(frozen=True)
class PageKind:
    """One kind of page: its maker and the template parts (overrides/hub/<part>.html) it shows."""

    name: str
    make: Maker
    before: tuple[str, ...] = ()  # above the page's own text
    after: tuple[str, ...] = ()  # below it
    collection: bool = False  # a listing of products: a schema.org CollectionPage
    # The theme's table of contents ("Contents") is shown from this many sections in the page's own
    # text (1: always, as the theme does). A product page is read as a whole, top to bottom: only a
    # long one gets contents.
    contents_from: int = 1

    def parts(self) -> dict[str, list[str]]:
        return {"before": list(self.before), "after": list(self.after)}


def _ui(site: Site, lang: str) -> dict[str, Any]:
    return site.ui.get(lang, {})


def _listing(site: Site, lang: str, products: list[Entry], vocabulary: str) -> dict[str, Any]:
    """A listing of products, its count in words, and what it says while empty (by what it lists)."""
    listing = [item(site, e, lang) for e in products]
    return {"listing": listing, "count_label": plural(_ui(site, lang).get("items_count"), len(listing), lang),
            "empty_note": _ui(site, lang).get(f"none_yet_{vocabulary}", ""),  # never "0 items"
            "library_url": entry_path(LIBRARY_KEY, lang)}  # where to go on from an empty one


def _product(site: Site, page: Page, lang: str, info: SiteInfo) -> dict[str, Any]:
    assert isinstance(page, Entry)
    return {"header": header(site, page, lang), "downloads": downloads(site, page, lang),
            "event": event_view(site, page, lang), "card": card(site, page, lang),
            "related": [item(site, e, lang) for e in related(site, page)], "cite": cite(site, page, lang, info)}


def _section(site: Site, page: Page, lang: str, info: SiteInfo) -> dict[str, Any]:
    """A type's page: hand-written (its section's index.md) or generated."""
    type_id = page.term_id if isinstance(page, TermPage) else _section_type(site, page.key)
    return _listing(site, lang, products_with(site, TYPES, type_id or ""), TYPES)


def _term(site: Site, page: Page, lang: str, info: SiteInfo) -> dict[str, Any]:
    assert isinstance(page, TermPage)
    return _listing(site, lang, products_with(site, page.vocabulary, page.term_id), page.vocabulary)


def _home(site: Site, page: Page, lang: str, info: SiteInfo) -> dict[str, Any]:
    return {"home": home_views.home(site, lang)}


def _results(site: Site, page: Page, lang: str, info: SiteInfo) -> dict[str, Any]:
    return {"results": results(site, lang), "officials_engaged": site.project.get("officials_engaged")}


def _open_data(site: Site, page: Page, lang: str, info: SiteInfo) -> dict[str, Any]:
    return {"open_data": exports.open_data_view(site, lang)}


def _term_index(site: Site, page: Page, lang: str, info: SiteInfo) -> dict[str, Any]:
    """The index of a vocabulary with term pages (docs/topics.md lists the topics)."""
    role = site.taxonomies.roles.of_pages(page.key)
    return {"terms": home_views.ways_in(site, role.vocabulary, lang) if role else None}


def _library(site: Site, page: Page, lang: str, info: SiteInfo) -> dict[str, Any]:
    return library(site, lang)


def _contributing(site: Site, page: Page, lang: str, info: SiteInfo) -> dict[str, Any]:
    return {"field_reference": field_reference(site, lang, info)}


def _translations(site: Site, page: Page, lang: str, info: SiteInfo) -> dict[str, Any]:
    day = build_date() or dt.date.today()
    return {"translations": _translation_rows(site, lang),
            "overdue": [{"title": site.entries[o.key].text("title", lang), "url": entry_path(o.key, lang),
                         "review_by": format_partial_date(o.review_by, lang), "path": o.path}
                        for o in reviews.overdue(site, day)]}


def _about(site: Site, page: Page, lang: str, info: SiteInfo) -> dict[str, Any]:
    return {"publisher_section": publisher.view(site.settings, lang)}  # the footer's, as a section


def _plain(site: Site, page: Page, lang: str, info: SiteInfo) -> dict[str, Any]:
    return {}


KINDS: dict[str, PageKind] = {kind.name: kind for kind in (
    PageKind("home", _home, after=("home",)),
    PageKind("library", _library, after=("library",), collection=True),
    PageKind("results", _results, after=("results",)),
    PageKind("open-data", _open_data, after=("open_data",)),
    PageKind("term-index", _term_index, after=("term_index",), collection=True),
    PageKind("section", _section, after=("listing",), collection=True),
    PageKind("term", _term, before=("lead",), after=("listing",), collection=True),
    # A product: what it is, when and where (header), what to download, its text, then its event's
    # programme, speakers, recording and photos, the rest of its metadata (card), related items.
    PageKind("product", _product, before=("product_header", "downloads"),
             after=("agenda", "speakers", "recording", "photos", "card", "related", "cite"),
             contents_from=PRODUCT_CONTENTS_FROM),
    PageKind("contributing", _contributing, after=("field_reference",)),
    PageKind("translations", _translations, after=("translations",)),
    PageKind("about", _about, after=("publisher_section", "colophon")),
    PageKind("page", _plain),
)}
# The pages the site itself names, by key (docs/<key>.md), and their kinds.
NAMED = {"index": "home", LIBRARY_KEY: "library", "results": "results", exports.OPEN_DATA_KEY: "open-data",
         CONTRIBUTING_KEY: "contributing", TRANSLATIONS_KEY: "translations", ABOUT_KEY: "about"}


def shows_contents(view: dict[str, Any], sections: int) -> bool:
    """Whether a page whose text has ``sections`` top-level sections shows the theme's table of contents,
    as its kind says (``contents_from``, in the page's view). A kind that asks for none (1, the default)
    leaves the theme's own layout as it is, whatever the page holds."""
    wanted = view.get("contents_from", 1)
    return wanted <= 1 or sections >= wanted


def _section_type(site: Site, key: str) -> str | None:
    """The type whose section index ``key`` is (``guides/index``), if it is one."""
    if not key.endswith("/index"):
        return None
    content_type = site.taxonomies.type_of_folder(key[: -len("/index")])
    return content_type.id if content_type else None


def kind_of(site: Site, page: Page) -> PageKind:
    """The kind of ``page``: what it is, or what the site names it."""
    if isinstance(page, TermPage):
        return KINDS["section" if page.vocabulary == TYPES else "term"]
    if page.is_product:
        return KINDS["product"]
    if _section_type(site, page.key):
        return KINDS["section"]
    if page.key in NAMED:
        return KINDS[NAMED[page.key]]
    if site.taxonomies.roles.of_pages(page.key):
        return KINDS["term-index"]
    return KINDS["page"]


def field_reference(site: Site, lang: str, info: SiteInfo) -> list[dict[str, Any]]:
    """The contributor guide's field reference, per type, from the declarations the validator uses."""
    kinds = [(t.id, t.label.get(lang, t.id)) for t in site.taxonomies.types.values()]
    kinds.append((PAGE, _ui(site, lang).get("other_pages", PAGE)))

    def describe(spec: Field, path: str) -> dict[str, Any]:
        allowed = ([{"id": t, "label": term.label.get(lang, t)}
                    for t, term in site.taxonomies[spec.vocabulary].items()] if spec.vocabulary else [])
        return {"name": spec.name, "required": spec.required, "help": site.field_help.text(path, lang),
                "example": spec.example, "translatable": spec.translatable, "allowed": allowed,
                "fields": [describe(sub, f"{path}.{sub.name}") for sub in spec.fields]}

    return [{"kind": kind, "label": label, "schema_url": f"{info.url}schemas/{kind}.schema.json",
             "fields": [describe(spec, spec.name) for spec in fields_for(kind)]} for kind, label in kinds]


def _translation_rows(site: Site, lang: str) -> dict[str, Any]:
    report = translations.report(site)
    by_key: dict[str, list[translations.Status]] = {}
    for row in report.rows:
        by_key.setdefault(row.key, []).append(row)
    rows = [{"title": site.entries[key].text("title", lang), "url": entry_path(key, lang),
             "states": [{"lang": r.lang, "state": r.state, "changed": list(r.changed)} for r in states]}
            for key, states in by_key.items()]
    return {"rows": rows, "totals": report.totals(), "languages": list(LANGUAGES)}
