"""Text handling: junk removal, sentences with offsets, words and their weights.

Every function here keeps offsets into the original text; nothing rewrites it.
"""

from .clean import clean_spans, is_heading, is_junk, is_truncated, strip_dateline
from .prose import prose_sentences
from .segment import has_open_quote, segment, split_sentences
from .tokens import content_words, stem, surface_words

__all__ = [
    "clean_spans",
    "content_words",
    "has_open_quote",
    "is_heading",
    "is_junk",
    "is_truncated",
    "prose_sentences",
    "segment",
    "split_sentences",
    "stem",
    "strip_dateline",
    "surface_words",
]
