"""What the hub reads from MkDocs' configuration: the navigation's pages, the site's names.

mkdocs.yml names the site in its default language; static-i18n's entries name
it in the others. Both the build (plugin.py) and the command that prints the
PDFs before the builds (build.py) need every language's name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hubcore.settings import LANGUAGES


def nav_paths(items: list[Any]) -> list[str]:
    """The source paths the navigation names, in order."""
    paths: list[str] = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        paths += nav_paths(value) if isinstance(value, list) else [value]
    return paths


def site_texts(config: Any) -> dict[str, dict[str, str]]:
    """The site's name and description in every language (mkdocs.yml, with static-i18n's overrides).

    Read before static-i18n has run the other languages' passes: afterwards the
    configuration holds the last language's name.
    """
    texts = {lang: {"name": config["site_name"], "description": config["site_description"] or ""}
             for lang in LANGUAGES}
    plugin = config["plugins"].get("i18n")
    for language in (plugin.config.languages if plugin else []):
        if language.locale in texts and language.site_name:
            texts[language.locale]["name"] = language.site_name
        if language.locale in texts and language.site_description:
            texts[language.locale]["description"] = language.site_description
    return texts


def language_mismatch(config: Any) -> str | None:
    """Why mkdocs.yml's i18n languages differ from data/languages.yml, or None.

    The languages are declared once, in data; static-i18n must be told the same
    ones, in the same order, the first being the default (it reads its own
    configuration before the hub can hand it anything).
    """
    plugin = config["plugins"].get("i18n")
    if plugin is None:
        return "mkdocs.yml has no i18n plugin"
    listed = [(language.locale, bool(language.default)) for language in plugin.config.languages]
    declared = [(code, i == 0) for i, code in enumerate(LANGUAGES)]
    if listed != declared:
        return (f"mkdocs.yml's i18n languages {[code for code, _ in listed]} (default "
                f"{next((c for c, d in listed if d), 'none')}) differ from data/languages.yml "
                f"{list(LANGUAGES)} (default {LANGUAGES[0]}): list the same languages, the default first")
    return None


def load(root: Path, **overrides: Any) -> Any:
    """The hub's MkDocs configuration, as MkDocs itself reads it."""
    from mkdocs.config import load_config  # only where a command needs it outside a build
    return load_config(config_file=str(root / "mkdocs.yml"), **overrides)
