"""The site says what the project brief says, in both languages, and nothing it does not.

tests/brief_facts.yml holds the brief's facts (each quoting tests/brief/project-brief.txt),
where each page states them, every real product's non-empty fields with the brief's
words that justify each value, and words no page may say. The pages checked are a
build of the real content exactly as committed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, copy_repo, run_hub

from hubcore.loader import load_site
from hubcore.schema import translatable_names
from hubcore.settings import LANGUAGES
from hubcore.urls import entry_path

FACTS = yaml.safe_load((REPO / "tests/brief_facts.yml").read_text(encoding="utf-8"))
BRIEF = (REPO / "tests/brief/project-brief.txt").read_text(encoding="utf-8")
# Fields no product's reason is needed for: its text (checked by translation) and bookkeeping.
NOT_FACTS = {"draft", "review_by", "translated_from"}


def squeeze(text: str) -> str:
    """Compare words only: quote marks, bullets and line breaks ignored, case folded."""
    text = re.sub(r"[“”\"«»•]", " ", text.replace("\u00a0", " "))
    return " ".join(text.split()).casefold()


class _Article(HTMLParser):
    """The text of a page's <article> (its content, without navigation, header or footer)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += tag == "article"
        if self.depth and tag == "tr":
            self.rows.append([])
        if self.depth and tag in ("td", "th"):
            self._cell = []
        if self.depth and tag in ("ul", "li") and self._cell is not None:
            self._cell.append("\0")  # a cell's label ends where its list of items begins

    def handle_endtag(self, tag):
        if self.depth and tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split("\0")[0].split()))
            self._cell = None
        if tag == "article" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)
            if self._cell is not None:
                self._cell.append(data)


def article(site: Path, key: str, lang: str) -> _Article:
    parser = _Article()
    parser.feed((site / entry_path(key, lang) / "index.html").read_text(encoding="utf-8"))
    assert parser.parts, (key, lang)
    return parser


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> Path:
    """The committed content alone (the shared build adds test products that change the counts)."""
    root = copy_repo(tmp_path_factory.mktemp("real"))
    result = run_hub(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_every_quote_is_the_briefs_own_words():
    brief = squeeze(BRIEF)
    quotes = [f["brief"] for f in FACTS["facts"]]
    quotes += [part for fields in FACTS["products"].values() for field in fields.values()
               for part in field["brief"].split("; and the topic ")]
    for quote in quotes:
        assert squeeze(quote) in brief, quote


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_states_the_briefs_facts(real, lang):
    missing = []
    for fact in FACTS["facts"]:
        for key, words in (fact.get("pages") or {}).items():
            text = squeeze(" ".join(article(real, key, lang).parts))
            missing += [(fact["fact"], key, w) for w in words[lang] if squeeze(w) not in text]
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_results_list_what_the_brief_lists_and_nothing_else(real, lang):
    rows = [r for r in article(real, "results", lang).rows if len(r) == 2][1:]  # the header row left out
    expected = [[f["results_row"][lang], str(f["results_row"]["count"])]
                for f in FACTS["facts"] if "results_row" in f]
    assert rows == expected


def _non_empty(meta: dict[str, Any], texts: frozenset[str]) -> dict[str, Any]:
    """A product's language-neutral values that say something, mappings flattened (event.kind)."""
    found: dict[str, Any] = {}
    for name, value in meta.items():
        if name in texts or name in NOT_FACTS or value in (None, "", [], {}):
            continue
        if isinstance(value, dict):
            found.update({f"{name}.{k}": v for k, v in value.items() if v not in (None, "", [])})
        else:
            found[name] = value
    return found


def test_every_product_field_holds_a_value_the_brief_gives():
    site, problems = load_site(REPO)
    assert problems == []
    products = site.products(include_drafts=True)
    assert sorted(e.key for e in products) == sorted(FACTS["products"])
    unjustified, wrong = [], []
    for entry in products:
        table = FACTS["products"][entry.key]
        values = _non_empty(entry.original.meta, translatable_names(entry.kind))
        unjustified += [(entry.key, name, value) for name, value in values.items() if name not in table]
        wrong += [(entry.key, name, values.get(name), row["value"]) for name, row in table.items()
                  if values.get(name) != row["value"] or not row.get("brief")]
    assert unjustified == [], "values the brief does not give (or add them with a reason)"
    assert wrong == [], "the table and the content disagree"


def test_no_page_says_what_the_brief_does_not(real):
    said = []
    for lang in LANGUAGES:
        prefix = "" if lang == "en" else f"{lang}/"
        for path in sorted(real.glob(f"{prefix}**/index.html")):
            if lang == "en" and path.relative_to(real).parts[0] in LANGUAGES:
                continue
            parser = _Article()
            parser.feed(path.read_text(encoding="utf-8"))
            text = squeeze(" ".join(parser.parts))
            said += [(path.relative_to(real).as_posix(), w) for rule in FACTS["never"]
                     for w in rule["words"].get(lang, []) if squeeze(w) in text]
    assert said == []
