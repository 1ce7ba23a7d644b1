import re

import numpy as np
import pytest
from helpers import assert_sources_point_at_their_sentences

from storyline import Cluster, Document, InputError, Summarizer, summarize
from storyline.io.ingest import read_clusters
from storyline.summarize import default_model
from storyline.summarize.analysis import analyze
from storyline.text.clean import is_heading, is_junk

# The page furniture of the bundled example, copied from its files: captions, credits, bylines, time stamps,
# video widgets, notices, related links, share prompts, footers and datelines. None may reach a summary.
EXAMPLE_JUNK = [
    # coastal-courier.txt
    "By Mara Quell, Staff Writer",
    "Updated 7:42 AM, March 12, 2025",
    "Firefighters douse the burning timber warehouse on Quay Street. Photograph: Tomas Brey/Coastal Courier",
    "PORT ALDREN —",
    "Loading, please wait...",
    "Related Articles",
    "Harbour redevelopment plan approved despite protests",
    "Ferry timetable changes this spring",
    "Sign up for our morning newsletter to get the day's top stories in your inbox.",
    "To read the full article, subscribe now for unlimited access.",
    # harbour-herald.html
    "This site uses cookies to improve your experience. By continuing to use this site you accept our cookie policy.",
    "By Jonas Wik",
    "Smoke rises over the harbour on Tuesday night. (Harbour Herald/Eva Lund)",
    "Two firefighters treated",
    "Share this article: Facebook | Twitter | Email",
    "Five things to do in Port Aldren this weekend",
    "© 2025 Harbour Herald. All rights reserved.",
    "Privacy policy | Terms of use",
    # north-sea-wire.txt
    "PORT ALDREN, March 12 (North Sea Wire) --",
    "What the fire means for the harbour 02:14 - Source: North Sea Wire TV",
    "20250312 harbour fire photo",
    "(Reporting by Sven Tollef; Editing by Anna Berg)",
]


@pytest.fixture
def cluster(example_dir) -> Cluster:
    return read_clusters([str(example_dir)])[0]


def test_summary_respects_word_budget_and_cites_sources(cluster):
    summary = Summarizer(words=80).summarize(cluster)
    assert 0 < summary.words <= 80
    assert_sources_point_at_their_sentences(summary, cluster.documents)


@pytest.mark.parametrize("words", [None, 60])
def test_every_source_reference_spans_the_sentence_it_names(cluster, words):
    summary = Summarizer(words=words).summarize(cluster)
    assert_sources_point_at_their_sentences(summary, cluster.documents)
    assert sum(len(s.sources) > 1 for s in summary.sentences) >= 1, "no secondary source was checked"


def test_no_caption_credit_byline_or_notice_of_the_example_reaches_the_summary(cluster, example_dir):
    files = [path.read_text(encoding="utf-8") for path in example_dir.iterdir()]
    summary = Summarizer(words=None).summarize(cluster)  # no budget: every sentence the cleaner lets through
    assert len(summary.sentences) >= 15
    for junk in EXAMPLE_JUNK:
        assert any(junk in file for file in files), f"not in the example any more: {junk}"
        for sentence in summary.sentences:
            assert junk not in sentence.text and sentence.text not in junk, (junk, sentence.text)


def test_summary_has_no_junk_or_headings(cluster):
    summary = Summarizer(words=250).summarize(cluster)
    for sentence in summary.sentences:
        assert not is_junk(sentence.text) and not is_heading(sentence.text)
        assert not re.search(r"cookie|subscribe|newsletter|Photograph|Loading|Source:", sentence.text)


def test_fact_told_by_three_outlets_appears_once(cluster):
    summary = Summarizer(words=250).summarize(cluster)
    evacuation = [s for s in summary.sentences if "300" in s.text]  # each outlet's lede tells it
    assert len(evacuation) == 1
    assert len({ref.doc for ref in evacuation[0].sources}) >= 2


def test_identical_copies_are_one_source(example_texts):
    once = summarize([example_texts[0]], words=200)
    thrice = summarize([example_texts[0]] * 3, words=200)
    assert [s.text for s in thrice.sentences] == [s.text for s in once.sentences]
    assert {ref.doc for s in thrice.sentences for ref in s.sources} == {0}  # a copy is never cited
    between = summarize([example_texts[0], example_texts[0], example_texts[1]], words=80)
    assert [s.text for s in between.sentences] == [s.text for s in summarize(example_texts, words=80).sentences]
    assert {ref.doc for s in between.sentences for ref in s.sources} == {0, 2}


DISTINCT_FACTS = [
    "The harbour fire destroyed a timber warehouse on Quay Street overnight.",
    "About three hundred residents were evacuated from nearby streets by police.",
    "Eighty firefighters with fourteen engines fought the flames until dawn.",
    "Two firefighters were treated in hospital for smoke inhalation.",
    "Regional police opened an investigation into the cause of the blaze.",
    "The mayor promised shelter for families who cannot return home yet.",
    "Ferry services to the islands ran on time despite the smoke.",
    "The warehouse held two thousand cubic metres of sawn timber.",
]


@pytest.mark.parametrize("sentences", [1, 2, 5])
def test_sentence_budget_gives_exactly_that_many_sentences(sentences):
    assert len(summarize(DISTINCT_FACTS, words=None, sentences=sentences).sentences) == sentences


def test_sentence_and_word_budgets_together_keep_both():
    summary = summarize(DISTINCT_FACTS, words=20, sentences=3)
    assert len(summary.sentences) == 2 and summary.words == 20  # a third sentence would cross 20 words
    assert len(summarize(DISTINCT_FACTS, words=200, sentences=3).sentences) == 3


def test_when_everything_fits_every_fact_is_kept_once_in_article_order():
    first = "The ferry Nordlys left Port Aldren at dawn with forty passengers aboard. It reached the island by noon."
    second = "The ferry Nordlys left Port Aldren at dawn, carrying forty passengers. Fog closed the harbour an hour later."
    summary = summarize([first, second], words=100)
    texts = [s.text for s in summary.sentences]
    assert texts == [
        "The ferry Nordlys left Port Aldren at dawn with forty passengers aboard.",
        "It reached the island by noon.",
        "Fog closed the harbour an hour later.",
    ]
    assert {ref.doc for ref in summary.sentences[0].sources} == {0, 1}


def test_a_budget_that_fits_every_sentence_tells_the_same_of_two_repeats_as_one_a_word_short():
    news = ("Former Lund mayor Ada Vik, who founded the town's lifeboat station, has died at the age of 84. "
            "Mrs Vik died on Saturday at the hospice in Skarholm, her family said. "
            "She served on Lund Town Council for 36 years and was mayor twice.")
    council = ("Lund Town Council is deeply saddened to learn of the death of former mayor Ada Vik, who died on "
               "Saturday. As a mark of respect, the flag at the Town Hall is flying at half mast. "
               "A book of condolence is open in the Town Hall foyer from Monday.")
    total = len(f"{news} {council}".split())
    short, everything = (summarize([news, council], words=words) for words in (total - 1, total + 1000))
    assert [s.text for s in everything.sentences] == [s.text for s in short.sentences]


def test_two_leads_that_tell_one_event_in_other_words_are_told_once():
    articles = ["Nordlinjen is buying the island ferry company Skarferje in a deal worth 40 million kroner. "
                "The company runs four boats between Lund Bay and the outer islands. "
                "Its owners had looked for a buyer since the winter storms sank one of its boats.",
                "Nordlinjen is acquiring Skarferje, a move that could reshape travel to the outer islands for years. "
                "Islanders fear the fares will rise once the crossing has a single owner. "
                "The regional council must still approve the sale before the summer timetable starts."]
    cluster = Cluster([Document(text) for text in articles])

    def leads(summarizer: Summarizer) -> list[str]:
        return [s.text for s in summarizer.summarize(cluster).sentences if s.text.startswith("Nordlinjen is")]

    assert len(leads(Summarizer(words=60, lead_redundancy=None))) == 2  # held to the cosine of any two sentences
    assert len(leads(Summarizer(words=60))) == 1


def test_query_focuses_the_summary(cluster):
    plain = Summarizer(words=60).summarize(cluster, query="")
    focused = Summarizer(words=60).summarize(cluster, query="What will mayor Karin Dahl do for the families?")
    assert not any("Mayor" in s.text for s in plain.sentences)
    assert any("Mayor" in s.text for s in focused.sentences)


@pytest.mark.parametrize("query, answer", [("What caused the fire?", "cause of the fire"), ("police investigation", "police")])
def test_a_query_brings_in_the_sentence_that_answers_it(cluster, query, answer):
    [plain] = Summarizer(sentences=1).summarize(cluster, query="").sentences
    [focused] = Summarizer(sentences=1).summarize(cluster, query=query).sentences
    assert answer in focused.text and answer not in plain.text


def test_a_query_on_one_article_brings_in_its_answer(example_dir):
    cluster = Cluster(read_clusters([str(example_dir / "north-sea-wire.txt")])[0].documents)
    focused = Summarizer(words=120).summarize(cluster, query="police investigation")
    assert focused.answered and "police" in focused.sentences[0].text


def test_a_query_given_with_the_cluster_is_used(cluster):
    cluster.query = "What caused the fire?"
    assert "cause of the fire" in Summarizer(sentences=1).summarize(cluster).text
    assert "cause of the fire" not in Summarizer(sentences=1).summarize(cluster, query="").text


def test_the_generic_model_asked_for_with_a_query_ranks_as_without_one(cluster):
    generic = Summarizer(words=60, model=default_model()).summarize(cluster, query="mayor Karin Dahl")
    plain = Summarizer(words=60).summarize(cluster, query="")
    assert generic.sentences and [s.text for s in generic.sentences] == [s.text for s in plain.sentences]


def test_a_query_in_words_the_articles_never_use_still_gives_a_summary(cluster):
    plain = Summarizer(words=60).summarize(cluster, query="")
    unrelated = Summarizer(words=60).summarize(cluster, query="xylophone quarterly zeppelin")
    assert unrelated.sentences
    assert unrelated.words <= 60 and plain.words <= 60


def test_a_sentence_opening_with_a_pronoun_follows_the_one_it_leans_on(cluster):
    summary = Summarizer(words=60).summarize(cluster)
    texts = [s.text for s in summary.sentences]
    for number, sentence in enumerate(summary.sentences):
        if re.match(r"(It|He|She|They|Both)\b", sentence.text):
            ref = sentence.sources[0]
            before = summary.sentences[number - 1].sources[0]
            assert number > 0 and (before.doc, before.sentence) == (ref.doc, ref.sentence - 1), texts


def test_one_document_cluster(example_texts):
    summary = summarize([example_texts[1]], words=60)
    assert summary.sentences and all(s.sources[0].doc == 0 for s in summary.sentences)


def test_cluster_without_prose_is_an_input_error():
    with pytest.raises(InputError, match="no sentence"):
        summarize(Cluster(documents=[Document(""), Document("Loading, please wait...")], id="empty"))
    with pytest.raises(InputError, match="cluster none: no articles to summarize"):
        summarize(Cluster(documents=[], id="none"))


def test_large_cluster_is_summarized(example_texts):
    big = [" ".join(example_texts) * 40 for _ in range(5)]
    summary = summarize(big, words=120)
    assert 0 < summary.words <= 120


def test_pieces_of_multi_sentence_quotes_are_not_used():
    text = (
        'The mayor spoke to residents at the town hall on Thursday evening. "We will rebuild the harbour. '
        'Nobody will be left without a home after this terrible fire," she said to the crowd. '
        "The council approved emergency funds of two million euros for the families."
    )
    summary = summarize([text], words=None)
    assert summary.sentences
    assert all(s.text.count('"') % 2 == 0 for s in summary.sentences)


def test_pieces_of_an_aside_in_brackets_of_several_sentences_are_not_used():
    text = ("The ferry company now sells tickets online, and only to residents of Skarholm for the time being. "
            "(Though visitors could always ask a resident to buy one for them. Plenty of islanders have offered "
            "to do so on the village noticeboard, the harbour master said.) The first crossing leaves at six.")
    shown = [s.text for s in summarize([text], words=None).sentences]
    assert shown and all(s.count("(") == s.count(")") for s in shown), shown
    listed = "The council chose between a) closing the pier for good and b) selling it to the ferry company."
    assert [s.text for s in summarize([listed], words=None).sentences] == [listed]


def test_what_the_reader_has_read_is_not_repeated(example_texts):
    wire, courier = example_texts[1], example_texts[0]
    fresh = summarize([wire, courier], words=None)
    already_read = Cluster(documents=[Document(wire), Document(courier)], previous=[Document(courier)])
    update = Summarizer(words=None).summarize(already_read)
    courier_sentences = {s.text for s in fresh.sentences if s.sources[0].doc == 1}
    assert courier_sentences, "the plain summary should use the second article"
    assert update.sentences and not courier_sentences & {s.text for s in update.sentences}


def test_what_the_reader_has_read_in_other_words_falls_behind(example_texts):
    read = Document(
        "Hundreds of residents near the harbour in Port Aldren were evacuated overnight as fire swept "
        "through a timber warehouse."
    )
    cluster = Cluster(documents=[Document(t) for t in example_texts], previous=[read])
    evacuation = "evacuat"  # either outlet's account of the evacuation
    ranked_as_usual = Summarizer(words=None, sentences=4, novelty=0.0).summarize(cluster)
    pushed_down = Summarizer(words=None, sentences=4, novelty=2.0).summarize(cluster)
    assert any(evacuation in s.text for s in ranked_as_usual.sentences)
    assert not any(evacuation in s.text for s in pushed_down.sentences)


def test_what_is_new_leads_with_the_lead_of_a_later_report():
    read = [Document("Storm Vera flooded the harbour district of Lund Bay on Monday, and insurers said they would "
                     "assess the flood claims of about 300 households. The harbour was closed to ferries.",
                     published="2031-05-05"),
            Document("Insurers rejected the flood claims of households in Lund Bay's harbour district on Tuesday, "
                     "saying their policies did not cover storm surge. Residents said they had never been told.",
                     published="2031-05-06")]
    later = Document("The national regulator opened an inquiry on Friday into how insurers handled the flood claims of "
                     "Lund Bay households after Storm Vera. The regulator's head, Ada Lind, said insurers must show "
                     "that customers were told what their policies excluded. Mayor Ole Vik said he had written to "
                     "both insurers asking them to suspend all rejections until the inquiry is finished. The inquiry "
                     "is expected to report within six weeks.", published="2031-05-09")
    update = Summarizer(words=40).summarize(Cluster([later], previous=read))
    assert update.sentences[0].text.startswith("The national regulator opened an inquiry")


def test_a_sentence_hard_wrapped_once_is_kept_whole():
    text = "The harbour fire destroyed a timber warehouse on Quay Street\novernight, the fire service said on Wednesday morning."
    [sentence] = summarize([text], words=None).sentences
    assert " ".join(sentence.text.split()) == " ".join(text.split())


def test_a_sentence_brought_in_as_anothers_introduction_is_not_chosen_again_without_repetition_control():
    text = "Harbour harbour harbour harbour harbour Alesund. Harbour Alesund harbour harbour harbour harbour."
    cluster = Cluster([Document(text)])  # the first names "Alesund" alone; the second, ranked lower, introduces him
    shown = [s.text for s in Summarizer(words=None, redundancy=None).summarize(cluster).sentences]
    assert sorted(shown) == sorted(s.text for s in analyze(cluster).sentences)


def test_a_story_told_over_days_tells_where_it_stands_by_the_last_days_lead():
    first_day = ["Storm Vera flooded the harbour district of Lund Bay on Monday, forcing about 300 households from "
                 "their homes as water rose above the quay walls. The harbour was closed to ferries and the coast "
                 "guard said the flood barrier had failed at two points. Mayor Ole Vik said the evacuation order would "
                 "stay in place until at least Wednesday. Shelters at two schools took in 140 residents overnight.",
                 "Floodwater reached the harbour district of Lund Bay on Monday after Storm Vera broke through the "
                 "flood barrier, and about 300 households were evacuated. The coast guard closed the harbour to "
                 "ferries. The evacuation order stays in place until at least Wednesday, Mayor Ole Vik said."]
    later = ("Residents of Lund Bay's harbour district returned home on Tuesday after engineers sealed the two breaches "
             "in the flood barrier a day earlier than planned. Insurers said they would assess claims from about 300 "
             "households within a month. The ferries sailed again on Tuesday evening.")
    documents = [Document(text, published="2031-05-05") for text in first_day] + [Document(later, published="2031-05-06")]
    shown = [s.text for s in Summarizer(words=60).summarize(Cluster(documents)).sentences]
    assert any(text.startswith("Residents of Lund Bay's harbour district returned home") for text in shown), shown
    undated = [Document(text) for text in [*first_day, later]]  # no days: as before, the most told comes in
    assert not any("returned home" in s.text for s in Summarizer(words=60).summarize(Cluster(undated)).sentences)


def test_a_summary_that_cannot_open_on_its_best_lead_opens_on_the_next_lead_that_can_be_told():
    unusable = ("This harbour town, home to the Lund Bay ferry pier, will close the ferry pier on Monday after a storm "
                "cracked the pier's pilings.")  # "This harbour town": the headline named it, and no candidate does
    other = ("Nordvik fishermen said on Sunday that the storm had kept their boats in port for a week.\n\n"
             "Divers from Vestmark will also dive under the ferry pier at Lund Bay on Tuesday morning.\n\n"
             "Engineers will also inspect the pilings of the Lund Bay ferry pier that the storm cracked.")
    shown = [s.text for s in Summarizer(words=30).summarize(Cluster([Document(unusable), Document(other)])).sentences]
    assert shown[0].startswith("Nordvik fishermen said"), shown  # not "Engineers will also ..."


def test_a_denial_of_deaths_or_injuries_a_later_report_overtakes_is_not_told():
    monday = ("A wildfire north of Lund forced 3,000 people from their homes on Monday. No one has been reported "
              "injured, the fire service said. Crews cut containment lines along Ridge Road overnight.")
    tuesday = ("A volunteer firefighter, Ole Vik, died on Tuesday when flames overran his engine north of Lund. "
               "The fire has burned about 6,500 acres, the fire service said.")
    dated = [Document(monday, published="2031-07-14"), Document(tuesday, published="2031-07-15")]
    told = [s.text for s in Summarizer(words=None).summarize(Cluster(dated)).sentences]
    assert "A volunteer firefighter, Ole Vik, died on Tuesday" in " ".join(told)
    assert not any("No one has been reported injured" in text for text in told), told
    undated = [Document(monday), Document(tuesday)]  # no days: nothing tells which came later
    assert any("No one has been reported injured" in s.text for s in Summarizer(words=None).summarize(Cluster(undated)).sentences)
    same_day = [Document(monday, published="2031-07-14"), Document(tuesday, published="2031-07-14")]
    assert any("No one has been reported injured" in s.text
               for s in Summarizer(words=None).summarize(Cluster(same_day)).sentences)


def test_only_a_later_death_overtakes_a_denial_of_deaths():
    from storyline.summarize.stale import overtaken, repeated_denials

    texts = ["No deaths were reported, officials said.", "There were no injuries.", "Two people were injured on Tuesday."]
    assert overtaken(texts, np.array([1, 1, 2])).tolist() == [False, True, False]
    assert overtaken(texts + ["A driver died in hospital."], np.array([1, 1, 2, 3])).tolist() == [True, True, False, False]
    no_denial = ["The storm left no power for 3,000 homes and killed a driver.", "No homes burned, but two people were hurt.",
                 "There is no doubt the storm killed two people."]
    assert not overtaken(no_denial + ["A second driver died on Tuesday."], np.array([1, 1, 1, 2])).any()
    not_people = ["No one was hurt, the fire service said.", "Divers counted 300 dead fish.", "The closure hurt local shops."]
    assert not overtaken(not_people, np.array([1, 2, 2])).any()
    assert not overtaken(["No one was hurt.", "A driver died."], np.array([0, 2])).any()  # of no known day
    for later in ("The death toll rose to three.", "He died in hospital.", "A motorcyclist was killed."):
        assert overtaken(["There were no serious injuries.", later], np.array([1, 2])).tolist() == [True, False]
    for not_people in ("The Senate killed the bill.", "Local residents found 300 dead fish."):
        assert not overtaken(["No one was killed.", not_people], np.array([1, 2])).any()
    assert not overtaken(["No one knows how many people died.", "A driver died."], np.array([1, 2])).any()
    told = ["No one was hurt.", "A firefighter was hurt.", "No one else was hurt."]  # Monday, Tuesday, Wednesday
    stale = overtaken(told, np.array([1, 2, 3]))
    assert stale.tolist() == [True, False, False] and not repeated_denials(told, np.array([3.0, 2.0, 1.0]), stale).any()


def test_a_denial_of_injuries_is_told_once():
    texts = ["A wildfire forced 3,000 people from their homes north of Lund on Monday. No injuries have been reported "
             "so far, the fire service said.",
             "Flames reached the edge of Lund on Monday as 3,000 residents left. No one has been reported injured.",
             "Crews cut lines along Ridge Road overnight to keep the wildfire from the town of Lund."]
    told = [s.text for s in Summarizer(words=None).summarize(Cluster([Document(t) for t in texts])).sentences]
    assert sum("injur" in text for text in told) == 1, told


def test_a_stale_denial_is_never_told_whatever_the_budget():
    monday = "A fire broke out at the Lund timber yard on Monday. The blaze forced 200 people out. No one was hurt."
    tuesday = "A firefighter, Ole Vik, died on Tuesday of burns he suffered fighting the Lund timber yard fire."
    cluster = Cluster([Document(monday, published="2031-07-14"), Document(tuesday, published="2031-07-15")])
    for words in (None, 8):  # also when nothing else fits
        assert not any("No one was hurt" in s.text for s in Summarizer(words=words, fill=True).summarize(cluster).sentences)


def test_a_stale_sentence_never_answers_a_short_question():
    from storyline.summarize.pipeline import _answer

    relevance, held, day = np.array([0.9, 0.5, 0.4]), np.array([1.0, 0.8, 0.5]), np.zeros(3, dtype=int)
    assert _answer(relevance, held, day, np.array([False, True, True])) == 1  # the best match is stale
    assert _answer(relevance, held, day, np.ones(3, dtype=bool)) == 0


def test_a_story_told_over_days_tells_its_last_days_reports_first_then_the_days_before_in_order():
    from storyline.summarize.order import order

    texts = ["Residents returned home on Wednesday.", "The air was clear, the fire service said on Wednesday.",
             "Engineers sealed the leaking wagon on Tuesday.", "The line reopened on Wednesday.",
             "A freight train left the track on Monday night.", "About 1,200 people were evacuated."]
    doc, position = np.array([0, 0, 1, 1, 2, 2]), np.array([0, 1, 0, 1, 0, 1])
    day = np.array([3, 2, 3])  # by article: the first and last were published on the last day
    placed = order(list(range(6)), position, doc, texts=texts, day=day)
    assert placed == [4, 5, 0, 1, 2, 3]  # the last day's reports (the one that reads as news first), then the day before


def test_an_article_of_an_earlier_day_is_not_cited_for_what_happened_on_a_later_one():
    tuesday = ("Residents of Eskerby could return to their homes on Wednesday morning if air tests stay clear, the "
               "regional governor said. Fire crews sealed the leaking chlorine wagon on Tuesday afternoon.")
    wednesday = ("Residents of Eskerby returned to their homes on Wednesday morning after the regional governor lifted "
                 "the evacuation order. Fire crews sealed the leaking chlorine wagon on Tuesday afternoon.")

    def cited(published: tuple[str, str]) -> dict[str, set[int]]:
        documents = [Document(tuesday, published=published[0]), Document(wednesday, published=published[1])]
        summary = Summarizer(words=None).summarize(Cluster(documents))
        return {s.text: {ref.doc for ref in s.sources} for s in summary.sentences}

    dated = cited(("2031-06-03", "2031-06-04"))
    returned = next(text for text in dated if "returned to their homes" in text)
    sealed = next(text for text in dated if "sealed the leaking" in text)
    assert dated[returned] == {1} and dated[sealed] == {0, 1}  # Tuesday's article tells Tuesday's sealing
    assert cited(("", ""))[returned] == {0, 1}  # no days: nothing tells the first came before
    from storyline.summarize.attribute import after_its_day

    tuesday_3, wednesday_4 = 741596, 741597  # ordinals of Tuesday 3 and Wednesday 4 June 2031
    assert after_its_day("Residents went home on Wednesday morning.", wednesday_4, tuesday_3)
    for told in ("The line will reopen on Wednesday.", "The Sunday Times reported the leak.", "Crews sealed it on Tuesday."):
        assert not after_its_day(told, wednesday_4, tuesday_3), told  # a plan, a name, a day the first could tell of


def test_a_question_an_explainers_subhead_asks_is_answered_by_the_text_under_it():
    explainer = ("Lund Bay pier closure: what we know\n\nWhat happened?\n\nThe council of Vestmark closed the old pier "
                 "at Lund Bay on Monday after divers found cracks in two of its piles.\n\nWhy does it matter?\n\n"
                 "The pier is the only landing for the island ferry, which carries 900 passengers a day.\n\n"
                 "What happens next?\n\nEngineers will inspect the remaining piles over the coming fortnight, and a "
                 "temporary landing stage is due to open in August.\n")
    summary = Summarizer(words=60).summarize(Cluster([Document(explainer)], query="What happens next?"))
    assert summary.answered and summary.sentences[0].text.startswith("Engineers will inspect the remaining piles")
    other = Summarizer(words=60).summarize(Cluster([Document(explainer)], query="What will the ferry tickets cost?"))
    assert other.answered is False  # no subhead asks it, and no sentence tells it
