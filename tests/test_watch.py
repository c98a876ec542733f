"""`tacitus watch`: each pass codes only what is new in a folder or a feed, and remembers it across restarts."""
import os
import re

from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.io import ReadOptions
from tacitus.store import Store
from tacitus.store.watch import watch, watch_pass

runner = CliRunner()

ARTICLES = {
    "a.txt": "Russia and China vetoed the U.N. Security Council resolution on Syria.",
    "b.txt": "Germany condemned North Korea after its missile test.",
    "c.txt": "Israeli air strikes killed 10 militants in the Gaza Strip.",
}


def pass_line(output: str) -> tuple[int, int, int]:
    found = re.findall(r"(\d+) new, (\d+) unchanged, (\d+) rejected", output)
    assert len(found) == 1, output
    return tuple(int(n) for n in found[0])


def doc_ids(db) -> list[str]:
    with Store(db, read_only=True) as s:
        return [r[0] for r in s.query("SELECT doc_id FROM documents ORDER BY doc_id")[1]]


def test_once_codes_new_files_only_and_survives_restarts(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "news.duckdb"
    inbox.mkdir()
    for name in ("a.txt", "b.txt"):
        (inbox / name).write_text(ARTICLES[name], encoding="utf-8")
    args = ["watch", str(inbox), "--db", str(db), "--once", "--date", "2016-03-01", "-q"]

    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert pass_line(first.stderr) == (2, 0, 0)
    assert doc_ids(db) == ["a.txt", "b.txt"]
    with Store(db, read_only=True) as s:
        events_before = s.counts()["events"]
    assert events_before >= 2

    (inbox / "c.txt").write_text(ARTICLES["c.txt"], encoding="utf-8")
    second = runner.invoke(app, args)  # a new process in effect: the state comes from the store
    assert second.exit_code == 0, second.output
    assert pass_line(second.stderr) == (1, 2, 0)
    assert doc_ids(db) == ["a.txt", "b.txt", "c.txt"]
    with Store(db, read_only=True) as s:
        c_events = s.query("SELECT count(*) FROM events WHERE doc_id = 'c.txt'")[1][0][0]
        assert s.counts()["events"] == events_before + c_events and c_events >= 1

    third = runner.invoke(app, args)
    assert pass_line(third.stderr) == (0, 3, 0)
    with Store(db, read_only=True) as s:
        assert s.counts()["events"] == events_before + c_events


def test_touched_file_is_reread_but_not_recoded_and_changed_file_replaces(coder, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.txt", "b.txt"):
        (inbox / name).write_text(ARTICLES[name], encoding="utf-8")
    opts = ReadOptions()
    with Store(tmp_path / "s.duckdb") as store:
        first = watch_pass(store, coder, str(inbox), opts)
        assert (first.new, first.unchanged, first.rejected) == (2, 0, 0)
        n_events = store.counts()["events"]
        st = (inbox / "a.txt").stat()
        os.utime(inbox / "a.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # same text, new mtime
        touched = watch_pass(store, coder, str(inbox), opts)
        assert (touched.new, touched.unchanged) == (0, 2)  # b by fingerprint, a by its text hash
        assert store.counts()["events"] == n_events
        (inbox / "b.txt").write_text("France praised Egypt. Japan criticised China.", encoding="utf-8")
        changed = watch_pass(store, coder, str(inbox), opts)
        assert (changed.new, changed.unchanged) == (1, 1)
        codes = {r[0] for r in store.query("SELECT source FROM events WHERE doc_id = 'b.txt'")[1]}
        assert codes == {"FRA", "JPN"}  # the old events of b.txt are gone, not kept beside the new ones


def test_rejected_file_is_reported_once(coder, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    (inbox / "empty.txt").write_text("  \n", encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        first = watch_pass(store, coder, str(inbox))
        assert (first.new, first.rejected) == (1, 1)
        assert any("empty.txt: is empty" in str(p) for p in first.problems)
        again = watch_pass(store, coder, str(inbox))
        assert (again.new, again.unchanged, again.rejected) == (0, 2, 0)
        assert store.counts()["rejects"] == 1


def rss(items) -> str:
    body = "".join(f"<item><guid>{guid}</guid><title>{title}</title><pubDate>{date}</pubDate>"
                   f"<description>{text}</description></item>" for guid, title, date, text in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'


FEED_ITEMS = [
    ("wire-1", "Veto", "Tue, 01 Mar 2016 10:00:00 GMT", ARTICLES["a.txt"]),
    ("wire-2", "Missile", "Wed, 02 Mar 2016 10:00:00 GMT", ARTICLES["b.txt"]),
    ("wire-3", "Gaza", "Thu, 03 Mar 2016 10:00:00 GMT", ARTICLES["c.txt"]),
]


def test_feed_items_are_coded_once(coder, tmp_path):
    feed, db = tmp_path / "wire.rss", tmp_path / "news.duckdb"
    feed.write_text(rss(FEED_ITEMS[:2]), encoding="utf-8")
    result = runner.invoke(app, ["watch", str(feed), "--db", str(db), "--once", "--no-fetch", "-q"])
    assert result.exit_code == 0, result.output
    assert pass_line(result.stderr) == (2, 0, 0)
    assert doc_ids(db) == ["wire-1", "wire-2"]
    with Store(db, read_only=True) as s:
        dates = dict(s.query("SELECT doc_id, date::VARCHAR FROM documents")[1])
    assert dates == {"wire-1": "2016-03-01", "wire-2": "2016-03-02"}

    feed.write_text(rss(FEED_ITEMS), encoding="utf-8")  # the feed gains an item; the old ones stay in it
    with Store(db) as store:
        second = watch_pass(store, coder, str(feed), ReadOptions(fetch_pages=False))
    assert (second.new, second.unchanged, second.rejected) == (1, 2, 0)
    assert doc_ids(db) == ["wire-1", "wire-2", "wire-3"]


def test_loop_runs_passes_with_the_interval_between(coder, tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "news.duckdb"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    slept, results = [], []

    def sleep(seconds):  # a new article arrives while the watcher waits
        slept.append(seconds)
        (inbox / f"n{len(slept)}.txt").write_text(ARTICLES["c.txt"].replace("10", str(len(slept))),
                                                 encoding="utf-8")

    passes = watch(db, coder, str(inbox), interval=60, passes=3, on_pass=results.append, sleep=sleep)
    assert passes == 3 and slept == [60, 60]
    assert [(r.new, r.unchanged) for r in results] == [(1, 0), (1, 1), (1, 2)]
    assert doc_ids(db) == ["a.txt", "n1.txt", "n2.txt"]
