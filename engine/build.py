"""The one way the whole site is built: check once, then one MkDocs process per language.

1. One MkDocs process per language starts at once (they wait for step 4, so
   that their start-up overlaps the check);
2. the content is checked (the caller's ``check`` prints every problem); on any,
   the processes are stopped and nothing is built;
3. with PDFs asked for, every product's PDF is printed (pdf.py, cached by content),
   before any page, since pages link their PDF with its size;
4. the content is staged (stage.py) and handed over (handoff.py);
5. each process builds its language (plugin.py); the other languages' folders are
   moved into the site folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

from hubcore.model import Site
from hubcore.problems import Problem
from hubcore.settings import DEFAULT_LANGUAGE, LANGUAGES, cache_folder

from . import mkdocs_config, pdf, protocol, stage
from .handoff import Handoff, hand_over

Check = Callable[[], tuple[Site, list[Problem]]]


def mkdocs_environment(**extra: str) -> dict[str, str]:
    """The environment MkDocs runs in: Material's banner about MkDocs 2 silenced."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def build(root: Path, target: Path, check: Check, with_pdf: bool = False) -> tuple[Site | None, int | None]:
    """Build the site into ``target``; returns the checked site (None if nothing was built) and
    the number of PDFs made (None when none were asked for)."""
    work = cache_folder(root, "builds")
    handoff_path = work / f"site-{os.getpid()}.pickle"
    outputs = {lang: (target if lang == DEFAULT_LANGUAGE else work / f"{os.getpid()}-{lang}") for lang in LANGUAGES}
    processes = [_spawn(root, lang, outputs[lang], handoff_path) for lang in LANGUAGES]
    printed: int | None = None
    try:
        site, problems = check()
        if problems:
            print("Nothing was built: fix the problems above.", file=sys.stderr)
            return None, None
        pdfs = {}
        if with_pdf:
            pdfs = _print_pdfs(root, site)
            printed = sum(len(files) for files in pdfs.values())
        stage.sync(site, root)  # before the processes read it
        hand_over(Handoff(site, pdfs), handoff_path)
        if any([process.wait() != 0 for process in processes]):  # wait for every one, even after a failure
            print("The build failed: see the messages above.", file=sys.stderr)
            return None, None
    finally:
        for process in processes:  # still running only when the content had problems (or on an error)
            if process.poll() is None:
                process.terminate()
                process.wait()
        handoff_path.unlink(missing_ok=True)
    for lang, folder in outputs.items():  # each other language's pages live under /<lang>/
        if lang != DEFAULT_LANGUAGE:
            _merge(folder / lang, target / lang)
            shutil.rmtree(folder, ignore_errors=True)
    return site, printed


def _print_pdfs(root: Path, site: Site) -> dict[str, dict[str, pdf.PdfFile]]:
    """Every language's PDFs, with the site's name in that language on their covers."""
    config = mkdocs_config.load(root)
    texts, url = mkdocs_config.site_texts(config), config["site_url"] or "/"
    pdfs = {lang: pdf.render_language(site, root, lang, texts[lang]["name"], url)[0] for lang in LANGUAGES}
    pdf.prune(root, [f for files in pdfs.values() for f in files.values()])
    return pdfs


def _spawn(root: Path, lang: str, site_dir: Path, handoff: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                             "--site-dir", str(site_dir)], cwd=root,
                            env=mkdocs_environment(**{protocol.LANGUAGE: lang, protocol.HANDOFF: str(handoff),
                                                      protocol.PARENT: str(os.getpid())}))


def _merge(source: Path, target: Path) -> None:
    """Move a language's built folder into the site, keeping what the default build wrote there."""
    target.mkdir(parents=True, exist_ok=True)
    for item in sorted(source.iterdir()):
        destination = target / item.name
        if destination.is_dir() and item.is_dir():
            _merge(item, destination)
        else:
            if destination.is_dir():
                shutil.rmtree(destination)
            os.replace(item, destination)
