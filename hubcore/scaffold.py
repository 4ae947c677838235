"""New content files, laid out from the same field declarations the validator uses.

Authors are not developers: ``hub.py new`` gives them a file in the right
folder with every field of its type written out and explained, the required
ones filled so that the file is valid at once, the optional ones commented out
with an example. Nothing is ever overwritten.

A new file is unfinished: it starts with ``draft: true``, so it stays off the
published site until its author removes that line, and its example summary and
text are refused (placeholders.py) in any file that is published.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import Entry, Site
from .schema import Field, fields_for
from .settings import DEFAULT_LANGUAGE, LANGUAGES, Paths, language_suffix

# Russian letters to Latin, close to the common "passport" romanisation, so that
# slugs stay readable: "Цифровизация услуг" -> "tsifrovizatsiia-uslug".
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўқғүұңһөә",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
     "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia", "i", "i", "ie", "g",
     "u", "q", "g", "u", "u", "n", "h", "o", "a"]))
MAX_SLUG = 60

class ScaffoldError(Exception):
    """Why a file cannot be created (it exists, the type is unknown...)."""


@dataclass(frozen=True)
class NewFile:
    path: Path
    text: str


def slugify(title: str) -> str:
    """A readable Latin slug for a title in any of the hub's languages."""
    text = "".join(_CYRILLIC.get(ch, ch) for ch in title.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug or "untitled"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted string


def _explained(site: Site, spec: Field, path: str, lang: str) -> str:
    """``name (required): help. Allowed values: id (label), ...`` for one field, in ``lang``."""
    words = site.ui.get(lang, {})
    required = f" ({words.get('required', 'required')})" if spec.required else ""
    allowed = ""
    if spec.vocabulary:
        terms = site.taxonomies[spec.vocabulary]
        allowed = (f" {words.get('allowed_values', 'Allowed values')}: "
                   + ", ".join(f"{t} ({term.label.get(lang, t)})" for t, term in terms.items()) + ".")
    return f"{spec.name}{required}: {site.field_help.text(path, lang)}{allowed}"


def _sub_fields(site: Site, spec: Field, path: str, lang: str, indent: str) -> list[str]:
    """Each sub-field explained on its line, its own sub-fields (an agenda item's) indented below it."""
    lines = []
    for sub in spec.fields:
        lines.append(f"{indent}{_explained(site, sub, f'{path}.{sub.name}', lang)}")
        lines += _sub_fields(site, sub, f"{path}.{sub.name}", lang, indent + "  ")
    return lines


def front_matter(site: Site, kind: str, title: str, lang: str) -> str:
    """Every field of ``kind``: required ones filled, optional ones commented with an example.

    Each is explained by its help (data/fields.yml) and, for terms, the allowed
    ids with their labels, in ``lang``, with the words of data/ui.yml.
    """
    lines = ["---"]
    for spec in fields_for(kind):
        if spec.name == "translated_from":
            continue  # written by 'hub.py translations refresh' in translations only
        lines.append(f"# {_explained(site, spec, spec.name, lang)}")
        lines += _sub_fields(site, spec, spec.name, lang, "#   ")
        if spec.name == "title":
            lines.append(f"title: {_quoted(title)}")
        elif spec.name == "summary":
            lines.append(f"summary: {_quoted(site.ui[lang]['scaffold_summary'])}")
        elif spec.name == "draft":
            lines.append(f"# {site.ui[lang]['scaffold_draft_note']}")
            lines.append("draft: true")
        else:
            lines.append(f"# {spec.name}: {spec.example}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def example_body(site: Site, lang: str) -> str:
    """The example text a new file starts with, in ``lang`` (data/ui.yml: scaffold_body)."""
    return str(site.ui[lang]["scaffold_body"])


def _target(paths: Paths, folder: str, slug: str, lang: str) -> Path:
    return paths.docs / folder / f"{slug}{language_suffix(lang)}.md"


def new_product(site: Site, root: Path, type_id: str, title: str, lang: str = DEFAULT_LANGUAGE) -> NewFile:
    """A new original of ``type_id`` in ``lang``; refuses to touch any existing entry."""
    if type_id not in site.taxonomies.types:
        raise ScaffoldError(f"unknown type {type_id!r}: choose one of {', '.join(site.taxonomies.types)}")
    if lang not in LANGUAGES:
        raise ScaffoldError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    if not title.strip():
        raise ScaffoldError("the title must not be empty")
    paths = Paths(root)
    folder = site.taxonomies.types[type_id].folder
    slug = slugify(title)
    for other in LANGUAGES:  # x.md and x.ru.md are one entry: a new original must not join another
        existing = _target(paths, folder, slug, other)
        if existing.exists():
            raise ScaffoldError(f"{paths.rel(existing)} already exists: choose another title, or "
                                f"translate it with 'hub.py new --translate {paths.rel(existing)}'")
    text = front_matter(site, type_id, title, lang) + "\n" + example_body(site, lang)
    return NewFile(_target(paths, folder, slug, lang), text)


def new_translation(site: Site, root: Path, source: str) -> NewFile:
    """The other language's file of an existing entry, to be translated.

    Title, summary and text start as the original's, to be translated in place;
    the file records no version yet: 'hub.py translations refresh' does that
    once the translation is done, and until then the status says it is pending.
    """
    paths = Paths(root)
    docs_path = source.removeprefix("docs/")
    entry: Entry | None = site.entry_for_path(docs_path)
    if entry is None or entry.original.docs_path != docs_path:
        raise ScaffoldError(f"{source}: not the original of a content item")
    missing = [lang for lang in LANGUAGES if lang not in entry.versions]
    if not missing:
        raise ScaffoldError(f"{source}: every language already exists")
    lang = missing[0]
    target = paths.docs / f"{entry.key}{language_suffix(lang)}.md"
    original = entry.original
    lines = ["---",
             f"# A translation of {original.source.path}: translate the title, summary and text below.",
             "# Language-neutral fields (date, countries, topics...) stay in the original only.",
             f"# When done, run: python scripts/hub.py translations refresh {paths.rel(target)}",
             f"title: {_quoted(str(original.meta.get('title', '')))}",
             f"summary: {_quoted(str(original.meta.get('summary', '')))}"]
    if original.meta.get("tags"):
        lines.append("tags: [" + ", ".join(_quoted(str(t)) for t in original.meta["tags"]) + "]")
    text = "\n".join(lines + ["---"]) + "\n" + original.source.body
    return NewFile(target, text)


def write(new: NewFile) -> None:
    """Create the file; never overwrite one (exclusive creation)."""
    new.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with new.path.open("x", encoding="utf-8") as handle:
            handle.write(new.text)
    except FileExistsError:
        raise ScaffoldError(f"{new.path} already exists: nothing was written") from None
