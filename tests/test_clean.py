from pathlib import Path

from storyline import Document
from storyline.text import prose_sentences
from storyline.text.html import document_from_text
from storyline.text.clean import clean_spans, is_heading, is_junk, is_truncated, strip_dateline

LINES = Path(__file__).parent / "fixtures" / "cleaning_lines.tsv"


def labelled_lines():
    for row in LINES.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            label, line = row.split("\t", 1)
            yield label == "junk", line


def dropped(line: str) -> bool:
    return is_junk(line) or is_heading(line)


def test_cleaner_precision_and_recall_on_labelled_lines():
    outcomes = [(truth, dropped(line), line) for truth, line in labelled_lines()]
    true_pos = sum(t and p for t, p, _ in outcomes)
    precision = true_pos / sum(p for _, p, _ in outcomes)
    recall = true_pos / sum(t for t, _, _ in outcomes)
    missed = [line for t, p, line in outcomes if t and not p]
    wrongly_dropped = [line for t, p, line in outcomes if p and not t]
    print(f"cleaner on {len(outcomes)} labelled lines: precision {precision:.3f}, recall {recall:.3f}")
    assert not wrongly_dropped, wrongly_dropped
    assert precision == 1.0
    assert recall == 1.0, missed


def test_teasers_cut_off_by_an_ellipsis_are_truncated():
    assert is_truncated("The council said on Tuesday that the harbour would...")
    assert is_truncated("Firefighters fought the blaze through the night in the …")
    assert is_truncated('She said the town "will rebuild..."')
    assert not is_truncated("He paused... and then said the harbour would reopen.")
    assert not is_truncated("The harbour will reopen on Thursday.")


def test_datelines_are_stripped():
    cases = {
        "PORT ALDREN — A fire broke out.": "A fire broke out.",
        "Ferry Captain Sues Lund Over Lost Pay PORT ALDREN, Maine (CN) - A captain sued.": "A captain sued.",  # headline run in
        "'Tracker' App Spies on Crews, Deckhand Says PORT ALDREN, Maine (CN) - A deckhand sued.": "A deckhand sued.",
        'Skipper Says "Pier Was Unsafe" PORT ALDREN, Maine (CN) - A skipper sued.': "A skipper sued.",
        "The board said LUND (AP) - would be fine.": "The board said LUND (AP) - would be fine.",
        "PER HOLM, LUND FERRY CAPTAIN (VOICEOVER) - We left at six.": "PER HOLM, LUND FERRY CAPTAIN (VOICEOVER) - We left at six.",
        "Ada Lind, Per Holm and Ole Vik of the UN (UNHCR) - the refugee agency - came.":
            "Ada Lind, Per Holm and Ole Vik of the UN (UNHCR) - the refugee agency - came.",
        "Paris CNN — The minister resigned.": "The minister resigned.",
        "PINE RIDGE, S.D. (AP) -- President Clinton spoke.": "President Clinton spoke.",
        "PINE RIDGE, S.D. --A 61-year-old skipper was freed.": "A 61-year-old skipper was freed.",  # the dash run into it
        "Lund—Oslo ferries stopped on Monday.": "Lund—Oslo ferries stopped on Monday.",
        "BRUSSELS, January 22 (Xinhua) -- Two polls showed support.": "Two polls showed support.",
        "LONDON (Reuters) - Shares fell.": "Shares fell.",
        "LOS ANGELES (CBSLA.com) — Robbers hit two banks.": "Robbers hit two banks.",
        "PORT ALDREN, March 12 (North Sea Wire) -- About 300 residents left.": "About 300 residents left.",
        "Port Aldren, 12 October 2031 -- Port Aldren FC is delighted to announce a new coach.": "Port Aldren FC is delighted to announce a new coach.",
        "PORT ALDREN—When the fire broke out, 300 residents left.": "When the fire broke out, 300 residents left.",
        "NORTH SEA—Ferries stopped.": "Ferries stopped.",
        "EU—UK talks resumed on Monday.": "EU—UK talks resumed on Monday.",
        "NATO—Russia talks resumed on Monday.": "NATO—Russia talks resumed on Monday.",
        "PORT ALDREN–Ferries stopped.": "Ferries stopped.",
        "OSLO—The harbour board met.": "The harbour board met.",
        "LUND BAY, Norway—Vestmark Ferries Co. said Tuesday it was closing.": "Vestmark Ferries Co. said Tuesday it was closing.",
        "PORT ALDREN, Maine - Police are searching for a man.": "Police are searching for a man.",
        "— The ferrymen walk up and down the quay.": "The ferrymen walk up and down the quay.",
        "PORT ALDREN, D.C. - The senate met.": "The senate met.",
        "NASA, Boeing - The two agreed on a new launch pad.": "NASA, Boeing - The two agreed on a new launch pad.",
        "OSLO/STOCKHOLM Ferry operators in both ports raised fares.": "Ferry operators in both ports raised fares.",
        "AC/DC The band played in Oslo.": "AC/DC The band played in Oslo.",
        "CNN/ORC Poll finds the mayor ahead.": "CNN/ORC Poll finds the mayor ahead.",
        "The vote (a first) -- it passed -- was close.": "The vote (a first) -- it passed -- was close.",
        "The vote -- the first in years -- passed.": "The vote -- the first in years -- passed.",
        "LUND, Vest. (LundNews4.com & KLND) -- The mayor resigned.": "The mayor resigned.",
        "LUND BAY (March 3, 2031) - The harbour board opened the pier.": "The harbour board opened the pier.",
        "PORT ALDREN (Nov. 14, 2031) – Standing on the quay, the mayor spoke.": "Standing on the quay, the mayor spoke.",
        "NATO (March 3, 2031) - Talks resumed.": "NATO (March 3, 2031) - Talks resumed.",
        "LUND, Vest. (LTV/NRK) — A woman robbed two jewellers.": "A woman robbed two jewellers.",  # two stations
        "LUND BAY >> Detectives are investigating a stabbing.": "Detectives are investigating a stabbing.",
        "Read more >> The ferry sank.": "Read more >> The ferry sank.",
        "Fares >> Up 5% on the Lund route.": "Fares >> Up 5% on the Lund route.",
    }
    for line, expected in cases.items():
        assert line[strip_dateline(line):] == expected


def test_clean_spans_keep_offsets_into_original_text():
    text = "Big headline here\n\nBy Jane Roe\n\nPARIS — The talks ended on Friday.\nLoading, please wait...\nThey will resume."
    spans = clean_spans(text)
    assert [text[a:b] for a, b in spans] == ["The talks ended on Friday.", "They will resume."]


def test_trigger_words_never_hide_a_junk_rule(example_dir):
    import re

    from storyline.text.clean import CASED_RULES, RULES

    every_rule = [re.compile(p, re.IGNORECASE) for _, p in RULES] + [re.compile(p) for _, p in CASED_RULES]
    lines = [line for _, line in labelled_lines()]
    for path in example_dir.iterdir():
        lines += path.read_text(encoding="utf-8").splitlines()
    for line in filter(str.strip, lines):
        if any(rule.search(line.strip()) for rule in every_rule):
            assert is_junk(line), line


def test_a_video_players_notices_and_a_web_archive_note_are_dropped():
    page = ("Rating is available when the video has been rented, the player said.\n\n"
            "This feature is not available on the harbour site just now.\n\n"
            "The interactive transcript could not be loaded.\n\n"
            "This crawl was run at a level 2 (the harbour pages and every page they link to)\n\n"
            "The ferry Nordlys caught fire at the harbour on Tuesday night, and its crew of nine escaped unhurt.")
    kept = [page[start:end] for start, end in clean_spans(page)]
    assert kept == ["The ferry Nordlys caught fire at the harbour on Tuesday night, and its crew of nine escaped unhurt."]


def test_pointers_to_what_the_page_shows_next_are_junk_but_below_and_following_in_prose_are_not():
    assert is_junk("Divers reached the wreck by a longer route (see the map below) after the storm had passed.")
    assert is_junk("Here's a rundown of the three plans the harbour board will vote on.")
    assert is_junk("The board sorted the ferries into one of the following groups:")
    assert is_junk("Please choose one of the sailing times below.")
    assert not is_junk("The water below the pier was twelve metres deep, the divers said.")
    assert not is_junk("Ferry traffic fell the following year, when the new bridge opened.")


def test_a_captions_credit_with_a_slash_is_junk_but_two_parties_in_brackets_are_not():
    assert is_junk("Divers inspect the pier after the storm. (Ada Lind/The Harbour Post)")
    assert is_junk("The harbour master on the pier. ( Ole Vik / LUND DAILY )")
    for aside in ("(Labour/Green Party)", "(North Lund/Vik Bay)", "(Liberal Democrats/Greens)"):
        assert not is_junk(f"The pier vote split the council along party lines {aside}"), aside


def test_a_caption_of_two_or_three_sentences_ending_on_its_pictures_credit_is_dropped_whole():
    caption = ("Frost coats the fountain on the quay at Lund Bay as the cold deepens. Lund has not seen such a freeze "
               "in forty years, and the weather office expects sleet and heavy snow on the harbour town by Wednesday "
               "evening. (Photo: Ole Vik, Lund Daily via AP)")
    lead = "A winter storm closed the harbour at Lund Bay on Tuesday, and the ferries stayed in port until noon."
    page = f"{caption}\n\n{lead}"
    assert len(caption.split()) > 40 and [page[a:b] for a, b in clean_spans(page)] == [lead]
    assert not is_junk("The council published the photo of the pier on Monday (its first since the storm).")


def test_a_related_links_widget_glued_into_a_lead_is_junk_but_shouted_more_is_not():
    assert is_junk("Councillor Ada Lind Ada Marie LindHarbour fees rise again MORE (R-Vestmark) voted against the plan.")
    assert is_junk("Harbour master Ole Vik Ole Kristian VikFerry pier to close MORE said on Tuesday that the pier was unsafe.")
    assert not is_junk("The harbour wants MORE ferries, MORE cars and MORE money, the banner on the quay said.")


def test_prompts_calls_to_action_posts_quoted_by_handle_related_links_credits_and_dated_captions_are_junk():
    for line in ("For more news on the harbour, follow @adalind.",
                 "--------- Sign up for Vestmark7 email alerts to stay informed about breaking news.",
                 "Click below to sign the petition to save the pier.",
                 "MORE: The 25 Best Ferry Crossings in Norway",
                 "@harbourwatch: Pier closed again after the storm, ferries diverted to Nordvik.",
                 "Rune Berg / AP Harbour master Ole Vik walks along the cracked pier at Lund Bay.",
                 "Donate to a fund to help the harbour master's family rebuild their house.",
                 "Watch Harbour TV at 6 p.m. for updates from the pier.",
                 "LundNews.com will livestream the harbour board's press conference.",
                 "The harbour board has a website that can help.",
                 "Ferry fares soar to new highs (3:40) As the harbour reopens, the ferry company has raised its prices.",
                 "Vestmark harbour master Ole Vik listens to a reporter's question at the harbour office "
                 "in Vestmark, Norway, on March 3, 2019."):
        assert is_junk(line), line
    assert not is_junk("The harbour master said he listens to the fishermen before every decision, as he did on March 3.")
    assert not is_junk("Call it a miracle or call it luck: nobody was hurt when the pier fell.")
    assert not is_junk("The harbour board will livestream its meeting on the pier on Monday.")
    assert not is_junk("The harbour board has a website that can help fishermen report damage, Ada Lind said.")


def test_shop_lines_thanks_review_data_police_log_blocks_and_reporters_credits_are_junk():
    for line in ("FREE Shipping on orders over $25.", "Ships from and sold by Harbourbooks.example.",
                 "Thank you for reading The Vestmark Gazette.", "Running time: 1 hour, 52 minutes.",
                 "Thank you to every one of you who donated to the crew.", "Let's help the Lind family through this hard time.",
                 "Starring Ada Lind and Ole Vik.", "1200 block of Quay Street.", "Ada Lind reported from Lund Bay, Norway."):
        assert is_junk(line), line
    for line in ("The 1200 block of Quay Street was closed after the fire.",
                 "The Gazette reported from Lund Bay that the ferry had sunk.",
                 "Thank you for your courage, the mayor told the divers.",
                 "Thank you to the crews, the mayor said, as donations reached $40,000.",
                 "Let's support the ferry crews, union leader Ada Lind said on Monday.",
                 "Thank you so much to everyone who donated, the mayor said, as the fund grew.",
                 "Starring in her first film, Ada Lind plays a ferry captain."):
        assert not is_junk(line), line


def test_shop_reviews_and_web_archive_crawl_notes_are_junk():
    for line in ("Harbour Atlas: there are no customer reviews yet.",
                 "The harbour atlas is not out yet and so is not eligible to be reviewed.",
                 "Web wide crawl of harbour news sites from a seedlist of June 2031.",
                 "Crawl start date: 04 June, 2014.",
                 "Did not receive the verification email for the Harbour Herald app? Ask the help desk.",
                 "Ada Lind Live on Periscope 03-12-2025.", "Ada Lind Live on Periscope Dec. 29, 2016.",
                 "Sign up here for the Harbour Herald Shipping newsletter.",
                 "Get the Vestmark Daily Business newsletter every weekday morning."):
        assert is_junk(line), line
    for line in ("The harbour museum had no customer reviews yet when the fire broke out.",
                 "Divers began a slow crawl along the seabed at dawn.",
                 "The mayor will go live on Facebook on Tuesday to answer questions about the fire.",
                 "The bank said scammers sent a verification email to 3,000 of its customers in Lund Bay.",
                 "Customer reviews of the harbour hotel on travel sites plunged after the fire.",
                 "He was live on Facebook on 12/03/2025 when the police arrived at the pier.",
                 "The mayor will get the newsletter of the harbour board every Monday and read it aloud."):
        assert not is_junk(line), line


def test_a_label_run_into_a_paragraph_is_cut_off_and_its_sentence_kept():
    def kept(text: str) -> list[str]:
        return [text[a:b] for a, b in clean_spans(text)]
    for label in ("Analysis ", "Advertisement ", "Updated\t", "(HarbourDay News)—", "UPDATE 1:18 p.m.: ", "Update, 3 PM | ",
                  "ORIGINAL: ", "Original post: ", "(10/18)", "LUNDPHOTOS.COM "):
        text = f"{label}There had been talk for weeks of closing the pier at Lund Bay, the harbour master said."
        assert kept(text) == [text.removeprefix(label)], label
    labelled = ('The harbour board met on Monday to discuss the old pier at Lund Bay.\n\nVIK: "We had talked of closing '
                'the pier for weeks," he said.\n\nThe board voted to close it on Tuesday.')
    assert kept(labelled)[1] == '"We had talked of closing the pier for weeks," he said.'  # a speaker's label
    for agency in ("(HarbourDay)—", "(Harbour Wire) - "):
        glued = f"Rowing an hour a week helps, a study says. {agency}A little rowing is good for your heart, doctors say."
        assert [s.text for s in prose_sentences([Document(glued)])][-1].startswith("A little rowing"), agency
    its = "Analysis It's been a long year for the harbour board of Lund Bay, its chairman said."
    assert [its[a:b] for a, b in clean_spans(its)] == [its.removeprefix("Analysis ")]
    for text in ("Analysis of the samples showed the fire began in the warehouse on Quay Street.",
                 "Analysis Group estimated the losses of the harbour fire at 40 million crowns.",
                 "Background checks were carried out on every member of the ferry's crew, police said."):
        assert kept(text) == [text]


def test_an_error_page_a_bot_check_and_a_saved_page_menu_are_junk():
    for line in ("Sorry, the page you were looking for could not be found.", "Try our search or go back to the homepage.",
                 "Checking your browser before accessing the site.", "Skip to main content", "Sign in",
                 "We value your privacy. We and our partners use cookies to personalise content.",
                 "Log into your account to manage your harbour newsletters.", "— Ole Vik",
                 "“It should be on every sailor’s reading list, and every harbour master’s, too.”—Ada Lind"):
        assert is_junk(line), line
    for line in ("The harbour office said the ferry you were looking for could not sail in the fog.",
                 "Divers were checking the hull of the ferry before it was towed to the shipyard.",
                 "Ada Lind said she would sign in the new rules on Monday.",
                 "The ferry sank — Ada Lind said — in minutes.", '"We will rebuild," said the mayor — Ada Lind.',
                 "Websites use cookies to follow visitors across the web, the regulator said.",
                 '"We value your privacy and will appeal," a spokeswoman for the ferry company said.',
                 "Hackers could log into your account with a stolen password, the bank warned.",
                 "Checking your browser history is one way to spot the scam, police said.",
                 "The original timetable could not be found on the harbour board's website."):
        assert not is_junk(line), line
    page = ("<html><head><title>404 Not Found</title></head><body><h1>Page not found</h1><p>Sorry, the page you "
            "were looking for could not be found. It may have been moved.</p><p>Try our search or go back to the "
            "homepage.</p></body></html>")
    assert prose_sentences([document_from_text(page)]) == []


def test_the_text_of_an_embedded_post_over_its_signature_is_left_out():
    text = ("The harbour stayed closed to ferries on Monday night, the coast guard said.\n"  # a page's text, a line each
            "The harbour stays closed to all ferries tonight while divers check the walls of the quay.\n"
            "— Lund Harbour Authority (@LundHarbour) March 10, 2031\n"
            "Divers will inspect the wreck of the ferry at first light on Tuesday, officials said.")
    kept = [text[start:end] for start, end in clean_spans(text)]
    assert kept == ["The harbour stayed closed to ferries on Monday night, the coast guard said.",
                    "Divers will inspect the wreck of the ferry at first light on Tuesday, officials said."]


FORWARDED_NEWSLETTER = """Hi Sam,

Isn't this the museum we took the kids to? Thought you'd want to see it.

---------- Forwarded message ---------
From: Lund Evening Post <briefing@eveningpost.example>
Subject: Evening Briefing: Astrolabe taken in four-minute raid

> Good evening, and welcome to your Monday briefing from the Lund Evening Post.
> Tonight: the museum raid that has stunned the city, plus the weather.
>
> Thieves who abseiled through the roof of the Lund Museum of Science in the
> early hours of this morning have made off with the **Harwick Astrolabe**, the
> museum's 400-year-old brass instrument.
>
> Detective Inspector Rowan Berg, of Lund Police, said the raid had been
> carefully planned and that the thieves were in the building for four minutes.
"""


def test_a_forwarded_newsletter_is_read_from_its_article_without_quote_or_bold_marks():
    shown = [s.text for s in prose_sentences([Document(FORWARDED_NEWSLETTER)])]
    assert shown == ["Thieves who abseiled through the roof of the Lund Museum of Science in the early hours of this "
                     "morning have made off with the Harwick Astrolabe, the museum's 400-year-old brass instrument.",
                     "Detective Inspector Rowan Berg, of Lund Police, said the raid had been carefully planned and "
                     "that the thieves were in the building for four minutes."]
    start = prose_sentences([Document(FORWARDED_NEWSLETTER)])[0].start
    assert FORWARDED_NEWSLETTER[start:].startswith("Thieves who abseiled")  # offsets into the text as it came


def test_an_article_above_a_forward_marker_stays_and_news_that_welcomes_is_no_greeting():
    article = ("Thieves who abseiled through the roof of the Lund Museum of Science early on Monday made off with "
               "the Harwick Astrolabe, the museum's 400-year-old brass instrument, police said.\n\n")
    forwarded = article + "---------- Forwarded message ---------\nFrom: Ada <ada@example.org>\nSubject: museum\n"
    assert [s.text for s in prose_sentences([Document(forwarded)])] == [article.strip()]
    welcome = "Welcome to the new normal for ferry passengers in Lund, the mayor said on Monday."
    assert not is_junk(welcome) and is_junk("Good evening, and welcome to your Monday briefing from the Lund Post.")


PRESS_RELEASE = """FOR IMMEDIATE RELEASE

Lund Harbour Authority
Tuesday 3 June 2031

HARBOUR WALL: REPAIRS TO BEGIN NEXT WEEK

Lund Harbour Authority today confirmed that repairs to the cracked north harbour wall will begin on Monday, after
divers found the damage smaller than first feared.

The harbour will stay open to ferries while the work is carried out, the Authority said.

ENDS

Notes to editors:
1. The north wall was completed in 1887 and is one of six breakwaters the Authority manages.
2. Photographs and drone footage are available on request.

Media contact:
Ada Lind, Communications Manager
Tel: 01632 960 418

###

About Lund Harbour Authority:
Lund Harbour Authority runs the port of Lund and its six breakwaters.
"""


def test_a_press_release_ends_at_its_end_mark_and_names_its_issuer_and_headline():
    shown = [s.text for s in prose_sentences([Document(PRESS_RELEASE)])]
    assert shown[0].startswith("Lund Harbour Authority today confirmed that repairs")
    assert shown[-1] == "The harbour will stay open to ferries while the work is carried out, the Authority said."
    document = document_from_text(PRESS_RELEASE, "release")
    assert (document.source, document.title, document.published) == (
        "Lund Harbour Authority", "Harbour Wall: Repairs To Begin Next Week", "2031-06-03")
    notes = PRESS_RELEASE.replace("ENDS\n\n", "").replace("###\n\n", "")  # the notes' heading alone ends it too
    assert not any("1887" in s.text for s in prose_sentences([Document(notes)]))
    for mark in ("Ends", "###", "- 30 -"):  # a mark with no notes or contacts after it ends nothing
        article = f"The ferry sank off Skarholm on Monday, the coast guard said.\n\n{mark}\n\nThe inquiry into the sinking begins in May.\n"
        assert len(prose_sentences([Document(article)])) == 2, mark
        release = article.replace("The inquiry into the sinking begins in May.\n", "Media contact:\nAda Lind, Lund Harbour\n")
        assert len(prose_sentences([Document(release)])) == 1, mark
    tracing = ("The council met on Monday to discuss the outbreak at the school.\n\n###\n\nContact tracing began on "
               "Tuesday, officials said.\n\nThe school will reopen on Friday, the head teacher said.\n")
    assert len(prose_sentences([Document(tracing)])) == 3  # no notes right after the mark: no release's end
    contact = ("The harbour will stay open to ferries while the wall is repaired, the Authority said.\n\nMedia contact:\n"
               "Ada Lind, Communications Manager, on 01632 960 418 or press@lundharbour.example.\n")
    assert len(prose_sentences([Document(contact)])) == 1  # a contact line is no news
    noted = "Editor's note: this piece has changed since Tuesday.\n\nThe ferry sank off Skarholm on Monday, the coast guard said.\n"
    assert len(prose_sentences([Document(noted)])) == 1


def test_a_list_of_records_is_no_prose_but_a_live_blogs_updates_are():
    records = "".join(f"Ferry: {name}\n\nOperator: Lund Lines\n\nVerdict: {verdict}\n\n" for name, verdict in (
        ("Skarholm", "Keep it, for heaven's sake."), ("Nordvik", "Sell it to a museum."), ("Eskerby", "Sink it.")))
    article = f"Lund Lines will retire three of its ferries this summer, the company said on Monday.\n\n{records}"
    assert [s.text for s in prose_sentences([Document(article)])] == [article.split("\n")[0]]
    updates = "".join(f"Update: The ferry to {place} sailed again at noon, the harbour master said.\n\n"
                      for place in ("Skarholm", "Nordvik", "Eskerby"))
    assert len(prose_sentences([Document(updates)])) == 3  # one label, however often: no record
    quotes = "".join(f'{who} said: "The ferry hit the reef near Skarholm and the whole deck tilted, number {n}."\n\n'
                     for n in range(3) for who in ("He", "She"))
    assert len(prose_sentences([Document(quotes)])) == 6  # who speaks is no field


def test_a_fact_box_is_no_prose():
    box = ("The latest on the Brackley Moor fire:\n\nDeaths: One, a farmhand of 62 who stayed to free the sheep.\n\n"
           "The county said on Sunday that the wind had turned east.\n\nSize: 3,400 hectares, or about 13 square miles.\n\n"
           "Cause: A barbecue left burning near the old quarry.\n\nEvacuations: More than 900 people from four villages.\n\n"
           "Weather outlook: Dry and windy. Rain is expected across the moor on Tuesday.")
    assert [s.text for s in prose_sentences([Document(box)])] == [
        "The county said on Sunday that the wind had turned east.", "Rain is expected across the moor on Tuesday."]
    notes = ("Update: The ferry to Skarholm sailed again at noon.\n\nAnalysis: The harbour board waited too long.\n\n"
             "Reaction: The island council called the delay a disgrace.\n\nBackground: The ferry broke down twice.")
    assert len(prose_sentences([Document(notes)])) == 4  # a live blog's entries: no box
    days = "".join(f"{day}: The ferry to Skarholm sailed {n} hours late, the harbour master said.\n\n"
                   for n, day in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday"), 2))
    assert len(prose_sentences([Document(days)])) == 4  # a timeline


WIRE_RELEASE = """FOR IMMEDIATE RELEASE

Lund Lines confirms all passengers safe after ferry grounding

LUND, June 3, 2031 /Lund Lines/ -- Lund Lines today confirmed that all 180 passengers of the ferry Skarholm were
brought ashore after it ran aground off Lund Bay on Tuesday.

Sailings to Skarholm will resume on Friday, the company said.

###

About Lund Lines
Lund Lines has carried passengers across Lund Bay since 1951 and employs 240 people.

Forward-looking statements: Lund Lines undertakes no obligation to update these statements.
"""


def test_a_wire_release_loses_its_dateline_and_boilerplate_and_gives_its_issuer_and_day():
    shown = [s.text for s in prose_sentences([Document(WIRE_RELEASE)])]
    assert shown == ["Lund Lines today confirmed that all 180 passengers of the ferry Skarholm were brought ashore after "
                     "it ran aground off Lund Bay on Tuesday.", "Sailings to Skarholm will resume on Friday, the company said."]
    document = document_from_text(WIRE_RELEASE, "release")
    assert (document.source, document.published) == ("Lund Lines", "2031-06-03")
    via = WIRE_RELEASE.replace("/Lund Lines/", "/Lund Lines via PRNewswire/")
    assert prose_sentences([Document(via)])[0].text.startswith("Lund Lines today confirmed")
    assert document_from_text(via, "release").source == "Lund Lines"
    dated = "On June 3, 2031 — the day the ferry ran aground — the harbour master was on leave, records show."
    assert strip_dateline(dated) == 0  # a day, no place nor wire
    scene = ("The ferry Skarholm ran aground off Lund Bay on Tuesday, the coast guard said.\n\n###\n\nAbout Face On "
             "Ferry Safety\n\nThe council had voted in 2029 to cut the ferry's safety budget by a third.\n")
    assert len(prose_sentences([Document(scene)])) == 2  # a scene break and a heading: no boilerplate under a name


MAIL_BRIEF = """Thought you'd want to see this -- no ferry till the weekend.

---------- Forwarded message ---------
From: The Skarholm Islander <brief@islander.example>
Date: Wed, Jun 4, 2031 at 6:02 AM
Subject: Fwd: Morning Brief: Ferry aground, island cut off until Friday
To: <ada@mailbox.example>

Good morning, islanders. Here is what you need to know today.

The ferry Skarholm ran aground off Lund Bay on Tuesday with 180 passengers on board, the coast guard said.

Reader Ole Vik wrote in last night:

> I was on the top deck when it happened.
> The crew had everyone in life jackets within ten minutes.
"""


def test_an_e_mail_gives_its_subject_and_day_and_a_newsletters_greeting_and_quote_marks_go():
    document = document_from_text(MAIL_BRIEF, "brief")
    assert (document.title, document.published) == ("Morning Brief: Ferry aground, island cut off until Friday", "2031-06-04")
    assert document.source == "The Skarholm Islander"  # its sender, named nowhere else
    assert document_from_text(FORWARDED_NEWSLETTER, "briefing").source == "Lund Evening Post"
    shown = [s.text for s in prose_sentences([Document(MAIL_BRIEF)])]
    assert shown[0].startswith("The ferry Skarholm ran aground") and not any(">" in text for text in shown)
    assert not any("know today" in text or "Good morning" in text for text in shown)
    assert document_from_text("From: Ada\n\nThe ferry sank on Tuesday.\n", "x").title != "Ada"  # no subject: no header
    quoting = ("Harbour chief knew of reef chart errors, e-mails show\n\nLund's harbour master was warned two years "
               "before the ferry ran aground, e-mails show.\n\nFrom: Per Berg\nDate: Mon, 12 Mar 2029 09:14\nSubject: "
               "Reef charts out of date\n\nThe reef is not where the charts put it.\n")
    document = document_from_text(quoting, "y")  # an article quoting an e-mail: not the e-mail's subject nor day
    assert (document.title, document.published) == ("Harbour chief knew of reef chart errors, e-mails show", "")
    for line in ("Good Morning Britain broke the story on Monday.", "Good evening, ladies and gentlemen, the mayor began."):
        assert not is_junk(line), line


MARKDOWN_STORY = """# Ferry refloated after 30 hours on the reef

*By Ole Vik for the Lund Dispatch — June 4, 2031*

![The ferry aground](img/ferry.jpg)

The ferry struck the reef at 7:40 a.m. on Tuesday. According to the [Coastal Rescue Service](https://rescue.example/a),
four lifeboats took part in the evacuation, which ended at 11:15 a.m.
"""


def test_markdown_links_keep_their_text_and_a_byline_for_an_outlet_names_it():
    shown = [s.text for s in prose_sentences([Document(MARKDOWN_STORY)])]
    assert shown == ["The ferry struck the reef at 7:40 a.m. on Tuesday.", "According to the Coastal Rescue Service, four "
                     "lifeboats took part in the evacuation, which ended at 11:15 a.m."]
    document = document_from_text(MARKDOWN_STORY, "dispatch.md")
    assert (document.source, document.published) == ("Lund Dispatch", "2031-06-04")
    for text, kept in (("It breached section 12[b](iii) of the Harbour Act.", "section 12[b](iii) of"),
                       ("[![The ferry](img/ferry.jpg)](https://lund.example/a) Divers inspected the hull on Thursday.",
                        "Divers inspected the hull on Thursday."),
                       ("It is the largest town, says [Wikipedia](https://en.wikipedia.org/wiki/Lund_(town)) today.",
                        "It is the largest town, says Wikipedia today.")):
        assert kept in prose_sentences([Document(text)])[-1].text, text
    headline = document_from_text("By Ferry for the Last Time\n\nThe ferry made its last crossing on Sunday, Lund Lines "
                                  "said.\n", "x")
    assert (headline.title, headline.source) == ("By Ferry for the Last Time", "")  # no byline


def test_a_number_to_call_is_a_service_notice_but_a_call_in_the_news_is_not():
    for line in ("Patients with appointments on the mainland should call the island surgery on 01632 960 221.",
                 "Anyone with information is asked to contact Lund police at (555) 123-4567."):
        assert is_junk(line), line
    for line in ("The captain called the coast guard at 7:43 a.m. on Tuesday.",
                 "She called 911 at 10:15 p.m. and said the ferry was sinking.",
                 "The skipper made a distress call on 03-06-2031, minutes before the ferry struck the reef.",
                 "The ferry operator's phone lines were jammed at 0800 123 4567 for hours, a spokeswoman said."):
        assert not is_junk(line), line


def test_a_correction_notice_and_footage_on_request_are_junk_but_a_correction_in_the_news_is_not():
    for line in ("Correction: the year the harbour wall went up was first given here as 1901.",
                 "An earlier version of this story gave the wrong date for the inquiry.",
                 "Photographs and drone footage are available on request.",
                 "Clarifications: the ferry operator is not part of the inquiry.",
                 "High-resolution images available on request.", "Traffic and weather next, after this."):
        assert is_junk(line), line
    for line in ("The ministry issued a correction to its figures on Monday.",
                 "An earlier version of the bill was rejected by the Senate in May.",
                 "An earlier version of this report was leaked to the Lund Post in May, the minister said.",
                 "From Monday all police bodycam footage is available on request.",
                 "Lund police asked the public to help identify the man seen in a photo released March 13, 2031.",
                 "The footage was made available to the court on request of the defence.",
                 "Body-camera footage of the arrest is available on request under state law, but police refused.",
                 "Weather next week is expected to be mild.", "Sport is next in line for cuts, the minister said."):
        assert not is_junk(line), line


def test_a_colon_dateline_before_a_name_opening_the_lead_is_stripped_but_a_title_keeps_its_second_half():
    lead = "Port Aldren: The Port Aldren Harbour Police want help to trace three robbers seen on the quay."
    assert [text for text in (lead[a:b] for a, b in clean_spans(lead))] == [lead[len("Port Aldren: "):]]
    for title in ("Harbour Wars: The Last Ferry is the best film of the year, critics said on Monday.",
                  "Ada Lind: The Lund Harbour Authority lied to us about the ferry for three years."):  # a speaker's label
        assert [lead for lead in (title[a:b] for a, b in clean_spans(title))] == [title]


def test_a_place_in_capitals_that_lost_its_datelines_dash_is_stripped_but_an_acronym_or_a_name_is_not():
    for lead, kept in (("LUND An island ferry sank off Lund on Monday, the coast guard said.", "An island ferry"),
                       ("NEW YORK The ferry sank off Staten Island on Monday. All of New York mourned.", "The ferry sank"),
                       ("HOLMSTAD Ferries were late again on Monday, as every day in Holmstad.", "HOLMSTAD"),  # a rare word
                       ("GRACE Young and Ole Vik were seen in Lund. Fans of Grace Young cheered.", "GRACE Young"),  # a name
                       ("EVERY Monday, the ferry leaves Lund at dawn.\n\nEvery islander knows it.", "EVERY"),  # no place
                       ("ROME An island ferry sank off Skarholm on Monday, the coast guard said.", "An island"),
                       ("ROME Ferries sank off Skarholm on Monday, the coast guard said.", "ROME Ferries"),
                       ("ANNA A. Vik, the captain, said the ferry sank on Monday at noon.", "ANNA A. Vik"),
                       ("NATO The alliance sent a ferry to Skarholm on Monday, its spokesman said.", "NATO The")):
        assert lead[clean_spans(lead)[0][0]:].startswith(kept), lead  # "ROME Ferries": Rome never written as a name
