"""The home page as a portal and the ways in by type, topic and country: their views on fixture trees, and
the pages a build makes of them (hubcore/home_views.py, overrides/hub/home.html, tiles.html, item.html).

A term with no item is never a tile and never shows a zero: it is named apart, as not on the hub
yet. The browser tasks are in tests/test_portal.py.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from built_site import page
from conftest import copy_repo, run_hub
from fixture_tree import front, loaded
from hubcore import home_views
from hubcore.loader import load_site

TS = ('title: "T"', 'summary: "S."')
GOLDEN_DOCS = Path(__file__).resolve().parent / "golden" / "docs"


def _report(title: str, date: str | None, countries: str = "[kz]") -> str:
    return front(f'title: "{title}"', 'summary: "A report."', *([f'date: "{date}"'] if date else []),
                 f"countries: {countries}", "topics: [open-data]")


def test_terms_with_items_are_tiles_with_their_numbers_the_others_are_named_apart(tmp_path):
    site = loaded(tmp_path, {"docs/reports/a.md": _report("A", "2024-05"),
                             "docs/reports/b.md": _report("B", None, "[kz, uz]")})
    countries = home_views.ways_in(site, "countries", "ru")
    assert [(t["id"], t["count"], t["count_label"]) for t in countries["tiles"]] == [
        ("kz", 3, "3 материала"), ("uz", 2, "2 материала")]  # the base tree's guide is in kz and uz too
    assert {t["id"] for t in countries["not_yet"]} == {"am", "az", "ge", "kg", "tj", "kr"}
    assert all(t["count"] == 0 for t in countries["not_yet"])
    types = home_views.ways_in(site, "types", "en")
    assert [(t["label"], t["count_label"], t["url"]) for t in types["tiles"]] == [
        ("Methodological guides", "1 item", "guides/"), ("Reports", "2 items", "reports/")]
    assert [t["label"] for t in types["not_yet"]] == ["Case studies", "Event materials"]


def test_the_home_view_counts_from_the_content_and_says_when_its_items_are_not_dated(tmp_path):
    files = {f"docs/reports/r{i}.md": _report(f"R{i}", None) for i in range(8)}
    files["docs/guides/valid.md"] = front(*TS)  # the base tree's guide, undated
    site = loaded(tmp_path, files)
    home = home_views.home(site, "en")
    assert home["latest_heading"] == "From the library"  # the newest is undated: not "latest"
    assert len(home["latest"]) == home_views.LATEST_ON_HOME
    assert home["total_label"] == "9 items" and home["library_url"] == "library/"
    assert home["figures"] == [{"label": "Reports", "count": 8},
                               {"label": "Unique government officials engaged", "count": 189}]
    assert [g["vocabulary"] for g in home["by_term"]] == ["topics", "countries"]
    assert home["by_term"][0]["heading"] == "Browse by topic" and home["by_term"][0]["index_url"] == ""
    dated = loaded(tmp_path / "dated", {"docs/reports/a.md": _report("A", "2024-05"),
                                        "docs/topics.md": front(*TS)})
    home = home_views.home(dated, "ru")
    assert home["latest_heading"] == "Новые материалы" and home["latest"][0]["title"] == "A"
    assert home["by_term"][0]["index_url"] == "ru/topics/" and home["by_term"][0]["index_title"] == "T"


# --- built pages ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def content(built):
    site, problems = load_site(built["root"])
    assert problems == []
    return site


def _article(html: str) -> str:
    """A page's content area: what the page itself shows, without navigation, footer or scripts."""
    return re.search(r'<article class="md-content__inner md-typeset">.*?</article>', html, re.S).group(0)


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_home_shows_its_statement_then_the_ways_in_the_figures_and_the_cards(built, content):
    for lang, prefix in (("en", ""), ("ru", "ru/")):
        html = page(built["site"], prefix)
        article = _article(html)
        ui = content.ui[lang]
        order = [article.index(marker) for marker in (
            "<p>", 'id="hub-home-types"', 'id="hub-home-results"', 'id="hub-home-latest"', 'id="hub-home-topics"',
            'id="hub-home-countries"')]
        assert order == sorted(order), lang  # the statement first, then the portal
        figures = re.findall(r'<strong class="hub-figures__count">(\d+)</strong> '
                             r'<span class="hub-figures__label">([^<]+)</span>', article)
        assert ("189", ui["officials_engaged"]) in figures and all(n != "0" for n, _ in figures)
        cards = re.findall(r'<li class="hub-item"', article)
        assert len(cards) == home_views.LATEST_ON_HOME
        assert not re.search(r"\(0\)|(^|\s)0 (items?|материал)", _text(article))
        not_yet = re.findall(r'<div class="hub-not-yet">.*?</div>', article, re.S)
        assert not_yet and all("<a " not in group for group in not_yet)  # named, not linked, on the home page
        assert ui["not_yet_on_hub"] in not_yet[0]


def test_a_hub_with_no_product_yet_says_so_and_shows_no_zero(tmp_path):
    """The golden tree (every page the navigation names) without its products."""
    root = copy_repo(tmp_path)
    shutil.rmtree(root / "docs")
    shutil.copytree(GOLDEN_DOCS, root / "docs", ignore=shutil.ignore_patterns("golden-*", "files"))
    result = run_hub(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix, lang in (("", "en"), ("ru/", "ru")):
        html = _article(page(root / "site", prefix))
        assert "hub-item" not in html and "hub-tile" not in html
        assert ("Nothing is published on the hub yet" if lang == "en" else "пока нет опубликованных") in html
        figures = re.findall(r'<strong class="hub-figures__count">(\d+)</strong>', html)
        assert figures == ["189"]  # the one figure written by hand; no result row of zero
        assert not re.search(r"\(0\)|(^|\s)0 (items?|материал)", _text(html))


def test_a_term_index_tiles_its_terms_and_links_the_empty_ones_to_their_honest_pages(built, content):
    html = page(built["site"], "ru/topics")
    not_yet = re.search(r'<div class="hub-not-yet">.*?</div>', html, re.S).group(0)
    assert '<a href="policy-frameworks/">' in not_yet
    empty = page(built["site"], "ru/topics/policy-frameworks")
    assert content.ui["ru"]["none_yet_topics"] in empty and '<a href="../../library/">' in empty
