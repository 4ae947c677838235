"""Navigation does not grow with the number of products (built on a synthetic corpus)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from conftest import REPO, copy_repo, run_hub

sys.path.insert(0, str(REPO / "scripts"))
from synthetic_corpus import write_corpus  # noqa: E402


def _navigation(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', html, re.S).group(0)
    return tabs + re.search(r'<nav class="md-nav md-nav--primary[^"]*".*?</nav>\s*</div>', html, re.S).group(0)


def test_navigation_is_the_same_for_10_and_60_products(tmp_path):
    sites = {}
    for count in (10, 60):
        root = copy_repo(tmp_path / str(count))
        write_corpus(root, count, words=150)
        result = run_hub(root, "build")
        assert result.returncode == 0, result.stdout + result.stderr
        sites[count] = root / "site"
    for url in ("", "ru/", "library/", "workshops/synthetic-0002/", "ru/topics/open-data/"):
        assert _navigation(sites[10], url) == _navigation(sites[60], url), url
