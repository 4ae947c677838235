"""The hostile-input suite: every case is refused with a located error or rendered inert.

The cases are data in tests/hostile/cases.py. Inert cases are built once, in a
temporary copy, for the address they are served at, and every page they reach
is opened in Chromium with a trap that records anything that runs (a write to
``window.__pwned``, a dialog, a blocked attempt reported by the policy).
Refused cases are validated once in another copy, and a build of it writes nothing.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import copy_repo, run_hub, serve_folder
from hostile.cases import (CONTRIBUTED_FILES, DRAFT_FILES, FIELD_HELP_EDITS, FORMULA_TITLES, HOSTILE_TOPIC, INERT,
                           REFUSED, SECRET, TAXONOMY_ENTRY, UI_EDITS)

# Installed before any page script, in every page: init scripts are outside the page's policy.
TRAP = """
(() => {
  const report = (what) => window.__hubRan(String(what));
  Object.defineProperty(window, "__pwned", {
    configurable: false, get() { return undefined; }, set(value) { report("__pwned=" + value); }});
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (message) => report(name + ": " + message);
  }
  document.addEventListener("securitypolicyviolation",
    (e) => report("blocked by the policy on " + location.pathname + ": " + e.violatedDirective), true);
})();
"""
SOURCE_ONLY = {".git", ".cache", "hubcore", "engine", "scripts", "tests", "node_modules",
               "data", "overrides"}


def _plant_secrets(root: Path) -> None:
    """What a leak would publish: Git's config and a file beside docs/."""
    (root / ".git").mkdir(exist_ok=True)
    (root / ".git/config").write_text(f"[remote]\n\turl = {SECRET}\n", encoding="utf-8")
    (root / "secret.txt").write_text(SECRET, encoding="utf-8")


def _edit(path: Path, edits: dict[str, str]) -> None:
    """Each old text of ``edits`` replaced by its new one in ``path`` (every old text must be there)."""
    text = path.read_text(encoding="utf-8")
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory):
    root = copy_repo(tmp_path_factory.mktemp("hostile-inert"))
    _plant_secrets(root)
    for case in INERT:
        for rel, content in case.files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    taxonomies = root / "data/taxonomies.yml"
    text = taxonomies.read_text(encoding="utf-8")
    marker = "\n# Organisations behind the project."
    assert marker in text
    taxonomies.write_text(text.replace(marker, TAXONOMY_ENTRY + marker, 1), encoding="utf-8")
    _edit(root / "data/ui.yml", UI_EDITS)
    _edit(root / "data/fields.yml", FIELD_HELP_EDITS)
    (root / "site").mkdir()
    with serve_folder(root / "site") as url:
        shutil.rmtree(root / "site")
        result = run_hub(root, "build", SITE_URL=url)
        assert result.returncode == 0, result.stdout + result.stderr
        yield root, url


def test_nothing_outside_docs_and_data_is_published(inert_site):
    root, _ = inert_site
    site = root / "site"
    for path in site.rglob("*"):
        rel = path.relative_to(site)
        assert not SOURCE_ONLY & set(rel.parts), rel
        assert path.name not in ("mkdocs.yml", "secret.txt", "config") and path.suffix not in (".py", ".md"), rel
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), f"{rel} holds a secret from outside docs/"
    assert (site / "reports/files/hostile-slides.pdf").is_file()  # what is in docs/ is published


def test_a_drafts_files_are_not_published(inert_site):
    root, _ = inert_site
    for rel in DRAFT_FILES:
        assert (root / rel).is_file()
        assert not (root / "site" / rel.removeprefix("docs/")).exists(), rel
    assert not (root / "site/reports/hostile-draft").exists()


def test_contributed_files_are_published_as_they_are(inert_site):
    root, _ = inert_site
    for rel, data in CONTRIBUTED_FILES.items():
        assert (root / "site" / rel.removeprefix("docs/")).read_bytes() == data


def test_footnotes_work(inert_site):
    root, _ = inert_site
    html = (root / "site/reports/hostile-files/index.html").read_text(encoding="utf-8")
    assert 'href="#fn:1"' in html and 'id="fn:1"' in html and "Source: a report, 2022." in html


def test_no_catalogue_cell_starts_a_formula(inert_site):
    """Whatever a spreadsheet skips first (spaces, invisible characters, quotes), a title that
    would start a formula is written with an apostrophe in front."""
    import csv
    import io
    root, _ = inert_site
    rows = list(csv.DictReader(io.StringIO((root / "site/catalog.csv").read_text(encoding="utf-8-sig"))))
    titles = {row["title_en"] for row in rows}
    for title in FORMULA_TITLES:
        assert "'" + title in titles, (title, sorted(titles)[:5])


def test_snippet_lines_stay_text(inert_site):
    """pymdownx.snippets is not enabled: an include line is printed, never followed."""
    root, _ = inert_site
    html = (root / "site/reports/hostile-fields/index.html").read_text(encoding="utf-8")
    assert '--8&lt;-- ".git/config"' in html or "--8&lt;-- &quot;.git/config&quot;" in html


def test_no_payload_survives_as_markup_in_any_page(inert_site):
    root, _ = inert_site
    live = re.compile(r"<img src=x onerror|<script>window\.__pwned|<svg onload", re.I)
    for path in (root / "site").rglob("*"):
        if path.suffix in (".html", ".xml") and path.is_file():
            # An author's HTML comment is published as it is, and stays a comment.
            text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
            match = live.search(text)
            assert match is None, f"{path}: {text[max(0, match.start() - 200):match.end() + 50]}"
    product = (root / "site/reports/hostile-fields/index.html").read_text(encoding="utf-8")
    assert "{{7*7}}" in product and "&lt;script&gt;window.__pwned=&#39;title&#39;" in product
    # Field help (data/fields.yml) is shown as text where fields are explained.
    for page, where in (("contributing", "help-date-en"), ("ru/contributing", "help-date-ru"),
                        ("open-data", "help-original-language-en")):
        html = (root / "site" / page / "index.html").read_text(encoding="utf-8")
        assert f"&lt;script&gt;window.__pwned=&#39;{where}&#39;" in html, page


def _exercise(page) -> None:
    """What a reader does that could trigger a handler: hover, focus, move."""
    page.mouse.move(10, 10)
    for selector in ("h1", ".hub-card a", ".hub-item__title", ".md-content a", ".md-nav__link"):
        for element in page.query_selector_all(selector)[:6]:
            if element.is_visible():
                # force: the pointer goes where the element is, as a reader's would, even where
                # something lies over it (the tabs' sidebar keeps a section's label under its list).
                element.hover(force=True)
                element.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")


@pytest.fixture()
def trapped(browser):
    context = browser.new_context()
    ran: list[str] = []
    context.expose_function("__hubRan", lambda what: ran.append(what))
    context.add_init_script(TRAP)
    page = context.new_page()
    page.on("dialog", lambda dialog: (ran.append("dialog: " + dialog.message), dialog.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, ran, errors
    context.close()


def test_nothing_runs_in_chromium(trapped, inert_site):
    page, ran, errors = trapped
    _, base = inert_site
    # Every file of the contribution is opened on its own first (a service worker it could
    # register would answer every later page), then every page.
    for rel in CONTRIBUTED_FILES:
        try:
            page.goto(base + rel.removeprefix("docs/"))
        except Exception as error:  # a file the browser downloads instead of showing
            assert "Download is starting" in str(error), error
    urls = [url for case in INERT for url in case.pages]
    for url in urls:
        page.goto(base + url)
        _exercise(page)
    page.goto(base)
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    # The product page shows every payload as text.
    page.goto(base + "reports/hostile-fields/")
    assert "<script>window.__pwned='title'</script>" in page.inner_text("h1")
    # The library's facet for the hostile topic, and its status line built from ui words.
    page.goto(base + "library/")
    page.click(f"a.hub-facet__value[data-facet=topic][data-value={HOSTILE_TOPIC}]")
    assert page.locator(".hub-catalogue .hub-item:not([hidden])").count() == 2
    assert "window.__pwned='ui-showing-en'" in page.inner_text(".hub-catalogue__status")
    # Search results are inserted as HTML by the theme: payloads in titles, summaries, tags.
    for start, words in (("", "Report"), ("ru/", "Отчёт"), ("", "Workshop")):
        page.goto(base + start)
        page.keyboard.press("/")
        page.keyboard.type(words)
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        for item in page.query_selector_all(".md-search-result__item")[:5]:
            item.hover()
    page.wait_for_timeout(300)
    assert ran == [], "\n".join(ran)
    assert errors == []


def test_refused_cases_are_located_and_nothing_is_built(tmp_path):
    root = copy_repo(tmp_path)
    _plant_secrets(root)
    expected: dict[str, re.Pattern[str]] = {}
    for case in REFUSED:
        target = root / case.path
        target.parent.mkdir(parents=True, exist_ok=True)
        line = ""
        if case.symlink_to:
            os.symlink(root / case.symlink_to, target,
                       target_is_directory=(root / case.symlink_to).is_dir())
        elif case.replace:
            old, new = case.replace
            text = target.read_text(encoding="utf-8")
            assert old in text, f"{case.name}: {old!r} is not in {case.path}"
            text = text.replace(old, new, 1)
            target.write_text(text, encoding="utf-8")
            line = str(text[:text.index(new)].count("\n") + 1 + len(new) - len(new.lstrip("\n")))
        else:
            data = case.content
            target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        for rel, content in case.extra.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):  # a file a case needs beside it (an image)
                (root / rel).write_bytes(content)
            else:
                (root / rel).write_text(content, encoding="utf-8")
        pattern = re.escape(case.expected).replace(r"\{line\}", line).replace(r"\{any\}", r"\d+")
        expected[case.name] = re.compile(pattern + ": ")
    result = run_hub(root, "validate")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    missing = [f"{case.name}: {case.expected}" for case in REFUSED
               if not any(expected[case.name].match(line) for line in lines)]
    assert not missing, "not refused where expected:\n" + "\n".join(missing) + "\n--- got:\n" + result.stdout
    assert "could not read this file" not in result.stdout  # the checker's last guard never fired
    build = run_hub(root, "build")
    assert build.returncode == 1 and not (root / "site").exists()
    # The language builds it started while checking were stopped, not left running.
    assert _processes_in(root) == []


def _processes_in(folder: Path) -> list[str]:
    """Processes whose working folder is ``folder`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and Path(os.readlink(entry / "cwd")) == folder.resolve():
                found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except OSError:
            continue
    return found


def test_metadata_added_to_the_search_index_is_escaped(tmp_path):
    """The theme renders an entry's text as HTML; labels from data/ used to go in raw.

    Found by this suite: a taxonomy label with markup ran in the search results
    (the policy blocked it; escaping in engine/search_index.py makes it text).
    """
    from fixture_tree import VALID_PRODUCT, make_root

    from engine import search_index
    from hubcore.loader import load_site
    root = make_root(tmp_path)
    taxonomies = root / "data/taxonomies.yml"
    marker = "\n# Organisations behind the project."
    taxonomies.write_text(taxonomies.read_text(encoding="utf-8").replace(
        marker, TAXONOMY_ENTRY + marker, 1), encoding="utf-8")
    (root / "docs/guides/valid.md").write_text(
        VALID_PRODUCT.replace("topics: [open-data]", f"topics: [{HOSTILE_TOPIC}]"), encoding="utf-8")
    site, problems = load_site(root)
    assert problems == []
    index = {"docs": [{"location": "guides/valid/", "title": "A valid guide", "text": "<p>Body.</p>"}]}
    text = search_index.localise(index, site, "en")["docs"][0]["text"]
    assert text.startswith("<p>Body.</p> ")
    assert "<img" not in text and "<script" not in text and "&lt;img src=x onerror=" in text
