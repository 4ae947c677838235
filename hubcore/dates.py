"""Dates written the way each language writes them ("26 November 2026", "26 ноября 2026").

Content dates may be partial (YYYY or YYYY-MM); Babel gives the month names and
their grammatical forms, so no language rules are hand-made here.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from .fields import parse_partial_date


def format_partial_date(value: str | int | None, lang: str) -> str:
    """``2023-05-02`` -> "2 May 2023" / "2 мая 2023"; ``2023-05`` -> "May 2023" / "май 2023"."""
    parts = parse_partial_date(value) if value else None
    if not parts:
        return ""
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_date(dt.date(parts[0], parts[1], 1), "LLLL y", locale=lang)
    return format_date(dt.date(*parts), "d MMMM y", locale=lang)


def format_day_range(first: str, last: str, lang: str) -> str:
    """Two days as one span, each part written once: "14–16 June 2022", "30 June – 2 July 2022",
    "14–16 июня 2022". Either day unreadable: the first alone."""
    start, end = parse_partial_date(first), parse_partial_date(last)
    if not start or not end or len(start) != 3 or len(end) != 3 or end <= start:
        return format_partial_date(first, lang)
    a, b = dt.date(*start), dt.date(*end)
    whole = format_date(b, "d MMMM y", locale=lang)
    if (a.year, a.month) == (b.year, b.month):
        return f"{format_date(a, 'd', locale=lang)}–{whole}"
    if a.year == b.year:
        return f"{format_date(a, 'd MMMM', locale=lang)} – {whole}"
    return f"{format_date(a, 'd MMMM y', locale=lang)} – {whole}"
