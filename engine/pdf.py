"""A PDF of every product with material of its own, in each language it is written in, cached by content.

Officials print and forward documents, so each product that has material of
its own (``Entry.has_material``: attachments, or its page's text is the product
itself) also exists as a tidy PDF; a product whose page only describes it gets
none, so no PDF of an empty page goes out. A PDF holds a cover (title, summary,
the fields whose declarations give a ``cover`` in hubcore/schema.py: type, date
or dates, place, countries, topics, organisations, authors, licence; the page's
address), the product's text and, for the materials of an event, its programme,
speakers, the address of its recording and its photos with their captions
(hubcore/event_views.py, as the page shows them), with no navigation. The document is made from
the content model, not from the built site: the body is the product's Markdown
rendered with the site's own Markdown extensions, laid out by a Jinja template
file (``overrides/hub/pdf/product.html``) and printed by WeasyPrint with
Debian's Pango and the DejaVu fonts (which cover Cyrillic).

Rendering is the slow part, so it is a separate step (``hub.py build --pdf``)
and every PDF is cached under ``.cache/pdf/`` by a hash of everything that goes
into it: the finished HTML document (so any change to the text, the metadata,
the labels, the template or the address shows), the bytes of the images it
embeds, and the renderer's version. An unchanged product is never rendered
again; the cache is pruned of PDFs no product uses any more.

Only local files under ``docs/`` may be fetched while rendering: a remote image
or stylesheet in a product's body is refused, so a build never reaches out to
the network and a PDF cannot pull in anything the site does not publish.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import jinja2
import markdown
from markupsafe import Markup

from hubcore import markdown_render
from hubcore.event_views import event_view
from hubcore.generated import TermPage
from hubcore.model import Entry, Site
from hubcore.schema import shown_in
from hubcore.settings import Paths, cache_folder, language_of
from hubcore.urls import entry_path
from hubcore.product_views import format_size, row_values

CACHE_NAME = "pdf"  # under .cache/


def cache(root: Path) -> Path:
    """Where printed PDFs are kept, named by the hash of everything that went into them."""
    return cache_folder(root, CACHE_NAME)
TEMPLATE_DIR = "overrides/hub/pdf"
TEMPLATE = "product.html"
# Bump when this module changes what a PDF looks like in a way the HTML does not show.
RENDERER_VERSION = "1"


@dataclass(frozen=True)
class PdfFile:
    """One rendered PDF: which product and language, where it is cached, where it is published."""

    key: str
    lang: str
    cached: Path
    url: str  # site-relative: "ru/workshops/x/x.pdf"
    size: int

    def __repr__(self) -> str:
        return f"PdfFile({self.url!r}, {self.size} bytes)"


def pdf_url(entry: Entry, lang: str) -> str:
    """Where the PDF of ``entry`` in ``lang`` is published: beside its page, named by its slug."""
    return entry_path(entry.key, lang) + f"{entry.slug}.pdf"


class _Links(markdown.treeprocessors.Treeprocessor):
    """Make the body's relative links absolute (a PDF has no site around it) and find its images."""

    def __init__(self, md: markdown.Markdown, docs_path: str, lang: str, base_url: str, docs: Path) -> None:
        super().__init__(md)
        self.folder = posixpath.dirname(docs_path)
        self.lang = lang
        self.base_url = base_url
        self.docs = docs
        self.images: list[Path] = []

    def _target(self, href: str) -> tuple[str, str] | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        path = posixpath.normpath(posixpath.join(self.folder, unquote(parts.path)))
        return path, parts.fragment

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "a" and element.get("href"):
                target = self._target(element.get("href", ""))
                if target is None:
                    continue
                path, fragment = target
                if path.endswith(".md"):
                    key, _ = language_of(path)
                    url = self.base_url + entry_path(key, self.lang)
                else:
                    url = self.base_url + quote(path)
                element.set("href", url + (f"#{fragment}" if fragment else ""))
            elif element.tag == "img" and element.get("src"):
                target = self._target(element.get("src", ""))
                if target is not None:
                    file = self.docs / target[0]
                    self.images.append(file)
                    element.set("src", file.as_uri())


class _LinksExtension(markdown.Extension):
    def __init__(self, processor_args: tuple[Any, ...]) -> None:
        super().__init__()
        self.processor_args = processor_args
        self.processor: _Links | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        self.processor = _Links(md, *self.processor_args)
        md.treeprocessors.register(self.processor, "hub_pdf_links", 1)


def render_body(body: str, docs_path: str, lang: str, base_url: str, docs: Path) -> tuple[str, list[Path]]:
    """A product's Markdown as HTML, with the site's extensions; returns the HTML and its local images."""
    configs = markdown_render.configs()
    configs["toc"]["permalink"] = False  # no "¶" anchors on paper
    links = _LinksExtension((docs_path, lang, base_url, docs))
    md = markdown.Markdown(extensions=[*markdown_render.EXTENSIONS, links], extension_configs=configs)
    html = md.convert(body)
    return html, list(links.processor.images if links.processor else [])


def cover(site: Site, entry: Entry, lang: str, site_name: str, base_url: str) -> dict[str, Any]:
    """What the cover shows, in ``lang``: a row per field whose declaration has a ``cover``
    (hubcore/schema.py), in their order; a field the product does not give is left out."""
    ui = site.ui.get(lang, {})
    rows: list[dict[str, str]] = []
    for path, spec in shown_in("cover", entry.kind):
        assert spec.cover
        values = row_values(site, entry, path, spec, spec.cover, lang)
        if values:  # a linked row (a licence) links its one value's address
            url = str(values[0].get("url") or "") if spec.cover.link and len(values) == 1 else ""
            rows.append({"name": ui.get(spec.cover.word, spec.cover.word),
                         "value": spec.cover.separator.join(str(v["label"]) for v in values), "url": url})
    return {"title": str(entry.versions[lang].meta.get("title", "")),
            "summary": str(entry.versions[lang].meta.get("summary") or ""),
            "rows": rows, "site_name": site_name,
            "url": base_url + entry_path(entry.key, lang), "url_label": ui.get("permanent_url", "")}


def _environment(root: Path) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(root / TEMPLATE_DIR)),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              keep_trailing_newline=True)


def document_html(site: Site, entry: Entry, lang: str, site_name: str, base_url: str, root: Path,
                  environment: jinja2.Environment | None = None) -> tuple[str, list[Path]]:
    """The whole HTML document a PDF is printed from, and the local files it embeds."""
    document = entry.versions[lang]
    body, images = render_body(document.source.body, document.docs_path, lang, base_url,
                               Paths(root).docs.resolve())
    template = (environment or _environment(root)).get_template(TEMPLATE)
    event = event_view(site, entry, lang) or {}
    docs = Paths(root).docs.resolve()
    for photo in (event.get("photos") or {}).get("photos", []):  # printed from the files themselves
        images.append(docs / photo["src"])
        photo["src"] = (docs / photo["src"]).as_uri()
    html = template.render(lang=lang, cover=cover(site, entry, lang, site_name, base_url), body=Markup(body),
                           event=event, ui=site.ui.get(lang, {}))
    return html, images


def content_hash(html: str, images: list[Path]) -> str:
    """Everything that decides a PDF's bytes, hashed: the document, its images, the renderer."""
    import weasyprint  # only when PDFs are made: a plain build needs neither it nor Pango
    digest = hashlib.sha256(f"{RENDERER_VERSION}\0{weasyprint.__version__}\0".encode())
    digest.update(html.encode("utf-8"))
    for image in sorted(images):
        digest.update(b"\0" + image.as_posix().encode() + b"\0")
        digest.update(image.read_bytes() if image.is_file() else b"missing")
    return digest.hexdigest()[:32]


def _fetcher(allowed: Path):
    """A WeasyPrint URL fetcher that serves local files under ``allowed`` and nothing else."""
    from weasyprint.urls import URLFetcher

    class LocalOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None):  # noqa: D102 (WeasyPrint's API)
            if url.startswith("file:"):
                path = Path(unquote(urlsplit(url).path)).resolve()
                if path.is_relative_to(allowed.resolve()) and path.is_file():
                    return super().fetch(url, headers)
            raise ValueError(f"not fetched while printing a PDF (only files under docs/): {url}")

    return LocalOnly()


def print_pdf(html: str, root: Path) -> bytes:
    """Lay the document out with WeasyPrint: A4, DejaVu fonts, local files only."""
    import weasyprint
    docs = Paths(root).docs.resolve()  # file URIs need an absolute path
    return weasyprint.HTML(string=html, base_url=docs.as_uri() + "/", url_fetcher=_fetcher(docs)).write_pdf()


def render_language(site: Site, root: Path, lang: str, site_name: str, base_url: str) -> tuple[dict[str, PdfFile], int]:
    """Every published product written in ``lang`` as a cached PDF; returns them and how many were printed."""
    kept = cache(root)
    environment = _environment(root)
    files: dict[str, PdfFile] = {}
    printed = 0
    for entry in site.products():
        if lang not in entry.versions or not entry.has_material:
            continue  # a fallback page links the original's PDF; a product with no material has none
        html, images = document_html(site, entry, lang, site_name, base_url, root, environment)
        path = kept / f"{content_hash(html, images)}.pdf"
        if not path.is_file():
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(print_pdf(html, root))
            partial.replace(path)  # never a half-written PDF in the cache
            printed += 1
        files[entry.key] = PdfFile(entry.key, lang, path, pdf_url(entry, lang), path.stat().st_size)
    return files, printed


def download(pdfs: dict[str, dict[str, PdfFile]], entry: Entry | TermPage, lang: str) -> dict[str, Any] | None:
    """The product page's PDF link in ``lang``: its own PDF, or the original's on a fallback page.

    None for other pages, for a product with no material of its own (it has no
    PDF: see Entry.has_material), and when PDFs were not made in this build, so a
    page never links a file that does not exist.
    """
    if not isinstance(entry, Entry) or not entry.is_product or not entry.has_material:
        return None
    own = lang if lang in entry.versions else entry.original.lang
    found = pdfs.get(own, {}).get(entry.key)
    if found is None:
        return None
    return {"url": found.url, "size": format_size(found.size, lang), "lang": own}


def publish(files: dict[str, PdfFile], site_dir: Path) -> None:
    """Copy one language's cached PDFs to their places in the built site."""
    for pdf in files.values():
        target = site_dir / pdf.url
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf.cached, target)


def prune(root: Path, keep: list[PdfFile]) -> int:
    """Remove cached PDFs no product uses any more; returns how many."""
    used = {pdf.cached.name for pdf in keep}
    removed = 0
    for path in sorted(cache(root).glob("*.pdf")):
        if path.name not in used:
            path.unlink()
            removed += 1
    return removed
