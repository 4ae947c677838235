"""The sitemap: every page in every language it is written in, with hreflang alternates.

Fallback pages (a product shown in its original language on the other site) are
left out: their canonical address is the original's. Addresses are absolute;
there are no dates, so two builds of the same content give the same file.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr, escape

from .generated import term_pages
from .settings import LANGUAGES
from .model import Site
from .language_views import languages_view
from .site_info import SiteInfo


def _pages(site: Site) -> list[tuple[str, list[str], str]]:
    """(key, languages written in, original language) for every published page."""
    pages = [(e.key, e.languages, e.original.lang) for e in site.entries.values() if not e.draft]
    pages += [(key, list(LANGUAGES), LANGUAGES[0]) for key in term_pages(site)]
    return sorted(pages)


def render(site: Site, info: SiteInfo) -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for key, written_in, original in _pages(site):
        for lang in written_in:
            view = languages_view(site, key, lang, info, written_in, original)
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(view['canonical'])}</loc>")
            for alt in view["hreflang"]:
                lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(alt["lang"])} '
                             f'href={quoteattr(alt["url"])}/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")
