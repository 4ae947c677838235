"""Bounded work: what is refused before rendering, and how much locating a problem may render.

The limits are in hubcore/limits.py. markdown_bounds.py counts them in one pass over
the source and refuses a page at the line where one is passed; locate.py renders parts
of a page to find a problem's line, within a budget of characters. These tests count
(problems, lines, characters rendered) instead of timing, so a busy machine changes
nothing; the time taken by hostile shapes of two sizes is compared in
test_validation.py (test_hostile_shapes_are_checked_in_time_linear_in_their_size).
"""

from __future__ import annotations

import itertools
from collections import Counter
from functools import partial

import pytest
from fixture_tree import check, expect_only, front

from hubcore import body_check, limits, markdown_bounds, markdown_render
from hubcore.locate import Locator

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


# --- locating: verified guesses, within a budget of characters ----------------------------

def _counting(body: str) -> tuple[Locator, list[int]]:
    """A page's locator, as the body check makes it, and the lengths of the texts it renders."""
    where = body_check.locator(body, frozenset())
    lengths: list[int] = []
    counts = where.counts

    def counting(text: str) -> Counter:
        lengths.append(len(text))
        return counts(text)

    where.counts = counting
    return where, lengths


def _page_with_problems(paragraphs: int, problems: int = 25) -> tuple[str, list[int]]:
    """Paragraphs of text with ``problems`` event handlers spread over them, and their lines."""
    lines, where = [], []
    every = paragraphs // problems
    for i in range(paragraphs):
        if i % every == every // 2 and len(where) < problems:
            lines += [f'<span onclick="x{i}">a</span>', ""]
            where.append(len(lines) - 1)
        lines += [f"Paragraph {i}: " + "word " * 18, ""]
    return "\n".join(lines) + "\n", where


def test_locating_many_problems_renders_at_most_twice_the_page_and_finds_each_line():
    """25 problems in a page of 100 KB: each at its line, with at most twice the page rendered
    (plus the floor); before, each was a binary search of ten renders or more."""
    body, expected = _page_with_problems(1_000)
    report = body_check._report(body, frozenset())
    where, lengths = _counting(body)
    found = [where.line_of(finding.key) for finding in report.findings]
    assert found == expected
    assert sum(lengths) <= limits.LOCATE_RENDER_FACTOR * len(body) + limits.LOCATE_RENDER_FLOOR
    assert sum(lengths) + where.renders * where.weight == where.rendered


def test_locating_work_grows_linearly_with_the_page():
    """Four times the page, with as many problems, renders at most four times as much to locate them."""
    rendered = []
    for paragraphs in (250, 1_000):
        body, expected = _page_with_problems(paragraphs)
        where, lengths = _counting(body)
        report = body_check._report(body, frozenset())
        assert [where.line_of(finding.key) for finding in report.findings] == expected
        rendered.append(sum(lengths))
    assert rendered[1] <= 4 * rendered[0], rendered


def test_a_small_page_has_every_guess_confirmed():
    """Within the floor, each problem is confirmed by two renders: up to its line and the one before."""
    body, expected = _page_with_problems(50, problems=5)
    where, lengths = _counting(body)
    report = body_check._report(body, frozenset())
    assert [where.line_of(finding.key) for finding in report.findings] == expected
    assert where.renders == 2 * len(expected)


def test_a_wrong_guess_is_corrected_by_rendering():
    """The text the problem names also appears where it is no element (between double backticks):
    the guess is refuted by a render, and the search finds the real line."""
    body = "Write ``<script>`` to show the tag.\n\nText.\n\n<script>alert(1)</script>\n"
    assert body_check.read(body, frozenset()).problems[0][0] == 5


def test_a_script_shown_in_a_fence_does_not_mislead_the_search():
    """A prefix cut inside a fence would leave it open and read its code as HTML: the search used
    to stop inside the fence."""
    body = "Intro.\n\n```\n<script>\n```\n\n<script>\n"
    assert {line for line, _ in body_check.read(body, frozenset()).problems} == {7}


def test_a_problem_with_nothing_to_scan_for_is_searched_within_the_budget():
    """An unfinished tag at the end names no text: a binary search, cut short by the budget on a
    long page, still gives a line at or after it."""
    body = "Text.\n\n" * 10_000 + "<script>\n"
    where, lengths = _counting(body)
    assert ("unfinished",) in body_check._counts(frozenset(), body)
    assert where.line_of(("unfinished",)) >= 20_001
    assert sum(lengths) <= limits.LOCATE_RENDER_FACTOR * len(body) + limits.LOCATE_RENDER_FLOOR


def test_a_bad_heading_id_beside_an_unfinished_tag_is_reported():
    """Found while bounding the work: comparing a heading's id with a finding of one part (an
    unfinished tag) raised IndexError, and the file was reported as unreadable."""
    problems = body_check.read('-<script>\n#. "', frozenset()).problems
    assert any("heading id" in message for _, message in problems), problems
    assert any("unfinished" in message for _, message in problems), problems


def test_the_located_line_does_not_depend_on_the_budget(monkeypatch):
    """Out of budget, a problem keeps the line its text is on: the same line as when confirmed."""
    body, expected = _page_with_problems(400)
    report = body_check._report(body, frozenset())
    monkeypatch.setattr(limits, "LOCATE_RENDER_FLOOR", 0)
    monkeypatch.setattr(limits, "LOCATE_RENDER_FACTOR", 0)
    where = body_check.locator(body, frozenset())
    assert [where.line_of(finding.key) for finding in report.findings] == expected
    assert where.renders == 0


def test_locating_counts_are_what_a_render_gives():
    """The counts a prefix render gives are the body check's own (a key per problem and per link)."""
    counts = partial(body_check._counts, frozenset())
    assert counts("[a](x.md)\n\n<script>\n")[("element", "script")] == 1


def test_a_short_page_that_renders_slowly_is_rendered_few_times():
    """A page of 2 KB whose brackets make each render slow (just within the inline bound) and which
    has 25 problems: each render is counted at what it costs, so locating renders it at most twice."""
    brackets = "[" * 700 + "x" * 1_400 + "\n\n"
    body = brackets + "".join(f'<span onclick="x{i}">a</span>\n\n' for i in range(25))
    assert markdown_bounds.problems(body) == []
    where, lengths = _counting(body)
    report = body_check._report(body, frozenset())
    assert [where.line_of(finding.key) for finding in report.findings] == [3 + 2 * i for i in range(25)]
    assert where.renders <= 2
