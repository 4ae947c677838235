"""An Atom feed per language of the newest products, with absolute links.

Readers follow the hub in a feed reader in their own language: each language's
feed (``/feed.xml``, ``/ru/feed.xml``) holds the products written in that
language (a fallback page is the other language's item, as in search) that have
material of their own, newest first, in the site's own order.

Atom requires an ``<updated>`` on the feed and on every entry, and the content
gives dates only for some products. To keep two builds of the same content
byte-identical, no value comes from the clock: an entry's ``<updated>`` is the
day its text last changed (from the repository's history), else its own date,
else the build's ``SOURCE_DATE_EPOCH`` (CI sets it to the last commit's time),
else ``FALLBACK_UPDATED``. The feed's ``<updated>`` is the newest of its
entries'. The feed is built as an ElementTree and written by ``_serialise``, which escapes every value.
"""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .fields import parse_partial_date
from .model import Entry, Site
from .schema import DERIVED_KIND, Field, shown_in
from .settings import DEFAULT_LANGUAGE
from .urls import entry_path

FEED_FILE = "feed.xml"
FEED_SIZE = 20  # the newest products; the catalogue (exports.py) holds them all
ATOM = "http://www.w3.org/2005/Atom"
_QUOTES = {'"': "&quot;"}
# When nothing else gives a date: the project's launch, September 2021 (project brief).
# Fixed, so an undated build without SOURCE_DATE_EPOCH still repeats byte for byte.
FALLBACK_UPDATED = "2021-09-01T00:00:00Z"


def feed_path(lang: str) -> str:
    """Site-relative address of ``lang``'s feed: ``feed.xml``, ``ru/feed.xml``."""
    return FEED_FILE if lang == DEFAULT_LANGUAGE else f"{lang}/{FEED_FILE}"


def feed_title(site: Site, lang: str, site_name: str) -> str:
    """"<site name>: Latest additions", in ``lang`` (the words come from data/ui.yml)."""
    latest = site.ui.get(lang, {}).get("latest", "")
    return f"{site_name}: {latest}" if latest else site_name


def _timestamp(value: str | int | None) -> str | None:
    """A content date (YYYY, YYYY-MM, YYYY-MM-DD) as an RFC 3339 time at the start of that period."""
    parts = parse_partial_date(value) if value else None
    if not parts:
        return None
    year, month, day = (list(parts) + [1, 1])[:3]
    return f"{year:04d}-{month:02d}-{day:02d}T00:00:00Z"


def build_time() -> str:
    """SOURCE_DATE_EPOCH as an RFC 3339 time, or the fixed fallback: never the clock."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if value.isdigit():
        return dt.datetime.fromtimestamp(int(value), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return FALLBACK_UPDATED


def entries(site: Site, lang: str) -> list[Entry]:
    """The newest products written in ``lang`` that have material of their own.

    A product whose page only describes it (``Entry.has_material`` is false) is
    not announced: it enters the feed when its materials are added.
    """
    return [e for e in site.products() if lang in e.versions and e.has_material][:FEED_SIZE]


def _updated(entry: Entry, lang: str, last_updated: dict[str, str]) -> str:
    changed = last_updated.get(entry.versions[lang].docs_path)
    return (_timestamp(changed) or _timestamp(entry.product.date) or build_time())


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def render(site: Site, lang: str, site_name: str, base_url: str,
           last_updated: dict[str, str] | None = None) -> bytes:
    """The Atom feed of ``lang`` (UTF-8 bytes)."""
    last_updated = last_updated or {}
    items = entries(site, lang)
    stamps = [_updated(e, lang, last_updated) for e in items]
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    _add(feed, "id", base_url + feed_path(lang))
    _add(feed, "title", feed_title(site, lang, site_name), type="text")
    _add(feed, "updated", max(stamps) if stamps else build_time())
    _add(feed, "link", rel="self", type="application/atom+xml", href=base_url + feed_path(lang))
    _add(feed, "link", rel="alternate", type="text/html", href=base_url + entry_path("index", lang))
    # The feed is the site's own: its author is the site, named as the site names itself.
    _add(_add(feed, "author"), "name", site_name)
    for entry, stamp in zip(items, stamps):
        _entry(_add(feed, "entry"), site, entry, lang, base_url, stamp)
    lines = ['<?xml version="1.0" encoding="utf-8"?>']
    _serialise(feed, 0, lines)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _serialise(element: ET.Element, depth: int, lines: list[str]) -> None:
    """Indented XML in which every text and attribute value is escaped, quotes included.

    ElementTree leaves quotes in text as they are (valid XML, but a feed should
    not carry attribute-like markup from a hostile title even as text); this
    escapes ``&``, ``<``, ``>`` and ``"`` everywhere, in document order.
    """
    attributes = "".join(f" {name}={quoteattr(value)}" for name, value in element.attrib.items())
    pad = "  " * depth
    children = list(element)
    if children:
        lines.append(f"{pad}<{element.tag}{attributes}>")
        for child in children:
            _serialise(child, depth + 1, lines)
        lines.append(f"{pad}</{element.tag}>")
    elif element.text is not None:
        lines.append(f"{pad}<{element.tag}{attributes}>{escape(element.text, _QUOTES)}</{element.tag}>")
    else:
        lines.append(f"{pad}<{element.tag}{attributes}/>")


def _entry(element: ET.Element, site: Site, entry: Entry, lang: str, base_url: str, stamp: str) -> None:
    """One product's entry: its address and title, then the fields whose declarations give a ``feed``
    (schema.py), in their order, each value as its element."""
    url = base_url + entry_path(entry.key, lang)
    document = entry.versions[lang]
    _add(element, "id", url)
    _add(element, "title", str(document.meta.get("title", "")), type="text")
    _add(element, "link", rel="alternate", type="text/html", href=url)
    for path, spec in shown_in("feed", entry.kind):
        assert spec.feed
        if spec.kind == DERIVED_KIND and spec.name == "last_updated":  # else its date, else the build's (_updated)
            values: list[Any] = [stamp]
        else:
            value = document.meta.get(spec.name) if spec.translatable else entry.value(path)
            values = list(value) if isinstance(value, (tuple, list)) else [] if value in (None, "") else [value]
        for value in values:
            _element(element, spec.feed.element, spec, value, site, lang)


def _element(parent: ET.Element, name: str, spec: Field, value: Any, site: Site, lang: str) -> None:
    """One value as an Atom element: a date as a time, a person as an author, a term as a category
    (the id as term, the label in ``lang``), anything else as text."""
    if spec.kind in ("date", "day"):
        value = _timestamp(value)
        if value is None:
            return
    if name in ("author", "contributor"):  # Atom's person constructs
        _add(_add(parent, name), "name", str(value))
    elif name == "category" and spec.vocabulary:
        term = site.taxonomies[spec.vocabulary].get(value)
        _add(parent, "category", term=value, label=term.label.get(lang, value) if term else value)
    elif name == "summary":
        _add(parent, "summary", str(value), type="text")
    else:
        _add(parent, name, str(value))
