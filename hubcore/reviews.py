"""Content due for review: items whose ``review_by`` date has passed.

The day to compare with is given by the caller (today for the command; the
build's SOURCE_DATE_EPOCH day for the site, so that builds repeat).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Site


@dataclass(frozen=True)
class Overdue:
    key: str
    path: str
    title: str
    review_by: str
    days: int


def overdue(site: Site, day: dt.date) -> list[Overdue]:
    """Oldest deadline first."""
    found = []
    for entry in site.entries.values():
        value = entry.product.review_by
        if not value:
            continue
        deadline = dt.date.fromisoformat(value)
        if deadline < day:
            found.append(Overdue(entry.key, entry.original.source.path, str(entry.original.meta.get("title")),
                                 value, (day - deadline).days))
    return sorted(found, key=lambda item: (item.review_by, item.key))
