"""Accessibility: axe-core finds nothing on any page type in either language, and the keyboard works.

axe-core (npm, pinned in package.json) runs with WCAG 2.0/2.1 A and AA and best
practices, Material's own parts included (the search dialog is checked open).
"""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PAGES = {
    "home": "", "library": "library/", "product": "workshops/offline-workshop-kazakhstan/",
    "fallback product": "guides/russian-only/", "section": "workshops/", "topic": "topics/open-data/",
    "empty topic": "topics/policy-frameworks/", "country": "countries/kz/", "topics": "topics/",
    "about": "about/", "results": "results/", "translations": "translations/",
    "contributing": "contributing/", "open data": "open-data/",
}


@pytest.fixture(scope="module")
def axe_page(browser):
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run 'npm ci' (make test does)")
    # axe is injected as a script: the site's Content-Security-Policy would (rightly) refuse it.
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']} ({v['impact']}): " + "; ".join(f"{n['target']} {(n['any'] or n['all'] or n['none'] or [{}])[0].get('message', '')}" for n in v['nodes'][:3]) for v in result['violations']]


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_axe_violations(axe_page, served, kind, lang):
    axe_page.goto(served + ("ru/" if lang == "ru" else "") + PAGES[kind])
    assert violations(axe_page) == []


@pytest.mark.parametrize("url", ["404.html", "ru/404.html"])
def test_no_axe_violations_on_404_pages(axe_page, served, url):
    axe_page.goto(served + url)
    assert violations(axe_page) == []


@pytest.mark.parametrize("url", ["", "ru/"])
def test_no_axe_violations_with_search_open_and_results(axe_page, served, url):
    axe_page.goto(served + url)
    axe_page.keyboard.press("/")
    axe_page.keyboard.type("семинар" if url else "workshop")
    axe_page.wait_for_selector(".md-search-result__item", timeout=15000)
    axe_page.wait_for_function("/\\d/.test(document.querySelector('.md-search-result__meta').textContent)")
    axe_page.wait_for_timeout(300)  # results are rendered in batches
    assert violations(axe_page) == []


def test_no_axe_violations_in_the_dark_scheme(axe_page, served):
    axe_page.goto(served + "ru/library/")
    axe_page.click("label.md-header__button[for^='__palette']")
    axe_page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert violations(axe_page) == []


def test_keyboard_only_skip_link_and_visible_focus(browser, served):
    context = browser.new_context()
    page = context.new_page()
    page.goto(served + "workshops/offline-workshop-kazakhstan/")
    page.keyboard.press("Tab")
    focused = page.evaluate("({cls: document.activeElement.className, href: document.activeElement.getAttribute('href'),"
                            " visible: getComputedStyle(document.activeElement).transform !== 'none' ||"
                            " document.activeElement.getBoundingClientRect().height > 0})")
    assert "md-skip" in focused["cls"] and focused["href"].startswith("#")
    assert focused["visible"], "the skip link must show when it has the focus"
    page.keyboard.press("Enter")
    for _ in range(12):  # move into the content and check the focus ring is drawn
        page.keyboard.press("Tab")
    outline = page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                            " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()")
    assert outline[0] != "none" and outline[1] >= 2
    context.close()
