"""Random input never breaks the checker: property-based tests with Hypothesis.

Whatever bytes or whatever YAML and Markdown a pull request holds, ``hub.py validate``
must answer with located problems: no exception, exit 0 or 1, and every line it
prints is ``path:line: field: message``. The checker's last guard (a file it
fails on becomes a problem "the checker could not read this file") must never
fire either: it would hide a bug, so it counts as a failure here.

The examples are derandomised (the same ones on every run), so a failure is
reproducible and CI never flakes; a new case found once stays as an @example.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import copy_repo, run_hub
from fixture_tree import REPO, make_root
from hubcore.loader import load_site
from hubcore.loader import CHECKER_FAILED

sys.path.insert(0, str(REPO / "scripts"))
import hub  # noqa: E402

LINE = re.compile(r"^[^:\n]+:\d+: [^:\n]+: .+$")
FUZZ = settings(max_examples=150, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return make_root(tmp_path_factory.mktemp("fuzz"))


def validate(root: Path) -> tuple[int, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = hub.validate("text", root)
    return code, out.getvalue().splitlines()


def assert_answered(root: Path) -> None:
    code, lines = validate(root)
    assert code in (0, 1)
    assert (code == 1) == bool(lines), lines
    for line in lines:
        assert LINE.match(line), f"not a located problem: {line!r}"
        assert CHECKER_FAILED not in line, line


# Pieces that have broken parsers before: brackets, tags, entities, nesting, fences,
# attribute lists, control and invisible characters, surrogate escapes, huge numbers.
MARKDOWN_LIST = [
    "[", "]", "(", ")", "<", ">", "&", "&#x09;", "`", "```", "~~~", "*", "_", "#", "## ", "{: ",
    "{#", "}", "\n", "\n\n", "    ", "> ", "- ", "1. ", ": ", "!!! note\n", "=== \"T\"\n", "|", "[^1]",
    "[^1]: ", "<!--", "-->", "<![CDATA[", "<script>", "<img src=x onerror=1>", "<a href=\"", "\"",
    "javascript:", "files/a.pdf", "x.md", "#anchor", "](", "![", "<svg>", "<math>", "\u00a0", "\u202e",
    "\x00", "\x07", "\ufeff", "ё", "Цифровизация", "a" * 50, "[" * 40, "<" * 40, "    - x\n" * 3,
]
MARKDOWN_PIECES = st.sampled_from(MARKDOWN_LIST)
YAML_PIECES = st.sampled_from([
    "title: ", "summary: ", "countries: ", "topics: ", "date: ", "event: ", "attachments: ", "draft: ",
    "[", "]", "{", "}", ",", ":", "- ", "\n", "  ", "\"", "'", "&a ", "*a", "!!python/name:x ", "!x ",
    "kz", "2022-13", "9" * 5000, "\"\\ud800\"", "\"\\x07\"", "\"\\uFFFE\"", "yes", "NO", "~", "|\n  ",
    ">-\n  ", "#", "\t", "\x00", "\u0085", "\u2028", "---", "...", "x" * 300,
])


def _joined(pieces) -> st.SearchStrategy[str]:
    return st.lists(pieces | st.text(max_size=8), max_size=40).map("".join)


@FUZZ
@given(data=st.binary(max_size=2000))
@example(data=b"---\ntitle: x\n---")
@example(data=b"\xff\xfe---\n")
def test_random_bytes_as_a_page(root, data):
    (root / "docs/guides/fuzz.md").write_bytes(data)
    assert_answered(root)


@FUZZ
@given(front=_joined(YAML_PIECES), body=_joined(MARKDOWN_PIECES))
@example(front="title: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", body="")
@example(front="title: x\nsummary: y\nevent: {participants: " + "9" * 5000 + "}", body="")
@example(front='title: "\\ud800"\nsummary: y', body="")
@example(front="title: x\nsummary: y", body="".join("    " * i + "- x\n" for i in range(60)))
@example(front="title: x\nsummary: y", body="Term\n: Definition\n" * 600)
def test_random_front_matter_and_body(root, front, body):
    (root / "docs/guides/fuzz.md").write_text(f"---\n{front}\n---\n\n{body}", encoding="utf-8",
                                               errors="surrogatepass")
    assert_answered(root)


@FUZZ
@given(body=_joined(MARKDOWN_PIECES))
@example(body='-<script>\n#. "')  # a bad heading id beside an unfinished tag raised IndexError
def test_random_markdown_in_a_valid_page(root, body):
    (root / "docs/guides/fuzz.md").write_text(f'---\ntitle: "T"\nsummary: "S"\n---\n\n{body}',
                                               encoding="utf-8", errors="surrogatepass")
    assert_answered(root)


@FUZZ
@given(name=st.sampled_from(["site.yml", "ui.yml", "project.yml", "taxonomies.yml", "csp.yml", "fields.yml"]),
       text=_joined(YAML_PIECES), data=st.binary(max_size=200), as_bytes=st.booleans())
def test_random_data_files(tmp_path_factory, name, text, data, as_bytes):
    root = make_root(tmp_path_factory.mktemp("fuzz-data"))
    path = root / "data" / name
    if as_bytes:
        path.write_bytes(data)
    else:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_answered(root)


def test_what_validate_accepts_the_build_accepts(tmp_path):
    """validate passing means build passes: random pages that validate accepts, built together.

    The build's last guard checks the HTML the engine really produced with the same
    allow-list; a page it stopped on would be one the check misjudged.
    """
    rng = random.Random(2026)
    pieces = MARKDOWN_LIST + ["Text. ", "[the guide](valid.md)", "<b>bold</b> ", "<kbd>x</kbd>",
                              "{: .note }", "\n\n## Heading {#an-id}\n\n", "| a | b |\n|---|---|\n| 1 | 2 |\n",
                              "<details><summary>More</summary>Text</details>", "Term\n:   Definition\n"]
    small = make_root(tmp_path / "small")
    accepted = []
    for i in range(150):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        text = f'---\ntitle: "Fuzz {i}"\nsummary: "S"\n---\n\n{body}\n'
        (small / "docs/guides/fuzz.md").write_text(text, encoding="utf-8", errors="surrogatepass")
        if not load_site(small)[1]:
            accepted.append(text.replace("valid.md", "../about.md"))
    assert len(accepted) >= 30, f"only {len(accepted)} random pages were accepted: the test would prove little"
    root = copy_repo(tmp_path / "repo")
    for i, text in enumerate(accepted):
        (root / f"docs/guides/fuzz-{i}.md").write_text(text, encoding="utf-8", errors="surrogatepass")
    assert run_hub(root, "validate").returncode == 0
    result = run_hub(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
