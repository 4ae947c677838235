"""The built site in a real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

import pytest


@pytest.fixture()
def page(browser, served):
    context = browser.new_context()
    tab = context.new_page()
    tab.errors = []
    tab.dialogs = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def test_home_switch_to_russian_then_open_a_product(page, served):
    page.goto(served)
    assert page.locator("html").get_attribute("lang") == "en"
    page.hover(".md-select")
    page.click(".md-select__link[hreflang='ru']")
    page.wait_for_url(served + "ru/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").first.inner_text() == "База знаний по цифровому управлению"
    link = page.locator(".hub-item__title").first
    title = link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert page.url.startswith(served + "ru/") and page.url != served + "ru/"
    assert page.locator("h1").first.inner_text() == title
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.errors == []


def test_hostile_metadata_runs_nothing(page, served):
    for url in ("reports/hostile/", "ru/reports/hostile/", "reports/", "ru/reports/", ""):
        page.goto(served + url)
        page.mouse.move(200, 200)
        page.hover("h1")
        assert page.evaluate("window.__xss === undefined"), url
    assert page.dialogs == [] and page.errors == []
    # The payload is shown to readers as text.
    page.goto(served + "reports/hostile/")
    assert "<script>window.__xss=1</script>" in page.locator("h1").first.inner_text()


@pytest.mark.parametrize("start,choose,expected", [
    ("ru/workshops/online-workshop-2/", None, "workshops/online-workshop-2/"),
    ("topics/open-data/", None, "ru/topics/open-data/"),
    ("ru/guides/english-only/", None, "guides/english-only/"),
    ("library/?country=kz", None, "ru/library/?country=kz"),  # the library's filters come along
    ("ru/library/?format=online", "language=en", "library/?format=online&language=en"),
])
def test_language_switch_in_the_browser_keeps_the_page(page, served, start, choose, expected):
    page.goto(served + start)
    if choose:  # a filter chosen on the page itself (the address changes without a new page)
        facet, value = choose.split("=")
        page.click(f"a.hub-facet__value[data-facet={facet}][data-value={value}]")
    target = "en" if start.startswith("ru/") else "ru"
    page.hover(".md-select")
    page.click(f".md-select__link[hreflang='{target}']")
    page.wait_for_url(served + expected)
    assert page.locator("html").get_attribute("lang") == target
    assert page.errors == []


def test_no_failed_requests_on_a_russian_page(browser, served):
    context = browser.new_context()
    tab = context.new_page()
    failures = []
    tab.on("response", lambda r: failures.append(r.url) if r.status >= 400 else None)
    tab.goto(served + "ru/workshops/online-workshop-1/")
    tab.keyboard.press("/")
    tab.keyboard.type("семинар")
    tab.wait_for_selector(".md-search-result__item", timeout=10000)
    tab.wait_for_load_state("networkidle")
    assert failures == []
    context.close()


def test_the_colour_scheme_follows_the_system_until_the_reader_chooses_one(browser, served):
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(served)  # a first visit, on a system set to dark
    page.wait_for_function(f"() => ({scheme})() === 'slate'")
    page.emulate_media(color_scheme="light")  # the reader's system changes; nothing was chosen on the site
    page.goto(served + "ru/")
    page.wait_for_function(f"() => ({scheme})() === 'default'")
    page.click("form[data-md-component=palette] label:visible")  # the reader chooses dark
    page.wait_for_function(f"() => ({scheme})() === 'slate'")
    for url in ("library/", "ru/404.html"):  # the choice is kept, against the system's setting
        page.goto(served + url)
        page.wait_for_load_state()
        assert page.evaluate(scheme) == "slate", url
        assert page.get_attribute("label.md-header__button[for^='__palette']:visible", "title") in (
            "Switch to light mode", "Включить светлую тему")
    context.close()


@pytest.mark.parametrize("address,lang,title,word", [
    ("ru/no-such-page/", "ru", "Страница не найдена", "семинар"),
    ("ru/workshops/no-such-workshop/", "ru", "Страница не найдена", "семинар"),
    ("no-such-page/", "en", "Page not found", "workshop"),
])
def test_a_missing_address_gets_the_404_page_of_its_language(page, served, address, lang, title, word):
    """The test server answers as GitHub Pages does: the site's one /404.html (English), status 404."""
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    response = page.goto(served + address)
    assert response.status == 404
    page.wait_for_function("([lang, title]) => document.documentElement.lang === lang"
                           " && document.querySelector('h1') && document.querySelector('h1').textContent === title",
                           arg=[lang, title])
    assert page.url == served + address  # the reader still sees the address they typed
    page.keyboard.press("/")  # Material's scripts run on it, with the language's own search
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    assert hrefs and all(h.startswith(served + "ru/") == (lang == "ru") for h in hrefs)
    assert page.get_attribute(".md-select__link[hreflang='ru']", "href").endswith("/ru/404.html")
    assert page.errors == [] and [c for c in console if "Content Security Policy" in c] == []
