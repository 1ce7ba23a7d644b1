import dataclasses
import json
import os
import pty
import re
import select
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.errors import StoreError, StorylineError
from storyline.io.render import render_page
from storyline.model import Document
from storyline.stories.store import MIGRATIONS, Store
from storyline.stories import StoryTracker, build_page
from storyline.stories.page import HEADLINE_WORDS, coverage_by_outlet, headline, quotes, timeline

FIRE = [
    ("fire-courier", "Courier", "A fire destroyed a timber warehouse in Port Aldren harbour late on Tuesday, forcing the "
     "evacuation of about 300 residents. Fire chief Rune Adler said 80 firefighters fought the blaze through the night. "
     '"We saw the roof collapse and then the whole sky turned orange," said Inge Solberg, a neighbour.'),
    ("fire-herald", "Herald", "Firefighters brought the Port Aldren harbour warehouse fire under control on Wednesday "
     "after 300 residents left their homes. The timber warehouse belonged to Halvard Timber. Fire chief Rune Adler "
     "said two firefighters were treated for smoke inhalation."),
]
FIRE_LATER = ("Three months after the fire, Halvard Timber said it will rebuild the timber warehouse in Port Aldren "
              "harbour. Fire chief Rune Adler said the warehouse fire was started by an electrical fault.")
FOOTBALL = [
    ("cup-sport", "Sport Daily", "Northvik won the national cup final 3-1 on Sunday in front of 60,000 fans at the "
     "Aldren stadium. Striker Mia Holm scored twice in the second half, and coach Per Lind praised the defence."),
    ("cup-gazette", "Gazette", "Mia Holm scored two goals as Northvik beat Sundby 3-1 in the national cup final at "
     "the Aldren stadium on Sunday. Coach Per Lind said the cup final win was the best day of his career."),
]

ELECTION = [
    ("vote-post", "Valley Post", "Voters in Sundby elected Ada Brenner as mayor on Sunday, ending twelve years of rule by "
     "the Harbour Party. Brenner won 54 percent of the ballots cast, the election commission said."),
]
# A story told the way scraped pages tell it: captions, credits, video titles and site names around the reporting.
BRIDGE = [
    {"id": "bridge-courier", "source": "Courier", "published": "2031-04-09", "url": "https://courier.example/bridge",
     "title": "Storm closes Kvale bridge for a week | Courier",
     "text": "Media caption Waves crash against the Kvale bridge on Tuesday.\n\n"
             "A storm closed the Kvale bridge on Tuesday after waves damaged two of its supporting pillars, the road "
             "agency said.\n\nEngineers will inspect the pillars on Thursday, and the bridge is expected to stay shut "
             "for at least a week.\n\n\"We have never seen waves this high in April,\" said road agency engineer "
             "Tove Rasmussen."},
    {"id": "bridge-radio", "source": "Radio Kvale", "published": "2031-04-09", "title": "Kvale bridge closure: what drivers need to know",
     "text": "Drivers heading to Eastvik should take the coast road while the Kvale bridge is shut after the storm. "
             "The coast road adds about forty minutes to the journey, and the ferry from Kvale harbour runs every "
             "hour. Lorries over twelve tonnes must use the inland route through Sundby."},
    {"id": "bridge-herald", "source": "Herald", "published": "2031-04-10", "url": "https://herald.example/kvale",
     "title": "WATCH: Waves hit the Kvale bridge",
     "text": "Waves hit the Kvale bridge during the storm. | AP Photo/Lars Eng\n\n"
             "The Kvale bridge was closed on Tuesday after a storm damaged two of its supporting pillars, the road "
             "agency said.\n\nCommuters face a 40-minute detour while the bridge is shut. The bridge first opened on "
             "June 3, 1987.\n\n\"Nobody crosses until the engineers say it is safe,\" Rasmussen said."},
    {"id": "bridge-wire", "source": "Baltic Wire", "published": "2031-04-11",
     "title": "",
     "text": "Image copyright Getty Images\n\nRepairs to the storm-damaged Kvale bridge will cost about 12 million "
             "crowns, the road agency said on Friday. Divers found cracks in both pillars during an inspection on "
             "Thursday."},
]


def articles(rows, published="2031-03-12"):
    return [Document(text=text, id=i, source=source, published=published) for i, source, text in rows]


def stored(path):
    store = Store(path)
    try:
        return dict(store.assignments())
    finally:
        store.close()


def add(path, documents, **settings):
    store = Store(path, create=True)
    try:
        return StoryTracker(store, **settings).add(documents)
    finally:
        store.close()


def test_articles_about_one_event_share_a_story(tmp_path):
    db = tmp_path / "s.db"
    report = add(db, articles(FIRE + FOOTBALL))
    assignment = stored(db)
    assert report.added == 4 and report.new_stories == 2
    assert assignment["fire-courier"] == assignment["fire-herald"]
    assert assignment["cup-sport"] == assignment["cup-gazette"] != assignment["fire-courier"]


def test_adding_later_continues_the_stories_and_never_counts_twice(tmp_path):
    db = tmp_path / "s.db"
    add(db, articles(FIRE[:1] + FOOTBALL[:1]))
    report = add(db, articles(FIRE + FOOTBALL))
    assert report.skipped == 2 and report.added == 2 and report.new_stories == 0
    assignment = stored(db)
    assert len(assignment) == 4
    assert assignment["fire-courier"] == assignment["fire-herald"]
    assert assignment["cup-sport"] == assignment["cup-gazette"]


def test_a_run_killed_inside_a_chunk_loses_only_that_chunk_and_resumes(tmp_path):
    db = tmp_path / "s.db"
    store = Store(db, create=True)
    stored_ones = []

    def add_then_die(article_id, *args):
        if len(stored_ones) == 3:
            raise KeyboardInterrupt  # killed while writing the second chunk
        stored_ones.append(article_id)
        Store.add_article(store, article_id, *args)

    store.add_article = add_then_die
    with pytest.raises(KeyboardInterrupt):
        StoryTracker(store, chunk=2).add(articles(FIRE + FOOTBALL))
    store.close()
    assert set(stored(db)) == {"fire-courier", "fire-herald"}
    report = add(db, articles(FIRE + FOOTBALL), chunk=2)
    assert report.skipped == 2 and report.added == 2
    assignment = stored(db)
    assert len(assignment) == 4
    assert assignment["cup-sport"] == assignment["cup-gazette"] != assignment["fire-courier"]


def test_a_syndicated_copy_joins_its_original_as_a_copy(tmp_path):
    db = tmp_path / "s.db"
    copy = Document(text=FIRE[0][2] + " Copyright Wire.", id="fire-copy", source="Regional Post")
    report = add(db, articles(FIRE) + [copy])
    assert report.duplicates == 1
    store = Store(db)
    [row] = [a for a in store.articles() if a.id == "fire-copy"]
    store.close()
    assert row.duplicate_of == "fire-courier"
    assert stored(db)["fire-copy"] == stored(db)["fire-courier"]


def test_signatures_made_the_old_way_are_remade_when_the_store_opens(tmp_path):
    db = tmp_path / "s.db"
    add(db, articles(FIRE))
    store = Store(db)
    with store.db:
        store.db.execute("UPDATE articles SET minhash = zeroblob(512)")
        store.db.execute("UPDATE meta SET value = '1' WHERE key = 'fingerprint_version'")
    store.close()
    copy = Document(text=FIRE[1][2], id="herald-again", source="Herald")
    assert add(db, [copy]).duplicates == 1
    assert stored(db)["herald-again"] == stored(db)["fire-herald"]



def test_a_store_of_schema_version_2_finds_copies_and_keeps_its_stories_open(tmp_path):
    db = tmp_path / "s.db"
    add(db, articles(FIRE))
    store = Store(db)
    # back to version 2: no band keys, no day a story was last seen, no generations, merges, refusals or threads
    store.db.executescript("""
        BEGIN;
        DROP TABLE bands; DROP TABLE merges; DROP TABLE refused; DROP TABLE threads; DROP TABLE thread_merges;
        CREATE TABLE stories_v2 (id INTEGER PRIMARY KEY, first_seen TEXT, last_seen TEXT,
                                 norm2 REAL NOT NULL, terms BLOB NOT NULL, weights BLOB NOT NULL);
        INSERT INTO stories_v2 SELECT id, first_seen, last_seen, norm2, terms, weights FROM stories;
        DROP TABLE stories;
        ALTER TABLE stories_v2 RENAME TO stories;
        DELETE FROM meta WHERE key IN ('bands', 'generation');
        UPDATE meta SET value = '2' WHERE key = 'schema_version';
        COMMIT;
    """)
    store.close()
    copy = Document(text=FIRE[0][2] + " Copyright Wire 2031.", id="courier-again", source="Wire", published="2031-03-13")
    assert add(db, [copy]).duplicates == 1
    late = articles([("fire-late", "Post", FIRE[1][2].replace("Wednesday", "Thursday"))], published="2031-03-14")
    assert add(db, late).new_stories == 0
    assignment = stored(db)
    assert assignment["courier-again"] == assignment["fire-late"] == assignment["fire-courier"]


def test_a_looser_copy_threshold_reindexes_the_stored_articles(tmp_path):
    db = tmp_path / "s.db"
    add(db, articles(FIRE))
    words = FIRE[0][2].split()
    edited = " ".join(word + "s" if i % 20 == 0 else word for i, word in enumerate(words))  # ~0.65 alike
    assert add(db, [Document(text=edited, id="edited", source="Wire")], duplicate=0.6).duplicates == 1
    assert stored(db)["edited"] == stored(db)["fire-courier"]


def test_a_copy_of_an_article_from_a_closed_story_joins_that_story(tmp_path):
    db = tmp_path / "s.db"
    add(db, articles(FIRE, published="2031-03-12"))
    copy = Document(text=FIRE[0][2] + " Copyright Wire 2031.", id="courier-again", source="Wire", published="2031-09-01")
    other = articles(FOOTBALL, published="2031-09-01")
    assert add(db, other + [copy]).duplicates == 1
    assert stored(db)["courier-again"] == stored(db)["fire-courier"]

@pytest.mark.parametrize("window_days, together", [(3.0, False), (100.0, True)])
def test_a_story_stays_open_for_its_window(tmp_path, window_days, together):
    db = tmp_path / "s.db"
    add(db, articles(FIRE[:1], published="2031-03-12"), window_days=window_days)
    add(db, articles(FIRE[1:], published="2031-06-01"), window_days=window_days)
    assignment = stored(db)
    assert (assignment["fire-courier"] == assignment["fire-herald"]) == together


def test_stories_that_come_close_are_merged_into_the_older_one(tmp_path):
    db = tmp_path / "s.db"
    add(db, articles(FIRE))
    add(db, articles(FOOTBALL))
    assert set(stored(db).values()) == {1, 2}
    with Store(db) as store:
        store.set_watermark("ana", 2, 3)
    later = Document(text=FIRE_LATER, id="fire-rebuilt", source="Post", published="2031-03-13")
    report = add(db, [later], merge=0.0)
    assert report.new_stories == 0 and report.merged == 1
    assert set(stored(db).values()) == {1}
    with Store(db) as store:
        assert [s.id for s in store.stories()] == [1] and store.watermark("ana", 2) == 0
        assert store.merged_into(2) == 1
        with pytest.raises(StoreError, match="story 2 was merged into story 1"):
            build_page(store, 2)


def test_a_story_id_is_never_used_again_after_its_story_is_merged(tmp_path):
    db = tmp_path / "s.db"
    add(db, articles(FIRE))
    add(db, articles(FOOTBALL))
    later = Document(text=FIRE_LATER, id="fire-rebuilt", source="Post", published="2031-03-13")
    add(db, [later], merge=0.0)  # story 2, the newest, goes into story 1
    add(db, articles(ELECTION))
    assert stored(db)["vote-post"] == 3


def test_a_page_without_prose_is_refused_not_stored(tmp_path):
    db = tmp_path / "s.db"
    widget = Document(text="Play Video\n\nShare this:\n\nFacebook\n\nTwitter", id="video-page")
    report = add(db, articles(FIRE) + [widget])
    assert report.refused == ["video-page"] and report.added == 2
    assert "video-page" not in stored(db)


def test_store_schema_is_versioned(tmp_path):
    with Store(tmp_path / "s.db", create=True) as store:
        assert store.schema_version() == len(MIGRATIONS)
    not_a_store = tmp_path / "other.db"
    not_a_store.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="not a storyline story store"):
        Store(not_a_store)


def test_only_add_creates_a_store(tmp_path):
    missing = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no story store"):
        Store(missing)
    assert not missing.exists()
    with pytest.raises(StoreError, match="typo.db"):
        storyline("stories", "list", "--db", missing)
    assert not missing.exists()


def test_story_page_parts():
    documents = articles(FIRE)
    assert [(c.outlet, c.articles) for c in coverage_by_outlet(documents)] == [("Courier", 1), ("Herald", 1)]
    [quote] = quotes(documents)
    assert quote.speaker == "Inge Solberg" and quote.text.startswith("We saw the roof collapse")
    assert quote.text.endswith("turned orange")  # no comma of the sentence it was quoted in
    dated = [Document(text="The warehouse opened on March 3, 1998. It burned down on March 11, 2031, police said.")]
    assert [e.date for e in timeline(dated)] == ["1998-03-03"]  # "It burned ..." leans on the sentence before


def test_a_quote_told_by_he_or_she_is_the_one_of_who_spoke_just_before():
    mayor = Document("Mayor Karin Dahl said the town of Port Aldren would help the families of Quay Street. "
                     '"Nobody will be left without a roof over their head," she said.')
    two = Document("Karin Dahl and Rune Adler spoke to the families of Quay Street on Wednesday. "
                   '"Nobody will be left without a roof over their head," she said.')
    [quote] = quotes([mayor])
    assert quote.speaker == "Karin Dahl" and quote.text.startswith("Nobody will be left")
    assert quotes([two]) == []  # no one said to speak just before
    professor = Document('The pier was never safe, Professor Ole Vik said. "We warned the harbour board about the '
                         'cracks years ago," he said.')
    assert [q.speaker for q in quotes([professor])] == ["Ole Vik"]
    dated = Document('The pier was never safe, harbour officer Ole Vik on Monday said. "We warned the harbour board '
                     'about the cracks years ago," he said.')
    assert quotes([dated]) == []  # "Monday" is no one
    police = Document("Police said Rune Adler was arrested at his home near the harbour late on Wednesday. "
                      '"I did nothing wrong and I will prove it in court," he said.')
    assert quotes([police]) == []  # "he" is not the police
    rank = Document('The search would go on, ACM Adler told reporters. "We owe it to the families," he said.')
    assert quotes([rank]) == []  # an air chief marshal's rank is no first name
    initials = Document('The search would go on, said TJ Adler, the harbour master. "We owe it to the families," he said.')
    assert [q.speaker for q in quotes([initials])] == ["TJ Adler"]


def test_quotes_name_their_speakers_through_roles_and_surnames():
    text = ('"The charging station had been inspected in January and passed," said Halvard Timber director Mona Berg. '
            'Fire chief Rune Adler spoke to reporters at the harbour on Wednesday. '
            '"The wind turned just in time, otherwise the houses would have caught," Adler said. '
            '"We will be back at work within the month, we hope," he said.')
    found = {quote.speaker: quote.text for quote in quotes([Document(text=text)])}
    assert set(found) == {"Mona Berg", "Rune Adler"}
    assert found["Mona Berg"].startswith("The charging station")
    family = ("Rune Adler, 23, was questioned by police on Monday. His father, Ole Adler, flew in from Oslo. "
              '"My son is innocent and the police know it," Adler said.')
    assert [quote.speaker for quote in quotes([Document(text=family)])] == ["Adler"]  # two Adlers: which is unknown
    one = ("Rune Adler, 23, was questioned by police on Monday. When Adler arrived, Chief Adler met him. On Monday Adler "
           'left. "I am innocent and the police know it," Adler said.')
    assert [quote.speaker for quote in quotes([Document(text=one)])] == ["Rune Adler"]  # no "When", rank or day


def test_a_headline_is_the_best_title_else_a_short_lead_never_a_caption():
    documents = [Document(text=a["text"], id=a["id"], title=a["title"], source=a["source"]) for a in BRIDGE]
    assert headline(documents) == "Storm closes Kvale bridge for a week"  # the site's name goes, the video title loses
    untitled = [Document(text=a["text"], id=a["id"], source=a["source"]) for a in BRIDGE]
    lead = headline(untitled)
    assert lead.startswith("A storm closed the Kvale bridge on Tuesday") or lead.startswith("The Kvale bridge was closed")
    assert len(lead.split()) <= HEADLINE_WORDS and "said" not in lead and not lead.endswith(".")
    words = " ".join(a["text"] for a in BRIDGE).replace("\n", " ").split()
    assert all(word.strip(",.…") in words or word == "…" for word in lead.split()), lead  # never cut inside a word
    captions_only = [Document(text="Media caption Waves crash against the Kvale bridge on Tuesday.\n\n"
                                   "Waves hit the Kvale bridge during the storm. | AP Photo/Lars Eng\n\n"
                                   "Engineers will inspect the two damaged pillars of the Kvale bridge on Thursday "
                                   "morning before deciding when the road can open again to traffic.",
                              title="Photo: Waves hit the Kvale bridge | AP Photo")]
    short = headline(captions_only)
    assert short == "Engineers will inspect the two damaged pillars of the Kvale bridge on Thursday morning"
    days = [Document(text=text, title=title, published=day) for text, title, day in (
        ("A storm closed the Kvale bridge on Tuesday.", "Storm closes Kvale bridge for a week", "2031-03-04"),
        ("The storm closed the Kvale bridge, the road agency said.", "Kvale bridge closed by storm", "2031-03-04"),
        ("The Kvale bridge reopened on Friday after the storm.", "Kvale bridge reopens after storm", "2031-03-07"))]
    assert headline(days) == "Kvale bridge reopens after storm"  # where the story stands, not where it began
    assert headline([dataclasses.replace(d, published="") for d in days]) == "Kvale bridge closed by storm"  # all


def test_a_story_followed_for_days_shows_its_first_and_latest_events_and_its_latest_voices():
    words = "north south east west old new long short red blue green grey high low wide".split()
    days = [Document(f"On May {n}, 2031, inspectors closed the {word} gate of the ferry pier at Lund Bay.\n\n"
                     f"\"We had to close the {word} gate,\" said harbour master Ada Lind{'x' * n}.",
                     published=f"2031-05-{n:02d}") for n, word in enumerate(words, start=1)]
    assert timeline(days, limit=0) == []
    events = timeline(days, limit=5)
    assert len(events) == 5 and "wide gate" in events[-1].sentence  # the story's latest development
    said = quotes(days, limit=3)
    assert "wide gate" in said[-1].text  # the latest voices, not only the first ones read
    newest_first = quotes(days[::-1], limit=3, added=list(range(len(days)))[::-1])  # as a reader's page: new, then read
    assert "wide gate" in newest_first[0].text  # the order they came decides, not their place in the page


def test_the_timeline_is_dated_from_each_article_merged_and_in_order():
    documents = [
        Document(id="a", published="2031-01-04", text="Media caption Crowds gathered at the harbour on January 2. "
                 "The ferry Nordlys ran aground off Kvale on Dec. 30 with 212 passengers on board. "
                 "All passengers were brought ashore on Thursday, January 2, the coast guard said."),
        Document(id="b", published="2031-01-05", text="The coast guard brought all passengers of the ferry Nordlys "
                 "ashore on January 2. The ferry Nordlys ran aground off Kvale on December 30 with 212 passengers "
                 "aboard. Divers inspected the damaged hull of the ferry on January 2. The ferry will be towed to "
                 "the Aldren yard next Tuesday."),
    ]
    events = timeline(documents)
    assert [e.date for e in events] == ["2030-12-30", "2031-01-02", "2031-01-02", "2031-01-07"]
    assert [e.when for e in events] == ["30 December 2030", "2 January 2031", "2 January 2031", "7 January 2031"]
    aground, ashore, divers, towed = events
    assert aground.docs == [0, 1] and aground.sentence.startswith("The ferry Nordlys ran aground")
    assert ashore.docs == [0, 1] and ashore.sentence.startswith("All passengers were brought ashore")  # one event
    assert divers.docs == [1] and towed.mention == "next Tuesday"  # another event of that day stays


def test_one_event_told_in_other_words_is_one_entry_and_a_sentence_told_by_he_is_none():
    documents = [
        Document(published="2031-03-12", text="The fire began just after 11 p.m. on Tuesday in a storage hall of "
                 "Halvard Timber on Quay Street and spread to two sheds, according to the fire service. The fire was "
                 "brought under control at about 6 a.m. on Wednesday, he said."),
        Document(published="2031-03-12", text="The fire broke out at around 11 p.m. on Tuesday at a warehouse of "
                 "Halvard Timber and spread to two adjacent buildings."),
    ]
    [fire] = timeline(documents)
    assert fire.docs == [0, 1] and fire.date == "2031-03-11"
    two_events = [Document(published="2031-03-12", text="On March 11, firefighters fought a huge blaze at the "
                           "harbour warehouse in Lund Bay."),
                  Document(published="2031-03-12", text="On March 11, police arrested a local man at the harbour "
                           "warehouse in Lund Bay.")]
    assert [event.docs for event in timeline(two_events)] == [[0], [1]]


def test_a_weekday_is_read_from_the_publication_date_and_a_clause_that_dates_something_else_gives_way():
    documents = [Document(published="2031-04-10", text="Halvard Timber will rebuild the warehouse after the fire "
                          "destroyed it on Tuesday, director Mona Berg said on Wednesday. The council will vote on "
                          "the harbour fire rules on Friday.")]
    assert [(e.date, e.mention) for e in timeline(documents)] == [("2031-04-09", "on Wednesday"), ("2031-04-11", "on Friday")]
    expected = [Document(published="2031-06-08", text="The ferry company said it expected crossings to Lund Bay to "
                         "resume on Monday with a replacement vessel.")]  # a Sunday: the Monday after it
    assert [e.date for e in timeline(expected)] == ["2031-06-09"]
    forecast = [Document(published="2031-06-09", text="Forecasters expected the wind over Lund Bay to ease overnight "
                         "before strengthening again on Tuesday afternoon.")]  # a Monday: the Tuesday after it
    assert [e.date for e in timeline(forecast)] == ["2031-06-10"]
    compared = [Document(published="2031-06-11", text="The river peaked higher than forecast to flood the quay on "
                         "Monday.")]  # a Wednesday: the Monday before it
    assert [e.date for e in timeline(compared)] == ["2031-06-09"]
    done = [Document(published="2031-06-11", text=text) for text in (  # a Wednesday: the Monday before it
        "Residents of Lund Bay started to return to their homes on Monday after the flood.",
        "The ferry to Lund Bay was expected on Monday but it never arrived at the quay.")]
    assert [e.date for e in timeline(done)] == ["2031-06-09", "2031-06-09"]
    suspended = [Document(published="2031-06-11", text="The ferry company has suspended the captain while "
                          "investigators look into Monday's crash at the pier, the company said on Wednesday.")]
    assert [(e.date, e.mention) for e in timeline(suspended)] == [("2031-06-11", "on Wednesday")]
    inspected = [Document(published="2031-06-04", text="Cracks in the harbour wall were found during a scheduled "
                          "inspection on the evening of Monday 2 June, the Lund Harbour Authority said.")]
    assert [e.date for e in timeline(inspected)] == ["2031-06-02"]  # the date its weekday is given with, no future
    booked = [Document(published="2031-06-04", text="The inquiry into the harbour wall is scheduled for Monday.")]
    assert [e.date for e in timeline(booked)] == ["2031-06-09"]


def test_a_relative_clause_dates_its_own_thing_and_an_and_between_names_keeps_a_clause_in_the_future():
    def dated(text: str) -> list[tuple[str, str]]:  # published on a Wednesday
        return [(e.date, e.mention) for e in timeline([Document(published="2031-06-11", text=text)])]
    assert dated("The ferry that ran aground off Skarholm on Sunday was refloated on Tuesday.") == [
        ("2031-06-10", "on Tuesday")]
    assert dated("The ferry that was refloated on Tuesday ran aground off Skarholm.") == [("2031-06-10", "on Tuesday")]
    assert dated("The company said a new ferry would sail between Lindhaven and Skarholm on Monday.") == [
        ("2031-06-16", "on Monday")]
    assert dated("The ferry will sail again on Friday and the pier closed on Monday.") == [("2031-06-13", "on Friday")]
    assert dated("The union will meet the owners again and the strike began on Monday.") == [("2031-06-09", "on Monday")]
    assert dated("Two days after the storm hit on Saturday, police said that the ferry sank on Monday.") == [
        ("2031-06-09", "on Monday")]
    assert dated("Ada Lind, who has run the harbour since 2019, told reporters the pier was unsafe.") == []
    assert dated("Ada Lind, who has run the harbour since March 2019, told reporters the pier was unsafe.") == []
    assert dated("Power was back in most homes, but repairs to the pier could take until Thursday.") == []  # a deadline
    assert dated("The pier will stay shut until at least Friday, the council said.") == []
    assert dated("The ban on fishing in the bay will stay in place until 2032, the ministry said.") == []
    assert timeline([Document("The ferry will sail again next Monday.", published="9999-12-31")]) == []  # past year 9999


def test_a_day_and_month_without_a_year_is_the_one_before_the_article_unless_it_is_ahead_or_soon():
    def dated(text: str) -> list[str]:
        return [e.date for e in timeline([Document(published="2031-11-20", text=text)])]
    assert dated("The inspectors' report, dated March 14, recommended repairs to the footbridge.") == ["2031-03-14"]
    assert dated("The council will vote on the new footbridge on March 14.") == ["2032-03-14"]
    assert dated("The hearing on the footbridge collapse opens on December 2 in Velmora.") == ["2031-12-02"]
    assert dated("The footbridge was closed on November 18 after inspectors found cracks.") == ["2031-11-18"]
    assert dated("The council said the footbridge would reopen on November 18, but it stayed shut.") == ["2031-11-18"]
    assert dated("The carnival will return to Velmora on November 10.") == ["2032-11-10"]  # "will": ahead


def bridge_store(tmp_path):
    db = tmp_path / "bridge.db"
    add(db, [Document(**a) for a in BRIDGE])
    return db


def test_the_story_page_cites_sources_numbered_without_gaps(tmp_path):
    from storyline.summarize import Summarizer

    db = bridge_store(tmp_path)
    with Store(db) as store:
        page = build_page(store, 1, summarizer=Summarizer(words=25))
    assert page.headline == "Storm closes Kvale bridge for a week"
    assert [(c.outlet, c.articles) for c in page.coverage] == [("Baltic Wire", 1), ("Courier", 1), ("Herald", 1), ("Radio Kvale", 1)]
    # the page cites the articles in another order than they came, or leaves one out (here the radio's tips)
    assert list(page.numbers) != list(range(len(page.documents)))
    cited = {n for s in page.summary.sentences for n in page.cite([r.doc for r in s.sources])}
    cited |= {n for q in page.quotes for n in page.cite(q.docs)} | {n for e in page.timeline for n in page.cite(e.docs)}
    assert [s.number for s in page.sources] == list(range(1, len(page.sources) + 1)) and cited == set(range(1, len(page.sources) + 1))
    first_cited = [n for s in page.summary.sentences for n in page.cite([r.doc for r in s.sources])]
    assert first_cited[0] == 1
    assert {q.speaker for q in page.quotes} == {"Tove Rasmussen"}
    assert [e.date for e in page.timeline] == sorted(e.date for e in page.timeline)
    assert page.timeline[0].date == "1987-06-03"
    text = render_page(page)
    assert re.findall(r"^(\w[\w ]*)\n-+$", text, re.M) == ["Coverage", "Summary", "Quotes", "Timeline", "Sources"]
    shown = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    listed = [int(n) for n in re.findall(r"^(\d+)\. ", text, re.M)]
    assert shown == set(listed) and listed == list(range(1, len(listed) + 1))
    data = json.loads(render_page(page, "json"))
    assert data["headline"] == page.headline and [s["number"] for s in data["sources"]] == listed
    assert {n for s in data["summary"]["sentences"] for n in s["sources"]} | {n for q in data["quotes"] for n in q["sources"]} \
        | {n for e in data["timeline"] for n in e["sources"]} == set(listed)
    markdown = render_page(page, "markdown")
    assert markdown.startswith("# Storm closes Kvale bridge for a week\n") and "## Timeline" in markdown


def test_no_caption_credit_or_video_title_reaches_the_page(tmp_path):
    db = bridge_store(tmp_path)
    with Store(db) as store:
        page = build_page(store, 1)  # the default budget: room for every article's lead, captions included
    data = json.loads(render_page(page, "json"))
    for source in data["sources"]:
        del source["title"]  # the article's own title, kept as it came: its "label" is what a page shows
    for fmt, rendered in (("text", render_page(page)), ("markdown", render_page(page, "markdown")), ("json", json.dumps(data))):
        for junk in ("Media caption", "AP Photo", "Getty", "WATCH"):
            assert junk not in rendered, (fmt, junk)


def test_what_is_new_leaves_out_what_the_reader_read(tmp_path, monkeypatch):
    db = tmp_path / "s.db"
    add(db, articles(FIRE))
    with Store(db) as store:
        build_page(store, 1, reader="ana")
        store.set_watermark("ana", 1, 2)
    repeat = FIRE[0][2].split(". ")[0] + "."  # the lead the reader read, told again in a later article
    later = Document(id="fire-later", source="Post", published="2031-03-13", text=f"{FIRE_LATER} {repeat}")
    add(db, [later])
    from storyline.summarize import Summarizer

    seen = []
    summarize = Summarizer.summarize
    monkeypatch.setattr(Summarizer, "summarize", lambda self, cluster, **kw: seen.append(cluster) or summarize(self, cluster, **kw))
    with Store(db) as store:
        page = build_page(store, 1, reader="ana")
    [cluster] = seen
    assert [d.id for d in cluster.documents] == ["fire-later"] and {d.id for d in cluster.previous} == {"fire-courier", "fire-herald"}
    assert page.update and page.new_articles == 1 and page.read_articles == 2
    assert repeat not in page.summary.text and "rebuild" in page.summary.text
    assert render_page(page).count("What is new (1 article since the last look)") == 1


def list_headlines(table):
    """The headline column of `stories list`, a story's wrapped lines joined."""
    headlines = []
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if len(cells) == 7:  # story, articles, outlets, first, last (seen), thread, headline
            if cells[0]:
                headlines.append(cells[6])
            elif cells[6]:
                headlines[-1] += " " + cells[6]
    return headlines


def storyline(*args):
    """A stories command run in-process; storyline's own errors are raised, not turned into exit codes."""
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def storyline_process(*args):
    return subprocess.run([sys.executable, "-m", "storyline.cli", *map(str, args)], capture_output=True, timeout=120)


def test_stories_commands(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": i, "text": t, "source": s, "published": "2031-03-12"} for i, s, t in FIRE + FOOTBALL]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows) + '{broken\n{"id": "no-text"}\n'
                    '{"id": "bad-date", "text": "The fire at the harbour was put out.", "published": "2031-02-30"}\n')
    db = tmp_path / "stories.db"
    added = storyline("stories", "add", feed, "--db", db)
    assert added.exit_code == 0, added.output
    assert "4 articles added" in added.stderr and "2 new stories" in added.stderr and "3 unreadable" in added.stderr
    assert "feed.jsonl:7: published: not a date: '2031-02-30'" in added.stderr
    assert "feed.jsonl:6: an article must be a string or an object with a 'text' or 'html' string" in added.stderr
    listing = storyline("stories", "list", "--db", db)
    assert listing.exit_code == 0 and listing.stdout.count("2031-03-12") == 4
    assert list_headlines(listing.stdout) == ["A fire destroyed a timber warehouse in Port Aldren harbour late on Tuesday",
                                              "Mia Holm scored two goals as Northvik beat Sundby 3-1"]
    assert "1 of 2 stories" in storyline("stories", "list", "--db", db, "--limit", 1).stdout
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({"id": "fire-later", "text": FIRE_LATER}) + "\n")
    one = storyline("stories", "add", later, "--db", tmp_path / "one.db").stderr
    assert "1 article added (0 copies of stored ones), 1 new story, 0 merged into others, 1 new thread," in one
    assert "\n1 story, 1 article, " in storyline("stories", "thread", 1, "--db", tmp_path / "one.db").stdout
    story = stored(db)["fire-courier"]
    first = storyline("stories", "show", story, "--db", db, "--reader", "ana")
    assert "2 articles from 2 outlets" in first.stdout and "- Courier: 1 article\n- Herald: 1 article" in first.stdout
    assert "**" not in first.stdout and "Quotes\n------\n- “We saw the roof collapse" in first.stdout
    assert "Sources\n-------\n1. " in first.stdout
    again = storyline("stories", "show", story, "--db", db, "--reader", "ana")
    assert "What is new\n-----------\nNothing new since the last look." in again.stdout
    markdown = storyline("stories", "show", story, "--db", db, "-f", "markdown")
    assert markdown.stdout.startswith("# A fire destroyed a timber warehouse") and "## Sources" in markdown.stdout
    page = json.loads(storyline("stories", "show", story, "--db", db, "-f", "json").stdout)
    assert page["story"] == story and page["headline"] == markdown.stdout.split("\n")[0][2:]
    out = tmp_path / "assign.jsonl"
    assert storyline("stories", "export", "--db", db, "-o", out).exit_code == 0
    assert {json.loads(line)["id"] for line in out.read_text().splitlines()} == {r["id"] for r in rows}
    printed = storyline("stories", "export", "--db", db, "-o", "-")
    assert printed.stdout == out.read_text()  # not a file named "-"
    with pytest.raises(StorylineError, match="no story 999"):
        storyline("stories", "show", 999, "--db", db)
    late = tmp_path / "late.jsonl"
    late.write_text(json.dumps({"id": "fire-rebuilt", "source": "Post", "published": "2031-06-01", "text": FIRE_LATER}))
    assert storyline("stories", "add", late, "--db", db, "--window", 100).exit_code == 0
    assert stored(db)["fire-rebuilt"] == story


def test_the_list_headline_is_the_page_headline_never_a_caption(tmp_path):
    db = tmp_path / "bridge.db"
    feed = tmp_path / "bridge.jsonl"
    untitled = [dict(a, title="Photo: Waves hit the Kvale bridge | AP Photo" if i == 0 else "") for i, a in enumerate(BRIDGE)]
    feed.write_text("".join(json.dumps(a) + "\n" for a in untitled))
    assert storyline("stories", "add", feed, "--db", db).exit_code == 0
    listing = storyline("stories", "list", "--db", db).stdout
    with Store(db) as store:
        page = build_page(store, 1)
    assert list_headlines(listing) == [page.headline]
    for junk in ("Media caption", "AP Photo", "Photo:", "Image copyright"):
        assert junk not in listing and junk not in page.headline
    assert page.headline != "Kvale bridge closure: what drivers need to know"  # an untitled story's best lead, not any title


def test_a_story_has_one_headline_listed_and_shown_whatever_the_reader_has_read(tmp_path):
    titles = ("Storm closes Kvale bridge for a week", "Kvale bridge closed for a week by storm")  # as central
    rows = [dict(article, title=title) for article, title in zip(BRIDGE, titles)]
    feed, db = tmp_path / "bridge.jsonl", tmp_path / "bridge.db"
    feed.write_text("".join(json.dumps(row) + "\n" for row in rows))
    assert storyline("stories", "add", feed, "--db", db).exit_code == 0
    listed = list_headlines(storyline("stories", "list", "--db", db).stdout)
    with Store(db) as store:
        assert {build_page(store, 1).headline, build_page(store, 1, since=1).headline} == set(listed)


def test_adding_again_finds_only_stored_articles_and_known_refusals_and_exits_0(tmp_path):
    widget = {"id": "video-page", "text": "Play Video\n\nShare this:\n\nFacebook\n\nTwitter"}
    error_page = {"id": "gone-page", "text": "Loading, please wait..."}
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": i, "text": t, "source": s} for i, s, t in FIRE] + [widget, error_page]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = tmp_path / "s.db"
    first = storyline_process("stories", "add", feed, "--db", db)
    assert first.returncode == 0, first.stderr
    assert first.stderr.decode().count("\n") == 1 and b"2 refused for having no prose (--verbose names them)" in first.stderr
    again = storyline_process("stories", "add", feed, "--db", db)
    assert again.returncode == 0, again.stderr
    message = again.stderr.decode()
    assert message.count("\n") == 1 and "0 articles added" in message and "2 already stored" in message
    assert "2 refused for having no prose, 2 of them refused before" in message and "video-page" not in message
    verbose = storyline_process("stories", "add", feed, "--db", db, "--verbose").stderr.decode()
    assert "video-page" in verbose and "gone-page" in verbose
    missing = storyline("stories", "add", feed, tmp_path / "typo.jsonl", "--db", db)  # one feed missing: the others count
    assert missing.exit_code == 0 and "typo.jsonl: no such file or directory" in missing.stderr and "1 unreadable" in missing.stderr
    only_new_refusals = tmp_path / "widgets.jsonl"
    only_new_refusals.write_text(json.dumps({"id": "other-widget", "text": "Share this:\n\nFacebook"}) + "\n")
    assert storyline_process("stories", "add", only_new_refusals, "--db", db).returncode == 2
    assert storyline_process("stories", "add", only_new_refusals, "--db", db).returncode == 0  # known now


def test_add_shows_progress_in_a_terminal_and_none_when_piped(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": t, "source": s}) + "\n" for i, s, t in FIRE + FOOTBALL))
    piped = storyline_process("stories", "add", feed, "--db", tmp_path / "piped.db")
    assert piped.returncode == 0 and b"adding articles" not in piped.stderr and piped.stderr.count(b"\n") == 1
    parent, child = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "storyline.cli", "stories", "add", str(feed), "--db",
                                str(tmp_path / "tty.db")], stdin=child, stdout=child, stderr=child,
                               env={**os.environ, "TERM": "xterm", "COLUMNS": "100"})
    os.close(child)
    output = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([parent], [], [], 1)
        if ready:
            try:
                chunk = os.read(parent, 4096)
            except OSError:  # the terminal closed
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    os.close(parent)
    assert process.wait(timeout=30) == 0
    assert b"adding articles" in output and b"4 articles added" in output


def test_a_feed_article_with_a_blank_id_or_one_given_twice_is_named_and_skipped(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [{"id": "pier", "text": "The pier at Lund Bay closed on Monday after divers found cracks under it."},
             {"id": "pier", "text": "A panda was born at the Skarholm zoo on Tuesday, its keepers said."},
             {"id": " ", "text": "The ferry to Skarholm sails again on Friday, the harbour board said."}]
    feed.write_text("\n".join(json.dumps(line) for line in lines))
    added = storyline("stories", "add", feed, "--db", tmp_path / "s.db")
    assert "1 article added" in added.stderr
    assert "article id 'pier' is given twice in these feeds" in added.stderr and "'id' is blank" in added.stderr


def test_the_merge_of_stories_is_a_setting_of_its_own(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(item) for item in [
        {"id": "museum", "published": "2031-05-06", "text": "The Skarvik railway museum reopened on Tuesday after a "
         "three-year renovation of its engine hall. Skarvik volunteers restored two steam engines and a dining car."},
        {"id": "water", "published": "2031-05-06", "text": "Skarvik residents were told to boil their tap water on "
         "Tuesday after E. coli was found at the Skarvik treatment works. Six people were treated for illness."}]))
    merged = storyline("stories", "add", feed, "--db", tmp_path / "a.db", "--threshold", "1")
    assert "1 merged into others" in merged.stderr  # a town's name alone: --threshold is not the merge
    apart = storyline("stories", "add", feed, "--db", tmp_path / "b.db", "--threshold", "1", "--merge", "1")
    assert "2 new stories, 0 merged into others" in apart.stderr


def test_a_missing_story_exits_2_with_one_message_in_a_real_process(tmp_path):
    db = tmp_path / "stories.db"
    add(db, articles(FIRE))
    result = storyline_process("stories", "show", 999, "--db", db)
    assert result.returncode == 2 and b"no story 999" in result.stderr and b"Traceback" not in result.stderr
    huge = storyline_process("stories", "show", "99999999999999999999999", "--db", db)
    assert huge.returncode == 2 and b"Traceback" not in huge.stderr  # past what SQLite holds


def test_fingerprints_see_copies_through_case_and_spacing_and_tell_other_texts_apart():
    from storyline.stories import fingerprint

    original = FIRE[0][2]
    same = fingerprint.signature(original)
    assert fingerprint.signature(original.upper().replace(" ", "  \n")).jaccard(same) == 1.0
    assert fingerprint.signature(original + " Copyright Wire 2031.").jaccard(same) > 0.8
    assert fingerprint.signature(FIRE[1][2]).jaccard(same) < 0.2
    assert fingerprint.from_bytes(fingerprint.to_bytes(same)).jaccard(same) == 1.0
    assert fingerprint.signature("Ålesund café reopens").jaccard(fingerprint.signature("ålesund CAFÉ reopens")) == 1.0
    assert len(fingerprint.word_hashes("Ålesund  café\treopens ")) == 3


def test_a_story_with_nothing_to_summarize_still_has_a_page(tmp_path):
    db = tmp_path / "s.db"
    add(db, [Document(id="brief", source="Radio Kvale", published="2031-04-09",
                      text="Storm warning. Bridge shut. Waves high. Road open.")])
    shown = storyline("stories", "show", 1, "--db", db)
    assert shown.exit_code == 0 and "Summary\n-------\nNo summary: " in shown.stdout and "Radio Kvale: 1 article" in shown.stdout
    assert json.loads(storyline("stories", "show", 1, "--db", db, "-f", "json").stdout)["summary"] is None


def test_articles_of_no_known_outlet_are_counted_as_articles_not_as_outlets(tmp_path):
    db = tmp_path / "s.db"
    add(db, [dataclasses.replace(document, source=document.source if document.id == "fire-courier" else None)
             for document in articles(FIRE + [("fire-later", None, FIRE_LATER)])])
    shown = storyline("stories", "show", 1, "--db", db).stdout
    assert "3 articles from 1 outlet" in shown and "- Courier: 1 article\n- No outlet named: 2 articles" in shown
    assert "fire-herald:" not in shown
    listing = storyline("stories", "list", "--db", db).stdout
    rows = [[cell.strip() for cell in line.split("│")[1:4]] for line in listing.splitlines()]
    assert ["1", "3", "1"] in rows  # story, articles, outlets
    alone = tmp_path / "alone.db"
    add(alone, [dataclasses.replace(document, source=None) for document in articles(FIRE)])
    assert "Story 1 · 2 articles · " in storyline("stories", "show", 1, "--db", alone).stdout


def test_a_story_page_told_over_days_gives_its_summary_a_paragraph_a_day(tmp_path):
    from storyline.summarize import Summarizer

    with Store(bridge_store(tmp_path)) as store:
        page = build_page(store, 1, summarizer=Summarizer(words=80))
    summary = render_page(page).split("Summary\n-------\n")[1].split("\n\nQuotes")[0]
    days = re.findall(r"^(\d+ April 2031) — ", summary, re.M)
    assert len(days) >= 2 and len(set(days)) == len(days) and summary.startswith(days[0])  # one paragraph for each
    assert f"\n\n**{days[1]}.** " in render_page(page, "markdown")
