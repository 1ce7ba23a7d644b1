"""The prose sentences of articles: what a summary, a quote or a timeline may be made of."""

from __future__ import annotations

import re

from ..model import Document, Sentence
from .clean import clean_spans, is_heading, is_junk, is_truncated
from .segment import has_open_quote, segment

QUESTION = re.compile(r"\?['\"”’)]*\s*$")
QUOTE_MARK = re.compile(r"[\"“”]|(^|\s)[‘']")
MIN_WORDS = 6
MAX_WORDS = 80


def prose_sentences(documents: list[Document], min_words: int = MIN_WORDS, max_words: int = MAX_WORDS) -> list[Sentence]:
    """Prose sentences of every document, in reading order: junk, headings, pieces of quotes, cut-off
    teasers, questions the article asks (subheads, video titles, teasers; a quoted question stays),
    sentences under ``min_words`` words and run-ons over ``max_words`` left out.

    A sentence that is a whole paragraph was already checked for junk by the cleaner.
    """
    result = []
    for number, document in enumerate(documents):
        paragraphs = clean_spans(document.text)
        for sentence in segment(number, document.text, paragraphs):
            text = sentence.text
            whole_paragraph = paragraphs[sentence.paragraph] == (sentence.start, sentence.end)
            if min_words <= len(text.split()) <= max_words and not (
                has_open_quote(text) or is_heading(text) or is_truncated(text) or is_question(text)
                or (not whole_paragraph and is_junk(text))
            ):
                result.append(sentence)
    return result


def is_question(sentence: str) -> bool:
    """True for a question the article itself asks, not one it quotes."""
    return bool(QUESTION.search(sentence)) and not QUOTE_MARK.search(sentence)
