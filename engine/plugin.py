"""One MkDocs build of the hub, as an object that owns the build's state.

MkDocs calls the events (engine/hooks.py names them); each guards, then hands
off to the content core (``hubcore``: the checked site, every page's view, the
outputs) or to the engine's own modules (stage.py, page_cache.py,
search_index.py, site_files.py, pdf.py), the way Material's plugins are built.

Where the checked content comes from, in this order:

1. handed over by 'hub.py build', which checked it once for every language
   process (handoff.py, protocol.py);
2. given in this process by the preview (preview.py), which checked it itself;
3. checked here, for a plain ``mkdocs build`` or ``mkdocs serve``: no way around
   the check.

static-i18n runs a whole build per language inside the first build's
``on_post_build``, so every event runs once per language pass.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files, InclusionLevel

from hubcore import csp, html_policy, markdown_render, structured_data
from hubcore.history import last_updated
from hubcore.loader import fingerprint, load_site
from hubcore.model import Site
from hubcore.page_kinds import kind_of
from hubcore.settings import DEFAULT_LANGUAGE, LANGUAGES, ROOT, cache_folder
from hubcore.site_info import SiteInfo
from hubcore.urls import language_prefix
from hubcore.page_kinds import shows_contents
from hubcore.views import find_page, not_found_view, page_title, page_view

from . import editor, navigation, page_cache, pdf, protocol, site_files, stage
from .handoff import Handoff, receive
from .mkdocs_config import language_mismatch, nav_paths, site_texts

# Material's configuration script names the site's root; a language's pages search its own index.
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)(")')


class HubBuild:
    """The state of one process's build, and the MkDocs events that use it."""

    def __init__(self, root: Path = ROOT) -> None:
        self.root = root
        self.site: Site | None = None
        self.pdfs: dict[str, dict[str, pdf.PdfFile]] = {}
        self.source: object = None  # what the site was taken from: the hand-off, the given site, the files
        self.given: Site | None = None
        self.csp_pins: list[csp.PinnedScript] = []
        self.csp = ""
        self.code: str | None = None  # page_cache.code_digest, made once per build
        self.views: dict[tuple[str, str], dict[str, Any]] = {}
        self.reuse: dict[str, page_cache.Reuse] = {}
        self.pending: list[tuple[str, dict[str, Any] | None, bytes | None]] = []
        self.updated: dict[str, str] | None = None
        self.texts: dict[str, dict[str, str]] | None = None

    # --- where the content comes from ----------------------------------------------

    def give(self, site: Site) -> None:
        """The preview checked the content in this process: build from that (and stage it)."""
        self.given, self.source = site, None

    def _take_site(self) -> None:
        handoff = os.environ.get(protocol.HANDOFF)
        source: object = handoff or ("given" if self.given is not None else fingerprint(self.root))
        if source == self.source:
            return  # the other language's pass, or a rebuild of the same content
        if handoff:  # 'hub.py build' staged it before handing it over
            received: Handoff = receive(Path(handoff), int(os.environ[protocol.PARENT]))
            site, self.pdfs = received.site, received.pdfs
        else:
            if self.given is not None:
                site = self.given
            else:
                site, problems = load_site(self.root, reuse=True)
                if problems:
                    raise PluginError("content problems:\n" + "\n".join(str(p) for p in problems))
            self.pdfs = {}
            stage.sync(site, self.root)
        allowed = frozenset(site.settings.get("embed_allowed_hosts") or ())
        self.csp_pins = csp.load(self.root)[0]  # load_site has already refused a malformed data/csp.yml
        self.site, self.source, self.csp = site, source, csp.policy(self.csp_pins, allowed)

    def _site(self) -> Site:
        assert self.site is not None, "on_config takes the site first"
        return self.site

    # --- configuration ---------------------------------------------------------------

    def _check_and_stage(self, config):
        """Take the checked content before MkDocs touches anything; MkDocs reads the staged folder.

        Stops the build on any problem. The staged folder holds the content as
        published (drafts out, generated pages in), never docs/ itself.
        """
        mismatch = language_mismatch(config)
        if mismatch:
            raise PluginError(mismatch)
        self._take_site()
        self._use_the_sites_markdown(config)
        self.code = None
        self.views = {}  # a rebuild ('mkdocs serve') makes every view again
        config["docs_dir"] = str(stage.folder(self.root))
        plugin = config["plugins"].get("i18n")
        if protocol.only_language() == DEFAULT_LANGUAGE and plugin:  # other languages: their own processes
            for language in plugin.config.languages:
                language.build = language.locale == DEFAULT_LANGUAGE
            # Material shows its language selector only when extra.alternate is set; static-i18n
            # sets it only when it builds several languages. The entries come from the views.
            config["extra"]["alternate"] = [{"name": language.name, "lang": language.locale,
                                             "link": "/" + language_prefix(language.locale)}
                                            for language in plugin.config.languages]
        return config

    @staticmethod
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
    def _language_settings(self, config):
        """Words that Python-Markdown and Material take from the configuration, in this pass's language.

        A heading's link has a tooltip (toc's ``permalink_title``) and each colour
        scheme's toggle a label; both come from data/ui.yml like every other word.
        """
        ui = self._site().ui[_language(config)]
        config["mdx_configs"].setdefault("toc", {})["permalink_title"] = ui["permalink_title"]
        for option in config["theme"]["palette"] or []:
            option["toggle"]["name"] = ui["palette_to_light" if option.get("scheme") == "slate" else "palette_to_dark"]
        return config

    # --- files ---------------------------------------------------------------------------

    @event_priority(-110)  # after static-i18n has arranged this pass's files
    def on_files(self, files: Files, config) -> Files:
        """Reuse unchanged pages; in a process building another language, skip the default pass.

        static-i18n always starts with the default language; a process that builds
        only, say, Russian keeps just the pages the navigation names, and renders
        none of them (excluded: the navigation still finds them), so that pass
        costs almost nothing and the Russian pass does the work.
        """
        only = protocol.only_language()
        if not only or _language(config) == only:
            return self._reuse_built_pages(files, config)
        named = set(nav_paths(config["nav"] or []))
        kept = Files([f for f in files if not f.is_documentation_page() or f.src_uri in named])
        for file in kept.documentation_pages():
            file.inclusion = InclusionLevel.EXCLUDED
        return kept

    def _reuse_built_pages(self, files: Files, config) -> Files:
        """Take every page that has not changed since a previous build from the page cache.

        Such a page is left out of MkDocs' rendering (excluded: links to it still
        resolve); _collect_language_outputs puts its cached HTML in its place and its
        search entries back in the index. Pages in the navigation are always
        rendered: every page's navigation shows their titles. A page's view, when
        its exact key needs it, is made here once and kept for on_page_markdown.
        """
        lang, site = _language(config), self._site()
        nav = [(path, find_page(site, path)) for path in nav_paths(config["nav"] or [])]
        nav_keys = {page.key for _, page in nav if page is not None}
        quick_shared, exact_shared = page_cache.shared_digests(self._code_digest(config), site, lang, nav)
        updated = self._info(config).updated
        reuse = page_cache.Reuse(page_cache.PageCache(page_cache.folder(self.root, lang)))
        for file in files.documentation_pages():
            found = find_page(site, file.src_uri)
            if found is None or found.key in nav_keys:
                reuse.page(file.url)
                continue
            staged = Path(file.abs_src_path).read_bytes()
            quick = page_cache.quick_key(quick_shared, found, lang, staged, updated,
                                         pdf.download(self.pdfs, found, lang))

            def exact(found=found, file=file, staged=staged) -> str:
                view = self.views[(lang, file.src_uri)] = self._view(found, lang, config)
                return page_cache.page_key(exact_shared, lang, file.src_uri, staged, view)

            if reuse.take(file.url, file.dest_uri, quick, exact):
                file.inclusion = InclusionLevel.EXCLUDED
        self.reuse[lang] = reuse
        return files

    def _code_digest(self, config) -> str:
        """The code and configuration every cached page depends on (page_cache.py).

        Made once per build: 'mkdocs serve' rebuilds in the same process after any
        change, templates included.
        """
        if not self.code:
            info = self._info(config)
            # One process per language or both in one ('mkdocs serve') write the same pages: not a setting.
            settings = {"site_url": info.url, "repository": info.repository, "branch": info.branch,
                        "pdf": bool(self.pdfs)}
            self.code = page_cache.code_digest(self.root, settings)
        return self.code

    @event_priority(-110)  # after static-i18n (-100) has made this pass's navigation
    def on_nav(self, nav, config, files):
        """Name the navigation's entries in this pass's language (navigation.py)."""
        site, lang = self._site(), _language(config)

        def name_of(path: str) -> str | None:
            found = find_page(site, path)
            if found is None:
                return None
            if kind_of(site, found).name == "home" and site.ui[lang].get("nav_home"):
                return site.ui[lang]["nav_home"]
            return page_title(site, found, lang)

        navigation.name_entries(nav.items, name_of)
        return nav

    # --- pages ---------------------------------------------------------------------------

    def _view(self, found, lang: str, config) -> dict[str, Any]:
        """Everything a page shows besides its Markdown (hubcore.views), with its PDF in this build."""
        view = page_view(self._site(), found, lang, self._info(config))
        view["pdf"] = pdf.download(self.pdfs, found, lang)  # None: no PDF in this build
        return view

    def _info(self, config) -> SiteInfo:
        """Site facts for the views. The repository comes from CI (REPO_URL) or mkdocs.yml's repo_url."""
        if self.updated is None:  # Git history does not change during a build: read it once
            self.updated = last_updated(self.root)
        repository = os.environ.get(protocol.REPO_URL) or config.get("repo_url") or ""
        return SiteInfo(config["site_name"], config["site_url"] or "/", repository,
                        os.environ.get(protocol.REPO_BRANCH, "main"), self.updated)

    def _texts(self, config) -> dict[str, dict[str, str]]:
        """The site's name and description per language, read in the first pass (mkdocs_config.py)."""
        if self.texts is None:
            self.texts = site_texts(config)
        return self.texts

    def on_pre_build(self, config) -> None:
        """Note the site's names while the configuration still holds every language's."""
        if _language(config) == DEFAULT_LANGUAGE:
            self._texts(config)

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        """Replace MkDocs' own reading of the front matter by the checked, escaped view.

        Material prints ``page.meta`` values raw; giving it only escaped Markup makes
        every value inert wherever a template prints it.
        """
        found = find_page(self._site(), page.file.src_uri)
        if found is None:
            raise PluginError(f"{page.file.src_uri}: not part of the checked content")
        lang = _language(config)
        view = self.views.get((lang, page.file.src_uri)) or self._view(found, lang, config)
        page.meta = {"title": Markup(escape(view["title"])),
                     "description": Markup(escape(view["summary"] or ""))}
        self.views[(lang, page.file.src_uri)] = view
        return markdown

    def on_page_content(self, html: str, page, config, files) -> str:
        """Last guard: the HTML really produced from an author's Markdown, and its headings as the
        theme prints them, must pass the same allow-list as in the check (hubcore/html_policy.py)."""
        allowed = frozenset(self._site().settings.get("embed_allowed_hosts") or ())
        found = (html_policy.check(html, allowed).findings + html_policy.check_toc(_toc_tokens(page.toc))
                 + html_policy.source_paths(html))
        if found:
            raise PluginError("\n".join(f"docs/{page.file.src_uri}: body: {finding.message} (in the built HTML)"
                                        for finding in found))
        return html

    def on_page_context(self, context, page, config, nav):
        """The page's view for the templates; the theme's table of contents only where the page's kind
        wants it for a text of this length (page_kinds.shows_contents): Material hides it by ``hide``."""
        view = context["hub"] = self.views[(_language(config), page.file.src_uri)]
        toc = list(page.toc)
        sections = toc[0].children if len(toc) == 1 and toc[0].level == 1 else toc
        if not shows_contents(view, len(sections)):
            page.meta["hide"] = ["toc"]
        return context

    def on_template_context(self, context, template_name, config):
        """The 404 page is a template, not a page: it gets its own view in the build's language."""
        if template_name == "404.html":
            site, lang, info = self._site(), _language(config), self._info(config)
            context["hub"] = not_found_view(site, lang, info)
            context["hub"]["structured"] = structured_data.page_data(site, None, lang, info, context["hub"])
        return context

    def on_env(self, env, config, files):
        """Every template, the 404 page included, prints the one policy (hubcore/csp.py).

        Compiled templates are cached on disk: every build (and every language's
        build) would otherwise compile Material's hundred templates again.
        """
        env.globals["hub_csp"] = self.csp
        env.bytecode_cache = FileSystemBytecodeCache(str(cache_folder(self.root, "jinja")))
        return env

    # --- output ---------------------------------------------------------------------------

    def _guard_scripts(self, output: str, where: str) -> None:
        """Stop the build on an inline script that data/csp.yml does not allow.

        Browsers would refuse to run it anyway; stopping here makes a theme upgrade
        (or anything else that adds an inline script) impossible to miss.
        """
        found = csp.unpinned(output, self.csp_pins)
        if found:
            raise PluginError("\n".join(f"{where}:{line}: inline script {digest} is not allowed by "
                                        f"{csp.CSP_FILE}. {csp.HOW_TO_UPDATE}" for line, digest in found))

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        self._guard_scripts(output_content, f"{language_prefix(_language(config))}{template_name}")
        return _own_search(output_content, config) if template_name == "404.html" else output_content

    def on_post_page(self, output: str, page, config) -> str:
        self._guard_scripts(output, f"{language_prefix(_language(config))}{page.file.dest_uri}")
        return _own_search(output, config)

    @event_priority(-50)  # after the search plugin has written this language's index
    def _collect_language_outputs(self, config) -> None:
        """Take what every language pass writes to the same place (search index, 404 page).

        static-i18n builds each language into the same folder, so the last pass's
        search index and 404 page would win; they are kept here per language and
        written to the language's own folder at the end.
        """
        lang, site_dir = _language(config), Path(config["site_dir"])
        only = protocol.only_language()
        if only and lang != only:
            return  # a skipped pass (see on_files): its outputs are another process's
        index_path = site_dir / "search" / "search_index.json"
        index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else None
        if index is not None and lang in self.reuse:
            index["docs"] = self.reuse.pop(lang).finish(site_dir, index.get("docs", []))
        not_found = site_dir / "404.html"
        self.pending.append((lang, index, not_found.read_bytes() if not_found.exists() else None))

    @event_priority(-200)  # after static-i18n (-100) has run the other languages' passes
    def _write_language_outputs(self, config) -> None:
        """Write each language's outputs to its own folder, last, so no other pass overwrites them."""
        if not self.pending:
            return
        lang, index, not_found = self.pending.pop()
        site, site_dir, info, texts = self._site(), Path(config["site_dir"]), self._info(config), self._texts(config)
        files = site_files.language_files(site, lang, info, texts[lang]["name"], index)
        if not_found is not None:
            files[f"{language_prefix(lang)}404.html"] = not_found
        if lang == DEFAULT_LANGUAGE:  # the outermost pass ends last: the whole site is known
            files.update(site_files.site_files(site, info, {l: t["name"] for l, t in texts.items()},
                                               {l: t["description"] for l, t in texts.items()}))
            files.update(editor.files(site, info, self.root))
            (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)  # MkDocs' copy of its own sitemap
        for name, data in files.items():
            (site_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / name).write_bytes(data)
        pdf.publish(self.pdfs.get(lang, {}), site_dir)

    # --- the events, as MkDocs looks them up ----------------------------------------------

    @property
    def on_config(self) -> CombinedEvent:
        return CombinedEvent(self._check_and_stage, self._language_settings)

    @property
    def on_post_build(self) -> CombinedEvent:
        return CombinedEvent(self._collect_language_outputs, self._write_language_outputs)


def _language(config) -> str:
    """The language of this pass (static-i18n sets the theme's language per pass)."""
    return config["theme"]["language"]


def _toc_tokens(items) -> list[dict[str, str]]:
    tokens = []
    for item in items:
        tokens.append({"id": item.id, "name": item.title})
        tokens += _toc_tokens(item.children)
    return tokens


def _own_search(output: str, config) -> str:
    """Point a non-default language's search at that language's own index (see search_index.py)."""
    prefix = language_prefix(_language(config))
    if not prefix:
        return output

    def base(match: re.Match) -> str:  # "../.." or "/" (404 pages): the site's root, then the language's folder
        root = match.group(2) if match.group(2).endswith("/") else match.group(2) + "/"
        # The trailing slash matters: the script resolves "search/search_index.json" against it.
        return f"{match.group(1)}{root}{prefix}{match.group(3)}"
    return _CONFIG_BASE.sub(base, output, count=1)


# The one build of this process: engine/hooks.py hands MkDocs its events, the preview gives it the site.
BUILD = HubBuild()
