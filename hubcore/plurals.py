"""Counts with the right plural form in each language ("1 материал", "3 материала", "5 материалов").

The forms are written in ``data/ui.yml`` under CLDR's category names (one, few,
many, other); Babel says which category a number takes in a language, so no
language rule is hand-made here.
"""

from __future__ import annotations

from typing import Any

from babel import Locale


def plural(forms: dict[str, str] | Any, count: int, lang: str) -> str:
    """``forms`` maps CLDR categories to texts with ``{n}``; ``other`` is the fallback."""
    if not isinstance(forms, dict):
        return f"{count}"
    category = Locale.parse(lang).plural_form(count)
    text = forms.get(category) or forms.get("other") or next(iter(forms.values()))
    return text.replace("{n}", str(count))
