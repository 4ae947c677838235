"""One search index per language, small and in the reader's language only.

The site engine's search plugin indexes every page it builds, fallbacks included,
and writes Cyrillic as ASCII escapes. Here each language's index keeps only the
pages written in that language, carries each product's type, countries and
topics in that language (so metadata is searchable), uses locations relative to
the language's own root, and is written as compact UTF-8.

Its configuration names every site language, the page's own first: pages quote
the other language too (a Russian page's English names, the English contributor
guide's Russian example), and the browser's search worker stems each word with
its own language's stemmer, in the pages and in the query alike
(overrides/assets/javascripts/workers/hub-search.js); naming Russian makes
Material load that stemmer into the worker.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from hubcore.generated import term_pages
from hubcore.model import Site
from hubcore.settings import DECLARED_LANGUAGES, LANGUAGES
from hubcore.urls import entry_path, language_prefix
from hubcore.product_views import item


def _pages(site: Site, lang: str) -> dict[str, tuple[bool, str]]:
    """Site-relative page URL -> (written in ``lang``?, metadata text to add)."""
    pages: dict[str, tuple[bool, str]] = {}
    for entry in site.entries.values():
        extra = ""
        if entry.is_product:
            it = item(site, entry, lang)
            # The theme inserts an entry's text as HTML: labels are data, so escape them.
            extra = escape(" · ".join([it["type"], *it["countries"], *it["topics"]]))
        pages[entry_path(entry.key, lang)] = (lang in entry.versions, extra)
    for key in term_pages(site):
        pages[entry_path(key, lang)] = (True, "")
    return pages


def localise(index: dict[str, Any], site: Site, lang: str) -> dict[str, Any]:
    """The index of one language build, reduced to that language's own pages."""
    prefix = language_prefix(lang)
    pages = _pages(site, lang)
    docs = []
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        path, _, anchor = location.partition("#")
        own, extra = pages.get(path, (True, ""))
        if not own:
            continue  # a fallback page: the reader searches their own language only
        entry = {"location": path[len(prefix):] if path.startswith(prefix) else path,
                 "title": doc.get("title", ""), "text": doc.get("text", "")}
        if anchor:
            entry["location"] += "#" + anchor
        elif extra:
            entry["text"] = f"{entry['text']} {extra}".strip()
        docs.append(entry)
    config = dict(index.get("config", {}))
    config["lang"] = search_languages(lang)
    return {"config": config, "docs": docs}


def search_languages(lang: str) -> list[str]:
    """The stemmers the search of ``lang`` loads: its own first, then the other languages' (a page
    quotes them too), each as declared in data/languages.yml, once."""
    search = {language.code: language.search for language in DECLARED_LANGUAGES}
    ordered = [search[lang], *(search[other] for other in LANGUAGES if other != lang)]
    return list(dict.fromkeys(ordered))


def dumps(index: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON (Cyrillic as itself, not as escapes)."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
