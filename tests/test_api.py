"""The Python API: storyline.summarize and Summarizer, as the README shows them."""

import pytest
from click.testing import CliRunner
from helpers import assert_sources_point_at_their_sentences

import storyline
from storyline import Cluster, ConfigError, Document, InputError, StorylineError, Summarizer
from storyline.cli import cli


def test_one_string_is_one_article(example_texts):
    text = "\n\n".join(example_texts)  # long, several paragraphs and headlines: still one article
    summary = storyline.summarize(text, words=None)
    assert len(summary.documents) == 1 and summary.documents[0].text == text
    assert summary.sentences and {ref.doc for s in summary.sentences for ref in s.sources} == {0}
    assert_sources_point_at_their_sentences(summary, summary.documents)


def test_a_list_of_strings_is_one_article_each(example_texts):
    summary = storyline.summarize(example_texts, words=60)
    assert [d.text for d in summary.documents] == example_texts
    assert_sources_point_at_their_sentences(summary, summary.documents)


def test_one_document_and_a_generator_of_texts_are_read_too(example_texts):
    assert len(storyline.summarize(Document(example_texts[0])).documents) == 1
    assert len(storyline.summarize(text for text in example_texts).documents) == 2


def test_a_cluster_is_summarized_as_given(example_texts):
    cluster = Cluster([Document(t, id=f"a{i}") for i, t in enumerate(example_texts)], id="fire")
    summary = storyline.summarize(cluster, words=60)
    assert summary.id == "fire" and summary.documents == cluster.documents


@pytest.mark.parametrize("budget", [{"words": 0}, {"words": -1}, {"sentences": 0}])
def test_a_budget_below_one_is_a_config_error(example_texts, budget):
    with pytest.raises(ConfigError, match=next(iter(budget))):
        storyline.summarize(example_texts, **budget)


def test_summarizer_with_no_words_is_a_config_error():
    with pytest.raises(ConfigError, match="words"):
        Summarizer(words=0)


def test_the_command_line_rejects_the_same_budget(example_dir):
    result = CliRunner().invoke(cli, ["summarize", str(example_dir), "-w", "0"])
    assert result.exit_code == 2 and "--words" in result.output


def test_errors_are_storyline_errors_and_value_errors():
    assert issubclass(ConfigError, StorylineError) and issubclass(InputError, StorylineError)
    assert issubclass(ConfigError, ValueError) and issubclass(InputError, ValueError)
    with pytest.raises(InputError):
        storyline.summarize("Loading, please wait...")


def test_summary_to_dict_is_the_json_output(example_texts):
    summary = storyline.summarize(example_texts, words=60)
    output = summary.to_dict()
    assert output["summary"] == summary.text and output["words"] == summary.words <= 60
    assert [s["text"] for s in output["sentences"]] == [s.text for s in summary.sentences]
    first = summary.sentences[0].sources[0]
    assert output["sentences"][0]["sources"][0] == {"doc": first.doc, "sentence": first.sentence,
                                                    "start": first.start, "end": first.end}


def test_a_document_holding_a_web_page_is_read_as_its_article():
    page = ("<!doctype html><html><head><title>Ferry aground off Skarholm</title></head><body><nav><a href='/'>Home"
            "</a> <a href='/news'>News</a></nav><article><h1>Ferry aground off Skarholm</h1><p>The passenger ferry "
            "Stella Nord ran aground off Skarholm early on Sunday, and all 212 people on board were taken ashore by "
            "lifeboats, the coast guard said.</p><p>Divers found a gash in the hull, and the ferry company said the "
            "route would stay closed until Friday.</p></article><footer>Accept all cookies</footer></body></html>")
    summary = Summarizer(words=None).summarize(Cluster([Document(page, title="Given title")]))
    assert summary.sentences and not any("<" in s.text for s in summary.sentences)
    assert summary.documents[0].title == "Given title" and "<" not in summary.documents[0].text
    assert_sources_point_at_their_sentences(summary, summary.documents)
