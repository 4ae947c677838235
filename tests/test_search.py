"""Search in Chromium, as readers use it: word forms, ё and е, case, two words, two languages, a slow index.

Material's search runs lunr in a Web Worker. The tests open it with "/" and type
with key presses; a small recorder (RECORDER) notes every query the page sends
to the worker and the pages of each answer, so a test waits for the answer to
the very query in the field instead of sleeping.

The queries use word forms that the content does not contain: each test first
checks, on the built index, that no indexed word even begins with the form
typed (Material also matches prefixes), so only stemming can find the pages.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest
from conftest import Gate, serve_folder

SEARCH_FIELD = ".md-search__input"

# Message types of Material's search worker: 0 setup, 1 ready, 2 query, 3 result.
RECORDER = """
(() => {
  const Real = window.Worker;
  const log = window.__hubSearch = {asked: [], answers: []};
  window.Worker = function (url, options) {
    const worker = new Real(url, options);
    const post = worker.postMessage;
    worker.postMessage = function (message) {
      if (message && message.type === 2) log.asked.push(message.data);
      return post.apply(worker, arguments);
    };
    worker.addEventListener("message", event => {
      if (!event.data || event.data.type !== 3) return;
      const pages = event.data.data.items.map(group => group[0].location.split("#")[0]);
      log.answers.push({query: log.asked[log.answers.length], pages: [...new Set(pages)]});
    });
    return worker;
  };
})();
"""


@pytest.fixture()
def tab(browser):
    context = browser.new_context()
    context.add_init_script(RECORDER)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def press_keys(page, text: str, delay_ms: int = 0) -> None:
    """Type ``text`` as a keyboard does: for each character a key down (which types it) and a key up.

    Playwright's keyboard.type sends characters that are not on a US keyboard
    (all of Cyrillic) as input events only, the way an input method does; this
    is a Russian keyboard layout's way.
    """
    cdp = page.context.new_cdp_session(page)
    for char in text:
        cdp.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": char, "text": char, "unmodifiedText": char})
        cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})
        if delay_ms:
            page.wait_for_timeout(delay_ms)  # typing speed, not a wait for a result
    cdp.detach()


def answer_to(page, query: str, timeout: float = 15000) -> list[str]:
    """The pages (locations relative to the language's root) of the worker's answer to ``query``."""
    page.wait_for_function(
        """query => {
          const answers = window.__hubSearch.answers;
          return answers.length > 0 && answers[answers.length - 1].query === query
            && document.querySelector('.md-search__input').value === query;
        }""", arg=query, timeout=timeout)
    return page.evaluate("window.__hubSearch.answers[window.__hubSearch.answers.length - 1].pages")


def search(page, query: str) -> list[str]:
    """Open search (or empty its field) with keys, type ``query``, return the answer's pages as shown."""
    if not page.evaluate("!!document.activeElement && document.activeElement.matches('.md-search__input')"):
        page.keyboard.press("/")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    press_keys(page, query)
    pages = answer_to(page, query)
    meta = page.inner_text(".md-search-result__meta")
    if pages:  # the screen shows this answer: its count, and its best page first
        shown = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        assert str(len(pages)) in meta and urlsplit(shown[0]).path.endswith("/" + pages[0]), (meta, shown, pages)
    else:
        assert meta in ("Совпадений не найдено", "No matching documents"), meta
    return pages


@lru_cache(maxsize=None)
def indexed_words(site: Path, lang: str) -> frozenset[str]:
    """Every word of a language's built search index, lower case (titles and texts, markup removed)."""
    path = site / ("" if lang == "en" else f"{lang}/") / "search/search_index.json"
    words: set[str] = set()
    for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]:
        text = html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}"))
        words.update(re.findall(r"\w+", text.lower()))
    return frozenset(words)


def assert_absent(site: Path, lang: str, form: str) -> None:
    """No indexed word starts with ``form``: neither the exact text nor a prefix search can find it."""
    starting = sorted(w for w in indexed_words(site, lang) if w.startswith(form.lower()))
    assert not starting, f"{form!r} is in the {lang} index as {starting}: pick a form the content lacks"


def root(served: str, lang: str) -> str:
    return served if lang == "en" else served + f"{lang}/"


@pytest.mark.parametrize("lang,written,typed", [
    ("ru", "цифровизация", "цифровизацию"),        # accusative
    ("ru", "цифровизация", "цифровизацией"),       # instrumental
    ("ru", "услуг", "услуги"),                     # plural (the text has only the genitive plural)
    ("ru", "услуг", "услуга"),                     # singular
    ("ru", "отчёт", "отчет"),                      # е typed for ё
    ("ru", "отчёт", "отчетов"),                    # genitive plural, е for ё
    ("ru", "семинар", "СЕМИНАРЕ"),                 # upper case, prepositional
    ("en", "government", "governments"),          # English keeps its own stemmer
    ("en", "digitalisation", "digitalised"),
    ("en", "participating", "participants"),
])
def test_a_word_form_the_text_lacks_finds_the_pages_of_the_form_it_has(tab, served, built, lang, written, typed):
    assert_absent(built["site"], lang, typed)
    tab.goto(root(served, lang))
    expected = search(tab, written)
    assert expected, f"{written!r} is in the text: it must find pages"
    assert search(tab, typed) == expected
    assert tab.errors == []


def test_two_words_in_forms_the_text_lacks_find_every_page_with_both(tab, served, built):
    for form in ("государственная", "услуга"):
        assert_absent(built["site"], "ru", form)
    docs = json.loads((built["site"] / "ru/search/search_index.json").read_text(encoding="utf-8"))["docs"]

    def has(doc: dict, stem: str) -> bool:
        return any(w.startswith(stem) for w in re.findall(r"\w+", f"{doc['title']} {doc['text']}".lower()))

    both = {d["location"].split("#")[0] for d in docs if has(d, "государствен") and has(d, "услуг")}
    either = {d["location"].split("#")[0] for d in docs if has(d, "государствен") or has(d, "услуг")}
    tab.goto(served + "ru/")
    pages = search(tab, "государственная услуга")
    assert both and both <= set(pages) <= either
    assert all(link.startswith(served + "ru/")
               for link in tab.eval_on_selector_all(".md-search-result__item > a", "ls => ls.map(a => a.href)"))


@pytest.mark.parametrize("lang,typed", [
    ("ru", "GOVTECH"),                       # a Latin name in a Russian title
    ("ru", "платформе"),                     # the title's Russian word, in another case
    ("en", "электронного правительства"),    # a Russian quotation in an English title, genitive
])
def test_mixed_language_titles_are_found_by_each_word(tab, served, built, lang, typed):
    for form in typed.split():
        if form != "GOVTECH":  # the name itself is in the title, as written
            assert_absent(built["site"], lang, form)
    tab.goto(root(served, lang))
    assert "guides/govtech-platforms/" in search(tab, typed)


def test_a_russian_quotation_on_an_english_page_is_stemmed_as_russian(tab, served, built):
    """The English contributor guide shows a Russian example ("цифровизация государственных услуг")."""
    assert_absent(built["site"], "en", "цифровизацию")
    tab.goto(served)
    assert "contributing/" in search(tab, "цифровизацию")


@pytest.mark.parametrize("lang,typed", [
    ("en", "семинаров"), ("en", "ознакомительный визит"), ("en", "уроки"),
    ("ru", "seminars"), ("ru", "participants"), ("ru", "lessons"),
])
def test_the_other_languages_words_find_nothing_that_is_not_there(tab, served, built, lang, typed):
    """Each index holds its own language's pages: the other language's words find no page in it."""
    for form in typed.split():
        assert_absent(built["site"], lang, form[:5])  # not even the word's beginning is there
    tab.goto(root(served, lang))
    assert search(tab, typed) == []


@contextlib.contextmanager
def held_index(browser, site: Path) -> Iterator[tuple[Gate, Any, str]]:
    """A Russian page with search just opened, whose index the server holds until the test opens the gate.

    Yields the gate, the browser context and the site's base URL.
    """
    gate = Gate(r"/ru/search/search_index\.json")
    with serve_folder(site, gate) as base:
        context = browser.new_context()
        context.add_init_script(RECORDER)
        page = context.new_page()
        page.goto(base + "ru/")
        page.keyboard.press("/")
        assert gate.requested.wait(30), "opening search did not ask for the index"
        try:
            yield gate, page, base
        finally:
            context.close()


@pytest.mark.parametrize("typing", ["keys", "input events"])
def test_a_query_typed_while_the_index_loads_is_run_when_it_arrives(browser, built, typing):
    """The reader types at once after opening search; the index arrives in the middle of the word.

    "keys": key presses, as a hardware keyboard types. "input events": text
    without key releases, as input methods, on-screen keyboards and dictation
    deliver it (Playwright's keyboard.type does the same for Cyrillic).
    """
    def type_(page, text: str) -> None:
        if typing == "keys":
            press_keys(page, text, delay_ms=120)
        else:
            page.keyboard.type(text, delay=120)

    with held_index(browser, built["site"]) as (gate, page, base):
        type_(page, "у")
        gate.opened.set()  # the index arrives while the reader is typing
        answer_to(page, "у")
        type_(page, "слуги")
        pages = answer_to(page, "услуги")
        assert "Найдено" in page.inner_text(".md-search-result__meta")
        reference = page.context.new_page()  # the same query, typed after the index has loaded
        reference.goto(base + "ru/")
        assert search(reference, "услуги") == pages and pages


def test_a_query_typed_before_the_index_arrives_is_run(browser, built):
    with held_index(browser, built["site"]) as (gate, page, _):
        page.keyboard.type("отчетов", delay=120)
        assert page.inner_text(".md-search-result__meta") == "Инициализация поиска"
        gate.opened.set()
        assert "reports/needs-assessment-survey-results/" in answer_to(page, "отчетов")


def test_a_word_being_typed_already_finds_the_pages_of_the_whole_word(tab, served):
    tab.goto(served + "ru/")
    whole = search(tab, "цифровизация")
    assert whole and set(whole) <= set(search(tab, "цифрови"))


@pytest.mark.parametrize("lang, url, word", [("en", "about/", "govern"), ("ru", "ru/about/", "проект")])
def test_a_page_opened_from_a_result_highlights_the_words_searched(tab, served, lang, url, word):
    """A result's address carries the words (?h=); Material marks them once the index is there, so such a
    page does not wait for the reader to open search (before-material.js). Without ?h= nothing is loaded."""
    tab.goto(served + url)
    assert tab.evaluate("document.querySelectorAll('article mark').length") == 0
    tab.goto(served + url + "?h=" + word)
    tab.wait_for_function("document.querySelectorAll('article mark').length > 0")
    marked = tab.evaluate("[...document.querySelectorAll('article mark')].map(m => m.textContent.toLowerCase())")
    assert marked and all(m.startswith(word) for m in marked), marked
