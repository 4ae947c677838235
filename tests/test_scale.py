"""At scale, on synthetic corpora: the navigation does not grow with the number of products, and the
library of 1,000 products renders in batches without a layout shift."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import REPO, copy_repo, run_hub, serve_folder

from hubcore.listing_views import LIBRARY_BATCH
from hubcore.loader import load_site

sys.path.insert(0, str(REPO / "scripts"))
from synthetic_corpus import write_corpus  # noqa: E402


def _navigation(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', html, re.S).group(0)
    return tabs + re.search(r'<nav class="md-nav md-nav--primary[^"]*".*?</nav>\s*</div>', html, re.S).group(0)


def test_navigation_is_the_same_for_10_and_60_products(tmp_path):
    sites = {}
    for count in (10, 60):
        root = copy_repo(tmp_path / str(count))
        write_corpus(root, count, words=150)
        result = run_hub(root, "build")
        assert result.returncode == 0, result.stdout + result.stderr
        sites[count] = root / "site"
    for url in ("", "ru/", "library/", "workshops/synthetic-0002/", "ru/topics/open-data/"):
        assert _navigation(sites[10], url) == _navigation(sites[60], url), url


# --- The library at 1,000 products --------------------------------------------------------

# Before the page's scripts: every long task and every layout shift, and how many items each
# task adds to the library's list once the page is parsed (a MutationObserver's callback runs
# at the end of the task that made the changes).
_OBSERVE = """
window.__hub = {tasks: [], shifts: [], added: []};
new PerformanceObserver(list => list.getEntries().forEach(e => __hub.tasks.push(Math.round(e.duration))))
  .observe({type: "longtask", buffered: true});
new PerformanceObserver(list => list.getEntries().forEach(e => __hub.shifts.push({
  value: e.value, input: e.hadRecentInput,
  main: e.sources.some(s => s.node && s.node.nodeType === 1 && s.node.closest(".md-main") !== null)
}))).observe({type: "layout-shift", buffered: true});
document.addEventListener("DOMContentLoaded", () => {
  const list = document.querySelector(".hub-catalogue__results > .hub-items");
  if (list) new MutationObserver(records => __hub.added.push(records.reduce((n, r) =>
    n + [...r.addedNodes].filter(x => x.nodeType === 1 && x.matches(".hub-item")).length, 0)))
    .observe(list, {childList: true});
});
"""


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    """A site of 1,000 synthetic products (short texts: the library lists titles and summaries)."""
    root = copy_repo(tmp_path_factory.mktemp("library-1000"))
    write_corpus(root, 1000, words=40)
    result = run_hub(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def _measured(browser, served: str, url: str, width: int = 1366):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.add_init_script(_OBSERVE)
    tab.goto(served + url)
    tab.wait_for_selector("[data-hub-library][data-ready]", state="attached")
    tab.wait_for_selector("noscript.hub-items__more:not(:empty)", state="detached")
    return context, tab


def test_the_library_of_1000_products_renders_in_batches_without_a_shift(thousand, browser, record_property):
    site = load_site(thousand)[0]
    count = len(site.products())  # the synthetic products and the real ones
    html = (thousand / "site/library/index.html").read_text(encoding="utf-8")
    # Complete without script: the first batch in the list, the rest in <noscript> batches.
    assert html.count('<noscript class="hub-items__more">') == -(-count // LIBRARY_BATCH) - 1
    assert len(re.findall(r'<a class="hub-item__title" href=', html)) == count >= 1000
    with serve_folder(thousand / "site") as served:
        context, tab = _measured(browser, served, "library/")
        titles = tab.eval_on_selector_all(".hub-catalogue .hub-item:not([hidden]) .hub-item__title",
                                          "els => els.map(e => e.textContent)")
        assert titles == [e.text("title", "en") for e in site.products()]  # all of them, newest first
        seen = tab.evaluate("window.__hub")
        # The script adds one batch per task at most: no task renders the whole list.
        assert seen["added"] and max(seen["added"]) <= LIBRARY_BATCH and sum(seen["added"]) == count - LIBRARY_BATCH
        assert [s for s in seen["shifts"] if s["main"] and not s["input"]] == []
        record_property("long tasks on loading the library, ms", seen["tasks"])
        context.close()
        # A shared address with filters, words and an order: the same list as the content gives,
        # shown once every batch is in, with nothing on the page moving meanwhile.
        context, tab = _measured(browser, served, "ru/library/?country=kz&format=offline&sort=title", 390)
        expected = [e.text("title", "ru") for e in site.products()
                    if "kz" in e.product.countries and e.product.event and e.product.event.format == "offline"]
        shown = tab.eval_on_selector_all(".hub-catalogue .hub-item:not([hidden]) .hub-item__title",
                                         "els => els.map(e => e.textContent)")
        assert sorted(shown) == sorted(expected) and len(shown) > LIBRARY_BATCH // 10
        assert shown == tab.evaluate("t => t.slice().sort(new Intl.Collator('ru').compare)", shown)
        seen = tab.evaluate("window.__hub")
        assert [s for s in seen["shifts"] if s["main"] and not s["input"]] == []
        record_property("long tasks on loading a filtered, sorted library, ms", seen["tasks"])
        context.close()
