"""Follow stories and threads: group a feed of articles into stories (one event each) and stories into
threads (one topic followed over months), incrementally, and spot syndicated copies.

Each article is a unit tf-idf vector over the stemmed content words of its title (twice) and text, each
word weighed by its rarity in the news (``rarity``); a story is the sum of its articles' vectors. An
article joins the story whose sum is most similar to it (cosine at least ``threshold``, and last seen
within ``window_days`` when dates are known), else it starts a new story. After each chunk, stories
whose articles have come to be ``merge`` similar to each other on average (average linkage: the mean
cosine over pairs of their articles; the closest pair first, the older story absorbing the newer)
become one, so a story told from several angles ends up whole without big stories swallowing their
neighbours. A near-identical copy of an article already stored (MinHash estimate of word 5-gram
Jaccard at least ``duplicate``) joins that article's story as evidence of coverage and leaves the
story's vector alone; the candidates for it are found by their MinHash band keys, which the store
indexes, so neither signatures nor article ids are held in memory.

Threads are the same two steps one level up, with a longer memory. A thread is the sum of the vectors of
its stories' articles. A new story joins the thread whose sum is most similar to its own (cosine at
least ``thread_threshold``, last seen within ``thread_window_days``), else it starts a thread; the
articles a story gains later join its thread with it. Threads whose articles come to be
``thread_merge`` similar on average are merged as stories are, and two stories merged into one unite
their threads. A merge made early can be undone: after each chunk, the stories of every thread it
changed (closed ones read from the store) are clustered again by the same average linkage, and the
groups that fall apart become threads of their own (a topic whose first story joined a neighbouring
topic's thread, before it had stories of its own to draw it, is given back once they come).

Articles are processed in chunks; inside a chunk all similarities come from matrix products (against
the stories in memory a block of BLOCK rows at a time, so memory stays bounded), so the cost per article
stays low, and each chunk is stored in one transaction, so a killed run loses only its current chunk
and resumes without counting anything twice. Only open stories and threads are read into memory: a
story last seen more than ``window_days`` (a thread: ``thread_window_days``) before a chunk's earliest
article can take none of its articles, so it is closed (nothing joins it and nothing merges with it,
except a copy of one of its articles), and a dated feed costs the same per article however long it
has been followed.

Several trackers, in several processes, may add to one store at once. What needs no store (cleaning,
words, fingerprints) is done before a chunk's write transaction; the chunk is placed and stored inside
it, with the write lock held, after the tracker has brought its memory up to date with what other
writers committed since its last transaction (new terms; stories and threads they created, changed or
merged away) and has dropped the articles they stored meanwhile. New term, story and thread ids are
claimed from the store in that transaction. Should a transaction fail, the tracker forgets what it held
and reads it again in the next one.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHashLSH
from scipy import sparse

from ..model import Document, publication_moment
from ..text.clean import clean_spans
from ..text.reflow import unmarked
from ..text.tokens import stem, surface_words
from ..text.vectors import dense, tfidf
from . import fingerprint, rarity
from .config import TrackerConfig
from .store import Store, StoredStory, StoredThread

SPLIT_MAX = 300  # stories of a thread clustered again after a chunk changed it: a larger thread is left whole
BLOCK = 128  # articles or stories compared with every story or thread in memory at once (bounds the memory used)
TEXT_CHARS = 4000


REFUSED = "no prose"


@dataclass
class AddReport:
    added: int = 0
    skipped: int = 0  # stored already (by an earlier run, another process, or earlier in this feed)
    duplicates: int = 0
    new_stories: int = 0
    merged: int = 0
    new_threads: int = 0
    merged_threads: int = 0
    refused: list[str] = field(default_factory=list)  # ids of pages without prose, refused for the first time
    refused_before: list[str] = field(default_factory=list)  # and those an earlier run refused already

    def count(self, other: AddReport) -> None:
        """Add the counts of ``other`` (one chunk's) to these."""
        for name in ("added", "skipped", "duplicates", "new_stories", "merged", "new_threads", "merged_threads"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.refused += other.refused
        self.refused_before += other.refused_before


@lru_cache(maxsize=4)
def _lsh_bands(threshold: float) -> tuple[int, int]:
    """datasketch's (bands, rows) for a Jaccard ``threshold``: found by numerical integration, so once."""
    lsh = MinHashLSH(threshold=threshold, num_perm=fingerprint.NUM_PERM)
    return lsh.b, lsh.r


def _batches(items: Iterable, size: int) -> Iterable[list]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


@lru_cache(maxsize=1 << 16)
def _days(date: str | None) -> float:
    """Days since the epoch of an ISO-like date, or NaN when there is none or it cannot be read."""
    moment = publication_moment(date)
    return np.nan if moment is None else moment.timestamp() / 86400


def prose(document: Document) -> str:
    """The prose paragraphs (junk, an e-mail's quote marks and markdown's bold and italic marks removed) of an
    article's first TEXT_CHARS characters."""
    text = unmarked(document.text[:TEXT_CHARS])
    return " ".join(text[a:b] for a, b in clean_spans(text))


def story_words(document: Document, prose: str) -> list[str]:
    """The words that tell what an article is about: its title twice and its ``prose``, as lower-cased
    content words."""
    return surface_words(f"{document.title} {document.title} {prose}")


def article_words(articles: list[tuple[Document, str]]) -> list[Counter[str]]:
    """How often each of ``story_words`` occurs in each article (given with its ``prose``)."""
    return [Counter(story_words(document, text)) for document, text in articles]


def article_vectors(articles: list[tuple[Document, str]], terms: dict[str, int],
                    word_counts: list[Counter[str]] | None = None,
                    claim: Callable[[list[str]], dict[str, int]] | None = None) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Unit tf-idf rows of the articles (each with its ``prose``, or its ``word_counts`` when already
    counted) over ``terms`` (stem -> column), and the terms they added to it (with their columns). New
    terms are numbered by ``claim`` (given them in order of appearance), by default after the largest
    column; the rows are as wide as the largest column.

    The idf is a term's rarity in the news (``rarity.idf``), not in the store: an article's vector is the
    same whether it comes first or after a million others.
    """
    if word_counts is None:
        word_counts = article_words(articles)
    stems = {word: stem(word) for words in word_counts for word in words}  # in order of appearance
    unknown = list(dict.fromkeys(term for term in stems.values() if term not in terms))
    if claim is None:
        start = max(terms.values(), default=-1) + 1
        new_terms = {term: start + i for i, term in enumerate(unknown)}
    else:
        new_terms = claim(unknown) if unknown else {}
    terms.update(new_terms)
    column = {word: terms[term] for word, term in stems.items()}  # word -> id of its stem
    width = max(terms.values(), default=-1) + 1
    used = list(dict.fromkeys(stems.values()))
    idf = np.zeros(width)
    idf[[terms[term] for term in used]] = rarity.idfs(used)
    rows = np.repeat(np.arange(len(articles)), [len(words) for words in word_counts])
    columns = np.fromiter((column[w] for words in word_counts for w in words), dtype=np.int64, count=len(rows))
    counts = np.fromiter((n for words in word_counts for n in words.values()), dtype=float, count=len(rows))
    matrix = sparse.csr_matrix((counts, (rows, columns)), shape=(len(articles), width))  # sums a stem's words
    return tfidf(matrix, idf), new_terms


def average_linkage(sums: sparse.csr_matrix, sizes: np.ndarray, first: np.ndarray, last: np.ndarray, age: np.ndarray,
                    threshold: float, window: float) -> np.ndarray:
    """Greedy average linkage of groups given as rows of ``sums`` (sums of ``sizes`` unit article
    vectors, seen from day ``first`` to ``last``): the two closest (mean cosine over pairs of their
    articles) become one while that mean is at least ``threshold``, never two more than ``window`` days
    apart, the older (smaller ``age``) absorbing the newer; an empty group (size 0) takes no part. The
    surviving group of each.

    Works on the Gram matrix of the groups, where merging two is adding their rows and columns.
    """
    gram = dense(sums @ sums.T)
    alive = np.asarray(sizes) > 0
    sizes = np.maximum(np.asarray(sizes, dtype=float), 1)
    first, last = np.array(first, dtype=float), np.array(last, dtype=float)
    parent = np.arange(len(sizes))
    linkage = gram / np.outer(sizes, sizes)
    linkage[np.maximum.outer(first, first) - np.minimum.outer(last, last) > window] = -1.0
    linkage[~alive] = linkage[:, ~alive] = -1.0
    np.fill_diagonal(linkage, -1.0)
    while len(parent) > 1:
        keep, gone = sorted(np.unravel_index(np.argmax(linkage), linkage.shape), key=lambda g: age[g])
        if linkage[keep, gone] < threshold:
            break
        gram[keep] += gram[gone]
        gram[:, keep] += gram[:, gone]
        sizes[keep] += sizes[gone]
        first[keep], last[keep] = np.fmin(first[keep], first[gone]), np.fmax(last[keep], last[gone])
        alive[gone] = False
        parent[parent == gone] = keep
        row = gram[keep] / (sizes[keep] * sizes)  # only the survivor's linkages change
        row[np.maximum(first[keep], first) - np.minimum(last[keep], last) > window] = -1.0
        row[~alive] = row[keep] = -1.0
        linkage[keep], linkage[:, keep] = row, row
        linkage[gone] = linkage[:, gone] = -1.0
    return parent


class Groups:
    """Stories (of articles) or threads (of stories) held in memory, one row each: the store's id (None
    for a row made in the current transaction, until it is saved), first and last seen dates (and their
    days, NaN when unknown), the number of articles that are no copies, the sum of their vectors and its
    squared length; for stories, the id of their thread."""

    def __init__(self, columns: int = 0):
        self.ids: list[int | None] = []
        self.row_of: dict[int, int] = {}
        self.first_seen: list[str | None] = []
        self.last_seen: list[str | None] = []
        self.first_day, self.last_day = np.zeros(0), np.zeros(0)
        self.norm2, self.sizes = np.zeros(0), np.zeros(0)
        self.centroids = sparse.csr_matrix((0, columns))
        self.thread: list[int | None] = []
        self.open_since = np.inf  # every stored group last seen on or after this day is in memory

    def __len__(self) -> int:
        return len(self.ids)

    def widen(self, columns: int) -> None:
        self.centroids.resize((len(self), columns))

    def keep(self, kept: np.ndarray) -> None:
        """Keep only the rows where ``kept`` is True."""
        if kept.all():
            return
        self.ids = [group for group, keep in zip(self.ids, kept) if keep]
        self.first_seen = [date for date, keep in zip(self.first_seen, kept) if keep]
        self.last_seen = [date for date, keep in zip(self.last_seen, kept) if keep]
        self.thread = [thread for thread, keep in zip(self.thread, kept) if keep]
        self.first_day, self.last_day = self.first_day[kept], self.last_day[kept]
        self.norm2, self.sizes = self.norm2[kept], self.sizes[kept]
        self.centroids = sparse.csr_matrix(self.centroids[np.flatnonzero(kept)])
        self.row_of = {group: row for row, group in enumerate(self.ids) if group is not None}

    def drop(self, rows: Iterable[int]) -> None:
        kept = np.ones(len(self), dtype=bool)
        kept[list(rows)] = False
        self.keep(kept)

    def load(self, stored: Sequence[StoredStory | StoredThread], matrix: Callable[[list], sparse.csr_matrix]) -> None:
        """Take stored stories or threads into memory as new rows (one already in memory is left as it is)."""
        stored = [group for group in stored if group.id not in self.row_of]
        for group in stored:
            self.row_of[group.id] = len(self.ids)
            self.ids.append(group.id)
            self.first_seen.append(group.first_seen)
            self.last_seen.append(group.last_seen)
            self.thread.append(getattr(group, "thread", None))
        self.first_day = np.append(self.first_day, [_days(group.first_seen) for group in stored])
        self.last_day = np.append(self.last_day, [_days(group.last_seen) for group in stored])
        self.norm2 = np.append(self.norm2, [group.norm2 for group in stored])
        self.sizes = np.append(self.sizes, [group.size for group in stored])
        self.centroids = sparse.vstack([self.centroids, matrix([(g.terms, g.weights) for g in stored])], format="csr")

    def assign(self, vectors: sparse.csr_matrix, norm2: np.ndarray, sizes: np.ndarray, days: np.ndarray,
               threshold: float, window: float) -> list[int]:
        """Row of each item (rows of ``vectors``: sums of ``sizes`` article vectors, of squared lengths
        ``norm2``, last seen on ``days``), in order, making rows on the way: an item joins the row whose
        sum is most similar to its own (cosine at least ``threshold``, last seen within ``window`` days of
        it when both are dated), else it makes a row of its own.

        Each row's sum and its length are kept up to date item by item from the two products below, so
        the result is that of adding the items one at a time.
        """
        n_old, n_new = len(self), len(days)
        to_each_other = dense(vectors @ vectors.T)
        group_norm2 = np.concatenate([self.norm2, np.zeros(n_new)])
        last = np.concatenate([self.last_day, np.full(n_new, np.nan)])
        rows: list[int] = []
        live = n_old
        for i in range(n_new):
            if i % BLOCK == 0:  # similarities to the groups in memory, a block of items at a time
                to_old = dense(vectors[i:i + BLOCK] @ self.centroids.T)
            dots = np.concatenate([to_old[i % BLOCK], np.zeros(n_new)])
            if rows:
                dots += np.bincount(rows, weights=to_each_other[i, :i], minlength=len(dots))
            similarity = dots[:live] / np.sqrt(np.maximum(group_norm2[:live] * norm2[i], 1e-12))
            similarity[np.abs(last[:live] - days[i]) > window] = -1.0
            best = int(np.argmax(similarity)) if live else -1
            if best < 0 or similarity[best] < threshold:
                best, live = live, live + 1
            group_norm2[best] += 2 * dots[best] + norm2[i]
            last[best] = np.nanmax([last[best], days[i]]) if not np.isnan(days[i]) else last[best]
            rows.append(best)
        made = live - n_old
        self.ids += [None] * made  # their ids come when they are saved
        self.first_seen += [None] * made
        self.last_seen += [None] * made
        self.thread += [None] * made
        self.norm2 = group_norm2[:live]
        unknown = np.full(made, np.nan)
        self.first_day, self.last_day = np.append(self.first_day, unknown), np.append(self.last_day, unknown)
        self.sizes = np.bincount(rows, weights=sizes, minlength=live) + np.concatenate([self.sizes, np.zeros(made)])
        joined = sparse.csr_matrix((np.ones(n_new), (rows, np.arange(n_new))), shape=(live, n_new))
        self.centroids.resize((live, self.centroids.shape[1]))
        self.centroids = sparse.csr_matrix(self.centroids + joined @ vectors)
        return rows

    def add_to(self, rows: list[int], vectors: sparse.csr_matrix) -> None:
        """Add the ``vectors`` (one article each) to the sums of ``rows``."""
        if not rows:
            return
        joined = sparse.csr_matrix((np.ones(len(rows)), (rows, np.arange(len(rows)))), shape=(len(self), len(rows)))
        self.centroids = sparse.csr_matrix(self.centroids + joined @ vectors)
        self.sizes = self.sizes + np.bincount(rows, minlength=len(self))
        changed = np.unique(rows)
        self.norm2[changed] = np.asarray(self.centroids[changed].multiply(self.centroids[changed]).sum(axis=1)).ravel()

    def merge_close(self, touched: set[int], threshold: float, window: float) -> dict[int, int]:
        """Merge rows while a touched one is ``threshold`` similar to another; absorbed row -> surviving row.

        Works on the Gram matrix of the rows involved (sums of article vectors: entry a, b is the sum of
        cosines over pairs of their articles), where merging two rows is adding their rows and columns;
        an absorbed row is left empty and never matches again. Rows more than ``window`` days apart
        never merge; of two, the older (the smaller id; rows made in this transaction are the newest, in
        the order made) absorbs the newer.
        """
        rows = np.array(sorted(touched))
        if not len(rows):
            return {}
        close = [rows]
        for start in range(0, len(rows), BLOCK):
            block = rows[start:start + BLOCK]
            linkage = dense(self.centroids[block] @ self.centroids.T) / np.outer(
                np.maximum(self.sizes[block], 1), np.maximum(self.sizes, 1))
            close.append(np.flatnonzero(((linkage >= threshold) & (self.sizes > 0)).any(axis=0)))
        group = np.unique(np.concatenate(close))
        new = np.iinfo(np.int64).max // 2
        age = np.array([known if (known := self.ids[row]) is not None else new + int(row) for row in group])
        parent = average_linkage(self.centroids[group], self.sizes[group], self.first_day[group], self.last_day[group],
                                 age, threshold, window)
        absorbed = {int(group[g]): int(group[parent[g]]) for g in np.flatnonzero(parent != np.arange(len(group)))}
        if absorbed:
            self.fold(absorbed)
        return absorbed

    def fold(self, absorbed: dict[int, int]) -> None:
        """Add each absorbed row's sum, size and dates into its survivor's, and empty it."""
        n = len(self)
        target = np.arange(n)
        target[list(absorbed)] = list(absorbed.values())
        into = sparse.csr_matrix((np.ones(n), (target, np.arange(n))), shape=(n, n))
        self.centroids = sparse.csr_matrix(into @ self.centroids)
        self.sizes = into @ self.sizes
        self.norm2 = np.asarray(self.centroids.multiply(self.centroids).sum(axis=1)).ravel()
        for gone, keep in absorbed.items():
            self.seen(keep, self.first_seen[gone], self.first_day[gone])
            self.seen(keep, self.last_seen[gone], self.last_day[gone])

    def split(self, row: int, parts: list[np.ndarray], members: Groups) -> list[int]:
        """Make ``row`` the sum of the ``members`` rows in ``parts[0]`` and a new row of each other part
        (sums, sizes and dates from the members'); the new rows."""
        n = len(self)
        which = np.repeat(np.arange(len(parts)), [len(part) for part in parts])
        sums = sparse.csr_matrix((np.ones(len(which)), (which, np.concatenate(parts))),
                                 shape=(len(parts), len(members))) @ members.centroids
        kept = np.ones(n)
        kept[row] = 0.0
        put = sparse.csr_matrix(([1.0], ([row], [0])), shape=(n, len(parts)))
        self.centroids = sparse.vstack([sparse.diags(kept) @ self.centroids + put @ sums, sums[1:]], format="csr")
        self.sizes = np.append(self.sizes, np.zeros(len(parts) - 1))
        self.norm2 = np.append(self.norm2, np.zeros(len(parts) - 1))
        made = list(range(n, n + len(parts) - 1))
        self.ids += [None] * len(made)
        self.thread += [None] * len(made)
        self.first_seen += [None] * len(made)
        self.last_seen += [None] * len(made)
        self.first_day = np.append(self.first_day, np.full(len(made), np.nan))
        self.last_day = np.append(self.last_day, np.full(len(made), np.nan))
        for target, part in zip([row] + made, parts):
            self.sizes[target] = members.sizes[part].sum()
            self.norm2[target] = self.centroids[target].multiply(self.centroids[target]).sum()
            self.first_seen[target] = self.last_seen[target] = None
            self.first_day[target] = self.last_day[target] = np.nan
            for member in part:
                self.seen(target, members.first_seen[member], members.first_day[member])
                self.seen(target, members.last_seen[member], members.last_day[member])
        return made

    def seen(self, row: int, published: str | None, day: float) -> None:
        """Widen a row's first/last seen dates to include ``published`` (``day`` in days, NaN if unknown)."""
        if np.isnan(day):
            return
        if not day >= self.first_day[row]:
            self.first_seen[row], self.first_day[row] = published, day
        if not day <= self.last_day[row]:
            self.last_seen[row], self.last_day[row] = published, day

    def sum_of(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        centroid = self.centroids.getrow(row)
        return centroid.indices, centroid.data


class StoryTracker:
    """Assigns articles to stories, and stories to threads, in a Store. Both are kept in memory as rows
    (``Groups``); the store knows them by id (a row made in the current transaction has none until it is
    saved)."""

    def __init__(self, store: Store, config: TrackerConfig | None = None, **settings: Any):
        self.config = (config or TrackerConfig()).replace(**settings)
        self.store = store
        self.bands = _lsh_bands(self.config.duplicate)
        self.thread_window = max(self.config.thread_window_days, self.config.window_days)  # a thread outlives its stories
        store.index_bands(*self.bands)
        self._forget()

    @property
    def story_ids(self) -> list[int | None]:
        """The stories in memory (their ids; None for one not saved yet)."""
        return self.stories.ids

    def _forget(self) -> None:
        """Hold nothing in memory: the vocabulary, stories and threads are (re)read inside the next transaction."""
        self.stale = True  # memory may not match the store: read it all again before using it
        self.generation = -1  # of the store's last write transaction that memory reflects
        self.terms: dict[str, int] = {}
        self.columns = 0  # width of the vectors: the largest term id + 1
        self.stories = Groups()
        self.threads = Groups()

    def _sync(self) -> None:
        """Inside a write transaction: bring memory up to date with the store. Terms other writers added
        join the vocabulary; stories and threads they created, changed or merged away since this tracker's
        last transaction are dropped from memory and read again (when they still exist and are open)."""
        generation = self.store.generation()
        if self.stale or generation < self.generation:
            self._forget()
            self.terms = self.store.terms()
            self._widen(max(self.terms.values(), default=-1) + 1)
            self.generation, self.stale = generation, False
            return
        if generation == self.generation:
            return
        self.terms.update(added := self.store.terms_after(self.columns - 1))
        self._widen(max(added.values(), default=-1) + 1)
        for groups, changed_groups, merges in (
                (self.stories, self.store.stories, self.store.merges_since),
                (self.threads, self.store.threads, self.store.thread_merges_since)):
            changed = changed_groups(changed_since=self.generation)
            gone = {group for group, _ in merges(self.generation)} | {group.id for group in changed}
            held = set(groups.row_of)
            groups.drop([groups.row_of[group] for group in gone & held])
            groups.load([group for group in changed if group.id in held or not group.last_day < groups.open_since],
                        self._matrix)  # open ones, and undated ones
        self.generation = generation

    def _widen(self, columns: int) -> None:
        """Make the vectors ``columns`` wide (never narrower)."""
        self.columns = max(self.columns, columns)
        self.stories.widen(self.columns)
        self.threads.widen(self.columns)

    def _load_open(self, days: np.ndarray) -> None:
        """Load the stories and threads that articles of these ``days`` may join or merge with: those last
        seen at most ``window_days`` (threads: ``thread_window_days``) before the earliest of them (every
        one, when an article is undated) and undated ones. Older ones are closed: they take no more
        articles or stories, and nothing merges with them."""
        if not len(days):
            return
        for groups, window, stored in ((self.stories, self.config.window_days, self.store.stories),
                                       (self.threads, self.thread_window, self.store.threads)):
            since = -np.inf if np.isnan(days).any() else days.min() - window
            if since < groups.open_since:
                groups.load(stored(since, groups.open_since), self._matrix)
                groups.open_since = since

    def _matrix(self, rows: list[tuple[np.ndarray, np.ndarray]]) -> sparse.csr_matrix:
        indptr = np.cumsum([0] + [len(terms) for terms, _ in rows])
        indices = np.concatenate([terms for terms, _ in rows]) if rows else np.zeros(0, dtype=np.int64)
        data = np.concatenate([weights for _, weights in rows]) if rows else np.zeros(0)
        return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), self.columns))

    def add(self, documents: Iterable[Document]) -> AddReport:
        """Store and assign every article not stored yet (by id), chunk by chunk. A page without prose
        (an error page, a bare video or social-media widget) is no article: it is refused, not stored,
        and remembered as refused (``refused_before`` on a later run)."""
        report = AddReport()
        pending: list[tuple[Document, str]] = []
        refused: list[str] = []
        seen: set[str] = set()  # ids met in this call
        for batch in _batches(documents, self.config.chunk):
            stored = self.store.stored_ids([document.id for document in batch])
            for document in batch:
                if document.id in stored or document.id in seen:
                    report.skipped += 1
                    continue
                seen.add(document.id)
                text = prose(document)
                if not text.strip():
                    refused.append(document.id)
                    continue
                pending.append((document, text))
                if len(pending) >= self.config.chunk:
                    self._add_chunk(pending, refused, report)
                    pending, refused = [], []
        if pending or refused:
            self._add_chunk(pending, refused, report)
        return report

    def _add_chunk(self, pending: list[tuple[Document, str]], refused: list[str], report: AddReport) -> None:
        """Place a chunk of articles (copies with their originals, the rest by similarity) and store it,
        with the ids of the pages refused meanwhile, in one write transaction."""
        documents = [document for document, _ in pending]
        signatures = np.stack([fingerprint.signature(d.text).hashvalues for d in documents]) if documents else np.zeros((0, fingerprint.NUM_PERM), dtype=np.uint64)
        keys = fingerprint.band_keys(signatures, *self.bands)
        word_counts = article_words(pending)

        placed = False

        def store_chunk() -> AddReport:
            nonlocal placed
            placed = False  # (in this try)
            chunk = AddReport()
            before = self.store.refused(refused)
            chunk.refused = [page for page in refused if page not in before]
            chunk.refused_before = [page for page in refused if page in before]
            self.store.refuse(chunk.refused, REFUSED)
            stored = self.store.stored_ids([document.id for document in documents])  # by other writers meanwhile
            chunk.skipped = len(stored)
            keep = [i for i, document in enumerate(documents) if document.id not in stored]
            if keep:
                self._sync()
                self.stale = placed = True  # until committed: a transaction that fails leaves memory unlike the store
                self.store.index_bands(*self.bands)  # another writer may have indexed them for other bands
                self._store_chunk([pending[i] for i in keep], signatures[keep], keys[keep], [word_counts[i] for i in keep], chunk)
            return chunk

        chunk = self.store.transaction(store_chunk)
        if placed:  # memory matches the store once a chunk is committed
            self.stale = False
        report.count(chunk)

    def _store_chunk(self, pending: list[tuple[Document, str]], signatures: np.ndarray, keys: np.ndarray,
                     word_counts: list[Counter[str]], report: AddReport) -> None:
        """Inside the write transaction: place the chunk's articles in stories and those in threads, and
        save the articles, stories and threads."""
        documents = [document for document, _ in pending]
        generation = self.store.next_generation()
        originals, row_of = self._find_copies(documents, signatures, keys)
        fresh = [i for i, original in enumerate(originals) if original is None]
        days = np.array([_days(documents[i].published) for i in fresh])
        self._load_open(days)
        vectors = self._vectors([pending[i] for i in fresh], [word_counts[i] for i in fresh])
        rows, absorbed = self._place([documents[i] for i in fresh], vectors, days, report)
        row_of |= {documents[i].id: row for i, row in zip(fresh, rows)}
        row_of = {article: absorbed.get(row, row) for article, row in row_of.items()}
        for document, original in zip(documents, originals):
            if original is not None:
                self.stories.seen(row_of[original], document.published, _days(document.published))
        touched = set(row_of.values()) | set(absorbed.values())
        thread_rows, threads_absorbed = self._thread(touched, absorbed, [absorbed.get(row, row) for row in rows], vectors, report)
        changed = {thread_rows[row] for row in touched if thread_rows[row] >= 0}
        thread_rows, resave, read = self._split(changed, thread_rows, threads_absorbed, report)
        touched |= resave
        self._save(touched, absorbed, thread_rows, threads_absorbed, generation)
        for document, signature, article_keys, original in zip(documents, signatures, keys, originals):
            row = row_of[original or document.id]
            self.store.add_article(document.id, self._story_id(row), document, original,
                                   fingerprint.pack(signature), () if original else article_keys)
            report.added += 1
            report.duplicates += original is not None
        self.store.unrefuse([document.id for document in documents])
        self.stories.drop([*absorbed, *read])  # closed stories read for the split: closed still
        self.threads.drop(threads_absorbed)
        self.generation = generation

    def _save(self, touched: set[int], absorbed: dict[int, int], thread_rows: list[int], threads_absorbed: dict[int, int],
              generation: int) -> None:
        """Save the threads, then the merges and the stories, that this chunk changed (new ones get their
        ids); ``thread_rows`` is the thread row of each story row."""
        threads = {thread_rows[row] for row in touched} | set(threads_absorbed.values())
        for row in sorted(threads):
            terms, weights = self.threads.sum_of(row)
            thread = self.store.save_thread(self.threads.ids[row], self.threads.first_seen[row], self.threads.last_seen[row],
                                            self.threads.last_day[row], float(self.threads.norm2[row]), terms, weights,
                                            int(self.threads.sizes[row]), generation)
            self.threads.ids[row] = thread
            self.threads.row_of[thread] = row
        for gone, keep in threads_absorbed.items():
            if (gone_id := self.threads.ids[gone]) is not None:  # a thread made in this chunk was never saved
                self.store.merge_thread(gone_id, self._thread_id(keep), generation)
        self.stories.thread = [self.threads.ids[row] if row >= 0 else None for row in thread_rows]
        for gone, keep in absorbed.items():
            if (gone_id := self.stories.ids[gone]) is not None:
                self.store.merge_story(gone_id, self._story_id(keep), generation)
        for row in sorted(touched):
            terms, weights = self.stories.sum_of(row)
            story = self.store.save_story(self.stories.ids[row], self.stories.first_seen[row], self.stories.last_seen[row],
                                          self.stories.last_day[row], float(self.stories.norm2[row]), terms, weights,
                                          generation, self.stories.thread[row])
            self.stories.ids[row] = story
            self.stories.row_of[story] = row

    def _story_id(self, row: int) -> int:
        story = self.stories.ids[row]
        assert story is not None, "a story is saved before its articles"
        return story

    def _thread_id(self, row: int) -> int:
        thread = self.threads.ids[row]
        assert thread is not None, "a thread is saved before its merges"
        return thread

    def _place(self, documents: list[Document], vectors: sparse.csr_matrix, days: np.ndarray,
               report: AddReport) -> tuple[list[int], dict[int, int]]:
        """Assign articles that are no copies to stories, then merge the stories that came close; the
        story row of each article (before merging), and the absorbed story rows with their survivors."""
        stories_before = len(self.stories)
        rows = self.stories.assign(vectors, np.ones(len(days)), np.ones(len(days)), days,
                                   self.config.threshold, self.config.window_days)
        report.new_stories += len(self.stories) - stories_before
        for document, row, day in zip(documents, rows, days):
            self.stories.seen(row, document.published, day)
        absorbed = self.stories.merge_close(set(rows), self.config.merge, self.config.window_days)
        report.merged += len(absorbed)
        return rows, absorbed

    def _thread(self, touched: set[int], absorbed: dict[int, int], rows: list[int], vectors: sparse.csr_matrix,
                report: AddReport) -> tuple[list[int], dict[int, int]]:
        """Place the chunk's stories in threads: two stories merged unite their threads, a story's new
        articles (``vectors``, in story ``rows``) join its thread, a story without one (a new one) joins the
        thread it resembles or starts one; then threads that came close merge. Returns the thread row of
        each story row (-1 for none), and the absorbed thread rows with their survivors."""
        missing = sorted({thread for thread in self.stories.thread if thread is not None} - set(self.threads.row_of))
        if missing:  # the threads of stories read by id (closed ones, which a copy joined)
            self.threads.load(self.store.threads(ids=missing), self._matrix)
        thread_rows = np.array([self.threads.row_of.get(thread, -1) if thread is not None else -1
                                for thread in self.stories.thread], dtype=np.int64)
        united: dict[int, int] = {}
        for gone, keep in absorbed.items():  # two stories merged: one event, so one topic
            one, other = thread_rows[gone], thread_rows[keep]
            if one < 0 or one == other:
                continue
            if other < 0:
                thread_rows[keep] = one
                continue
            older, newer = sorted((int(one), int(other)), key=lambda row: self._age(row))
            united = {gone_thread: older if kept == newer else kept for gone_thread, kept in united.items()}
            united[newer] = older
            thread_rows[thread_rows == newer] = older
        if united:
            self.threads.fold(united)
        threaded = [(i, int(thread_rows[row])) for i, row in enumerate(rows) if thread_rows[row] >= 0]
        self.threads.add_to([thread for _, thread in threaded], vectors[[i for i, _ in threaded]])
        unthreaded = sorted(row for row in touched if thread_rows[row] < 0)  # new stories
        threads_before = len(self.threads)
        if unthreaded:
            thread_rows[unthreaded] = self.threads.assign(
                self.stories.centroids[unthreaded], self.stories.norm2[unthreaded], self.stories.sizes[unthreaded],
                self.stories.last_day[unthreaded], self.config.thread_threshold, self.thread_window)
        report.new_threads += len(self.threads) - threads_before
        for row in touched:
            self.threads.seen(thread_rows[row], self.stories.first_seen[row], self.stories.first_day[row])
            self.threads.seen(thread_rows[row], self.stories.last_seen[row], self.stories.last_day[row])
        changed = {int(thread_rows[row]) for row in touched} | set(united.values())
        merged = self.threads.merge_close(changed, self.config.thread_merge, self.thread_window)
        for gone, keep in merged.items():
            thread_rows[thread_rows == gone] = keep
        for gone, keep in united.items():
            united[gone] = merged.get(keep, keep)
        absorbed_threads = united | merged
        report.merged_threads += len(absorbed_threads)
        return thread_rows.tolist(), absorbed_threads

    def _split(self, threads: set[int], thread_rows: list[int], absorbed: dict[int, int],
               report: AddReport) -> tuple[list[int], set[int], list[int]]:
        """Cluster the stories of each of ``threads`` again by average linkage (``thread_merge``), and split
        off the groups that fell apart into threads of their own: a thread joined early by a story of
        another topic, before that topic had stories of its own to draw it, gives it back once they came.
        The closed stories of these threads (``absorbed``: thread rows merged away in this chunk, with
        their survivors) are read from the store as story rows. Returns the thread row of each story row,
        the story rows to save again (those of split threads) and the rows read."""
        held = {thread: row for row in threads if (thread := self.threads.ids[row]) is not None}  # stored id -> row
        held |= {thread: keep for gone, keep in absorbed.items() if keep in threads and (thread := self.threads.ids[gone]) is not None}
        closed: dict[int, list[int]] = {row: [] for row in threads}  # thread row -> its stories not in memory
        for thread, row in held.items():
            closed[row] += [story for story in self.store.thread_stories(thread) if story not in self.stories.row_of]
        rows = np.array(thread_rows, dtype=np.int64)
        in_memory = np.bincount(rows[(rows >= 0) & (self.stories.sizes > 0)], minlength=len(self.threads))
        checked = [row for row in sorted(threads) if 1 < in_memory[row] + len(closed[row]) <= SPLIT_MAX]
        thread_of = {story: row for row in checked for story in closed[row]}
        first_read = len(self.stories)
        stored = self.store.stories(ids=list(thread_of))
        self.stories.load(stored, self._matrix)
        rows = np.append(rows, [thread_of[story.id] for story in stored]).astype(np.int64)
        resave: set[int] = set()
        for thread in checked:
            members = np.flatnonzero((rows == thread) & (self.stories.sizes > 0))
            parent = average_linkage(self.stories.centroids[members], self.stories.sizes[members],
                                     self.stories.first_day[members], self.stories.last_day[members], members,
                                     self.config.thread_merge, self.thread_window)
            if (parent == parent[0]).all():
                continue
            parts = sorted((members[parent == root] for root in np.unique(parent)),
                           key=lambda part: -self.stories.sizes[part].sum())  # the largest keeps the thread
            for made, part in zip(self.threads.split(thread, parts, self.stories), parts[1:]):
                rows[part] = made
            resave.update(members.tolist())
            report.new_threads += len(parts) - 1
        return rows.tolist(), resave, list(range(first_read, len(self.stories)))

    def _age(self, thread_row: int) -> int:
        """Sort key of a thread row by age: its id (rows made in this transaction are the newest, in order made)."""
        thread = self.threads.ids[thread_row]
        return thread if thread is not None else np.iinfo(np.int64).max // 2 + thread_row

    def _find_copies(self, documents: list[Document], signatures: np.ndarray,
                     keys: np.ndarray) -> tuple[list[str | None], dict[str, int]]:
        """The article each one is a near-identical copy of (None for none), and the story row of each
        stored original.

        An original is an earlier article, stored or before it in the chunk and itself no copy, that
        shares a band key with it and whose signature agrees with its own on at least ``duplicate`` of
        the hashes; of several, the one with the smallest id.
        """
        stored = self._stored_originals(keys)
        in_chunk: dict[int, list[int]] = {}  # band key -> chunk articles that hold it and are no copies
        originals: list[str | None] = []
        story_of: dict[str, int] = {}  # stored original -> its story
        for i, (signature, article_keys) in enumerate(zip(signatures, keys.tolist())):
            earlier: dict[str, tuple[int | None, np.ndarray]] = {article: (story, values) for key in article_keys for article, story, values in stored.get(key, ())}
            earlier |= {documents[j].id: (None, signatures[j]) for key in article_keys for j in in_chunk.get(key, ())}
            copies = sorted(article for article, (_, values) in earlier.items()
                            if fingerprint.jaccard(signature, values) >= self.config.duplicate)
            originals.append(copies[0] if copies else None)
            if not copies:
                for key in article_keys:
                    in_chunk.setdefault(key, []).append(i)
            elif (story := earlier[copies[0]][0]) is not None:
                story_of[copies[0]] = story
        self.stories.load(self.store.stories(ids=sorted(set(story_of.values()) - set(self.stories.row_of))), self._matrix)  # closed ones
        return originals, {article: self.stories.row_of[story] for article, story in story_of.items()}

    def _stored_originals(self, keys: np.ndarray) -> dict[int, list[tuple[str, int, np.ndarray]]]:
        """band key -> (id, story, signature) of each stored article that holds the key and is no copy."""
        matches = self.store.band_matches(np.unique(keys).tolist())
        articles = {seq: (article, story, fingerprint.unpack(blob)) for seq, article, story, blob in
                    self.store.fingerprints(sorted({seq for _, seq in matches}))}
        found: dict[int, list[tuple[str, int, np.ndarray]]] = {}
        for key, seq in matches:
            found.setdefault(key, []).append(articles[seq])
        return found

    def _vectors(self, articles: list[tuple[Document, str]], word_counts: list[Counter[str]]) -> sparse.csr_matrix:
        """``article_vectors`` over the store's vocabulary, which grows with the new terms (their ids
        claimed in the store)."""
        vectors, _ = article_vectors(articles, self.terms, word_counts, claim=self.store.claim_terms)
        self._widen(vectors.shape[1])
        vectors.resize((vectors.shape[0], self.columns))
        return vectors
