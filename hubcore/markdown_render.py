"""The site's Markdown, declared once, and rendering it within bounds.

The checker renders every body with exactly the configuration the site is
built with, so that what it checks is what readers get: ``validate`` passing
means ``build`` passes. The site engine takes its extensions from here (the
MkDocs layer checks that ``mkdocs.yml`` names the same ones, and hands over
their options), and so does the PDF of a product.

Python-Markdown is not linear on every input and recurses per nesting level:
markdown_bounds.py refuses what would be slow or deep before it gets here, and
rendering still runs under a deadline and turns a RecursionError into an
answer, so a file the bounds did not foresee cannot hang or crash the check.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

import markdown
from pymdownx.slugs import slugify

from . import limits

# Markdown extensions in the order the site engine loads them. MkDocs always adds
# toc, tables and fenced_code itself; they are listed so that this is the whole set.
EXTENSIONS: tuple[str, ...] = (
    "toc", "tables", "fenced_code",
    "attr_list", "admonition", "def_list", "footnotes",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed",
)
# pymdownx.snippets is deliberately absent: it includes files (.git/config...) into pages.


def configs() -> dict[str, dict[str, Any]]:
    """Each extension's options (a new dict each time: Python-Markdown keeps references)."""
    return {
        # Keeps Cyrillic in anchors, the same slugs the links are checked against.
        "toc": {"permalink": True, "slugify": slugify(case="lower")},
        # align="..." instead of style="text-align: ...", which the Content-Security-Policy blocks.
        "tables": {"use_align_attribute": True},
        # Content tabs (=== "Tab"); Material's fixed inline tab script is allowed by hash (data/csp.yml).
        "pymdownx.tabbed": {"alternate_style": True},
    }


class RenderError(Exception):
    """Rendering gave up: ``reason`` is "deep" (recursion) or "slow" (deadline)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: tuple[dict[str, Any], ...]  # the toc extension's tokens, flattened
    # The author's own HTML as written (Python-Markdown's stash): the site engine rewrites the
    # addresses of Markdown links and images, never these (html_policy.raw_addresses).
    raw_html: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=configs())


def _flatten(tokens: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for token in tokens:
        yield token
        yield from _flatten(token.get("children") or [])


class _Slow(Exception):
    pass


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise _Slow after ``seconds`` of wall time (main thread only; elsewhere no deadline)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise _Slow()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render(text: str, seconds: float = limits.RENDER_SECONDS) -> Rendered:
    """The body's HTML as the site renders it; raises RenderError instead of hanging or crashing."""
    engine = _renderer()
    try:
        with _deadline(seconds):
            engine.reset()
            html = engine.convert(text)
            toc = tuple(_flatten(getattr(engine, "toc_tokens", [])))
            raw = tuple(block for block in engine.htmlStash.rawHtmlBlocks if isinstance(block, str))
    except RecursionError:
        _renderer.cache_clear()  # its state is unknown after an interrupted run
        raise RenderError("deep") from None
    except _Slow:
        _renderer.cache_clear()
        raise RenderError("slow") from None
    return Rendered(html, toc, raw)
