"""A Word document (.docx) as the hub's Markdown, its pictures as files, and what was lost.

Authors write in Word; the hub publishes Markdown that the validator checks.
The conversion is done by two well-kept libraries rather than by parsing Word's
XML here: mammoth reads the document into plain, semantic HTML (headings,
lists, tables, links, footnotes, pictures with their alt text, bold and
italics; it leaves presentation out by design), and markdownify writes that
HTML as Markdown. Between the two, this module shapes the HTML for the site
(the document's title becomes the page's title, headings start at ``##``,
footnotes become ``[^1]``, merged table cells are split) and decides what may
survive: only https:, http: and mailto: links, pictures in the formats the hub
publishes, and text written so that it can never become markup (``<`` and
``&`` as character references, Markdown's own characters escaped). Every loss
is said in ``Conversion.notes``; word_styles.py counts the formatting left out.

Nothing here writes a file: importing.py does, and then the validator checks
what was written, as it checks everything else.
"""

from __future__ import annotations

import io
import re
import secrets
import zipfile
from dataclasses import dataclass
from typing import Callable
from urllib.parse import quote

import mammoth
from bs4 import BeautifulSoup, NavigableString, Tag
from markdownify import MarkdownConverter
from PIL import Image

from . import addresses, file_formats, limits, word_styles
from .settings import FILES_DIR

# Word's built-in styles the default mapping of mammoth does not know, mapped to what they mean.
# The document's own embedded mapping is never read: it is the document's to choose, not ours.
STYLE_MAP = """
p[style-name='Title'] => h1.hub-title:fresh
p[style-name='title'] => h1.hub-title:fresh
p[style-name='Subtitle'] => p:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
"""
# Where an image stands in the HTML until the title, and so the files' names, are known.
_IMAGE = "hub-image-"
_PAGE_LEVEL = 2  # the page's own title is the only level-1 heading; the text's sections are ##
_ELEMENTS = {"o:OLEObject": "embedded objects (OLE)", "m:oMath": "equations", "m:oMathPara": "equations",
             "w:fldSimple": "fields", "w:object": "embedded objects (OLE)"}


class WordImportError(Exception):
    """The document cannot be imported at all (not a Word file, too large...)."""


@dataclass(frozen=True)
class Picture:
    """An image of the document, as the file it becomes in the section's files/ folder."""

    name: str
    data: bytes
    alt: str


@dataclass(frozen=True)
class Conversion:
    """The document as a page: its title, Markdown body, pictures and what the author should know."""

    title: str
    markdown: str
    pictures: tuple[Picture, ...]
    notes: tuple[str, ...]


@dataclass
class _Image:
    data: bytes
    alt: str
    content_type: str


def convert(data: bytes, slug_of: Callable[[str], str], title: str | None = None) -> Conversion:
    """Convert a .docx; pictures are named ``<slug>-<n>.<ext>`` with the slug of the title found.

    ``title`` overrides the document's own (its Title paragraph, the title in its
    properties, or its first heading, in that order).
    """
    archive = _open(data)
    images: list[_Image] = []

    def keep_image(image) -> dict[str, str]:
        try:
            with image.open() as stream:
                content = stream.read(limits.MAX_IMPORT_UNPACKED_BYTES + 1)
        except Exception:  # noqa: BLE001 - a picture linked to a file outside the document, or missing
            content = b""
        images.append(_Image(content, " ".join((image.alt_text or "").split()), image.content_type or ""))
        return {"src": f"{_IMAGE}{len(images)}", "alt": ""}

    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=STYLE_MAP, include_embedded_style_map=False,
                                         external_file_access=False,
                                         convert_image=mammoth.images.img_element(keep_image))
        dropped = word_styles.dropped(archive)
    except Exception as error:  # noqa: BLE001 - any broken document is a message, never a traceback
        raise WordImportError(f"the document cannot be read ({type(error).__name__}): open it in Word, "
                              "save it again as .docx, and import that") from None
    notes: list[str] = []
    soup = BeautifulSoup(result.value, "html.parser")
    found_title = _take_title(soup, archive, title)
    if not found_title:
        raise WordImportError("the document has no title: give it a Title paragraph or a first heading "
                              "in Word, or name it with --title")
    notes += _shift_headings(soup)
    notes += _links(soup)
    token = secrets.token_hex(8)
    footnotes = _footnotes(soup, token)
    notes += _tables(soup)
    separators = _separate_lists(soup, token)
    pictures, more = _pictures(soup, images, slug_of(found_title))
    notes += more
    body = _Markdown().convert_soup(soup)
    for number, text in enumerate(footnotes, start=1):
        body = body.replace(_marker(token, number), f"[^{number}]")
    for number in range(1, separators + 1):
        body = body.replace(_marker(token, number, "List"), "&nbsp;")
    if footnotes:
        body += "\n\n" + "\n".join(f"[^{n}]: {text}" for n, text in enumerate(footnotes, start=1))
    notes += _converter_notes(result.messages)
    notes += [f"{label}: {count} place{'s' if count != 1 else ''}, left out (the hub's Markdown cannot show it)"
              for label, count in sorted(dropped.items())]
    return Conversion(found_title, _tidy(body), tuple(pictures), tuple(notes))


def _open(data: bytes) -> zipfile.ZipFile:
    """The document as a ZIP package, once the allow-list accepts it as a Word file of ordinary parts."""
    refused = file_formats.check("document.docx", data, published=False)  # read here, not published
    if refused:
        raise WordImportError(refused[1])
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise WordImportError("not a Word document that can be read: save it again as .docx") from None
    unpacked = sum(item.file_size for item in archive.infolist())
    if unpacked > limits.MAX_IMPORT_UNPACKED_BYTES:
        raise WordImportError(f"the document unpacks to {unpacked / 1_048_576:.0f} MB, more than "
                              f"{limits.MAX_IMPORT_UNPACKED_BYTES // 1_048_576} MB: split it, or attach it "
                              "as a file instead")
    return archive


def _text(element: Tag) -> str:
    return " ".join(element.get_text(" ").split())


def _take_title(soup: BeautifulSoup, archive: zipfile.ZipFile, given: str | None) -> str:
    """The page's title; the paragraph or heading it came from leaves the body (the page shows it)."""
    titles = soup.select("h1.hub-title")
    headings = soup.find_all(re.compile(r"^h[1-6]$"))
    if given and given.strip():
        title = " ".join(given.split())
    elif titles and _text(titles[0]):
        title = _text(titles[0])
        titles[0].decompose()
    elif word_styles.core_title(archive):
        title = word_styles.core_title(archive)
    elif headings and _text(headings[0]):
        title = _text(headings[0])
        headings[0].decompose()
    else:
        title = ""
    for extra in soup.select("h1.hub-title"):  # another Title paragraph: a heading of the text
        del extra["class"]
    return title


def _shift_headings(soup: BeautifulSoup) -> list[str]:
    """Move the headings so that the highest is ``##``, keeping their order of levels."""
    headings = soup.find_all(re.compile(r"^h[1-6]$"))
    if not headings:
        return []
    top = min(int(h.name[1]) for h in headings)
    flattened = 0
    for heading in headings:
        level = int(heading.name[1]) - top + _PAGE_LEVEL
        flattened += level > 6
        heading.name = f"h{min(level, 6)}"
    return [f"{flattened} heading{'s' if flattened != 1 else ''} deeper than six levels became level six"] \
        if flattened else []


def _links(soup: BeautifulSoup) -> list[str]:
    """Keep https:, http: and mailto: links; any other becomes its text, said in a note.

    Links within the document (to Word bookmarks) become text too: a page links to
    its headings, which do not keep Word's bookmark names. Footnote references are
    left for _footnotes.
    """
    notes, internal = [], 0
    for link in soup.find_all("a"):
        href = addresses.normalise_url(str(link.get("href", "")))
        if href.startswith("#footnote-") or href.startswith("#endnote-"):
            continue
        if not href:
            link.unwrap()  # a bookmark's target: <a id="...">
            continue
        if href.startswith("#"):
            internal += 1
            link.unwrap()
            continue
        scheme = href.split(":", 1)[0].lower() if ":" in href else ""
        if scheme not in addresses.LINK_SCHEMES or addresses.url_problem(href, "link"):
            what = f"a {scheme}: link" if scheme else f"a link to {href[:60]!r}, a file on the author's computer,"
            notes.append(f"{what} was not imported; its text {_text(link)[:60]!r} is kept as plain text "
                         "(only https:, http: and mailto: links are imported)")
            link.unwrap()
    if internal:
        notes.append(f"{internal} link{'s' if internal != 1 else ''} to places inside the document "
                     "became plain text (link to a heading's anchor instead)")
    return notes


def _marker(token: str, number: int, kind: str = "Note") -> str:
    """Letters only, so that no escaping touches it, and unguessable, so no text can imitate it."""
    return f"Hub{kind}{token}N{number}End"


def _separate_lists(soup: BeautifulSoup, token: str) -> int:
    """An empty paragraph between a numbered and a bulleted list that follow each other.

    Python-Markdown would read the second as more items of the first; the
    paragraph (a marker now, ``&nbsp;`` in the Markdown) keeps them apart.
    """
    count = 0
    for listing in soup.find_all(["ul", "ol"]):
        following = listing.find_next_sibling()
        if following is not None and following.name in ("ul", "ol") and following.name != listing.name \
                and listing.next_sibling is following:
            count += 1
            separator = soup.new_tag("p")
            separator.string = _marker(token, count, "List")
            listing.insert_after(separator)
    return count


def _footnotes(soup: BeautifulSoup, token: str) -> list[str]:
    """Footnotes and endnotes as Markdown footnotes, numbered in the order they are referred to.

    mammoth writes a note as a superscript link to a list item at the end; the
    reference becomes a marker (replaced by ``[^n]`` once the text is Markdown)
    and each note's own text is converted on its own.
    """
    notes = {str(item.get("id")): item for item in soup.find_all("li", id=re.compile(r"^(foot|end)note-"))}
    texts: list[str] = []
    numbers: dict[str, int] = {}
    for reference in soup.find_all("a", href=re.compile(r"^#(foot|end)note-")):
        target = str(reference["href"])[1:]
        outer = reference
        while outer.parent is not None and outer.parent.name == "sup" and len(outer.parent.contents) == 1:
            outer = outer.parent
        if target not in notes:
            outer.decompose()
            continue
        if target not in numbers:
            numbers[target] = len(numbers) + 1
        outer.replace_with(NavigableString(_marker(token, numbers[target])))
    for target in sorted(numbers, key=numbers.get):  # type: ignore[arg-type]
        item = notes[target]
        for back in item.find_all("a", href=re.compile(r"^#(foot|end)note-ref-")):
            back.decompose()
        text = _Markdown().convert_soup(BeautifulSoup(item.decode_contents(), "html.parser")).strip()
        texts.append(re.sub(r"\n\n+", "\n\n    ", text) or "&nbsp;")
    for item in notes.values():
        parent = item.parent
        item.decompose()
        if parent is not None and parent.name == "ol" and not parent.find("li"):
            parent.decompose()
    return texts


def _tables(soup: BeautifulSoup) -> list[str]:
    """Tables as Markdown can hold them: merged cells split, lists and tables inside cells as text."""
    notes = []
    for number, table in enumerate(soup.find_all("table", recursive=True), start=1):
        if table.find_parent("table") is not None:
            continue
        flattened = False
        for cell in table.find_all(["td", "th"]):
            for inner in cell.find_all(["table", "ul", "ol"]):
                if inner.parent is None:
                    continue
                inner.replace_with(NavigableString(" " + "; ".join(
                    _text(li) for li in inner.find_all(["li", "td", "th"]) if _text(li)) + " "))
                flattened = True
        merged = _split_merged(soup, table)
        if merged:
            notes.append(f"table {number}: merged cells were split, their text is in the first "
                         "cell: check the table reads well")
        if flattened:
            notes.append(f"table {number}: lists or tables inside cells became plain text")
    return notes


def _split_merged(soup: BeautifulSoup, table: Tag) -> bool:
    """Replace each cell spanning rows or columns by the cell and empty ones in its place."""
    rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
    pending: dict[tuple[int, int], str] = {}  # (row, column) -> cell name, for cells spanned from above
    merged = False
    for r, row in enumerate(rows):
        column = 0
        for cell in list(row.find_all(["td", "th"], recursive=False)):
            while (r, column) in pending:
                cell.insert_before(soup.new_tag(pending.pop((r, column))))
                column += 1
            span = _span(cell, "colspan")
            down = _span(cell, "rowspan")
            for attribute in ("colspan", "rowspan"):
                if attribute in cell.attrs:
                    del cell[attribute]
            merged = merged or span > 1 or down > 1
            for extra in range(1, span):
                cell.insert_after(soup.new_tag(cell.name))
            for below in range(1, down):
                for c in range(span):
                    pending[(r + below, column + c)] = cell.name
            column += span
        while (r, column) in pending:
            row.append(soup.new_tag(pending.pop((r, column))))
            column += 1
    return merged


def _span(cell: Tag, attribute: str) -> int:
    value = str(cell.get(attribute, "1"))
    return max(1, min(int(value), 64)) if value.isdigit() else 1


def _pictures(soup: BeautifulSoup, images: list[_Image], slug: str) -> tuple[list[Picture], list[str]]:
    """Each image as a file the allow-list accepts, or left out with a note saying what to do."""
    pictures: list[Picture] = []
    notes: list[str] = []
    for element in soup.find_all("img"):
        src = str(element.get("src", ""))
        if not src.startswith(_IMAGE):
            element.decompose()
            continue
        number = int(src[len(_IMAGE):])
        image = images[number - 1]
        converted = _web_image(image)
        if isinstance(converted, str):
            notes.append(f"image {number} was left out: {converted}")
            element.decompose()
            continue
        extension, data = converted
        name = f"{slug}-{len(pictures) + 1}.{extension}"
        refused = file_formats.check(name, data)
        if refused:
            notes.append(f"image {number} was left out: {refused[1]}")
            element.decompose()
            continue
        pictures.append(Picture(name, data, image.alt))
        element["src"] = f"{FILES_DIR}/{name}"
        element["alt"] = image.alt
        # An image without alt text keeps an empty one: the validator asks for it, on its line.
    return pictures, notes


def _web_image(image: _Image) -> tuple[str, bytes] | str:
    """(extension, bytes) in a format the hub publishes, converting TIFF and BMP; else why not."""
    if not image.data:
        return ("it is linked to a file outside the document, not stored in it: insert the picture "
                "itself in Word, or add it to the page")
    for found in file_formats.FORMATS:
        if found.family == "images" and found.recognise(image.data):
            return found.extensions[0], image.data
    what = image.content_type or "an unknown format"
    if "emf" in what or "wmf" in what or image.data[40:44] == b" EMF" \
            or image.data.startswith((b"\xd7\xcd\xc6\x9a", b"\x01\x00\x09\x00")):
        return ("it is a Windows drawing (EMF or WMF), which browsers cannot show: in Word, right-click "
                "it, choose 'Save as Picture' as PNG, and add it to the page")
    try:
        with Image.open(io.BytesIO(image.data), formats=["TIFF", "BMP"]) as picture:
            if picture.width * picture.height > limits.MAX_IMPORT_IMAGE_PIXELS:
                return f"it is too large to convert ({picture.width} x {picture.height} pixels)"
            out = io.BytesIO()
            picture.save(out, format="PNG")
            return "png", out.getvalue()
    except (OSError, ValueError, Image.DecompressionBombError):
        return f"it is {what}, not PNG, JPEG, GIF or WebP: save it as PNG and add it to the page"


def _converter_notes(messages) -> list[str]:
    """mammoth's own warnings, said as an author would need them."""
    paragraph, character, elements, other = set(), set(), set(), set()
    for message in messages:
        text = str(getattr(message, "message", message))
        styled = re.match(r"Unrecognised (paragraph|run) style: (.*) \(Style ID: (.*)\)$", text)
        element = re.match(r"An unrecognised element was ignored: (\S+)", text)
        if styled:
            name = styled.group(2) if styled.group(2) != "None" else styled.group(3)
            if name != "Hyperlink":  # links are kept; only their blue underline goes
                (paragraph if styled.group(1) == "paragraph" else character).add(name)
        elif element:
            elements.add(_ELEMENTS.get(element.group(1), f"Word elements the import cannot read "
                                                         f"({element.group(1)})"))
        elif "referenced but not defined" in text or text.startswith("Image of type"):
            continue  # a broken style reference changes nothing; images are checked in _pictures
        else:
            other.add(text)
    notes = []
    if paragraph:
        notes.append("paragraph styles imported as plain paragraphs: " + ", ".join(sorted(paragraph)))
    if character:
        notes.append("character styles left out: " + ", ".join(sorted(character)))
    notes += [f"{what}: left out" for what in sorted(elements)]
    notes += [f"the converter said: {text}" for text in sorted(other)]
    return notes


# Markdown the site's renderer would read in text: escaped wherever they occur ...
_INLINE = re.compile(r"([\\`*_\[\]{}|])")
# ... and at the start of a line, where they start blocks (headings, quotes, lists, admonitions,
# definitions, tabs, collapsible blocks, fenced code), written as character references.
_LINE_START = re.compile(r"(^|\n)([ \t]*)(?:([#>+\-:=!?~])|(\d+)([.)]))")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")


def escape(text: str) -> str:
    """Plain text that the site's Markdown renders as exactly this text, never as markup or HTML."""
    text = _ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;")
    text = _INLINE.sub(r"\\\1", text)

    def at_start(match: re.Match) -> str:
        mark, number, after = match.group(3, 4, 5)
        written = f"&#{ord(mark)};" if mark else f"{number}&#{ord(after)};"
        return match.group(1) + match.group(2) + written
    return _LINE_START.sub(at_start, text)


class _Markdown(MarkdownConverter):
    """markdownify, writing the Markdown the site renders (Python-Markdown with the site's extensions)."""

    def __init__(self) -> None:
        super().__init__(heading_style="ATX", bullets="-", table_infer_header=True, autolinks=False,
                         escape_asterisks=False, escape_underscores=False, escape_misc=False)

    def escape(self, text: str, parent_tags) -> str:  # noqa: D102 - markdownify's hook
        return escape(text) if text else ""

    def convert_a(self, el, text, parent_tags):  # noqa: D102
        href = quote(addresses.normalise_url(str(el.get("href", ""))), safe=":/?#@!$&+,;=%-._~")
        return f"[{text.strip()}]({href})" if text.strip() else ""

    def convert_img(self, el, text, parent_tags):  # noqa: D102
        alt = escape(str(el.get("alt", ""))).replace("\n", " ")
        return f"![{alt}]({el.get('src', '')})"

    def convert_s(self, el, text, parent_tags):  # noqa: D102 - no strikethrough in the site's Markdown
        return text

    convert_del = convert_s

    def convert_li(self, el, text, parent_tags):  # noqa: D102 - nested blocks need four spaces
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start = str(parent.get("start", "1"))
            bullet = f"{(int(start) if start.isdigit() else 1) + len(el.find_previous_siblings('li'))}."
        else:
            bullet = "-"
        first, *rest = text.split("\n")
        return "\n".join([f"{bullet} {first}"] + [f"    {line}" if line else "" for line in rest]) + "\n"


def _tidy(markdown: str) -> str:
    """No runs of blank lines, no trailing spaces except a line break's two, one final newline."""
    lines = []
    for line in markdown.split("\n"):
        line = line.rstrip() + ("  " if line.endswith("  ") and line.strip() else "")
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"
