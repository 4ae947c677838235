"""The browser editor's files (/admin/ and /<lang>/admin/): its pages, its configuration, and
Sveltia CMS itself, copied from node_modules (installed from package-lock.json with its
integrity hashes; never from a CDN).

The pages are written here, not by MkDocs, so they are no pages of the site: not in the
navigation, the search index, the sitemap, the catalogue or the feeds. Each carries the
editor's own Content-Security-Policy (hubcore/csp.py: editor_policy); no other page's
policy changes.

The editor loads three fonts from a CDN; the build rewrites those three addresses in its
bundle to the site's copies (npm packages of the same versions), and stops if the bundle
no longer holds them exactly, so an upgrade is noticed and reviewed. Its interface words
in other languages are copied beside it; the page's script (admin.js) fetches them there.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape

from hubcore import csp, editor_config
from hubcore.model import Site
from hubcore.settings import DECLARED_LANGUAGES, EDITOR_AUTH_SETTING
from hubcore.site_info import SiteInfo
from hubcore.urls import language_prefix

PACKAGE = Path("node_modules/@sveltia/cms")
FOLDER = "admin/"  # where the editor's own files live on the site (the default language's page too)
BUNDLE = "dist/sveltia-cms.js"
CHUNKS = ("dist/chunks/react-dom.js",)  # loaded by the bundle from beside itself, on demand
# The CDN address of each font in the bundle -> the npm package file that is the same font.
FONTS = {
    "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2":
        "node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2":
        "node_modules/@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2":
        "node_modules/@fontsource-variable/material-symbols-outlined/files/"
        "material-symbols-outlined-latin-wght-normal.woff2",
}
TEMPLATE = "overrides/hub/admin.html"
MISSING = ("The browser editor (/admin/) was left out: node_modules/@sveltia/cms is missing. "
           "'npm ci' installs it from package-lock.json ('make build' does).")


class EditorError(RuntimeError):
    """The installed editor is not the one this module was written for (see FONTS)."""


@dataclass(frozen=True)
class Installed:
    """The editor as npm installed it under ``root``."""

    root: Path

    @property
    def package(self) -> Path:
        return self.root / PACKAGE

    def exists(self) -> bool:
        return (self.package / BUNDLE).is_file()

    def locales(self) -> set[str]:
        """The interface languages the editor ships besides its built-in English."""
        return {p.stem for p in (self.package / "locales").glob("*.json")}


def files(site: Site, info: SiteInfo, root: Path) -> dict[str, bytes]:
    """Everything the editor needs on the site, as path -> bytes; nothing (and a notice) without it."""
    installed = Installed(root)
    if not installed.exists():
        print(MISSING, file=sys.stderr)
        return {}
    base_path = urlsplit(info.url).path or "/"
    out: dict[str, bytes] = {FOLDER + "sveltia-cms.js": _bundle(installed, base_path),
                             FOLDER + "LICENSE.txt": (installed.package / "LICENSE.txt").read_bytes()}
    for chunk in CHUNKS:
        out[FOLDER + chunk.removeprefix("dist/")] = (installed.package / chunk).read_bytes()
    for source in FONTS.values():
        out[FOLDER + "fonts/" + Path(source).name] = (root / source).read_bytes()
    shipped = installed.locales()
    environment = Environment(loader=FileSystemLoader(str(root)), autoescape=select_autoescape(["html"]))
    template = environment.get_template(TEMPLATE)
    backend = editor_config.Backend(repo=editor_config.github_repo(info.repository), branch=info.branch,
                                    auth_url=str(site.settings.get(EDITOR_AUTH_SETTING) or ""))
    for language in DECLARED_LANGUAGES:
        lang = language.code
        locale = editor_config.ui_locale(language.og_locale, lang, shipped)
        if locale in shipped and locale != editor_config.BUILTIN_LOCALE:
            out[f"{FOLDER}locales/{locale}.json"] = (installed.package / "locales" / f"{locale}.json").read_bytes()
        words = editor_config.Words(lang, site.ui.get(lang, {}))
        page = f"{language_prefix(lang)}{FOLDER}"
        document = editor_config.config(site.taxonomies, site.field_help, words, backend, info.url)
        out[editor_config.config_path(lang)] = editor_config.dumps(document)
        up = "../" * page.count("/")
        out[page + "index.html"] = template.render(
            lang=lang, ui_locale=locale, title=words.get("editor_title"), noscript=words.get("editor_noscript"),
            csp=csp.editor_policy(), api=csp.GIT_HOST_API, root=up, files=up + FOLDER,
        ).encode("utf-8")
    return out


def _bundle(installed: Installed, base_path: str) -> bytes:
    """The editor's script, its fonts' CDN addresses replaced by the site's copies (absolute paths:
    the editor puts them in a style element, where they resolve against the page's address)."""
    text = (installed.package / BUNDLE).read_text(encoding="utf-8")
    for address, source in FONTS.items():
        if address not in text:
            raise EditorError(f"{PACKAGE / BUNDLE} no longer loads {address}: review engine/editor.py's "
                              "FONTS for this version of the editor")
        text = text.replace(address, f"{base_path}{FOLDER}fonts/{Path(source).name}")
    return text.encode("utf-8")

