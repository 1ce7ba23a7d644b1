"""Update summaries: what is new since the reader last looked (a fictional story)."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.model import Cluster, Document
from storyline.summarize import Summarizer
from storyline.summarize.novelty import pair_share, pushed_down
from storyline.text.tokens import content_words

READ = Document(
    "The Merrow Valley council closed the Old Mill bridge on Monday after engineers found cracks in two of its "
    "stone arches. Drivers are being sent on a twelve-mile detour through Harlow while the bridge is shut. "
    "The council said repairs to the arches could take several months. Shopkeepers near the bridge said "
    "trade had already fallen since the closure."
)
LATER = [
    Document(
        "Cracks found by engineers in two stone arches led the Merrow Valley council to close the Old Mill bridge "
        "on Monday, sending drivers on a long detour through Harlow. "
        "On Thursday the council said a temporary steel footbridge for pedestrians and cyclists will open next week. "
        "Councillors also voted to spend two million pounds on repairing the arches, with work to start in May. "
        "The footbridge will be lifted into place by a crane on Sunday morning."
    ),
    Document(
        "The Old Mill bridge has been shut since Monday, when the Merrow Valley council closed it because engineers "
        "had found cracks in its stone arches. "
        "A temporary steel footbridge will let pedestrians and cyclists cross the river from next week, the council said. "
        "The repairs to the arches will cost two million pounds and should begin in May, councillors decided. "
        "A spokeswoman said the crossing would be free and open day and night."
    ),
]


def texts(cluster: Cluster) -> list[str]:
    return [s.text for s in Summarizer(sentences=2, words=None).summarize(cluster).sentences]


def tells_the_closure(sentence: str) -> bool:
    return "crack" in sentence.lower()


def test_the_update_tells_the_new_developments_not_the_closure_already_read():
    fresh = texts(Cluster(documents=LATER))
    update = texts(Cluster(documents=LATER, previous=[READ]))
    assert any(tells_the_closure(s) for s in fresh), "without what was read, the closure leads"
    assert any("footbridge" in s for s in update)
    assert any("two million pounds" in s for s in update)
    assert not any(tells_the_closure(s) for s in update)


def test_without_articles_read_nothing_changes():
    cluster = Cluster(documents=LATER)
    assert texts(cluster) == texts(Cluster(documents=LATER, previous=[]))


def test_pair_share_counts_the_word_pairs_already_read():
    tokens = [content_words(t) for t in ("The Old Mill bridge stays shut.", "Crane lifts footbridge.", "Shut.")]
    read = [Document("Engineers closed the Old Mill bridge on Monday.")]
    # old-mill and mill-bridge were read, bridge-stays and stays-shut were not; no pair read; no pair at all
    assert pair_share(tokens, read) == pytest.approx([0.5, 0.0, 0.0])


def test_a_sentence_wholly_read_falls_by_the_weight_times_the_distance_from_the_median_to_the_best():
    scores = np.array([3.0, 2.0, 1.0, 0.0])
    read = np.array([1.0, 0.0, 0.0, 0.0])
    standard = (scores - scores.mean()) / scores.std()
    spread = standard.max() - np.median(standard)
    assert pushed_down(scores, read, 1.0) == pytest.approx(standard - read * spread)
    assert pushed_down(scores, read, 0.0) == pytest.approx(standard)
