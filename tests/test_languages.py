"""Two languages done properly, on the session's build (which holds a product in each state)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from hubcore.loader import load_site
from conftest import STALE_CHANGE, copy_repo, run_hub
from built_site import SITE_URL, page, parse

from hubcore.dates import format_partial_date
from hubcore.plurals import plural



def head_links(html: str) -> tuple[str, dict[str, str]]:
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    alternates = dict((lang, url) for url, lang in
                      re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html))
    return canonical, alternates


def switcher(html: str) -> dict[str, str]:
    return {a["hreflang"]: a["href"] for tag, a in parse(html).tags
            if tag == "a" and "md-select__link" in a.get("class", "")}


def test_english_only_product_on_the_russian_site(built):
    html = page(built["site"], "ru/guides/english-only")
    assert parse(html).html_lang == "ru"
    assert "Этот материал ещё не переведён на русский язык: ниже приведён оригинал на английском языке." in html
    assert '<h1 lang="en">An English-only guide</h1>' in html
    assert '<div lang="en"><p>Only English text here.</p>' in html
    canonical, alternates = head_links(html)
    assert canonical == SITE_URL + "guides/english-only/"
    assert alternates == {"en": SITE_URL + "guides/english-only/", "x-default": SITE_URL + "guides/english-only/"}
    library = page(built["site"], "ru/library")
    item = re.search(r'<li class="hub-item"[^>]*>\s*<h3 class="hub-item__heading">'
                     r'<a class="hub-item__title" href="../guides/english-only/"'
                     r'.*?</li>', library, re.S).group(0)
    assert "только на английском" in item


def test_russian_only_product_on_the_english_site(built):
    html = page(built["site"], "guides/russian-only")
    assert parse(html).html_lang == "en"
    assert "This item has not been translated into English yet: the original in Russian is shown below." in html
    assert '<h1 lang="ru">Руководство только на русском</h1>' in html
    canonical, alternates = head_links(html)
    assert canonical == SITE_URL + "ru/guides/russian-only/"
    assert alternates == {"ru": SITE_URL + "ru/guides/russian-only/",
                          "x-default": SITE_URL + "ru/guides/russian-only/"}
    assert "Russian only" in page(built["site"], "guides")
    ru = page(built["site"], "ru/guides/russian-only")
    assert "hub-notice" not in ru and head_links(ru)[0] == SITE_URL + "ru/guides/russian-only/"


def test_fallback_pages_are_not_in_the_site_search(built):
    ru = json.loads((built["site"] / "ru/search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built["site"] / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any(d["location"].startswith("guides/english-only/") for d in ru["docs"])
    assert any(d["location"].startswith("guides/russian-only/") for d in ru["docs"])
    assert not any(d["location"].startswith("guides/russian-only/") for d in en["docs"])


def test_stale_translation_says_so_in_the_readers_language(built):
    ru = page(built["site"], "ru/workshops/online-workshop-2")
    assert "Оригинал этого материала был изменён после перевода, поэтому перевод может быть неактуален." in ru
    assert '<a href="../../../workshops/online-workshop-2/" hreflang="en">Открыть оригинал на английском языке</a>' in ru
    assert "hub-notice" not in page(built["site"], "workshops/online-workshop-2")
    assert "hub-notice" not in page(built["site"], "ru/workshops/online-workshop-1")
    status = page(built["site"], "translations")
    row = re.search(r"<tr>\s*<td><a href=\"../workshops/online-workshop-2/\">.*?</tr>", status, re.S).group(0)
    assert "Out of date (body)" in row


def resolve(page_url: str, href: str) -> str:
    """A relative href on a page, as a site path ("ru/about/")."""
    from urllib.parse import urljoin
    return urljoin("http://site/" + page_url, href).removeprefix("http://site/")


@pytest.mark.parametrize("url", ["", "library/", "about/", "workshops/", "topics/open-data/",
                                 "countries/kz/", "workshops/online-workshop-2/", "guides/english-only/",
                                 "guides/russian-only/", "translations/"])
def test_switcher_leads_to_the_same_page_in_the_other_language(built, url):
    for own, other in ((url, "ru/" + url), ("ru/" + url, url)):
        links = switcher(page(built["site"], own))
        assert {resolve(own, href) for href in links.values()} == {own, other}, own


def test_404_pages_speak_each_language_and_switch(built):
    en = (built["site"] / "404.html").read_text(encoding="utf-8")
    ru = (built["site"] / "ru/404.html").read_text(encoding="utf-8")
    assert parse(en).html_lang == "en" and "<h1>Page not found</h1>" in en
    assert parse(ru).html_lang == "ru" and "<h1>Страница не найдена</h1>" in ru
    assert switcher(en) == {"en": "/404.html", "ru": "/ru/404.html"} == switcher(ru)


def test_sitemap_lists_real_pages_with_absolute_alternates(built):
    sitemap = (built["site"] / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert SITE_URL + "guides/english-only/" in locations
    assert SITE_URL + "ru/guides/english-only/" not in locations  # a fallback: canonical is the original
    assert SITE_URL + "ru/topics/open-data/" in locations
    block = re.search(r"<url>\s*<loc>" + re.escape(SITE_URL + "ru/about/") + r"</loc>(.*?)</url>",
                      sitemap, re.S).group(1)
    assert f'hreflang="en" href="{SITE_URL}about/"' in block
    assert f'hreflang="x-default" href="{SITE_URL}about/"' in block
    assert (built["site"] / "ru/sitemap.xml").read_text(encoding="utf-8") == sitemap


def test_dates_and_counts_in_each_language(built):
    header_en = page(built["site"], "guides/english-only")
    assert '<dd><time datetime="2026-11-26">26 November 2026</time></dd>' in header_en
    header_ru = page(built["site"], "ru/guides/english-only")
    assert '<dd><time datetime="2026-11-26">26 ноября 2026</time></dd>' in header_ru
    assert '<dd><time datetime="2026-03">март 2026</time></dd>' in page(built["site"], "ru/guides/russian-only")
    assert "2 материала" in page(built["site"], "ru/countries/kz")
    site, _ = load_site(built["root"])
    workshops = len([e for e in site.products() if e.kind == "workshop"])
    assert workshops == 11, "the real workshops and the shared build's seminar: say which form to expect"
    assert "11 материалов" in page(built["site"], "ru/workshops")
    assert "2 материала<" in page(built["site"], "ru/countries/am")  # the two guides of the shared build
    assert "1 материал<" in page(built["site"], "ru/countries/ge") and "1 item<" in page(built["site"], "countries/ge")


@pytest.mark.parametrize("count,text", [(1, "1 материал"), (2, "2 материала"), (4, "4 материала"),
                                        (5, "5 материалов"), (11, "11 материалов"), (21, "21 материал"),
                                        (22, "22 материала"), (0, "0 материалов")])
def test_russian_plural_forms(count, text):
    forms = {"one": "{n} материал", "few": "{n} материала", "many": "{n} материалов", "other": "{n} материала"}
    assert plural(forms, count, "ru") == text


def test_partial_dates_in_each_language():
    assert format_partial_date("2023-05-02", "ru") == "2 мая 2023"
    assert format_partial_date("2023-05", "en") == "May 2023"
    assert format_partial_date("2023", "ru") == "2023"


def test_translation_status_command_and_gate(built):
    root = built["root"]
    text = run_hub(root, "translations")
    assert re.search(r"workshops/online-workshop-2 +en: original +ru: stale \(body changed\)", text.stdout)
    assert re.search(r"guides/english-only +en: original +ru: missing", text.stdout)
    assert re.search(r"guides/russian-only +en: missing +ru: original", text.stdout)
    data = json.loads(run_hub(root, "translations", "--format", "json").stdout)
    row = next(r for r in data["entries"] if r["key"] == "workshops/online-workshop-2" and r["language"] == "ru")
    assert row["state"] == "stale" and row["changed"] == ["body"]
    assert data["totals"]["ru"]["missing"] == 1 and data["totals"]["en"]["missing"] == 1
    assert run_hub(root, "translations", "--check").returncode == 1
    assert run_hub(root, "translations").returncode == 0


def test_refresh_changes_only_the_recorded_version(tmp_path):
    root = copy_repo(tmp_path)
    original = root / "docs/workshops/online-workshop-2.md"
    translation = root / "docs/workshops/online-workshop-2.ru.md"
    with original.open("a", encoding="utf-8") as handle:
        handle.write(STALE_CHANGE)
    before = translation.read_bytes()
    result = run_hub(root, "translations", "refresh", "docs/workshops/online-workshop-2.ru.md")
    assert result.stdout.strip() == "docs/workshops/online-workshop-2.ru.md: recorded version updated"
    after = translation.read_bytes()
    changed = [(a, b) for a, b in zip(before.split(b"\n"), after.split(b"\n")) if a != b]
    assert len(before.split(b"\n")) == len(after.split(b"\n")) and len(changed) == 1
    assert changed[0][1].startswith(b"translated_from: {title: '")
    assert run_hub(root, "translations", "--check").returncode == 0
    mtime = translation.stat().st_mtime_ns
    again = run_hub(root, "translations", "refresh", "docs/workshops/online-workshop-2.ru.md")
    assert again.stdout.strip() == "docs/workshops/online-workshop-2.ru.md: up to date"
    assert translation.stat().st_mtime_ns == mtime


def test_formatting_changes_do_not_make_a_translation_stale(tmp_path):
    root = copy_repo(tmp_path)
    original = root / "docs/workshops/online-workshop-1.md"
    text = original.read_text(encoding="utf-8")
    body_start = text.index("---", 3) + 3
    reflowed = text[:body_start] + text[body_start:].replace(". ", ".\n").replace("project", "*project*")
    original.write_text(reflowed + "\n\n", encoding="utf-8")
    assert run_hub(root, "translations", "--check").returncode == 0
    original.write_text(reflowed.replace("online", "on-line", 1), encoding="utf-8")
    assert run_hub(root, "translations", "--check").returncode == 1


@pytest.mark.parametrize("url", ["", "ru/", "ru/workshops/online-workshop-1/", "404.html", "ru/404.html"])
def test_the_language_menu_writes_each_language_as_it_names_itself(built, url):
    """A menu item is capitalised in Russian too ("Русский"), unlike the name inside a sentence."""
    html = (built["site"] / url).read_text(encoding="utf-8") if url.endswith(".html") else page(built["site"], url)
    items = re.findall(r'<a [^>]*hreflang="([^"]+)"[^>]*class="md-select__link"[^>]*>\s*(.*?)\s*</a>', html, re.S)
    assert items == [("en", "English"), ("ru", "Русский")]


def test_heading_links_have_their_tooltip_in_the_pages_language(built):
    tooltips: dict[str, set[str]] = {"en": set(), "ru": set()}
    for path in built["site"].rglob("*.html"):
        lang = "ru" if path.relative_to(built["site"]).parts[0] == "ru" else "en"
        tooltips[lang].update(re.findall(r'<a class="headerlink" href="[^"]*" title="([^"]*)">', path.read_text("utf-8")))
    assert tooltips == {"en": {"Permanent link"}, "ru": {"Постоянная ссылка"}}
