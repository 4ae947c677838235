"""Rebuilds reuse unchanged pages, and a rebuild is byte-identical to a build from nothing.

The page cache (engine/page_cache.py) and the read cache (hubcore/read_cache.py)
may only make builds faster: each test edits a repository the way an author
does, rebuilds it with the caches of the previous build, then builds the same
files in a fresh copy with no cache at all and compares every byte.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, copy_repo, run_hub
from fixture_tree import front, make_root
from hubcore.loader import load_site
from engine.page_cache import PageCache, merge_search
from built_site import differences, digests

sys.path.insert(0, str(REPO / "scripts"))
from synthetic_corpus import write_corpus  # noqa: E402


def _stats(root: Path) -> dict[str, dict[str, int]]:
    return {lang: json.loads((root / f".cache/pages/{lang}.stats.json").read_text()) for lang in ("en", "ru")}


def _build(root: Path) -> None:
    result = run_hub(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr


def _same_as_a_fresh_build(root: Path, fresh: Path) -> None:
    """Build a copy of ``root``'s files with no caches and compare the two sites byte for byte."""
    shutil.rmtree(fresh, ignore_errors=True)
    copy_repo(fresh)
    shutil.rmtree(fresh / "docs")
    shutil.copytree(root / "docs", fresh / "docs")
    _build(fresh)
    assert not (fresh / ".cache/pages/en").exists() or _stats(fresh)["en"]["reused"] == 0
    assert differences(digests(fresh / "site"), digests(root / "site")) == []


def test_a_rebuild_renders_only_what_changed_and_equals_a_fresh_build(tmp_path):
    root = copy_repo(tmp_path / "repo")
    write_corpus(root, 12, words=200)
    refreshed = run_hub(root, "translations", "refresh", "docs/guides/synthetic-0001.ru.md")
    assert refreshed.returncode == 0, refreshed.stderr  # an up-to-date translation: no notice yet
    _build(root)
    assert "hub-notice" not in (root / "site/ru/guides/synthetic-0001/index.html").read_text(encoding="utf-8")
    first = _stats(root)
    assert first["en"]["reused"] == 0 and first["en"]["rendered"] > 12

    _build(root)  # nothing changed: every page outside the navigation comes from the cache
    again = _stats(root)
    assert again["en"]["reused"] >= 12 + 10 and again["ru"]["reused"] >= 12 + 10

    # An author edits the text of one original: its two pages change (the Russian one now says
    # its translation is out of date), nothing else does.
    product = root / "docs/guides/synthetic-0001.md"
    product.write_text(product.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    _build(root)
    edited = _stats(root)
    for lang in ("en", "ru"):
        assert edited[lang]["reused"] == again[lang]["reused"] - 1, lang
    ru_page = (root / "site/ru/guides/synthetic-0001/index.html").read_text(encoding="utf-8")
    assert "hub-notice" in ru_page and "перевод может быть неактуален" in ru_page
    _same_as_a_fresh_build(root, tmp_path / "fresh-1")

    # A title shown on other pages (listings, related items), a removed translation (a
    # fallback page) and a new file: the pages that show them change, the others are reused.
    other = root / "docs/case-studies/synthetic-0000.md"
    other.write_text(other.read_text(encoding="utf-8").replace("Synthetic case-study 0000", "Renamed study"),
                     encoding="utf-8")
    (root / "docs/reports/synthetic-0003.ru.md").unlink()
    (root / "docs/reports/files").mkdir(exist_ok=True)
    (root / "docs/reports/files/data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    original = root / "docs/reports/synthetic-0003.md"
    original.write_text(original.read_text(encoding="utf-8") + "\n[The data](files/data.csv)\n", encoding="utf-8")
    _build(root)
    after = _stats(root)
    assert 0 < after["en"]["reused"] < again["en"]["reused"] - 1, after
    assert "Renamed study" in (root / "site/case-studies/index.html").read_text(encoding="utf-8")
    _same_as_a_fresh_build(root, tmp_path / "fresh-2")

    # A page in the navigation is renamed: every page shows the navigation.
    about = root / "docs/about.md"
    about.write_text(about.read_text(encoding="utf-8").replace('title: "About', 'title: "All about', 1),
                     encoding="utf-8")
    _build(root)
    assert _stats(root)["en"]["reused"] == 0
    assert "All about" in (root / "site/guides/synthetic-0001/index.html").read_text(encoding="utf-8")
    _same_as_a_fresh_build(root, tmp_path / "fresh-3")


def test_merge_search_keeps_the_engine_order():
    rendered = [{"location": "a/", "text": "A"}, {"location": "a/#x", "text": "Ax"},
                {"location": "c/", "text": "C"}]
    cached = {"b/": [{"location": "b/", "text": "B"}, {"location": "b/#y", "text": "By"}]}
    merged = merge_search(["a/", "b/", "c/"], rendered, cached)
    assert [d["location"] for d in merged] == ["a/", "a/#x", "b/", "b/#y", "c/"]


def test_a_half_written_page_is_not_used(tmp_path):
    cache = PageCache(tmp_path / "en")
    cache.put("k1", b"<html>one</html>", [{"location": "x/"}])
    assert cache.get("k1").search == [{"location": "x/"}]
    (tmp_path / "en/k1.html").unlink()
    assert cache.get("k1") is None
    cache.put("k2", b"<html>two</html>", [])
    (tmp_path / "en/k2.json").write_text("{not json", encoding="utf-8")
    assert cache.get("k2") is None
    cache.put("k3", b"three", [])
    assert cache.prune(["k3"]) == 3  # k1.json, k2.html and k2.json
    assert sorted(p.name for p in (tmp_path / "en").iterdir()) == ["k3.html", "k3.json"]


def test_reused_readings_give_the_same_site_and_problems(tmp_path):
    """The read cache on a tree with problems; then one file changes and only its problems change."""
    broken = front('title: "X"', 'summary: "S"', "countries: [kz, nowhere]",
                   body="[a link](missing.md)\n\n<script>alert(1)</script>\n")
    root = make_root(tmp_path, {"docs/guides/x.md": broken})
    plain_site, plain = load_site(root)
    assert plain  # the tree really has problems
    for _ in range(2):  # the first run fills the cache, the second reads from it
        site, problems = load_site(root, reuse=True)
        assert problems == plain
        assert {k: [(d.docs_path, d.meta, d.source.body) for d in e.versions.values()]
                for k, e in site.entries.items()} == \
               {k: [(d.docs_path, d.meta, d.source.body) for d in e.versions.values()]
                for k, e in plain_site.entries.items()}
    (root / "docs/guides/x.md").write_text(front('title: "X"', 'summary: "S"', body="Fixed.\n"), encoding="utf-8")
    assert load_site(root, reuse=True)[1] == load_site(root)[1] == []


def test_the_minimal_tree_reads_the_same_with_and_without_the_cache(tmp_path):
    root = make_root(tmp_path)
    assert load_site(root, reuse=True)[1] == load_site(root, reuse=True)[1] == load_site(root)[1] == []


def test_one_process_per_language_and_one_for_both_write_the_same_site(tmp_path):
    """So the preview ('mkdocs serve', both languages in one process) and 'hub.py build' share cached pages."""
    split = copy_repo(tmp_path / "split")
    _build(split)
    combined = copy_repo(tmp_path / "combined")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "out"],
                            cwd=combined, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert differences(digests(split / "site"), digests(combined / "out")) == []
    # The pages the preview would take from the build's cache are the build's own.
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "again"],
                            cwd=split, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert _stats(split)["en"]["reused"] > 10
    assert differences(digests(split / "site"), digests(split / "again")) == []
