"""The shape of the code: the content core knows nothing of the build engine.

``hubcore/`` is content -> model -> views and outputs; ``engine/`` is the only
code that knows MkDocs, Material and static-i18n. One day the engine will move
(MkDocs 1.x is in maintenance): this test keeps that move to one folder.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORE = sorted((REPO / "hubcore").glob("*.py"))
ENGINE_PACKAGES = ("engine", "mkdocs", "material", "mkdocs_static_i18n", "jinja2")


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, absolute names (relative imports stay inside the core)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("module", CORE, ids=lambda p: p.name)
def test_a_core_module_imports_neither_the_engine_nor_mkdocs(module):
    engine = sorted(name for name in imported(module) if name.split(".")[0] in ENGINE_PACKAGES)
    assert engine == [], f"hubcore/{module.name} imports {engine}: that belongs in engine/"


def test_the_check_is_meaningful():
    """The engine does import MkDocs, and the test finds it (so the check above can fail)."""
    assert "mkdocs.plugins" in imported(REPO / "engine/plugin.py")
    assert len(CORE) > 30
