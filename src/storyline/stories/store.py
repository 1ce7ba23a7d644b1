"""The story store: one SQLite file, no server. Versioned schema, migrated on open.

Any number of processes may read and write one store at once. The file is in WAL mode, so readers
never wait for writers and see the store as it was when their read began (``snapshot``); writers take
the write lock when their transaction begins (BEGIN IMMEDIATE, ``transaction``), trying for it every few
milliseconds (so that one writer's many short transactions cannot keep the others out) for up to
``retry_seconds``, and run a transaction that still finds the store busy again. Ids are claimed
inside the write transaction, from the store: a story's id is an AUTOINCREMENT rowid (never reused,
even after a merge) and a new term takes the next free id in the same INSERT. Every write transaction
of a tracker has a number (``generation``); the stories it saves and the merges it makes carry it, so
another process's tracker can bring what it holds in memory up to date (``terms_after``,
``stories(changed_since=...)``, ``merges_since``) when its next transaction begins. Threads (topics made
of stories) are kept the same way: AUTOINCREMENT ids, a generation on each saved thread, recorded merges
(``threads(changed_since=...)``, ``thread_merges_since``); a story names its thread, and a thread merge
moves its stories and marks them saved by that transaction, so other trackers read them again.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

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
    # Several processes write at once: story ids are never reused (AUTOINCREMENT), each write transaction of
    # a tracker is numbered (meta 'generation') and the stories it saved and the merges it made carry the
    # number, so other trackers can catch up; pages refused for having no prose are remembered by id.
    """
    CREATE TABLE stories_v5 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        first_seen TEXT, last_seen TEXT,
        norm2 REAL NOT NULL, terms BLOB NOT NULL, weights BLOB NOT NULL,
        last_day REAL, generation INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO stories_v5 (id, first_seen, last_seen, norm2, terms, weights, last_day)
        SELECT id, first_seen, last_seen, norm2, terms, weights, last_day FROM stories;
    DROP TABLE stories;
    ALTER TABLE stories_v5 RENAME TO stories;
    CREATE INDEX stories_last_day ON stories(last_day);
    CREATE INDEX stories_generation ON stories(generation);
    CREATE TABLE merges (gone INTEGER PRIMARY KEY, keep INTEGER NOT NULL, generation INTEGER NOT NULL);
    CREATE INDEX merges_generation ON merges(generation);
    CREATE TABLE refused (id TEXT PRIMARY KEY, reason TEXT NOT NULL);
    INSERT OR IGNORE INTO meta VALUES ('generation', '0');
    """,
    # Threads: a topic followed for months, made of stories. A thread holds the sum of its articles' vectors
    # and their number; each story names its thread. Stories stored before threads become threads of their
    # own (same id, dates and vector). Thread merges are recorded like story merges.
    """
    CREATE TABLE threads (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        first_seen TEXT, last_seen TEXT,
        norm2 REAL NOT NULL, terms BLOB NOT NULL, weights BLOB NOT NULL,
        last_day REAL, size INTEGER NOT NULL DEFAULT 0, generation INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO threads (id, first_seen, last_seen, norm2, terms, weights, last_day, size, generation)
        SELECT id, first_seen, last_seen, norm2, terms, weights, last_day,
               (SELECT COUNT(*) FROM articles WHERE story = stories.id AND duplicate_of IS NULL), generation
        FROM stories;
    ALTER TABLE stories ADD COLUMN thread INTEGER REFERENCES threads(id);
    UPDATE stories SET thread = id;
    CREATE INDEX stories_thread ON stories(thread);
    CREATE INDEX threads_last_day ON threads(last_day);
    CREATE INDEX threads_generation ON threads(generation);
    CREATE TABLE thread_merges (gone INTEGER PRIMARY KEY, keep INTEGER NOT NULL, generation INTEGER NOT NULL);
    CREATE INDEX thread_merges_generation ON thread_merges(generation);
    """,
]
MAX_ID = 2**63 - 1  # the largest story, thread or article number SQLite holds
LOOKUP = 500  # values bound in one SQL query (well under SQLite's limit)
TIMEOUT = 30.0  # seconds a statement waits for a lock another process holds
RETRY_SECONDS = 600.0  # how long a writer waits for the write lock (and tries a busy transaction again)
POLL = 0.01  # longest pause between two tries for the write lock, in seconds
YIELD = 0.005  # pause after a commit, so that a writer waiting for the lock takes it before this one again
BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
T = TypeVar("T")


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
    last_day: float = np.nan  # days since the epoch it was last seen (NaN: unknown)
    thread: int | None = None  # the thread it belongs to


@dataclass
class StoredThread:
    id: int
    first_seen: str | None
    last_seen: str | None
    norm2: float  # squared length of the sum of its articles' vectors
    terms: np.ndarray  # that sum's term ids
    weights: np.ndarray  # and their weights
    size: int  # articles that are no copies
    last_day: float = np.nan


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
    """Articles, stories and threads (with their sums of article vectors), vocabulary, readers' watermarks
    and refused pages.

    Opens (with ``create``, creates) the store at ``path`` (default: $STORYLINE_DB or storyline.db);
    use it as a context manager to close it. Raises StoreError when it does not exist (without
    ``create``), cannot be opened, is not a story store, or stays busy longer than ``retry_seconds``.
    """

    def __init__(self, path: str | Path | None = None, create: bool = False, timeout: float = TIMEOUT,
                 retry_seconds: float = RETRY_SECONDS):
        self.path = str(path or default_path())
        self.timeout = timeout
        self.retry_seconds = retry_seconds
        if not create and not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no story store here (stories add creates one)")
        try:  # transactions are begun and ended explicitly (isolation_level=None)
            self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot open the story store ({err})") from err
        try:
            self._open()
        except BaseException:
            self.db.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _open(self) -> None:
        try:
            self._retry(self._wal)
            self._migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a storyline story store ({err})") from err
        self._refresh_fingerprints()

    def _wal(self) -> None:
        """Put the file in WAL mode (it stays so): readers then never wait for a writer. A file that cannot
        be (read-only media) is used as it is."""
        try:
            self.db.execute("PRAGMA journal_mode=WAL").fetchone()
        except sqlite3.OperationalError as err:
            if _busy(err):
                raise

    def _migrate(self) -> None:
        """Bring the schema up to date, in one write transaction (so that processes opening a new or old
        store at once migrate it once)."""
        if self.schema_version() == len(MIGRATIONS):
            return

        def migrate() -> None:
            version = self.schema_version()
            if version > len(MIGRATIONS):
                raise StoreError(f"{self.path}: made by a newer storyline (schema {version}, this one knows {len(MIGRATIONS)})")
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in _statements(script):
                    self.db.execute(statement)
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(number),))

        self.transaction(migrate)

    def _refresh_fingerprints(self, batch: int = 1000) -> None:
        """Recompute the stored MinHash signatures from the stored texts when the way they are made has
        changed (in one transaction, a batch of articles at a time)."""
        def current() -> bool:
            row = self.db.execute("SELECT value FROM meta WHERE key='fingerprint_version'").fetchone()
            return bool(row) and int(row[0]) == fingerprint.VERSION

        def refresh() -> None:
            if current():
                return
            last = 0
            while rows := self.db.execute("SELECT seq, text FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                                          (last, batch)).fetchall():
                self.db.executemany("UPDATE articles SET minhash = ? WHERE seq = ?",
                                    [(fingerprint.to_bytes(fingerprint.signature(text)), seq) for seq, text in rows])
                last = rows[-1][0]
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint_version', ?)", (str(fingerprint.VERSION),))
            self.db.execute("DELETE FROM meta WHERE key = 'bands'")

        if not current():
            self.transaction(refresh)

    def index_bands(self, bands: int, rows: int) -> None:
        """Make the stored band keys those of ``bands`` bands of ``rows`` rows (rebuilt from the stored
        signatures when they were made for other bands, or before signatures were remade)."""
        wanted = f"{bands} {rows}"

        def current() -> bool:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'bands'").fetchone()
            return bool(row) and row[0] == wanted

        def index() -> None:
            if current():
                return
            self.db.execute("DELETE FROM bands")
            cursor = self.db.execute("SELECT seq, minhash FROM articles WHERE duplicate_of IS NULL")
            while rows_read := cursor.fetchmany(1000):
                values = np.stack([fingerprint.unpack(blob) for _, blob in rows_read])
                keys = fingerprint.band_keys(values, bands, rows)
                self.db.executemany("INSERT INTO bands VALUES (?, ?)",
                                    ((int(k), seq) for (seq, _), row_keys in zip(rows_read, keys) for k in row_keys))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('bands', ?)", (wanted,))

        if self.db.in_transaction:
            index()
        elif not current():
            self.transaction(index)

    # transactions
    def transaction(self, body: Callable[[], T]) -> T:
        """``body()`` in one write transaction, begun with the write lock taken (BEGIN IMMEDIATE), committed
        when it returns and rolled back when it raises. While another process writes, the lock is waited
        for and a busy transaction is run again (``body`` must then start over: it is called once per try)
        for up to ``retry_seconds``; after that, StoreError."""
        deadline = time.monotonic() + self.retry_seconds
        while True:
            try:
                self._begin(deadline)
                try:
                    result = body()
                    self.db.execute("COMMIT")
                except BaseException:
                    if self.db.in_transaction:
                        self.db.execute("ROLLBACK")
                    raise
                time.sleep(YIELD)
                return result
            except sqlite3.OperationalError as err:
                if not _busy(err):
                    raise
                if time.monotonic() > deadline:
                    raise StoreError(f"{self.path}: the story store stayed busy for {self.retry_seconds:g} s "
                                     f"(another process writing?)") from err

    def _begin(self, deadline: float) -> None:
        """Take the write lock (BEGIN IMMEDIATE), trying again every few milliseconds, at random moments,
        while another process holds it: SQLite's own wait sleeps up to 100 ms between tries, so a writer that
        commits and begins again at once would keep the lock from the others for as long as it runs."""
        self.db.execute("PRAGMA busy_timeout = 0")
        try:
            pause = 0.001
            while True:
                try:
                    self.db.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as err:
                    if not _busy(err) or time.monotonic() > deadline:
                        raise
                time.sleep(pause * (0.5 + random.random()))
                pause = min(1.5 * pause, POLL)
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one state of the store, whatever other processes commit meanwhile."""
        if self.db.in_transaction:
            yield
            return
        self._retry(lambda: self.db.execute("BEGIN"))
        try:
            yield
        finally:
            if self.db.in_transaction:
                self.db.execute("COMMIT")

    def _retry(self, step: Callable[[], T]) -> T:
        """``step()``, tried again while the store is busy (up to ``retry_seconds``)."""
        deadline = time.monotonic() + self.retry_seconds
        while True:
            try:
                return step()
            except sqlite3.OperationalError as err:
                if not _busy(err) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05 * (0.5 + random.random()))

    def generation(self) -> int:
        """The number of the last write transaction of a tracker (0 before the first)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def next_generation(self) -> int:
        """Number this write transaction (inside it): the stories it saves and merges it makes carry it."""
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('generation', '0')")
        self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
        return self.generation()

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

    def terms_after(self, last: int) -> dict[str, int]:
        """term -> id of the terms with ids above ``last`` (ids grow in the order terms are claimed)."""
        return dict(self.db.execute("SELECT term, id FROM terms WHERE id > ?", (last,)))

    def claim_terms(self, terms: Iterable[str]) -> dict[str, int]:
        """term -> id of each of ``terms``, new ones taking the next free ids in the order given (inside a
        write transaction, so no other process can take the same id)."""
        wanted = list(dict.fromkeys(terms))
        ids = {term: i for part in _parts(wanted)
               for term, i in self.db.execute(f"SELECT term, id FROM terms WHERE term IN ({_marks(part)})", part)}
        new = [term for term in wanted if term not in ids]
        if new:
            start = self.db.execute("SELECT COALESCE(MAX(id), -1) + 1 FROM terms").fetchone()[0]
            claimed = {term: start + i for i, term in enumerate(new)}
            self.db.executemany("INSERT INTO terms (term, id) VALUES (?, ?)", claimed.items())
            ids |= claimed
        return ids

    # stories
    def stories(self, since: float = -np.inf, until: float = np.inf, ids: list[int] | None = None,
                changed_since: int | None = None) -> list[StoredStory]:
        """The stories last seen on a day from ``since`` up to (not including) ``until``, and those with no
        known day; or, given ``ids``, those stories; or, given ``changed_since``, those saved by a write
        transaction numbered after it."""
        columns = ("SELECT id, first_seen, last_seen, norm2, terms, weights, "
                   "(SELECT COUNT(*) FROM articles WHERE story = stories.id AND duplicate_of IS NULL), last_day, thread "
                   "FROM stories")
        return [StoredStory(i, first, last, norm2, np.frombuffer(terms, dtype=np.int64),
                            np.frombuffer(weights, dtype=np.float64), size, np.nan if day is None else day, thread)
                for i, first, last, norm2, terms, weights, size, day, thread
                in self._rows(columns, since, until, ids, changed_since)]

    def _rows(self, columns: str, since: float, until: float, ids: list[int] | None,
              changed_since: int | None) -> Iterable[tuple]:
        """The rows of stories or threads (``columns`` selects them) by last day, ids or generation."""
        if ids is not None:
            return (row for part in _parts(ids) for row in self.db.execute(columns + f" WHERE id IN ({_marks(part)})", part))
        if changed_since is not None:
            return self.db.execute(columns + " WHERE generation > ? ORDER BY id", (changed_since,))
        return self.db.execute(columns + " WHERE (last_day >= ? AND last_day < ?) OR last_day IS NULL ORDER BY id",
                               (since, until))

    def save_story(self, story: int | None, first_seen: str | None, last_seen: str | None, last_day: float, norm2: float,
                   terms: np.ndarray, weights: np.ndarray, generation: int = 0, thread: int | None = None) -> int:
        """Save a story's dates, centroid and thread; a new one (``story`` None) gets the next id, never one
        used before. Returns its id."""
        values = (first_seen, last_seen, None if np.isnan(last_day) else last_day, norm2,
                  terms.astype(np.int64).tobytes(), weights.astype(np.float64).tobytes(), generation, thread)
        if story is None:
            return self.db.execute("INSERT INTO stories (first_seen, last_seen, last_day, norm2, terms, weights, generation, "
                                   "thread) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", values).fetchone()[0]
        self.db.execute("INSERT OR REPLACE INTO stories (id, first_seen, last_seen, last_day, norm2, terms, weights, "
                        "generation, thread) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (story, *values))
        return story

    def merge_story(self, gone: int, keep: int, generation: int = 0) -> None:
        """Move every article of story ``gone`` into story ``keep`` and delete ``gone`` (with its readers' marks);
        the merge is recorded."""
        self.db.execute("UPDATE articles SET story = ? WHERE story = ?", (keep, gone))
        self.db.execute("DELETE FROM stories WHERE id = ?", (gone,))
        self.db.execute("DELETE FROM readers WHERE story = ?", (gone,))
        self.db.execute("INSERT OR REPLACE INTO merges VALUES (?, ?, ?)", (gone, keep, generation))

    def merges_since(self, generation: int) -> list[tuple[int, int]]:
        """(gone, keep) of the merges made by write transactions numbered after ``generation``."""
        return self.db.execute("SELECT gone, keep FROM merges WHERE generation > ?", (generation,)).fetchall()

    def merged_into(self, story: int) -> int | None:
        """The story that story ``story`` was merged into (followed to the one that still exists), or None."""
        return self._followed("merges", story)

    def _followed(self, table: str, gone: int) -> int | None:
        """Where the merges recorded in ``table`` took ``gone`` (followed to the last), or None."""
        seen = set()
        found = None
        while gone not in seen and (row := self.db.execute(f"SELECT keep FROM {table} WHERE gone = ?", (gone,)).fetchone()):
            seen.add(gone)
            gone = found = row[0]
        return found

    # threads
    def threads(self, since: float = -np.inf, until: float = np.inf, ids: list[int] | None = None,
                changed_since: int | None = None) -> list[StoredThread]:
        """The threads last seen on a day from ``since`` up to (not including) ``until``, and those with no
        known day; or, given ``ids``, those threads; or, given ``changed_since``, those saved by a write
        transaction numbered after it."""
        columns = "SELECT id, first_seen, last_seen, norm2, terms, weights, size, last_day FROM threads"
        return [StoredThread(i, first, last, norm2, np.frombuffer(terms, dtype=np.int64),
                             np.frombuffer(weights, dtype=np.float64), size, np.nan if day is None else day)
                for i, first, last, norm2, terms, weights, size, day in self._rows(columns, since, until, ids, changed_since)]

    def save_thread(self, thread: int | None, first_seen: str | None, last_seen: str | None, last_day: float,
                    norm2: float, terms: np.ndarray, weights: np.ndarray, size: int, generation: int = 0) -> int:
        """Save a thread's dates, sum of article vectors and article count; a new one (``thread`` None) gets
        the next id, never one used before. Returns its id."""
        values = (first_seen, last_seen, None if np.isnan(last_day) else last_day, norm2,
                  terms.astype(np.int64).tobytes(), weights.astype(np.float64).tobytes(), int(size), generation)
        if thread is None:
            return self.db.execute("INSERT INTO threads (first_seen, last_seen, last_day, norm2, terms, weights, size, "
                                   "generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", values).fetchone()[0]
        self.db.execute("INSERT OR REPLACE INTO threads (id, first_seen, last_seen, last_day, norm2, terms, weights, size, "
                        "generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (thread, *values))
        return thread

    def merge_thread(self, gone: int, keep: int, generation: int = 0) -> None:
        """Move every story of thread ``gone`` into thread ``keep`` (those stories count as saved by this
        transaction, so other trackers read them again) and delete ``gone``; the merge is recorded."""
        self.db.execute("UPDATE stories SET thread = ?, generation = ? WHERE thread = ?", (keep, generation, gone))
        self.db.execute("DELETE FROM threads WHERE id = ?", (gone,))
        self.db.execute("INSERT OR REPLACE INTO thread_merges VALUES (?, ?, ?)", (gone, keep, generation))

    def thread_merges_since(self, generation: int) -> list[tuple[int, int]]:
        """(gone, keep) of the thread merges made by write transactions numbered after ``generation``."""
        return self.db.execute("SELECT gone, keep FROM thread_merges WHERE generation > ?", (generation,)).fetchall()

    def thread_merged_into(self, thread: int) -> int | None:
        """The thread that thread ``thread`` was merged into (followed to the one that still exists), or None."""
        return self._followed("thread_merges", thread)

    def thread_of(self, story: int) -> int | None:
        """The thread of a story (None when there is no such story)."""
        row = self.db.execute("SELECT thread FROM stories WHERE id = ?", (story,)).fetchone()
        return row[0] if row else None

    def thread_stories(self, thread: int) -> list[int]:
        """The stories of a thread, oldest first."""
        return [row[0] for row in self.db.execute("SELECT id FROM stories WHERE thread = ? ORDER BY id", (thread,))]

    def story_threads(self) -> dict[int, int | None]:
        """story -> its thread, for every story."""
        return dict(self.db.execute("SELECT id, thread FROM stories"))

    # refused pages
    def refused(self, ids: list[str]) -> set[str]:
        """Which of ``ids`` were refused before (pages without prose)."""
        return {row[0] for part in _parts(ids) for row in self.db.execute(
            f"SELECT id FROM refused WHERE id IN ({_marks(part)})", part)}

    def refuse(self, ids: Iterable[str], reason: str) -> None:
        self.db.executemany("INSERT OR REPLACE INTO refused VALUES (?, ?)", ((i, reason) for i in ids))

    def unrefuse(self, ids: list[str]) -> None:
        for part in _parts(ids):
            self.db.execute(f"DELETE FROM refused WHERE id IN ({_marks(part)})", part)

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

    def assignments(self) -> Iterator[tuple[str, int]]:
        """(article id, story) of every article, in the order they were added."""
        return iter(self.db.execute("SELECT id, story FROM articles ORDER BY seq"))

    def thread_assignments(self) -> Iterator[tuple[str, int, int | None]]:
        """(article id, story, thread) of every article, in the order they were added."""
        return iter(self.db.execute("SELECT articles.id, story, thread FROM articles JOIN stories ON stories.id = story "
                                    "ORDER BY seq"))

    # readers
    def watermark(self, reader: str, story: int) -> int:
        row = self.db.execute("SELECT seq FROM readers WHERE reader = ? AND story = ?", (reader, story)).fetchone()
        return row[0] if row else 0

    def set_watermark(self, reader: str, story: int, seq: int) -> None:
        """Remember that ``reader`` has read ``story`` up to article ``seq`` (never moving the mark back)."""
        self.transaction(lambda: self.db.execute(
            "INSERT INTO readers VALUES (?, ?, ?) ON CONFLICT (reader, story) DO UPDATE SET seq = MAX(seq, excluded.seq)",
            (reader, story, seq)))


def _busy(err: sqlite3.OperationalError) -> bool:
    """Whether an error says another connection holds a lock (try again later)."""
    code = getattr(err, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in BUSY
    return "locked" in str(err) or "busy" in str(err)


def _statements(script: str) -> list[str]:
    """The SQL statements of a migration script, one by one (executescript would commit the transaction)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def _parts(values: list) -> list[list]:
    """``values`` in slices of at most LOOKUP, to bind in one query each."""
    return [values[start:start + LOOKUP] for start in range(0, len(values), LOOKUP)]


def _marks(values: list) -> str:
    return ", ".join("?" * len(values))
