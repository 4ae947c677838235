"""Which products are related to a product: those sharing its terms, weighed as the data says.

How much a shared term weighs is each vocabulary's role in ``data/taxonomies.yml``
(``related``; roles.py): today a shared topic weighs more than a shared country
(topics say what it is about), and the same type only breaks ties (``alone: false``:
sharing only the type relates nothing); then recency, then the key, so the order
is stable. Candidates come from an index of products by term, built once per site,
so a page costs the products it shares something with, not every product.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

from .model import Entry, Site, date_key
from .roles import Role

LIMIT = 5


def _weighed(site: Site) -> list[Role]:
    return [role for role in site.taxonomies.roles if role.related_weight]


def score(site: Site, a: Entry, b: Entry) -> int:
    """How related ``b`` is to ``a``: 0 unless they share a term that relates items by itself."""
    total, related = 0, False
    for role in _weighed(site):
        shared = set(role.terms_of(a.kind, a.neutral)) & set(role.terms_of(b.kind, b.neutral))
        total += role.related_weight * len(shared)
        related = related or (role.related_alone and bool(shared))
    return total if related else 0


_index_of: list[tuple[Site, "_Index"]] = []


class _Index:
    """Products by (vocabulary, term), and each product's tie-breaking order, built once per loaded site."""

    def __init__(self, site: Site) -> None:
        by_term: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        for entry in site.products():
            for role in (r for r in _weighed(site) if r.related_alone):  # only these make candidates
                for term in role.terms_of(entry.kind, entry.neutral):
                    by_term[(role.vocabulary, term)].append(entry)
        self.by_term = {key: tuple(entries) for key, entries in by_term.items()}
        self.order = {entry.key: (date_key(entry.product.date), entry.key) for entry in site.products()}


def _index(site: Site) -> _Index:
    """The index of ``site`` (a Site is immutable: one index per loaded site)."""
    if not (_index_of and _index_of[0][0] is site):
        _index_of[:] = [(site, _Index(site))]
    return _index_of[0][1]


def related(site: Site, entry: Entry, limit: int = LIMIT) -> list[Entry]:
    """Best matches first; only products that share a term that relates items by itself.

    Scores are summed while walking the term index (the same weights as
    ``score``), so a page costs one step per product it shares a term with.
    """
    index = _index(site)
    scores: dict[str, int] = defaultdict(int)
    others: dict[str, Entry] = {}
    roles = _weighed(site)
    for role in (r for r in roles if r.related_alone):  # who is related at all, and by how much
        for term in set(role.terms_of(entry.kind, entry.neutral)):
            for other in index.by_term.get((role.vocabulary, term), ()):
                scores[other.key] += role.related_weight
                others[other.key] = other
    scores.pop(entry.key, None)
    for role in (r for r in roles if not r.related_alone):  # what only adds to those
        own = set(role.terms_of(entry.kind, entry.neutral))
        for key in scores:
            scores[key] += role.related_weight * len(own & set(role.terms_of(others[key].kind, others[key].neutral)))
    ranked = heapq.nsmallest(limit, ((-total, index.order[key]) for key, total in scores.items()))
    return [others[key] for _, (_, key) in ranked]
