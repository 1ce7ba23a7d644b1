from collections import Counter

from storyline.train.verbs import verbs


def test_a_word_is_a_verb_when_the_tagger_often_reads_it_as_one_a_rare_word_only_when_mostly_a_typo_never():
    seen = Counter({"said": 900, "fire": 100, "cabin": 80, "statues": 14, "yearn": 1, "aboout": 30, "déjà": 30})
    as_verb = Counter({"said": 900, "fire": 5, "statues": 1, "yearn": 1, "aboout": 30, "déjà": 30})
    assert verbs(seen, as_verb) == ["fire", "said", "yearn"]  # not a typo, nor a word of other letters
