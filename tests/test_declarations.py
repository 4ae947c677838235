"""Declarations all the way: the typed product, and the outputs made from the field declarations.

Each test loads a small fixture tree (fixture_tree.py) and looks at one view or
output as plain data, without a site engine.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import xml.etree.ElementTree as ET
from typing import Iterator

import pytest
from fixture_tree import front, loaded

from engine import pdf
from hubcore import exports, feeds, field_help, schema, structured_data
from hubcore.field_help import FieldHelp
from hubcore.product import RECORD_TYPES, Attachment, Event, Product, product_of
from hubcore.product_views import card, header

BASE_URL = "https://hub.example/"
WORKSHOP = "docs/workshops/w.md"
FULL_WORKSHOP = front(
    'title: "Workshop materials"', 'summary: "What was taught."', "date: 2022",
    "countries: [kz, uz]", "topics: [open-data, policy-making]", "partners: [acsh]",
    'partners_source: "Programme, cover"', 'authors: ["A. Author", "B. Author"]',
    'event: {kind: seminar, format: offline, location: "Almaty", participants: 0}',
    'attachments: [{title: "Slides", url: "https://example.org/s.pdf"}]', "full_text: true",
    "license: CC-BY-4.0", 'review_by: "2030-01-31"')
# The same as an event the file gives the day and place of (an EducationEvent), with a translation.
EVENT = {WORKSHOP: FULL_WORKSHOP.replace("date: 2022", 'date: "2022-05-17"'),
         "docs/workshops/w.ru.md": front('title: "Материалы семинара"', 'summary: "Чему учили."')}
ATOM = "{http://www.w3.org/2005/Atom}"

# A field only these tests declare: it must reach every output its declaration names.
EDITORS = schema.Field("editors", "text-list",
                       record=schema.Record(125, "texts", {"type": "array", "items": schema.JSON_TEXT}, always=True),
                       card=schema.Row(65, "editors"), cover=schema.Row(65, "editors"),
                       linked_data=schema.LinkedData(33, "editor"), feed=schema.FeedEntry(35, "contributor"))
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
    assert record["event"] == {"kind": "seminar", "format": "offline", "location": {"en": "Almaty"}, "participants": 0}
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


# --- The card and the PDF cover -------------------------------------------------------

def test_the_header_and_the_card_show_each_declared_field_as_its_row_says(tmp_path):
    site = loaded(tmp_path, EVENT)
    rows = header(site, site.entries["workshops/w"], "en")["rows"]
    assert [r["name"] for r in rows] == ["type", "date", "location", "countries"]  # what a reader looks for first
    by = {r["name"]: r for r in rows}
    assert by["type"]["values"] == [{"id": "workshop", "label": "Event materials", "url": "workshops/"}]
    assert by["type"]["badge"] and not by["date"]["badge"]
    assert by["countries"]["values"][0] == {"id": "kz", "label": "Kazakhstan", "url": "countries/kz/"}
    assert by["date"]["values"] == [{"label": "17 May 2022", "datetime": "2022-05-17", "until": None}]
    assert by["location"]["values"] == [{"label": "Almaty"}]
    # The Russian file does not give the place: the original's is shown, marked as English.
    assert {r["name"]: r for r in header(site, site.entries["workshops/w"], "ru")["rows"]}["location"][
        "values"] == [{"label": "Almaty", "lang": "en"}]
    rows = card(site, site.entries["workshops/w"], "en")["rows"]
    assert [r["name"] for r in rows] == ["topics", "partners", "authors", "event_kind", "format", "participants",
                                         "license", "languages"]  # nothing the header says
    by = {r["name"]: r for r in rows}
    assert by["topics"]["separator"] == "; "
    assert by["partners"]["values"] == [{"label": "Astana Civil Service Hub (ACSH)"}]  # no page: not linked
    assert by["participants"]["values"] == [{"label": "0"}]  # a count of nought is a value
    assert by["license"]["values"] == [{"label": "Creative Commons Attribution 4.0",
                                        "url": "https://creativecommons.org/licenses/by/4.0/"}]
    assert by["languages"]["values"][1] == {"label": "Russian", "url": "ru/workshops/w/", "lang": "ru"}
    bare = site.entries["guides/valid"]
    assert [r["name"] for r in header(site, bare, "ru")["rows"]] == ["type", "date", "countries"]
    assert [r["name"] for r in card(site, bare, "ru")["rows"]] == ["topics", "languages"]  # absent stay absent


def test_the_pdf_cover_shows_each_declared_field_as_its_row_says(tmp_path):
    site = loaded(tmp_path, EVENT)
    cover = pdf.cover(site, site.entries["workshops/w"], "ru", "Hub", BASE_URL)
    assert [(r["name"], r["value"], r["url"]) for r in cover["rows"]] == [
        ("Тип", "Материалы мероприятия", ""),
        ("Дата", "17 мая 2022", ""),
        ("Место проведения", "Almaty", ""),  # the Russian file does not give it: the original's
        ("Страны", "Казахстан, Узбекистан", ""),
        ("Темы", "Политика, практика и кейсы в области открытых данных; "
                 "Выработка политики для развития инноваций и цифровизации", ""),
        ("Подготовили", "Астанинский хаб государственной службы", ""),
        ("Авторы", "A. Author, B. Author", ""),
        ("Лицензия", "Creative Commons «С указанием авторства» 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ]
    assert cover["url"] == BASE_URL + "ru/workshops/w/"


# --- Structured data ----------------------------------------------------------------

def test_an_events_structured_data_holds_each_declared_field_where_it_belongs(tmp_path):
    site = loaded(tmp_path, EVENT)
    entry = site.entries["workshops/w"]
    data = structured_data.product_jsonld(site, entry, "en", "Hub", BASE_URL, {"workshops/w.md": "2024-02-03"})
    assert data["@type"] == "EducationEvent"
    assert list(data) == ["@context", "@type", "@id", "name", "url", "description", "inLanguage", "startDate",
                          "location", "eventAttendanceMode", "about", "isPartOf", "subjectOf"]
    assert data["startDate"] == "2022-05-17" and data["location"] == {"@type": "Place", "name": "Almaty"}
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert [n["@type"] for n in data["about"]] == ["DefinedTerm", "DefinedTerm", "Country", "Country"]
    assert data["about"][2] == {"@type": "Country", "name": "Kazakhstan", "url": BASE_URL + "countries/kz/",
                                "identifier": "KZ"}
    page = data["subjectOf"]
    assert list(page) == ["@type", "url", "inLanguage", "dateModified", "license", "workTranslation",
                          "associatedMedia", "creator"]  # the declared fields, then the terms (roles)
    assert page["creator"] == [{"@type": "Organization", "name": "Astana Civil Service Hub (ACSH)"}]
    assert page["associatedMedia"] == [{"@type": "MediaObject", "name": "Slides",
                                        "contentUrl": "https://example.org/s.pdf"}]
    assert page["workTranslation"] == [{"@id": BASE_URL + "ru/workshops/w/", "inLanguage": "ru"}]
    assert "author" not in data and "author" not in page  # an event has no author


def test_a_works_structured_data_holds_each_declared_field_on_itself(tmp_path):
    site = loaded(tmp_path, {**EVENT, WORKSHOP: FULL_WORKSHOP.replace("full_text: true", "")
                             .replace("attachments: [", "# attachments: [")})
    data = structured_data.product_jsonld(site, site.entries["workshops/w"], "ru", "Hub", BASE_URL)
    assert data["@type"] == "LearningResource"  # no day: the materials, not the event
    assert list(data) == ["@context", "@type", "@id", "name", "url", "description", "inLanguage", "datePublished",
                          "author", "license", "translationOfWork", "about", "spatialCoverage", "creator",
                          "isPartOf"]  # no associatedMedia: no material of its own
    assert data["author"] == ["A. Author", "B. Author"] and data["datePublished"] == "2022"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["translationOfWork"] == {"@id": BASE_URL + "workshops/w/", "inLanguage": "en"}
    assert "eventAttendanceMode" not in data and "location" not in data


# --- Feeds ---------------------------------------------------------------------------

def test_a_feed_entry_holds_each_declared_field_as_its_element(tmp_path):
    site = loaded(tmp_path, EVENT)
    feed = ET.fromstring(feeds.render(site, "ru", "Hub", BASE_URL, {"workshops/w.ru.md": "2024-02-03"}))
    (entry,) = feed.findall(f"{ATOM}entry")
    assert [child.tag.removeprefix(ATOM) for child in entry] == [
        "id", "title", "link", "published", "updated", "author", "author", "summary",
        "category", "category", "category", "category", "category"]
    assert entry.find(f"{ATOM}published").text == "2022-05-17T00:00:00Z"
    assert entry.find(f"{ATOM}updated").text == "2024-02-03T00:00:00Z"
    assert entry.find(f"{ATOM}summary").text == "Чему учили."
    assert [(c.get("term"), c.get("label")) for c in entry.findall(f"{ATOM}category")][:2] == [
        ("workshop", "Материалы мероприятия"), ("open-data", "Политика, практика и кейсы в области открытых данных")]


# --- A field declared once reaches every output its declaration names -------------------

def test_a_field_declared_for_every_output_appears_in_each(tmp_path, editors):
    site = loaded(tmp_path, {**EVENT, WORKSHOP: EVENT[WORKSHOP].replace("---\n\n", 'editors: ["E. Editor"]\n---\n\n')})
    entry = site.entries["workshops/w"]
    names = [r["name"] for r in card(site, entry, "en")["rows"]]
    assert names[names.index("authors") + 1] == "editors"  # at its position
    assert ("editors", "E. Editor", "") in [(r["name"], r["value"], r["url"])
                                           for r in pdf.cover(site, entry, "en", "Hub", BASE_URL)["rows"]]
    work = structured_data.product_jsonld(site, entry, "en", "Hub", BASE_URL)
    assert work["@type"] == "EducationEvent" and "editor" not in work  # declared for works only
    site = loaded(tmp_path / "work", {WORKSHOP: FULL_WORKSHOP.replace("---\n\n", 'editors: ["E. Editor"]\n---\n\n')})
    data = structured_data.product_jsonld(site, site.entries["workshops/w"], "en", "Hub", BASE_URL)
    assert data["editor"] == ["E. Editor"] and list(data).index("editor") == list(data).index("author") + 1
    feed = ET.fromstring(feeds.render(site, "en", "Hub", BASE_URL))
    assert feed.find(f"{ATOM}entry/{ATOM}contributor/{ATOM}name").text == "E. Editor"
