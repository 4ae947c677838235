"""What a build made, said in two lines: pages per language, where, how long, and how to look at it.

Counted from the built folder itself, so the line says what is there, not what
was meant to be: a language's pages are the HTML files under its folder
(``ru/``), the default language's are all the others (404 pages included).
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from .settings import DEFAULT_LANGUAGE, LANGUAGES


def count_pages(site_dir: Path) -> dict[str, int]:
    """HTML pages per language in a built site."""
    counts = dict.fromkeys(LANGUAGES, 0)
    for page in site_dir.rglob("*.html"):
        first = page.relative_to(site_dir).parts[0]
        counts[first if first in counts and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE] += 1
    return counts


def summary(counts: Mapping[str, int], names: Mapping[str, str], shown_dir: str, seconds: float,
            pdfs: int | None = None, port: int = 8000) -> str:
    """E.g. "Built 61 pages in English and 59 in Russian (and 26 PDFs) into site/ in 14.2 s.", then how to preview."""
    parts = [f"{counts[lang]} {'pages' if counts[lang] != 1 else 'page'} in {names.get(lang, lang)}"
             if i == 0 else f"{counts[lang]} in {names.get(lang, lang)}" for i, lang in enumerate(LANGUAGES)]
    made = " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)
    extra = f" (and {pdfs} PDF{'s' if pdfs != 1 else ''})" if pdfs is not None else ""
    folder = shown_dir.rstrip("/") + "/"
    return (f"Built {made}{extra} into {folder} in {seconds:.1f} s.\n"
            f"Preview: make serve (live, at http://127.0.0.1:{port}/), "
            f"or serve the folder as built: python3 -m http.server -d {folder}")
