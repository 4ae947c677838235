"""Characters no content needs, refused wherever text enters the hub.

Control characters make the Atom feed and the sitemap invalid XML and can hide
text from reviewers; lone surrogates (reachable through YAML's ``"\\ud800"``
escape) cannot be written as UTF-8 at all; Unicode non-characters and the
bidirectional overrides reorder or hide what a reader sees. Tabs and line
breaks are the only controls text may hold.
"""

from __future__ import annotations

import re
import unicodedata

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 and C1 controls, DEL (not tab, LF, CR)
    "\ud800-\udfff"  # lone surrogates
    "\ufdd0-\ufdef\ufffe\uffff"  # non-characters
    "\u202a-\u202e\u2066-\u2069]"  # bidirectional embeddings, overrides and isolates
)


def describe(character: str) -> str:
    """``U+0007 (BELL)`` for a message an author can act on."""
    code = f"U+{ord(character):04X}"
    try:
        return f"{code} ({unicodedata.name(character)})"
    except ValueError:
        return code


def first_forbidden(text: str) -> re.Match[str] | None:
    return FORBIDDEN.search(text)


def problem(text: str) -> str | None:
    """What is wrong with ``text``, or None: the first forbidden character, named."""
    found = FORBIDDEN.search(text)
    if found is None:
        return None
    return f"invisible or control character {describe(found.group())} is not allowed: remove it"
