"""The Content-Security-Policy: its text, its pinned hashes, and every feature working under it.

The hashes in data/csp.yml are pinned by hand. These tests read the built pages
only to check them against that list, never to make it: a test that derived the
list from the output would allow an injected script as well.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, copy_repo, run_hub, serve_folder, search

from hubcore import csp

MATERIAL = Path(__import__("material").__file__).parent / "templates"
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def pins() -> list[csp.PinnedScript]:
    found, problems = csp.load(REPO)
    assert problems == [], "\n".join(map(str, problems))
    return found


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.is_file())


# --- the policy text -------------------------------------------------------------

def test_policy_is_strict():
    text = csp.policy(pins())
    directives = dict(d.strip().split(" ", 1) for d in text.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["style-src"] == "'self'"
    assert directives["worker-src"] == "'self'" and directives["connect-src"] == "'self'"
    assert directives["frame-src"] == "'none'"
    scripts = directives["script-src"].split()
    assert scripts[0] == "'self'" and len(scripts) == 1 + len(pins())
    assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", s) for s in scripts[1:])
    assert "unsafe" not in text and "*" not in text and "http:" not in text


def test_frames_only_from_the_embed_allowlist():
    text = csp.policy(pins(), frozenset({"www.youtube.com"}))
    assert "frame-src https://www.youtube.com;" in text and "object-src 'none'" in text


def test_script_hash_is_the_browsers():
    # The value Chromium prints for an empty inline script: sha256 of "".
    assert csp.script_hash("") == "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="


def test_only_executable_inline_scripts_are_picked_out():
    html = """<script src="a.js"></script>
<script type="application/json">{"a": 1}</script>
<script type="application/ld+json">{"@context": "https://schema.org"}</script>
<script>one()</script>
<SCRIPT TYPE="Module">two()</SCRIPT>
<script type="text/javascript">three()</script>"""
    assert csp.inline_scripts(html) == [(4, "one()"), (5, "two()"), (6, "three()")]


def test_a_malformed_pin_is_a_located_problem(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/csp.yml").write_text(
        "inline_scripts:\n  - hash: sha256-abc\n    allows: x\n  - {hash: 'sha256-"
        + "A" * 43 + "=', allows: ''}\n", encoding="utf-8")
    found, problems = csp.load(tmp_path)
    assert found == []
    assert [str(p).split(": ")[0] + ": " + p.field for p in problems] == [
        "data/csp.yml:2: inline_scripts[0].hash", "data/csp.yml:4: inline_scripts[1].allows"]


def test_overridden_material_script_is_materials_own_but_for_the_scope():
    """overrides/partials/javascripts/base.html must follow Material's script on upgrades."""
    ours = (REPO / "overrides/partials/javascripts/base.html").read_text(encoding="utf-8")
    theirs = (MATERIAL / "partials/javascripts/base.html").read_text(encoding="utf-8")
    ours_script = re.search(r"<script[^>]*>(.*)</script>", ours, re.S).group(1)
    theirs_script = re.search(r"<script>(.*)</script>", theirs, re.S).group(1)
    expected = theirs_script.replace('"{{ config.extra.scope | d(base_url) }}"',
                                     "document.currentScript.dataset.mdScope")
    assert expected != theirs_script, "Material's scope expression changed: redo the override"
    assert ours_script == expected, "Material's base script changed: update the override and data/csp.yml"


# --- the built pages ---------------------------------------------------------------

def test_every_page_carries_the_policy_before_anything_else(built):
    expected = csp.policy(pins())
    pages = html_files(built["site"])
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html[:html.index("</head>")]
        match = META.search(head)
        assert match, f"{path}: no Content-Security-Policy meta"
        assert match.group(1).replace("&#39;", "'") == expected, path
        before = head[:match.start()]
        assert re.sub(r"\s+", " ", before).strip().endswith('<head> <meta charset="utf-8">'), path
        assert not re.search(r"<(script|link|style|base)\b", before, re.I), path


def test_every_inline_script_of_the_build_is_pinned(built):
    """Fails when the theme (or anything else) adds or changes an inline script."""
    allowed = {p.hash: p.allows for p in pins()}
    unknown: dict[str, str] = {}
    used: set[str] = set()
    for path in html_files(built["site"]):
        for line, text in csp.inline_scripts(path.read_text(encoding="utf-8")):
            digest = csp.script_hash(text)
            used.add(digest)
            if digest not in allowed:
                unknown.setdefault(digest, f"{path.relative_to(built['site'])}:{line}: {text[:200]}")
    assert not unknown, ("inline scripts that data/csp.yml does not allow:\n"
                         + "\n".join(f"{h}  {where}" for h, where in unknown.items())
                         + f"\n{csp.HOW_TO_UPDATE}")
    assert set(allowed) <= used, f"pinned but used by no page, remove: {sorted(set(allowed) - used)}"


def test_no_inline_style_so_style_src_self_is_enough(built):
    for path in html_files(built["site"]):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<style\b|\sstyle\s*=", html, re.I), path


def test_the_build_stops_on_an_inline_script_that_is_not_pinned(tmp_path):
    root = copy_repo(tmp_path)
    # As a theme upgrade would: a partial included on every page, with a new inline script.
    (root / "overrides/partials/javascripts/content.html").write_text(
        "<script>window.unreviewed=1</script>\n", encoding="utf-8")
    result = run_hub(root, "build")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    digest = csp.script_hash("window.unreviewed=1")
    assert f"inline script {digest} is not allowed by data/csp.yml" in output
    assert "Never compute the list from the built site" in output


# --- every feature under the policy, in Chromium -----------------------------------

FEATURES_PAGE = """---
title: "Features under the policy"
summary: "A code block to copy and content tabs."
---

## Code

```python
print("copy me")
```

## Tabs

=== "First"

    The first tab.

=== "Second"

    The second tab.

## An aligned table

| Left | Centre | Right |
| :--- | :----: | ----: |
| a    | b      | c     |
"""

# Runs before any page script, in every page and frame: init scripts are not subject to the page's CSP.
RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__hubViolation([e.violatedDirective, e.blockedURI, e.sample, location.href].join(" | "));
}, true);
"""


@pytest.fixture(scope="module")
def features_site(tmp_path_factory):
    """The real content plus a page with code and tabs, built for the address it is served at.

    Material fetches sitemap.xml from the site's own address (site_url), so the
    build must know the port: the server starts first, on a folder filled after.
    """
    root = copy_repo(tmp_path_factory.mktemp("features"))
    (root / "docs/features.md").write_text(FEATURES_PAGE, encoding="utf-8")
    (root / "site").mkdir()
    with serve_folder(root / "site") as url:
        shutil.rmtree(root / "site")
        result = run_hub(root, "build", SITE_URL=url)
        assert result.returncode == 0, result.stdout + result.stderr
        yield url


@pytest.fixture()
def watched(browser, features_site):
    """A page whose CSP violations (events and console) and script errors are recorded."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=features_site.rstrip("/"))
    violations: list[str] = []
    context.expose_function("__hubViolation", lambda text: violations.append(text))
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.on("console", lambda m: violations.append("console: " + m.text)
            if "Content Security Policy" in m.text else None)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, violations, errors
    context.close()


def test_every_feature_works_with_no_violation(watched, features_site):
    page, violations, errors = watched
    base = features_site
    scheme = "document.body.getAttribute('data-md-color-scheme')"

    # Material's hashed head script ran: its helpers exist, scoped to the site.
    page.goto(base)
    assert page.evaluate("typeof __md_get") == "function"
    assert page.evaluate("__md_scope.href") == base

    # Search in English (a Web Worker loaded from the site) and in Russian.
    assert any("open-government-data" in h for h in search(page, "open data"))
    page.goto(base + "ru/")
    hrefs = search(page, "цифровизации")
    assert hrefs and all(h.startswith(base + "ru/") for h in hrefs)

    # Facets on the library.
    page.goto(base + "library/")
    page.click("a.hub-facet__value[data-facet=country][data-value=kz]")
    assert page.url == base + "library/?country=kz"
    assert page.locator(".hub-catalogue .hub-item:not([hidden])").count() == 2

    # The language switch.
    page.goto(base + "about/")
    page.hover(".md-select")
    page.click(".md-select__link[hreflang='ru']")
    page.wait_for_url(base + "ru/about/")

    # The palette toggle; the hashed body script restores the choice on the next page.
    page.goto(base)
    assert page.evaluate(scheme) == "default"
    page.click("form[data-md-component=palette] label:visible")
    assert page.evaluate(scheme) == "slate"
    page.goto(base + "ru/library/")
    assert page.evaluate(scheme) == "slate"

    # Code copy.
    page.goto(base + "features/")
    page.click("button.md-code__button[data-md-type=copy]")
    assert page.evaluate("navigator.clipboard.readText()").strip() == 'print("copy me")'

    # Tabs, by click and (the hashed content script) by a link to a tab.
    page.click("label[for=__tabbed_1_2]")
    assert page.is_visible("text=The second tab.") and not page.is_visible("text=The first tab.")
    page.goto(base + "guides/")
    page.goto(base + "features/#__tabbed_1_2")
    assert page.evaluate("document.getElementById('__tabbed_1_2').checked")

    # Table alignment comes from align="..." (tables: use_align_attribute), not a blocked style.
    aligned = "[...document.querySelectorAll('.md-typeset td')].map(e => getComputedStyle(e).textAlign)"
    assert page.evaluate(aligned) == ["-webkit-left", "-webkit-center", "-webkit-right"]  # align="..."

    # Both 404 pages.
    for url in ("404.html", "ru/404.html"):
        page.goto(base + url)
        assert page.evaluate("typeof __md_get") == "function"
    page.wait_for_timeout(200)  # late violation reports

    assert violations == [], "\n".join(violations)
    assert errors == []


def test_an_injected_handler_is_blocked_and_reported(watched, features_site):
    """The recorder works: markup that slipped through would be refused by the policy."""
    page, violations, _ = watched
    page.goto(features_site + "about/")
    page.evaluate("""document.body.insertAdjacentHTML("beforeend",
        '<img src="data:," onerror="window.__pwned = 1">')""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert any("script-src-attr" in v for v in violations), violations
