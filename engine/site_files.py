"""The files a build writes besides its pages, as path -> bytes, made from the content model.

Per language: the search index (reduced to that language, see search_index.py)
and the Atom feed. Once for the whole site: the sitemap (at every language's
root, where Material looks for it), the front-matter JSON Schemas and the
catalogue as open data. The site engine only writes what this returns.
"""

from __future__ import annotations

from typing import Any

from hubcore import exports, feeds, json_schema, sitemap
from hubcore.model import Site
from hubcore.settings import LANGUAGES
from hubcore.site_info import SiteInfo
from hubcore.urls import language_prefix

from . import search_index


def language_files(site: Site, lang: str, info: SiteInfo, site_name: str,
                   engine_index: dict[str, Any] | None) -> dict[str, bytes]:
    """What one language's build adds: its own search index and its feed."""
    files = {feeds.feed_path(lang): feeds.render(site, lang, site_name, info.url, info.updated)}
    if engine_index is not None:
        files[f"{language_prefix(lang)}search/search_index.json"] = search_index.dumps(
            search_index.localise(engine_index, site, lang))
    return files


def site_files(site: Site, info: SiteInfo, names: dict[str, str], descriptions: dict[str, str]) -> dict[str, bytes]:
    """What the whole site needs once: sitemaps, schemas, open data."""
    document = sitemap.render(site, info)
    files = {f"{language_prefix(lang)}sitemap.xml": document for lang in LANGUAGES}
    for name, schema in json_schema.all_schemas(site.taxonomies, site.field_help, info.url).items():
        files[f"schemas/{name}"] = json_schema.dumps(schema)
    files.update(exports.outputs(site, info.url, names, descriptions, info.updated))
    return files
