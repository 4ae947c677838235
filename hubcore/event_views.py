"""What a workshop's page shows of its event, in one language: its programme, speakers, recording and photos.

Each part is there only when the front matter gives it, and then never empty:
no heading over an empty list. Texts come in the reader's language where the
translation gives them (Entry.product_in), else in the original's, marked with
``lang`` (inner_texts.py).

The recording is always a link. It plays in the page only when its address is
on a host that ``data/site.yml`` allows content to embed (``embed_allowed_hosts``,
the same list the Content-Security-Policy's ``frame-src`` is made from: csp.py),
and then only when the reader asks: the page holds a button, and the player's
frame is made by a script of the site (recording.js) after the click. Until
then, nothing is requested from the player's host.
"""

from __future__ import annotations

import posixpath
from typing import Any
from urllib.parse import urlsplit

from .dates import format_partial_date
from .model import Entry, Site
from .product import AgendaItem, Event, Photo, Speaker


def event_view(site: Site, entry: Entry, lang: str) -> dict[str, Any] | None:
    """The event's parts a reader of ``lang`` sees, by name; None when the product records no event."""
    event = entry.product_in(lang).event
    if event is None:
        return None

    def written_in(path: str) -> str | None:  # the texts' language, when it is not the reader's
        found = entry.texts_language(path, lang)
        return found if found != lang else None

    days = _agenda(entry, event, lang)
    parts = {
        "agenda": days and {"days": days, "lang": written_in("event.agenda")},
        "speakers": event.speakers and {"people": [_speaker(s) for s in event.speakers],
                                        "lang": written_in("event.speakers")},
        "recording": _recording(site, event.recording),
        "photos": event.photos and {"photos": [_photo(site, entry, p) for p in event.photos],
                                    "lang": written_in("event.photos")},
    }
    return {name: part for name, part in parts.items() if part}


def _agenda(entry: Entry, event: Event, lang: str) -> list[dict[str, Any]]:
    """The programme by day, in the order the file gives it; a one-day event is one day without a heading."""
    first = entry.product.date if entry.product.date and len(entry.product.date) == len("YYYY-MM-DD") else None
    days: dict[str, list[AgendaItem]] = {}
    for item in event.agenda:
        days.setdefault(item.day or first or "", []).append(item)
    several = len(days) > 1 or bool(event.end)
    return [{"day": format_partial_date(day, lang) if several and day else "", "datetime": day,
             "items": [_item(item, day) for item in items]} for day, items in days.items()]


def _item(item: AgendaItem, day: str) -> dict[str, Any]:
    def moment(time: str | None) -> str:  # a <time> element's value: the day and time, or the time
        return f"{day}T{time}" if day and time else time or ""

    return {"time": item.time or "", "end": item.end or "", "start_at": moment(item.time),
            "end_at": moment(item.end), "title": item.title or "", "speaker": item.speaker or ""}


def _speaker(speaker: Speaker) -> dict[str, str]:
    return {"name": speaker.name or "", "role": speaker.role or "", "organisation": speaker.organisation or ""}


def _recording(site: Site, url: str | None) -> dict[str, Any] | None:
    """The recording's link, and whether the page may offer to play it (its host is an allowed embed)."""
    if not url:
        return None
    parts = urlsplit(url)
    allowed = frozenset(site.settings.get("embed_allowed_hosts") or ())
    return {"url": url, "host": parts.hostname or "",
            "embed": parts.scheme == "https" and (parts.hostname or "") in allowed}


def _photo(site: Site, entry: Entry, photo: Photo) -> dict[str, Any]:
    """A photo as the gallery shows it: its site-relative address and, to keep the layout still while
    it loads, its size in pixels (read when the content was checked: Site.images)."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(entry.original.docs_path), photo.file or ""))
    width, height = site.images.get(path, (0, 0))
    return {"src": path, "alt": photo.alt or "", "caption": photo.caption or "", "width": width, "height": height}
