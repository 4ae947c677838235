"""Resolve the links and images of a page against the files under docs/.

A link to a page is written to the English file name (``about.md``); the build
serves the reader's language version, so the link is good if any language
version exists. A link naming a translation's file (``about.ru.md``) is refused:
the engine does not rewrite it, and it would lead nowhere. Anchors are looked up
in the version a reader of the linking page's language will get.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from .settings import DEFAULT_LANGUAGE, LANGUAGES



@dataclass(frozen=True)
class DocsTree:
    """What exists under docs/: every file, and every page's anchors by docs path."""

    files: frozenset[str]
    anchors: dict[str, set[str]]

    def page_variants(self, md_path: str) -> list[str]:
        """Existing language versions of ``x.md``."""
        stem = md_path[: -len(".md")]
        names = [f"{stem}.md"] + [f"{stem}.{l}.md" for l in LANGUAGES if l != DEFAULT_LANGUAGE]
        return [n for n in names if n in self.files]

    def version_for(self, variants: list[str], lang: str) -> str:
        wanted = variants[0][: -len(".md")] if lang == DEFAULT_LANGUAGE else None
        for name in variants:
            if (lang == DEFAULT_LANGUAGE and name == f"{wanted}.md") or name.endswith(f".{lang}.md"):
                return name
        return variants[0]


@dataclass(frozen=True)
class Resolution:
    """Where a link leads: ``target`` (docs-relative) when it is on this site, or why it is broken."""

    target: str | None = None
    reason: str | None = None


def translation_named(md_path: str) -> str | None:
    """The language whose file ``x.<lang>.md`` names, or None for a page's own name ``x.md``."""
    return next((l for l in LANGUAGES if l != DEFAULT_LANGUAGE and md_path.endswith(f".{l}.md")), None)


def resolve(url: str, from_path: str, lang: str, tree: DocsTree) -> Resolution:
    """Resolve ``url`` written in ``from_path`` (docs-relative); addresses elsewhere have no target."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        return Resolution()  # another site (what schemes may be used is html_policy's rule)
    if url.startswith("/"):
        return Resolution(reason=f"absolute link '{url}': link to the .md file with a relative path")
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if not path:
        target = from_path
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), path))
        if joined == ".." or joined.startswith("../"):
            return Resolution(reason=f"'{url}' points outside docs/")
        if path.endswith("/") or (joined + "/index.md") in tree.files and not joined.endswith(".md"):
            joined = posixpath.join(joined, "index.md")
        if not joined.endswith(".md"):
            if joined not in tree.files:
                return Resolution(reason=f"'{url}': no such file under docs/")
            return Resolution(joined)
        language = translation_named(joined)
        variants = tree.page_variants(joined.removesuffix(f".{language}.md") + ".md" if language else joined)
        if not variants:
            return Resolution(reason=f"'{url}': no such page ({joined} does not exist)")
        if language:
            # The engine publishes x.ru.md at x's address in Russian; a link naming it is left as
            # written, and leads nowhere.
            written = urlunsplit(parts._replace(path=parts.path.removesuffix(f".{language}.md") + ".md"))
            return Resolution(reason=f"'{url}' names the file of a translation: link to '{written}', and "
                                     "each reader gets the page in their language")
        target = tree.version_for(variants, lang)
    if anchor and anchor not in tree.anchors.get(target, set()):
        return Resolution(target, f"'{url}': no heading or id '#{anchor}' in {target}")
    return Resolution(target)

