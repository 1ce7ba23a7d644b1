import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.errors import StoreError, StorylineError
from storyline.model import Document
from storyline.stories.store import MIGRATIONS, Store
from storyline.stories import StoryTracker
from storyline.stories.page import coverage, quotes, timeline

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
    with store.db:  # back to version 2: no band keys, no day a story was last seen
        store.db.executescript("DROP TABLE bands; DROP INDEX stories_last_day; ALTER TABLE stories DROP COLUMN last_day;"
                               "DELETE FROM meta WHERE key = 'bands'; UPDATE meta SET value = '2' WHERE key = 'schema_version';")
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
    store = Store(db)
    store.set_watermark("ana", 2, 1)
    store.close()
    report = add(db, articles(FOOTBALL), merge=0.0)
    assert report.new_stories == 1 and report.merged == 1
    assert set(stored(db).values()) == {1}
    store = Store(db)
    assert [s.id for s in store.stories()] == [1] and store.watermark("ana", 2) == 0
    store.close()


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
    assert coverage(documents) == "reported by 2 outlets: Courier, Herald"
    [quote] = quotes(documents)
    assert quote.speaker == "Inge Solberg" and quote.text.startswith("We saw the roof collapse")
    dated = [Document(text="The warehouse opened on March 3, 1998. It burned down on March 11, 2031, police said.")]
    assert [e.date for e in timeline(dated)] == ["March 3, 1998", "March 11, 2031"]


def storyline(*args):
    """A stories command run in-process; storyline's own errors are raised, not turned into exit codes."""
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def storyline_process(*args):
    return subprocess.run([sys.executable, "-m", "storyline.cli", *map(str, args)], capture_output=True, timeout=120)


def test_stories_commands(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": i, "text": t, "source": s, "published": "2031-03-12"} for i, s, t in FIRE + FOOTBALL]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{broken\n")
    db = tmp_path / "stories.db"
    added = storyline("stories", "add", feed, "--db", db)
    assert added.exit_code == 0, added.output
    assert "4 articles added" in added.stderr and "2 new stories" in added.stderr and "1 unreadable" in added.stderr
    listing = storyline("stories", "list", "--db", db)
    assert listing.exit_code == 0 and listing.stdout.count("2031-03-12") == 4 and "A fire destroyed" in listing.stdout
    assert "1 of 2 stories" in storyline("stories", "list", "--db", db, "--limit", 1).stdout
    story = stored(db)["fire-courier"]
    first = storyline("stories", "show", story, "--db", db, "--reader", "ana")
    assert "2 articles from 2 outlets: Courier, Herald" in first.stdout and "Sources:" in first.stdout
    assert "**" not in first.stdout and "Quotes\n------" in first.stdout
    again = storyline("stories", "show", story, "--db", db, "--reader", "ana")
    assert "Nothing new" in again.stdout
    markdown = storyline("stories", "show", story, "--db", db, "-f", "markdown")
    assert markdown.stdout.startswith(f"# Story {story}") and "**Sources**" in markdown.stdout
    out = tmp_path / "assign.jsonl"
    assert storyline("stories", "export", "--db", db, "-o", out).exit_code == 0
    assert {json.loads(line)["id"] for line in out.read_text().splitlines()} == {r["id"] for r in rows}
    with pytest.raises(StorylineError, match="no story 999"):
        storyline("stories", "show", 999, "--db", db)
    late = tmp_path / "late.jsonl"
    late.write_text(json.dumps({"id": "fire-rebuilt", "source": "Post", "published": "2031-06-01", "text": FIRE_LATER}))
    assert storyline("stories", "add", late, "--db", db, "--window", 100).exit_code == 0
    assert stored(db)["fire-rebuilt"] == story


def test_a_missing_story_exits_2_with_one_message_in_a_real_process(tmp_path):
    db = tmp_path / "stories.db"
    add(db, articles(FIRE))
    result = storyline_process("stories", "show", 999, "--db", db)
    assert result.returncode == 2 and b"no story 999" in result.stderr and b"Traceback" not in result.stderr


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
