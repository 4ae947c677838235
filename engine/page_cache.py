"""Built pages kept between builds, so that a rebuild renders only the pages that changed.

Rendering a page (Markdown, then the theme's templates) is most of a build's
cost, and between two builds almost every page is the same. A page's output is
a function of:

- the code and configuration that render it (``code_digest``: the hub's code,
  the MkDocs layer, the templates, ``data/``, ``mkdocs.yml``, the versions of
  the rendering libraries, and the settings the build passes in: site address,
  repository, PDFs on or off);
- the navigation every page shows: the titles of the pages in it (``nav_digest``);
- the page itself: the file the engine reads (its Markdown; for a generated page,
  its whole input) and its view, which holds everything else the page shows:
  other pages' titles and terms in its listings and related items, its
  translation notice, its dates, its PDF (``page_key``, the exact key).

Making every page's view costs time too, so a page is first looked up by a quick
key that needs no view (``quick_key``): the code, every file's front matter
(``metadata_digest``: the only thing a page shows of other pages), and the
page's own files. The last build left, for each quick key, the exact key it
led to. While nobody's front matter changes (an author edits a text), every
page is found that way; when some front matter changes (a new product, a new
title), each page's view is made and the exact key decides, so only the pages
that show the change are rendered again. Pages in the navigation are rendered
every time: the caller cannot leave them out.

Nothing here knows the site engine: the MkDocs layer decides which pages to look
up and hands over what the engine wrote.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from hubcore.digests import digest, environment, files
from hubcore.generated import TermPage
from hubcore.model import Entry, Site
from hubcore.settings import BUILD_SOURCES, cache_folder

CACHE_NAME = "pages"  # under .cache/


def folder(root: Path, lang: str) -> Path:
    """Where one language's cached pages are kept."""
    return cache_folder(root, CACHE_NAME) / lang
# Code and configuration that shape a page's HTML (besides the content itself).
# The code and configuration among the build sources (docs/ is content, scripts/ never renders a page).
RENDERING_SOURCES = tuple(name for name in BUILD_SOURCES if name not in ("docs", "scripts"))
RENDERING_PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions",
                      "Markdown", "Jinja2", "MarkupSafe", "Babel", "Pygments", "PyYAML")


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))


def code_digest(root: Path, settings: Mapping[str, Any]) -> str:
    """Everything besides the content that a page's HTML depends on."""
    return digest(_canonical(dict(settings)), *environment(RENDERING_PACKAGES),
                  *files(root, RENDERING_SOURCES))


def metadata_digest(site: Site) -> str:
    """What one page may show of the others: every file's front matter, every attachment's size, every
    image's size in pixels (an event's photos are shown with theirs)."""
    parts: list[str] = []
    for key in sorted(site.entries):
        entry = site.entries[key]
        parts.append(_canonical([key, entry.kind, entry.original.lang,
                                 [[d.docs_path, d.meta] for d in entry.versions.values()]]))
    # Attachments are listed with their size; a page's own size is nobody else's business.
    parts.append(_canonical(sorted((path, size) for path, size in site.files.items() if not path.endswith(".md"))))
    parts.append(_canonical(sorted(site.images.items())))
    return digest(*parts)


def quick_key(shared: str, page: Entry | TermPage, lang: str, staged: bytes,
              updated: Mapping[str, str], extra: Any = None) -> str:
    """A key made without the page's view: valid while ``shared`` (code and front matter) holds.

    ``staged`` is the file the engine reads for this page, ``updated`` the Git
    dates, ``extra`` anything else the caller adds (the page's PDF download).
    """
    parts: list[bytes | str] = [shared, lang, page.key, staged, _canonical(extra)]
    if isinstance(page, Entry):  # a translation's notice depends on its original's text
        for document in page.versions.values():
            parts += [document.docs_path, document.source.text, updated.get(document.docs_path, "")]
    return digest(*parts)


def nav_digest(titles: Iterable[tuple[str, str]]) -> str:
    """The navigation's (path, title) pairs, in order, in one language."""
    return digest(_canonical(list(titles)))


def shared_digests(code: str, site: Site, lang: str,
                   nav: Iterable[tuple[str, Entry | TermPage | None]]) -> tuple[str, str]:
    """What every page of ``lang`` depends on, for the quick key and for the exact key.

    ``code`` is ``code_digest``; ``nav`` the navigation's (path, page) pairs, in
    order: it shows each page's title in the reader's language.
    """
    titles = ((path, page.text("title", lang) if isinstance(page, Entry) else "") for path, page in nav)
    return code + metadata_digest(site), code + nav_digest(titles)


def page_key(shared: str, lang: str, path: str, staged: bytes, view: Mapping[str, Any]) -> str:
    """The key of one page in one language.

    ``shared`` is what every page depends on (``code_digest`` and ``nav_digest``),
    ``path`` the page's source path, ``staged`` the file the engine reads for it,
    ``view`` what the page shows besides its Markdown.
    """
    return digest(shared, lang, path, staged, _canonical(view))


@dataclass(frozen=True)
class CachedPage:
    html: Path  # the page's HTML exactly as the engine wrote it
    search: list[dict[str, Any]]  # the page's search entries, in the engine's order


class PageCache:
    """One language's cached pages: ``<key>.html`` and ``<key>.json`` (its search entries)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> CachedPage | None:
        html, search = self.folder / f"{key}.html", self.folder / f"{key}.json"
        try:
            entries = json.loads(search.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return CachedPage(html, entries) if html.is_file() else None

    def put(self, key: str, html: bytes, search: list[dict[str, Any]]) -> None:
        """Store a page; written to temporary names and renamed, so a stopped build leaves no half page."""
        self.folder.mkdir(parents=True, exist_ok=True)
        suffix = f".{os.getpid()}.tmp"
        for name, data in ((f"{key}.html", html), (f"{key}.json", _canonical(search).encode("utf-8"))):
            temporary = self.folder / (name + suffix)
            temporary.write_bytes(data)
            os.replace(temporary, self.folder / name)
        # The JSON file is written last: get() finds a page only once both are complete.

    @property
    def _index_file(self) -> Path:
        return self.folder.with_name(self.folder.name + ".index.json")

    def quick_index(self) -> dict[str, str]:
        """Quick key -> exact key, as the last build left them."""
        try:
            found = json.loads(self._index_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def save_quick_index(self, index: Mapping[str, str]) -> None:
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        temporary = self._index_file.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(_canonical(dict(index)), encoding="utf-8")
        os.replace(temporary, self._index_file)

    @property
    def stats_file(self) -> Path:
        return self.folder.with_name(self.folder.name + ".stats.json")

    def read_stats(self) -> dict[str, int]:
        """What write_stats recorded for the last build."""
        return json.loads(self.stats_file.read_text(encoding="utf-8"))

    def write_stats(self, rendered: int, reused: int) -> None:
        """How many pages the last build rendered and reused (read by the benchmark and tests)."""
        self.stats_file.write_text(_canonical({"rendered": rendered, "reused": reused}) + "\n", encoding="utf-8")

    def prune(self, keep: Iterable[str]) -> int:
        """Remove every page not used by the build that has just finished; returns how many."""
        wanted = set(keep)
        removed = 0
        for path in self.folder.glob("*") if self.folder.is_dir() else []:
            if path.name.split(".", 1)[0] not in wanted:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def place(cached: Path, target: Path) -> None:
    """Put a cached page at its place in the built site: a hard link where the disk allows, else a copy.

    The cache never writes into a stored file (``put`` writes a new one and
    renames it) and the build never edits a written page, so sharing the bytes is safe.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def page_of(location: str) -> str:
    """The page part of a search entry's location ("guides/x/#anchor" -> "guides/x/")."""
    return location.partition("#")[0]


def group_by_page(docs: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Search entries grouped by the page they belong to, each group in the engine's order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        groups.setdefault(page_of(doc.get("location", "")), []).append(doc)
    return groups


def merge_search(order: Iterable[str], rendered: list[dict[str, Any]],
                 cached: Mapping[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The search entries of a build, in page order, as if every page had been rendered.

    ``order`` lists every page's URL in build order, ``rendered`` is what the
    engine indexed this time, ``cached`` the entries of the pages taken from the
    cache. Entries of a URL outside ``order`` keep their place at the end.
    """
    groups = group_by_page(rendered)
    merged: list[dict[str, Any]] = []
    for url in order:
        merged += cached.get(url) or groups.pop(url, [])
    for rest in groups.values():
        merged += rest
    return merged


@dataclass
class Reuse:
    """One language build's use of the cache: the pages it takes, the pages it renders.

    The engine layer asks ``take`` for each page in build order, leaves out the
    pages taken, and at the end hands ``finish`` what the engine wrote.
    """

    cache: PageCache
    order: list[str] = field(default_factory=list)  # every page's URL, in build order
    rendered: dict[str, tuple[str, str]] = field(default_factory=dict)  # URL -> (exact key, output path)
    reused: dict[str, tuple[str, CachedPage, str]] = field(default_factory=dict)
    quick: dict[str, str] = field(default_factory=dict)  # this build's quick key -> exact key
    _last: dict[str, str] | None = None

    def page(self, url: str) -> None:
        """A page the caller always renders (not looked up)."""
        self.order.append(url)

    def take(self, url: str, output: str, quick: str, exact: Callable[[], str]) -> bool:
        """True when the page is in the cache: the caller must then not render it.

        ``exact`` makes the exact key (it makes the page's view): called only
        when the quick key does not lead to a stored page.
        """
        self.order.append(url)
        if self._last is None:
            self._last = self.cache.quick_index()
        key = self._last.get(quick)
        cached = self.cache.get(key) if key else None
        if cached is None:
            key = exact()
            cached = self.cache.get(key)
        self.quick[quick] = key
        if cached is None:
            self.rendered[url] = (key, output)
            return False
        self.reused[url] = (key, cached, output)
        return True

    def finish(self, site_dir: Path, search: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Store what was rendered, place what was taken, prune; returns every page's search entries.

        ``search`` is the engine's index of the pages it rendered. The cache is
        pruned to this build's pages, so it holds one site's worth.
        """
        groups = group_by_page(search)
        for url, (key, output) in self.rendered.items():
            self.cache.put(key, (site_dir / output).read_bytes(), groups.get(url, []))
        for key, cached, output in self.reused.values():
            place(cached.html, site_dir / output)
        self.cache.prune([key for key, _ in self.rendered.values()] + [key for key, *_ in self.reused.values()])
        self.cache.save_quick_index(self.quick)
        self.cache.write_stats(rendered=len(self.order) - len(self.reused), reused=len(self.reused))
        return merge_search(self.order, search, {url: cached.search for url, (_, cached, _) in self.reused.items()})
