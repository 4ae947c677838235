"""Golden output: what each kind of page shows, kept as files and reviewed when it changes.

A small fixed content tree (tests/golden/docs/, with the real data/) is built,
and the content area and structured data of one page of each kind, in both
languages, are compared with tests/golden/expected/. A change to a template or
a view shows up here as a readable diff; when the change is meant, regenerate
the files and review them in the pull request:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import copy_repo, run_hub

HERE = Path(__file__).resolve().parent / "golden"
EXPECTED = HERE / "expected"
# One page of each kind: (name of the golden file, the page's address).
PAGES = [
    ("home-en", ""), ("home-ru", "ru/"),
    ("library-en", "library/"), ("library-ru", "ru/library/"),
    ("results-en", "results/"),
    ("section-en", "reports/"), ("section-generated-ru", "ru/guides/"),
    ("topic-en", "topics/open-data/"), ("country-ru", "ru/countries/ge/"), ("topic-empty-en", "topics/ecosystems/"),
    ("topics-en", "topics/"),
    ("product-report-en", "reports/golden-report/"), ("product-report-ru", "ru/reports/golden-report/"),
    ("product-workshop-en", "workshops/golden-workshop/"), ("product-fallback-ru", "ru/workshops/golden-workshop/"),
    # Workshop materials that give every field of their event, in both languages.
    ("product-event-en", "workshops/golden-event/"), ("product-event-ru", "ru/workshops/golden-event/"),
    ("open-data-en", "open-data/"),
    ("not-found-ru", "ru/404.html"),
]
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">.*?</article>', re.S)
_JSONLD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = copy_repo(tmp_path_factory.mktemp("golden"))
    shutil.rmtree(root / "docs")
    shutil.copytree(HERE / "docs", root / "docs")
    result = run_hub(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def shown(site: Path, url: str) -> str:
    """The parts of a page a kind of page decides: its content area and its structured data."""
    html = (site / url / "index.html" if not url.endswith(".html") else site / url).read_text(encoding="utf-8")
    parts = _ARTICLE.findall(html) + _JSONLD.findall(html)
    assert parts, url
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("name, url", PAGES, ids=[name for name, _ in PAGES])
def test_each_kind_of_page_shows_what_its_golden_file_shows(built, name, url):
    actual = shown(built, url)
    expected = EXPECTED / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(actual, encoding="utf-8")
    assert expected.is_file(), f"no golden file for {name}: run with UPDATE_GOLDEN=1 and review it"
    assert actual == expected.read_text(encoding="utf-8"), (
        f"{url} changed: if the change is meant, regenerate with UPDATE_GOLDEN=1 and review the diff")


def test_every_golden_file_belongs_to_a_page():
    """A golden file whose page was removed from the list is stale, not silently kept."""
    names = {name for name, _ in PAGES}
    assert {p.stem for p in EXPECTED.glob("*.html")} <= names
