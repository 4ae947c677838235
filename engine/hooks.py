"""The hub's hooks for MkDocs (mkdocs.yml: ``hooks: [engine/hooks.py]``).

MkDocs loads this file by path, as a module of its own; the build's state lives
in one object of the engine package (plugin.BUILD), which the preview can also
reach. This file only hands MkDocs that object's events.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from engine.plugin import BUILD  # noqa: E402

on_config = BUILD.on_config
on_files = BUILD.on_files
on_pre_build = BUILD.on_pre_build
on_nav = BUILD.on_nav
on_env = BUILD.on_env
on_page_markdown = BUILD.on_page_markdown
on_page_content = BUILD.on_page_content
on_page_context = BUILD.on_page_context
on_template_context = BUILD.on_template_context
on_post_template = BUILD.on_post_template
on_post_page = BUILD.on_post_page
on_post_build = BUILD.on_post_build
