import re

import pytest

from storyline import Cluster, Document, InputError, Summarizer, summarize
from storyline.text.clean import is_heading, is_junk
from storyline.io.ingest import read_clusters
from storyline.summarize import default_model


@pytest.fixture
def cluster(example_dir) -> Cluster:
    return read_clusters([str(example_dir)])[0]


def test_summary_respects_word_budget_and_cites_sources(cluster):
    summary = Summarizer(words=80).summarize(cluster)
    assert 0 < summary.words <= 80
    for sentence in summary.sentences:
        assert sentence.sources
        for ref in sentence.sources:
            assert cluster.documents[ref.doc].text[ref.start:ref.end] == sentence.text or ref != sentence.sources[0]
        primary = sentence.sources[0]
        assert cluster.documents[primary.doc].text[primary.start:primary.end] == sentence.text


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


def test_identical_copies_give_each_sentence_once(example_texts):
    summary = summarize([example_texts[0]] * 3, words=200)
    texts = [s.text for s in summary.sentences]
    assert len(texts) == len(set(texts))
    assert {ref.doc for ref in summary.sentences[0].sources} == {0, 1, 2}


def test_sentence_budget():
    texts = [f"Sentence number {i} reports a fact about the harbour fire today." for i in range(10)]
    assert len(summarize(texts, words=None, sentences=2).sentences) <= 2


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


def test_query_focuses_the_summary(cluster):
    plain = Summarizer(words=60).summarize(cluster, query="")
    focused = Summarizer(words=60).summarize(cluster, query="What will mayor Karin Dahl do for the families?")
    assert not any("Mayor" in s.text for s in plain.sentences)
    assert any("Mayor" in s.text for s in focused.sentences)


def test_the_generic_model_can_be_asked_for_with_a_query(cluster):
    generic = Summarizer(words=60, model=default_model()).summarize(cluster, query="mayor Karin Dahl")
    assert generic.sentences


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
    evacuation = "300 residents were evacuated"
    ranked_as_usual = Summarizer(words=None, sentences=4, novelty=0.0).summarize(cluster)
    pushed_down = Summarizer(words=None, sentences=4, novelty=2.0).summarize(cluster)
    assert any(evacuation in s.text for s in ranked_as_usual.sentences)
    assert not any(evacuation in s.text for s in pushed_down.sentences)
