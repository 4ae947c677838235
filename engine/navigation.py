"""The navigation's names, in the language of the pass: what the sidebar, the drawer and the tabs show.

MkDocs names a page in the navigation by its title and a group by the name
written in mkdocs.yml, in one language for every pass. Two things go wrong
with that on this site:

- the home page's title is the site's name, and Material already prints the
  site's name at the top of the navigation (``partials/nav.html``: its title,
  from ``site_name``, which static-i18n sets per language): the sidebar and the
  drawer said it twice. The home page's entry is named ``nav_home`` in
  data/ui.yml instead;
- a group's name in mkdocs.yml would be English on every language's pages. A
  group is named by its first page's title, in the page's language, from the
  checked content (a group's tab leads to its first page: Material's
  ``tabs-item.html``).

Names are escaped Markup: Material prints navigation titles raw.
"""

from __future__ import annotations

from typing import Any, Callable

from markupsafe import Markup, escape


def name_entries(items: list[Any], name_of: Callable[[str], str | None]) -> None:
    """Name every entry of ``items`` (MkDocs' navigation items), in place.

    ``name_of`` gives a staged page's name (docs-relative path) in the pass's
    language, or None for a page the content does not know.
    """
    for item in items:
        if item.is_page:
            name = name_of(item.file.src_uri)
            if name:
                item.title = Markup(escape(name))
        elif item.is_section:
            name_entries(item.children, name_of)
            first = next((child for child in item.children if child.is_page), None)
            if first is not None and first.title:
                item.title = first.title
