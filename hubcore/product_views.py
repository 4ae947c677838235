"""A product as listings show it, and as its own page's header, downloads and card show it, in one language.

The header's and the card's rows are the fields whose declarations (schema.py)
give a ``header`` or a ``card``, so no field is said twice on the page: the
header says first what a reader looks for (type, when, where, countries), the
card the rest. Labels come from the vocabularies in the reader's language; term
values link to their term pages; sizes and dates are written the reader's way.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

from babel.units import format_unit

from .dates import format_day_range, format_partial_date
from .file_formats import BY_EXTENSION
from .generated import has_pages, term_key
from .language_views import language_names
from .model import Entry, Site
from .product import Attachment
from .schema import DERIVED_KIND, Field, Row, shown_in
from .settings import LANGUAGES
from .site_info import SiteInfo
from .urls import entry_path


def label(site: Site, vocabulary: str, term_id: str, lang: str) -> str:
    term = site.taxonomies[vocabulary].get(term_id)
    return term.label.get(lang, term_id) if term else term_id


def term_link(site: Site, vocabulary: str, term_id: str, lang: str) -> dict[str, Any]:
    return {"id": term_id, "label": label(site, vocabulary, term_id, lang),
            "url": entry_path(term_key(vocabulary, term_id, site), lang)}


def year_of(entry: Entry) -> str:
    date = entry.product.date
    return date[:4] if date else ""


@dataclass(frozen=True)
class Derived:
    """A facet that is not a vocabulary: a product's values, and what the library offers."""

    values: Callable[[Entry], list[str]]
    # (site, every value the listed products have, reader's language) -> (value, label), in order
    choices: Callable[[Site, set[str], str], list[tuple[str, str]]]


def _menu_item(name: str) -> str:
    """``name`` as the item of a menu or list of options: its first letter capitalised ("Русский")."""
    return name[:1].upper() + name[1:]


# The derived facets data/taxonomies.yml may declare (facets: ... derived; roles.DERIVED names them).
DERIVED: dict[str, Derived] = {
    "year": Derived(lambda entry: [year_of(entry)] if year_of(entry) else [],
                    lambda site, seen, lang: [(y, y) for y in sorted(seen, reverse=True)]),  # newest first
    "languages": Derived(lambda entry: list(entry.languages),
                         # a filter's options are items of a menu: capitalised, as Russian writes them there
                         lambda site, seen, lang: [(l, _menu_item(language_names(site, lang)[l]))
                                                   for l in LANGUAGES]),
}


def facet_values(site: Site, entry: Entry) -> dict[str, list[str]]:
    """The values of every facet the library declares, by facet name, for one product."""
    roles = site.taxonomies.roles
    return {facet.name: (roles[facet.vocabulary].terms_of(entry.kind, entry.neutral) if facet.vocabulary
                         else DERIVED[facet.derived].values(entry))
            for facet in roles.facets}


def item(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """One product as listings show it, with the values the catalogue's facets filter on."""
    product = entry.product
    return {
        "key": entry.key,
        "title": entry.text("title", lang),
        "summary": entry.text("summary", lang),
        "url": entry_path(entry.key, lang),
        "type": label(site, "types", entry.kind, lang),
        "date": format_partial_date(product.date, lang),
        "date_iso": product.date or "",  # YYYY, YYYY-MM or YYYY-MM-DD: a valid <time datetime>
        "countries": labels(site, "countries", product.countries, lang),
        "topics": labels(site, "topics", product.topics, lang),
        "facets": facet_values(site, entry),
        "languages": entry.languages,
        "in_language": lang in entry.versions,
        "original_language": entry.original.lang,
        "materials_to_come": not entry.has_material,  # the card says so, as the page does
    }


def labels(site: Site, vocabulary: str, ids: Iterable[str] | None, lang: str) -> list[str]:
    return [label(site, vocabulary, i, lang) for i in ids or []]


def _rows(site: Site, entry: Entry, output: str, lang: str) -> list[dict[str, Any]]:
    """A row per field whose declaration gives ``output`` (header or card), in their order; absent
    fields stay absent, terms link to their pages."""
    rows = []
    for path, spec in shown_in(output, entry.kind):
        row: Row = getattr(spec, output)
        values = row_values(site, entry, path, spec, row, lang)
        if values:
            rows.append({"name": row.word, "values": values, "separator": row.separator, "badge": row.badge})
    return rows


def header(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """The product page's header, under its title: its type as a badge, then when, where and which
    countries (the fields declared with a ``header``)."""
    return {"rows": _rows(site, entry, "header", lang)}


def card(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """The metadata card of a product: a row per field whose declaration has a ``card`` (schema.py), in
    their order; what the header shows is not repeated here."""
    return {"rows": _rows(site, entry, "card", lang)}


def downloads(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """What the page offers to download: its attachments, each with its format and size; a product
    with no material of its own (Entry.has_material) says plainly that its materials are to come.
    The page's own PDF, when the build makes one, is added by the engine (engine/pdf.py).
    Attachments' titles are written once, in the original: on a page in another language they say
    which language they are in (``title_lang``)."""
    title_lang = entry.original.lang if entry.original.lang != lang else None
    return {"files": [{**_attachment(site, entry, a, lang), "title_lang": title_lang}
                      for a in entry.product.attachments],
            "materials_to_come": not entry.has_material}


def row_values(site: Site, entry: Entry, path: str, spec: Field, row: Row, lang: str) -> list[dict[str, Any]]:
    """The values of one field as a row shows them in ``lang`` (header, card, PDF cover): each with its
    label and, where the row links, its address; none when the product does not give the field.

    A text written in another language than the reader's (a translation that does not give the
    event's place) says which (``lang``); a date that starts a range (``until``) shows the range.
    """
    if spec.kind == DERIVED_KIND and spec.name == "languages":  # the product's page in each of its languages
        names = language_names(site, lang)
        return [{"label": names[l], "url": entry_path(entry.key, l), "lang": l} for l in entry.languages]
    value = entry.value(path, lang)
    values = value if isinstance(value, (tuple, list)) else () if value is None else (value,)
    if spec.kind in ("date", "day"):
        last = entry.value(row.until) if row.until else None
        return [{"label": format_day_range(v, last, lang) if last else format_partial_date(v, lang),
                 "datetime": v, "until": last} for v in values]
    if spec.vocabulary:
        return [_term(site, spec.vocabulary, t, lang, row.link) for t in values]
    written_in = entry.texts_language(path, lang) if spec.translatable else lang
    return [{"label": str(v), **({"lang": written_in} if written_in != lang else {})} for v in values]


def _term(site: Site, vocabulary: str, term_id: str, lang: str, link: bool) -> dict[str, Any]:
    """A term's label; where the row links, to its page if its vocabulary has pages (roles in
    data/taxonomies.yml), else to the address its entry gives (a licence's), if any."""
    if link and has_pages(site, vocabulary):
        return term_link(site, vocabulary, term_id, lang)
    found: dict[str, Any] = {"label": label(site, vocabulary, term_id, lang)}
    term = site.taxonomies[vocabulary].get(term_id) if link else None
    if term is not None and term.extra.get("url"):
        found["url"] = term.extra["url"]
    return found


def _attachment(site: Site, entry: Entry, attachment: Attachment, lang: str) -> dict[str, Any]:
    """A download with its format (from the file name: its name for readers, "PowerPoint") and, for
    files in the repository, its size; an address elsewhere names its host instead."""
    href = attachment.url or attachment.file or ""
    parts = urlsplit(href)
    name = parts.path.rsplit("/", 1)[-1]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    file_format = BY_EXTENSION[extension].label if extension in BY_EXTENSION else extension.upper()
    size = ""
    if attachment.file is not None:  # published at its place under docs/, for every language
        href = posixpath.normpath(posixpath.join(posixpath.dirname(entry.original.docs_path), href))
        size = format_size(site.files[href], lang) if href in site.files else ""
    return {"title": attachment.title or "", "href": href, "external": attachment.url is not None,
            "host": (parts.hostname or "") if attachment.url is not None else "", "format": file_format,
            "size": size}


def format_size(size: int, lang: str) -> str:
    """Bytes as readers read them: "12.3 kB" / "12,3 кБ", "1.5 MB" / "1,5 МБ"."""
    if size >= 1_000_000:
        return format_unit(round(size / 1_000_000, 1), "digital-megabyte", length="short", locale=lang)
    return format_unit(max(round(size / 1_000, 1), 0.1), "digital-kilobyte", length="short", locale=lang)


def cite(site: Site, entry: Entry, lang: str, info: SiteInfo) -> dict[str, str]:
    """A citation with the permanent URL; parts the content does not give are left out."""
    authors = entry.product.authors
    year = year_of(entry)
    url = info.url + entry_path(entry.key, lang)
    parts = [", ".join(authors)] if authors else []
    parts.append(entry.text("title", lang))
    parts.append(f"{info.name}{', ' + year if year else ''}")
    parts.append(url)
    return {"text": ". ".join(p.rstrip(".") for p in parts if p), "url": url}
