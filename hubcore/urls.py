"""Where each entry is published, per language: the site's URL scheme, defined once.

Mirrors MkDocs' directory URLs and static-i18n's language folders (English at
``/``, others under ``/<lang>/``). Listings, exports and feeds all take URLs from
here; a build test checks that every URL made here exists in the built site.
"""

from __future__ import annotations

from .settings import DEFAULT_LANGUAGE


def language_prefix(lang: str) -> str:
    """A language's folder in the site: "" for the default language, "ru/" for Russian."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def entry_path(key: str, lang: str) -> str:
    """Site-relative URL of ``key`` in ``lang``: ``ru/workshops/x/``, ``about/``, ``""`` for home."""
    if key == "index":
        path = ""
    elif key.endswith("/index"):
        path = key[: -len("index")]
    else:
        path = key + "/"
    return language_prefix(lang) + path
