"""Rendering a summary as plain text, Markdown with citations, and JSON."""

import dataclasses
import json

import pytest

from storyline import ConfigError, Document, SourceRef, Summary, SummarySentence
from storyline.io import FORMATS, render
from storyline.io.render import WIDTH

HERALD = Document("Residents returned home. The fire is out.", id="herald.html", title="Fire out", source="Herald",
                  url="https://herald.example/fire", published="2031-03-12")
WIRE = Document("The fire is out.", id="wire.txt")
UNCITED = Document("Nothing of this was used.", id="other.txt", title="Other", source="Lund Echo")
SUMMARY = Summary(
    sentences=[
        SummarySentence("The fire is out.", [SourceRef(1, 0, 0, 16), SourceRef(0, 1, 25, 41)]),
        SummarySentence("Residents returned home.", [SourceRef(0, 0, 0, 24)]),
    ],
    documents=[HERALD, WIRE, UNCITED],
    id="fire",
)


def test_text_cites_every_source_and_ends_with_the_sources():
    assert render(SUMMARY, "text") == (
        "The fire is out. [1] [2] Residents returned home. [1]\n\n"
        "Sources:\n"
        "1. Fire out (Herald, 2031-03-12) <https://herald.example/fire>\n"
        "2. wire.txt\n"
        "Read, not cited: 3 (Lund Echo)"
    )
    assert render(SUMMARY) == render(SUMMARY, "text")
    unnamed = dataclasses.replace(SUMMARY, documents=[HERALD, WIRE, dataclasses.replace(UNCITED, source="")])
    assert render(unnamed).endswith("Read, not cited: 3 (other.txt)")  # no outlet: its file
    copied = dataclasses.replace(SUMMARY, documents=[HERALD, WIRE, dataclasses.replace(HERALD, url="")])
    assert render(copied).endswith("Read, not cited: 3 (Herald, a copy of 1)")  # the same text given twice


@pytest.mark.parametrize("length", range(WIDTH - 14, WIDTH))
def test_a_group_of_citations_is_never_wrapped_apart(length):
    sentence = "Harbour " * (length // 8) + "x" * (length % 8) + "."  # the citations start near the line's end
    cited = Summary([SummarySentence(sentence, [SourceRef(0, 0, 0, 1), SourceRef(1, 0, 0, 1), SourceRef(2, 0, 0, 1)])],
                    [HERALD, WIRE, UNCITED])
    body = render(cited, "text").split("\n\nSources:")[0]
    assert "[1] [2] [3]" in body and "\x1f" not in body
    assert not any(line.startswith("[") for line in body.splitlines())  # the citations end their sentence's line


def test_past_eight_citations_the_others_are_counted():
    documents = [Document(f"The harbour fire, as told by outlet {n}.") for n in range(40)]
    cited = Summary([SummarySentence("The harbour fire.", [SourceRef(n, 0, 0, 1) for n in range(40)])], documents)
    assert render(cited, "text").startswith("The harbour fire. [1] [2] [3] [4] [5] [6] [7] [8] +32\n")
    assert render(cited, "markdown").startswith("The harbour fire. [1] [2] [3] [4] [5] [6] [7] [8] +32\n")


def test_long_text_is_wrapped_without_losing_a_word():
    long = Summary([SummarySentence(f"Sentence {i} tells one more fact about the harbour fire.", [SourceRef(0, i, 0, 1)])
                    for i in range(10)], [HERALD])
    body = render(long, "text").split("\n\nSources:")[0]
    lines = body.splitlines()
    assert len(lines) > 1 and all(len(line) <= WIDTH for line in lines)
    assert " ".join(lines).replace(" [1]", "") == long.text


def test_a_question_the_articles_do_not_answer_is_said_so():
    unanswered = Summary(SUMMARY.sentences, SUMMARY.documents, query="Who won the cup?", answered=False)
    assert render(unanswered, "text").startswith("The articles do not answer “Who won the cup?” What they report: ")
    topic = Summary(SUMMARY.sentences, SUMMARY.documents, query="the cup final", answered=False)
    assert render(topic, "text").startswith("The articles do not answer “the cup final”. What they report: ")
    assert json.loads(render(unanswered, "json"))["answered"] is False
    assert "answered" not in json.loads(render(SUMMARY, "json"))


def test_markdown_cites_every_source_in_document_order_and_lists_the_cited_ones():
    assert render(SUMMARY, "markdown") == (
        "The fire is out. [1] [2] Residents returned home. [1]\n\n"
        "**Sources**\n\n"
        "- [1] Fire out (Herald, 2031-03-12) <https://herald.example/fire>\n"
        "- [2] wire.txt\n"
        "\nRead, not cited: 3 (Lund Echo)\n"
    )  # not "1." and "2.": a Markdown renderer numbers an ordered list 1, 2, 3 whatever its numbers


def test_json_has_the_summary_its_sentences_sources_and_documents():
    output = json.loads(render(SUMMARY, "json"))
    assert output == SUMMARY.to_dict()
    assert output["id"] == "fire" and output["summary"] == "The fire is out. Residents returned home." and output["words"] == 7
    assert output["sentences"][0] == {
        "text": "The fire is out.",
        "sources": [{"doc": 1, "sentence": 0, "start": 0, "end": 16}, {"doc": 0, "sentence": 1, "start": 25, "end": 41}],
    }
    assert output["documents"][0] == {"doc": 0, "id": "herald.html", "title": "Fire out", "source": "Herald",
                                      "url": "https://herald.example/fire", "published": "2031-03-12", "copy_of": None}
    assert [d["id"] for d in output["documents"]] == ["herald.html", "wire.txt", "other.txt"]
    copied = dataclasses.replace(SUMMARY, documents=[HERALD, WIRE, dataclasses.replace(HERALD, url="")])
    assert [d["copy_of"] for d in copied.to_dict()["documents"]] == [None, None, 0]  # the same text given twice


def test_unknown_format_is_a_config_error():
    assert set(FORMATS) == {"text", "markdown", "json"}
    with pytest.raises(ConfigError, match="html"):
        render(SUMMARY, "html")


def test_a_story_told_over_days_gives_a_paragraph_a_day():
    monday = Document("Crews fought the harbour fire all night.", id="mon.txt", source="Lund Echo", published="2031-03-10")
    tuesday = Document("The harbour reopened on Tuesday.", id="tue.txt", source="Herald", published="2031-03-11")
    told = Summary([SummarySentence("The harbour reopened on Tuesday.", [SourceRef(1, 0, 0, 32)]),
                    SummarySentence("Crews fought the harbour fire all night.", [SourceRef(0, 0, 0, 40)])],
                   [monday, tuesday])
    assert render(told).split("\n\nSources:")[0] == ("11 March 2031 — The harbour reopened on Tuesday. [2]\n\n"
                                                      "10 March 2031 — Crews fought the harbour fire all night. [1]")
    assert render(told, "markdown").startswith("**11 March 2031.** The harbour reopened on Tuesday. [2]\n\n"
                                               "**10 March 2031.** Crews fought the harbour fire all night. [1]")
    unanswered = dataclasses.replace(told, query="Who started the fire?", answered=False)
    assert render(unanswered).startswith("The articles do not answer “Who started the fire?” What they report:\n\n"
                                         "11 March 2031 — The harbour")  # the notice apart from the first day
    assert render(unanswered, "markdown").startswith("The articles do not answer “Who started the fire?” What they "
                                                     "report:\n\n**11 March 2031.**")
    undated = Summary(told.sentences, [dataclasses.replace(monday, published=""), tuesday])
    assert render(undated).startswith("The harbour reopened on Tuesday. [2] Crews fought")  # a day not known: one paragraph
