"""Baseline summarizers to compare against: lead, round-robin lead, and sumy's graph/frequency methods.

All of them are handed the same sentence splits (storyline's segmenter over every non-empty line, no
cleaning; not timed), choose sentences until the word budget is reached, and return them in document order.
"""

from __future__ import annotations

import re
from itertools import zip_longest

from ..model import Cluster
from ..text.segment import segment
from .system import System

SUMY_METHODS = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
}


def split_documents(cluster: Cluster) -> list[list[str]]:
    """Sentences of each document, from every non-empty line (no cleaning)."""
    result = []
    for number, document in enumerate(cluster.documents):
        text = document.text
        spans, offset = [], 0
        for line in text.split("\n"):
            if line.strip():
                spans.append((offset, offset + len(line)))
            offset += len(line) + 1
        result.append([s.text.strip() for s in segment(number, text, spans)])
    return result


def _until_budget(sentences: list[str], words: int) -> list[str]:
    chosen, used = [], 0
    for sentence in sentences:
        if used >= words:
            break
        chosen.append(sentence)
        used += len(sentence.split())
    return chosen


def _lead(documents: list[list[str]], words: int) -> list[str]:
    return _until_budget([s for doc in documents for s in doc[:3]], words)


def _round_robin_lead(documents: list[list[str]], words: int) -> list[str]:
    rounds = zip_longest(*documents)
    return _until_budget([s for group in rounds for s in group if s], words)


lead = System(_lead, split_documents)
"""The first three sentences of each article in turn."""
round_robin_lead = System(_round_robin_lead, split_documents)
"""First sentence of each article, then the second of each, and so on."""


class _Words:
    """Tokenizer for sumy that needs no downloaded model."""

    @staticmethod
    def to_words(text: str) -> list[str]:
        return re.findall(r"\w+", text)

    @staticmethod
    def to_sentences(text: str) -> list[str]:
        return [text]


class _WordBudget:
    """sumy 'sentence count' that takes best-rated sentences until a word budget is reached."""

    def __init__(self, words: int):
        self.words = words

    def __call__(self, ranked: list) -> list:
        chosen, used = [], 0
        for info in ranked:
            if used >= self.words:
                break
            chosen.append(info)
            used += len(str(info.sentence).split())
        return chosen


def sumy_method(name: str) -> System:
    """A sumy summarizer under test; only its summarizing step is timed."""
    import importlib

    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    module, cls = SUMY_METHODS[name].split(":")
    summarizer = getattr(importlib.import_module(module), cls)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def prepare(cluster: Cluster) -> ObjectDocumentModel:
        documents = split_documents(cluster)
        return ObjectDocumentModel([Paragraph([Sentence(s, _Words) for s in doc]) for doc in documents if doc])

    def run(document: ObjectDocumentModel, words: int) -> list[str]:
        return [str(s) for s in summarizer(document, _WordBudget(words))]

    return System(run, prepare)
