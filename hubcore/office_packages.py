"""What an Office Open XML file (.docx, .pptx, .xlsx) may hold: an allow-list of its parts.

Such a file is a ZIP of parts, each with a content type declared in
``[Content_Types].xml`` (by part name, or by extension) and tied to the others by
relationships. Office runs or fetches some parts when a reader opens the file:
macros (a VBA project keeps its content type whatever its part is called),
embedded OLE objects and packages, ActiveX controls, links to other workbooks
(DDE), data connections, add-ins, and relationships to outside addresses (a
template or a picture on a share or a web server is fetched on opening). Rather
than looking for those, the hub lists the types of the parts ordinary documents,
presentations and workbooks hold and the folders they lie in, and refuses every
other part by name. A hyperlink a reader clicks may use the addresses a link on
a page may use (addresses.LINK_SCHEMES); any other outside relationship is
refused.

Reads are bounded (limits.py): the number of parts, and the bytes unpacked from
``[Content_Types].xml`` and from each relationship part, the only parts read.
XML with a document type declaration is refused, so no entity is ever expanded.
"""

from __future__ import annotations

import io
import re
import zipfile
from urllib.parse import unquote
from xml.parsers import expat

from . import addresses, limits

_CONTENT_TYPES = "[Content_Types].xml"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"

_W = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_P = "application/vnd.openxmlformats-officedocument.presentationml."
_S = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_D = "application/vnd.openxmlformats-officedocument."
# The part types of ordinary documents, presentations and workbooks (Word, PowerPoint and
# Excel without macros, LibreOffice, python-docx, python-pptx): text, styles, notes,
# comments, drawings, charts and SmartArt, pictures, embedded fonts, media, properties.
ALLOWED_TYPES = frozenset({
    _RELATIONSHIPS, "application/vnd.openxmlformats-package.core-properties+xml",
    "application/vnd.openxmlformats-package.digital-signature-origin",
    "application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml",
    "application/xml", _D + "extended-properties+xml", _D + "custom-properties+xml",
    _D + "customXmlProperties+xml", _D + "theme+xml", _D + "themeOverride+xml",
    _D + "drawing+xml", _D + "vmlDrawing", _D + "drawingml.chart+xml", _D + "drawingml.chartshapes+xml",
    _D + "drawingml.diagramData+xml", _D + "drawingml.diagramLayout+xml", _D + "drawingml.diagramStyle+xml",
    _D + "drawingml.diagramColors+xml", "application/vnd.ms-office.drawingml.diagramDrawing+xml",
    "application/vnd.ms-office.chartstyle+xml", "application/vnd.ms-office.chartcolorstyle+xml",
    "image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff", "image/x-emf", "image/x-wmf",
    "image/svg+xml", "image/vnd.ms-photo",
    _D + "obfuscatedFont", "application/x-fontdata", "application/x-font-ttf",
    "video/mp4", "audio/mpeg", "audio/mp4",
    *(prefix + "printerSettings" for prefix in (_W, _P, _S)),
    *(_W + name + "+xml" for name in (
        "document.main", "document.glossary", "styles", "settings", "webSettings", "fontTable", "numbering",
        "footnotes", "endnotes", "comments", "header", "footer", "people")),
    "application/vnd.ms-word.stylesWithEffects+xml", "application/vnd.ms-word.commentsExtended+xml",
    "application/vnd.ms-word.commentsIds+xml", "application/vnd.ms-word.commentsExtensible+xml",
    *(_P + name + "+xml" for name in (
        "presentation.main", "slide", "slideLayout", "slideMaster", "notesSlide", "notesMaster",
        "handoutMaster", "presProps", "viewProps", "tableStyles", "commentAuthors", "comments", "tags")),
    "application/vnd.ms-powerpoint.comments+xml", "application/vnd.ms-powerpoint.authors+xml",
    *(_S + name + "+xml" for name in (
        "sheet.main", "worksheet", "chartsheet", "styles", "sharedStrings", "calcChain", "table", "comments",
        "pivotTable", "pivotCacheDefinition", "pivotCacheRecords", "tableSingleCells", "sheetMetadata")),
    "application/vnd.ms-excel.person+xml", "application/vnd.ms-excel.threadedcomments+xml",
    "application/vnd.ms-excel.slicer+xml", "application/vnd.ms-excel.slicerCache+xml",
})
# The folders parts may lie in: the package's own, and the main part's (word/, ppt/, xl/).
_PACKAGE_FOLDERS = frozenset({"_rels", "docProps", "customXml"})
# Parts refused by where they lie or what they are called, whatever type they declare, and
# what to call them in the message (also used for the types, and the relationships' types, that
# say the same: a part Office runs is reached through a relationship of its kind).
_MACROS = "macros"
_ACTIVE = (
    (re.compile(r"vba|macro", re.I), _MACROS),
    (re.compile(r"(^|/)embeddings/|oleObject|^package$", re.I), "an embedded object or file"),
    (re.compile(r"activeX", re.I), "an ActiveX control"),
    (re.compile(r"externalLink", re.I), "a link to another workbook"),
    (re.compile(r"(^|/)connections\.xml$|queryTable|\.connections\+xml$", re.I), "a data connection"),
    (re.compile(r"webextension|taskpane", re.I), "an add-in"),
)
_MAX_NAMED = 3


class _NotAPackage(Exception):
    """The package cannot be read as Office does (broken XML, a document type, too large)."""


def problem(data: bytes, label: str, main_part: str, published: bool = True) -> str | None:
    """Why the Office file ``data`` (a ``label`` file, "Word", whose main part is ``main_part``)
    may not be published, or None.

    ``published``: the file is published for readers to open. A document only read by the
    import (hub.py import) must be one without macros, as any Word file the hub takes, but the
    rest is the conversion's to drop (embedded objects, charts, links a page may not hold): it
    never opens or follows them, and lists what it left out.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found = _parts_problems(archive, main_part.split("/", 1)[0], published)
    except (_NotAPackage, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError,
            NotImplementedError, RuntimeError) as error:
        why = f": {error}" if isinstance(error, _NotAPackage) and str(error) else ""
        return f"the {label} file cannot be read as Office reads it{why}: save it again from Office"
    if not found:
        return None
    more = f" and {len(found) - _MAX_NAMED} more" if len(found) > _MAX_NAMED else ""
    return (f"the {label} file holds {', '.join(found[:_MAX_NAMED])}{more}: Office would run or fetch such "
            "a part when the file is opened, or an ordinary document has none; save a copy without it "
            "(no macros, embedded objects or links to files and other workbooks), or export it as PDF")


def _parts_problems(archive: zipfile.ZipFile, folder: str, published: bool) -> list[str]:
    items = [item for item in archive.infolist() if not item.is_dir()]
    if len(items) > limits.MAX_PACKAGE_PARTS:
        raise _NotAPackage(f"more than {limits.MAX_PACKAGE_PARTS} parts")
    names = [item.filename for item in items]
    if len({_key(name) for name in names}) != len(names):
        raise _NotAPackage("two parts have one name")
    defaults, overrides = _declared_types(_read(archive, _CONTENT_TYPES))
    found = []
    for name in names:
        if name == _CONTENT_TYPES:
            continue
        base = name.rsplit("/", 1)[-1]
        extension = base.rsplit(".", 1)[1].lower() if "." in base else ""
        declared = overrides.get(_key(name)) or defaults.get(extension) or set()
        why = _part_problem(name, declared, _PACKAGE_FOLDERS | {folder})
        if why and (published or why == _MACROS):
            found.append(f"{name} ({why})")
        elif not why and published and (_RELATIONSHIPS in declared or name.endswith(".rels")):
            found += [f"{name} ({why})" for why in _relationship_problems(_read(archive, name))]
    return found


def _active(*names: str) -> str | None:
    """What Office would run or fetch that one of ``names`` (a part, its types) says it holds."""
    return next((what for pattern, what in _ACTIVE for name in names if pattern.search(name)), None)


def _part_problem(name: str, declared: set[str], folders: frozenset[str]) -> str | None:
    active = _active(name, *declared)
    if active:
        return active
    if not declared:
        return "a part of no declared type"
    refused = sorted(declared - ALLOWED_TYPES)
    if refused:
        return f"a part of type {refused[0]}"
    if name.split("/", 1)[0] not in folders or "/" not in name:
        return f"a part outside the folders of a document ({', '.join(sorted(folders))})"
    return None


def _relationship_problems(data: bytes) -> list[str]:
    found = []
    for attributes in _elements(data, f"{_RELATIONSHIPS_NS} Relationship"):
        kind = attributes.get("Type", "").rsplit("/", 1)[-1]
        active = _active(kind)
        if active:
            found.append(f"a relationship to {active}")
        if attributes.get("TargetMode") != "External":
            continue
        target = addresses.normalise_url(attributes.get("Target", ""))
        hyperlink = kind == "hyperlink"
        scheme = target.split(":", 1)[0].lower() if ":" in target else ""
        if not hyperlink:
            found.append(f"a link to '{target}', fetched on opening")
        elif scheme not in addresses.LINK_SCHEMES or addresses.url_problem(target, "link"):
            found.append(f"a hyperlink to '{target}': links may use https:, http: or mailto: addresses")
    return found


def _declared_types(data: bytes) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """[Content_Types].xml: the types declared by extension, and by part name (both lower case)."""
    defaults: dict[str, set[str]] = {}
    overrides: dict[str, set[str]] = {}
    for attributes in _elements(data, f"{_TYPES_NS} Default"):
        defaults.setdefault(attributes.get("Extension", "").lower(), set()).add(attributes.get("ContentType", ""))
    for attributes in _elements(data, f"{_TYPES_NS} Override"):
        overrides.setdefault(_key(attributes.get("PartName", "")), set()).add(attributes.get("ContentType", ""))
    return defaults, overrides


def _key(part_name: str) -> str:
    """A part's name as Office compares them: without the leading '/', decoded, case-insensitive."""
    return unquote(part_name.lstrip("/")).lower()


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    """One XML part, unpacked at most to its limit (a small ZIP may unpack to gigabytes)."""
    try:
        with archive.open(name) as part:
            data = part.read(limits.MAX_PACKAGE_XML_BYTES + 1)
    except KeyError:
        raise _NotAPackage(f"{name} is missing") from None
    if len(data) > limits.MAX_PACKAGE_XML_BYTES:
        raise _NotAPackage(f"{name} unpacks to more than {limits.MAX_PACKAGE_XML_BYTES // 1_048_576} MB")
    return data


def _elements(data: bytes, wanted: str) -> list[dict[str, str]]:
    """The attributes of every ``wanted`` element ("namespace name") of an XML part."""
    found: list[dict[str, str]] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == wanted:
            found.append(attributes)

    def no_document_type(*_: object) -> None:
        raise _NotAPackage("it declares a document type")

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = no_document_type
    parser.EntityDeclHandler = no_document_type
    try:
        parser.Parse(data, True)
    except expat.ExpatError:
        raise _NotAPackage("its XML is broken") from None
    return found
