"""Split cleaned paragraphs into sentences with character offsets (Bling Fire, plus quote repair)."""

from __future__ import annotations

import blingfire

from .model import Sentence


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``, as offsets into ``text``.

    Bling Fire splits after a quoted exclamation or question ("Run!" she said.); a piece that
    starts in lower case is joined back to the sentence before it.
    """
    chunk = text[start:end]
    if not chunk.strip():
        return []
    spans: list[tuple[int, int]] = []
    for a, b in _locate(chunk):
        if spans and chunk[a:b][:1].islower():
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return [(start + a, start + b) for a, b in spans]


def _locate(chunk: str) -> list[tuple[int, int]]:
    """Bling Fire's sentences as offsets: found in the text, or from its (slower) offset function."""
    offsets, position = [], 0
    for sentence in blingfire.text_to_sentences(chunk).split("\n"):
        found = chunk.find(sentence, position)
        if found < 0:
            return blingfire.text_to_sentences_and_offsets(chunk)[1]
        offsets.append((found, found + len(sentence)))
        position = found + len(sentence)
    return offsets


def segment(doc: int, text: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    """The sentences of one document, numbered in reading order, from its kept paragraph spans."""
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(paragraphs):
        for a, b in split_sentences(text, start, end):
            sentences.append(Sentence(doc, len(sentences), a, b, text[a:b], number))
    return sentences
