"""What a page's body may hold once rendered: an allow-list of elements, attributes and addresses.

The rendered HTML is parsed by lexbor (through selectolax), a parser that
follows the HTML standard the way browsers do, so that comments, foreign
content (``<svg>``, ``<math>``) and unfinished tags are read exactly as a
reader's browser will read them. Anything not listed here is refused with a
named reason; nothing is cleaned silently, because authors need to know what
to change. The same check runs in ``validate`` (on each body, rendered with the
site's Markdown) and in the build (on the HTML the engine really produced).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from . import file_formats
from .addresses import normalise_url, on_this_site, url_problem

# Elements a body may contain, with the attributes each may carry besides GLOBAL.
GLOBAL = frozenset({"id", "class", "title", "lang", "dir"})
ELEMENTS: dict[str, frozenset[str]] = {name: frozenset(attributes) for name, attributes in {
    # text
    "p": (), "br": (), "hr": (), "wbr": (), "span": (), "div": ("data-tabs",),
    "h1": (), "h2": (), "h3": (), "h4": (), "h5": (), "h6": (),
    "blockquote": ("cite",), "q": ("cite",), "pre": (), "code": (), "kbd": (), "samp": (), "var": (),
    "em": (), "strong": (), "b": (), "i": (), "u": (), "s": (), "mark": (), "small": (),
    "sub": (), "sup": (), "abbr": (), "cite": (), "dfn": (), "time": ("datetime",),
    "del": ("cite", "datetime"), "ins": ("cite", "datetime"),
    # lists and tables
    "ul": (), "ol": ("start", "reversed", "type"), "li": ("value",), "dl": (), "dt": (), "dd": (),
    "table": (), "caption": (), "thead": (), "tbody": (), "tfoot": (), "tr": (),
    "th": ("align", "colspan", "rowspan", "scope", "headers"), "td": ("align", "colspan", "rowspan", "headers"),
    "colgroup": ("span",), "col": ("span", "align"),
    # links, images, figures; collapsible blocks and content tabs (pymdownx.details, .tabbed)
    "a": ("href", "hreflang"), "img": ("src", "alt", "width", "height", "loading"),
    "figure": (), "figcaption": (), "details": ("open",), "summary": (),
    "input": ("type", "name", "checked"), "label": ("for",),
    # embeds, only from the hosts in data/site.yml (checked below)
    "iframe": ("src", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy",
               "frameborder"),
}.items()}
# Made by the parser around every fragment; they may carry no attributes of their own.
_DOCUMENT = frozenset({"html", "head", "body"})
# What to say for elements people try most, instead of a bare "not allowed".
ADVICE = {
    "script": "scripts cannot be part of content",
    "style": "inline styles are blocked by the site's Content-Security-Policy: use a class",
    "svg": "inline SVG is not allowed: save the drawing as a PNG file and show it as an image",
    "math": "inline MathML is not allowed in content",
    "object": "plugins are blocked by the site's Content-Security-Policy (an <iframe> from the "
              "embed allowlist in data/site.yml may do)",
    "embed": "plugins are blocked by the site's Content-Security-Policy (an <iframe> from the "
             "embed allowlist in data/site.yml may do)",
    "form": "forms cannot be part of content",
}
# Attribute values that become part of the page's structure: anchors and class names.
ID = re.compile(r"^\w[\w:.\-]*$")
CLASSES = re.compile(r"^[A-Za-z0-9_\- ]*$")
# Ids the page around the content uses: the browser and the scripts take the first element with
# an id, and the content comes first. Material's are all "__" ones (#__config holds the theme's
# settings, then __search, __drawer, __toc, __palette_0, __nav_1...; grep id=" in its
# templates), the hub's templates start theirs with "hub-" (overrides/), and the open-data page
# and the field reference name their sections. Content may not take them, as an id, a heading's
# id or a reference to an id (label for, headers).
RESERVED_ID_PREFIXES = ("__", "hub-", "fields-")
RESERVED_IDS = frozenset({"files", "fields"})
# Content tabs (pymdownx.tabbed) number their radio buttons and the labels for them themselves.
_TAB_ID = re.compile(r"^__tabbed_\d+_\d+$")
# Attributes that refer to ids.
ID_REFERENCES = frozenset({"for", "headers"})
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
# Attributes that hold an address.
_ADDRESSES = frozenset({"href", "src", "cite"})
# An image says what it shows to those who cannot see it (screen readers, images not loaded).
_NO_ALT = ("image '{src}' has no alt text: say what it shows between the brackets, "
           "![what the image shows]({src})")
# Marks the end of the fragment: a tag left open at the end would swallow it.
_END = "hub-end"


@dataclass(frozen=True)
class Finding:
    """Something the body may not hold; ``key`` identifies it in a partial render (locate.py)."""

    key: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class Link:
    """An address on this site that a body links to (``image``: shown, not followed)."""

    url: str
    image: bool


def reserved_id(value: str, tag: str = "") -> bool:
    """Whether ``value`` is an id the page around the content uses (a content tab's own on ``tag``)."""
    if tag in ("input", "label") and _TAB_ID.match(value):
        return False
    return value in RESERVED_IDS or value.startswith(RESERVED_ID_PREFIXES)


def _reserved_message(what: str, heading: bool = False) -> str:
    hint = " (a heading takes one written after it: ## Title {#another-id})" if heading else ""
    return (f"{what}, which the page around the content uses (the theme's ids start with '__', the hub's "
            f"with {' or '.join(repr(p) for p in RESERVED_ID_PREFIXES[1:])}, and "
            f"{' and '.join(repr(i) for i in sorted(RESERVED_IDS))} are taken): choose another{hint}")


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)


def raw_addresses(raw_html: tuple[str, ...]) -> Counter:
    """(tag, attribute, value) of each address on this site written in the author's own HTML.

    The site engine rewrites the addresses of Markdown links and images to where the page or
    file is published (``../about.md`` becomes ``../about/``), never those of raw HTML, which
    would be published dead; ``check`` refuses them. Links to other sites and to an anchor of
    the page (``#part``) are published as written, and work.
    """
    found: Counter = Counter()
    for chunk in raw_html:
        if "=" not in chunk:
            continue
        for node in LexborHTMLParser(chunk).root.traverse(include_text=False):
            for name, value in node.attributes.items():
                url = normalise_url(value or "")
                if name in _ADDRESSES and on_this_site(url) and not url.startswith("#"):
                    found[(node.tag or "", name, value or "")] += 1
    return found


def check(html: str, embed_hosts: frozenset[str] = frozenset(), raw_html: tuple[str, ...] = ()) -> Report:
    """Every element, attribute and address of ``html`` against the allow-list.

    ``raw_html``: the author's own HTML in the body (markdown_render.Rendered), whose addresses
    on this site are refused (raw_addresses).
    """
    report = Report()
    raw = raw_addresses(raw_html)
    tree = LexborHTMLParser(f"{html}<{_END}></{_END}>")
    ended = False
    for node in tree.root.traverse(include_text=False):
        tag = node.tag or ""
        if tag.startswith(("-", "!")):  # comments, the doctype
            continue
        if tag == _END:
            ended = True
            continue
        attributes = {name: value or "" for name, value in node.attributes.items() if _END not in name}
        if tag in _DOCUMENT:
            allowed: frozenset[str] = frozenset()
        elif tag in ELEMENTS:
            allowed = GLOBAL | ELEMENTS[tag]
        else:
            report.findings.append(Finding(("element", tag), f"<{tag}> is not allowed in content"
                                           + (f": {ADVICE[tag]}" if tag in ADVICE else "")))
            continue
        for name, value in attributes.items():
            _attribute(report, tag, name, value, allowed, embed_hosts, raw)
        if tag == "img" and not attributes.get("alt", "").strip():
            report.findings.append(Finding(("alt", attributes.get("src", "")), _NO_ALT.format(
                src=attributes.get("src", ""))))
        if tag == "input" and attributes.get("type") != "radio":
            report.findings.append(Finding(("input", attributes.get("type", "")),
                                           "<input> is not allowed in content (content tabs make their own)"))
    if not ended:
        report.findings.append(Finding(("unfinished",), "unfinished HTML tag at the end: close it with "
                                       "'>' (a browser would read the page's next markup as part of it)"))
    return report


def _attribute(report: Report, tag: str, name: str, value: str, allowed: frozenset[str],
               embed_hosts: frozenset[str], raw: Counter) -> None:
    key = ("attribute", tag, name, value)
    if name not in allowed:
        if name.startswith("on"):
            message = f"event-handler attribute '{name}' on <{tag}> is not allowed"
        elif name == "style":
            message = (f"attribute 'style' on <{tag}>: inline styles are blocked by the site's "
                       "Content-Security-Policy: use a class")
        else:
            message = f"attribute '{name}' on <{tag}> is not allowed"
        report.findings.append(Finding(key, message))
        return
    if name == "id":
        if not ID.match(value):
            report.findings.append(Finding(key, f"id {value!r} on <{tag}> is not allowed: use letters, "
                                                "digits, '-' and '_' (it becomes an anchor)"))
        else:
            report.ids.add(value)
            if reserved_id(value, tag):
                report.findings.append(Finding(key, _reserved_message(f"id {value!r} on <{tag}>",
                                                                      tag in _HEADINGS)))
    elif name in ID_REFERENCES:
        taken = [token for token in value.split() if reserved_id(token, tag)]
        if taken:
            report.findings.append(Finding(key, _reserved_message(f"'{name}' on <{tag}> refers to {taken[0]!r}")))
    elif name == "class" and not CLASSES.match(value):
        report.findings.append(Finding(key, f"class {value!r} on <{tag}> is not allowed: use letters, "
                                            "digits, '-' and '_'"))
    elif name in _ADDRESSES:
        url = normalise_url(value)
        purpose = "embed" if tag == "iframe" else "image" if tag == "img" else "link"
        problem = url_problem(url, purpose, embed_hosts)
        if problem:
            report.findings.append(Finding(("url", tag, name, value), problem))
        else:
            if raw[(tag, name, value)] > 0:
                raw[(tag, name, value)] -= 1
                report.findings.append(Finding(("raw", tag, name, value), _raw_address_message(tag, name, url)))
            if purpose != "embed" and name != "cite" and on_this_site(url):
                report.links.append(Link(url, purpose == "image"))  # resolved all the same


def _raw_address_message(tag: str, name: str, url: str) -> str:
    if tag == "img":
        instead = f"a Markdown image, ![what the image shows]({url})"
    elif tag == "a" and name == "href":
        instead = f"a Markdown link, [text]({url})"
    else:
        instead = "a Markdown link or image, or a full https:// address"
    return (f"<{tag} {name}=\"{url}\"> written in HTML would be published as written, and the site's "
            f"addresses are not its files' paths, so it would lead nowhere: write it as {instead}")


def source_paths(html: str) -> list[Finding]:
    """Links and images of built HTML that still name a Markdown file: the engine rewrites every one
    it knows to the page's address, so one left is dead (the build's last guard)."""
    findings = []
    for node in LexborHTMLParser(html).css("a[href], img[src]"):
        url = normalise_url(node.attributes.get("href") or node.attributes.get("src") or "")
        if on_this_site(url) and urlsplit(url).path.endswith(".md"):
            findings.append(Finding(("source", url), f"'{url}' names a Markdown file, not the page's "
                                                     "address: the link would lead nowhere"))
    return findings


def check_toc(tokens) -> list[Finding]:
    """Headings as the theme prints them (table of contents, skip link): ids and titles must be inert."""
    findings = []
    for token in tokens:
        identifier, name = str(token.get("id", "")), str(token.get("name", ""))
        if not ID.match(identifier):
            findings.append(Finding(("toc", identifier), f"heading id {identifier!r} is not allowed: use "
                                    "letters, digits, '-' and '_' (it becomes an anchor)"))
        elif reserved_id(identifier):
            findings.append(Finding(("toc", identifier), _reserved_message(f"heading id {identifier!r}", True)))
        if "<" in name:  # printed as HTML by the theme: text only (the toc extension escapes it)
            findings.append(Finding(("toc-name", name), "heading text shown in the table of contents "
                                    "holds markup: write it as plain text"))
    return findings


def image_format_problem(url: str) -> str | None:
    """An image must be in an image format (the file itself is checked where it lies)."""
    path = urlsplit(url).path
    if file_formats.extension_of(path.rsplit("/", 1)[-1]).lower() not in file_formats.IMAGE_EXTENSIONS:
        return (f"'{url}' is not an image: show images as "
                + ", ".join(sorted(f".{e}" for e in file_formats.IMAGE_EXTENSIONS)))
    return None
