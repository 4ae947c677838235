"""Build small temporary repositories for the content checks.

``make_root(tmp_path, files)`` copies the real ``data/`` folder, writes a minimal
valid ``docs/`` tree, then the test's own files (``{relative path: str | bytes}``,
text dedented). ``check(tmp_path, files)`` does that and runs ``load_site``;
``loaded(tmp_path, files)`` returns the site it makes, which must have no problem.
"""

from __future__ import annotations

import io
import shutil
import textwrap
import zipfile
from pathlib import Path

from hubcore.loader import load_site  # importable through pytest.ini's pythonpath
from hubcore.model import Site
from hubcore.problems import Problem

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"

# A valid product used by the baseline tree (and as a model for tests' files).
VALID_PRODUCT = """\
---
title: "A valid guide"
summary: "A guide that passes every check."
date: "2023-05"
countries: [kz, uz]
topics: [open-data]
---

## Introduction

Back to the [guides](index.md).
"""

BASE_FILES: dict[str, str] = {
    "docs/index.md": """\
        ---
        title: "Home"
        summary: "The home page."
        ---

        See the [guides](guides/index.md).
        """,
    "docs/guides/index.md": """\
        ---
        title: "Guides"
        summary: "Every guide."
        ---

        Read [a valid guide](valid.md).
        """,
    "docs/guides/valid.md": VALID_PRODUCT,
}


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content), encoding="utf-8")


def make_root(tmp_path: Path, files: dict[str, str | bytes] | None = None,
              *, base: bool = True) -> Path:
    """A repository root in ``tmp_path``: real data/, a minimal valid docs/, then ``files``."""
    root = tmp_path / "repo"
    shutil.copytree(DATA, root / "data")
    (root / "docs").mkdir()
    if base:
        write_files(root, BASE_FILES)
    write_files(root, files or {})
    return root


def check(tmp_path: Path, files: dict[str, str | bytes] | None = None,
          **kwargs) -> list[Problem]:
    """Problems ``load_site`` reports for the minimal tree plus ``files``."""
    _, problems = load_site(make_root(tmp_path, files, **kwargs))
    return problems


def loaded(tmp_path: Path, files: dict[str, str | bytes] | None = None, **kwargs) -> Site:
    """The site ``load_site`` makes of the minimal tree plus ``files``, which must have no problem."""
    site, problems = load_site(make_root(tmp_path, files, **kwargs))
    assert problems == [], "\n".join(map(str, problems))
    return site


def zip_of(entries: dict[str, bytes]) -> bytes:
    """A ZIP archive in memory (Office and OpenDocument files are ZIP packages)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def front(*lines: str, body: str = "Text.\n") -> str:
    """A Markdown file from front-matter lines (written as given, no dedent surprises)."""
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n\n" + body


def the_only(problems: list[Problem]) -> Problem:
    """The single problem reported; fails listing them all otherwise."""
    assert len(problems) == 1, "expected exactly one problem, got:\n" + "\n".join(map(str, problems))
    return problems[0]


def assert_problem(problem: Problem, path: str, line: int, field: str, *words: str) -> None:
    """``problem`` prints as ``path:line: field: ...`` and its message holds every word."""
    assert str(problem).startswith(f"{path}:{line}: {field}: "), str(problem)
    for word in words:
        assert word in problem.message, f"{word!r} not in {str(problem)!r}"


def expect_only(problems: list[Problem], path: str, line: int, field: str, *words: str) -> Problem:
    problem = the_only(problems)
    assert_problem(problem, path, line, field, *words)
    return problem
