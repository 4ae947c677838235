"""Finding knowledge in a real browser: facets, shared filtered URLs, search in each language."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import search

from hubcore.loader import load_site


@pytest.fixture(scope="module")
def content(built):
    return load_site(built["root"])[0]


@pytest.fixture()
def tab(browser):
    context = browser.new_context()
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def visible_titles(page) -> list[str]:
    return page.eval_on_selector_all(
        ".hub-catalogue .hub-item:not([hidden]) .hub-item__title", "els => els.map(e => e.textContent)")


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def titles(content, lang, keep) -> list[str]:
    return [e.text("title", lang) for e in content.products() if keep(e)]


def test_facets_narrow_the_list_and_keep_the_choice_in_the_url(tab, served, content):
    tab.goto(served + "library/")
    assert visible_titles(tab) == titles(content, "en", lambda e: True)
    tab.click("a.hub-facet__value[data-facet=country][data-value=kz]")
    assert query(tab) == {"country": ["kz"]}
    in_kz = titles(content, "en", lambda e: "kz" in (e.neutral.get("countries") or []))
    assert visible_titles(tab) == in_kz and len(in_kz) == 2
    tab.click("a.hub-facet__value[data-facet=country][data-value=ge]")  # or, within a facet
    assert query(tab) == {"country": ["kz,ge"]}
    assert len(visible_titles(tab)) == 3
    tab.click("a.hub-facet__value[data-facet=type][data-value=workshop]")  # and, across facets
    in_kz_or_ge = titles(content, "en", lambda e: e.kind == "workshop" and bool(
        {"kz", "ge"} & set(e.neutral.get("countries") or [])))
    assert visible_titles(tab) == in_kz_or_ge
    # A value nothing could match with the others is offered no more.
    assert tab.get_attribute("a.hub-facet__value[data-facet=type][data-value=report]", "aria-disabled") == "true"
    tab.go_back()
    assert query(tab) == {"country": ["kz,ge"]} and len(visible_titles(tab)) == 3
    tab.go_back()
    assert visible_titles(tab) == in_kz
    tab.go_forward()
    assert len(visible_titles(tab)) == 3
    assert tab.get_attribute("a.hub-facet__value[data-value=ge]", "aria-checked") == "true"
    assert tab.errors == []


def test_a_shared_filtered_url_opens_filtered(tab, served, content):
    tab.goto(served + "ru/library/?type=workshop&format=online")
    expected = titles(content, "ru", lambda e: (e.neutral.get("event") or {}).get("format") == "online")
    assert visible_titles(tab) == expected and len(expected) == 3
    assert tab.get_attribute("a.hub-facet__value[data-value=online]", "aria-checked") == "true"
    assert tab.inner_text(".hub-catalogue__status") == f"Показано: 3 из {len(content.products())}"


def test_facets_work_from_the_keyboard(tab, served):
    tab.goto(served + "library/")
    tab.focus("a.hub-facet__value[data-facet=format][data-value=offline]")
    tab.keyboard.press("Space")
    assert query(tab) == {"format": ["offline"]}
    tab.keyboard.press("Enter")
    assert query(tab) == {}


def test_without_script_the_library_is_complete(browser, served, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "library/")
    assert len(page.query_selector_all(".hub-catalogue .hub-item")) == len(content.products())
    page.click("a.hub-facet__value[data-facet=topic][data-value=open-data]")
    assert page.url == served + "topics/open-data/"
    context.close()


def test_search_in_english_finds_english_pages_and_opens_one(tab, served):
    tab.goto(served)
    hrefs = search(tab, "open data")
    assert hrefs and all("/ru/" not in h for h in hrefs)
    found = [i for i, h in enumerate(hrefs) if "case-studies/open-government-data-policies-and-practices/" in h]
    assert found, hrefs  # the case study on open data, among the pages that say "open data"
    tab.click(f".md-search-result__item > a >> nth={found[0]}")
    tab.wait_for_load_state()
    assert tab.inner_text("h1") == "Open (Government) Data Policies and Practices"


def test_search_in_russian_finds_metadata_and_opens_a_russian_page(tab, served):
    """Word forms, ё and е, two words and both languages: tests/test_search.py."""
    tab.goto(served + "ru/")
    hrefs = search(tab, "Грузия")  # a country label, only in the page's metadata card
    assert hrefs and all(h.startswith(served + "ru/") for h in hrefs)
    assert any("offline-workshop-georgia" in h for h in hrefs)
    tab.click(".md-search-result__item > a >> nth=0")
    tab.wait_for_load_state()
    assert tab.locator("html").get_attribute("lang") == "ru"
