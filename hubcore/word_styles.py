"""What a Word document holds that the hub's Markdown cannot say, to tell the author it was dropped.

The converter (mammoth, see word_import.py) keeps a document's meaning, its
headings, lists, tables, links, footnotes, images, bold and italics, and
leaves presentation out on purpose, without a word. Authors must know what they
lose, so this reads the document's formatting properties by name, from the
same XML parts the converter reads (document, footnotes, endnotes, headers and
footers), and counts each kind. Nothing here converts anything: it only counts.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PICTURE = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_GRAPHIC_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath"
_BODY_PARTS = re.compile(r"^word/(document|footnotes|endnotes)\.xml$")
_MARGIN_PARTS = re.compile(r"^word/(header|footer)\d*\.xml$")

# Run properties (w:rPr) Markdown cannot express, by what an author would call them.
# Bold and italics (w:b, w:i) are kept; the language, spell-check and style
# references (w:rStyle: see the converter's own messages) are not formatting to report.
_RUN = {
    "color": "text colour", "highlight": "highlighting", "shd": "highlighting",
    "u": "underline", "strike": "strikethrough", "dstrike": "strikethrough",
    "sz": "font sizes", "szCs": "font sizes", "rFonts": "fonts",
    "caps": "capitals", "smallCaps": "capitals", "vertAlign": "superscript and subscript",
    "vanish": "hidden text (now shown)", "emboss": "text effects", "imprint": "text effects",
    "outline": "text effects", "shadow": "text effects", "effect": "text effects",
    "bdr": "text effects", "spacing": "character spacing", "w": "character spacing",
    "kern": "character spacing", "position": "character spacing",
}
_PARAGRAPH = {"jc": "paragraph alignment", "ind": "indentation", "shd": "shading",
              "pBdr": "borders", "framePr": "text frames"}
_OFF = {"0", "false", "off", "none", "auto"}
_PLAIN_ALIGNMENT = {"left", "start", "both", "distribute"}


def _off(element: ElementTree.Element) -> bool:
    """A property that is present but switched off (w:u w:val="none", w:color w:val="auto"...)."""
    return (element.get(f"{W}val") or "").lower() in _OFF


def _count_body(root: ElementTree.Element, found: Counter) -> None:
    for run in root.iter(f"{W}r"):
        properties = run.find(f"{W}rPr")
        if properties is None:
            continue
        is_note_mark = any(run.find(f"{W}{mark}") is not None for mark in
                           ("footnoteReference", "endnoteReference", "footnoteRef", "endnoteRef"))
        for prop in properties:
            name = prop.tag.removeprefix(W)
            label = _RUN.get(name)
            if label is None or _off(prop) and name not in ("sz", "rFonts", "spacing", "w", "kern"):
                continue
            if name == "vertAlign" and (is_note_mark or prop.get(f"{W}val") == "baseline"):
                continue  # a footnote's number is superscript by nature: it becomes [^1]
            found[label] += 1
    for paragraph in root.iter(f"{W}pPr"):
        for prop in paragraph:
            name = prop.tag.removeprefix(W)
            if name == "jc" and (prop.get(f"{W}val") or "left") in _PLAIN_ALIGNMENT:
                continue
            if name in _PARAGRAPH and not (name == "shd" and _off(prop)):
                found[_PARAGRAPH[name]] += 1
    for cell in root.iter(f"{W}tcPr"):
        if any(p.tag == f"{W}shd" and not _off(p) for p in cell):
            found["table cell shading"] += 1
    found["comments"] += sum(1 for _ in root.iter(f"{W}commentReference"))
    found["deleted text of tracked changes (the changes were taken as accepted)"] += \
        sum(1 for _ in root.iter(f"{W}del"))
    found["charts, diagrams and drawn shapes"] += sum(
        1 for data in root.iter(_GRAPHIC_DATA) if data.get("uri") != _PICTURE)
    found["equations"] += sum(1 for _ in root.iter(_MATH))
    found["embedded objects (OLE)"] += sum(1 for _ in root.iter(f"{W}object"))
    found["fields (their shown text is kept as text)"] += sum(
        1 for text in root.iter(f"{W}instrText") if not (text.text or "").strip().upper().startswith("HYPERLINK"))


def dropped(archive: zipfile.ZipFile) -> Counter:
    """How often each kind of formatting the import leaves out occurs in the document."""
    found: Counter = Counter()
    for name in archive.namelist():
        if _BODY_PARTS.match(name):
            _count_body(ElementTree.fromstring(archive.read(name)), found)
        elif _MARGIN_PARTS.match(name):
            root = ElementTree.fromstring(archive.read(name))
            if any((text.text or "").strip() for text in root.iter(f"{W}t")):
                found["headers and footers"] += 1
    return Counter({label: count for label, count in found.items() if count})


def core_title(archive: zipfile.ZipFile) -> str:
    """The title in the document's properties (File > Info), or ''."""
    try:
        root = ElementTree.fromstring(archive.read("docProps/core.xml"))
    except (KeyError, ElementTree.ParseError):
        return ""
    title = root.find("{http://purl.org/dc/elements/1.1/}title")
    return " ".join((title.text or "").split()) if title is not None else ""
