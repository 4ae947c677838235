"""Who publishes the hub: the publisher's name, a contact and a disclaimer, from data/site.yml.

Readers and partners need to know who runs the site, how to reach them and
what the site does not claim. Those are facts only the team can give, so they
are data (``publisher`` in ``data/site.yml``), written in every site language
and empty by default: until they are filled, the footer and the about page show
nothing rather than an invented name or address.
"""

from __future__ import annotations

import re
from typing import Any

from .addresses import https_url
from .problems import Problem
from .settings import LANGUAGES, SITE_FILE
from .strict_yaml import Document

TEXTS = ("name", "disclaimer")  # written in every language
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")


def view(settings: dict[str, Any], lang: str) -> dict[str, str] | None:
    """What the footer and the about page show in ``lang``; None when nothing is set."""
    given = settings.get("publisher") or {}
    if not isinstance(given, dict):
        return None
    shown = {name: str((given.get(name) or {}).get(lang) or "").strip() for name in TEXTS}
    contact = str(given.get("contact") or "").strip()
    if contact:
        shown["contact"] = contact
        shown["contact_url"] = contact if contact.startswith("https://") else f"mailto:{contact}"
    return shown if any(shown.values()) else None


def check(document: Document) -> list[Problem]:
    """Each text in every language or in none; the contact an e-mail address or an https:// address."""
    given = document.value.get("publisher")
    if given is None:
        return []
    line = document.line_of(("publisher",))
    if not isinstance(given, dict):
        return [Problem(SITE_FILE, line, "publisher", "must be a mapping of name, contact, disclaimer")]
    problems = []
    for name, value in given.items():
        where, at = f"publisher.{name}", document.line_of(("publisher", name))
        if name not in (*TEXTS, "contact"):
            problems.append(Problem(SITE_FILE, at, where, "unknown field: allowed: name, contact, disclaimer"))
        elif name == "contact":
            if value not in (None, "") and not (isinstance(value, str) and (_EMAIL.match(value) or https_url(value))):
                problems.append(Problem(SITE_FILE, at, where, "must be an e-mail address or an https:// address"))
        elif value not in (None, ""):
            texts = value if isinstance(value, dict) else {}
            filled = [lang for lang in LANGUAGES if isinstance(texts.get(lang), str) and texts[lang].strip()]
            if not isinstance(value, dict) or set(texts) - set(LANGUAGES):
                problems.append(Problem(SITE_FILE, at, where,
                                        f"must give the text per language ({', '.join(LANGUAGES)})"))
            elif filled and len(filled) < len(LANGUAGES):
                missing = ", ".join(lang for lang in LANGUAGES if lang not in filled)
                problems.append(Problem(SITE_FILE, at, where, f"missing in {missing}: give it in every language"))
    return problems
