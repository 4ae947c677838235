"""A real build of the real content (in a temporary copy): pages, languages, safety."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from built_site import page, parse
from conftest import PAYLOAD_TITLE, copy_repo, run_hub, tree_digest

from hubcore.loader import load_site
from hubcore.settings import LANGUAGES
from hubcore.urls import entry_path


@pytest.fixture(scope="module")
def content(built):
    site, problems = load_site(built["root"])
    assert problems == []
    return site


def test_every_entry_is_built_in_both_languages_with_the_right_lang(built, content):
    for key in content.entries:
        for lang in LANGUAGES:
            html = page(built["site"], entry_path(key, lang))
            assert parse(html).html_lang == lang, (key, lang)


def test_language_switcher_points_to_the_counterpart(built, content):
    for key in content.entries:
        for lang in LANGUAGES:
            url = entry_path(key, lang)
            links = parse(page(built["site"], url)).tags
            switcher = {a["hreflang"]: a["href"] for tag, a in links
                        if tag == "a" and "md-select__link" in a.get("class", "")}
            assert set(switcher) == set(LANGUAGES), (url, switcher)
            for other, href in switcher.items():
                # hrefs are relative to the page; resolve them against its folder.
                resolved = (Path("/" + url) / href).resolve().as_posix().lstrip("/")
                expected = entry_path(key, other).rstrip("/")
                assert resolved.rstrip("/") == expected, (url, other, href)


def test_translated_text_is_served_in_each_language(built, content):
    entry = content.entries["workshops/offline-workshop-georgia"]
    assert entry.versions["ru"].meta["title"] in page(built["site"], "ru/workshops/offline-workshop-georgia/")
    assert entry.versions["en"].meta["title"] in page(built["site"], "workshops/offline-workshop-georgia/")


def test_hostile_metadata_is_escaped_everywhere(built):
    site = built["site"]
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml") and path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "window.__xss" not in text or "<script>window.__xss" not in text, path
            assert "onerror=\"window.__xss" not in text, path
            assert "<svg onload" not in text and "<b onclick" not in text, path
    product = page(site, "reports/hostile")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in product
    title = re.search(r"<title>(.*?)</title>", product, re.S).group(1)
    assert "<" not in title and "&lt;script&gt;" in title
    description = re.search(r'<meta name="description" content="([^"]*)"', product).group(1)
    assert "&lt;/title&gt;" in description and "'" not in description


def test_build_does_not_change_docs(built):
    assert built["docs_after"] == built["docs_before"]


def test_results_are_counted_from_the_content(built, content):
    online = [e for e in content.products() if (e.neutral.get("event") or {}).get("format") == "online"]
    assert len(online) == 3  # the brief's three online workshops
    html = page(built["site"], "results")
    row = re.search(r"Online workshops.*?</td>\s*<td>(\d+)</td>", html, re.S)
    assert row and int(row.group(1)) == len(online)
    assert re.search(r"<td>189</td>", html)
    ru = page(built["site"], "ru/results")
    assert "Онлайн-семинары" in ru


def test_no_request_to_a_third_party_host(built):
    for path in built["site"].rglob("*.html"):
        for tag, attrs in parse(path.read_text(encoding="utf-8")).tags:
            url = attrs.get("src") if tag in ("script", "img", "iframe") else \
                attrs.get("href") if tag == "link" and attrs.get("rel") in ("stylesheet", "preconnect", "icon") else None
            assert not url or not re.match(r"^(https?:)?//", url), (path, tag, url)


def test_build_output_is_quiet_about_the_material_banner(built):
    output = built["result"].stdout + built["result"].stderr
    assert "end of life" not in output.lower()


def test_navigation_lists_sections_not_products(built, content):
    html = page(built["site"], "")
    nav = re.search(r'<nav class="md-nav md-nav--primary[^"]*".*?</nav>\s*</div>', html, re.S).group(0)
    for product in content.products():
        assert entry_path(product.key, "en") not in nav


def test_a_broken_file_stops_the_build_before_anything_is_written(tmp_path):
    root = copy_repo(tmp_path)
    (root / "docs/guides/broken.md").write_text(
        "---\ntitle: Broken\nsummary: A test.\ncountries: [zz]\n---\n\nText.\n", encoding="utf-8")
    (root / "docs/guides/other.ru.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    before = tree_digest(root / "docs")
    result = run_hub(root, "build")
    assert result.returncode == 1
    assert "docs/guides/broken.md:4: countries[0]: unknown value 'zz'" in result.stdout
    assert "docs/guides/other.ru.md:2:" in result.stdout
    assert not (root / "site").exists()
    assert tree_digest(root / "docs") == before


def test_validate_reports_github_annotations(tmp_path):
    root = copy_repo(tmp_path)
    assert run_hub(root, "validate").returncode == 0
    (root / "docs/guides/x.md").write_text("---\ntitel: X\nsummary: S.\n---\n", encoding="utf-8")
    result = run_hub(root, "validate", "--format", "github")
    assert result.returncode == 1
    assert "::error file=docs/guides/x.md,line=2,title=titel::unknown field; did you mean 'title'?" in result.stdout


def test_mkdocs_alone_also_refuses_bad_content(tmp_path):
    """The check lives in the build itself, so `mkdocs build` cannot skip it."""
    import subprocess
    import sys
    root = copy_repo(tmp_path)
    (root / "docs/guides/x.md").write_text("---\ntitle: X\nsummary: S.\ntemplate: redirect.html\n---\n",
                                          encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "docs/guides/x.md:4: template: not allowed" in result.stdout + result.stderr
    assert not (root / "site").exists()


def _items_on(site: Path, url: str) -> set[str]:
    """Product URLs (site-relative) listed on a built page."""
    html = page(site, url)
    hrefs = re.findall(r'<a class="hub-item__title" href="([^"]+)"', html)
    return {(Path("/" + url) / h).resolve().as_posix().strip("/") + "/" for h in hrefs}


def test_each_taxonomy_page_lists_exactly_its_items(built, content):
    for vocabulary, field in (("topics", "topics"), ("countries", "countries")):
        for term in content.taxonomies[vocabulary]:
            for lang in LANGUAGES:
                url = entry_path(f"{vocabulary}/{term}", lang)
                expected = {entry_path(e.key, lang) for e in content.products()
                            if term in (e.neutral.get(field) or [])}
                assert _items_on(built["site"], url) == expected, url
    for content_type in content.taxonomies.types.values():
        url = entry_path(f"{content_type.folder}/index", "ru")
        expected = {entry_path(e.key, "ru") for e in content.products() if e.kind == content_type.id}
        assert _items_on(built["site"], url) == expected


def test_a_term_without_items_still_has_its_page_and_says_what_it_will_hold(built, content):
    html = page(built["site"], "ru/topics/policy-frameworks")
    assert "<h1>Рамочные основы политики цифрового правительства</h1>" in html
    assert f"<p>{content.ui['ru']['none_yet_topics']}</p>" in html
    country = page(built["site"], "countries/tj")  # the shared build files nothing under Tajikistan
    assert f"<p>{content.ui['en']['none_yet_countries']}</p>" in country
    assert "items that concern no single country are filed under none" in country
    for html in (html, country):
        assert "0 материалов" not in html and "0 items" not in html  # a zero reads as a result


def test_no_zero_is_shown_as_a_result(built):
    """Terms with items are tiles with their numbers; a term with none is named apart, never with a zero;
    results list only what the content holds."""
    for url in ("countries", "ru/countries", "topics", "", "ru/"):
        article = re.search(r'<article class="md-content__inner md-typeset">.*?</article>', page(built["site"], url), re.S)
        text = " ".join(re.sub(r"<[^>]+>", " ", article.group(0)).split())
        assert not re.search(r"\(0\)|(^|\s)0 (items?|материал)", text), url
    countries = page(built["site"], "countries")
    assert '<a class="hub-tile" href="am/"><span class="hub-tile__label">Armenia</span> ' \
           '<span class="hub-tile__count">2 items</span></a>' in countries
    not_yet = re.search(r'<div class="hub-not-yet">.*?</div>', countries, re.S).group(0)
    assert '<li><a href="tj/">Tajikistan</a></li>' in not_yet and "Armenia" not in not_yet
    assert "Methodological guides" not in page(built["site"], "results").split('id="hub-results-title"')[1]


def test_a_product_without_material_says_its_materials_are_to_come(built, content):
    for entry in content.products():
        for lang in LANGUAGES:
            html = page(built["site"], entry_path(entry.key, lang))
            note = f'<p class="hub-downloads__to-come">{content.ui[lang]["materials_to_come"]}</p>'
            assert (note in html) == (not entry.has_material), (entry.key, lang)
    for lang in LANGUAGES:  # and the card of each in the library says so too
        library = page(built["site"], entry_path("library", lang))
        card = f'<span class="hub-item__to-come">{content.ui[lang]["card_materials_to_come"]}</span>'
        for entry in content.products():
            link = f'href="{posixpath.relpath(entry_path(entry.key, lang), entry_path("library", lang))}/"'
            [item] = [i for i in re.findall(r'<li class="hub-item".*?</li>', library, re.S) if link in i]
            assert (card in item) == (not entry.has_material), (entry.key, lang)
    assert not content.entries["workshops/online-workshop-1"].has_material
    assert content.entries["guides/english-only"].has_material  # full_text: true


def test_footer_and_about_show_the_publisher_only_when_set(built, tmp_path):
    for url in ("", "ru/about", "about"):
        html = page(built["site"], url)
        assert "hub-publisher" not in html  # empty by default: nothing invented
    # The theme's credit is on the about page, in the reader's language; the footer is all in it.
    assert "Сделано с помощью" in page(built["site"], "ru/about") and "Made with" not in page(built["site"], "ru/")
    root = copy_repo(tmp_path)
    settings = root / "data/site.yml"
    settings.write_text(settings.read_text(encoding="utf-8")
                        .replace('name: {en: "", ru: ""}', 'name: {en: "The Publisher <b>", ru: "Издатель «Пример»"}')
                        .replace('contact: ""', 'contact: "team@example.org"')
                        .replace('disclaimer: {en: "", ru: ""}', 'disclaimer: {en: "Views are the authors\' own.", '
                                 'ru: "Мнения авторов могут не совпадать с позицией издателя."}'), encoding="utf-8")
    assert run_hub(root, "build").returncode == 0
    about = page(root / "site", "ru/about")
    assert '<h2 id="hub-publisher-title">Кто публикует базу знаний</h2>' in about
    assert "Издатель: Издатель «Пример»" in about and 'href="mailto:team@example.org"' in about
    assert "Мнения авторов могут не совпадать с позицией издателя." in about
    home = page(root / "site", "")
    footer = home.split('class="md-copyright hub-footer"')[1]
    assert "Publisher: The Publisher &lt;b&gt;" in footer and "Views are the authors&#39; own." in footer
    assert "hub-publisher-title" not in home  # the full section is the about page's
    settings.write_text(settings.read_text(encoding="utf-8").replace('contact: "team@example.org"',
                                                                      'contact: "javascript:alert(1)"'), encoding="utf-8")
    refused = run_hub(root, "validate")
    assert refused.returncode == 1
    assert "data/site.yml:" in refused.stdout and "publisher.contact: must be an e-mail address" in refused.stdout


def test_library_lists_every_product_with_facet_links(built, content):
    assert _items_on(built["site"], "library") == {entry_path(e.key, "en") for e in content.products()}
    html = page(built["site"], "ru/library")
    assert 'href="../countries/kz/" data-facet="country" data-value="kz"' in html
    assert 'data-facet="format" data-value="online"' in html
    # The derived facets count what each product holds: its date's year, its languages.
    counts = {(facet, value): int(count) for facet, value, count in re.findall(
        r'data-facet="([a-z]+)" data-value="([^"]+)">[^<]* <span class="hub-facet__count">\((\d+)\)', html)}
    years = [str(e.neutral["date"])[:4] for e in content.products() if e.neutral.get("date")]
    assert {v: n for (f, v), n in counts.items() if f == "year"} == {y: years.count(y) for y in years}
    assert {v: n for (f, v), n in counts.items() if f == "language"} == {
        lang: sum(lang in e.languages for e in content.products()) for lang in LANGUAGES}
    assert years and 'href="?year=2026" data-facet="year"' in html and 'href="?language=en" data-facet="language"' in html


def test_product_header_and_card_link_terms_and_cite_a_permanent_url(built):
    html = page(built["site"], "workshops/offline-workshop-kazakhstan")
    header = re.search(r'<div class="hub-product-header">.*?</dl>', html, re.S).group(0)
    assert '<dd><a href="../../countries/kz/">Kazakhstan</a></dd>' in header
    assert 'hub-product-header__fact--badge">\n      <dt class="hub-product-header__label">Type</dt>\n' \
           '      <dd><a href="../">Event materials</a></dd>' in header
    card = re.search(r'<aside class="hub-card".*?</aside>', html, re.S).group(0)
    assert "<dd>Workshop</dd>" in card and "Kazakhstan" not in card  # the header's facts are not repeated
    assert "http://127.0.0.1:8000/workshops/offline-workshop-kazakhstan/" in html  # cite, SITE_URL unset
    related = re.search(r'<section class="hub-related".*?</section>', html, re.S).group(0)
    assert "regional-conference-kazakhstan" in related  # shares Kazakhstan


def test_search_index_per_language_is_compact_utf8_without_fallbacks(built, content):
    import json
    en = (built["site"] / "search/search_index.json").read_text(encoding="utf-8")
    ru = (built["site"] / "ru/search/search_index.json").read_text(encoding="utf-8")
    assert "\\u04" not in ru
    assert "Цифров" in ru or "цифров" in ru
    en_index, ru_index = json.loads(en), json.loads(ru)
    assert en_index["config"]["lang"] == ["en", "ru"] and ru_index["config"]["lang"] == ["ru", "en"]
    english_titles = (d["title"] for d in en_index["docs"]
                      if not d["location"].startswith("guides/govtech-platforms/"))  # quotes Russian on purpose
    assert not re.search("[а-яА-Я]", "".join(english_titles))
    assert all(not d["location"].startswith("ru/") for d in ru_index["docs"])
    locations = [d["location"] for d in ru_index["docs"]]
    assert len(locations) == len(set(locations))
    # Metadata is searchable in the reader's language.
    page_doc = next(d for d in ru_index["docs"] if d["location"] == "workshops/offline-workshop-kazakhstan/")
    assert "Казахстан" in page_doc["text"] and "Материалы мероприятия" in page_doc["text"]
    assert '"base": "../../../ru/"' in page(built["site"], "ru/workshops/offline-workshop-kazakhstan")


def test_attachments_show_format_and_size_and_resolve(tmp_path):
    root = copy_repo(tmp_path)
    (root / "docs/reports/files").mkdir()
    (root / "docs/reports/files/summary.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 12_300)
    product = root / "docs/reports/needs-assessment-survey-results.md"
    text = product.read_text(encoding="utf-8").replace(
        "topics: [needs-assessment]",
        "topics: [needs-assessment]\nattachments:\n  - {title: Summary, file: files/summary.pdf}\n"
        "  - {title: Elsewhere, url: 'https://example.org/report.docx'}")
    product.write_text(text, encoding="utf-8")
    assert run_hub(root, "build").returncode == 0
    en = page(root / "site", "reports/needs-assessment-survey-results")
    assert ('<a class="md-button hub-download" href="../files/summary.pdf" download>\n      '
            '<span class="hub-download__title">Summary</span> <span class="hub-download__details">(PDF, 12.3 kB)</span>'
            ) in en
    assert ('<a class="md-button hub-download" href="https://example.org/report.docx" rel="external">\n      '
            '<span class="hub-download__title">Elsewhere</span> <span class="hub-download__details">'
            '(Word, on example.org)</span>') in en
    ru = page(root / "site", "ru/reports/needs-assessment-survey-results")
    assert ('href="../../../reports/files/summary.pdf" download>\n      <span class="hub-download__title" lang="en">Summary</span> '
            '<span class="hub-download__details">(PDF, 12,3 кБ)</span>') in ru
    assert "(Word, на сайте example.org)" in ru
    assert (root / "site/reports/files/summary.pdf").exists()


def test_adding_a_topic_to_the_data_file_is_all_it_takes(tmp_path):
    root = copy_repo(tmp_path)
    data = root / "data/taxonomies.yml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "\n# Organisations behind the project.",
        "  cybersecurity:\n    label: {en: Cybersecurity, ru: Кибербезопасность}\n"
        "\n# Organisations behind the project."), encoding="utf-8")
    # An item filed under it (the library offers the topics some item has).
    report = root / "docs/reports/needs-assessment-survey-results.md"
    text = report.read_text(encoding="utf-8")
    assert "topics: [needs-assessment]" in text
    report.write_text(text.replace("topics: [needs-assessment]", "topics: [needs-assessment, cybersecurity]"),
                      encoding="utf-8")
    assert run_hub(root, "build").returncode == 0
    assert "<h1>Cybersecurity</h1>" in page(root / "site", "topics/cybersecurity")
    assert "<h1>Кибербезопасность</h1>" in page(root / "site", "ru/topics/cybersecurity")
    assert 'data-value="cybersecurity">Кибербезопасность <span class="hub-facet__count">(1)' in page(
        root / "site", "ru/library")


def test_generated_pages_switch_language_to_their_counterpart(built):
    for url, other in (("topics/open-data/", "../../ru/topics/open-data/"),
                       ("ru/countries/kz/", "../../../countries/kz/"),
                       ("library/", "../ru/library/")):
        links = parse(page(built["site"], url)).tags
        hrefs = {a["href"] for tag, a in links if tag == "a" and "md-select__link" in a.get("class", "")}
        assert other in hrefs, (url, hrefs)


def test_related_items_are_ranked_by_the_declared_weights(tmp_path):
    """The index walk in related() ranks exactly as score() says, ties by date then key."""
    from hubcore.related import related, score
    root = copy_repo(tmp_path)
    import sys
    sys.path.insert(0, str(root / "scripts"))
    from synthetic_corpus import write_corpus
    write_corpus(root, 40, words=50)
    site, problems = load_site(root)
    assert problems == []
    from hubcore.model import date_key
    for entry in site.products()[:15]:
        expected = sorted((other for other in site.products() if other.key != entry.key and score(site, entry, other)),
                          key=lambda o: (-score(site, entry, o), date_key(o.neutral.get("date")), o.key))[:5]
        assert [e.key for e in related(site, entry)] == [e.key for e in expected]


def test_the_build_says_what_it_built_where_in_how_long_and_how_to_preview(built):
    pages = list(built["site"].rglob("*.html"))
    russian = sum(1 for p in pages if p.relative_to(built["site"]).parts[0] == "ru")
    said = built["result"].stderr
    found = re.search(r"^Built (\d+) pages in English and (\d+) in Russian into site/ in \d+\.\d s\.$", said, re.M)
    assert found, said
    assert (int(found[1]), int(found[2])) == (len(pages) - russian, russian) and russian > 40
    assert "Preview: make serve (live, at http://127.0.0.1:8000/), or serve the folder as built: " \
           "python3 -m http.server -d site/" in said
    assert said.index("All content is valid.") < said.index("Built ")
