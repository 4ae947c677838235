"""Attach a file (slides, a report, data) to an existing product: ``hub.py import --attach``.

The file is copied into the product's section ``files/`` folder, where the
contribution allow-list wants attachments, once the same check ``validate``
runs on it (file_formats.check: an accepted format recognised by its content,
within its size, no macros) accepts it. The product's front matter gains one
``attachments`` entry and nothing else changes in it: the entry is inserted
into the text, every other byte stays as the author wrote it (comments,
quoting, order), and the result is read back to prove it means exactly the old
fields plus the new entry. The site shows the attachment's format and size,
taken from the file. Nothing is overwritten.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import file_formats, limits
from .frontmatter import split
from .importing import check
from .loader import load_site
from .problems import Problem
from .scaffold import slugify
from .schema import PAGE
from .settings import DOCS_DIR, FILES_DIR, Paths

FIELD = "attachments"


class AttachRefused(Exception):
    """Why nothing was written."""


@dataclass(frozen=True)
class Attached:
    """What was written (paths from the root) and what validate says about it."""

    page: str
    file: str
    label: str  # the format, as the product's card shows it ("PDF", "PPTX")
    size: int
    problems: tuple[Problem, ...]


def attach(root: Path, product: str, source: Path, title: str | None = None) -> Attached:
    """Copy ``source`` into the section of ``product`` (a path from the root) and list it there."""
    paths = Paths(root)
    page_path = (root / product).resolve()
    try:
        rel = page_path.relative_to(paths.docs.resolve()).as_posix()
    except ValueError:
        raise AttachRefused(f"{product}: not a file under {DOCS_DIR}/") from None
    site, _ = load_site(root)
    entry = site.entry_for_path(rel)
    if entry is None or entry.kind == PAGE or all(d.docs_path != rel for d in entry.versions.values()):
        raise AttachRefused(f"{product}: not a product (a case study, guide, workshop or report file)")
    if entry.original.docs_path != rel:
        raise AttachRefused(f"{product}: attachments are language-neutral and written once, in the "
                            f"original: attach to {DOCS_DIR}/{entry.original.docs_path}")
    if not source.is_file():
        raise AttachRefused(f"{source}: no such file")
    if source.stat().st_size > limits.MAX_DOCUMENT_BYTES:
        raise AttachRefused(f"{source.name}: too large: {source.stat().st_size / 1_048_576:.1f} MB, at most "
                            f"{limits.MAX_DOCUMENT_BYTES // 1_048_576} MB")
    name = file_name(source.name)
    data = source.read_bytes()
    refused = file_formats.check(name, data)
    if refused:
        raise AttachRefused(f"{source.name}: {refused[1]}")
    target = page_path.parent / FILES_DIR / name
    if target.exists():
        raise AttachRefused(f"{paths.rel(target)} already exists: nothing was written (rename the file, "
                            "or attach the one that is there by hand)")
    text = page_path.read_bytes().decode("utf-8")
    link = f"{FILES_DIR}/{name}"
    new_text = with_attachment(paths.rel(page_path), text, title or _title_of(source.name), link)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("xb") as handle:  # exclusive: never replaces a file
        handle.write(data)
    page_path.write_bytes(new_text.encode("utf-8"))
    names = [paths.rel(page_path), paths.rel(target)]
    label = file_formats.extension_of(name).upper()  # as the product's card shows it
    return Attached(names[0], names[1], label, len(data), tuple(check(root, names)))


def file_name(name: str) -> str:
    """A name the allow-list accepts for a file (letters, digits, '-'), keeping its extension."""
    stem, _, extension = name.rpartition(".")
    if not stem:
        stem, extension = extension, ""
    return f"{slugify(stem)}.{extension.lower()}" if extension else slugify(stem)


def _title_of(name: str) -> str:
    stem = name.rpartition(".")[0] or name
    words = " ".join(re.split(r"[-_\s]+", stem)).strip()
    return (words[:1].upper() + words[1:]) or name


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted string


def with_attachment(path: str, text: str, title: str, file: str) -> str:
    """``text`` with one more attachments entry in its front matter; every other byte unchanged."""
    source, problems = split(path, text.encode("utf-8"))
    if source is None:
        raise AttachRefused(f"{path}: fix its front matter first: " + "; ".join(p.message for p in problems))
    lines = text.split("\n")
    end = source.body_line - 2  # the closing '---' line
    newline = "\r\n" if lines[0].endswith("\r") else "\n"
    start = len(lines[0]) + 1  # where the front matter's YAML starts in the text
    block = "\n".join(lines[1:end])
    entry = f"{{title: {_quoted(title)}, file: {_quoted(file)}}}"
    root = yaml.compose(block, Loader=yaml.SafeLoader)
    value = next((v for k, v in root.value if k.value == FIELD), None) if root is not None else None
    if value is None:
        at = _new_field_position(lines, end)
        insert = f"{FIELD}:{newline}  - {entry}{newline}"
    elif isinstance(value, yaml.SequenceNode) and value.flow_style:
        at = start + value.end_mark.index - 1
        assert text[at] == "]"
        insert = f", {entry}" if value.value else entry
    elif isinstance(value, yaml.SequenceNode) and value.value:
        last = _last_end(value)  # the new item goes on the line after it
        line_end = block.find("\n", last.index)
        after = last.index if last.column == 0 else line_end + 1 if line_end >= 0 else len(block) + 1
        at = start + after
        insert = f"{' ' * value.start_mark.column}- {entry}{newline}"
    else:
        raise AttachRefused(f"{path}:{source.line_of((FIELD,))}: {FIELD}: is not a list: write it as one "
                            "(see the contributor guide), then attach again")
    new_text = text[:at] + insert + text[at:]
    _same_but_one_more(path, source.meta, new_text, {"title": title, "file": file})
    return new_text


def _new_field_position(lines: list[str], end: int) -> int:
    """After the scaffold's commented example of the field if there is one, else before the closing line."""
    examples = [i for i in range(1, end) if lines[i].startswith(f"# {FIELD}: ")]
    line = examples[-1] + 1 if examples else end
    return sum(len(text) + 1 for text in lines[:line])


def _last_end(node: yaml.Node) -> yaml.Mark:
    """Where the last value of a block collection ends (not where the next key begins)."""
    while isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node.end_mark


def _same_but_one_more(path: str, before: dict, text: str, entry: dict[str, str]) -> None:
    """The edited front matter must hold the old fields and exactly one more attachment."""
    after, problems = split(path, text.encode("utf-8"))
    expected = dict(before)
    expected[FIELD] = list(before.get(FIELD) or []) + [entry]
    if after is None or after.meta != expected:
        raise AttachRefused(f"{path}: the entry could not be added without changing other fields "
                            f"({'; '.join(p.message for p in problems) or 'a layout this command does not know'}): "
                            f"add it by hand: {FIELD}: [{{title: ..., file: ...}}]")
