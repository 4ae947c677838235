"""Declarations all the way: the typed product, and the outputs made from the field declarations.

Each test loads a small fixture tree (fixture_tree.py) and looks at one view or
output as plain data, without a site engine.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import Iterator

import pytest
from fixture_tree import front, loaded

from hubcore import exports, field_help, schema
from hubcore.field_help import FieldHelp
from hubcore.product import RECORD_TYPES, Attachment, Event, Product, product_of

BASE_URL = "https://hub.example/"
WORKSHOP = "docs/workshops/w.md"
FULL_WORKSHOP = front(
    'title: "Workshop materials"', 'summary: "What was taught."', "date: 2022",
    "countries: [kz, uz]", "topics: [open-data, policy-making]", "partners: [acsh]",
    'partners_source: "Programme, cover"', 'authors: ["A. Author", "B. Author"]',
    'event: {kind: seminar, format: offline, location: "Almaty", participants: 0}',
    'attachments: [{title: "Slides", url: "https://example.org/s.pdf"}]', "full_text: true",
    "license: CC-BY-4.0", 'review_by: "2030-01-31"')

# A field only these tests declare: it must reach every output its declaration names.
EDITORS = schema.Field("editors", "text-list",
                       record=schema.Record(125, "texts", {"type": "array", "items": schema.JSON_TEXT}, always=True))
EDITORS_HELP = {"en": "Who edited it.", "ru": "Кто редактировал."}


@pytest.fixture
def editors(monkeypatch) -> Iterator[schema.Field]:
    """``EDITORS`` declared as one more product field, with its help, for this test only."""
    monkeypatch.setattr(schema, "PRODUCT_FIELDS", schema.PRODUCT_FIELDS + (EDITORS,))
    monkeypatch.setattr(field_help, "load", lambda root, load=field_help.load: _with_editors(load(root)))
    schema.fields_for.cache_clear()
    yield EDITORS
    monkeypatch.undo()
    schema.fields_for.cache_clear()


def _with_editors(loaded: tuple[FieldHelp, list]) -> tuple[FieldHelp, list]:
    help, problems = loaded
    return FieldHelp({**help.texts, "editors": EDITORS_HELP}), [p for p in problems if p.field != "editors"]


# --- The typed product ---------------------------------------------------------------

def test_a_product_holds_its_neutral_fields_typed(tmp_path):
    site = loaded(tmp_path, {WORKSHOP: FULL_WORKSHOP})
    product = site.entries["workshops/w"].product
    assert product.date == "2022"  # an unquoted year is text in the model
    assert product.countries == ("kz", "uz") and product.topics == ("open-data", "policy-making")
    assert product.partners == ("acsh",) and product.partners_source == "Programme, cover"
    assert product.authors == ("A. Author", "B. Author")
    assert product.event == Event(kind="seminar", format="offline", location="Almaty", participants=0)
    assert product.attachments == (Attachment(title="Slides", url="https://example.org/s.pdf"),)
    assert product.full_text is True and product.draft is False
    assert product.license == "CC-BY-4.0" and product.review_by == "2030-01-31"
    assert product.at("event.participants") == 0 and product.at("event.location") == "Almaty"


def test_absent_fields_are_empty_values_and_a_page_has_none(tmp_path):
    site = loaded(tmp_path)
    product = site.entries["guides/valid"].product
    assert (product.partners, product.authors, product.attachments) == ((), (), ())
    assert product.event is None and product.license is None and product.at("event.kind") is None
    assert product.full_text is False and not site.entries["guides/valid"].has_material
    assert site.entries["index"].product.values == {}


@pytest.mark.parametrize("raw, expected", [
    ({"countries": "kz", "event": "Almaty", "attachments": {"title": "x"}, "full_text": "yes",
      "date": ["2022"]},
     {"countries": (), "event": None, "attachments": (), "full_text": False, "date": None}),
    ({"attachments": ["not a mapping", {"title": "T", "file": "files/a.pdf"}]},
     {"attachments": (Attachment(title="T", file="files/a.pdf"),)}),
    ({"event": {"kind": "seminar", "participants": "many"}},
     {"event": Event(kind="seminar", participants=None)}),
])
def test_a_value_of_the_wrong_shape_is_the_fields_empty_value(raw, expected):
    """Content with problems is still made into a model (the preview shows the problems): no exception."""
    product = product_of("workshop", raw)
    for name, value in expected.items():
        assert getattr(product, name) == value, name


def test_the_product_types_follow_the_declarations():
    """Every typed attribute is a declared neutral field, and every mapping's type has exactly its sub-fields."""
    neutral = {f.name for f in schema.PRODUCT_FIELDS if not f.translatable}
    attributes = {f.name for f in dataclasses.fields(Product)} - {"values"}
    assert attributes <= neutral
    for spec in schema.PRODUCT_FIELDS:
        if spec.name in RECORD_TYPES:
            assert [f.name for f in dataclasses.fields(RECORD_TYPES[spec.name])] == [s.name for s in spec.fields]


def test_a_field_without_an_attribute_is_still_read_through_the_declarations(editors):
    assert product_of("guide", {"editors": ["E. Editor"]}).at("editors") == ("E. Editor",)


# --- The catalogue --------------------------------------------------------------------

def test_a_catalogue_record_lays_out_each_field_as_declared(tmp_path):
    site = loaded(tmp_path, {WORKSHOP: FULL_WORKSHOP})
    entry = site.entries["workshops/w"]
    record = exports.record(site, entry, BASE_URL, {"workshops/w.md": "2024-02-03"})
    assert list(record) == [f.name for f in schema.record_fields()]  # every field given, in declared order
    assert record["id"] == "workshops/w" and record["type"] == "workshop" and record["languages"] == ["en"]
    assert record["title"] == {"en": "Workshop materials"} and record["url"] == {"en": BASE_URL + "workshops/w/"}
    assert record["date"] == "2022" and record["countries"] == ["kz", "uz"] and record["partners"] == ["acsh"]
    assert record["authors"] == ["A. Author", "B. Author"]
    assert record["event"] == {"kind": "seminar", "format": "offline", "location": "Almaty", "participants": 0}
    assert record["attachments"] == [{"title": "Slides", "url": "https://example.org/s.pdf", "format": "PDF"}]
    assert record["license"] == {"id": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert record["last_updated"] == "2024-02-03"
    bare = exports.record(site, site.entries["guides/valid"], BASE_URL)
    assert not {"partners_source", "event", "license", "last_updated"} & set(bare)  # left out, never guessed
    assert bare["partners"] == [] and bare["attachments"] == []  # lists are always there


def test_a_field_declared_with_a_record_is_in_every_catalogue_output(tmp_path, editors):
    site = loaded(tmp_path, {WORKSHOP: FULL_WORKSHOP.replace("---\n\n", 'editors: ["E. Editor"]\n---\n\n')})
    record = exports.record(site, site.entries["workshops/w"], BASE_URL)
    assert record["editors"] == ["E. Editor"]
    assert list(record).index("editors") == list(record).index("authors") + 1  # by its position
    assert "editors" in exports.columns()
    row = next(csv.DictReader(io.StringIO(exports.to_csv([record]).decode("utf-8-sig"))))
    assert row["editors"] == "E. Editor"
    assert exports.catalog_schema(site, BASE_URL)["properties"]["products"]["items"]["properties"]["editors"][
        "description"] == "Who edited it."
    assert {"name": "editors", "columns": ["editors"], "required": True, "help": "Кто редактировал."} \
        in exports.field_table(site.field_help, "ru")
