#!/usr/bin/env python3
"""The hub's command line, for authors and CI.

    python scripts/hub.py validate [--format text|github]
    python scripts/hub.py build [--site-dir DIR]
    python scripts/hub.py serve [--port N]

``validate`` reads only; ``build`` validates first and builds nothing if any file
has a problem. Neither ever writes into docs/.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hubcore.loader import load_site  # noqa: E402
from hubcore.problems import Problem  # noqa: E402


def _github(problem: Problem) -> str:
    """A GitHub Actions workflow command: an annotation on the exact line of the pull request."""
    def esc(value: str, prop: bool = False) -> str:
        value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return value.replace(":", "%3A").replace(",", "%2C") if prop else value
    return (f"::error file={esc(problem.path, True)},line={problem.line},"
            f"title={esc(problem.field, True)}::{esc(problem.message)}")


def validate(output_format: str = "text") -> int:
    """Print every problem, one per line; 1 if there is any, else 0."""
    _, problems = load_site(ROOT)
    for problem in problems:
        print(_github(problem) if output_format == "github" else str(problem))
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", file=sys.stderr)
        return 1
    print("All content is valid.", file=sys.stderr)
    return 0


def _mkdocs(*args: str) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call([sys.executable, "-m", "mkdocs", *args], cwd=ROOT, env=env)


def build(site_dir: str | None) -> int:
    if validate() != 0:
        print("Nothing was built: fix the problems above.", file=sys.stderr)
        return 1
    return _mkdocs("build", "--strict", "--quiet", *(["--site-dir", site_dir] if site_dir else []))


def serve(port: int) -> int:
    if validate() != 0:
        print("Preview not started: fix the problems above.", file=sys.stderr)
        return 1
    return _mkdocs("serve", "--dev-addr", f"127.0.0.1:{port}", "--watch", "hubcore",
                   "--watch", "overrides")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hub.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every content file; exit 1 on any problem")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="github: annotations for GitHub Actions")
    make = commands.add_parser("build", help="validate, then build both languages into site/")
    make.add_argument("--site-dir", help="build here instead of site/")
    preview = commands.add_parser("serve", help="live preview at http://127.0.0.1:8000/")
    preview.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.format)
    if args.command == "build":
        return build(args.site_dir)
    return serve(args.port)


if __name__ == "__main__":
    sys.exit(main())
