"""Declarations all the way: the typed product, and the outputs made from the field declarations.

Each test loads a small fixture tree (fixture_tree.py) and looks at one view or
output as plain data, without a site engine.
"""

from __future__ import annotations

import dataclasses

import pytest
from fixture_tree import front, loaded

from hubcore import schema
from hubcore.product import RECORD_TYPES, Attachment, Event, Product, product_of

GUIDE = "docs/guides/x.md"
WORKSHOP = "docs/workshops/w.md"
FULL_WORKSHOP = front(
    'title: "Workshop materials"', 'summary: "What was taught."', "date: 2022",
    "countries: [kz, uz]", "topics: [open-data, policy-making]", "partners: [acsh]",
    'partners_source: "Programme, cover"', 'authors: ["A. Author", "B. Author"]',
    'event: {kind: seminar, format: offline, location: "Almaty", participants: 0}',
    'attachments: [{title: "Slides", url: "https://example.org/s.pdf"}]', "full_text: true",
    "license: CC-BY-4.0", 'review_by: "2030-01-31"')


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


def test_a_field_without_an_attribute_is_still_read_through_the_declarations(monkeypatch):
    extra = schema.Field("editors", "text-list", {"en": "Editors.", "ru": "Редакторы."})
    monkeypatch.setattr(schema, "PRODUCT_FIELDS", schema.PRODUCT_FIELDS + (extra,))
    schema.fields_for.cache_clear()
    try:
        assert product_of("guide", {"editors": ["E. Editor"]}).at("editors") == ("E. Editor",)
    finally:
        monkeypatch.undo()
        schema.fields_for.cache_clear()
