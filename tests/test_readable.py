"""Summaries a reader can follow, on text as people send it: wrapped lines, one-paragraph articles, glued
sentences, captions, transcripts, quotes whose speaker came before, questions the articles cannot answer."""

import re
import textwrap

import numpy as np
import pytest
from scipy import sparse

from storyline import Cluster, Document, InputError, Summarizer, summarize
from storyline.summarize import FeatureRanker
from storyline.summarize.salience import default_model
from storyline.summarize.analysis import A_SPAN, DURATION, _inflected, analyze, dependencies, query_coverage, question_words
from storyline.summarize.mentions import first_mentions, later_mentions, roles_given
from storyline.summarize.opening import LATER, opening_odds
from storyline.summarize.select import select, tellers
from storyline.text import clean_spans, prose_sentences, split_sentences
from storyline.text.clean import _speaker, is_junk
from storyline.text.prose import is_question, with_full_stop
from storyline.text.patterns import (OPENING_NAME, Person, also_does, give_in_full, give_role, is_body, leans_on_previous,
                                     named_by_the, names, people_alone, people_in_full,
                                     refers_back, speaks_of_someone_unnamed, things_taken_as_known)
from storyline.text.outlets import headline
from storyline.text.reflow import paragraph_spans
from storyline.text.tokens import content_words

from helpers import assert_sources_point_at_their_sentences

PARAGRAPHS = [
    "The regional council of Vestmark voted on Monday to close the old ferry terminal at Lund Bay after "
    "inspectors found cracks in its concrete pier, ending eighty years of crossings from the village.",
    "Council leader Ada Brenner said the decision had been difficult but that the pier could no longer "
    "carry vehicles safely, and that a new terminal would be built two kilometres to the north by 2033.",
    "Engineers from the Vestmark Ports Authority spent three weeks testing the pier, drilling cores from "
    "its columns and dropping weights on its deck to carry out a safety test of the whole structure.",
]


def wrapped(paragraphs, width=72):
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs)


def test_hard_wrapped_lines_are_read_as_their_paragraphs():
    text = "Lund Bay ferry terminal to close\n\n" + wrapped(PARAGRAPHS)
    spans = clean_spans(text)
    assert [" ".join(text[a:b].split()) for a, b in spans] == PARAGRAPHS


def test_a_summary_of_wrapped_text_is_made_of_whole_sentences_that_point_into_it():
    text = wrapped(PARAGRAPHS, width=60)
    summary = summarize(text, words=None)
    assert [s.text for s in summary.sentences] == PARAGRAPHS
    for sentence in summary.sentences:
        [ref] = sentence.sources
        assert " ".join(text[ref.start:ref.end].split()) == sentence.text


def test_double_spaced_wrapped_lines_are_joined_but_one_line_paragraphs_stay_apart():
    double = "\n\n".join(line for p in PARAGRAPHS for line in textwrap.wrap(p, 72))  # a blank line after every line
    assert [" ".join(double[a:b].split()) for a, b in paragraph_spans(double)] == PARAGRAPHS  # apart where one ends
    quotes = "".join(f'{who} said: "The ferry hit the reef near Skarholm and the whole deck tilted, number {n}."\n\n'
                     for n in range(3) for who in ("He", "She"))  # one line each, all of one length
    assert len(paragraph_spans(quotes)) == 6


def test_wrapped_paragraphs_without_blank_lines_end_at_their_short_last_line():
    text = "\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS)
    assert [" ".join(text[a:b].split()) for a, b in paragraph_spans(text)] == PARAGRAPHS


def test_a_one_line_notice_longer_than_the_wrapped_lines_leaves_their_width_alone():
    lines = ["Tugs pulled the passenger ferry Stella Nord off a sandbank near the",
             "island of Skarholm in the north of the Lund Bay archipelago early on",
             "Tuesday, and towed it to a shipyard in Lindhaven for repairs, the coast",
             "guard said. The salvage took six hours, and divers found no leak in",
             "the hull, a spokeswoman for the shipyard said."]
    notice = "Sign up for our Morning Harbour newsletter to get the top stories of the coast in your inbox."
    text = "\n".join(lines) + f"\n\n\n{notice}\n"
    assert [" ".join(text[a:b].split()) for a, b in paragraph_spans(text)] == [" ".join(lines), notice]


def test_a_short_wrapped_paragraph_whose_line_stops_mid_phrase_is_one_paragraph_and_no_headline():
    text = ("Tugs pulled the ferry Stella Nord off the sandbank near Skarholm on\n"
            "Tuesday and towed it to a shipyard in Lindhaven for repairs.\n\n"
            "The salvage took six hours, the coast guard said.\n")
    assert len(paragraph_spans(text)) == 2
    assert headline(text) == "" and headline("Ferry freed from sandbank\n\n" + text) == "Ferry freed from sandbank"
    for title in ("Skarholm, five years on", "Lund Bay ferry trouble: a timeline of"):
        for body in ("The ferry Stella Nord ran aground off Skarholm in 2021.", "Mayor Ada Lind laid a wreath on Tuesday."):
            assert len(paragraph_spans(f"{title}\n{body}\n")) == (2 if title.endswith("on") else 1), (title, body)
    assert summarize(text).sentences[0].text.startswith("Tugs pulled")
    broken = "Ada Lind, the former pilot who now runs the\n\nSkarholm Ferry Company, said the crossing would reopen.\n\nIt will."
    assert [broken[a:b].replace("\n\n", " ") for a, b in paragraph_spans(broken)] == [
        "Ada Lind, the former pilot who now runs the Skarholm Ferry Company, said the crossing would reopen.", "It will."]
    wrapped = ("KESSBY - Kessby's council approved a tram line linking the old harbour\n"
               "and the university on Tuesday by 31 votes to 14 after a long debate in\n"
               "the town hall. Critics said the line would cost too much and run too\n"
               "rarely to help the workers who need it most, and vowed to go to court.\n")
    assert headline(wrapped) == ""  # the first line of a wrapped paragraph


def test_lines_of_a_list_or_a_heading_stay_lines():
    text = ("Lund Bay ferry terminal to close\n"
            "- The pier has cracks in four of its twelve columns and must be closed.\n"
            "- A new terminal will be built two kilometres to the north of the village.\n"
            "- Crossings move to the temporary quay at Nordvik from the first of May.\n"
            "- The council will pay for a shuttle bus between the two quays all summer.\n")
    assert len(paragraph_spans(text)) == 5


def test_a_one_paragraph_article_with_an_address_and_an_email_is_not_refused():
    text = " ".join(PARAGRAPHS) + (" Readers can send questions to ferries@vestmark.example or read the report at "
                                   "https://vestmark.example/pier before the meeting. ") + " ".join(PARAGRAPHS[:1])
    sentences = [s.text for s in prose_sentences([Document(text)])]
    assert PARAGRAPHS[0] in sentences and PARAGRAPHS[2] in sentences
    assert not any("@" in s or "https://" in s for s in sentences)


def test_glued_sentences_are_split():
    text = ("Ferry fares have soaredIt's the third rise this year. The search has run for 41 daysThe divers came "
            "Monday. Ada met McDonald at the pier.")
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Ferry fares have soared", "It's the third rise this year.", "The search has run for 41 days",
        "The divers came Monday.", "Ada met McDonald at the pier."]  # a full stop and its space lost, not a name's
    text = ("Three passengers were hurt when a gangway gave way on Sunday.Lina Sund, 32, of Nordvik, was taken "
            "to hospital with a broken arm.")
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Three passengers were hurt when a gangway gave way on Sunday.",
        "Lina Sund, 32, of Nordvik, was taken to hospital with a broken arm.",
    ]
    text = ('The ferry stayed in port, officials said."We will not risk it," said Ada Brenner. She sold the old '
            'iPad.The new one (a gift).\u201cIt works,\u201d she said.')
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The ferry stayed in port, officials said.", '"We will not risk it," said Ada Brenner.',
        "She sold the old iPad.", "The new one (a gift).", "\u201cIt works,\u201d she said.",
    ]
    text = 'The pier closed last week."I think it was the right call," one resident told NRK.Lunde agreed.'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The pier closed last week.", '"I think it was the right call," one resident told NRK.', "Lunde agreed."]
    text = 'Ada Lind wrote to the harbour board.\"I\'m leaving the pier to younger hands," she said.'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Ada Lind wrote to the harbour board.", '"I\'m leaving the pier to younger hands," she said.']
    text = "The pier was built in 1956.Ada Lind's letter of 1957 says so. It cost 3.5 million kroner."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The pier was built in 1956.", "Ada Lind's letter of 1957 says so.", "It cost 3.5 million kroner."]
    text = "He moved the ferry to Washington D.C.That was the end of it. The U.S.A. lost a ferry."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "He moved the ferry to Washington D.C.", "That was the end of it.", "The U.S.A. lost a ferry."]
    text = '"I hope the pier reopens quickly."A spokesman for the harbour board said it would not. He got an A. A pity.'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        '"I hope the pier reopens quickly."', "A spokesman for the harbour board said it would not.", "He got an A.",
        "A pity."]
    text = ('The ferry is back on the Lund route."\'Harbour Hour\' would love to film it," a crew member tells me. '
            "The pier closed in 2029. 12 boats were lost. It reopens in May. 30 Ferries returns next year. "
            "The ticket cost approx. 30 kroner on Sept. 30 on Hwy. 6 last year.")
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The ferry is back on the Lund route.", '"\'Harbour Hour\' would love to film it," a crew member tells me.',
        "The pier closed in 2029.", "12 boats were lost.", "It reopens in May.", "30 Ferries returns next year.",
        "The ticket cost approx. 30 kroner on Sept. 30 on Hwy. 6 last year."]
    text = "Storms hit the coast of Gaza. 12 of them were children. It spoke to NATO. 30 countries listened."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Storms hit the coast of Gaza.", "12 of them were children.", "It spoke to NATO.", "30 countries listened."]
    for whole in ("The council will spend Rs. 500 crore on the pier.", "Lund Ferries joined the Inc. 5000 list.",
                  "Voters approved Prop. 22 in May.", "A study by Lind et al. 2019 found cracks.",
                  "The report, on pp. 12 to 14, lists the cracks.", "Vik Bros. 12 boats sank.", "Approx. 30 boats sank.",
                  "Under art. 5 of the harbour law the pier closed."):
        assert [whole[a:b] for a, b in split_sentences(whole)] == [whole]  # an abbreviation before the number


def test_captions_credits_transcript_labels_and_widgets_are_junk():
    junk = [
        "Council leader Ada Brenner (L) and harbour master Ole Vik (R) shake hands at the pier in Lund Bay on May 2, 2031.",
        "Ada Brenner speaks to reporters outside the council offices in Vestmark, Norway, May 2, 2031.",
        "I can tell you — BRENNER: The pier is closed.",
        "[Read more: Why the pier cracked]",
        "Have something to add to this story? Tell the newsroom below.",
        "Readers can find the full inspection report at www.vestmark.example/pier.",
        "• This article was amended on 3 May 2031.",
        "An image provided by the harbour board shows the crack in the pier.",
        "Follow every kick of the Lund Cup final with Harbour FM Sport.",
        "Commentary from Ada Lind and Per Holm on 101.2 FM and the app.",
        "Listen to Harbour FM News on the hour, every hour, on 101.2 FM and DAB.",
        "Harbour FM Sport is sponsored by Vik Motors – Lund's family car dealer since 1972.",
        "Get instant goal alerts – download the Harbour Sport app.",
        "Text us your thoughts on 81234 – texts cost your standard network rate.",
        "For media enquiries please contact the harbour clerk, Ole Vik, on 0161 496 0000.",
        "High-resolution photos of the new ferry are available on request.",
        "This Q&A was lightly edited for length.",
        "Lund United: Vik; Berg, Holm, Dahl, Moe; Strand, Lie (Aas 46), Bakke; Ruud, Foss, Nilsen.",
        "Referee: Ole Berg. Att: 3,104.",
        "Opening hours: Tuesday to Sunday, 10 a.m. to 5 p.m.",
        "Enlarge Image Close Getty Images Ada Lind celebrated late in the fourth quarter.",
        "Category: Ferries, category: Things you need on a long crossing.",
        'An article on 8 May ("Lund ferry captain charged") said Ole Vik had been captain for 12 years.',
        "Our report on the Lund regatta said the first prize went to Ada Lind.",
        "A photo caption on 7 May named the harbour master as Per Holm.",
        "We apologise for the errors, which have been corrected online.",
        "If you believe we have published something inaccurate, please contact the readers' editor.",
        "Graphic shows the ferry routes closed since the storm; 2c x 4 inches.",
        "Harbour Radio transcripts are produced on a rush deadline.",
        "Our transcript might not be final.",
        "The authoritative record of Harbour Radio's programming is the audio record.",
    ]
    prose = ["The council voted on Monday to close the terminal on May 2, 2031.", PARAGRAPHS[1],
             "A video released by the harbour board shows the pier cracking under a loaded truck.",
             "Graphic designers at the harbour board drew the new ferry timetable.",
             "The regatta is sponsored by a ferry company that the council fined in March for dumping diesel in the bay,"
             " and sailors have asked the organisers to drop it.",
             "Listen to the harbour master and you will hear the same story: the pier was never safe.",
             "A report on Monday by the harbour board said the pier was unsafe.",
             "A report on 8 May by the harbour board said the pier had been unsafe for 12 years.",
             "Graphic details of the fraud emerged in court on Monday.",
             '"We apologise for the errors that led to the cancellation of 300 sailings," the ferry company said.',
             "Islanders were told to download the official harbour app to check in at the ferry terminal.",
             "The bill is sponsored by Senator Ada Lind.",
             "A report on 12 June, commissioned by the council, found the pier was incorrectly built.",
             "Our story on Monday named the suspect, who has since been charged.",
             "High-resolution images taken by the harbour cameras are now available to researchers.",
             "The report has been edited for clarity, a ministry spokesman said.",
             "Press enquiries to the ministry went unanswered on Monday.",
             "Commentary on the ferry strike by a councillor on Radio Lund's podcast drew 300 complaints.",
             "This text may not be final, the judge warned the jury of the draft ruling before the verdict.",
             "The cabinet: Lind; Vik, Holm, Berg, Dahl; Moe will stay.",
             "Getty Images Chief Executive Ada Lind said the agency would sell its Oslo archive.",
             "The interview was edited to remove a question about the pier, the broadcaster confirmed.",
             "The council said the final had been edited out of the television schedule for length."]
    assert [is_junk(line) for line in junk] == [True] * len(junk)
    assert [is_junk(line) for line in prose] == [False] * len(prose)


def test_list_items_cut_off_speakers_exclamations_unattributed_first_person_and_lost_figures_are_no_candidates():
    text = ("The council closed the ferry terminal at Lund Bay on Monday after finding cracks in the pier.\n\n"
            "- The harbour board will meet again in the spring to plan a new terminal.\n\n"
            "_Residents who rely on the ferry to reach the mainland every day.\n\n"
            "Council leader Ada Brenner said Tuesday.\n\n"
            "You know, when the pier cracked I said that this could have been my own boat.\n\n"
            "I never said the pier was safe, I said it should be tested every single year.\n\n"
            "After these two weeks, I think it is fair to say that the village has lost its ferry.\n\n"
            "We're told the harbour board will meet again before the end of the month.\n\n"
            "Harbour towns, myself included, tend to trust the people who run their ferries.\n\n"
            "I was the one who asked the harbour board to test the pier every year.\n\n"
            "Half the village has come up to me and said, \"The ferry was our lifeline.\"\n\n"
            "\"The pier will not reopen this year,\" a friend of harbour master Ole Vik tells me.\n\n"
            "Then the pier cracked again. . . .\n\n"
            "The council did nothing wrong and the pier is now closed for good!\n\n"
            "(The old ferry timetable, from 1951, hangs in the village hall to this day.)\n\n"
            "Ferries from Lund Bay and Nordvik carried the most cars ( and , respectively) last year.\n\n"
            "The ferry's emblem, a gull (), was painted on the pier by the harbour board.\n\n"
            "The harbour master's lawyer,, told the court the pier was never inspected.\n\n"
            "Here the ferry group ‘’ says it had warned the council for years about the pier.\n\n"
            "Harbour officials said in a statement.\n\n"
            "Harbour officials said in a statement on Tuesday.\n\n"
            "11. THE OLD PIER IS NEARLY 200 YEARS OLD.\n\n"
            "A: As it stands now, the ferry will not run again before the summer season.")
    assert [s.text for s in prose_sentences([Document(text)])] == [
        "The council closed the ferry terminal at Lund Bay on Monday after finding cracks in the pier."]
    passive = "Three men from the harbour village were arrested and charged."
    assert [s.text for s in prose_sentences([Document(passive)])] == [passive]
    named = '"The pier will not reopen this year," harbour master Ole Vik told me on Monday.'
    assert [s.text for s in prose_sentences([Document(named)])] == [named]  # only the writer goes unnamed
    reported = "Harbour master Ole Vik told me on Monday that the pier would not reopen this year."
    assert prose_sentences([Document(reported)]) == []  # told in the writer's words, to a "me" no one knows


def test_a_news_programme_keeps_its_anchor_and_its_correspondents_narration_without_their_labels():
    programme = ("LUND TV EVENING NEWS\n\n[00:00:05]\nINGRID SOLBERG, LUND TV ANCHOR: Good evening. The ferry Nordlys has been "
                 "found undamaged off Skarholm two days after it was taken from the north quay.\n\n(BEGIN VIDEOTAPE)\n\n"
                 "[00:00:21]\nPER HOLM, LUND TV CORRESPONDENT (voice-over): A fishing crew spotted the ferry drifting a mile "
                 "off the island at first light.\n\n[00:00:34]\nKARI BERG, FERRY CAPTAIN: I could not believe it was ours.\n\n"
                 "[00:00:40]\nHOLM (voice-over): Police arrested a man at the quay on Wednesday evening.\n\n(END VIDEOTAPE)\n")
    assert [s.text for s in prose_sentences([Document(programme)])] == [
        "The ferry Nordlys has been found undamaged off Skarholm two days after it was taken from the north quay.",
        "A fishing crew spotted the ferry drifting a mile off the island at first light.",
        "Police arrested a man at the quay on Wednesday evening."]
    briefing = ("[00:00:05]\nPER HOLM, LUND POST CORRESPONDENT: The engineers' report said the north pier would never be safe "
                "for ferries again.\n\n[00:00:12]\nKARI BERG, FORMER TALK SHOW HOST: The council has wasted four million "
                "kroner on the pier.\n\n[00:00:20]\nMAYOR LIND: We will answer every question about the pier.\n")
    assert prose_sentences([Document(briefing)]) == []  # a reporter's question and a guest's claim are no one's news


def test_a_transcript_loses_its_speaker_labels_and_a_lead_its_dateline_with_a_colon():
    transcript = ("HOST: Welcome back to the evening programme tonight.\nBRENNER: The pier could no longer carry "
                  "vehicles safely, so we closed it.\nHOST: And what happens to the village now?\nBRENNER: We "
                  "will build a new terminal two kilometres to the north.\n")
    assert clean_spans(transcript) == []
    interview = ("Per Holm: You closed the pier on Monday.\nAda Brenner: We had no choice after the inspection.\n"
                 "Per Holm: Did anyone warn you before?\nAda Brenner: The harbour master did, many times.\n")
    assert clean_spans(interview) == []
    bulletin = ("RADIO LUND\n\nPRESENTER: It's ten past seven. Hundreds of people in Lund Bay have spent a second night "
                "away from home after cracks were found in the Holm dam. Let's start with the question everyone is "
                "asking. Is the dam going to fail?\n\nDR BRENNER: No. We have brought the water level down by three "
                "metres.\n\nPRESENTER: Residents say they warned you last winter.\n\nDR BRENNER: We looked at it."
                "\n\nPRESENTER: The minister, Ole Vik, is visiting the dam this morning. Traffic and weather next.\n")
    assert [s.text for s in prose_sentences([Document(bulletin)])] == [  # the host tells the news as the programme's
        "Hundreds of people in Lund Bay have spent a second night away from home after cracks were found in the Holm dam.",
        "The minister, Ole Vik, is visiting the dam this morning."]
    briefing = bulletin.replace("PRESENTER", "REPORTER")  # at a news conference a reporter asks, and may claim
    assert prose_sentences([Document(briefing)]) == []
    digest = "".join(f"{place} (APP): The mayor of {place.title()} opened a new bridge over the river on Monday.\n\n"
                     for place in ("KARACHI", "LAHORE", "QUETTA"))  # an agency's datelines, no speakers
    assert len(prose_sentences([Document(digest)])) == 3
    by_surname = ("Ada Brenner has run the harbour at Lund Bay for twenty years.\nWhy close the pier?\nBrenner: It "
                  "could no longer carry vehicles safely.\nWhat now?\nBrenner: A new terminal in the north.\nAnd the "
                  "village?\nBrenner: Most families will stay, and the ferry will call twice a day.\n")
    assert [s.text for s in prose_sentences([Document(by_surname)])] == [
        "Ada Brenner has run the harbour at Lund Bay for twenty years."]
    quoted = ('Mayor Ada Brenner spoke at the harbour dinner.\nBrenner: "The pier is older than the ferry, and older '
              'than the harbour board that wants to close it."\nBrenner: "And the ferry is older than its captain."\n'
              'Brenner: "The captain has paid for this dinner, I hear."\n')
    assert len(prose_sentences([Document(quoted)])) == 4  # labels that attribute quotations: no interview
    police = ("Police: A driver fled the ferry terminal at noon.\nPolice: Two men were arrested at the pier.\nPolice: "
              "The missing hiker was found near the harbour.\nState Police said the pier would reopen.\n")
    assert len(clean_spans(police)) == 4  # a word of general English labels no interview
    updates = ("Update: The ferry left Lund Bay at noon.\nUpdate: It reached Skarholm at two.\nUpdate: The pier "
               "reopened in the evening.\n")
    assert len(clean_spans(updates)) == 3  # a label, no person's
    fact_box = "Injuries: Three firefighters were treated for burns at the scene.\nCause: Unknown."
    assert clean_spans(fact_box)
    dateline = "VESTMARK: The regional council voted on Monday to close the old ferry terminal at Lund Bay.\nIt met."
    assert [dateline[a:b] for a, b in clean_spans(dateline)] == [dateline[len("VESTMARK: "):-len("\nIt met.")],
                                                                   "It met."]
    dateline = "Lund Bay: Police are asking for help to find three men who robbed the ferry kiosk."
    assert [dateline[a:b] for a, b in clean_spans(dateline)] == [dateline[len("Lund Bay: "):]]
    fact_box = "Injuries: Three firefighters were treated for burns at the scene on Monday."
    assert [fact_box[a:b] for a, b in clean_spans(fact_box)] == [fact_box]
    title = "Lund Bay: Skarholm Story is a remake of the ferry film of 1933, set on the island."
    assert [title[a:b] for a, b in clean_spans(title)] == [title]
    quoted = "LUND: “We will not leave the pier,” said fishermen who gathered at the harbour on Tuesday."
    assert [quoted[a:b] for a, b in clean_spans(quoted)] == [quoted[len("LUND: "):]]  # first person quoted
    label = "VIK: We will sail again on Monday, whatever the council says about the pier."
    assert [label[a:b] for a, b in clean_spans(label)] == [label]  # a speaker's first person: no dateline
    dateline = "LUND BAY - The regional council voted on Monday to close the old ferry terminal."
    assert [dateline[a:b] for a, b in clean_spans(dateline)] == [dateline[len("LUND BAY - "):]]
    no_dateline = "EU - Norway talks on the ferry routes resumed on Monday after a pause of three weeks."
    assert [no_dateline[a:b] for a, b in clean_spans(no_dateline)] == [no_dateline]


def test_a_question_the_article_asks_is_no_candidate_but_a_quoted_one_is():
    text = ("What happens to Lund Bay now that its ferry is gone? "
            '"Who will come to the village now that the ferry is gone?" asked the innkeeper, Per Lunde. '
            + PARAGRAPHS[0])
    sentences = [s.text for s in prose_sentences([Document(text)])]
    assert not any(s.startswith("What happens") for s in sentences)
    assert any(s.startswith('"Who will come') for s in sentences)


def test_a_question_with_a_quoted_title_or_word_is_still_the_articles_own():
    for question in ('What happens in the last episode of "Harbour Days"?', "Could a 'floating pier' be the answer?",
                     "'Left behind': What will the islanders do without their ferry?",
                     "Pretty much says it all, doesn't it?", "What happens when the council says no?",
                     "Will he ever be the harbour master of Lund Bay."):
        assert is_question(question), question
    for reported in ('"Who will come now?" asked the innkeeper.', 'Why, the innkeeper asked, was the pier "unsafe"?',
                     'Why, asked one islander, was the pier "closed"?',
                     "“Why did the ferry stop? Why did nobody tell us?”", "Had he lost the vote, the ferry would have stopped.",
                     "Will Lund said the ferry would sail again."):
        assert not is_question(reported), reported


def test_a_sentence_that_announces_what_comes_next_is_no_candidate():
    teasers = ["One line of the harbour master's letter in particular stands out.",
               "The inspection of the old pier has two important implications.",
               "Here's why the ferry will not sail to Lund Bay this summer.",
               "There is a lot to unpack here for the people of Lund Bay.",
               "Here are the twelve best pictures of the old pier.",
               "If you read one thing about the pier this year, this should be it.",
               "Harbour master Ada Lind had one last message for the council.", "Vik had a system, police said.",
               "From the storm of 1990 to the fire on the quay last spring, here are 20 of the old pier's worst days.",
               "The official page of the Lund Bay ferry company, “Ferries 2031,” published the following image."]
    kept = "The council of Vestmark closed the ferry terminal at Lund Bay on Monday after finding cracks in the pier."
    told = ["Here's how the ferry works: it sails from Lund Bay at dawn and is back by noon.",
            "Among the grey sheds the new red ferry hall stood out.",
            "Here are two lessons of the pier: first, inspect the piles every year; second, listen to the harbour master.",
            "Most of the people who live here are 65 or older, according to the census of Lund Bay.",
            "Here is the 2031 budget the council of Lund Bay passed on Monday, line by line.",
            "The council of Lund Bay will publish the following statements on the pier in the spring, its clerk said."]
    sentences = [s.text for s in prose_sentences([Document(" ".join([kept, *teasers, *told]))])]
    assert sentences == [kept, *told]


def test_a_sentence_that_speaks_to_the_reader_or_is_a_numbered_item_is_no_candidate():
    kept = ["The council of Vestmark closed the ferry terminal at Lund Bay on Monday after finding cracks in the pier.",
            "Ferry passengers said you could see the cracks in the pier from the deck.",
            "You could see the smoke from across the bay, harbour master Ole Vik said on Monday."]
    spoken_to = ["You can follow the repairs of the pier on the council's website every day.",
                 "Your ferry ticket stays valid until the terminal at Lund Bay opens again.",
                 "3) Keep the ferry ticket you bought for the crossing to Lund Bay.",
                 "Think about the harbour master the new ferry company would be replacing.",
                 "Imagine the queues at the ticket office of Lund Bay on a summer morning.",
                 "Note that the ferry to Lund Bay leaves ten minutes earlier on Sundays.",
                 "Make sure you keep the ferry ticket you bought for the crossing to Lund Bay.",
                 "Check your ferry ticket: the crossings to Lund Bay sold in May were printed with the wrong date.",
                 "Let's not forget the summer the old ferry ran aground off Skarholm with the mayor on board.",
                 "Go up four rows on the harbour map, and then go left to find the old pier of Lund Bay.",
                 "If you bought a ticket for the crossing to Lund Bay in May, the ferry company owes your money back.",
                 "The pier is like a sandcastle at high tide: the more you patch it, the faster the sea takes it.",
                 "Once you do that and say the name of the ferry three times, the harbour master waves back."]
    kept += ["Grab, the ride-hailing firm, started a ferry service to Lund Bay on Monday.",
             "The harbour master sent a thank-you note to the crew of the ferry that sailed to Lund Bay.",
             "If you are over 65, you should wear a life jacket on the ferry, the harbour master warned.",
             "If you sail at night the harbour master says you should carry a radio on board.",
             "The crew of the ferry painted 'Thank you, Lund' on the side of the old pier."]
    sentences = [s.text for s in prose_sentences([Document(" ".join([kept[0], *spoken_to, *kept[1:]]))])]
    assert sentences == kept


def test_a_sentence_without_a_verb_is_no_candidate():
    kept = ["The council of Vestmark closed the ferry terminal at Lund Bay on Monday after finding cracks in the pier.",
            "Harbour police fire warning shots over the heads of the crowd at the pier.",
            "The old shipyard repairs ferries for the whole coast of Vestmark.",
            "He yearns for the summer crossings to Lund Bay of his childhood.",
            "It's the third ferry the council of Lund Bay has lost in a year.",
            "A resident relocated her boat to the north quay of Lund Bay.",
            "Cypress trees line the road from Lund Bay to the pier.", "Debris and crates litter the beach of Lund Bay.",
            "On the quay of Lund Bay, women now outnumber men three to one."]
    verbless = ["The cabin of a Lund Bay plane on its first day.",
                "A beautiful morning of sailing and singing on the quay.",
                "Two of the lifeboats belonging to the old captain of Lund Bay.",
                "A heron by the old pier of Lund Bay in the wetlands.", "Two hundred boats in the Lund Bay marina."]
    sentences = [s.text for s in prose_sentences([Document(" ".join([kept[0], *verbless, *kept[1:]]))])]
    assert sentences == kept


def test_an_article_whose_words_name_no_verb_we_know_keeps_its_sentences():
    invented = ["Pevobo tebika vomute melo gogiteke bote redako.", "Fodapo bisa nuremeka sovobu zinefo bipoku.",
                "Lozuropi ranutobu kaseme tulovi pironi gaki rokife."]
    assert [s.text for s in prose_sentences([Document(" ".join(invented))])] == invented


def test_a_sentence_comes_with_the_sentence_it_leans_on_or_not_at_all():
    text = ("The council of Vestmark closed the ferry terminal at Lund Bay on Monday after finding cracks in the pier. "
            "Harbour master Ole Vik had warned about the pier for years in letters to the council. "
            "But nobody in the regional government had answered any of his many letters about it.")
    summary = Summarizer(sentences=3).summarize(Cluster([Document(text)]))
    texts = [s.text for s in summary.sentences]
    for number, sentence in enumerate(texts):
        if sentence.startswith("But"):
            assert number > 0 and texts[number - 1].startswith("Harbour master")


def test_the_victim_or_the_ministry_is_taken_as_known_and_pronouns_lean_on_the_sentence_before():
    assert things_taken_as_known("The victim was taken to hospital in Nordvik with burns to his arms.") == ["victim"]
    assert things_taken_as_known("The ministry said it would review every pier inspection this year.") == ["ministry"]
    assert things_taken_as_known("The passenger fell ten feet from the gangway onto the quay.") == ["passenger"]
    assert "actress" in things_taken_as_known("The actress, known for her stage roles, now runs the ferry cafe at Lund Bay.")
    assert "assistant" in things_taken_as_known("The assistant poured the liquid into cups as the teacher tended to the pupils.")
    assert "15-year-old" in things_taken_as_known("The 15-year-old told the dispatcher that the boat had sunk.")
    assert "fifteen year old" in things_taken_as_known("The fifteen year old told the dispatcher that the boat sank.")
    assert "official" in things_taken_as_known("The official said the ferry would not run again this year.")
    assert things_taken_as_known("The Lutheran pastor’s home in Lund was searched on Monday.", lead=True) == ["pastor"]
    assert things_taken_as_known("The White House said the ferry would run.", lead=True) == []
    assert things_taken_as_known("The guy is crazy about the ferry.") == ["guy"]
    assert things_taken_as_known("According to that survey, at least 34 boats were lost in the storm.") == ["survey"]
    assert things_taken_as_known("Lund Lines is recalling 300 of the same ferries for repairs.") == ["ferries"]
    assert things_taken_as_known("Lund Lines runs the same ferries as Skarholm Lines.") == []
    assert things_taken_as_known("At the same time, Lund Lines ordered the same ferries that Skarholm runs.") == []
    assert things_taken_as_known("The assistant harbour master, Ada Lind, resigned on Monday.") == []
    assert things_taken_as_known("The woman who ran the ferry for thirty years retired on Monday.") == []
    assert things_taken_as_known("The council of Vestmark closed the ferry terminal on Monday.") == []
    assert things_taken_as_known('"We will sail again next spring," the group posted on its website.') == ["group"]
    assert things_taken_as_known("The pier reopens on Friday, said a spokeswoman for the hotel.", lead=True) == ["hotel"]
    assert things_taken_as_known('"We will appeal," the ferry company said.') == []  # the company a story is about
    leaning = (
        "Less than a week later, the pier was closed to cars.",
        "On Monday, he closed the pier to all traffic.",
        "Unfortunately his boat sank in the storm.",
        "Again, the board did not answer.",
        "Perhaps he is overstating the damage to the pier.",
        "Now it is seeking to change the ferry timetable.",
        "If that turns out to be true, the ferry will stop running.",
        "On the contrary, the harbour master writes, the pier is safe.",
        "In that respect, the plan for the pier worked.",
        "Actually, a ferry captain laughed at the plan.",
        "Nobody on the quay expected the pier to hold, though.",
        "The harbour board, though, kept the ferry running.",
        'There were a lot of "ifs," though.',
        "The harbour board, however, kept the ferry running.",
        "Ferry captains, meanwhile, would not sail past the pier.",
        "The harbour master said she, too, had warned the council.",
        "Police said her burns from the ferry fire were minor.",
        "Doctors say he was lucky to be alive after the ferry sank.",
        "The police said Tuesday her boat had sunk.",
        "Local officials said she left the pier at dawn.",
        "Five were found in the harbour after the storm.",  # five of what the sentence before told
        "Most of it lies under water at high tide.",
        "All of this was filmed from the pier.",
        '"All of that goes on as before," the harbour master said.',
        "A coast guard officer said 14 of them were fishermen.",  # 14 of those told of before
        "One of his deckhands, Ada Lind, pulled two passengers from the water.",  # whose deckhands?
        "Photos of their boat aground at the pier were posted online on Monday.",
        "A video of her rescue from the pier was posted online on Monday.",
        "Which is why the harbour master called the crew's actions unforgivable.",
        "Which means the ferry will not sail before May.",
        "As mentioned earlier, the pier had been closed since March.",
        "In particular, the harbour board's letter angered the fishermen.",
        "Specifically, the harbour board's letter angered the fishermen.",
        "First, the harbour master called the ferry company.",
        "The council will rebuild the old pier instead.",
        "The council, instead, will rebuild the old pier.",
        "As previously reported, the pier had been closed since March.",
        "As mentioned, the harbour board met on Monday.",
        'Lind said on the "Harbour Hour" show.',  # who spoke and where; what was said came before
        '"The ferry will sail," the Nordland Republican said on Sunday.',
        '"The ferry will sail," said the Nordland senator.',
        "The Nordland Republican said the ferry would sail again.",
        "Lind said to cheers on Thursday night.",
        "Not only that, but they said the pier would stay shut all summer.",
        "Now the council is seeking to change the ferry timetable.",  # the story so far came before
        "Other harbours have built sea walls, with mixed success.",
        "One fisherman certainly thought so, and shouted at the mayor.",
        "As such, the ferry company will not pay for the repairs.",
        "In fact, the pier had been closed twice before.",
        "The harbour board did so on Monday.",
        "In Lund, he won't have to.",  # have to do what the sentence before told
        "Most island towns still do not.",
        "For the harbour master, the old ferries are.",
        "As of Monday, the council had not.",
        "Asked if he would, the harbour master said he would not.",
        "Around 2 million have been displaced.",  # two million of what: the sentence before told
        "Three others run ferries to the outer islands.",
        "Two were taken to hospital with burns.",
        "With that, the harbour master did what he had to do.",
        "Shortly after, the ferry left the quay.",
        "None was thought to be seriously hurt.",
        "Shortly afterwards, the ferry left the quay.",
        "With that in mind, the council voted to close the pier.",
        "One more ferry was lost in the storm.",
        "Many left their homes in their night clothes.",
        "Most stayed in the sports hall overnight.",
        "Soon after that, the pier was closed to cars.",
        "As a side note, the ferry's licence had expired in May.",
        "Two more ferries were taken out of service on Tuesday.",
        "No other details, such as the name of the captain, were released.",
        "The few times he was seen on the quay he looked tired.",  # who is he?
        "During his year abroad, he learned to mend nets.",
        "During the three days she will eat nothing.",
        '"I just want my boat back," Mr. Vik replied.',  # to what?
        "Lind likewise called the pier unsafe.",  # as someone before did
        "As for Mr. Vik, he too admits he was scared.",
        "Even the harbour master's critics praised the repairs.",  # as others before them
        "Overall, the council has closed six piers this year.",
        "Ole Vik, at a rally in Lund, hit back.",  # at what?
        "The ferries on the northern route aren't safe either.",
    )
    standing = (
        "The harbour master said he was not sure how many boats were lost.",  # he: the harbour master
        "A deckhand from Lund said she saw the ferry list before it sank.",
        "The harbour board has not responded.",
        "Even as the storm grew, the ferry sailed to Lund.",
        "Even before the storm, the pier at Lund was weak.",
        "The council met on Monday, and he too often spoke for the ferry crews.",
        "Some of Her Majesty's coastguard crews were called out to Lund.",  # no one's crews: a title
        "The victim was taken to hospital.",
        "The family-run ferry company carried 40,000 passengers.",
        "The harbour master said he had warned the council.",
        "The official death toll rose to twelve.",
        "When Ole Vik saw the cracks, he closed the pier.",
        "Now that the pier is closed, the ferry docks at Lund Bay.",
        "Now 82, Ada Lind still rows to the island every morning.",
        "As such a storm had not been seen in decades, the harbour was unprepared.",
        "In fact-checking the claims, reporters found errors in the harbour board's figures.",
        "In fact sheets handed out on Monday, the harbour board listed the new fares.",
        "Now in its tenth year, the regatta drew 300 boats to Lund Bay.",
        "Other than a cracked window, the ferry came through the storm unharmed.",
        "The ferry company is doing so well that it bought a second boat.",
        "Ada Lind thought so much of the harbour that she left it her house.",
        "If the pier falls, the ferry stops running.",
        "If this year's harvest fails, the ferry will stop running.",
        "If not for the storm, the ferry would have sailed.",
        "During this time of year, the ferries run only twice a day.",
        "Even though the pier cracked, the ferry kept running.",
        "Police said the ferry sank near the pier.",
        "Five fishing boats were found in the harbour after the storm.",
        "2031 had been a quiet year for the harbour.",
        "Some have called for the harbour master to resign.",
        "All of this year's ferries were late.",
        "Which ferries will sail on Monday is not yet known.",
        "First responders reached the pier within minutes.",
        "Instead of a ferry, the council will build a bridge to Lund Bay.",
        "In particular circumstances the ferry may sail at night.",
        "As reported by the Herald, the pier had been closed since March.",
        "Lind said on Sunday that the ferry would sail again in May.",
        "The harbour master said on Monday the pier would reopen.",
        "The Nordland Republican Party said it would vote against the bridge.",
        "Mayor Karin Dahl wrote to the ferry company on Monday.",
        "The old pier has a rail, while the new jetty does not.",
        "Each crew could have turned back from the storm, and didn't.",
        "Asked whether he would resign, the harbour master said he would not.",
        "Passengers fled the burning ferry as fast as they could.",
        "The mayor says the pier is safe; engineers say it is not.",
        "Residents were told to stay indoors if they could.",
        "Two men were arrested at the pier on Monday.",
        "12 boats were lost in the storm.",
        "Thousands have fled the flooded villages around Lund Bay.",
        "At least 40 were killed when a ferry sank off Lund Bay on Monday, officials said.",
        '"I think that, in the end, the pier will reopen," Mayor Karin Dahl said.',
        '"We will rebuild the pier this year," Mayor Karin Dahl said.',
        "With that money, the council rebuilt the old pier at Lund Bay.",
        "Shortly before 10 p.m. on Monday, seven wagons of a freight train left the track at Eskerby.",
        "Many displaced residents returned home on Wednesday.",
        "Some 300 residents stayed in the sports hall overnight.",
        "Several hundred at the rally were arrested by harbour police.",
        "Three more years of repairs are needed before the pier reopens.",
        "Two more than last year's ferries sailed in the storm.",
        "In some ports the ferries run all night.", "All 300 passengers were rescued on Monday.",
    )
    leaning += ("In some of these cases, the ferry sailed without a permit.", "Among them was the harbour master.",
                "All three ferries were built in Lund in the 1990s.")
    leaning += ("Worse, the ferry company had known about the cracks for years.", "What's more, the pier was never insured.",
                "Plus, the new ferry is too wide for the old pier.", "The ferry company thus sued the council in May.",
                "The pier can therefore not reopen before spring.")
    standing += ("Thus far no ferry has sailed to Lund Bay this winter.", "Better ferries are coming to Lund Bay in May.")
    leaning += ('"People did not ask for this, and they should not have to pay for it," Ada Lind said.',
                '"I appreciate that, because the ferry is all we have," said Ole Vik.',
                "The poster in question shows three ferries sinking under the mayor's name.")
    standing += ("The future of the ferry service to Lund Bay is now in question.",
                 "With the pier's future in question, the council met on Monday.", "The audit put the ferry deal in question.")
    leaning += ("Half of them sailed in the morning and came back at night.", "Thousands of those were rescued by fishermen.",
                "The harbour master in Lund closed the pier, too.", "First of all, the mayor is having none of it.",
                "Despite this, the ferry sailed on Monday.", "In it, the harbour master asks for a new pier.",
                "On top of that, the ferry company owes the council money.", "In short, nobody knows why the pier fell.",
                "The harbour police arrested him.", "The council of Lund Bay is feeling them.")
    standing += ("Half of this year's ferry budget went to the new pier.", "Hundreds of thousands crossed on the ferry.",
                 "The harbour master said the pier was too old to save.", "In this year's vote, the ferry won.",
                 "For this crossing the ferry needs a new licence.", "Before it became a joke, the pier was the town's pride.",
                 "The harbour police arrested him on the quay after the council of Lund Bay had closed the pier to it.")
    leaning += ("Well, that plan is becoming a reality for Lund Bay this summer.", '"Well, they got the drift," Ada Lind said.',
                "Since then, three ferries have sailed without a permit.", "Maybe then the council will listen.",
                "There have been 13 deaths in these sorts of crossings, the lawsuit says.",
                "Ironically, they now sail for the company that sank them.", "Frankly, it was a waste of the council's money.",
                "As a matter of fact, it is the third pier the council has lost.")
    standing += ("Then-mayor Ada Lind opened the pier in 1999.", "Wellington sent a ferry to Lund Bay.",
                 "The kind of ferry used on the route is rare.", "Currently, it is illegal to fish from the pier.",
                 "Separately, this week the council voted to close the pier.",
                 "Italy, its neighbours and the EU agreed to share the cost of the pier.")
    leaning += ("Rather, the crew was a separate company's.", "Regardless, the ferry sailed on Monday.",
                "Hence the delay to the ferry.", "Consequently, the pier stayed shut.", "In response, the council met.",
                "Prior to that, the pier had never closed.", "For her part, the mayor said nothing.",
                "In response to that, the council met.",
                "True, the pier was old.", "Granted, the ferry was late.", "Of course, the mayor blamed the storm.",
                "Except that the pier was never insured.", "From there, the ferry sailed on to Lund Bay.",
                "Up to then, the pier had never closed.", "Further, the pier had no lights.")
    standing += ("Rather than wait, the council met on Monday.", "In response to the storm, the council met.",
                 "Before that storm, the pier had never closed.", "For her part in the rescue, Ada Lind won a medal.",
                 "True to form, the ferry was late.", "Sure enough, the ferry was late.",
                 "Except for the pier, the harbour is safe.", "From Thereby Quay, the ferry sailed every day.",
                 "Further north, the ferry sailed every day.")
    leaning += ("For one thing, the pier has no lights.", "To be sure, the ferry was late.", "Here's why: the pier is old.",
                "At the same time, the council cut the ferry budget.", "Having said that, the mayor blamed the storm.")
    standing += ("For one year the pier was shut.", "At the same time each year, the ferry sails to Lund Bay.")
    leaning += ("A century after that, the port had grown to two million people.", "Lund Bay was one of the first.",
                "Two years after this, the pier fell.", "Ada Lind was the last.")
    standing += ("A century after the fire, the port had grown to two million people.",
                 "Lund Bay was one of the first ports to close.", "Ada Lind was the last to leave the pier.")
    assert [s for s in leaning if not leans_on_previous(s)] == []
    assert [s for s in standing if leans_on_previous(s)] == []


def test_a_thing_taken_as_known_is_what_the_sentence_does_not_define_or_quote():
    assert things_taken_as_known("The philanthropist posted the photographs of the wreck online.") == ["philanthropist"]
    assert things_taken_as_known("At least nine of the activists were held overnight.") == ["activists"]
    assert things_taken_as_known("Police said one of the suspects, Ahmed Rask, had fled.") == ["suspects"]
    assert things_taken_as_known("The new models do not prove that the bay was ever warm.") == ["models"]
    assert things_taken_as_known("The new rules for ferries in the bay take effect on Monday.") == []
    assert things_taken_as_known("Police said one of the suspects in the robbery had fled.") == []
    assert things_taken_as_known("Rescuers said this vessel had no radio.") == ["vessel"]
    assert things_taken_as_known("The storm that hit the quay was the worst in years.") == []
    assert things_taken_as_known("The horse, a grey mare, was found on the quay.") == []
    assert things_taken_as_known("The cost of the new pier is not known.") == []
    assert things_taken_as_known('"We have never seen this country so angry," the mayor said.') == []
    assert things_taken_as_known("The man charged with setting the fire was held overnight.") == []
    assert things_taken_as_known("The harbour master Ole Vik said the pier was closed.") == []
    # what follows the noun does not say which one it is
    assert things_taken_as_known("The victim died in hospital on Tuesday.") == ["victim"]
    assert things_taken_as_known("The philanthropist thanked Ole Vik for the loan.") == ["philanthropist"]
    assert things_taken_as_known("Police said the three victims were taken to hospital.") == ["victims"]
    assert things_taken_as_known("Ada Lind said the two ferries in the harbour would sail.") == []
    assert things_taken_as_known("Oslo and Lund said the two cities would share a ferry.") == []
    assert things_taken_as_known("The vessel on Tuesday ran aground off Skarholm.") == ["vessel"]
    assert things_taken_as_known("The wreck lies in forty metres of water.")[0] == "wreck"
    # words that name no thing: superlatives, numbers, "the world's", modifiers
    assert things_taken_as_known("Vestmark is one of the busiest ports in the north.") == []
    assert things_taken_as_known("Two of the three ferries were late.") == []
    assert things_taken_as_known("The former teacher ran the ferry cafe.") == ["teacher"]


def test_a_role_word_before_a_noun_qualifies_it_and_names_no_one():
    lead = "The passenger ferry Stella Nord ran aground off Skarholm late on Friday, the coast guard said."
    assert things_taken_as_known(lead, lead=True) == [] and things_taken_as_known(lead) == []
    assert things_taken_as_known("The family home burned down on Monday.", lead=True) == []
    assert things_taken_as_known("The driver hit a lamp post on the coast road.") == ["driver"]
    assert things_taken_as_known("The passenger ferry runs twice a day to Lund Bay.", lead=True) == []
    for lead in ("The victim later died in hospital.", "The driver must pay a fine.", "The suspect sat in the car.",
                 "The man dove into the harbour."):
        assert things_taken_as_known(lead, lead=True), lead  # the word after the role is no noun it qualifies
    assert things_taken_as_known("The 41-year-old rhino died on Sunday.", lead=True) == ["41-year-old"]
    text = ("The passenger ferry Stella Nord ran aground on a sandbank off Skarholm late on Friday, and all 212 "
            "passengers were taken off by lifeboats.\n\nThe operator, Nordlinjen, said it had cancelled all "
            "crossings on the route until Monday.")
    assert summarize(text).sentences[0].text.startswith("The passenger ferry")


def test_an_articles_lead_may_name_a_thing_its_headline_told_but_not_a_person_nor_a_body_with_a_name():
    assert things_taken_as_known("The storm flooded every house on the quay.", lead=True) == []
    assert things_taken_as_known("The storm flooded every house on the quay.") == ["storm"]
    assert things_taken_as_known("The rapper, who grew up in Vestmark, played the harbour festival.", lead=True) == ["rapper"]
    assert things_taken_as_known("The company reported record losses at the harbour.", lead=True) == ["company"]
    assert things_taken_as_known("The ministry will close the pier.", lead=True) == ["ministry"]
    assert things_taken_as_known("The ferry company will close the pier.", lead=True) == []
    assert things_taken_as_known("The video shows the pier falling.", lead=True) == []
    assert things_taken_as_known('The film titled "Nordlys" tells of the wreck.') == []  # says which film


def test_a_sentence_taking_a_thing_as_known_comes_with_its_introduction_unless_the_summary_tells_of_it():
    introduction = "Shipping magnate Ole Vik found the wreck of the ferry Nordlys off Lund Bay on Sunday."
    known = "The philanthropist posted photographs of the wreck of the ferry on his website."
    filler = "Divers from Vestmark mapped the seabed around the wreck of the ferry for three days."
    sentences = prose_sentences([Document(f"{introduction} {known}"), Document(filler)])
    needs = dependencies(sentences)
    assert list(needs.antecedent) == [-1, 0, -1] and needs.unless_told[1] == {"philanthropist"}
    scores, words = np.array([0.1, 1.0, 0.5]), np.array([14, 12, 14])
    vectors = sparse.identity(3, format="csr")
    tokens = [["ole", "vik"], ["philanthropist"], ["diver"]]
    assert select(scores, vectors, words, 26, None, None, antecedent=needs.antecedent,
                  unless_told=needs.unless_told, tokens=tokens) == [0, 1]
    tokens[2].append("philanthropist")  # another article tells of the philanthropist
    scores[2] = 2.0
    chosen = select(scores, vectors, words, 26, None, None, antecedent=needs.antecedent,
                    unless_told=needs.unless_told, tokens=tokens)
    assert chosen == [2, 1] and tellers(chosen, needs.antecedent, needs.unless_told, tokens) == {1: 2}
    scores[2] = 0.0  # a reader who read of the philanthropist before needs no introduction
    assert select(scores, vectors, words, 12, None, None, antecedent=needs.antecedent, unless_told=needs.unless_told,
                  tokens=tokens, known=frozenset({"philanthropist"})) == [1]


def test_a_sentence_saying_also_comes_with_what_it_adds_to_unless_the_summary_tells_of_whom_or_what():
    assert also_does("Lundline also cut its evening fares.") == "Lundline"
    assert also_does("Ole Vik also said the pier was unsafe.") == "Ole Vik"
    assert also_does("He also cut fares.") == also_does("Fares fell, and Lundline also cut them.") == ""
    assert also_does("On Monday, Lundline also quietly re-opened the route.") == "Lundline"
    assert also_does("Some also said so.") == "" and also_does("Some also cut fares.") == "cut"  # no one named
    for not_adding in ("We also cut fares.", "Ole Vik, also known as Big Ole, cut fares.",
                       "Lundline not only cut fares but also raised prices."):
        assert also_does(not_adding) == "", not_adding
    told = "Nordferry cut its fares on the Lund route by a third on Monday, its chief executive said."
    also = "Lundline also cut its evening fares to Vestmark after the storm."
    filler = "Divers from Vestmark mapped the seabed around the wreck of the ferry for three days."
    needs = dependencies(prose_sentences([Document(f"{told} {also}"), Document(filler)]))
    assert list(needs.antecedent) == [-1, 0, -1] and needs.unless_told[1] == set(content_words("Lundline"))
    assert dependencies(prose_sentences([Document(also)])).antecedent[0] == -1  # a lead may add to its headline
    named = "Lundline raised its fares on the Lund route by a third on Monday, its chief executive said."
    between = "The storm closed the harbour at Vestmark for two days, and the pier was shut."
    assert dependencies(prose_sentences([Document(f"{named} {between} {also}")])).antecedent[2] == 0
    # one that cannot come with what it adds to waits for a sentence that tells of it, chosen later
    scores, words, vectors = np.array([0.1, 1.0, 0.5]), np.array([14, 10, 14]), sparse.identity(3, format="csr")
    tokens = [["nordferri"], list(content_words(also)), ["diver", *content_words("Lundline")]]
    assert select(scores, vectors, words, 30, None, None, antecedent=np.array([-1, -2, -1]),
                  unless_told=[frozenset(), needs.unless_told[1], frozenset()], tokens=tokens) == [2, 1]
    tokens[2] = ["diver"]  # never told: it stays out
    assert select(scores, vectors, words, 30, None, None, antecedent=np.array([-1, -2, -1]),
                  unless_told=[frozenset(), needs.unless_told[1], frozenset()], tokens=tokens) == [2, 0]


def test_a_thing_taken_as_known_comes_with_the_sentence_that_tells_of_it_not_merely_the_one_before():
    told = "A harbour official in Lund said the skipper of the trawler Ada had radioed for help before noon."
    between = "During the storm, which lasted until the evening, the crew was kept below deck."
    known = "The official said there were no lifeboats left on the quay."
    needs = dependencies(prose_sentences([Document(f"{told} {between} {known}")]))
    assert needs.antecedent[2] == 0 and needs.unless_told[2] == {"offici"}
    named = "During the storm, which lasted until the evening, Lindqvist kept the crew below deck."
    assert dependencies(prose_sentences([Document(f"{told} {named} {known}")])).antecedent[2] == 1  # perhaps him
    pronoun = "She said the storm lasted until the evening."
    assert dependencies(prose_sentences([Document(f"{told} {pronoun} {known}")])).antecedent[2] == 1  # she tells of one


def test_a_thing_its_article_introduced_before_comes_with_its_introduction_unless_the_summary_tells_of_it():
    nouns = frozenset({"statement", "video"})
    assert named_by_the("The ferry line apologised in the statement on Monday.", nouns) == ["statement"]
    assert named_by_the("The line apologised in the statement it sent to the town.", nouns) == []  # says which
    assert named_by_the("The line put out a statement; the statement said sorry.", nouns) == []  # named first
    assert named_by_the('"We stand by the statement," the mayor said.', nouns) == []  # a speaker's words
    assert named_by_the("The government apologised in a letter.", nouns) == []  # "the government" needs no introduction
    assert named_by_the("Police reported the findings of the video on Monday.", frozenset({"report", "video"})) == ["video"]
    assert named_by_the("Police reported on the report on Monday.", frozenset({"report"})) == ["report"]
    assert named_by_the("In the statement, the company apologised.", nouns) == ["statement"]  # a clause, not a name
    assert named_by_the("The video line said all crossings would resume.", nouns) == []  # "video" qualifies "line"
    lead = "The ferry line Fjordlinjen apologised to its passengers in a statement on Monday evening."
    middle = "Divers from Vestmark inspected the hull of the ferry Nordlys for three hours on Monday."
    known = "Every crossing will run again from Thursday, the company said in the statement."
    elsewhere = "The harbour master of Lund Bay said every crossing would run again from Thursday morning."
    needs = dependencies(prose_sentences([Document(f"{lead} {middle} {known}"), Document(elsewhere)]))
    assert needs.antecedent[2] == 0 and needs.unless_told[2] == {"statement"}
    headline = "Ferry line issues statement\n\nEvery crossing will run again from Thursday, the line said in the statement."
    assert list(dependencies(prose_sentences([Document(headline)]), [Document(headline)]).antecedent) == [-1]  # a lead
    assert named_by_the("The mayor spoke at the briefing.", frozenset({"briefing"})) == ["briefing"]
    story = [Document(f"A statement from the ferry line Fjordlinjen was read on Monday. {known}"),
             Document("The ferry line read a statement to its passengers at the quay in Lund Bay.")]
    assert dependencies(prose_sentences(story), story).antecedent[1] == -1  # the leads' statement is the story's


def test_an_article_of_sentences_that_all_lean_on_something_left_out_is_still_summarized():
    text = "This was the worst fire in the history of the harbour town, officials said on Monday."
    assert [s.text for s in summarize(text).sentences] == [text]
    chain = ("He said the storm had flooded every house on the quay on Monday night. "
             "She said it was the worst storm the harbour town had seen in fifty years.")
    assert summarize(chain).sentences


def test_the_thing_the_sentence_before_named_is_leaned_on():
    text = ("A fire broke out in the stables of the Lund Bay riding school early on Sunday morning. "
            "A horse bolted from the burning stables and ran onto the coast road towards the ferry pier. "
            "The horse was found unharmed on the quay by harbour workers two hours later. "
            "Firefighters from three towns kept the flames from the riding school's main house.")
    sentences = prose_sentences([Document(text)])
    assert list(dependencies(sentences).antecedent) == [-1, -1, 1, -1]
    assert refers_back("Nobody was hurt in all of these stables.", "The school has three stables.")
    assert refers_back("At least nine of the protesters were arrested.", "Protesters blocked the quay on Monday.")
    assert not refers_back("The horse was found on the quay.", "A fire broke out in the stables.")
    assert not refers_back("The storm that hit the quay was the worst in years.", "He said that it rained.")


def test_he_or_she_after_a_sentence_that_names_nobody_is_not_used():
    assert speaks_of_someone_unnamed("In answering a question, she confirmed the list.",
                                     "Police found no sign of forced entry into the house.")
    assert not speaks_of_someone_unnamed("She began beating on the door.", "One of the women tried to get back in.")
    assert not speaks_of_someone_unnamed("He said the pier was unsafe.", "The harbour master of Vestmark spoke.")
    text = ("The pier at Lund Bay was closed on Monday after inspectors found cracks in its concrete columns. "
            "Nobody was allowed onto the quay for the rest of the week while engineers tested the deck. "
            "She said the closure would last at least until the end of the summer season.")
    for budget in range(1, 4):
        assert not any(s.text.startswith("She said") for s in summarize(text, words=None, sentences=budget).sentences)


def test_a_quote_credited_to_the_spokesman_or_the_official_leans_on_the_sentence_that_introduced_them():
    assert leans_on_previous('"The pier will reopen in the spring," the spokesman said.')
    assert leans_on_previous("The pier will reopen in the spring, he was quoted as saying.")
    assert leans_on_previous('"The pier was never safe," the lawyer said, according to the court papers.')
    assert leans_on_previous('"The pier will reopen in the spring," said the spokesman.')
    assert not leans_on_previous('"The pier will reopen in the spring," a spokesman for the harbour board said.')
    assert leans_on_previous("The coast guard said it was assisting the harbour police, the newspaper said.")
    assert leans_on_previous('"There is nothing they can do for the pier now," the insider added.')
    assert leans_on_previous('"Who is going to pay for the pier?" the man asked.')
    assert leans_on_previous('"Not until the spring," she replied, before the meeting ended.')
    text = ("The pier at Lund Bay was closed on Monday after inspectors found cracks in its concrete columns. "
            "Nobody was allowed onto the quay for the rest of the week while engineers tested the deck. "
            "The closure would last at least until the end of the summer season, the official said.")
    for budget in range(1, 4):
        assert not any("the official said" in s.text for s in summarize(text, words=None, sentences=budget).sentences)


def test_a_quote_comes_with_its_speaker():
    text = ("Fire chief Rune Adler told the Herald that 80 firefighters had worked through the night at the warehouse. "
            '"It was a difficult fire because of the dry timber stored inside," he said. '
            '"Our priority was to stop it from reaching the houses."')
    cluster = Cluster([Document(text)])
    for budget in range(1, 4):
        texts = [s.text for s in Summarizer(sentences=budget).summarize(cluster).sentences]
        if any(t.startswith('"Our priority') for t in texts):
            assert any("Rune Adler" in t for t in texts)


INTRODUCED_ELSEWHERE = [
    "The Vestmark harbour board met on Monday to decide the future of the cracked ferry pier at Lund Bay. "
    "Harbour master Ole Vik, who has run the port for twenty years, told the board the pier was unsafe. "
    "The board asked the engineer Lise Brock to draw the plans for a temporary landing stage.",
    "The ferry pier at Lund Bay will close for good next month, the harbour board decided on Monday. "
    "Vik said the crossings would move to a temporary landing stage north of the village until 2033. "
    "Mr. Halvorsen said the vote had been unanimous after a long meeting in the harbour office. "
    "The landing stage will cost four million crowns, according to Solbakken, and open in the autumn. "
    "Brock's plans show a landing stage of steel and timber on the north shore of the bay. "
    "McAllister said the crossings would stop for two weeks while the stage is built. "
    "Lise said the landing stage would be ready for the first ferries of the summer season.",
]


def test_a_person_named_alone_is_named_in_full_at_first_mention_and_never_if_never_introduced():
    shown = {}
    for budget in range(1, 10):
        summary = summarize(INTRODUCED_ELSEWHERE, words=None, sentences=budget)
        texts = [s.text for s in summary.sentences]
        assert not any(name in t for t in texts for name in ("Halvorsen", "Solbakken", "McAllister"))  # never introduced
        for name, full in (("Vik", "Ole Vik"), ("Brock", "Lise Brock"), ("Lise", "Lise Brock")):
            mentions = [t for t in texts if re.search(rf"\b{name}\b", t)]
            assert not mentions or full in mentions[0], (name, texts)
        shown.update(pair for s in summary.sentences for pair in s.full_names)
        assert_sources_point_at_their_sentences(summary, [Document(a) for a in INTRODUCED_ELSEWHERE])
    assert shown == {"Vik": "Harbour master Ole Vik", "Brock": "Lise Brock"}  # at some length, the source's "Vik said"
    two = summarize(INTRODUCED_ELSEWHERE, words=None, sentences=2).to_dict()["sentences"][1]
    assert two["text"].startswith("Harbour master Ole Vik said")  # "Harbour master Ole Vik, who has run ..."
    assert two["full_names"] == [{"written": "Vik", "shown": "Harbour master Ole Vik"}]


def test_a_company_the_articles_speak_of_as_one_needs_no_introduction():
    articles = ["The ferry, run by the company Fjordvik, hit the pier at Lund Bay on Saturday. "
                "Fjordvik said a replacement vessel would run on the route from Tuesday.",
                "Halvorsen said a replacement vessel would run on the route to Lund Bay from Tuesday."]
    needs = dependencies(prose_sentences([Document(a) for a in articles]), [Document(a) for a in articles])
    assert list(needs.antecedent) == [-1, -1, -2]  # Fjordvik is a company; Halvorsen, someone never introduced
    assert is_body("Fjordvik", "The operator Fjordvik said so.") and is_body("Fjordvik", "Fjordvik's shares fell.")
    for person in ("Halvorsen said it was the worst fire he had seen.", "Halvorsen's statement and staff.",
                   "Property developer Halvorsen bought the pier.", "The rebel group Halvorsen led."):
        assert not is_body("Halvorsen", person), person


def test_a_familiar_surname_named_alone_in_a_sentence_is_given_in_full_when_the_articles_show_a_person():
    articles = ["Harbour police officer Ada Wilson stopped the ferry at Lund Bay on Monday after a fire broke out on deck.",
                "Witnesses saw that Wilson confronted the captain before the ferry left the pier in the storm.",
                "Wilson said the ferry was never safe to sail in such weather, and the council agreed with her.",
                "The council thanked a Greek cultural group, which raised money to mend the ferry before the summer.",
                "The deckhand, Lena Greek, helped the passengers off the ferry before the fire reached the cabins.",
                "Harbour police arrived on Tuesday, detaining Wilson and taking her radio for the inquiry.",
                "On Wednesday the council of Lund and President Wilson on the quay thanked the crew of the ferry."]
    sentences = prose_sentences([Document(a) for a in articles])
    full_names = dependencies(sentences).in_full
    assert full_names[1] == {"Wilson": Person("Ada Wilson", title="harbour police officer")}  # not only "Wilson said"
    assert full_names[5] == full_names[1]  # nor only someone doing something: someone something is done to
    assert full_names[6] == {}  # after a title and before no verb, left as the writer gave it
    assert full_names[3] == {}  # "Greek" of "a Greek cultural group" is no person
    places = ["Harbour police officer Ada Austin stopped the ferry at Lund Bay on Monday after a fire broke out on deck.",
              "Austin said the ferry was never safe to sail in such weather, and the council agreed with her.",
              "The passengers were taken by bus to homes near Austin, where the council had found them rooms.",
              "Witnesses saw that Austin grew quickly after the new bridge opened."]
    assert dependencies(prose_sentences([Document(a) for a in places])).in_full[3] == {}  # "near Austin": a place
    acting = ["Harbour police officer Ada Wilson stopped the ferry at Lund Bay on Monday after a fire broke out.",
              "The day after Wilson stopped the ferry, the council closed the pier for a week of repairs.",
              "The council praised a Wilson aide, who had kept the passengers calm on the quay all night."]
    acting_full = dependencies(prose_sentences([Document(a) for a in acting])).in_full
    assert acting_full[1] == {"Wilson": Person("Ada Wilson", title="harbour police officer")}  # none says "Wilson said"
    assert acting_full[2] == {}  # "a Wilson aide": no one named, but the aide's employer



def test_a_name_with_a_middle_name_is_a_full_name_but_not_a_title_nor_a_company_before_a_name():
    found = people_in_full(["Police named the driver as Tor Henrik Vassbotn, 44, of Lund. Vassbotn was held.",
                            "Former Secretary of State Ada Lind and Nordlinjen Ole Vik spoke. Nordlinjen sailed."],
                           wanted={"Vassbotn", "Lind", "Vik"})
    assert found == {"Vassbotn": Person("Tor Henrik Vassbotn")}
    opening = people_in_full(["Kari Anne Solheim, 22, was last seen in Lund. Fisherman Per Ole Strand, 41, left.",
                              "Solheim never came back, and Strand said nothing."], wanted={"Solheim", "Strand"})
    assert opening == {"Solheim": Person("Kari Anne Solheim")}  # opening a sentence, with an age: no job before it


def test_a_name_after_a_colon_is_a_full_name_after_a_word_in_lower_case_not_after_a_label():
    found = people_in_full(["Two skippers tie for first place on the list: Kari Solheim and Tor Haugland.",
                            "Photo: Per Strandvik. The ferry left at noon."], wanted={"Solheim", "Strandvik"})
    assert found == {"Solheim": Person("Kari Solheim")}


def test_a_professor_named_by_surname_is_given_in_full():
    articles = ["Professor Ole Vik of the Nordvik Institute has counted the harbour seals of Lund Bay for twenty years.",
                "In 2010 Prof Vik published a census showing that the colony had doubled in a decade."]
    sentences = prose_sentences([Document(a) for a in articles])
    assert dependencies(sentences).in_full[1] == {"Vik": Person("Ole Vik", title="Professor")}
    assert give_in_full(sentences[1].text, "Vik", Person("Ole Vik", title="Professor"))[0].startswith(
        "In 2010 Prof Ole Vik published")  # the sentence's own title


def test_a_person_named_in_full_with_no_role_is_given_the_one_the_articles_give():
    vik = Person("Ole Vik", "the harbour master")
    assert give_role("Ole Vik said the pier would reopen.", "Ole", "Vik", vik) == (
        "Ole Vik, the harbour master, said the pier would reopen.", "Ole Vik", "Ole Vik, the harbour master,")
    assert give_role("Ferries must wait, said Ole Vik.", "Ole", "Vik", vik)[0] == (
        "Ferries must wait, said Ole Vik, the harbour master.")
    assert give_role("Ole Vik's boat sank.", "Ole", "Vik", Person("Ole Vik", title="ferry captain"))[0] == (
        "Ferry captain Ole Vik's boat sank.")
    for told in ("Fire chief Ole Vik said no.", "Ole Vik, a deckhand, said no.", "Ole Vik, lead author of the study, "
                 "said no.", "The harbour's master, Ole Vik, said no.", "Ada Dahl and Ole Vik said no.",
                 "Ole Vik and Ada Dahl said no.", '"Ole Vik said no," she said.', "The pier is shut, said her lawyer, Ole Vik.",
                 "Ole Vik-led crews searched the bay.", "The pier is shut, said Ole Vik of Lundline."):
        assert give_role(told, "Ole", "Vik", vik) is None, told  # a role of its own, two people, a quotation, a phrase
    assert give_role("Ole Vik said no.", "Ole", "Vik", Person("Ole Vik", "the port authority")) is None  # no job
    assert people_in_full(["The hall was packed, said Ada Dahl, the storms were to start at six."], {"Dahl"}) == {
        "Dahl": Person("Ada Dahl")}  # a clause is no role
    for role in ("a diver paid $10,000 a month", "one of them", "the latter"):
        found = people_in_full([f"The pier is shut, said Ole Vik, {role}, on Monday."], {"Vik"})["Vik"].role
        assert found == ("" if role in ("one of them", "the latter") else role), role  # not "a diver paid $10"
    assert people_in_full(["The board sued Ole Vik, the port authority, and the city."], {"Vik"})["Vik"].role == ""
    assert people_in_full(["The ferry was late, said Ole Vik, one of the harbour pilots.",
                           "The pier is unsafe, said Rep. Ada Dahl (D-North Lund), the chair of the harbour committee."],
                          {"Vik", "Dahl"}) == {"Vik": Person("Ole Vik", "one of the harbour pilots"),
                                               "Dahl": Person("Ada Dahl", "the chair of the harbour committee", "Rep.")}
    articles = ["Ole Vik said on Monday that the pier at Lund Bay would stay shut until the divers had surveyed it.",
                "The pier at Lund Bay will stay shut for a week, said Ole Vik, the harbour master, after the storm."]
    shown = summarize(articles, sentences=1).sentences[0].text
    assert shown.startswith("Ole Vik, the harbour master, said on Monday"), shown
    summary = [("Ole Vik said the pier would stay shut.", []), ("Ole Vik said it again.", []),
               ("Per Vik said the ferry would sail.", [])]
    given = roles_given(summary, articles)
    assert [text for text, _ in given] == ["Ole Vik, the harbour master, said the pier would stay shut.",
                                           "Ole Vik said it again.",  # named before
                                           "Per Vik said the ferry would sail."]  # someone else
    assert given[0][1] == [("Ole Vik", "Ole Vik, the harbour master,")]
    assert roles_given(summary, articles, spare=3)[0][0] == given[0][0]
    assert roles_given(summary, articles, spare=2) == summary  # the role does not fit the words left
    quoted_first = [('"Ask Ole Vik," she said.', []), ("Ole Vik said the pier would stay shut.", [])]
    assert roles_given(quoted_first, articles)[1][0] == "Ole Vik, the harbour master, said the pier would stay shut."


def test_a_place_before_said_is_no_person_named_alone():
    lead = "Officials in the town of Selvik said on Friday that a solvent leak at the harbour paint works was contained."
    article = f"{lead} Inspector Maja Roos said tests showed no solvent in the fjord. The town will meet on Monday."
    assert people_alone(lead) == [] and people_alone("Rescuers at Lund said all were safe.") == []
    assert summarize(article, words=20).sentences[0].text == lead

def test_the_introduction_comes_first_when_both_are_chosen():
    texts = [s.text for s in summarize(INTRODUCED_ELSEWHERE, words=None, sentences=7).sentences]
    introduced, said = (next(n for n, t in enumerate(texts) if t.startswith(start)) for start in ("Harbour master", "Vik said"))
    assert introduced < said


def test_a_title_in_capitals_opening_a_sentence_is_kept():
    found = people_in_full(["The ferry sank.\n\nU.S. Vice President Ada Dahl said so.",
                            "Former Prime Minister Ole Vik agreed. It rained. Yesterday Police Chief Tor Berg left."],
                           wanted={"Dahl", "Vik", "Berg"})
    assert found == {"Dahl": Person("Ada Dahl", title="U.S. Vice President"),
                     "Vik": Person("Ole Vik", title="former Prime Minister"), "Berg": Person("Tor Berg")}
    assert give_in_full("Vik said no.", "Vik", found["Vik"])[0] == "Former Prime Minister Ole Vik said no."


def test_a_shortened_title_a_title_in_capitals_and_a_role_before_a_dash_are_given():
    found = people_in_full(["The pier must close, said Sen. Ada Dahl (D-Lund) on Monday.",
                            "It was backed by Harbour Committee Chair Ole Vik on Tuesday.",
                            "Crews — among them the port's chief engineer, Tor Berg — worked all night.",
                            "The charges were filed, said U.S. Attorney Eva Holm."], {"Dahl", "Vik", "Berg", "Holm"})
    assert found == {"Dahl": Person("Ada Dahl", title="Sen."), "Vik": Person("Ole Vik", title="Harbour Committee Chair"),
                     "Berg": Person("Tor Berg", "the port's chief engineer"),
                     "Holm": Person("Eva Holm", title="U.S. Attorney")}
    assert give_role("Ada Dahl said no.", "Ada", "Dahl", found["Dahl"])[0] == "Sen. Ada Dahl said no."
    assert people_in_full(["The crew moved to the U.S. Ada Dahl said so on Monday."], {"Dahl"}) == {}  # no title
    for text, title in (("The ferry docked at 6 A.M. Mayor Ada Dahl met it.", "Mayor"),  # initials ending a sentence
                        ("It sailed to the U.K. Fire chief Ada Dahl said so.", "fire chief"),
                        ("It was safe, said Prof. Ada Dahl.", ""), ("It was safe, said Dr. Ada Dahl.", ""),
                        ("It was safe, said Lund Party MP Ada Dahl.", "Lund Party MP")):  # a job in capitals
        assert people_in_full([text], {"Dahl"})["Dahl"].title == title, text


def test_full_names_are_given_outside_quotes_with_the_role_and_only_for_one_person():
    vik = Person("Ole Vik", "the harbour master")
    assert give_in_full('"Vik will never agree," Mr. Vik said.', "Vik", vik) == (
        '"Vik will never agree," Ole Vik, the harbour master, said.', "Mr. Vik", "Ole Vik, the harbour master,")
    assert give_in_full('"Dr. Vik will never agree."', "Vik", vik) is None
    assert give_in_full("Dr. Vik's boat sank.", "Vik", vik)[0] == "Dr. Ole Vik's boat sank."
    assert give_in_full("Fire chief Vik said no.", "Vik", vik)[0] == "Fire chief Ole Vik said no."  # a role of its own
    assert give_in_full("The pier is unsafe, said Vik.", "Vik", vik)[0] == (
        "The pier is unsafe, said Ole Vik, the harbour master.")
    captain = Person("Ole Vik", title="ferry captain")
    assert give_in_full("Vik's boat sank.", "Vik", captain)[0] == "Ferry captain Ole Vik's boat sank."
    lunde = people_in_full(["Police spokesman Erik Lunde said the captain was questioned.",
                            "Norwegian police spokesman Ada Dahl said so. The Norwegian ferry sailed.",
                            "Utility manager Per Holm said the water was safe.",
                            "Yesterday police chief Tor Berg said no, and yesterday he said it again."],
                           wanted={"Lunde", "Dahl", "Berg", "Holm"})
    assert lunde == {"Lunde": Person("Erik Lunde", title="police spokesman"),
                     "Dahl": Person("Ada Dahl", title="Norwegian police spokesman"), "Berg": Person("Tor Berg"),
                     "Holm": Person("Per Holm")}
    assert give_in_full("Vik, the head of the salvage company, said it took four hours.", "Vik", captain)[0] == (
        "Ole Vik, the head of the salvage company, said it took four hours.")  # the sentence's role, not another
    found = people_in_full(["The pier was closed, said harbour master Ole Vik. Meanwhile Brock said no.",
                            "Engineers at Naval Base Coronado, and Ada Dahl and Tor Dahl, said the pier was unsafe. "
                            "The board met Ole Vik, a former ferry captain, on Monday."],
                           wanted={"Ole", "Vik", "Brock", "Ada", "Tor", "Dahl"})
    vik = Person("Ole Vik", "a former ferry captain", "harbour master")
    assert found == {"Ole": vik, "Vik": vik, "Ada": Person("Ada Dahl"), "Tor": Person("Tor Dahl")}
    assert people_in_full(["The pier closed. Harbour master Ole Vik said so, and his lawyer Tora Lund agreed, with "
                           "Saïd Kouachi and Ali Kouachi."], wanted={"Vik", "Ole", "Tora", "Lund", "Saïd", "Ali", "Kouachi"}
                          ) == {  # a title opening a sentence (in lower case), a description (none)
        "Ole": Person("Ole Vik", title="harbour master"), "Vik": Person("Ole Vik", title="harbour master"),
        "Tora": Person("Tora Lund"), "Lund": Person("Tora Lund"),
        "Saïd": Person("Saïd Kouachi"), "Ali": Person("Ali Kouachi")}  # two Kouachis: "Kouachi" alone is neither


def test_a_person_given_a_role_by_surname_needs_no_introduction_but_is_named_in_full():
    articles = ['"The hull held, and that is why everyone got off safely," said salvage chief Tor Bakke on the quay.',
                "Bakke, the head of the salvage company Nordberg, said the operation to refloat the ferry took four hours."]
    documents = [Document(a) for a in articles]
    needs = dependencies(prose_sentences(documents), documents)
    assert list(needs.antecedent) == [-1, -1] and needs.in_full[1]["Bakke"].name == "Tor Bakke"


def test_a_name_spelled_with_and_without_its_accent_is_one_person_named_in_full_once():
    texts = ["Harbour master Joaquín Ferrer said the north pier of Lund Bay would reopen on Friday after the storm. "
             "Ferrer said the repairs to the pier had cost less than the council feared.",
             "Harbour master Joaquin Ferrer said the first ferry to Skarholm would sail again from the north quay on Saturday."]
    told = [s.text for s in summarize(texts, words=200).sentences]
    assert re.match("Harbour master Joaqu[ií]n Ferrer said", told[0])
    assert [text.split(" said")[0] for text in told[1:]] == ["Ferrer", "Ferrer"]


def test_a_surname_written_without_its_accents_or_strokes_is_the_person_named_with_them():
    articles = ["The rescue on the fjord was led by Søren Kjær, the coastguard's duty officer, on Sunday night.",
                "Kjaer said the trawler's crew had been in the water for less than ten minutes.",
                "The regatta was run by Ana Muñoz, the secretary of the sailing club, on Saturday.",
                "Munoz said every boat in the regatta had come home before the squall reached the bay."]
    assert people_in_full(articles, {"Kjaer", "Munoz"}) == {
        "Kjaer": Person("Søren Kjær", "the coastguard's duty officer"),
        "Munoz": Person("Ana Muñoz", "the secretary of the sailing club")}
    told = ["The regatta's secretary Ana Muñoz counted the boats home.", "Muñoz said none was missing."]
    assert first_mentions(told, [{}, {"Muñoz": Person("Ana Munoz")}])[1] == ("Muñoz said none was missing.", [])


def test_a_name_with_a_particle_introduces_the_surname_and_a_first_name_is_no_surname():
    articles = [
        "Antoni van Leeuwenhoek, a cloth merchant in Delft, built a microscope more powerful than any other. "
        "Nobody else in the city owned a lens that could show the smallest creatures in a drop of water.",
        "Rancher Eirik Lindqvist fought the water board over grazing rights on the moor for twenty years. "
        "Leeuwenhoek counted the creatures he saw and wrote to the Royal Society about them in 1677.",
        "The moor rancher Eirik Lindqvist is at the centre of a dispute with the water board over grazing.",
    ]
    for budget in range(1, 5):
        texts = [s.text for s in summarize(articles, words=None, sentences=budget).sentences]
        if any(t.startswith("Leeuwenhoek counted") for t in texts):
            counted = next(n for n, t in enumerate(texts) if t.startswith("Leeuwenhoek counted"))
            assert any("Antoni van Leeuwenhoek" in t for t in texts[:counted])
    sentences = prose_sentences([Document(a) for a in articles])
    assert dependencies(sentences).antecedent[-1] == -1  # in "Eirik Lindqvist", Eirik is a first name, no one named alone
    assert names("Vestmark Gov. Ada Lind met Halvard President Ole Berg.") == (["Lind", "Berg"], ["Ada", "Ole"])


def test_a_summary_opens_on_an_articles_lead_even_when_the_ranking_prefers_later_sentences():
    articles = [
        "The ferry pier at Lund Bay closed on Monday. "
        "Engineers from the ports authority spent three weeks drilling cores from the columns of the old concrete "
        "pier and dropping weights on its deck before they declared the structure unsafe for cars and lorries.",
        "Lund Bay lost its ferry this week. "
        "The village council had asked for a new terminal two kilometres to the north for years, and the regional "
        "government has now promised to pay for one that should open to passengers and cars in the spring of 2033.",
    ]
    longest_first = Summarizer(sentences=2, model=FeatureRanker("log_words"))
    texts = [s.text for s in longest_first.summarize(Cluster([Document(a) for a in articles])).sentences]
    assert texts[0] in ("The ferry pier at Lund Bay closed on Monday.", "Lund Bay lost its ferry this week.")


def test_a_word_the_articles_put_after_the_is_no_person_opening_a_sentence():
    articles = ["Harbour master Ole Senate closed the pier at Lund Bay on Monday after finding cracks in it. "
                "Senate voted to close the ferry terminal for good after the inspection of the pier.",
                "The Senate of Vestmark met on Monday to decide the future of the cracked ferry pier. "
                "Charlotte Brooks, an engineer, found the cracks in the pier during a routine inspection. "
                "Brooks is writing the report that the board will read next month. "
                "Charlotte found the cracks on her first day at the harbour, the engineer told the board."]
    sentences = prose_sentences([Document(a) for a in articles])
    leans = dict(zip((s.text.split()[0] for s in sentences), dependencies(sentences).antecedent))
    assert leans["Senate"] == -1  # "the Senate": an institution, whatever the harbour master is called
    assert leans["Brooks"] == 3  # a person, introduced just before
    assert leans["Charlotte"] == 3  # a first name with a verb in the past ("found")


def test_the_articles_say_when_they_cannot_answer_the_question(example_texts):
    answered = summarize(example_texts, words=60, query="What caused the fire?")
    unanswered = summarize(example_texts, words=60, query="Why did the mayor resign?")
    generic = summarize(example_texts, words=60)
    assert answered.answered is True and unanswered.answered is False
    assert [s.text for s in unanswered.sentences] == [s.text for s in generic.sentences]
    assert generic.answered is None and "answered" not in generic.to_dict()
    query_model = Summarizer(words=60, model=default_model(query=True))  # as training a query model does
    cluster = Cluster([Document(text) for text in example_texts])
    assert [s.text for s in query_model.summarize(cluster, query="Why did the mayor resign?").sentences] == \
        [s.text for s in generic.sentences]  # ranked by the generic model, which reads no query


@pytest.mark.parametrize("question, answered", [
    ("How many residents were evacuated?", True),  # "how many" asks, the answer says "300"
    ("How many people were evacuated?", True),  # "how many people" asks: the answer says "residents"
    ("Where did the fire start?", True),  # "A fire broke out ... The blaze started in a storage hall"
    ("Was anyone arrested?", False),
    ("Who won the football match?", False),
])
def test_a_question_is_answered_by_what_it_asks_about(example_texts, question, answered):
    assert summarize(example_texts, words=60, query=question).answered is answered


@pytest.mark.parametrize("question", ["Was anyone hurt?", "Were there any injuries?"])
def test_a_short_question_is_answered_by_a_sentence_too_short_to_summarize(example_texts, question):
    summary = summarize(example_texts, words=60, query=question)  # "No residents were hurt." of four words
    assert summary.answered is True and summary.sentences[0].text.startswith("No residents were")
    assert not any(len(s.text.split()) < 6 for s in summarize(example_texts, words=60).sentences)


@pytest.mark.parametrize("question, answered", [
    ("When did he die?", True),  # "died"
    ("How much money was recovered?", True),  # "£96,000 has been recovered"
    ("How long will the inspection of the pier last?", True),  # "for at least a week"
    ("How much did the new ferry cost?", False),
    ("How long will the strike last?", False),
    ("What is the plan for the new planes?", False),  # no "plane" made of "plan"
    ("How much money did the fisherman get for his catch?", False),  # "180 pounds" weighs
    ("How much is the stolen clock worth?", True),  # "valued at about 4.2 million pounds"
    ("How many people died in the flood?", True),  # "had risen to 14."
    ("How many people were injured at the pier?", True),  # "Nine passengers were treated for minor injuries"
    ("What caused the crash?", True),  # "Investigators blamed a jammed rudder"
    ("Why did the ferry crash into the pier?", True),
    ("What caused the flood?", False),
    ("Why did the thieves target the museum?", False),  # not "The museum's lift failed an inspection"
    ("What was the cause of the crash?", True),
])
def test_a_question_is_answered_in_other_forms_of_its_words_by_an_amount_or_by_a_span_of_time(question, answered):
    texts = ["Former harbour master Ole Vik died on Saturday at the age of 81, his family said. He ran the port of "
             "Lund Bay for thirty years and saw it through two floods.",
             "About £96,000 has been recovered from the ferry company so far, the council said. The inspection of "
             "the pier will go on for at least a week before the ferry returns to Lund Bay. A fisherman landed a cod "
             "weighing 180 pounds off the pier, which flew in planes to Oslo.",
             "Thieves took a brass clock valued at about 4.2 million pounds from the harbour museum on Monday night. "
             "The museum's new lift failed an inspection on Tuesday, the director said.",
             "Officials said the flood's death toll among people in the valley had risen to 14.",
             "Nine passengers were treated for minor injuries at the pier after the ferry struck it on Monday. "
             "Investigators blamed a jammed rudder for the crash."]
    assert summarize(texts, words=60, query=question).answered is answered


def test_a_question_is_answered_in_an_irregular_verbs_other_forms():
    texts = ["The ferry Solvik sank off Lund on Tuesday night after all 140 passengers had left it, the coast guard said. "
             "Investigators said the captain had steered by an old chart that did not show a sandbank.",
             "Passengers of the ferry Solvik spent six hours in lifeboats before a trawler took them ashore."]
    assert summarize(texts, words=60, query="Where did the ferry sink?").answered is True  # "sank"
    assert summarize(texts, words=60, query="Where did the ferry burn?").answered is False


@pytest.mark.parametrize("question", ["What caused the collision?", "Why were the flights cancelled?",
                                      "Why was the school closed?"])
def test_a_cause_is_told_by_blames_by_citing_and_by_fears(question):
    texts = ["The rail operator blames a signal fault for the collision of two freight trains near Hamar on Friday.",
             "Nordfly cancelled 80 flights on Monday, citing a strike by its ground crews at Bergen airport.",
             "The school in Molde was closed over safety fears after part of its roof sagged in the storm."]
    assert summarize(texts, words=60, query=question).answered is True


def test_the_answer_to_a_short_question_is_told_though_the_sentence_it_leans_on_cannot_be():
    texts = ["Former harbour master Ole Vik has died aged 81, his family said on Sunday. He ran the port of Lund Bay "
             "for thirty years and saw it through two floods.",
             "Ole Vik, the harbour master who kept Lund Bay open through two floods, has died aged 81. \"If you told "
             "Ole something couldn't be done, he'd ask what time you'd be round to help him do it.\" He is survived "
             "by his daughter, Astrid, and two grandsons."]  # the quotation names no speaker: it is never told
    summary = summarize(texts, words=60, query="Who survives him?")
    assert summary.answered and any("survived by" in s.text for s in summary.sentences)


def test_the_answers_of_an_interview_in_questions_and_answers_are_no_sentences_to_stand_alone():
    interview = ("Harbour master Ada Lind sat down with the Lund Post to answer readers' questions about the pier.\n\n"
                 "Why did the pier close?\n\nBecause we found cracks under the loading ramp on Monday morning.\n\n"
                 "When will it reopen?\n\nAbout a third of that depends on the divers, and the rest on the weather "
                 "over the coming weeks.\n\nWill the ferry still sail?\n\nWe will run it from the old quay at Skarholm "
                 "until the pier is safe again.\n")
    explainer = interview.replace("we found", "inspectors found").replace("We will run", "The company will run")
    report = "The pier at Lund Bay closed on Monday after inspectors found cracks under its loading ramp."
    interviewed = [s.text for s in prose_sentences([Document(interview), Document(report)])]
    assert interviewed == [interview.split("\n")[0], report]  # "About a third of that" leans on a question
    assert len(prose_sentences([Document(explainer)])) == 3  # answers in the third person: an explainer's sections (not
    # the answer "Because inspectors found ...": a clause alone)
    quoting = explainer.replace("Monday morning.", 'Monday morning. "We have never seen damage like this," inspector '
                                "Per Holm said.").replace("coming weeks.", 'coming weeks. "I cannot promise a date," '
                                                          "Ada Lind said.")
    assert len(prose_sentences([Document(quoting)])) == 5  # first person in the quotations of an explainer
    assert prose_sentences([Document(interview)], standalone=False)  # an interview alone is summarized from it all
    said_before = interview.replace("Why did the pier close?", "Ms. Lind, why did the U.S. firm close the pier?").replace(
        "We will run it", "As I said, we will run it")  # "Ms.", "U.S." and "As I said" in an interview all the same
    assert [s.text for s in prose_sentences([Document(said_before)])] == [interview.split("\n")[0]]


def test_a_word_is_held_by_its_inflections_not_by_other_words():
    assert _inflected("die") >= {"die", "di"} and _inflected("recover") == {"recov", "recoveri"}  # and "recovery"
    assert [_inflected(word) for word in ("ban", "car", "plan", "win")] == [{"ban"}, {"car"}, {"plan"}, {"win", "won"}]
    assert _inflected("run") == _inflected("ran") == {"run", "ran"} and "went" in _inflected("go")  # irregular verbs
    assert "paid" in _inflected("pay") and "heard" in _inflected("hear")  # not made by rule from their base
    assert _inflected("injured") == _inflected("injuries") == {"injur", "injuri"}  # "minor injuries", "were injured"
    assert [_inflected(word) for word in ("treated", "counted", "part")] == [{"treat"}, {"count"}, {"part"}]  # no treaty


def test_how_long_is_held_by_a_span_of_time():
    passage = [["pier", A_SPAN]]  # "The pier will stay shut for at least a week."
    assert query_coverage(["long", "pier"], passage, "How long will the pier stay shut?") == 1
    assert query_coverage(["long", "pier"], passage, "Is the pier long?") < 1
    for span in ("for the past three weeks", "since March", "into its third week"):
        assert DURATION.search(f"The pier has been closed {span}."), span


def test_people_is_asking_only_in_how_many_people():
    assert question_words("How many people were evacuated?") == ["evacuated"]
    assert "people" in question_words("What did people in Lund Bay say about the fire?")


def test_a_question_that_only_asks_is_answered_by_the_summary_of_it_all(example_texts):
    summary = summarize(example_texts, words=60, query="What happened?")
    assert summary.answered is None and summary.sentences == summarize(example_texts, words=60).sentences


def test_a_short_question_brings_the_sentence_that_answers_it(example_texts):
    summary = summarize(example_texts, words=60, query="Where will the Quay Street residents sleep?")
    assert "will spend at least another night in the town's sports hall" in summary.sentences[0].text  # and opens it


def test_a_short_question_is_answered_by_the_sentence_holding_its_words_of_the_latest_report():
    monday = Document("A ferry ran aground off Lund Bay on Monday, and about 200 islanders were told to leave the "
                      "harbour district. The cause of the grounding is still unknown, the coast guard said. "
                      "\"We are not going to rush it,\" the harbour master said. Divers found a few dead fish "
                      "near the wreck.", published="2031-05-05")
    tuesday = Document("Islanders were allowed to go back home to the harbour district on Tuesday, as investigators "
                       "said a failed rudder caused the grounding. Divers counted about 300 dead fish near the "
                       "wreck of the ferry.", published="2031-05-06")
    cluster = Cluster([monday, tuesday])
    for question, answer in [("When could islanders go home?", "Islanders were allowed to go back home"),
                             ("What caused the grounding?", "Islanders were allowed to go back home"),
                             ("How many dead fish were found?", "Divers counted about 300 dead fish")]:
        shown = [s.text for s in Summarizer(words=40).summarize(cluster, question).sentences]
        assert shown[0].startswith(answer), (question, shown)  # and opens the summary


def test_summaries_do_not_depend_on_the_hash_seed(tmp_path):
    import json
    import os
    import subprocess
    import sys

    article = ("Harbour master Ole Vik inspected the cracked pier at Lund Bay on Monday with two engineers. "
               "Council leader Ada Brenner closed the old ferry terminal of the village after the inspection. "
               "Brenner and Vik said the ferry would move to the temporary quay at Nordvik from the first of May.")
    path = tmp_path / "article.txt"
    path.write_text(article, encoding="utf-8")
    outputs = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        result = subprocess.run([sys.executable, "-m", "storyline.cli", "summarize", str(path), "-w", "35", "-f", "json"],
                                capture_output=True, timeout=60, env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        outputs.add(json.dumps(json.loads(result.stdout)["sentences"]))
    assert len(outputs) == 1


def test_words_the_articles_write_in_lower_case_after_the_or_in_and_dates_make_no_full_name():
    articles = ["Engineers from Central Lund said on Monday that the harbour pier was unsafe for lorries. "
                "Lund said the ferry terminal would close at the end of the month after the inspection.",
                "Residents of central Vestmark want the new terminal built two kilometres north of the village. "
                "Inspectors found cracks, said Fjord Authority engineer Ada Dahl, who led the inspection team. "
                "The Authority said the repairs would cost more than building a new pier. "
                "Authority said the pier would close, and Dahl said the new one would open in the spring. "
                "The last ferry from the village landed in Ness on Monday, said ferry captain Tor Ness of Lund. "
                "Ness said the crossing to the island had been the roughest of the winter for his crew. "
                "Inspectors found a crate of Zolvex Jan. 6 in the terminal, and Zolvex said it was not theirs."]
    sentences = prose_sentences([Document(a) for a in articles])
    in_full = dependencies(sentences, [Document(a) for a in articles]).in_full
    assert [names for names in in_full if names] == [{"Dahl": Person("Ada Dahl", title="Fjord Authority engineer")}]
    assert people_in_full(articles, {"Ness"})["Ness"] == Person("Tor Ness", title="ferry captain")  # but "in Ness": a place


def test_a_person_named_alone_only_inside_a_quotation_still_needs_their_introduction():
    articles = ["The board asked the engineer Lise Brock to draw the plans for a temporary landing stage at Lund Bay.",
                "The landing stage will be built of steel and timber on the north shore of the bay by next summer. "
                '"Lise has drawn every pier on this coast for thirty years," the harbour master told the board.']
    documents = [Document(a) for a in articles]
    needs = dependencies(prose_sentences(documents), documents)
    assert list(needs.antecedent) == [-1, -1, 0] and needs.in_full[2] == {}


def test_full_names_leave_quotations_compounds_couples_and_lists_alone():
    vik = Person("Ole Vik", "the harbour master")
    for quoted in ("'We cannot trust Vik with a new pier,' she told the board.",  # single quotation marks
                   'Vik is a liar," the mayor said.',  # a quotation begun in the sentence before
                   "‘Vik knows the pier,’ she said."):
        assert give_in_full(quoted, "Vik", vik) is None, quoted
    assert give_in_full("A Vik-led committee met, and the Vik family said Vik was right.", "Vik", Person("Ole Vik"))[0] == (
        "A Vik-led committee met, and the Vik family said Ole Vik was right.")
    assert give_in_full("The Viks' boat sank, said Vik.", "Vik", Person("Ole Vik"))[0] == "The Viks' boat sank, said Ole Vik."
    couple = "The pier was closed, said Ole Vik. Mr. Vik and his wife live on the quay, and Mrs. Vik said so."
    assert "Vik" not in people_in_full([couple], {"Vik"})  # Mrs. Vik is not Ole Vik
    assert people_in_full(["The pier closed, said Ole Vik, the mayor and the council agreed."], {"Vik"}) == {
        "Vik": Person("Ole Vik")}  # no role runs on into the sentence
    assert people_in_full(["The board met Ada Dahl, Ole Vik, the mayor, and three engineers."], {"Vik"}) == {
        "Vik": Person("Ole Vik")}  # a list, not a role
    assert people_in_full(["The harbour's director, Ole Vik, closed the pier. Vik said so."], {"Vik"}) == {
        "Vik": Person("Ole Vik", role="the harbour's director")}  # a role before the name
    assert people_in_full(["His lawyer, Ole Vik, said so. Vik left."], {"Vik"}) == {"Vik": Person("Ole Vik")}  # whose?
    assert people_in_full(["The board met Ada Dahl, the harbour's director, Ole Vik and others."], {"Vik"}) == {
        "Vik": Person("Ole Vik")}  # Ada Dahl's role
    assert people_in_full(["It was safe, said harbour engineer Dr. Ole Vik. Vik left."], {"Vik"}) == {
        "Vik": Person("Ole Vik", title="harbour engineer Dr.")}
    assert people_in_full(["It was safe, said Dr. Ole Vik. Vik left."], {"Vik"}) == {"Vik": Person("Ole Vik")}


def test_a_person_is_given_in_full_once_a_sentence_and_summaries_keep_their_budget():
    vik = Person("Ole Vik")
    [(text, replaced)] = first_mentions(["Ole said the pier was unsafe, and Vik said it would close."],
                                        [{"Ole": vik, "Vik": vik}])
    assert text == "Ole Vik said the pier was unsafe, and Vik said it would close." and replaced == [("Ole", "Ole Vik")]
    for budget in range(10, 80, 5):
        assert summarize(INTRODUCED_ELSEWHERE, words=budget).words <= budget


def test_a_name_shared_with_someone_named_at_a_sentences_start_or_an_organization_is_no_one_person():
    texts = ["Shannon Vik asked the board for an early release. The ferry crossing was closed, said Mike Vik.",
             "The pier was closed, said Tor Ness of Arizona Employers for Fair Ferries, and Employers said so."]
    assert people_in_full(texts, {"Vik", "Mike", "Employers", "Ness"}) == {"Mike": Person("Mike Vik"),
                                                                          "Ness": Person("Tor Ness")}


def test_a_body_or_a_role_that_speaks_and_a_word_opening_a_sentence_make_no_person():
    assert people_alone("The pier is unsafe, a spokeswoman for the Vestmark Harbour Office said.") == []
    assert people_alone("The pier is unsafe, the Vik Shipping Company said.") == []
    assert people_alone("Residents of Lund Bay said the pier was unsafe.") == []  # a place of two words
    assert people_alone("Police said the pier was unsafe.") == []
    assert people_alone("The Chief Harbour Examiner said the diver drowned.") == []  # a role
    assert people_alone("The county Sheriff said two men fled.") == []
    assert people_alone("The Rev. Ada Dahl said the ferry chapel would reopen.") == ["Dahl"]  # a person
    assert people_alone("Speaking on Harbour Radio, Vik said the pier was unsafe.") == ["Vik"]
    assert "Office" not in names("The Office of the Harbour Master closed the pier.")[0]  # "The" is no first name


def test_a_two_letter_surname_is_a_person_but_a_two_letter_word_is_not():
    assert names("The coil turns when heated, said physicist Lan Wu of the harbour institute.") == (["Wu"], ["Lan"])
    assert people_alone('"The coil could move a small robot arm," Wu said.') == ["Wu"]
    assert people_alone('"The coil could move a small robot arm," He said.') == []
    assert names("A Russian Su-27 fighter jet flew over the harbour on Monday.") == ([], [])


def test_a_surname_with_letters_beyond_ascii_is_named_in_full_at_its_first_mention():
    assert names("Nordlinjen chief executive Harald Strøm visited the ferry.") == (["Strøm"], ["Harald"])
    assert people_alone("Erdoğan said the talks would go on.") == ["Erdoğan"]
    assert names("Foreign minister Tomáš Petříček visited the harbour.") == (["Petříček"], ["Tomáš"])
    assert names("Coach Łukasz Żak praised the crew.") == (["Żak"], ["Łukasz"])
    text = ("The ferry Stella Nord ran aground off Skarholm on Friday and all 212 passengers were taken off, the "
            "coast guard said.\n\nNordlinjen chief executive Harald Strøm visited the ship on Saturday morning.\n\n"
            '"We will find out what went wrong," Strøm said at a news conference in Lindhaven on Saturday.')
    shown = [s.text for s in Summarizer(sentences=2).summarize(Cluster([Document(text)])).sentences]
    assert any(s.startswith('"We will find out') and "Harald Strøm" in s for s in shown), shown


def test_a_title_the_sentence_splitter_knows_is_no_first_name():
    found = people_in_full(['"The pier was unsafe," said harbour police Ofc. Jane Doe on Monday.'], {"Doe"})
    assert found["Doe"].name == "Jane Doe"


def test_a_surname_opening_a_sentence_is_given_in_full_from_a_caption_left_out_and_after_a_job_acronym():
    assert people_in_full(["It was Nordlinjen CEO Harald Strøm who signed."], {"Strøm"})["Strøm"].title == "Nordlinjen CEO"
    text = ("Nordlinjen CEO Harald Strøm arrives at the ferry hearing in Lindhaven, Norway, March 3, 2031.\n\n"
            "Strøm halved the winter timetable of the Skarholm ferry on Tuesday, citing fuel costs.\n\n"
            "Islanders said the cut would leave them without a morning boat to the mainland hospital.")
    shown = [s.text for s in Summarizer(sentences=2).summarize(Cluster([Document(text)])).sentences]
    assert shown[0].startswith("Harald Strøm halved the winter timetable"), shown
    for opening in ("Strøm, who took over in May,", "Strøm, 58,", "Strøm, now a board member,"):  # who, how old or what
        told = text.replace("Strøm halved", f"{opening} halved")
        shown = [s.text for s in Summarizer(sentences=2).summarize(Cluster([Document(told)])).sentences]
        assert shown[0].startswith(f"Harald {opening} halved"), shown
    assert not OPENING_NAME.match("Strøm cast members sang at the opening on Tuesday.")  # a noun after the name
    for verb in ("cut", "shot down a plan and halved"):  # a past spelled as its present
        told = text.replace("Strøm halved", f"Strøm {verb}")
        shown = [s.text for s in Summarizer(sentences=2).summarize(Cluster([Document(told)])).sentences]
        assert shown[0].startswith(f"Harald Strøm {verb}"), shown


def test_a_day_after_a_surname_makes_no_full_name():
    texts = ["Police arrested Ole Vik at the ferry terminal in Lund Bay on Monday.",
             "A hearing was set for Vik Thursday, and the harbour board said Vik had worked there for ten years."]
    assert people_in_full(texts, {"Vik"})["Vik"].name == "Ole Vik"  # not also a "Vik Thursday"


def test_a_job_opening_a_sentence_is_written_in_lower_case_inside_another_but_a_title_of_address_is_not():
    found = people_in_full(["The ferry was refloated. Chief executive Per Amundsen said it would sail. Chief Ada Dahl "
                            "agreed."], {"Amundsen", "Dahl"})
    assert (found["Amundsen"].title, found["Dahl"].title) == ("chief executive", "Chief")
    assert give_in_full('"We owe them," Amundsen said.', "Amundsen", found["Amundsen"])[0] == \
        '"We owe them," chief executive Per Amundsen said.'


def test_a_rare_surname_doing_something_is_given_in_full_from_a_sentence_too_short_to_summarize():
    text = ("Just ask Ada Strandqvist.\n\nThe harbour council voted on Monday to close the old ferry pier at Lund Bay "
            "for good, after inspectors found deep cracks in four of its twelve columns.\n\nWithin an hour, "
            "Strandqvist responded with a petition signed by three hundred islanders who use the pier every day.")
    shown = [s.text for s in Summarizer(sentences=2).summarize(Cluster([Document(text)])).sentences]
    assert any(s.startswith("Within an hour, Ada Strandqvist responded") for s in shown), shown
    board = ("Under the agreement, Strandqvist will pay $1.2 million to the harbour society, officials said on "
             "Tuesday.\n\nOn Monday, the harbour society met the Strandqvist Board of Trust at the town hall.")
    shown = [s.text for s in Summarizer(sentences=1).summarize(Cluster([Document(board)])).sentences]
    assert shown[0].startswith("Under the agreement, Strandqvist will pay"), shown  # a first name: no person
    for budget in range(15, 60):  # a first name given only where the summary keeps its budget
        summary = Summarizer(words=budget).summarize(Cluster([Document(text)]))
        assert summary.words <= budget


def test_a_rare_surname_is_given_in_full_after_in_with_its_possessive_and_from_a_name_only_a_caption_gives():
    text = ("Harbour pilot Ada Kvarnstrom (R) greets the ferry crew at Lund pier on March 3, 2031.\n\n"
            "More than two hundred boats sailed past the old lighthouse in Kvarnstrom's honour on Sunday afternoon.\n\n"
            "The harbour board said the pilot had guided ships into Lund Bay for thirty-one years without a single loss.")
    shown = [s.text for s in Summarizer(sentences=2).summarize(Cluster([Document(text)])).sentences]
    assert any("in Ada Kvarnstrom's honour" in s for s in shown), shown
    spoken = text.replace("in Kvarnstrom's honour", "to thank Kvarnstrom")  # a name only the caption gives in full
    shown = [s.text for s in Summarizer(sentences=2).summarize(Cluster([Document(spoken)])).sentences]
    assert any("to thank Ada Kvarnstrom" in s for s in shown), shown


def test_a_surname_after_the_and_before_family_is_still_a_person():
    text = ("Harbour pilot Ada Weber guided ships into Lund Bay for thirty-one years without a single loss.\n\n"
            "The ferry crew gathered outside the Weber family's house in Lund on Sunday afternoon.\n\n"
            "Weber retired on Friday after a last crossing through the winter storm.")
    summary = Summarizer(sentences=1).summarize(Cluster([Document(text)]), query="retired last crossing storm")
    assert summary.sentences[0].text.startswith("Harbour pilot Ada Weber retired"), summary.sentences


@pytest.mark.parametrize("affair", ["Pilots of the Vassbotn era met in Lund.", "The board closed the Vassbotn case."])
def test_a_rare_surname_before_an_era_or_a_case_is_still_a_person_but_a_known_one_needs_no_introduction(affair: str):
    def in_full(name: str, between: str) -> dict[str, Person]:
        articles = [f"Harbour pilot Ada {name} guided ships into Lund Bay for thirty-one years without a loss.",
                    between.replace("Vassbotn", name), f"{name} said on Friday that the last crossing was the hardest."]
        return dependencies(prose_sentences([Document(a) for a in articles]), [Document(a) for a in articles]).in_full[2]

    assert in_full("Vassbotn", affair) == {"Vassbotn": Person("Ada Vassbotn", title="harbour pilot")}
    assert in_full("Wilson", affair) == {}  # "the Wilson era": a name readers may know, as "the Obama years"


def test_a_job_by_its_ending_and_a_role_that_is_a_list_item():
    found = people_in_full(["The coil turns into a catapult, said physicist Ada Wu, who led the team.",
                            "Lt. Gen. Tor Berg, the Air Command, Lund Forces Command and 7th Fleet commander, spoke.",
                            "Officials want to assist Per Holm, the harbour master, at Lund."], {"Wu", "Berg", "Holm"})
    assert (found["Wu"].title, found["Berg"].role, found["Holm"]) == (
        "physicist", "", Person("Per Holm", "the harbour master"))
    assert give_in_full("“It moves,” Wu said.", "Wu", found["Wu"])[0] == "“It moves,” physicist Ada Wu said."


def test_a_person_named_in_full_before_is_named_by_surname_after_as_the_articles_do():
    articles = ["Harbour master Ole Vik closed the pier at Lund Bay on Monday. Vik said the cracks were deep.",
                "The coast guard of North Korea said nothing. South Korea said nothing either."]
    shown = [("Harbour master Ole Vik closed the pier at Lund Bay on Monday, and North Korea was told.", []),
             ("Inspectors told harbour master Ole Vik the pier was unsafe, and North Korea was not asked.", []),
             ('"Ole Vik knew," an inspector said.', [])]
    assert later_mentions(shown, articles) == [
        shown[0], ("Inspectors told Vik the pier was unsafe, and North Korea was not asked.",
                   [("harbour master Ole Vik", "Vik")]), shown[2]]  # "Korea" is no one's surname; a quotation stays
    two = articles + ["Tor Vik, his brother, was on the ferry."]
    assert later_mentions(shown, two) == shown  # two people named Vik: each keeps their first name
    assert later_mentions(shown, [articles[0].replace(" Vik said", " The master said")]) == shown  # never "Vik" alone
    assert later_mentions(shown, [articles[0].replace(" Vik said", " Vik, 58, said")])[1][0].startswith(
        "Inspectors told Vik")  # "Vik, 58, ..." is a person
    inspector = [("Detective Inspector Ada Berg of Lund Police said the raid was planned.", []),
                 ("Detective Inspector Ada Berg, who leads the inquiry, said a van was seen.", [])]
    assert later_mentions(inspector, ['Detective Inspector Ada Berg said so. "It was planned," Berg said.'])[1][0] == \
        "Detective Inspector Berg, who leads the inquiry, said a van was seen."  # "Inspector" is a title, no name
    dutch = [(text.replace("Ole Vik", "Jan de Vries"), []) for text, _ in shown[:2]]
    assert later_mentions(dutch, ["Fire chief Jan de Vries closed the pier. The wind dropped, de Vries said."])[1][0] \
        == "Inspectors told de Vries the pier was unsafe, and North Korea was not asked."
    chief = [("Chief executive Ole Vik said the ferry was sound.", []), ("Chief executive Ole Vik said no more.", []),
             ("Lund harbour master Ole Vik said the pier was safe.", [])]
    assert [text for text, _ in later_mentions(chief, ["It is sound, said Ole Vik. Vik said so."])] == [
        chief[0][0], "Vik said no more.", "Lund harbour master Vik said the pier was safe."]  # a job after a place stays
    two_jobs = [("The ferry's captain and chief engineer Ole Vik said the hull held.", [])] * 2
    assert later_mentions(two_jobs, ["It is sound, said Ole Vik. Vik said so."])[1][0] == (
        "The ferry's captain and chief engineer Vik said the hull held.")  # "captain and" a job of his too


def test_a_place_named_after_another_word_is_no_person_to_introduce():
    text = ("A wildfire north of Tessridge forced about 3,000 residents from their homes on Monday.\n\n"
            "Crews cut containment lines to keep the fire from Upper Tessridge and Kilner Heights.\n\n"
            "Shelters in Tessridge took in 400 people overnight, the county said.")
    cluster = Cluster([Document(text)])
    analysis = analyze(cluster)
    needs = dependencies(analysis.sentences, cluster.documents, analysis.candidates.tokens)
    assert list(needs.antecedent) == [-1, -1, -1]  # not each leaning on "Upper Tessridge" as on a full name


def test_millions_of_pounds_are_money_unless_pounds_of_something():
    from storyline.summarize.analysis import MONEY

    assert MONEY.search("a clock valued at about 4.2 million pounds.")
    assert not MONEY.search("The company recalled 1.2 million pounds of cod.")


def test_a_summary_opens_on_no_lead_that_leans_on_its_headline():
    from storyline.text.patterns import can_open

    for lead in ("The last words he spoke were a prayer for his crew.", "Most of the victims were pupils of one school.",
                 '"I always say one volunteer makes the difference," he began.', "Yesterday he announced his resignation.",
                 "The council's campaign against her made the mayor popular.", "‘We will sail,’ she said on Monday.",
                 "Of the 12 detained at the quay, seven were students.", "Of the two people killed, one was a pupil.",
                 "Speaking on Monday, he said the pier was safe.", "Asked whether he would resign, he said no.",
                 "Sadly he never returned to Lund.", "One of the suspects, Ahmed Rask, told police he had fled.",
                 "Two of the victims, a mother and her son, were pupils."):
        assert not can_open(lead), lead
    for lead in ("A judge removed his robe and chased the prisoners.", "Walker left his estate to his daughter Meadow.",
                 "In his narrowest escape yet, Mayor Ole Vik survived a vote of confidence.", "Two of the world's biggest "
                 "ferry lines merged on Monday.", "Most of the 300 passengers were rescued.",
                 "After her win in Lund, Ada Lind thanked her crew.", "On Monday, Lund police said his car was found.",
                 "The teenager who stabbed his classmate was jailed.", "His Majesty King Olav opened the bridge.",
                 "On her 100th birthday, the oldest resident of Lund sailed.", "Most of the country will see snow.",
                 "With his team trailing, the striker scored twice.", "Of the five candidates, only Ada Lind has sailed.",
                 "Kelly said her car was stolen on Monday.", "Most of the city was flooded on Monday.",
                 "One of the suspects in the Lund robbery, Ahmed Rask, fled."):
        assert can_open(lead), lead


def test_a_place_after_a_capitalized_word_is_no_surname_to_give_in_full():
    returning = Document("Residents of Lower Tessby began returning to their homes on Thursday afternoon, two days after "
                         "cracks in the Holm dam forced about 1,300 people out. Engineers declared the dam stable after a "
                         "final inspection on Thursday morning.")
    school = Document("Pupils will be taught at a school in Upper Tessby until further notice, the council said. Engineers "
                      "fitted steel bracing to the Holm dam's spillway on Wednesday, and the reservoir will stay at a "
                      "lower level until the repairs are done.")  # "lower", no name: "Upper Tessby" is the one Tessby
    told = " ".join(s.text for s in summarize([returning, school], words=None).sentences)
    assert "Residents of Lower Tessby began returning" in told and "Lower Upper" not in told
    from storyline.summarize.analysis import rare_names_in_full

    named = Document("The complaint was filed by Beverly Strandqvist, a parent of two pupils at the school in Lund.")
    for told in ("In an interview with the Lund Post, Strandqvist called the book vulgar.",  # a comma, a possessive:
                 "The Lund Post's Strandqvist called the book vulgar.",  # no part of a name; nor an opening word,
                 "But Strandqvist denied it.", "Yesterday Strandqvist denied it.", "Mrs Strandqvist denied it.",  # a title
                 "Instead Strandqvist denied it.",
                 "On Monday Strandqvist denied it."):  # or a day
        assert list(rare_names_in_full([told], [named], [{}])[0]) == ["Strandqvist"]


def test_a_surname_is_not_given_in_full_as_another_persons_of_that_name():
    texts = ["Drivers saw an amber light flash, but no one stopped.", "Police said that Amber Strandqvist took the children.",
             "Police found her daughter, Lina Strandqvist, safe on Monday."]
    assert people_in_full(texts, {"Strandqvist"}) == {}  # "Amber" is also a word, but Amber Strandqvist is someone
    for never_a_first_name in ("Police said that But Strandqvist was seen.", "Police said that in May Strandqvist was seen."):
        texts[1] = never_a_first_name  # ("may" of "may be")
        assert people_in_full(texts + ["It may be late."], {"Strandqvist"}) == {"Strandqvist": Person("Lina Strandqvist")}


def test_a_participles_phrase_alone_is_no_sentence():
    text = ("Six students were charged after the party at the Lund Bay boathouse, police said on Monday.\n\n"
            "Charged with selling beer to minors at the boathouse.\n\nDistributed by Harbour Pictures.\n\n"
            "Charged with arson in May, the man was held in Lund until his trial began on Monday.\n\n"
            "Included in the deal is a clause that lets Lund leave the harbour board.\n\n"
            "Speed on the coast road to Lund dropped to 40mph on Monday.\n\nMohammed from Lund won gold in the final on Monday.")
    assert [s.text for s in prose_sentences([Document(text)])] == [
        "Six students were charged after the party at the Lund Bay boathouse, police said on Monday.",
        "Charged with arson in May, the man was held in Lund until his trial began on Monday.",
        "Included in the deal is a clause that lets Lund leave the harbour board.",
        "Speed on the coast road to Lund dropped to 40mph on Monday.", "Mohammed from Lund won gold in the final on Monday."]


def test_a_maps_labels_or_teasers_in_capitals_run_into_a_sentence_are_no_prose():
    text = ("A strong earthquake struck central Vestmark early on Wednesday, killing at least 40 people in Lund.\n\n"
            "VESTMARK NORDLAND Epicenter of quake Lund SKARHOLM Areas of strong shaking Lund Sea FJORDANE 100 miles.\n\n"
            'The mayor posted "WE WILL REBUILD LUND STRONGER" above a photo of the damaged town hall on Wednesday.\n\n'
            "Envoys of NATO, OPEC, UNICEF and the IAEA met in Lund on Wednesday.")
    assert [s.text for s in prose_sentences([Document(text)])] == [
        "A strong earthquake struck central Vestmark early on Wednesday, killing at least 40 people in Lund.",
        'The mayor posted "WE WILL REBUILD LUND STRONGER" above a photo of the damaged town hall on Wednesday.',
        "Envoys of NATO, OPEC, UNICEF and the IAEA met in Lund on Wednesday."]


def test_a_news_conferences_labels_and_answers_are_left_out_and_its_host_tells_the_news():
    conference = ("LUND TODAY\n\nHOST: Good morning. Residents of Lund Bay are expected to return home this "
                  "afternoon.\n\nQ: How long will the reservoir stay low?\n\nA: Until the spillway is rebuilt. That "
                  "will take at least eighteen months.\n\nREPORTER (LUND POST): Residents say they reported seepage "
                  "last winter.\n\nHOST: Dr Brenner, the chief engineer, speaking there. The minister, Ole Vik, said "
                  "the rebuild would be paid for by the state.\n")
    inline = "The dam held on Monday, engineers at Lund Bay said. Q: Will it hold? A: Yes, the engineers checked it twice."
    assert [s.text for s in prose_sentences([Document(inline)])] == ["The dam held on Monday, engineers at Lund Bay said."]
    assert [s.text for s in prose_sentences([Document(conference)])] == [
        "Residents of Lund Bay are expected to return home this afternoon.",
        "The minister, Ole Vik, said the rebuild would be paid for by the state."]


def test_a_surname_after_an_age_is_given_in_full_but_not_a_common_word():
    articles = ["Police arrested a Lund Bay man on Tuesday who had paid for his ferry ticket with a stolen card.",
                "The passenger, 21-year-old Tarn Wessby, was held at the ferry terminal until officers arrived.",
                "Wessby is charged with theft and fraud, harbour police said on Wednesday."]
    documents = [Document(" ".join(articles))]
    assert dependencies(prose_sentences(documents), documents).in_full[2] == {"Wessby": Person("Tarn Wessby")}
    hope = [articles[0], "The harbour's spokeswoman, Ada Hope, said the search went on.", "Hope is fading for the crew."]
    documents = [Document(" ".join(hope))]
    assert dependencies(prose_sentences(documents), documents).in_full[2] == {}  # "Hope": a common word


def test_a_news_conference_transcript_tells_what_its_named_speakers_say_as_said_by_them():
    transcript = ("TRANSCRIPT: Lund council news conference on the ferry grounding\n"
                  "Lund City Hall, Council Chamber, Tuesday, March 3, 2031, 4:00 p.m.\n\n"
                  "MAYOR LIND: Good afternoon. I'm Ada Lind, mayor of Lund, with harbour master Ole Vik.\n\n"
                  "MAYOR LIND: The ferry Skarholm ran aground off Lund Bay at 7:40 this morning. Nine people were "
                  "treated for minor injuries.\n\n"
                  "VIK: Divers found a dent in the hull but no breach. We will try to refloat her. Two tugs will pull "
                  "her off the reef after 2 p.m.\n\n"
                  "REPORTER (LUND POST): Was the ferry going too fast in the fog?\n\n"
                  "MAYOR LIND: That is for the safety board.\n\n[END OF TRANSCRIPT]\n")
    assert [s.text for s in prose_sentences([Document(transcript)])] == [
        "The ferry Skarholm ran aground off Lund Bay at 7:40 this morning, Mayor Lind said.",
        "Nine people were treated for minor injuries, Mayor Lind said.",
        "Divers found a dent in the hull but no breach, Vik said.",
        "Two tugs will pull her off the reef after 2 p.m., Vik said."]  # not "we", a question, nor its answer
    wrapped = transcript.replace("aground off Lund Bay at", "aground off Lund Bay\nat").replace("minor injuries", "minor\ninjuries")
    assert [s.text for s in prose_sentences([Document(wrapped)])][:2] == [
        "The ferry Skarholm ran aground off Lund Bay at 7:40 this morning, Mayor Lind said.",
        "Nine people were treated for minor injuries, Mayor Lind said."]  # a wrapped turn: no line a sentence
    summary = Summarizer(words=40).summarize(Cluster([Document(transcript)]))
    assert summary.sentences[0].text.endswith("Mayor Ada Lind said.")
    unnamed = transcript.replace("I'm Ada Lind, mayor of Lund, with harbour master Ole Vik.", "Thank you for coming.")
    assert prose_sentences([Document(unnamed)]) == []  # speakers it never names in full: no one to say who said it


def test_a_transcript_tells_no_section_nor_outlet_as_a_speaker_nor_an_answer_to_a_prompt_as_a_statement():
    def told(text: str) -> list[str]:
        return [s.text for s in prose_sentences([Document(text)])]

    notes = ("Notes from Lund Traffic Control and the Lund Weather Office, Wednesday.\n\n"
             "TRAFFIC: The coast road between Lund and Eskerby is closed after a landslide on Tuesday night.\n\n"
             "WEATHER: Heavy rain is expected across the bay on Thursday, with gusts of up to 90 km/h.\n\n"
             "SPORTS: Lund FC beat Skarholm 3-1 in the Island Cup Final on Tuesday night.\n")
    assert not any(text.endswith(" said.") for text in told(notes))
    interview = ("HOST: Joining us is the chief engineer of Lund Lines, Per Ostrander.\n\n"
                 "HOST: Tell us what the divers found when they went down this afternoon\n\n"
                 "OSTRANDER: A dent about two metres long in the hull, but no breach, so the ferry is safe to tow.\n\n"
                 "OSTRANDER: The tugs will pull the ferry off the reef at high tide on Thursday afternoon.\n\n"
                 "LUND POST: Islanders think the ferry was sailing far too fast for the fog on Tuesday.\n\n"
                 "OSTRANDER: The radar log will show the speed, and the safety board will have it by Friday.\n")
    assert told(interview) == ["The tugs will pull the ferry off the reef at high tide on Thursday afternoon, Ostrander said.",
                               "The radar log will show the speed, and the safety board will have it by Friday, Ostrander "
                               "said."]  # not the answer to a prompt that breaks off, nor the outlet's premise
    host = "".join(f"PRESENTER: {news}\n\n" for news in ("No passengers were hurt when the ferry struck the reef.",
                                                         "So far all 212 passengers are ashore at Lund harbour."))
    assert len(told(host)) == 2  # "No passengers" and "So far" are no talk
    short = ("TRANSCRIPT: Lund council\n\nMAYOR LIND: Good afternoon. I'm Ada Lind, the mayor of Lund.\n\n"
             "MAYOR LIND: The ferry Skarholm ran aground off Lund Bay at 7:40 this morning with 212 passengers.\n\n"
             "O'NEIL: The ferry is stable.\n\nMAYOR LIND: The council will meet on Friday to decide on the route.\n\n"
             "Dr. Mairead O'Neil, the harbour surveyor, dived on the wreck.\n")
    assert told(short)[:2] == [
        "The ferry Skarholm ran aground off Lund Bay at 7:40 this morning with 212 passengers, Mayor Lind said.",
        "The council will meet on Friday to decide on the route, Mayor Lind said."]  # a short turn asks nothing
    assert _speaker(short, "O'NEIL: ") == "O'Neil"  # spelled as the text spells the name


def test_a_sentence_ending_on_a_colon_or_a_signed_blurb_is_no_candidate():
    kept = "The council of Vestmark closed the ferry terminal at Lund Bay on Monday after finding cracks in the pier."
    ahead = ["Islanders have been sharing photographs of the cracks, taken from the ferry, from the quay and from the "
             "old lighthouse above Lund Bay, among many other places:",  # long: no heading
             "The statement the council sent to every household on the island on Monday evening, after the closure of "
             "the terminal, reads in full:"]
    blurb = ("\u201cThis history of the Lund Bay ferries is a joy. Every islander should read it. It is honest, warm "
             "and wise, and it made me want to take the morning boat to Skarholm again and again, whatever the weather "
             "and whatever the timetable.\u201d\u2014Tora Vik")  # over 40 words: not dropped whole as a short paragraph
    text = "\n\n".join([f"{kept} {ahead[0]}", f"{kept} {ahead[1]}", blurb])
    assert [s.text for s in prose_sentences([Document(text)])] == [kept, kept]


def test_a_surname_that_is_also_a_title_or_a_common_word_is_a_name_when_the_articles_say_so():
    found = people_in_full(["Harbour police said Tobias King, a deckhand on the ferry, was held on Monday."], {"King"})
    assert found["King"].name == "Tobias King"
    for title in ("Prime Minister Ada Lind", "the Vice President said", "Police Chief spoke", "Luther King Jr.",
                  "a Burger King, a diner", "Lund's new Transport Minister, who", "Chief Medical Officer said"):
        assert not people_in_full([f"On Monday {title} visited."], {"Minister", "President", "Chief", "King", "Officer"}), title
    text = ("Harbour police in Lund Bay arrested Tobias King, a deckhand on the ferry Stella Nord, on Monday after "
            "divers found stolen engine parts in its hold.\n\nKing was charged with theft, and police released King "
            "on bail pending a hearing in March, where King will plead not guilty, his lawyer said.")
    shown = [s.text for s in Summarizer(sentences=1).summarize(Cluster([Document(text[text.index("King was"):]),
                                                                        Document(text)])).sentences]
    assert not any(s.startswith("King was") for s in shown), shown
    once = text.replace("King", "Hope").replace(", where Hope will plead not guilty, his lawyer said", "")
    fading = "Hope is fading for a quick reopening of the pier after the storm, the harbour board said."
    shown = [s.text for s in Summarizer(sentences=1).summarize(Cluster([Document(fading), Document(once)])).sentences]
    assert not any("Tobias Hope is fading" in s for s in shown), shown  # one use alone is no name


def test_a_title_keeps_the_nouns_that_qualify_its_job_and_a_role_goes_past_an_abbreviation():
    found = people_in_full(["The crew is safe, Lundline media relations chief Ada Vikstrom said on Monday."], {"Vikstrom"})
    assert found["Vikstrom"].title == "Lundline media relations chief"  # not a bare "chief"
    for sentence, title in (("The pier will stay shut, warns harbour master Ada Vikstrom, who", "harbour master"),
                            ("Lundline hires former police chief Ada Vikstrom to run the", "former police chief"),
                            ("The union backs fire chief Ada Vikstrom in the row.", "fire chief"),
                            ("Records show gang leader Ada Vikstrom sold the boat.", "leader"),
                            ("Aspiring ferry pilot Ada Vikstrom, 24, sank the boat.", ""),  # not a "pilot"
                            ("Would-be ferry captain Ada Vikstrom sank the boat.", "would-be ferry captain"),
                            ("The fight was stopped, said boxer Ada Vikstrom.", "boxer"),
                            ("The harbour is a disgrace, wrote historian Ada Vikstrom.", "historian")):
        assert people_in_full([sentence], {"Vikstrom"})["Vikstrom"].title == title, sentence
    found = people_in_full(["Police held Ole Brenner, a deckhand at St. Olaf's pier in Lund Bay harbour, on Monday."],
                           {"Brenner"})
    assert found["Brenner"].role == ""  # too long to give; not "a deckhand at St"


def test_a_name_given_an_age_opening_a_sentence_is_a_full_name():
    aged = ["Lund Bay police arrested a man at the ferry terminal on Tuesday.\nTarn Wessby, 61, was held overnight.",
            "Wessby is charged with fraud, harbour police said."]
    assert people_in_full(aged, {"Wessby"}) == {"Wessby": Person("Tarn Wessby")}
    assert people_in_full(["Per Tarn Wessby, 61, was held. Wessby said so."], {"Wessby"}) == {}  # "Per" may be a role's
    for role in ("Fisherman", "Survivor", "Skipper"):  # what he is, not his name
        assert people_in_full([f"{role} Tarn Wessby, 61, was held. Wessby said so."], {"Wessby"}) == {}, role
    assert people_in_full(["The crew was praised.\nFisherman Wessby, 61, was held. Wessby said so."], {"Wessby"}) == {}


def test_a_title_is_read_on_the_names_line_or_a_wrapped_line_before_it_not_from_a_headline_or_time_stamp_above():
    def title(above: str) -> str:
        return people_in_full([f"{above}\nFire chief Hedda Marrow said the air over Eskerby was clear."], {"Marrow"})["Marrow"].title

    assert title("Update: residents may go home on Wednesday") == title("14:32 GMT") == title("The pier shut.") == "fire chief"
    assert title("The air was clear, says the regional governor") == "fire chief"  # a line ending in lower case above
    unwrapped = people_in_full(["The air was clear, said Varnholm fire chief Hedda Marrow on Monday."], {"Marrow"})
    wrapped = people_in_full(["The air was clear, said Varnholm fire\nchief Hedda Marrow on Monday."], {"Marrow"})
    assert wrapped["Marrow"].title == unwrapped["Marrow"].title == "Varnholm fire chief"


def test_footnote_marks_notes_and_references_and_a_poll_are_left_out():
    report = ("The pier at Lund Bay, which carries 900 ferry passengers a day, was closed on Monday after divers found "
              "cracks in two of its piles.[1] An inspection in 2026 had found the piles \"badly corroded\".\u00b9\n\n"
              "Repairs will cost 4 million kroner and take until August, when 94 millimetres of rain fell in 48 hours\u00b2 "
              "last year, and the new landing of 300 m\u00b2 opens.\n\n"
              "The harbour board will decide on Thursday whether to rebuild the pier or replace it with a floating one.\n\n"
              "Notes\n[1] Vestmark council, Harbour Plan 2030, p. 17.\n\u00b9 Inspection report, Lund Pier Services, 2026.\n\n"
              "References\nVik, O. (2031). Statement on the Lund Bay pier, 3 June. Vestmark council.\n")
    texts = [s.text for s in prose_sentences([Document(report)])]
    assert texts[0].endswith("cracks in two of its piles.") and texts[1].endswith('"badly corroded".')
    assert "48 hours last year" in texts[2] and "300 m\u00b2" in texts[2]  # a square metre is no footnote
    assert len(texts) == 4 and not any("Harbour Plan" in t or "Statement on" in t for t in texts)
    poll = "<html><body><p>Do you think the council should rebuild the pier?</p><p>Yes / No</p></body></html>"
    with pytest.raises(InputError, match=r"no sentence of prose .*reads as page furniture \(.*questions\)"):
        Summarizer().summarize(Cluster([Document(poll)]))  # a question alone is nothing to summarize, and it is said why


def test_articles_of_short_sentences_only_are_summarized_from_them():
    assert [s.text for s in summarize(["Part of the pier collapsed.", "Nobody was hurt."]).sentences] == [
        "Part of the pier collapsed.", "Nobody was hurt."]
    with pytest.raises(InputError, match="no sentence of prose"):
        summarize(["Ok then."])


def test_a_columns_own_voice_is_no_fact_to_report_but_what_it_says_others_said_is():
    column = ("OPINION: Lund Bay deserved better than a crumbling pier\n\nBy Tora Vik\n\n"
              "Everyone in this town knew the old pier would fail one day, and the council did nothing about it.\n\n"
              "Harbour master Ole Berg said the cracks had been reported to the council in 2026.\n\n"
              "If the councillors vote against the repairs on Tuesday, they should all resign at once.\n\n"
              "Tora Vik is a retired harbour pilot and a columnist for the Lund Weekly.")
    assert [s.text for s in prose_sentences([Document(column)])] == [
        "Harbour master Ole Berg said the cracks had been reported to the council in 2026."]
    unlabelled = column.replace("OPINION: ", "").replace("Tora Vik is a retired", "Tora Vik, who is a retired")
    assert len(prose_sentences([Document(unlabelled)])) == 4  # no label, no note on its writer: read as news


def test_a_subordinate_clause_alone_is_no_sentence():
    text = ("The harbour board voted on Monday to close the old ferry pier at Lund Bay for good.\n\n"
            "Because it may be time the whole town moved its boats to the new marina.\n\n"
            "Though less so than the islanders had feared in the spring.\n\n"
            "If the islanders -- are being left without a boat to the mainland hospital.\n\n"
            "If the pier is not repaired the ferry will stop at Skarholm from June.\n\n"
            "Because of the cracks, the board said, no ferry has docked there since May.\n\n"
            "Because of the fog the ferry stayed in port at Lund on Monday.\n\n"
            "Because he missed the last ferry from the mainland he slept in the waiting room at Skarholm.\n\n"
            "If the plan passes — as the board expects — the new pier will open in 2032.\n\n"
            "Just as they did when the old pier was built in 1931.\n\nAlthough it had been repaired twice.\n\n"
            "Unless the board changes its mind.\n\nAt least when the ferry runs late.\n\n"
            "Even if the ferry sails at all.\n\nNot that the islanders were asked.\n\n"
            "Just as important was the new timetable for the island ferries.")
    assert [s.text for s in prose_sentences([Document(text)])] == [
        "The harbour board voted on Monday to close the old ferry pier at Lund Bay for good.",
        "If the pier is not repaired the ferry will stop at Skarholm from June.",
        "Because of the cracks, the board said, no ferry has docked there since May.",
        "Because of the fog the ferry stayed in port at Lund on Monday.",
        "Because he missed the last ferry from the mainland he slept in the waiting room at Skarholm.",
        "If the plan passes — as the board expects — the new pier will open in 2032.",
        "Just as important was the new timetable for the island ferries."]


def test_a_first_name_alone_needs_the_sentence_naming_the_person_in_three_words():
    article = ("The ferry captain's daughter, Anna Marie Skarvik, spoke to reporters at the Lund Bay pier on Sunday night. "
               "Harbour officials said the ferry to Skarholm would run again on its winter timetable from Tuesday. "
               '"We are so grateful to the hospital staff for everything," said Anna.')
    sentences = prose_sentences([Document(article)])
    needs = dependencies(sentences, [Document(article)])
    assert list(needs.antecedent) == [-1, -1, 0], [s.text for s in sentences]  # "Anna" is Anna Marie Skarvik
    place = ("Storms closed the ferry pier at Brekkvik on the mainland on Monday, the harbour office said. Skarholm "
             "Harbour Board members voted on Tuesday to ask the state for money. Skarholm was the first island to ask "
             "for state money, and islanders say the cuts left the pier unsafe.")
    assert list(dependencies(prose_sentences([Document(place)]), [Document(place)]).antecedent) == [-1, -1, -1]  # no one


def test_a_sentence_that_ends_on_a_word_gets_a_full_stop_in_the_summary():
    standfirst = ("The regional council will close the Lund Bay ferry terminal after inspectors found cracks in the concrete"
                  " pier of the terminal")
    summary = summarize([PARAGRAPHS[1] + "\n\n" + PARAGRAPHS[2], "Ferries from Lund Bay carried cars for eighty years. "
                         + standfirst], words=80)
    texts = [sentence.text for sentence in summary.sentences]
    assert standfirst + "." in texts
    assert all(text[-1] in ".!?\"”’)" for text in texts)
    assert with_full_stop('Ada Lind called the pier "a disgrace"') == 'Ada Lind called the pier "a disgrace".'
    assert with_full_stop('Ada Lind said "we sail."') == 'Ada Lind said "we sail."'


def test_a_surname_after_a_capitalized_particle_is_introduced_in_full():
    articles = ["Ole Dahl won the Vestmark mayoral runoff on Sunday with 61 percent of the vote, defeating the Harbour "
                "Party in a result that reassured the ferry companies. Turnout was the lowest in decades. Among those who "
                "lost was Ada Le Roux, who had led the party since 2021.",
                "Ms Le Roux, who attracted 10,600 voters, conceded defeat on Sunday night and said she would turn the "
                "Harbour Party into a new political force."]
    texts = [sentence.text for sentence in summarize(articles, words=60).sentences]
    assert texts[0].startswith("Ada Le Roux, who attracted"), texts
    assert names(articles[0])[0] == ["Dahl", "Party", "Roux"]  # "Le" is no first name: "Le Monde", "Le Roux"
    assert give_in_full("De la Vega said the pier was safe.", "Vega", Person("Rosa de la Vega", "", ""))[0] \
        == "Rosa de la Vega said the pier was safe."
    assert give_in_full("Police found a white van Dahl had rented.", "Dahl", Person("Ada Dahl", "", ""))[0] \
        == "Police found a white van Ada Dahl had rented."  # "van" is no particle of hers
    assert names("Des Lind won the Tour De France, then the Tour de France.") == (["Lind"], ["Des"])  # France no person


def test_a_summary_whose_opener_reads_as_a_later_sentence_opens_on_a_lead_that_reads_as_a_first_one():
    articles = [
        "A spokesman for the harbour authority said that no ships were moored at that quay on Tuesday night, and that "
        "the crane drivers had gone home by six. "
        "Engineers from the ports authority spent most of Wednesday checking the concrete columns of the old quay "
        "beside the warehouse for cracks before they declared the structure safe for cars, lorries and cranes again.",
        "A huge fire has destroyed a timber warehouse in the Norwegian port of Lund, forcing 40 families from their "
        "homes. Firefighters fought the flames for six hours.",
    ]
    longest_first = Summarizer(sentences=2, model=FeatureRanker("log_words"))
    texts = [s.text for s in longest_first.summarize(Cluster([Document(a) for a in articles])).sentences]
    assert texts[0].startswith("A huge fire has destroyed a timber warehouse")


def test_of_two_leads_a_summary_opens_on_the_one_that_reads_as_news_not_on_a_features_scene():
    scene = ("Every morning at nine, the harbour seals of Lund Bay wait by the gate of their pool for the keepers "
             "who bring them buckets of herring, and they bark until the gate opens.")
    news = ("A harbour seal that lost a flipper to a fishing net has been given a new one made on a 3-D printer, the "
            "Lund Bay aquarium said Thursday.")
    articles = [scene + " The keepers feed them twice a day.", news + " The seal, Ola, is swimming again."]
    longest_first = Summarizer(sentences=2, model=FeatureRanker("log_words"))
    texts = [s.text for s in longest_first.summarize(Cluster([Document(a) for a in articles])).sentences]
    assert texts[0] == news


def test_a_summary_opening_on_a_lead_about_as_likely_to_come_later_opens_on_one_that_reads_as_news():
    scene = ("Ada Lind says she will do anything to keep the three wooden ferries her grandfather built in the yard "
             "behind the quay at Lund Bay.")
    news = "A wooden ferry has sunk at its mooring in Lund Bay, the harbour authority said Tuesday."
    articles = [scene + " The ferries have carried islanders, their sheep and their post across the bay every morning "
                "since the old bridge was closed to lorries and buses in the storms of the winter of 1999.",
                news + " Nobody was aboard."]
    assert opening_odds(scene) < LATER
    longest_first = Summarizer(sentences=2, model=FeatureRanker("log_words"))
    texts = [s.text for s in longest_first.summarize(Cluster([Document(a) for a in articles])).sentences]
    assert texts[0] == news


def test_an_it_that_stands_for_the_time_since_an_event_leans_on_nothing():
    assert not leans_on_previous("It's been six years since the Lund ferry sank, and divers are back at the wreck.")
    assert not leans_on_previous("It has been more than a decade since a ferry last sailed from Lund Bay.")
    assert not leans_on_previous("It has been 2.5 years since the pier closed.")
    assert leans_on_previous("It has been a hard year for the town.")  # "it": the year told of before
    assert leans_on_previous("It's been a while since then.")
    assert leans_on_previous("It has been a popular stop for tourists since it opened in 1990.")  # "it": the stop
    assert leans_on_previous("It has been one of the busiest routes since the bridge closed.")
    assert leans_on_previous("It had been nine weeks since that storm hit the quay.")


def test_a_story_told_over_days_brings_in_no_earlier_days_lead_to_open_on():
    earlier = Document("A huge fire has destroyed a timber warehouse in the port of Lund. Firefighters from four "
                       "towns fought the flames through the night until the roof fell in at dawn on Monday.",
                       published="2031-05-01")
    later = Document("A spokesman for the harbour authority said that no ships were moored at that quay on Tuesday "
                     "night, and that the crane drivers had gone home by six. Officers from three stations searched the "
                     "quay for the cause of the fire on Wednesday morning and found a can of petrol.",
                     published="2031-05-02")
    longest_first = Summarizer(sentences=2, model=FeatureRanker("log_words"))
    texts = [s.text for s in longest_first.summarize(Cluster([earlier, later])).sentences]
    assert texts[0].startswith("A spokesman for the harbour authority"), texts  # the last day's lead opens
    assert not any(text.startswith("A huge fire") for text in texts), texts  # it could not open: not brought in


def test_a_role_given_without_an_article_is_a_role_the_first_mention_gets():
    article = '"We are on time," said Ada Brekke, spokeswoman for the flight centre in Lund. The balloon left on Sunday.'
    assert people_in_full([article], {"Brekke"})["Brekke"].role == "spokeswoman for the flight centre in Lund"
    assert people_in_full(["Police held Ada Brekke, 34, of Lund on Sunday."], {"Brekke"})["Brekke"].role == ""
    summary = [("Ada Brekke said the balloon is expected to land in five days.", [])]
    assert roles_given(summary, [article])[0][0] == ("Ada Brekke, spokeswoman for the flight centre in Lund, said the "
                                                     "balloon is expected to land in five days.")


def test_a_role_told_before_is_not_told_again_at_a_later_mention():
    first = "Ada Brekke, spokeswoman for the flight centre in Lund, said the balloon would land on Friday."
    again = '"We are right where we hoped to be," said Ada Brekke, spokeswoman for the flight centre in Lund.'
    articles = [f"{first} {again}"]
    assert later_mentions([(first, []), (again, [])], articles)[1][0] == \
        '"We are right where we hoped to be," said Ada Brekke.'
    untold = "Ada Brekke said the balloon would land on Friday."
    assert later_mentions([(untold, []), (again, [])], articles)[1][0] == again  # her role is told here only
