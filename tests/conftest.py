"""Shared fixtures: a real build of the site in a temporary copy, served over HTTP.

The build runs the README's command path (``scripts/hub.py build``) on a copy of
the repository, with one extra product whose metadata is hostile, so every test
can check real output without touching the working tree.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import http.server
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest

from hubcore.settings import BUILD_SOURCES

# Tests that stop a preview or a watcher with Ctrl-C need SIGINT delivered, as a terminal
# delivers it. A run started in the background of a non-interactive shell (a script's
# 'make test &') inherits SIGINT ignored, and so would every process the tests start: those
# would then never stop. Take Python's own handler back; the processes started then get the
# default disposition, as from a terminal.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

REPO = Path(__file__).resolve().parent.parent
COPIED = BUILD_SOURCES

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
countries: [am]
topics: [change-management]
full_text: true
---

Только русский текст.
"""
STALE_CHANGE = "\n\nA paragraph added to the original after it was translated.\n"
# Workshop materials whose file gives the event's day and place (the only kind marked up as an event).
EVENT_WITH_DAY_AND_PLACE = """---
title: "Seminar on service design in Baku"
summary: "Materials of a one-day seminar for civil servants."
date: "2024-10-15"
countries: [az]
topics: [digital-services]
event: {kind: seminar, format: offline, location: "Baku"}
---

Slides and notes of the seminar.
"""
EVENT_WITH_DAY_AND_PLACE_RU = """---
title: "Семинар в Баку"
summary: "Материалы однодневного семинара для госслужащих."
---

Слайды и заметки семинара.
"""
# A product whose titles mix the two languages (search must handle each word in its own language).
MIXED_EN = """---
title: "GovTech platforms: lessons from «Электронное правительство»"
summary: "What the region's e-government platforms have in common."
date: "2025-06"
countries: [az]
topics: [digital-services]
---

Platforms that deliver public services online.
"""
MIXED_RU = """---
title: "Платформы GovTech: уроки e-Government"
summary: "Что общего у платформ электронного правительства в регионе."
---

Платформы, через которые граждане обращаются в ведомства онлайн.
"""


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
    (root / "docs/guides/govtech-platforms.md").write_text(MIXED_EN, encoding="utf-8")
    (root / "docs/workshops/seminar-baku.md").write_text(EVENT_WITH_DAY_AND_PLACE, encoding="utf-8")
    (root / "docs/workshops/seminar-baku.ru.md").write_text(EVENT_WITH_DAY_AND_PLACE_RU, encoding="utf-8")
    (root / "docs/guides/govtech-platforms.ru.md").write_text(MIXED_RU, encoding="utf-8")
    with (root / "docs/workshops/online-workshop-2.md").open("a", encoding="utf-8") as original:
        original.write(STALE_CHANGE)
    before = tree_digest(root / "docs")
    result = run_hub(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return {"root": root, "site": root / "site", "result": result,
            "docs_before": before, "docs_after": tree_digest(root / "docs")}


@dataclasses.dataclass
class Gate:
    """Holds the answer to every request whose path matches ``pattern`` until the test opens it.

    A slow network on cue: the test knows when the browser asked (``requested``)
    and decides when the answer arrives (``opened``), with no timing to guess.
    """
    pattern: str
    requested: threading.Event = dataclasses.field(default_factory=threading.Event)
    opened: threading.Event = dataclasses.field(default_factory=threading.Event)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as GitHub Pages does: a missing file gets the site's /404.html, status 404."""

    gate: Gate | None = None

    def log_message(self, *args) -> None:  # keep test output readable
        pass

    def do_GET(self) -> None:
        if self.gate is not None and re.search(self.gate.pattern, self.path):
            self.gate.requested.set()
            self.gate.opened.wait(120)
        super().do_GET()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve_folder(folder: Path, gate: Gate | None = None) -> Iterator[str]:
    """Serve ``folder`` on a free local port for the duration; yields the base URL.

    With ``gate``, answers to the requests it names wait until the test opens it.
    """
    handler = functools.partial(type("Handler", (_QuietHandler,), {"gate": gate}), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        if gate is not None:
            gate.opened.set()  # a request still held would keep server_close() waiting
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served(built) -> Iterator[str]:
    """Base URL of the built site on a local HTTP server."""
    with serve_folder(built["site"]) as url:
        yield url


def require_weasyprint() -> None:
    """WeasyPrint with Debian's Pango, for the tests that print PDFs: skipped with a reason, except in CI."""
    try:
        import weasyprint  # noqa: F401  (loads Debian's Pango)
    except OSError as error:
        if os.environ.get("CI"):
            pytest.fail(f"WeasyPrint needs Debian's Pango in CI (.ci/pdf-deps installs it): {error}")
        pytest.skip(f"no Pango for WeasyPrint: run 'bash .ci/pdf-deps' to test PDFs ({error})")


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
