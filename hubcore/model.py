"""The content model: documents (one file, one language) grouped into entries.

Gathered once per build from ``docs/``; every listing, page and export is made
from it. It knows nothing of MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from .field_help import FieldHelp
from .frontmatter import SourceFile
from .inner_texts import fields_with_texts, localize, texts_only
from .product import Product, product_of
from .schema import PAGE, translatable_names
from .settings import DEFAULT_LANGUAGE, LANGUAGES, language_of
from .taxonomy import Taxonomies


@dataclass(frozen=True)
class Document:
    """One Markdown file: one entry in one language."""

    source: SourceFile
    docs_path: str  # relative to docs/, e.g. "workshops/x.ru.md"
    key: str  # language-free id, e.g. "workshops/x"
    lang: str
    # The body's words, hashed (translations.fingerprint), when the reader already has them:
    # kept with the file's reading, so a status page need not read every body again.
    body_fingerprint: str = ""

    @property
    def meta(self) -> dict[str, Any]:
        return self.source.meta

    def __repr__(self) -> str:
        return f"Document({self.docs_path!r})"


@dataclass(frozen=True)
class Entry:
    """A page or a product in every language it exists in.

    ``original`` carries the language-neutral fields; translations carry only
    text (title, summary, tags, body).
    """

    key: str
    kind: str  # PAGE or a content type id
    original: Document
    versions: dict[str, Document] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Entry({self.key!r}, {self.kind!r}, original={self.original.lang!r}, langs={sorted(self.versions)})"

    @property
    def is_product(self) -> bool:
        return self.kind != PAGE

    @property
    def languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang in self.versions]

    def document(self, lang: str) -> Document:
        """The file shown to a reader of ``lang``: theirs, or the original as a fallback."""
        return self.versions.get(lang, self.original)

    def text(self, name: str, lang: str) -> Any:
        """A translatable field in ``lang`` (falling back to the original's)."""
        value = self.document(lang).meta.get(name)
        return value if value is not None else self.original.meta.get(name)

    @cached_property
    def neutral(self) -> dict[str, Any]:
        """The language-neutral fields, from the original (computed once: listings ask often)."""
        texts = translatable_names(self.kind)
        return {k: v for k, v in self.original.meta.items() if k not in texts}

    @cached_property
    def product(self) -> Product:
        """The neutral fields typed as declared (product.py): what every output reads."""
        return product_of(self.kind, self.neutral)

    def value(self, path: str, lang: str | None = None) -> Any:
        """A product's value at a declared field's path (schema.shown_in): the typed front matter, or
        what the entry itself says of the values the hub works out (schema.DERIVED) it can know alone.
        With ``lang``, the texts inside neutral fields (an event's place) are that language's where its
        file gives them (product_in)."""
        derived = {"id": self.key, "type": self.kind, "languages": self.languages,
                   "original_language": self.original.lang}
        if path in derived:
            return derived[path]
        return (self.product if lang is None else self.product_in(lang)).at(path)

    def product_in(self, lang: str) -> Product:
        """The typed product with the texts inside its neutral fields (an event's place, its agenda's
        titles...) in ``lang`` where ``lang``'s file gives them, else the original's (inner_texts.py)."""
        return self._localized(lang)[0]

    def texts_language(self, path: str, lang: str) -> str:
        """The language in which a reader of ``lang`` sees the texts at ``path`` (``event.agenda``)."""
        return self._localized(lang)[1].get(path, self.original.lang)

    def _localized(self, lang: str) -> tuple[Product, dict[str, str]]:
        kept = self._per_language
        if lang not in kept:
            if lang == self.original.lang or lang not in self.versions or not fields_with_texts(self.kind):
                kept[lang] = (self.product, {})
            else:
                found = localize(self.kind, self.neutral, self.versions[lang].meta, self.original.lang, lang)
                kept[lang] = (product_of(self.kind, found.neutral), found.languages)
        return kept[lang]

    @cached_property
    def _per_language(self) -> dict[str, tuple[Product, dict[str, str]]]:
        return {}

    @property
    def has_material(self) -> bool:
        """Whether the product has material of its own: the one rule, used by every output.

        A product has material of its own when it lists at least one attachment,
        when its front matter says ``full_text: true`` (the page's text is the product
        itself: the whole case study, guide or report), or when it links the
        recording of its event (``event.recording``: the event itself, to watch).
        Otherwise its page holds only text about the product (where it fits in the
        project, its programme, who spoke), and the hub promises nothing more: no
        PDF, no download link, no feed entry, no media in its structured data, and
        its page says the materials are to come.
        """
        product = self.product
        return bool(product.attachments) or product.full_text or bool(product.event and product.event.recording)

    @property
    def draft(self) -> bool:
        return self.product.draft

    @property
    def slug(self) -> str:
        return self.key.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Site:
    """Everything the build needs: vocabularies, project figures, settings and entries."""

    taxonomies: Taxonomies
    project: dict[str, Any]
    settings: dict[str, Any]
    entries: dict[str, Entry]
    ui: dict[str, dict[str, Any]] = field(default_factory=dict)  # interface words per language
    field_help: FieldHelp = field(default_factory=FieldHelp)  # what each field means, per language
    # What is published (docs-relative path -> bytes): every page that is not a draft, and
    # every attachment or image such a page uses. Nothing else under docs/ reaches the site.
    files: dict[str, int] = field(default_factory=dict)
    # The size in pixels (width, height) of every published image (file_formats.image_size).
    images: dict[str, tuple[int, int]] = field(default_factory=dict)

    def products(self, include_drafts: bool = False) -> list[Entry]:
        """Published products, newest first (undated last), then by key for a stable order."""
        if include_drafts:
            return self._ordered([e for e in self.entries.values() if e.is_product])
        return list(self._published)

    @cached_property
    def _published(self) -> tuple[Entry, ...]:
        return tuple(self._ordered([e for e in self.entries.values() if e.is_product and not e.draft]))

    @staticmethod
    def _ordered(items: list[Entry]) -> list[Entry]:
        return sorted(items, key=lambda e: (date_key(e.product.date), e.key))

    def entry_for_path(self, docs_path: str) -> Entry | None:
        """The entry a docs-relative file path belongs to."""
        key, _ = language_of(docs_path)
        return self.entries.get(key)


@lru_cache(maxsize=4096)
def date_key(value: str | int | None) -> tuple[int, ...]:
    """Sort key that puts later dates first and undated entries last."""
    if not value:
        return (1,)
    parts = [int(p) for p in str(value).split("-")]
    return (0, *(-p for p in parts + [99] * (3 - len(parts))))


def default_original(versions: dict[str, Document], neutral_names: set[str], kind: str = PAGE) -> Document:
    """Which file is the original when several languages exist.

    The file that carries language-neutral fields is the original; when both or
    neither do, the default language (English) is. A single file is its own original.
    A translation's texts inside a neutral field (an event's agenda in Russian:
    inner_texts.py) do not make it the original.
    """
    with_texts = fields_with_texts(kind)

    def carries(document: Document) -> bool:
        return any(name in document.meta and not (name in with_texts and texts_only(with_texts[name],
                                                                                    document.meta[name]))
                   for name in neutral_names)

    carrying = [d for d in versions.values() if carries(d)]
    if len(carrying) == 1:
        return carrying[0]
    return versions.get(DEFAULT_LANGUAGE) or next(iter(versions.values()))
