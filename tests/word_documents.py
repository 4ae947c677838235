"""Word and PowerPoint files made in the tests, with python-docx and python-pptx.

The import is tested on real documents of both languages rather than on stored
binaries: each holds a title, headings, a list, a table with merged cells, a
footnote, two images (one with alt text, one without), a safe and a hostile
hyperlink, and text styles Markdown cannot express. python-docx has no footnote
or hyperlink API, so those are added as the WordprocessingML the standard
defines, through python-docx's own package parts and relationships.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, RGBColor


def png(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A small valid PNG of one colour (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


@dataclass(frozen=True)
class Words:
    """The text of a test document in one language."""

    title: str
    heading: str
    subheading: str
    paragraph: str
    styled: str  # coloured, highlighted and underlined
    items: tuple[str, str]
    table: tuple[tuple[str, str], ...]
    footnote: str
    link_text: str
    hostile_text: str
    alt: str


ENGLISH = Words(
    title="Open data in public services",
    heading="Why open data",
    subheading="First steps",
    paragraph="Governments publish data so that others can use it.",
    styled="Important words",
    items=("Publish a catalogue", "Name a data steward"),
    table=(("Country", "Portals"), ("Kazakhstan", "2"), ("Uzbekistan", "1")),
    footnote="Counted in 2022.",
    link_text="the project site",
    hostile_text="click me",
    alt="A red square standing for a chart",
)
RUSSIAN = Words(
    title="Открытые данные в государственных услугах",
    heading="Зачем нужны открытые данные",
    subheading="Первые шаги",
    paragraph="Государство публикует данные, чтобы ими могли пользоваться другие.",
    styled="Важные слова",
    items=("Опубликовать каталог", "Назначить ответственного за данные"),
    table=(("Страна", "Порталы"), ("Казахстан", "2"), ("Узбекистан", "1")),
    footnote="Подсчитано в 2022 году.",
    link_text="сайт проекта",
    hostile_text="нажмите",
    alt="Красный квадрат вместо диаграммы",
)
SAFE_URL = "https://example.org/open-data"
HOSTILE_URL = "javascript:alert(document.domain)"


def hyperlink(paragraph, url: str, text: str) -> None:
    """An external hyperlink (w:hyperlink with a relationship), as Word writes one."""
    rel = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel}"><w:r>'
        f"<w:t xml:space=\"preserve\">{text}</w:t></w:r></w:hyperlink>"))


def add_footnote(document, paragraph, text: str) -> None:
    """A footnote: the footnotes part (with Word's two separator notes) and a reference in the text."""
    part = document.part
    try:
        notes = part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        xml = (f'<w:footnotes {nsdecls("w")}>'
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
               "</w:r></w:p></w:footnote></w:footnotes>")
        notes = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), part.package)
        part.relate_to(notes, RT.FOOTNOTES)
    tree = parse_xml(notes.blob)
    number = len(tree.findall(qn("w:footnote"))) - 1
    tree.append(parse_xml(
        f'<w:footnote {nsdecls("w")} w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
        f'</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'))
    notes._blob = tree.xml.encode("utf-8") if hasattr(tree, "xml") else _serialise(tree)
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{number}"/></w:r>'))


def _serialise(element) -> bytes:
    from lxml import etree
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def picture(document, data: bytes, alt: str | None) -> None:
    """An inline picture; ``alt`` becomes its description (Word's alt text), None leaves it out."""
    run = document.add_paragraph().add_run()
    shape = run.add_picture(io.BytesIO(data), width=Inches(1))
    properties = shape._inline.docPr
    for name in ("descr", "title"):
        properties.attrib.pop(name, None)
    if alt is not None:
        properties.set("descr", alt)


def word_document(words: Words, *, with_title: bool = True, core_title: str | None = None,
                  alt_missing: bool = True) -> bytes:
    """A .docx holding every feature the import handles, in the language of ``words``."""
    document = Document()
    if core_title is not None:
        document.core_properties.title = core_title
    if with_title:
        document.add_paragraph(words.title, style="Title")
    document.add_heading(words.heading, level=1)
    intro = document.add_paragraph(words.paragraph + " ")
    bold = intro.add_run("bold")
    bold.bold = True
    intro.add_run(" ")
    styled = intro.add_run(words.styled)
    styled.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    styled.font.highlight_color = WD_COLOR_INDEX.YELLOW
    styled.underline = True
    add_footnote(document, intro, words.footnote)
    document.add_heading(words.subheading, level=2)
    for item in words.items:
        document.add_paragraph(item, style="List Bullet")
    links = document.add_paragraph()
    hyperlink(links, SAFE_URL, words.link_text)
    links.add_run(" · ")
    hyperlink(links, HOSTILE_URL, words.hostile_text)
    table = document.add_table(rows=0, cols=2)
    for row in words.table:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    merged = table.add_row().cells
    merged[0].merge(merged[1]).text = "Σ"
    picture(document, png(), words.alt)
    if alt_missing:
        picture(document, png(rgb=(30, 30, 200)), None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_parts(docx: bytes, replace: dict[str, bytes]) -> bytes:
    """The same package with some parts' bytes replaced or added (an image in another format, macros)."""
    import zipfile
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, replace.get(item.filename, source.read(item.filename)))
        for name, data in replace.items():
            if name not in source.namelist():
                target.writestr(name, data)
    return out.getvalue()


def presentation(title: str) -> bytes:
    """A minimal real PowerPoint file, with one title slide."""
    from pptx import Presentation
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = title
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def plain_document() -> bytes:
    """An ordinary Word file, as people attach one: a paragraph and a picture, no links."""
    document = Document()
    document.add_paragraph("An ordinary document.")
    picture(document, png(), "A red square")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_types(package: bytes, parts: dict[str, tuple[str, bytes]]) -> bytes:
    """``package`` with parts added, each declared in [Content_Types].xml with its type: {name: (type, bytes)}."""
    import zipfile
    types = zipfile.ZipFile(io.BytesIO(package)).read("[Content_Types].xml").decode("utf-8")
    declared = "".join(f'<Override PartName="/{name}" ContentType="{kind}"/>' for name, (kind, _) in parts.items())
    return with_parts(package, {"[Content_Types].xml": types.replace("</Types>", declared + "</Types>").encode(),
                                **{name: data for name, (_, data) in parts.items()}})


_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def relationships(*items: tuple[str, str, str]) -> bytes:
    """A relationship part: (type, or its last word for Office's own; target; target mode or "")."""
    entries = "".join(f'<Relationship Id="rId{n}" Type="{kind if "://" in kind else _OFFICE_RELATIONSHIPS + "/" + kind}"'
                      f' Target="{target}"'
                      + (f' TargetMode="{mode}"' if mode else "") + "/>"
                      for n, (kind, target, mode) in enumerate(items, start=1))
    return f'<?xml version="1.0"?><Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">{entries}</Relationships>'.encode()


def workbook() -> bytes:
    """A minimal Excel file of one sheet, laid out as Excel saves one (no spreadsheet library needed)."""
    import zipfile
    types = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
             f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/></Types>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts = {
        "[Content_Types].xml": types.encode(),
        "_rels/.rels": relationships(("officeDocument", "xl/workbook.xml", "")),
        "xl/workbook.xml": (f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{_OFFICE_RELATIONSHIPS}">'
                            '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>').encode(),
        "xl/_rels/workbook.xml.rels": relationships(("worksheet", "worksheets/sheet1.xml", "")),
        "xl/worksheets/sheet1.xml": (f'<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData><row r="1">'
                                     '<c r="A1" t="inlineStr"><is><t>1</t></is></c></row></sheetData></worksheet>').encode(),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()
