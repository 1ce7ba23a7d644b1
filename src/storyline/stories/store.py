"""The story store: one SQLite file, no server. Versioned schema, migrated on open."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import StoreError
from ..model import Document
from . import fingerprint

DEFAULT_PATH = "storyline.db"
# Each entry moves the schema from version i to i + 1; never edit one that has shipped, add another.
MIGRATIONS = [
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE terms (term TEXT PRIMARY KEY, id INTEGER UNIQUE NOT NULL, df INTEGER NOT NULL);
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        first_seen TEXT, last_seen TEXT,
        norm2 REAL NOT NULL, terms BLOB NOT NULL, weights BLOB NOT NULL
    );
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT UNIQUE NOT NULL, story INTEGER NOT NULL REFERENCES stories(id),
        title TEXT, source TEXT, url TEXT, published TEXT, text TEXT NOT NULL,
        duplicate_of TEXT, minhash BLOB NOT NULL
    );
    CREATE INDEX articles_story ON articles(story);
    CREATE TABLE readers (reader TEXT NOT NULL, story INTEGER NOT NULL, seq INTEGER NOT NULL,
                          PRIMARY KEY (reader, story));
    """,
    # Article vectors weigh words by their rarity in general English: stored document frequencies went unused.
    "ALTER TABLE terms DROP COLUMN df;",
    # MinHash band keys of the articles that are no copies (see fingerprint.band_keys), looked up per chunk
    # rather than held in memory; filled by Store.index_bands.
    """
    CREATE TABLE bands (key INTEGER NOT NULL, seq INTEGER NOT NULL REFERENCES articles(seq));
    CREATE INDEX bands_key ON bands(key);
    """,
    # The day (since the epoch) a story was last seen, so that only stories still open are loaded.
    # Stories stored before it have none until they are saved again: they are loaded as undated ones.
    """
    ALTER TABLE stories ADD COLUMN last_day REAL;
    CREATE INDEX stories_last_day ON stories(last_day);
    """,
]
LOOKUP = 500  # values bound in one SQL query (well under SQLite's limit)


def default_path() -> str:
    return os.environ.get("STORYLINE_DB", DEFAULT_PATH)


@dataclass
class StoredStory:
    id: int
    first_seen: str | None
    last_seen: str | None
    norm2: float  # squared length of the centroid
    terms: np.ndarray  # the centroid's term ids
    weights: np.ndarray  # and their weights
    size: int  # articles that are no copies


@dataclass
class StoredArticle:
    seq: int
    id: str
    story: int
    title: str
    source: str
    url: str
    published: str
    text: str
    duplicate_of: str | None

    def to_document(self) -> Document:
        return Document(text=self.text, id=self.id, title=self.title or "", source=self.source or "",
                        url=self.url or "", published=self.published or "")


class Store:
    """Articles, stories (with their centroid vectors), vocabulary and readers' watermarks.

    Opens (with ``create``, creates) the store at ``path`` (default: $STORYLINE_DB or storyline.db);
    use it as a context manager to close it. Raises StoreError when it does not exist (without
    ``create``), cannot be opened or is not a story store.
    """

    def __init__(self, path: str | Path | None = None, create: bool = False):
        self.path = str(path or default_path())
        if not create and not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no story store here (stories add creates one)")
        try:
            self.db = sqlite3.connect(self.path)
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot open the story store ({err})") from err
        try:
            self._migrate()
            self._refresh_fingerprints()
        except BaseException:
            self.db.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _migrate(self) -> None:
        try:
            version = self.schema_version()
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                with self.db:
                    self.db.executescript(script)
                    self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(number),))
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a storyline story store ({err})") from err

    def _refresh_fingerprints(self, batch: int = 1000) -> None:
        """Recompute the stored MinHash signatures from the stored texts when the way they are made has
        changed (in one transaction, a batch of articles at a time)."""
        row = self.db.execute("SELECT value FROM meta WHERE key='fingerprint_version'").fetchone()
        if row and int(row[0]) == fingerprint.VERSION:
            return
        with self.db:
            last = 0
            while rows := self.db.execute("SELECT seq, text FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                                          (last, batch)).fetchall():
                self.db.executemany("UPDATE articles SET minhash = ? WHERE seq = ?",
                                    [(fingerprint.to_bytes(fingerprint.signature(text)), seq) for seq, text in rows])
                last = rows[-1][0]
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint_version', ?)", (str(fingerprint.VERSION),))
            self.db.execute("DELETE FROM meta WHERE key = 'bands'")

    def index_bands(self, bands: int, rows: int) -> None:
        """Make the stored band keys those of ``bands`` bands of ``rows`` rows (rebuilt from the stored
        signatures when they were made for other bands, or before signatures were remade)."""
        wanted = f"{bands} {rows}"
        row = self.db.execute("SELECT value FROM meta WHERE key = 'bands'").fetchone()
        if row and row[0] == wanted:
            return
        with self.db:
            self.db.execute("DELETE FROM bands")
            cursor = self.db.execute("SELECT seq, minhash FROM articles WHERE duplicate_of IS NULL")
            while rows_read := cursor.fetchmany(1000):
                values = np.stack([fingerprint.unpack(blob) for _, blob in rows_read])
                keys = fingerprint.band_keys(values, bands, rows)
                self.db.executemany("INSERT INTO bands VALUES (?, ?)",
                                    ((int(k), seq) for (seq, _), row_keys in zip(rows_read, keys) for k in row_keys))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('bands', ?)", (wanted,))

    def schema_version(self) -> int:
        has_meta = self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if not has_meta:
            return 0
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.db.close()

    # vocabulary
    def terms(self) -> dict[str, int]:
        """term -> id (its column in the story vectors)."""
        return dict(self.db.execute("SELECT term, id FROM terms"))

    def save_terms(self, terms: dict[str, int]) -> None:
        self.db.executemany("INSERT INTO terms VALUES (?, ?)", terms.items())

    # stories
    def stories(self, since: float = -np.inf, until: float = np.inf, ids: list[int] | None = None) -> list[StoredStory]:
        """The stories last seen on a day from ``since`` up to (not including) ``until``, and those with no
        known day; or, given ``ids``, those stories."""
        columns = ("SELECT id, first_seen, last_seen, norm2, terms, weights, "
                   "(SELECT COUNT(*) FROM articles WHERE story = stories.id AND duplicate_of IS NULL) FROM stories")
        rows: Iterable[tuple]
        if ids is None:
            rows = self.db.execute(columns + " WHERE (last_day >= ? AND last_day < ?) OR last_day IS NULL ORDER BY id",
                                   (since, until))
        else:
            rows = (row for part in _parts(ids) for row in self.db.execute(columns + f" WHERE id IN ({_marks(part)})", part))
        return [StoredStory(i, first, last, norm2, np.frombuffer(terms, dtype=np.int64),
                            np.frombuffer(weights, dtype=np.float64), size)
                for i, first, last, norm2, terms, weights, size in rows]

    def next_story_id(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM stories").fetchone()[0]

    def save_story(self, story: int, first_seen: str | None, last_seen: str | None, last_day: float, norm2: float,
                   terms: np.ndarray, weights: np.ndarray) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO stories (id, first_seen, last_seen, last_day, norm2, terms, weights) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (story, first_seen, last_seen, None if np.isnan(last_day) else last_day, norm2,
             terms.astype(np.int64).tobytes(), weights.astype(np.float64).tobytes()),
        )

    def merge_story(self, gone: int, keep: int) -> None:
        """Move every article of story ``gone`` into story ``keep`` and delete ``gone`` (with its readers' marks)."""
        self.db.execute("UPDATE articles SET story = ? WHERE story = ?", (keep, gone))
        self.db.execute("DELETE FROM stories WHERE id = ?", (gone,))
        self.db.execute("DELETE FROM readers WHERE story = ?", (gone,))

    # articles
    def stored_ids(self, ids: list[str]) -> set[str]:
        """Which of ``ids`` are stored articles."""
        return {row[0] for part in _parts(ids) for row in self.db.execute(
            f"SELECT id FROM articles WHERE id IN ({_marks(part)})", part)}

    def band_matches(self, keys: list[int]) -> list[tuple[int, int]]:
        """(key, article seq) of every stored article with one of the band ``keys``."""
        return [row for part in _parts(keys) for row in self.db.execute(
            f"SELECT key, seq FROM bands WHERE key IN ({_marks(part)})", part)]

    def fingerprints(self, seqs: list[int]) -> list[tuple[int, str, int, bytes]]:
        """(seq, id, story, MinHash signature) of the articles with these ``seqs``."""
        return [row for part in _parts(seqs) for row in self.db.execute(
            f"SELECT seq, id, story, minhash FROM articles WHERE seq IN ({_marks(part)})", part)]

    def add_article(self, article_id: str, story: int, document: Document, duplicate_of: str | None, minhash: bytes,
                    band_keys: Iterable[int] = ()) -> None:
        """Store an article, and the band keys it can be found by as the original of later copies."""
        seq = self.db.execute(
            "INSERT INTO articles (id, story, title, source, url, published, text, duplicate_of, minhash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, story, document.title, document.source, document.url, document.published, document.text,
             duplicate_of, minhash),
        ).lastrowid
        self.db.executemany("INSERT INTO bands VALUES (?, ?)", ((int(key), seq) for key in band_keys))

    def articles(self, story: int | None = None, text_chars: int | None = None) -> list[StoredArticle]:
        """The articles of a story (of every story by default), in the order they were added; with
        ``text_chars``, only the beginning of their texts is read."""
        text = "text" if text_chars is None else f"substr(text, 1, {int(text_chars)})"
        query = f"SELECT seq, id, story, title, source, url, published, {text}, duplicate_of FROM articles"
        rows = self.db.execute(query + (" WHERE story = ? ORDER BY seq" if story is not None else " ORDER BY seq"),
                               (story,) if story is not None else ())
        return [StoredArticle(*row) for row in rows]

    def assignments(self):
        return self.db.execute("SELECT id, story FROM articles ORDER BY seq")

    # readers
    def watermark(self, reader: str, story: int) -> int:
        row = self.db.execute("SELECT seq FROM readers WHERE reader = ? AND story = ?", (reader, story)).fetchone()
        return row[0] if row else 0

    def set_watermark(self, reader: str, story: int, seq: int) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO readers VALUES (?, ?, ?)", (reader, story, seq))


def _parts(values: list) -> list[list]:
    """``values`` in slices of at most LOOKUP, to bind in one query each."""
    return [values[start:start + LOOKUP] for start in range(0, len(values), LOOKUP)]


def _marks(values: list) -> str:
    return ", ".join("?" * len(values))
