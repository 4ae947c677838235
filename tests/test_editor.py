"""Editor help for authors: completion snippets and front-matter checks while typing.

The snippets (hubcore/snippets.py) must give front matter the validator accepts.
The checks while typing come from remark with the schemas (.remarkrc.mjs): the
same engine and configuration VS Code's remark extension runs, so running the
remark command line on a repository shows what an author sees in the editor.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, copy_repo, run_hub
from fixture_tree import front
from hubcore.fields import FieldChecker
from hubcore.schema import PAGE, fields_for
from hubcore.snippets import snippets
from hubcore.strict_yaml import parse
from hubcore.taxonomy import load as load_taxonomies

TAXONOMIES, _ = load_taxonomies(REPO)
REMARK = REPO / "node_modules" / ".bin" / "remark"


def expand(body: list[str]) -> str:
    """What an author gets by accepting a snippet as offered: first choices, placeholders kept."""
    text = "\n".join(body)
    text = re.sub(r"\$\{\d+\|((?:\\.|[^,|\\])*)[,|](?:\\.|[^}])*\}", lambda m: m.group(1), text)
    text = re.sub(r"\$\{\d+:((?:\\.|[^}\\])*)\}", lambda m: m.group(1), text)
    return re.sub(r"\\(.)", r"\1", text)


def problems_of(kind: str, meta: dict) -> list[str]:
    found: list[str] = []
    FieldChecker(TAXONOMIES, lambda path, where, message: found.append(f"{where}: {message}")).check(meta, kind)
    return found


def test_every_field_has_a_snippet_that_gives_valid_front_matter():
    offered = snippets(TAXONOMIES)
    declared = {spec.name for kind in (*TAXONOMIES.types, PAGE) for spec in fields_for(kind)}
    assert {s["prefix"] for s in offered.values()} == declared - {"translated_from"}
    for snippet in offered.values():
        name = snippet["prefix"]
        kind = next(k for k in (*TAXONOMIES.types, PAGE) if any(f.name == name for f in fields_for(k)))
        text = 'title: "T"\nsummary: "S"\n' if name not in ("title", "summary") else ""
        text += expand(snippet["body"]) + "\n"
        if name == "title":
            text += 'summary: "S"\n'
        if name == "summary":
            text += 'title: "T"\n'
        meta = parse(text).value
        assert name in meta, text
        assert problems_of(kind, meta) == [], (name, text)
        assert snippet["scope"] == "markdown" and snippet["description"]


def test_term_fields_offer_exactly_the_vocabulary():
    offered = snippets(TAXONOMIES)
    countries = offered["front matter: countries"]["body"][0]
    assert countries == f"countries: [${{1|{','.join(TAXONOMIES['countries'])}|}}]"
    event = offered["front matter: event"]["body"]
    assert event[0] == "event:" and event[1].startswith("  kind: ${1|workshop,")
    assert "(optional; Workshop materials)" in offered["front matter: event"]["description"]


def test_make_schemas_writes_the_editor_files(tmp_path):
    root = copy_repo(tmp_path / "repo")
    result = run_hub(root, "schemas", "--out", ".cache/schemas", "--snippets", ".vscode/front-matter.code-snippets")
    assert result.returncode == 0, result.stderr
    associations = json.loads((root / ".cache/schemas/associations.json").read_text())
    assert list(associations)[-1] == ".cache/schemas/page.schema.json"  # last: section intros are pages
    for schema in associations:
        assert (root / schema).is_file()
    text = (root / ".vscode/front-matter.code-snippets").read_text(encoding="utf-8")
    assert text.startswith("// Generated")
    assert json.loads(text.split("\n", 1)[1]) == snippets(TAXONOMIES)


def _remark_tree(tmp_path: Path) -> Path:
    if not REMARK.exists():
        if os.environ.get("CI"):
            pytest.fail("node_modules/.bin/remark is missing: 'npm ci' installs it")
        pytest.skip("run 'npm ci' to install remark")
    root = copy_repo(tmp_path / "repo")
    shutil.copy2(REPO / ".remarkrc.mjs", root / ".remarkrc.mjs")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    result = run_hub(root, "schemas", "--out", ".cache/schemas")
    assert result.returncode == 0, result.stderr
    return root


def remark(root: Path, *paths: str) -> dict[str, list[tuple[int, str]]]:
    """remark's messages per file: (line, text), as the editor underlines them."""
    result = subprocess.run([str(REMARK), "--no-stdout", "--no-color", *paths], cwd=root,
                            capture_output=True, text=True, timeout=300)
    found: dict[str, list[tuple[int, str]]] = {}
    current = ""
    for line in result.stderr.splitlines():
        if (m := re.match(r"\s*(?:(\d+):\d+(?:-\d+:\d+)?)?\s+warning\s+(.*)", line)):
            found[current].append((int(m.group(1) or 1), m.group(2)))  # no position: the file's start
        elif line.strip() and not line.startswith("⚠"):
            current = line.split()[0].rstrip(":")
            found.setdefault(current, [])
    return {path: messages for path, messages in found.items() if messages}


def test_remark_shows_front_matter_mistakes_on_their_lines(tmp_path):
    root = _remark_tree(tmp_path)
    (root / "docs/guides/mistakes.md").write_text(front(
        'title: "A guide with mistakes"',        # line 2
        'summary: "Shows what the editor says."',  # line 3
        "countries: [kz, atlantis]",              # line 4: not a country
        'date: "2023-13"',                        # line 5: no 13th month
        "titel: typo",                            # line 6: unknown field
    ), encoding="utf-8")
    (root / "docs/guides/incomplete.md").write_text(front('title: "No summary"'), encoding="utf-8")
    # A translation needs only its text fields; a section intro is a page, not a guide.
    (root / "docs/guides/mistakes.ru.md").write_text(front(
        'title: "Руководство с ошибками"', 'summary: "Показывает, что скажет редактор."',
        "translated_from: {title: '0a1b2c3d', summary: '0a1b2c3d', body: '0a1b2c3d'}"), encoding="utf-8")
    found = remark(root, "docs")
    assert set(found) == {"docs/guides/mistakes.md", "docs/guides/incomplete.md"}, found
    messages = dict((message.split(" • ")[0], line) for line, message in found["docs/guides/mistakes.md"])
    assert messages["Must be equal to one of the allowed values: `am`, `az`, `ge`, `kz`, `kg`, `tj`, `uz`, `kr`"] == 4
    assert next(line for text, line in messages.items() if text.startswith("Must match pattern")) == 5
    unknown = [line for line, message in found["docs/guides/mistakes.md"] if "#/additionalProperties" in message]
    assert unknown == [6], found  # on the unknown field's own line
    assert any("summary" in message for _, message in found["docs/guides/incomplete.md"])


def test_the_real_content_gives_remark_nothing_to_say(tmp_path):
    root = _remark_tree(tmp_path)
    assert remark(root, "docs") == {}
