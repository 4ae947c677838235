"""Read what matters for checking out of Markdown source, keeping line numbers.

Code blocks and code spans are blanked first (their text is shown, never run or
followed), then links, attribute lists and headings are picked out line by line.
This is deliberately a reader, not a renderer: rendering every page twice would
double the build's Markdown time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from pymdownx.slugs import slugify as _make_slugify

from .active_html import dangerous_url

# The same slug function the site's toc extension uses (mkdocs.yml), so that
# anchors checked here are the anchors the build produces.
slugify = _make_slugify(case="lower")

_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
# A code span never crosses a blank line (the end of a paragraph).
_CODE_SPAN = re.compile(r"(`+)((?:(?!\n[ \t]*\n).)+?)\1", re.S)
_INLINE_LINK = re.compile(r"(!?)\[((?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]\(\s*(<[^>\n]*>|[^\s)]*)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>\n]*>|\S+)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]*)>")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTRIBUTE = re.compile(r"([^\s=\"'{}#.]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s}]+)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_ID_ATTR = re.compile(r"\bid\s*=\s*[\"']([^\"']+)[\"']", re.I)
_ATTR_ID = re.compile(r"\{:?[^{}\n]*#([^\s}]+)[^{}\n]*\}\s*$")


@dataclass(frozen=True)
class Link:
    line: int  # relative to the body's first line (1-based)
    url: str
    image: bool


def blank_code(body: str) -> str:
    """Replace fenced code and code spans with spaces, keeping every newline.

    A fence that is never closed is not treated as code (renderers show what
    follows it as ordinary Markdown), so nothing after it escapes the checks.
    """
    lines = body.split("\n")
    out: list[str] = []
    fence: str | None = None
    opened = 0
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence, opened = match.group(2)[0] * len(match.group(2)), index
            out.append("")
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            out.append("")
        else:
            out.append(line)
    if fence is not None:
        out[opened:] = lines[opened:]
    text = "\n".join(out)
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def links(text: str) -> list[Link]:
    """Every inline link, image, reference definition and autolink (code already blanked)."""
    found = [Link(_line_at(text, m.start()), m.group(3).strip("<>"), bool(m.group(1)))
             for m in _INLINE_LINK.finditer(text)]
    for number, line in enumerate(text.split("\n"), start=1):
        match = _REFERENCE.match(line)
        if match:
            found.append(Link(number, match.group(1).strip("<>"), False))
    found += [Link(_line_at(text, m.start()), m.group(1), False) for m in _AUTOLINK.finditer(text)]
    return sorted(set(found), key=lambda link: (link.line, link.url))


def attribute_problems(text: str) -> list[tuple[int, str]]:
    """Active attributes written with attr_list (``{: onclick="..." }``)."""
    problems = []
    for match in _ATTR_LIST.finditer(text):
        for name, value in _ATTRIBUTE.findall(match.group(1)):
            value = value.strip("\"'")
            line = _line_at(text, match.start())
            if name.lower().startswith("on"):
                problems.append((line, f"event-handler attribute '{name}' is not allowed"))
            elif name.lower() in ("srcdoc", "formaction"):
                problems.append((line, f"attribute '{name}' is not allowed"))
            elif name.lower() == "style":
                problems.append((line, "attribute 'style': inline styles are blocked by the "
                                       "site's Content-Security-Policy: use a class"))
            elif dangerous_url(value):
                problems.append((line, f"script URL in attribute '{name}' is not allowed"))
    return problems


def _heading_text(raw: str) -> tuple[str, str | None]:
    """Visible text of a heading and its explicit ``{#id}``, if any."""
    explicit = _ATTR_ID.search(raw)
    raw = _ATTR_LIST.sub("", raw).strip()
    raw = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", raw)
    raw = re.sub(r"<[^>]+>", "", raw)
    raw = re.sub(r"(\*\*|__|\*|_|~~|`)", "", raw)
    return unescape(raw).strip(), explicit.group(1) if explicit else None


def anchors(text: str) -> set[str]:
    """Ids the rendered page will have: heading slugs (made unique like toc does) and explicit ids."""
    ids: set[str] = set()
    lines = text.split("\n")
    for i, line in enumerate(lines):
        heading = None
        atx = _ATX.match(line)
        if atx:
            heading = atx.group(2)
        elif i > 0 and lines[i - 1].strip() and _SETEXT.match(line) and not _ATX.match(lines[i - 1]):
            heading = lines[i - 1]
        if heading is not None:
            visible, explicit = _heading_text(heading)
            slug = explicit or slugify(visible, "-")
            candidate, n = slug, 0
            while not candidate or candidate in ids:
                n += 1
                candidate = f"{slug}_{n}"
            ids.add(candidate)
        ids.update(_ID_ATTR.findall(line))
        ids.update(m.group(1) for m in re.finditer(r"\{:?[^{}\n]*?#([\w\-]+)", line))
    return ids
