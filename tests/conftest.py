"""Shared fixtures: a real build of the site in a temporary copy, served over HTTP.

The build runs the README's command path (``scripts/hub.py build``) on a copy of
the repository, with one extra product whose metadata is hostile, so every test
can check real output without touching the working tree.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest

REPO = Path(__file__).resolve().parent.parent
COPIED = ("docs", "data", "hubcore", "mkdocs_layer", "overrides", "scripts", "mkdocs.yml")

# Metadata that would run script if any template printed it unescaped.
PAYLOAD_TITLE = '<script>window.__xss=1</script>"><img src=x onerror="window.__xss=2">'
PAYLOAD_SUMMARY = "</title><script>window.__xss=3</script>' onmouseover='window.__xss=4"
HOSTILE_EN = f"""---
title: {PAYLOAD_TITLE!r}
summary: {PAYLOAD_SUMMARY!r}
full_text: true
tags: ["<b onclick=window.__xss=5>tag</b>"]
authors: ["<svg onload=window.__xss=6>"]
---

Plain text body.
"""
HOSTILE_RU = f"""---
title: {('Русский ' + PAYLOAD_TITLE)!r}
summary: {PAYLOAD_SUMMARY!r}
---

Обычный текст.
"""


# Products in every translation state, added to the session's build. Their text is
# the product itself (full_text), so they have material of their own, unlike the real
# content today, whose pages only describe products whose materials are to come.
ENGLISH_ONLY = """---
title: "An English-only guide"
summary: "A guide that has no Russian translation yet."
date: "2026-11-26"
countries: [am]
topics: [change-management]
full_text: true
---

Only English text here.
"""
RUSSIAN_ONLY = """---
title: "Руководство только на русском"
summary: "Руководство, у которого пока нет английской версии."
date: "2026-03"
countries: [tj]
topics: [change-management]
full_text: true
---

Только русский текст.
"""
STALE_CHANGE = "\n\nA paragraph added to the original after it was translated.\n"


def copy_repo(target: Path) -> Path:
    """A working copy of everything a build reads."""
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def run_hub(root: Path, *args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    """Run ``scripts/hub.py`` of ``root`` as authors and CI do (``extra_env``: e.g. SITE_URL)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **extra_env}
    env.pop("NO_MKDOCS_2_WARNING", None)  # the CLI itself must keep the banner out
    return subprocess.run([sys.executable, str(root / "scripts" / "hub.py"), *args],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)


def tree_digest(folder: Path) -> dict[str, tuple[str, int]]:
    """Content hash and mtime of every file, to prove nothing was written."""
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict:
    """The real content plus one hostile product, built once for the session."""
    root = copy_repo(tmp_path_factory.mktemp("repo"))
    (root / "docs/reports/hostile.md").write_text(HOSTILE_EN, encoding="utf-8")
    (root / "docs/reports/hostile.ru.md").write_text(HOSTILE_RU, encoding="utf-8")
    (root / "docs/guides/english-only.md").write_text(ENGLISH_ONLY, encoding="utf-8")
    (root / "docs/guides/russian-only.ru.md").write_text(RUSSIAN_ONLY, encoding="utf-8")
    with (root / "docs/workshops/online-workshop-2.md").open("a", encoding="utf-8") as original:
        original.write(STALE_CHANGE)
    before = tree_digest(root / "docs")
    result = run_hub(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return {"root": root, "site": root / "site", "result": result,
            "docs_before": before, "docs_after": tree_digest(root / "docs")}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free local port for the duration; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served(built) -> Iterator[str]:
    """Base URL of the built site on a local HTTP server."""
    with serve_folder(built["site"]) as url:
        yield url


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright; skipped with a reason only outside CI."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (.ci/run installs it)")
        pytest.skip("no Chromium found: install Debian's chromium to run browser tests")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def search(page, text: str) -> list[str]:
    """Open Material's search from the keyboard, type, and return the result links."""
    page.keyboard.press("/")
    page.keyboard.type(text)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
