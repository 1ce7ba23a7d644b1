"""Follow stories: group a feed of articles into stories, incrementally, and spot syndicated copies.

Each article is a unit tf-idf vector over the stemmed content words of its title (twice), text and
names, with each word's rarity in general English as its idf; a story is the sum of its articles'
vectors. An article joins the story whose centroid is most similar to it (cosine at least
``threshold``, and last seen within ``window_days`` when dates are known), else it starts a new story.
After each chunk, stories whose articles have come to be ``merge`` similar to each other on average
(average linkage: the mean cosine over pairs of their articles; the closest pair first, the older story
absorbing the newer) become one, so a story told from several angles ends up whole without big stories
swallowing their neighbours. A near-identical copy of an article already stored (MinHash estimate of
word 5-gram Jaccard at least ``duplicate``) joins that article's story as evidence of coverage and
leaves the story's vector alone; the candidates for it are found by their MinHash band keys, which the
store indexes, so neither signatures nor article ids are held in memory.

Articles are processed in chunks; inside a chunk all similarities come from matrix products (against
the stories in memory a block of BLOCK rows at a time, so memory stays bounded), so the cost per article
stays low, and each chunk is stored in one transaction, so a killed run loses only its current chunk
and resumes without counting anything twice. Only open stories are read into memory: a story last
seen more than ``window_days`` before a chunk's earliest article can take none of its articles, so it
is closed (no article joins it and no story merges with it, except a copy of one of its articles), and
a dated feed costs the same per article however long it has been followed.

Several trackers, in several processes, may add to one store at once. What needs no store (cleaning,
words, fingerprints) is done before a chunk's write transaction; the chunk is placed and stored inside
it, with the write lock held, after the tracker has brought its memory up to date with what other
writers committed since its last transaction (new terms; stories they created, changed or merged away)
and has dropped the articles they stored meanwhile. New term and story ids are claimed from the store
in that transaction. Should a transaction fail, the tracker forgets what it held and reads it again in
the next one.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHashLSH
from scipy import sparse

from ..model import Document
from ..text.clean import clean_spans
from ..text.patterns import NAME_IN_SENTENCE
from ..text.tokens import stem, stem_frequencies, surface_words
from ..text.vectors import dense, tfidf
from . import fingerprint
from .config import TrackerConfig
from .store import Store, StoredStory

BLOCK = 128  # articles or stories compared with every story in memory at once (bounds the memory used)
TEXT_CHARS = 4000


REFUSED = "no prose"


@dataclass
class AddReport:
    added: int = 0
    skipped: int = 0  # stored already (by an earlier run, another process, or earlier in this feed)
    duplicates: int = 0
    new_stories: int = 0
    merged: int = 0
    refused: list[str] = field(default_factory=list)  # ids of pages without prose, refused for the first time
    refused_before: list[str] = field(default_factory=list)  # and those an earlier run refused already

    def count(self, other: AddReport) -> None:
        """Add the counts of ``other`` (one chunk's) to these."""
        for name in ("added", "skipped", "duplicates", "new_stories", "merged"):
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


def _days(date: str | None) -> float:
    """Days since the epoch of an ISO-like date, or NaN when there is none or it cannot be read."""
    if not date:
        return np.nan
    try:
        from dateutil import parser

        moment = parser.parse(date)
    except (ValueError, OverflowError):
        return np.nan
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp() / 86400


def prose(document: Document) -> str:
    """The prose paragraphs (junk removed) of an article's first TEXT_CHARS characters."""
    return " ".join(document.text[a:b] for a, b in clean_spans(document.text[:TEXT_CHARS]))


def story_words(document: Document, prose: str) -> list[str]:
    """The words that tell what an article is about: its title twice, its ``prose``, and its names again
    (capitalized words inside sentences), as lower-cased content words."""
    names = " ".join(NAME_IN_SENTENCE.findall(prose))
    return surface_words(f"{document.title} {document.title} {prose} {names}")


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

    The idf is a term's rarity in general English (minus the log of its wordfreq frequency), not in
    the store: an article's vector is the same whether it comes first or after a million others.
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
    idf = np.zeros(width)
    for term, frequency in stem_frequencies(column).items():
        idf[terms[term]] = -np.log(frequency)
    rows = np.repeat(np.arange(len(articles)), [len(words) for words in word_counts])
    columns = np.fromiter((column[w] for words in word_counts for w in words), dtype=np.int64, count=len(rows))
    counts = np.fromiter((n for words in word_counts for n in words.values()), dtype=float, count=len(rows))
    matrix = sparse.csr_matrix((counts, (rows, columns)), shape=(len(articles), width))  # sums a stem's words
    return tfidf(matrix, idf), new_terms


class StoryTracker:
    """Assigns articles to stories in a Store. Stories are kept as rows; the store knows them by id (a row
    made in the current transaction has none until the story is saved)."""

    def __init__(self, store: Store, config: TrackerConfig | None = None, **settings: Any):
        self.config = (config or TrackerConfig()).replace(**settings)
        self.store = store
        self.bands = _lsh_bands(self.config.duplicate)
        store.index_bands(*self.bands)
        self._forget()

    def _forget(self) -> None:
        """Hold nothing in memory: the vocabulary and stories are (re)read inside the next transaction."""
        self.stale = True  # memory may not match the store: read it all again before using it
        self.generation = -1  # of the store's last write transaction that memory reflects
        self.terms: dict[str, int] = {}
        self.columns = 0  # width of the story vectors: the largest term id + 1
        self.story_ids: list[int | None] = []  # the stories in memory, one row each
        self.row_of_story: dict[int, int] = {}
        self.first_seen: list[str | None] = []
        self.last_seen: list[str | None] = []
        self.first_day, self.last_day = np.zeros(0), np.zeros(0)  # NaN when unknown
        self.norm2, self.sizes = np.zeros(0), np.zeros(0)
        self.centroids = sparse.csr_matrix((0, 0))
        self.open_since = np.inf  # every stored story last seen on or after this day is in memory

    def _sync(self) -> None:
        """Inside a write transaction: bring memory up to date with the store. Terms other writers added
        join the vocabulary; stories they created, changed or merged away since this tracker's last
        transaction are dropped from memory and read again (when they still exist and are open)."""
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
        changed = self.store.stories(changed_since=self.generation)
        gone = {story for story, _ in self.store.merges_since(self.generation)} | {story.id for story in changed}
        held = set(self.row_of_story)
        self._drop([self.row_of_story[story] for story in gone & held])
        self._load([story for story in changed
                    if story.id in held or not story.last_day < self.open_since])  # open ones, and undated ones
        self.generation = generation

    def _widen(self, columns: int) -> None:
        """Make the story vectors ``columns`` wide (never narrower)."""
        self.columns = max(self.columns, columns)
        self.centroids.resize((self.centroids.shape[0], self.columns))

    def _drop(self, rows: Iterable[int]) -> None:
        """Take rows out of memory (stories that changed in the store, or were merged away)."""
        keep = np.ones(len(self.story_ids), dtype=bool)
        keep[list(rows)] = False
        if keep.all():
            return
        self.story_ids = [story for story, kept in zip(self.story_ids, keep) if kept]
        self.first_seen = [date for date, kept in zip(self.first_seen, keep) if kept]
        self.last_seen = [date for date, kept in zip(self.last_seen, keep) if kept]
        self.first_day, self.last_day = self.first_day[keep], self.last_day[keep]
        self.norm2, self.sizes = self.norm2[keep], self.sizes[keep]
        self.centroids = sparse.csr_matrix(self.centroids[np.flatnonzero(keep)])
        self.row_of_story = {story: row for row, story in enumerate(self.story_ids) if story is not None}

    def _load(self, stories: list[StoredStory]) -> None:
        """Take stored stories into memory as new rows (a story already in memory is left as it is)."""
        stories = [story for story in stories if story.id not in self.row_of_story]
        for story in stories:
            self.row_of_story[story.id] = len(self.story_ids)
            self.story_ids.append(story.id)
            self.first_seen.append(story.first_seen)
            self.last_seen.append(story.last_seen)
        self.first_day = np.append(self.first_day, [_days(story.first_seen) for story in stories])
        self.last_day = np.append(self.last_day, [_days(story.last_seen) for story in stories])
        self.norm2 = np.append(self.norm2, [story.norm2 for story in stories])
        self.sizes = np.append(self.sizes, [story.size for story in stories])
        self.centroids = sparse.vstack([self.centroids, self._matrix([(s.terms, s.weights) for s in stories])], format="csr")

    def _load_open(self, days: np.ndarray) -> None:
        """Load the stories that articles of these ``days`` may join or merge with: those last seen at most
        ``window_days`` before the earliest of them (every story, when one is undated) and undated ones.
        Older stories are closed: they take no more articles, and no story merges with them."""
        if not len(days):
            return
        since = -np.inf if np.isnan(days).any() else days.min() - self.config.window_days
        if since < self.open_since:
            self._load(self.store.stories(since, self.open_since))
            self.open_since = since

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
        """Inside the write transaction: place the chunk's articles and save them and their stories."""
        documents = [document for document, _ in pending]
        generation = self.store.next_generation()
        originals, row_of = self._find_copies(documents, signatures, keys)
        fresh = [i for i, original in enumerate(originals) if original is None]
        rows, absorbed = self._place([pending[i] for i in fresh], [word_counts[i] for i in fresh], report)
        row_of |= {documents[i].id: row for i, row in zip(fresh, rows)}
        row_of = {article: absorbed.get(row, row) for article, row in row_of.items()}
        touched = set(row_of.values()) | set(absorbed.values())
        for gone, keep in absorbed.items():
            if (gone_id := self.story_ids[gone]) is not None:  # a story made in this chunk was never saved
                self.store.merge_story(gone_id, self._story_id(keep), generation)
        for document, original in zip(documents, originals):
            if original is not None:
                self._seen(row_of[original], document.published, _days(document.published))
        for row in sorted(touched):
            self._save_story(row, generation)
        for document, signature, article_keys, original in zip(documents, signatures, keys, originals):
            row = row_of[original or document.id]
            self.store.add_article(document.id, self._story_id(row), document, original,
                                   fingerprint.pack(signature), () if original else article_keys)
            report.added += 1
            report.duplicates += original is not None
        self.store.unrefuse([document.id for document in documents])
        self._drop(absorbed)
        self.generation = generation

    def _story_id(self, row: int) -> int:
        story = self.story_ids[row]
        assert story is not None, "a story is saved before its articles"
        return story

    def _place(self, articles: list[tuple[Document, str]], word_counts: list[Counter[str]],
               report: AddReport) -> tuple[list[int], dict[int, int]]:
        """Assign articles that are no copies to stories, then merge the stories that came close; the
        story row of each article (before merging), and the absorbed story rows with their survivors."""
        days = np.array([_days(document.published) for document, _ in articles])
        self._load_open(days)
        stories_before = len(self.story_ids)
        vectors = self._vectors(articles, word_counts)
        rows = self._assign(vectors, days)
        report.new_stories += len(self.story_ids) - stories_before
        for (document, _), row, day in zip(articles, rows, days):
            self._seen(row, document.published, day)
        absorbed = self._merge_close(set(rows))
        report.merged += len(absorbed)
        return rows, absorbed

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
        self._load(self.store.stories(ids=sorted(set(story_of.values()) - set(self.row_of_story))))  # closed ones
        return originals, {article: self.row_of_story[story] for article, story in story_of.items()}

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

    def _assign(self, vectors: sparse.csr_matrix, days: np.ndarray) -> list[int]:
        """Story row of each article, in order, creating stories on the way.

        An article's similarity to a story is the dot product of its vector with the story's sum of
        vectors over that sum's length; both are kept up to date article by article from the two
        products below, so the result is that of adding the articles one at a time.
        """
        n_old, n_new = self.centroids.shape[0], len(days)
        to_each_other = (vectors @ vectors.T).toarray()
        norm2 = np.concatenate([self.norm2, np.zeros(n_new)])
        last = np.concatenate([self.last_day, np.full(n_new, np.nan)])
        rows: list[int] = []
        live = n_old
        for i in range(n_new):
            if i % BLOCK == 0:  # similarities to the stored stories, a block of articles at a time
                to_old = dense(vectors[i:i + BLOCK] @ self.centroids.T)
            dots = np.concatenate([to_old[i % BLOCK], np.zeros(n_new)])
            if rows:
                dots += np.bincount(rows, weights=to_each_other[i, :i], minlength=len(dots))
            similarity = dots[:live] / np.sqrt(np.maximum(norm2[:live], 1e-12))
            similarity[np.abs(last[:live] - days[i]) > self.config.window_days] = -1.0
            best = int(np.argmax(similarity)) if live else -1
            if best < 0 or similarity[best] < self.config.threshold:
                best, live = live, live + 1
                self.story_ids.append(None)  # its id comes when it is saved
                self.first_seen.append(None)
                self.last_seen.append(None)
            norm2[best] += 2 * dots[best] + 1.0
            last[best] = np.nanmax([last[best], days[i]]) if not np.isnan(days[i]) else last[best]
            rows.append(best)
        self.norm2 = norm2[:live]
        unknown = np.full(live - n_old, np.nan)
        self.first_day, self.last_day = np.append(self.first_day, unknown), np.append(self.last_day, unknown)
        self.sizes = np.bincount(rows, minlength=live) + np.concatenate([self.sizes, np.zeros(live - n_old)])
        joined = sparse.csr_matrix((np.ones(n_new), (rows, np.arange(n_new))), shape=(live, n_new))
        self.centroids.resize((live, self.columns))
        self.centroids = sparse.csr_matrix(self.centroids + joined @ vectors)
        return rows

    def _merge_close(self, touched: set[int]) -> dict[int, int]:
        """Merge stories while a touched one is ``merge`` similar to another; absorbed row -> surviving row.

        Works on the Gram matrix of the stories involved (sums of article vectors: entry a, b is the sum
        of cosines over pairs of their articles), where merging two stories is adding their rows and
        columns; an absorbed row is left empty and never matches again.
        """
        rows = np.array(sorted(touched))
        if not len(rows):
            return {}
        close = [rows]
        for start in range(0, len(rows), BLOCK):
            block = rows[start:start + BLOCK]
            linkage = dense(self.centroids[block] @ self.centroids.T) / np.outer(self.sizes[block], np.maximum(self.sizes, 1))
            close.append(np.flatnonzero(((linkage >= self.config.merge) & (self.sizes > 0)).any(axis=0)))
        group = np.unique(np.concatenate(close))
        gram = dense(self.centroids[group] @ self.centroids[group].T)
        sizes = self.sizes[group].copy()
        first, last = self.first_day[group], self.last_day[group]
        alive = np.ones(len(group), dtype=bool)
        parent = np.arange(len(group))
        new = np.iinfo(np.int64).max // 2  # stories made in this chunk are the newest, in the order made
        age = [story if (story := self.story_ids[row]) is not None else new + int(row) for row in group]
        while True:
            linkage = gram / np.outer(sizes, sizes)
            linkage[~alive] = linkage[:, ~alive] = -1.0
            linkage[np.maximum.outer(first, first) - np.minimum.outer(last, last) > self.config.window_days] = -1.0
            np.fill_diagonal(linkage, -1.0)
            keep, gone = sorted(np.unravel_index(np.argmax(linkage), linkage.shape), key=lambda g: age[g])
            if linkage[keep, gone] < self.config.merge:
                break
            gram[keep] += gram[gone]
            gram[:, keep] += gram[:, gone]
            sizes[keep] += sizes[gone]
            first[keep], last[keep] = np.fmin(first[keep], first[gone]), np.fmax(last[keep], last[gone])
            alive[gone] = False
            parent[parent == gone] = keep
        absorbed = {int(group[g]): int(group[parent[g]]) for g in np.flatnonzero(~alive)}
        if absorbed:
            self._fold(absorbed)
        return absorbed

    def _fold(self, absorbed: dict[int, int]) -> None:
        """Add each absorbed story's centroid, size, norm and dates into its survivor's, and empty it."""
        n = len(self.story_ids)
        target = np.arange(n)
        target[list(absorbed)] = list(absorbed.values())
        into = sparse.csr_matrix((np.ones(n), (target, np.arange(n))), shape=(n, n))
        self.centroids = sparse.csr_matrix(into @ self.centroids)
        self.sizes = into @ self.sizes
        self.norm2 = np.asarray(self.centroids.multiply(self.centroids).sum(axis=1)).ravel()
        for gone, keep in absorbed.items():
            self._seen(keep, self.first_seen[gone], self.first_day[gone])
            self._seen(keep, self.last_seen[gone], self.last_day[gone])

    def _seen(self, row: int, published: str | None, day: float) -> None:
        """Widen a story's first/last seen dates to include ``published`` (``day`` in days, NaN if unknown)."""
        if np.isnan(day):
            return
        if not day >= self.first_day[row]:
            self.first_seen[row], self.first_day[row] = published, day
        if not day <= self.last_day[row]:
            self.last_seen[row], self.last_day[row] = published, day

    def _save_story(self, row: int, generation: int) -> None:
        """Save a story of memory; a new one gets its id from the store."""
        centroid = self.centroids.getrow(row)
        story = self.store.save_story(self.story_ids[row], self.first_seen[row], self.last_seen[row], self.last_day[row],
                                      float(self.norm2[row]), centroid.indices, centroid.data, generation)
        self.story_ids[row] = story
        self.row_of_story[story] = row
