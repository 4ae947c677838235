"""The home page as a portal and the site's chrome, used as a reader uses them: Chromium, both languages,
a desktop (1366 px) and a phone (390 px).

Tasks count what a reader does (clicks and key presses; scrolling is not an action). Each ends with
a screenshot for review (tests/screenshots.py). The views and the built HTML are checked in
tests/test_home.py.
"""

from __future__ import annotations

import re

import pytest

from hubcore.loader import load_site
from hubcore.settings import LANGUAGES
from hubcore.urls import entry_path
from screenshots import shoot
from test_accessibility import AXE, violations

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": DESKTOP, "phone": PHONE}
GEORGIA_WORKSHOP = "workshops/offline-workshop-georgia"


@pytest.fixture(scope="module")
def content(built):
    site, problems = load_site(built["root"])
    assert problems == []
    return site


@pytest.fixture()
def open_page(browser):
    """A new tab at a viewport size and colour scheme; the contexts are closed after the test."""
    contexts = []

    def make(viewport: dict[str, int], scheme: str = "light", bypass_csp: bool = False):
        context = browser.new_context(viewport=viewport, color_scheme=scheme, bypass_csp=bypass_csp)
        contexts.append(context)
        tab = context.new_page()
        tab.errors = []
        tab.on("pageerror", lambda error: tab.errors.append(str(error)))
        return tab

    yield make
    for context in contexts:
        context.close()


def _prefix(lang: str) -> str:
    return entry_path("index", lang)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_from_the_home_page_the_in_person_workshop_in_georgia_is_at_most_three_actions_away(
        open_page, served, content, lang, size):
    """The reader's way: the home page's tile for Georgia (by country), then the workshop's card."""
    page = open_page(SIZES[size])
    page.goto(served + _prefix(lang))
    georgia = content.taxonomies["countries"]["ge"].label[lang]
    workshop = content.entries[GEORGIA_WORKSHOP].text("title", lang)
    actions = 0
    page.locator("section[aria-labelledby='hub-home-countries'] a.hub-tile", has_text=georgia).click()
    actions += 1
    page.wait_for_url(served + entry_path("countries/ge", lang))
    page.locator(".hub-item__title", has_text=workshop).click()
    actions += 1
    page.wait_for_url(served + entry_path(GEORGIA_WORKSHOP, lang))
    assert page.locator("h1").inner_text() == workshop
    assert actions <= 3
    assert page.errors == []
    shoot(page, f"task-georgia-{lang}-{size}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_the_first_screen_says_what_the_hub_is_and_offers_a_way_in(open_page, served, content, lang):
    page = open_page(PHONE)
    page.goto(served + _prefix(lang))
    statement = page.locator(".md-content__inner > p").first
    assert content.entries["index"].text("title", lang) in statement.inner_text()  # it says what the hub is
    way_in = page.locator(".hub-tile").first
    fold = PHONE["height"]
    for shown in (statement, way_in):
        box = shown.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= fold, box
    shoot(page, f"home-first-screen-{lang}-phone", full_page=False)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_desktop_width_the_top_level_sections_are_tabs_in_the_pages_language(open_page, served, content, lang):
    page = open_page(DESKTOP)
    page.goto(served + entry_path("library", lang))
    tabs = page.locator(".md-tabs")
    assert tabs.is_visible()
    names = [t.strip() for t in tabs.locator(".md-tabs__link").all_inner_texts()]
    titles = [content.entries[key].text("title", lang) for key in ("library", "topics", "countries", "about")]
    assert names == [content.ui[lang]["nav_home"], *titles]
    active = tabs.locator(".md-tabs__item--active").inner_text().strip()
    assert active == titles[0]
    # The sidebar shows the active tab's pages: the library and the sections.
    sidebar = page.locator(".md-sidebar--primary").inner_text()
    assert all(content.entries[f"{t.folder}/index"].text("title", lang) in sidebar
               for t in content.taxonomies.types.values())
    tabs.locator(".md-tabs__link", has_text=titles[1]).click()
    page.wait_for_url(served + entry_path("topics", lang))
    shoot(page, f"tabs-{lang}-desktop", full_page=False)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_the_drawer_names_the_site_once(open_page, served, content, lang):
    page = open_page(PHONE)
    page.goto(served + _prefix(lang))
    assert not page.locator(".md-tabs").is_visible()
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer = page.locator(".md-sidebar--primary")
    drawer.locator(".md-nav__title").first.wait_for(state="visible")
    text = drawer.inner_text()
    site_name = page.locator(".md-header__topic").first.inner_text().strip()
    assert text.count(site_name) == 1, text
    assert content.ui[lang]["nav_home"] in text
    shoot(page, f"drawer-{lang}-phone", full_page=False)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_footer_is_the_projects_in_the_pages_language(open_page, served, content, lang, size):
    page = open_page(SIZES[size])
    for url in (_prefix(lang), entry_path(GEORGIA_WORKSHOP, lang), entry_path("topics/ecosystems", lang)):
        page.goto(served + url)
        footer = page.locator(".md-footer-meta")
        footer.scroll_into_view_if_needed()
        assert footer.is_visible()
        text = footer.inner_text()
        for term in content.taxonomies["partners"].values():
            assert term.label[lang] in text, (url, term.id)
        assert content.ui[lang]["footer_license_none"] in text
        other = [l for l in LANGUAGES if l != lang]
        assert not any(content.ui[o]["footer_license_none"] in text for o in other)
        labels = " ".join(term.label[lang] for term in content.taxonomies["partners"].values())
        if lang != "en":  # no English: the only Latin words are the organisations' own acronyms
            assert set(re.findall(r"[A-Za-z]+", text)) <= set(re.findall(r"[A-Za-z]+", labels)), text
        else:
            assert not re.search("[А-Яа-яЁё]", text), text
    shoot(page, f"footer-{lang}-{size}")


AXE_PAGES = {"home": "index", "term page": "countries/kz", "empty term page": "topics/ecosystems",
             "term index": "topics"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(AXE_PAGES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violations_on_the_portals_pages(open_page, served, lang, kind, scheme):
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run 'npm ci' (make test does)")
    page = open_page(DESKTOP, scheme, bypass_csp=True)  # axe is injected as a script
    page.goto(served + entry_path(AXE_PAGES[kind], lang))
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s",
                           arg="slate" if scheme == "dark" else "default")
    assert violations(page) == []


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_screenshots_of_the_portals_pages(open_page, served, lang, size):
    """For review: the home page, a section, a term index and a term page (the CI artifact)."""
    page = open_page(SIZES[size])
    for name, key in (("home", "index"), ("section", "workshops/index"), ("term-index", "countries"),
                      ("term-page", "countries/kz"), ("empty-term-page", "countries/tj")):
        page.goto(served + entry_path(key, lang))
        assert page.locator("h1").is_visible()
        shoot(page, f"{name}-{lang}-{size}")
    assert page.errors == []
