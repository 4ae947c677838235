"""The MkDocs side of the hub: adapts the content core to MkDocs events, nothing more.

Each event guards, then hands off to ``hub``: the core loads and checks the
content, decides what every page shows; this module only passes that to MkDocs
and Material, and stops the build when the core (or the last HTML guard) says so.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hubcore.active_html import find_active_html  # noqa: E402
from hubcore.loader import load_site  # noqa: E402
from hubcore.model import Site  # noqa: E402
from hubcore.views import page_view  # noqa: E402

_state: dict[str, Any] = {}


def _site() -> Site:
    return _state["site"]


def on_config(config):
    """Load and check all content before MkDocs touches anything; stop on any problem.

    Runs once per language build (static-i18n rebuilds); loading is cheap and
    each build then sees the files as they are now (``mkdocs serve`` included).
    """
    import pathspec

    site, problems = load_site(ROOT)
    if problems:
        raise PluginError("content problems:\n" + "\n".join(str(p) for p in problems))
    _state["site"] = site
    drafts = [f"/{d.docs_path}" for e in site.entries.values() if e.draft for d in e.versions.values()]
    if drafts:
        config["draft_docs"] = pathspec.GitIgnoreSpec.from_lines(drafts)
    return config


def _language(config) -> str:
    return config["theme"]["language"]


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Replace MkDocs' own reading of the front matter by the checked, escaped one.

    Material prints ``page.meta`` values raw; giving it only escaped Markup makes
    every value inert wherever a template prints it.
    """
    entry = _site().entry_for_path(page.file.src_uri)
    if entry is None:
        raise PluginError(f"docs/{page.file.src_uri}: not part of the checked content")
    lang = _language(config)
    page.meta = {
        "title": Markup(escape(entry.text("title", lang))),
        "description": Markup(escape(entry.text("summary", lang))),
    }
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    """Last guard: the HTML really produced must hold nothing active."""
    allowed = frozenset(_site().settings.get("embed_allowed_hosts") or ())
    found = find_active_html(html, allowed)
    if found:
        raise PluginError("\n".join(f"docs/{page.file.src_uri}: body: {message} (in the built HTML)"
                                    for _, message in found))
    return html


def on_page_context(context, page, config, nav):
    entry = _site().entry_for_path(page.file.src_uri)
    context["hub"] = page_view(_site(), entry, _language(config))
    return context
