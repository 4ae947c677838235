"""The browser editor (/admin/, /ru/admin/): its generated configuration, its page policy, and authors'
tasks done in it in Chromium, offline, against its local-repository mode.

What the browser part covers, precisely: Sveltia CMS's local-repository mode (the
File System Access API) writes into a folder the author picks. Headless Chromium
shows no folder picker, so the test answers ``showDirectoryPicker`` with a folder
of the browser's Origin Private File System filled with a copy of the repository's
``docs/`` (and a ``.git`` entry, which the editor asks for); everything else is the
editor as served by the built site, driven through its interface as an author
would. The files it writes are read back from that folder into a copy of the
repository, checked with ``hub.py validate`` and built. Not covered here: signing in
to GitHub and the pull request the GitHub mode opens (no network); the workflow's
checks of such a pull request are the workflow's own (tests/test_workflows.py).
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import REPO, copy_repo, run_hub, serve_folder
from hubcore import csp, editor_config
from hubcore.field_help import load as load_help
from hubcore.loader import load_site
from hubcore.schema import Field, fields_for
from hubcore.settings import DECLARED_LANGUAGES, DEFAULT_LANGUAGE, LANGUAGES
from screenshots import shoot

SVELTIA = REPO / "node_modules/@sveltia/cms"
LOCAL_FOLDER = "repo"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TEXT_KINDS = {"string", "text"}
# The contributor guide's pictures (docs/files/), each a screenshot these tests take;
# UPDATE_GUIDE_SCREENSHOTS=1 writes them there again (review the pictures, then commit).
GUIDE_PICTURES = ("editor-sign-in-en.png", "editor-sign-in-ru.png", "editor-russian-guide-ru.png",
                  "editor-case-study-en.png")


def for_guide(shot: Path, name: str) -> None:
    assert name in GUIDE_PICTURES
    if os.environ.get("UPDATE_GUIDE_SCREENSHOTS") == "1":
        shutil.copyfile(shot, REPO / "docs/files" / name)


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory) -> dict:
    """The real content built with the editor (node_modules as 'npm ci' installs it)."""
    if not (SVELTIA / "dist/sveltia-cms.js").is_file():
        pytest.fail("node_modules/@sveltia/cms is missing: run 'npm ci' (make test does)")
    root = copy_repo(tmp_path_factory.mktemp("editor"))
    (root / "node_modules").symlink_to(REPO / "node_modules")
    result = run_hub(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return {"root": root, "site": root / "site"}


def _config(site: Path, lang: str) -> dict:
    text = (site / editor_config.config_path(lang)).read_text(encoding="utf-8")
    return yaml.safe_load(text)


# --- the configuration and the declarations -----------------------------------------------

def _declared(kind: str) -> dict[str, Field]:
    found: dict[str, Field] = {}

    def walk(fields: tuple[Field, ...], prefix: str) -> None:
        for spec in fields:
            found[prefix + spec.name] = spec
            if editor_config.edited(spec):  # a hidden field is kept whole, its parts unseen
                walk(spec.fields, f"{prefix}{spec.name}.")
    walk(fields_for(kind), "")
    return found


def _configured(fields: list[dict], prefix: str = "") -> dict[str, dict]:
    found: dict[str, dict] = {}
    for field in fields:
        found[prefix + field["name"]] = field
        found.update(_configured(field.get("fields", []), f"{prefix}{field['name']}."))
    return found


WIDGETS = {"text": TEXT_KINDS, "text-list": {"list"}, "date": {"string"}, "day": {"string"},
           "term": {"select"}, "terms": {"select"}, "boolean": {"boolean"}, "count": {"number"},
           "https-url": {"string"}, "file": {"file"}, "image": {"image"}, "time": {"string"},
           "mapping": {"object"}, "mapping-list": {"list"}}


def test_configuration_and_declarations_agree_both_ways(editor_site):
    """Every declared field of every type is in its collection with its widget, and nothing else is."""
    site, problems = load_site(editor_site["root"])
    assert not problems
    for lang in LANGUAGES:
        config = _config(editor_site["site"], lang)
        collections = {c["name"]: c for c in config["collections"]}
        expected = {t: (t, DEFAULT_LANGUAGE) for t in site.taxonomies.types}
        expected |= {f"{t}-{other}": (t, other) for t in site.taxonomies.types for other in LANGUAGES[1:]}
        assert set(collections) == set(expected)
        for name, collection in collections.items():
            kind, original = expected[name]
            assert collection["folder"] == f"docs/{site.taxonomies.types[kind].folder}"
            declared, configured = _declared(kind), _configured(collection["fields"])
            assert set(configured) - {"body"} == set(declared), name  # both ways
            for path, spec in declared.items():
                field = configured[path]
                if not editor_config.edited(spec):
                    assert field["widget"] == "hidden", path
                    continue
                assert field["widget"] in WIDGETS[spec.kind], path
                assert field["required"] == spec.required or path.split(".")[-1] in _one_of(kind), path
                assert field["hint"] == site.field_help.text(path, lang), path
                if spec.vocabulary:
                    assert [o["value"] for o in field["options"]] == list(site.taxonomies[spec.vocabulary]), path
                    labels = [o["label"] for o in field["options"]]
                    assert all(term.label[lang] in label for term, label
                               in zip(site.taxonomies[spec.vocabulary].values(), labels)), path
                    assert field["multiple"] == (spec.kind == "terms")
                if spec.kind == "date":
                    assert field["pattern"][0] == editor_config.DATE_PATTERN
                if "." not in path and original == DEFAULT_LANGUAGE:  # neutral fields once, on the original
                    assert field["i18n"] is spec.translatable, path
            if original == DEFAULT_LANGUAGE:
                assert collection["i18n"] is True
            else:
                assert collection["i18n"]["locales"] == [original]
                assert collection["filter"] == {"field": "translated_from", "value": None}
            assert collection["media_folder"] == collection["public_folder"] == "files"
        assert config["i18n"]["locales"] == list(LANGUAGES)
        assert config["i18n"]["omit_default_locale_from_file_path"] is True
        assert config["publish_mode"] == "editorial_workflow"


def _one_of(kind: str) -> set[str]:
    return {name for spec in fields_for(kind) for name in spec.one_of}


def test_configuration_is_valid_for_the_editor(editor_site):
    """Sveltia CMS's own JSON Schema of its configuration (shipped in the package) accepts both."""
    schema = json.loads((SVELTIA / "schema/sveltia-cms.json").read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        errors = list(jsonschema.Draft7Validator(schema).iter_errors(_config(editor_site["site"], lang)))
        assert not errors, [e.message for e in errors[:3]]


def test_a_field_declared_tomorrow_gets_a_widget_and_an_unknown_kind_stops():
    """New declarations need no change here; a kind with no widget is an error, not a silent gap."""
    site, _ = load_site(REPO)
    help, _ = load_help(REPO)
    city = Field("city", "text", max_length=100)
    field = editor_config.widget(city, "event.city", site.taxonomies, help, "en")
    assert field["widget"] == "string" and field["required"] is False
    with pytest.raises(editor_config.UnknownKind):
        editor_config.widget(Field("x", "colour"), "x", site.taxonomies, help, "en")


def test_interface_language_follows_the_languages_data():
    assert editor_config.ui_locale("en_US", "en", {"ru", "en-US"}) == "en-US"
    assert editor_config.ui_locale("ru_RU", "ru", {"ru", "en-US"}) == "ru"
    assert editor_config.ui_locale("kk_KZ", "kk", {"ru", "en-US"}) == editor_config.BUILTIN_LOCALE


# --- the pages: policy, and left out of everything readers get ----------------------------

def test_editor_pages_have_their_own_policy_and_no_other_page_changes(editor_site):
    site = editor_site["site"]
    for language in DECLARED_LANGUAGES:
        page = site / ("" if language.code == DEFAULT_LANGUAGE else f"{language.code}/") / "admin/index.html"
        html = page.read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
        assert policy.replace("&#39;", "'") == csp.editor_policy()
        assert '<meta name="robots" content="noindex,nofollow">' in html
        assert csp.inline_scripts(html) == []
    readers = csp.policy(csp.load(REPO)[0], load_site(REPO)[0].settings.get("embed_allowed_hosts") or [])
    for page in ("index.html", "ru/index.html", "contributing/index.html", "404.html"):
        html = (site / page).read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
        assert policy.replace("&#39;", "'") == readers, page  # every other page keeps the site's policy
        assert "admin.js" not in html and "sveltia" not in html, page
    assert (site / "admin/sveltia-cms.js").read_bytes().count(b"cdn.jsdelivr.net") == 0
    assert (site / "admin/locales/ru.json").is_file() and (site / "admin/LICENSE.txt").is_file()


def test_editor_is_left_out_of_search_sitemap_catalogue_and_feeds(editor_site):
    site = editor_site["site"]
    for name in ("sitemap.xml", "ru/sitemap.xml", "catalog.json", "catalog.csv", "catalog.jsonld",
                 "feed.xml", "ru/feed.xml"):
        assert b"admin/" not in (site / name).read_bytes(), name
    for name in ("search/search_index.json", "ru/search/search_index.json"):
        index = json.loads((site / name).read_text(encoding="utf-8"))
        assert index["docs"] and not [d for d in index["docs"] if "admin/" in d["location"].split("#")[0]], name


def test_build_without_the_editor_says_so(built):
    """A copy without node_modules builds the site without /admin/ and says why (make build installs it)."""
    assert not (built["site"] / "admin").exists()
    assert "node_modules/@sveltia/cms is missing" in built["result"].stderr


# --- authors' tasks in Chromium ---------------------------------------------------------------

STUB = """
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle(%r, {create: true});
""" % LOCAL_FOLDER
FILL = """async ([folder, files]) => {
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(folder, {recursive: true}).catch(() => {});
  const repo = await root.getDirectoryHandle(folder, {create: true});
  await repo.getFileHandle('.git', {create: true});
  for (const [path, b64] of Object.entries(files)) {
    const parts = path.split('/'); let dir = repo;
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const writable = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(Uint8Array.from(atob(b64), c => c.charCodeAt(0)));
    await writable.close();
  }
}"""
READ = """async (folder) => {
  const out = {};
  async function walk(dir, prefix) {
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
      else {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        let text = ''; for (const b of bytes) text += String.fromCharCode(b);
        out[prefix + name] = btoa(text);
      }
    }
  }
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(folder), '');
  return out;
}"""
HAS = """async ([folder, path]) => {
  let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder);
  const parts = path.split('/');
  try {
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
    await dir.getFileHandle(parts.at(-1)); return true;
  } catch (error) { return false; }
}"""


class Editor:
    """The editor in one page, its words in the page's interface language (the editor's own locale files)."""

    def __init__(self, page, url: str, lang: str, root: Path) -> None:
        self.page, self.lang, self.root = page, lang, root
        locale = "en-US" if lang == DEFAULT_LANGUAGE else lang
        self.words = json.loads((SVELTIA / "locales" / f"{locale}.json").read_text(encoding="utf-8"))
        self.violations: list[str] = []
        page.on("console", lambda m: self.violations.append(m.text) if m.text.startswith("CSP ") else None)
        page.add_init_script(STUB)
        page.add_init_script("document.addEventListener('securitypolicyviolation', "
                             "e => console.log('CSP ' + e.violatedDirective + ' ' + e.blockedURI))")
        page.goto(url)
        files = {p.relative_to(root).as_posix(): base64.b64encode(p.read_bytes()).decode()
                 for p in sorted((root / "docs").rglob("*")) if p.is_file()}
        page.evaluate(FILL, [LOCAL_FOLDER, files])
        self.before = set(files)

    def word(self, key: str, **values: str) -> str:
        text = self.words
        for part in key.split("."):
            text = text[part]
        for name, value in values.items():
            text = text.replace("{$" + name + "}", value)
        return text

    def open_local(self) -> None:
        self.page.get_by_role("button", name=self.word("work_with_local_repo")).click()

    def collection(self, label: str) -> None:
        self.page.get_by_role("tree", name=self.word("collection_list")).get_by_text(label, exact=True).click()

    def new(self, collection: str) -> None:
        """Work on the repository's copy, and start a new entry in ``collection``."""
        self.open_local()
        self.collection(collection)
        self.page.get_by_role("button", name=self.word("create_new_entry")).click()

    def save(self) -> None:
        self.page.get_by_role("button", name=self.word("save"), exact=True).click()

    def saved(self, title: str) -> None:
        """Wait until the save is done: the editor closes and lists the entry under ``title``."""
        self.page.get_by_role("grid").get_by_text(title, exact=True).wait_for()

    def written(self) -> dict[str, bytes]:
        """Every file of the editor's folder, to copy back into the repository."""
        files = self.page.evaluate(READ, LOCAL_FOLDER)
        return {path: base64.b64decode(data) for path, data in files.items() if path != ".git"}

    def copy_back(self) -> dict[str, bytes]:
        """Write the editor's files into the repository; return the new and changed ones."""
        changed = {}
        for path, data in self.written().items():
            target = self.root / path
            if not target.exists() or target.read_bytes() != data:
                changed[path] = data
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        return changed

    def third_party(self) -> list[str]:
        """Blocked requests other than the editor's optional on-demand modules (see the README)."""
        return [v for v in self.violations if not v.startswith("CSP script-src-elem https://unpkg.com/")]


def front_matter(data: bytes) -> dict:
    text = data.decode("utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n", 2)[1])


def _validate(root: Path) -> subprocess.CompletedProcess:
    return run_hub(root, "validate")


def _refuses(root: Path, path: str, change, expected: str) -> None:
    """``hub.py validate`` refuses ``path`` changed by ``change`` (a hand edit) with ``expected``."""
    target = root / path
    original = target.read_text(encoding="utf-8")
    target.write_text(change(original), encoding="utf-8")
    try:
        result = _validate(root)
        assert result.returncode == 1 and re.search(expected, result.stdout), result.stdout
    finally:
        target.write_text(original, encoding="utf-8")


@pytest.fixture(scope="module")
def editor_repo(editor_site):
    """The repository the tasks write into (a copy), and the editor's address."""
    with serve_folder(editor_site["site"]) as url:
        yield {"root": editor_site["root"], "url": url}


@pytest.fixture
def editor_page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield context.new_page()
    context.close()


def _label(content_type: str, lang: str, original: str = DEFAULT_LANGUAGE) -> str:
    """A collection's name in the editor in ``lang``, from the data (the type's plural, data/ui.yml's words)."""
    site, _ = load_site(REPO)
    plural = site.taxonomies.types[content_type].plural[lang]
    if original == DEFAULT_LANGUAGE:
        return plural
    return editor_config.Words(lang, site.ui[lang]).get(
        "editor_originals_in", plural=plural, language=site.ui[lang]["language_in"][original])


RU_GUIDE = "docs/guides/tsifrovye-uslugi-dlya-grazhdan.ru.md"


def test_russian_only_guide_with_an_attachment(editor_repo, editor_page):
    """In the Russian editor: a guide written only in Russian, with a PDF to download."""
    root = editor_repo["root"]
    editor = Editor(editor_page, editor_repo["url"] + "ru/admin/", "ru", root)
    page = editor.page
    editor.new(_label("guide", "ru", original="ru"))
    page.get_by_role("textbox", name="title").fill("Цифровые услуги для граждан")
    page.get_by_role("textbox", name="summary").fill("Как ведомства переводят услуги в цифровой вид.")
    page.get_by_role("textbox", name="date").fill("2024-05")
    page.get_by_role("combobox", name="countries").click()
    page.get_by_role("option", name="Казахстан (kz)").click()
    page.get_by_role("textbox", name="summary").click()  # closes the list (Escape would close the editor)
    page.get_by_role("button", name=re.compile("attachments")).filter(has_text="add").click()
    page.get_by_role("textbox", name="title").nth(1).fill("Слайды")
    pdf = root.parent / "slides.pdf"
    pdf.write_bytes(PDF)
    page.get_by_role("button", name=editor.word("browse")).click()
    with page.expect_file_chooser() as chooser:
        page.get_by_role("dialog").get_by_role("button", name=editor.word("upload")).click()
    chooser.value.set_files(str(pdf))
    page.get_by_role("dialog").get_by_role("button", name=editor.word("insert")).click()
    for_guide(shoot(page, "editor-russian-guide-ru"), "editor-russian-guide-ru.png")
    editor.save()
    editor.saved("Цифровые услуги для граждан")
    changed = editor.copy_back()
    assert set(changed) == {RU_GUIDE, "docs/guides/files/slides.pdf"}
    assert not (root / RU_GUIDE.replace(".ru.md", ".md")).exists()
    meta = front_matter(changed[RU_GUIDE])
    assert meta["title"] == "Цифровые услуги для граждан"
    assert meta["countries"] == ["kz"] and meta["date"] == "2024-05"
    assert meta["attachments"] == [{"title": "Слайды", "file": "files/slides.pdf"}]
    assert changed["docs/guides/files/slides.pdf"] == PDF
    result = _validate(root)
    assert result.returncode == 0, result.stdout
    _refuses(root, RU_GUIDE, lambda t: t.replace('- "kz"', '- "kx"'),
             rf"{re.escape(RU_GUIDE)}:\d+: countries\[0\]: unknown value 'kx'")
    _refuses(root, RU_GUIDE, lambda t: re.sub(r"summary: .*\n", "", t),
             rf"{re.escape(RU_GUIDE)}:\d+: summary: required field is missing")
    assert editor.third_party() == []


CASE = "docs/case-studies/service-design-in-practice"


def test_english_case_study_and_its_russian_translation(editor_repo, editor_page):
    """Side by side: the English original with every field, the Russian file with its text only."""
    root = editor_repo["root"]
    editor = Editor(editor_page, editor_repo["url"] + "admin/", "en", root)
    page = editor.page
    editor.new(_label("case-study", "en"))
    page.get_by_role("textbox", name="title").fill("Service design in practice")
    editor.save()  # the summary is missing: the editor refuses to save, and says so on the field
    page.get_by_text(editor.word("validation.value_missing")).first.wait_for()
    assert not page.evaluate(HAS, [LOCAL_FOLDER, CASE + ".md"])
    page.get_by_role("textbox", name="summary").fill("How public bodies redesign a service around its users.")
    page.get_by_role("combobox", name="topics").click()
    page.get_by_role("option", name=re.compile(r"\(digital-services\)")).click()
    page.get_by_role("textbox", name="summary").click()
    page.get_by_role("radio", name=re.compile("^Russian")).last.click()
    # The second pane now edits the Russian file beside the English one.
    page.get_by_role("textbox", name="title").nth(1).fill("Проектирование услуг на практике")
    page.get_by_role("textbox", name="summary").nth(1).fill("Как ведомства перестраивают услугу вокруг её получателей.")
    for_guide(shoot(page, "editor-case-study-side-by-side-en"), "editor-case-study-en.png")
    editor.save()
    editor.saved("Service design in practice")
    changed = editor.copy_back()
    assert set(changed) == {CASE + ".md", CASE + ".ru.md"}
    original, translation = front_matter(changed[CASE + ".md"]), front_matter(changed[CASE + ".ru.md"])
    assert original["title"] == "Service design in practice" and original["topics"] == ["digital-services"]
    assert translation["title"] == "Проектирование услуг на практике"
    assert set(translation) <= {"title", "summary", "tags"}  # language-neutral fields stay in the original
    result = _validate(root)
    assert result.returncode == 0, result.stdout
    _refuses(root, CASE + ".md", lambda t: t.replace("topics:", "countries:\n  - \"xx\"\ntopics:"),
             rf"{CASE}\.md:\d+: countries\[0\]: unknown value 'xx'")
    assert editor.third_party() == []


TITLED = "docs/workshops/online-workshop-1"


def test_edit_a_title(editor_repo, editor_page):
    """Only the title changes: every other value of both files is as it was, the translation's record too."""
    root = editor_repo["root"]
    before = {lang: front_matter((root / f"{TITLED}{'' if lang == 'en' else '.ru'}.md").read_bytes())
              for lang in ("en", "ru")}
    editor = Editor(editor_page, editor_repo["url"] + "admin/", "en", root)
    page = editor.page
    editor.open_local()
    editor.collection(_label("workshop", "en"))
    page.get_by_text(before["en"]["title"], exact=True).click()
    title = page.get_by_role("textbox", name="title").first
    title.fill(before["en"]["title"] + " (revised)")
    editor.save()
    editor.saved(before["en"]["title"] + " (revised)")
    editor.copy_back()
    after = {lang: front_matter((root / f"{TITLED}{'' if lang == 'en' else '.ru'}.md").read_bytes())
             for lang in ("en", "ru")}
    assert after["en"] == {**before["en"], "title": before["en"]["title"] + " (revised)"} | \
        {k: v for k, v in after["en"].items() if k in ("full_text", "draft") and k not in before["en"]}
    assert after["ru"] == before["ru"]
    result = _validate(root)
    assert result.returncode == 0, result.stdout
    assert editor.third_party() == []


def test_the_build_shows_what_the_editor_wrote(editor_repo, editor_site, browser):
    """After the three tasks, the site has the new pages, the attachment and the new title."""
    root = editor_repo["root"]
    if not (root / RU_GUIDE).exists() or not (root / (CASE + ".ru.md")).exists():
        pytest.skip("runs after the editor's tasks above")
    site = root.parent / "after-editing"  # the served site stays as it was
    result = run_hub(root, "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    guide = (site / "ru/guides/tsifrovye-uslugi-dlya-grazhdan/index.html").read_text(encoding="utf-8")
    assert "Цифровые услуги для граждан" in guide and "slides.pdf" in guide
    assert (site / "guides/files/slides.pdf").read_bytes() == PDF
    assert "Service design in practice" in (site / "case-studies/service-design-in-practice/index.html").read_text()
    assert "Проектирование услуг на практике" in (
        site / "ru/case-studies/service-design-in-practice/index.html").read_text(encoding="utf-8")
    assert "(revised)" in (site / "workshops/online-workshop-1/index.html").read_text(encoding="utf-8")


def test_the_contributor_guide_shows_these_screenshots():
    """Each picture of the guide is one of the screenshots above; each language's guide shows the sign-in
    page in its own language and both tasks, and every picture is shown."""
    shown = set()
    for lang, name in (("en", "contributing.md"), ("ru", "contributing.ru.md")):
        text = (REPO / "docs" / name).read_text(encoding="utf-8")
        pictures = set(re.findall(r"\(files/(editor-[a-z0-9-]+\.png)\)", text))
        assert {f"editor-sign-in-{lang}.png", "editor-russian-guide-ru.png", "editor-case-study-en.png"} <= pictures
        shown |= pictures
    assert shown == set(GUIDE_PICTURES)
    assert all((REPO / "docs/files" / picture).is_file() for picture in GUIDE_PICTURES)


@pytest.mark.parametrize("width", [1366, 390])
def test_screenshots_of_the_sign_in_page(editor_repo, browser, width):
    """The sign-in page in both languages and both widths, for the contributor guide's reviewers."""
    for lang, path in (("en", "admin/"), ("ru", "ru/admin/")):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.add_init_script(STUB)  # headless Chromium has no folder picker: the editor offers local mode with one
        page.goto(editor_repo["url"] + path)
        words = json.loads((SVELTIA / "locales" / ("en-US.json" if lang == "en" else "ru.json")).read_text())
        page.get_by_role("button", name=words["work_with_local_repo"]).wait_for()
        shot = shoot(page, f"editor-sign-in-{lang}-{width}")
        if width == 1366:
            for_guide(shot, f"editor-sign-in-{lang}.png")
        context.close()


def test_pull_request_checks_run_for_the_editors_pull_requests():
    """The editor saves to a branch (cms/<collection>/<slug>) with the author's own GitHub sign-in and opens
    a pull request from it; the pull-request workflow checks it as any other: no branch, path or author
    filter leaves it out, and the list of changed pages compares with the pull request's base branch."""
    path = REPO / ".github/workflows/pull-request.yml"
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key 'on' as true
    trigger = on["pull_request"] or {}
    assert not set(trigger) & {"branches", "branches-ignore", "paths", "paths-ignore"}
    text = path.read_text(encoding="utf-8")
    assert "github.actor" not in text and "head_ref" not in text
    assert 'hub.py changes --base "origin/$BASE_REF"' in text
    assert "hub.py validate --format github" in text


def test_sign_in_through_the_organisations_relay_or_with_a_token():
    """data/site.yml's editor_auth_url adds GitHub sign-in through that relay; without it, tokens only."""
    site, _ = load_site(REPO)
    words = editor_config.Words("en", site.ui["en"])
    relay = editor_config.Backend("org/hub", "main", "https://auth.example.org")
    with_relay = editor_config.config(site.taxonomies, site.field_help, words, relay, "https://example.org/")
    assert with_relay["backend"]["base_url"] == "https://auth.example.org"
    assert "auth_methods" not in with_relay["backend"] and with_relay["backend"]["repo"] == "org/hub"
    tokens = editor_config.config(site.taxonomies, site.field_help, words, editor_config.Backend("org/hub"),
                                  "https://example.org/")
    assert tokens["backend"]["auth_methods"] == ["token"] and "base_url" not in tokens["backend"]
    assert editor_config.github_repo("https://github.com/org/hub") == "org/hub"
    assert editor_config.github_repo("https://gitlab.com/org/hub") == ""
