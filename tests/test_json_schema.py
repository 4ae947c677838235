"""The JSON Schemas and the validator agree on every fixture, valid and invalid.

Each fixture is one file's front matter, checked as what it says it is: a
translation when it records ``translated_from``, else an original of a type.
What needs more than one file (a translation against its original, links,
attachments that must exist, which file is the original) is the validator's
alone and not here.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from hubcore import field_help
from hubcore.fields import FieldChecker
from hubcore.json_schema import all_schemas, schema_for
from hubcore.loader import load_site
from hubcore.schema import PAGE, translatable_names
from hubcore.strict_yaml import parse
from hubcore.taxonomy import load as load_taxonomies
from hubcore.translations import FIELD

REPO = Path(__file__).resolve().parent.parent
TAXONOMIES, _ = load_taxonomies(REPO)
HELP, _ = field_help.load(REPO)

T = 'title: "A title"\nsummary: "One sentence."\n'
HASH = "translated_from: {title: '0a1b2c3d', summary: '0a1b2c3d', body: '0a1b2c3d'}\n"
# (type, front matter) — valid and invalid, every field kind and every rule.
FIXTURES: list[tuple[str, str]] = [
    ("guide", T),
    ("guide", 'title: "A title"\n'),
    ("guide", 'summary: "x"\n'),
    ("guide", T + "titel: x\n"),
    ("guide", T + "template: redirect.html\n"),
    ("guide", T + "hide: [toc]\n"),
    ("guide", 'title: ""\nsummary: "x"\n'),
    ("guide", 'title: "   "\nsummary: "x"\n'),
    ("guide", "title:\nsummary: x\n"),
    ("guide", "title: 123\nsummary: x\n"),
    ("guide", "title: true\nsummary: x\n"),
    ("guide", "title: [a]\nsummary: x\n"),
    ("guide", f'title: "{"x" * 200}"\nsummary: x\n'),
    ("guide", f'title: "{"x" * 201}"\nsummary: x\n'),
    ("guide", 'title: "line one\\nline two"\nsummary: x\n'),
    ("guide", 'title: "x"\nsummary: >-\n  folded\n  lines\n'),
    ("guide", 'title: "x"\nsummary: |\n  two\n  lines\n'),
    ("guide", T + 'date: "2023"\n'), ("guide", T + "date: 2023\n"), ("guide", T + "date: 2023-05\n"),
    ("guide", T + "date: 2023-05-31\n"), ("guide", T + "date: 2023-02-29\n"), ("guide", T + "date: 2024-02-29\n"),
    ("guide", T + "date: 2023-13\n"), ("guide", T + "date: 2023-04-31\n"), ("guide", T + "date: 23\n"),
    ("guide", T + "date: May 2023\n"), ("guide", T + "date: true\n"), ("guide", T + "date: 20230\n"),
    ("guide", T + "review_by: 2027-01-31\n"), ("guide", T + "review_by: 2027-01\n"),
    ("guide", T + "review_by: 2027-02-30\n"), ("guide", T + "review_by: 2000-02-29\n"),
    ("guide", T + "review_by: 1900-02-29\n"),
    ("guide", T + "countries: [kz, uz]\n"), ("guide", T + "countries: kz\n"), ("guide", T + "countries: [zz]\n"),
    ("guide", T + "countries: [kz, kz]\n"), ("guide", T + "countries: [NO]\n"), ("guide", T + "countries: []\n"),
    ("guide", T + "topics: [open-data, change-management]\n"), ("guide", T + "topics: [open-date]\n"),
    ("guide", T + "partners: [undp-kazakhstan]\n"), ("guide", T + "partners: [undp]\n"),
    ("guide", T + 'partners: [undp-kazakhstan]\npartners_source: "Report, cover"\n'),
    ("guide", T + 'partners_source: "Report, cover"\n'), ("guide", T + "partners: [undp]\npartners_source: x\n"),
    ("guide", T + "full_text: true\n"), ("guide", T + "full_text: yes\n"),
    ("guide", T + "authors: [Ann, Bob]\n"), ("guide", T + "authors: Ann\n"), ("guide", T + "authors: [Ann, Ann]\n"),
    ("guide", T + "authors: ['']\n"), ("guide", T + "tags: [a, b]\n"), ("guide", T + f"tags: [{'x' * 61}]\n"),
    ("guide", T + "tags: [1]\n"),
    ("guide", T + "license: CC-BY-4.0\n"), ("guide", T + "license: MIT\n"), ("guide", T + "license: [CC0-1.0]\n"),
    ("guide", T + "draft: true\n"), ("guide", T + "draft: yes\n"), ("guide", T + "draft: 1\n"),
    ("guide", T + "event: {kind: workshop}\n"),
    ("workshop", T + "event: {kind: workshop}\n"),
    ("workshop", T + "event: {kind: course, format: self-paced, location: Astana, participants: 30}\n"),
    ("workshop", T + "event: {format: online}\n"), ("workshop", T + "event: {kind: party}\n"),
    ("workshop", T + "event: {kind: workshop, format: hybrid}\n"),
    ("workshop", T + "event: {kind: workshop, participants: -1}\n"),
    ("workshop", T + "event: {kind: workshop, participants: many}\n"),
    ("workshop", T + "event: {kind: workshop, participants: true}\n"),
    ("workshop", T + "event: {kind: workshop, city: Astana}\n"), ("workshop", T + "event: workshop\n"),
    ("workshop", T + "event: {kind: workshop, location: ''}\n"),
    ("report", T + "attachments:\n  - {title: Slides, file: files/a.pdf}\n"),
    ("report", T + "attachments:\n  - {title: Report, url: 'https://example.org/r.pdf'}\n"),
    ("report", T + "attachments:\n  - {title: Report, url: 'http://example.org/r.pdf'}\n"),
    ("report", T + "attachments:\n  - {title: Report}\n"),
    ("report", T + "attachments:\n  - {title: R, file: a.pdf, url: 'https://example.org/a.pdf'}\n"),
    ("report", T + "attachments:\n  - {file: a.pdf}\n"),
    ("report", T + "attachments:\n  - {title: R, file: 'https://example.org/a.pdf'}\n"),
    ("report", T + "attachments: {title: R, file: a.pdf}\n"),
    ("report", T + "attachments:\n  - {title: R, file: a.pdf, size: 3}\n"),
    ("case-study", T + HASH), ("case-study", T + "translated_from: {title: '0a1b2c3d'}\n"),
    ("case-study", T + "translated_from: {title: 'xyz', summary: '0a1b2c3d', body: '0a1b2c3d'}\n"),
    (PAGE, T), (PAGE, T + "date: 2023\n"), (PAGE, T + HASH), (PAGE, 'title: "x"\n'),
    # Translations: the text fields only; the rest comes from the original.
    ("guide", T + HASH), ("workshop", T + HASH), ("report", 'summary: "x"\n' + HASH),
    ("guide", 'title: "x"\n' + HASH), ("case-study", T + HASH + "titel: x\n"),
    ("case-study", T + HASH + 'tags: ["a", "a"]\n'), ("guide", 'title: ""\nsummary: "x"\n' + HASH),
]


def validator_accepts(kind: str, meta: dict) -> bool:
    """The loader's check of one file: a translation's text fields only, an original's every field."""
    problems: list[str] = []
    only = set(translatable_names(kind)) if FIELD in meta else None
    FieldChecker(TAXONOMIES, lambda path, where, message: problems.append(message), HELP).check(meta, kind, only)
    return not problems


def schema_accepts(kind: str, meta: dict) -> bool:
    schema = schema_for(kind, TAXONOMIES, HELP)
    return jsonschema.validators.validator_for(schema)(schema).is_valid(meta)


def real_content() -> list[tuple[str, str]]:
    site, _ = load_site(REPO)
    return [(entry.kind, document.source.path) for entry in site.entries.values()
            for document in entry.versions.values() if document is entry.original]


@pytest.mark.parametrize("kind,front_matter", FIXTURES)
def test_schema_and_validator_agree(kind, front_matter):
    meta = parse(front_matter).value
    assert schema_accepts(kind, meta) == validator_accepts(kind, meta), (kind, front_matter)


def test_fixtures_cover_both_verdicts():
    verdicts = [validator_accepts(kind, parse(text).value) for kind, text in FIXTURES]
    assert verdicts.count(True) >= 20 and verdicts.count(False) >= 40


@pytest.mark.parametrize("kind,path", real_content())
def test_schema_accepts_every_real_original(kind, path):
    text = (REPO / path).read_text(encoding="utf-8")
    meta = parse(text.split("\n---", 1)[0].removeprefix("---\n")).value
    assert schema_accepts(kind, meta) and validator_accepts(kind, meta)


def test_every_type_has_a_schema_that_is_itself_valid():
    schemas = all_schemas(TAXONOMIES, HELP, "https://hub.example/")
    assert set(schemas) == {"page.schema.json", *(f"{t}.schema.json" for t in TAXONOMIES.types)}
    for schema in schemas.values():
        jsonschema.Draft7Validator.check_schema(schema)
    assert "event" in schemas["workshop.schema.json"]["properties"]
    assert "event" not in schemas["guide.schema.json"]["properties"]
    countries = schemas["guide.schema.json"]["properties"]["countries"]["items"]["enum"]
    assert countries == list(TAXONOMIES["countries"])
