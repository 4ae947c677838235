"""Content checks: every class of bad input is reported at its file, line and field.

Each test builds a small repository (the real data/, a minimal valid docs/, plus
the files under test) and runs ``hubcore.loader.load_site`` on it. Line numbers are
file lines: ``front("a: 1", "b: 2")`` puts ``---`` on line 1, ``a`` on line 2,
``b`` on line 3, the closing ``---`` on line 4, a blank line 5, the body from 6.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from fixture_tree import (REPO, assert_problem, check, expect_only, front, make_root,
                          the_only, zip_of)
from word_documents import plain_document, presentation, relationships, with_parts, workbook
from hubcore.loader import load_site
from hubcore.problems import Problem

X = "docs/guides/x.md"
W = "docs/workshops/w.md"
TS = ('title: "X"', 'summary: "S"')  # lines 2 and 3 of a front() file


def only_x(tmp_path: Path, *lines: str, body: str = "Text.\n", path: str = X) -> list[Problem]:
    """Problems for the base tree plus one file at ``path`` made by ``front``."""
    return check(tmp_path, {path: front(*lines, body=body)})


# --- the baseline ---------------------------------------------------------------

def test_minimal_tree_is_valid(tmp_path):
    site, problems = load_site(make_root(tmp_path))
    assert problems == []
    assert set(site.entries) == {"index", "guides/index", "guides/valid"}
    assert [e.key for e in site.products()] == ["guides/valid"]


def test_the_real_content_is_valid():
    _, problems = load_site(REPO)
    assert problems == [], "\n".join(map(str, problems))


# --- malformed YAML -------------------------------------------------------------

def test_unclosed_bracket_on_the_last_field(tmp_path):
    problems = only_x(tmp_path, *TS, "countries: [kz, uz")
    expect_only(problems, X, 4, "front matter", "invalid YAML", "expected ',' or ']'")


def test_unclosed_bracket_points_at_the_bracket(tmp_path):
    problems = only_x(tmp_path, *TS, "countries: [kz, uz", "topics: [open-data]")
    expect_only(problems, X, 4, "front matter", "invalid YAML")


def test_bad_indentation_in_a_mapping(tmp_path):
    problems = only_x(tmp_path, *TS, "event:", "  kind: workshop", " format: online",
                      path=W)
    expect_only(problems, W, 6, "front matter", "invalid YAML")


def test_bad_indentation_in_a_list(tmp_path):
    problems = only_x(tmp_path, *TS, "countries:", "  - kz", " - uz")
    expect_only(problems, X, 6, "front matter", "invalid YAML")


def test_colon_in_an_unquoted_value(tmp_path):
    problems = only_x(tmp_path, 'title: "X"', "summary: Note: this breaks", 'date: "2022"')
    expect_only(problems, X, 3, "front matter", "invalid YAML", "mapping values are not allowed")


# --- front matter framing -------------------------------------------------------

def test_unclosed_front_matter(tmp_path):
    problems = check(tmp_path, {X: "---\ntitle: X\nsummary: S\n\nBody.\n"})
    expect_only(problems, X, 1, "front matter", "not closed")


def test_missing_front_matter(tmp_path):
    problems = check(tmp_path, {X: "# X\n\nBody.\n"})
    expect_only(problems, X, 1, "front matter", "missing", "'---'")


@pytest.mark.parametrize("lines, found", [
    (("- title", "- summary"), "found a list"),
    (("just a sentence",), "found a str"),
    ((), "found empty"),
])
def test_front_matter_that_is_not_a_mapping(tmp_path, lines, found):
    problems = only_x(tmp_path, *lines)
    expect_only(problems, X, 2, "front matter", "must be a mapping of fields", found)


def test_front_matter_too_many_lines(tmp_path):
    problems = only_x(tmp_path, *TS, *[f"# note {i}" for i in range(400)])
    expect_only(problems, X, 1, "front matter", "too large")


def test_front_matter_too_many_bytes(tmp_path):
    problems = only_x(tmp_path, 'title: "X"', 'summary: "' + "a" * 20_000 + '"')
    expect_only(problems, X, 1, "front matter", "too large")


@pytest.mark.parametrize("data, line", [
    (b'---\ntitle: "X"\nsummary: "S"\n---\n\nFine.\nBad \xff byte.\n', 7),
    (b'---\ntitle: "X \xe9t\xe9"\nsummary: "S"\n---\n\nFine.\n', 2),  # Latin-1, not UTF-8
])
def test_not_utf8_reports_the_line_of_the_bad_byte(tmp_path, data, line):
    problems = check(tmp_path, {X: data})
    expect_only(problems, X, line, "file", "not valid UTF-8")


def test_utf8_byte_order_mark_is_tolerated(tmp_path):
    data = b'\xef\xbb\xbf---\ntitle: "X"\nsummary: "S"\n---\n\nFine.\n'
    assert check(tmp_path, {X: data}) == []


# --- YAML features that are refused ----------------------------------------------

def test_duplicate_key_reported_on_the_second(tmp_path):
    problems = only_x(tmp_path, *TS, 'title: "Y"')
    expect_only(problems, X, 4, "title", "duplicate key 'title'")


def test_duplicate_key_message_names_the_file_line_of_the_first(tmp_path):
    problems = only_x(tmp_path, *TS, 'title: "Y"')
    expect_only(problems, X, 4, "title", "first on line 2")


def test_anchor_is_refused(tmp_path):
    problems = only_x(tmp_path, *TS, "countries: &c [kz]")
    expect_only(problems, X, 4, "front matter", "anchors (&c) are not allowed")


def test_alias_is_refused(tmp_path):
    problems = only_x(tmp_path, 'title: "X"', "summary: *t")
    expect_only(problems, X, 3, "front matter", "aliases (*t) are not allowed")


def test_alias_bomb_is_refused_fast(tmp_path):
    names = "abcdefghij"
    bomb = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"{n}: &{n} [{', '.join(['*' + p] * 9)}]" for p, n in zip(names, names[1:])]
    root = make_root(tmp_path, {X: front(*TS, *bomb)})  # 9**10 strings if expanded
    result: list = []
    worker = threading.Thread(target=lambda: result.append(load_site(root)), daemon=True)
    started = time.perf_counter()
    worker.start()
    worker.join(timeout=5)
    assert result, "load_site did not finish within 5 s: the alias bomb was expanded"
    assert time.perf_counter() - started < 2
    _, problems = result[0]
    expect_only(problems, X, 4, "front matter", "not allowed")


def test_tab_character(tmp_path):
    problems = only_x(tmp_path, *TS, "countries:\t[kz]")
    expect_only(problems, X, 4, "front matter", "tab character")


# --- field names ----------------------------------------------------------------

def test_unknown_key_suggests_the_close_one(tmp_path):
    problems = only_x(tmp_path, 'titel: "X"', 'summary: "S"')
    unknown = [p for p in problems if p.field == "titel"]
    assert_problem(the_only(unknown), X, 2, "titel", "unknown field", "did you mean 'title'?")
    # the title itself is then missing, reported at the start of the front matter
    missing = the_only([p for p in problems if p.field == "title"])
    assert_problem(missing, X, 2, "title", "required field is missing")


def test_a_field_without_a_name(tmp_path):
    """YAML reads a line holding only '?' as a key of nothing: it is named as such, never an empty field."""
    expect_only(check(tmp_path, {X: front(*TS, "?")}), X, 4, "(no name)", "needs a name")


def test_forbidden_key_template(tmp_path):
    problems = only_x(tmp_path, *TS, "template: evil.html")
    expect_only(problems, X, 4, "template", "not allowed")


def test_missing_required_summary(tmp_path):
    problems = only_x(tmp_path, 'title: "X"', 'date: "2022"')
    expect_only(problems, X, 2, "summary", "required field is missing")


# --- value types ----------------------------------------------------------------

def test_title_as_a_number(tmp_path):
    problems = only_x(tmp_path, "title: 123", 'summary: "S"')
    expect_only(problems, X, 2, "title", "must be text", "quotes")


def test_countries_as_a_string_not_a_list(tmp_path):
    problems = only_x(tmp_path, *TS, "countries: kz")
    expect_only(problems, X, 4, "countries", "must be a list")


def test_draft_yes_is_not_a_boolean(tmp_path):
    problems = only_x(tmp_path, *TS, "draft: yes")
    expect_only(problems, X, 4, "draft", "must be true or false", "'yes'")


def test_unquoted_full_date_is_accepted_as_a_string(tmp_path):
    root = make_root(tmp_path, {X: front(*TS, "date: 2022-01-02", "review_by: 2030-12-31")})
    site, problems = load_site(root)
    assert problems == []
    assert site.entries["guides/x"].neutral["date"] == "2022-01-02"
    assert site.entries["guides/x"].neutral["review_by"] == "2030-12-31"


def test_unquoted_year_is_accepted_as_a_date(tmp_path):
    root = make_root(tmp_path, {X: front(*TS, "date: 2022")})
    site, problems = load_site(root)
    assert problems == []
    assert site.entries["guides/x"].neutral["date"] == "2022"


def test_country_no_is_a_code_not_false(tmp_path):
    problems = only_x(tmp_path, *TS, "countries: [NO]")
    problem = expect_only(problems, X, 4, "countries[0]", "unknown value 'NO'")
    assert "true" not in problem.message and "False" not in problem.message


# --- taxonomies -----------------------------------------------------------------

def test_unknown_country(tmp_path):
    problems = only_x(tmp_path, *TS, "countries: [kz, xx]")
    expect_only(problems, X, 4, "countries[1]", "unknown value 'xx'", "data/taxonomies.yml")


def test_unknown_country_close_to_a_known_one(tmp_path):
    problems = only_x(tmp_path, *TS, "countries: [kzz]")
    expect_only(problems, X, 4, "countries[0]", "unknown value 'kzz'", "did you mean 'kz'?")


def test_unknown_topic_close_to_a_known_one(tmp_path):
    problems = only_x(tmp_path, *TS, "topics:", "  - open-data", "  - open-date")
    expect_only(problems, X, 6, "topics[1]", "unknown value 'open-date'",
                "did you mean 'open-data'?")


# --- dates ----------------------------------------------------------------------

@pytest.mark.parametrize("value", ["2023-02-30", "2023-13"])
def test_impossible_date(tmp_path, value):
    problems = only_x(tmp_path, *TS, f"date: {value}")
    expect_only(problems, X, 4, "date", f"impossible date '{value}'")


def test_impossible_review_day(tmp_path):
    problems = only_x(tmp_path, *TS, 'review_by: "2023-02-30"')
    expect_only(problems, X, 4, "review_by", "impossible date")


# --- event ----------------------------------------------------------------------

def test_event_on_a_guide_is_an_error(tmp_path):
    problems = only_x(tmp_path, *TS, "event: {kind: workshop}")
    expect_only(problems, X, 4, "event", "only allowed on workshop pages")


def test_event_on_a_workshop_is_fine(tmp_path):
    assert only_x(tmp_path, *TS, "event:", "  kind: seminar", "  format: online",
                  "  participants: 30", path=W) == []


def test_unknown_event_kind(tmp_path):
    problems = only_x(tmp_path, *TS, "event:", "  format: online", "  kind: seminr", path=W)
    expect_only(problems, W, 6, "event.kind", "unknown value 'seminr'",
                "did you mean 'seminar'?")


# --- attachments ----------------------------------------------------------------

def test_attachment_file_that_does_not_exist(tmp_path):
    problems = only_x(tmp_path, *TS, "attachments:", '  - title: "Slides"',
                      "    file: files/missing.pdf")
    expect_only(problems, X, 6, "attachments[0].file", "files/missing.pdf", "no such file")


def test_attachment_file_that_exists(tmp_path):
    files = {X: front(*TS, "attachments:", '  - title: "Slides"', "    file: files/a.pdf"),
             "docs/guides/files/a.pdf": b"%PDF-1.4\n"}
    assert check(tmp_path, files) == []


def test_attachment_with_neither_file_nor_url(tmp_path):
    problems = only_x(tmp_path, *TS, "attachments:", '  - title: "Ok"',
                      "    url: https://example.org/a.pdf", '  - title: "Nothing"')
    expect_only(problems, X, 7, "attachments[1]", "exactly one of file or url")


def test_attachment_with_an_http_url(tmp_path):
    problems = only_x(tmp_path, *TS, "attachments:", '  - title: "Slides"',
                      "    url: http://example.org/a.pdf")
    expect_only(problems, X, 6, "attachments[0].url", "https://", "http://example.org/a.pdf")


# --- organisations, unfinished files, the publisher ------------------------------

def test_partners_need_the_place_where_the_item_names_them(tmp_path):
    problems = only_x(tmp_path, *TS, "partners: [undp-kazakhstan, acsh]")
    expect_only(problems, X, 4, "partners", "needs 'partners_source'", "item's own document")
    problems = only_x(tmp_path / "b", *TS, 'partners_source: "Report, title page"')
    expect_only(problems, X, 4, "partners_source", "needs 'partners'")
    assert check(tmp_path / "c", {X: front(*TS, "partners: [acsh]", 'partners_source: "Report, cover"')}) == []


def test_the_scaffold_example_text_is_refused_unless_a_draft(tmp_path):
    ui = yaml.safe_load((REPO / "data/ui.yml").read_text(encoding="utf-8"))
    lines = ('title: "X"', f'summary: "{ui["ru"]["scaffold_summary"]}"')
    body = "Own words.\n\n## Overview\n\n" + ui["en"]["scaffold_body"].splitlines()[2] + "\nmore words.\n"
    problems = only_x(tmp_path, *lines, body=body)
    assert [(p.path, p.line, p.field) for p in problems] == [(X, 3, "summary"), (X, 10, "body")]
    assert all("replace this text" in p.message for p in problems)
    assert check(tmp_path / "draft", {X: front(*lines, "draft: true", body=body)}) == []


@pytest.mark.parametrize("lines,line,field,words", [
    (['  name: {en: "Hub team", ru: ""}'], 5, "publisher.name", ("missing in ru",)),
    (['  contact: "not an address"'], 5, "publisher.contact", ("e-mail address or an https:// address",)),
    (['  contact: "javascript:alert(1)"'], 5, "publisher.contact", ("e-mail address",)),
    (['  disclaimer: "Text"'], 5, "publisher.disclaimer", ("per language",)),
    (['  phone: "123"'], 5, "publisher.phone", ("unknown field",)),
])
def test_the_publisher_is_checked(tmp_path, lines, line, field, words):
    root = make_root(tmp_path)
    (root / "data/site.yml").write_text("embed_allowed_hosts: []\n\n\npublisher:\n" + "\n".join(lines) + "\n",
                                         encoding="utf-8")
    _, problems = load_site(root)
    expect_only(problems, "data/site.yml", line, field, *words)


def test_a_filled_publisher_is_valid(tmp_path):
    root = make_root(tmp_path)
    (root / "data/site.yml").write_text(
        'publisher:\n  name: {en: "Hub team", ru: "Команда"}\n  contact: "https://example.org/contact"\n'
        '  disclaimer: {en: "", ru: ""}\n', encoding="utf-8")
    assert load_site(root)[1] == []


# --- links, anchors, images ------------------------------------------------------

LINKS_BODY = """\
## Цифровизация

See [nothing](nope.md).

See [the intro](valid.md#no-such-heading).

![A chart](files/none.png)

See [about](/about/).

Back to [the top](#цифровизация) and [the intro](valid.md#introduction).
"""


@pytest.mark.parametrize("line, words", [
    (8, ("broken link", "'nope.md'", "no such page")),
    (10, ("broken link", "no heading or id '#no-such-heading'", "guides/valid.md")),
    (12, ("broken image", "'files/none.png'", "no such file")),
    (14, ("absolute link '/about/'",)),
])
def test_broken_links_anchors_images(tmp_path, line, words):
    problems = only_x(tmp_path, *TS, body=LINKS_BODY)
    assert len(problems) == 4, "\n".join(map(str, problems))
    assert_problem(the_only([p for p in problems if p.line == line]), X, line, "body", *words)


def test_link_to_a_russian_heading_anchor(tmp_path):
    body = "## Цифровизация\n\nSee [above](#цифровизация) and [there](y.md#цифровизация).\n"
    files = {X: front(*TS, body=body), "docs/guides/y.md": front(*TS, body=body)}
    assert check(tmp_path, files) == []


def test_link_from_russian_file_to_a_page_only_in_english(tmp_path):
    files = {"docs/guides/y.ru.md": front('title: "Игрек"', 'summary: "С"',
                                          body="См. [другое](other.md#details).\n"),
             "docs/guides/other.md": front(*TS, body="## Details\n")}
    assert check(tmp_path, files) == []


def test_link_from_russian_file_to_a_missing_page(tmp_path):
    problems = only_x(tmp_path, 'title: "Игрек"', 'summary: "С"',
                      body="См. [другое](other.md).\n", path="docs/guides/y.ru.md")
    expect_only(problems, "docs/guides/y.ru.md", 6, "body", "broken link", "'other.md'")


def test_a_link_naming_a_translations_file_is_refused(tmp_path):
    """The engine publishes about.ru.md at about's address: a link naming the file is left as written."""
    files = {X: front(*TS, body="Text.\n\n[About](other.ru.md#details)\n"),
             "docs/guides/other.md": front(*TS, body="## Details\n"),
             "docs/guides/other.ru.md": front('title: "Другое"', 'summary: "С"', body="## Details\n")}
    expect_only(check(tmp_path, files), X, 8, "body", "names the file of a translation",
                "link to 'other.md#details'")


def test_existing_image_is_fine(tmp_path):
    files = {X: front(*TS, body="![A chart](files/chart.png)\n"),
             "docs/guides/files/chart.png": b"\x89PNG\r\n\x1a\n"}
    assert check(tmp_path, files) == []


# --- symbolic links -------------------------------------------------------------

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")


@needs_symlinks
def test_symlinked_file_is_reported_not_followed(tmp_path):
    root = make_root(tmp_path, {"outside/secret.md": "no front matter at all\n"})
    os.symlink(root / "outside/secret.md", root / "docs/guides/link.md")
    site, problems = load_site(root)
    expect_only(problems, "docs/guides/link.md", 1, "file", "symbolic links are not allowed")
    assert "guides/link" not in site.entries


@needs_symlinks
def test_symlinked_folder_is_reported_not_followed(tmp_path):
    root = make_root(tmp_path, {"outside/dir/a.md": "no front matter at all\n"})
    os.symlink(root / "outside/dir", root / "docs/guides/linked", target_is_directory=True)
    site, problems = load_site(root)
    expect_only(problems, "docs/guides/linked", 1, "file", "symbolic links are not allowed")
    assert "guides/linked/a" not in site.entries


# --- active HTML ----------------------------------------------------------------

@pytest.mark.parametrize("snippet, line, words", [
    ("<script>alert(1)</script>", 10, ("<script> is not allowed",)),
    ('<iframe src="https://evil.example"></iframe>', 10, ("<iframe>", "allowlist")),
    ('<object data="https://evil.example/x.swf"></object>', 10, ("<object>", "allowlist")),
    ('<embed src="https://evil.example/x.swf">', 10, ("<embed>", "allowlist")),
    ('<div onclick="alert(1)">Hi</div>', 10, ("'onclick'", "<div>")),
    ("[x](javascript:alert(1))", 10, ("script URL in a link",)),
    ("[x](JaVaScRiPt:alert(1))", 10, ("script URL in a link",)),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', 10, ("script URL in a link",)),
    ('A paragraph.\n{: onmouseover="alert(1)" }', 11, ("'onmouseover'",)),
], ids=["script", "iframe", "object", "embed", "onclick", "javascript", "mixed-case",
        "entity", "attr_list"])
def test_active_html_is_reported(tmp_path, snippet, line, words):
    # body from line 6: Intro. (6), blank, More. (8), blank, the snippet from line 10
    problems = only_x(tmp_path, *TS, body=f"Intro.\n\nMore.\n\n{snippet}\n\nEnd.\n")
    expect_only(problems, X, line, "body", *words)


# --- raw HTML: published as written -------------------------------------------------

@pytest.mark.parametrize("snippet, words", [
    ('<a href="valid.md">the guide</a>', ("<a href=\"valid.md\">", "[text](valid.md)")),
    ('<img src="files/chart.png" alt="A chart">', ("<img src=\"files/chart.png\">", "![what the image shows]")),
    ('<div><a href="files/chart.png">the chart</a></div>', ("a Markdown link",)),
], ids=["page", "image", "file-in-a-block"])
def test_an_address_on_this_site_in_raw_html_is_refused(tmp_path, snippet, words):
    """MkDocs rewrites the addresses of Markdown links and images, never those of raw HTML."""
    files = {X: front(*TS, body=f"Intro.\n\n{snippet}\n")}
    if "chart" in snippet:
        files["docs/guides/files/chart.png"] = b"\x89PNG\r\n\x1a\n"
    expect_only(check(tmp_path, files), X, 8, "body", "written in HTML", *words)


def test_a_broken_address_in_raw_html_is_also_reported_as_broken(tmp_path):
    problems = only_x(tmp_path, *TS, body='Intro.\n\n<a href="nope.md">x</a> <a href="?page=2">next</a>\n')
    assert {p.message.split(":")[0] for p in problems if p.line == 8} >= {"broken link"}
    assert sum("written in HTML" in p.message for p in problems) == 2, problems


def test_raw_html_may_link_other_sites_and_the_pages_own_anchors(tmp_path):
    body = ('## Part\n\n<a href="https://example.org/x.md">elsewhere</a>, <a href="#part">above</a>, '
            '<a href="mailto:a@example.org">mail</a>.\n\nThe same page in Markdown: [the guide](valid.md).\n')
    assert only_x(tmp_path, *TS, body=body) == []


def test_a_markdown_link_beside_the_same_address_in_raw_html_is_located(tmp_path):
    body = "[The guide](valid.md)\n\nText.\n\n<a href=\"valid.md\">again</a>\n"
    expect_only(only_x(tmp_path, *TS, body=body), X, 10, "body", "written in HTML")


# --- ids of the page around the content -----------------------------------------------

@pytest.mark.parametrize("snippet, line, words", [
    ('<div id="__config">{}</div>', 10, ("id '__config' on <div>",)),
    ("## \\_\\_search", 10, ("id '__search' on <h2>", "{#another-id}")),
    ("## Heading {#__drawer}", 10, ("'__drawer'",)),
    ("A paragraph.\n{: #hub-catalogue-title }", 11, ("'hub-catalogue-title'",)),
    ("## Files", 10, ("'files'",)),
    ('<label for="__search">Search</label>', 10, ("'for' on <label> refers to '__search'",)),
    ('<table><tr><td headers="a __toc">x</td></tr></table>', 10, ("'headers' on <td> refers to '__toc'",)),
], ids=["config", "heading-text", "heading-attr-list", "hub-id", "open-data-section", "label-for", "headers"])
def test_ids_the_page_around_the_content_uses_are_refused(tmp_path, snippet, line, words):
    """The theme reads the first #__config, #__search...; content comes before them in the page."""
    problems = only_x(tmp_path, *TS, body=f"Intro.\n\nMore.\n\n{snippet}\n\nEnd.\n")
    expect_only(problems, X, line, "body", "the page around the content uses", *words)


def test_content_tabs_keep_their_own_ids(tmp_path):
    body = '=== "One"\n\n    First.\n\n=== "Two"\n\n    Second.\n'
    assert only_x(tmp_path, *TS, body=body) == []


def test_the_build_guard_refuses_a_link_to_a_markdown_file_left_in_built_html():
    from hubcore import html_policy
    found = html_policy.source_paths('<p><a href="../about/">ok</a> <a href="../about.ru.md#x">dead</a> '
                                     '<a href="https://example.org/README.md">elsewhere</a></p>')
    assert [f.key for f in found] == [("source", "../about.ru.md#x")]


def test_script_in_code_is_not_reported(tmp_path):
    text = """\
        ---
        title: "X"
        summary: "S"
        ---

        Intro.

        ```html
        <script>alert(1)</script>
        <div onclick="alert(1)">x</div>
        ```

        Never write `<script>alert(1)</script>` or ``<iframe src="https://evil.example">``.
        """
    assert check(tmp_path, {X: text}) == []


def test_script_between_stray_backticks_is_reported(tmp_path):
    body = "Press the ` key.\n\n<script>alert(1)</script>\n\nThen press ` again.\n"
    problems = only_x(tmp_path, *TS, body=body)
    expect_only(problems, X, 8, "body", "<script>")


def test_script_after_an_unclosed_fence_is_reported(tmp_path):
    problems = only_x(tmp_path, *TS, body="Intro.\n\n```\n<script>alert(1)</script>\n")
    expect_only(problems, X, 9, "body", "<script>")


def test_iframe_from_an_allowed_host(tmp_path):
    body = ('<iframe src="https://www.youtube.com/embed/abc"></iframe>\n\n'
            '<iframe src="http://www.youtube.com/embed/abc"></iframe>\n\n'
            '<iframe src="https://evil.example/embed/abc"></iframe>\n')
    root = make_root(tmp_path, {X: front(*TS, body=body),
                                "data/site.yml": "embed_allowed_hosts: [www.youtube.com]\n"})
    _, problems = load_site(root)
    assert [(p.line, p.field) for p in problems] == [(8, "body"), (10, "body")]
    for problem in problems:
        assert_problem(problem, X, problem.line, "body", "<iframe>", "www.youtube.com")


# --- translations ---------------------------------------------------------------

RU = "docs/guides/valid.ru.md"


def test_translation_repeating_a_neutral_field_differently(tmp_path):
    problems = only_x(tmp_path, 'title: "Р"', 'summary: "С"', 'date: "2023-05"',
                      "countries: [kz]", path=RU)
    expect_only(problems, RU, 5, "countries", "differs from the original",
                "docs/guides/valid.md")


def test_translation_repeating_a_neutral_field_identically(tmp_path):
    assert only_x(tmp_path, 'title: "Р"', 'summary: "С"', "countries: [kz, uz]",
                  path=RU) == []


def test_russian_only_original_is_valid(tmp_path):
    root = make_root(tmp_path, {"docs/guides/r.ru.md": front(
        'title: "Руководство"', 'summary: "Только по-русски."', 'date: "2022-10"',
        "countries: [kz, kg]", "topics: [digital-services]", "partners: [acsh]",
        'partners_source: "Руководство, титульный лист"', "authors: [Хаб]", "full_text: true", "attachments:", '  - title: "Текст"',
        "    url: https://example.org/r.pdf", "tags: [услуги]", "license: CC-BY-4.0",
        "draft: false", 'review_by: "2030-01-01"')})
    site, problems = load_site(root)
    assert problems == []
    assert site.entries["guides/r"].original.lang == "ru"


# --- where files are ------------------------------------------------------------

def test_file_outside_any_section(tmp_path):
    problems = only_x(tmp_path, *TS, path="docs/misc/x.md")
    expect_only(problems, "docs/misc", 1, "file", "not a section", "guides")


# --- one run, every problem --------------------------------------------------------

def test_every_problem_of_several_files_in_one_run(tmp_path):
    files = {
        "docs/guides/a.md": """\
            ---
            titel: "A"
            summary: "S"
            countries: [kz, xx]
            ---

            See [nothing](nope.md).
            """,
        "docs/reports/b.md": """\
            ---
            title: "B"
            summary: [not, text]
            draft: yes
            date: 2023-02-30
            ---

            <script>alert(1)</script>
            """,
        "docs/workshops/c.md": "---\ntitle: C\nsummary: S\n",
        "docs/case-studies/d.md": b'---\ntitle: "D"\nsummary: "\xff"\n---\n',
        "docs/case-studies/e.md": """\
            ---
            title: "E"
            summary: "S"
            title: "E again"
            ---
            """,
    }
    problems = check(tmp_path, files)
    prefixes = [str(p).split(": ", 2)[0] + ": " + p.field for p in problems]
    assert prefixes == [
        "docs/case-studies/d.md:3: file",
        "docs/case-studies/e.md:4: title",
        "docs/guides/a.md:2: titel",          # unknown, did you mean 'title'
        "docs/guides/a.md:2: title",          # required, so missing
        "docs/guides/a.md:4: countries[1]",
        "docs/guides/a.md:7: body",
        "docs/reports/b.md:3: summary",
        "docs/reports/b.md:4: draft",
        "docs/reports/b.md:5: date",
        "docs/reports/b.md:8: body",
        "docs/workshops/c.md:1: front matter",
    ]
    assert len(problems) == 11


# --- checking never writes ----------------------------------------------------------

def _snapshot(root: Path) -> dict[str, tuple]:
    state: dict[str, tuple] = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs + names:
            path = Path(folder) / name
            info = path.lstat()
            rel = path.relative_to(root).as_posix()
            content = path.read_bytes() if path.is_file() and not path.is_symlink() else None
            state[rel] = (info.st_mode, info.st_size, info.st_mtime_ns, content)
    return state


def test_load_site_never_writes(tmp_path):
    root = make_root(tmp_path, {
        X: front(*TS, "countries: [xx]", body="[x](nope.md)\n<script>x</script>\n"),
        "docs/guides/y.ru.md": front('title: "Y"', 'summary: "S"', body="Текст.\n"),
        "docs/guides/bad.md": b"---\ntitle: \xff\n",
        "docs/guides/files/chart.png": b"\x89PNG\r\n\x1a\n",
    })
    before = _snapshot(root)
    _, problems = load_site(root)
    load_site(root)
    assert problems  # the broken files were really read
    assert _snapshot(root) == before


def test_data_file_problems_are_located(tmp_path):
    root = make_root(tmp_path, {})
    project = (root / "data/project.yml").read_text(encoding="utf-8")
    (root / "data/project.yml").write_text(
        project.replace("match: {type: report}", "match: {type: reprot}"), encoding="utf-8")
    line = next(i for i, text in enumerate(project.splitlines(), 1) if "match: {type: report}" in text)
    _, problems = load_site(root)
    assert [str(p) for p in problems] == [
        f"data/project.yml:{line}: results[5].match.type: unknown value 'reprot'"]


def test_a_results_rows_singular_is_given_in_every_language(tmp_path):
    """"1 Report", not "1 Reports": a row's ``one`` is its label for a count of 1, needed in every language."""
    root = make_root(tmp_path, {})
    project = (root / "data/project.yml").read_text(encoding="utf-8")
    old = "one: {en: Report, ru: Отчёт}"
    assert old in project
    (root / "data/project.yml").write_text(project.replace(old, "one: {en: Report}"), encoding="utf-8")
    line = next(i for i, text in enumerate(project.splitlines(), 1) if old in text)
    _, problems = load_site(root)
    assert [str(p) for p in problems] == [f"data/project.yml:{line}: results[5].one: missing in 'ru'"]


# --- what a browser reads differently, and what the site's policy blocks -------------
# Each was let through before (issue 8's hostile-input suite found them): Python's HTML
# parser and a browser disagree on where a comment, a <style> or a tag ends, so a
# payload could hide from the check; the Content-Security-Policy would still block it.

@pytest.mark.parametrize("snippet, words", [
    ("<svg><style><img src=x onerror=alert(1)></style></svg>", ("<svg>", "image")),
    ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", ("<math>",)),
    ("<style>body{display:none}</style>", ("<style>", "Content-Security-Policy")),
    # What a browser makes of a comment it ends early, or of CDATA in HTML, is what the
    # check sees (it parses as browsers do): the <img> and its handler.
    ("<!--><img src=x onerror=alert(1)>-->", ("'onerror'",)),
    ("<!---><img src=x onerror=alert(1)>-->", ("'onerror'",)),
    ("<!-- x --!><img src=x onerror=alert(1)>-->", ("'onerror'",)),
    ("<![CDATA[><img src=x onerror=alert(1)>]]>", ("'onerror'",)),
    # Markdown turns the tab into spaces, which no browser removes: an address on this site
    # (refused, as any written in HTML), not a script.
    ('<a href="javas\tcript:alert(1)">x</a>', ("written in HTML",)),
    ('<a href="javas\ncript:alert(1)">x</a>', ("script URL in a link",)),
    ('<a href="java&#115;cript&colon;alert(1)">x</a>', ("script URL in a link",)),
    ('<p style="color: red">x</p>', ("'style'", "Content-Security-Policy")),
    ('A paragraph.\n{: style="display:none" }', ("'style'", "Content-Security-Policy")),
    ('<img src="https://tracker.example/pixel.png" alt="">', ("another host", "docs/")),
    ('<img srcset="//tracker.example/a.png 2x" alt="">', ("'srcset'", "not allowed")),
    ("![A chart](https://tracker.example/chart.png)", ("image from another host", "docs/")),
    ('<object data="https://www.youtube.com/x"></object>', ("<object>", "plugins")),
], ids=["svg-style", "math-style", "style", "abrupt-comment", "abrupt-comment-2", "bang-comment",
        "cdata", "tab-in-scheme", "newline-in-scheme", "entities", "style-attr", "style-attr_list",
        "remote-img", "remote-srcset", "remote-md-image", "object-allowed-host"])
def test_constructs_a_browser_reads_differently_are_refused(tmp_path, snippet, words):
    body = f"Intro.\n\n{snippet}\n\nEnd.\n"
    root = make_root(tmp_path, {X: front(*TS, body=body),
                                "data/site.yml": "embed_allowed_hosts: [www.youtube.com]\n"})
    _, problems = load_site(root)
    assert problems, snippet
    line = 8 + snippet.count("\n")  # the line that completes the construct
    assert all(p.path == X and p.field == "body" and p.line == line for p in problems), problems
    assert any(all(w in p.message for w in words) for p in problems), "\n".join(map(str, problems))


def test_an_unfinished_tag_at_the_end_is_shown_as_text(tmp_path):
    """Markdown escapes a tag it cannot read, so readers see text; the check judges what they get."""
    from hubcore import markdown_render
    for body in ("Intro.\n\n<img src=x onerror=alert(1)", 'Intro.\n\n<a title="x" href="https://example.org"'):
        assert only_x(tmp_path / str(len(body)), *TS, body=body) == []
        assert "&lt;" in markdown_render.render(body).html


def test_an_unfinished_tag_that_reaches_the_html_is_refused():
    """Should raw HTML ever end inside a tag, the page's next markup would become part of it."""
    from hubcore import html_policy
    found = html_policy.check('<p>Intro.</p><a title="x" href="https://example.org"')
    assert [f.message for f in found.findings if "unfinished" in f.message]


def test_harmless_lookalikes_are_fine(tmp_path):
    body = ("<!-- a note for editors -->\n\nIf a < b and c > d, 3<4.\n\n"
            "![A chart](files/chart.png)\n\n[Elsewhere](https://example.org/page)\n\n"
            "| Left | Centre |\n| :--- | :---: |\n| a | b |\n")
    files = {X: front(*TS, body=body), "docs/guides/files/chart.png": b"\x89PNG\r\n\x1a\n"}
    assert check(tmp_path, files) == []


@pytest.mark.parametrize("rel, words", [
    ('docs/guides/"><img src=x onerror=alert(1)>.md', ("file name", "lower-case")),
    ("docs/guides/About.md", ("file name",)),
    ("docs/guides/x.fr.md", ("x.ru.md",)),
    ("docs/guides/files/my report.pdf", ("file name",)),
    ("docs/guides/.env", ("hidden",)),
    ("docs/guides/.git/config", ("folder name '.git'",)),
    ("docs/guides/Files <b>/a.pdf", ("folder name",)),
])
def test_names_that_would_not_make_a_plain_address_are_refused(tmp_path, rel, words):
    problems = check(tmp_path, {rel: front(*TS) if rel.endswith(".md") else b"x"})
    folder = rel.rsplit("/", 2)[-2] if "folder" in words[0] else None
    expected = rel if folder is None else rel.rsplit("/", 1)[0]
    expect_only(problems, expected, 1, "file", *words)


def test_attachment_names_may_use_capitals_and_underscores(tmp_path):
    files = {"docs/guides/files/Report_2022.v2.pdf": b"%PDF-1.7\n",
             X: front(*TS, "attachments:", '  - {title: "Report", file: files/Report_2022.v2.pdf}')}
    assert check(tmp_path, files) == []


# --- the contribution allow-list (issue 12) ----------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.mark.parametrize("rel, data, words", [
    ("docs/guides/files/a.html", b"<p>x</p>", ("'.html' cannot be published",)),
    ("docs/guides/files/a.svg", b"<svg/>", ("'.svg'", "PNG")),
    ("docs/guides/files/a.PDF", b"%PDF-1.7\n", ("lower-case extension",)),
    ("docs/guides/files/a.pdf", b"<html><script>x</script>", ("not a real PDF", "HTML")),
    ("docs/guides/files/a.png", b"GIF89a", ("not a real PNG", "GIF")),
    ("docs/guides/files/a.docx", b"PK\x03\x04broken", ("not a real Word",)),
    ("docs/guides/files/a.csv", b"a,b\n\x00\x01,2\n", ("not a real CSV",)),
    ("docs/guides/files/a.csv", b"a,b\n1,2\n3,=HYPERLINK(\"x\")\n", ("formula",)),
], ids=["html", "svg", "upper-case", "html-as-pdf", "gif-as-png", "broken-docx", "binary-csv", "formula-csv"])
def test_attachments_are_recognised_by_their_content(tmp_path, rel, data, words):
    name = rel.rsplit("/", 1)[1]
    files = {rel: data, X: front(*TS, "attachments:", f'  - {{title: "F", file: files/{name}}}')}
    problems = check(tmp_path, files)
    if name == "a.PDF":  # refused by its name, so the attachment points at nothing either
        problems = [p for p in problems if p.path == rel]
    line = 3 if "formula" in words else 1
    assert_problem(the_only(problems), rel, line, "file", *words)


def test_office_and_opendocument_files_are_accepted(tmp_path):
    """Ordinary files as Word, PowerPoint and Excel save them (pictures, links to other sites)."""
    document = with_parts(plain_document(), {"word/_rels/document.xml.rels": _with_hyperlinks(
        plain_document(), "https://example.org/", "http://example.org/", "mailto:a@example.org")})
    files = {
        "docs/guides/files/a.docx": document,
        "docs/guides/files/a.pptx": presentation("Slides"),
        "docs/guides/files/a.xlsx": workbook(),
        "docs/guides/files/a.odt": zip_of({"mimetype": b"application/vnd.oasis.opendocument.text"}),
        "docs/guides/files/a.jpg": b"\xff\xd8\xff\xe0",
        X: front(*TS, "attachments:", *(f'  - {{title: "F", file: files/a.{ext}}}'
                                         for ext in ("docx", "pptx", "xlsx", "odt", "jpg"))),
    }
    assert check(tmp_path, files) == []


def _with_hyperlinks(docx: bytes, *targets: str) -> bytes:
    """The relationships of ``docx``'s main part, with a hyperlink to each of ``targets`` added."""
    import io
    import zipfile
    rels = zipfile.ZipFile(io.BytesIO(docx)).read("word/_rels/document.xml.rels").decode()
    added = "".join(f'<Relationship Id="rIdLink{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/hyperlink" Target="{target}" TargetMode="External"/>'
                    for n, target in enumerate(targets))
    return rels.replace("</Relationships>", added + "</Relationships>").encode()


@pytest.mark.parametrize("name, parts, words", [
    ("a.docx", {"word/vbaProject.bin": b"\x00" * 8}, ("word/vbaProject.bin (macros)",)),
    ("a.docx", {"word/embeddings/Microsoft_Excel_Sheet.xlsx": b"PK"}, ("word/embeddings/", "embedded object")),
    ("a.docx", {"word/media/x.bin": b"\x00"}, ("word/media/x.bin (a part of no declared type)",)),
    ("a.docx", {"macros/evil.png": b"\x89PNG"}, ("macros/evil.png (macros)",)),
    ("a.docx", {"outside/picture.png": b"\x89PNG"}, ("outside/picture.png (a part outside the folders",)),
    ("a.docx", "file://server/share/notes.docx", ("a hyperlink to 'file://server/share/notes.docx'",)),
    ("a.docx", "\\\\server\\share", ("a hyperlink to",)),
    ("a.docx", "javascript:alert(1)", ("a hyperlink to 'javascript:alert(1)'",)),
    ("a.docx", {"word/_rels/document.xml.rels": relationships(("styles", "styles.xml", ""), (
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "styles.xml", ""))},
     ("word/_rels/document.xml.rels (a relationship to macros)",)),
], ids=["vba", "embedded-workbook", "undeclared", "macro-folder", "outside-folders", "file-link", "unc-link",
        "script-link", "macros-under-another-type"])
def test_office_parts_not_on_the_allow_list_are_named(name, parts, words):
    from hubcore import file_formats
    if isinstance(parts, str):
        parts = {"word/_rels/document.xml.rels": _with_hyperlinks(plain_document(), parts)}
    found = file_formats.check(name, with_parts(plain_document(), parts))
    assert found is not None and found[0] == 1
    for word in ("the Word file holds", *words):
        assert word in found[1], found[1]


def test_an_office_file_is_read_within_bounds():
    """Only the declared types and the relationships are unpacked, each up to a limit; no DTD is read."""
    from hubcore import file_formats, limits
    bomb = with_parts(plain_document(), {"word/_rels/document.xml.rels": b" " * (limits.MAX_PACKAGE_XML_BYTES + 1)})
    assert len(bomb) < 100_000
    assert "unpacks to more than" in file_formats.check("a.docx", bomb)[1]
    entities = b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa">]><Types>&a;</Types>'
    assert "declares a document type" in file_formats.check(
        "a.docx", with_parts(plain_document(), {"[Content_Types].xml": entities}))[1]


def test_the_import_reads_a_document_whose_links_and_objects_it_would_drop():
    """A document only read by hub.py import must be without macros; the rest the conversion drops."""
    from hubcore import file_formats
    links = with_parts(plain_document(), {"word/_rels/document.xml.rels": _with_hyperlinks(
        plain_document(), "javascript:alert(1)")})
    chart_data = with_parts(plain_document(), {"word/embeddings/Microsoft_Excel_Sheet.xlsx": b"PK"})
    for document in (links, chart_data):
        assert file_formats.check("a.docx", document) is not None
        assert file_formats.check("a.docx", document, published=False) is None
    macros = with_parts(plain_document(), {"word/vbaProject.bin": b"\x00"})
    assert "macros" in file_formats.check("a.docx", macros, published=False)[1]


@pytest.mark.parametrize("rel, words", [
    ("docs/assets/javascripts/bundle.js", ("folder 'assets' is not a section",)),
    ("docs/guides/sub/x.md", ("folders are not allowed here",)),
    ("docs/guides/notes.txt", ("only Markdown pages may be here",)),
    ("docs/files/sub/a.pdf", ("folders are not allowed here",)),
    ("docs/search.md", ("the site uses that address",)),
    ("docs/admin.md", ("the site uses that address",)),
])
def test_what_has_no_place_in_a_contribution_is_refused(tmp_path, rel, words):
    problems = check(tmp_path, {rel: front(*TS) if rel.endswith(".md") else b"x"})
    folder = rel.split("/")
    expected = {"bundle.js": "docs/assets", "x.md": "docs/guides/sub", "a.pdf": "docs/files/sub"}.get(folder[-1], rel)
    expect_only(problems, expected, 1, "file", *words)


def test_a_top_level_page_may_have_files(tmp_path):
    files = {"docs/about.md": front(*TS, body="![Logo](files/logo.png)\n"), "docs/files/logo.png": PNG}
    assert check(tmp_path, files) == []


def test_an_image_must_be_an_image(tmp_path):
    files = {X: front(*TS, body="Intro.\n\n![Chart](files/chart.pdf)\n"), "docs/guides/files/chart.pdf": b"%PDF-1.7\n"}
    expect_only(check(tmp_path, files), X, 8, "body", "not an image")


@pytest.mark.parametrize("image", ["![](files/chart.png)", "![ ](files/chart.png)",
                                   '<img src="files/chart.png">', '<img src="files/chart.png" alt=" ">'])
def test_an_image_needs_alt_text(tmp_path, image):
    files = {X: front(*TS, "draft: true", body=f"Intro.\n\n{image}\n"), "docs/guides/files/chart.png": PNG}
    # An image written in HTML is refused for that too (its address would not be rewritten).
    problems = [p for p in check(tmp_path, files) if "written in HTML" not in p.message]
    expect_only(problems, X, 9, "body", "image 'files/chart.png' has no alt text",
                "![what the image shows](files/chart.png)")


def test_files_only_a_draft_uses_are_accepted_and_not_published(tmp_path):
    files = {X: front(*TS, "draft: true", "attachments:", '  - {title: "F", file: files/a.pdf}',
                      body="![Chart](files/chart.png)\n"),
             "docs/guides/files/a.pdf": b"%PDF-1.7\n", "docs/guides/files/chart.png": PNG}
    root = make_root(tmp_path, files)
    site, problems = load_site(root)
    assert problems == []
    assert "guides/files/a.pdf" not in site.files and "guides/files/chart.png" not in site.files
    assert "guides/x.md" not in site.files and "guides/valid.md" in site.files


def test_a_page_that_links_a_draft_is_refused_but_a_draft_may(tmp_path):
    files = {X: front(*TS, body="Intro.\n\nSee [the draft](d.md).\n"),
             "docs/guides/d.md": front(*TS, "draft: true", body="See [the other](x.md).\n")}
    expect_only(check(tmp_path, files), X, 8, "body", "links to a draft", "docs/guides/d.md")


def test_two_sources_for_one_address(tmp_path):
    problems = check(tmp_path, {"docs/guides.md": front(*TS)})
    expect_only(problems, "docs/guides.md", 1, "file", "/guides/", "docs/guides/index.md")


@pytest.mark.parametrize("edit, line_text, field, words", [
    (("  kz:\n", "  k/z:\n"), "  k/z:", "countries.k/z", ("ids must be",)),
    (("    folder: guides\n", "    folder: assets\n"), "    folder: assets", "types.guide.folder", ("assets",)),
    (("    url: https://creativecommons.org/licenses/by/4.0/", '    url: "http://example.org"'),
     '    url: "http://example.org"', "licenses.CC-BY-4.0.url", ("https://",)),
    # Vocabulary roles and facets (hubcore/roles.py).
    (("    schema_org: Report\n", "    schema_org: <Report>\n"), "    schema_org: <Report>",
     "types.report.schema_org", ("schema.org type",)),
    (("    schema_org: Article\n", "    schema_org: EducationEvent\n"), "    schema_org: EducationEvent",
     "types.case-study.schema_org", ("event_kinds",)),
    (("    pages: topics\n", "    pages: assets\n"), "    pages: assets", "roles.topics.pages", ("assets",)),
    (("    pages: countries\n", "    pages: topics  # taken\n"), "    pages: topics  # taken", "roles.countries.pages",
     ("topics's pages are in 'topics' already",)),
    (("    field: event.format\n", "    field: format\n"), "    field: format", "roles.formats.field",
     ("event.format",)),
    (("    related: {weight: 2}\n", "    related: {weight: two}\n"), "    related: {weight: two}",
     "roles.countries.related.weight", ("whole number",)),
    (("place: work}\n", "place: maker}\n"), "    schema_org: {property: creator, type: Organization, place: maker}",
     "roles.partners.schema_org.place", ("subject, work, event",)),
    (("  licenses:\n    field: license\n", "  licenses:\n    feild: license\n"), "    feild: license",
     "roles.licenses.feild", ("unknown key",)),
    (("    footer: true  #", "    footer: yes  #"), "    footer: yes  # the project's organisations, on every page",
     "roles.partners.footer", ("true or false",)),
    (("    pages: topics\n", "    pages: topics\n    footer: true\n"), "  topics:", "roles.topics.footer",
     ("'footer_topics' in data/ui.yml (en, ru)",)),
    (("  format: {vocabulary: formats}\n", "  format: {vocabulary: fromats}\n"),
     "  format: {vocabulary: fromats}", "facets.format.vocabulary", ("unknown vocabulary 'fromats'",)),
    (("  year: {derived: year}\n", "  year: {derived: month}\n"), "  year: {derived: month}",
     "facets.year.derived", ("year, languages",)),
    (("  language: {derived: languages}\n", "  language: {derived: languages}\n  partner: {vocabulary: partners}\n"),
     "  partner: {vocabulary: partners}", "facets.partner", ("'facet_partner' in data/ui.yml (en, ru)",)),
    (("  format: {vocabulary: formats}\n", "  words: {vocabulary: formats}\n"),
     "  words: {vocabulary: formats}", "facets.words", ("the library's own address parameter",)),
])
def test_data_files_are_checked_like_content(tmp_path, edit, line_text, field, words):
    root = make_root(tmp_path)
    path = root / "data/taxonomies.yml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    text = text.replace(edit[0], edit[1], 1)
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index(line_text) + 1
    _, problems = load_site(root)
    assert any(str(p).startswith(f"data/taxonomies.yml:{line}: {field}: ") and all(w in p.message for w in words)
               for p in problems), "\n".join(map(str, problems))


@pytest.mark.parametrize("edit, line_text, field, words", [
    # A help text missing in one language, at its field's line.
    (('  ru: "Темы материала', '  xx: "Темы материала'), "topics:", "topics.ru", ("missing translation",)),
    (('  ru: "Темы материала', '  xx: "Темы материала'), '  xx: "Темы', "topics.xx", ("unknown language", "en, ru")),
    (("event.location:\n", "event.locaton:\n"), "event.locaton:", "event.locaton",
     ("unknown field", "did you mean 'event.location'?")),
    (("event.location:\n", "event.locaton:\n"), None, "event.location", ("missing", "hubcore/schema.py")),
    (('  en: "How it was delivered."', '  en: |\n    How it was\n    delivered.'), "  en: |", "event.format.en",
     ("one line",)),
    (("\nurl:\n", "\nurl: [en, ru]\nold_url:\n"), "url: [en", "url", ("must map each language",)),
])
def test_field_help_texts_are_checked_like_the_other_data_files(tmp_path, edit, line_text, field, words):
    """data/fields.yml: a text per declared field in every language, on one line; each problem at its line."""
    root = make_root(tmp_path)
    path = root / "data/fields.yml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text, edit[0]
    text = text.replace(edit[0], edit[1], 1)
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines, 1) if l.startswith(line_text)) if line_text else 1
    _, problems = load_site(root)
    assert any(str(p).startswith(f"data/fields.yml:{line}: {field}: ") and all(w in p.message for w in words)
               for p in problems), "\n".join(map(str, problems))


def test_an_unreadable_field_help_file_is_one_problem(tmp_path):
    """YAML that cannot be read is reported once, at its line, not as every field missing."""
    problems = check(tmp_path, {"data/fields.yml": "title:\n  en: [unclosed\n"})
    assert [p.path for p in problems] == ["data/fields.yml"], "\n".join(map(str, problems))


def test_every_declared_field_has_its_help_in_every_language(tmp_path):
    """The real data/fields.yml is complete: no problem, and a text for every declared field and language."""
    from hubcore import field_help
    from hubcore.settings import LANGUAGES
    help, problems = field_help.load(make_root(tmp_path))
    assert problems == []
    assert sorted(help.texts) == sorted(field_help.declared())
    assert all(help.text(path, lang) for path in field_help.declared() for lang in LANGUAGES)


def test_embed_hosts_are_host_names(tmp_path):
    problems = check(tmp_path, {"data/site.yml": "embed_allowed_hosts: ['https://evil.example/x']\n"})
    expect_only(problems, "data/site.yml", 1, "embed_allowed_hosts", "host names")


def test_an_unknown_data_file_is_refused(tmp_path):
    expect_only(check(tmp_path, {"data/notes.md": "x"}), "data/notes.md", 1, "file", "data files")


@pytest.mark.parametrize("text, line, field, words", [
    ("---\ntitle: \"X\"\nsummary: \"S\"\n--- \n\nBody.\n", 4, "front matter", ("exactly '---'",)),
    ("--- \ntitle: \"X\"\nsummary: \"S\"\n---\n\nBody.\n", 1, "front matter", ("exactly '---'",)),
    ("---\ntitle: \"X\"\nsummary: \"S\"\n---", 4, "front matter", ("line break",)),
    ("---\ntitle: \"X\u200b\u202e\"\nsummary: \"S\"\n---\n\nBody.\n", 2, "file", ("U+202E",)),
    ("---\ntitle: \"X\"\nsummary: \"S\"\n---\n\nBody \x1b[31m red.\n", 6, "file", ("U+001B",)),
], ids=["closing-space", "opening-space", "no-final-newline", "bidi", "escape-sequence"])
def test_framing_and_characters_that_would_be_lost_or_garbled(tmp_path, text, line, field, words):
    expect_only(check(tmp_path, {X: text}), X, line, field, *words)


def test_footnotes_are_links_inside_the_page(tmp_path):
    body = "A claim[^1] and [^note].\n\n[^1]: Source, 2022.\n[^note]: See [the guide](valid.md).\n"
    assert check(tmp_path, {X: front(*TS, body=body)}) == []


# --- bounded work: checking time grows linearly with the size, whatever the shape -------

def _timed_check(tmp_path: Path, body: str) -> tuple[float, list[Problem]]:
    """The best of two checks of a tree holding ``body`` (the best is the least disturbed)."""
    root = make_root(tmp_path)
    (root / X).write_text(front(*TS, body=body), encoding="utf-8")
    times = []
    for _ in range(2):
        started = time.perf_counter()
        _, problems = load_site(root)
        times.append(time.perf_counter() - started)
    return min(times), problems


# Shapes that once made a check quadratic or worse, as functions of a repeat count.
HOSTILE_SHAPES = {
    "one long heading line": lambda n: "## " + "word " * (200 * n) + "\n",
    "thousands of links": lambda n: "See [a](valid.md) and [b](valid.md#introduction).\n" * (20 * n),
    "runs of brackets": lambda n: ("[" * 200 + "x" * 1000 + "\n\n") * n,
    "runs of tags": lambda n: ("<a " * 300 + "\n\n") * n,
    "unclosed links": lambda n: ("[a](" * 300 + "\n\n") * n,
    "deep lists": lambda n: "".join("    " * (i % 40) + "- x\n" for i in range(20 * n)),
    "many headings": lambda n: "".join(f"## Heading {i}\n\ntext\n\n" for i in range(25 * n)),
    "long definition list": lambda n: "Term\n: Definition\n" * (2 * n),
    # Shapes the renderer takes quadratic time on, small enough that the old check took well
    # under its deadline at the smaller size (it failed this test on each of them).
    "headings without a blank line": lambda n: "".join(f"## Heading {i}\n" for i in range(20 * n)),
    "content tabs": lambda n: '=== "Tab"\n' * (20 * n),
    "a run of backslashes": lambda n: "\\" * (1000 * n) + "\n",
    "references to one footnote": lambda n: "See[^1].\n\n" * (10 * n) + "[^1]: A note.\n",
    "list items after a paragraph": lambda n: "Text.\n" + "- [x\n" * (8 * n),
    "problems to locate": lambda n: "".join(
        (f'<span onclick="x{i}">a</span>\n\n' if i % (8 * n // 5) == 4 * n // 5 else "")
        + f"Paragraph {i}: some text.\n\n" for i in range(40 * n)),
}


@pytest.mark.parametrize("name", list(HOSTILE_SHAPES))
def test_hostile_shapes_are_checked_in_time_linear_in_their_size(tmp_path, name):
    """Four times the input takes about four times as long (a quadratic check would take
    sixteen): the ratio of two sizes measured in the same run, so a busy machine does not
    matter. At the larger size each shape is about 200 KB, near the limit of a page."""
    small, _ = _timed_check(tmp_path / "small", HOSTILE_SHAPES[name](50))
    large, problems = _timed_check(tmp_path / "large", HOSTILE_SHAPES[name](200))
    assert large <= 8 * small + 0.3, f"{name}: {large:.2f} s at 4x the size of one taking {small:.2f} s"
    assert all(p.path in (X, "docs/guides/index.md") for p in problems), problems


def test_the_fast_yaml_reader_agrees_with_the_strict_one(monkeypatch):
    """libyaml reads front matter (strict_yaml._fast_node); the Python reader must give the same."""
    from hubcore import strict_yaml
    texts = [path.read_text(encoding="utf-8").split("---\n", 2)[1] for path in (REPO / "docs").rglob("*.md")]
    texts.append('a: 1\nb: "x"\nc: [kz, uz]\nd: {kind: workshop, n: 3}\ne: 2022-05\nf: yes\ng: NO\nh: ~\n'
                 "i: 1.5\nj: |\n  block\n  text\nk: >-\n  folded\nl: 0755\nm: null\nn: true\no: -3\np: ''\n")
    fast = [strict_yaml.parse(text, first_line=2) for text in texts]
    monkeypatch.setattr(strict_yaml, "_FAST_LOADER", None)
    strict = [strict_yaml.parse(text, first_line=2) for text in texts]
    assert [(d.value, d.lines) for d in fast] == [(d.value, d.lines) for d in strict]
    assert fast[-1].value["h"] is None and fast[-1].value["n"] is True and fast[-1].value["l"] == "0755"


_LOAD_WITHIN = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # 2 GiB of address space, no more
sys.path.insert(0, sys.argv[2])
from hubcore.loader import load_site
print("\\n".join(str(p) for p in load_site(Path(sys.argv[1]))[1]))
"""


@pytest.mark.parametrize("rel", ["docs/guides/huge.md", "data/site.yml"])
def test_a_file_over_its_limit_is_refused_without_being_read(tmp_path, rel):
    """A 3 GB file (sparse: no disk used) in 2 GiB of memory: refused on line 1, not read whole."""
    root = make_root(tmp_path, {})
    with open(root / rel, "wb") as huge:
        huge.truncate(3 << 30)
    result = subprocess.run([sys.executable, "-c", _LOAD_WITHIN, str(root), str(REPO)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"{rel}:1: file: too large: at most" in result.stdout
