"""Follow stories: group a feed of articles into stories, incrementally, and spot syndicated copies.

Each article is a unit tf-idf vector (stemmed content words of its title, twice, and text); a story is
the sum of its articles' vectors. An article joins the story whose centroid is most similar to it
(cosine at least ``threshold``, and last seen within ``window_days`` when dates are known), else it
starts a new story. After each chunk, stories whose centroids have come within cosine ``merge`` of each
other become one (centroid linkage, the closest pair first; the older story absorbs the newer), so a
broad story told from several angles ends up whole. A near-identical copy of an article already stored (MinHash estimate of word
5-gram Jaccard at least ``duplicate``) joins that article's story as evidence of coverage and leaves
the story's vector alone.

Articles are processed in chunks; inside a chunk all similarities come from two matrix products, so
the cost per article stays low, and each chunk is stored in one transaction, so a killed run loses
only its current chunk and resumes without counting anything twice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH
from scipy import sparse

from .clean import clean_spans
from .model import Document
from .store import Store
from .vectors import content_words, dense, normalize_rows

THRESHOLD = 0.2  # chosen, with MERGE, on a feed of Multi-News train + validation and the DUC 2007 update topics
MERGE = 0.35
NUM_PERM = 64
SCHEME = "affine32"
SHINGLE = 5
TEXT_CHARS = 4000
NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?: [A-Z][a-z]+)*")


@dataclass
class AddReport:
    added: int = 0
    skipped: int = 0
    duplicates: int = 0
    new_stories: int = 0
    merged: int = 0


def minhash(text: str) -> MinHash:
    words = text.lower().split()
    shingles = {" ".join(words[i:i + SHINGLE]).encode() for i in range(max(len(words) - SHINGLE + 1, 1))}
    signature = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    signature.update_batch(list(shingles))
    return signature


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
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.timestamp() / 86400


def story_words(document: Document) -> list[str]:
    """The terms that tell what an article is about: its title twice, its prose (junk removed), and its
    names again (capitalized words inside sentences), all as stemmed content words."""
    prose = " ".join(document.text[a:b] for a, b in clean_spans(document.text[:TEXT_CHARS]))
    names = " ".join(NAME.findall(prose))
    return content_words(f"{document.title} {document.title} {prose} {names}")


class StoryTracker:
    """Assigns articles to stories in a Store. Stories are kept as rows; the store knows them by id."""

    def __init__(self, store: Store, threshold: float = THRESHOLD, merge: float = MERGE, duplicate: float = 0.8,
                 window_days: float = 3.0, chunk: int = 1000):
        self.store = store
        self.threshold = threshold
        self.merge = merge
        self.duplicate = duplicate
        self.window_days = window_days
        self.chunk = chunk
        self.terms = store.terms()
        stories = store.stories()
        self.story_ids = [s[0] for s in stories]
        self.first_seen = [s[1] for s in stories]
        self.last_seen = [s[2] for s in stories]
        self.norm2 = np.array([s[3] for s in stories], dtype=float)
        self.centroids = self._matrix([(s[4], s[5]) for s in stories])
        self.known = store.article_ids()
        self.total = store.original_count()
        row_of = {story: row for row, story in enumerate(self.story_ids)}
        self.row_of_article: dict[str, int] = {}
        self.lsh = MinHashLSH(threshold=duplicate, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}
        for article_id, story, blob in store.minhashes():
            self._index(article_id, MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME,
                                                hashvalues=np.frombuffer(blob, dtype=np.uint64)))
            self.row_of_article[article_id] = row_of[story]

    def _matrix(self, rows: list[tuple[np.ndarray, np.ndarray]]) -> sparse.csr_matrix:
        indptr = np.cumsum([0] + [len(terms) for terms, _ in rows])
        indices = np.concatenate([terms for terms, _ in rows]) if rows else np.zeros(0, dtype=np.int64)
        data = np.concatenate([weights for _, weights in rows]) if rows else np.zeros(0)
        return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), len(self.terms)))

    def add(self, documents: Iterable[Document]) -> AddReport:
        """Store and assign every article not stored yet (by id), chunk by chunk."""
        report = AddReport()
        pending: list[Document] = []
        for document in documents:
            if document.id in self.known:
                report.skipped += 1
                continue
            self.known.add(document.id)
            pending.append(document)
            if len(pending) >= self.chunk:
                self._add_chunk(pending, report)
                pending = []
        if pending:
            self._add_chunk(pending, report)
        return report

    def _add_chunk(self, documents: list[Document], report: AddReport) -> None:
        signatures = [minhash(d.text) for d in documents]
        originals = []
        for document, signature in zip(documents, signatures):
            originals.append(self._find_copy(signature))
            if originals[-1] is None:
                self._index(document.id, signature)
        fresh = [i for i, original in enumerate(originals) if original is None]
        stories_before = len(self.story_ids)
        vectors, changed_terms = self._vectors([documents[i] for i in fresh])
        rows = self._assign(vectors, [_days(documents[i].published) for i in fresh])
        report.new_stories += len(self.story_ids) - stories_before
        for i, row in zip(fresh, rows):
            self.row_of_article[documents[i].id] = row
            self._seen(row, documents[i].published)
        absorbed = self._merge_close(set(rows))
        if absorbed:
            self.row_of_article = {a: absorbed.get(row, row) for a, row in self.row_of_article.items()}
        report.merged += len(absorbed)
        touched = {self.row_of_article[documents[i].id] for i in fresh} | set(absorbed.values())
        with self.store.db:
            for gone, keep in absorbed.items():
                self.store.merge_story(self.story_ids[gone], self.story_ids[keep])
            for document, signature, original in zip(documents, signatures, originals):
                row = self.row_of_article[original or document.id]
                self.row_of_article[document.id] = row
                self.store.add_article(document.id, self.story_ids[row], document, original,
                                       signature.hashvalues.astype(np.uint64).tobytes())
                if original is not None:
                    self._seen(row, document.published)
                touched.add(row)
                report.added += 1
                report.duplicates += original is not None
            self.store.save_terms({term: self.terms[term] for term in changed_terms})
            for row in touched:
                self._save_story(row)

    def _index(self, article_id: str, signature: MinHash) -> None:
        self.lsh.insert(article_id, signature)
        self.signatures[article_id] = signature

    def _find_copy(self, signature: MinHash) -> str | None:
        """An earlier article this one is a near-identical copy of, or None."""
        copies = [other for other in self.lsh.query(signature) if signature.jaccard(self.signatures[other]) >= self.duplicate]
        return min(copies) if copies else None

    def _vectors(self, documents: list[Document]) -> tuple[sparse.csr_matrix, set[str]]:
        """Unit tf-idf rows of the articles, after counting them into the document frequencies, and the
        terms whose frequencies changed."""
        token_lists = [story_words(d) for d in documents]
        changed = {term for tokens in token_lists for term in tokens}
        for tokens in token_lists:
            for term in set(tokens):
                index, df = self.terms.get(term, (len(self.terms), 0))
                self.terms[term] = (index, df + 1)
        self.total += len(documents)
        rows, cols, values = [], [], []
        for row, tokens in enumerate(token_lists):
            terms, counts = np.unique(tokens, return_counts=True)
            for term, count in zip(terms, counts):
                index, df = self.terms[term]
                rows.append(row)
                cols.append(index)
                values.append((1 + np.log(count)) * (np.log((1 + self.total) / (1 + df)) + 1))
        self.centroids.resize((self.centroids.shape[0], len(self.terms)))
        vectors = normalize_rows(sparse.csr_matrix((values, (rows, cols)), shape=(len(documents), len(self.terms))))
        return vectors, changed

    def _assign(self, vectors: sparse.csr_matrix, days: list[float]) -> list[int]:
        """Story row of each article, in order, creating stories on the way.

        An article's similarity to a story is the dot product of its vector with the story's sum of
        vectors over that sum's length; both are kept up to date article by article from the two
        products below, so the result is that of adding the articles one at a time.
        """
        n_old, n_new = self.centroids.shape[0], len(days)
        to_old = (vectors @ self.centroids.T).toarray()
        to_each_other = (vectors @ vectors.T).toarray()
        norm2 = np.concatenate([self.norm2, np.zeros(n_new)])
        last = np.array([_days(d) for d in self.last_seen] + [np.nan] * n_new)
        rows: list[int] = []
        live = n_old
        for i in range(n_new):
            dots = np.concatenate([to_old[i], np.zeros(n_new)])
            if rows:
                dots += np.bincount(rows, weights=to_each_other[i, :i], minlength=len(dots))
            similarity = dots[:live] / np.sqrt(np.maximum(norm2[:live], 1e-12))
            similarity[np.abs(last[:live] - days[i]) > self.window_days] = -1.0
            best = int(np.argmax(similarity)) if live else -1
            if best < 0 or similarity[best] < self.threshold:
                best, live = live, live + 1
                self.story_ids.append(max(self.story_ids, default=0) + 1)
                self.first_seen.append(None)
                self.last_seen.append(None)
            norm2[best] += 2 * dots[best] + 1.0
            last[best] = np.nanmax([last[best], days[i]]) if not np.isnan(days[i]) else last[best]
            rows.append(best)
        self.norm2 = norm2[:live]
        joined = sparse.csr_matrix((np.ones(n_new), (rows, np.arange(n_new))), shape=(live, n_new))
        self.centroids.resize((live, len(self.terms)))
        self.centroids = sparse.csr_matrix(self.centroids + joined @ vectors)
        return rows

    def _merge_close(self, touched: set[int]) -> dict[int, int]:
        """Merge stories while a touched one is within cosine ``merge`` of another; absorbed row -> surviving row.

        Works on the Gram matrix of the stories involved (sums of article vectors), where merging two
        stories is adding their rows and columns; an absorbed row is left empty and never matches again.
        """
        units = normalize_rows(self.centroids)
        rows = np.array(sorted(touched))
        if not len(rows):
            return {}
        close = np.flatnonzero((dense(units[rows] @ units.T) >= self.merge).any(axis=0))
        group = np.union1d(rows, close)
        gram = dense(self.centroids[group] @ self.centroids[group].T)
        first = np.array([_days(self.first_seen[g]) for g in group])
        last = np.array([_days(self.last_seen[g]) for g in group])
        alive = np.ones(len(group), dtype=bool)
        parent = np.arange(len(group))
        while True:
            norms = np.sqrt(np.maximum(np.diag(gram), 1e-12))
            cosine = gram / np.outer(norms, norms)
            cosine[~alive] = cosine[:, ~alive] = -1.0
            cosine[np.maximum.outer(first, first) - np.minimum.outer(last, last) > self.window_days] = -1.0
            np.fill_diagonal(cosine, -1.0)
            keep, gone = sorted(np.unravel_index(np.argmax(cosine), cosine.shape))
            if cosine[keep, gone] < self.merge:
                break
            gram[keep] += gram[gone]
            gram[:, keep] += gram[:, gone]
            first[keep], last[keep] = np.fmin(first[keep], first[gone]), np.fmax(last[keep], last[gone])
            alive[gone] = False
            parent[parent == gone] = keep
        absorbed = {int(group[g]): int(group[parent[g]]) for g in np.flatnonzero(~alive)}
        if absorbed:
            self._fold(absorbed)
        return absorbed

    def _fold(self, absorbed: dict[int, int]) -> None:
        """Add each absorbed story's centroid, norm and dates into its survivor's, and empty it."""
        n = len(self.story_ids)
        target = np.arange(n)
        target[list(absorbed)] = list(absorbed.values())
        self.centroids = sparse.csr_matrix(sparse.csr_matrix((np.ones(n), (target, np.arange(n))), shape=(n, n)) @ self.centroids)
        self.norm2 = np.asarray(self.centroids.multiply(self.centroids).sum(axis=1)).ravel()
        for gone, keep in absorbed.items():
            self._seen(keep, self.first_seen[gone])
            self._seen(keep, self.last_seen[gone])

    def _seen(self, row: int, published: str) -> None:
        """Widen a story's first/last seen dates to include ``published``."""
        day = _days(published)
        if np.isnan(day):
            return
        if self.first_seen[row] is None or day < _days(self.first_seen[row]):
            self.first_seen[row] = published
        if self.last_seen[row] is None or day > _days(self.last_seen[row]):
            self.last_seen[row] = published

    def _save_story(self, row: int) -> None:
        centroid = self.centroids.getrow(row)
        self.store.save_story(self.story_ids[row], self.first_seen[row], self.last_seen[row], float(self.norm2[row]),
                              centroid.indices, centroid.data)
