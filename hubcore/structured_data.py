"""What a page says about itself to machines: schema.org JSON-LD, Open Graph, Twitter, the feed.

Search engines read JSON-LD; chat apps and social networks read Open Graph and
Twitter card tags when a link is shared. Both are made here from the same
checked content as the page, so they never say more than the page does:
a field the content does not give is left out, never filled with a guess.

How products map to schema.org:

- case study -> ``Article``; report -> ``Report``; methodological guide ->
  ``LearningResource``; a content type added later -> ``CreativeWork``;
- workshop materials -> ``Course`` when ``event.kind`` is ``course``;
  ``EducationEvent`` only when the file gives the event's day
  (``date: YYYY-MM-DD``) and its place (``event.location``), which search
  engines require of an event; otherwise ``LearningResource``, the materials
  for civil servants to learn from that the page holds.

Creative works carry ``datePublished`` (the product's date), ``author`` (the
authors as the product names them: whether each is a person or an organisation
is not declared, so they stay plain names), ``creator`` (the organisations the
product's own document names as having prepared it: the ``partners`` field,
which must give that source), ``about`` (topics), ``spatialCoverage``
(countries), ``license`` and translation links (``workTranslation`` on an
original, ``translationOfWork`` on a translation). An event carries
``startDate``, ``about`` (topics and countries), its attendance mode and place
when known; the page about it, with its licence, translations and the
organisations that prepared its materials (``creator``), is its ``subjectOf``.
No organisation is named organiser or publisher of an item: the project's
organisations and their roles belong to the project, not to each item.
Attachments are ``associatedMedia`` only when the product has material of its
own (``Entry.has_material``, the rule the PDF step, the card and the feed use).
Which field becomes which property is declared with the field (``LinkedData`` in
schema.py); this module holds the page's own properties and the types.

JSON inside a ``<script>`` element ends at the first ``</script>`` whatever the
JSON says, so the serialised text has ``<``, ``>`` and ``&`` written as
``\\u003c``, ``\\u003e``, ``\\u0026``: still the same JSON, but no title can
close the element.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from .exports import attachment_record
from .feeds import feed_path, feed_title
from .generated import TermPage, has_term_pages, term_key
from .model import Entry, Site
from .product import Attachment, Event
from .schema import DERIVED_KIND, Field, LinkedData, shown_in
from .settings import LANGUAGES
from .site_info import SiteInfo
from .urls import entry_path

SCHEMA_ORG = "https://schema.org"
OG_LOCALES = {"en": "en_US", "ru": "ru_RU"}
TYPE_BY_KIND = {"case-study": "Article", "report": "Report", "guide": "LearningResource"}
EVENT_TYPE = "EducationEvent"
MATERIALS_TYPE = "LearningResource"  # an event's materials, when the file does not say when and where it was
COURSE_KINDS = ("course",)
# Listing pages (generated or not) are collections of products.
COLLECTION_KEYS = ("library", "topics", "countries")
# The site's one image for link previews (drawn by scripts/social_image.py), and its size in pixels.
SOCIAL_IMAGE = ("assets/images/social.png", 1200, 630)


def schema_type(entry: Entry) -> str:
    """The schema.org type of a product (see the module's docstring for the mapping)."""
    if entry.kind == "workshop":
        event = entry.product.event or Event()
        if event.kind in COURSE_KINDS:
            return "Course"
        day_and_place = len(entry.product.date or "") == len("YYYY-MM-DD") and event.location
        return EVENT_TYPE if day_and_place else MATERIALS_TYPE
    return TYPE_BY_KIND.get(entry.kind, "CreativeWork")


def script_json(data: dict[str, Any]) -> Markup:
    """JSON for a ``<script type="application/ld+json">`` element that no value can break out of.

    Returned as Markup: it is already safe to print there, and HTML-escaping it
    again (``|e``) would corrupt the JSON, as script content is not decoded.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def _label(site: Site, vocabulary: str, term_id: str, lang: str) -> str:
    term = site.taxonomies[vocabulary].get(term_id)
    return term.label.get(lang, term_id) if term else term_id


def _website(site: Site, lang: str, site_name: str, base_url: str) -> dict[str, str]:
    return {"@type": "WebSite", "name": site_name, "url": base_url + entry_path("index", lang)}


def product_jsonld(site: Site, entry: Entry, lang: str, site_name: str, base_url: str,
                   last_updated: dict[str, str] | None = None) -> dict[str, Any]:
    """The schema.org description of a product as read in ``lang`` (its content's language).

    Its properties are the fields whose declarations give ``linked_data``
    (schema.py), in their order: on the work itself, or, for an event, on the
    event or on the page about it (``subjectOf``).
    """
    document = entry.document(lang)
    content_lang = document.lang
    url = base_url + entry_path(entry.key, content_lang)
    kind = schema_type(entry)
    is_event = kind == EVENT_TYPE
    node: dict[str, Any] = {"@context": SCHEMA_ORG, "@type": kind, "@id": url,
                            "name": str(entry.text("title", lang)), "url": url}
    if entry.text("summary", lang):
        node["description"] = str(entry.text("summary", lang))
    node["inLanguage"] = content_lang
    page: dict[str, Any] = {}  # what describes the event's page
    for path, spec in shown_in("linked_data", entry.kind):
        linked = spec.linked_data
        assert linked
        name = linked.work if linked.page or not is_event else linked.event
        if name is None or (linked.with_material and not entry.has_material):
            continue
        value = _value(site, entry, path, spec, linked, content_lang, base_url, (last_updated or {}).get(
            document.docs_path))
        if value is None or value == []:
            continue
        target = page if linked.page and is_event else node
        target[name] = target[name] + value if isinstance(target.get(name), list) else value
    node["isPartOf"] = _website(site, content_lang, site_name, base_url)
    if is_event:
        node["subjectOf"] = {"@type": "WebPage", "url": url, "inLanguage": content_lang, **page}
    return node


def _value(site: Site, entry: Entry, path: str, spec: Field, linked: LinkedData, lang: str, base_url: str,
           modified: str | None) -> Any:
    """One field's value as a schema.org property of the product read in ``lang`` (None: left out)."""
    def ref(other: str) -> dict[str, str]:
        return {"@id": base_url + entry_path(entry.key, other), "inLanguage": other}

    if spec.kind == DERIVED_KIND:  # worked out for this page
        original = entry.original.lang
        return {"last_updated": modified,
                "languages": [ref(l) for l in entry.languages if l != lang] if lang == original else None,
                "original_language": ref(original) if lang != original else None}.get(spec.name)
    value = entry.value(path)
    if value is None:
        return None
    if isinstance(value, tuple):  # a list: a list of values, each as below
        found = [_one(site, entry, spec, linked, v, lang, base_url) for v in value]
        return [v for v in found if v is not None]
    return _one(site, entry, spec, linked, value, lang, base_url)


def _one(site: Site, entry: Entry, spec: Field, linked: LinkedData, value: Any, lang: str, base_url: str) -> Any:
    if isinstance(value, Attachment):  # with its absolute address, as the catalogue gives it
        found = attachment_record(entry, value, base_url)
        return {"@type": linked.node or "MediaObject", "name": found["title"], "contentUrl": found["url"]}
    if spec.vocabulary and linked.values:
        return linked.values.get(value)
    if spec.vocabulary and linked.node:
        node = {"@type": linked.node, "name": _label(site, spec.vocabulary, value, lang)}
        if has_term_pages(spec.vocabulary):
            node["url"] = base_url + entry_path(term_key(spec.vocabulary, value, site), lang)
        if linked.identifier:
            node["identifier"] = value.upper()  # ISO 3166-1 alpha-2, for countries
        return node
    if spec.vocabulary:  # the address the vocabulary gives (a licence's), else the id
        term = site.taxonomies[spec.vocabulary].get(value)
        return (term.extra.get("url") if term else None) or value
    if linked.node:
        return {"@type": linked.node, "name": str(value)}
    return str(value)


def page_jsonld(site: Site, page: Entry | TermPage, lang: str, view: dict[str, Any], site_name: str,
                base_url: str, last_updated: dict[str, str] | None = None) -> dict[str, Any]:
    """A product's description, or a plain one for the home page, listings and other pages."""
    if isinstance(page, Entry) and page.is_product:
        return product_jsonld(site, page, lang, site_name, base_url, last_updated)
    content_lang = view.get("content_lang") or lang
    url = view.get("canonical") or base_url + entry_path(page.key, lang)
    if page.key == "index":
        node: dict[str, Any] = {"@context": SCHEMA_ORG, **_website(site, lang, site_name, base_url)}
    else:
        listing = isinstance(page, TermPage) or "listing" in view or page.key in COLLECTION_KEYS
        node = {"@context": SCHEMA_ORG, "@type": "CollectionPage" if listing else "WebPage",
                "name": str(view.get("title") or ""), "url": url}
    if view.get("summary"):
        node["description"] = str(view["summary"])
    node["inLanguage"] = content_lang
    if page.key != "index":
        node["isPartOf"] = _website(site, lang, site_name, base_url)
    return node


def page_data(site: Site, page: Entry | TermPage | None, lang: str, info: SiteInfo,
              view: dict[str, Any]) -> dict[str, Any]:
    """Everything the page head needs beyond the title: feed link, Open Graph, Twitter, JSON-LD.

    ``info`` is the views' SiteInfo (name, absolute URL, last-updated dates);
    ``view`` is the page's own view, whose title, summary and canonical address
    these tags repeat. ``page`` is None for the 404 page: it gets no JSON-LD.
    """
    title = str(view.get("title") or "")
    summary = str(view.get("summary") or "")
    content_lang = view.get("content_lang") or lang
    is_product = isinstance(page, Entry) and page.is_product
    written = page.languages if isinstance(page, Entry) else list(LANGUAGES) if page else [lang]
    og = {"type": "article" if is_product else "website", "title": title, "description": summary,
          "url": view.get("canonical") or "", "site_name": info.name,
          "locale": OG_LOCALES.get(content_lang, content_lang),
          "locale_alternates": [OG_LOCALES.get(l, l) for l in written if l != content_lang]}
    path, width, height = SOCIAL_IMAGE
    og["image"] = {"url": info.url + path, "width": width, "height": height, "type": "image/png",
                   "alt": site.ui.get(lang, {}).get("social_image_alt", "")}
    data: dict[str, Any] = {
        "feed": {"url": info.url + feed_path(lang), "title": feed_title(site, lang, info.name)},
        "og": og,
        "twitter": {"card": "summary_large_image", "title": title, "description": summary},
        "jsonld": None,
    }
    if page is not None:
        data["jsonld"] = script_json(page_jsonld(site, page, lang, view, info.name, info.url, info.updated))
    return data
