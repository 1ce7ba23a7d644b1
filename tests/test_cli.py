import json
import subprocess
import sys

import pytest

from storyline.batch import finished_ids


def storyline(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "storyline.cli", *map(str, args)], input=stdin, capture_output=True, timeout=120
    )


def test_summarize_json_has_summary_and_sourced_sentences(example_dir):
    result = storyline("summarize", example_dir, "--format", "json")
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert 0 < output["words"] <= 120
    assert output["summary"] == " ".join(s["text"] for s in output["sentences"])
    for sentence in output["sentences"]:
        assert sentence["sources"]
        assert set(sentence["sources"][0]) == {"doc", "sentence", "start", "end"}


def test_summarize_markdown_cites_and_lists_sources(example_dir):
    result = storyline("summarize", example_dir, "-f", "markdown", "-w", "60")
    text = result.stdout.decode()
    assert result.returncode == 0
    assert "[1]" in text and "**Sources**" in text and "Harbour Herald" in text


def test_summarize_stdin_and_query(example_dir):
    article = (example_dir / "north-sea-wire.txt").read_bytes()
    result = storyline("summarize", "-", "-w", "30", "-q", "police investigation", stdin=article)
    assert result.returncode == 0
    assert b"police" in result.stdout.lower()


@pytest.mark.parametrize(
    "content, message",
    [(b"", b"no sentence of prose"), (b"\x00\x01\x02binary", b"binary"), (None, b"no such file")],
)
def test_bad_input_gives_one_message_and_nonzero_exit(tmp_path, content, message):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    result = storyline("summarize", path)
    assert result.returncode != 0
    assert message in result.stderr and b"article.txt" in result.stderr
    assert b"Traceback" not in result.stderr


def test_batch_records_errors_and_resumes(tmp_path, clusters_jsonl):
    out = tmp_path / "out.jsonl"
    first = storyline("batch", clusters_jsonl, "-o", out, "--words", "60")
    assert first.returncode == 0, first.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["fire", "fire-again", "empty"]
    assert lines[0]["summary"] and all(s["sources"] for s in lines[0]["sentences"])
    assert "error" in lines[2] and "summary" not in lines[2]
    again = storyline("batch", clusters_jsonl, "-o", out)
    assert b"3 already done" in again.stderr
    assert len(out.read_text().splitlines()) == 3


def test_batch_resume_after_a_cut_short_line(tmp_path, clusters_jsonl):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "fire", "summary": "done"}\n{"id": "fire-ag')
    assert finished_ids(out) == {"fire"}
    result = storyline("batch", clusters_jsonl, "-o", out, "-j", "2")
    assert result.returncode == 0, result.stderr
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert sorted(ids) == ["empty", "fire", "fire-again"]


def test_eval_scores_systems_side_by_side(tmp_path, clusters_jsonl):
    data = tmp_path / "refs.jsonl"
    data.write_text(clusters_jsonl.read_text().splitlines()[0] + "\n")
    table = tmp_path / "table.json"
    per_cluster = tmp_path / "per.jsonl"
    result = storyline("eval", data, "--systems", "storyline,lead,rr-lead,lexrank", "-w", "40",
                       "--json", table, "--per-cluster", per_cluster)
    assert result.returncode == 0, result.stderr
    rows = {row["system"]: row for row in json.loads(table.read_text())}
    assert set(rows) == {"storyline", "lead", "rr-lead", "lexrank"}
    assert all(0 < row["rouge1"] <= 100 and row["errors"] == 0 for row in rows.values())
    assert len(per_cluster.read_text().splitlines()) == 4


def test_eval_of_stored_summaries(tmp_path, clusters_jsonl):
    out = tmp_path / "out.jsonl"
    storyline("batch", clusters_jsonl, "-o", out, "--words", "40")
    table = tmp_path / "table.json"
    result = storyline("eval", clusters_jsonl, "--systems", "", "--summaries", out, "--json", table)
    assert result.returncode == 0, result.stderr
    [row] = json.loads(table.read_text())
    assert row["clusters"] == 3 and row["errors"] == 1 and row["rouge1"] > 0


def test_eval_rejects_unknown_system(clusters_jsonl):
    result = storyline("eval", clusters_jsonl, "--systems", "magic")
    assert result.returncode == 2 and b"unknown system 'magic'" in result.stderr


def test_summarize_since_leaves_out_what_was_read(example_dir):
    courier = example_dir / "coastal-courier.txt"
    plain = storyline("summarize", example_dir, "-f", "json", "-w", "200")
    update = storyline("summarize", example_dir, "--since", courier, "-f", "json", "-w", "200")
    assert update.returncode == 0, update.stderr
    courier_text = courier.read_text(encoding="utf-8")
    read_sentences = {s["text"] for s in json.loads(plain.stdout)["sentences"] if s["text"] in courier_text}
    assert read_sentences
    assert not read_sentences & {s["text"] for s in json.loads(update.stdout)["sentences"]}
