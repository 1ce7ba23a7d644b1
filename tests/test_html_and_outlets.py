"""HTML told by its content wherever text comes in, and outlets named from pages, addresses and datelines.

Every page and article here is invented (outlets, places, people, events).
"""

import json

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.io.ingest import cluster_from_record, read_clusters
from storyline.text.html import document_from_text, looks_like_html
from storyline.text.outlets import (date_stamp, headline, outlet_from_dateline, outlet_from_notice, outlet_from_text,
                                     outlet_from_url)

BODY = [
    "A cable car carrying 38 passengers stalled above the Kestrel gorge on Saturday afternoon, leaving "
    "them suspended for almost four hours before rescuers lowered the last of them to safety.",
    "The operator, Kestrel Lifts, said a power fault in the upper station stopped the line at 2:40 p.m. and "
    "that a backup motor failed to start because of a blown fuse.",
    "Mountain rescue teams from three valleys used ropes and a winch to bring passengers down in pairs, "
    "the regional emergency service said. Nobody was seriously hurt.",
    '"We could see the river far below us and the wind kept rocking the cabin," said Ilse Marren, a '
    'teacher from Velmora who was travelling with her two children. "The rescuers were calm and kind."',
    "The regional transport authority ordered the line closed until engineers have inspected both stations, "
    "and said it would publish its findings within a month.",
]
BODY_HTML = "\n".join(f"    <p>{p}</p>" for p in BODY)


def page(site_name: str = "The Velmora Ledger", canonical: str = "", before: str = "<!DOCTYPE html>") -> str:
    """A news page with its furniture: script, cookie banner, navigation, caption, credits, related links."""
    site_meta = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    canonical_link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""{before}
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Cable car stalls over Kestrel gorge, passengers winched to safety | {site_name or "News"}</title>
  {site_meta}
  {canonical_link}
  <meta name="author" content="Tomas Brede">
  <script>window.dataLayer = window.dataLayer || []; function trackPageView() {{ dataLayer.push({{event: "pageview"}}); }}</script>
  <style>.cookie-banner {{ position: fixed; bottom: 0; }}</style>
</head>
<body>
  <div class="cookie-banner"><p>We use cookies to improve your experience. By continuing to use this site you accept our cookie policy.</p><button>Accept all</button></div>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
  <main><article>
    <h1>Cable car stalls over Kestrel gorge, passengers winched to safety</h1>
    <p class="byline">By Tomas Brede</p>
    <figure><img src="20310614_kestrel_cable_car.jpg" alt=""><figcaption>Rescuers on the cabin roof on Saturday. Photo: Lena Vos / Velmora Ledger</figcaption></figure>
{BODY_HTML}
  </article>
  <aside><h2>Related stories</h2><ul><li><a href="/a">Kestrel Lifts wins contract for a second line</a></li><li><a href="/b">Storm closes valley roads</a></li></ul></aside>
  </main>
  <footer><p>© 2031 Velmora Ledger Media. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
  <script src="/static/app.js"></script>
</body>
</html>
"""


def assert_article_body(text: str) -> None:
    assert "cable car carrying 38 passengers" in text
    assert "<" not in text and ">" not in text
    for furniture in ("dataLayer", "cookie", "Politics", "Related stories", "All rights reserved"):
        assert furniture not in text


# HTML detected by its content


def test_html_piped_on_stdin_is_summarized_from_its_article_and_named_by_its_site():
    result = CliRunner().invoke(cli, ["summarize", "-", "-f", "json", "-w", "60"], input=page())
    assert result.exit_code == 0, result.output
    output = json.loads(result.output)
    assert output["sentences"]
    for sentence in output["sentences"]:  # every one from the article's paragraphs, none from the furniture
        assert any(sentence["text"] in paragraph for paragraph in BODY), sentence["text"]
    [document] = output["documents"]
    assert document["source"] == "The Velmora Ledger"
    assert document["title"] == "Cable car stalls over Kestrel gorge, passengers winched to safety"
    assert not document["title"].lower().startswith("<!doctype")


@pytest.mark.parametrize(
    "name, before",
    [
        # XHTML saved by an editor that writes a byte-order mark and an XML declaration; a .txt name
        ("kestrel.txt", '\ufeff<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">'),
        # saved by a browser, which puts the page's address in a comment first; no extension
        ("kestrel", "<!-- saved from url=(0051)https://www.velmoraledger.example/news/kestrel -->\n<!DOCTYPE html>"),
    ],
)
def test_html_file_without_an_html_extension_is_read_as_a_page(tmp_path, name, before):
    path = tmp_path / name
    path.write_text(page(before=before), encoding="utf-8")
    [cluster] = read_clusters([str(path)])
    [document] = cluster.documents
    assert_article_body(document.text)
    assert document.source == "The Velmora Ledger"
    assert document.title.startswith("Cable car stalls")
    assert document.id == str(path)


def test_html_in_jsonl_document_fields_is_read_as_pages(tmp_path):
    record = {
        "id": "kestrel",
        "documents": [
            page(),                                          # a string
            {"html": page(site_name="Gorge Valley Radio")},  # an "html" field
            # a "text" field holding a page without a site name: named by its address
            {"text": page(site_name=""), "url": "https://www.kestrel-post.example/news/cable-car"},
        ],
    }
    path = tmp_path / "clusters.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [cluster] = read_clusters([str(path)])
    for document in cluster.documents:
        assert_article_body(document.text)
    assert [d.source for d in cluster.documents] == ["The Velmora Ledger", "Gorge Valley Radio", "kestrel-post.example"]
    assert cluster.documents[2].url == "https://www.kestrel-post.example/news/cable-car"
    assert [d.id for d in cluster.documents] == ["kestrel#1", "kestrel#2", "kestrel#3"]


def test_fields_given_in_jsonl_win_over_what_the_page_says():
    record = {"id": "k", "documents": [{"html": page(), "source": "Ledger (print)", "title": "Stalled"}]}
    [document] = cluster_from_record(record).documents
    assert (document.source, document.title) == ("Ledger (print)", "Stalled")
    assert_article_body(document.text)


PROSE_MENTIONING_TAGS = (
    "Web editors at the Velmora Ledger were told on Monday to stop wrapping whole paragraphs in <b> for "
    "emphasis, after readers complained that the bold text made long reports hard to follow.\n\n"
    "The paper's style desk also asked developers to move every <script> element below the article so that "
    "pages open faster on slow rural connections, a change it expects to finish by June.\n"
)


def test_prose_that_mentions_a_tag_is_not_html():
    assert not looks_like_html(PROSE_MENTIONING_TAGS)
    result = CliRunner().invoke(cli, ["summarize", "-", "-f", "json"], input=PROSE_MENTIONING_TAGS)
    assert result.exit_code == 0, result.output
    output = json.loads(result.output)
    assert "<b>" in output["summary"] and "<script>" in output["summary"]
    start, end = output["sentences"][0]["sources"][0]["start"], output["sentences"][0]["sources"][0]["end"]
    assert PROSE_MENTIONING_TAGS[start:end] == output["sentences"][0]["text"]  # read as it is: offsets hold


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<!doctype html><html><head><title>x</title></head><body><p>Hi.</p></body></html>", True),
        ("<html><body><p>The ferry sailed at dawn.</p></body></html>", True),
        ("<p>The ferry sailed at dawn.</p>\n<p>It reached Velmora at noon.</p>", True),
        ("Plain prose about a ferry. It sailed at dawn and reached Velmora at noon.", False),
        ("If a < b and c > d, the ferry waits; write to <desk@velmora.example> for times.", False),
        ("The <html> tag opens a page, and <body> holds what a reader sees, the trainer said.", False),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_document_from_text_extracts_pages_and_keeps_plain_text_as_it_is():
    extracted = document_from_text(page(), "1")
    assert_article_body(extracted.text)
    assert (extracted.id, extracted.source) == ("1", "The Velmora Ledger")
    plain = "KESTREL FALLS, Ore. (AP) -- A cable car stalled above the gorge on Saturday.\n"
    document = document_from_text(plain, "2")
    assert (document.text, document.id, document.source, document.title) == (plain, "2", "AP", "")


# Outlets named from datelines, and datelines never taken for titles

CNN_STYLE = (
    "Velmora CNN  —\n\n"
    "Ferry services across the Velmora estuary were suspended on Thursday after a cargo barge broke its "
    "moorings and drifted into the main channel, port officials said.\n\n"
    "The barge, loaded with gravel, came to rest against a pier of the old swing bridge, which was closed to "
    "traffic while divers checked it for damage.\n\n"
    "Harbour master Anke Dorn said the ferries would resume once tugs had towed the barge back to its berth.\n"
)


def test_a_dateline_first_line_names_the_outlet_and_is_not_the_title(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(CNN_STYLE, encoding="utf-8")
    [cluster] = read_clusters([str(path)])
    [document] = cluster.documents
    assert document.source == "CNN"
    assert "CNN" not in document.title and "—" not in document.title
    assert document.text == CNN_STYLE


def test_an_agency_dateline_names_the_outlet_in_cli_output():
    article = (
        "Cable car line to reopen after repairs\n\n"
        "KESTREL FALLS, Ore. (AP) -- The cable car line that stalled above the Kestrel gorge last month will "
        "reopen on Friday after engineers replaced its backup motor, the operator said.\n\n"
        "Kestrel Lifts said the upper station now has a second power supply.\n"
    )
    result = CliRunner().invoke(cli, ["summarize", "-", "-f", "json"], input=article)
    assert result.exit_code == 0, result.output
    [document] = json.loads(result.output)["documents"]
    assert document["source"] == "AP"
    assert document["title"] == "Cable car line to reopen after repairs"


def test_a_dateline_in_a_jsonl_string_document_names_the_outlet():
    record = {"id": "d", "documents": ["BRUSSELS, January 22 (Xinhua) -- Ministers met in Velmora on Monday."]}
    assert cluster_from_record(record).documents[0].source == "Xinhua"


def test_an_outlet_named_by_its_own_site_is_named_as_it_names_itself():
    record = {"id": "d", "documents": [
        {"text": "PORT ALDREN, March 12 (North Sea Wire) -- The ferry strike ended.", "url": "https://www.northseawire.example/a"},
        {"text": "VESTMARK, March 12 (AP) -- The ferry strike ended.", "url": "https://vestmarknews.example/b"},
        {"text": "The ferry strike ended.\n© 2031 Vestmark News. All rights reserved.", "url": "https://vestmarknews.example/c"}]}
    assert [d.source for d in cluster_from_record(record).documents] == ["North Sea Wire", "vestmarknews.example",
                                                                          "Vestmark News"]


def test_a_jsonl_document_is_titled_by_a_first_line_that_reads_as_a_headline():
    article = "Ferry strike ends\n\nThe ferry strike in Velmora ended on Friday after talks, the union said.\n"
    record = {"id": "d", "documents": [article, {"text": article}, {"text": article, "title": "Given"},
                                       "The ferry strike in Velmora ended on Friday after talks, the union said."]}
    assert [d.title for d in cluster_from_record(record).documents] == ["Ferry strike ends", "Ferry strike ends", "Given", ""]


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Hanoi CNN  —\n\nVietnam said on Monday ...", "CNN"),
        ("MOBILE, Ala. (AP) -- A jury in Velmora County ...", "AP"),
        ("BRUSSELS, January 22 (Xinhua) -- Ministers met ...", "Xinhua"),
        ("LOS ANGELES (CBSLA.com) — A brush fire in the hills ...", "CBSLA.com"),
        ("Washington (CNN)The ferry operator said ...", "CNN"),
        ("Story highlights The ferry is back\n\nVelmora (CNN) The ferry operator said ...", "CNN"),
        ("Velmora (CNN) reporters were told ...", ""),
        ("Ferry strike ends\n\nBy Jane Doe\n\nMarch 5, 2031\n\nVELMORA (Harbour Wire) - The strike ended.", "Harbour Wire"),
        ("PARIS — Talks ended on Friday without a deal.", ""),
        ("The minister (AP) -- said nothing.", ""),
        ("Talks ended on Friday.\n\nLONDON (Reuters) - A later paragraph is not a dateline.", ""),
        ("VELMORA (Photo) — Rescuers on the roof.", ""),
    ],
)
def test_outlet_from_dateline(text, outlet):
    assert outlet_from_dateline(text) == outlet


@pytest.mark.parametrize(
    "last_line, outlet",
    [
        ("© 2031 Coastal Courier. All rights reserved.", "Coastal Courier"),
        ("Copyright © 2031 Vela News. All rights reserved. Do not copy.", "Vela News"),
        ("Copyright 2031 by KVLA News9 - All rights reserved.", "KVLA News9"),
        ("Copyright 2031 KVLA-TV (Harbour Broadcasting Corporation). All rights reserved.", "KVLA-TV"),
        ("Copyright 2031 KVLA via Vela News. All rights reserved.", "KVLA"),
        ("(c) 2031 Tidewater.com", "Tidewater.com"),
        ("© 2031 Vela Media Ltd.", "Vela Media"),
        ("Copyright 2031 St. Ives Harbour Post. All rights reserved.", "St. Ives Harbour Post"),
        ("© 2031 N.W. Ferry News. All rights reserved.", "N.W. Ferry News"),
        ("Copyright Harbour Comics", ""),  # a picture's credit: no year, no rights reserved
        ("© 2031 Getty Images", ""),
        ("© 2031. All rights reserved.", ""),
        ("The ferry sails at noon.", ""),
    ],
)
def test_outlet_from_notice(last_line, outlet):
    assert outlet_from_notice(f"Ferry strike ends\n\nThe strike ended on Friday.\n\n{last_line}\n") == outlet


def test_a_copyright_notice_names_the_outlet_of_a_text_file_without_dateline(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text("Ferry strike ends\n\nThe ferry strike in Velmora ended on Friday after talks, the union said.\n\n"
                    "Sign up for our newsletter.\n© 2031 Tidewater Gazette. All rights reserved.\n", encoding="utf-8")
    [cluster] = read_clusters([str(path)])
    assert cluster.documents[0].source == "Tidewater Gazette"


@pytest.mark.parametrize(
    "url, outlet",
    [
        ("https://www.theguardian.com/world/2031/jan/01/x", "theguardian.com"),
        ("http://m.velmoraledger.example/a?b=c", "velmoraledger.example"),
        ("news.kestrel-post.example/story", "news.kestrel-post.example"),
        ("http://localhost:8000/page", ""),
        ("", ""),
    ],
)
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    "text, title",
    [
        ("Hanoi CNN  —\nVietnam said on Monday that talks would resume.", ""),
        ("PARIS —\nTalks ended on Friday.", ""),
        ("By Jane Doe\nTalks ended on Friday.", ""),
        ("Updated 10:32 AM EDT, Tue March 5, 2031\nTalks ended on Friday.", ""),
        ("Image copyright Vela Image caption The ferry has been in dock since October\nTalks ended on Friday.", ""),
        ("Ferry strike ends after three days\nThe strike ended on Friday.", "Ferry strike ends after three days"),
        ("By the numbers: a week of strikes\nThe strike ended on Friday.", "By the numbers: a week of strikes"),
        ("Brexit — what happens next\nTalks ended on Friday.", "Brexit — what happens next"),
    ],
)
def test_datelines_bylines_and_dates_are_never_headlines(text, title):
    assert headline(text) == title



@pytest.mark.parametrize("text, published", [
    ("Ferry runs aground off Skarholm\n\nBy Nils Aaberg\nNovember 21, 2026\n\nThe ferry ran aground on Friday.", "2026-11-21"),
    ("Tue 5 March 2031 10:32\nTalks ended on Friday.", "2031-03-05"),
    ("10:32 AM EDT, Tue March 5, 2031\nTalks ended on Friday.", "2031-03-05"),  # a zone it cannot place, unsaid
    ("Nov 22\nTalks ended on Friday.", ""),  # no year: no publication date
    ("March 2031\nTalks ended on Friday.", ""),  # no day
    ("Updated 7:42 AM, March 12, 2031\nTalks ended on Friday.", "2031-03-12"),
    ("Published: March 12, 2031\nTalks ended on Friday.", "2031-03-12"),
    ("Talks ended\n\nThe union said talks ended in 2031.", ""),  # a year in a sentence is no date stamp
    ("One\nTwo\nThree\nFour\nMarch 5, 2031\nTalks ended.", ""),  # below the article's top
    ("Fog blamed\nBy Hanne Rust | Fjord Post | May 4, 2031\nThe ferry ran aground on Sunday.", "2031-05-04"),
    ("NEWS AT SIX\nBroadcast: Tuesday, 4 March 2031\n\nHOST: Talks ended on Friday.", "2031-03-04"),  # a programme's
    ("Fog blamed\n\nSKARHOLM, 4 May 2031 — The ferry ran aground on Sunday.", "2031-05-04"),  # a dateline with no outlet
    ("Fog blamed\n\nSKARHOLM, 4 May 2031 — The ferry ran aground on Sunday\nnight after its radar failed in thick fog.",
     "2031-05-04"),  # hard-wrapped: its first line reads as a title
    ("Fog blamed\n\nSkarholm — The ferry ran aground on 4 May 2031 - a Sunday.", ""),  # a day in a sentence
    ("Fog blamed\n\nOn May 4, 2031 - a Sunday - the ferry ran aground.", ""),
    ("Fog blamed\n\nSKARHOLM, May 4, 2031—The ferry ran aground on Sunday.", "2031-05-04"),
    ('---\ntitle: "Fog blamed"\ndate: 2031-05-04T09:12:00Z\n---\n\nThe ferry ran aground on Sunday.', "2031-05-04"),  # front
    ("+++\ntitle = 'Fog blamed'\ndate = 2031-05-04\n+++\nThe ferry ran aground on Sunday.", "2031-05-04"),  # matter
    ("---\ndraft: true\n---\nThe ferry ran aground on Sunday.", ""),
])
@pytest.mark.filterwarnings("error")
def test_a_plain_text_article_is_published_on_the_date_its_top_gives_on_a_line_of_its_own(text, published):
    assert document_from_text(text).published == published
    if "title" in text:  # a front matter's
        assert document_from_text(text).title == "Fog blamed"
    assert [d.published for d in cluster_from_record({"documents": [text, {"text": text}]}).documents] == [published] * 2
    given = cluster_from_record({"documents": [{"text": text, "published": "2031-01-02"}]}).documents[0]
    assert given.published == "2031-01-02"


def test_a_byline_names_the_outlet_in_a_field_of_its_own_never_a_job_or_a_date():
    assert outlet_from_text("Fog blamed\nBy Hanne Rust | Fjord Post | May 4, 2031\nThe ferry ran aground.") == "Fjord Post"
    assert outlet_from_text("Fog blamed\nBy Ada Lind and Ole Vik • The Vela Times\nThe ferry ran aground.") == "The Vela Times"
    assert outlet_from_text("Fog blamed\nBy Ada Lind | Staff Writer | May 4, 2031\nThe ferry ran aground.") == ""
    for field in ("Chief Economist", "Opinion Columnist", "Monday", "Photos", "Twitter"):
        assert outlet_from_text(f"Fog blamed\nBy Ada Lind | {field}\nThe ferry ran aground.") == "", field
    assert outlet_from_text("Fog blamed\nBy Hanne Rust — Fjord Post — May 4, 2031\nThe ferry ran aground.") == "Fjord Post"
    noticed = "Fog blamed\nBy Hanne Rust | Oslo\nThe ferry ran aground.\n\n© 2031 Coastal Courier. All rights reserved."
    assert outlet_from_text(noticed) == "Coastal Courier"  # the notice before a byline's field
    assert outlet_from_text("Fog blamed\nBy Ada Lind\nThe ferry ran aground.") == ""
    assert outlet_from_text("By Ada Lind | Vela Times\nOSLO (Reuters) - The ferry ran aground.") == "Reuters"  # a dateline first


def test_a_masthead_line_and_a_notice_naming_the_publisher_before_the_year_give_outlet_and_day():
    assert outlet_from_text("Corrections\n\nFjord Post, Wednesday 9 May 2031\n\nThe ferry sank.") == "Fjord Post"
    assert date_stamp("Corrections\n\nFjord Post, Wednesday 9 May 2031\n\nThe ferry sank.") == "2031-05-09"
    masthead = "Tributes paid\n\nLund Echo | News | Monday 21 May 2031\n\nThe mayor died."
    assert (outlet_from_text(masthead), date_stamp(masthead)) == ("Lund Echo", "2031-05-21")
    for line in ("Ada Lind, 4 May 2031", "Ada Lind | 4 May 2031", "Oslo, May 4, 2031", "Lund Times, May 2031",
                 "Press Release, May 4, 2031", "Breaking News, May 4, 2031", "Sport | Monday 4 May 2031",
                 "Daily Briefing, May 4, 2031", "Times Square, Monday 4 May 2031"):
        assert outlet_from_text(f"{line}\n\nThe ferry sank off Skarholm.") == "", line  # a person, a place, no day
    assert outlet_from_text("The ferry sank off Skarholm.\n\n© Fjord Post Ltd 2031\n") == "Fjord Post"
    assert outlet_from_text("The ferry sank off Skarholm.\n\n© Ada Lind 2031\n") == ""  # a photographer's
    for masthead in ("Lund Street Journal", "Lund Local News", "World News Daily"):
        assert outlet_from_text(f"{masthead}, Monday 4 May 2031\n\nThe ferry sank off Skarholm.") == masthead
    assert [outlet_from_text(f"The ferry sank off Skarholm.\n\n© {name} 2031\n") for name in ("Reuters", "NRK")] == \
        ["Reuters", "NRK"]


def test_a_masthead_split_by_a_middle_dot_or_set_above_a_page_s_headline_gives_outlet_and_day():
    masthead = "Ferry captain suspended\n\nFjord Daily · Saturday 10 October 2031\n\nThe captain was suspended."
    assert (outlet_from_text(masthead), date_stamp(masthead)) == ("Fjord Daily", "2031-10-10")
    page = ('<html><head><title>Captain suspended</title></head><body><div class="top">Fjord Daily &middot; Saturday, '
            'October 10, 2031</div><div class="story"><h2>Ferry grounding: captain suspended</h2><p>The captain of the '
            'ferry that ran aground off Skerra Point on Thursday has been suspended while investigators examine its '
            'radar, the operator said on Saturday.</p><p>The company said the suspension was standard procedure and '
            'implied no wrongdoing by the captain, who has thirty years of experience.</p></div></body></html>')
    document = document_from_text(page, "page")
    assert (document.source, document.published) == ("Fjord Daily", "2031-10-10")
    spans = page.replace("Fjord Daily &middot; Saturday, October 10, 2031", "<span>Fjord Daily</span> &middot; "
                         "<span>Saturday, October 10, 2031</span>")
    assert (document_from_text(spans, "p").source, document_from_text(spans, "p").published) == ("Fjord Daily", "2031-10-10")
    today = page.replace("Fjord Daily &middot; Saturday, October 10, 2031", "Monday 19 October 2031").replace(
        "</h2>", "</h2><div>By Ada Lind | Saturday 10 October 2031</div>")
    assert document_from_text(today, "p").published == "2031-10-10"  # the byline's day, not the site's today


def test_a_saved_page_s_headline_comes_after_its_menu_and_notices_but_no_prose_is_a_headline():
    page = ("Skip to main content\nHome\nNews\nSport\nSign in\nWe value your privacy. We and our partners use cookies.\n\n"
            "Flood warning lifted as River Lund falls\n\nBy Nils Aaberg\n\nFlood warnings for Lund Bay were lifted on "
            "Saturday morning after the river fell below its danger mark.")
    assert headline(page) == "Flood warning lifted as River Lund falls"
    assert headline("Home\nFlood warnings for Lund Bay were lifted on Saturday after the river fell.\n") == ""
    assert headline("Ferry sinks\n\nThe ferry sank off Skarholm on Sunday, the coast guard said.") == "Ferry sinks"


PAGE_WITHOUT_SITE_NAME = """<!doctype html><html><head><title>Cable car stalls above Kestrel gorge | Kestrel Courier</title>
<meta property="article:published_time" content="2031-06-14T16:05:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<h1>Cable car stalls above Kestrel gorge</h1>
<p class="byline">By Mia Holt | Kestrel Courier</p>
<article>""" + "".join(f"<p>{p}</p>" for p in BODY) + """
<p class="bio">Mia Holt has covered the valley for the Courier since 2024.</p></article></body></html>"""


def test_a_pages_date_is_its_markups_even_in_the_future_and_never_a_year_of_its_text():
    page = document_from_text(PAGE_WITHOUT_SITE_NAME, "p")
    assert (page.source, page.published) == ("Kestrel Courier", "2031-06-14")
    no_date = PAGE_WITHOUT_SITE_NAME.replace('<meta property="article:published_time" content="2031-06-14T16:05:00Z">', "")
    assert document_from_text(no_date, "p").published == ""  # not 2024-01-01, from "since 2024"
    posted = no_date.replace('<p class="byline">By Mia Holt | Kestrel Courier</p>',
                             '<div class="posted">Posted: Jun 14, 2031 / 05:12 PM CDT | Updated: Jun 15, 2031 / 09:48 AM CDT</div>')
    assert document_from_text(posted, "p").published == "2031-06-14"
    assert document_from_text(posted, "p").source == "Kestrel Courier"  # from the page's <title>
    bare_title = posted.replace(" | Kestrel Courier</title>", "</title>")
    assert document_from_text(bare_title, "p").source == ""
    assert document_from_text(bare_title.replace("gorge</title>", "gorge | Axios</title>"), "p").source == "Axios"
    for section in (" | Opinion", " - Live Updates", " | Photos", " | World News"):
        assert document_from_text(bare_title.replace("gorge</title>", f"gorge{section}</title>"), "p").source == ""
    entity = bare_title.replace("gorge</title>", "gorge &#8211; Kestrel Courier</title>")
    assert document_from_text(entity, "p").source == "Kestrel Courier"


def test_a_print_masthead_a_wire_slug_a_two_line_headline_and_a_posts_byline_line():
    print_copy = "THE LUND HERALD  |  TUESDAY, MAY 5, 2031  |  £1.80\n\nNEWS\n\nTwo men held as police find\nburned-out van\n\nBy Tor Aas"
    assert (outlet_from_text(print_copy), date_stamp(print_copy)) == ("The Lund Herald", "2031-05-05")
    assert headline(print_copy) == "Two men held as police find burned-out van"
    assert date_stamp("Fjord Post | News | May 4, 2031\n\nThe ferry sank.") == "2031-05-04"
    assert headline("Fjord Post, Tuesday 5 May 2031\n\nFerry sinks off Lund\n\nThe ferry sank.") == "Ferry sinks off Lund"
    assert headline("Ferry sinks off Lund\n\nby Ada Lind\n\nThe ferry sank on Monday.") == "Ferry sinks off Lund"
    epaper = ("FJORD POST — Tuesday 5 May 2031 — Page 4\nNEWS\nFerry runs aground\noff Skarholm; crew\nof nine rescued\n"
              "By Tor Aas\nCoast Correspondent\nLUND — The ferry Nordlys ran\naground off Skarholm on Monday,\n"
              "the coast guard said.\n")
    assert (outlet_from_text(epaper), date_stamp(epaper)) == ("Fjord Post", "2031-05-05")  # a page's running header
    assert headline(epaper) == "Ferry runs aground off Skarholm; crew of nine rescued"  # in a narrow column
    hyphenated = epaper.replace("crew\nof nine rescued", "pier-\nmaster rescued").replace("ran\n", "ran\nby the piermaster\n")
    assert headline(hyphenated) == "Ferry runs aground off Skarholm; piermaster rescued"  # a word broken at a line's end
    named = "Ferry sinks off Lund\n\nFjord Post\nPublished Monday 4 May 2031, 08:10\n\nThe ferry sank on Monday."
    assert (outlet_from_text(named), date_stamp(named)) == ("Fjord Post", "2031-05-04")  # a name alone over its date
    assert outlet_from_text(named.replace("Fjord Post", "Ada Lind")) == ""  # a writer's name is no publication's
    assert outlet_from_text("Mail Strike Hits Lund Bay\nMay 4, 2031\n\nThe post stopped.") == ""  # a headline
    assert outlet_from_text("Times Square Attack — Tuesday 3 June 2031 — Live Updates\n\nA man was held.") == ""
    assert headline("Ferry sinks off Lund\n\niPhone maker says the pier is fine.\n\nMore.") == "Ferry sinks off Lund"
    assert date_stamp("Storm report\n\nThe agency published its report on March 3, 2029, after the storm.") == ""
    assert date_stamp("Storm report\n\nUpdated figures released on May 2, 2031, show a rise.") == ""  # a sentence
    assert date_stamp("By Ada Lind, Posted on March 3, 2031\n\nThe ferry sank.") == "2031-03-03"
    assert outlet_from_text("USA TODAY | TUESDAY, MAY 5, 2031\n\nThe ferry sank off Skarholm.") == "USA Today"
    assert outlet_from_text("THE NEW YORK TIMES | TUESDAY, MAY 5, 2031\n\nThe ferry sank.") == "The New York Times"
    wire = "LUND-MUSEUM/THEFT (UPDATE 2)\n\nUPDATE 2-Thieves seize astrolabe in raid on Lund museum\n\n(Adds quotes)"
    assert headline(wire) == "Thieves seize astrolabe in raid on Lund museum"
    post = ("# The astrolabe has been stolen. Here is what we know\n\n"
            "*Posted by Ada Lind on March 10, 2031 · 6 min read · Filed under Heists*\n\nThieves broke in on Monday.")
    assert (headline(post), date_stamp(post)) == ("The astrolabe has been stolen. Here is what we know", "2031-03-10")


def test_a_markdown_byline_in_emphasis_gives_outlet_and_day_after_a_comma():
    text = ("# Ferries sail again from Lund\n\n*By Ada Lind, Lund Weekly — Thursday 5 June 2031*\n\n"
            "Ferries sailed from Lund harbour again on Thursday after repairs to the north wall.")
    assert (outlet_from_text(text), date_stamp(text)) == ("Lund Weekly", "2031-06-05")
    assert outlet_from_text("Ferries sail\n\n**Lund Weekly** | Thursday 5 June 2031\n\nFerries sailed again.") == "Lund Weekly"
    both = "Ferries sail\n\nBy **Ada Lind**, *Lund Weekly* — 5 June 2031\n\nFerries sailed again from Lund on Thursday."
    assert (outlet_from_text(both), date_stamp(both)) == ("Lund Weekly", "2031-06-05")
    release = "NEWS RELEASE\n\nLund Council Approves Budget\n\nHarbour spending rises by a fifth\n\nThe council met."
    assert (outlet_from_text(release), headline(release)) == ("", "Lund Council Approves Budget")  # no issuer given
    dated = release.replace("\n\nHarbour spending", "\n\nMonday 2 June 2031\n\nHarbour spending")  # a headline, no body
    assert (outlet_from_text(dated), headline(dated)) == ("", "Lund Council Approves Budget")
    for byline in ("By Ada Lind, Staff Writer", "By Ada Lind, Ole Vik"):  # a job, a second author: no outlet
        assert outlet_from_text(f"{byline}\n\nFerries sailed from Lund harbour again on Thursday.") == ""


def test_a_front_matter_is_read_with_yaml_or_toml_and_left_out_of_the_article():
    folded = ("---\ntitle: >-\n  Fog blamed for grounding\ndate: 2031-05-04\ndescription: The ferry ran aground in a storm.\n"
              "tags: [ferry, lund]\n---\n\nThe ferry Stella Nord ran aground off Skarholm on Sunday night, the coastguard said.\n")
    document = document_from_text(folded)
    assert (document.title, document.published) == ("Fog blamed for grounding", "2031-05-04")
    assert document.text.strip().startswith("The ferry Stella Nord") and "description" not in document.text
    untitled = document_from_text("---\nlayout: post\ndate: 2031-05-04\n---\nFog blamed for grounding\n\nThe ferry ran "
                                  "aground off Skarholm on Sunday night, the coastguard said.\n")
    assert (untitled.title, untitled.published) == ("Fog blamed for grounding", "2031-05-04")  # the headline after it
    commented = document_from_text('---\ntitle: "Fog blamed" # a draft\n---\nThe ferry ran aground on Sunday night.\n')
    assert commented.title == "Fog blamed"
