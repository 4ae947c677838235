"""The site's Content-Security-Policy, built from a pinned list of inline-script hashes.

GitHub Pages sets no response headers, so the policy travels in a
``<meta http-equiv="Content-Security-Policy">`` at the top of every page. It is
the second line of defence behind the content checks: should a payload ever get
through them, the reader's browser still refuses to run it.

Scripts may come only from the site itself, plus the few fixed inline scripts of
the theme, each allowed by its SHA-256 hash. Those hashes are a list reviewed and
pinned in ``data/csp.yml``, never computed from the built pages: hashing what the
build produced would allow an injected script just as readily as the theme's.
When the theme changes one of its scripts, the build (and a test) stop on a
script the list does not allow, so an upgrade is noticed and reviewed.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .data_files import load_mapping
from .problems import Problem

CSP_FILE = "data/csp.yml"
_HASH = re.compile(r"^sha256-[A-Za-z0-9+/]{43}=$")
# <script type> values that browsers execute; every other type is a data block
# (application/json, application/ld+json...) that is never run, so CSP does not apply.
_EXECUTABLE_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript",
                     "application/ecmascript", "text/jscript", "text/livescript",
                     "application/x-javascript", "application/x-ecmascript", "text/x-javascript",
                     "text/x-ecmascript", "text/javascript1.0", "text/javascript1.1",
                     "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
                     "text/javascript1.5"}
HOW_TO_UPDATE = (
    f"Review the script (is it the theme's own, unchanged by content?), then add its hash to "
    f"{CSP_FILE} with a comment naming the template it comes from and the theme version, and "
    f"remove hashes no page uses any more. Never compute the list from the built site.")


@dataclass(frozen=True)
class PinnedScript:
    """One allowed inline script: its CSP source expression and what it is, for reviewers."""

    hash: str  # "sha256-<base64>"
    allows: str  # which template's script, in which theme version


def script_hash(text: str) -> str:
    """The CSP hash source of an inline script's exact text (UTF-8, as the browser hashes it)."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def load(root: Path) -> tuple[list[PinnedScript], list[Problem]]:
    """The pinned hashes of ``data/csp.yml``; a malformed entry is a located problem."""
    document, problems = load_mapping(root, CSP_FILE)
    pins: list[PinnedScript] = []
    entries = document.value.get("inline_scripts")
    if not isinstance(entries, list):
        if not problems:
            problems.append(Problem(CSP_FILE, document.line_of(("inline_scripts",)), "inline_scripts",
                                    "must be a list of {hash, allows}"))
        return pins, problems
    for i, item in enumerate(entries):
        where, line = f"inline_scripts[{i}]", document.line_of(("inline_scripts", i))
        if not isinstance(item, dict) or set(item) != {"hash", "allows"}:
            problems.append(Problem(CSP_FILE, line, where, "must have exactly 'hash' and 'allows'"))
        elif not isinstance(item["hash"], str) or not _HASH.match(item["hash"]):
            problems.append(Problem(CSP_FILE, line, f"{where}.hash",
                                    "must be 'sha256-' and 44 base64 characters"))
        elif not isinstance(item["allows"], str) or not item["allows"].strip():
            problems.append(Problem(CSP_FILE, line, f"{where}.allows",
                                    "say which template's script this is and the theme version"))
        else:
            pins.append(PinnedScript(item["hash"], item["allows"]))
    return pins, problems


def policy(pins: list[PinnedScript], frame_hosts: frozenset[str] | list[str] = ()) -> str:
    """The policy text, the same on every page.

    ``default-src 'none'`` and then only what the site uses: its own scripts,
    styles, fonts and fetches (Material's search worker, its sitemap look-up for
    the language switch), images from itself and ``data:`` (the theme's icons).
    No ``'unsafe-inline'``: the built pages carry no inline style (a test checks);
    Material sets styles only through the CSSOM, which CSP does not restrict.
    Frames only from the hosts content may embed (``data/site.yml``); plugins
    never. ``frame-ancestors`` and reporting cannot be set from a meta tag.
    """
    scripts = " ".join(["'self'", *(f"'{h}'" for h in sorted({p.hash for p in pins}))])
    hosts = sorted(f"https://{h}" for h in frame_hosts)
    directives = [
        ("default-src", "'none'"),
        ("script-src", scripts),
        ("style-src", "'self'"),
        ("img-src", "'self' data:"),
        ("font-src", "'self'"),
        ("connect-src", "'self'"),
        ("worker-src", "'self'"),
        ("manifest-src", "'self'"),
        ("media-src", "'self'"),
        ("frame-src", " ".join(hosts) if hosts else "'none'"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'self'"),
    ]
    return "; ".join(f"{name} {value}" for name, value in directives)


# The Git host's addresses the browser editor talks to (GitHub's REST and GraphQL API), and where
# GitHub serves the signed-in author's picture.
GIT_HOST_API = "https://api.github.com"
GIT_HOST_IMAGES = "https://avatars.githubusercontent.com"


def editor_policy() -> str:
    """The policy of the browser editor's own pages (/admin/, /ru/admin/), and of no other page.

    The editor (Sveltia CMS, served from the site) needs more than a reader's page:
    its components insert their own ``<style>`` elements (``'unsafe-inline'`` for
    styles only, never for scripts), it reads and writes the repository through
    the Git host's API, shows pictures being uploaded from ``blob:`` and ``data:``
    addresses, and runs one helper as a ``blob:`` worker. Scripts still come only
    from the site itself, with no inline script and no ``eval``; nothing is
    fetched from a third party (its fonts and interface words are the site's own
    copies, engine/editor.py). An OAuth relay is reached in a pop-up window,
    which this policy does not govern, so it needs no entry here.
    """
    directives = [
        ("default-src", "'none'"),
        ("script-src", "'self'"),
        ("style-src", "'self' 'unsafe-inline'"),
        ("img-src", f"'self' blob: data: {GIT_HOST_IMAGES}"),
        ("font-src", "'self'"),
        ("connect-src", f"'self' blob: data: {GIT_HOST_API}"),
        ("worker-src", "'self' blob:"),
        ("manifest-src", "'self'"),
        ("media-src", "'self' blob:"),
        ("frame-src", "'none'"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'none'"),
    ]
    return "; ".join(f"{name} {value}" for name, value in directives)


# A script element as a browser's tokenizer sees it: "<script" then attributes up to
# ">", then raw text up to the first "</script" followed by white space, "/" or ">".
# A regular expression does this exactly and is far cheaper than a full HTML parser
# on every page of every build.
# Comments are matched too (a script inside a comment never runs); whichever starts
# first wins, as in the browser's tokenizer.
_SCRIPT = re.compile(r"<!--(?:>|->|.*?(?:--!?>|$))|<script(?=[\s/>])([^>]*)>(.*?)</script(?=[\s/>])",
                     re.I | re.S)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def inline_scripts(html: str) -> list[tuple[int, str]]:
    """(line, exact text) of every inline script a browser would run in ``html``."""
    found = []
    for match in _SCRIPT.finditer(html):
        if match.group(0).startswith("<!--"):
            continue
        attributes = {name.lower(): (a or b or c or "") for name, a, b, c in _ATTRIBUTE.findall(match.group(1))}
        kind = attributes.get("type", "").strip().lower()
        if "src" not in attributes and kind in _EXECUTABLE_TYPES:
            found.append((html.count("\n", 0, match.start()) + 1, match.group(2)))
    return found


def unpinned(html: str, pins: list[PinnedScript]) -> list[tuple[int, str]]:
    """(line, hash) of every inline script in ``html`` that the pinned list does not allow."""
    allowed = {p.hash for p in pins}
    return [(line, h) for line, text in inline_scripts(html) if (h := script_hash(text)) not in allowed]
