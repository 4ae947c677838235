"""The live preview authors use (``hub.py serve``, ``make serve``): edits, broken content, stopping.

The preview rebuilds in the same process after every change; a page kept from
the previous build must never hide an edit (see engine/page_cache.py). While
the content has problems, every page answers at once with them, in the
address's language, and the browser comes back to the site by itself after the
next good save. A TERM to make or to hub.py, or Ctrl-C, stops everything.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest
from conftest import REPO, copy_repo

PRODUCT = "docs/workshops/online-workshop-1.md"
EVENT = "event: {kind: workshop, format: online}"
BROKEN_EVENT = "event: {kind: workshop, format: onilne}"
PROBLEM = "docs/workshops/online-workshop-1.md:4: event.format"
assert EVENT in (REPO / PRODUCT).read_text(encoding="utf-8"), "the preview tests break this line"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    """Status and text of ``url``; (0, "") when nothing answers yet."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _wait_for(url: str, text: str, timeout: float = 120, status: int | None = None) -> str:
    """The page at ``url`` once it holds ``text`` (with ``status``); fails with what it held last."""
    deadline, page, code = time.monotonic() + timeout, "", 0
    while time.monotonic() < deadline:
        code, page = _get(url)
        if text in page and (status is None or code == status):
            return page
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r} ({status}); last seen ({code}):\n{page[:2000]}")


def _session(sid: int) -> list[str]:
    """The command lines of the processes still alive in session ``sid`` (zombies are gone already)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == sid and fields[0] != "Z":
                alive.append((stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode())
    return alive


@contextlib.contextmanager
def preview(root: Path, command: list[str] | None = None) -> Iterator[tuple[subprocess.Popen, str]]:
    """The preview of ``root`` in its own session (hub.py serve, or ``command`` with {port}); yields it and its URL.

    Whatever the test did, every process of the session is killed at the end.
    """
    port = _free_port()
    command = [part.format(port=port) for part in command] if command else \
        [sys.executable, "scripts/hub.py", "serve", "--port", str(port)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    try:
        yield process, f"http://127.0.0.1:{port}/"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=30)


def test_the_preview_shows_every_edit(tmp_path):
    root = copy_repo(tmp_path / "repo")
    product = root / PRODUCT
    with preview(root) as (_, base):
        page = _wait_for(base + "workshops/online-workshop-1/", "Online workshop 1")
        assert "hub-notice" not in _wait_for(base + "ru/workshops/online-workshop-1/", "</html>")

        # The text changes: that page shows it; its translation now says it is out of date.
        product.write_text(product.read_text(encoding="utf-8") + "\nA sentence added while previewing.\n",
                           encoding="utf-8")
        _wait_for(base + "workshops/online-workshop-1/", "A sentence added while previewing.")
        _wait_for(base + "ru/workshops/online-workshop-1/", "hub-notice")

        # The title changes: every page that lists the product shows the new one.
        product.write_text(product.read_text(encoding="utf-8").replace(
            'title: "Online workshop 1"', 'title: "First online workshop (renamed)"'), encoding="utf-8")
        _wait_for(base + "library/", "First online workshop (renamed)")
        _wait_for(base + "workshops/", "First online workshop (renamed)")
        assert page.count("<html") == 1


def test_broken_content_shows_its_problems_in_the_browser_until_the_next_good_save(tmp_path, browser):
    root = copy_repo(tmp_path / "repo")
    product = root / PRODUCT
    with preview(root) as (_, base):
        _wait_for(base + "ru/workshops/online-workshop-1/", "Онлайн-семинар-практикум 1")
        tab = browser.new_page()
        csp = []
        tab.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
        tab.goto(base + "ru/workshops/online-workshop-1/")
        assert tab.inner_text("h1") == "Онлайн-семинар-практикум 1"

        product.write_text(product.read_text(encoding="utf-8").replace(EVENT, BROKEN_EVENT), encoding="utf-8")
        # The open tab reloads by itself and shows the problem, located, in the page's language.
        tab.wait_for_function("title => document.querySelector('h1') && document.querySelector('h1').textContent === title",
                              arg="В материалах есть ошибки", timeout=120000)
        assert PROBLEM in tab.inner_text("body") and "1 ошибка" in tab.inner_text("body")
        # Any page answers at once (no request left hanging), in its address's language.
        english = _wait_for(base + "about/", PROBLEM, timeout=15, status=500)
        assert "<h1>The content has problems</h1>" in english

        product.write_text(product.read_text(encoding="utf-8").replace(BROKEN_EVENT, EVENT), encoding="utf-8")
        tab.wait_for_function("title => document.querySelector('h1') && document.querySelector('h1').textContent === title",
                              arg="Онлайн-семинар-практикум 1", timeout=120000)
        assert csp == []  # the reloader is a script the site's policy allows
        tab.close()


def test_the_preview_starts_with_broken_content_and_shows_it(tmp_path):
    root = copy_repo(tmp_path / "repo")
    product = root / PRODUCT
    product.write_text(product.read_text(encoding="utf-8").replace(EVENT, BROKEN_EVENT), encoding="utf-8")
    with preview(root) as (_, base):
        _wait_for(base, PROBLEM, status=500)


@pytest.mark.parametrize("started_by,stopped_by", [
    ("make", "TERM to make"), ("hub.py", "TERM to hub.py"), ("make", "Ctrl-C"),
])
def test_the_preview_stops_cleanly_and_leaves_nothing_running(tmp_path, started_by, stopped_by):
    root = copy_repo(tmp_path / "repo")
    venv = Path(sys.executable).parent.parent
    command = None
    if started_by == "make":  # the repository's Makefile, run in the copy with this interpreter's environment
        command = ["make", "-s", "-f", str(REPO / "Makefile"), "-C", str(root), "serve", "PORT={port}",
                   f"VENV={venv}", "-o", f"{venv}/.site-installed"]
    with preview(root, command) as (process, base):
        _wait_for(base, "</html>")
        port = int(base.rsplit(":", 1)[1].strip("/"))
        if stopped_by == "Ctrl-C":  # the terminal signals every process in the foreground group
            os.killpg(process.pid, signal.SIGINT)
        elif stopped_by == "TERM to make":
            process.send_signal(signal.SIGTERM)
        else:
            hub = next(int(p.split()[0]) for p in subprocess.run(["ps", "-o", "pid=,args=", "-s", str(process.pid)],
                       capture_output=True, text=True).stdout.splitlines() if "hub.py serve" in p)
            os.kill(hub, signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
        assert "Preview stopped." in stderr and "Traceback" not in stderr, stderr
        assert _session(process.pid) == []
        with socket.socket() as probe:  # nobody listens on the port any more (connections may linger in TIME_WAIT)
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(("127.0.0.1", port))
            probe.listen()


def test_a_failed_build_shows_why_until_the_next_good_save(tmp_path):
    """Not a content problem (the check passes) but the build itself fails: a broken template."""
    root = copy_repo(tmp_path / "repo")
    template = root / "overrides/partials/content.html"
    good = template.read_text(encoding="utf-8")
    with preview(root) as (_, base):
        _wait_for(base + "ru/about/", "</html>", status=200)
        template.write_text(good + "{% if %}", encoding="utf-8")
        page = _wait_for(base + "ru/about/", "<h1>Сайт не удалось собрать</h1>", status=500)
        assert "overrides/partials/content.html:" in page, page
        template.write_text(good, encoding="utf-8")
        _wait_for(base + "ru/about/", "</html>", status=200)


def test_the_problem_page_says_everything_in_words_from_the_interface_file():
    """Its English fallback (for when data/ui.yml itself is broken) is the file's English, word for word."""
    import yaml

    from hubcore import problem_page
    from hubcore.problems import Problem

    ui = yaml.safe_load((REPO / "data/ui.yml").read_text(encoding="utf-8"))
    assert {key: ui["en"][key] for key in problem_page.FALLBACK_WORDS} == problem_page.FALLBACK_WORDS
    problems = [Problem("docs/a.ru.md", 3, "title", "<b>not closed"), Problem("docs/b.md", 1, "tags", "x")]
    page = problem_page.render(problems, None, "ru", ui, "<script src=/r.js></script>")
    assert '<html lang="ru">' in page and "<h1>В материалах есть ошибки</h1>" in page and "2 ошибки." in page
    assert "<code>docs/a.ru.md:3: title</code>: &lt;b&gt;not closed" in page
    assert page.index("docs/a.ru.md") < page.index("docs/b.md") and "<script src=/r.js></script>" in page
    assert "<h1>The content has problems</h1>" in problem_page.render(problems, None, "en", None, "")
