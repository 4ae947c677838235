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
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from . import file_formats

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
# Schemes a link may use; everything else (javascript:, data:, file:, ftp:...) is refused.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))
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


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)


def normalise_url(value: str) -> str:
    """An attribute value as a browser takes it as an address (WHATWG URL: strip, drop tabs and newlines)."""
    return value.strip(_C0_OR_SPACE).replace("\t", "").replace("\n", "").replace("\r", "")


def url_problem(url: str, purpose: str, embed_hosts: frozenset[str] = frozenset()) -> str | None:
    """Why ``url`` may not be used as a link, image or embed (``purpose``), or None.

    Also used for addresses in front matter and data files.
    """
    scheme_match = _SCHEME.match(url)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    if "\\" in url:
        return f"'{url}' is a Windows path: use '/' between folders and link to a file under docs/"
    if len(scheme) == 1:
        return f"'{url}' is a path on someone's computer: put the file under docs/ and link to it"
    if scheme == "file":
        return f"'{url}' points at a file on someone's computer: put the file under docs/ and link to it"
    if scheme in ("javascript", "vbscript", "livescript"):
        return f"script URL in {'an' if purpose[0] in 'aeiou' else 'a'} {purpose} is not allowed"
    if purpose == "embed":
        host = urlsplit(url).hostname if scheme == "https" else None
        if host not in embed_hosts:
            hosts = ", ".join(sorted(embed_hosts)) or "none"
            return (f"<iframe> is only allowed from https hosts in the embed allowlist "
                    f"(data/site.yml: {hosts})")
        return None
    if purpose == "image":
        if scheme or url.startswith("//"):
            if scheme == "data":
                return "images must be files under docs/ (in the section's files/ folder), not data: URLs"
            return ("image from another host: the site's Content-Security-Policy allows images from "
                    "the site itself only; put the file under docs/")
        return None
    if scheme and scheme not in LINK_SCHEMES:
        return (f"links may use https:, http: or mailto: addresses or point at this site "
                f"(found '{scheme}:')")
    return None


def check(html: str, embed_hosts: frozenset[str] = frozenset()) -> Report:
    """Every element, attribute and address of ``html`` against the allow-list."""
    report = Report()
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
            _attribute(report, tag, name, value, allowed, embed_hosts)
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
               embed_hosts: frozenset[str]) -> None:
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
        if ID.match(value):
            report.ids.add(value)
        else:
            report.findings.append(Finding(key, f"id {value!r} on <{tag}> is not allowed: use letters, "
                                                "digits, '-' and '_' (it becomes an anchor)"))
    elif name == "class" and not CLASSES.match(value):
        report.findings.append(Finding(key, f"class {value!r} on <{tag}> is not allowed: use letters, "
                                            "digits, '-' and '_'"))
    elif name in ("href", "src", "cite"):
        url = normalise_url(value)
        purpose = "embed" if tag == "iframe" else "image" if tag == "img" else "link"
        problem = url_problem(url, purpose, embed_hosts)
        if problem:
            report.findings.append(Finding(("url", tag, name, value), problem))
        elif purpose != "embed" and name != "cite" and url and not _SCHEME.match(url) \
                and not url.startswith("//"):
            report.links.append(Link(url, purpose == "image"))


def check_toc(tokens) -> list[Finding]:
    """Headings as the theme prints them (table of contents, skip link): ids and titles must be inert."""
    findings = []
    for token in tokens:
        identifier, name = str(token.get("id", "")), str(token.get("name", ""))
        if not ID.match(identifier):
            findings.append(Finding(("toc", identifier), f"heading id {identifier!r} is not allowed: use "
                                    "letters, digits, '-' and '_' (it becomes an anchor)"))
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
