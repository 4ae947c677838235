"""The Nu HTML checker (v.Nu, the W3C's) on every built page, both languages, every page type.

The checker is the npm package vnu-jar (exact version in package.json), run with
Java. It fails on any error in the project's own markup. Material's own
template errors that remain are listed in MATERIALS_OWN, each with the template
it comes from and why it stays; an entry matches only that markup, so the same
error in the project's markup still fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO

VNU = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"

# (message, the markup it is about, where it comes from and why it is kept)
MATERIALS_OWN = [
    ("Attribute “autocomplete” is only allowed when the input type is",
     re.compile(r'^<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
                r'id="__(drawer|search)" autocomplete="off">$'),
     "Material's base.html puts autocomplete=\"off\" on the checkboxes that open the drawer and search, "
     "so that Firefox does not restore an open drawer or search dialog when a page is reloaded; HTML allows "
     "the attribute on text-like inputs only, and browsers ignore it elsewhere. Overriding base.html, "
     "Material's whole page, to drop one attribute would cost more at every upgrade than it gains."),
    ("Bad value “” for attribute “tabindex” on element “label”",
     re.compile(r'^<label class="md-nav__link" for="__nav_\d+" id="__nav_\d+_label" tabindex="">$'),
     "With navigation.tabs, Material's nav-item.html (9.8) writes an empty tabindex on the label of the "
     "current tab's group, which the sidebar shows as the group's heading: it means to leave it out of the "
     "tab order, which a label is anyway, and browsers read an empty tabindex as none. Overriding "
     "nav-item.html, the whole navigation's macro, to drop one attribute would cost more at every upgrade "
     "than it gains."),
]


def check(files: list[Path]) -> list[dict]:
    """The checker's errors for ``files`` (its JSON output, one message per error)."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        if os.environ.get("CI"):
            pytest.fail("Java and node_modules/vnu-jar are required in CI (.ci/run installs both)")
        pytest.skip("the Nu HTML checker needs Java (apt-get install default-jre-headless) and 'npm ci'")
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--exit-zero-always",
                             *map(str, files)], capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr)["messages"]


def markup(message: dict) -> str:
    """The markup an error is about (the checker's highlighted part of its extract)."""
    start = message.get("hiliteStart", 0)
    return message.get("extract", "")[start:start + message.get("hiliteLength", 0)]


def materials_own(message: dict) -> bool:
    return any(message["message"].startswith(text) and pattern.match(markup(message))
               for text, pattern, _ in MATERIALS_OWN)


def test_every_page_is_valid_html_apart_from_materials_listed_errors(built):
    pages = sorted(built["site"].rglob("*.html"))
    assert len([p for p in pages if p.relative_to(built["site"]).parts[0] == "ru"]) > 40
    errors = [m for m in check(pages) if m["type"] == "error" and not materials_own(m)]
    found = [f"{Path(m['url'].removeprefix('file:')).relative_to(built['site'])}:{m.get('lastLine')}: "
             f"{m['message']} [{markup(m)}]" for m in errors]
    assert found == []


def test_the_checker_catches_an_error_and_materials_list_stays_narrow(tmp_path):
    """A page with a label for a missing control (the error product pages had) and Material's checkbox
    with a different id: both are errors; only Material's own markup is let through."""
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
                    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
                    '<input class="md-toggle" data-md-toggle="x" type="checkbox" id="__x" autocomplete="off">'
                    '<label for="__toc">Table of contents</label></body></html>', encoding="utf-8")
    messages = [m for m in check([page]) if m["type"] == "error"]
    assert len(messages) == 3
    kept = [m for m in messages if not materials_own(m)]
    assert [m["message"].split(" ")[:3] for m in kept] == [["Attribute", "“autocomplete”", "is"],
                                                          ["The", "value", "of"]]
