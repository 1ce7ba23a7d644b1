"""The command line, in-process through click's CliRunner; a real process only where the process is the point
(exit codes without a traceback through storyline.cli.main, and batch with worker processes)."""

import functools
import json
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

import pytest
from click.testing import CliRunner
from helpers import interruptible

from storyline.batch import FileSink, finished_ids
from storyline.batch.output import ShardSink
from storyline.cli import cli, main
from storyline.errors import InputError
from storyline.io.ingest import read_clusters


def storyline(*args, input: bytes | None = None):
    """Run the command in-process; storyline's own errors are raised, not turned into exit codes."""
    return CliRunner().invoke(cli, [str(arg) for arg in args], input=input, catch_exceptions=False)


def storyline_process(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "storyline.cli", *map(str, args)], input=stdin, capture_output=True, timeout=120
    )


def test_summarize_json_has_summary_and_sourced_sentences(example_dir):
    result = storyline("summarize", example_dir, "--format", "json")
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert 0 < output["words"] <= 120
    assert output["summary"] == " ".join(s["text"] for s in output["sentences"])
    [cluster] = read_clusters([str(example_dir)])
    assert [d["id"] for d in output["documents"]] == [d.id for d in cluster.documents]
    for sentence in output["sentences"]:
        assert sentence["sources"]
        assert set(sentence["sources"][0]) == {"doc", "sentence", "start", "end"}
        first = sentence["sources"][0]
        assert cluster.documents[first["doc"]].text[first["start"]:first["end"]] == sentence["text"]


def test_summarize_markdown_cites_and_lists_sources(example_dir):
    result = storyline("summarize", example_dir, "-f", "markdown", "-w", "60")
    assert result.exit_code == 0
    text, sources = result.stdout.split("**Sources**")
    assert "[1]" in text and "Harbour Herald" in sources
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    assert {int(re.match(r"- \[(\d+)\]", line).group(1)) for line in sources.strip().splitlines()} == cited


def test_summarize_text_keeps_the_word_budget(example_dir):
    result = storyline("summarize", example_dir, "-w", "40")
    body, sources = result.stdout.split("\n\nSources:\n")
    words = [word for word in body.split() if not re.fullmatch(r"\[\d+\]", word)]
    assert result.exit_code == 0 and 0 < len(words) <= 40
    assert "[1]" in body and "1. " in sources


def test_summarize_sentence_budget_alone_lifts_the_word_budget(example_dir):
    output = json.loads(storyline("summarize", example_dir, "-s", "8", "-f", "json").stdout)
    assert len(output["sentences"]) == 8 and output["words"] > 120


def test_summarize_stdin_and_query(example_dir):
    article = (example_dir / "north-sea-wire.txt").read_bytes()
    plain = storyline("summarize", "-", "-s", "1", input=article)
    focused = storyline("summarize", "-", "-s", "1", "-q", "ferry services to the islands", input=article)
    assert plain.exit_code == 0 and focused.exit_code == 0
    answer = "Ferry services to the islands ran on time."
    assert answer not in " ".join(plain.stdout.split())
    assert answer in " ".join(focused.stdout.split())  # text output is wrapped
    with pytest.raises(InputError, match=r"- \(stdin\) is given more than once"):  # it can be read only once
        storyline("summarize", "-", "-", input=article)
    with pytest.raises(InputError, match=r"- \(stdin\) is given both as an input and to --since"):
        storyline("summarize", "-", "--since", "-", input=article)


def test_summarize_fetches_a_page_from_a_local_address(example_dir):
    """A page on this machine or an intranet is the user's to summarize (only the service refuses such
    addresses): served here on 127.0.0.1 for the test's one request."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(example_dir))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = storyline("summarize", f"http://127.0.0.1:{server.server_address[1]}/harbour-herald.html", "-f", "json")
    finally:
        server.shutdown()
    summary = json.loads(result.stdout)
    assert result.exit_code == 0 and summary["sentences"] and summary["documents"][0]["source"] == "Harbour Herald"


COURT_PAGE = ("<html><head><title>Skarholm court remands ferry thief</title></head><body><article>"
              "<h1>Skarholm court remands ferry thief</h1>"
              "<p>District Judge Łucja Wróbel remanded the man in custody on Thursday after he admitted taking the "
              "ferry Nordlys from the north quay of Lund Bay.</p><p>The ferry was found undamaged off Skarholm the "
              "next morning by a fishing crew from the island.</p>"
              "<p>He will appear again at the crown court in Lund next month, the court heard.</p>"
              "</article></body></html>").encode("cp1250")  # read as Windows-1252 when no charset is named: "£ucja"
BRIEF = (b"The ferry Nordlys was found undamaged off Skarholm on Wednesday morning by a fishing crew.\n\n"
         b"Police said a man had been arrested at the north quay of Lund Bay and would appear in court on Thursday.\n")


class _Pages(BaseHTTPRequestHandler):
    """A page in Windows-1250 whose charset only its header names (behind a redirect), a plain text, a page gone,
    a picture, and a redirect to a host taken for private."""

    pages = {"/story?id=7": (301, {"Location": "/court"}, b""),
             "/court": (200, {"Content-Type": "text/html; charset=windows-1250"}, COURT_PAGE),
             "/brief.txt": (200, {"Content-Type": "text/plain"}, BRIEF), "/gone": (404, {}, b""),
             "/photo.jpg": (200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff"),
             "/away": (302, {"Location": "http://localhost:9/admin"}, b"")}

    def do_GET(self):
        status, headers, body = self.pages[self.path]
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_summarize_reads_a_page_in_the_charset_its_server_names_a_text_page_and_says_why_one_is_missing_or_refused():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        court = storyline("summarize", f"{site}/story?id=7", "-f", "json")
        brief = storyline("summarize", f"{site}/brief.txt", "-f", "json")
        with pytest.raises(InputError, match=r"/gone: the server answered HTTP 404"):
            storyline("summarize", f"{site}/gone")
        with pytest.raises(InputError, match=r"/photo.jpg: image/jpeg, not an HTML or text page"):
            storyline("summarize", f"{site}/photo.jpg")
        with pytest.raises(InputError, match=r"/away: redirected to http://localhost:9/admin, an address on this machine"):
            with mock.patch("storyline.io.fetch._names_a_private_host", return_value=False):  # as if it were public
                storyline("summarize", f"{site}/away")
        with pytest.raises(InputError, match=r"http://\[::1: not a valid URL"):
            storyline("summarize", "http://[::1")
    finally:
        server.shutdown()
    told = " ".join(s["text"] for s in json.loads(court.stdout)["sentences"])
    assert "Łucja Wróbel" in told
    assert json.loads(brief.stdout)["sentences"]


def test_only_a_url_naming_a_private_host_itself_turns_the_guard_against_private_addresses_off():
    from storyline.io.fetch import _names_a_private_host

    assert [_names_a_private_host(url) for url in ("http://127.0.0.1:8000/a", "http://10.1.2.3/a", "http://[::1]/a")] == \
        [True, True, True]
    assert not _names_a_private_host("http://93.184.216.34/a")  # a public page may not redirect to a private one


def test_summarize_writes_to_a_file(tmp_path, example_dir):
    out = tmp_path / "summary.md"
    result = storyline("summarize", example_dir, "-f", "markdown", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert "**Sources**" in out.read_text(encoding="utf-8")


def test_summarize_jsonl_gives_one_summary_per_cluster(tmp_path, clusters_jsonl):
    two = tmp_path / "two.jsonl"
    two.write_text("".join(clusters_jsonl.read_text().splitlines(keepends=True)[:2]))
    result = storyline("summarize", two, "-f", "json", "-w", "40")
    assert result.exit_code == 0
    assert [s["id"] for s in json.loads(result.stdout)] == ["fire", "fire-again"]



def test_summarize_jsonl_shows_each_cluster_under_its_id_and_says_which_could_not_be_summarized(clusters_jsonl):
    result = storyline_process("summarize", clusters_jsonl, "-w", "40")
    assert result.returncode == 2
    text, errors = result.stdout.decode(), result.stderr.decode()
    assert text.startswith("fire\n====\n") and "\n\nfire-again\n==========\n" in text and "empty" not in text
    assert "Traceback" not in errors and "empty" in errors and "1 of 3 clusters could not be" in errors
    listed = json.loads(storyline_process("summarize", clusters_jsonl, "-w", "40", "-f", "json").stdout)
    assert [s["id"] for s in listed] == ["fire", "fire-again", "empty"] and "no sentence of prose" in listed[2]["error"]
    broken = clusters_jsonl.with_name("broken.jsonl")
    broken.write_text(clusters_jsonl.read_text() + "not json\n", encoding="utf-8")
    result = storyline_process("summarize", broken, "-w", "40")
    assert result.returncode == 2 and b"fire-again\n==========\n" in result.stdout
    assert b"malformed JSON" in result.stderr and b"2 of 4 clusters could not be" in result.stderr


def test_an_empty_file_in_a_directory_is_left_out_but_one_named_is_refused(tmp_path, example_dir):
    folder = tmp_path / "articles"
    shutil.copytree(example_dir, folder)
    (folder / "blank.txt").write_text("\n\n", encoding="utf-8")
    assert storyline("summarize", folder).exit_code == 0
    with pytest.raises(InputError, match="blank.txt: empty file"):
        storyline("summarize", folder / "blank.txt", example_dir)


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty file"), (b" \n\n", "empty file"), (b"\x00\x01\x02binary", "binary"), (None, "no such file")],
)
def test_bad_input_is_an_input_error_naming_it(tmp_path, content, message):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        storyline("summarize", path)
    assert "article.txt" in str(info.value)


@pytest.mark.parametrize(
    "content, message",
    [(b"", b"empty file"), (b"\x00\x01\x02binary", b"binary"), (None, b"no such file")],
)
def test_bad_input_gives_one_message_and_exit_code_2_in_a_real_process(tmp_path, content, message):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    result = storyline_process("summarize", path)
    assert result.returncode == 2
    assert message in result.stderr and b"article.txt" in result.stderr
    assert b"Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == b""


def test_a_missing_input_reads_alike_from_every_command_and_empty_stdin_is_called_empty(tmp_path):
    runs = [("summarize", "missing.jsonl"), ("summarize", "missing.txt"), ("batch", "missing.jsonl", "-o", tmp_path / "o.jsonl")]
    for command, name, *options in runs:
        result = storyline_process(command, tmp_path / name, *options)
        assert result.returncode == 2 and result.stderr.endswith(f"{name}: no such file or directory\n".encode()), command
    empty = storyline_process("summarize", "-", stdin=b" \n")
    assert empty.returncode == 2 and b"stdin: empty, no article in it" in empty.stderr


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["eval", "{clusters}", "--systems", "magic"], 2, "unknown system 'magic'"),
        (["summarize", "{missing}"], 2, "no such file"),
        (["summarize", "{example}", "-w", "0"], 2, "--words"),
        (["summarize", "{example}", "-f", "html"], 2, "html"),
    ],
)
def test_main_turns_errors_into_one_message_and_an_exit_code(tmp_path, clusters_jsonl, example_dir, capsys, args, code, message):
    places = {"clusters": clusters_jsonl, "missing": tmp_path / "missing.txt", "example": example_dir}
    with pytest.raises(SystemExit) as info:
        main([arg.format(**places) for arg in args])
    assert info.value.code == code
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_help_lists_the_exit_codes():
    result = storyline("--help")
    assert result.exit_code == 0 and "Exit codes: 0 success" in result.stdout


def test_batch_records_errors_and_resumes(tmp_path, clusters_jsonl):
    out = tmp_path / "out.jsonl"
    first = storyline_process("batch", clusters_jsonl, "-o", out, "--words", "60")
    assert first.returncode == 2, first.stderr  # the run goes on past a bad cluster, and says so at its end
    assert b"3 clusters written" in first.stderr and b"(1 failed)" in first.stderr
    assert b'1 cluster could not be read or summarized: see the "error" lines of' in first.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["fire", "fire-again", "empty"]
    assert lines[0]["summary"] and all(s["sources"] for s in lines[0]["sentences"])
    assert lines[0]["words"] <= 60 and lines[1]["words"] <= 60
    assert "no sentence of prose" in lines[2]["error"] and "summary" not in lines[2]
    again = storyline_process("batch", clusters_jsonl, "-o", out, "--words", "60")
    assert again.returncode == 2 and b"3 already done (1 of them failed)" in again.stderr  # the output holds an error
    assert b"1 cluster could not be read or summarized (1 in an earlier run)" in again.stderr
    other = tmp_path / "other.jsonl"  # other clusters appended to the same output: their run did not fail
    other.write_text(clusters_jsonl.read_text().splitlines()[0].replace('"fire"', '"fire-later"') + "\n")
    appended = storyline_process("batch", other, "-o", out, "--words", "60")
    assert appended.returncode == 0 and b"1 cluster written" in appended.stderr and b"of them failed" not in appended.stderr
    assert len(out.read_text().splitlines()) == 4
    with pytest.raises(InputError, match=r"was made with other settings, words 60 \(this run: 200\):"):
        storyline("batch", clusters_jsonl, "-o", out, "-w", "200")  # resumed only with the same settings
    note = tmp_path / ".out.jsonl.settings.json"
    note.unlink()  # as a file started before the settings were kept
    older = storyline_process("batch", clusters_jsonl, "-o", out, "-w", "200")
    assert b"was started before its settings were kept: it goes on with words=200" in older.stderr
    assert json.loads(note.read_text())["words"] == 200  # and keeps them from now on
    for broken in ("{not json", "null"):
        note.write_text(broken)
        with pytest.raises(InputError, match="unreadable note of the settings"):
            storyline("batch", clusters_jsonl, "-o", out, "-w", "200")
    assert len(out.read_text().splitlines()) == 4


@pytest.mark.parametrize("output", ["out.jsonl", "shards/"])
def test_a_second_batch_run_on_the_same_output_is_refused_while_the_first_writes(tmp_path, clusters_jsonl, output):
    def sink() -> FileSink | ShardSink:
        return ShardSink(out, [str(clusters_jsonl)], 10, {}) if output.endswith("/") else FileSink(out)
    out = tmp_path / output
    first = sink()
    second = storyline_process("batch", clusters_jsonl, "-o", str(out) + ("/" if output.endswith("/") else ""))
    assert second.returncode == 2 and b"another storyline batch is writing to it" in second.stderr
    first.close()
    sink().close()  # the lock ends with the run
    if output.endswith("/"):  # a run refused for other settings leaves no lock behind
        with pytest.raises(InputError, match="was made with"):
            ShardSink(out, [str(clusters_jsonl)], 10, {"words": 60})
        sink().close()


def test_batch_fill_lets_the_last_sentence_cross_the_budget(tmp_path, clusters_jsonl):
    out = tmp_path / "out.jsonl"
    with pytest.raises(InputError, match="1 cluster could not be read or summarized"):  # "empty"; the others written
        storyline("batch", clusters_jsonl, "-o", out, "--words", "30", "--fill")
    first = json.loads(out.read_text().splitlines()[0])
    lengths = [len(sentence["text"].split()) for sentence in first["sentences"]]
    assert first["words"] > 30 and first["words"] - max(lengths) < 30  # one sentence (the last chosen) crosses it


def test_batch_resume_after_a_cut_short_line_with_two_worker_processes(tmp_path, clusters_jsonl):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "fire", "summary": "done"}\n{"id": "fire-ag')
    assert finished_ids(out) == {"fire"}
    result = storyline_process("batch", clusters_jsonl, "-o", out, "-j", "2")
    assert result.returncode == 2, result.stderr  # "empty" failed
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(line["id"] for line in lines) == ["empty", "fire", "fire-again"]
    assert lines[0] == {"id": "fire", "summary": "done"}  # what was done is kept, not redone
    assert b"1 already done" in result.stderr


def test_eval_scores_systems_side_by_side(tmp_path, clusters_jsonl):
    data = tmp_path / "refs.jsonl"
    data.write_text(clusters_jsonl.read_text().splitlines()[0] + "\n")
    table = tmp_path / "table.json"
    per_cluster = tmp_path / "per.jsonl"
    result = storyline("eval", data, "--systems", "storyline,lead,rr-lead,lexrank", "-w", "40",
                       "--json", table, "--per-cluster", per_cluster)
    assert result.exit_code == 0, result.output
    rows = {row["system"]: row for row in json.loads(table.read_text())}
    assert set(rows) == {"storyline", "lead", "rr-lead", "lexrank"}
    assert all(0 < row["rouge1"] <= 100 and row["errors"] == 0 for row in rows.values())
    assert len(per_cluster.read_text().splitlines()) == 4


def test_eval_of_stored_summaries(tmp_path, clusters_jsonl):
    out = tmp_path / "out.jsonl"
    with pytest.raises(InputError, match="1 cluster could not be read"):
        storyline("batch", clusters_jsonl, "-o", out, "--words", "40")
    table = tmp_path / "table.json"
    result = storyline("eval", clusters_jsonl, "--systems", "", "--summaries", out, "--json", table)
    assert result.exit_code == 0, result.output
    [row] = json.loads(table.read_text())
    assert row["clusters"] == 3 and row["errors"] == 1 and row["rouge1"] > 0
    assert "scored 0 on 1 cluster(s) it gave no summary for (empty: InputError: the batch failed on it: " in result.stderr
    out.write_text("".join(line for line in out.read_text().splitlines(True) if '"fire-again"' not in line))
    missing = storyline("eval", clusters_jsonl, "--systems", "", "--summaries", out)
    assert "scored 0 on 2 cluster(s)" in missing.stderr and f"fire-again: InputError: no summary in {out}" in missing.stderr


def test_eval_names_and_leaves_out_a_broken_line_and_a_cluster_without_references(tmp_path, clusters_jsonl):
    data = tmp_path / "data.jsonl"
    data.write_text(clusters_jsonl.read_text() + '{"id": "broken", "documents": \n'
                    '{"id": "unreferenced", "documents": ["The ferry left Lund Bay at dawn on Monday."]}\n')
    table = tmp_path / "table.json"
    result = storyline("eval", data, "--systems", "lead", "--json", table)
    assert result.exit_code == 0, result.output
    assert f"skipped {data}:" in result.stderr and "cluster unreferenced has no reference summaries" in result.stderr
    assert json.loads(table.read_text())[0]["clusters"] == 3


def test_a_summary_with_no_sentence_is_said_so(example_dir, tmp_path):
    article = tmp_path / "pier.txt"
    article.write_text("The harbour council in Vestmark voted on Monday evening to close the old ferry terminal for "
                       "good after engineers found deep cracks in the stone pier that carries the car ramp.\n")
    with pytest.raises(InputError, match=r"the article .*pier.txt: no sentence fits in 12 words"):
        storyline("summarize", article, "-w", 12)
    everything_read = storyline("summarize", example_dir, "--since", example_dir)
    assert everything_read.exit_code == 0 and everything_read.stdout == ""
    assert "nothing new: every sentence was told by the articles already read" in everything_read.stderr
    with pytest.raises(InputError, match="no sentence fits in 12 words"):  # too few words, not nothing new
        storyline("summarize", article, "-w", 12, "--since", example_dir)


def test_summarize_since_leaves_out_what_was_read(example_dir):
    courier = example_dir / "coastal-courier.txt"
    plain = storyline("summarize", example_dir, "-f", "json", "-w", "200")
    update = storyline("summarize", example_dir, "--since", courier, "-f", "json", "-w", "200")
    assert update.exit_code == 0, update.output
    courier_text = courier.read_text(encoding="utf-8")
    read_sentences = {s["text"] for s in json.loads(plain.stdout)["sentences"] if s["text"] in courier_text}
    assert read_sentences
    assert update.stdout != plain.stdout
    assert not read_sentences & {s["text"] for s in json.loads(update.stdout)["sentences"]}


def test_summaries_of_many_clusters_are_written_as_each_is_done_and_kept_valid_when_interrupted(tmp_path, example_texts):
    many, out = tmp_path / "many.jsonl", tmp_path / "out.json"
    many.write_text("".join(json.dumps({"id": f"fire-{n}", "documents": example_texts}) + "\n" for n in range(2000)))
    run = subprocess.Popen([sys.executable, "-m", "storyline.cli", "summarize", many, "-f", "json", "-o", out],
                           stderr=subprocess.PIPE, preexec_fn=interruptible)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and b'"id": "fire-1"' not in (out.read_bytes() if out.exists() else b""):
        time.sleep(0.05)  # the second summary written while the others are still being made
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    done = json.loads(out.read_text())
    assert run.returncode == 130 and b"Traceback" not in err
    assert 2 <= len(done) < 2000 and [summary["id"] for summary in done[:2]] == ["fire-0", "fire-1"]
    unreadable = tmp_path / "unreadable.jsonl"
    unreadable.write_text("{broken\n")
    kept = tmp_path / "kept.txt"
    kept.write_text("earlier summaries\n")
    assert storyline_process("summarize", unreadable, "-o", kept).returncode == 2
    assert kept.read_text() == "earlier summaries\n"  # nothing summarized: an output is left as it was
    assert storyline_process("summarize", unreadable, "-f", "json", "-o", kept).returncode == 2
    assert [entry["id"] for entry in json.loads(kept.read_text())] == ["line-1"]  # but JSON lists the error


def test_the_bundled_clusters_and_feed_run_as_the_readme_shows(tmp_path, example_dir):
    examples = example_dir.parent
    shown = storyline("summarize", examples / "clusters.jsonl")
    assert shown.exit_code == 0 and "harbour-fire\n====" in shown.stdout and "library-roof\n====" in shown.stdout
    db = tmp_path / "stories.db"
    assert storyline("stories", "add", examples / "feed.jsonl", "--db", db).exit_code == 0
    thread = storyline("stories", "thread", 2, "--db", db)
    assert thread.exit_code == 0 and "2 stories, 3 articles from 2 outlets" in thread.stdout  # a library, days apart
