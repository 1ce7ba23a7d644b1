"""Several processes adding to, listing, showing and exporting one story store at the same time: each
exits 0, and every article is stored exactly once, in the story of its event."""

import errno
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time

from helpers import interruptible

from storyline.model import Document
from storyline.stories import Store, StoryTracker
from storyline.stories.store import MIGRATIONS

WRITERS = 4
TIMEOUT = 240  # seconds any one process may take (they usually take a few)
OUTLETS = ["Courier", "Herald", "Baltic Wire", "Valley Post", "Gazette", "Morning Star"]
# Six invented events, each told in six sentences; every article tells four of them in its own order.
EVENTS = {
    "fire": ("2031-03-12", [
        "A fire destroyed a timber warehouse in Port Aldren harbour late on Tuesday.",
        "About 300 residents of Quay Street were evacuated as the blaze spread.",
        "Fire chief Rune Adler said 80 firefighters fought the flames through the night.",
        "The warehouse belonged to Halvard Timber and held 4,000 tonnes of sawn pine.",
        "Two firefighters were treated for smoke inhalation at Aldren hospital.",
        '"We saw the roof collapse and the whole sky turned orange," said neighbour Inge Solberg.',
    ]),
    "cup": ("2031-03-16", [
        "Northvik won the national cup final 3-1 against Sundby on Sunday.",
        "Striker Mia Holm scored twice in the second half at the Aldren stadium.",
        "Coach Per Lind praised the defence after the cup final.",
        "About 60,000 supporters filled the stadium for the final.",
        "Sundby goalkeeper Jonas Vik saved a penalty before the break.",
        "The Northvik squad will parade the trophy through the town on Tuesday.",
    ]),
    "vote": ("2031-03-09", [
        "Voters in Sundby elected Ada Brenner as mayor on Sunday.",
        "Brenner won 54 percent of the ballots, ending twelve years of Harbour Party rule.",
        "Turnout reached 71 percent, the election commission said.",
        "Brenner promised cheaper ferry tickets and a new school in Eastvik.",
        "Outgoing mayor Lars Dahl conceded defeat shortly after midnight.",
        "The new council will sit for the first time in April.",
    ]),
    "flood": ("2031-04-02", [
        "The river Kvale burst its banks after three days of heavy rain.",
        "Floodwater closed the Eastvik railway line and two bridges.",
        "Rescue crews moved 150 families from low farms by boat.",
        "The weather service warned of more rain in the Kvale valley.",
        "Farmers said their spring barley fields were under water.",
        "Engineers checked the Kvale dam for damage on Wednesday.",
    ]),
    "vaccine": ("2031-02-20", [
        "A trial of a new malaria vaccine at Aldren University protected 80 percent of children.",
        "Researcher Sofia Lund said the vaccine needs only one dose.",
        "The trial followed 4,000 children in three coastal villages for two years.",
        "Side effects were mild, mostly a sore arm and a day of fever.",
        "The health ministry will review the vaccine results in June.",
        "Lund said mass production could begin within eighteen months.",
    ]),
    "strike": ("2031-05-06", [
        "Railway workers in Aldren walked out on Monday in a dispute over wages.",
        "The rail union demands a seven percent pay rise for train drivers.",
        "Commuter trains between Aldren and Eastvik stood still all day.",
        "Union leader Erik Moen said the strike could last a week.",
        "The rail company offered four percent and called the strike reckless.",
        "Buses were added to the Eastvik route to carry stranded commuters.",
    ]),
}


def feed_articles():
    """The articles of every feed: six per event, two syndicated copies, and two pages without prose."""
    rows = []
    for event, (day, sentences) in EVENTS.items():
        for number, outlet in enumerate(OUTLETS):
            told = [sentences[(number + k) % len(sentences)] for k in (0, 2, 3, 5)] if number % 2 else \
                [sentences[(number + k) % len(sentences)] for k in (0, 1, 4, 3)]
            caption = f"Photo: the scene in Aldren | {outlet}\n\n" if number == 1 else ""
            rows.append({"id": f"{event}-{number}", "source": outlet, "published": day,
                         "title": f"{told[0][:-1]} | {outlet}", "text": caption + "\n\n".join(told)})
    for event in ("fire", "cup"):
        original = next(row for row in rows if row["id"] == f"{event}-0")
        rows.append(dict(original, id=f"{event}-copy", source="Regional Post"))  # a wire report run as it came
    rows.append({"id": "widget-1", "text": "Play Video\n\nShare this:\n\nFacebook\n\nTwitter"})
    rows.append({"id": "widget-2", "text": "Loading, please wait..."})
    return rows


def storyline(*args, **popen):
    """The command run as a process that Ctrl-C interrupts (see helpers.interruptible)."""
    return subprocess.Popen([sys.executable, "-m", "storyline.cli", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=interruptible, **popen)


def finish(process):
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return process.returncode, out.decode(), err.decode()


def open_pipe(path, deadline):
    """Open a named pipe for writing once a process reads it (never blocking past ``deadline``)."""
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as err:  # ENXIO: nobody reads it yet
            if err.errno != errno.ENXIO or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
            continue
        os.set_blocking(fd, True)
        return os.fdopen(fd, "w", encoding="utf-8")


def test_four_writers_and_readers_at_once_store_every_article_once(tmp_path):
    rows = feed_articles()
    articles = {row["id"] for row in rows} - {"widget-1", "widget-2"}
    db = tmp_path / "stories.db"
    seed = rows[0]
    with Store(db, create=True) as store:  # so that readers find a store from the start
        StoryTracker(store).add([Document(**seed)])
    rng = random.Random(7)
    feeds = []
    for writer in range(WRITERS):  # each article in three of the four feeds, each feed in its own order
        mine = [row for i, row in enumerate(rows) if i % WRITERS != writer]
        rng.shuffle(mine)
        feeds.append(mine)
    pipes = [tmp_path / f"feed-{writer}.jsonl" for writer in range(WRITERS)]
    for pipe in pipes:
        os.mkfifo(pipe)

    def read_round(number):
        return [storyline("stories", "list", "--db", db), storyline("stories", "show", 1, "--db", db),
                storyline("stories", "export", "--db", db, "-o", tmp_path / f"export-{number}.jsonl")]

    started = time.monotonic()
    writers = [storyline("stories", "add", pipe, "--db", db, "--chunk", 3) for pipe in pipes]
    first_readers = read_round(0)
    try:  # every writer reads its feed (so all four are running) before any gets a line; then all get theirs
        sinks = [open_pipe(pipe, started + TIMEOUT) for pipe in pipes]
        for start in range(0, max(map(len, feeds)), 3):
            for sink, feed in zip(sinks, feeds):
                sink.write("".join(json.dumps(row) + "\n" for row in feed[start:start + 3]))
                sink.flush()
        for sink in sinks:
            sink.close()
    except BaseException:
        for process in writers + first_readers:
            process.kill()
        raise
    readers = [finish(reader) for reader in first_readers]
    while any(w.poll() is None for w in writers) and time.monotonic() - started < TIMEOUT:
        readers += [finish(reader) for reader in read_round(len(readers))]
    results = [finish(w) for w in writers]
    for code, _, err in results:
        assert code == 0 and "Traceback" not in err and "error" not in err, err
    assert readers, "no reader ran while the writers did"
    for code, _, err in readers:
        assert code == 0 and "Traceback" not in err, err

    added = sum(int(re.search(r"(\d+) articles? added", err).group(1)) for _, _, err in results)
    assert added == len(articles) - 1  # the seed was stored before; nothing added twice
    with sqlite3.connect(db) as connection:
        stored = connection.execute("SELECT id, story, duplicate_of FROM articles").fetchall()
        stories = {row[0] for row in connection.execute("SELECT id FROM stories")}
        terms = connection.execute("SELECT COUNT(*), COUNT(DISTINCT id), COUNT(DISTINCT term) FROM terms").fetchone()
        refused = {row[0] for row in connection.execute("SELECT id FROM refused")}
        threads = dict(connection.execute("SELECT id, size FROM threads"))
        thread_of = dict(connection.execute("SELECT id, thread FROM stories"))
        in_thread = dict(connection.execute("SELECT thread, COUNT(*) FROM articles JOIN stories ON stories.id = story "
                                            "WHERE duplicate_of IS NULL GROUP BY thread"))
    ids = [article for article, _, _ in stored]
    assert len(ids) == len(set(ids)) and set(ids) == articles
    assert refused == {"widget-1", "widget-2"}
    assert terms[0] == terms[1] == terms[2]
    story = {article: story for article, story, _ in stored}
    assert set(story.values()) == stories  # no story without articles, no article without a story
    for event in EVENTS:  # each event one story of its own, its copies with it
        assert len({s for article, s in story.items() if article.startswith(f"{event}-")}) == 1, event
    assert len(stories) == len(EVENTS)
    # every story in a thread that exists, every thread with stories, each thread's article count right
    assert set(thread_of) == stories and set(thread_of.values()) == set(threads) and threads == in_thread
    copies = {frozenset((article, original)) for article, _, original in stored if original}
    assert copies == {frozenset(("fire-0", "fire-copy")), frozenset(("cup-0", "cup-copy"))}  # whichever came first is the original
    for export in tmp_path.glob("export-*.jsonl"):  # each a consistent state: every article once
        exported = [json.loads(line)["id"] for line in export.read_text().splitlines()]
        assert len(exported) == len(set(exported)) and set(exported) <= articles


def test_writers_that_create_the_store_at_once_make_one_store(tmp_path):
    """The first writers of a new store race to create and migrate it: it is made once, whoever wins."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(row) + "\n" for row in feed_articles()[:8]), encoding="utf-8")
    db = tmp_path / "new.db"
    results = [finish(process) for process in [storyline("stories", "add", feed, "--db", db) for _ in range(WRITERS)]]
    for code, _, err in results:
        assert code == 0 and "Traceback" not in err and "error" not in err, err
    assert sum(int(re.search(r"(\d+) articles? added", err).group(1)) for _, _, err in results) == 8
    with Store(db) as store:
        assert len(dict(store.assignments())) == 8 and store.schema_version() == len(MIGRATIONS)
    # the same race made certain: connections that open a new store at the same moment
    start, failures = threading.Barrier(8), []

    def open_store():
        start.wait(timeout=TIMEOUT)
        try:
            Store(tmp_path / "raced.db", create=True).close()
        except Exception as err:  # noqa: BLE001  (the test reports any)
            failures.append(err)

    threads = [threading.Thread(target=open_store) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT)
    assert not failures
    with Store(tmp_path / "raced.db") as store:
        assert store.schema_version() == len(MIGRATIONS)


def test_a_tracker_catches_up_with_what_another_wrote_since_it_started(tmp_path):
    """Two trackers on one store, in turn: the one that started first sees the terms, stories and merges
    the other stored meanwhile (no id taken twice, no merged story brought back)."""
    db = tmp_path / "stories.db"
    rows = {row["id"]: Document(**dict(row, published="")) for row in feed_articles()}  # undated: every story open
    with Store(db, create=True) as one, Store(db) as other:
        first, second = StoryTracker(one), StoryTracker(other, merge=0.0)
        first.add([rows["fire-0"], rows["cup-0"]])  # stories 1 and 2
        second.add([rows["fire-2"]])  # joins story 1, and merge=0.0 folds story 2 into it
        report = first.add([rows["fire-3"], rows["cup-2"], rows["vote-0"]])
        assert report.added == 3
        assignment = dict(one.assignments())
        assert assignment["fire-3"] == assignment["fire-2"] == assignment["fire-0"] == 1
        assert {s.id for s in one.stories()} == set(assignment.values()) and 2 not in assignment.values()
        terms = one.db.execute("SELECT COUNT(*), COUNT(DISTINCT id), MAX(id) + 1 FROM terms").fetchone()
        assert terms[0] == terms[1] == terms[2]


def test_a_transaction_that_finds_the_store_busy_is_run_again_from_a_fresh_start(tmp_path):
    """A busy error half-way through a chunk rolls it back; the chunk is placed again from what the store
    holds, so the store ends up as if nothing had failed (nothing counted twice, in memory or stored)."""
    rows = [Document(**row) for row in feed_articles() if row["id"].startswith(("fire-", "cup-"))][:8]

    def stories(path):
        with sqlite3.connect(path) as connection:
            return connection.execute("SELECT id, norm2, terms, weights FROM stories ORDER BY id").fetchall(), \
                connection.execute("SELECT id, story, duplicate_of FROM articles ORDER BY id").fetchall()

    with Store(tmp_path / "calm.db", create=True) as store:
        StoryTracker(store, chunk=4).add(rows)
    with Store(tmp_path / "busy.db", create=True) as store:
        calls = []

        def busy_once(*args):
            calls.append(args[0])
            if len(calls) == 7:  # the third article of the second chunk
                raise sqlite3.OperationalError("database is locked")
            Store.add_article(store, *args)

        store.add_article = busy_once
        report = StoryTracker(store, chunk=4).add(rows)
    assert len(calls) == 8 + 3 and report.added == 8 and report.new_stories == 2
    assert stories(tmp_path / "busy.db") == stories(tmp_path / "calm.db")


def stored_count(db):
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the table is not made yet
        return 0
    finally:
        connection.close()


def test_an_interrupted_add_keeps_what_it_stored_and_the_same_command_adds_the_rest(tmp_path):
    rows = [row for row in feed_articles() if not row["id"].startswith("widget")]
    db, pipe = tmp_path / "stories.db", tmp_path / "feed.jsonl"
    os.mkfifo(pipe)
    started = time.monotonic()
    writer = storyline("stories", "add", pipe, "--db", db, "--chunk", 3)
    with open_pipe(pipe, started + TIMEOUT) as sink:
        sink.write("".join(json.dumps(row) + "\n" for row in rows[:6]))
        sink.flush()
        while time.monotonic() - started < TIMEOUT:  # the first chunks stored, the writer waits for more lines
            if db.exists() and stored_count(db) >= 6:
                break
            time.sleep(0.05)
        writer.send_signal(signal.SIGINT)
        code, _, err = finish(writer)
    assert code == 130 and "Traceback" not in err
    assert "interrupted" in err and "run the same command" in err, err
    os.unlink(pipe)
    pipe.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    code, _, err = finish(storyline("stories", "add", pipe, "--db", db))
    assert code == 0 and "6 already stored" in err, err
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone() == (len(rows), len(rows))


def test_adding_only_feeds_that_do_not_exist_makes_no_store(tmp_path):
    code, _, err = finish(storyline("stories", "add", tmp_path / "missing.jsonl", "--db", tmp_path / "new.db"))
    assert code == 2 and "missing.jsonl: no such file or directory" in err and "Traceback" not in err
    assert not (tmp_path / "new.db").exists()
