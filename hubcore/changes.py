"""Which pages a change to the repository adds, alters or removes, in each language.

Reviewers of a pull request see content, not files: the pull-request workflow
prints this list so that they can open exactly the pages that changed in the
preview. A change to a content file touches its entry's page in every language
(a translation shows the original's metadata; a fallback shows the original's
text); a change under data/ can touch every page and is said so.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Site
from .settings import DATA_DIR, DOCS_DIR, LANGUAGES, language_of
from .urls import entry_path


@dataclass(frozen=True)
class PageChange:
    lang: str
    state: str  # "added", "altered" or "removed"
    url: str  # site-relative
    file: str


def affected(site: Site, changed: list[tuple[str, str]]) -> tuple[list[PageChange], list[str]]:
    """Page changes from ``git diff --name-status`` rows (status letter, path); plus data files changed."""
    pages: dict[tuple[str, str], PageChange] = {}
    data_files: list[str] = []
    for status, path in changed:
        if path.startswith(DATA_DIR + "/"):
            data_files.append(path)
            continue
        if not (path.startswith(DOCS_DIR + "/") and path.endswith(".md")):
            continue
        docs_path = path[len(DOCS_DIR) + 1:]
        key, file_lang = language_of(docs_path)
        entry = site.entries.get(key)
        is_original = entry is not None and entry.original.docs_path == docs_path
        # An original feeds every language's page (translations take its metadata,
        # fallbacks its text); a translation only its own language's page.
        for lang in LANGUAGES if entry is None or is_original else (file_lang,):
            if entry is None:
                state = "removed"
            elif status.startswith("A"):
                state = "added"
            else:
                state = "altered"
            url = entry_path(key, lang)
            previous = pages.get((lang, url))
            if previous is None or (previous.state == "altered" and state == "added"):
                pages[(lang, url)] = PageChange(lang, state, url, path)
    return sorted(pages.values(), key=lambda c: (LANGUAGES.index(c.lang), c.url)), sorted(data_files)


def markdown(changes: list[PageChange], data_files: list[str], site_url: str) -> str:
    """A summary for the pull request (GitHub renders it on the workflow run page)."""
    lines = ["### Pages this change adds, alters or removes", ""]
    if not changes and not data_files:
        lines.append("No page changes.")
    for lang in LANGUAGES:
        own = [c for c in changes if c.lang == lang]
        if own:
            lines.append(f"**{lang}**")
            lines += [f"- {c.state}: [{site_url}{c.url}]({site_url}{c.url}) (`{c.file}`)" for c in own]
            lines.append("")
    if data_files:
        lines.append("Shared data changed, which may alter any page: "
                     + ", ".join(f"`{f}`" for f in data_files))
    return "\n".join(lines) + "\n"
