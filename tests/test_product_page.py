"""A reader's tasks on a product page, in Chromium, in both languages, on a laptop and on a phone.

The golden content tree (tests/golden/docs) is built with one change to the data: the recording's
player host is allowed to be embedded (data/site.yml), as a site that wants embeds would set it. Its
workshop gives every event field (golden-event.md and its Russian translation).

- download an attachment: the button names the file's format and size, and the file a reader gets
  is the file in the repository, byte for byte;
- open a workshop's agenda: from the header's link, by keyboard, the programme is on screen;
- play the recording: nothing is requested from the player's host until the reader presses the
  button, then the player loads under the page's Content-Security-Policy;
- axe-core finds nothing on each kind of product page, in the light and the dark scheme.

Screenshots of each kind of product page go to the review folder (tests/screenshots.py).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import copy_repo, run_hub, serve_folder
from screenshots import shoot
from test_accessibility import AXE, violations

GOLDEN = Path(__file__).resolve().parent / "golden" / "docs"
PLAYER_HOST = "www.youtube-nocookie.com"
EVENT = "workshops/golden-event/"
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
# Each kind of product page: with downloads and every event part, with a download and a PDF-less text,
# and workshop materials still to come.
PAGES = {"event": EVENT, "report": "reports/golden-report/", "to-come": "workshops/golden-workshop/"}
WORDS = {"en": {"slides": r"^Presentation slides \(PDF, 2 kB\)$", "programme": "Programme",
                "parts": "On this page", "play": "Play the recording here"},
         "ru": {"slides": r"^Presentation slides \(PDF, 2 кБ\)$", "programme": "Программа",
                "parts": "На этой странице", "play": "Смотреть запись здесь"}}
# Records every Content-Security-Policy violation the page meets.
VIOLATIONS = ("window.__violations = [];"
              "document.addEventListener('securitypolicyviolation',"
              " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")


@pytest.fixture(scope="module")
def product_site(tmp_path_factory) -> Path:
    root = copy_repo(tmp_path_factory.mktemp("product-page"))
    shutil.rmtree(root / "docs")
    shutil.copytree(GOLDEN, root / "docs")
    settings = root / "data/site.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "embed_allowed_hosts: []", f"embed_allowed_hosts: [{PLAYER_HOST}]"), encoding="utf-8")
    result = run_hub(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def site_url(product_site):
    with serve_folder(product_site) as url:
        yield url


def _address(site_url: str, lang: str, path: str) -> str:
    return site_url + ("ru/" if lang == "ru" else "") + path


@pytest.fixture
def reader(browser):
    """A fresh browser tab that downloads files and notes every request the page makes."""
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_download_an_attachment(reader, site_url, lang, size):
    reader.set_viewport_size(SIZES[size])
    reader.goto(_address(site_url, lang, EVENT))
    # The button's accessible name says what the file is, its format and its size.
    button = reader.get_by_role("link", name=re.compile(WORDS[lang]["slides"]))
    assert button.is_visible()
    with reader.expect_download() as started:
        button.click()
    download = started.value
    assert download.suggested_filename == "golden-slides.pdf"
    assert Path(download.path()).read_bytes() == (GOLDEN / "workshops/files/golden-slides.pdf").read_bytes()
    # A document elsewhere is marked as such, with its host, and is not a download of this site.
    elsewhere = reader.get_by_role("link", name=re.compile(r"\((Word), (on|на сайте) example\.org\)$"))
    assert elsewhere.get_attribute("rel") == "external" and elsewhere.get_attribute("download") is None
    shoot(reader, f"product-task-download-{lang}-{size}", full_page=False)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_open_a_workshops_agenda_from_the_keyboard(reader, site_url, lang, size):
    reader.set_viewport_size(SIZES[size])
    reader.goto(_address(site_url, lang, EVENT))
    words = WORDS[lang]
    link = reader.get_by_role("navigation", name=words["parts"]).get_by_role("link", name=words["programme"])
    link.focus()
    reader.keyboard.press("Enter")
    reader.wait_for_url(re.compile(r"#hub-agenda$"))
    agenda = reader.locator("#hub-agenda")
    heading = agenda.get_by_role("heading", name=words["programme"], level=2)
    assert heading.is_visible()
    reader.wait_for_function("document.querySelector('#hub-agenda h2').getBoundingClientRect().top >= 0 && "
                             "document.querySelector('#hub-agenda h2').getBoundingClientRect().top < innerHeight")
    items = agenda.locator("li.hub-agenda__item")
    assert items.count() == 3
    first = items.first
    expected = "Opening" if lang == "en" else "Открытие"
    assert first.locator(".hub-agenda__title").inner_text() == expected
    assert first.locator("time").first.get_attribute("datetime") == "2023-03-14T09:30"
    # Readable: on screen, not cut off, in a size people can read.
    box = first.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size]["width"]
    assert float(first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 12
    shoot(reader, f"product-task-agenda-{lang}-{size}", full_page=False)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_recording_loads_from_its_host_only_after_the_reader_asks(reader, site_url, lang):
    served: list[str] = []

    def player(route):
        served.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>player</title><p>player</p>")

    reader.context.route(re.compile(rf"^https://{re.escape(PLAYER_HOST)}/"), player)
    reader.goto(_address(site_url, lang, EVENT))
    reader.wait_for_load_state("networkidle")
    third_party = [url for url in reader.requests if not url.startswith(site_url)]
    assert third_party == [] and served == []  # nothing asked of anyone else before the reader does
    assert reader.locator("iframe").count() == 0
    button = reader.get_by_role("button", name=WORDS[lang]["play"])
    assert button.is_visible()
    link = reader.locator("#hub-recording a[rel=external]")
    assert link.get_attribute("href") == f"https://{PLAYER_HOST}/embed/golden-recording"
    button.focus()
    with reader.expect_request(re.compile(rf"^https://{re.escape(PLAYER_HOST)}/embed/golden-recording$")):
        reader.keyboard.press("Enter")
    frame = reader.locator("iframe.hub-recording__frame")
    assert frame.get_attribute("title").endswith(reader.locator("h1").inner_text())
    assert reader.frame_locator("iframe.hub-recording__frame").locator("p").inner_text() == "player"
    assert served == [f"https://{PLAYER_HOST}/embed/golden-recording"]
    assert reader.evaluate("window.__violations") == []  # the page's policy lets frames come from that host
    shoot(reader, f"product-recording-loaded-{lang}", full_page=False)


def test_without_an_allowed_host_the_recording_is_a_link_only():
    """Built with the real data/site.yml, which allows no embed, the page has the link, no player and no
    script for one (test_golden.py checks that the built page is this file)."""
    golden = (Path(__file__).resolve().parent / "golden/expected/product-event-en.html").read_text(encoding="utf-8")
    recording = golden.split('id="hub-recording"')[1].split("</section>")[0]
    assert f'<a href="https://{PLAYER_HOST}/embed/golden-recording" rel="external">' in recording
    assert "hub-recording__player" not in recording and "recording.js" not in golden and "<iframe" not in golden


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_product_page_has_no_table_of_contents_unless_its_text_is_long(reader, site_url, lang):
    for path in ("reports/golden-report/", EVENT):  # one section each: no "Contents"
        reader.goto(_address(site_url, lang, path))
        toc = reader.locator(".md-sidebar--secondary")
        assert toc.count() == 1 and not toc.is_visible()
    reader.goto(_address(site_url, lang, "library/"))
    assert reader.locator(".md-sidebar--secondary").get_attribute("hidden") is None  # other pages keep theirs


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_axe_violations_on_product_pages(browser, site_url, kind, lang, scheme):
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run 'npm ci' (make test does)")
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)  # axe is injected as a script
    page = context.new_page()
    try:
        for size in SIZES.values():
            page.set_viewport_size(size)
            page.goto(_address(site_url, lang, PAGES[kind]))
            expected = "slate" if scheme == "dark" else "default"
            page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{expected}'")
            assert violations(page) == [], (kind, lang, scheme, size)
            if scheme == "light":
                shoot(page, f"product-{kind}-{lang}-{size['width']}")
    finally:
        context.close()


def test_only_a_long_product_text_keeps_the_contents():
    from hubcore.page_kinds import KINDS, PRODUCT_CONTENTS_FROM, shows_contents
    product = {"contents_from": KINDS["product"].contents_from}
    assert not shows_contents(product, PRODUCT_CONTENTS_FROM - 1) and shows_contents(product, PRODUCT_CONTENTS_FROM)
    assert all(shows_contents({"contents_from": kind.contents_from}, 0) for name, kind in KINDS.items()
               if name != "product")  # every other kind of page keeps the theme's layout


def test_product_pages_are_valid_html(product_site):
    """The Nu HTML checker on every kind of product page, with the recording's player offered."""
    from test_html import check, materials_own
    files = [product_site / prefix / path / "index.html" for path in PAGES.values() for prefix in ("", "ru")]
    assert [m for m in check(files) if not materials_own(m)] == []
