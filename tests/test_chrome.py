"""The site's chrome: the navigation's names in each language and the project's footer, on fixture trees
and in the pages a build makes (engine/navigation.py, hubcore/footer.py, partials/copyright.html).

The site's name appears once in the navigation; the footer is all in the page's language. The
browser tasks (tabs, drawer, footer at both widths) are in tests/test_portal.py.
"""

from __future__ import annotations

import re

import pytest

from built_site import page
from fixture_tree import expect_only, front, loaded, make_root
from hubcore import footer
from hubcore.loader import load_site

TS = ('title: "T"', 'summary: "S."')


def test_the_footer_names_the_projects_organisations_and_never_invents_a_licence(tmp_path):
    site = loaded(tmp_path)
    en, ru = footer.view(site, "en"), footer.view(site, "ru")
    assert en["organisations"] == [{"heading": "The project's partners", "terms": [
        "UNDP in Kazakhstan", "Astana Civil Service Hub (ACSH)",
        "Ministry of the Interior and Safety of the Republic of Korea (MOIS)",
        "National Information Society Agency of the Republic of Korea (NIA)"]}]
    assert ru["organisations"][0]["terms"][0] == "ПРООН в Казахстане"
    assert en["license"] is None and en["about_url"] == ""  # the base tree has no about page
    root = make_root(tmp_path / "licensed", {"docs/about.md": front(*TS)})
    settings = root / "data/site.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace('license: ""', "license: CC-BY-4.0"),
                        encoding="utf-8")
    site, problems = load_site(root)
    assert problems == []
    assert footer.view(site, "ru")["license"] == {
        "label": "Creative Commons «С указанием авторства» 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert footer.view(site, "ru")["about_url"] == "ru/about/"


@pytest.mark.parametrize("value", ["CC-BY-5.0", "[CC-BY-4.0]", "yes"])
def test_the_sites_licence_is_one_a_product_may_declare(tmp_path, value):
    root = make_root(tmp_path)
    settings = root / "data/site.yml"
    text = settings.read_text(encoding="utf-8").replace('license: ""', f"license: {value}")
    settings.write_text(text, encoding="utf-8")
    _, problems = load_site(root)
    line = text.split("\n").index(f"license: {value}") + 1
    expect_only(problems, "data/site.yml", line, "license", "CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0")


# --- built pages ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def content(built):
    site, problems = load_site(built["root"])
    assert problems == []
    return site


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_navigation_names_the_site_once_and_its_entries_in_the_pages_language(built, content):
    for lang, prefix, name in (("en", "", "Digital Governance Knowledge Hub"),
                               ("ru", "ru/", "База знаний по цифровому управлению")):
        for url in (prefix, prefix + "library", prefix + "countries/ge"):
            html = page(built["site"], url)
            nav = re.search(r'<nav class="md-nav md-nav--primary.*?</nav>\s*</div>', html, re.S).group(0)
            assert _text(nav).count(name) == 1, (url, _text(nav))
            assert content.ui[lang]["nav_home"] in _text(nav)
        tabs = re.findall(r'class="md-tabs__link">\s*([^<]*?)\s*</a>', page(built["site"], prefix))
        titles = {key: content.entries[key].text("title", lang) for key in ("library", "topics", "countries", "about")}
        assert tabs == [content.ui[lang]["nav_home"], titles["library"], titles["topics"], titles["countries"],
                        titles["about"]], lang


def test_the_footer_is_the_projects_in_the_pages_language(built, content):
    for url in ("ru/", "ru/workshops/offline-workshop-georgia", "ru/countries/tj", "ru/library"):
        html = page(built["site"], url)
        shown = _text(re.search(r'<div class="md-copyright hub-footer">.*?</div>\s*</div>', html, re.S).group(0))
        labels = [t.label["ru"] for t in content.taxonomies["partners"].values()]
        assert all(label in shown for label in labels), url
        assert content.ui["ru"]["footer_license_none"] in shown and content.ui["ru"]["footer_roles"] in shown
        latin = set(re.findall(r"[A-Za-z]+", shown))
        assert latin <= set(re.findall(r"[A-Za-z]+", " ".join(labels))), (url, latin)  # MOIS, NIA: their names
    about = page(built["site"], "ru/about")
    assert '<p class="hub-colophon">Сделано с помощью <a href="https://squidfunk.github.io/mkdocs-material/">' \
           'Material for MkDocs</a></p>' in about
