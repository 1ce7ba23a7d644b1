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
    _, offsets = blingfire.text_to_sentences_and_offsets(chunk)
    spans: list[tuple[int, int]] = []
    for a, b in offsets:
        piece = chunk[a:b]
        if spans and piece[:1].islower():
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return [(start + a, start + b) for a, b in spans]


def segment(doc: int, text: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    """The sentences of one document, numbered in reading order, from its kept paragraph spans."""
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(paragraphs):
        for a, b in split_sentences(text, start, end):
            sentences.append(Sentence(doc, len(sentences), a, b, text[a:b], number))
    return sentences
