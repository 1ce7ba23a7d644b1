"""Threads: a topic followed over months, made of stories (one event each). Stories of one topic weeks apart
share a thread, unrelated events do not; the thread reaches the export, the listing, the story page and the
service; a store made before threads gets them; several writers keep threads whole."""

import json
import sqlite3

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.errors import StoreError
from storyline.model import Document
from storyline.service import tasks
from storyline.service.app import create_app
from storyline.stories import Store, StoryTracker, build_page, build_thread
from storyline.stories.store import MIGRATIONS

OUTLETS = ["Courier", "Herald", "Valley Post"]
# One topic, two events five weeks apart: the Kvale dam cracks, then the reservoir emptied for the repair.
DAM_CRACKS = ("2031-03-02", [
    "Engineers found deep cracks in the Kvale dam above Eastvik on Monday, the Kvale water board said.",
    "The water board lowered the Kvale reservoir by two metres as a precaution while divers inspected the dam wall.",
    "About 4,000 residents of the Eastvik valley below the Kvale dam were told to prepare for a possible evacuation.",
    "Water board chief Hedda Strand said the cracks in the concrete of the Kvale dam were the deepest she had seen.",
    "The Kvale dam, built in 1962, holds back the reservoir that supplies Eastvik with drinking water and power.",
])
DAM_REPAIR = ("2031-04-07", [
    "The Kvale water board began emptying the Kvale reservoir on Monday so that engineers can repair the cracked dam.",
    "Repairs to the cracks in the Kvale dam wall will take eight months and cost 40 million crowns, the water board said.",
    "Eastvik will take its drinking water from wells while the Kvale reservoir stays empty, water board chief Hedda Strand said.",
    "Divers who inspected the Kvale dam in March found that the cracks ran deeper into the concrete than first thought.",
    "Residents of the Eastvik valley below the Kvale dam said they were relieved that the repair of the dam had begun.",
])
# Unrelated: a chess tournament, on the same days as the first dam story.
CHESS = ("2031-03-02", [
    "Grandmaster Ilse Morten won the Nordvik chess open on Sunday with a queen sacrifice in the final round.",
    "Morten finished the nine rounds of the Nordvik open with seven wins and two draws.",
    "The Nordvik chess open drew 240 players from eighteen countries to the town's old library hall.",
    "Her last opponent, Pavel Rusk, resigned after forty moves when the sacrifice left his king without cover.",
    "Morten, who is nineteen, said she had prepared the opening of the final game for three weeks.",
])


def event(name, spec):
    """Three articles of an event from three outlets, each telling four of its five sentences in its own order."""
    day, sentences = spec
    rows = []
    for number, outlet in enumerate(OUTLETS):
        told = [sentences[(number + k) % len(sentences)] for k in range(4)]
        rows.append(Document(text="\n\n".join(told), id=f"{name}-{number}", source=outlet, published=day,
                             title=told[0].split(",")[0].rstrip(".")))
    return rows


def add(db, documents, **settings):
    with Store(db, create=True) as store:
        return StoryTracker(store, **settings).add(documents)


def assigned(db):
    """article -> (story, thread)."""
    with Store(db) as store:
        return {article: (story, thread) for article, story, thread in store.thread_assignments()}


def thread_sizes(db):
    """thread -> its stored size, and thread -> the articles (no copies) its stories hold."""
    with sqlite3.connect(db) as connection:
        sizes = dict(connection.execute("SELECT id, size FROM threads"))
        counted = dict(connection.execute("SELECT thread, COUNT(*) FROM articles JOIN stories ON stories.id = story "
                                          "WHERE duplicate_of IS NULL GROUP BY thread"))
    return sizes, counted


def test_two_events_of_one_topic_weeks_apart_are_two_stories_of_one_thread(tmp_path):
    db = tmp_path / "s.db"
    add(db, event("cracks", DAM_CRACKS))
    report = add(db, event("repair", DAM_REPAIR))  # five weeks later, by another run
    assert report.new_stories == 1 and report.new_threads == 0
    found = assigned(db)
    cracks = {found[f"cracks-{n}"] for n in range(3)}
    repair = {found[f"repair-{n}"] for n in range(3)}
    assert len(cracks) == len(repair) == 1  # each event one story
    (cracks_story, cracks_thread), (repair_story, repair_thread) = cracks.pop(), repair.pop()
    assert cracks_story != repair_story and cracks_thread == repair_thread


def test_unrelated_events_stay_in_separate_threads(tmp_path):
    db = tmp_path / "s.db"
    add(db, event("cracks", DAM_CRACKS) + event("chess", CHESS))
    add(db, event("repair", DAM_REPAIR))
    found = assigned(db)
    assert found["cracks-0"][1] == found["repair-0"][1]
    assert found["chess-0"][1] != found["cracks-0"][1]
    assert {found[f"chess-{n}"] for n in range(3)} == {found["chess-0"]}


def test_a_thread_closes_after_its_window(tmp_path):
    db = tmp_path / "s.db"
    add(db, event("cracks", DAM_CRACKS), thread_window_days=10)
    add(db, event("repair", DAM_REPAIR), thread_window_days=10)  # 36 days later: a new thread
    found = assigned(db)
    assert found["cracks-0"][1] != found["repair-0"][1]


def test_stories_merged_into_one_unite_their_threads(tmp_path):
    db = tmp_path / "s.db"
    cracks = event("cracks", DAM_CRACKS)
    # two stories in two threads: nothing may join (threshold 1), nor merge, at first
    add(db, cracks[:1], threshold=1.0, merge=1.0, thread_threshold=1.0, thread_merge=1.0)
    add(db, cracks[1:2], threshold=1.0, merge=1.0, thread_threshold=1.0, thread_merge=1.0)
    before = assigned(db)
    assert before["cracks-0"][1] != before["cracks-1"][1]
    report = add(db, cracks[2:], thread_threshold=1.0, thread_merge=1.0)  # now the three stories merge
    after = assigned(db)
    assert report.merged >= 1 and report.merged_threads >= 1
    assert len({after[f"cracks-{n}"] for n in range(3)}) == 1
    with Store(db) as store:
        [thread] = {thread for _, thread in after.values()}
        assert store.thread_stories(thread) == [after["cracks-0"][0]]
        gone = ({before["cracks-0"][1], before["cracks-1"][1]} - {thread}).pop()
        assert store.threads(ids=[gone]) == [] and store.thread_merged_into(gone) == thread
        [kept] = store.threads(ids=[thread])
        assert kept.size == 3


def test_export_list_show_and_thread_commands_name_the_thread(tmp_path):
    db = tmp_path / "s.db"
    add(db, event("cracks", DAM_CRACKS) + event("chess", CHESS))
    add(db, event("repair", DAM_REPAIR))
    found = assigned(db)
    thread, story = found["repair-0"][1], found["repair-0"][0]
    runner = CliRunner()

    exported = runner.invoke(cli, ["stories", "export", "--db", str(db), "-o", str(tmp_path / "a.jsonl")])
    assert exported.exit_code == 0, exported.output
    rows = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert all(set(row) == {"id", "story", "thread"} for row in rows) and len(rows) == 9
    assert {row["id"]: (row["story"], row["thread"]) for row in rows} == found

    listing = runner.invoke(cli, ["stories", "list", "--threads", "--db", str(db)], env={"COLUMNS": "200"})
    assert listing.exit_code == 0, listing.output
    lines = [line for line in listing.output.splitlines() if line.startswith("│")]
    assert len(lines) == 2  # the dam thread and the chess thread
    cells = [cell.strip() for cell in lines[0].strip("│").split("│")]
    assert cells[:3] == [str(thread), "2", "6"]  # the larger first: two stories, six articles
    only = runner.invoke(cli, ["stories", "list", "--thread", str(thread), "--db", str(db)], env={"COLUMNS": "200"})
    assert only.exit_code == 0 and len([line for line in only.output.splitlines() if line.startswith("│")]) == 2

    for fmt in ("text", "markdown"):
        page = runner.invoke(cli, ["stories", "show", str(story), "--db", str(db), "-f", fmt])
        assert page.exit_code == 0 and f"Thread {thread}" in page.output
        assert f"the others: {found['cracks-0'][0]}" in page.output
    data = json.loads(runner.invoke(cli, ["stories", "show", str(story), "--db", str(db), "-f", "json"]).output)
    assert data["thread"] == thread and data["thread_stories"] == sorted({found["cracks-0"][0], story})

    shown = runner.invoke(cli, ["stories", "thread", str(thread), "--db", str(db), "-f", "json"])
    assert shown.exit_code == 0
    assert [entry["story"] for entry in json.loads(shown.output)["stories"]] == [found["cracks-0"][0], story]
    missing = runner.invoke(cli, ["stories", "thread", "999", "--db", str(db)])
    assert isinstance(missing.exception, StoreError) and "no thread 999" in str(missing.exception)  # exit 2 in main


def test_pages_and_the_service_know_the_thread(tmp_path):
    db = tmp_path / "s.db"
    add(db, event("cracks", DAM_CRACKS))
    add(db, event("repair", DAM_REPAIR))
    found = assigned(db)
    thread = found["repair-0"][1]
    with Store(db) as store:
        page = build_page(store, found["repair-0"][0])
        assert page.thread == thread and page.thread_stories == [found["cracks-0"][0], found["repair-0"][0]]
        view = build_thread(store, thread)
        assert view.articles == 6 and [s.first_seen for s in view.stories] == ["2031-03-02", "2031-04-07"]
        assert "Kvale" in view.headline
        with pytest.raises(StoreError, match="no thread 99"):
            build_thread(store, 99)
    data = tasks.thread_page(str(db), thread)
    assert data["thread"] == thread and len(data["stories"]) == 2 and data["first_seen"] == "2031-03-02"
    assert tasks.story_page(str(db), found["cracks-0"][0], tasks.SummarizerConfig())["thread"] == thread
    listing = tasks.list_stories(str(db), 0)
    assert {entry["thread"] for entry in listing["stories"]} == {thread}
    assert any(getattr(route, "path", "") == "/threads/{thread}" for route in create_app().routes)


def test_a_store_made_before_threads_gets_one_thread_per_story(tmp_path):
    db = tmp_path / "s.db"
    add(db, event("cracks", DAM_CRACKS) + event("chess", CHESS))
    with Store(db) as store:  # back to schema 5: no threads
        store.db.executescript("""
            BEGIN;
            DROP TABLE threads; DROP TABLE thread_merges; DROP INDEX stories_thread;
            ALTER TABLE stories DROP COLUMN thread;
            UPDATE meta SET value = '5' WHERE key = 'schema_version';
            COMMIT;
        """)
    with Store(db) as store:
        assert store.schema_version() == len(MIGRATIONS)
        threads = store.story_threads()
        assert all(story == thread for story, thread in threads.items())
        assert {t.id: t.size for t in store.threads()} == {story: 3 for story in threads}
    add(db, event("repair", DAM_REPAIR))  # joins the thread made from the old dam story
    found = assigned(db)
    assert found["repair-0"][1] == found["cracks-0"][1] == found["cracks-0"][0]


def test_threads_stay_whole_when_two_trackers_take_turns(tmp_path):
    """A tracker sees the threads another wrote since it started: no thread made twice for one topic, none
    left without stories."""
    db = tmp_path / "s.db"
    cracks, repair = event("cracks", DAM_CRACKS), event("repair", DAM_REPAIR)
    with Store(db, create=True) as one, Store(db) as other:
        first, second = StoryTracker(one), StoryTracker(other)
        first.add(cracks[:2])
        second.add(cracks[2:] + repair[:1])
        first.add(repair[1:])
    found = assigned(db)
    assert len({thread for _, thread in found.values()}) == 1
    threads, counted = thread_sizes(db)
    assert threads == counted


def test_a_thread_that_took_another_topic_gives_it_back(tmp_path):
    """A thread that took a story of another topic (here forced: every story joins the first thread) is
    clustered again when a chunk changes it, and the story that is unlike the rest is split off into a
    thread of its own, even though its story is closed and only in the store."""
    db = tmp_path / "s.db"
    forced = {"thread_threshold": 0.0, "thread_merge": 0.0}
    add(db, event("cracks", DAM_CRACKS)[:2] + event("chess", CHESS)[:2], **forced)
    before = assigned(db)
    assert before["cracks-0"][1] == before["chess-0"][1]  # one thread for two topics
    report = add(db, event("repair", DAM_REPAIR))  # five weeks later: the dam thread changes
    found = assigned(db)
    assert found["repair-0"][1] == found["cracks-0"][1] == before["cracks-0"][1]  # the larger part keeps the thread
    assert found["chess-0"][1] == found["chess-1"][1] != found["cracks-0"][1]
    assert found["chess-0"][0] == before["chess-0"][0]  # the same story, in a new thread
    assert report.new_threads == 1
    sizes, counted = thread_sizes(db)
    assert sizes == counted == {found["cracks-0"][1]: 5, found["chess-0"][1]: 2}
    with Store(db) as store:
        assert store.thread_stories(found["chess-0"][1]) == [found["chess-0"][0]]
