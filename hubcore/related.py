"""Which products are related to a product: those sharing its topics and countries.

A shared topic weighs more than a shared country (topics say what it is about);
the same type breaks ties, then recency, then the key, so the order is stable.
"""

from __future__ import annotations

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


def related(site: Site, entry: Entry, limit: int = LIMIT) -> list[Entry]:
    """Best matches first; only products that share a topic or a country."""
    scored = [(score(entry, other), other) for other in site.products() if other.key != entry.key]
    scored = [(s, other) for s, other in scored if s > 0]
    scored.sort(key=lambda pair: (-pair[0], date_key(pair[1].neutral.get("date")), pair[1].key))
    return [other for _, other in scored[:limit]]
