"""Find HTML that could run code in a reader's browser.

Used twice: on an author's Markdown source (to report the line before anything is
built) and on the HTML that the build really produced (a last guard, so that a
construct the source check missed still stops the build instead of shipping).
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

EMBED_TAGS = {"iframe", "object", "embed"}
FORBIDDEN_TAGS = {"script", "frame", "frameset", "applet", "base", "meta", "link", "form",
                  "noscript", "template", "portal"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background",
                  "cite", "xlink:href", "srcset", "ping", "lowsrc", "dynsrc", "manifest"}
FORBIDDEN_ATTRIBUTES = {"srcdoc", "formaction", "http-equiv"}
_SAFE_DATA_IMAGE = re.compile(r"^data:image/(png|gif|jpeg|webp);", re.I)


def dangerous_url(url: str) -> bool:
    """True for javascript:, vbscript: and data: URLs that are not plain images.

    Browsers ignore whitespace and control characters inside a scheme and accept
    entities, so ``jav&#x09;ascript:`` is normalised before it is looked at.
    """
    cleaned = re.sub(r"[\x00-\x20\x7f-\x9f]+", "", unescape(url)).lower()
    if cleaned.startswith(("javascript:", "vbscript:", "livescript:")):
        return True
    return cleaned.startswith("data:") and not _SAFE_DATA_IMAGE.match(cleaned)


def host_of(url: str) -> str | None:
    try:
        parts = urlsplit(unescape(url).strip())
    except ValueError:
        return None
    return parts.hostname if parts.scheme == "https" else None


class _Finder(HTMLParser):
    def __init__(self, allowed_embed_hosts: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed_embed_hosts
        self.found: list[tuple[int, str]] = []

    def _add(self, message: str) -> None:
        self.found.append((self.getpos()[0], message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in FORBIDDEN_TAGS:
            self._add(f"<{tag}> is not allowed in content")
        elif tag in EMBED_TAGS:
            source = next((v for k, v in attrs if k in ("src", "data") and v), None)
            if source is None or host_of(source) not in self.allowed:
                hosts = ", ".join(sorted(self.allowed)) or "none"
                self._add(f"<{tag}> is only allowed from https hosts in the embed allowlist "
                          f"(data/site.yml: {hosts})")
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self._add(f"event-handler attribute '{name}' on <{tag}> is not allowed")
            elif name in FORBIDDEN_ATTRIBUTES:
                self._add(f"attribute '{name}' on <{tag}> is not allowed")
            elif name in URL_ATTRIBUTES and value and any(
                    dangerous_url(part) for part in value.split(",")):
                self._add(f"script URL in '{name}' on <{tag}> is not allowed")

    handle_startendtag = handle_starttag


def find_active_html(html: str, allowed_embed_hosts: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(line, message) for every active construct in ``html``, lines 1-based."""
    finder = _Finder(allowed_embed_hosts)
    finder.feed(html)
    finder.close()
    return finder.found
