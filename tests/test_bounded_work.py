"""Bounded work: what is refused before rendering.

The limits are in hubcore/limits.py. markdown_bounds.py counts them in one pass over
the source and refuses a page at the line where one is passed. These tests count
(problems and their lines) instead of timing, so a busy machine changes nothing; the
time taken by hostile shapes of two sizes is compared in test_validation.py
(test_hostile_shapes_are_checked_in_time_linear_in_their_size).
"""

from __future__ import annotations

import itertools

import pytest
from fixture_tree import check, expect_only, front

from hubcore import limits, markdown_bounds, markdown_render

X = "docs/guides/x.md"
TS = ('title: "X"', 'summary: "S"')
BODY = 6  # the first body line of a front() file


def refused(body: str) -> list[tuple[int, str]]:
    return markdown_bounds.problems(body)


# Each shape just past one limit, with the body line it must be refused at and words of the message.
PAST_THE_LIMIT = {
    "headings with no blank line between them": (
        "".join(f"## Heading {i}\n" for i in range(150)), 101, "blank line"),
    "setext headings in one block": ("Title\n-----\n" * 120, 202, "blank line"),
    "admonitions in one block": ("!!! note\n" * 120, 101, "blank line"),
    "definitions in one block (they recurse)": ("Term\n: Definition\n" * 120, 202, "blank line"),
    "headings in a page": ("".join(f"## Heading {i}\n\nText.\n\n" for i in range(1001)), 4001, "1,000 headings"),
    "content tabs in a page": ('=== "Tab"\n\n    Text.\n\n' * 201, 801, "200 content tabs"),
    "references to one footnote": ("See[^1].\n\n" * 26 + "[^1]: A note.\n", 51, "[^1] is referred to"),
    "footnote references in a page": (
        "".join(f"See[^{i % 50}].\n\n" for i in range(1001)) + "".join(f"[^{i}]: Note.\n" for i in range(50)),
        2001, "1,000 footnote references"),
    "a run of backslashes": ("Text " + "\\" * 20_000 + "\n", 1, "backslashes"),
    "a run of escapes, emphasis and code spans": ("\\* *a* `b` " * 2_000 + "\n", 1, "backslashes"),
    "blocks under the count, too long together": (
        ("## Heading\n" * 30 + "word " * 500 + "\n\n") * 30, 1, "the worst block starts here"),
    "headings split by carriage returns alone": ("## Heading\r" * 150 + "\n", 1, "blank line"),
    "list items right after a fence (one paragraph with it)": ("```\ncode\n```\n" + "- [x\n" * 3_000, 1, "'['"),
    "list items right after a paragraph (one paragraph with it)": ("Text.\n" + "- [x\n" * 3_000, 1, "'['"),
    "brackets in a fence right after indented text (given back as text)": (
        "    indented\n~~~\n" + "[" * 1_000 + "x" * 1_000 + "\n~~~\n", 1, "'['"),
    "brackets behind a fence superfences does not open": (
        "``` not a language\n\n" + "[" * 1_000 + "x" * 1_000 + "\n\n```\n", 3, "'['"),
}


@pytest.mark.parametrize("name", list(PAST_THE_LIMIT))
def test_each_bound_is_refused_at_the_line_it_is_passed(name):
    body, line, words = PAST_THE_LIMIT[name]
    found = refused(body)
    assert [at for at, _ in found] == [line], found
    assert words in found[0][1], found


def test_a_bound_is_reported_as_a_located_body_problem(tmp_path):
    body = "Intro.\n\n" + "".join(f"## Heading {i}\n" for i in range(150))
    expect_only(check(tmp_path, {X: front(*TS, body=body)}), X, BODY + 2 + 100, "body",
                f"more than {limits.MAX_BLOCK_CONSTRUCTS} headings")


def test_one_pass_reports_every_bound_once():
    """Every bound a page passes, each once: the author fixes them all in one go."""
    body = ("## Heading\n" * 150 + "\n" + '=== "Tab"\n\n    Text.\n\n' * 201
            + "See[^1].\n\n" * 30 + "[^1]: A note.\n")
    lines = [line for line, _ in refused(body)]
    assert lines == [101, 952, 1006], refused(body)


# What real pages do stays far inside every bound.
WITHIN = {
    "a long page of sections": "".join(f"## Section {i}\n\n" + "A paragraph with a [link](x.md), *emphasis*, "
                                       "`code` and &amp;.\n\n" * 5 for i in range(300)),
    "headings right above their paragraphs": "".join(f"## Section {i}\n" + "word " * 200 + "\n\n"
                                                     for i in range(400)),
    "a glossary with a blank line between definitions": "Term\n: Definition\n\n" * 900,
    "tabs in sets of three": ('=== "Windows"\n\n    Text.\n\n=== "macOS"\n\n    Text.\n\n'
                              '=== "Linux"\n\n    Text.\n\nBetween the sets.\n\n') * 60,
    "footnotes, each referred to a few times": "".join(f"See[^{i}] and again[^{i}].\n\n" for i in range(400))
                                               + "".join(f"[^{i}]: Note {i}.\n" for i in range(400)),
    "code blocks of brackets, in plain fences": "```json\n" + "[[[[[[[[[[[[ ]]]]]]]]]]]]\n" * 2_000 + "```\n",
    "comments in a shell block (not headings)": "    ```sh\n" + "    # a comment\n" * 2_000 + "    ```\n",
    "Windows line ends": "## Title\r\n\r\nText with a [link](x.md).\r\n" * 500,
}


@pytest.mark.parametrize("name", list(WITHIN))
def test_what_real_pages_do_stays_within_the_bounds(name):
    assert refused(WITHIN[name]) == []


def test_every_real_page_stays_far_within_the_bounds():
    """A tenth of each sum and count is more than any real page uses."""
    from fixture_tree import REPO

    from hubcore.frontmatter import split
    for path in sorted((REPO / "docs").rglob("*.md")):
        source, _ = split(path.name, path.read_bytes())
        assert source is not None
        scan = markdown_bounds._scan(source.body)
        assert scan.inline_work * 10 < limits.MAX_INLINE_WORK * limits.INLINE_MARK_SHARE, path
        assert scan.block_work * 10 < limits.MAX_BLOCK_WORK, path
        assert scan.most_splits * 10 < limits.MAX_BLOCK_CONSTRUCTS, path
        assert scan.headings * 10 < limits.MAX_HEADINGS and scan.tabs * 10 < limits.MAX_TABS, path
        assert scan.references * 10 < limits.MAX_FOOTNOTE_REFERENCES, path


# --- fenced code: skipped only where the renderer surely shows it as code ----------------

@pytest.mark.parametrize("text, expected", [
    ("```\ncode\n```\n", [(0, 2)]),
    ("```python\ncode\n```\n", [(0, 2)]),
    ("~~~\ncode\n~~~\n", [(0, 2)]),
    ("    ```sh\n    code\n\n    ```\n", [(0, 3)]),
    ("```\ncode\n````\nmore\n```\n", [(0, 4)]),  # a longer marker does not close it
    ("   ```sh\n[x](y)\n```\n", []),  # a line indented less abandons the fence, as superfences does
    ("``` {.x}\ncode\n```\n", []),  # options and the like: not read here, so counted as text
    ("> ```\n> code\n> ```\n", []),
    ("```\ncode\n```\n``` not a language\ntext\n```\n", [(0, 2)]),  # the reader stops at the odd one
    ("```\rcode\r```\nafter\n", [(0, 0)]),  # carriage returns end lines for the renderer too
    ("    indented\n~~~\ncode\n~~~\n", []),  # after a line of text superfences may give it back as text
    ("```\nnever closed\n", []),
], ids=["plain", "language", "tildes", "indented", "longer-marker", "abandoned", "options", "quoted",
        "stops", "carriage-returns", "after-text", "unclosed"])
def test_which_fences_are_read_as_code(text, expected):
    assert markdown_bounds.fences(text) == expected


def test_what_the_bounds_skip_as_code_the_renderer_shows_as_code():
    """Never skip what the renderer reads as Markdown: for every combination of opening line,
    indentation and closing line here, the lines read as code render without the link inside."""
    openers = ["```", "````", "~~~", "```python", "``` python", "```.py", "``` {.py}", "```py title=\"t\"",
               "```py x", "``` `x`", "```\t", "``` ~~~x"]
    margins = ["", "  ", "    ", "\t", "> "]
    closers = ["```", "````", "~~~", "``` ", " ```", "\t```", "```x"]
    inner = "[a link](https://example.org/inner)"
    for opener, margin, closer, closer_margin in itertools.product(openers, margins, closers, ["", "    "]):
        text = f"Before.\n\n{margin}{opener}\n{margin}{inner}\n{closer_margin}{closer}\n\nAfter.\n"
        if markdown_bounds.fences(text):
            assert 'href="https://example.org/inner"' not in markdown_render.render(text).html, text
