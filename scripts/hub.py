#!/usr/bin/env python3
"""The hub's command line, for authors and CI.

    python scripts/hub.py validate [--format text|github] [--watch]
    python scripts/hub.py build [--site-dir DIR] [--pdf]
    python scripts/hub.py pdf [--site-dir DIR]
    python scripts/hub.py serve [--port N]
    python scripts/hub.py translations [--format text|json] [--check]
    python scripts/hub.py translations refresh FILE [FILE ...]
    python scripts/hub.py new TYPE "TITLE" [--lang ru]
    python scripts/hub.py new --translate docs/SECTION/FILE.md
    python scripts/hub.py import FILE.docx --type TYPE [--lang ru] [--title "TITLE"]
    python scripts/hub.py import --attach FILE --to docs/SECTION/FILE.md [--title "TITLE"]
    python scripts/hub.py schemas [--out DIR] [--snippets FILE]
    python scripts/hub.py review [--on YYYY-MM-DD]
    python scripts/hub.py changes --base REF
    python scripts/hub.py bench [--products N] [--no-stock] [--json FILE]
    python scripts/hub.py budgets [--products N] [--skip-lighthouse]

``validate`` reads only; ``build`` validates first and builds nothing if any file
has a problem. Neither ever writes into docs/; ``new``, ``import`` and
``translations refresh`` do, and never overwrite a file.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import datetime as dt  # noqa: E402
import json  # noqa: E402

from hubcore import (attach, build_summary, changes, field_help, importing, json_schema, reviews, scaffold,  # noqa: E402
                     snippets, translations)
from hubcore.loader import fingerprint, load_site  # noqa: E402
from hubcore.problems import Problem  # noqa: E402
from hubcore.product_views import format_size  # noqa: E402
from hubcore.taxonomy import load as load_taxonomies  # noqa: E402
from hubcore.settings import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402
from engine import build as engine_build, protocol  # noqa: E402


def _github(problem: Problem) -> str:
    """A GitHub Actions workflow command: an annotation on the exact line of the pull request."""
    def esc(value: str, prop: bool = False) -> str:
        value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return value.replace(":", "%3A").replace(",", "%2C") if prop else value
    return (f"::error file={esc(problem.path, True)},line={problem.line},"
            f"title={esc(problem.field, True)}::{esc(problem.message)}")


def _check(output_format: str = "text", root: Path = ROOT):
    """Load and check everything; print every problem, one per line. Returns (site, problems)."""
    site, problems = load_site(root, reuse=True)
    for problem in problems:
        print(_github(problem) if output_format == "github" else str(problem))
    sys.stdout.flush()  # the problems before the summary, also when both go to one pipe
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", file=sys.stderr)
    else:
        print("All content is valid.", file=sys.stderr)
    return site, problems


def validate(output_format: str = "text", root: Path = ROOT) -> int:
    """1 if any file has a problem (each printed), else 0."""
    return 1 if _check(output_format, root)[1] else 0


WATCH_BEGINS = "Checking content..."


def watch(interval: float = 0.5) -> int:
    """Check again after every change under docs/ and data/, until interrupted (editors' "on save").

    Each run starts with WATCH_BEGINS and ends with the usual summary line, so an
    editor's problem matcher knows when a run's problems are complete.
    """
    seen = None
    try:
        while True:
            current = fingerprint(ROOT)
            if current != seen:
                seen = current
                print(WATCH_BEGINS, flush=True)
                _check()
                sys.stderr.flush()
            time.sleep(interval)
    except KeyboardInterrupt:
        return 0


def build(site_dir: str | None, with_pdf: bool = False) -> int:
    """Validate, build (engine/build.py), and say what was built, where, in how long, and how to
    preview it (build_summary.py). Nothing is built if any file has a problem."""
    started = time.monotonic()
    target = Path(site_dir).resolve() if site_dir else ROOT / "site"
    site, pdfs = engine_build.build(ROOT, target, _check, with_pdf or protocol.pdf_asked())
    if site is None:
        return 1
    shown = target.relative_to(ROOT).as_posix() if target.is_relative_to(ROOT) else str(target)
    names = (site.ui.get(DEFAULT_LANGUAGE) or {}).get("language_names") or {}
    print(build_summary.summary(build_summary.count_pages(target), names, shown, time.monotonic() - started, pdfs),
          file=sys.stderr)
    return 0


def serve(port: int) -> int:
    """The live preview, in this process (engine/preview.py); content problems show in the browser."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from engine import preview
    return preview.serve(port, ROOT)


def translation_status(output_format: str, check: bool) -> int:
    """Per product and page: original, translated, missing or stale; totals per language."""
    site, _ = load_site(ROOT)
    report = translations.report(site)
    if output_format == "json":
        print(json.dumps({"entries": [row.as_dict() for row in report.rows], "totals": report.totals()},
                         ensure_ascii=False, indent=2))
    else:
        width = max((len(row.key) for row in report.rows), default=10)
        by_key: dict[str, list[translations.Status]] = {}
        for row in report.rows:
            by_key.setdefault(row.key, []).append(row)
        for key, rows in by_key.items():
            cells = [f"{r.lang}: {r.state}" + (f" ({', '.join(r.changed)} changed)" if r.state == "stale"
                                                and r.changed != ("no recorded version",) else
                                                " (no recorded version)" if r.state == "stale" else "")
                     for r in rows]
            print(f"{key:<{width}}  " + "  ".join(cells))
        totals = report.totals()
        print("Totals: " + "; ".join(
            f"{lang}: " + ", ".join(f"{n} {state}" for state, n in totals[lang].items()) for lang in LANGUAGES))
    if check and report.incomplete:
        print("Translations are missing or stale.", file=sys.stderr)
        return 1
    return 0


def refresh(paths: list[str]) -> int:
    """Record the original's current version in translations; nothing else in the files changes.

    Given a translation, refreshes it; given an original, refreshes all its translations
    (for an editorial fix that does not change the meaning).
    """
    site, _ = load_site(ROOT)
    status = 0
    for given in paths:
        rel = Path(given).resolve().relative_to(ROOT).as_posix() if Path(given).is_absolute() or \
            (ROOT / given).exists() else given
        docs_path = rel.removeprefix("docs/")
        entry = site.entry_for_path(docs_path)
        if entry is None or not any(d.docs_path == docs_path for d in entry.versions.values()):
            print(f"{rel}: not a content file", file=sys.stderr)
            status = 1
            continue
        targets = [d for d in entry.versions.values() if d is not entry.original] \
            if entry.original.docs_path == docs_path else \
            [d for d in entry.versions.values() if d.docs_path == docs_path]
        if not targets:
            print(f"{rel}: has no translation to refresh")
        version = translations.version_of(entry)
        for document in targets:
            path = ROOT / document.source.path
            text = path.read_bytes().decode("utf-8")
            new = translations.refreshed(text, version)
            if new == text:
                print(f"{document.source.path}: up to date")
            else:
                path.write_bytes(new.encode("utf-8"))
                print(f"{document.source.path}: recorded version updated")
    return status


def new(type_id: str | None, title: str | None, lang: str, translate: str | None) -> int:
    """Create a content file laid out for its type (never overwriting anything)."""
    site, _ = load_site(ROOT)
    try:
        if translate:
            created = scaffold.new_translation(site, ROOT, translate)
        elif type_id and title:
            created = scaffold.new_product(site, ROOT, type_id, title, lang)
        else:
            print('usage: hub.py new TYPE "TITLE" [--lang ru]  or  hub.py new --translate FILE',
                  file=sys.stderr)
            return 2
        scaffold.write(created)
    except scaffold.ScaffoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"created {created.path.relative_to(ROOT).as_posix()}")
    return 0


def _report_problems(heading: str, problems) -> None:
    if problems:
        print(heading)
        for problem in problems:
            print(str(problem))


def import_document(document: str | None, type_id: str | None, lang: str, title: str | None,
                    attach_file: str | None, product: str | None) -> int:
    """A draft product from a Word document, or a file attached to a product; then what validate says."""
    if attach_file:
        if not product or document:
            print("usage: hub.py import --attach FILE --to docs/SECTION/FILE.md [--title TITLE]", file=sys.stderr)
            return 2
        try:
            done = attach.attach(ROOT, product, Path(attach_file).resolve(), title)
        except attach.AttachRefused as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"attached {done.file} ({done.label}, {format_size(done.size, DEFAULT_LANGUAGE)}) to {done.page}")
        _report_problems("To fix (hub.py validate):", done.problems)
        return 1 if done.problems else 0
    if not document or not type_id:
        print("usage: hub.py import FILE.docx --type TYPE [--lang ru] [--title TITLE]", file=sys.stderr)
        return 2
    try:
        done = importing.import_word(ROOT, Path(document).resolve(), type_id, lang, title)
    except importing.ImportRefused as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for name in done.written:
        print(f"created {name}")
    if done.notes:
        print("Left out or changed by the import:")
        for note in done.notes:
            print(f"  - {note}")
    _report_problems("To fix (hub.py validate):", done.problems)
    _report_problems("Before publishing (then remove the line 'draft: true'):", done.before_publishing)
    return 1 if done.problems else 0


def schemas(out: str, snippets_file: str | None = None) -> int:
    """Write the front-matter JSON Schemas (for editors) into ``out``, with which files each applies to.

    With ``snippets_file``, also VS Code completion snippets for every field (snippets.py).
    """
    taxonomies, problems = load_taxonomies(ROOT)
    help, more = field_help.load(ROOT)
    problems += more
    if problems:
        print("\n".join(str(p) for p in problems), file=sys.stderr)
        return 1
    folder = ROOT / out
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in json_schema.all_schemas(taxonomies, help).items():
        (folder / name).write_bytes(json_schema.dumps(schema))
    mapping = json_schema.associations(taxonomies, Path(out).as_posix())
    (folder / "associations.json").write_text(json.dumps(mapping, indent=2) + "\n", encoding="utf-8")
    print(f"schemas written to {out}/")
    if snippets_file:
        (ROOT / snippets_file).parent.mkdir(parents=True, exist_ok=True)
        (ROOT / snippets_file).write_bytes(snippets.dumps(snippets.snippets(taxonomies, help)))
        print(f"completion snippets written to {snippets_file}")
    return 0


def review(on: str | None) -> int:
    """List items whose review_by date has passed (exit 0 either way: it is a report)."""
    site, _ = load_site(ROOT)
    day = dt.date.fromisoformat(on) if on else dt.date.today()
    overdue = reviews.overdue(site, day)
    for item in overdue:
        print(f"{item.path}: review_by {item.review_by} ({item.days} days ago): {item.title}")
    print(f"{len(overdue)} item{'s' if len(overdue) != 1 else ''} past review on {day.isoformat()}.",
          file=sys.stderr)
    return 0


def changed_pages(base: str) -> int:
    """Print (Markdown) the pages the changes since ``base`` add, alter or remove, per language."""
    site, _ = load_site(ROOT)
    diff = subprocess.run(["git", "-C", str(ROOT), "diff", "--name-status", "--no-renames",
                           f"{base}...HEAD", "--", "docs", "data"],
                          capture_output=True, text=True, check=False)
    if diff.returncode != 0:
        print(f"error: git diff against {base} failed: {diff.stderr.strip()}", file=sys.stderr)
        return 1
    rows = [tuple(line.split("\t", 1)) for line in diff.stdout.splitlines() if "\t" in line]
    page_changes, data_files = changes.affected(site, rows)
    print(changes.markdown(page_changes, data_files, os.environ.get("SITE_URL", "/")), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hub.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every content file; exit 1 on any problem")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="github: annotations for GitHub Actions")
    check.add_argument("--watch", action="store_true",
                       help="check again after every change under docs/ and data/ (for editors)")
    make = commands.add_parser("build", help="validate, then build both languages into site/")
    make.add_argument("--site-dir", help="build here instead of site/")
    make.add_argument("--pdf", action="store_true",
                      help="also make every product's PDF (cached in .cache/pdf/; also HUB_PDF=1)")
    printable = commands.add_parser("pdf", help="the same as 'build --pdf'")
    printable.add_argument("--site-dir", help="build here instead of site/")
    preview = commands.add_parser("serve", help="live preview at http://127.0.0.1:8000/")
    preview.add_argument("--port", type=int, default=8000)
    status = commands.add_parser("translations", help="translation status; 'refresh FILE...' records versions")
    status.add_argument("action", nargs="?", choices=("status", "refresh"), default="status")
    status.add_argument("files", nargs="*", help="with refresh: translations (or originals) to refresh")
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.add_argument("--check", action="store_true", help="exit 1 when anything is missing or stale")
    create = commands.add_parser("new", help="create a content file laid out for its type")
    create.add_argument("type", nargs="?", help="case-study, guide, workshop or report")
    create.add_argument("title", nargs="?", help="the title, in quotes")
    create.add_argument("--lang", default=DEFAULT_LANGUAGE, choices=LANGUAGES,
                        help="the language of the original")
    create.add_argument("--translate", metavar="FILE", help="start the other language's file of FILE")
    bring = commands.add_parser("import", help="a draft product from a Word file, or --attach a file to one")
    bring.add_argument("document", nargs="?", help="the .docx to import")
    bring.add_argument("--type", dest="type_id", help="case-study, guide, workshop or report")
    bring.add_argument("--lang", default=DEFAULT_LANGUAGE, choices=LANGUAGES,
                       help="the language of the document")
    bring.add_argument("--title", help="the title (default: the document's); with --attach, the link's text")
    bring.add_argument("--attach", metavar="FILE", help="attach FILE (PDF, PowerPoint...) to the product --to")
    bring.add_argument("--to", metavar="PRODUCT", help="with --attach: the product's file, docs/SECTION/FILE.md")
    export = commands.add_parser("schemas", help="write the front-matter JSON Schemas for editors")
    export.add_argument("--out", default=".cache/schemas")
    export.add_argument("--snippets", metavar="FILE",
                        help="also write VS Code completion snippets for every field to FILE")
    check_review = commands.add_parser("review", help="list items past their review_by date")
    check_review.add_argument("--on", help="the day to compare with (YYYY-MM-DD; default today)")
    diff = commands.add_parser("changes", help="pages a change adds, alters or removes (Markdown)")
    diff.add_argument("--base", required=True, help="the branch or commit the change is compared with")
    commands.add_parser("bench", help="benchmark against a stock build (see scripts/bench.py)",
                        add_help=False)
    commands.add_parser("budgets", help="check the performance and accessibility budgets",
                        add_help=False)
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] in ("bench", "budgets"):  # their own options: scripts/bench.py, scripts/budgets.py
        sys.path.insert(0, str(ROOT / "scripts"))
        module = __import__("bench" if argv[0] == "bench" else "budgets")
        return module.main(argv[1:])
    args = parser.parse_args(argv)
    if args.command == "changes":
        return changed_pages(args.base)
    if args.command == "new":
        return new(args.type, args.title, args.lang, args.translate)
    if args.command == "import":
        return import_document(args.document, args.type_id, args.lang, args.title, args.attach, args.to)
    if args.command == "schemas":
        return schemas(args.out, args.snippets)
    if args.command == "review":
        return review(args.on)
    if args.command == "translations":
        if args.action == "refresh":
            if not args.files:
                parser.error("translations refresh needs at least one file")
            return refresh(args.files)
        return translation_status(args.format, args.check)
    if args.command == "validate":
        return watch() if args.watch else validate(args.format)
    if args.command in ("build", "pdf"):
        return build(args.site_dir, with_pdf=args.command == "pdf" or args.pdf)
    return serve(args.port)


if __name__ == "__main__":
    sys.exit(main())
