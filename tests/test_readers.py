"""Every input format, and bad input: one clear problem per bad record, everything else still read."""
import datetime as dt
import gzip
import json

from tacitus.document import Document
from tacitus.io import InputProblem, ReadOptions, read_inputs

ARTICLE = ("Ankara condemns raid\n\nANKARA, March 3 (Reuters) - Turkey condemned an air raid on Syrian rebels "
           "on Sunday and urged Russia to stop the bombing of civilians in Idlib province.")
HTML = f"""<!DOCTYPE html><html><head><title>Turkey condemns raid</title>
<meta property="og:url" content="https://news.example.org/turkey-raid">
<meta name="date" content="2019-03-03"></head>
<body><nav>Home | World</nav><article><h1>Turkey condemns raid</h1>
<p>{ARTICLE.split(chr(10))[-1]}</p>
<p>Officials in Ankara said the Turkish foreign ministry had summoned the Russian ambassador to protest against
the attack, which killed at least twelve people according to local rescue workers.</p></article>
<footer>Copyright notice</footer></body></html>"""
RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>World news</title>
<item><title>Germany expels diplomats</title><link>http://127.0.0.1:9/unreachable</link>
<guid>item-1</guid><pubDate>Tue, 05 Mar 2019 10:00:00 GMT</pubDate>
<description>Germany expelled two Russian diplomats on Tuesday over the killing of a Georgian man in Berlin, the
foreign ministry in Berlin said.</description></item>
<item><title>Empty</title><guid>item-2</guid><description></description></item>
</channel></rss>"""


def read(paths, **kw):
    items = list(read_inputs([str(p) for p in paths], options=ReadOptions(**kw)))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputProblem)]


def test_plain_text_title_and_dateline_date(tmp_path):
    f = tmp_path / "raid.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    docs, problems = read([f], date=dt.date(2019, 3, 10))
    assert problems == [] and docs[0].title == "Ankara condemns raid"
    assert docs[0].date == dt.date(2019, 3, 3) and docs[0].meta["date_source"] == "dateline"
    docs, _ = read([f])  # a dateline without a year and no --date: no date
    assert docs[0].date is None


def test_record_date_wins_over_dateline_and_option(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "x", "text": ARTICLE, "date": "2019-03-04"}) + "\n", encoding="utf-8")
    docs, _ = read([f], date=dt.date(2019, 1, 1))
    assert docs[0].date == dt.date(2019, 3, 4) and docs[0].meta["date_source"] == "record"


def test_csv_with_custom_fields_and_bad_rows(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text('story,headline,published,body\ns1,One,2019-03-03,"France condemned Iran on Monday."\n'
                 's2,Two,2019-03-04\n'
                 's3,Three,2019-03-05,"Germany praised Japan."\n', encoding="utf-8")
    docs, problems = read([f], text_field="body", id_field="story", date_field="published", title_field="headline")
    assert [d.doc_id for d in docs] == ["s1", "s3"] and docs[1].title == "Three"
    assert docs[0].date == dt.date(2019, 3, 3)
    assert len(problems) == 1 and problems[0].where.endswith("a.csv:3") and "fields" in problems[0].reason
    _, problems = read([f])
    assert "has no 'text' column" in problems[0].reason


def test_html_page_text_and_metadata(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(HTML, encoding="utf-8")
    docs, problems = read([f])
    assert problems == []
    d = docs[0]
    assert "Turkey condemned an air raid" in d.text and "Copyright notice" not in d.text
    assert d.title == "Turkey condemns raid" and d.date == dt.date(2019, 3, 3) and d.meta["date_source"] == "html"


def test_feed_items_fall_back_to_summary_when_page_unreachable(tmp_path):
    f = tmp_path / "world.rss"
    f.write_text(RSS, encoding="utf-8")
    docs, problems = read([f], fetch_timeout=1.0)
    assert [d.doc_id for d in docs] == ["item-1"]
    assert docs[0].title == "Germany expels diplomats" and docs[0].date == dt.date(2019, 3, 5)
    assert "expelled two Russian diplomats" in docs[0].text
    assert any(not p.fatal and "summary" in p.reason for p in problems)
    assert any(p.fatal and "#item2" in p.where for p in problems)


def test_directories_recurse_and_gzip_is_transparent(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("France condemned Iran on Monday in a statement.", encoding="utf-8")
    with gzip.open(tmp_path / "sub" / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "b1", "text": "Germany praised Japan."}) + "\n")
    (tmp_path / "sub" / "notes.bin").write_bytes(b"\x00\x01")
    docs, problems = read([tmp_path])
    assert sorted(d.doc_id for d in docs) == ["a.txt", "b1"] and problems == []


def test_bad_inputs_each_give_one_clear_problem(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00\rIHDR")
    broken_gz = tmp_path / "x.txt.gz"
    broken_gz.write_bytes(b"\x1f\x8b\x08\x00broken")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("France condemned Iran. " * 100, encoding="utf-8")
    french = tmp_path / "fr.txt"
    french.write_text("La France a condamné l'Iran lundi et a appelé la Russie à cesser les bombardements "
                      "des civils dans la province d'Idlib, selon le ministère des affaires étrangères.",
                      encoding="utf-8")
    docs, problems = read([binary, broken_gz, empty, big, french, tmp_path / "nope.txt"], max_chars=1000)
    reasons = {p.where.rsplit("/", 1)[-1]: p.reason for p in problems}
    assert docs == []
    assert "binary" in reasons["image.txt"] and "damaged gzip" in reasons["x.txt.gz"]
    assert reasons["empty.jsonl"] == "is empty" and "too large" in reasons["big.txt"]
    assert "not in English" in reasons["fr.txt"] and reasons["nope.txt"] == "no such file"
    assert all(p.fatal for p in problems)


def test_feed_item_page_is_fetched_from_a_reachable_url(tmp_path):
    import http.server
    import threading

    (tmp_path / "story.html").write_text(HTML, encoding="utf-8")
    handler = lambda *a, **kw: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **kw)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *a: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/story.html"
        feed = tmp_path / "local.rss"
        feed.write_text(RSS.replace("http://127.0.0.1:9/unreachable", url), encoding="utf-8")
        docs, problems = read([feed])
    finally:
        server.shutdown()
    assert docs[0].url == url and "Turkey condemned an air raid" in docs[0].text
    assert docs[0].title == "Turkey condemns raid" and docs[0].date == dt.date(2019, 3, 3)
    assert not any(p.where.endswith("#item1") for p in problems), problems
