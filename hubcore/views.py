"""What each page shows, per language, as plain data for the templates.

The templates only lay out these values (escaping every one); which items a
listing holds, how results are counted, which products are related and how
labels are chosen is decided here, where it can be tested without a site engine.
URLs are site-relative (``ru/topics/open-data/``); templates make them relative
to the page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .dates import format_partial_date
from .generated import TermPage, products_with, term_pages
from .language_views import languages_view, notice, own_names, sources_view
from .listing_views import LIBRARY_KEY, facets, results, sections, term_index
from .model import Entry, Site
from .plurals import plural
from .product_views import card, cite, item
from .related import related
from .schema import PAGE, Field, fields_for
from .settings import DEFAULT_LANGUAGE, LANGUAGES, language_of
from .site_info import SiteInfo
from . import reviews, translations
from . import exports, publisher, structured_data
from .history import build_date
from .urls import entry_path, language_prefix

LATEST_ON_HOME = 6
TRANSLATIONS_KEY = "translations"
CONTRIBUTING_KEY = "contributing"
ABOUT_KEY = "about"


def _breadcrumbs(site: Site, key: str, lang: str) -> list[dict[str, str]]:
    crumbs = [{"label": site.entries["index"].text("title", lang) if "index" in site.entries else "",
               "url": entry_path("index", lang)}]
    folder = key.split("/")[0] if "/" in key else None
    if folder:
        section_key = f"{folder}/index"
        if section_key in site.entries:
            crumbs.append({"label": site.entries[section_key].text("title", lang),
                           "url": entry_path(section_key, lang)})
        elif folder in ("topics", "countries") and folder in site.entries:
            crumbs.append({"label": site.entries[folder].text("title", lang),
                           "url": entry_path(folder, lang)})
    return crumbs if key != "index" else []


def page_view(site: Site, page: Entry | TermPage, lang: str, info: SiteInfo) -> dict[str, Any]:
    """Everything the templates show for ``page`` read in ``lang``."""
    view = _page_view(site, page, lang, info)
    if isinstance(page, TermPage):
        view.update(languages_view(site, page.key, lang, info, list(LANGUAGES), lang))
    else:
        view.update(languages_view(site, page.key, lang, info, page.languages, page.original.lang))
        view["notice"] = notice(site, page, lang)
        view["sources"] = sources_view(site, page, lang, info)
    if "listing" in view:
        view["count_label"] = plural(view["ui"].get("items_count"), len(view["listing"]), lang)
        # What an empty listing will hold, by what it lists (types, topics, countries): never "0 items".
        vocabulary = page.vocabulary if isinstance(page, TermPage) else "types"
        view["empty_note"] = view["ui"].get(f"none_yet_{vocabulary}", "")
    view["publisher"] = publisher.view(site.settings, lang)  # in every footer
    if page.key == ABOUT_KEY:
        view["publisher_section"] = view["publisher"]  # and as a section of the about page
    view["structured"] = structured_data.page_data(site, page, lang, info, view)
    return view


def not_found_view(site: Site, lang: str, info: SiteInfo) -> dict[str, Any]:
    """The 404 page of one language; its switcher leads to the other language's 404 page.

    ``pages`` (language -> its 404 page) lets the page give way, in the browser,
    to the 404 page of the address's language: GitHub Pages serves one 404 page.
    """
    ui = site.ui.get(lang, {})
    names = own_names(site)
    pages = {l: language_prefix(l) + "404.html" for l in LANGUAGES}
    return {"key": "404", "lang": lang, "kind": "404", "ui": ui, "title": ui.get("not_found_title", ""),
            "summary": ui.get("not_found_text", ""), "is_product": False, "generated": True,
            "home_url": entry_path("index", lang), "library_url": entry_path(LIBRARY_KEY, lang),
            "alternates": [{"lang": l, "name": names[l], "url": pages[l]} for l in LANGUAGES], "pages": pages,
            "hreflang": [], "canonical": "", "content_lang": lang, "notice": None,
            "publisher": publisher.view(site.settings, lang)}


def field_reference(site: Site, lang: str, info: SiteInfo) -> list[dict[str, Any]]:
    """The contributor guide's field reference, per type, from the declarations the validator uses."""
    kinds = [(t.id, t.label.get(lang, t.id)) for t in site.taxonomies.types.values()]
    kinds.append((PAGE, site.ui.get(lang, {}).get("other_pages", PAGE)))

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


def _page_view(site: Site, page: Entry | TermPage, lang: str, info: SiteInfo) -> dict[str, Any]:
    ui = site.ui.get(lang, {})
    if isinstance(page, TermPage):
        term = site.taxonomies[page.vocabulary][page.term_id]
        title = term.plural.get(lang) if page.vocabulary == "types" else term.label.get(lang, term.id)
        products = products_with(site, page.vocabulary, page.term_id)
        return {"key": page.key, "lang": lang, "kind": "term", "title": title,
                "summary": (term.extra.get("intro") or {}).get(lang, ""), "ui": ui,
                "is_product": False, "generated": True,
                "breadcrumbs": _breadcrumbs(site, page.key, lang),
                "term": {"vocabulary": page.vocabulary, "id": term.id, "role": term.extra.get("role"),
                         "intro": (term.extra.get("intro") or {}).get(lang, "")},
                "listing": [item(site, e, lang) for e in products]}
    entry = page
    view: dict[str, Any] = {
        "key": entry.key, "lang": lang, "kind": entry.kind, "ui": ui, "generated": False,
        "title": entry.text("title", lang), "summary": entry.text("summary", lang),
        "is_product": entry.is_product, "breadcrumbs": _breadcrumbs(site, entry.key, lang),
    }
    if entry.is_product:
        view["card"] = card(site, entry, lang)
        view["related"] = [item(site, e, lang) for e in related(site, entry)]
        view["cite"] = cite(site, entry, lang, info)
        return view
    folder = entry.key[: -len("/index")] if entry.key.endswith("/index") else None
    content_type = site.taxonomies.type_of_folder(folder) if folder else None
    if content_type is not None:
        view["listing"] = [item(site, e, lang) for e in products_with(site, "types", content_type.id)]
    elif entry.key == "index":
        view["sections"] = sections(site, lang)
        view["results"] = results(site, lang)
        view["officials_engaged"] = site.project.get("officials_engaged")
        view["latest"] = [item(site, e, lang) for e in site.products()[:LATEST_ON_HOME]]
        view["topics"] = term_index(site, "topics", lang)
        view["countries"] = term_index(site, "countries", lang)
        view["library_url"] = entry_path(LIBRARY_KEY, lang)
    elif entry.key == "results":
        view["results"] = results(site, lang)
        view["officials_engaged"] = site.project.get("officials_engaged")
    elif entry.key == exports.OPEN_DATA_KEY:
        view["open_data"] = exports.open_data_view(site, lang)
    elif entry.key in ("topics", "countries"):
        view["terms"] = term_index(site, entry.key, lang)
    elif entry.key == LIBRARY_KEY:
        items = [item(site, e, lang) for e in site.products()]
        view["catalogue"] = items
        view["facets"] = facets(site, items, lang)
    elif entry.key == CONTRIBUTING_KEY:
        view["field_reference"] = field_reference(site, lang, info)
    elif entry.key == TRANSLATIONS_KEY:
        view["translations"] = _translation_rows(site, lang)
        day = build_date() or dt.date.today()
        view["overdue"] = [{"title": site.entries[o.key].text("title", lang), "url": entry_path(o.key, lang),
                            "review_by": format_partial_date(o.review_by, lang), "path": o.path}
                           for o in reviews.overdue(site, day)]
    return view


def find_page(site: Site, docs_path: str) -> Entry | TermPage | None:
    """The entry or generated page a staged file (docs-relative path) belongs to."""
    entry = site.entry_for_path(docs_path)
    if entry is not None:
        return entry
    key, _ = language_of(docs_path)
    return term_pages(site).get(key)
