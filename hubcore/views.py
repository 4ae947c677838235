"""What each page shows, per language, as plain data for the templates.

The templates only lay out these values (escaping every one); which items a
listing holds, how results are counted, which products are related and how
labels are chosen is decided here, where it can be tested without a site engine.
URLs are site-relative (``ru/topics/open-data/``); templates make them relative
to the page.
"""

from __future__ import annotations

from typing import Any

from .generated import TermPage, term_pages
from .language_views import languages_view, notice, own_names, sources_view
from .listing_views import LIBRARY_KEY
from .model import Entry, Site
from .page_kinds import kind_of
from .roles import TYPES
from .settings import LANGUAGES, language_of
from .site_info import SiteInfo
from . import footer, publisher, structured_data
from .urls import entry_path, language_prefix


def _breadcrumbs(site: Site, key: str, lang: str) -> list[dict[str, str]]:
    crumbs = [{"label": site.entries["index"].text("title", lang) if "index" in site.entries else "",
               "url": entry_path("index", lang)}]
    folder = key.split("/")[0] if "/" in key else None
    if folder:
        section_key = f"{folder}/index"
        if section_key in site.entries:
            crumbs.append({"label": site.entries[section_key].text("title", lang),
                           "url": entry_path(section_key, lang)})
        elif site.taxonomies.roles.of_pages(folder) and folder in site.entries:  # the terms' index page
            crumbs.append({"label": site.entries[folder].text("title", lang),
                           "url": entry_path(folder, lang)})
    return crumbs if key != "index" else []


def page_view(site: Site, page: Entry | TermPage, lang: str, info: SiteInfo) -> dict[str, Any]:
    """Everything the templates show for ``page`` read in ``lang``.

    What every page has is made here; what its kind adds, and the template parts
    that show it, come from the page's kind (page_kinds.py).
    """
    kind = kind_of(site, page)
    view = _base_view(site, page, lang)
    view.update(kind.make(site, page, lang, info))
    view["parts"] = kind.parts()
    view["collection"] = kind.collection
    view["contents_from"] = kind.contents_from  # the engine compares it with the rendered text's sections
    if isinstance(page, TermPage):
        view.update(languages_view(site, page.key, lang, info, list(LANGUAGES), lang))
    else:
        view.update(languages_view(site, page.key, lang, info, page.languages, page.original.lang))
        view["notice"] = notice(site, page, lang)
        view["sources"] = sources_view(site, page, lang, info)
    view["publisher"] = publisher.view(site.settings, lang)  # in every footer
    view["footer"] = footer.view(site, lang)
    view["structured"] = structured_data.page_data(site, page, lang, info, view)
    return view


def page_title(site: Site, page: Entry | TermPage, lang: str) -> str:
    """A page's title in ``lang``: its own, or a generated page's term's (a type's plural)."""
    if isinstance(page, TermPage):
        term = site.taxonomies[page.vocabulary][page.term_id]
        return term.plural.get(lang, term.id) if page.vocabulary == TYPES else term.label.get(lang, term.id)
    return page.text("title", lang)


def _base_view(site: Site, page: Entry | TermPage, lang: str) -> dict[str, Any]:
    """A page's title, summary and breadcrumbs: a generated page's come from its term."""
    ui = site.ui.get(lang, {})
    if isinstance(page, TermPage):
        term = site.taxonomies[page.vocabulary][page.term_id]
        intro = (term.extra.get("intro") or {}).get(lang, "")
        return {"key": page.key, "lang": lang, "kind": "term", "title": page_title(site, page, lang),
                "summary": intro, "ui": ui, "is_product": False, "generated": True,
                "breadcrumbs": _breadcrumbs(site, page.key, lang),
                "term": {"vocabulary": page.vocabulary, "id": term.id, "role": term.extra.get("role"),
                         "intro": intro}}
    return {"key": page.key, "lang": lang, "kind": page.kind, "ui": ui, "generated": False,
            "title": page_title(site, page, lang), "summary": page.text("summary", lang),
            "is_product": page.is_product, "breadcrumbs": _breadcrumbs(site, page.key, lang)}


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
            "publisher": publisher.view(site.settings, lang), "footer": footer.view(site, lang)}


def find_page(site: Site, docs_path: str) -> Entry | TermPage | None:
    """The entry or generated page a staged file (docs-relative path) belongs to."""
    entry = site.entry_for_path(docs_path)
    if entry is not None:
        return entry
    key, _ = language_of(docs_path)
    return term_pages(site).get(key)
