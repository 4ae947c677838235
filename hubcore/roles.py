"""What each vocabulary does on the site, and the library's facets: declared in data/taxonomies.yml.

A vocabulary's terms are checked in front matter wherever they appear; its *role*
says what else the site does with them (``roles:`` in the data file):

- ``field``: the product field that holds its terms (``event.format`` is ``format``
  inside ``event``). Types have none: a product's type is its section's folder.
- ``pages``: every term gets a generated page in this folder, listing its items, and
  the term links to it wherever it is shown. A type always has its section's page.
- ``related``: what a shared term adds when related items are ranked (``weight``);
  with ``alone: false``, sharing only such terms never makes two items related.
- ``schema_org``: the JSON-LD property that carries its terms (see ``SchemaOrg``).
- ``footer``: the footer of every page names all its terms, under ``footer_<vocabulary>``
  (data/ui.yml): the project's organisations (footer.py).

The library's facets (``facets:``) are listed in the order the library shows them;
each filters on a vocabulary's terms or on a value derived from each product
(``DERIVED``), under its name in addresses (``?country=kz``).

Every consumer (generated pages, listings and facets, related items, the card,
structured data) reads these declarations; no vocabulary's role is written in code.
Reading them checks them, with the file, line and field of every problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .problems import Problem
from .schema import PRODUCT_FIELDS, Field
from .settings import RESERVED_NAMES, TAXONOMIES_FILE
from .strict_yaml import Document

TYPES = "types"  # the one vocabulary whose term is given by the folder, not by a field
ROLE_KEYS = ("field", "pages", "related", "schema_org", "footer")
# Facets that are not vocabularies: what each is derived from (product_views.derived_values).
DERIVED = {"year": "the year of the product's date",
           "languages": "the languages the product is written in"}
# Where a schema.org property goes (structured_data.py): on what the item is about (for an
# event, the event's own "about"), on the work (for an event, the page about it), or on an event only.
SCHEMA_ORG_PLACES = ("subject", "work", "event")
# The library's own address parameters besides its facets (the words filter, the order; the
# library page names its form fields with them and library.js reads the names there): no
# facet may take one, or /library/?sort=... would mean two things. Not "q": Material opens
# its search on any page whose address has ?q=.
LIBRARY_PARAMETERS = {"words": "words", "sort": "sort"}
# schema.org's Event and its more specific types (https://schema.org/Event): a product declared as
# one (by its event kind) is marked up as an event, and only when its file gives the event's day
# and place (structured_data.py); a content type is a work, never one of these.
EVENT_TYPES = frozenset({
    "Event", "BusinessEvent", "ChildrensEvent", "ComedyEvent", "CourseInstance", "DanceEvent",
    "DeliveryEvent", "EducationEvent", "EventSeries", "ExhibitionEvent", "Festival", "FoodEvent",
    "Hackathon", "LiteraryEvent", "MusicEvent", "PublicationEvent", "SaleEvent", "ScreeningEvent",
    "SocialEvent", "SportsEvent", "TheaterEvent", "VisualArtsEvent"})
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PROPERTY = re.compile(r"^[a-z][A-Za-z0-9]*$")
SCHEMA_ORG_TYPE = re.compile(r"^[A-Z][A-Za-z0-9]*$")


@dataclass(frozen=True)
class SchemaOrg:
    """How a vocabulary's terms appear in JSON-LD.

    ``property`` carries them; ``type`` makes each term a node of that type (with its
    label as name and its page as url, when terms have pages); without ``type`` each
    term's own ``schema_org`` value (a schema.org enumeration member) is written as its
    address. ``place`` (the data's key; not ``on``, which YAML 1.1 tools read as true) is one of ``SCHEMA_ORG_PLACES``; ``identifier`` adds the term's id in
    capitals (ISO 3166-1 alpha-2 for countries).
    """

    property: str
    type: str = ""
    place: str = "subject"
    identifier: bool = False


@dataclass(frozen=True)
class Role:
    """What the site does with one vocabulary (see the module's docstring)."""

    vocabulary: str
    field: tuple[str, ...] = ()
    pages: str = ""
    related_weight: int = 0
    related_alone: bool = True
    schema_org: SchemaOrg | None = None
    footer: bool = False  # every page's footer names all its terms

    def terms_of(self, kind: str, neutral: dict[str, Any]) -> list[str]:
        """The ids of this vocabulary a product holds (``kind``: its type; ``neutral``: its fields)."""
        if self.vocabulary == TYPES:
            return [kind]
        if not self.field:  # undeclared (the data file has a problem): holds nothing
            return []
        value: Any = neutral
        for part in self.field:
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, list):
            return [str(v) for v in value]
        return [str(value)] if value not in (None, "") else []

    def holds_list(self, neutral: dict[str, Any]) -> bool:
        """Whether the product's field holds a list of terms (else one term, or none)."""
        value: Any = neutral
        for part in self.field:
            value = value.get(part) if isinstance(value, dict) else None
        return isinstance(value, list)


@dataclass(frozen=True)
class Facet:
    """One of the library's facets: its name in addresses and what it filters on."""

    name: str
    line: int  # in data/taxonomies.yml, for problems that concern it
    vocabulary: str = ""
    derived: str = ""


@dataclass(frozen=True)
class Roles:
    """Every vocabulary's role (in declaration order) and the library's facets (in display order)."""

    by_vocabulary: dict[str, Role]
    facets: tuple[Facet, ...] = ()
    lines: dict[str, int] | None = None  # the line of each vocabulary's role

    def __getitem__(self, vocabulary: str) -> Role:
        return self.by_vocabulary.get(vocabulary) or Role(vocabulary)

    def __iter__(self):
        return iter(self.by_vocabulary.values())

    def with_pages(self) -> list[Role]:
        """Vocabularies whose terms have generated pages (types' section pages aside)."""
        return [role for role in self if role.pages]

    def in_footer(self) -> list[Role]:
        """Vocabularies whose terms every page's footer names."""
        return [role for role in self if role.footer]

    def of_pages(self, folder: str) -> Role | None:
        """The vocabulary whose term pages live in ``folder``, if any."""
        return next((role for role in self if role.pages and role.pages == folder), None)

    def line_of(self, vocabulary: str) -> int:
        return (self.lines or {}).get(vocabulary, 1)


def read(document: Document, vocabularies: list[str], type_folders: set[str],
         problems: list[Problem]) -> Roles:
    """The ``roles`` and ``facets`` sections, checked; problems go to ``problems``."""
    data = document.value if isinstance(document.value, dict) else {}
    roles, lines = _read_roles(document, data.get("roles"), vocabularies, type_folders, problems)
    facets = _read_facets(document, data.get("facets"), vocabularies, problems)
    return Roles(roles, facets, lines)


def _problem(problems: list[Problem], document: Document, path: tuple, message: str) -> None:
    problems.append(Problem(TAXONOMIES_FILE, document.line_of(path), ".".join(map(str, path)), message))


def _read_roles(document: Document, given: Any, vocabularies: list[str], type_folders: set[str],
                problems: list[Problem]) -> tuple[dict[str, Role], dict[str, int]]:
    if not isinstance(given, dict):
        _problem(problems, document, ("roles",), "must map each vocabulary to its role "
                 f"({', '.join(vocabularies)})")
        return {}, {}
    for unknown in given:
        if unknown not in vocabularies:
            _problem(problems, document, ("roles", unknown),
                     f"unknown vocabulary (known: {', '.join(vocabularies)})")
    for missing in vocabularies:
        if missing not in given:
            _problem(problems, document, ("roles",), f"the role of {missing!r} is missing: every "
                     "vocabulary declares one (an empty mapping when it only checks front matter)")
    roles: dict[str, Role] = {}
    lines: dict[str, int] = {}
    folders: dict[str, str] = {}
    for vocabulary, entry in given.items():
        if vocabulary not in vocabularies:
            continue
        where = ("roles", vocabulary)
        lines[vocabulary] = document.line_of(where)
        if entry is None:
            entry = {}
        if not isinstance(entry, dict):
            _problem(problems, document, where, "must be a mapping")
            continue
        for key in entry:
            if key not in ROLE_KEYS:
                _problem(problems, document, (*where, key), f"unknown key (known: {', '.join(ROLE_KEYS)})")
        role = Role(vocabulary,
                    field=_field(document, where, vocabulary, entry.get("field"), problems),
                    pages=_pages(document, where, vocabulary, entry.get("pages"), type_folders, folders,
                                 problems),
                    **_related(document, where, entry.get("related"), problems),
                    schema_org=_schema_org(document, where, entry.get("schema_org"), problems),
                    footer=_footer(document, where, entry.get("footer"), problems))
        roles[vocabulary] = role
    return roles, lines


def _field(document: Document, where: tuple, vocabulary: str, value: Any,
           problems: list[Problem]) -> tuple[str, ...]:
    """The product field holding ``vocabulary``'s terms, as declared by hubcore/schema.py."""
    if vocabulary == TYPES:
        if value is not None:
            _problem(problems, document, (*where, "field"), "a product's type is its section's folder, "
                     "not a field: leave field out")
        return ()
    holding = [name for name, spec in _term_fields(PRODUCT_FIELDS) if spec.vocabulary == vocabulary]
    if value not in holding:
        _problem(problems, document, (*where, "field") if value is not None else where,
                 f"field must name the product field that holds {vocabulary} terms "
                 f"({', '.join(holding) or 'no field holds them (hubcore/schema.py)'})")
        return ()
    return tuple(value.split("."))


def _term_fields(fields: tuple[Field, ...], prefix: str = "") -> list[tuple[str, Field]]:
    """Every field (nested ones as ``event.format``) that holds terms of a vocabulary."""
    found = []
    for spec in fields:
        if spec.vocabulary:
            found.append((prefix + spec.name, spec))
        found += _term_fields(spec.fields, f"{prefix}{spec.name}.")
    return found


def _pages(document: Document, where: tuple, vocabulary: str, value: Any, type_folders: set[str],
           folders: dict[str, str], problems: list[Problem]) -> str:
    if value is None:
        return ""
    path = (*where, "pages")
    if vocabulary == TYPES:
        _problem(problems, document, path, "a type's page is its section (its folder): leave pages out")
        return ""
    if not isinstance(value, str) or not _SLUG.match(value) or value in RESERVED_NAMES or value in type_folders:
        _problem(problems, document, path, "must be a plain folder name (lower-case letters, digits, '-') "
                 "that no section and nothing of the site's own uses "
                 f"(not {', '.join(sorted(RESERVED_NAMES | type_folders))})")
        return ""
    if value in folders:
        _problem(problems, document, path, f"{folders[value]}'s pages are in {value!r} already")
        return ""
    folders[value] = vocabulary
    return value


def _related(document: Document, where: tuple, value: Any, problems: list[Problem]) -> dict[str, Any]:
    if value is None:
        return {}
    path = (*where, "related")
    if not isinstance(value, dict) or set(value) - {"weight", "alone"}:
        _problem(problems, document, path, "must be {weight: N} or {weight: N, alone: false}")
        return {}
    weight, alone = value.get("weight"), value.get("alone", True)
    if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 100:
        _problem(problems, document, (*path, "weight"), "must be a whole number from 1 to 100")
        return {}
    if not isinstance(alone, bool):
        _problem(problems, document, (*path, "alone"), "must be true or false")
        return {}
    return {"related_weight": weight, "related_alone": alone}


def _footer(document: Document, where: tuple, value: Any, problems: list[Problem]) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        _problem(problems, document, (*where, "footer"), "must be true or false")
        return False
    return value


def _schema_org(document: Document, where: tuple, value: Any, problems: list[Problem]) -> SchemaOrg | None:
    if value is None:
        return None
    path = (*where, "schema_org")
    keys = {"property", "type", "place", "identifier"}
    if not isinstance(value, dict) or set(value) - keys:
        _problem(problems, document, path, f"must be a mapping of {', '.join(sorted(keys))}")
        return None
    prop, node, place = value.get("property"), value.get("type", ""), value.get("place", "subject")
    identifier = value.get("identifier", False)
    if not isinstance(prop, str) or not _PROPERTY.match(prop):
        _problem(problems, document, (*path, "property"), "must be a schema.org property name (about, creator)")
        return None
    if not isinstance(node, str) or (node and not SCHEMA_ORG_TYPE.match(node)):
        _problem(problems, document, (*path, "type"), "must be a schema.org type name (DefinedTerm, Country)")
        return None
    if place not in SCHEMA_ORG_PLACES:
        _problem(problems, document, (*path, "place"), f"must be one of {', '.join(SCHEMA_ORG_PLACES)}")
        return None
    if not isinstance(identifier, bool):
        _problem(problems, document, (*path, "identifier"), "must be true or false")
        return None
    return SchemaOrg(prop, node, place, identifier)


def _read_facets(document: Document, given: Any, vocabularies: list[str],
                 problems: list[Problem]) -> tuple[Facet, ...]:
    if not isinstance(given, dict):
        _problem(problems, document, ("facets",), "must map each facet's name to what it filters on")
        return ()
    facets: list[Facet] = []
    used: dict[str, str] = {}
    for name, entry in given.items():
        where = ("facets", name)
        if not isinstance(name, str) or not _SLUG.match(name):
            _problem(problems, document, where, "names must be lower-case letters and digits joined by '-' "
                     "(they become parts of addresses)")
            continue
        if name in LIBRARY_PARAMETERS.values():
            _problem(problems, document, where, f"{name!r} is the library's own address parameter: "
                     "name the facet otherwise")
            continue
        if not isinstance(entry, dict) or len(entry) != 1 or not set(entry) <= {"vocabulary", "derived"}:
            _problem(problems, document, where, "must be {vocabulary: ...} or {derived: "
                     f"{' or '.join(DERIVED)}}}")
            continue
        source = entry.get("vocabulary", entry.get("derived"))
        if not isinstance(source, str):
            _problem(problems, document, (*where, *entry), "must be a name")
            continue
        if "vocabulary" in entry and source not in vocabularies:
            _problem(problems, document, (*where, "vocabulary"),
                     f"unknown vocabulary {source!r} (known: {', '.join(vocabularies)})")
            continue
        if "derived" in entry and source not in DERIVED:
            _problem(problems, document, (*where, "derived"),
                     f"unknown {source!r} (known: {', '.join(DERIVED)})")
            continue
        if source in used:
            _problem(problems, document, where, f"facet {used[source]!r} filters on {source!r} already")
            continue
        used[source] = name
        line = document.line_of(where)
        facets.append(Facet(name, line, vocabulary=entry.get("vocabulary", ""), derived=entry.get("derived", "")))
    return tuple(facets)


def words_problems(roles: Roles, ui: dict[str, Any], languages: tuple[str, ...],
                   ui_file: str) -> list[Problem]:
    """The interface words a declared role needs in data/ui.yml, located at the declaration.

    A facet needs its heading (``facet_<name>``); a vocabulary with term pages needs
    what an empty term page says (``none_yet_<vocabulary>``) and the home page's
    heading for its terms (``browse_<vocabulary>``); one named in the footer, the footer's
    heading for its terms (``footer_<vocabulary>``).
    """
    needed = [(f"facet_{facet.name}", facet.line, f"facets.{facet.name}") for facet in roles.facets]
    needed += [(f"{word}_{role.vocabulary}", roles.line_of(role.vocabulary), f"roles.{role.vocabulary}.pages")
               for role in roles.with_pages() for word in ("none_yet", "browse")]
    needed += [(f"footer_{role.vocabulary}", roles.line_of(role.vocabulary), f"roles.{role.vocabulary}.footer")
               for role in roles.in_footer()]
    problems = []
    for word, line, where in needed:
        missing = [lang for lang in languages
                   if not (isinstance(ui.get(lang), dict) and isinstance(ui[lang].get(word), str))]
        if missing:
            problems.append(Problem(TAXONOMIES_FILE, line, where,
                                    f"needs the word {word!r} in {ui_file} ({', '.join(missing)})"))
    return problems
