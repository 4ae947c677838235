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
    shared_topics = set(a.neutral.get("topics") or []) & set(b.neutral.get("topics") or [])
    shared_countries = set(a.neutral.get("countries") or []) & set(b.neutral.get("countries") or [])
    if not shared_topics and not shared_countries:
        return 0
    return (TOPIC_WEIGHT * len(shared_topics) + COUNTRY_WEIGHT * len(shared_countries)
            + (SAME_TYPE_WEIGHT if a.kind == b.kind else 0))


_index_of: list[tuple[Site, dict[tuple[str, str], tuple[Entry, ...]]]] = []


def _by_term(site: Site) -> dict[tuple[str, str], tuple[Entry, ...]]:
    """Products by (field, term), built once per loaded site (a Site is immutable)."""
    if _index_of and _index_of[0][0] is site:
        return _index_of[0][1]
    index: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in site.products():
        for field in ("topics", "countries"):
            for term in entry.neutral.get(field) or []:
                index[(field, term)].append(entry)
    result = {key: tuple(entries) for key, entries in index.items()}
    _index_of[:] = [(site, result)]
    return result


def related(site: Site, entry: Entry, limit: int = LIMIT) -> list[Entry]:
    """Best matches first; only products that share a topic or a country.

    Scores are summed while walking the term index (the same weights as
    ``score``), so a page costs one step per product it shares a term with.
    """
    index = _by_term(site)
    scores: dict[str, int] = defaultdict(int)
    others: dict[str, Entry] = {}
    for field, weight in (("topics", TOPIC_WEIGHT), ("countries", COUNTRY_WEIGHT)):
        for term in set(entry.neutral.get(field) or []):
            for other in index.get((field, term), ()):
                scores[other.key] += weight
                others[other.key] = other
    scores.pop(entry.key, None)
    ranked = heapq.nsmallest(
        limit, scores.items(),
        key=lambda pair: (-(pair[1] + (SAME_TYPE_WEIGHT if others[pair[0]].kind == entry.kind else 0)),
                          date_key(others[pair[0]].neutral.get("date")), pair[0]))
    return [others[key] for key, _ in ranked]
