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

EMBED_TAGS = {"iframe"}
# Plugins: the site's Content-Security-Policy (object-src 'none') blocks them from every host.
PLUGIN_TAGS = {"object", "embed"}
FORBIDDEN_TAGS = {"script", "frame", "frameset", "applet", "base", "meta", "link", "form",
                  "noscript", "template", "portal"}
# Refused although a browser would not run them, because this parser (Python's) and a
# browser's read what follows them differently, so a payload could hide there: a
# browser parses markup inside <svg><style> and <math>, which this parser takes as text.
# Inline styles are blocked by the site's policy anyway; drawings belong in image files.
UNREADABLE_TAGS = {
    "style": "inline styles are blocked by the site's Content-Security-Policy: use a class",
    "svg": "inline SVG is not allowed: save the drawing as an .svg file and show it as an image",
    "math": "inline MathML is not allowed in content",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background",
                  "cite", "xlink:href", "srcset", "ping", "lowsrc", "dynsrc", "manifest"}
FORBIDDEN_ATTRIBUTES = {"srcdoc", "formaction", "http-equiv"}
_POLICY_BLOCKED_ATTRIBUTES = {
    "style": "inline styles are blocked by the site's Content-Security-Policy: use a class"}
# What Python's parser hands back as text although a browser would read a tag: a tag
# left open (at the end of the content, a browser closes it with the page's next '>').
_TAG_START = re.compile(r"<[a-zA-Z!/?]")
# Attributes whose address the browser fetches by itself, without a click.
_LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc"}
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


def loads_from_elsewhere(url: str) -> bool:
    """True for an address on another host (``https://...``, ``//host/...``).

    The site's policy loads images and media from the site itself only: such an
    address would show a broken image, and would tell another host who reads what.
    """
    cleaned = re.sub(r"[\x00-\x20\x7f-\x9f]+", "", unescape(url)).lower().replace("\\", "/")
    return cleaned.startswith(("//", "http:", "https:", "ftp:"))


def host_of(url: str) -> str | None:
    try:
        parts = urlsplit(unescape(url).strip())
    except ValueError:
        return None
    return parts.hostname if parts.scheme == "https" else None


class _Finder(HTMLParser):
    def __init__(self, allowed_embed_hosts: frozenset[str]) -> None:
        # Text as written (entities unconverted), so that '&lt;b' in text is not
        # mistaken for a tag the parser could not read (see handle_data).
        super().__init__(convert_charrefs=False)
        self.allowed = allowed_embed_hosts
        self.found: list[tuple[int, str]] = []

    def _add(self, message: str) -> None:
        self.found.append((self.getpos()[0], message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in FORBIDDEN_TAGS:
            self._add(f"<{tag}> is not allowed in content")
        elif tag in UNREADABLE_TAGS:
            self._add(f"<{tag}>: {UNREADABLE_TAGS[tag]}")
        elif tag in PLUGIN_TAGS:
            self._add(f"<{tag}> is not allowed: the site's Content-Security-Policy blocks plugins "
                      "from every host (an <iframe> from the embed allowlist in data/site.yml may do)")
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
            elif name in _POLICY_BLOCKED_ATTRIBUTES:
                self._add(f"attribute '{name}' on <{tag}>: {_POLICY_BLOCKED_ATTRIBUTES[name]}")
            elif name in URL_ATTRIBUTES and value and any(
                    dangerous_url(part) for part in value.split(",")):
                self._add(f"script URL in '{name}' on <{tag}> is not allowed")
            elif name in _LOADING_ATTRIBUTES and tag not in EMBED_TAGS | PLUGIN_TAGS and value and any(
                    loads_from_elsewhere(part.strip()) for part in value.split(",")):
                self._add(f"'{name}' on <{tag}> loads from another host: the site's "
                          "Content-Security-Policy allows images and media from the site itself "
                          "only; put the file under docs/")

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        """Browsers end a comment at ``<!-->``, ``<!--->`` and ``--!>``; Python's parser does not."""
        if data.startswith((">", "->")) or "--!>" in data:
            self._add("malformed HTML comment: a browser ends it earlier than it seems; "
                      "write <!-- text --> (or remove it)")

    def unknown_decl(self, data: str) -> None:
        """``<![CDATA[...]]>`` is a comment to a browser that ends at the first '>'."""
        self._add("<![...]> sections are not allowed in content")

    def handle_data(self, data: str) -> None:
        if _TAG_START.match(data):
            self._add("unfinished HTML tag: close it with '>' (a browser would read the "
                      "markup that follows as part of it)")

    def close(self) -> None:
        """A tag still open at the end: Python's parser would call it text, a browser a tag."""
        if _TAG_START.match(self.rawdata):
            self._add("unfinished HTML tag: close it with '>' (a browser would read the "
                      "markup that follows as part of it)")
        super().close()


def find_active_html(html: str, allowed_embed_hosts: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(line, message) for every active construct in ``html``, lines 1-based."""
    finder = _Finder(allowed_embed_hosts)
    finder.feed(html)
    finder.close()
    return finder.found
