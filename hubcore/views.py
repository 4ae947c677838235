"""What each page shows, per language, as plain data for the templates.

The templates only lay out these values (escaping every one); which items a
listing holds, how results are counted, which products are related and how
labels are chosen is decided here, where it can be tested without a site engine.
URLs are site-relative (``ru/topics/open-data/``); templates make them relative
to the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import datetime as dt
import posixpath
from typing import Any
from urllib.parse import quote, urlsplit

from babel.units import format_unit

from .dates import format_partial_date
from .generated import TERM_FIELDS, TermPage, products_with, term_key, term_pages
from .model import Entry, Site
from .plurals import plural
from .related import related
from .results import result_rows
from .schema import PAGE, Field, fields_for
from .settings import DEFAULT_LANGUAGE, LANGUAGES, language_of
from . import reviews, translations
from . import exports, structured_data
from .history import build_date
from .urls import entry_path

LATEST_ON_HOME = 6
LIBRARY_KEY = "library"
TRANSLATIONS_KEY = "translations"
CONTRIBUTING_KEY = "contributing"
# Pages that show other pages' text, not just their front matter (the translation
# status compares bodies): a page cache keyed by front matter cannot hold them.
SITE_WIDE_TEXT_PAGES = frozenset({TRANSLATIONS_KEY})


@dataclass(frozen=True)
class SiteInfo:
    """What the content alone does not say: the site's name in this language, its address,
    where its sources live (for edit links) and when each file last changed (from Git)."""

    name: str
    url: str  # absolute, ending with "/"
    repository: str = ""  # e.g. https://github.com/owner/repo; no edit links without it
    branch: str = "main"
    updated: dict[str, str] = field(default_factory=dict)  # docs-relative path -> ISO date


def _language_names(site: Site, lang: str) -> dict[str, str]:
    """Each site language's name in ``lang`` (for lists); see _own_names for the switcher."""
    return {l: site.ui.get(lang, {}).get("language_names", {}).get(l, l) for l in LANGUAGES}


def _own_names(site: Site) -> dict[str, str]:
    """Each language's name in itself, as a language switcher shows them."""
    return {l: _language_names(site, l)[l] for l in LANGUAGES}


def _label(site: Site, vocabulary: str, term_id: str, lang: str) -> str:
    term = site.taxonomies[vocabulary].get(term_id)
    return term.label.get(lang, term_id) if term else term_id


def _term_link(site: Site, vocabulary: str, term_id: str, lang: str) -> dict[str, Any]:
    return {"id": term_id, "label": _label(site, vocabulary, term_id, lang),
            "url": entry_path(term_key(vocabulary, term_id, site), lang)}


def _year(entry: Entry) -> str:
    date = entry.neutral.get("date")
    return str(date)[:4] if date else ""


def item(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """One product as listings show it, with the ids the catalogue's facets filter on."""
    neutral = entry.neutral
    event = neutral.get("event") or {}
    return {
        "key": entry.key,
        "title": entry.text("title", lang),
        "summary": entry.text("summary", lang),
        "url": entry_path(entry.key, lang),
        "type": _label(site, "types", entry.kind, lang),
        "type_id": entry.kind,
        "date": format_partial_date(neutral.get("date"), lang),
        "year": _year(entry),
        "countries": _labels(site, "countries", neutral.get("countries"), lang),
        "country_ids": list(neutral.get("countries") or []),
        "topics": _labels(site, "topics", neutral.get("topics"), lang),
        "topic_ids": list(neutral.get("topics") or []),
        "format_id": event.get("format") or "",
        "languages": entry.languages,
        "in_language": lang in entry.versions,
        "original_language": entry.original.lang,
    }


def _labels(site: Site, vocabulary: str, ids: list[str] | None, lang: str) -> list[str]:
    return [_label(site, vocabulary, i, lang) for i in ids or []]


def card(site: Site, entry: Entry, lang: str) -> dict[str, Any]:
    """The metadata card of a product; absent fields stay absent, terms link to their pages."""
    neutral = entry.neutral
    event = neutral.get("event") or {}
    rows: list[dict[str, Any]] = []

    def add(name: str, values: list[dict[str, Any]]) -> None:
        if values:  # long names (topics, organisations) may hold commas: list them with semicolons
            rows.append({"name": name, "values": values,
                         "separator": "; " if name in ("topics", "partners") else ", "})

    add("type", [_term_link(site, "types", entry.kind, lang)])
    date = format_partial_date(neutral.get("date"), lang)
    add("date", [{"label": date}] if date else [])
    for vocabulary in TERM_FIELDS:
        add(vocabulary, [_term_link(site, vocabulary, t, lang) for t in neutral.get(TERM_FIELDS[vocabulary]) or []])
    add("partners", [{"label": _label(site, "partners", p, lang)} for p in neutral.get("partners") or []])
    add("authors", [{"label": a} for a in neutral.get("authors") or []])
    if event.get("kind"):
        add("event_kind", [{"label": _label(site, "event_kinds", event["kind"], lang)}])
    if event.get("format"):
        add("format", [{"label": _label(site, "formats", event["format"], lang)}])
    add("location", [{"label": event["location"]}] if event.get("location") else [])
    if event.get("participants") is not None:
        add("participants", [{"label": str(event["participants"])}])
    if neutral.get("license"):
        licence = site.taxonomies["licenses"][neutral["license"]]
        add("license", [{"label": licence.label.get(lang, licence.id), "url": licence.extra.get("url")}])
    add("languages", [{"label": _language_names(site, lang)[l],
                       "url": entry_path(entry.key, l), "lang": l} for l in entry.languages])
    attachments = [_attachment(site, entry, a, lang)
                   for a in neutral.get("attachments") or [] if isinstance(a, dict)]
    return {"rows": rows, "attachments": attachments}


def _attachment(site: Site, entry: Entry, attachment: dict[str, Any], lang: str) -> dict[str, Any]:
    """A download with its format (from the file name) and, for files in the repository, its size."""
    href = attachment.get("url") or attachment.get("file", "")
    name = urlsplit(href).path.rsplit("/", 1)[-1]
    file_format = name.rsplit(".", 1)[-1].upper() if "." in name else ""
    size = ""
    if "file" in attachment:  # published at its place under docs/, for every language
        href = posixpath.normpath(posixpath.join(posixpath.dirname(entry.original.docs_path), href))
        size = format_size(site.files[href], lang) if href in site.files else ""
    return {"title": attachment.get("title", ""), "href": href, "external": "url" in attachment,
            "format": file_format, "size": size}


def format_size(size: int, lang: str) -> str:
    """Bytes as readers read them: "12.3 kB" / "12,3 кБ", "1.5 MB" / "1,5 МБ"."""
    if size >= 1_000_000:
        return format_unit(round(size / 1_000_000, 1), "digital-megabyte", length="short", locale=lang)
    return format_unit(max(round(size / 1_000, 1), 0.1), "digital-kilobyte", length="short", locale=lang)


def cite(site: Site, entry: Entry, lang: str, info: SiteInfo) -> dict[str, str]:
    """A citation with the permanent URL; parts the content does not give are left out."""
    authors = entry.neutral.get("authors") or []
    year = _year(entry)
    url = info.url + entry_path(entry.key, lang)
    parts = [", ".join(authors)] if authors else []
    parts.append(entry.text("title", lang))
    parts.append(f"{info.name}{', ' + year if year else ''}")
    parts.append(url)
    return {"text": ". ".join(p.rstrip(".") for p in parts if p), "url": url}


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


def _sections(site: Site, lang: str) -> list[dict[str, Any]]:
    return [{"label": t.plural.get(lang, t.id), "url": entry_path(term_key("types", t.id, site), lang),
             "count": len(products_with(site, "types", t.id))}
            for t in site.taxonomies.types.values()]


def _term_index(site: Site, vocabulary: str, lang: str) -> list[dict[str, Any]]:
    return [{**_term_link(site, vocabulary, term.id, lang), "role": term.extra.get("role"),
             "count": len(products_with(site, vocabulary, term.id))}
            for term in site.taxonomies[vocabulary].values()]


def _results(site: Site, lang: str) -> list[dict[str, Any]]:
    return [{"label": row.label.get(lang, ""), "count": row.count,
             "products": [item(site, e, lang) for e in row.entries]}
            for row in result_rows(site)]


def facets(site: Site, items: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The catalogue's facets: every value with its count and a link that works without script."""
    library = entry_path(LIBRARY_KEY, lang)

    def values(name: str, pairs: list[tuple[str, str, str]], ids_of) -> dict[str, Any]:
        counted = [{"id": i, "label": label, "url": url,
                    "count": sum(1 for it in items if i in ids_of(it))} for i, label, url in pairs]
        return {"name": name, "values": counted}

    ui = site.ui.get(lang, {})
    vocab_pairs = lambda v: [(t, _label(site, v, t, lang), entry_path(term_key(v, t, site), lang))
                             for t in site.taxonomies[v]]
    years = sorted({it["year"] for it in items if it["year"]}, reverse=True)
    return [
        values("type", vocab_pairs("types"), lambda it: [it["type_id"]]),
        values("country", vocab_pairs("countries"), lambda it: it["country_ids"]),
        values("topic", vocab_pairs("topics"), lambda it: it["topic_ids"]),
        values("year", [(y, y, f"{library}?year={y}") for y in years], lambda it: [it["year"]]),
        values("format", [(f, _label(site, "formats", f, lang), f"{library}?format={f}")
                          for f in site.taxonomies["formats"]], lambda it: [it["format_id"]]),
        values("language", [(l, _language_names(site, lang)[l], f"{library}?language={l}")
                            for l in LANGUAGES], lambda it: it["languages"]),
    ]


def languages_view(site: Site, key: str, lang: str, info: SiteInfo,
                   written_in: list[str], original_lang: str) -> dict[str, Any]:
    """The language switcher, hreflang alternates and canonical address of a page.

    The switcher offers every language (each has the page, if only as a fallback);
    hreflang lists only the languages the page is really written in, with
    x-default on the default language's version (or the original's); a fallback
    page is canonical to its original, so search engines index the original only.
    """
    names = _own_names(site)
    absolute = {l: info.url + entry_path(key, l) for l in LANGUAGES}
    default = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in written_in else original_lang
    own = lang in written_in
    return {
        "alternates": [{"lang": l, "name": names[l], "url": entry_path(key, l)} for l in LANGUAGES],
        "hreflang": [{"lang": l, "url": absolute[l]} for l in LANGUAGES if l in written_in]
                    + [{"lang": "x-default", "url": absolute[default]}],
        "canonical": absolute[lang] if own else absolute[original_lang],
        "content_lang": lang if own else original_lang,
    }


def _notice(site: Site, entry: Entry, lang: str) -> dict[str, Any] | None:
    """What a reader must be told about the language of the text: a fallback, or a stale translation."""
    original = {"lang": entry.original.lang, "url": entry_path(entry.key, entry.original.lang)}
    if lang not in entry.versions:
        return {"kind": "fallback", "original": original}
    state = translations.status(entry, lang)
    if state.state == "stale":
        return {"kind": "stale", "original": original, "changed": list(state.changed)}
    return None


def sources_view(site: Site, entry: Entry, lang: str, info: SiteInfo) -> dict[str, Any]:
    """Where a reader can fix or report the page, and when its text last changed.

    The file is the one the reader sees: their language's, or the original for
    a fallback page. Generated pages have no source file and get none of this.
    """
    document = entry.document(lang)
    file_path = f"docs/{document.docs_path}"
    date = info.updated.get(document.docs_path)
    view: dict[str, Any] = {"updated": format_partial_date(date, lang) if date else "",
                            "updated_iso": date or "", "source_path": file_path}
    if info.repository:
        repository = info.repository.rstrip("/")
        page_url = info.url + entry_path(entry.key, lang)
        view["edit_url"] = f"{repository}/edit/{info.branch}/{quote(file_path)}"
        view["report_url"] = (f"{repository}/issues/new?template=correction.yml"
                              f"&title={quote('Correction: ' + str(entry.text('title', lang)))}"
                              f"&page={quote(page_url, safe='')}&file={quote(file_path, safe='')}")
    return view


def page_view(site: Site, page: Entry | TermPage, lang: str, info: SiteInfo) -> dict[str, Any]:
    """Everything the templates show for ``page`` read in ``lang``."""
    view = _page_view(site, page, lang, info)
    if isinstance(page, TermPage):
        view.update(languages_view(site, page.key, lang, info, list(LANGUAGES), lang))
    else:
        view.update(languages_view(site, page.key, lang, info, page.languages, page.original.lang))
        view["notice"] = _notice(site, page, lang)
        view["sources"] = sources_view(site, page, lang, info)
    if "listing" in view:
        view["count_label"] = plural(view["ui"].get("items_count"), len(view["listing"]), lang)
    view["structured"] = structured_data.page_data(site, page, lang, info, view)
    return view


def not_found_view(site: Site, lang: str, info: SiteInfo) -> dict[str, Any]:
    """The 404 page of one language; its switcher leads to the other language's 404 page."""
    ui = site.ui.get(lang, {})
    names = _own_names(site)
    return {"key": "404", "lang": lang, "kind": "404", "ui": ui, "title": ui.get("not_found_title", ""),
            "summary": ui.get("not_found_text", ""), "is_product": False, "generated": True,
            "home_url": entry_path("index", lang), "library_url": entry_path(LIBRARY_KEY, lang),
            "alternates": [{"lang": l, "name": names[l],
                            "url": ("" if l == DEFAULT_LANGUAGE else f"{l}/") + "404.html"} for l in LANGUAGES],
            "hreflang": [], "canonical": "", "content_lang": lang, "notice": None}


def field_reference(site: Site, lang: str, info: SiteInfo) -> list[dict[str, Any]]:
    """The contributor guide's field reference, per type, from the declarations the validator uses."""
    kinds = [(t.id, t.label.get(lang, t.id)) for t in site.taxonomies.types.values()]
    kinds.append((PAGE, site.ui.get(lang, {}).get("other_pages", PAGE)))

    def describe(spec: Field) -> dict[str, Any]:
        allowed = ([{"id": t, "label": term.label.get(lang, t)}
                    for t, term in site.taxonomies[spec.vocabulary].items()] if spec.vocabulary else [])
        return {"name": spec.name, "required": spec.required, "help": spec.help.get(lang, ""),
                "example": spec.example, "translatable": spec.translatable, "allowed": allowed,
                "fields": [describe(sub) for sub in spec.fields]}

    return [{"kind": kind, "label": label, "schema_url": f"{info.url}schemas/{kind}.schema.json",
             "fields": [describe(spec) for spec in fields_for(kind)]} for kind, label in kinds]


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
        view["sections"] = _sections(site, lang)
        view["results"] = _results(site, lang)
        view["officials_engaged"] = site.project.get("officials_engaged")
        view["latest"] = [item(site, e, lang) for e in site.products()[:LATEST_ON_HOME]]
        view["topics"] = _term_index(site, "topics", lang)
        view["countries"] = _term_index(site, "countries", lang)
        view["library_url"] = entry_path(LIBRARY_KEY, lang)
    elif entry.key == "results":
        view["results"] = _results(site, lang)
        view["officials_engaged"] = site.project.get("officials_engaged")
    elif entry.key == exports.OPEN_DATA_KEY:
        view["open_data"] = exports.open_data_view(lang)
    elif entry.key in ("topics", "countries"):
        view["terms"] = _term_index(site, entry.key, lang)
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
