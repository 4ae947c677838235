"""What reading one content file gave, kept between runs and keyed by the file's bytes.

Reading a file (strict YAML front matter, then a scan of the body for anchors,
links and active HTML) is most of a validation's cost, and between two runs
almost every file is unchanged. The loader asks here first; a file whose bytes
differ, or any change to the checking code or to what the scan depends on,
reads it again. Values are stored pickled and unpickled on every use, so a
caller that changes what it got (the loader normalises dates) never changes
what is kept. Only the hub's own processes write and read this file.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from .digests import digest, environment, files

READ_CACHE = "read.sqlite"  # under .cache/ (settings.cache_folder)


# Libraries whose behaviour shapes a reading: the YAML parser, the Markdown renderer and its
# extensions (slugs, ids), and the HTML parser the allow-list is checked with.
READING_PACKAGES = ("PyYAML", "Markdown", "pymdown-extensions", "selectolax")


def code_salt(extra: str = "") -> str:
    """The checking code's own digest: a changed rule (or Python, or a reading library) reads every
    file again. Python's version matters too: translation hashes follow its Unicode normalisation."""
    return digest(extra, *environment(READING_PACKAGES), *files(Path(__file__).parent, ["."], "*.py"))


class ReadCache:
    """Per-file readings for one salt, in SQLite: a run rewrites only the files that changed.

    ``save`` keeps exactly the files asked for in this run. A damaged or
    unreadable database is the same as an empty one.
    """

    def __init__(self, path: Path, salt: str) -> None:
        self.path, self.salt = path, salt
        self._stored: dict[str, tuple[str, bytes]] = {}
        self._used: set[str] = set()
        self._new: dict[str, tuple[str, bytes]] = {}
        try:
            with closing(self._connect()) as db:
                row = db.execute("SELECT value FROM settings WHERE name = 'salt'").fetchone()
                if row and row[0] == salt:
                    self._stored = {name: (digest, value) for name, digest, value
                                    in db.execute("SELECT name, digest, value FROM readings")}
        except sqlite3.Error:
            self.path.unlink(missing_ok=True)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS readings (name TEXT PRIMARY KEY, digest TEXT, value BLOB)")
        return db

    @staticmethod
    def _digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def get(self, name: str, data: bytes) -> Any | None:
        """The reading kept for ``name`` if it was made from exactly ``data``, else None."""
        kept = self._stored.get(name)
        if kept is None or kept[0] != self._digest(data):
            return None
        self._used.add(name)
        return pickle.loads(kept[1])

    def put(self, name: str, data: bytes, value: Any) -> None:
        self._used.add(name)
        self._new[name] = (self._digest(data), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def save(self) -> None:
        """Write this run's new readings and forget the files it did not ask for, in one transaction."""
        gone = set(self._stored) - self._used
        if not self._new and not gone:
            return
        try:
            with closing(self._connect()) as db, db:  # closed after one transaction
                if db.execute("SELECT value FROM settings WHERE name = 'salt'").fetchone() != (self.salt,):
                    db.execute("DELETE FROM readings")
                    db.execute("INSERT OR REPLACE INTO settings VALUES ('salt', ?)", (self.salt,))
                db.executemany("DELETE FROM readings WHERE name = ?", [(name,) for name in gone])
                db.executemany("INSERT OR REPLACE INTO readings VALUES (?, ?, ?)",
                               [(name, digest, value) for name, (digest, value) in self._new.items()])
        except sqlite3.Error:
            self.path.unlink(missing_ok=True)  # a cache: losing it only costs time
