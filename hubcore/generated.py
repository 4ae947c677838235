"""Pages the hub generates from its data: one per term of a vocabulary with pages, one per type.

Which vocabularies get a page per term, and in which folder, is their role in
``data/taxonomies.yml`` (``pages``; roles.py): today topics and countries. Adding a
term there is the only step needed for its pages to appear, in every language. A
section without a hand-written ``index.md`` gets a generated one, so every type has
its page too.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Entry, Site
from .roles import TYPES
from .taxonomy import Taxonomies


@dataclass(frozen=True)
class TermPage:
    """A generated page listing the products filed under one term."""

    key: str  # e.g. "topics/open-data"
    vocabulary: str  # a vocabulary with pages, or "types" (a section's generated page)
    term_id: str

    def __repr__(self) -> str:
        return f"TermPage({self.key!r})"


def term_key(vocabulary: str, term_id: str, site: Site) -> str:
    """Where a term's page lives: its vocabulary's pages folder, or the section index for a type."""
    if vocabulary == TYPES:
        return f"{site.taxonomies.types[term_id].folder}/index"
    return f"{site.taxonomies.roles[vocabulary].pages}/{term_id}"


def has_pages(site: Site, vocabulary: str) -> bool:
    """Whether the terms of ``vocabulary`` have pages to link to."""
    return vocabulary == TYPES or bool(site.taxonomies.roles[vocabulary].pages)



def term_pages(site: Site) -> dict[str, TermPage]:
    """Every generated page by key (hand-written section intros are not generated)."""
    return _pages(site.taxonomies, set(site.entries))


def generated_keys(taxonomies: Taxonomies, written: set[str]) -> list[str]:
    """The keys of the pages the hub generates, given the keys of the written ones."""
    return list(_pages(taxonomies, written))


def _pages(taxonomies: Taxonomies, written: set[str]) -> dict[str, TermPage]:
    pages = {}
    for role in taxonomies.roles.with_pages():
        for term_id in taxonomies[role.vocabulary]:
            key = f"{role.pages}/{term_id}"
            pages[key] = TermPage(key, role.vocabulary, term_id)
    for type_id, content_type in taxonomies.types.items():
        key = f"{content_type.folder}/index"
        if key not in written:
            pages[key] = TermPage(key, "types", type_id)
    return pages


def products_with(site: Site, vocabulary: str, term_id: str) -> list[Entry]:
    """Published products filed under a term, newest first."""
    role = site.taxonomies.roles[vocabulary]
    return [e for e in site.products() if term_id in role.terms_of(e.kind, e.neutral)]
