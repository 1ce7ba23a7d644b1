"""Each stage of the summarizer on tiny hand-made inputs: select, order, attribute, features, salience."""

import numpy as np
import pytest

from storyline import Cluster, ConfigError, Document, summarize
from storyline.summarize import FEATURES, QUERY_FEATURES, FeatureRanker, FeatureTable, SalienceModel, analyze, default_model
from storyline.summarize.attribute import disagree, supporting
from storyline.summarize.opening import reads_as_first, reads_as_later
from storyline.summarize.order import openers, order, summary_opener
from storyline.summarize.pipeline import publication_days
from storyline.summarize.select import select
from storyline.text.tokens import content_words

UNLIKE = np.eye(4)  # four sentences with nothing in common


def ints(*values: int) -> np.ndarray:
    return np.array(values)


def scores(*values: float) -> np.ndarray:
    return np.array(values, dtype=float)


# select


def test_select_takes_the_best_scored_sentences_that_fit_the_word_budget():
    assert select(scores(1, 3, 2, 0), UNLIKE, ints(5, 5, 5, 5), 10, None, 0.5) == [1, 2]


def test_select_skips_a_sentence_too_long_for_what_is_left_and_goes_on():
    assert select(scores(3, 2, 1), UNLIKE[:3], ints(5, 8, 3), 9, None, 0.5) == [0, 2]


def test_select_with_fill_lets_the_last_sentence_cross_the_word_budget():
    assert select(scores(3, 2, 1), UNLIKE[:3], ints(5, 8, 3), 9, None, 0.5, fill=True) == [0, 1]


def test_select_stops_at_the_sentence_budget():
    assert select(scores(1, 3, 2, 0), UNLIKE, ints(5, 5, 5, 5), None, 2, 0.5) == [1, 2]


def test_select_without_budgets_takes_every_sentence_best_first():
    assert select(scores(1, 3, 2, 0), UNLIKE, ints(5, 5, 5, 5), None, None, None) == [1, 2, 0, 3]


def test_select_skips_a_sentence_more_similar_to_a_chosen_one_than_the_redundancy():
    vectors = np.array([[1.0, 0.0, 0.0], [0.6, 0.8, 0.0], [0.0, 0.0, 1.0]])  # cosine(0, 1) = 0.6
    words = ints(5, 5, 5)
    assert select(scores(3, 2, 1), vectors, words, None, None, 0.5) == [0, 2]
    assert select(scores(3, 2, 1), vectors, words, None, None, 0.7) == [0, 1, 2]
    assert select(scores(3, 2, 1), vectors, words, None, None, None) == [0, 1, 2]


def test_select_skips_a_sentence_telling_a_chosen_ones_fact_in_other_words():
    vectors = np.array([[1.0, 0.0, 0.0], [0.22, 0.9755, 0.0], [0.0, 0.0, 1.0]])  # cosine(0, 1) = 0.22: no words told
    tokens = [["ferri", "ran", "aground", "reef", "dawn", "coast", "guard"],
              ["rescuer", "reach", "ferri", "ran", "aground", "reef", "lund", "bay"],  # 3 pairs of the first
              ["council", "ferri", "ran", "late"]]  # 1 pair
    words = ints(5, 5, 5)
    assert select(scores(3, 2, 1), vectors, words, None, None, 0.3, tokens=tokens, repeat_pairs=3) == [0, 2]
    assert select(scores(3, 2, 1), vectors, words, None, None, 0.3, tokens=tokens, repeat_pairs=4) == [0, 1, 2]
    assert select(scores(3, 2, 1), vectors, words, None, None, 0.3, tokens=tokens) == [0, 1, 2]
    far = np.array([[1.0, 0.0, 0.0], [0.1, 0.995, 0.0], [0.0, 0.0, 1.0]])  # word pairs shared, little else
    assert select(scores(3, 2, 1), far, words, None, None, 0.3, tokens=tokens, repeat_pairs=3) == [0, 1, 2]
    one_speaker = [["pier", "close", "vestmark", "harbour", "author", "spokeswoman", "ada", "lind"],
                   ["diver", "found", "oil", "vestmark", "harbour", "author", "spokeswoman", "ada", "lind"], ["council"]]
    texts = ["The pier will close, Vestmark Harbour Authority spokeswoman Ada Lind said.",
             "Divers found no oil, Vestmark Harbour Authority spokeswoman Ada Lind said.", "The council met."]
    assert select(scores(3, 2, 1), vectors, words, None, None, 0.3, tokens=one_speaker, repeat_pairs=3) == [0, 2]
    assert select(scores(3, 2, 1), vectors, words, None, None, 0.3, tokens=one_speaker, repeat_pairs=3,
                  texts=texts) == [0, 1, 2]  # two facts, one speaker: all pairs shared hold a name

def test_select_skips_a_sentence_whose_words_but_names_a_chosen_one_mostly_told():
    vectors = np.array([[1.0, 0.0, 0.0], [0.3, 0.954, 0.0], [0.0, 0.0, 1.0]])  # cosine(0, 1) = 0.3
    tokens = [["passer", "rais", "alarm", "harbour", "polic", "arrest", "24", "old", "tarn", "wessbi", "pier"],
              ["polic", "arrest", "wessbi", "suspicion", "arson"], ["council", "met"]]
    texts = ["After a passer-by raised the alarm, harbour police arrested 24-year-old Tarn Wessby near the pier.",
             "Police arrested Wessby on suspicion of arson.", "The council met."]
    assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.31, tokens=tokens, repeat_pairs=3,
                  texts=texts) == [0, 2]  # "police" and "arrested", half its words besides "Wessby": told
    more = ["polic", "arrest", "wessbi", "suspicion", "arson", "fraud"]
    assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.31, tokens=[tokens[0], more, tokens[2]],
                  repeat_pairs=3, texts=[texts[0], "Police arrested Wessby on suspicion of arson and fraud.",
                                         texts[2]]) == [0, 1, 2]  # two words of five it tells are old


def test_select_skips_a_sentence_giving_a_chosen_ones_count_of_the_same_thing():
    vectors = np.array([[1.0, 0.0, 0.0], [0.25, 0.968, 0.0], [0.0, 0.0, 1.0]])  # cosine(0, 1) = 0.25
    tokens = [["fire", "burn", "acr", "mondai"], ["blaze", "grown", "acr", "hour"], ["council", "met"]]
    texts = ["The fire had burned about 1,200 acres by Monday.", "The blaze had grown to 1,200 acres in six hours.",
             "The council met."]
    assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.3, tokens=tokens, repeat_pairs=3,
                  texts=texts) == [0, 2]
    for other in ("The blaze had grown to 6,500 acres by Tuesday.", "The blaze had burned for about 1,200 hours."):
        assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.3, tokens=tokens, repeat_pairs=3,
                      texts=[texts[0], other, texts[2]]) == [0, 1, 2]  # another count; a span of time


def test_select_skips_a_sentence_giving_another_count_of_what_a_chosen_one_counts():
    vectors = np.array([[1.0, 0.0, 0.0], [0.25, 0.968, 0.0], [0.0, 0.0, 1.0]])  # cosine(0, 1) = 0.25
    tokens = [["four", "peopl", "kill", "market"], ["three", "peopl", "kill", "polic"], ["council", "met"]]
    texts = ["Four people were killed in the attack on the Lund market.",
             "At least three people were killed, police said.", "The council met."]
    assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.3, tokens=tokens, repeat_pairs=3,
                  texts=texts) == [0, 2]
    assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.3, tokens=tokens, repeat_pairs=3,
                  texts=[texts[0], "At least three people died, police said.", texts[2]]) == [0, 2]  # one fate in other words
    for other in ("Three people were arrested, police said.", "In 1997, three people were killed in a market attack.",
                  "Three more people were killed, police said.", "Three people at the market were sent home."):
        assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.3, tokens=tokens, repeat_pairs=3,
                      texts=[texts[0], other, texts[2]]) == [0, 1, 2]  # another thing done; another time


def test_select_skips_a_sentence_giving_another_figure_for_what_the_same_words_count_at_any_cosine():
    vectors = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])  # cosine(0, 1) = 0
    tokens = [["vik", "six", "boat", "brother"], ["vik", "five", "boat", "harbour"], ["council", "met"]]
    texts = ["Vik has six boats with his brother Ole and sails them all.", "Vik has five boats in the old harbour.",
             "The council met."]
    assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.3, tokens=tokens, repeat_pairs=3,
                  texts=texts) == [0, 2]
    for other in ("Lind has five boats in the old harbour.", "There are five boats in the old harbour."):
        assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.3, tokens=tokens, repeat_pairs=3,
                      texts=[texts[0], other, texts[2]]) == [0, 1, 2]  # someone else's; no one's
    tallies = ["At least six boats sank in the storm.", "At least five boats sank off the old pier.", texts[2]]
    assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.3, tokens=tokens, repeat_pairs=3,
                  texts=tallies) == [0, 1, 2]  # no one has them: two tolls, told by two outlets (see _tells_another_count)


def test_select_takes_a_sentence_giving_a_sum_of_money_a_like_chosen_one_does_not():
    vectors = np.array([[1.0, 0.0, 0.0], [0.5, 0.866, 0.0], [0.0, 0.0, 1.0]])  # cosine(0, 1) = 0.5: a repeat at 0.3
    tokens = [["minist", "visit", "dam", "wednesdai"], ["minist", "visit", "dam", "rebuild"], ["council", "met"]]
    texts = ["The minister said he would visit the dam on Wednesday.",
             "The minister, who visited the dam on Wednesday, announced £18m for a rebuild.", "The council met."]
    assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.3, tokens=tokens, repeat_pairs=3,
                  texts=texts) == [0, 1, 2]
    for same in ("The minister pledged £18m to rebuild the dam on Wednesday.",  # the same sum: a repeat
                 "The minister pledged 18 million pounds to rebuild the dam on Wednesday."):
        assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.3, tokens=tokens, repeat_pairs=3,
                      texts=[same, texts[1], texts[2]]) == [0, 2]
    texts[0] = "The minister pledged £18 billion to rebuild the dams on Wednesday."  # another sum
    assert select(scores(3, 2, 1), vectors, ints(5, 5, 5), None, None, 0.3, tokens=tokens, repeat_pairs=3,
                  texts=texts) == [0, 1, 2]
    near = np.array([[1.0, 0.0, 0.0], [0.8, 0.6, 0.0], [0.0, 0.0, 1.0]])  # cosine 0.8: a repeat, money or not
    assert select(scores(3, 2, 1), near, ints(5, 5, 5), None, None, 0.3, texts=[texts[2], texts[1], texts[2]]) == [0, 2]


def test_select_never_takes_a_copy_of_what_was_read():
    seen = scores(0.9, 0.1, 0.5)
    assert select(scores(3, 2, 1), UNLIKE[:3], ints(5, 5, 5), None, None, 0.5, seen=seen, copy=0.8) == [1, 2]
    assert select(scores(3, 2, 1), UNLIKE[:3], ints(5, 5, 5), None, None, 0.5, seen=seen, copy=None) == [0, 1, 2]


def test_select_brings_in_the_sentence_a_pronoun_leans_on_just_before_it():
    leans_on_0 = ints(-1, 0, -1)
    assert select(scores(0, 3, 1), UNLIKE[:3], ints(5, 5, 5), 10, None, 0.5, antecedent=leans_on_0) == [0, 1]
    assert select(scores(0, 3, 1), UNLIKE[:3], ints(5, 5, 5), 5, None, 0.5, antecedent=leans_on_0) == [2]


def test_select_skips_a_sentence_that_leans_on_one_telling_the_same():
    vectors = np.array([[1.0, 0.0, 0.0], [0.6, 0.8, 0.0], [0.0, 0.0, 1.0]])  # cosine(0, 1) = 0.6
    leans_on_0 = ints(-1, 0, -1)
    assert select(scores(0, 3, 1), vectors, ints(5, 5, 5), None, None, 0.5, antecedent=leans_on_0) == [2, 0]
    assert select(scores(0, 3, 1), vectors, ints(5, 5, 5), None, None, 0.7, antecedent=leans_on_0) == [0, 1, 2]


def test_select_skips_a_pronoun_sentence_whose_antecedent_is_no_candidate():
    assert select(scores(0, 3, 1), UNLIKE[:3], ints(5, 5, 5), None, None, 0.5, antecedent=ints(-1, -2, -1)) == [2, 0]


# order: sentence i is at position i % 4 of document i // 4


POSITION = ints(0, 1, 2, 3, 0, 1, 2, 3)
DOC = ints(0, 0, 0, 0, 1, 1, 1, 1)


def test_order_keeps_each_articles_sentences_together_in_its_order():
    assert order([5, 3, 0], POSITION, DOC) == [0, 3, 5]
    assert order([7, 2, 5, 0], POSITION, DOC) == [0, 2, 5, 7]


def test_order_leads_with_the_article_whose_chosen_sentence_comes_earliest_in_it():
    assert order([1, 6, 4], POSITION, DOC) == [4, 6, 1]


def test_order_puts_a_sentence_after_a_later_one_of_its_article_that_tells_what_it_takes_for_known():
    after = ints(-1, 3, -1, -1, -1, -1, -1, -1)  # sentence 1 ("The philanthropist ...") told by sentence 3
    assert order([1, 3], POSITION, DOC, after) == [3, 1]
    assert order([1, 3, 5], POSITION, DOC, after) == [3, 1, 5]


def test_order_never_puts_a_sentence_told_by_another_article_between_two_that_lean_on_each_other():
    after = ints(-1, 0, -1, -1, -1, -1, -1, 0)  # 1 ("Its captain ...") leans on 0; 7 ("The operator ...") is told by 0
    assert order([0, 1, 7], POSITION, DOC, after) == [0, 1, 7]


def test_order_puts_a_later_report_after_an_earlier_one_but_opens_on_a_lead():
    later_first = ints(739_000, 738_999)  # article 0 published a day after article 1
    assert order([0, 5], POSITION, DOC, day=later_first) == [5, 0]
    texts = ["A fire destroyed a warehouse in Lund Bay on Sunday."] * 4 + ["Police also searched the quay."] * 4
    assert order([0, 1, 5], POSITION, DOC, texts=texts, day=later_first) == [0, 1, 5]  # the lead that can open
    leads = ["A fire destroyed a warehouse on Sunday."] * 8
    assert order([0, 4, 5], POSITION, DOC, texts=leads, day=ints(739_000, 738_999)) == [0, 4, 5]
    assert order([0, 4, 5], POSITION, DOC, texts=leads, day=ints(738_999, 739_000)) == [4, 5, 0]  # where it stands first
    assert order([0, 4, 5], POSITION, DOC, texts=leads, day=ints(739_000, 739_000)) == [0, 4, 5]  # one day: as told
    assert order([1, 4], POSITION, DOC, day=later_first, texts=["A fire destroyed a warehouse on Sunday."] * 8) == [4, 1]
    assert order([0, 5], POSITION, DOC, day=later_first, texts=["A fire destroyed a warehouse on Sunday."] * 8) == [0, 5]


def test_publication_days_count_an_undated_article_as_of_the_earliest_day():
    documents = [Document("a", published="2031-03-13T08:00:00Z"), Document("b"), Document("c", published="12 March 2031")]
    assert publication_days(documents).tolist() == [741_514, 741_513, 741_513]
    assert publication_days([Document("a")]).tolist() == [0]


LIVE_BLOG = """Lund Bay storm: live updates

Ferries between Lund Bay and Skarholm are cancelled as a storm batters the coast.

18:40
The harbour master said the last ferry crew had reached the harbour safely this evening.

16:15
Waves of six metres broke over the sea wall at Lund Bay, flooding the car park by the ferry terminal.

13:05
The coast guard closed the harbour to all boats after the wind reached 90 kilometres an hour at noon.

09:30
The first ferry of the morning turned back halfway to Skarholm as the wind rose over the bay.
"""


def test_a_live_blog_newest_first_is_told_oldest_first_after_what_comes_before_its_entries():
    summary = summarize([LIVE_BLOG], words=200)
    assert [s.text.split()[:3] for s in summary.sentences] == [
        ["Ferries", "between", "Lund"], ["The", "first", "ferry"], ["The", "coast", "guard"], ["Waves", "of", "six"],
        ["The", "harbour", "master"]]
    oldest_first = LIVE_BLOG.replace("18:40", "07:40").replace("16:15", "08:15")  # times out of order: no such blog
    assert summarize([oldest_first], words=200).sentences[1].text.startswith("The harbour master")
    assert summarize([LIVE_BLOG.replace("\n", "\r\n")], words=200).sentences[1].text.startswith("The first ferry")
    from storyline.summarize.order import TIME_STAMP

    assert not TIME_STAMP.search("12.50 EUR") and TIME_STAMP.search("14:32 BST")  # a price is no time stamp
    zoned = LIVE_BLOG.replace("40\n", "40 GMT\n").replace("15\n", "15 GMT\n").replace("05\n", "05 GMT\n")
    assert summarize([zoned.replace("30\n", "30 GMT\n")], words=200).sentences[1].text.startswith("The first ferry")
    countdown = LIVE_BLOG.replace("18:40", "4").replace("16:15", "3").replace("13:05", "2").replace("09:30", "1")
    assert summarize([countdown], words=200).sentences[1].text.startswith("The harbour master")  # a countdown's numbers
    no_intro = LIVE_BLOG.replace("Ferries between Lund Bay and Skarholm are cancelled as a storm batters the coast.\n\n", "")
    assert summarize([no_intro], words=20).sentences[0].text.startswith("The first ferry")  # opens on its oldest entry
    storm = LIVE_BLOG.replace("The harbour master said the last ferry crew had", "The storm has moved east, and the "
                              "last ferry crew has").replace("The coast guard closed", "The storm closed")
    assert sum(s.text.startswith("The storm") for s in summarize([storm], words=200).sentences) == 2  # no "She"
    leaning = LIVE_BLOG.replace("The harbour master said", "She said")  # "She" of another entry: never told
    assert not any(s.text.startswith("She said") for s in summarize([leaning, "The harbour master Ada Lind said the "
                                                                     "storm would pass on Thursday."], words=200).sentences)


LIVE_INLINE = """Skarholm ferry fire: live

13:40 GMT - The ferry company said its sailings to Skarholm would resume on Saturday morning.

13:10 GMT - The harbour board said an inspector would check the swing bridge over the harbour mouth on Friday.

Updated 12:20 GMT - Firefighters said the blaze on the car deck of the ferry was out after three hours.

10:45 GMT - A fishing crew watched the smoke rise from the bridge and took eleven passengers off before the lifeboats came.

09:50 GMT - BREAKING: A fire has broken out on the car deck of the morning ferry from Lund Bay to Skarholm.
"""


def test_a_live_blog_whose_entries_open_on_their_time_is_told_oldest_first_without_the_times():
    summary = summarize([LIVE_INLINE], words=200)
    assert [s.text.split()[:3] for s in summary.sentences] == [
        ["A", "fire", "has"], ["A", "fishing", "crew"], ["Firefighters", "said", "the"], ["The", "harbour", "board"],
        ["The", "ferry", "company"]]
    hours = LIVE_INLINE.replace("13:40 GMT", "2pm").replace("13:10 GMT", "1 p.m.").replace("Updated 12:20 GMT", "UPDATED 12:20")
    assert [s.text.split()[0] for s in summarize([hours.replace("BREAKING", "Breaking News")], words=200).sentences] == [
        "A", "A", "Firefighters", "The", "The"]


def test_order_breaks_ties_by_document():
    assert order([4, 0], POSITION, DOC) == [0, 4]


def test_order_never_opens_on_a_sentence_that_adds_to_something_told_before():
    texts = ["Police also searched the quay."] + ["The warehouse burned down on Sunday."] * 7
    assert order([0, 1, 4], POSITION, DOC, texts=texts) == [4, 0, 1]
    assert order([1, 4], POSITION, DOC, texts=texts) == [4, 1]


def test_order_never_opens_on_a_lead_that_takes_a_thing_for_known():
    texts = ["The paper said the quay would close."] * 4 + ["A fire destroyed a warehouse in Lund Bay on Sunday."] * 4
    assert order([0, 4], POSITION, DOC, texts=texts) == [4, 0]
    assert order([0, 4], POSITION, DOC, texts=texts[4:] + texts[:4]) == [0, 4]


def test_order_opens_on_the_best_scored_of_the_articles_leads():
    assert order([0, 1, 4], POSITION, DOC, scores=scores(1, 9, 2, 0, 5, 0, 0, 0)) == [4, 0, 1]


LEANING_LEAD = "A spokesman for the harbour authority said that no ships were moored at that quay on Tuesday."
OPENING_LEAD = "A huge fire has destroyed a timber warehouse in the Norwegian port of Lund, forcing 40 families to " \
    "spend the night in a school."


def test_the_opening_model_tells_a_first_sentence_from_one_that_leans_on_what_came_before():
    assert reads_as_later(LEANING_LEAD) and not reads_as_first(LEANING_LEAD)
    assert reads_as_first(OPENING_LEAD) and not reads_as_later(OPENING_LEAD)
    assert reads_as_later('"We will rebuild," the mayor said of the warehouse.')  # a quotation's mark makes no opening


def test_order_opens_on_a_lead_that_reads_as_a_first_sentence_over_one_that_reads_as_a_later_one():
    texts = [LEANING_LEAD] + ["Firefighters fought the flames for six hours."] * 3 + [OPENING_LEAD] * 4
    best_first = scores(9, 0, 0, 0, 1, 0, 0, 0)
    assert order([0, 1, 4], POSITION, DOC, scores=best_first, texts=texts) == [4, 0, 1]
    assert summary_opener([0, 1, 4], POSITION, DOC, None, best_first, texts) == 4
    assert order([0, 1, 5], POSITION, DOC, scores=best_first, texts=texts) == [0, 1, 5]  # 5 is no lead
    assert order([], ints(), ints(), texts=[]) == []


def test_order_keeps_consecutive_sentences_of_an_article_together():
    assert order([4, 1, 0], POSITION, DOC) == [0, 1, 4]
    assert order([6, 2, 1], POSITION, DOC) == [1, 2, 6]


def test_order_puts_a_sentence_right_after_the_one_of_another_article_it_leans_on():
    introduces_at_5 = ints(-1, 5, -1, -1, -1, -1, -1, -1)  # sentence 1 names someone sentence 5 introduces
    assert order([0, 1, 5, 6], POSITION, DOC, introduces_at_5) == [0, 5, 1, 6]
    assert order([0, 1, 2, 5], POSITION, DOC, introduces_at_5) == [0, 2, 5, 1]


def test_order_moves_what_leans_on_a_moved_sentence_with_it_and_never_opens_on_a_moved_lead():
    # sentence 0 names someone sentence 4 introduces; sentences 1 and 2 lean on sentence 0
    leans = ints(4, 0, 0, -1, -1, -1, -1, -1)
    texts = ["The rancher Ada Dahl spoke."] * 8
    assert order([0, 1, 2, 4], POSITION, DOC, leans, texts=texts) == [4, 0, 1, 2]
    assert order([0, 2, 4, 5], POSITION, DOC, leans, texts=texts) == [4, 0, 2, 5]


def test_openers_are_the_articles_first_candidates_that_stand_alone():
    texts = ["The warehouse burned down on Sunday."] * 4 + ["Police also searched the quay."] * 4
    assert list(openers(POSITION, DOC, ints(-1, 0, -1, -1, -1, -1, -1, -1), texts)) == [0]
    assert list(openers(POSITION, DOC, ints(6, -1, -1, -1, -1, -1, -1, -1), texts)) == []


# attribute


ATTRIBUTED = np.array([
    [1.0, 0.0, 0.0],  # 0: document 0
    [1.0, 0.0, 0.0],  # 1: document 0, the same as sentence 0
    [0.8, 0.6, 0.0],  # 2: document 1, cosine 0.8 to sentence 0
    [0.0, 0.0, 1.0],  # 3: document 1
    [0.6, 0.8, 0.0],  # 4: document 2, cosine 0.6 to sentence 0
])
ATTRIBUTED_DOC = ints(0, 0, 1, 1, 2)
ATTRIBUTED_TEXTS = ["Forty firefighters fought the flames through the night."] * 5
ATTRIBUTED_TOKENS = [content_words(text) for text in ATTRIBUTED_TEXTS]


def cited(chosen, threshold, texts=ATTRIBUTED_TEXTS):
    return supporting(chosen, ATTRIBUTED, ATTRIBUTED_DOC, threshold, [content_words(t) for t in texts], texts)


def test_supporting_cites_the_closest_sentence_of_each_other_document_above_the_threshold():
    assert cited([0], 0.5) == [[0, 2, 4]]
    assert cited([0], 0.7) == [[0, 2]]
    assert cited([0], 0.9) == [[0]]


def test_supporting_never_cites_another_sentence_of_the_same_document():
    assert cited([1, 3], 0.5) == [[1, 2, 4], [3]]


def test_supporting_of_nothing_is_nothing():
    assert cited([], 0.5) == []


def test_a_sentence_that_shares_only_who_speaks_reports_another_fact_and_is_not_cited():
    texts = ["Fire chief Ada Dahl said forty firefighters fought the flames through the night.",
             "Fire chief Ada Dahl said forty firefighters fought the flames through the night.",
             "The harbour was closed to ships by noon on Friday, fire chief Ada Dahl said.",
             "The harbour reopened.",
             "Forty firefighters fought the flames all night, said fire chief Ada Dahl."]
    assert cited([0], 0.5, texts) == [[0, 4]]
    texts[0] = "About forty firefighters fought the flames at the harbour through the night."
    texts[4] = "Harbour owner Ada Dahl said forty firefighters fought the flames."  # what she said is the fact
    assert cited([0], 0.5, texts) == [[0, 4]]
    texts[0] = "Ada Dahl, the county's emergency manager, told reporters that crews sealed the tank by noon."
    texts[2] = "No one was hurt, said Ada Dahl, the county's emergency manager."  # her role is no fact either
    assert cited([0], 0.5, texts) == [[0]]
    texts[0] = "In Lund, the fire destroyed 40 homes and a school, said Ada Dahl."
    texts[4] = "The fire destroyed 40 homes and a school in Lund, police said."  # no role: the fact is told
    assert cited([0], 0.5, texts) == [[0, 4]]
    texts[0] = "The ferry left Lund at dawn, Lund County harbour master Ada Dahl said."
    texts[2] = "Lund County closed the pier at noon, Ada Dahl said."  # who speaks, seven words of it
    assert cited([0], 0.5, texts) == [[0]]


def test_a_sentence_with_other_figures_or_another_place_tells_another_story_and_is_not_cited():
    texts = ["A fire broke out in a warehouse in Lund Bay on Monday and 120 residents were evacuated.",
             "A fire broke out in a warehouse in Lund Bay on Monday and 120 residents were evacuated.",
             "A fire broke out in a warehouse in Lund Bay on Monday and 40 residents were evacuated.",
             "The harbour reopened.",
             "A fire broke out in a warehouse in Molde on Monday and 120 residents were evacuated."]
    assert cited([0], 0.5, texts) == [[0]]
    texts[2] = "About 120 residents of Lund Bay were evacuated in 2031 when a warehouse caught fire on Monday."
    texts[4] = "A fire broke out in a warehouse on Monday at Lund Bay in Norway; 120 residents were evacuated."
    assert cited([0], 0.5, texts) == [[0, 2, 4]]  # a year, a country: more said, nothing told otherwise
    assert disagree("12 residents were evacuated on Monday.", "120 residents were evacuated on Monday.")
    assert disagree("Six people were treated for burns, Ada Lind said.", "The number treated for burns stood at 43.")
    assert not disagree("Six people were treated for burns.", "6 people were treated for burns at Lund Bay.")
    assert not disagree("1,500 residents were evacuated.", "About 1500 residents were evacuated.")
    assert not disagree("Twenty-eight-year-old Ada Lind was charged.", "Ada Lind, 28, was charged on Monday.")
    assert disagree("The strike entered its second day on Thursday.", "Workers began the strike on Wednesday.")
    assert not disagree("Residents were evacuated in Tuesday's fire.", "Residents were evacuated in Lund Bay.")
    assert not disagree("In Molde, a fire broke out at a warehouse.", "A fire broke out at a warehouse in Lund Bay.")
    assert not disagree("The fire was set at Lund University, said Mayor Ada Lind.", "The fire was set at Lund Bay.")


def test_two_sentences_quoting_one_speaker_in_other_words_tell_two_things_said():
    assert disagree('Harbour master Ada Lind called the theft of the ferry "a blow to the whole island".',
                    '"We are grateful to the fishermen. The whole island can sleep again," harbour master Ada Lind said.')
    assert not disagree('"We are grateful to the fishermen who found her," Ada Lind said on Wednesday.',
                        'Harbour master Ada Lind said: "We are grateful to the fishermen who found her."')
    assert not disagree('Ada Lind called it "a blow to the whole island".', "Ada Lind said the theft was a blow to the island.")
    assert not disagree('The fishermen found her at first light," Ada Lind said after the ferry was towed home.',
                        'Ada Lind said "the fishermen found her at first light" after the ferry was towed home.')


def test_a_sentence_denying_what_another_tells_disagrees_with_it():
    assert disagree("The coast guard said no more diesel had leaked during the salvage.", "Diesel had leaked from the hull.")
    assert disagree("A leak from the hull had been contained.", "The coast guard said no diesel leaked from the hull.")
    assert not disagree("No one was hurt, the coast guard said.", "No one was injured in the grounding.")  # both deny
    assert not disagree("A deckhand says he was sacked for not joining the crew's prayer meetings.",
                        "The deckhand claims the skipper sacked him after he refused to join prayer meetings.")
    assert not disagree("The owners, who have no insurance, cooperated with police.", "The owners cooperated with police.")
    assert not disagree("Ole Vik, of No Fixed Abode, was charged.", "Ole Vik was charged.")
    assert not disagree("The ferry was the No. 2 boat on the route.", "The ferry was the second boat on the route.")
    for denying, telling in (("It was not immediately clear why the ferry sank.", "The ferry sank off Skarholm."),
                             ("Police have not said how many passengers were aboard.", "About 40 passengers were aboard."),
                             ("The storm damaged not only the ferry but the pier.", "The storm damaged the ferry."),
                             ("No fewer than 40 passengers were rescued.", "40 passengers were rescued by fishermen."),
                             ("The ferry no longer sails to Skarholm.", "The ferry sails to Skarholm twice a day.")):
        assert not disagree(denying, telling), denying


# features


TINY = Cluster([
    Document("The harbour fire destroyed a timber warehouse overnight. Police opened an investigation into the fire today."),
    Document("A timber warehouse in the harbour burned down overnight. The ferry ran on time despite the smoke today."),
])


def test_feature_table_has_every_feature_by_name_one_row_per_candidate():
    analysis = analyze(TINY)
    table = analysis.table
    assert table.names == FEATURES and len(FEATURES) == len(set(FEATURES))
    assert table.values.shape == (len(analysis.sentences), len(FEATURES)) == (4, len(FEATURES))
    assert np.isfinite(table.values).all()
    assert table.column("first").tolist() == [1.0, 0.0, 1.0, 0.0]
    assert table.column("log_docs").tolist() == [np.log(2)] * 4


def test_a_query_adds_the_query_features_after_the_generic_ones():
    table = analyze(TINY, query="police investigation").table
    assert table.names == FEATURES + QUERY_FEATURES
    assert table.column("matches_query").tolist() == [0.0, 1.0, 0.0, 0.0]


def test_feature_table_columns_come_in_the_order_asked():
    table = FeatureTable(("first", "support"), np.array([[1.0, 2.0], [3.0, 4.0]]))
    assert table.columns(["support", "first"]).tolist() == [[2.0, 1.0], [4.0, 3.0]]
    assert table.rows(np.array([1])).values.tolist() == [[3.0, 4.0]]
    joined = table.join(FeatureTable(("quote",), np.array([[5.0], [6.0]])))
    assert joined.names == ("first", "support", "quote") and joined.column("quote").tolist() == [5.0, 6.0]


def test_feature_table_refuses_a_column_it_lacks():
    with pytest.raises(ConfigError, match="no feature centrality"):
        FeatureTable(("first",), np.ones((2, 1))).columns(["first", "centrality"])


def model(names=("first", "support"), weights=(2.0, -1.0), **settings) -> SalienceModel:
    n = len(names)
    return SalienceModel(tuple(names), np.zeros(n), np.ones(n), np.array(weights, dtype=float), 0.5, **settings)


def test_a_model_refuses_a_table_missing_one_of_its_columns():
    with pytest.raises(ConfigError, match="support"):
        model().predict(FeatureTable(("first",), np.ones((2, 1))))


def test_a_model_reads_its_columns_by_name_whatever_their_order_in_the_table():
    values = np.array([[1.0, 3.0], [0.0, 1.0]])
    in_order = model().predict(FeatureTable(("first", "support"), values))
    reversed_ = model().predict(FeatureTable(("support", "first"), values[:, ::-1]))
    assert in_order.tolist() == reversed_.tolist() == [2.0 - 3.0 + 0.5, -1.0 + 0.5]


# salience


def test_salience_model_survives_a_save_and_load(tmp_path):
    original = SalienceModel(("first", "centrality", "quote"), np.array([0.1, 0.2, 0.3]), np.array([1.0, 2.0, 4.0]),
                             np.array([0.5, -1.5, 2.0]), -0.25, trained_with={"words": 250, "redundancy": 0.25})
    path = tmp_path / "model.npz"
    original.save(path)
    loaded = SalienceModel.load(str(path))
    assert loaded.names == original.names and loaded.bias == original.bias and loaded.trained_with == original.trained_with
    for name in ("mean", "scale", "weights"):
        assert getattr(loaded, name).tolist() == getattr(original, name).tolist()
    table = analyze(TINY).table
    assert loaded.predict(table).tolist() == original.predict(table).tolist()


def test_salience_model_with_an_unknown_feature_is_a_config_error():
    with pytest.raises(ConfigError, match="sparkle"):
        model(names=("first", "sparkle"))


def test_salience_model_with_parameters_for_another_number_of_features_is_a_config_error():
    with pytest.raises(ConfigError, match="2 feature names"):
        model(weights=(1.0, 2.0, 3.0))


def test_loading_a_file_that_is_no_model_is_a_config_error(tmp_path):
    path = tmp_path / "model.npz"
    path.write_bytes(b"not a model")
    with pytest.raises(ConfigError, match="not a salience model"):
        SalienceModel.load(str(path))


def test_shipped_models_read_known_features():
    assert set(default_model().names) <= set(FEATURES)
    assert set(default_model(query=True).names) <= set(FEATURES + QUERY_FEATURES)
    assert set(default_model(query=True).names) & set(QUERY_FEATURES)


def test_feature_ranker_ranks_by_its_feature_alone():
    table = FeatureTable(("first", "support"), np.array([[1.0, 0.2], [0.0, 0.9]]))
    assert FeatureRanker("support").predict(table).tolist() == [0.2, 0.9]


def test_a_sentence_that_shares_only_names_with_another_is_not_cited_for_it():
    texts = ["Lund Bay Primary School will reopen on Monday.", "Lund Bay Primary School will reopen on Monday.",
             "Pupils of Lund Bay Primary School will be taught in Molde until further notice.",
             "The harbour reopened.", "The school at Lund Bay will reopen on Monday, the council said."]
    assert cited([0], 0.5, texts) == [[0, 4]]
    texts[4] = "Ada Lind and Ole Vik were held when their car was stopped in Lund Bay on Friday."
    texts[0] = "Ole Vik and Ada Lind were taken on Friday near Lund Bay."  # a day is no name: both tell it
    assert cited([0], 0.5, texts) == [[0, 4]]
    texts[0], texts[4] = "Ada Lind is in the race for Mayor of Lund.", "Ada Lind wants to become mayor of Lund."
    assert cited([0], 0.5, texts) == [[0, 4]]  # a word one sentence capitalizes is no name to the other
