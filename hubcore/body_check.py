"""Check a page's body the way readers will get it: bounded, rendered, then held to the allow-list.

1. markdown_bounds.py refuses what would make rendering slow or deep;
2. markdown_render.py renders the body with the site's own Markdown;
3. html_policy.py checks every element, attribute, address and heading id;
4. locate.py finds the source line of each problem.

The anchors (every id) and the links to this site's pages and files come from
the same rendering, so links are checked as the site will have them: footnotes,
reference links and attribute lists included.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import partial
from typing import Hashable

from . import html_policy, markdown_bounds, markdown_render
from .locate import Locator, occurrences

_RENDER_PROBLEMS = {
    "deep": "nested too deeply for the renderer (lists, quotes or definitions inside one another, "
            "or a very long definition list): flatten or split it",
    "slow": "the page takes too long to render: split long paragraphs and remove runs of '[' or '<'",
}


@dataclass(frozen=True)
class BodyReading:
    """What the body gives on its own. Lines are 1-based within the body."""

    problems: tuple[tuple[int, str], ...]
    anchors: frozenset[str]
    links: tuple[tuple[html_policy.Link, int], ...]  # each link with its occurrence number


def _report(text: str, embed_hosts: frozenset[str]) -> html_policy.Report:
    rendered = markdown_render.render(text)
    report = html_policy.check(rendered.html, embed_hosts, rendered.raw_html)
    # A heading's bad id is already reported on its element: say it once.
    bad_ids = {finding.key[3] for finding in report.findings
               if finding.key[0] == "attribute" and finding.key[2] == "id"}
    report.findings += [finding for finding in html_policy.check_toc(rendered.toc)
                        if finding.key[0] != "toc" or finding.key[1] not in bad_ids]
    return report


def _counts(embed_hosts: frozenset[str], text: str) -> Counter:
    """How often each problem and each link appears in the rendering of ``text``."""
    try:
        report = _report(text, embed_hosts)
    except markdown_render.RenderError as error:
        return Counter({("render", error.reason): 1})
    counts = Counter(finding.key for finding in report.findings)
    counts.update(("link", link.url, link.image) for link in report.links)
    return counts


def needles(key: Hashable) -> tuple[str, ...]:
    """What the source line of a problem holds, lower-case, as far as its key says (locate.py's guess).

    A raw tag holds '<' and its name; an attribute its name and value, or only its value when an
    attribute list writes it ({#id}, {.class}); a link, image or address the address itself.
    """
    kind, *rest = key  # type: ignore[misc]
    if kind in ("element", "input"):
        found: tuple[str, ...] = ("<" + (rest[0] if kind == "element" else "input"),)
    elif kind == "attribute":
        _, name, value = rest
        found = (value,) if name in ("id", "class") else (name, value)
    elif kind in ("url", "alt", "link", "toc"):
        found = (rest[-1] if kind == "url" else rest[0],)
    else:  # an unfinished tag, a heading's text, a render that failed: nothing to scan for
        found = ()
    return tuple(needle.lower() for needle in found if needle)


def locator(body: str, embed_hosts: frozenset[str]) -> Locator:
    return Locator(body, partial(_counts, embed_hosts), needles, markdown_bounds.render_weight(body))


def read(body: str, embed_hosts: frozenset[str]) -> BodyReading:
    """Check ``body``; problems come with their lines, links with their occurrence numbers."""
    bounds = markdown_bounds.problems(body)
    if bounds:  # not rendered: that is what the bounds protect
        return BodyReading(tuple(bounds), frozenset(), ())
    try:
        report = _report(body, embed_hosts)
    except markdown_render.RenderError as error:
        line = 1
        if error.reason == "deep":
            line = locator(body, embed_hosts).line_of(("render", "deep"))
        return BodyReading(((line, _RENDER_PROBLEMS[error.reason]),), frozenset(), ())
    where = locator(body, embed_hosts) if report.findings else None
    problems = []
    for (key, occurrence), finding in zip(occurrences([f.key for f in report.findings]), report.findings):
        assert where is not None
        problems.append((where.line_of(key, occurrence), finding.message))
    links = tuple(occurrences(report.links))  # type: ignore[arg-type]
    return BodyReading(tuple(sorted(set(problems))), frozenset(report.ids), links)  # type: ignore[arg-type]


def link_line(body: str, embed_hosts: frozenset[str], link: html_policy.Link, occurrence: int,
              where: Locator | None = None) -> int:
    """The body line of a link found broken later (against the other files)."""
    where = where or locator(body, embed_hosts)
    return where.line_of(("link", link.url, link.image), occurrence)
