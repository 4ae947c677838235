"""Which language a page is in, which others it has, and where its source file is.

The language switcher, hreflang and canonical addresses, the notice on a fallback
or stale translation, and the edit and correction links with the last-updated date.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from .dates import format_partial_date
from .model import Entry, Site
from .settings import DEFAULT_LANGUAGE, LANGUAGES
from .site_info import SiteInfo
from . import translations
from .urls import entry_path


def language_names(site: Site, lang: str) -> dict[str, str]:
    """Each site language's name in ``lang`` (for lists); see own_names for the switcher."""
    return {l: site.ui.get(lang, {}).get("language_names", {}).get(l, l) for l in LANGUAGES}


def own_names(site: Site) -> dict[str, str]:
    """Each language's name in itself as a menu of languages writes it ("English", "Русский").

    Not the name inside a sentence: Russian writes language names in lower case
    there ("на русском"), but capitalises the item of a menu.
    """
    return {l: site.ui.get(l, {}).get("language_in_menu") or language_names(site, l)[l] for l in LANGUAGES}


def languages_view(site: Site, key: str, lang: str, info: SiteInfo,
                   written_in: list[str], original_lang: str) -> dict[str, Any]:
    """The language switcher, hreflang alternates and canonical address of a page.

    The switcher offers every language (each has the page, if only as a fallback);
    hreflang lists only the languages the page is really written in, with
    x-default on the default language's version (or the original's); a fallback
    page is canonical to its original, so search engines index the original only.
    """
    names = own_names(site)
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


def notice(site: Site, entry: Entry, lang: str) -> dict[str, Any] | None:
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
