"""The browser editor's configuration (Sveltia CMS, served at /admin/), generated from the declarations.

Like the JSON Schemas and the snippets, it is never written by hand: every
collection is a content type of ``data/taxonomies.yml`` in its folder, every
field a field of ``schema.py`` with the widget its ``kind`` calls for, the
select options the vocabulary's terms with their labels, the hints the field's
help text (``data/fields.yml``) and the languages those of ``data/languages.yml``.
A field declared tomorrow appears in the editor without this module changing;
a kind this module does not know stops the build (``UnknownKind``), and a test
walks the declarations and the configuration both ways.

One configuration per language of the site: ``/admin/config.yml`` names the
collections and explains the fields in English, ``/ru/admin/config.yml`` in
Russian. Both write the same files:

- a content type's collection writes the original in the default language
  (``x.md``) and its translations (``x.ru.md``) side by side; fields that are
  translated (``Field.translatable``) are edited in every language, the
  language-neutral ones once, on the original (``i18n: false``);
- an original in another language has no default-language file, which such a
  collection cannot make (it always writes ``x.md``); so each other language
  has a collection per type of its own originals only (``x.ru.md``, every field
  in it), listing the files of that language that are not translations.

What the validator checks across files (the translation against its original,
that an attachment exists, that ``partners`` comes with ``partners_source``) is
left to it: the editor's hints say what it will ask for, and the pull request's
checks report it on its line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .addresses import HTTPS_PATTERN
from .field_help import FieldHelp
from .file_formats import FORMATS
from .json_schema import DATE_PATTERN, DAY_PATTERN
from .schema import JSON_TIME, ONE_LINE_UP_TO, PAGE_FIELDS, Field, fields_for
from .settings import DEFAULT_LANGUAGE, DOCS_DIR, FILES_DIR, LANGUAGES
from .taxonomy import ContentType, Taxonomies
from .translations import FIELD as TRANSLATION_MARK

# Sveltia CMS's own schema of this file (the package ships it; the test validates against it).
SCHEMA = "https://unpkg.com/@sveltia/cms/schema/sveltia-cms.json"
# Field kinds the editor does not show, and why: the hub writes them, never an author. Such a
# field (or a mapping of nothing else) is a hidden field: kept as the file has it, never shown.
NOT_EDITED = {"hash": "a translation's recorded version: 'hub.py translations refresh' writes it"}
# Section folders hold their introduction as index.md (a page, with the page fields).
INDEX_NAME = "index"
# A file name the site accepts (contribution.py): plain Latin letters, digits and hyphens.
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
# The Markdown body of a file, after its front matter.
BODY = "body"


def edited(spec: Field) -> bool:
    """Whether the editor shows ``spec``: not a kind the hub writes itself, nor a mapping of only such parts."""
    if spec.kind in NOT_EDITED:
        return False
    return not spec.fields or any(edited(sub) for sub in spec.fields)


class UnknownKind(ValueError):
    """A field kind (schema.Field.kind) this module has no widget for: declare one here."""


@dataclass(frozen=True)
class Words:
    """What the editor's configuration says in one language: the site's words (data/ui.yml) for it."""

    lang: str
    ui: dict[str, Any]

    def get(self, name: str, **values: str) -> str:
        text = str(self.ui.get(name, name))
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text


@dataclass(frozen=True)
class Backend:
    """Where the editor reads and writes: a GitHub repository ("owner/name"), its branch, and the
    address of an OAuth relay the organisation runs ("" when authors sign in with a token)."""

    repo: str = ""
    branch: str = "main"
    auth_url: str = ""


def github_repo(repository: str) -> str:
    """``https://github.com/owner/name`` (as REPO_URL or mkdocs.yml's repo_url give it) -> ``owner/name``; else ""."""
    prefix = "https://github.com/"
    if not repository.startswith(prefix):
        return ""
    parts = repository[len(prefix):].strip("/").removesuffix(".git").split("/")
    return "/".join(parts) if len(parts) == 2 and all(parts) else ""


def _options(spec: Field, taxonomies: Taxonomies, lang: str) -> list[dict[str, str]]:
    """A vocabulary's terms as select options: each labelled in ``lang``, with its id."""
    return [{"label": f"{term.label.get(lang) or term.label.get(DEFAULT_LANGUAGE) or term_id} ({term_id})",
             "value": term_id} for term_id, term in taxonomies[spec.vocabulary or ""].items()]


def _accept(family: str | None = None) -> str:
    """The file types the allow-list accepts (file_formats.py), of one family if given, for the file picker."""
    return ",".join(sorted({f".{ext}" for f in FORMATS if family in (None, f.family) for ext in f.extensions}))


def widget(spec: Field, path: str, taxonomies: Taxonomies, help: FieldHelp, lang: str) -> dict[str, Any]:
    """The editor's field for the declared field ``spec`` at ``path`` (``event.kind``), explained in ``lang``.

    The label is the field's name, as the validator's messages and the contributor
    guide's field reference name it; the hint is its help text.
    """
    if not edited(spec):
        return {"name": spec.name, "widget": "hidden"}
    field: dict[str, Any] = {"name": spec.name, "label": spec.name, "required": spec.required}
    hint = help.text(path, lang)
    if hint:
        field["hint"] = hint
    kind = spec.kind
    if kind == "text":
        one_line = spec.max_length is not None and spec.max_length <= ONE_LINE_UP_TO
        field["widget"] = "string" if one_line else "text"
        if spec.max_length:
            field["maxlength"] = spec.max_length
    elif kind == "text-list":
        field.update(widget="list")
    elif kind == "date":
        field.update(widget="string", pattern=[DATE_PATTERN, "YYYY, YYYY-MM, YYYY-MM-DD"])
    elif kind == "day":
        field.update(widget="string", pattern=[DAY_PATTERN, "YYYY-MM-DD"])
    elif kind in ("term", "terms"):
        field.update(widget="select", options=_options(spec, taxonomies, lang), multiple=kind == "terms",
                     dropdown_threshold=0)
    elif kind == "boolean":
        field.update(widget="boolean")
    elif kind == "count":
        field.update(widget="number", value_type="int", min=0)
    elif kind == "https-url":
        field.update(widget="string", type="url", pattern=[HTTPS_PATTERN, "https://…"])
    elif kind == "file":
        field.update(widget="file", accept=_accept(), choose_url=False)
    elif kind == "image":  # a photo: an image format the allow-list accepts, from the repository only
        field.update(widget="image", accept=_accept("images"), choose_url=False)
    elif kind == "time":  # HH:MM, as the validator (and the catalogue's schema) accepts it
        field.update(widget="string", pattern=[JSON_TIME["pattern"], "HH:MM"])
    elif kind in ("mapping", "mapping-list"):
        subs = [widget(sub, f"{path}.{sub.name}", taxonomies, help, lang)
                for sub in spec.fields]
        if spec.one_of:  # exactly one of them: the validator says so; neither is required on its own
            for sub in subs:
                if sub["name"] in spec.one_of:
                    sub["required"] = False
        field.update(widget="object" if kind == "mapping" else "list", fields=subs)
        if kind == "mapping-list":
            field["summary"] = "{{fields.%s}}" % spec.fields[0].name
    else:
        raise UnknownKind(f"{path}: no editor widget for the field kind {kind!r} (hubcore/editor_config.py)")
    return field


def _fields(kind: str, taxonomies: Taxonomies, help: FieldHelp, lang: str, neutral_once: bool) -> list[dict[str, Any]]:
    """The editor's fields of a page of ``kind``, then the body.

    With ``neutral_once``, language-neutral fields are written in the default
    language's file only (``i18n: false``) and translated ones in every file.
    """
    found = []
    for spec in fields_for(kind):
        field = widget(spec, spec.name, taxonomies, help, lang)
        if neutral_once:
            field["i18n"] = spec.translatable
        found.append(field)
    body: dict[str, Any] = {"name": BODY, "label": BODY, "widget": "markdown", "required": False,
                            "modes": ["rich_text", "raw"]}
    if neutral_once:
        body["i18n"] = True
    return found + [body]


def _i18n(locales: list[str]) -> dict[str, Any]:
    return {"structure": "multiple_files", "locales": locales, "default_locale": locales[0],
            # x.md for the default language, x.ru.md for Russian: the hub's layout
            "omit_default_locale_from_file_path": locales[0] == DEFAULT_LANGUAGE}


def _collection(content_type: ContentType, taxonomies: Taxonomies, help: FieldHelp, words: Words,
                original: str) -> dict[str, Any]:
    """The collection of ``content_type``'s products whose original is in ``original``.

    In the default language: originals and their translations, side by side. In
    another: that language's originals alone, every field in their own file.
    """
    plural = content_type.plural.get(words.lang) or content_type.plural.get(DEFAULT_LANGUAGE, content_type.id)
    singular = content_type.label.get(words.lang) or content_type.label.get(DEFAULT_LANGUAGE, content_type.id)
    side_by_side = original == DEFAULT_LANGUAGE
    collection: dict[str, Any] = {
        "name": content_type.id if side_by_side else f"{content_type.id}-{original}",
        "label": plural if side_by_side else words.get(
            "editor_originals_in", plural=plural, language=str(words.ui.get("language_in", {}).get(original, original))),
        "label_singular": singular,
        "folder": f"{DOCS_DIR}/{content_type.folder}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": True,
        "delete": False,
        "slug": {"template": "{{title}}", "editable": True,
                 "pattern": [SLUG_PATTERN, words.get("editor_slug_pattern")]},
        "identifier_field": "title",
        "summary": "{{title}}",
        # Attachments and images go to the section's files/ folder, written as files/x.pdf.
        "media_folder": FILES_DIR,
        "public_folder": FILES_DIR,
        "fields": _fields(content_type.id, taxonomies, help, words.lang, neutral_once=side_by_side),
    }
    # The section's introduction (index.md, index.ru.md): a page, with the page fields.
    collection["index_file"] = {"name": INDEX_NAME, "fields": _page_fields(taxonomies, help, words.lang)}
    if side_by_side:
        collection["i18n"] = True  # as the top level declares it
    else:
        # This language alone: its files are x.ru.md, every field in them.
        collection["i18n"] = _i18n([original])
        # Translations carry their original's recorded version; originals in this language do not.
        collection["filter"] = {"field": TRANSLATION_MARK, "value": None}
    return collection


def _page_fields(taxonomies: Taxonomies, help: FieldHelp, lang: str) -> list[dict[str, Any]]:
    fields = [widget(spec, spec.name, taxonomies, help, lang) for spec in PAGE_FIELDS]
    for field in fields:
        field["i18n"] = True
    return fields + [{"name": BODY, "label": BODY, "widget": "markdown", "required": False, "i18n": True}]


def config(taxonomies: Taxonomies, help: FieldHelp, words: Words, backend: Backend, site_url: str) -> dict[str, Any]:
    """The whole configuration of the editor in ``words.lang``.

    Every save is a branch and a pull request (``editorial_workflow``), never a
    push to the main branch; the local repository mode (a folder on the author's
    computer, from a page on 127.0.0.1) writes the files there instead.
    """
    github: dict[str, Any] = {"name": "github", "repo": backend.repo or "owner/repository",
                              "branch": backend.branch,
                              "commit_messages": {"create": "Create {{collection}} “{{slug}}”",
                                                  "update": "Update {{collection}} “{{slug}}”",
                                                  "delete": "Delete {{collection}} “{{slug}}”",
                                                  "uploadMedia": "Upload “{{path}}”",
                                                  "deleteMedia": "Delete “{{path}}”"}}
    if backend.auth_url:
        github["base_url"] = backend.auth_url
    else:
        github["auth_methods"] = ["token"]
    collections = [_collection(t, taxonomies, help, words, DEFAULT_LANGUAGE) for t in taxonomies.types.values()]
    for lang in LANGUAGES[1:]:
        collections += [_collection(t, taxonomies, help, words, lang) for t in taxonomies.types.values()]
    return {
        "backend": github,
        "publish_mode": "editorial_workflow",
        "app_title": words.get("editor_title"),
        "site_url": site_url + ("" if words.lang == DEFAULT_LANGUAGE else f"{words.lang}/"),
        "show_preview_links": False,
        "media_folder": f"{DOCS_DIR}/{FILES_DIR}",
        "public_folder": FILES_DIR,
        "slug": {"encoding": "ascii", "clean_accents": True, "lowercase": True},
        # Files are uploaded into the repository only (no stock-photo services, which are third
        # parties), under a plain name the site accepts, no larger than the largest it accepts.
        "media_libraries": {"default": {"config": {"max_file_size": max(f.max_bytes for f in FORMATS),
                                                   "slugify_filename": True}},
                            "stock_assets": {"providers": []}},
        "output": {"omit_empty_optional_fields": True, "yaml": {"quote": "double"}},
        "i18n": _i18n(list(LANGUAGES)),
        "collections": collections,
    }


def config_path(lang: str) -> str:
    """Where the site serves the configuration in ``lang``: ``admin/config.yml``, ``ru/admin/config.yml``."""
    return ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + "admin/config.yml"


def dumps(document: dict[str, Any]) -> bytes:
    """The configuration as YAML the editor reads (JSON is YAML), with a line naming its schema."""
    return (f"# yaml-language-server: $schema={SCHEMA}\n"
            "# Generated by the hub from hubcore/schema.py and data/ (hubcore/editor_config.py): do not edit.\n"
            + json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")



# The interface language built into the editor; the others are files it fetches.
BUILTIN_LOCALE = "en-US"


def ui_locale(og_locale: str, code: str, shipped: set[str], builtin: str = BUILTIN_LOCALE) -> str:
    """The editor's interface language for a site language (data/languages.yml).

    The editor names its languages ``en-US`` or ``ru``: the language's Open Graph
    locale (``en_US`` -> ``en-US``) if the editor has it, else its code, else the
    editor's own built-in English.
    """
    for candidate in (og_locale.replace("_", "-"), code):
        if candidate == builtin or candidate in shipped:
            return candidate
    return builtin
