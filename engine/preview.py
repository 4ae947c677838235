"""The live preview (``hub.py serve``, ``make serve``): MkDocs' development server, in this process.

What it changes from ``mkdocs serve``:

- While the content has problems (or the build fails), every page answers at
  once with the problems, located by file, line and field, in the language of
  the address where data/ui.yml allows (hubcore/problem_page.py), instead of
  the request hanging until the next good build; after the next good save the
  browser reloads the page by itself. The preview also starts with broken
  content, showing the problems.
- The reloader MkDocs injects into each page is an inline script, which the
  site's Content-Security-Policy refuses; here it is an external script served
  by the preview (same origin), so pages reload on a save.
- Requests are never logged as warnings: with strict mode, a browser's request
  for a missing file during a rebuild failed that rebuild.
- One process: SIGTERM, SIGINT (Ctrl-C) and SIGHUP stop the server, remove its
  temporary folder and exit with status 0, with no traceback; nothing is left
  running and the port is free.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer, _Handler, _serve_url

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hubcore import problem_page  # noqa: E402
from hubcore.loader import load_site  # noqa: E402
from hubcore.problems import Problem  # noqa: E402
from hubcore.settings import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402
from engine.plugin import BUILD  # noqa: E402

log = logging.getLogger("mkdocs.hub.preview")
RELOADER_PATH = "__hub_preview__/livereload.js"
# MkDocs' live-reload poller (mkdocs/livereload/__init__.py), reading its two numbers from the
# script element instead of having them written into an inline script.
RELOADER = """(function () {
  "use strict";
  var script = document.currentScript;
  var epoch = Number(script.getAttribute("data-epoch")), requestId = script.getAttribute("data-request");
  var request, timeout;
  function poll() {
    request = new XMLHttpRequest();
    request.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) window.location.reload();
      else timeout = setTimeout(poll, this.status === 200 ? 0 : 3000);
    };
    request.open("GET", "/livereload/" + epoch + "/" + requestId);
    request.send();
  }
  function stop() {
    if (request) request.abort();
    if (timeout) clearTimeout(timeout);
    request = timeout = undefined;
  }
  window.addEventListener("load", function () { if (document.visibilityState === "visible") poll(); });
  window.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll(); else stop();
  });
  window.addEventListener("beforeunload", stop);
})();
"""
# What authors edit. Code (hubcore/, engine/) is imported once: a change to it needs a restart.
WATCHED = ("docs", "data", "mkdocs.yml", "overrides")


class State:
    """What the last build attempt left: nothing wrong, the content's problems, or a failure message."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.failure: str | None = None
        self.ui: dict[str, Any] | None = None  # the last interface words that could be read

    @property
    def broken(self) -> bool:
        return bool(self.problems) or self.failure is not None


class _RequestLog(_Handler):
    """Logs requests at INFO at most, never as warnings.

    MkDocs' strict mode fails a build on any warning logged while it runs, and
    MkDocs logs every answer but 200 as one: a browser asking for a missing file
    (or shown the problems) during a rebuild would fail that rebuild.
    """

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        log.log(logging.DEBUG if str(code) == "200" else logging.INFO, '"%s" code %s', self.requestline, code)


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that answers pages with the problems while the site cannot be built."""

    def __init__(self, state: State, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.RequestHandlerClass = _RequestLog
        self.state = state

    def reloader(self, epoch: int) -> str:
        src = html.escape(self.mount_path + RELOADER_PATH)
        return f'<script src="{src}" data-epoch="{epoch}" data-request="{time.monotonic_ns()}"></script>'

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        at = content.rfind(b"</body>")
        at = len(content) if at == -1 else at
        return content[:at] + self.reloader(epoch).encode() + content[at:]

    def _serve_request(self, environ: dict, start_response: Callable) -> Iterable[bytes] | None:
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path == self.mount_path + RELOADER_PATH:
            body = RELOADER.encode()
            start_response("200 OK", [("Content-Type", "text/javascript; charset=utf-8"),
                                      ("Content-Length", str(len(body)))])
            return [body]
        state = self.state
        if state.broken and path.startswith(self.mount_path) and (path.endswith("/") or path.endswith(".html")):
            with self._epoch_cond:
                epoch = self._visible_epoch
            relative = path[len(self.mount_path):]
            lang = next((l for l in LANGUAGES if l != DEFAULT_LANGUAGE and relative.startswith(f"{l}/")),
                        DEFAULT_LANGUAGE)
            body = problem_page.render(state.problems, state.failure, lang, state.ui, self.reloader(epoch)).encode()
            start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                         ("Content-Length", str(len(body)))])
            return [body]
        return super()._serve_request(environ, start_response)


class _Warnings(logging.Handler):
    """Keeps the build's warnings and errors: with strict mode, they are why it failed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _stop(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # the same orderly way out as Ctrl-C, wherever the main thread is


def _set_up_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _builder(root: Path, state: State, get_config: Callable, serve_url: str) -> Callable[..., None]:
    """Check the content, then build; a problem or a failure is kept for the pages to show, never raised."""
    def builder(config=None) -> None:
        site, problems = load_site(root, reuse=True)
        state.ui = site.ui or state.ui
        if problems:
            state.problems, state.failure = problems, None
            log.error("The content has problems; the preview shows them until they are fixed:\n"
                      + "\n".join(str(p) for p in problems))
            return
        BUILD.give(site)  # the build takes the checked content instead of reading it again
        warnings = _Warnings()
        logging.getLogger("mkdocs").addHandler(warnings)
        try:
            build(config or get_config(), serve_url=serve_url)
        except Exception as error:  # the build's own message; the terminal has the rest
            state.problems, state.failure = [], "\n".join([*warnings.messages, _located(error, root)]).strip()
            log.error("The build failed; the preview shows why until the next good save.")
            return
        finally:
            logging.getLogger("mkdocs").removeHandler(warnings)
        state.problems, state.failure = [], None
    return builder


def _located(error: Exception, root: Path) -> str:
    """The error's message, after its file and line when it names them (a template's syntax error does)."""
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if not filename:
        return f"{type(error).__name__}: {error}"
    path = Path(filename)
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else filename
    return f"{shown}:{line or 1}: {type(error).__name__}: {error}"


def serve(port: int, root: Path = ROOT) -> int:
    """Run the preview at http://127.0.0.1:PORT/ until a signal stops it; 0 when stopped."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop)
    _set_up_logging()
    site_dir = tempfile.mkdtemp(prefix="hub-preview-")
    serve_url = _serve_url("127.0.0.1", port, "/")
    state, config, server = State(), None, None

    def get_config():
        loaded = load_config(config_file=str(root / "mkdocs.yml"), site_dir=site_dir, dev_addr=f"127.0.0.1:{port}")
        loaded.site_url = serve_url
        return loaded

    try:
        config = get_config()
        config.plugins.on_startup(command="serve", dirty=False)
        builder = _builder(root, state, get_config, serve_url)
        server = PreviewServer(state, builder=builder, host="127.0.0.1", port=port, root=site_dir,
                               mount_path=urlsplit(serve_url).path)
        server.error_handler = lambda code: _error_page(site_dir, code)
        builder(config)
        for name in WATCHED:
            server.watch(str(root / name))
        server = config.plugins.on_serve(server, config=config, builder=builder)
        print(f"Preview at {serve_url}: it rebuilds after every save. "
              f"Stop it with Ctrl-C, or: kill {os.getpid()}", file=sys.stderr, flush=True)
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the clean-up
        if server is not None:
            server.shutdown()
        if config is not None:
            config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    print("Preview stopped.", file=sys.stderr, flush=True)
    return 0


def _error_page(site_dir: str, code: int) -> bytes | None:
    """The built site's own 404 page for a missing address, as 'mkdocs serve' answers."""
    page = Path(site_dir) / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
