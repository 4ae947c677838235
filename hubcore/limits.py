"""How much a contribution may ask of the checker and the build, written in one place.

Everything in a pull request is untrusted, and the checker itself is attack
surface: a file that is large, deeply nested or built to make a parser
backtrack must be refused before it reaches the code that would spend minutes
(or crash) on it. Each number here is far above what real content needs (the
largest real page is about 20 KB, a product about 8 KB) and low enough that
the worst accepted input still checks in well under a second.
"""

from __future__ import annotations

from pathlib import Path


def read_at_most(path: Path, limit: int) -> bytes:
    """The file's first ``limit + 1`` bytes: enough to tell it is over ``limit`` without reading it whole."""
    with open(path, "rb") as file:
        return file.read(limit + 1)

# A Markdown page, front matter and body together.
MAX_MARKDOWN_BYTES = 256 * 1024
# Front matter: what fits on a screen or two; text belongs in the body.
MAX_FRONT_MATTER_BYTES = 16 * 1024
MAX_FRONT_MATTER_LINES = 300
# How deep front matter may nest (mappings and lists); PyYAML's composer recurses per level.
MAX_YAML_DEPTH = 8
# A whole number in YAML: more digits than this is not a count of anything.
MAX_INTEGER_DIGITS = 15
# A data file under data/ (vocabularies, interface words, settings).
MAX_DATA_FILE_BYTES = 512 * 1024

# Markdown nesting (lists, quotes, admonitions, tabs): Python-Markdown recurses per level
# and fails with a RecursionError at a few hundred; people never need more than a few.
MAX_MARKDOWN_NESTING = 12
# Inline text of one paragraph (or list item, table row, heading: inline_units.py): Python-Markdown
# scans from every '[' and '<' to the end of the paragraph, so its work grows as the number of
# those characters times the paragraph's length. Their product, summed over the page, is
# bounded here; a normal paragraph of 2,000 characters with 20 links uses 40,000 of it, the
# largest real page about 6,300, and the worst page it lets through (runs of '[') renders in
# about half a second on a busy machine.
MAX_INLINE_WORK = 1_500_000
# Every other inline match (a backslash escape, a code span, emphasis, an entity, a line
# break) makes the renderer copy the rest of the paragraph, in C: a '[' or '<' costs as
# much as about a thousand of those, and counts as this many of them in the product above.
INLINE_MARK_SHARE = 64
# A block (lines with no blank line between them) is split one heading, rule, admonition,
# tab or definition at a time, and each split tests the rest of the block again, so a block
# costs about (those lines) x (its length): 3,500 headings without a blank line took two
# minutes. Real pages have one or two per block (a heading and its paragraph). A run of
# definitions also recurses once per definition (RecursionError at about 500).
MAX_BLOCK_CONSTRUCTS = 100
MAX_BLOCK_WORK = 2_000_000  # eight times the largest page's length; 0.2 to 0.3 s when busy
# Per page: the longest real page has 21 headings and no tabs. Every heading is printed again
# in the page's table of contents; each content tab looks through the earlier tabs of its set
# (4,000 tabs took 11 s); each reference to a footnote already referred to looks through the
# earlier references (2,000 references to one footnote took 9 s).
MAX_HEADINGS = 1_000
MAX_TABS = 200
MAX_FOOTNOTE_REFERENCES = 1_000
MAX_REFERENCES_TO_ONE_FOOTNOTE = 25
# Wall-clock seconds to render one page, the last guard if a slow input slips past the
# limits above (a normal page takes a few milliseconds).
RENDER_SECONDS = 10.0
# Locating a problem renders parts of the page again (locate.py). A render is counted as the
# part's length plus the page's inline and block work above, of which about this many units
# cost what a character of text does: a short page of brackets costs what it takes, not its
# length. What locating may render for one file, in all: twice the page, plus enough for a
# page of usual size to have each of its problems checked; past that, a problem keeps the line
# its text is on in the source.
RENDER_WORK_PER_CHARACTER = 16
LOCATE_RENDER_FACTOR = 2
LOCATE_RENDER_FLOOR = 64 * 1024  # characters
# Problems located in one file; more of the same file get the line of the nearest located one.
MAX_LOCATED_PER_FILE = 25

# Files a page links to or attaches, by family (see file_formats.py for the formats).
MAX_DOCUMENT_BYTES = 25 * 1024 * 1024
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_DATA_BYTES = 10 * 1024 * 1024

# An Office file (.docx, .pptx, .xlsx): how many parts it may have, and what its declared types and
# each of its relationship parts, the only parts the check reads, may unpack to (office_packages.py).
MAX_PACKAGE_PARTS = 10_000
MAX_PACKAGE_XML_BYTES = 4 * 1024 * 1024

# A Word document to import (hub.py import): what its parts may unpack to, and the pixels of
# a picture converted to PNG (TIFF, BMP): a small file must not become gigabytes in memory.
MAX_IMPORT_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_IMPORT_IMAGE_PIXELS = 40_000_000

# Lists inside an event's front matter: far more than a workshop's programme, speakers or
# gallery holds, and few enough that a page and its checks stay small.
MAX_AGENDA_ITEMS = 60
MAX_SPEAKERS = 40
MAX_PHOTOS = 40
