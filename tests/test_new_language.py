"""A third language, added from data and templates only: no Python changes.

The README's "How to add a language" is followed literally in a copy of the
repository (Kazakh, ``kk``), and the build must give it everything the two
existing languages have: pages under /kk/, the language switch, hreflang, its
own search index, fallback notices, the open data's columns.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from built_site import page
from conftest import copy_repo, run_hub
from hubcore.settings import LANGUAGES

NEW = "kk"
IN_MENU = "Қазақша"
MATERIAL_EN = Path(__import__("material").__file__).parent / "templates/partials/languages/en.html"


def _with_new_language(value: Any) -> Any:
    """Every text given per language also in the new one (here: a copy of the English text)."""
    if isinstance(value, dict):
        value = {key: _with_new_language(item) for key, item in value.items()}
        if set(LANGUAGES) <= set(value) and all(isinstance(value[lang], str) for lang in LANGUAGES):
            value[NEW] = value[LANGUAGES[0]]
        return value
    if isinstance(value, list):
        return [_with_new_language(item) for item in value]
    return value


def _dump(path: Path, value: Any) -> None:
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def add_language(root: Path, tell_the_engine: bool = True) -> None:
    """What the README's "How to add a language" says, step by step."""
    # 1. Declare it.
    with (root / "data/languages.yml").open("a", encoding="utf-8") as declared:
        declared.write(f"- {{code: {NEW}, og_locale: kk_KZ, search: ru}}\n")
    # 2. The site's own words in it (data/ui.yml), and its name in every language.
    ui = yaml.safe_load((root / "data/ui.yml").read_text(encoding="utf-8"))
    ui[NEW] = copy.deepcopy(ui[LANGUAGES[0]])
    ui[NEW]["language_in_menu"] = IN_MENU
    for words in ui.values():
        words["language_names"][NEW] = "Kazakh"
    _dump(root / "data/ui.yml", ui)
    # 3. Every label and text the other data files give per language.
    for name in sorted(p.name for p in (root / "data").glob("*.yml")):
        if name in ("ui.yml", "languages.yml", "csp.yml"):
            continue
        path = root / "data" / name
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
        if value is not None:
            _dump(path, _with_new_language(value))
    # 4. Tell the site engine: mkdocs.yml's i18n languages, and the theme's words for it.
    if not tell_the_engine:
        return
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    entry = (f"        - locale: {NEW}\n          name: {IN_MENU}\n          build: true\n"
             "          site_name: Digital Governance Knowledge Hub\n")
    config, added = re.subn(r"(\n      languages:\n(?:        .*\n|          .*\n)+)", lambda m: m.group(1) + entry, config)
    assert added == 1
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    partial = root / f"overrides/partials/languages/{NEW}.html"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text(MATERIAL_EN.read_text(encoding="utf-8").replace('"language": "en"', f'"language": "{NEW}"'),
                       encoding="utf-8")


def _python_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.py") if "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, Any]:
    root = copy_repo(tmp_path_factory.mktemp("kk"))
    code_before = _python_files(root)
    add_language(root)
    # A page written in the new language: a translation of the about page.
    about = root / "docs/about.md"
    (root / f"docs/about.{NEW}.md").write_text(
        '---\ntitle: "Жоба туралы"\nsummary: "Жоба туралы қысқаша."\n---\n\nЖоба туралы мәтін.\n', encoding="utf-8")
    refreshed = run_hub(root, "translations", "refresh", f"docs/about.{NEW}.md")
    assert refreshed.returncode == 0, refreshed.stdout + refreshed.stderr
    result = run_hub(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _python_files(root) == code_before, "adding a language changed Python code"
    assert about.is_file()
    return {"root": root, "site": root / "site", "result": result}


def test_pages_in_the_new_language_with_its_switch_and_hreflang(site):
    home = page(site["site"], f"{NEW}")
    assert f'<html lang="{NEW}"' in home
    assert IN_MENU in home and "English" in home and "Русский" in home
    about = page(site["site"], f"{NEW}/about")
    assert "Жоба туралы" in about and "hub-notice" not in about
    assert f'hreflang="{NEW}"' in about and f'href="http://127.0.0.1:8000/{NEW}/about/"' in about
    assert "Built" in site["result"].stderr and "Kazakh" in site["result"].stderr


def test_a_page_not_written_in_the_new_language_is_a_fallback_with_a_notice(site):
    fallback = page(site["site"], f"{NEW}/workshops/online-workshop-1")
    assert "hub-notice" in fallback
    assert '<link rel="canonical" href="http://127.0.0.1:8000/workshops/online-workshop-1/">' in fallback


def test_the_new_language_has_its_own_search_index_and_open_data_columns(site):
    index = json.loads((site["site"] / NEW / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"][0] == "ru"  # the stemmer data/languages.yml names for it
    assert any(doc["location"] == "about/" for doc in index["docs"])
    assert all("workshops/online-workshop-1" not in doc["location"] for doc in index["docs"])  # fallbacks out
    header = (site["site"] / "catalog.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert f"title_{NEW}" in header
    assert f'hreflang="{NEW}"' in (site["site"] / "sitemap.xml").read_text(encoding="utf-8")


def test_the_engine_refuses_a_language_mkdocs_yml_does_not_list(tmp_path):
    """Declared once, in data: the build stops when mkdocs.yml lists other languages."""
    root = copy_repo(tmp_path)
    add_language(root, tell_the_engine=False)
    assert run_hub(root, "validate").returncode == 0  # the content is fine: only mkdocs.yml lags
    result = run_hub(root, "build")
    assert result.returncode == 1
    assert "differ from data/languages.yml" in result.stdout + result.stderr


def test_material_has_no_partial_for_the_new_language():
    """Why the test adds a template: without it the theme cannot print its own words in Kazakh."""
    assert not (MATERIAL_EN.parent / f"{NEW}.html").exists()
