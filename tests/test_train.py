import gzip
import json
from collections import Counter

import numpy as np

from storyline.train.openers import examples, fit, matrix
from storyline.train.verbs import verbs


def test_a_word_is_a_verb_when_the_tagger_often_reads_it_as_one_a_rare_word_only_when_mostly_a_typo_never():
    seen = Counter({"said": 900, "fire": 100, "cabin": 80, "statues": 14, "yearn": 1, "aboout": 30, "déjà": 30})
    as_verb = Counter({"said": 900, "fire": 5, "statues": 1, "yearn": 1, "aboout": 30, "déjà": 30})
    assert verbs(seen, as_verb) == ["fire", "said", "yearn"]  # not a typo, nor a word of other letters


def test_openers_learn_from_a_summarys_first_sentence_against_its_later_ones(tmp_path):
    summaries = ["– A fire destroyed a warehouse in Lund on Sunday. But no one was hurt in it. Too short. "
                 "The blaze was put out by noon on Monday.",
                 "A ferry ran aground off Lund Bay on Friday. But all of its passengers got ashore safely.",
                 "Too short. But the harbour stayed shut for the rest of the week."]  # no opening to learn from
    path = tmp_path / "train.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as file:
        file.write("\n".join(json.dumps({"summaries": [summary]}) for summary in summaries))
    found = list(examples(path))
    assert [label for _, label in found] == [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]  # "Too short." is left out
    assert "^a" in found[0][0] and "^but" in found[1][0]
    index = {feature: i for i, feature in enumerate(sorted({f for row, _ in found for f in row}))}
    x, y = matrix(iter(found), index)
    assert x.shape == (6, len(index)) and y.tolist() == [label for _, label in found]
    weights = fit(x, y, penalty=1.0)
    assert weights[index["^but"]] < 0 < weights[index["^a"]]
