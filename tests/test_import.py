"""hub.py import: Word documents of both languages become draft products; --attach adds a file to one.

The documents are made in the tests (word_documents.py, with python-docx and
python-pptx) and imported into a temporary copy of the repository with the
command authors run. What was written must be what the scaffold lays out plus
the document's text, hold nothing active, pass the same check as every other
file (or say exactly what is left to do), and build.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from conftest import copy_repo, run_hub, tree_digest
from selectolax.lexbor import LexborHTMLParser
from word_documents import ENGLISH, HOSTILE_URL, RUSSIAN, SAFE_URL, png, presentation, with_parts, word_document

from hubcore import file_formats, html_policy, markdown_render, word_import
from hubcore.scaffold import front_matter, slugify
from hubcore.loader import load_site

DOCUMENTS = {"en": (ENGLISH, "open-data-in-public-services"),
             "ru": (RUSSIAN, "zachem-nuzhny-otkrytye-dannye")}  # the Russian one has no Title paragraph
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _page(lang: str) -> str:
    slug = DOCUMENTS[lang][1]
    return f"docs/guides/{slug}{'' if lang == 'en' else '.ru'}.md"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """Both documents imported into one copy of the repository, with the command's output."""
    repo = copy_repo(tmp_path_factory.mktemp("import"))
    results = {}
    for lang, (words, _) in DOCUMENTS.items():
        source = repo.parent / f"{lang}.docx"
        source.write_bytes(word_document(words, with_title=lang == "en"))
        results[lang] = run_hub(repo, "import", str(source), "--type", "guide", "--lang", lang)
    return repo, results


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_word_document_becomes_a_draft_laid_out_as_new_does(imported, lang):
    repo, results = imported
    words, slug = DOCUMENTS[lang]
    result = results[lang]
    page = _page(lang)
    text = (repo / page).read_text(encoding="utf-8")
    title = words.title if lang == "en" else words.heading  # the Title paragraph, else the first heading
    site, _ = load_site(repo)
    assert text.startswith(front_matter(site, "guide", title, lang) + "\n")
    assert "\ndraft: true\n" in text
    body = text[len(front_matter(site, "guide", title, lang)) + 1:]
    sections = "" if lang == "ru" else f"## {words.heading}\n\n"
    sub = "###" if lang == "en" else "##"  # the highest heading left in the text is ##
    assert body == (
        f"{sections}{words.paragraph} **bold** {words.styled}[^1]\n\n"
        f"{sub} {words.subheading}\n\n"
        f"- {words.items[0]}\n- {words.items[1]}\n\n"
        f"[{words.link_text}]({SAFE_URL}) · {words.hostile_text}\n\n"
        f"| {words.table[0][0]} | {words.table[0][1]} |\n| --- | --- |\n"
        + "".join(f"| {a} | {b} |\n" for a, b in words.table[1:]) +
        "| Σ |  |\n\n"
        f"![{words.alt}](files/{slug}-1.png)\n\n"
        f"![](files/{slug}-2.png)\n\n"
        f"[^1]: {words.footnote}\n")
    assert "javascript" not in text.lower() and "<" not in body
    assert (repo / f"docs/guides/files/{slug}-1.png").read_bytes() == png()
    assert (repo / f"docs/guides/files/{slug}-2.png").read_bytes() == png(rgb=(30, 30, 200))
    assert result.stdout.splitlines()[:3] == [f"created {page}", f"created docs/guides/files/{slug}-1.png",
                                              f"created docs/guides/files/{slug}-2.png"]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_summary_says_what_was_dropped_and_what_is_left_to_do(imported, lang):
    repo, results = imported
    words, slug = DOCUMENTS[lang]
    result = results[lang]
    page = _page(lang)
    lines = (repo / page).read_text(encoding="utf-8").splitlines()
    image = lines.index(f"![](files/{slug}-2.png)") + 1
    summary = next(i for i, line in enumerate(lines, 1) if line.startswith("summary:"))
    notes = [line[4:] for line in result.stdout.splitlines() if line.startswith("  - ")]
    assert notes == [
        f"a javascript: link was not imported; its text {words.hostile_text!r} is kept as plain text "
        "(only https:, http: and mailto: links are imported)",
        "table 1: merged cells were split, their text is in the first cell: check the table reads well",
        "highlighting: 1 place, left out (the hub's Markdown cannot show it)",
        "text colour: 1 place, left out (the hub's Markdown cannot show it)",
        "underline: 1 place, left out (the hub's Markdown cannot show it)"]
    assert result.returncode == 1, result.stderr
    tail = result.stdout.split("To fix (hub.py validate):\n", 1)[1].splitlines()
    assert tail == [
        f"{page}:{image}: body: image 'files/{slug}-2.png' has no alt text: say what it shows between the "
        f"brackets, ![what the image shows](files/{slug}-2.png)",
        "Before publishing (then remove the line 'draft: true'):",
        f"{page}:{summary}: summary: replace this text: it is the example written by 'hub.py new'"]


def test_validate_then_build_show_the_imported_pages(imported):
    """The import's list is validate's; once it is done and the draft line removed, the pages build."""
    repo, _ = imported
    validated = run_hub(repo, "validate")
    assert validated.returncode == 1
    expected = sorted(line for lang in DOCUMENTS for line in imported[1][lang].stdout.splitlines()
                      if line.startswith(_page(lang) + ":") and ": body: " in line)
    assert sorted(validated.stdout.splitlines()) == expected
    for lang, (words, slug) in DOCUMENTS.items():
        path = repo / _page(lang)
        text = path.read_text(encoding="utf-8")
        text = text.replace(f"![](files/{slug}-2.png)", f"![{words.alt} 2](files/{slug}-2.png)")
        text = re.sub(r"\n# [^\n]*\ndraft: true\n", "\n", text)
        text = re.sub(r"\nsummary: [^\n]*\n", '\nsummary: "Imported."\n', text)
        path.write_text(text, encoding="utf-8")
    built = run_hub(repo, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    for lang, (words, slug) in DOCUMENTS.items():
        html = (repo / "site" / ("" if lang == "en" else "ru") / "guides" / slug / "index.html").read_text("utf-8")
        tree = LexborHTMLParser(html)
        article = tree.css_first("article")
        assert words.subheading in article.text() and words.footnote in article.text()
        assert [img.attributes["alt"] for img in article.css("img")] == [words.alt, f"{words.alt} 2"]
        assert [td.text() for td in article.css("td")][:2] == list(words.table[1])
        assert article.css_first("a.footnote-ref") is not None
        assert "javascript:" not in html
        assert (repo / "site" / "guides" / "files" / f"{slug}-1.png").read_bytes() == png()


def test_an_import_never_overwrites_and_writes_nothing_when_refused(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    source = tmp_path / "doc.docx"
    source.write_bytes(word_document(ENGLISH))
    assert run_hub(repo, "import", str(source), "--type", "guide").returncode == 1  # the missing alt text
    (repo / "docs/reports/files").mkdir()
    (repo / "docs/reports/files/a-new-report-1.png").write_bytes(png())  # an author's own picture
    before = tree_digest(repo / "docs")
    again = run_hub(repo, "import", str(source), "--type", "guide")
    assert again.returncode == 1 and "already exists" in again.stderr
    clash = run_hub(repo, "import", str(source), "--type", "report", "--title", "A new report")
    assert clash.returncode == 1 and "docs/reports/files/a-new-report-1.png already exists" in clash.stderr
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"<html><script>alert(1)</script></html>")
    macros = tmp_path / "macros.docx"
    macros.write_bytes(with_parts(word_document(ENGLISH), {"word/vbaProject.bin": b"\x00" * 16}))
    for bad, words in ((fake, "not a real Word file"), (macros, "macros")):
        refused = run_hub(repo, "import", str(bad), "--type", "guide", "--title", "Another")
        assert refused.returncode == 1 and words in refused.stderr
    unknown = run_hub(repo, "import", str(source), "--type", "novel", "--title", "Another")
    assert unknown.returncode == 1 and "unknown type" in unknown.stderr
    assert tree_digest(repo / "docs") == before


# --- the conversion itself, without the command -------------------------------------

def test_the_title_comes_from_the_title_paragraph_the_properties_or_the_first_heading():
    assert word_import.convert(word_document(ENGLISH, core_title="Stored"), slugify).title == ENGLISH.title
    assert word_import.convert(word_document(ENGLISH, with_title=False, core_title="Stored"), slugify).title \
        == "Stored"
    first = word_import.convert(word_document(RUSSIAN, with_title=False), slugify)
    assert first.title == RUSSIAN.heading and RUSSIAN.heading not in first.markdown
    assert word_import.convert(word_document(ENGLISH), slugify, "Given").title == "Given"
    assert "## " + ENGLISH.heading in word_import.convert(word_document(ENGLISH), slugify, "Given").markdown


def test_a_document_without_a_title_is_refused():
    from docx import Document
    document = Document()
    document.add_paragraph("Only text.")
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(word_import.WordImportError, match="no title"):
        word_import.convert(out.getvalue(), slugify)


HOSTILE_TEXT = ["<script>alert(1)</script>", "# not a heading", "[x](javascript:alert(1))", "!!! note",
                "1. not a list", ": not a definition", '=== "Not a tab"', "??? not a block", "~~~",
                "Text {: onclick=alert(1) }", "&lt; AT&T &amp;", "a | b", "`code`", "<!-- c -->",
                "- not an item", "*not emphasis*", "x_y_z", "[^1]", "\\ backslash", "<https://e.org>",
                "{#id}", "---", "<img src=x onerror=alert(1)>"]


def test_text_that_looks_like_markup_stays_text():
    """Whatever the document's words, readers get exactly those words, never markup."""
    from docx import Document
    document = Document()
    document.add_paragraph("Hostile", style="Title")
    document.add_heading("A <b>heading</b> # [with] {#marks}", 1)
    for text in HOSTILE_TEXT:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    converted = word_import.convert(out.getvalue(), slugify)
    rendered = markdown_render.render(converted.markdown)
    assert html_policy.check(rendered.html).findings == []
    assert html_policy.check_toc(rendered.toc) == []
    tree = LexborHTMLParser(rendered.html)
    assert [p.text() for p in tree.css("p")] == HOSTILE_TEXT
    assert tree.css_first("h2").text().rstrip("¶") == "A <b>heading</b> # [with] {#marks}"
    assert {node.tag for node in tree.root.traverse(include_text=False)} <= {"html", "head", "body", "p", "h2", "a"}


def test_only_web_links_survive():
    from docx import Document
    from word_documents import hyperlink
    document = Document()
    document.add_paragraph("Links", style="Title")
    paragraph = document.add_paragraph()
    for url, text in ((SAFE_URL, "web"), ("mailto:team@example.org", "mail"), (HOSTILE_URL, "script"),
                      ("file:///C:/notes.docx", "disk"), ("notes.docx", "beside"), ("data:text/html,x", "data"),
                      ("https://example.org/a b(c)", "odd")):
        hyperlink(paragraph, url, text)
        paragraph.add_run(" ")
    out = io.BytesIO()
    document.save(out)
    converted = word_import.convert(out.getvalue(), slugify)
    assert converted.markdown == (f"[web]({SAFE_URL}) [mail](mailto:team@example.org) script disk beside data "
                                  "[odd](https://example.org/a%20b%28c%29)\n")
    assert [note.split(" was not")[0] for note in converted.notes] == [
        "a javascript: link", "a file: link", "a link to 'notes.docx', a file on the author's computer,",
        "a data: link"]


def test_pictures_in_other_formats_are_converted_or_left_out_with_a_reason():
    from PIL import Image
    tiff = io.BytesIO()
    Image.new("RGB", (3, 2), (10, 200, 10)).save(tiff, format="TIFF")
    document = word_document(ENGLISH, alt_missing=False)
    media = next(n for n in zipfile.ZipFile(io.BytesIO(document)).namelist() if n.startswith("word/media/"))
    converted = word_import.convert(with_parts(document, {media: tiff.getvalue()}), slugify)
    assert converted.pictures[0].name == f"{DOCUMENTS['en'][1]}-1.png"
    assert file_formats.check(converted.pictures[0].name, converted.pictures[0].data) is None
    emf = b"\x01\x00\x00\x00" + b"\x00" * 36 + b" EMF" + b"\x00" * 40
    left_out = word_import.convert(with_parts(document, {media: emf}), slugify)
    assert left_out.pictures == () and "![" not in left_out.markdown
    assert "image 1 was left out: it is a Windows drawing (EMF or WMF)" in "\n".join(left_out.notes)


# --- --attach ----------------------------------------------------------------------

BLOCK = """---
title: "A report with slides"
summary: "Its slides are attached."
attachments:
  # the report itself
  - title: "Report"
    file: files/report.pdf
tags: [x]
---

Text.
"""
FLOW = """---
title: "A guide"
summary: "It has one attachment."
attachments: [{title: "Report", file: files/report.pdf}]  # kept as written
---

Text.
"""


@pytest.fixture()
def repo(tmp_path):
    root = copy_repo(tmp_path / "repo")
    (root / "docs/reports/files").mkdir()
    (root / "docs/reports/files/report.pdf").write_bytes(PDF)
    (root / "docs/reports/with-slides.md").write_text(BLOCK, encoding="utf-8")
    (root / "docs/guides/files").mkdir()
    (root / "docs/guides/files/report.pdf").write_bytes(PDF)
    (root / "docs/guides/flow.md").write_text(FLOW, encoding="utf-8")
    assert run_hub(root, "validate").returncode == 0
    return root


def _only_insertion(before: str, after: str) -> str:
    """What was inserted, proving every other byte is unchanged."""
    start = next(i for i, (a, b) in enumerate(zip(before, after)) if a != b)
    inserted = after[start:start + len(after) - len(before)]
    assert after[:start] + after[start + len(inserted):] == before
    return inserted


@pytest.mark.parametrize("page, source, inserted", [
    ("docs/workshops/online-workshop-1.md", "Workshop slides.pdf",
     'attachments:\n  - {title: "Workshop slides", file: "files/workshop-slides.pdf"}\n'),
    ("docs/reports/with-slides.md", "Слайды_2022.pptx",
     '  - {title: "Слайды 2022", file: "files/slaidy-2022.pptx"}\n'),
    ("docs/guides/flow.md", "Deck.pptx", ', {title: "Deck", file: "files/deck.pptx"}'),
], ids=["no-attachments-yet", "block-list", "flow-list"])
def test_attach_adds_one_entry_and_copies_the_file(repo, tmp_path, page, source, inserted):
    data = PDF if source.endswith(".pdf") else presentation("Slides")
    (tmp_path / source).write_bytes(data)
    before = (repo / page).read_text(encoding="utf-8")
    result = run_hub(repo, "import", "--attach", str(tmp_path / source), "--to", page)
    assert result.returncode == 0, result.stdout + result.stderr
    name = re.search(r'file: "files/([^"]+)"', inserted).group(1)
    copied = f"{page.rsplit('/', 1)[0]}/files/{name}"
    label = name.rsplit(".", 1)[1].upper()
    assert result.stdout.startswith(f"attached {copied} ({label}, ")
    assert (repo / copied).read_bytes() == data
    assert _only_insertion(before, (repo / page).read_text(encoding="utf-8")) == inserted
    assert run_hub(repo, "validate").returncode == 0


def test_a_scaffolded_product_gets_the_entry_after_the_example(repo, tmp_path):
    assert run_hub(repo, "new", "report", "Fresh report").returncode == 0
    page = "docs/reports/fresh-report.md"
    before = (repo / page).read_text(encoding="utf-8")
    (tmp_path / "deck.pptx").write_bytes(presentation("Deck"))
    result = run_hub(repo, "import", "--attach", str(tmp_path / "deck.pptx"), "--to", page, "--title", "Слайды")
    assert result.returncode == 0, result.stderr
    after = (repo / page).read_text(encoding="utf-8")
    assert _only_insertion(before, after) == 'attachments:\n  - {title: "Слайды", file: "files/deck.pptx"}\n'
    example = next(line for line in before.splitlines() if line.startswith("# attachments: ["))
    assert f"{example}\nattachments:\n" in after


@pytest.mark.parametrize("name, data, words", [
    ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "files of type '.svg' cannot be published"),
    ("setup.exe", b"MZ\x90\x00" + b"\x00" * 60, "files of type '.exe' cannot be published"),
    ("report.pdf", b"<html><script>alert(1)</script></html>", "not a real PDF file (its content is HTML)"),
    ("slides.pptx", with_parts(presentation("x"), {"ppt/vbaProject.bin": b"\x00" * 8}), "macros"),
], ids=["svg", "exe", "fake-pdf", "pptx-with-macros"])
def test_attach_refuses_what_the_allow_list_refuses(repo, tmp_path, name, data, words):
    (tmp_path / name).write_bytes(data)
    before = tree_digest(repo / "docs")
    result = run_hub(repo, "import", "--attach", str(tmp_path / name), "--to", "docs/reports/with-slides.md")
    assert result.returncode == 1
    validator = file_formats.check(name, data)
    assert validator is not None and words in validator[1]
    assert result.stderr.strip() == f"error: {name}: {validator[1]}"
    assert tree_digest(repo / "docs") == before


@pytest.mark.parametrize("page, words", [
    ("docs/workshops/online-workshop-1.ru.md", "written once, in the original: attach to "
                                                "docs/workshops/online-workshop-1.md"),
    ("docs/about.md", "not a product"),
    ("docs/guides/missing.md", "not a product"),
    ("mkdocs.yml", "not a file under docs/"),
])
def test_attach_only_to_the_original_of_a_product(repo, tmp_path, page, words):
    (tmp_path / "a.pdf").write_bytes(PDF)
    before = tree_digest(repo / "docs")
    result = run_hub(repo, "import", "--attach", str(tmp_path / "a.pdf"), "--to", page)
    assert result.returncode == 1 and words in result.stderr, result.stderr
    assert tree_digest(repo / "docs") == before


def test_a_broken_or_linked_document_is_a_message_not_a_traceback():
    document = word_document(ENGLISH, alt_missing=False)
    broken = with_parts(document, {"word/document.xml": b"<w:document><unclosed>"})
    with pytest.raises(word_import.WordImportError, match="cannot be read"):
        word_import.convert(broken, slugify)
    rels = zipfile.ZipFile(io.BytesIO(document)).read("word/_rels/document.xml.rels").decode("utf-8")
    image = re.search(r'Id="(rId\d+)"[^>]*Target="media/[^"]+"|Target="media/[^"]+"[^>]*Id="(rId\d+)"', rels)
    linked_rels = re.sub(r'Target="media/[^"]+"', 'Target="file:///C:/secret.png" TargetMode="External"', rels)
    xml = zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml").decode("utf-8")
    rid = image.group(1) or image.group(2)
    linked = with_parts(document, {"word/_rels/document.xml.rels": linked_rels.encode("utf-8"),
                                   "word/document.xml": xml.replace(f'r:embed="{rid}"', f'r:link="{rid}"').encode()})
    converted = word_import.convert(linked, slugify)
    assert converted.pictures == () and "![" not in converted.markdown
    assert "image 1 was left out: it is linked to a file outside the document" in "\n".join(converted.notes)
