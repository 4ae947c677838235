"""The event fields of workshop materials: dates, place, agenda, speakers, recording, photos.

Checked as authors meet them (every mistake at its line, all at once, hostile values refused), as
translations give their texts, and as each output shows them: the typed product, the page's views,
the catalogue, the schema.org description, the PDF, the JSON Schemas and the scaffold. The pages
themselves are in test_golden.py (tests/golden/docs/workshops/golden-event.md) and, in Chromium, in
test_product_page.py.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import require_weasyprint
from fixture_tree import REPO, check, front, loaded

from engine import pdf
from hubcore import exports, json_schema, limits, scaffold, schema, structured_data
from hubcore.event_views import event_view
from hubcore.frontmatter import split
from hubcore.loader import load_site
from hubcore.product import RECORD_TYPES, AgendaItem, Event, Photo, Speaker
from hubcore.product_views import downloads, header

BASE_URL = "https://hub.example/"
GOLDEN = Path(__file__).resolve().parent / "golden" / "docs" / "workshops"
W = "docs/workshops/w.md"
WRU = "docs/workshops/w.ru.md"
# Two tiny real images and a PDF, as the section's files.
PNG = (GOLDEN / "files" / "golden-photo-1.png").read_bytes()
JPEG = (GOLDEN / "files" / "golden-photo-2.jpg").read_bytes()
FILES = {"docs/workshops/files/p1.png": PNG, "docs/workshops/files/p2.jpg": JPEG,
         "docs/workshops/files/slides.pdf": b"%PDF-1.7\n" + b"0" * 2100}

# Every event field, well formed (lines: --- 1, title 2, summary 3, date 4, then the event from 5).
EVENT_LINES = (
    'title: "Workshop"', 'summary: "Two days."', 'date: "2023-03-14"',
    "event:",                                                                   # 5
    "  kind: workshop",                                                         # 6
    "  format: offline",                                                        # 7
    '  location: "Bishkek"',                                                    # 8
    '  end: "2023-03-15"',                                                      # 9
    "  agenda:",                                                                # 10
    '    - {day: "2023-03-14", time: "09:30", end: "10:00", title: "Opening", speaker: "A. Speaker"}',  # 11
    '    - {day: "2023-03-15", time: "14:00", title: "Wrap-up"}',               # 12
    "  speakers:",                                                              # 13
    '    - {name: "A. Speaker", role: "Moderator", organisation: "A ministry"}',  # 14
    '  recording: "https://video.example/embed/1"',                             # 15
    "  photos:",                                                                # 16
    '    - {file: files/p1.png, alt: "People at tables", caption: "Group work"}',  # 17
    '    - {file: files/p2.jpg, alt: "A speaker"}',                             # 18
    'attachments: [{title: "Slides", file: files/slides.pdf}]',                 # 19
)
TRANSLATION = front(
    'title: "Семинар"', 'summary: "Два дня."',
    "event:",
    '  location: "Бишкек"',
    "  agenda:",
    '    - {title: "Открытие", speaker: "А. Докладчик"}',
    '    - {title: "Итоги"}',
    "  speakers:",
    '    - {name: "А. Докладчик", role: "Модератор", organisation: "Министерство"}',
    "  photos:",
    '    - {alt: "Люди за столами", caption: "Работа в группах"}',
    '    - {alt: "Докладчик"}')


def workshop(*lines: str) -> dict[str, str | bytes]:
    """Workshop materials made of ``lines``, with the files of FILES they name (an unused file is refused)."""
    text = front(*lines)
    return {W: text, **{path: data for path, data in FILES.items() if path.rsplit("/", 2)[-2] + "/"
                        + path.rsplit("/", 1)[-1] in text}}


def problems_of(tmp_path: Path, files: dict[str, str | bytes]) -> list[str]:
    """Every problem as ``path:line: field: message`` (the validator's own lines)."""
    return [str(p) for p in check(tmp_path, files)]


def assert_reported(found: list[str], *expected: tuple[int, str, str], path: str = W) -> None:
    """Each of ``expected`` (line, field, words of the message) is one of the problems ``found``."""
    for line, field, words in expected:
        prefix = f"{path}:{line}: {field}: "
        assert any(p.startswith(prefix) and words in p for p in found), (prefix, words, found)


# --- Validation: every mistake at its line, all in one run ---------------------------------

def test_every_event_field_is_valid_as_documented(tmp_path):
    site = loaded(tmp_path, {**workshop(*EVENT_LINES), WRU: TRANSLATION})
    event = site.entries["workshops/w"].product.event
    assert event.end == "2023-03-15" and event.recording == "https://video.example/embed/1"
    assert event.agenda[0] == AgendaItem("2023-03-14", "09:30", "10:00", "Opening", "A. Speaker")
    assert event.speakers == (Speaker("A. Speaker", "Moderator", "A ministry"),)
    assert event.photos[1] == Photo("files/p2.jpg", "A speaker", None)
    assert site.images == {"workshops/files/p1.png": (320, 200), "workshops/files/p2.jpg": (240, 320)}
    assert {"workshops/files/p1.png", "workshops/files/p2.jpg"} <= set(site.files)  # the photos are published


def test_every_mistake_in_an_event_is_reported_at_its_line_in_one_run(tmp_path):
    found = problems_of(tmp_path, workshop(
        'title: "Workshop"', 'summary: "Two days."', 'date: "2023-03"',            # 2-4: a month, not a day
        "event:",                                                                   # 5
        "  kind: workshop",                                                         # 6
        '  end: "2023-02-30"',                                                      # 7 impossible
        "  agenda:",                                                                # 8
        '    - {time: "9:30", title: "Opening"}',                                   # 9 not HH:MM
        "    - {time: 930, title: Late}",                                           # 10 a number
        '    - {time: "10:00", end: "09:00", title: "Backwards"}',                  # 11
        '    - {time: "11:00"}',                                                    # 12 no title
        '    - {time: "12:00", title: "T", room: "A"}',                             # 13 unknown
        "  speakers:",                                                              # 14
        '    - {role: "Expert"}',                                                   # 15 no name
        '  recording: "javascript:alert(1)"',                                       # 16
        "  photos:",                                                                # 17
        '    - {file: files/p1.png}',                                               # 18 no alt
        '    - {file: files/drawing.svg, alt: "A drawing"}',                        # 19 not an image format
        '    - {file: "data:image/png;base64,iVBORw0KGgo=", alt: "Inline"}',        # 20
        '    - {file: files/missing.png, alt: "Not there"}',                        # 21
        '    - {file: files/p2.jpg, alt: "  "}',                                    # 22 empty alt
    ))
    assert_reported(found,
                    (7, "event.end", "impossible date"),
                    (9, "event.agenda[0].time", "HH:MM"),
                    (10, "event.agenda[1].time", "in quotes"),
                    (11, "event.agenda[2].end", "ends (09:00) before it starts (10:00)"),
                    (12, "event.agenda[3].title", "required"),
                    (13, "event.agenda[4].room", "unknown field"),
                    (15, "event.speakers[0].name", "required"),
                    (16, "event.recording", "must be an https:// address"),
                    (18, "event.photos[0].alt", "required"),
                    (19, "event.photos[1].file", "not an image"),
                    (20, "event.photos[2].file", "must be the path of an image file"),
                    (19, "event.photos[1].file", "no such file"),
                    (21, "event.photos[3].file", "'files/missing.png': no such file"),
                    (22, "event.photos[4].alt", "must not be empty"))
    assert len(found) == 14, found


@pytest.mark.parametrize("lines, line, field, words", [
    (('date: "2023-03"', "event: {kind: workshop, end: \"2023-03-15\"}"), 5, "event.end", "give 'date' as YYYY-MM-DD"),
    (('date: "2023-03-14"', "event: {kind: workshop, end: \"2023-03-13\"}"), 5, "event.end", "is before the first"),
    (('date: "2023-03-14"', "event: {kind: workshop, end: \"2023-03-14\"}"), 5, "event.end", "one-day event"),
    (('date: "2023-03-14"', "event:", "  kind: workshop", '  end: "2023-03-15"', "  agenda:",
      '    - {time: "09:00", title: "No day"}'), 9, "event.agenda[0].day", "several days"),
    (('date: "2023-03-14"', "event:", "  kind: workshop", "  agenda:",
      '    - {day: "2023-03-16", time: "09:00", title: "Elsewhere"}'), 8, "event.agenda[0].day",
     "not a day of the event"),
    (("event:", "  kind: workshop", "  agenda:", '    - {day: "2023-03-16", time: "09:00", title: "T"}'), 7,
     "event.agenda[0].day", "needs the event's first day"),
    (('event: {kind: workshop, recording: "data:text/html,<script>alert(1)</script>"}',), 4, "event.recording",
     "https://"),
    (('event: {kind: workshop, recording: "http://video.example/1"}',), 4, "event.recording", "https://"),
    (('event: {kind: workshop, recording: "https://video.example/x\\"onload=\\"alert(1)"}',), 4,
     "event.recording", "https://"),
    (('event: {kind: workshop, photos: {file: files/q.png, alt: "x"}}',), 4, "event.photos", "must be a list"),
    (('event: {kind: workshop, agenda: [{time: "24:00", title: "Midnight"}]}',), 4, "event.agenda[0].time", "HH:MM"),
])
def test_each_rule_of_an_event_names_the_field_to_fix(tmp_path, lines, line, field, words):
    found = problems_of(tmp_path, workshop('title: "W"', 'summary: "S"', *lines))
    assert len(found) == 1, found
    assert_reported(found, (line, field, words))


@pytest.mark.parametrize("field, item, limit", [
    ("agenda", '{time: "09:00", title: "T"}', limits.MAX_AGENDA_ITEMS),
    ("speakers", '{name: "N"}', limits.MAX_SPEAKERS),
    ("photos", "{file: files/p1.png, alt: A}", limits.MAX_PHOTOS),
])
def test_a_huge_list_is_one_problem_and_is_not_read_item_by_item(tmp_path, field, item, limit):
    def listing(count: int) -> tuple[str, ...]:
        return ('title: "W"', 'summary: "S"', "event:", "  kind: workshop", f"  {field}:",
                *[f"    - {item}"] * count)

    found = problems_of(tmp_path, workshop(*listing(limit + 1)))
    assert found == [f"{W}:6: event.{field}: too many items: {limit + 1}, at most {limit}"]
    assert problems_of(tmp_path / "exact", workshop(*listing(limit))) == []  # at the limit it is accepted


def test_event_fields_belong_to_workshop_materials_only(tmp_path):
    found = problems_of(tmp_path, {"docs/guides/g.md": front('title: "G"', 'summary: "S"',
                                                             'event: {kind: workshop, end: "2023-03-15"}')})
    assert found == ["docs/guides/g.md:4: event: only allowed on workshop pages"]


# --- Translations give the texts inside the event ---------------------------------------

def test_a_translation_gives_the_events_texts_in_its_language(tmp_path):
    site = loaded(tmp_path, {**workshop(*EVENT_LINES), WRU: TRANSLATION})
    entry = site.entries["workshops/w"]
    assert entry.original.lang == "en"  # texts inside the event do not make the translation the original
    ru = entry.product_in("ru").event
    assert ru.location == "Бишкек" and ru.agenda[0].title == "Открытие" and ru.agenda[0].time == "09:30"
    assert ru.speakers[0] == Speaker("А. Докладчик", "Модератор", "Министерство")
    assert ru.photos[0] == Photo("files/p1.png", "Люди за столами", "Работа в группах")
    assert entry.product.event.agenda[0].title == "Opening"  # the original's own stay as they are
    assert all(entry.texts_language(path, "ru") == "ru" for path in
               ("event.location", "event.agenda", "event.speakers", "event.photos"))


def test_texts_a_translation_does_not_give_are_the_originals_marked_with_their_language(tmp_path):
    site = loaded(tmp_path, {**workshop(*EVENT_LINES), WRU: front('title: "Семинар"', 'summary: "Два дня."')})
    entry = site.entries["workshops/w"]
    assert entry.product_in("ru").event.agenda[0].title == "Opening"
    view = event_view(site, entry, "ru")
    assert view["agenda"]["lang"] == "en" and view["speakers"]["lang"] == "en" and view["photos"]["lang"] == "en"
    assert event_view(site, entry, "en")["agenda"]["lang"] is None  # in the reader's own language


def test_a_russian_original_stays_the_original_beside_an_english_translation_of_its_texts(tmp_path):
    site = loaded(tmp_path, {
        "docs/workshops/r.ru.md": front('title: "Семинар"', 'summary: "Два дня."', 'date: "2023-03-14"',
                                        "event: {kind: workshop, agenda: [{time: \"09:30\", title: Открытие}]}"),
        "docs/workshops/r.md": front('title: "Workshop"', 'summary: "Two days."',
                                     "event: {agenda: [{title: Opening}]}")})
    entry = site.entries["workshops/r"]
    assert entry.original.lang == "ru" and entry.product_in("en").event.agenda[0].title == "Opening"


def test_every_mistake_in_a_translations_event_texts_is_reported(tmp_path):
    found = problems_of(tmp_path, {**workshop(*EVENT_LINES), WRU: front(
        'title: "Семинар"', 'summary: "Два дня."',                                  # 2, 3
        "event:",                                                                   # 4
        "  kind: seminar",                                                          # 5 neutral, changed
        "  agenda:",                                                                # 6
        '    - {title: "Открытие", speaker: "А", time: "10:00"}',                   # 7 neutral, changed
        '    - {title: "Итоги", speaker: "Б"}',                                     # 8 a text the original lacks
        "  speakers:",                                                              # 9
        '    - {name: "А"}',                                                        # 10
        '    - {name: "Б"}',                                                        # 11 one too many
        "  photos:",                                                                # 12
        '    - {alt: "Люди", caption: "Группы", colour: "red"}',                    # 13 unknown
        '    - {alt: 5}',                                                           # 14 wrong type
        "  participants: 3",                                                        # 15 neutral, new
    )})
    assert_reported(found, (5, "event.kind", "differs from the original"),
                    (7, "event.agenda[0].time", "differs from the original"),
                    (8, "event.agenda[1].speaker", "the original gives no such text here"),
                    (9, "event.speakers", "the original lists 1 item, this file 2"),
                    (13, "event.photos[0].colour", "unknown field"),
                    (14, "event.photos[1].alt", "must be text"),
                    (15, "event.participants", "differs from the original"), path=WRU)
    assert len(found) == 7, found


def test_a_translation_gives_no_event_its_original_lacks_and_may_repeat_neutral_values_unchanged(tmp_path):
    found = problems_of(tmp_path, {**workshop('title: "W"', 'summary: "S"', "event: {kind: workshop}"),
                                   WRU: front('title: "С"', 'summary: "С"', "event: {agenda: [{title: Т}]}")})
    assert found == [f"{WRU}:4: event.agenda: the original gives no 'agenda': a translation gives only the texts "
                     "of the original's agenda, in its language"]
    # An editor that writes every field into each language's file repeats the neutral ones: accepted.
    repeated = TRANSLATION.replace('  location: "Бишкек"', '  kind: workshop\n  location: "Бишкек"').replace(
        '{title: "Итоги"}', '{day: "2023-03-15", time: "14:00", title: "Итоги"}')
    assert problems_of(tmp_path / "repeated", {**workshop(*EVENT_LINES), WRU: repeated}) == []


def test_a_translated_list_is_given_whole(tmp_path):
    found = problems_of(tmp_path, {**workshop(*EVENT_LINES), WRU: TRANSLATION.replace(
        '{title: "Открытие", speaker: "А. Докладчик"}', '{title: "Открытие"}')})
    assert found == [f"{WRU}:7: event.agenda[0].speaker: the original's item has this text: give it in this "
                     "language too (a list is translated whole)"]


# --- What the page shows --------------------------------------------------------------

def test_the_event_view_shows_each_part_and_leaves_out_what_is_not_given(tmp_path):
    site = loaded(tmp_path, {**workshop(*EVENT_LINES), WRU: TRANSLATION})
    entry = site.entries["workshops/w"]
    view = event_view(site, entry, "ru")
    days = view["agenda"]["days"]
    assert [d["day"] for d in days] == ["14 марта 2023", "15 марта 2023"]  # an event of two days, by day
    assert days[0]["items"][0] == {"time": "09:30", "end": "10:00", "start_at": "2023-03-14T09:30",
                                   "end_at": "2023-03-14T10:00", "title": "Открытие", "speaker": "А. Докладчик"}
    assert view["speakers"]["people"] == [{"name": "А. Докладчик", "role": "Модератор", "organisation": "Министерство"}]
    assert view["recording"] == {"url": "https://video.example/embed/1", "host": "video.example", "embed": False}
    assert view["photos"]["photos"][1] == {"src": "workshops/files/p2.jpg", "alt": "Докладчик", "caption": "",
                                           "width": 240, "height": 320}
    bare = loaded(tmp_path / "bare", workshop('title: "W"', 'summary: "S"', "event: {kind: workshop}"))
    assert event_view(bare, bare.entries["workshops/w"], "en") == {}  # no part is shown empty
    assert event_view(bare, bare.entries["guides/valid"], "en") is None


def test_the_recording_plays_in_the_page_only_from_an_allowed_host(tmp_path):
    site = loaded(tmp_path, {**workshop(*EVENT_LINES), "data/site.yml": "embed_allowed_hosts: [video.example]\n"})
    recording = event_view(site, site.entries["workshops/w"], "en")["recording"]
    assert recording["embed"] is True and recording["host"] == "video.example"


def test_one_day_agenda_has_no_day_headings_and_the_header_shows_the_range(tmp_path):
    one_day = [line for line in EVENT_LINES if "end: \"2023-03-15\"" not in line]
    one_day = [line.replace('day: "2023-03-15", ', "").replace('day: "2023-03-14", ', "") for line in one_day]
    site = loaded(tmp_path, workshop(*one_day))
    days = event_view(site, site.entries["workshops/w"], "en")["agenda"]["days"]
    assert [d["day"] for d in days] == [""] and days[0]["items"][1]["start_at"] == "2023-03-14T14:00"
    two = loaded(tmp_path / "two", workshop(*EVENT_LINES))
    dates = {r["name"]: r for r in header(two, two.entries["workshops/w"], "ru")["rows"]}["date"]["values"]
    assert dates == [{"label": "14–15 марта 2023", "datetime": "2023-03-14", "until": "2023-03-15"}]


def test_downloads_name_their_format_and_size_and_a_recording_is_material(tmp_path):
    site = loaded(tmp_path, workshop(*EVENT_LINES[:-1], 'attachments: [{title: "Slides", file: files/slides.pdf}, '
                                                        '{title: "Deck", url: "https://example.org/deck.pptx"}]'))
    entry = site.entries["workshops/w"]
    files = downloads(site, entry, "ru")["files"]
    assert files[0] == {"title": "Slides", "href": "workshops/files/slides.pdf", "external": False, "host": "",
                        "format": "PDF", "size": "2,1 кБ", "title_lang": "en"}  # titles are the original's
    assert files[1]["format"] == "PowerPoint" and files[1]["external"] and files[1]["host"] == "example.org"
    only_recording = loaded(tmp_path / "rec", workshop('title: "W"', 'summary: "S"',
                                                       'event: {kind: workshop, recording: "https://v.example/1"}'))
    assert only_recording.entries["workshops/w"].has_material  # the event itself, to watch
    assert not downloads(only_recording, only_recording.entries["workshops/w"], "en")["materials_to_come"]


# --- The outputs ------------------------------------------------------------------------

def test_the_typed_records_follow_the_declarations_at_every_depth():
    def walk(fields):
        for spec in fields:
            if spec.name in RECORD_TYPES:
                assert [f.name for f in dataclasses.fields(RECORD_TYPES[spec.name])] == [s.name for s in spec.fields]
            walk(spec.fields)
    walk(schema.PRODUCT_FIELDS)
    assert RECORD_TYPES["event"] is Event


def test_the_catalogue_holds_the_event_with_its_texts_per_language(tmp_path):
    site = loaded(tmp_path, {**workshop(*EVENT_LINES), WRU: TRANSLATION})
    record = exports.record(site, site.entries["workshops/w"], BASE_URL)
    event = record["event"]
    assert event["location"] == {"en": "Bishkek", "ru": "Бишкек"} and event["end"] == "2023-03-15"
    assert event["agenda"][0] == {"day": "2023-03-14", "time": "09:30", "end": "10:00",
                                  "title": {"en": "Opening", "ru": "Открытие"},
                                  "speaker": {"en": "A. Speaker", "ru": "А. Докладчик"}}
    assert event["speakers"][0]["organisation"] == {"en": "A ministry", "ru": "Министерство"}
    assert event["recording"] == "https://video.example/embed/1"
    assert event["photos"][1] == {"file": BASE_URL + "workshops/files/p2.jpg",
                                  "alt": {"en": "A speaker", "ru": "Докладчик"}}
    catalogue = exports.catalog(site, BASE_URL, {"en": "T"}, {})
    jsonschema.validate(json.loads(exports.dumps(catalogue)), exports.catalog_schema(site, BASE_URL))
    row = next(csv.DictReader(io.StringIO(exports.to_csv([record]).decode("utf-8-sig"))))
    assert row["event_location_ru"] == "Бишкек"
    assert row["event_agenda_en"] == ("2023-03-14 | 09:30 | 10:00 | Opening | A. Speaker\n"
                                      "2023-03-15 | 14:00 |  | Wrap-up | ")
    assert row["event_speakers_ru"] == "А. Докладчик | Модератор | Министерство"
    assert row["event_photos_en"].splitlines()[1] == BASE_URL + "workshops/files/p2.jpg | A speaker | "
    assert row["event_recording"] == "https://video.example/embed/1"


def test_an_untranslated_text_is_left_out_of_the_catalogue_not_guessed(tmp_path):
    site = loaded(tmp_path, {**workshop(*EVENT_LINES), WRU: front('title: "С"', 'summary: "С"')})
    event = exports.record(site, site.entries["workshops/w"], BASE_URL)["event"]
    assert event["location"] == {"en": "Bishkek"} and event["agenda"][0]["title"] == {"en": "Opening"}


def test_the_events_structured_data_holds_its_schedule_performers_and_media(tmp_path):
    site = loaded(tmp_path, {**workshop(*EVENT_LINES), WRU: TRANSLATION})
    data = structured_data.product_jsonld(site, site.entries["workshops/w"], "ru", "Hub", BASE_URL)
    assert data["@type"] == "EducationEvent" and data["startDate"] == "2023-03-14" and data["endDate"] == "2023-03-15"
    assert data["location"] == {"@type": "Place", "name": "Бишкек"}
    assert data["performer"] == [{"@type": "Person", "name": "А. Докладчик", "jobTitle": "Модератор",
                                  "affiliation": {"@type": "Organization", "name": "Министерство"}}]
    assert data["subEvent"][0] == {"@type": "Event", "name": "Открытие", "startDate": "2023-03-14T09:30",
                                   "endDate": "2023-03-14T10:00",
                                   "performer": {"@type": "Person", "name": "А. Докладчик"}}
    assert data["subEvent"][1] == {"@type": "Event", "name": "Итоги", "startDate": "2023-03-15T14:00"}
    assert data["recordedIn"] == {"@type": "VideoObject", "url": "https://video.example/embed/1"}
    assert data["image"][0] == {"@type": "ImageObject", "contentUrl": BASE_URL + "workshops/files/p1.png",
                                "caption": "Работа в группах"}
    assert "eventSchedule" not in data  # a Schedule is for events that repeat


def test_materials_without_the_events_day_keep_only_what_a_work_has(tmp_path):
    lines = [line.replace('date: "2023-03-14"', 'date: "2023-03"') for line in EVENT_LINES
             if "end: \"2023-03-15\"" not in line]
    lines = [line.replace('day: "2023-03-14", ', "").replace('day: "2023-03-15", ', "") for line in lines]
    site = loaded(tmp_path, workshop(*lines))
    data = structured_data.product_jsonld(site, site.entries["workshops/w"], "en", "Hub", BASE_URL)
    assert data["@type"] == "LearningResource"
    assert data["video"] == {"@type": "VideoObject", "url": "https://video.example/embed/1"}
    assert [i["contentUrl"] for i in data["image"]] == [BASE_URL + "workshops/files/p1.png",
                                                       BASE_URL + "workshops/files/p2.jpg"]
    assert not {"subEvent", "performer", "endDate", "recordedIn"} & set(data)


def test_the_pdf_has_the_dates_and_place_on_its_cover_and_the_event_after_the_text(tmp_path):
    site = loaded(tmp_path, {**workshop(*EVENT_LINES), WRU: TRANSLATION})
    shutil.copytree(REPO / "overrides", tmp_path / "repo" / "overrides")  # the PDF's template
    entry = site.entries["workshops/w"]
    cover = pdf.cover(site, entry, "ru", "Hub", BASE_URL)
    assert ("Дата", "14–15 марта 2023") in [(r["name"], r["value"]) for r in cover["rows"]]
    assert ("Место проведения", "Бишкек") in [(r["name"], r["value"]) for r in cover["rows"]]
    html, images = pdf.document_html(site, entry, "ru", "Hub", BASE_URL, tmp_path / "repo")
    body = html.split('<section class="event">')[1]
    for text in ("Программа", "14 марта 2023", "09:30–10:00", "Открытие", "(А. Докладчик)", "Выступающие",
                 "Модератор, Министерство", "Запись", "https://video.example/embed/1", "Фотографии",
                 'alt="Люди за столами"', "<figcaption>Работа в группах</figcaption>"):
        assert text in body, text
    assert (tmp_path / "repo/docs/workshops/files/p1.png") in images  # printed from the file, and hashed
    # An event that gives one part: that part alone, the others absent, not empty.
    one = loaded(tmp_path / "one", workshop('title: "W"', 'summary: "S"',
                                            'event: {kind: workshop, recording: "https://video.example/1"}'))
    shutil.copytree(REPO / "overrides", tmp_path / "one/repo/overrides")
    html, images = pdf.document_html(one, one.entries["workshops/w"], "en", "Hub", BASE_URL, tmp_path / "one/repo")
    event = html.split('<section class="event">')[1]
    assert "<h2>Recording</h2>" in event and "Programme" not in event and "Photos" not in event and images == []


def test_the_printed_pdf_holds_the_programme_and_the_photos(tmp_path):
    require_weasyprint()
    from pypdf import PdfReader
    site = loaded(tmp_path, {**workshop(*EVENT_LINES), WRU: TRANSLATION})
    shutil.copytree(REPO / "overrides", tmp_path / "repo" / "overrides")
    html, _ = pdf.document_html(site, site.entries["workshops/w"], "ru", "Hub", BASE_URL, tmp_path / "repo")
    reader = PdfReader(io.BytesIO(pdf.print_pdf(html, tmp_path / "repo")))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for words in ("14–15 марта 2023", "Бишкек", "Программа", "09:30–10:00 Открытие (А. Докладчик)",
                  "А. Докладчик Модератор, Министерство", "https://video.example/embed/1", "Работа в группах"):
        assert words in text, words
    assert sum(len(page.images) for page in reader.pages) >= 2  # both photos, printed from their files


# --- Editors and authors --------------------------------------------------------------

def _front_matter(path: Path) -> dict:
    source, problems = split(path.name, path.read_bytes())
    assert source is not None and not problems
    return source.meta


def test_the_json_schema_accepts_the_golden_workshop_and_its_translation(tmp_path):
    site, problems = load_site(Path(__file__).resolve().parent.parent)
    assert problems == []
    validator = jsonschema.Draft7Validator(json_schema.schema_for("workshop", site.taxonomies, site.field_help))
    assert list(validator.iter_errors(_front_matter(GOLDEN / "golden-event.md"))) == []
    assert list(validator.iter_errors(_front_matter(GOLDEN / "golden-event.ru.md"))) == []
    original = _front_matter(GOLDEN / "golden-event.md")
    original["event"] = {"agenda": [{"title": "No kind, no time"}]}  # what only a translation may write
    assert {e.validator for e in validator.iter_errors(original)} == {"required"}
    original["event"] = {"kind": "workshop", "agenda": [{"time": "9:30", "title": "T"}]}
    assert [e.validator for e in validator.iter_errors(original)] == ["pattern"]


def test_the_scaffold_explains_every_event_field_at_every_depth():
    site, _ = load_site(Path(__file__).resolve().parent.parent)
    text = scaffold.front_matter(site, "workshop", "New workshop", "ru")
    for line in ("#   agenda: Программа", "#     time (required)", "#     title (required)",
                 "#   photos: Фотографии", "#     alt (required)", "#   end: Последний день"):
        assert line.replace("(required)", "(обязательно)") in text, line
