"""Fingerprints for near-identical articles: MinHash signatures (datasketch) of word 5-gram sets.

A text's 5-grams are hashed with numpy rather than one sha1 call per 5-gram: a word's hash is the sum
of one random key per (byte, place in the word) in 64-bit arithmetic (tabulation hashing), five words'
hashes are combined by a polynomial and folded to 32 bits. datasketch mixes and permutes these hashes
as it would its own.

For lookup, a signature is cut into bands of rows (as datasketch's MinHashLSH does) and each band is
folded into one 63-bit key: two texts that share any key are candidates, checked by their Jaccard
estimate. Keys are integers so a store can index them.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
SCHEME = "affine32"
SHINGLE = 5
VERSION = 2  # bump when signatures change: stored ones are then recomputed from the stored texts
PLACES = 64  # a byte's key depends on its place in the word, modulo PLACES
_BASE = np.uint64(0x9E3779B97F4A7C15)  # odd, so the polynomial keeps every word's bits
_SPACE = np.zeros(256, dtype=bool)
_SPACE[list(b" \t\n\r\x0b\x0c")] = True


def _splitmix64(numbers: np.ndarray) -> np.ndarray:
    """Well-mixed 64-bit values from consecutive integers (SplitMix64's output function): fixed keys."""
    z = (numbers.astype(np.uint64) + np.uint64(1)) * _BASE
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


_KEYS = _splitmix64(np.arange(256 * PLACES)).reshape(PLACES, 256)


def word_hashes(text: str) -> np.ndarray:
    """A 64-bit hash of each lower-cased, whitespace-separated word of the text, in order."""
    data = np.frombuffer(text.lower().encode(), dtype=np.uint8)
    in_word = ~_SPACE[data]
    if not in_word.any():
        return np.zeros(0, dtype=np.uint64)
    starts_word = in_word & ~np.concatenate([[False], in_word[:-1]])
    letters = data[in_word]
    firsts = np.flatnonzero(starts_word[in_word])
    place = np.arange(len(letters)) - np.repeat(firsts, np.diff(np.append(firsts, len(letters))))
    return np.add.reduceat(_KEYS[place % PLACES, letters], firsts)


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the text's lower-cased word 5-grams (the whole text is one 5-gram when shorter)."""
    words = word_hashes(text)
    width = min(SHINGLE, len(words))
    windows = len(words) - width + 1
    combined = np.zeros(windows, dtype=np.uint64)
    for offset in range(width):
        combined = combined * _BASE + words[offset:offset + windows]
    return (combined >> np.uint64(32)) ^ (combined & np.uint64(0xFFFFFFFF))


def signature(text: str | None = None, hashvalues: np.ndarray | None = None) -> MinHash:
    """The MinHash of a text's word 5-grams, or one rebuilt from its stored ``hashvalues``."""
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=int, hashvalues=hashvalues,
                      permutations=_permutations())
    if text is not None:
        minhash.update_batch(shingle_hashes(text).tolist())
    return minhash


def pack(hashvalues: np.ndarray) -> bytes:
    """A signature's hash values as stored."""
    return hashvalues.astype(np.uint64).tobytes()


def unpack(blob: bytes) -> np.ndarray:
    """The hash values of a stored signature."""
    return np.frombuffer(blob, dtype=np.uint64)


def to_bytes(minhash: MinHash) -> bytes:
    return pack(minhash.hashvalues)


def from_bytes(blob: bytes) -> MinHash:
    return signature(hashvalues=unpack(blob))


def band_keys(hashvalues: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """The ``bands`` lookup keys (63-bit integers) of each signature, given as rows of ``hashvalues``."""
    values = np.atleast_2d(hashvalues)[:, : bands * rows].astype(np.uint64).reshape(-1, bands, rows)
    combined = np.broadcast_to(_splitmix64(np.arange(bands)), values.shape[:2]).copy()  # one seed per band
    for row in range(rows):
        combined = combined * _BASE + values[:, :, row]
    return (combined >> np.uint64(1)).astype(np.int64)


def jaccard(one: np.ndarray, other: np.ndarray) -> float:
    """The Jaccard estimate of two signatures given by their hash values (as MinHash.jaccard gives it)."""
    return float(np.mean(one == other))


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    """The hash permutations every signature shares (made once: datasketch would redo them per signature)."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations
