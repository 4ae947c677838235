"""Authors' workflow: scaffold, translation start, edit links, last-updated dates, reviews, changed pages."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from conftest import ENGLISH_ONLY, copy_repo, run_hub
from built_site import page

from hubcore.loader import load_site
from hubcore.scaffold import slugify

TYPES = ("case-study", "guide", "workshop", "report")
FOLDERS = {"case-study": "case-studies", "guide": "guides", "workshop": "workshops", "report": "reports"}


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return copy_repo(tmp_path_factory.mktemp("authoring"))


@pytest.mark.parametrize("lang,title,slug", [("en", "Open data in public services", "open-data-in-public-services"),
                                             ("ru", "Цифровизация государственных услуг", "tsifrovizatsiia-gosudarstvennykh-uslug")])
def test_scaffold_every_type_in_both_languages_validates(repo, lang, title, slug):
    suffix = "" if lang == "en" else ".ru"
    for type_id in TYPES:
        result = run_hub(repo, "new", type_id, title, "--lang", lang)
        assert result.returncode == 0, result.stderr
        path = f"docs/{FOLDERS[type_id]}/{slug}{suffix}.md"
        assert result.stdout.strip() == f"created {path}"
        text = (repo / path).read_text(encoding="utf-8")
        assert "# countries:" in text and ("# event:" in text) == (type_id == "workshop")
        assert "\ndraft: true\n" in text  # unfinished: not published until the author removes it
    validated = run_hub(repo, "validate")
    assert validated.returncode == 0, validated.stdout
    site, _ = load_site(repo)
    assert site.entries[f"guides/{slug}"].original.lang == lang


def test_a_scaffolded_file_cannot_be_published_unfilled(tmp_path):
    repo = copy_repo(tmp_path)
    assert run_hub(repo, "new", "report", "Unfinished report").returncode == 0
    path = repo / "docs/reports/unfinished-report.md"
    site, problems = load_site(repo)
    assert problems == [] and "reports/unfinished-report" not in {e.key for e in site.products()}
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ndraft: true\n", "\n"), encoding="utf-8")  # published as it is
    lines = path.read_text(encoding="utf-8").splitlines()
    refused = run_hub(repo, "validate")
    assert refused.returncode == 1
    summary = next(i for i, l in enumerate(lines, 1) if l.startswith("summary:"))
    body = next(i for i, l in enumerate(lines, 1) if l.startswith("Write the text here."))
    assert refused.stdout.splitlines() == [
        f"docs/reports/unfinished-report.md:{summary}: summary: replace this text: it is the example written by 'hub.py new'",
        f"docs/reports/unfinished-report.md:{body}: body: replace this text: it is the example written by 'hub.py new'"]


def test_scaffold_never_overwrites(repo):
    run_hub(repo, "new", "report", "Unique report title")
    path = repo / "docs/reports/unique-report-title.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nAuthor's own words.\n", encoding="utf-8")
    before = path.read_bytes()
    again = run_hub(repo, "new", "report", "Unique report title")
    assert again.returncode == 1 and "already exists" in again.stderr
    other_language = run_hub(repo, "new", "report", "Unique report title", "--lang", "ru")
    assert other_language.returncode == 1 and "--translate" in other_language.stderr
    assert path.read_bytes() == before
    assert not (repo / "docs/reports/unique-report-title.ru.md").exists()


def test_slugs_are_readable_latin():
    assert slugify("Открытые данные: политика и практика") == "otkrytye-dannye-politika-i-praktika"
    assert slugify("Study visit to Korea (2022)") == "study-visit-to-korea-2022"
    assert slugify("!!!") == "untitled"
    assert len(slugify("слово " * 40)) <= 60


def test_starting_a_translation(repo):
    (repo / "docs/guides/english-only.md").write_text(ENGLISH_ONLY, encoding="utf-8")
    result = run_hub(repo, "new", "--translate", "docs/guides/english-only.md")
    assert result.stdout.strip() == "created docs/guides/english-only.ru.md"
    text = (repo / "docs/guides/english-only.ru.md").read_text(encoding="utf-8")
    assert 'title: "An English-only guide"' in text and "countries" not in text.split("---")[1].replace(
        "# Language-neutral fields (date, countries", "")
    assert run_hub(repo, "validate").returncode == 0
    status = run_hub(repo, "translations").stdout
    assert re.search(r"guides/english-only +en: original +ru: stale \(no recorded version\)", status)
    run_hub(repo, "translations", "refresh", "docs/guides/english-only.ru.md")
    assert re.search(r"guides/english-only +en: original +ru: translated", run_hub(repo, "translations").stdout)
    assert run_hub(repo, "new", "--translate", "docs/guides/english-only.md").returncode == 1


def git(root, *args, date="2024-03-05T10:00:00+00:00"):
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(root), *args], env=env, capture_output=True, text=True, check=True)


@pytest.fixture(scope="module")
def history_site(tmp_path_factory):
    """A copy under Git: everything committed on 5 March 2024, one translation again on 26 November 2026."""
    root = copy_repo(tmp_path_factory.mktemp("history"))
    (root / "docs/guides/english-only.md").write_text(ENGLISH_ONLY, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    ru = root / "docs/workshops/online-workshop-1.ru.md"
    ru.write_text(ru.read_text(encoding="utf-8") + "\nЕщё один абзац.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "edit", date="2026-11-26T09:00:00+00:00")
    env_build = subprocess.run(
        [os.sys.executable, str(root / "scripts/hub.py"), "build"], cwd=root, capture_output=True, text=True,
        env={**os.environ, "REPO_URL": "https://github.com/example/hub", "SOURCE_DATE_EPOCH": "1800000000"})
    assert env_build.returncode == 0, env_build.stdout + env_build.stderr
    return root


def sources(html: str) -> str:
    return re.search(r'<footer class="hub-sources">.*?</footer>', html, re.S).group(0)


def test_last_updated_comes_from_git_in_each_language(history_site):
    site = history_site / "site"
    assert '<time datetime="2026-11-26">26 ноября 2026</time>' in sources(page(site, "ru/workshops/online-workshop-1"))
    assert '<time datetime="2024-03-05">5 March 2024</time>' in sources(page(site, "workshops/online-workshop-1"))
    assert '<time datetime="2024-03-05">5 марта 2024</time>' in sources(page(site, "ru/about"))


def test_edit_links_point_at_the_file_the_reader_sees(history_site):
    site = history_site / "site"
    edit = "https://github.com/example/hub/edit/main/docs/"
    assert f'href="{edit}workshops/online-workshop-1.md"' in sources(page(site, "workshops/online-workshop-1"))
    assert f'href="{edit}workshops/online-workshop-1.ru.md"' in sources(page(site, "ru/workshops/online-workshop-1"))
    assert f'href="{edit}guides/english-only.md"' in sources(page(site, "ru/guides/english-only"))  # fallback
    report = re.search(r'href="([^"]+)"[^>]*>Сообщить об ошибке', page(site, "ru/workshops/online-workshop-1")).group(1)
    assert "issues/new?template=correction.yml" in report and "file=docs%2Fworkshops%2Fonline-workshop-1.ru.md" in report
    # Generated pages have no source file: no edit link.
    assert "hub-sources" not in page(site, "topics/open-data") and "hub-sources" not in page(site, "ru/countries/kz")


def test_review_deadlines_on_the_command_and_the_status_page(repo):
    product = repo / "docs/reports/needs-assessment-survey-results.md"
    product.write_text(product.read_text(encoding="utf-8").replace(
        "topics: [needs-assessment]", 'topics: [needs-assessment]\nreview_by: "2025-01-31"'), encoding="utf-8")
    listed = run_hub(repo, "review", "--on", "2026-11-26")
    assert "docs/reports/needs-assessment-survey-results.md: review_by 2025-01-31 (664 days ago)" in listed.stdout
    assert run_hub(repo, "review", "--on", "2025-01-31").stdout == ""
    assert run_hub(repo, "build").returncode == 0  # SOURCE_DATE_EPOCH in run_hub: 14 November 2023
    assert "No item is past its review date." in page(repo / "site", "translations")
    later = subprocess.run([os.sys.executable, str(repo / "scripts/hub.py"), "build"], cwd=repo,
                           capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1800000000"})
    assert later.returncode == 0
    status = page(repo / "site", "ru/translations")
    assert re.search(r'<li><a href="../reports/needs-assessment-survey-results/">.*?</a> — срок проверки — '
                     r"31 января 2025 \(<code>docs/reports/needs-assessment-survey-results.md</code>\)</li>", status)


def test_changed_pages_per_language(history_site):
    root = history_site
    git(root, "checkout", "-q", "-b", "change")
    (root / "docs/guides/new-guide.md").write_text(
        '---\ntitle: "New"\nsummary: "A new guide."\n---\n\nText.\n', encoding="utf-8")
    ru = root / "docs/about.ru.md"
    ru.write_text(ru.read_text(encoding="utf-8") + "\nДополнение.\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "change")
    summary = run_hub(root, "changes", "--base", "main").stdout
    assert "- added: [/guides/new-guide/](/guides/new-guide/) (`docs/guides/new-guide.md`)" in summary
    assert "- added: [/ru/guides/new-guide/](/ru/guides/new-guide/)" in summary
    assert "- altered: [/ru/about/](/ru/about/) (`docs/about.ru.md`)" in summary
    assert "[/about/](/about/)" not in summary  # a translation alone does not alter the English page


def test_schemas_are_published_with_the_site(built):
    import json
    schema = json.loads((built["site"] / "schemas/workshop.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == "http://127.0.0.1:8000/schemas/workshop.schema.json"
    assert "event" in schema["properties"]
    import jsonschema
    check = jsonschema.validators.validator_for(schema)(schema)
    assert check.is_valid({"title": "T", "summary": "S"})
    assert not check.is_valid({"title": "T", "summary": "S", "titel": "x"})  # no other field
