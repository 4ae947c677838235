"""Which products are related to a product: those sharing its topics and countries.

A shared topic weighs more than a shared country (topics say what it is about);
the same type breaks ties, then recency, then the key, so the order is stable.
Candidates come from an index of products by term, built once per site, so a
page costs the products it shares something with, not every product.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

from .model import Entry, Site, date_key

TOPIC_WEIGHT = 3
COUNTRY_WEIGHT = 2
SAME_TYPE_WEIGHT = 1
LIMIT = 5


def score(a: Entry, b: Entry) -> int:
    shared_topics = set(a.product.topics) & set(b.product.topics)
    shared_countries = set(a.product.countries) & set(b.product.countries)
    if not shared_topics and not shared_countries:
        return 0
    return (TOPIC_WEIGHT * len(shared_topics) + COUNTRY_WEIGHT * len(shared_countries)
            + (SAME_TYPE_WEIGHT if a.kind == b.kind else 0))


_index_of: list[tuple[Site, "_Index"]] = []


class _Index:
    """Products by (field, term), and each product's tie-breaking order, built once per loaded site."""

    def __init__(self, site: Site) -> None:
        by_term: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        for entry in site.products():
            for field in ("topics", "countries"):
                for term in entry.product.at(field) or ():
                    by_term[(field, term)].append(entry)
        self.by_term = {key: tuple(entries) for key, entries in by_term.items()}
        self.order = {entry.key: (date_key(entry.product.date), entry.key) for entry in site.products()}


def _index(site: Site) -> _Index:
    """The index of ``site`` (a Site is immutable: one index per loaded site)."""
    if not (_index_of and _index_of[0][0] is site):
        _index_of[:] = [(site, _Index(site))]
    return _index_of[0][1]


def related(site: Site, entry: Entry, limit: int = LIMIT) -> list[Entry]:
    """Best matches first; only products that share a topic or a country.

    Scores are summed while walking the term index (the same weights as
    ``score``), so a page costs one step per product it shares a term with.
    """
    index = _index(site)
    scores: dict[str, int] = defaultdict(int)
    others: dict[str, Entry] = {}
    for field, weight in (("topics", TOPIC_WEIGHT), ("countries", COUNTRY_WEIGHT)):
        for term in set(entry.product.at(field) or ()):
            for other in index.by_term.get((field, term), ()):
                scores[other.key] += weight
                others[other.key] = other
    scores.pop(entry.key, None)
    ranked = heapq.nsmallest(limit, (
        (-(total + (SAME_TYPE_WEIGHT if others[key].kind == entry.kind else 0)), index.order[key])
        for key, total in scores.items()))
    return [others[key] for _, (_, key) in ranked]
