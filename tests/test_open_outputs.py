"""Open outputs on a real build: the catalogue as open data, structured metadata, feeds and PDFs."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import feedparser
import jsonschema
import pytest
from markupsafe import escape
from conftest import ENGLISH_ONLY, HOSTILE_EN, HOSTILE_RU, PAYLOAD_SUMMARY, PAYLOAD_TITLE, RUSSIAN_ONLY, \
    REPO, copy_repo, require_weasyprint, run_hub
from built_site import SITE_URL, head, jsonld, page, site_file

from engine import pdf
from hubcore import exports, feeds, schema, structured_data
from hubcore.loader import load_site
from hubcore.settings import LANGUAGES
from hubcore.urls import entry_path
from hubcore.product_views import format_size

BUILD_TIME = "2023-11-14T22:13:20Z"  # SOURCE_DATE_EPOCH=1700000000, as run_hub sets it


@pytest.fixture(scope="module")
def content(built):
    site, problems = load_site(built["root"])
    assert problems == []
    return site


# --- The catalogue as open data -------------------------------------------------

def test_catalogue_json_matches_the_content(built, content):
    document = json.loads((built["site"] / exports.JSON_FILE).read_text(encoding="utf-8"))
    products = content.products()
    assert document["count"] == len(products) == len(document["products"])
    assert [r["id"] for r in document["products"]] == [e.key for e in products]
    for record, entry in zip(document["products"], products):
        assert record["type"] == entry.kind
        assert record["languages"] == entry.languages
        assert record["original_language"] == entry.original.lang
        assert set(record["title"]) == set(record["summary"]) == set(record["url"]) == set(entry.languages)
        for lang in entry.languages:
            assert record["title"][lang] == entry.versions[lang].meta["title"]
            assert record["url"][lang] == SITE_URL + entry_path(entry.key, lang)
            assert site_file(built["site"], record["url"][lang]).is_file()
        assert record["countries"] == list(entry.neutral.get("countries") or [])
        assert record["topics"] == list(entry.neutral.get("topics") or [])
        assert ("date" in record) == bool(entry.neutral.get("date"))
        assert "license" not in record  # no product of this content declares one
    drafts = {e.key for e in content.products(include_drafts=True)} - {e.key for e in products}
    assert not drafts & {r["id"] for r in document["products"]}
    by_id = {r["id"]: r for r in document["products"]}
    assert by_id["guides/english-only"]["languages"] == ["en"]
    assert by_id["guides/russian-only"]["languages"] == ["ru"]
    assert by_id["guides/russian-only"]["title"] == {"ru": "Руководство только на русском"}
    assert by_id["guides/english-only"]["date"] == "2026-11-26"
    assert by_id["workshops/self-paced-training-course"]["event"] == {"kind": "course", "format": "self-paced"}
    assert by_id["reports/hostile"]["title"]["en"] == PAYLOAD_TITLE  # data stays data...
    assert "<script>" not in (built["site"] / exports.JSON_FILE).read_text(encoding="utf-8")  # ...inert


def test_catalogue_json_validates_against_its_published_schema(built):
    schema = json.loads((built["site"] / exports.SCHEMA_FILE).read_text(encoding="utf-8"))
    document = json.loads((built["site"] / exports.JSON_FILE).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert schema["$id"] == SITE_URL + exports.SCHEMA_FILE == document["$schema"]
    broken = json.loads(json.dumps(document))
    broken["products"][0]["countries"] = ["zz"]
    assert not jsonschema.Draft202012Validator(schema).is_valid(broken)


def test_catalogue_csv_round_trips_with_cyrillic_intact(built, content):
    raw = (built["site"] / exports.CSV_FILE).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheets need to detect UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    document = json.loads((built["site"] / exports.JSON_FILE).read_text(encoding="utf-8"))
    assert list(rows[0]) == exports.columns()
    assert [r["id"] for r in rows] == [p["id"] for p in document["products"]]
    for row, record in zip(rows, document["products"]):
        for lang in LANGUAGES:
            assert row[f"title_{lang}"] == record["title"].get(lang, "")
            assert row[f"url_{lang}"] == record["url"].get(lang, "")
        assert row["topics"] == "; ".join(record["topics"])
        assert row["date"] == record.get("date", "")
    ru = next(r for r in rows if r["id"] == "workshops/offline-workshop-georgia")
    assert ru["title_ru"] == content.entries["workshops/offline-workshop-georgia"].versions["ru"].meta["title"]
    assert re.search("[а-яА-Я]", ru["title_ru"])
    hostile = next(r for r in rows if r["id"] == "reports/hostile")
    assert hostile["title_en"] == PAYLOAD_TITLE and hostile["summary_en"] == PAYLOAD_SUMMARY


def test_csv_cells_never_start_a_spreadsheet_formula():
    data = exports.to_csv([{"id": "=HYPERLINK(\"https://example.org\")", "title": {"en": "+1", "ru": "@x"}}])
    row = next(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert row["id"].startswith("'=") and row["title_en"] == "'+1" and row["title_ru"] == "'@x"


def test_dcat_describes_the_catalogue_and_its_distributions(built):
    dcat = json.loads((built["site"] / exports.DCAT_FILE).read_text(encoding="utf-8"))
    assert dcat["@type"] == "dcat:Catalog" and dcat["@id"] == SITE_URL + exports.DCAT_FILE
    (dataset,) = dcat["dcat:dataset"]
    assert dataset["@type"] == "dcat:Dataset"
    types = {d["dcat:mediaType"]: d for d in dataset["dcat:distribution"]}
    assert set(types) == {"application/json", "text/csv"}
    assert types["application/json"]["dct:conformsTo"]["@id"] == SITE_URL + exports.SCHEMA_FILE
    for distribution in types.values():
        assert site_file(built["site"], distribution["dcat:downloadURL"]["@id"]).is_file()
    assert "dct:license" not in dataset and "dct:publisher" not in dataset  # nothing invented
    for landing in dataset["dcat:landingPage"]:
        assert site_file(built["site"], landing["@id"]).is_file()


def test_open_data_page_documents_every_field_in_both_languages(built, content):
    for lang in LANGUAGES:
        url = entry_path(exports.OPEN_DATA_KEY, lang)
        html = page(built["site"], url)
        for spec in schema.record_fields():
            assert f"<code>{spec.name}</code>" in html, (lang, spec.name)
            assert str(escape(content.field_help.text(spec.name, lang))) in html, (lang, spec.name)
        for href in re.findall(r'<td><a href="([^"]+)"><code>', html):
            resolved = (Path("/" + url) / href).resolve().as_posix().lstrip("/")
            assert (built["site"] / resolved).is_file(), (lang, href)
    assert "open-data/" in page(built["site"], "")  # in the navigation


# --- Structured metadata on pages -----------------------------------------------

@pytest.mark.parametrize("url, expected", [
    ("case-studies/open-government-data-policies-and-practices/", "Article"),
    ("reports/needs-assessment-survey-results/", "Report"),
    ("guides/english-only/", "LearningResource"),
    ("workshops/self-paced-training-course/", "Course"),
    # An event only where the file gives its day and place; else the materials, as the work they are.
    ("workshops/seminar-baku/", "EducationEvent"),
    ("workshops/online-workshop-1/", "LearningResource"),
    ("workshops/regional-conference-kazakhstan/", "LearningResource"),
    ("ru/workshops/study-visit-korea/", "LearningResource"),
    ("", "WebSite"),
    ("ru/library/", "CollectionPage"),
    ("topics/open-data/", "CollectionPage"),
    ("reports/", "CollectionPage"),
    ("about/", "WebPage"),
])
def test_jsonld_has_the_fitting_type(built, url, expected):
    data = jsonld(page(built["site"], url))
    assert data["@context"] == "https://schema.org" and data["@type"] == expected


def test_product_jsonld_says_what_the_content_says_and_nothing_more(built, content):
    for entry in content.products():
        for lang in LANGUAGES:
            data = jsonld(page(built["site"], entry_path(entry.key, lang)))
            shown = entry.document(lang).lang
            assert data["name"] == entry.text("title", lang) and data["inLanguage"] == shown
            assert data["url"] == SITE_URL + entry_path(entry.key, shown)
            date_field = "startDate" if data["@type"] == "EducationEvent" else "datePublished"
            assert data.get(date_field) == (str(entry.neutral["date"]) if entry.neutral.get("date") else None)
            assert "license" not in json.dumps(data)  # no product declares a licence
            assert ("author" in data) == bool(entry.neutral.get("authors"))
            assert "Organization" not in json.dumps(data)  # no item here names who prepared it
    guide = jsonld(page(built["site"], "guides/english-only/"))
    assert guide["datePublished"] == "2026-11-26"
    assert guide["spatialCoverage"] == [{"@type": "Country", "name": "Armenia", "url": SITE_URL + "countries/am/",
                                         "identifier": "AM"}]
    assert guide["about"][0]["name"] == "Change management for digital transformation"
    assert "workTranslation" not in guide and "translationOfWork" not in guide
    online = jsonld(page(built["site"], "workshops/online-workshop-1/"))  # no day, no place: not an event
    assert not {"startDate", "location", "eventAttendanceMode", "organizer", "subjectOf"} & set(online)
    assert "creator" not in online
    assert online["workTranslation"] == [{"@id": SITE_URL + "ru/workshops/online-workshop-1/", "inLanguage": "ru"}]
    event = jsonld(page(built["site"], "workshops/seminar-baku/"))
    assert event["startDate"] == "2024-10-15" and event["location"] == {"@type": "Place", "name": "Baku"}
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["subjectOf"]["url"] == SITE_URL + "workshops/seminar-baku/"
    report_ru = jsonld(page(built["site"], "ru/reports/needs-assessment-survey-results/"))
    assert report_ru["translationOfWork"] == {"@id": SITE_URL + "reports/needs-assessment-survey-results/",
                                              "inLanguage": "en"}
    assert "publisher" not in report_ru and "creator" not in report_ru
    fallback = jsonld(page(built["site"], "ru/guides/english-only/"))
    assert fallback["inLanguage"] == "en" and fallback["url"] == SITE_URL + "guides/english-only/"


WITH_MATERIAL = """---
title: "A report with its own material"
summary: "A report whose document names who prepared it."
countries: [ge]
partners: [undp-kazakhstan, acsh]
partners_source: "The report, title page"
attachments:
  - {title: "Full report", url: "https://example.org/report.pdf"}
---

The report's text.
"""
WITH_MATERIAL_RU = """---
title: "Отчёт с собственными материалами"
summary: "Отчёт, в котором сам документ называет подготовившие его организации."
---

Текст отчёта.
"""


def test_organisations_and_media_only_as_the_item_gives_them(tmp_path):
    """Organisations only as the item's creator, with a source; attachments only with material."""
    root = copy_repo(tmp_path)
    (root / "docs/reports/with-material.md").write_text(WITH_MATERIAL, encoding="utf-8")
    (root / "docs/reports/with-material.ru.md").write_text(WITH_MATERIAL_RU, encoding="utf-8")
    site, problems = load_site(root)
    assert problems == []
    data = structured_data.product_jsonld(site, site.entries["reports/with-material"], "ru", "Hub", SITE_URL)
    assert data["creator"] == [{"@type": "Organization", "name": "ПРООН в Казахстане"},
                               {"@type": "Organization", "name": "Астанинский хаб государственной службы"}]
    assert "publisher" not in data and "organizer" not in data
    assert data["associatedMedia"] == [{"@type": "MediaObject", "name": "Full report",
                                        "contentUrl": "https://example.org/report.pdf"}]
    event = structured_data.product_jsonld(site, site.entries["workshops/online-workshop-1"], "en", "Hub", SITE_URL)
    assert not {"organizer", "creator", "associatedMedia"} & (set(event) | set(event.get("subjectOf", {})))
    record = {r["id"]: r for r in exports.records(site, SITE_URL)}["reports/with-material"]
    assert record["partners"] == ["undp-kazakhstan", "acsh"]
    assert record["partners_source"] == "The report, title page"
    assert "partners_source" not in {r["id"]: r for r in exports.records(site, SITE_URL)}["workshops/online-workshop-1"]


def test_every_page_has_open_graph_twitter_and_its_feed(built):
    pages = sorted(built["site"].rglob("*.html"))
    assert len(pages) > 80
    for path in pages:
        html = path.read_text(encoding="utf-8")
        lang = re.search(r'<html lang="([a-z]+)"', html).group(1)
        tags = head(html)
        feed = [l for l in tags.links if l.get("type") == "application/atom+xml"]
        assert [l["href"] for l in feed] == [SITE_URL + feeds.feed_path(lang)], path
        assert feed[0]["rel"] == "alternate"
        for name in ("og:title", "og:type", "og:locale", "og:site_name", "twitter:card", "twitter:title"):
            assert len(tags.meta.get(name, [])) == 1, (path, name)
        assert tags.meta["og:title"] == tags.meta["twitter:title"]
        if path.name == "index.html":
            assert tags.meta["og:url"][0].startswith(SITE_URL), path
    ru = head(page(built["site"], "ru/workshops/offline-workshop-georgia"))
    assert ru.meta["og:locale"] == ["ru_RU"] and ru.meta["og:locale:alternate"] == ["en_US"]
    assert ru.meta["og:url"] == [SITE_URL + "ru/workshops/offline-workshop-georgia/"]
    assert ru.meta["og:type"] == ["article"]
    assert ru.meta["og:site_name"] == ["База знаний по цифровому управлению"]


def test_every_page_shares_with_the_sites_own_image(built, content):
    """Link previews show the image made for the site (scripts/social_image.py), described in the page's language."""
    from PIL import Image

    image = built["site"] / "assets/images/social.png"
    with Image.open(image) as opened:
        assert opened.format == "PNG" and opened.size == (1200, 630)
    assert image.read_bytes() != (built["site"] / "assets/images/favicon.png").read_bytes()
    for path in sorted(built["site"].rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        lang = re.search(r'<html lang="([a-z]+)"', html).group(1)
        meta = head(html).meta
        assert meta["og:image"] == meta["twitter:image"] == [SITE_URL + "assets/images/social.png"], path
        assert (meta["og:image:width"], meta["og:image:height"], meta["og:image:type"]) == (["1200"], ["630"],
                                                                                          ["image/png"])
        assert meta["og:image:alt"] == meta["twitter:image:alt"] == [content.ui[lang]["social_image_alt"]], path
        assert meta["twitter:card"] == ["summary_large_image"]


def test_the_sites_image_is_what_its_script_draws_from_the_interface_words():
    """After a change to the social_image_* words in data/ui.yml, run scripts/social_image.py again."""
    import importlib.util

    import yaml
    from PIL import Image

    spec = importlib.util.spec_from_file_location("social_image", REPO / "scripts/social_image.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not (module.FONTS / "DejaVuSans.ttf").exists():
        if os.environ.get("CI"):
            pytest.fail("the DejaVu fonts are required in CI (.ci/pdf-deps installs them)")
        pytest.skip("no DejaVu fonts: install Debian's fonts-dejavu-core")
    words = yaml.safe_load((REPO / "data/ui.yml").read_text(encoding="utf-8"))
    with Image.open(module.OUTPUT) as kept:
        assert module.draw(words).convert("RGB").tobytes() == kept.convert("RGB").tobytes()


def test_hostile_title_is_escaped_in_tags_and_cannot_leave_the_json_ld(built):
    for url, title in (("reports/hostile/", PAYLOAD_TITLE), ("ru/reports/hostile/", "Русский " + PAYLOAD_TITLE)):
        html = page(built["site"], url)
        tags = head(html)
        # The parser decodes attributes: equal values mean the tags held them escaped, whole.
        assert tags.meta["og:title"] == [title] and tags.meta["twitter:title"] == [title]
        assert tags.meta["og:description"] == [PAYLOAD_SUMMARY]
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        assert "<" not in block and ">" not in block and "&" not in block
        assert json.loads(block)["name"] == title and json.loads(block)["description"] == PAYLOAD_SUMMARY
        assert 'content="<' not in html and "<img src=x" not in html


def test_script_json_cannot_be_closed_by_a_value():
    text = structured_data.script_json({"name": "</script><script>alert(1)</script>&amp;"})
    assert "</" not in text and "<" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script>&amp;"}


# --- Feeds ------------------------------------------------------------------------

def test_feeds_are_valid_atom_with_absolute_links(built, content):
    for lang in LANGUAGES:
        raw = (built["site"] / feeds.feed_path(lang)).read_bytes()
        parsed = feedparser.parse(raw)
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert parsed.version == "atom10" and parsed.feed.language == lang
        expected = [e for e in content.products() if lang in e.versions and e.has_material][:feeds.FEED_SIZE]
        assert expected and len(expected) < len([e for e in content.products() if lang in e.versions])
        assert [e.link for e in parsed.entries] == [SITE_URL + entry_path(e.key, lang) for e in expected]
        for item in parsed.entries:
            assert item.id.startswith(SITE_URL) and site_file(built["site"], item.link).is_file()
        assert parsed.feed.links[0].href == SITE_URL + feeds.feed_path(lang)
        # No clock: dated items give their date, undated ones the build's SOURCE_DATE_EPOCH.
        stamps = {e.link.removeprefix(SITE_URL): e.updated for e in parsed.entries}
        assert parsed.feed.updated == max(stamps.values())
        if lang == "en":
            assert stamps["guides/english-only/"] == "2026-11-26T00:00:00Z"
            assert stamps["reports/hostile/"] == BUILD_TIME
            assert "workshops/online-workshop-1/" not in stamps  # its materials are still to come
            assert "<script>window.__xss" not in raw.decode("utf-8")
    ru = feedparser.parse((built["site"] / "ru/feed.xml").read_bytes())
    assert "Руководство только на русском" in [e.title for e in ru.entries]
    assert ru.feed.title == "База знаний по цифровому управлению: Новые материалы"


def test_feed_without_any_date_or_epoch_uses_the_documented_fallback(content, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert feeds.build_time() == feeds.FALLBACK_UPDATED
    first = feeds.render(content, "ru", "Hub", SITE_URL)
    assert first == feeds.render(content, "ru", "Hub", SITE_URL)  # byte for byte
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert feeds.build_time() == BUILD_TIME


# --- PDFs and print ------------------------------------------------------------------

def test_a_build_without_pdfs_links_none(built):
    assert not list(built["site"].rglob("*.pdf"))
    assert 'hub-pdf"' not in page(built["site"], "workshops/online-workshop-1")


def test_print_stylesheet_hides_navigation_and_shows_link_addresses():
    css = (Path(__file__).resolve().parent.parent / "overrides/assets/stylesheets/hub.css").read_text(encoding="utf-8")
    rules = css[css.index("@media print"):]
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".md-search", ".md-select"):
        assert selector in rules.split("{")[1], selector
    assert 'a[href^="http"]::after { content: " (" attr(href) ")"' in rules
    assert "break-inside: avoid" in rules and "break-after: avoid" in rules


@pytest.fixture(scope="module")
def pdf_build(tmp_path_factory):
    """The real content plus products in every language state and a hostile one, built with PDFs twice."""
    require_weasyprint()
    root = copy_repo(tmp_path_factory.mktemp("pdf"))
    (root / "docs/reports/hostile.md").write_text(HOSTILE_EN, encoding="utf-8")
    (root / "docs/reports/hostile.ru.md").write_text(HOSTILE_RU, encoding="utf-8")
    (root / "docs/guides/english-only.md").write_text(ENGLISH_ONLY, encoding="utf-8")
    (root / "docs/guides/russian-only.ru.md").write_text(RUSSIAN_ONLY, encoding="utf-8")
    (root / "docs/reports/with-material.md").write_text(WITH_MATERIAL, encoding="utf-8")
    (root / "docs/reports/with-material.ru.md").write_text(WITH_MATERIAL_RU, encoding="utf-8")
    first = run_hub(root, "build", "--pdf")
    assert first.returncode == 0, first.stdout + first.stderr
    cache = {p.name: p.stat().st_mtime_ns for p in pdf.cache(root).glob("*.pdf")}
    second = run_hub(root, "pdf")  # the same as build --pdf
    assert second.returncode == 0, second.stdout + second.stderr
    return {"root": root, "site": root / "site", "cache_first": cache,
            "cache_second": {p.name: p.stat().st_mtime_ns for p in pdf.cache(root).glob("*.pdf")}}


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    return " ".join(p.extract_text() for p in PdfReader(str(path)).pages)


def test_a_pdf_for_every_product_with_material_and_language_with_its_title_and_address(pdf_build):
    from pypdf import PdfReader
    site, problems = load_site(pdf_build["root"])
    assert problems == []
    with_material = [e for e in site.products() if e.has_material]
    expected = {f"{entry_path(e.key, lang)}{e.slug}.pdf" for e in with_material for lang in e.versions}
    found = {p.relative_to(pdf_build["site"]).as_posix() for p in pdf_build["site"].rglob("*.pdf")}
    assert found == expected
    assert len(expected) == sum(len(e.versions) for e in with_material) == 6
    for entry in with_material:
        for lang in entry.versions:
            path = pdf_build["site"] / f"{entry_path(entry.key, lang)}{entry.slug}.pdf"
            title = entry.versions[lang].meta["title"]
            assert PdfReader(str(path)).metadata.title == title
            text = _pdf_text(path)
            squeezed = "".join(text.split())
            assert "".join(title.split()) in squeezed, (path, text[:300])
            assert (SITE_URL + entry_path(entry.key, lang)) in squeezed, path


def test_pdf_cover_renders_cyrillic_and_metadata(pdf_build):
    text = " ".join(_pdf_text(pdf_build["site"] / "ru/reports/with-material/with-material.pdf").split())
    for words in ("Отчёт с собственными материалами", "Отчёт", "Грузия", "Подготовили",
                  "ПРООН в Казахстане; Астанинский хаб государственной службы",
                  "Постоянный адрес", "База знаний по цифровому управлению"):
        assert words in text, words
    english = " ".join(_pdf_text(pdf_build["site"] / "guides/english-only/english-only.pdf").split())
    assert "26 November 2026" in english and "Armenia" in english and "Methodological guide" in english
    hostile = _pdf_text(pdf_build["site"] / "reports/hostile/hostile.pdf")
    assert "window.__xss=1" in "".join(hostile.split())  # printed as text, not run as markup


def test_product_pages_link_their_pdf_with_its_size(pdf_build):
    site = pdf_build["site"]
    pdf = site / "ru/reports/with-material/with-material.pdf"
    html = page(site, "ru/reports/with-material")
    assert ('<a class="md-button hub-download hub-pdf" href="with-material.pdf" download>\n      '
            '<span class="hub-download__title">Текст этой страницы</span>') in html
    assert f"(PDF, {format_size(pdf.stat().st_size, 'ru')})" in html
    fallback = page(site, "ru/guides/english-only")  # no PDF of its own: the original's
    assert 'hub-pdf" href="../../../guides/english-only/english-only.pdf" download hreflang="en">' in fallback
    assert not (site / "ru/guides/english-only/english-only.pdf").exists()
    assert 'href="../../ru/guides/russian-only/russian-only.pdf"' in page(site, "guides/russian-only")
    assert 'hub-pdf"' not in page(site, "about")
    for entry in ("workshops/online-workshop-1", "reports/needs-assessment-survey-results"):  # materials to come
        for lang in LANGUAGES:
            assert 'hub-pdf"' not in page(site, entry_path(entry, lang)), (entry, lang)
        assert not list((site / entry).glob("*.pdf"))


def test_a_second_pdf_build_reuses_the_cache(pdf_build):
    assert pdf_build["cache_first"] and pdf_build["cache_second"] == pdf_build["cache_first"]
    site, _ = load_site(pdf_build["root"])
    assert len(pdf_build["cache_first"]) == sum(len(e.versions) for e in site.products() if e.has_material)


def test_printing_is_deterministic(pdf_build):
    """A cold cache gives the same bytes: nothing in a PDF comes from the clock or chance."""

    root = pdf_build["root"]
    site, _ = load_site(root)
    entry = site.entries["reports/with-material"]
    html, images = pdf.document_html(site, entry, "ru", "База знаний по цифровому управлению", SITE_URL, root)
    cached = pdf.cache(root) / f"{pdf.content_hash(html, images)}.pdf"
    assert pdf.print_pdf(html, root) == cached.read_bytes()
    assert (pdf_build["site"] / pdf.pdf_url(entry, "ru")).read_bytes() == cached.read_bytes()
