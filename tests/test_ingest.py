import io
import json
import sys

import pytest

from storyline.errors import InputError
from storyline.io.decode import decoded
from storyline.io.ingest import cluster_from_record, documents_from_text, iter_articles, iter_jsonl, read_clusters
from storyline.text import prose_sentences
from storyline.text.html import document_from_text


def test_directory_of_text_and_html_makes_one_cluster(example_dir):
    [cluster] = read_clusters([str(example_dir)])
    assert len(cluster.documents) == 3
    html = next(d for d in cluster.documents if d.id.endswith(".html"))
    assert html.title.startswith("Night of flames")
    assert html.source == "Harbour Herald"
    assert "cookies" not in html.text and "Sport" not in html.text
    assert "timber warehouse" in html.text
    text = next(d for d in cluster.documents if d.id.endswith("coastal-courier.txt"))
    assert text.title.startswith("Warehouse fire at Port Aldren")


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"One article read from standard input.")))
    [cluster] = read_clusters(["-"])
    assert cluster.documents[0].text == "One article read from standard input."


def test_multinews_raw_layout(tmp_path):
    path = tmp_path / "cluster.txt"
    path.write_text("First article.NEWLINE_CHARNEWLINE_CHARSecond paragraph. ||||| Another article.")
    [cluster] = read_clusters([str(path)])
    assert [d.text for d in cluster.documents] == ["First article.\n\nSecond paragraph.", "Another article."]
    path.write_text("First article. ||||| SKARHOLM, 4 May 2031 — The ferry ran aground.")  # read as any text is
    assert [d.published for d in read_clusters([str(path)])[0].documents] == ["", "2031-05-04"]


def test_longbench_record():
    record = {"_id": "lb1", "context": "Passage 1:\nFirst text.\nPassage 2:\nSecond text.", "answers": ["ref"]}
    cluster = cluster_from_record(record)
    assert cluster.id == "lb1"
    assert [d.text for d in cluster.documents] == ["First text.", "Second text."]
    assert cluster.references == ["ref"]


def test_storyline_record_with_query_and_previous():
    record = {"id": "d1", "documents": ["a", {"text": "b", "title": "T"}], "query": {"title": "Q", "narrative": "N"},
              "previous": ["old"], "summaries": ["s1", "s2"]}
    cluster = cluster_from_record(record)
    assert cluster.query == "Q N"
    assert cluster.documents[1].title == "T"
    assert cluster.previous[0].text == "old"
    assert cluster.references == ["s1", "s2"]


def test_non_utf8_text_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le café de la gare a rouvert ses portes lundi matin après les travaux.".encode("cp1252"))
    [cluster] = read_clusters([str(path)])
    assert "café" in cluster.documents[0].text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_text_with_its_byte_order_mark_is_decoded(tmp_path, encoding):
    path = tmp_path / "notepad.txt"
    text = "Søren Kjær, the harbour’s engineer, said the crane had failed on Monday."
    path.write_bytes(("\ufeff" + text).encode(encoding) if encoding.endswith("be") else text.encode(encoding))  # with a BOM
    assert read_clusters([str(path)])[0].documents[0].text == text


def test_a_windows_1252_text_is_not_read_as_central_european(tmp_path):
    path = tmp_path / "harbour.txt"
    text = "Søren Kjær, the harbour’s engineer, said the crane had failed. Zoë Brûlé saw it fall into the water."
    path.write_bytes(text.encode("cp1252"))
    [cluster] = read_clusters([str(path)])
    assert cluster.documents[0].text == text
    czech = "Starosta města Lundov řekl, že molo bude v pátek znovu otevřeno. Přístav je zavřený kvůli bouři."
    path.write_bytes(czech.encode("cp1250"))
    assert read_clusters([str(path)])[0].documents[0].text == czech  # Central European, read as such


@pytest.mark.parametrize(
    "content, message",
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"), (None, "no such file")],
)
def test_unreadable_inputs_name_the_input(tmp_path, content, message):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_clusters([str(path)])
    assert str(path) in str(info.value)


def test_malformed_jsonl_lines_go_to_on_error_and_reading_goes_on(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "documents": ["text"]}\n{not json\n{"id": "x"}\n[1, 2]\n{"id": "last", "documents": []}\n')
    errors = []
    clusters = list(iter_jsonl(str(path), on_error=lambda name, error: errors.append((name, error))))
    assert [cluster.id for cluster in clusters] == ["ok", "last"]
    assert [name for name, _ in errors] == ["line-2", "x", "line-4"]
    assert all(isinstance(error, InputError) for _, error in errors)
    assert f"{path}:2" in str(errors[0][1])


def test_a_malformed_jsonl_line_raises_without_on_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "documents": ["text"]}\n{not json\n')
    with pytest.raises(InputError, match=rf"{path}:2: malformed JSON \(Expecting property name enclosed in double quotes at column 2\)"):
        list(iter_jsonl(str(path)))
    path.write_text('{"id": "ok", "documents": ["text"]}\n{"id": "cut", "documents": ["The ferry sank.", \n')
    with pytest.raises(InputError, match=rf"{path}:2: malformed JSON \(Expecting value at column 48\)"):
        list(iter_jsonl(str(path)))  # where the line cut short ends, not column 1 of the line after it
    path.write_text('{"id": "tab", "documents": ["The ferry\tsank."]}\n')
    with pytest.raises(InputError, match=r"column 39: a tab or line break inside a string is written \\t or \\n\)"):
        list(iter_jsonl(str(path)))  # what a raw tab in a string needs


@pytest.mark.parametrize("record, message", [
    ({"id": "c1", "documents": "The ferry ran aground off Skarholm."}, "'documents' must be a list of articles, not str"),
    ({"id": "c2", "documents": ["The ferry ran aground."], "previous": "Earlier news."}, "'previous' must be a list"),
])
def test_articles_given_as_a_string_instead_of_a_list_are_named_as_the_error(record, message):
    with pytest.raises(InputError, match=message):
        cluster_from_record(record)


def test_html_character_references_in_plain_text_are_decoded(tmp_path):
    record = {"id": "quay", "documents": [
        {"title": "Crane firm named &amp; inquiry promised",
         "text": "The inquiry into Saturday&#8217;s crane collapse will be led by Holm &amp; Pryce, the harbour board said."
                 "&nbsp;&nbsp;Its report is due within eight weeks."},
        "The harbour&#x2019;s second crane was checked on Sunday and found sound, an engineer said."]}
    path = tmp_path / "clusters.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [cluster] = read_clusters([str(path)])
    first, second = cluster.documents
    assert first.title == "Crane firm named & inquiry promised"
    assert "Saturday’s crane collapse will be led by Holm & Pryce" in first.text
    assert [s.text for s in prose_sentences([first])][-1] == "Its report is due within eight weeks."
    assert second.text.startswith("The harbour’s second crane")
    assert document_from_text("Ferries are back &ndash; for now.").text == "Ferries are back – for now."
    assert document_from_text("Holm &amp; Pryce: see lund.example/?q=pier&region=north").text.endswith("&region=north")
    untitled = {"id": "q", "documents": [{"text": "Crane firm named &amp; inquiry promised\n\nThe inquiry into the crane "
                                                  "collapse will be led by Holm &amp; Pryce, the harbour board said."}]}
    assert cluster_from_record(untitled).documents[0].title == "Crane firm named & inquiry promised"
    multi_news = "The inquiry will be led by Holm &amp; Pryce, the board said.|||||The harbour&#8217;s crane is sound."
    assert [d.text for d in documents_from_text(multi_news, "x")] == [
        "The inquiry will be led by Holm & Pryce, the board said.", "The harbour’s crane is sound."]


SAVED_MAIL = (b"From: Lund Bay Briefing <news@lundbay.example>\n"
              b"To: reader@mailbox.example\n"
              b"Subject: =?utf-8?q?Ferry_Nordlys_found_off_Skarholm?=\n"
              b"Date: Wed, 12 Mar 2031 06:30:00 +0000\n"
              b"MIME-Version: 1.0\n"
              b"Content-Type: text/plain; charset=\"utf-8\"\n"
              b"Content-Transfer-Encoding: quoted-printable\n\n"
              b"The ferry Nordlys, taken from the north quay of Lund Bay on Monday, was found undamaged off Skarh=\n"
              b"olm on Wednesday morning by a fishing crew.\n\n"
              b"The island council had offered a =C2=A35,000 reward for news of the ferry, which carries forty p=\n"
              b"assengers a day between the bay and the island.\n")


def test_a_saved_email_is_read_as_its_header_says_in_a_directory_too(tmp_path):
    (tmp_path / "briefing.eml").write_bytes(SAVED_MAIL)
    [document] = read_clusters([str(tmp_path)])[0].documents
    assert "found undamaged off Skarholm on Wednesday" in document.text
    assert "a £5,000 reward" in document.text and "=C2" not in document.text
    assert (document.title, document.published[:10]) == ("Ferry Nordlys found off Skarholm", "2031-03-12")


def test_a_forward_quoted_in_a_reply_is_the_article_and_gives_its_title_in_crlf_text_too():
    reply = ("Thought you would want this one. Passing it on before the meeting.\r\n\r\nOn Wed, 12 Mar 2031, Ole wrote:\r\n"
             "> ---------- Forwarded message ---------\r\n> From: Lund Bay Briefing <news@lundbay.example>\r\n"
             "> Date: Wed, 12 Mar 2031 at 06:30\r\n> Subject: Ferry Nordlys found off Skarholm\r\n>\r\n"
             "> The ferry Nordlys, taken from the north quay of Lund Bay on Monday, was found undamaged off Skarholm "
             "on Wednesday morning by a fishing crew.\r\n>\r\n"
             "> The island council had offered a reward for news of the ferry, which carries forty passengers a day "
             "between the bay and the island.\r\n")
    document = document_from_text(reply, "reply.txt")
    assert document.title == "Ferry Nordlys found off Skarholm"
    assert [s.text for s in prose_sentences([document])][0].startswith("The ferry Nordlys, taken from")


def test_a_saved_email_with_only_an_html_body_is_titled_and_dated_by_its_header():
    html_mail = SAVED_MAIL.replace(b"text/plain", b"text/html").replace(
        b"The ferry Nordlys", b"<html><body><p>The ferry Nordlys").replace(b"the island.\n", b"the island.</p></body></html>\n")
    document = document_from_text(decoded(html_mail, "briefing.eml"), "briefing.eml")
    assert "found undamaged off Skarholm on Wednesday" in document.text
    assert (document.title, document.published[:10]) == ("Ferry Nordlys found off Skarholm", "2031-03-12")


def test_bytes_that_read_as_utf8_are_utf8_whatever_charset_a_server_names():
    assert decoded("Skårholm ferry found".encode(), "page", charset="iso-8859-1") == "Skårholm ferry found"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Skarholm Courier</title>
<item><title>Ferry aground off Skarholm</title><link>https://courier.example/ferry-aground</link>
<guid>courier-101</guid><pubDate>Tue, 04 Mar 2031 07:30:00 GMT</pubDate>
<description>&lt;p&gt;The Lund ferry ran aground off Skarholm on Monday night &amp;amp; was refloated at dawn, the coastguard
said.&lt;/p&gt;&lt;p&gt;All 112 passengers were taken ashore by lifeboat.&lt;/p&gt;</description></item>
<item><title>Inquiry into ferry grounding</title><link>https://courier.example/inquiry</link>
<content:encoded><![CDATA[<p>The harbour board opened an inquiry on Wednesday into the grounding.</p><script>track()</script>
<figure><figcaption>The ferry at dawn. Photo: Ada Lind</figcaption></figure>]]></content:encoded></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Fjord Post</title>
<entry><title>Pier closed</title><id>tag:fjordpost.example,2031:7</id><updated>2031-03-05T10:00:00Z</updated>
<link rel="alternate" href="https://fjordpost.example/pier"/><summary>The pier at Lund Bay closed on Wednesday.</summary>
</entry></feed>"""


def test_a_news_feed_gives_its_items_as_articles(tmp_path):
    rss, atom = documents_from_text(RSS, "feed.rss"), documents_from_text(ATOM, "feed.atom")
    assert [(d.id, d.title, d.url, d.source, d.published) for d in rss] == [
        ("courier-101", "Ferry aground off Skarholm", "https://courier.example/ferry-aground", "courier.example", "2031-03-04"),
        ("https://courier.example/inquiry", "Inquiry into ferry grounding", "https://courier.example/inquiry",
         "courier.example", "")]
    assert rss[0].text == ("The Lund ferry ran aground off Skarholm on Monday night & was refloated at dawn, the coastguard "
                           "said.\n\nAll 112 passengers were taken ashore by lifeboat.")
    assert "track()" not in rss[1].text and rss[1].text.startswith("The harbour board opened an inquiry")
    assert [(d.id, d.url, d.source, d.published) for d in atom] == [
        ("tag:fjordpost.example,2031:7", "https://fjordpost.example/pier", "fjordpost.example", "2031-03-05")]
    (tmp_path / "news.xml").write_text(RSS)
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    [cluster] = read_clusters([str(tmp_path)])  # a directory's feed is read, its other XML left out
    assert [d.title for d in cluster.documents] == ["Ferry aground off Skarholm", "Inquiry into ferry grounding"]
    assert [d.id for d in iter_articles([str(tmp_path)])] == ["courier-101", "https://courier.example/inquiry"]  # stories
    with pytest.raises(InputError, match="sitemap.xml: an XML file that is no RSS or Atom feed"):
        read_clusters([str(tmp_path / "sitemap.xml")])


def test_a_feed_in_latin_1_is_read_in_the_charset_its_declaration_names(tmp_path):
    latin = RSS.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("Ferry aground off Skarholm</title>",
                                                                           "Ferry aground off Skarholm, 3 °C</title>")
    (tmp_path / "latin.rss").write_bytes(latin.encode("latin-1"))
    [cluster] = read_clusters([str(tmp_path / "latin.rss")])
    assert cluster.documents[0].title == "Ferry aground off Skarholm, 3 °C"


def test_a_feed_is_read_without_its_entities_or_the_network(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("harbour-secret")
    hostile = RSS.replace('<rss version="2.0"', f'<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>\n<rss version="2.0"') \
        .replace("<title>Ferry aground off Skarholm</title>", "<title>Ferry &x; aground</title>")
    assert all("harbour-secret" not in d.title + d.text for d in documents_from_text(hostile, "hostile.rss"))
    with pytest.raises(InputError, match="broken.rss: not a well-formed feed"):
        documents_from_text(RSS[:300], "broken.rss")
