"""The library as a finder: its view (facets, batches, the script's own parameters) and, in
Chromium, the tasks a reader does with it, in both languages, on a wide and a phone screen.

The view is checked on small fixture trees; the tasks on the session's real build
(``served``): filtering and sharing the address, removing one chip, the words filter,
the order, the keyboard alone, no script at all, and axe with filters open in both
colour schemes. Screenshots of each state go to tests/screenshots.py's folder.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect
from built_site import page as built_page
from fixture_tree import front, loaded
from screenshots import shoot
from test_accessibility import AXE, TAGS

from hubcore import listing_views
from hubcore.loader import load_site
from hubcore.roles import LIBRARY_PARAMETERS

TS = ('title: "T"', 'summary: "S."')


# --- The view -------------------------------------------------------------------------

def _facet(facets: list[dict], name: str) -> list[tuple[str, str, int]]:
    return [(v["id"], v["url"], v["count"]) for v in next(f for f in facets if f["name"] == name)["values"]]


def test_each_facet_offers_the_values_some_item_has_with_their_counts(tmp_path):
    site = loaded(tmp_path, {
        "docs/guides/b.md": front(*TS, 'date: "2021"', "countries: [kz]", "topics: [open-data]"),
        "docs/workshops/w.md": front(*TS, 'date: "2023-02"', "countries: [uz]",
                                     "event: {kind: workshop, format: offline}"),
        "docs/workshops/w.ru.md": front('title: "Т"', 'summary: "С."'),
    })
    facets = listing_views.library(site, "en")["facets"]
    assert [f["name"] for f in facets] == ["type", "country", "topic", "year", "format", "language"]
    # A term's value links to its page; the valid guide of the base tree is in kz and uz.
    assert _facet(facets, "country") == [("kz", "countries/kz/", 2), ("uz", "countries/uz/", 2)]
    assert _facet(facets, "type") == [("guide", "guides/", 2), ("workshop", "workshops/", 1)]
    # No "(0)": countries, types and formats no item has are left out.
    assert _facet(facets, "format") == [("offline", "library/?format=offline", 1)]
    # Derived values: years newest first, languages as the site lists them.
    assert _facet(facets, "year") == [("2023", "library/?year=2023", 2), ("2021", "library/?year=2021", 1)]
    assert _facet(facets, "language") == [("en", "library/?language=en", 3), ("ru", "library/?language=ru", 1)]
    ru = listing_views.library(site, "ru")["facets"]
    assert _facet(ru, "country") == [("kz", "ru/countries/kz/", 2), ("uz", "ru/countries/uz/", 2)]
    assert [v["label"] for v in ru[1]["values"]] == ["Казахстан", "Узбекистан"]


def test_a_facet_no_item_fills_has_no_values(tmp_path):
    site = loaded(tmp_path)
    facets = listing_views.library(site, "en")["facets"]
    assert _facet(facets, "format") == [] and _facet(facets, "topic") == [("open-data", "topics/open-data/", 1)]


def test_the_library_view_lists_newest_first_and_names_the_scripts_parameters(tmp_path):
    site = loaded(tmp_path, {f"docs/guides/g{i}.md": front(*TS, f'date: "20{10 + i}"') for i in range(3)})
    view = listing_views.library(site, "en")
    assert [it["key"] for it in view["catalogue"]] == ["guides/valid", "guides/g2", "guides/g1", "guides/g0"]
    assert view["orders"] == ["newest", "title"] and view["parameters"] == LIBRARY_PARAMETERS
    assert view["batch"] == listing_views.LIBRARY_BATCH and listing_views.LIBRARY_BATCH % 12 == 0


def test_the_library_page_names_its_fields_and_holds_no_zero(built):
    for prefix in ("", "ru/"):
        html = built_page(built["site"], prefix + "library")
        assert f'name="{LIBRARY_PARAMETERS["words"]}"' in html and f'name="{LIBRARY_PARAMETERS["sort"]}"' in html
        assert '<span class="hub-facet__count">(0)</span>' not in html
        # The real content fits in one batch: every item is in the list, none waits in <noscript>.
        assert "hub-items__more" not in html


# --- In Chromium ------------------------------------------------------------------------

WIDTHS = {"wide": 1366, "phone": 390}
WORDS = {"en": {"kz": "Kazakhstan", "offline": "In person", "remove": "Remove filter: "},
         "ru": {"kz": "Казахстан", "offline": "Очно", "remove": "Убрать фильтр: "}}
SHOWN = ".hub-catalogue .hub-item:not([hidden]) .hub-item__title"


@pytest.fixture(scope="module")
def content(built):
    return load_site(built["root"])[0]


def _prefix(lang: str) -> str:
    return "" if lang == "en" else lang + "/"


def _titles(content, lang: str, keep) -> list[str]:
    return [e.text("title", lang) for e in content.products() if keep(e)]


def _kz_in_person(entry) -> bool:
    return "kz" in entry.product.countries and entry.product.event is not None \
        and entry.product.event.format == "offline"


def _open(browser, width: int, **options):
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    return context, tab


def _library(tab, url: str) -> None:
    tab.goto(url)
    tab.wait_for_selector("[data-hub-library][data-ready]", state="attached")


def _shown(tab) -> list[str]:
    return tab.eval_on_selector_all(SHOWN, "els => els.map(e => e.textContent)")


def _choose(tab, facet: str, value: str) -> None:
    """Tick a facet's value as a reader does: on a phone, the filters open first."""
    toggle = tab.locator(".hub-library__toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()
    tab.click(f"a.hub-facet__value[data-facet={facet}][data-value={value}]")


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_filter_to_kazakhstan_in_person_share_the_address_and_see_the_same_list(browser, served, content,
                                                                                 lang, width):
    context, tab = _open(browser, WIDTHS[width])
    _library(tab, served + _prefix(lang) + "library/")
    _choose(tab, "country", "kz")
    _choose(tab, "format", "offline")
    expected = _titles(content, lang, _kz_in_person)
    assert _shown(tab) == expected and expected
    address = tab.url
    assert parse_qs(urlsplit(address).query) == {"country": ["kz"], "format": ["offline"]}
    chips = tab.eval_on_selector_all(".hub-chip", "els => els.map(e => e.getAttribute('aria-label'))")
    assert chips == [WORDS[lang]["remove"] + WORDS[lang]["kz"], WORDS[lang]["remove"] + WORDS[lang]["offline"]]
    if width == "phone":
        assert re.search(r"\(\D*2\D*\)", tab.inner_text(".hub-library__toggle"))  # "Filters (2 chosen)"
    shoot(tab, f"library-{lang}-{width}-filtered")
    # The address, opened by someone else: the same list, the same choices.
    other, reopened = _open(browser, WIDTHS[width])
    _library(reopened, address)
    assert _shown(reopened) == expected
    assert reopened.get_attribute("a.hub-facet__value[data-value=kz]", "aria-checked") == "true"
    assert reopened.eval_on_selector_all(".hub-chip", "els => els.length") == 2
    assert tab.errors == [] and reopened.errors == []
    other.close()
    context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_clearing_one_chip_widens_the_list_and_its_count(browser, served, content, lang, width):
    context, tab = _open(browser, WIDTHS[width])
    _library(tab, served + _prefix(lang) + "library/?country=kz&format=offline")
    total = len(content.products())
    assert tab.inner_text(".hub-catalogue__status").endswith(f" {len(_shown(tab))} {'of' if lang == 'en' else 'из'} {total}")
    tab.get_by_role("button", name=WORDS[lang]["remove"] + WORDS[lang]["kz"], exact=True).click()
    in_person = _titles(content, lang, lambda e: e.product.event is not None and e.product.event.format == "offline")
    assert _shown(tab) == in_person and len(in_person) > 1
    assert parse_qs(urlsplit(tab.url).query) == {"format": ["offline"]}
    status = tab.locator(".hub-catalogue__status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == (f"Showing {len(in_person)} of {total}" if lang == "en"
                                   else f"Показано: {len(in_person)} из {total}")
    # The focus goes to the chip that is left, not to the top of the page.
    assert tab.evaluate("document.activeElement.getAttribute('aria-label')") == WORDS[lang]["remove"] + WORDS[lang]["offline"]
    assert tab.get_attribute("a.hub-facet__value[data-value=kz]", "aria-checked") == "false"
    tab.keyboard.press("Enter")  # the last chip, from the keyboard: everything again
    assert len(_shown(tab)) == total and tab.locator(".hub-chips").is_hidden()
    assert tab.errors == []
    context.close()


def test_the_words_filter_reads_russian_as_readers_type_it(browser, served, content):
    context, tab = _open(browser, 1366)
    _library(tab, served + "ru/library/")

    def having(*stems: str) -> list[str]:
        def keep(e) -> bool:
            text = (e.text("title", "ru") + " " + e.text("summary", "ru")).lower().replace("ё", "е")
            return all(stem in text for stem in stems)
        return _titles(content, "ru", keep)

    def typed(words: str) -> list[str]:
        tab.fill("#hub-words", words)
        return _shown(tab)

    said = " ".join(e.text("title", "ru") + " " + e.text("summary", "ru") for e in content.products()).lower()
    assert "отчетов" not in said.replace("ё", "е") and having("отчет")  # a form the text does not use
    assert typed("ОТЧЕТОВ") == having("отчет")  # case, ё written as е, another ending
    assert typed("очный казахстан") == having("очный", "казахстан") and len(having("очный", "казахстан")) == 1
    assert typed("казахстан очн") == having("очный", "казахстан")  # any order, a word begun
    assert typed("семинаре-практикуме") == having("семинар", "практикум")  # the dash reads as a space
    # The count is announced once typing pauses (Playwright waits for it).
    expect(tab.locator(".hub-catalogue__status")).to_have_text(
        f"Показано: {len(having('семинар', 'практикум'))} из {len(content.products())}")
    tab.wait_for_url(re.compile(r"\?words="))
    assert parse_qs(urlsplit(tab.url).query) == {"words": ["семинаре-практикуме"]}
    assert tab.get_by_role("button", name="Убрать фильтр: Слова: семинаре-практикуме").is_visible()
    # Nothing matches: the list says so, and offers to clear the filters.
    typed("жжжжжж")
    assert _shown(tab) == [] and tab.is_visible(".hub-catalogue__empty")
    shoot(tab, "library-ru-wide-nothing-matches")
    tab.click(".hub-catalogue__empty button")
    assert len(_shown(tab)) == len(content.products()) and tab.input_value("#hub-words") == ""
    assert tab.errors == []
    context.close()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_sorting_by_title_follows_the_readers_language_and_stays_in_the_address(browser, served, content, lang):
    context, tab = _open(browser, 1366)
    _library(tab, served + _prefix(lang) + "library/")
    newest = _shown(tab)
    assert newest == _titles(content, lang, lambda e: True)
    tab.select_option("#hub-sort", "title")
    by_title = tab.evaluate("([titles, lang]) => titles.slice().sort(new Intl.Collator(lang).compare)",
                            [newest, lang])
    assert _shown(tab) == by_title != newest
    if lang == "ru":  # "Ознакомительный..." before "Онлайн..." before "Отчёт..." before "Очный..."
        firsts = [t.split()[0] for t in by_title if t[0] == "О"]
        assert firsts.index("Ознакомительный") < firsts.index("Онлайн-семинар-практикум") \
            < firsts.index("Отчёт") < firsts.index("Очный")
    assert parse_qs(urlsplit(tab.url).query) == {"sort": ["title"]}
    tab.reload()
    tab.wait_for_selector("[data-hub-library][data-ready]", state="attached")
    assert _shown(tab) == by_title and tab.input_value("#hub-sort") == "title"
    tab.go_back()
    assert _shown(tab) == newest and tab.input_value("#hub-sort") == "newest"
    assert tab.errors == []
    context.close()


def test_the_language_switch_takes_words_and_order_along(browser, served):
    context, tab = _open(browser, 1366)
    _library(tab, served + "library/?format=online")
    tab.fill("#hub-words", "workshop")
    tab.select_option("#hub-sort", "title")
    tab.hover(".md-select")
    tab.click(".md-select__link[hreflang='ru']")
    tab.wait_for_url(re.compile(r"/ru/library/\?"))
    assert parse_qs(urlsplit(tab.url).query) == {"format": ["online"], "words": ["workshop"], "sort": ["title"]}
    tab.wait_for_selector("[data-hub-library][data-ready]", state="attached")
    assert tab.input_value("#hub-words") == "workshop" and tab.input_value("#hub-sort") == "title"
    context.close()


def _tab_to(tab, selector: str, limit: int = 120) -> None:
    """Press Tab until the focus is on ``selector`` (a reader with a keyboard only)."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate("sel => document.activeElement.matches(sel)", selector):
            ring = tab.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                                " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
            assert ring[0] != "none" and ring[1] >= 2, f"no visible focus on {selector}"
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


@pytest.mark.parametrize("lang, width", [("en", "wide"), ("ru", "phone")])
def test_the_library_works_from_the_keyboard_alone(browser, served, content, lang, width):
    context, tab = _open(browser, WIDTHS[width])
    _library(tab, served + _prefix(lang) + "library/")
    if width == "phone":  # the filters are behind their toggle
        _tab_to(tab, ".hub-library__toggle")
        tab.keyboard.press("Enter")
        assert tab.get_attribute(".hub-library__toggle", "aria-expanded") == "true"
    _tab_to(tab, "a.hub-facet__value[data-value=kz]")
    tab.keyboard.press("Space")
    _tab_to(tab, "a.hub-facet__value[data-value=offline]")
    tab.keyboard.press("Space")
    assert _shown(tab) == _titles(content, lang, _kz_in_person)
    # A value that cannot match is passed over.
    disabled = tab.eval_on_selector_all("a.hub-facet__value[aria-disabled=true]", "els => els.length")
    assert disabled > 0 and tab.eval_on_selector_all(
        "a.hub-facet__value[aria-disabled=true]", "els => els.every(e => e.tabIndex === -1)")
    _tab_to(tab, "#hub-words")
    tab.keyboard.press("Shift+Tab")  # back among the facets: the chosen one is still chosen
    _tab_to(tab, "#hub-sort")
    tab.keyboard.press("ArrowDown")
    assert tab.input_value("#hub-sort") == "title"
    _tab_to(tab, "button[data-view=grid]")
    tab.keyboard.press("Enter")
    assert tab.get_attribute("button[data-view=grid]", "aria-pressed") == "true"
    _tab_to(tab, ".hub-chip")
    tab.keyboard.press("Enter")  # removes Kazakhstan; the focus stays among the chips
    assert tab.get_attribute("a.hub-facet__value[data-value=kz]", "aria-checked") == "false"
    assert tab.evaluate("document.activeElement.classList.contains('hub-chip')")
    _tab_to(tab, ".hub-chips__clear")
    tab.keyboard.press("Enter")
    assert len(_shown(tab)) == len(content.products())
    assert tab.evaluate("document.activeElement.id") == "hub-catalogue-title"
    shoot(tab, f"library-{lang}-{width}-keyboard")
    assert tab.errors == []
    context.close()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_without_script_every_item_is_listed_and_every_value_is_a_link(browser, served, content, lang):
    context, tab = _open(browser, 390, java_script_enabled=False)
    tab.goto(served + _prefix(lang) + "library/")
    assert tab.eval_on_selector_all(".hub-catalogue .hub-item", "els => els.length") == len(content.products())
    # What needs the script is not offered; the facets are open.
    for hidden in (".hub-tools", ".hub-library__toggle", ".hub-chips", ".hub-catalogue__empty"):
        assert tab.locator(hidden).is_hidden(), hidden
    assert tab.is_visible("a.hub-facet__value[data-value=kz]")
    shoot(tab, f"library-{lang}-phone-without-script")
    tab.click("a.hub-facet__value[data-facet=country][data-value=kz]")
    assert tab.url == served + _prefix(lang) + "countries/kz/"
    assert set(tab.eval_on_selector_all(".hub-item__title", "els => els.map(e => e.textContent)")) == set(
        _titles(content, lang, lambda e: "kz" in e.product.countries))
    tab.go_back()
    tab.click("a.hub-facet__value[data-facet=format][data-value=offline]")  # no page: the library so filtered
    assert tab.url == served + _prefix(lang) + "library/?format=offline"
    context.close()


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_list_and_grid(browser, served, lang, width):
    context, tab = _open(browser, WIDTHS[width])
    _library(tab, served + _prefix(lang) + "library/?type=workshop")

    def rows() -> int:
        return len(set(tab.eval_on_selector_all(SHOWN.replace(" .hub-item__title", ""),
                                                "els => els.map(e => Math.round(e.getBoundingClientRect().top))")))

    shown = len(_shown(tab))
    assert rows() == shown  # a list: one item a row
    shoot(tab, f"library-{lang}-{width}-list-filtered")
    tab.click("button[data-view=grid]")
    if width == "wide":
        assert rows() < shown  # cards side by side
    shoot(tab, f"library-{lang}-{width}-grid-filtered")
    tab.reload()  # the reader's choice is kept
    tab.wait_for_selector("[data-hub-library][data-ready]", state="attached")
    assert tab.get_attribute("[data-hub-library]", "data-view") == "grid"
    assert tab.get_attribute("button[data-view=grid]", "aria-pressed") == "true"
    assert tab.errors == []
    context.close()


@pytest.fixture(scope="module")
def axe_tab(browser):
    context = browser.new_context(bypass_csp=True)  # axe is injected as a script
    yield context.new_page()
    context.close()


def _violations(tab) -> list[str]:
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_axe_violations_with_filters_open(axe_tab, served, lang, scheme):
    axe_tab.emulate_media(color_scheme=scheme)
    words = {"en": "workshop", "ru": "семинар"}[lang]
    for width, address in ((390, f"library/?country=kz&format=offline&words={words}"),
                           (1366, "library/?type=workshop&sort=title")):
        axe_tab.set_viewport_size({"width": width, "height": 900})
        _library(axe_tab, served + _prefix(lang) + address)
        assert axe_tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default")
        if width == 390:
            axe_tab.click(".hub-library__toggle")
        axe_tab.click("button[data-view=grid]")
        assert axe_tab.eval_on_selector_all(".hub-chip", "els => els.length") >= 1 and _shown(axe_tab)
        assert _violations(axe_tab) == [], (width, address)
        shoot(axe_tab, f"library-{lang}-{'phone' if width == 390 else 'wide'}-{scheme}-filters-open")
        axe_tab.click("button[data-view=list]")
    axe_tab.fill("#hub-words", "zzzzzz")  # the empty state
    assert axe_tab.is_visible(".hub-catalogue__empty") and _violations(axe_tab) == []
