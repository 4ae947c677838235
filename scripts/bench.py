#!/usr/bin/env python3
"""Benchmark the hub's build against a stock Material + static-i18n build, on one corpus, in one run.

    python scripts/hub.py bench [--products N] [--no-stock] [--json FILE]

First times ``hub.py validate`` on a copy of the real content and, after writing
a deterministic synthetic corpus of N products in both languages into it (see
synthetic_corpus.py; never into docs/), on the corpus, both from nothing. Then builds it with the hub (``hub.py build``) from nothing ("cold": no cache
of any kind), rebuilds it with the hub after editing the text of one product
("rebuild": what an author's preview and every later build do), then after
adding a product (for information), and builds it with a plain configuration of
stock Material + static-i18n and automatic navigation. For each it measures wall time, CPU time and peak memory (the sum
over the build's processes, sampled), and then the first-visit weight of a
product page (gzip) and the search index each reader downloads. Ends with one
summary line.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from engine.page_cache import PageCache, folder as page_cache_folder  # noqa: E402
from hubcore.settings import BUILD_SOURCES, LANGUAGES  # noqa: E402
from hubcore.urls import language_prefix  # noqa: E402
from synthetic_corpus import write_corpus  # noqa: E402

# The product whose text the rebuild changes (an English original with a Russian translation).
EDITED = "guides/synthetic-0001.md"
COPIED = BUILD_SOURCES

# What a site owner gets by following the Material and static-i18n documentation:
# automatic navigation (every page in it), one combined search index.
STOCK_CONFIG = """\
site_name: Stock
site_url: http://127.0.0.1:8000/
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          name: English
          build: true
        - locale: ru
          name: Русский
          build: true
markdown_extensions:
  - toc:
      permalink: true
  - attr_list
  - admonition
  - def_list
  - footnotes
  - tables
  - pymdownx.details
  - pymdownx.superfences
"""


@dataclass
class Measure:
    wall: float
    cpu: float
    peak_mb: float


def _tree_rss(pid: int) -> int:
    """Resident memory (kB) of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) if "VmRSS" in status else 0
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                stack += [int(c) for c in children]
        except (OSError, AttributeError):
            continue
    return total


def run_measured(command: list[str], cwd: Path, env: dict[str, str]) -> Measure:
    """Run a command; wall and CPU time (children) and peak summed RSS, sampled every 20 ms."""
    before = os.times()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    after = os.times()
    if process.returncode != 0:
        raise SystemExit(f"build failed ({' '.join(command)}):\n{stderr.decode(errors='replace')[-3000:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return Measure(round(wall, 2), round(cpu, 2), round(peak / 1024, 1))


def _pages_stats(work: Path) -> dict[str, dict[str, int]]:
    """Pages the last build rendered and reused, per language (engine/page_cache.py)."""
    return {lang: PageCache(page_cache_folder(work, lang)).read_stats() for lang in LANGUAGES}


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def first_visit(site: Path, page: str) -> tuple[int, list[str]]:
    """gzip bytes of a page and everything it loads on a first visit, without running its scripts.

    Counts the HTML, stylesheets, scripts and icons it links, and what Material's
    scripts start loading at once: the search worker and search index, unless the
    page defers search until it is used (the hub does: before-material.js).
    """
    site = site.resolve()
    html_path = site / page / "index.html"
    html = html_path.read_text(encoding="utf-8")
    files = [html_path]
    for url in re.findall(r'<(?:link[^>]+href|script[^>]+src)="([^"]+)"', html):
        if re.match(r"^(https?:)?//", url) or "rel=\"canonical\"" in url:
            continue
        target = (html_path.parent / url.split("#")[0].split("?")[0]).resolve()
        if target.is_file() and target.suffix in (".css", ".js", ".png", ".svg", ".ico"):
            files.append(target)
    if "before-material.js" not in html:
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
        if config:
            data = json.loads(config.group(1))
            base = (html_path.parent / data["base"]).resolve()
            files.append((html_path.parent / data["search"]).resolve())
            files.append(base / "search" / "search_index.json")
    files = list(dict.fromkeys(f for f in files if f.is_file()))
    return sum(gzip_size(f) for f in files), [str(f.relative_to(site)) for f in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=200)
    parser.add_argument("--no-stock", action="store_true", help="build with the hub only")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--keep", help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="hub-bench-"))
    try:
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        for name in COPIED:
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, work / name)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
        results: dict[str, object] = {"products": args.products}
        # The check alone, from nothing (no .cache/): the real content, then the corpus.
        real = run_measured([sys.executable, "scripts/hub.py", "validate"], work, env)
        results["validate_real"] = asdict(real)
        write_corpus(work, args.products)
        (work / "stock.yml").write_text(STOCK_CONFIG, encoding="utf-8")
        print(f"corpus: {args.products} products x 2 languages in {work}", flush=True)
        checked = run_measured([sys.executable, "scripts/hub.py", "validate"], work, env)
        results["validate"] = asdict(checked)
        shutil.rmtree(work / ".cache", ignore_errors=True)  # the build below starts from nothing too
        print(f"validate:     wall {real.wall:7.2f} s  cpu {real.cpu:7.2f} s  the real content, from nothing; "
              f"wall {checked.wall:7.2f} s  cpu {checked.cpu:7.2f} s  peak {checked.peak_mb:7.1f} MB  "
              f"with the corpus", flush=True)

        hub = run_measured([sys.executable, "scripts/hub.py", "build"], work, env)
        results["hub"] = asdict(hub)
        # Weights of the corpus as written (the rebuilds below change it).
        product = "workshops/synthetic-0002"
        weight, loaded = first_visit(work / "site", product)
        results["hub_page_gzip"] = weight
        results["hub_page_files"] = loaded
        results["hub_page_html"] = (work / "site" / product / "index.html").stat().st_size
        results["hub_index"] = {lang: (work / "site" / language_prefix(lang) / "search/search_index.json").stat().st_size
                                for lang in LANGUAGES}
        edited = work / "docs" / EDITED
        edited.write_text(edited.read_text(encoding="utf-8") + "\nA paragraph added by an author.\n",
                          encoding="utf-8")
        rebuild = run_measured([sys.executable, "scripts/hub.py", "build"], work, env)
        results["hub_rebuild"] = asdict(rebuild)
        results["hub_rebuild_pages"] = _pages_stats(work)
        # Then an author adds a product: listings and related items change, the rest does not.
        added = edited.with_name("added-by-an-author.md")
        added.write_text(edited.read_text(encoding="utf-8").replace('title: "', 'title: "New: ', 1), encoding="utf-8")
        addition = run_measured([sys.executable, "scripts/hub.py", "build"], work, env)
        results["hub_added"] = asdict(addition)
        results["hub_added_pages"] = _pages_stats(work)
        added.unlink()  # the stock build measures the corpus as written
        print(f"hub, cold:    wall {hub.wall:7.2f} s  cpu {hub.cpu:7.2f} s  peak {hub.peak_mb:7.1f} MB  "
              f"page {weight / 1024:.1f} KB gzip first visit  index "
              + ", ".join(f"{lang} {size / 1e6:.2f} MB" for lang, size in results["hub_index"].items()), flush=True)
        for label, measure, pages, what in (
                ("rebuild", rebuild, results["hub_rebuild_pages"], f"after editing the text of {EDITED}"),
                ("add    ", addition, results["hub_added_pages"], "after adding a product")):
            print(f"hub, {label}: wall {measure.wall:7.2f} s  cpu {measure.cpu:7.2f} s  peak {measure.peak_mb:7.1f} MB  "
                  f"{what}: pages rendered " + ", ".join(f"{l} {n['rendered']}" for l, n in pages.items())
                  + "; reused " + ", ".join(f"{l} {n['reused']}" for l, n in pages.items()), flush=True)

        if not args.no_stock:
            stock = run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "stock.yml",
                                  "-d", "site-stock"], work, env)
            results["stock"] = asdict(stock)
            stock_weight, stock_loaded = first_visit(work / "site-stock", product)
            results["stock_page_gzip"] = stock_weight
            results["stock_page_html"] = (work / "site-stock" / product / "index.html").stat().st_size
            results["stock_index"] = (work / "site-stock/search/search_index.json").stat().st_size
            results["speedup_rebuild"] = round(stock.wall / rebuild.wall, 1)
            results["speedup_cold"] = round(stock.wall / hub.wall, 1)
            results["index_ratio"] = round(max(results["hub_index"].values()) / results["stock_index"], 3)
            print(f"stock:        wall {stock.wall:7.2f} s  cpu {stock.cpu:7.2f} s  peak {stock.peak_mb:7.1f} MB  "
                  f"page {stock_weight / 1024:.1f} KB gzip first visit (+ Google Fonts when fonts are on)  "
                  f"index {results['stock_index'] / 1e6:.2f} MB (both languages)", flush=True)
        summary = (f"SUMMARY products={args.products} validate_real={real.wall}s validate={checked.wall}s "
                   f"hub_wall={hub.wall}s hub_cpu={hub.cpu}s "
                   f"hub_peak={hub.peak_mb}MB rebuild_wall={rebuild.wall}s add_wall={addition.wall}s "
                   f"page_gzip={weight / 1024:.1f}KB "
                   + " ".join(f"index_{lang}={size / 1e6:.2f}MB" for lang, size in results["hub_index"].items()))
        if "stock" in results:
            summary += (f" stock_wall={results['stock']['wall']}s speedup_rebuild={results['speedup_rebuild']}x "
                        f"speedup_cold={results['speedup_cold']}x "
                        f"index_vs_stock={results['index_ratio']}")
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(summary)
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
