"""The HTTP service, through a real server: `storyline serve` in a child process on a free loopback port.

URL fetching is tested against a small http.server on 127.0.0.1 that this module starts; the address
classifier is tested on literal addresses and on names resolved locally or by a stand-in resolver. No
request ever goes to anything but 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import html
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.errors import ConfigError, InputError
from storyline.service import ServiceConfig, tasks
from storyline.service.errors import ServiceError
from storyline.service.fetch import Fetcher, Refused, address_problem, public_addresses
from storyline.service.launch import ServerProcess
from storyline.service.worker import execute
from storyline.summarize import SummarizerConfig
from storyline.text.segment import one_line

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour-fire"
TOKEN = "test-token-123"
TIMEOUT = httpx.Timeout(20.0)
VOCABULARY = ("harbour fire warehouse residents police minister council report storm river bridge court judge election "
              "vote market prices energy company workers strike union school hospital doctor patient study climate "
              "rain flood village road train airport flight pilot ship port fishing farmers crops drought water city "
              "mayor budget tax bank").split()


def texts() -> list[str]:
    return [(EXAMPLE / name).read_text(encoding="utf-8") for name in ("coastal-courier.txt", "north-sea-wire.txt")]


def filler(words: int, seed: int) -> str:
    """Prose-shaped text of about ``words`` words (14-word sentences in 4-sentence paragraphs)."""
    import random

    rng = random.Random(seed)
    sentences = []
    for _ in range(max(1, words // 14)):
        chosen = [rng.choice(VOCABULARY) for _ in range(14)]
        sentences.append(chosen[0].capitalize() + " " + " ".join(chosen[1:]) + ".")
    return "\n\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))


# A web site on 127.0.0.1 to fetch from

class Site(BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/slow.html":
            time.sleep(2.0)
        status, media_type, body, headers = self.pages.get(self.path, (404, "text/plain", b"not found", {}))
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


def article_page(text: str) -> bytes:
    title, _, body = text.partition("\n")
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n\n") if p.strip())
    return (f"<!doctype html><html><head><title>{html.escape(title)}</title></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{html.escape(title)}</h1>{paragraphs}</article></body></html>").encode()


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    port = server.server_address[1]
    courier, wire = texts()
    Site.pages = {
        "/courier.html": (200, "text/html; charset=utf-8", article_page(courier), {}),
        "/herald.html": (200, "text/html", (EXAMPLE / "harbour-herald.html").read_bytes(), {}),
        "/wire.txt": (200, "text/plain; charset=utf-8", wire.encode(), {}),
        "/slow.html": (200, "text/html", article_page(courier), {}),
        "/moved": (302, "text/plain", b"", {"Location": "/courier.html"}),
        "/to-localhost": (302, "text/plain", b"", {"Location": f"http://localhost:{port}/courier.html"}),
        "/to-loopback": (302, "text/plain", b"", {"Location": f"http://127.0.0.2:{port}/courier.html"}),
        "/to-metadata": (302, "text/plain", b"", {"Location": "http://169.254.169.254/latest/meta-data/"}),
        "/loop": (302, "text/plain", b"", {"Location": "/loop"}),
        "/photo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n", {}),
        "/huge.html": (200, "text/html", b"<p>x</p>", {"Content-Length": str(50 * 1024 * 1024)}),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """Two real servers, started at once: "main" (token, fetching from 127.0.0.1 allowed, small limits) and
    "strict" (one worker, a 0.5 s time limit, the token from the environment, fetching allowed from the name
    localhost but not from 127.0.0.1)."""
    root = tmp_path_factory.mktemp("service")
    main = ServerProcess("--workers", "2", "--db", root / "main.db", "--token", TOKEN, "--allow-fetch-from", "127.0.0.1",
                         "--max-documents", "20", "--max-words", "3000", "--max-body-mb", "1", "-w", "60",
                         log_path=root / "main.log")
    strict = ServerProcess("--workers", "1", "--db", root / "strict.db", "--timeout", "0.5", "--allow-fetch-from", "localhost",
                           log_path=root / "strict.log",
                           env={"STORYLINE_TOKEN": "token-from-environment"})
    started = []
    try:
        for server in (main, strict):
            server.launch()
            started.append(server)
        for server in started:
            server.wait_ready()
        yield {"main": main, "strict": strict}
    finally:
        for server in started:
            server.stop()


@pytest.fixture(scope="module")
def client(servers):
    with httpx.Client(base_url=servers["main"].url, timeout=TIMEOUT) as http:
        yield http


@pytest.fixture(scope="module")
def strict(servers):
    with httpx.Client(base_url=servers["strict"].url, timeout=TIMEOUT) as http:
        yield http


def assert_error(response: httpx.Response, status: int, code: str | None = None) -> dict:
    """A JSON error with this status: code, message, the request id of the X-Request-ID header, no traceback."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) <= {"error", "message", "request_id", "details"} and body["message"]
    assert body["request_id"] == response.headers["x-request-id"]
    assert "Traceback" not in response.text and "File \"" not in response.text
    if code:
        assert body["error"] == code, body
    return body


def assert_cites_its_sentences(summary: dict) -> None:
    for sentence in summary["sentences"]:
        first = sentence["sources"][0]
        assert one_line(summary["texts"][first["doc"]][first["start"]:first["end"]]) == sentence["text"]


# Summaries

def test_summary_is_what_the_command_line_prints(client, tmp_path):
    record = {"id": "fire", "documents": [texts()[0], {"text": texts()[1], "title": "Port Aldren fire", "source": "North Sea Wire"}]}
    response = client.post("/summarize", json={**record, "words": 60})
    assert response.status_code == 200, response.text
    clusters = tmp_path / "cluster.jsonl"
    clusters.write_text(json.dumps(record) + "\n", encoding="utf-8")
    printed = CliRunner().invoke(cli, ["summarize", str(clusters), "-f", "json", "-w", "60"], catch_exceptions=False)
    assert response.json() == json.loads(printed.stdout)
    assert 0 < response.json()["words"] <= 60


def test_summary_with_texts_cites_offsets_into_them(client):
    response = client.post("/summarize?texts=true", json={"documents": texts(), "sentences": 3, "query": "What caused the fire?"})
    assert response.status_code == 200, response.text
    summary = response.json()
    assert len(summary["sentences"]) <= 3 and summary["query"] == "What caused the fire?"
    assert summary["texts"] == texts()
    assert_cites_its_sentences(summary)


def test_summary_of_what_is_new_leaves_out_what_was_read(client):
    courier, wire = texts()
    response = client.post("/summarize", json={"documents": [wire], "previous": [courier], "words": 40})
    assert response.status_code == 200, response.text
    assert response.json()["sentences"] and "notice" not in response.json()
    nothing = client.post("/summarize", json={"documents": [wire], "previous": [wire], "words": 40}).json()
    assert nothing["sentences"] == [] and nothing["notice"].startswith("nothing new")


def test_the_service_default_budget_comes_from_its_options(client):
    summary = client.post("/summarize", json={"documents": texts()}).json()
    assert 0 < summary["words"] <= 60  # started with -w 60


def test_a_long_request_does_not_hold_up_a_short_one(client):
    long_request = {"documents": [filler(2900, seed) for seed in range(20)], "words": 100}
    with ThreadPoolExecutor(2) as pool:
        started = time.monotonic()
        slow = pool.submit(lambda: (client.post("/summarize", json=long_request), time.monotonic() - started))
        time.sleep(0.1)
        quick = pool.submit(lambda: (client.post("/summarize", json={"documents": texts()}), time.monotonic() - started))
        (slow_response, slow_done), (quick_response, quick_done) = slow.result(), quick.result()
    assert slow_response.status_code == quick_response.status_code == 200, (slow_response.text, quick_response.text)
    assert quick_done < slow_done


# Bad requests

def test_malformed_json_is_400(client):
    assert_error(client.post("/summarize", content=b'{"documents": [', headers={"Content-Type": "application/json"}),
                 400, "malformed_json")


def test_a_body_that_is_not_json_is_415(client):
    assert_error(client.post("/summarize", content=b"documents", headers={"Content-Type": "text/plain"}), 415)


def test_a_body_over_the_limit_is_413_by_its_length_or_as_it_streams(client):
    big = json.dumps({"documents": ["word " * 300_000]}).encode()
    assert_error(client.post("/summarize", content=big, headers={"Content-Type": "application/json"}), 413, "too_large")

    def chunks():
        for start in range(0, len(big), 64 * 1024):
            yield big[start:start + 64 * 1024]

    assert_error(client.post("/summarize", content=chunks(), headers={"Content-Type": "application/json"}), 413, "too_large")


def test_too_many_documents_or_words_is_413(client):
    body = assert_error(client.post("/summarize", json={"documents": texts() * 11}), 413, "too_large")
    assert "limit is 20" in body["message"]
    body = assert_error(client.post("/summarize", json={"documents": [texts()[0], "word " * 3001]}), 413, "too_large")
    assert "documents[1]" in body["message"]
    assert_error(client.post("/summarize", json={"documents": texts(), "previous": ["x"] * 21}), 413)


@pytest.mark.parametrize("budget", [{"words": 0}, {"words": -5}, {"sentences": 0}, {"words": "ten"}, {"words": 1.5},
                                    {"words": True}])
def test_a_bad_budget_is_422(client, budget):
    body = assert_error(client.post("/summarize", json={"documents": texts(), **budget}), 422)
    assert next(iter(budget)) in body["message"]


@pytest.mark.parametrize("request_body, words", [
    ({}, "documents"),
    ({"documents": []}, "documents"),
    ({"documents": texts(), "colour": "red"}, "colour"),
    ({"documents": [{"title": "no text"}]}, "text"),
    ({"documents": [42]}, "documents"),
    ({"documents": ["", "Loading, please wait..."]}, "prose"),
    ([1, 2], "object"),
    ({"documents": [{"text": texts()[0], "published": "2031-02-30"}]}, "not a date"),
])
def test_malformed_requests_are_422_naming_the_fault(client, request_body, words):
    body = assert_error(client.post("/summarize", json=request_body), 422)
    assert words in json.dumps(body).lower()


def test_unknown_routes_and_methods_answer_json(client):
    assert_error(client.get("/nowhere"), 404)
    assert_error(client.get("/summarize"), 405)
    assert_error(client.get("/stories/999"), 404, "no_such_story")
    assert_error(client.get("/stories/seven"), 422)
    huge = "99999999999999999999999"  # past what SQLite holds: refused, not an internal error
    for path in (f"/stories/{huge}", f"/stories/{huge}/new?reader=ada", f"/threads/{huge}", "/stories?days=1e309",
                 "/stories?days=100000000", f"/stories/1?since={huge}"):
        assert_error(client.get(path), 422)


def test_request_ids_are_kept_or_made_and_logged(client, servers):
    response = client.post("/summarize", json={"documents": texts()}, headers={"X-Request-ID": "trace-42.a"})
    assert response.headers["x-request-id"] == "trace-42.a"
    made = client.get("/healthz").headers["x-request-id"]
    assert len(made) == 32 and made != client.get("/healthz").headers["x-request-id"]
    assert client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"}).headers["x-request-id"] != "bad id\twith spaces"
    time.sleep(0.2)
    lines = [json.loads(line) for line in servers["main"].log().splitlines() if line.startswith("{")]
    [logged] = [line for line in lines if line.get("request_id") == "trace-42.a" and line["event"] == "request"]
    assert logged["status"] == 200 and logged["path"] == "/summarize" and logged["ms"] > 0


def test_pages_carry_security_headers(client):
    response = client.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


# Time limit and worker replacement

def test_a_summary_past_the_time_limit_is_504_and_its_worker_is_replaced(strict):
    started = time.monotonic()
    big = {"documents": [filler(5000, seed) for seed in range(40)]}
    assert_error(strict.post("/summarize", json=big), 504, "timeout")
    assert time.monotonic() - started < 3.0
    give_up = time.monotonic() + 10
    while strict.get("/healthz").json()["idle"] < 1 and time.monotonic() < give_up:
        time.sleep(0.05)
    assert strict.post("/summarize", json={"documents": texts()}).status_code == 200


# Stories

def test_articles_need_the_token(client):
    batch = {"articles": [{"id": "x1", "text": texts()[0]}]}
    assert_error(client.post("/articles", json=batch), 401, "unauthorized")
    assert_error(client.post("/articles", json=batch, headers={"Authorization": "Bearer wrong-token"}), 401)
    assert_error(client.post("/articles", json=batch, headers={"Authorization": TOKEN}), 401)
    assert_error(client.post("/articles", json={"not": "articles"}), 401)  # the token first, the body after


def test_the_token_can_come_from_the_environment(strict):
    batch = [{"id": "e1", "text": texts()[0]}]
    assert_error(strict.post("/articles", json=batch), 401)
    response = strict.post("/articles", json=batch, headers={"Authorization": "Bearer token-from-environment"})
    assert response.status_code == 200 and response.json()["added"] == 1


def test_stories_from_a_feed_batch(client):
    courier, wire = texts()
    herald = (EXAMPLE / "harbour-herald.html").read_text(encoding="utf-8")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    batch = {"articles": [
        {"id": "courier-1", "text": courier, "source": "Coastal Courier", "published": "2031-03-12T07:42:00Z",
         "url": "https://courier.example/fire"},
        {"id": "wire-1", "text": wire, "source": "North Sea Wire", "published": "2031-03-12T08:10:00Z"},
    ]}
    report = client.post("/articles", json=batch, headers=auth)
    assert report.status_code == 200, report.text
    assert report.json()["added"] == 2 and report.json()["new_stories"] == 1
    again = client.post("/articles", json=batch, headers=auth).json()
    assert again["skipped"] == 2 and again["added"] == 0
    assert_error(client.post("/articles", json={"articles": [{"id": "no-text"}]}, headers=auth), 422)
    assert_error(client.post("/articles", json={"articles": []}, headers=auth), 422)
    assert "blank" in assert_error(client.post("/articles", json={"articles": [dict(batch["articles"][0], id=" ")]},
                                               headers=auth), 422)["message"]
    twice = [dict(batch["articles"][0], id="dup"), dict(batch["articles"][1], id="dup")]
    assert "'dup' is given twice" in assert_error(client.post("/articles", json={"articles": twice}, headers=auth),
                                                  422)["message"]
    missing = assert_error(client.post("/articles", json={"articles": [{"text": courier}]}, headers=auth), 422)
    assert missing["message"] == "articles.0.id: Field required" and len(missing["details"]) == 1
    misspelt = assert_error(client.post("/summarize", json={"documents": texts(), "URLs": []}), 422)
    assert misspelt["message"].startswith("URLs: ")  # a field's name, in capitals too, is no model's
    late = dict(batch["articles"][1], id="wire-bad-date", published="next tuesday-ish")
    assert "not a date" in assert_error(client.post("/articles", json={"articles": [late]}, headers=auth), 422)["message"]

    listing = client.get("/stories").json()
    [story] = [s for s in listing["stories"] if s["articles"] >= 2]
    assert story["outlets"] == ["Coastal Courier", "North Sea Wire"]
    assert story["first_seen"] == "2031-03-12T07:42:00Z" and story["last_seen"] == "2031-03-12T08:10:00Z"
    assert "fire" in story["headline"].lower()
    assert listing["newest"] == "2031-03-12T08:10:00Z"  # as given

    page = client.get(f"/stories/{story['story']}").json()
    assert page["story"] == story["story"] and page["articles"] == 2 and not page["update"] and page["headline"]
    assert page["first_seen"] == page["last_seen"] == "2031-03-12"
    assert [(c["outlet"], c["articles"], [i["id"] for i in c["items"]]) for c in page["coverage"]] == [
        ("Coastal Courier", 1, ["courier-1"]), ("North Sea Wire", 1, ["wire-1"])]
    numbers = sorted(d["number"] for d in page["documents"] if d["number"])
    assert numbers == list(range(1, len(numbers) + 1))
    assert {d["day"] for d in page["documents"]} == {"2031-03-12"}  # the day its page groups the summary by
    assert page["summary"]["sentences"] and page["quotes"] and page["timeline"]
    summary = {**page["summary"], "texts": [d["text"] for d in page["documents"]]}
    assert_cites_its_sentences(summary)
    for quote in page["quotes"]:
        assert quote["text"] in page["documents"][quote["doc"]]["text"]

    first = client.get(f"/stories/{story['story']}/new", params={"reader": "ana"}).json()
    assert first["summary"] is not None and first["reader"] == "ana"
    nothing = client.get(f"/stories/{story['story']}/new", params={"reader": "ana"}).json()
    assert nothing["summary"] is None
    client.post("/articles", json=[{"id": "herald-1", "html": herald, "published": "2031-03-12T09:15:00Z"}], headers=auth)
    news = client.get(f"/stories/{story['story']}/new", params={"reader": "ana"}).json()
    assert news["update"] and news["summary"]["documents"][0]["id"] == "herald-1"
    assert [d["new"] for d in news["documents"]] == [True, False, False]
    assert_error(client.get(f"/stories/{story['story']}/new"), 422)
    assert_error(client.get(f"/stories/{story['story']}/new", params={"reader": "  "}), 422)  # a blank name is nobody
    assert_error(client.get(f"/stories/{story['story']}", params={"words": 0}), 422, "invalid_setting")


def test_a_story_with_nothing_to_summarize_still_has_a_page(strict):
    auth = {"Authorization": "Bearer token-from-environment"}
    short = "Chess club. Meets weekly. Boards provided."  # no sentence of three words
    assert strict.post("/articles", json=[{"id": "short-1", "text": short}], headers=auth).json()["added"] == 1
    stories = [s["story"] for s in strict.get("/stories", params={"limit": 0}).json()["stories"]]
    [story] = [s for s in stories if "chess" in strict.get(f"/stories/{s}").text.lower()]
    page = strict.get(f"/stories/{story}")
    assert page.status_code == 200 and page.json()["summary"] is None and "no sentence" in page.json()["summary_error"]


def test_no_store_yet_is_no_stories(tmp_path):
    assert tasks.list_stories(str(tmp_path / "none.db"), 10) == {"stories": [], "total": 0, "newest": None}
    with pytest.raises(ServiceError) as raised:
        tasks.story_page(str(tmp_path / "none.db"), 1, SummarizerConfig())
    assert raised.value.status == 404
    assert not (tmp_path / "none.db").exists()


# Fetching URLs

def test_pages_are_fetched_and_summarized(client, site):
    urls = [f"{site}/courier.html", f"{site}/herald.html", f"{site}/wire.txt"]
    response = client.post("/summarize?texts=true", json={"urls": urls, "words": 80})
    assert response.status_code == 200, response.text
    summary = response.json()
    assert [d["id"] for d in summary["documents"]] == urls
    assert summary["documents"][1]["source"] == "Harbour Herald"
    assert "cookie" not in " ".join(summary["texts"]).lower()
    assert_cites_its_sentences(summary)


def test_texts_and_urls_together_and_redirects_on_an_allowed_host(client, site):
    response = client.post("/summarize", json={"documents": [texts()[1]], "urls": [f"{site}/moved"]})
    assert response.status_code == 200, response.text
    assert response.json()["documents"][1]["url"] == f"{site}/courier.html"


@pytest.mark.parametrize("path, words", [("/to-localhost", "loopback"), ("/to-loopback", "loopback"),
                                          ("/to-metadata", "link-local")])
def test_a_redirect_to_an_address_that_is_not_public_is_refused(client, site, path, words):
    body = assert_error(client.post("/summarize", json={"urls": [site + path]}), 422, "url_refused")
    assert words in body["message"] and "redirected from" in body["message"]


@pytest.mark.parametrize("url, words", [
    ("http://localhost:{port}/courier.html", "loopback"),
    ("http://[::1]:{port}/courier.html", "loopback"),
    ("ftp://127.0.0.1/file", "http"),
    ("http://user:secret@127.0.0.1:{port}/courier.html", "password"),
    ("not a url", "http"),
    ("http://10.0.0.1/", "10.0.0.1 is a private address"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://2130706433/", "loopback"),
])
def test_addresses_that_are_not_public_or_not_web_pages_are_refused(client, site, url, words):
    port = site.rsplit(":", 1)[1]
    body = assert_error(client.post("/summarize", json={"urls": [url.format(port=port)]}), 422, "url_refused")
    assert words in body["message"]


def test_loopback_is_refused_unless_allowed(strict, site):
    body = assert_error(strict.post("/summarize", json={"urls": [f"{site}/courier.html"]}), 422, "url_refused")
    assert "127.0.0.1" in body["message"] and ("loopback" in body["message"] or "ports" in body["message"])


@pytest.mark.parametrize("path, words", [("/photo.png", "image/png"), ("/missing.html", "HTTP 404"),
                                          ("/loop", "redirects"), ("/huge.html", "larger")])
def test_pages_that_cannot_be_used_are_502(client, site, path, words):
    body = assert_error(client.post("/summarize", json={"urls": [site + path]}), 502, "fetch_failed")
    assert words in body["message"]


def test_a_slow_page_is_cut_off_at_the_time_limit(strict, site):
    started = time.monotonic()
    slow = site.replace("127.0.0.1", "localhost") + "/slow.html"  # the strict server allows localhost (by name) only
    assert_error(strict.post("/summarize", json={"urls": [slow]}), 504, "timeout")
    assert time.monotonic() - started < 1.9


# The address classifier, without connecting anywhere

@pytest.mark.parametrize("address", ["127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                                     "100.64.0.1", "0.0.0.0", "224.0.0.251", "239.255.255.250", "240.0.0.1",
                                     "255.255.255.255", "192.0.2.1", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1",
                                     "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:7f00:1::1",
                                     "2002:a00:1::1", "64:ff9b::a00:1", "2001:db8::1", "fec0::1"])
def test_addresses_that_are_not_public(address):
    assert address_problem(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "1.1.1.1", "151.101.1.69", "2606:2800:220:1:248:1893:25c8:1946",
                                     "2a00:1450:4001:80b::200e"])
def test_public_addresses(address):
    assert address_problem(address) is None


def test_names_are_judged_by_every_address_they_resolve_to():
    names = {"news.example": ["93.184.216.34"], "internal.example": ["10.0.0.1"],
             "rebind.example": ["93.184.216.34", "127.0.0.1"], "metadata.example": ["169.254.169.254"],
             "v6.example": ["2606:2800:220:1:248:1893:25c8:1946"], "v6-local.example": ["fe80::1%eth0"]}

    async def resolver(host: str, port: int) -> list[str]:
        if host not in names:
            raise OSError("no such name")
        return names[host]

    async def check(host: str) -> list[str]:
        return await public_addresses(host, 443, resolver)

    assert asyncio.run(check("news.example")) == ["93.184.216.34"]
    assert asyncio.run(check("v6.example"))
    for host in ("internal.example", "rebind.example", "metadata.example", "v6-local.example", "unknown.example"):
        with pytest.raises(Refused):
            asyncio.run(check(host))


def test_local_names_resolve_to_loopback_and_are_refused():
    for host in ("localhost", "2130706433", "0x7f.0.0.1", "127.1"):
        with pytest.raises(Refused, match="loopback"):
            asyncio.run(public_addresses(host, 80))


def test_a_public_name_is_fetched_from_the_address_that_was_checked():
    async def resolver(host: str, port: int) -> list[str]:
        return {"news.example": ["93.184.216.34"], "v6.example": ["2606:2800:220:1:248:1893:25c8:1946"]}[host]

    async def requests() -> list[httpx.Request]:
        fetcher = Fetcher(resolver=resolver)
        try:
            return [await fetcher._request(httpx.URL(url), url) for url in ("https://news.example/a?b=1", "http://v6.example/x")]
        finally:
            await fetcher.aclose()

    pinned, pinned_v6 = asyncio.run(requests())  # built, never sent
    assert str(pinned.url) == "https://93.184.216.34/a?b=1"
    assert pinned.headers["host"] == "news.example" and pinned.extensions["sni_hostname"] == "news.example"
    assert pinned_v6.url.host == "2606:2800:220:1:248:1893:25c8:1946" and pinned_v6.headers["host"] == "v6.example"


def test_urls_are_checked_before_any_connection():
    async def check() -> None:
        fetcher = Fetcher(allow=["127.0.0.1"])
        try:
            for url in ("http://localhost/", "https://[::1]/", "http://10.1.2.3/", "file:///etc/passwd", "gopher://x/",
                        "http://a:b@93.184.216.34/", "http://93.184.216.34:22/"):
                with pytest.raises(Refused):
                    await fetcher.fetch(url)
        finally:
            await fetcher.aclose()

    asyncio.run(check())


# Worker processes

def broken(kind: str) -> None:
    if kind == "input":
        raise InputError("doc-1: no prose")
    raise RuntimeError("/secret/path/of/the/server")


def test_a_task_failure_is_an_answer_without_a_traceback(capsys):
    assert execute(len, ([1, 2],)) == ("ok", 2)
    status, error = execute(broken, ("input",))
    assert (status, error.status, error.code, error.message) == ("error", 422, "invalid_input", "doc-1: no prose")
    status, error = execute(broken, ("bug",), request_id="r-1")
    assert (status, error.status) == ("error", 500) and "/secret" not in error.message
    assert "request id" in error.message


# Settings

def test_settings_are_checked():
    for settings in ({"workers": 0}, {"port": 70000}, {"timeout": 0}, {"max_body": -1}, {"token": "short"},
                     {"allow_fetch_from": ("http://x/",)}, {"unknown": 1}):
        with pytest.raises(ConfigError):
            ServiceConfig().replace(**settings)
    assert ServiceConfig(allow_fetch_from=("LocalHost.", "[::1]")).allow_fetch_from == ("localhost", "::1")


def test_the_settings_logged_at_start_up_are_the_limits_that_apply():
    assert ServiceConfig(workers=5).describe()["max_pending"] == 160  # 32 a worker, at least 128
    assert ServiceConfig(max_pending=7).describe()["max_pending"] == 7


def test_serve_is_a_command(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--allow-fetch-from" in result.output and "STORYLINE_TOKEN" in result.output
    assert CliRunner().invoke(cli, ["serve", "--workers", "0"]).exit_code == 2


def test_the_docs_and_the_page_need_nothing_from_elsewhere(client):
    spec = client.get("/openapi.json").json()
    assert {"/summarize", "/articles", "/stories", "/stories/{story}", "/stories/{story}/new"} <= set(spec["paths"])
    for path in ("/", "/docs", "/story/1"):
        page = client.get(path)
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        assert "//" not in "".join(part.split('"')[1] for part in page.text.split("src=")[1:])
        assert "http" not in " ".join(line for line in page.text.splitlines() if "<link" in line or "<script" in line)
    for asset in ("app.js", "app.css", "docs.js", "docs.css", "favicon.svg"):
        assert client.get(f"/static/{asset}").status_code == 200
    assert "innerHTML" not in client.get("/static/app.js").text
