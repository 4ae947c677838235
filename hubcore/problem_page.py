"""The page the live preview shows instead of the site while the content cannot be built.

An author who saves a broken file sees, in the browser tab they are looking
at, every problem with its file, line and field, in the language of the page
they were reading where the interface words allow, and the tab comes back to
the site by itself after the next good save (the preview reloads it). Plain
HTML with its own small style and no script but the preview's reloader, so it
shows whatever state the site's own files are in.
"""

from __future__ import annotations

from html import escape
from typing import Any, Mapping

from .plurals import plural
from .problems import Problem

# Used only when data/ui.yml itself cannot be read: the words must not depend on the file being fixed.
FALLBACK_WORDS = {
    "preview_problems_title": "The content has problems",
    "preview_failed_title": "The site could not be built",
    "preview_problems_text": "Fix and save: this page shows the site again by itself after the next good save.",
    "preview_problems_count": {"one": "{n} problem", "other": "{n} problems"},
    "preview_failed_text": "The build stopped with this message (the terminal shows the whole output):",
}

STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
       color: #1a1a1a; background: #fff; }
h1 { color: #b00020; font-size: 1.6rem; }
ol { padding-left: 1.5rem; }
li { margin: .5rem 0; }
code, pre { font: 14px/1.4 ui-monospace, monospace; }
code { font-weight: 600; }
pre { white-space: pre-wrap; background: #f5f5f5; padding: 1rem; }
@media (prefers-color-scheme: dark) { body { color: #eee; background: #1e1e1e; } h1 { color: #ff6e6e; }
  pre { background: #2a2a2a; } }
"""


def words_for(ui: Mapping[str, Any] | None, lang: str) -> dict[str, Any]:
    """The page's words in ``lang``, each falling back to English text kept here."""
    own = (ui or {}).get(lang) or {}
    return {key: own.get(key) or default for key, default in FALLBACK_WORDS.items()}


def render(problems: list[Problem], failure: str | None, lang: str, ui: Mapping[str, Any] | None,
           reloader: str) -> str:
    """The whole HTML page: the located ``problems``, or the build's ``failure`` message when there are none.

    ``reloader`` is the preview's live-reload script element, placed as given.
    """
    words = words_for(ui, lang)
    if problems:
        title = words["preview_problems_title"]
        items = "\n".join(
            f"<li><code>{escape(p.path)}:{p.line}: {escape(p.field)}</code>: {escape(p.message)}</li>"
            for p in sorted(problems))
        body = (f"<p>{escape(plural(words['preview_problems_count'], len(problems), lang))}. "
                f"{escape(words['preview_problems_text'])}</p>\n<ol>\n{items}\n</ol>")
    else:
        title = words["preview_failed_title"]
        body = (f"<p>{escape(words['preview_failed_text'])}</p>\n<pre>{escape(failure or '')}</pre>\n"
                f"<p>{escape(words['preview_problems_text'])}</p>")
    return (f'<!doctype html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"<h1>{escape(title)}</h1>\n{body}\n{reloader}\n</body>\n</html>\n")
