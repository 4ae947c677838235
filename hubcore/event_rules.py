"""The checks that compare several of an event's fields: its days, and its programme's times.

Each field is first checked on its own (fields.py); these rules only compare
values that already have the right shape, and report each problem at the field
an author has to change, as ``path:line: field: message``.

Which date is which: the product's ``date`` is when its event was held (its
first day, when known to the day), what listings show and sort by; ``event.end``
is the last day of an event that lasted several days. So an end needs a first
day (``date`` as YYYY-MM-DD) and comes after it, and on an event of several days
each agenda item says on which of its days it was (``day``), a day of the event.
An item's ``end`` time comes after its start (``time``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from .strict_yaml import KeyPath

Report = Callable[[KeyPath, str, str], None]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _day(value: Any) -> dt.date | None:
    """A YYYY-MM-DD text as a date; None for anything else (its own check reports it)."""
    if not isinstance(value, str) or not _DAY.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _time(value: Any) -> str | None:
    return value if isinstance(value, str) and _TIME.match(value) else None


def check(meta: dict[str, Any], report: Report) -> None:
    """Report every rule of the module's docstring that the original's ``event`` breaks."""
    event = meta.get("event")
    if not isinstance(event, dict):
        return
    first, last = _day(meta.get("date")), _day(event.get("end"))
    if "end" in event and last is not None:
        if first is None:
            report(("event", "end"), "event.end", "an event's last day needs its first day: give 'date' as "
                                                  "YYYY-MM-DD (the day the event began)")
        elif last < first:
            report(("event", "end"), "event.end", f"the last day ({last.isoformat()}) is before the first "
                                                  f"('date': {first.isoformat()})")
        elif last == first:
            report(("event", "end"), "event.end", "the same day as 'date': leave 'end' out for a one-day event")
    agenda = event.get("agenda")
    if not isinstance(agenda, list):
        return
    several_days = first is not None and last is not None and last > first
    for i, item in enumerate(agenda):
        if not isinstance(item, dict):
            continue
        path, where = ("event", "agenda", i), f"event.agenda[{i}]"
        day = _day(item.get("day"))
        if "day" in item and day is not None:
            if first is None:
                report(path + ("day",), f"{where}.day", "an item's day needs the event's first day: give "
                                                        "'date' as YYYY-MM-DD")
            elif not first <= day <= (last or first):
                days = first.isoformat() + (f" to {last.isoformat()}" if several_days and last else "")
                report(path + ("day",), f"{where}.day", f"{day.isoformat()} is not a day of the event ({days})")
        elif "day" not in item and several_days:
            report(path, f"{where}.day", "the event lasted several days: say on which day this item was "
                                         "(day: YYYY-MM-DD)")
        start, end = _time(item.get("time")), _time(item.get("end"))
        if start and end and end <= start:
            report(path + ("end",), f"{where}.end", f"ends ({end}) before it starts ({start})")
