"""A new product from a Word document: written as ``hub.py new`` writes one, then checked as ``validate`` checks.

The conversion is word_import.py's; this module only places its result. The
page is the scaffold's (scaffold.py): every field of its type laid out and
explained, in its section, with a readable slug, and ``draft: true``, because
an imported document still needs its author: a summary to write, the
formatting that was left out to look at. Its body is the document's text
instead of the scaffold's example. Pictures go to the section's files/ folder.
Nothing that exists is ever overwritten, and nothing else is touched.

What the author must still do is said by the validator's own code, run on the
files just written: the problems ``validate`` reports now (an image without alt
text...), and those it will report once the draft line is removed (the
example summary, placeholders.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import limits, placeholders, scaffold, word_import
from .frontmatter import split
from .loader import load_site
from .problems import Problem
from .settings import DEFAULT_LANGUAGE, FILES_DIR, Paths


class ImportRefused(Exception):
    """Why nothing was written."""


@dataclass(frozen=True)
class Imported:
    """What an import wrote and what the author should know about it (paths from the root)."""

    written: tuple[str, ...]  # the page first, then its pictures
    notes: tuple[str, ...]  # what the conversion left out or changed
    problems: tuple[Problem, ...]  # what validate reports on the written files now
    before_publishing: tuple[Problem, ...]  # what it will report once 'draft: true' is removed


def import_word(root: Path, document: Path, type_id: str, lang: str = DEFAULT_LANGUAGE,
                title: str | None = None) -> Imported:
    """Make a draft product of ``type_id`` from the .docx at ``document``; refuses rather than overwrite."""
    paths = Paths(root)
    if not document.is_file():
        raise ImportRefused(f"{document}: no such file")
    if document.stat().st_size > limits.MAX_DOCUMENT_BYTES:
        raise ImportRefused(f"{document}: too large: {document.stat().st_size / 1_048_576:.1f} MB, at most "
                            f"{limits.MAX_DOCUMENT_BYTES // 1_048_576} MB for documents")
    site, _ = load_site(root)
    try:
        conversion = word_import.convert(document.read_bytes(), scaffold.slugify, title)
        created = scaffold.new_product(site, root, type_id, conversion.title, lang)
    except (word_import.WordImportError, scaffold.ScaffoldError) as error:
        raise ImportRefused(f"{document}: {error}") from None
    example = scaffold.example_body(site, lang)
    assert created.text.endswith(example), "the scaffold's layout changed: update importing.py"
    page = scaffold.NewFile(created.path, created.text[: -len(example)] + conversion.markdown)
    folder = created.path.parent / FILES_DIR
    pictures = [(folder / picture.name, picture.data) for picture in conversion.pictures]
    for path, _ in pictures:
        if path.exists():
            raise ImportRefused(f"{paths.rel(path)} already exists: nothing was written (choose another "
                                "title with --title, or move that file)")
    written: list[Path] = []
    try:
        for path, data in pictures:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("xb") as handle:  # exclusive: never replaces a file
                handle.write(data)
            written.append(path)
        scaffold.write(page)
    except (OSError, scaffold.ScaffoldError) as error:
        for path in written:  # only what this run created
            path.unlink(missing_ok=True)
        raise ImportRefused(f"nothing was written: {error}") from None
    names = [paths.rel(page.path)] + [paths.rel(path) for path, _ in pictures]
    return Imported(tuple(names), conversion.notes, tuple(check(root, names)),
                    tuple(_before_publishing(root, names[0], placeholders.examples(site.ui))))


def check(root: Path, names: list[str]) -> list[Problem]:
    """What ``validate`` reports on these files (paths from the root), by the same code."""
    _, problems = load_site(root)
    return [problem for problem in problems if problem.path in names]


def _before_publishing(root: Path, name: str, examples: placeholders.Examples) -> list[Problem]:
    """The scaffold's example text the validator refuses in a page that is not a draft."""
    source, problems = split(name, (root / name).read_bytes())
    return [] if source is None else placeholders.problems(source, False, examples)
