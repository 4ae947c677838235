"""The live preview authors use (``hub.py serve``) shows each edit, with the page cache in its loop.

``mkdocs serve`` rebuilds in the same process after every change; a page kept
from the previous build must never hide an edit (see hubcore/page_cache.py).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import copy_repo

PRODUCT = "docs/workshops/online-workshop-1.md"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, text: str, timeout: float = 120) -> str:
    """The page at ``url`` once it holds ``text``; fails with what it held last."""
    deadline, page = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                page = response.read().decode("utf-8")
            if text in page:
                return page
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}; last seen:\n{page[:2000]}")


def test_the_preview_shows_every_edit(tmp_path):
    root = copy_repo(tmp_path / "repo")
    port = _free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    # Its own process group: hub.py runs 'mkdocs serve' as a child, and both must stop.
    server = subprocess.Popen([sys.executable, "scripts/hub.py", "serve", "--port", str(port)], cwd=root, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    product = Path(root / PRODUCT)
    try:
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
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
