"""What 'hub.py' tells the MkDocs processes it starts, named once (environment variables).

The command checks the content, then starts one MkDocs process per language;
these names are the whole protocol between the two sides.
"""

from __future__ import annotations

import os

# Where the checked content is handed over (engine/handoff.py), and which process writes it.
HANDOFF = "HUB_SITE_HANDOFF"
PARENT = "HUB_SITE_FROM"
# The one language a process builds.
LANGUAGE = "HUB_BUILD_LANGUAGE"
# 'hub.py build --pdf' can also be asked for with HUB_PDF=1 (the workflows use 'make pdf').
PDF = "HUB_PDF"
# The repository whose files the edit and correction links open (set by the workflows).
REPO_URL = "REPO_URL"
REPO_BRANCH = "REPO_BRANCH"


def pdf_asked() -> bool:
    return os.environ.get(PDF) == "1"


def only_language() -> str | None:
    """The one language this process builds, or None when it builds every language (plain MkDocs)."""
    return os.environ.get(LANGUAGE) or None
