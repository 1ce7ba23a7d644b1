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
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable
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


@dataclass
class AddReport:
    added: int = 0
    skipped: int = 0
    duplicates: int = 0
    new_stories: int = 0
    merged: int = 0
    refused: list[str] = field(default_factory=list)  # ids of pages without prose


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


def article_vectors(articles: list[tuple[Document, str]], terms: dict[str, int]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Unit tf-idf rows of the articles (each with its ``prose``) over ``terms`` (stem -> column), and the
    terms they added to it (with their columns).

    The idf is a term's rarity in general English (minus the log of its wordfreq frequency), not in
    the store: an article's vector is the same whether it comes first or after a million others.
    """
    word_counts = [Counter(story_words(document, text)) for document, text in articles]
    new_terms: dict[str, int] = {}
    column: dict[str, int] = {}  # word -> id of its stem, new stems numbered in order of appearance
    for words in word_counts:
        for word in words:
            if word not in column:
                term = stem(word)
                if term not in terms:
                    terms[term] = new_terms[term] = len(terms)
                column[word] = terms[term]
    idf = np.zeros(len(terms))
    for term, frequency in stem_frequencies(column).items():
        idf[terms[term]] = -np.log(frequency)
    rows = np.repeat(np.arange(len(articles)), [len(words) for words in word_counts])
    columns = np.fromiter((column[w] for words in word_counts for w in words), dtype=np.int64, count=len(rows))
    counts = np.fromiter((n for words in word_counts for n in words.values()), dtype=float, count=len(rows))
    matrix = sparse.csr_matrix((counts, (rows, columns)), shape=(len(articles), len(terms)))  # sums a stem's words
    return tfidf(matrix, idf), new_terms


class StoryTracker:
    """Assigns articles to stories in a Store. Stories are kept as rows; the store knows them by id."""

    def __init__(self, store: Store, config: TrackerConfig | None = None, **settings: Any):
        self.config = (config or TrackerConfig()).replace(**settings)
        self.store = store
        self.terms = store.terms()
        self.story_ids: list[int] = []  # the stories in memory, one row each
        self.row_of_story: dict[int, int] = {}
        self.first_seen: list[str | None] = []
        self.last_seen: list[str | None] = []
        self.first_day, self.last_day = np.zeros(0), np.zeros(0)  # NaN when unknown
        self.norm2, self.sizes = np.zeros(0), np.zeros(0)
        self.centroids = sparse.csr_matrix((0, len(self.terms)))
        self.open_since = np.inf  # every stored story last seen on or after this day is in memory
        self.next_story = store.next_story_id()
        self.bands = _lsh_bands(self.config.duplicate)
        store.index_bands(*self.bands)

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
        return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), len(self.terms)))

    def add(self, documents: Iterable[Document]) -> AddReport:
        """Store and assign every article not stored yet (by id), chunk by chunk. A page without prose
        (an error page, a bare video or social-media widget) is no article: it is refused, not stored."""
        report = AddReport()
        pending: list[tuple[Document, str]] = []
        taken: set[str] = set()  # ids placed by this call
        for batch in _batches(documents, self.config.chunk):
            stored = self.store.stored_ids([document.id for document in batch])
            for document in batch:
                if document.id in stored or document.id in taken:
                    report.skipped += 1
                    continue
                text = prose(document)
                if not text.strip():
                    report.refused.append(document.id)
                    continue
                taken.add(document.id)
                pending.append((document, text))
                if len(pending) >= self.config.chunk:
                    self._add_chunk(pending, report)
                    pending = []
        if pending:
            self._add_chunk(pending, report)
        return report

    def _add_chunk(self, pending: list[tuple[Document, str]], report: AddReport) -> None:
        """Place a chunk of articles (copies with their originals, the rest by similarity) and store it."""
        documents = [document for document, _ in pending]
        signatures = np.stack([fingerprint.signature(d.text).hashvalues for d in documents])
        keys = fingerprint.band_keys(signatures, *self.bands)
        originals, row_of = self._find_copies(documents, signatures, keys)
        fresh = [pending[i] for i, original in enumerate(originals) if original is None]
        rows, new_terms, absorbed = self._place(fresh, report)
        row_of |= {document.id: row for (document, _), row in zip(fresh, rows)}
        row_of = {article: absorbed.get(row, row) for article, row in row_of.items()}
        touched = set(row_of.values()) | set(absorbed.values())
        with self.store.db:
            for gone, keep in absorbed.items():
                self.store.merge_story(self.story_ids[gone], self.story_ids[keep])
            for document, signature, article_keys, original in zip(documents, signatures, keys, originals):
                row = row_of[original or document.id]
                self.store.add_article(document.id, self.story_ids[row], document, original,
                                       fingerprint.pack(signature), () if original else article_keys)
                if original is not None:
                    self._seen(row, document.published, _days(document.published))
                report.added += 1
                report.duplicates += original is not None
            self.store.save_terms(new_terms)
            for row in touched:
                self._save_story(row)

    def _place(self, articles: list[tuple[Document, str]], report: AddReport) -> tuple[list[int], dict[str, int], dict[int, int]]:
        """Assign articles that are no copies to stories, then merge the stories that came close; the
        story row of each article (before merging), the terms new to the vocabulary, and the absorbed
        story rows with their survivors."""
        days = np.array([_days(document.published) for document, _ in articles])
        self._load_open(days)
        stories_before = len(self.story_ids)
        vectors, new_terms = self._vectors(articles)
        rows = self._assign(vectors, days)
        report.new_stories += len(self.story_ids) - stories_before
        for (document, _), row, day in zip(articles, rows, days):
            self._seen(row, document.published, day)
        absorbed = self._merge_close(set(rows))
        report.merged += len(absorbed)
        return rows, new_terms, absorbed

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

    def _vectors(self, articles: list[tuple[Document, str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
        """``article_vectors`` over the store's vocabulary, which grows with the new terms."""
        vectors, new_terms = article_vectors(articles, self.terms)
        self.centroids.resize((self.centroids.shape[0], len(self.terms)))
        return vectors, new_terms

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
                self.story_ids.append(self.next_story)
                self.row_of_story[self.next_story] = best
                self.next_story += 1
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
        self.centroids.resize((live, len(self.terms)))
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
        while True:
            linkage = gram / np.outer(sizes, sizes)
            linkage[~alive] = linkage[:, ~alive] = -1.0
            linkage[np.maximum.outer(first, first) - np.minimum.outer(last, last) > self.config.window_days] = -1.0
            np.fill_diagonal(linkage, -1.0)
            keep, gone = sorted(np.unravel_index(np.argmax(linkage), linkage.shape))
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

    def _save_story(self, row: int) -> None:
        centroid = self.centroids.getrow(row)
        self.store.save_story(self.story_ids[row], self.first_seen[row], self.last_seen[row], self.last_day[row],
                              float(self.norm2[row]), centroid.indices, centroid.data)
