"""Pages the hub generates from its data: one per topic, per country, per type.

Adding a topic or a country to ``data/taxonomies.yml`` is the only step needed
for its pages to appear, in every language. A section without a hand-written
``index.md`` gets a generated one, so every type has its page too.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Site
from .taxonomy import Taxonomies

# Vocabularies that get a page per term, and the folder those pages live in.
TERM_FOLDERS = {"topics": "topics", "countries": "countries"}
# The field of a product that holds terms of each vocabulary.
TERM_FIELDS = {"topics": "topics", "countries": "countries"}


@dataclass(frozen=True)
class TermPage:
    """A generated page listing the products filed under one term."""

    key: str  # e.g. "topics/open-data"
    vocabulary: str  # "topics", "countries" or "types"
    term_id: str

    def __repr__(self) -> str:
        return f"TermPage({self.key!r})"


def term_key(vocabulary: str, term_id: str, site: Site) -> str:
    """Where a term's page lives: its folder, or the section index for a type."""
    if vocabulary == "types":
        return f"{site.taxonomies.types[term_id].folder}/index"
    return f"{TERM_FOLDERS[vocabulary]}/{term_id}"


def has_term_pages(vocabulary: str) -> bool:
    """Whether each term of ``vocabulary`` has a page of its own (term_key), for others to link to."""
    return vocabulary == "types" or vocabulary in TERM_FOLDERS


def term_pages(site: Site) -> dict[str, TermPage]:
    """Every generated page by key (hand-written section intros are not generated)."""
    return _pages(site.taxonomies, set(site.entries))


def generated_keys(taxonomies: Taxonomies, written: set[str]) -> list[str]:
    """The keys of the pages the hub generates, given the keys of the written ones."""
    return list(_pages(taxonomies, written))


def _pages(taxonomies: Taxonomies, written: set[str]) -> dict[str, TermPage]:
    pages = {}
    for vocabulary in TERM_FOLDERS:
        for term_id in taxonomies[vocabulary]:
            key = f"{TERM_FOLDERS[vocabulary]}/{term_id}"
            pages[key] = TermPage(key, vocabulary, term_id)
    for type_id, content_type in taxonomies.types.items():
        key = f"{content_type.folder}/index"
        if key not in written:
            pages[key] = TermPage(key, "types", type_id)
    return pages


def products_with(site: Site, vocabulary: str, term_id: str):
    """Published products filed under a term, newest first."""
    if vocabulary == "types":
        return [e for e in site.products() if e.kind == term_id]
    return [e for e in site.products() if term_id in (e.product.at(TERM_FIELDS[vocabulary]) or ())]
