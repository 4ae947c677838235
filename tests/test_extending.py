"""A facet and a content type, added from data and templates only: no Python changes.

Each test follows the README's "How to add a facet" or "How to add a content
type" literally in a copy of the repository, builds it with ``hub.py build`` and
checks everything the new facet or type must reach. The helpers that edit the
copy's data files are here, once; the page and JSON-LD readers come from the
build tests.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import COPIED, REPO, copy_repo, run_hub, serve_folder, tree_digest
from test_build import page
from test_open_outputs import jsonld

from hubcore import product_views, roles


def edit(root: Path, rel: str, before: str, after: str) -> None:
    """Replace the one place ``before`` stands in a data file of the copy (it must be there)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(before) == 1, f"{rel} no longer holds {before!r}: update the README and this test"
    path.write_text(text.replace(before, after), encoding="utf-8")


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def build(root: Path) -> Path:
    """Build the copy, once it is certain that only its data and content differ from the repository."""
    code = [name for name in COPIED if name not in ("data", "docs")]
    changed = [name for name in code if _hashes(root / name) != _hashes(REPO / name)]
    assert changed == [], f"the copy's {changed} changed: the README's steps are data and content only"
    result = run_hub(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def _hashes(path: Path) -> dict[str, str] | bytes:
    """What a copied file or folder holds (a folder: each file's hash; compiled caches aside)."""
    if path.is_file():
        return path.read_bytes()
    return {rel: digest for rel, (digest, _) in tree_digest(path).items() if "__pycache__" not in rel}


def test_every_derived_facet_the_data_may_declare_has_its_values():
    """roles.DERIVED (what data/taxonomies.yml may name) and the code that reads a product agree."""
    assert set(roles.DERIVED) == set(product_views.DERIVED)


# --- How to add a facet: partners --------------------------------------------------------

PREPARED_REPORT = """---
title: "A report prepared with partners"
summary: "A report whose title page names the organisations that prepared it."
date: "2024-03"
countries: [kz]
partners: [undp-kazakhstan, acsh]
partners_source: "Report, title page"
---

The report's text.
"""
PREPARED_GUIDE = """---
title: "A guide prepared with a partner"
summary: "A guide whose cover names the organisation that prepared it."
date: "2023"
topics: [open-data]
partners: [acsh]
partners_source: "Guide, cover"
---

The guide's text.
"""


def add_partner_facet(root: Path) -> None:
    """The README's "How to add a facet", for the organisations that prepared an item."""
    # 1. Declare the facet where the library should show it, naming its vocabulary.
    edit(root, "data/taxonomies.yml", "  language: {derived: languages}\n",
         "  language: {derived: languages}\n  partner: {vocabulary: partners}\n")
    # 2. Its heading in every language.
    edit(root, "data/ui.yml", "  facet_language: Available in\n",
         "  facet_language: Available in\n  facet_partner: Prepared by\n")
    edit(root, "data/ui.yml", "  facet_language: Доступно на языке\n",
         "  facet_language: Доступно на языке\n  facet_partner: Подготовили\n")


@pytest.fixture(scope="module")
def partnered(tmp_path_factory) -> Path:
    root = copy_repo(tmp_path_factory.mktemp("partner-facet"))
    add_partner_facet(root)
    write(root, "docs/reports/prepared-report.md", PREPARED_REPORT)
    write(root, "docs/guides/prepared-guide.md", PREPARED_GUIDE)
    return build(root)


def facet_values(html: str, facet: str) -> dict[str, tuple[str, str, int]]:
    """A facet's values on a library page: id -> (link, label, count)."""
    found = re.findall(rf'<a class="hub-facet__value" href="([^"]*)" data-facet="{facet}" data-value="([^"]+)">'
                       r'([^<]*) <span class="hub-facet__count">\((\d+)\)</span>', html)
    return {value: (href, label, int(count)) for href, value, label, count in found}


def test_a_partner_facet_from_data_shows_every_organisation_with_its_count(partnered):
    for lang, prefix, heading, acsh in (("en", "", "Prepared by", "Astana Civil Service Hub (ACSH)"),
                                        ("ru", "ru/", "Подготовили", "Астанинский хаб государственной службы")):
        html = page(partnered, prefix + "library")
        assert f'<h3 class="hub-facet__title" id="hub-facet-partner">{heading}</h3>' in html, lang
        values = facet_values(html, "partner")
        # Without script each value leads to the library filtered on it (organisations have no pages);
        # an organisation no item names is not offered (MOIS, NIA).
        assert values == {"undp-kazakhstan": ("?partner=undp-kazakhstan", values["undp-kazakhstan"][1], 1),
                          "acsh": ("?partner=acsh", acsh, 2)}, lang
        assert list(values) == ["undp-kazakhstan", "acsh"]  # the vocabulary's order
        assert html.index('data-facet="language"') < html.index('data-facet="partner"')  # the declared place
        items = dict(re.findall(r'<li class="hub-item"[^>]* data-partner="([^"]*)">\s*'
                                r'<h3 class="hub-item__heading"><a class="hub-item__title" href="([^"]+)"', html))
        assert {v: k for k, v in items.items() if k} == {"../reports/prepared-report/": "undp-kazakhstan acsh",
                                                          "../guides/prepared-guide/": "acsh"}, lang


def test_choosing_a_partner_narrows_the_library_and_stays_in_the_address(partnered, browser):
    with serve_folder(partnered) as served:
        context = browser.new_context()
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        shown = ".hub-catalogue .hub-item:not([hidden]) .hub-item__title"
        tab.goto(served + "library/")
        everything = len(tab.query_selector_all(shown))
        assert everything > 2
        tab.click("a.hub-facet__value[data-facet=partner][data-value=undp-kazakhstan]")
        assert parse_qs(urlsplit(tab.url).query) == {"partner": ["undp-kazakhstan"]}
        assert tab.eval_on_selector_all(shown, "els => els.map(e => e.textContent)") == [
            "A report prepared with partners"]
        assert tab.inner_text(".hub-catalogue__status") == f"Showing 1 of {everything}"
        tab.click("a.hub-facet__value[data-facet=partner][data-value=acsh]")  # or, within the facet
        assert parse_qs(urlsplit(tab.url).query) == {"partner": ["undp-kazakhstan,acsh"]}
        assert len(tab.query_selector_all(shown)) == 2
        tab.click("a.hub-facet__value[data-facet=type][data-value=guide]")  # and, with another facet
        assert tab.eval_on_selector_all(shown, "els => els.map(e => e.textContent)") == [
            "A guide prepared with a partner"]
        tab.go_back()
        assert len(tab.query_selector_all(shown)) == 2
        tab.hover(".md-select")  # the language switch takes the choice along
        tab.click(".md-select__link[hreflang='ru']")
        tab.wait_for_url(re.compile(r"/ru/library/\?"))
        assert parse_qs(urlsplit(tab.url).query) == {"partner": ["undp-kazakhstan,acsh"]}
        assert len(tab.query_selector_all(shown)) == 2
        assert tab.get_attribute("a.hub-facet__value[data-value=acsh]", "aria-checked") == "true"
        tab.goto(served + "library/?partner=acsh")  # a shared address opens filtered
        assert len(tab.query_selector_all(shown)) == 2
        assert errors == []
        context.close()
        plain = browser.new_context(java_script_enabled=False)  # without script: the filtered address
        tab = plain.new_page()
        tab.goto(served + "library/")
        tab.click("a.hub-facet__value[data-facet=partner][data-value=acsh]")
        assert tab.url == served + "library/?partner=acsh"
        plain.close()


# --- How to add a content type: policy briefs ------------------------------------------

POLICY_BRIEF = """  policy-brief:
    folder: policy-briefs
    label: {en: Policy brief, ru: Аналитическая записка}
    plural: {en: Policy briefs, ru: Аналитические записки}
    schema_org: Report
"""
RESULTS_ROW = """  - label: {en: Policy briefs, ru: Аналитические записки}
    match: {type: policy-brief}
"""
BRIEF = """---
title: "Open data in brief"
summary: "A two-page brief on opening government data."
date: "2024-02"
countries: [kz]
topics: [open-data]
---

The brief's text.
"""
BRIEF_KEY = "policy-briefs/open-data-in-brief"


def add_policy_briefs(root: Path) -> None:
    """The README's "How to add a content type": policy briefs, in docs/policy-briefs/."""
    # 1. The type, its folder, its labels in every language and its schema.org type.
    edit(root, "data/taxonomies.yml", "\n# The seven participating countries", "\n" + POLICY_BRIEF.rstrip("\n")
         + "\n\n# The seven participating countries")
    # 2. A row of the results page, if the type is one of the project's results.
    edit(root, "data/project.yml", "# No row for methodological guides", RESULTS_ROW + "# No row for methodological guides")
    # 3. Products in the type's folder.
    write(root, f"docs/{BRIEF_KEY}.md", BRIEF)


@pytest.fixture(scope="module")
def with_briefs(tmp_path_factory) -> Path:
    root = copy_repo(tmp_path_factory.mktemp("content-type"))
    add_policy_briefs(root)
    return build(root)


def test_a_new_content_type_has_its_section_card_and_structured_data(with_briefs):
    for prefix, plural, label in (("", "Policy briefs", "Policy brief"),
                                  ("ru/", "Аналитические записки", "Аналитическая записка")):
        section = page(with_briefs, prefix + "policy-briefs")  # generated: no index.md was written
        assert f"<h1>{plural}</h1>" in section
        assert re.findall(r'<a class="hub-item__title" href="([^"]+)"', section) == ["open-data-in-brief/"]
        product = page(with_briefs, prefix + BRIEF_KEY)
        header = re.search(r'<div class="hub-product-header">.*?</dl>', product, re.S).group(0)
        assert re.search(rf'<dd><a href="../">{label}</a></dd>', header), prefix
        assert jsonld(product)["@type"] == "Report"  # from the data, not the default CreativeWork
        assert (f'<a class="hub-tile" href="policy-briefs/"><span class="hub-tile__label">{plural}</span>'
                in page(with_briefs, prefix.rstrip("/")))  # home: a way in by type


def test_a_new_content_type_reaches_the_catalogue_the_library_and_the_results(with_briefs):
    catalogue = json.loads((with_briefs / "catalog.json").read_text(encoding="utf-8"))
    record = next(r for r in catalogue["products"] if r["id"] == BRIEF_KEY)
    assert record["type"] == "policy-brief"
    assert catalogue["vocabularies"]["types"]["policy-brief"] == {"en": "Policy brief", "ru": "Аналитическая записка"}
    schema = json.loads((with_briefs / "catalog.schema.json").read_text(encoding="utf-8"))
    assert "policy-brief" in schema["properties"]["products"]["items"]["properties"]["type"]["enum"]
    rows = list(csv.DictReader(io.StringIO((with_briefs / "catalog.csv").read_text(encoding="utf-8-sig"))))
    assert next(r for r in rows if r["id"] == BRIEF_KEY)["type"] == "policy-brief"
    library = page(with_briefs, "library")
    assert facet_values(library, "type")["policy-brief"] == ("../policy-briefs/", "Policy brief", 1)
    results = page(with_briefs, "ru/results")
    row = re.search(r"<tr>\s*<td>\s*Аналитические записки\s*<ul>(.*?)</ul>\s*</td>\s*<td>(\d+)</td>", results, re.S)
    assert row and row.group(2) == "1" and "policy-briefs/open-data-in-brief/" in row.group(1)
    assert ('<li><strong class="hub-figures__count">1</strong> <span class="hub-figures__label">Policy briefs</span></li>'
            in page(with_briefs, ""))  # the home page's results
