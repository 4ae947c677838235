"""What a page says about itself to machines: schema.org JSON-LD, Open Graph, Twitter, the feed.

Search engines read JSON-LD; chat apps and social networks read Open Graph and
Twitter card tags when a link is shared. Both are made here from the same
checked content as the page, so they never say more than the page does:
a field the content does not give is left out, never filled with a guess.

How products map to schema.org is data (``data/taxonomies.yml``):

- a product is what its content type's ``schema_org`` says (case study ->
  ``Article``, report -> ``Report``, guide and workshop materials ->
  ``LearningResource``; a type that says nothing -> ``CreativeWork``), unless a
  term it holds of a vocabulary whose role carries no property declares a type
  of its own: an event kind (``course`` -> ``Course``). An event type
  (``EducationEvent``, one of ``roles.EVENT_TYPES``) applies only when the file gives
  the event's day (``date: YYYY-MM-DD``) and its place (``event.location``),
  which search engines require of an event; otherwise the type's own applies
  (the materials for civil servants to learn from that the page holds);
- the terms a product holds are carried by the property their vocabulary's role
  declares (``roles: ... schema_org``, roles.py): topics as ``about``
  (``DefinedTerm``), countries as ``spatialCoverage`` (``Country``), the
  organisations the product's own document names as having prepared it
  (``partners``, which must give that source) as ``creator`` of the work, the
  format as an event's ``eventAttendanceMode``.

Creative works also carry ``datePublished`` (the product's date), ``author`` (the
authors as the product names them: whether each is a person or an organisation
is not declared, so they stay plain names), ``license`` and translation links
(``workTranslation`` on an original, ``translationOfWork`` on a translation). An
event carries ``startDate``, ``about`` (every term that says what it is about:
topics and countries), its attendance mode and place when known; the page about
it, with its licence, translations and what describes the work (``creator``), is
its ``subjectOf``.

An event's own fields (``event`` in the front matter) become what schema.org's
``Event`` has for them, in the page's language:

- ``endDate`` (its last day; ``startDate`` is the product's date);
- ``performer``: each speaker as a ``Person`` with ``jobTitle`` and ``affiliation``
  (an ``Organization``): Google's Event guidance lists ``performer`` among the
  recommended properties, and a speaker is who performs at an educational event;
- ``subEvent``: each agenda item as an ``Event`` with its ``name``, its
  ``startDate``/``endDate`` (the item's day, else the event's first day, with its
  times; local time, as the programme gives no time zone: ISO 8601 allows it) and
  its speaker as ``performer``. Not ``eventSchedule``: a schema.org ``Schedule``
  describes an event that repeats (every Monday at 10:00), not the sessions of
  one event; ``subEvent`` is the property for "an Event that is part of this
  event". Google's guidance does not read sub-events, so they cost nothing
  there and tell other readers of the data the programme;
- ``recordedIn``: the recording, a ``VideoObject`` (schema.org's property for
  "the CreativeWork that captured all or part of this Event");
- ``image``: the photos, each an ``ImageObject`` with its address and caption.

When the product is described as the materials (a ``LearningResource``: no day
or no place), only what belongs to a work stays: the recording as its ``video``
and the photos as its ``image``; the programme and speakers describe an event
the data then does not assert.
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

from .exports import attachment_record, file_address
from .feeds import feed_path, feed_title
from .generated import TermPage, has_pages, term_key
from .model import Entry, Site
from .product import Attachment, part
from .roles import EVENT_TYPES, TYPES, Role
from .schema import DERIVED_KIND, Field, LinkedData, shown_in
from .settings import DECLARED_LANGUAGES, LANGUAGES
from .site_info import SiteInfo
from .urls import entry_path

SCHEMA_ORG = "https://schema.org"
OG_LOCALES = {language.code: language.og_locale for language in DECLARED_LANGUAGES}  # data/languages.yml
DEFAULT_TYPE = "CreativeWork"  # a content type that declares no schema_org
# The site's one image for link previews (drawn by scripts/social_image.py), and its size in pixels.
SOCIAL_IMAGE = ("assets/images/social.png", 1200, 630)


def schema_type(site: Site, entry: Entry) -> str:
    """The schema.org type of a product, as the data declares it (see the module's docstring)."""
    taxonomies = site.taxonomies
    own = taxonomies.types[entry.kind].extra.get("schema_org") if entry.kind in taxonomies.types else None
    event = entry.neutral.get("event") or {}
    day_and_place = len(str(entry.neutral.get("date") or "")) == len("YYYY-MM-DD") and event.get("location")
    for role in taxonomies.roles:
        if role.vocabulary == TYPES or role.schema_org:  # these terms are values of a property, not a type
            continue
        for term_id in role.terms_of(entry.kind, entry.neutral):
            term = taxonomies[role.vocabulary].get(term_id)
            declared = term.extra.get("schema_org") if term else None
            if declared and (declared not in EVENT_TYPES or day_and_place):
                return declared
    return own or DEFAULT_TYPE


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


def _terms(site: Site, role: Role, entry: Entry, lang: str, base_url: str) -> Any:
    """What the property of ``role`` holds for ``entry`` (a list when its field holds one), or None.

    Each term is a node of the declared type (its label, its page when terms have
    pages, its id in capitals when asked), or the address of its own schema.org value.
    """
    spec = role.schema_org
    values: list[Any] = []
    for term_id in role.terms_of(entry.kind, entry.neutral):
        if spec.type:
            node = {"@type": spec.type, "name": _label(site, role.vocabulary, term_id, lang)}
            if has_pages(site, role.vocabulary):
                node["url"] = base_url + entry_path(term_key(role.vocabulary, term_id, site), lang)
            if spec.identifier:
                node["identifier"] = term_id.upper()  # ISO 3166-1 alpha-2, for countries
            values.append(node)
        else:
            term = site.taxonomies[role.vocabulary].get(term_id)
            if term and term.extra.get("schema_org"):
                values.append(f"{SCHEMA_ORG}/{term.extra['schema_org']}")
    if not values:
        return None
    return values if role.holds_list(entry.neutral) else values[0]


def _placed(site: Site, entry: Entry, lang: str, base_url: str) -> dict[str, dict[str, Any]]:
    """Every declared property's value, by where it goes (roles.SCHEMA_ORG_PLACES), in the roles' order."""
    placed: dict[str, dict[str, Any]] = {"subject": {}, "work": {}, "event": {}}
    for role in site.taxonomies.roles:
        value = _terms(site, role, entry, lang, base_url) if role.schema_org else None
        if value is not None:
            _put(placed[role.schema_org.place], role.schema_org.property, value)
    return placed


def _put(node: dict[str, Any], name: str, value: Any) -> None:
    """Set a property; a second vocabulary carried by the same property adds to its list."""
    if name in node:
        node[name] = _as_list(node[name]) + _as_list(value)
    else:
        node[name] = value


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


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
    kind = schema_type(site, entry)
    is_event = kind in EVENT_TYPES
    node: dict[str, Any] = {"@context": SCHEMA_ORG, "@type": kind, "@id": url,
                            "name": str(entry.text("title", lang)), "url": url}
    if entry.text("summary", lang):
        node["description"] = str(entry.text("summary", lang))
    node["inLanguage"] = content_lang
    modified = (last_updated or {}).get(document.docs_path)
    page: dict[str, Any] = {}  # what describes the page (the work itself, or the event's page)
    for path, spec in shown_in("linked_data", entry.kind):
        linked = spec.linked_data
        assert linked
        name = linked.work if linked.page or not is_event else linked.event
        if name is None or (linked.with_material and not entry.has_material):
            continue
        value = _value(site, entry, path, spec, linked, content_lang, base_url, modified)
        if value is None or value == []:
            continue
        _put(page if linked.page and is_event else node, name, value)
    placed = _placed(site, entry, content_lang, base_url)  # the terms, as their vocabularies' roles say
    if is_event:
        node.update(placed["event"])
        about = [v for value in placed["subject"].values() for v in _as_list(value)]
        if about:  # an event has no spatialCoverage: everything it is about is its about
            node["about"] = about
    else:
        node.update(placed["subject"])
    for name, value in placed["work"].items():
        _put(page if is_event else node, name, value)
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
    value = entry.value(path, lang)
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
    if spec.vocabulary:  # the address the vocabulary gives (a licence's), else the id
        term = site.taxonomies[spec.vocabulary].get(value)
        return (term.extra.get("url") if term else None) or value
    if spec.kind == "mapping-list":  # a record (an agenda item, a speaker, a photo): a node of its own
        return _node(entry, spec, linked, value, base_url)
    if linked.node:
        return {"@type": linked.node, linked.key: str(value)}
    return str(value)


def _node(entry: Entry, spec: Field, linked: LinkedData, record: Any, base_url: str) -> dict[str, Any]:
    """A list item as a schema.org node: each sub-field that declares ``linked_data`` is the property its
    ``work`` names. A time is a moment on the item's day, else on the event's first day (left out when
    neither is known); a file is its address."""
    node: dict[str, Any] = {"@type": linked.node or "Thing"}
    date = entry.product.date or ""
    day = part(record, "day") or (date if len(date) == len("YYYY-MM-DD") else None)
    for sub in sorted((s for s in spec.fields if s.linked_data), key=lambda s: s.linked_data.position):
        own, value = sub.linked_data, part(record, sub.name)
        if value in (None, "") or own.work is None:
            continue
        if sub.kind == "time":
            if not day:
                continue
            value = f"{day}T{value}"
        elif sub.kind in ("file", "image"):
            value = file_address(entry, value, base_url)
        node[own.work] = {"@type": own.node, own.key: value} if own.node else value
    return node


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
        # A listing of products (its kind says so: page_kinds.py) is a collection.
        node = {"@context": SCHEMA_ORG, "@type": "CollectionPage" if view.get("collection") else "WebPage",
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
