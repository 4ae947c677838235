"""Reading a built site in tests: pages, their links, their head, their structured data.

One module for what several test files need, so that each reads the site the
same way.
"""

from __future__ import annotations

import hashlib
import json
from html.parser import HTMLParser
from pathlib import Path

# The address a local build is made for (mkdocs.yml's default when SITE_URL is not set).
SITE_URL = "http://127.0.0.1:8000/"


def page(site: Path, url: str) -> str:
    """The HTML of the page at the site-relative address ``url`` (a folder: its index.html)."""
    return (site / url / "index.html").read_text(encoding="utf-8")


def site_file(site: Path, url: str) -> Path:
    """The built file an absolute or site-relative URL of the site points to."""
    path = url.removeprefix(SITE_URL).split("#")[0]
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


class Links(HTMLParser):
    """Every tag with its attributes, and the page's language, of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.html_lang: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = attributes.get("lang")
        self.tags.append((tag, attributes))


def parse(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


class Head(HTMLParser):
    """Meta tags, alternate links and JSON-LD scripts of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in attributes or "name" in attributes):
            key = attributes.get("property") or attributes["name"]
            self.meta.setdefault(key, []).append(attributes.get("content", ""))
        elif tag == "link":
            self.links.append(attributes)
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False


def head(html: str) -> Head:
    parser = Head()
    parser.feed(html)
    return parser


def jsonld(html: str) -> dict:
    """The page's one JSON-LD object."""
    found = head(html).jsonld
    assert len(found) == 1, found
    return json.loads(found[0])


def digests(site: Path) -> list[tuple[str, str]]:
    """Every file of a built site as (path, sha256), sorted."""
    return sorted((p.relative_to(site).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest())
                  for p in site.rglob("*") if p.is_file())


def differences(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> list[str]:
    """The paths whose files differ (or exist in one site only) between two lists of digests."""
    left, right = dict(a), dict(b)
    return sorted(path for path in set(left) | set(right) if left.get(path) != right.get(path))
