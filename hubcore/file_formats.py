"""The formats a contribution may publish besides Markdown, recognised by their content.

A file is served with the type its extension names, so what matters is that the
extension is one of these and that the bytes really are that format: an ``.html``
file runs script on the site's origin, an ``.svg`` opened directly does too, and
a ``.pdf`` that is really HTML would be sniffed. Office files are accepted only
with the parts an ordinary document has (office_packages.py), OpenDocument files
only without macros. SVG is refused on purpose: no well-kept sanitiser is part of the
build, and a drawing can be published as PNG.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Callable

from . import limits, office_packages

# Characters that never belong in a text file (C0 controls other than tab and line
# breaks, DEL and the C1 controls): a CSV holding them is not text.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Parts of an OpenDocument package that hold macros or other code (Office files: office_packages.py).
_MACRO_PARTS = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml|activeX/|Basic/|Scripts/)", re.I)


@dataclass(frozen=True)
class FileFormat:
    """One accepted format: its extensions, what readers see, and how its bytes are recognised."""

    id: str
    label: str  # shown on download buttons ("PDF")
    family: str  # documents, images or data: decides the size limit
    extensions: tuple[str, ...]
    media_type: str
    recognise: Callable[[bytes], bool]
    main_part: str = ""  # an Office file's main part (word/document.xml); its parts are checked

    @property
    def max_bytes(self) -> int:
        return {"documents": limits.MAX_DOCUMENT_BYTES, "images": limits.MAX_IMAGE_BYTES,
                "data": limits.MAX_DATA_BYTES}[self.family]

    def __repr__(self) -> str:
        return f"FileFormat({self.id!r})"


def _starts(*signatures: bytes) -> Callable[[bytes], bool]:
    return lambda data: data.startswith(signatures)


def _webp(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def _package(main_part: str) -> Callable[[bytes], bool]:
    """An Office Open XML file (a ZIP) whose main part is ``main_part``."""
    def recognise(data: bytes) -> bool:
        names = _zip_names(data)
        return names is not None and "[Content_Types].xml" in names and main_part in names
    return recognise


def _office(id: str, label: str, family: str, media_type: str, main_part: str) -> FileFormat:
    """An Office Open XML format, recognised by its main part."""
    return FileFormat(id, label, family, (id,), media_type, _package(main_part), main_part)


def _open_document(kind: str) -> Callable[[bytes], bool]:
    """An OpenDocument file: a ZIP whose first entry is ``mimetype`` naming ``kind``."""
    expected = f"application/vnd.oasis.opendocument.{kind}".encode()

    def recognise(data: bytes) -> bool:
        names = _zip_names(data)
        return names is not None and data[30:38] == b"mimetype" and data[38:38 + len(expected)] == expected
    return recognise


def _zip_names(data: bytes) -> list[str] | None:
    """The entries of a ZIP archive, read from its directory only (nothing is unpacked)."""
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        return None


def _csv(data: bytes) -> bool:
    """UTF-8 text with no control characters (a byte-order mark is fine)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return _BINARY.search(text) is None


FORMATS: tuple[FileFormat, ...] = (
    FileFormat("pdf", "PDF", "documents", ("pdf",), "application/pdf", _starts(b"%PDF-")),
    _office("docx", "Word", "documents", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "word/document.xml"),
    _office("pptx", "PowerPoint", "documents",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/presentation.xml"),
    _office("xlsx", "Excel", "data", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xl/workbook.xml"),
    FileFormat("odt", "ODT", "documents", ("odt",), "application/vnd.oasis.opendocument.text",
               _open_document("text")),
    FileFormat("odp", "ODP", "documents", ("odp",), "application/vnd.oasis.opendocument.presentation",
               _open_document("presentation")),
    FileFormat("ods", "ODS", "data", ("ods",), "application/vnd.oasis.opendocument.spreadsheet",
               _open_document("spreadsheet")),
    FileFormat("csv", "CSV", "data", ("csv",), "text/csv", _csv),
    FileFormat("png", "PNG", "images", ("png",), "image/png", _starts(b"\x89PNG\r\n\x1a\n")),
    FileFormat("jpeg", "JPEG", "images", ("jpg", "jpeg"), "image/jpeg", _starts(b"\xff\xd8\xff")),
    FileFormat("gif", "GIF", "images", ("gif",), "image/gif", _starts(b"GIF87a", b"GIF89a")),
    FileFormat("webp", "WebP", "images", ("webp",), "image/webp", _webp),
)
BY_EXTENSION: dict[str, FileFormat] = {ext: f for f in FORMATS for ext in f.extensions}
IMAGE_EXTENSIONS = frozenset(ext for f in FORMATS if f.family == "images" for ext in f.extensions)

# What a refused file most likely is, to say so in the message (checked in this order).
_WHAT_IT_IS: tuple[tuple[str, Callable[[bytes], bool]], ...] = (
    ("HTML", lambda d: re.match(rb"\s*(<!doctype html|<html|<head|<body|<script)", d[:512], re.I) is not None),
    ("SVG or XML", lambda d: re.match(rb"\s*(<\?xml|<svg)", d[:512], re.I) is not None),
    ("a program", _starts(b"\x7fELF", b"MZ", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")),
    ("a ZIP archive", _starts(b"PK\x03\x04")),
) + tuple((f.label + " file", f.recognise) for f in FORMATS if f.id != "csv") + (("text", _csv),)


# A spreadsheet opening a CSV runs a cell as a formula when, after what it skips at the start
# (white space, invisible characters, quotes), it begins with one of these; a '+' or '-'
# starts a formula too unless the cell is just a number.
FORMULA_STARTS = frozenset("=+-@|\uff1d\uff0b\uff0d\uff20")
_SKIPPED = re.compile(r"[\s\u200b-\u200d\u2060\ufeff\"']*")
_NUMBER = re.compile(r"^[+-]?\d[\d\s.,]*%?$")


def formula_start(cell: str, signed_numbers_ok: bool = False) -> str | None:
    """The character that could make a spreadsheet run ``cell`` as a formula, or None.

    A signed number ("-12.5") is only a number; ``signed_numbers_ok`` says so (a data file
    may hold them). The hub's own exports treat every such start as a formula.
    """
    rest = cell[_SKIPPED.match(cell).end():]  # type: ignore[union-attr]
    first = rest[:1]
    if first not in FORMULA_STARTS or signed_numbers_ok and first in "+-" and _NUMBER.match(rest):
        return None
    return first


def csv_formula_line(data: bytes) -> int | None:
    """The line of the first cell of a (valid UTF-8) CSV file that a spreadsheet would run."""
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    try:
        for row in reader:
            if any(formula_start(cell, signed_numbers_ok=True) for cell in row):
                return reader.line_num
    except csv.Error:
        return reader.line_num or 1
    return None


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1] if "." in name else ""


def allowed_extensions() -> str:
    return ", ".join(f".{ext}" for f in FORMATS for ext in f.extensions)


def check(name: str, data: bytes, published: bool = True) -> tuple[int, str] | None:
    """(line, why) a file called ``name`` with these bytes may not be published, or None.

    ``published``: readers will open it; of a document the import only reads, an Office file's
    macros alone are refused (office_packages.problem).
    """
    reason = _format_problem(name, data, published)
    if reason:
        return 1, reason
    if extension_of(name) == "csv":
        line = csv_formula_line(data)
        if line:
            return line, ("a cell on this line would run as a formula in a spreadsheet (it starts "
                          "with =, +, -, @ or |): put an apostrophe before it, or remove it")
    return None


def _format_problem(name: str, data: bytes, published: bool) -> str | None:
    extension = extension_of(name)
    found = BY_EXTENSION.get(extension)
    if found is None:
        hint = " (a drawing: save it as PNG)" if extension.lower() == "svg" else ""
        return (f"files of type '.{extension}' cannot be published{hint}; allowed: "
                f"{allowed_extensions()}")
    if len(data) > found.max_bytes:
        return (f"too large: {len(data) / 1_048_576:.1f} MB, at most "
                f"{found.max_bytes // 1_048_576} MB for {found.family}")
    if not found.recognise(data):
        actual = next((what for what, test in _WHAT_IT_IS if test(data)), None)
        what = f"its content is {actual}" if actual else "its content is not"
        return f"not a real {found.label} file ({what}): export it again as {found.label}"
    if found.main_part:
        return office_packages.problem(data, found.label, found.main_part, published)
    if any(_MACRO_PARTS.search(name) for name in _zip_names(data) or ()):
        return f"the {found.label} file contains macros or embedded programs: save it without them"
    return None


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels of an image in one of the accepted formats, read from its header only
    (nothing is decoded); None when it cannot be read. Pages give these to ``<img>`` so that the layout
    does not move while pictures load."""
    from PIL import Image, UnidentifiedImageError  # Pillow, also used by the Word import

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    return (width, height) if width > 0 and height > 0 else None
