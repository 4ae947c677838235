"""The MkDocs side of the hub: adapts the content core to MkDocs events, nothing more.

Each event guards, then hands off to ``hubcore``: the core loads and checks the
content, stages the files to build, decides what every page shows and shapes
the search index; this module passes that to MkDocs and Material, and stops the
build when the core (or the last HTML guard) says so.

static-i18n runs a whole build per language inside the first build's
``on_post_build``, so every event here runs once per language.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files, InclusionLevel

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hubcore import csp, html_policy, markdown_render, page_cache, pdf, site_files, stage, structured_data  # noqa: E402
from hubcore.history import last_updated  # noqa: E402
from hubcore.loader import fingerprint, load_site, load_snapshot, wait_for_snapshot  # noqa: E402
from hubcore.model import Site  # noqa: E402
from hubcore.settings import DEFAULT_LANGUAGE, LANGUAGES, STAGE_DIR  # noqa: E402
from hubcore.site_info import SiteInfo  # noqa: E402
from hubcore.views import find_page, not_found_view, page_view  # noqa: E402

_state: dict[str, Any] = {"pending": [], "views": {}, "reuse": {}}
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)(")')


def _site() -> Site:
    return _state["site"]


def _language(config) -> str:
    return config["theme"]["language"]


def _check_and_stage(config):
    """Load and check all content before MkDocs touches anything, then stage it.

    Stops the build on any problem. MkDocs then reads the staged folder (drafts
    out, generated pages in), never docs/ itself.
    """
    handoff = os.environ.get("HUB_SITE_HANDOFF")  # 'hub.py build': the checked site arrives there
    current = handoff or fingerprint(ROOT)
    if _state.get("fingerprint") != current:  # the other language's build reuses the same load
        if handoff:
            site, problems = wait_for_snapshot(Path(handoff), int(os.environ["HUB_SITE_FROM"])), []
        else:  # a snapshot left by an earlier check of the same files, else read (and check) now
            site, problems = (snapshot, []) if (snapshot := load_snapshot(ROOT)) else load_site(ROOT, reuse=True)
        if problems:
            raise PluginError("content problems:\n" + "\n".join(str(p) for p in problems))
        allowed = frozenset(site.settings.get("embed_allowed_hosts") or ())
        pins = csp.load(ROOT)[0]  # load_site has already refused a malformed data/csp.yml
        _state.update(site=site, fingerprint=current, csp_pins=pins, csp=csp.policy(pins, allowed))
    site = _state["site"]
    _use_the_sites_markdown(config)
    _state["code_digest"] = None  # see _code_digest
    _state["views"] = {}  # a rebuild ('mkdocs serve') makes every view again
    target = ROOT / STAGE_DIR
    if not handoff:  # 'hub.py build' stages before it hands the site over
        stage.sync(site, ROOT, target)
    config["docs_dir"] = str(target)
    plugin = config["plugins"].get("i18n")
    if _only() == DEFAULT_LANGUAGE and plugin:  # the other languages build in their own processes
        for language in plugin.config.languages:
            language.build = language.locale == DEFAULT_LANGUAGE
        # Material shows its language selector only when extra.alternate is set; static-i18n
        # sets it only when it builds several languages. The entries come from the views.
        config["extra"]["alternate"] = [{"name": language.name, "lang": language.locale,
                                         "link": "/" + site_files.prefix(language.locale)}
                                        for language in plugin.config.languages]
    return config


def _use_the_sites_markdown(config) -> None:
    """Render with exactly the Markdown the content was checked with (hubcore/markdown_render.py).

    mkdocs.yml names the extensions (other plugins read the list early); their
    options come from the core, so the check and the build cannot disagree.
    """
    named = list(config["markdown_extensions"])
    if named != list(markdown_render.EXTENSIONS):
        raise PluginError(f"mkdocs.yml's markdown_extensions {named} differ from the ones the content "
                          f"is checked with ({list(markdown_render.EXTENSIONS)}, "
                          "hubcore/markdown_render.py): change both together")
    config["mdx_configs"] = markdown_render.configs()


@event_priority(-110)  # after static-i18n (-100) has set this pass's language
def _language_settings(config):
    """Words that Python-Markdown and Material take from the configuration, in this pass's language.

    A heading's link has a tooltip (toc's ``permalink_title``, "Permanent link"
    unless told otherwise) and each colour scheme's toggle a label; both come
    from data/ui.yml like every other word.
    """
    ui = _site().ui[_language(config)]
    config["mdx_configs"].setdefault("toc", {})["permalink_title"] = ui["permalink_title"]
    for option in config["theme"]["palette"] or []:
        option["toggle"]["name"] = ui["palette_to_light" if option.get("scheme") == "slate" else "palette_to_dark"]
    return config


on_config = CombinedEvent(_check_and_stage, _language_settings)


def _only() -> str | None:
    """The one language this process builds ('hub.py build' runs one process per language)."""
    return os.environ.get("HUB_BUILD_LANGUAGE") or None


@event_priority(-110)  # after static-i18n has arranged this pass's files
def on_files(files, config):
    """In a process building another language, make the default language's pass a skeleton.

    static-i18n always starts with the default language; a process that builds
    only, say, Russian keeps just the pages the navigation names, and renders
    none of them (excluded: the navigation still finds them), so that pass
    costs almost nothing and the Russian pass does the work.
    """
    only = _only()
    if not only or _language(config) == only:
        return _reuse_built_pages(files, config)
    named = set(_nav_paths(config["nav"] or []))
    kept = Files([f for f in files if not f.is_documentation_page() or f.src_uri in named])
    for file in kept.documentation_pages():
        file.inclusion = InclusionLevel.EXCLUDED
    return kept


def _reuse_built_pages(files: Files, config) -> Files:
    """Take every page that has not changed since a previous build from the page cache.

    Such a page is left out of MkDocs' rendering (excluded: links to it still
    resolve); _collect_language_outputs puts its cached HTML in its place and its
    search entries back in the index. Pages in the navigation are always
    rendered: every page's navigation shows their titles. A page's view, when
    its exact key needs it, is made here once and kept for on_page_markdown.
    """
    lang, site = _language(config), _site()
    nav = [(path, find_page(site, path)) for path in _nav_paths(config["nav"] or [])]
    nav_keys = {page.key for _, page in nav if page is not None}
    quick_shared, exact_shared = page_cache.shared_digests(_code_digest(config), site, lang, nav)
    updated = _info(config).updated
    reuse = page_cache.Reuse(page_cache.PageCache(ROOT / page_cache.CACHE_DIR / lang))
    for file in files.documentation_pages():
        found = find_page(site, file.src_uri)
        if found is None or found.key in nav_keys:
            reuse.page(file.url)
            continue
        staged = Path(file.abs_src_path).read_bytes()
        quick = page_cache.quick_key(quick_shared, found, lang, staged, updated,
                                     pdf.download(_state.get("pdfs") or {}, found, lang))

        def exact(found=found, file=file, staged=staged) -> str:
            view = _state["views"][(lang, file.src_uri)] = _view(found, lang, config)
            return page_cache.page_key(exact_shared, lang, file.src_uri, staged, view)

        if reuse.take(file.url, file.dest_uri, quick, exact):
            file.inclusion = InclusionLevel.EXCLUDED
    _state["reuse"][lang] = reuse
    return files


def _code_digest(config) -> str:
    """The code and configuration every cached page depends on (page_cache.py).

    Made once per build (on_config forgets it): 'mkdocs serve' rebuilds in the
    same process after any change, templates included.
    """
    if not _state.get("code_digest"):
        info = _info(config)
        # One process per language or both in one ('mkdocs serve') write the same pages: not a setting.
        settings = {"site_url": info.url, "repository": info.repository, "branch": info.branch,
                    "pdf": os.environ.get("HUB_PDF") == "1"}
        _state["code_digest"] = page_cache.code_digest(ROOT, settings)
    return _state["code_digest"]


def _view(found, lang: str, config) -> dict[str, Any]:
    """Everything a page shows besides its Markdown (hubcore.views), with its PDF in this build."""
    view = page_view(_site(), found, lang, _info(config))
    view["pdf"] = pdf.download(_state.get("pdfs") or {}, found, lang)  # None: no PDF in this build
    return view


def _nav_paths(items) -> list[str]:
    paths: list[str] = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        paths += _nav_paths(value) if isinstance(value, list) else [value]
    return paths


def _info(config) -> SiteInfo:
    """Site facts for the views. The repository comes from CI (REPO_URL) or mkdocs.yml's repo_url."""
    if "updated" not in _state:  # Git history does not change during a build: read it once
        _state["updated"] = last_updated(ROOT)
    repository = os.environ.get("REPO_URL") or config.get("repo_url") or ""
    return SiteInfo(config["site_name"], config["site_url"] or "/", repository,
                    os.environ.get("REPO_BRANCH", "main"), _state["updated"])


def _site_texts(config) -> dict[str, dict[str, str]]:
    """The site's name and description in every language (mkdocs.yml, with static-i18n's overrides).

    Read first in the default language's build, before static-i18n has run the
    other languages' builds: afterwards its config holds the last language's name.
    """
    if "site_texts" not in _state:
        texts = {lang: {"name": config["site_name"], "description": config["site_description"] or ""}
                 for lang in LANGUAGES}
        plugin = config["plugins"].get("i18n")
        for language in (plugin.config.languages if plugin else []):
            if language.locale in texts and language.site_name:
                texts[language.locale]["name"] = language.site_name
            if language.locale in texts and language.site_description:
                texts[language.locale]["description"] = language.site_description
        _state["site_texts"] = texts
    return _state["site_texts"]


def on_pre_build(config) -> None:
    """In the first (default-language) build: note the site's names, then, with PDFs
    asked for (HUB_PDF=1, 'hub.py build --pdf'), make or reuse every product's PDF.

    All languages' PDFs at once, before any page is rendered: a page links its
    PDF with its size, and a fallback page links the other language's.
    """
    if _language(config) != DEFAULT_LANGUAGE:
        return
    texts, url = _site_texts(config), config["site_url"] or "/"
    if os.environ.get("HUB_PDF") != "1":
        return
    _state["pdfs"] = {lang: pdf.render_language(_site(), ROOT, lang, texts[lang]["name"], url)[0]
                      for lang in LANGUAGES}


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Replace MkDocs' own reading of the front matter by the checked, escaped view.

    Material prints ``page.meta`` values raw; giving it only escaped Markup makes
    every value inert wherever a template prints it.
    """
    found = find_page(_site(), page.file.src_uri)
    if found is None:
        raise PluginError(f"{page.file.src_uri}: not part of the checked content")
    lang = _language(config)
    view = _state["views"].get((lang, page.file.src_uri)) or _view(found, lang, config)
    page.meta = {"title": Markup(escape(view["title"])),
                 "description": Markup(escape(view["summary"] or ""))}
    _state["views"][(lang, page.file.src_uri)] = view
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    """Last guard: the HTML really produced from an author's Markdown, and its headings as the
    theme prints them, must pass the same allow-list as in the check (hubcore/html_policy.py)."""
    allowed = frozenset(_site().settings.get("embed_allowed_hosts") or ())
    found = html_policy.check(html, allowed).findings + html_policy.check_toc(_toc_tokens(page.toc))
    if found:
        raise PluginError("\n".join(f"docs/{page.file.src_uri}: body: {finding.message} (in the built HTML)"
                                    for finding in found))
    return html


def _toc_tokens(items) -> list[dict[str, str]]:
    tokens = []
    for item in items:
        tokens.append({"id": item.id, "name": item.title})
        tokens += _toc_tokens(item.children)
    return tokens


def on_page_context(context, page, config, nav):
    context["hub"] = _state["views"][(_language(config), page.file.src_uri)]
    return context


def on_template_context(context, template_name, config):
    """The 404 page is a template, not a page: it gets its own view in the build's language."""
    if template_name == "404.html":
        context["hub"] = not_found_view(_site(), _language(config), _info(config))
        context["hub"]["structured"] = structured_data.page_data(_site(), None, _language(config),
                                                                 _info(config), context["hub"])
    return context


def on_env(env, config, files):
    """Every template, the 404 page included, prints the one policy (hubcore/csp.py).

    Compiled templates are cached on disk: every build (and every language's
    build) would otherwise compile Material's hundred templates again.
    """
    env.globals["hub_csp"] = _state["csp"]
    env.bytecode_cache = FileSystemBytecodeCache(str(_cache_dir("jinja")))
    return env


def _cache_dir(name: str) -> Path:
    folder = ROOT / ".cache" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _guard_scripts(output: str, where: str) -> None:
    """Stop the build on an inline script that data/csp.yml does not allow.

    Browsers would refuse to run it anyway; stopping here makes a theme upgrade
    (or anything else that adds an inline script) impossible to miss.
    """
    found = csp.unpinned(output, _state["csp_pins"])
    if found:
        raise PluginError("\n".join(f"{where}:{line}: inline script {digest} is not allowed by "
                                    f"{csp.CSP_FILE}. {csp.HOW_TO_UPDATE}" for line, digest in found))


def _own_search(output: str, config) -> str:
    """Point a non-default language's search at that language's own index (see search_index.py)."""
    prefix = site_files.prefix(_language(config))
    if not prefix:
        return output
    def base(match: re.Match) -> str:  # "../.." or "/" (404 pages): the site's root, then the language's folder
        root = match.group(2) if match.group(2).endswith("/") else match.group(2) + "/"
        # The trailing slash matters: the script resolves "search/search_index.json" against it.
        return f"{match.group(1)}{root}{prefix}{match.group(3)}"
    return _CONFIG_BASE.sub(base, output, count=1)


def on_post_template(output_content: str, template_name: str, config) -> str:
    _guard_scripts(output_content, f"{site_files.prefix(_language(config))}{template_name}")
    return _own_search(output_content, config) if template_name == "404.html" else output_content


def on_post_page(output: str, page, config) -> str:
    _guard_scripts(output, f"{site_files.prefix(_language(config))}{page.file.dest_uri}")
    return _own_search(output, config)


@event_priority(-50)  # after the search plugin has written this language's index
def _collect_language_outputs(config) -> None:
    """Take what every language build writes to the same place (search index, 404 page).

    static-i18n builds each language into the same folder, so the last build's
    search index and 404 page would win; they are kept here per language and
    written to the language's own folder at the end.
    """
    lang, site_dir = _language(config), Path(config["site_dir"])
    if _only() and lang != _only():
        return  # a skeleton pass (see on_files): its outputs are another process's
    index_path = site_dir / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else None
    if index is not None and lang in _state["reuse"]:
        index["docs"] = _state["reuse"].pop(lang).finish(site_dir, index.get("docs", []))
    not_found = site_dir / "404.html"
    _state["pending"].append((lang, index, not_found.read_bytes() if not_found.exists() else None))


@event_priority(-200)  # after static-i18n (-100) has run the other languages' builds
def _write_language_outputs(config) -> None:
    """Write each language's outputs to its own folder, last, so no other build overwrites them."""
    if not _state["pending"]:
        return
    lang, index, not_found = _state["pending"].pop()
    site_dir, info, texts = Path(config["site_dir"]), _info(config), _site_texts(config)
    files = site_files.language_files(_site(), lang, info, texts[lang]["name"], index)
    if not_found is not None:
        files[f"{site_files.prefix(lang)}404.html"] = not_found
    if lang == DEFAULT_LANGUAGE:  # the outermost build ends last: the whole site is known
        files.update(site_files.site_files(_site(), info, {l: t["name"] for l, t in texts.items()},
                                           {l: t["description"] for l, t in texts.items()}))
        (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)  # MkDocs' copy of its own sitemap
    for name, data in files.items():
        (site_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / name).write_bytes(data)
    pdf.publish((_state.get("pdfs") or {}).get(lang, {}), site_dir)
    if lang == DEFAULT_LANGUAGE and _state.get("pdfs"):
        pdf.prune(ROOT, [f for files in _state["pdfs"].values() for f in files.values()])


on_post_build = CombinedEvent(_collect_language_outputs, _write_language_outputs)
