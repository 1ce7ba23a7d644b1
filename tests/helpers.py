"""Checks and inputs shared by several test modules."""

import json
import re
import signal
from pathlib import Path

from storyline.model import Document, Summary
from storyline.text import prose_sentences
from storyline.text.segment import one_line


def assert_sources_point_at_their_sentences(summary: Summary, documents: list[Document]) -> None:
    """Every SourceRef of every summary sentence spans exactly sentence ``ref.sentence`` of document ``ref.doc``
    as the summarizer segments it, and the first source's span is the summary sentence itself (the line breaks
    of a hard-wrapped paragraph read as spaces; a person the summary names in full for the first time read as
    the source names them)."""
    candidates = prose_sentences(documents) or prose_sentences(documents, standalone=False)  # as analyze reads them
    segmented = {(s.doc, s.index): s for s in candidates}
    for sentence in summary.sentences:
        assert sentence.sources, sentence.text
        first, text = sentence.sources[0], sentence.text
        for written, shown in sentence.full_names:
            text = re.sub(rf"(?<!\w){re.escape(shown)}(?!\w)", lambda _: written, text, count=1)  # not "Vik" of "Viktor"
        assert one_line(documents[first.doc].text[first.start:first.end]) == text
        for ref in sentence.sources:
            unit = segmented.get((ref.doc, ref.sentence))
            assert unit is not None, f"{ref} names no sentence of document {ref.doc}"
            assert (ref.start, ref.end) == (unit.start, unit.end), ref
            assert one_line(documents[ref.doc].text[ref.start:ref.end]) == unit.text, ref
        cited = [ref.doc for ref in sentence.sources]
        assert len(cited) == len(set(cited)), f"a document is cited twice for {sentence.text!r}"

def slow_clusters(path: Path, texts: list[str], count: int, articles: int = 6) -> Path:
    """Clusters of ``articles`` rotated copies of the example's paragraphs: tens of milliseconds each."""
    paragraphs = [p for text in texts for p in text.split("\n\n") if len(p.split()) > 12]
    with path.open("w", encoding="utf-8") as handle:
        for c in range(count):
            documents = ["\n\n".join(paragraphs[(i + c + k) % len(paragraphs)].replace("300", str(300 + c * 50 + i))
                                     for k in range(len(paragraphs))) for i in range(articles)]
            handle.write(json.dumps({"id": f"slow-{c}", "documents": documents}) + "\n")
    return path


def interruptible() -> None:
    """For ``subprocess.Popen(preexec_fn=...)``: the command runs with Ctrl-C's SIGINT at its default, as from a
    terminal, even when the tests run in a background shell, whose children ignore SIGINT."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
