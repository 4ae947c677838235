"""Check front-matter values against the declared fields (see schema.py).

Each check returns problems rather than raising, so one run reports every
mistake of every file. Messages speak to authors: what is wrong, what is allowed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any, Callable

from .addresses import https_url
from .field_help import MESSAGE_LANGUAGE, FieldHelp
from .file_formats import IMAGE_EXTENSIONS, extension_of
from .schema import FORBIDDEN, ONE_LINE_UP_TO, PRODUCT_FIELDS, Field, fields_for
from .strict_yaml import KeyPath
from .taxonomy import Taxonomies

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")

Report = Callable[[KeyPath, str, str], None]


def parse_partial_date(value: str | int) -> tuple[int, ...] | None:
    """``2022`` -> (2022,), ``2022-03`` -> (2022, 3), ``2022-03-01`` -> (2022, 3, 1); None if impossible.

    An unquoted year reaches here as a number; it is the same date.
    """
    match = _PARTIAL_DATE.match(str(value))
    if not match:
        return None
    parts = tuple(int(p) for p in match.groups() if p is not None)
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return parts


def _type_name(value: Any) -> str:
    return {bool: "true/false", int: "a number", str: "text", list: "a list", dict: "a mapping",
            type(None): "nothing"}.get(type(value), type(value).__name__)


class FieldChecker:
    """Checks one file's front matter; ``report(path, field, message)`` records problems.

    ``help`` (data/fields.yml) explains a field that another one needs, in the message.
    """

    def __init__(self, taxonomies: Taxonomies, report: Report, help: FieldHelp) -> None:
        self.taxonomies = taxonomies
        self.report = report
        self.help = help

    def check(self, meta: dict[str, Any], kind: str, only: set[str] | None = None) -> None:
        """Check ``meta`` for a page of ``kind``; ``only`` limits the allowed names (translations)."""
        allowed = {f.name: f for f in fields_for(kind)}
        for name, value in meta.items():
            if not str(name).strip():  # YAML's '?' or ': x' makes a key of nothing
                self.report((name,), "(no name)", "a field needs a name before its ':'")
                continue
            if name in FORBIDDEN:
                self.report((name,), name, f"not allowed: {FORBIDDEN[name]}")
                continue
            spec = allowed.get(name)
            if spec is None:
                self.report((name,), name, self._unknown(name, kind, allowed))
                continue
            if only is not None and name not in only:
                continue  # compared with the original by the caller
            self._value((name,), name, spec, value)
        for spec in allowed.values():
            if spec.required and (only is None or spec.name in only) and meta.get(spec.name) in (None, ""):
                if spec.name not in meta:
                    self.report((), spec.name, "required field is missing")
            for other in spec.needs if spec.name in meta and only is None else ():
                if other not in meta:
                    explained = self.help.text(other, MESSAGE_LANGUAGE)
                    self.report((spec.name,), spec.name, f"needs '{other}' too" + (f": {explained}" if explained else ""))

    def _unknown(self, name: str, kind: str, allowed: dict[str, Field]) -> str:
        elsewhere = next((f for f in PRODUCT_FIELDS if f.name == name), None)
        if elsewhere is not None and elsewhere.only_types:
            return f"only allowed on {', '.join(elsewhere.only_types)} pages"
        if elsewhere is not None:
            return "not allowed on this page"
        close = difflib.get_close_matches(name, list(allowed), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown field{hint} (allowed: {', '.join(allowed)})"

    def value(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        """Check one value against its declaration (a translation's texts inside a field use it too)."""
        check = getattr(self, "_" + spec.kind.replace("-", "_"))
        check(path, where, spec, value)

    _value = value

    # One method per Field.kind.
    def _text(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        if not isinstance(value, str):
            hint = " (put it in quotes)" if isinstance(value, (bool, int)) else ""
            self.report(path, where, f"must be text, found {_type_name(value)}{hint}")
        elif not value.strip():
            self.report(path, where, "must not be empty")
        elif spec.max_length and len(value) > spec.max_length:
            self.report(path, where, f"too long: {len(value)} characters, at most {spec.max_length}")
        elif "\n" in value.strip() and spec.max_length and spec.max_length <= ONE_LINE_UP_TO:
            self.report(path, where, "must be on one line")

    def _text_list(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        self._unique_list(path, where, spec, value, self._text)

    def _unique_list(self, path: KeyPath, where: str, spec: Field, value: Any, check: Callable) -> None:
        """A list whose items each pass ``check`` and appear once."""
        if not self._is_list(path, where, value):
            return
        seen: set[str] = set()
        for i, item in enumerate(value):
            check(path + (i,), f"{where}[{i}]", spec, item)
            if isinstance(item, str):
                if item in seen:
                    self.report(path + (i,), f"{where}[{i}]", f"'{item}' is listed twice")
                seen.add(item)

    def _few_enough(self, path: KeyPath, where: str, spec: Field, value: list[Any]) -> bool:
        """A list within its declared size (limits.py); a longer one is one problem, its items unchecked."""
        if spec.max_items is not None and len(value) > spec.max_items:
            self.report(path, where, f"too many items: {len(value)}, at most {spec.max_items}")
            return False
        return True

    def _is_list(self, path: KeyPath, where: str, value: Any) -> bool:
        if not isinstance(value, list):
            self.report(path, where, f"must be a list, found {_type_name(value)} "
                                     "(write [a, b] or one '- item' per line)")
            return False
        return True

    def _date(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not _PARTIAL_DATE.match(value):
            self.report(path, where, f"must be a date as YYYY, YYYY-MM or YYYY-MM-DD, found {value!r}")
        elif parse_partial_date(value) is None:
            self.report(path, where, f"impossible date {value!r}")

    def _day(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        if not isinstance(value, str) or not _DAY.match(value):
            self.report(path, where, f"must be a date as YYYY-MM-DD, found {value!r}")
        elif parse_partial_date(value) is None:
            self.report(path, where, f"impossible date {value!r}")

    def _time(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        if isinstance(value, int) and not isinstance(value, bool):  # 0930 unquoted: a number to YAML
            self.report(path, where, f"must be a time as HH:MM in quotes (\"09:30\"), found {value!r}")
        elif not isinstance(value, str) or not _TIME.match(value):
            self.report(path, where, f"must be a time as HH:MM, 24 hours (\"09:30\", \"14:00\"), found {value!r}")

    def _term(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        assert spec.vocabulary
        known = self.taxonomies[spec.vocabulary]
        if not isinstance(value, str):
            self.report(path, where, f"must be one id, found {_type_name(value)}")
        elif value not in known:
            close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            self.report(path, where, f"unknown value '{value}': {hint}"
                                     f"allowed: {', '.join(known)} (see data/taxonomies.yml)")

    def _terms(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        self._unique_list(path, where, spec, value, self._term)

    def _boolean(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        if not isinstance(value, bool):
            self.report(path, where, f"must be true or false, found {value!r}")

    def _count(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.report(path, where, f"must be a whole number (0 or more), found {value!r}")

    def _https_url(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        if not https_url(value):
            self.report(path, where, f"must be an https:// address, found {value!r}")

    def _hash(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{8}", value):
            self.report(path, where, f"must be 8 hexadecimal characters, found {value!r} "
                                     "(run 'hub.py translations refresh' instead of editing it)")

    def _file(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        # Existence is checked with the other links (links.py); here only the shape.
        if not isinstance(value, str) or not value.strip() or "://" in value:
            self.report(path, where, f"must be a path to a file in the repository, found {value!r}")

    def _image(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        # A file of the repository in an image format; the bytes are checked where the file lies.
        if not isinstance(value, str) or not value.strip() or "://" in value or value.startswith("data:"):
            self.report(path, where, f"must be the path of an image file in the section's files/ folder, "
                                     f"found {value!r}")
        elif extension_of(value.rsplit("/", 1)[-1]).lower() not in IMAGE_EXTENSIONS:
            self.report(path, where, f"'{value}' is not an image: use "
                                     + ", ".join(sorted(f".{e}" for e in IMAGE_EXTENSIONS)))

    def _mapping(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        if not isinstance(value, dict):
            self.report(path, where, f"must be a mapping of {', '.join(f.name for f in spec.fields)}, "
                                     f"found {_type_name(value)}")
            return
        allowed = {f.name: f for f in spec.fields}
        for name, item in value.items():
            sub = allowed.get(name)
            if sub is None:
                close = difflib.get_close_matches(name, list(allowed), n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'? " if close else ""
                self.report(path + (name,), f"{where}.{name}",
                            f"unknown field: {hint}allowed: {', '.join(allowed)}")
            else:
                self._value(path + (name,), f"{where}.{name}", sub, item)
        for sub in spec.fields:
            if sub.required and sub.name not in value:
                self.report(path, f"{where}.{sub.name}", "required field is missing")
        if spec.one_of and sum(name in value for name in spec.one_of) != 1:
            self.report(path, where, f"give exactly one of {' or '.join(spec.one_of)}")

    def _mapping_list(self, path: KeyPath, where: str, spec: Field, value: Any) -> None:
        if not self._is_list(path, where, value) or not self._few_enough(path, where, spec, value):
            return
        for i, item in enumerate(value):
            self._mapping(path + (i,), f"{where}[{i}]", spec, item)
