"""Editor help for authors: completion snippets, and the front-matter check with remark.

The snippets (hubcore/snippets.py) must give front matter the validator accepts.
remark checks front matter against the generated schemas (.remarkrc.mjs), run
exactly as ``npm run check-front-matter`` runs it: with the repository's own
configuration only, so that nothing a pull request adds under docs/ is executed.
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
from hubcore import field_help
from hubcore.fields import FieldChecker
from hubcore.schema import PAGE, fields_for
from hubcore.snippets import snippets
from hubcore.strict_yaml import parse
from hubcore.taxonomy import load as load_taxonomies

TAXONOMIES, _ = load_taxonomies(REPO)
HELP, _ = field_help.load(REPO)
REMARK = REPO / "node_modules" / ".bin" / "remark"


def expand(body: list[str]) -> str:
    """What an author gets by accepting a snippet as offered: first choices, placeholders kept."""
    text = "\n".join(body)
    text = re.sub(r"\$\{\d+\|((?:\\.|[^,|\\])*)[,|](?:\\.|[^}])*\}", lambda m: m.group(1), text)
    text = re.sub(r"\$\{\d+:((?:\\.|[^}\\])*)\}", lambda m: m.group(1), text)
    return re.sub(r"\\(.)", r"\1", text)


def problems_of(kind: str, meta: dict) -> list[str]:
    found: list[str] = []
    FieldChecker(TAXONOMIES, lambda path, where, message: found.append(f"{where}: {message}"), HELP).check(meta, kind)
    return found


def test_every_field_has_a_snippet_that_gives_valid_front_matter():
    offered = snippets(TAXONOMIES, HELP)
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
    offered = snippets(TAXONOMIES, HELP)
    countries = offered["front matter: countries"]["body"][0]
    assert countries == f"countries: [${{1|{','.join(TAXONOMIES['countries'])}|}}]"
    event = offered["front matter: event"]["body"]
    assert event[0] == "event:" and event[1].startswith("  kind: ${1|workshop,")
    assert "(optional; Event materials)" in offered["front matter: event"]["description"]


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
    assert json.loads(text.split("\n", 1)[1]) == snippets(TAXONOMIES, HELP)


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


def remark_options() -> list[str]:
    """The options of the project's own remark command (package.json), without its paths."""
    script = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["scripts"]["check-front-matter"]
    words = script.split()
    assert words[0] == "remark" and words[-1] == "docs", script
    return words[1:-1]


def remark(root: Path, *paths: str, exit_code: int | None = None) -> dict[str, list[tuple[int, str]]]:
    """remark's messages per file: (line, text), run as the project runs it."""
    result = subprocess.run([str(REMARK), *remark_options(), "--no-color", "--frail", *paths], cwd=root,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr  # 1: warnings (--frail); anything else: it broke
    if exit_code is not None:
        assert result.returncode == exit_code, result.stderr
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
    found = remark(root, "docs", exit_code=1)
    assert set(found) == {"docs/guides/mistakes.md", "docs/guides/incomplete.md"}, found
    messages = dict((message.split(" • ")[0], line) for line, message in found["docs/guides/mistakes.md"])
    assert messages["Must be equal to one of the allowed values: `am`, `az`, `ge`, `kz`, `kg`, `tj`, `uz`, `kr`"] == 4
    assert next(line for text, line in messages.items() if text.startswith("Must match pattern")) == 5
    unknown = [line for line, message in found["docs/guides/mistakes.md"] if "#/additionalProperties" in message]
    assert unknown == [6], found  # on the unknown field's own line
    assert any("summary" in message for _, message in found["docs/guides/incomplete.md"])


def test_the_real_content_gives_remark_nothing_to_say(tmp_path):
    root = _remark_tree(tmp_path)
    assert remark(root, "docs", exit_code=0) == {}


EVIL_PLUGIN = """import {writeFileSync} from 'node:fs'
writeFileSync(new URL('../../RAN', import.meta.url), 'contributed code ran')
export default function () {}
"""


@pytest.mark.parametrize("config", [
    ("package.json", '{"remarkConfig": {"plugins": ["./evil.mjs"]}}'),
    (".remarkrc.json", '{"plugins": ["./evil.mjs"]}'),
    (".remarkrc.mjs", "import './evil.mjs'\nexport default {}\n"),
], ids=["package.json", "remarkrc-json", "remarkrc-mjs"])
def test_remark_never_runs_a_contributed_configuration(tmp_path, config):
    """A configuration file a pull request adds under docs/ names a plugin that would leave a mark.

    Run plainly, remark finds and loads it (checked here, so the test proves something);
    run as the project runs it, the plugin never loads. The validator refuses such files too.
    """
    root = _remark_tree(tmp_path)
    name, text = config
    (root / "docs/guides" / name).write_text(text, encoding="utf-8")
    (root / "docs/guides/evil.mjs").write_text(EVIL_PLUGIN, encoding="utf-8")
    subprocess.run([str(REMARK), "--no-stdout", "docs/guides"], cwd=root, capture_output=True, timeout=300)
    assert (root / "RAN").exists(), "remark did not load the configuration: the test proves nothing"
    (root / "RAN").unlink()
    remark(root, "docs")
    assert not (root / "RAN").exists(), "a contributed configuration ran"
    problems = run_hub(root, "validate").stdout
    assert f"docs/guides/{name}:1: file:" in problems and "docs/guides/evil.mjs:1: file:" in problems


def _watch_task() -> dict:
    tasks = json.loads((REPO / ".vscode/tasks.json").read_text(encoding="utf-8"))["tasks"]
    return next(task for task in tasks if "--watch" in task["command"])


def test_checking_on_every_save_shows_each_problem_and_recovers(tmp_path):
    """The editor task: 'validate --watch' checks again after each save; the task's problem
    matcher (its patterns, read from .vscode/tasks.json) finds each run's start, end and problems."""
    import queue
    import signal
    import sys
    import threading
    import time
    task = _watch_task()
    matcher = task["problemMatcher"]
    begins = re.compile(matcher["background"]["beginsPattern"])
    ends = re.compile(matcher["background"]["endsPattern"])
    problem = re.compile(matcher["pattern"]["regexp"])
    root = copy_repo(tmp_path / "repo")
    process = subprocess.Popen([sys.executable, str(root / "scripts/hub.py"), "validate", "--watch"], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line.rstrip("\n")) for line in process.stdout], daemon=True).start()

    def one_run() -> list[str]:
        """The lines of the next complete run, from its first line to its summary."""
        run: list[str] = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            if begins.match(line):
                run = [line]
            elif run:
                run.append(line)
                if ends.match(line):
                    return run
        raise AssertionError(f"no complete run within 2 minutes: {run}")

    try:
        assert one_run()[1:] == ["All content is valid."]
        guide = root / "docs/workshops/online-workshop-1.md"
        text = guide.read_text(encoding="utf-8")
        guide.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
        run = one_run()
        found = [problem.match(line) for line in run[1:-1]]
        assert found and all(found), run
        assert [(m.group(1), m.group(3)) for m in found][0] == ("docs/workshops/online-workshop-1.md", "titel")
        guide.write_text(text, encoding="utf-8")
        assert one_run()[1:] == ["All content is valid."]
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
