"""The summarizer's settings: one validated object, the single source of their defaults."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ConfigError
from ..settings import Settings

DEFAULT_WORDS = 120


@dataclass(frozen=True)
class SummarizerConfig(Settings):
    """How long a summary is and how its sentences are chosen; checked when built.

    words: word budget (None for no limit); sentences: sentence budget (None for no limit);
    redundancy: cosine similarity above which a sentence repeats one already chosen (None: no repetition
    control; chosen on the Multi-News train and validation clusters, full-length ones included: 0.3 gives
    +0.1 ROUGE-1 and +0.3 ROUGE-2 over 0.25 on them at 250 words, with readability's pairings in place);
    repeat_pairs: two sentences sharing this many adjacent content-word pairs (one at least free of names)
    repeat each other too, at a cosine of 0.2 or more ("The Nordvik ferry ran aground on a reef at dawn, the
    coast guard said." after "Rescuers reached the Nordvik ferry, which ran aground on a reef off Lund Bay.");
    None: only the cosine counts. 3 changes 31 of the 779 tune summaries at 120 words, most of them losing a
    repeated fact, for ROUGE-1/2 +0.02/-0.03 at 120 words and -0.03/-0.08 at 250 (ROUGE rewards a repeated
    fact); 2 removes more that are no repeats and loses 0.2 of ROUGE-1;
    lead_redundancy: cosine above which two articles' leads (their first candidate sentences) repeat each other,
    unless one tells the other apart (other figures, days or places; see attribute.disagree): outlets open on
    the same event in their own words ("Amazon is buying online pharmacy PillPack" and "Amazon is acquiring
    online pharmacy PillPack", at 0.26); None: the leads are held to ``redundancy`` alone. 0.2 changes
    30 of the 779 tune summaries at 120 words, most of them losing a second lead that told the first's event
    again, for ROUGE-1/2 +0.02/0.00 at 120 words and -0.03/-0.07 at 250;
    fill: let the last sentence cross the word budget (for evaluations that cut at the budget);
    novelty: with articles already read, how far a sentence falls per share of it the reader has read (its
    cosine to the closest read sentence or the share of its word pairs the read articles hold, whichever is
    larger; see summarize.novelty), in distances from the median salience to the best: at 1 the best
    sentence, wholly read, falls to the middle; 0 keeps the ranking and only skips copies. 0.5 is mild and
    not tuned per topic: on DUC 2007 update (10 clusters) weights 0.25 to 1 gain a few percent of ROUGE-2,
    within noise, and 2 loses (``python -m storyline.train.novelty``);
    copy: similarity to a sentence already read above which a sentence is a copy of it and never chosen;
    support: similarity above which another article's sentence is cited as reporting a summary sentence;
    min_words, max_words: the shortest and longest sentence a summary may use;
    answer_threshold, answer_slope: the articles answer a question of n words when a passage (a sentence and
    the one before it) covers at least answer_threshold + answer_slope * log(n) of it (see
    analysis.query_coverage); otherwise the summary says so and is not focused on it (chosen on DUC 2006 by
    ``python -m storyline.train.answerable``: 97% of held-out questions told apart from other topics' ones).
    """

    words: int | None = DEFAULT_WORDS
    sentences: int | None = None
    redundancy: float | None = 0.3
    repeat_pairs: int | None = 3
    lead_redundancy: float | None = 0.2
    fill: bool = False
    novelty: float = 0.5
    copy: float = 0.8
    support: float = 0.4
    min_words: int = 6
    max_words: int = 80
    answer_threshold: float = 0.92
    answer_slope: float = -0.25

    def __post_init__(self) -> None:
        for name in ("words", "sentences"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                raise ConfigError(f"{name}: a budget is a whole number of at least 1 (or None for no limit), not {value!r}")
        for name in ("redundancy", "lead_redundancy", "copy", "support"):
            value = getattr(self, name)
            if not (value is None and name in ("redundancy", "lead_redundancy")) and not _in_unit_interval(value):
                raise ConfigError(f"{name}: a cosine similarity between 0 and 1, not {value!r}")
        for name in ("answer_threshold", "answer_slope"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"{name}: a number, not {value!r}")
        if self.repeat_pairs is not None and (isinstance(self.repeat_pairs, bool) or not isinstance(self.repeat_pairs, int)
                                              or self.repeat_pairs < 1):
            raise ConfigError(f"repeat_pairs: a whole number of at least 1 (or None), not {self.repeat_pairs!r}")
        if not isinstance(self.novelty, (int, float)) or self.novelty < 0:
            raise ConfigError(f"novelty: a weight of at least 0, not {self.novelty!r}")
        if not (isinstance(self.min_words, int) and isinstance(self.max_words, int) and 1 <= self.min_words <= self.max_words):
            raise ConfigError(f"min_words, max_words: whole numbers with 1 <= min_words <= max_words, "
                              f"not {self.min_words!r}, {self.max_words!r}")


def _in_unit_interval(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1
